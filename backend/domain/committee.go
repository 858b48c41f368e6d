package domain

import "strings"

// CommitteeProfile is how a supervising committee signs its papers and how its roles are
// named on screen. It is data of the committee, synced to its desktops, so that one
// program serves Huyện ủy Kim Sơn in 2018, Tỉnh ủy Ninh Bình and each Đảng ủy xã since
// 2025 (the 2025 structure has no district level; see docs/access.md).
type CommitteeProfile struct {
	CommitteeID      string   `json:"committeeId"` // the committee's unit; also the profile's id
	CommuneID        string   `json:"communeId"`   // "" for the top committee
	ShortName        string   `json:"shortName"`   // Tỉnh ủy Ninh Bình, Đảng ủy xã Phát Diệm: as running text and role labels name it
	ParentBody       string   `json:"parentBody"`  // ĐẢNG BỘ TỈNH NINH BÌNH
	IssuingBody      string   `json:"issuingBody"` // ĐẢNG ỦY XÃ PHÁT DIỆM
	Place            string   `json:"place"`       // Phát Diệm
	Symbol           string   `json:"symbol"`      // ĐU
	OrgBoard         string   `json:"orgBoard"`    // Ban Xây dựng Đảng Đảng ủy xã Phát Diệm
	SignerCapacity   string   `json:"signerCapacity"`
	SignerTitle      string   `json:"signerTitle"`
	SignerName       string   `json:"signerName"`
	LetterRecipients []string `json:"letterRecipients"`
	ReportRecipients []string `json:"reportRecipients"`
	// Topics are the topics a dialogue's issues are filed under; DialogueTopics when empty.
	Topics []string `json:"topics"`
	// The office's own words on its letters: what the letter is for ("{thang}" is the
	// meeting's month) and for how many days it is valid (0: to the end of that month).
	LetterPurpose   string `json:"letterPurpose"`
	LetterValidDays int    `json:"letterValidDays"`
	// Its papers' margins in millimetres (0: the usual 20, 20, 30, 15).
	MarginTop    int `json:"marginTop"`
	MarginBottom int `json:"marginBottom"`
	MarginLeft   int `json:"marginLeft"`
	MarginRight  int `json:"marginRight"`
	// Top is set when read (never stored): the profile of the top committee.
	Top bool `json:"top,omitempty"`
}

// Validate checks the profile alone.
func (p *CommitteeProfile) Validate() error {
	if clean(p.ShortName) == "" {
		return Errorf(EInvalid, "shortName", "Tên gọi ngắn của cấp ủy (ví dụ: Tỉnh ủy, Đảng ủy xã Phát Diệm) không được để trống.",
			"The committee's short name (e.g. Tỉnh ủy, Đảng ủy xã Phát Diệm) must not be empty.")
	}
	for _, m := range []struct {
		v, min, max int
		field       string
	}{{p.MarginTop, 15, 30, "marginTop"}, {p.MarginBottom, 15, 30, "marginBottom"}, {p.MarginLeft, 20, 40, "marginLeft"}, {p.MarginRight, 10, 25, "marginRight"}} {
		if m.v != 0 && (m.v < m.min || m.v > m.max) {
			return Errorf(EInvalid, m.field, "Lề giấy phải từ %d đến %d mm (để 0 là lề thường dùng).", "A margin must be %d to %d mm (0 for the usual one).", m.min, m.max)
		}
	}
	if p.LetterValidDays < 0 || p.LetterValidDays > 90 {
		return Errorf(EInvalid, "letterValidDays", "Thời hạn giấy giới thiệu phải từ 0 đến 90 ngày (0 là đến hết tháng).", "A letter is valid 0 to 90 days (0: to the end of the month).")
	}
	if clean(p.IssuingBody) == "" {
		return Errorf(EInvalid, "issuingBody", "Tên cơ quan ban hành văn bản không được để trống.", "The issuing body must not be empty.")
	}
	if sym := strings.TrimSpace(p.Symbol); sym == "" || len([]rune(sym)) > 10 || strings.ContainsAny(sym, " /-") {
		return Errorf(EInvalid, "symbol", "Ký hiệu cấp ủy phải là chữ viết tắt như TU, HU, ĐU.", "The committee's symbol must be an abbreviation such as TU, HU, ĐU.")
	}
	return nil
}

// Normalize trims the profile's text.
func (p *CommitteeProfile) Normalize() {
	for _, s := range []*string{&p.ShortName, &p.ParentBody, &p.IssuingBody, &p.Place, &p.Symbol, &p.OrgBoard, &p.SignerCapacity, &p.SignerTitle, &p.SignerName, &p.LetterPurpose} {
		*s = clean(*s)
	}
	p.LetterRecipients, p.ReportRecipients, p.Topics = lines(p.LetterRecipients), lines(p.ReportRecipients), lines(p.Topics)
}

func lines(in []string) []string {
	out := []string{}
	for _, l := range in {
		if l = clean(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}

// FillDefaults gives a profile the recipients its committee's papers usually carry when
// none are recorded: the letter to the cell and the office's file; the report to the
// Standing Board, the organization board and the file.
func (p *CommitteeProfile) FillDefaults() {
	if len(p.LetterRecipients) == 0 {
		p.LetterRecipients = LetterRecipientsOf(p.ShortName)
	}
	if len(p.ReportRecipients) == 0 {
		p.ReportRecipients = ReportRecipientsOf(p.ShortName, p.OrgBoard)
	}
}

// LetterRecipientsOf is what the introduction letters of the committee named issuer
// ("Đảng ủy xã Phát Diệm") are sent to: the cell named above and the office's file.
func LetterRecipientsOf(issuer string) []string {
	if issuer == "" {
		return []string{"Như trên,", "Lưu."}
	}
	return []string{"Như trên,", "Lưu Văn phòng " + issuer + "."}
}

// ReportRecipientsOf is what the visit reports to the committee named issuer are sent to:
// its Standing Board, its organization board when it has one, and the file.
func ReportRecipientsOf(issuer, orgBoard string) []string {
	var to []string
	if issuer != "" {
		to = append(to, "Thường trực "+issuer+",")
	}
	if orgBoard != "" {
		to = append(to, orgBoard+",")
	}
	return append(to, "Lưu.")
}

// Header is the heading and signer its papers print.
func (p CommitteeProfile) Header() DocumentHeader {
	return DocumentHeader{ParentBody: p.ParentBody, IssuingBody: p.IssuingBody, IssuerName: p.ShortName, Place: p.Place,
		SignerCapacity: p.SignerCapacity, SignerTitle: p.SignerTitle, SignerName: p.SignerName}
}

// PartyOrganization is the party organization the committee leads, as the first line of
// the heading of the committees under it prints it: TỈNH ỦY NINH BÌNH leads ĐẢNG BỘ TỈNH
// NINH BÌNH. Its own first line when the name has no known form.
func (p CommitteeProfile) PartyOrganization() string {
	body := strings.ToUpper(clean(p.IssuingBody))
	for _, l := range [][2]string{{"TỈNH ỦY ", "TỈNH "}, {"THÀNH ỦY ", "THÀNH PHỐ "}, {"HUYỆN ỦY ", "HUYỆN "}, {"THỊ ỦY ", "THỊ XÃ "}} {
		if rest, ok := strings.CutPrefix(body, l[0]); ok {
			return "ĐẢNG BỘ " + l[1] + rest
		}
	}
	return p.ParentBody
}

// LetterSymbol is the symbol of its introduction letters: GGT/ĐU.
func (p CommitteeProfile) LetterSymbol() string { return "GGT/" + p.Symbol }

// KimSonProfile is the 2018 district's profile: the papers of today's default.
func KimSonProfile() CommitteeProfile {
	h := KimSonHeader()
	return CommitteeProfile{ShortName: "Huyện ủy Kim Sơn", ParentBody: h.ParentBody, IssuingBody: h.IssuingBody, Place: h.Place, Symbol: "HU",
		OrgBoard: "Ban Tổ chức Huyện ủy", SignerCapacity: h.SignerCapacity, SignerTitle: h.SignerTitle,
		LetterRecipients: []string{"Như trên,", "Lưu Văn phòng Huyện ủy."},
		ReportRecipients: []string{"Thường trực Huyện ủy,", "Ban Tổ chức Huyện ủy,", "Lưu."}}
}
