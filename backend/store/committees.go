package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"strings"

	"chibo/backend/domain"
	"chibo/backend/kinds"
	"chibo/backend/textutil"
)

// A committee's paper profile (kinds.CommitteeProfile): its id is the committee's unit id,
// so the desktops of one committee edit one record and never make two.
var kindProfile = spec(kinds.CommitteeProfile)

func profileValues(p domain.CommitteeProfile) Values {
	lr, _ := json.Marshal(p.LetterRecipients)
	rr, _ := json.Marshal(p.ReportRecipients)
	tp, _ := json.Marshal(p.Topics)
	return Values{"committeeId": p.CommitteeID, "communeId": p.CommuneID, "shortName": p.ShortName, "parentBody": p.ParentBody,
		"issuingBody": p.IssuingBody, "place": p.Place, "symbol": p.Symbol, "orgBoard": p.OrgBoard,
		"signerCapacity": p.SignerCapacity, "signerTitle": p.SignerTitle, "signerName": p.SignerName,
		"letterRecipients": string(lr), "reportRecipients": string(rr), "topics": string(tp),
		"letterPurpose": p.LetterPurpose, "letterValidDays": int64(p.LetterValidDays), "marginTop": int64(p.MarginTop),
		"marginBottom": int64(p.MarginBottom), "marginLeft": int64(p.MarginLeft), "marginRight": int64(p.MarginRight)}
}

func scanProfile(sc interface{ Scan(...any) error }) (domain.CommitteeProfile, error) {
	r, err := kindProfile.scan(sc)
	p := domain.CommitteeProfile{CommitteeID: r.str("committeeId"), CommuneID: r.str("communeId"), ShortName: r.str("shortName"),
		ParentBody: r.str("parentBody"), IssuingBody: r.str("issuingBody"), Place: r.str("place"), Symbol: r.str("symbol"),
		OrgBoard: r.str("orgBoard"), SignerCapacity: r.str("signerCapacity"), SignerTitle: r.str("signerTitle"), SignerName: r.str("signerName")}
	json.Unmarshal([]byte(r.str("letterRecipients")), &p.LetterRecipients)
	json.Unmarshal([]byte(r.str("reportRecipients")), &p.ReportRecipients)
	json.Unmarshal([]byte(r.str("topics")), &p.Topics)
	p.LetterPurpose, p.LetterValidDays = r.str("letterPurpose"), r.int("letterValidDays")
	p.MarginTop, p.MarginBottom, p.MarginLeft, p.MarginRight = r.int("marginTop"), r.int("marginBottom"), r.int("marginLeft"), r.int("marginRight")
	return p, err
}

// CommitteeProfiles returns the profile of every committee this device holds, the top
// committee's marked.
func (s *Store) CommitteeProfiles(ctx context.Context) ([]domain.CommitteeProfile, error) {
	top, _, err := s.CommitteeProfile(ctx, "")
	if err != nil {
		return nil, err
	}
	var out []domain.CommitteeProfile
	err = queryEach(ctx, s.db, `SELECT `+kindProfile.columns("")+` FROM committee_profiles WHERE deleted = 0 ORDER BY commune_id, short_name`, nil,
		func(rows *sql.Rows) error {
			p, err := scanProfile(rows)
			p.Top = p.CommitteeID != "" && p.CommitteeID == top.CommitteeID
			out = append(out, p)
			return err
		})
	return out, err
}

// CommitteeProfile returns the profile of committee id ("" = the top committee: the one
// whose committee has no commune). ok is false when none is recorded.
func (s *Store) CommitteeProfile(ctx context.Context, id string) (p domain.CommitteeProfile, ok bool, err error) {
	tx, err := s.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return p, false, err
	}
	defer tx.Rollback()
	return profileTx(tx, id)
}

func profileTx(tx *sql.Tx, id string) (domain.CommitteeProfile, bool, error) {
	q := `SELECT ` + kindProfile.columns("") + ` FROM committee_profiles WHERE deleted = 0 AND id = ?`
	args := []any{id}
	if id == "" {
		q = `SELECT ` + kindProfile.columns("p.") + ` FROM committee_profiles p JOIN units u ON u.id = p.committee_id
			WHERE p.deleted = 0 AND u.deleted = 0 AND u.commune_id = '' AND u.status = 'active' ORDER BY u.parent_id = '' DESC LIMIT 1`
		args = nil
	}
	p, err := scanProfile(tx.QueryRow(q, args...))
	if err == sql.ErrNoRows {
		return p, false, nil
	}
	return p, err == nil, err
}

// SaveCommitteeProfile records how a committee signs its papers. Errors: EInvalid.
func (s *Store) SaveCommitteeProfile(ctx context.Context, p domain.CommitteeProfile) (domain.CommitteeProfile, error) {
	for _, f := range []*string{&p.ShortName, &p.ParentBody, &p.IssuingBody, &p.Place, &p.Symbol, &p.OrgBoard, &p.SignerCapacity, &p.SignerTitle, &p.SignerName} {
		*f = textutil.NFC(*f)
	}
	for i := range p.Topics {
		p.Topics[i] = textutil.NFC(p.Topics[i])
	}
	p.Normalize()
	p.FillDefaults()
	if err := p.Validate(); err != nil {
		return p, err
	}
	err := s.write(ctx, func(tx *sql.Tx) error { return s.saveProfileTx(tx, &p) })
	return p, err
}

// PaperProfile is how the papers of a committee's work are signed: the committee's
// recorded profile; for the top committee ("") the top committee's; else, as before
// profiles existed (the Kim Sơn 2018 example), this device's letter settings.
func (s *Store) PaperProfile(ctx context.Context, committeeID string) (domain.CommitteeProfile, error) {
	tx, err := s.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return domain.CommitteeProfile{}, err
	}
	defer tx.Rollback()
	return paperProfileTx(tx, committeeID)
}

func paperProfileTx(tx *sql.Tx, committeeID string) (domain.CommitteeProfile, error) {
	if p, ok, err := profileTx(tx, committeeID); err != nil || ok {
		return p, err
	}
	if committeeID != "" {
		if p, ok, err := profileTx(tx, ""); err != nil || ok {
			return p, err
		}
	}
	p := domain.KimSonProfile()
	var h, sym string
	tx.QueryRow(`SELECT value FROM meta WHERE key = ?`, metaDocHeader).Scan(&h)
	tx.QueryRow(`SELECT value FROM meta WHERE key = ?`, metaLetterSymbol).Scan(&sym)
	header := domain.KimSonHeader()
	if h != "" {
		if err := json.Unmarshal([]byte(h), &header); err != nil {
			return p, err
		}
	}
	p.ParentBody, p.IssuingBody, p.ShortName, p.Place = header.ParentBody, header.IssuingBody, header.IssuerName, header.Place
	p.SignerCapacity, p.SignerTitle, p.SignerName = header.SignerCapacity, header.SignerTitle, header.SignerName
	p.Symbol = strings.TrimPrefix(domain.DefaultLetterSymbol, "GGT/")
	if sym != "" {
		p.Symbol = sym // a full symbol (GGT/HU) set on this device; see letterSymbol
	}
	return p, nil
}

// letterSymbol is the symbol of the letters p signs.
func letterSymbol(p domain.CommitteeProfile) string {
	if strings.Contains(p.Symbol, "/") {
		return p.Symbol
	}
	return p.LetterSymbol()
}

func (s *Store) saveProfileTx(tx *sql.Tx, p *domain.CommitteeProfile) error {
	u, err := getUnitTx(tx, p.CommitteeID)
	if err != nil {
		return domain.Errorf(domain.EInvalid, "committeeId", "Không tìm thấy cấp ủy.", "The committee does not exist.")
	}
	if u.Kind != domain.KindSupervising && u.Kind != domain.KindGrassrootsCommittee {
		return domain.Errorf(domain.EInvalid, "committeeId", "“%s” không phải là một cấp ủy.", "“%s” is not a committee.", u.Name)
	}
	p.CommuneID = u.CommuneID
	_, err = s.putRecord(tx, kindProfile, p.CommitteeID, profileValues(*p))
	return err
}

// DialogueTopics is the signed-in committee's list of dialogue topics: its profile's, else
// the list of the article (domain.DialogueTopics).
func (s *Store) DialogueTopics(ctx context.Context) ([]string, error) {
	p, err := s.PaperProfile(ctx, s.committeeID)
	if err != nil {
		return nil, err
	}
	if len(p.Topics) > 0 {
		return p.Topics, nil
	}
	return domain.DialogueTopics, nil
}
