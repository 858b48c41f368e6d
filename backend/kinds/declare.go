package kinds

import (
	"encoding/json"
	"time"

	"chibo/backend/domain"
)

// Kind names: the only place they are spelled.
const (
	Area               = "area"
	Cluster            = "cluster"
	Commune            = "commune"
	Unit               = "unit"
	Official           = "official"
	Schedule           = "schedule"
	Visit              = "visit"
	VisitReport        = "visit_report"
	VisitRelease       = "visit_release"
	ReportTemplate     = "report_template"
	CriteriaSet        = "criteria_set"
	ScoreSheet         = "score_sheet"
	ScoreReview        = "score_review"
	ScoringAudit       = "scoring_audit"
	YearClassification = "year_classification"
	CommitteeProfile   = "committee_profile"
	Conference         = "conference"
	Notice             = "notice"
	Remediation        = "remediation"
	RemediationReport  = "remediation_report"
	RemediationCheck   = "remediation_check"
	YearTheme          = "year_theme"
	Matter             = "matter"
	MatterReview       = "matter_review"
	MatterUpdate       = "matter_update"
	Dialogue           = "dialogue"
	Briefing           = "briefing"
)

// Field constructors keep the declarations one line each.
func text(name, column string, max int) Field {
	return Field{Name: name, Column: column, Type: Text, Max: max}
}
func required(f Field) Field { f.Required = true; return f }
func numbering(f Field) Field {
	f.Numbering = true
	f.Note = "numbered by the planning committee's Standing Board (its office) only"
	return f
}
func enum(name, column string, values ...string) Field {
	return Field{Name: name, Column: column, Type: Text, Enum: values}
}
func integer(name, column string, min, max int) Field {
	return Field{Name: name, Column: column, Type: Int, Min: min, Max: max}
}
func flagField(name, column string) Field { return Field{Name: name, Column: column, Type: Flag} }
func ref(name, column, target string) Field {
	return Field{Name: name, Column: column, Type: Ref, Target: target}
}
func doc(name, column string) Field    { return Field{Name: name, Column: column, Type: Doc} }
func note(f Field, about string) Field { f.Note = about; return f }

// planner is the committee whose plan a visit or its report is: only its roles and the
// top committee's read it (access.Class.Planner).
func planner() Field {
	return note(ref("committeeId", "committee_id", Unit), "the commune committee whose official planned it; empty: the top committee")
}
func restricted() Field {
	return note(flagField("restricted", "restricted"), "1 while only district roles may read it")
}
func roles(rs ...domain.Role) []string {
	out := make([]string, len(rs))
	for i, r := range rs {
		out[i] = string(r)
	}
	return out
}

// Limits shared by many fields.
const (
	nameLen  = 200   // a unit's, person's or set's name
	shortLen = 40    // codes, dates, times, timestamps
	noteLen  = 10000 // free text a person types
)

var (
	unitKinds   = []string{string(domain.KindSupervising), string(domain.KindGrassrootsCommittee), string(domain.KindGrassrootsCell), string(domain.KindSubordinateCell)}
	unitStatus  = []string{string(domain.StatusActive), string(domain.StatusClosed), string(domain.StatusMerged)}
	yearGrades  = []string{string(domain.YearExcellent), string(domain.YearGood), string(domain.YearDone), string(domain.YearNotDone)}
	districtAll = roles(domain.RoleStandingCommittee, domain.RoleDistrictCommittee, domain.RoleDistrictCadre)
)

var (
	_ = declare(&Kind{Name: Area, Table: "areas", About: "An area (tiểu khu): a group of communes one Standing Committee member is in charge of.",
		Public: true, Fields: []Field{required(text("name", "name", nameLen))},
		Rule: func(v Values) error { return domain.ValidateName(v.Str("name"), "tiểu khu", "area") }})

	_ = declare(&Kind{Name: Cluster, Table: "clusters", About: "A cluster of communes (cụm xã) that meets for cluster briefings.",
		Public: true, Fields: []Field{required(text("name", "name", nameLen))},
		Rule: func(v Values) error { return domain.ValidateName(v.Str("name"), "cụm xã", "cluster") }})

	_ = declare(&Kind{Name: Commune, Table: "communes", About: "A commune-level unit: xã, phường, đặc khu (and thị trấn before 2025). A commune record is district-wide: every role reads the list.",
		Public: true, Fields: []Field{
			required(text("name", "name", nameLen)),
			required(enum("kind", "kind", string(domain.CommuneXa), string(domain.CommuneThiTran), string(domain.CommunePhuong), string(domain.CommuneDacKhu))),
			ref("areaId", "area_id", Area), ref("clusterId", "cluster_id", Cluster),
			enum("status", "status", unitStatus...), note(ref("mergedIntoId", "merged_into_id", Commune), "the commune it was merged into (2025)")},
		Rule: func(v Values) error {
			c := domain.Commune{Name: v.Str("name"), Kind: domain.CommuneKind(v.Str("kind")), Status: domain.UnitStatus(v.Str("status"))}
			c.Normalize()
			return c.Validate()
		}})

	_ = declare(&Kind{Name: Unit, Table: "units", About: "A party organization in the tree: a supervising committee, a grassroots committee or cell, a subordinate cell.",
		Writers: roles(domain.RoleStandingCommittee, domain.RoleDistrictCommittee, domain.RoleCommuneOffice),
		Links:   []Link{{Field: "parentId", Commune: SameCommuneOrAbove}, {Field: "mergedIntoId"}},
		Fields: []Field{
			ref("parentId", "parent_id", Unit), required(enum("kind", "kind", unitKinds...)),
			required(text("name", "name", nameLen)), ref("communeId", "commune_id", Commune),
			integer("members", "members", 0, 1_000_000), integer("probationary", "probationary", 0, 1_000_000),
			integer("religious", "religious", 0, 1_000_000), enum("status", "status", unitStatus...),
			ref("mergedIntoId", "merged_into_id", Unit), note(text("closedOn", "closed_on", shortLen), "yyyy-mm-dd"),
			text("note", "note", noteLen)},
		Rule: func(v Values) error {
			u := domain.Unit{Kind: domain.UnitKind(v.Str("kind")), Name: v.Str("name"), Members: int(v.Int("members")),
				Probationary: int(v.Int("probationary")), Religious: int(v.Int("religious")), Status: domain.UnitStatus(v.Str("status"))}
			u.Normalize()
			return u.Validate()
		}})

	_ = declare(&Kind{Name: Official, Table: "officials", About: "A person who supervises or is supervised, with a role and an assignment.",
		Public: true, Fields: []Field{
			required(text("name", "name", nameLen)), text("title", "title", nameLen),
			required(enum("role", "role", roles(domain.Roles...)...)),
			ref("areaId", "area_id", Area), ref("communeId", "commune_id", Commune), flagField("active", "active"),
			note(ref("committeeId", "committee_id", Unit), "the commune committee the role is held in; empty: the top committee")},
		Rule: func(v Values) error {
			o := domain.Official{Name: v.Str("name"), Role: domain.Role(v.Str("role")), AreaID: v.Str("areaId"), CommuneID: v.Str("communeId"),
				CommitteeID: v.Str("committeeId")}
			o.Normalize()
			return o.Validate()
		}})

	_ = declare(&Kind{Name: Schedule, Table: "schedules", About: "A cell's meeting (lịch sinh hoạt): date, time and place, registered by its commune.",
		Writers: roles(domain.RoleStandingCommittee, domain.RoleDistrictCommittee, domain.RoleDistrictCadre, domain.RoleCommuneOffice),
		Links:   []Link{{Field: "cellId", Commune: SameCommune}},
		Fields: []Field{
			required(ref("cellId", "cell_id", Unit)), ref("communeId", "commune_id", Commune),
			note(required(text("month", "month", shortLen)), "yyyy-mm"), note(required(text("date", "date", shortLen)), "yyyy-mm-dd, within the month"),
			note(required(text("startTime", "start_time", shortLen)), "HH:MM, 24-hour"), required(text("place", "place", 300)),
			required(enum("kind", "kind", string(domain.MeetingRegular), string(domain.MeetingThematic))),
			required(enum("status", "status", string(domain.ScheduleDraft), string(domain.SchedulePublished), string(domain.ScheduleCancelled))),
			flagField("changedAfterPublish", "changed_after_publish"), text("note", "note", noteLen), restricted()},
		Rule: func(v Values) error {
			s := domain.Schedule{CellID: v.Str("cellId"), Month: v.Str("month"), Date: v.Str("date"), StartTime: v.Str("startTime"),
				Place: v.Str("place"), Kind: domain.MeetingKind(v.Str("kind")), Status: domain.ScheduleStatus(v.Str("status"))}
			return s.Validate()
		}})

	_ = declare(&Kind{Name: Visit, Table: "visits", About: "A planned or made visit to a cell's meeting, unannounced: sealed, never sent to the visited commune.",
		Writers: districtAll, Sealed: true,
		Links: []Link{{Field: "scheduleId", Commune: SameCommune}, {Field: "committeeId", Commune: SameCommune}},
		Fields: []Field{
			required(ref("scheduleId", "schedule_id", Schedule)), ref("cellId", "cell_id", Unit), ref("communeId", "commune_id", Commune),
			required(ref("officialId", "official_id", Official)), planner(), note(text("date", "date", shortLen), "yyyy-mm-dd"),
			required(enum("status", "status", string(domain.VisitPlanned), string(domain.VisitAttended), string(domain.VisitReported), string(domain.VisitCancelled))),
			text("note", "note", noteLen), numbering(integer("letterYear", "letter_year", 0, 9999)), numbering(integer("letterSeq", "letter_seq", 0, 1_000_000)),
			numbering(text("letterSymbol", "letter_symbol", shortLen)), numbering(text("letterDate", "letter_date", shortLen)), restricted()},
		Rule: func(v Values) error {
			x := domain.Visit{ScheduleID: v.Str("scheduleId"), OfficialID: v.Str("officialId"), Status: domain.VisitStatus(v.Str("status"))}
			return x.Validate()
		}})

	_ = declare(&Kind{Name: VisitReport, Table: "visit_reports", About: "The written report of a visit, on a report template; written once, corrected by a new revision that amends it.",
		Writers: districtAll, Sealed: true, InsertOnly: true,
		Links: []Link{{Field: "visitId"}, {Field: "committeeId", Commune: SameCommune}},
		Fields: []Field{
			required(ref("visitId", "visit_id", Visit)), planner(), ref("templateId", "template_id", ReportTemplate),
			integer("templateVersion", "template_version", 0, 1_000_000), ref("cellId", "cell_id", Unit), ref("communeId", "commune_id", Commune),
			ref("officialId", "official_id", Official), note(required(doc("values", "values_json")), "the template's answers, by field key"),
			text("submittedAt", "submitted_at", shortLen), ref("amends", "amends", VisitReport),
			integer("revision", "revision", 0, 1_000_000), text("reason", "reason", noteLen), restricted()}})

	_ = declare(&Kind{Name: VisitRelease, Table: "visit_releases", About: "What of a report the commune may read (the feedback and assessment), released by the official.",
		Writers: districtAll,
		Fields: []Field{
			required(ref("reportId", "report_id", VisitReport)), ref("cellId", "cell_id", Unit), ref("communeId", "commune_id", Commune),
			text("date", "date", shortLen), text("officialName", "official_name", nameLen), text("feedback", "feedback", noteLen),
			text("assessment", "assessment", noteLen), restricted()}})

	_ = declare(&Kind{Name: ReportTemplate, Table: "report_templates", About: "A version of the visit report's form: its fields and arithmetic checks.",
		Public: true,
		Fields: []Field{
			required(text("name", "name", nameLen)), integer("version", "version", 1, 1_000_000),
			required(doc("fields", "fields_json")), doc("checks", "checks_json"), text("createdAt", "created_at", shortLen), restricted()},
		Rule: func(v Values) error {
			t := domain.ReportTemplate{Name: v.Str("name"), Version: int(v.Int("version"))}
			if err := json.Unmarshal([]byte(v.Str("fields")), &t.Fields); err != nil {
				return domain.Errorf(domain.EInvalid, "fields", "Danh sách mục của mẫu không đọc được.", "The template's fields cannot be read.")
			}
			if c := v.Str("checks"); c != "" {
				if err := json.Unmarshal([]byte(c), &t.Checks); err != nil {
					return domain.Errorf(domain.EInvalid, "checks", "Quy tắc kiểm tra của mẫu không đọc được.", "The template's checks cannot be read.")
				}
			}
			return t.Validate()
		}})

	_ = declare(&Kind{Name: CriteriaSet, Table: "criteria_sets", About: "A version of the monthly scoring criteria (bộ tiêu chí); frozen once published.",
		Public: true, FrozenStatus: string(domain.SetPublished),
		Fields: []Field{
			ref("seriesId", "series_id", CriteriaSet), required(text("name", "name", nameLen)), integer("version", "version", 0, 1_000_000),
			required(enum("status", "status", string(domain.SetDraft), string(domain.SetPublished))),
			note(text("effectiveMonth", "effective_month", shortLen), "yyyy-mm"), doc("unitKinds", "unit_kinds"),
			note(doc("content", "content"), "groups, criteria, points, bonuses, penalties, grades"), flagField("example", "example"),
			text("note", "note", noteLen), text("publishedAt", "published_at", shortLen), text("publishedBy", "published_by", nameLen)}})

	_ = declare(&Kind{Name: ScoreSheet, Table: "score_sheets", About: "One organization's monthly self-assessment (tự chấm); its id is derived from the organization and month.",
		Writers: roles(domain.RoleCommuneOffice),
		Links:   []Link{{Field: "unitId", Commune: SameCommune}},
		Fields: []Field{
			required(ref("unitId", "unit_id", Unit)), ref("communeId", "commune_id", Commune), note(required(text("month", "month", shortLen)), "yyyy-mm"),
			ref("criteriaSetId", "criteria_set_id", CriteriaSet), note(doc("self", "self"), "self-scores by criterion"),
			text("selfNote", "self_note", noteLen), flagField("submitted", "submitted"), text("submittedAt", "submitted_at", shortLen),
			text("submittedBy", "submitted_by", nameLen), note(flagField("locked", "locked"), "1 once verified: the boards' only")},
		Rule: monthRule})

	_ = declare(&Kind{Name: ScoreReview, Table: "score_reviews", About: "The boards' verification (thẩm định) of a score sheet, and its approval or unlocking.",
		Fields: []Field{
			required(ref("sheetId", "sheet_id", ScoreSheet)), ref("unitId", "unit_id", Unit), ref("communeId", "commune_id", Commune),
			text("month", "month", shortLen), doc("verified", "verified"), text("comment", "comment", noteLen), flagField("approved", "approved"),
			text("approvedAt", "approved_at", shortLen), text("approvedBy", "approved_by", nameLen), text("unlockReason", "unlock_reason", noteLen),
			text("unlockedAt", "unlocked_at", shortLen), text("unlockedBy", "unlocked_by", nameLen), restricted()}})

	_ = declare(&Kind{Name: ScoringAudit, Table: "scoring_audit", About: "One entry of the scoring audit trail: who approved, unlocked or overrode what, and why.",
		InsertOnly: true,
		Fields: []Field{
			ref("communeId", "commune_id", Commune), ref("unitId", "unit_id", Unit), text("subjectKind", "subject_kind", shortLen),
			ref("subjectId", "subject_id", ""), required(text("action", "action", shortLen)), text("reason", "reason", noteLen),
			text("detail", "detail", noteLen), text("by", "by_user", nameLen), text("at", "at", shortLen)}})

	_ = declare(&Kind{Name: YearClassification, Table: "year_classifications", About: "An organization's year-end classification: the suggestion from its months and a recorded override.",
		Sealed: true,
		Fields: []Field{
			required(ref("unitId", "unit_id", Unit)), ref("communeId", "commune_id", Commune), integer("year", "year", 2000, 2200),
			note(doc("suggestion", "suggestion"), "the grade its months suggest, with the figures"), enum("override", "override", yearGrades...),
			text("overrideReason", "override_reason", noteLen), text("overriddenBy", "overridden_by", nameLen),
			text("overriddenAt", "overridden_at", shortLen), restricted()}})

	_ = declare(&Kind{Name: CommitteeProfile, Table: "committee_profiles", About: "How a committee signs its papers: heading, symbol, place, signer, recipients; its id is the committee's unit id.",
		Public:  true,
		Writers: roles(domain.RoleDistrictCommittee, domain.RoleCommuneOffice),
		Links:   []Link{{Field: "committeeId", Commune: SameCommune}},
		Fields: []Field{
			required(ref("committeeId", "committee_id", Unit)), ref("communeId", "commune_id", Commune),
			note(required(text("shortName", "short_name", nameLen)), "as running text and role labels name it: Tỉnh ủy Ninh Bình, Đảng ủy xã Phát Diệm"),
			note(text("parentBody", "parent_body", nameLen), "the heading's first line: ĐẢNG BỘ TỈNH NINH BÌNH"),
			note(required(text("issuingBody", "issuing_body", nameLen)), "the heading's second line: ĐẢNG ỦY XÃ PHÁT DIỆM"),
			note(text("place", "place", nameLen), "for the date line: Phát Diệm, ngày …"),
			note(required(text("symbol", "symbol", shortLen)), "the committee's symbol in numbers: TU, HU, ĐU"),
			note(text("orgBoard", "org_board", nameLen), "Ban Tổ chức Tỉnh ủy; Ban Xây dựng Đảng at commune level"),
			text("signerCapacity", "signer_capacity", nameLen), text("signerTitle", "signer_title", nameLen), text("signerName", "signer_name", nameLen),
			note(doc("letterRecipients", "letter_recipients"), "Nơi nhận of introduction letters, one line each"),
			note(doc("reportRecipients", "report_recipients"), "Nơi nhận of visit reports, one line each"),
			note(doc("topics", "topics"), "the topics a dialogue's issues are filed under, in order; the article's list when empty"),
			note(text("letterPurpose", "letter_purpose", noteLen), "what its letters are for; {thang} is the meeting's month"),
			note(integer("letterValidDays", "letter_valid_days", 0, 90), "days a letter is valid; 0: to the end of the meeting's month"),
			note(integer("marginTop", "margin_top", 0, 50), "its papers' margins in mm; 0: the usual 20 top and bottom, 30 left, 15 right"),
			integer("marginBottom", "margin_bottom", 0, 50), integer("marginLeft", "margin_left", 0, 50), integer("marginRight", "margin_right", 0, 50)},
		Rule: func(v Values) error {
			p := domain.CommitteeProfile{ShortName: v.Str("shortName"), IssuingBody: v.Str("issuingBody"), Symbol: v.Str("symbol"),
				LetterValidDays: int(v.Int("letterValidDays")), MarginTop: int(v.Int("marginTop")), MarginBottom: int(v.Int("marginBottom")),
				MarginLeft: int(v.Int("marginLeft")), MarginRight: int(v.Int("marginRight"))}
			return p.Validate()
		}})
)

// The round's results (issue 10): the conference after a round of visits, the conclusion
// notice, and every shortcoming it names followed to its remedy.
var (
	_ = declare(&Kind{Name: Conference, Table: "conferences", About: "The committee's conference after a round of visits (hội nghị): who attended, each official's remarks and proposed solutions; kept within the committee.",
		Writers: districtAll, Sealed: true,
		Links: []Link{{Field: "committeeId", Commune: SameCommune}},
		Fields: []Field{
			planner(), ref("communeId", "commune_id", Commune), note(required(text("month", "month", shortLen)), "yyyy-mm, the round"),
			note(text("date", "date", shortLen), "yyyy-mm-dd"), text("place", "place", 300), text("chair", "chair", nameLen),
			note(doc("present", "present"), "the officials present, by name"),
			note(doc("remarks", "remarks"), "each official's remarks and proposed solutions"), text("note", "note", noteLen), restricted()},
		Rule: monthRule})

	_ = declare(&Kind{Name: Notice, Table: "notices", About: "The conclusion notice of a round (thông báo kết luận): drafted within the committee, frozen once issued, then read by every organization in the committee's scope.",
		Public: true, Writers: districtAll, FrozenStatus: string(domain.NoticeIssued),
		Links: []Link{{Field: "committeeId", Commune: SameCommune}, {Field: "replaces", Commune: SameCommune}},
		Fields: []Field{
			planner(), ref("communeId", "commune_id", Commune), note(required(text("month", "month", shortLen)), "yyyy-mm, the round"),
			required(enum("status", "status", string(domain.NoticeDraft), string(domain.NoticeIssued))),
			integer("number", "number", 0, 1_000_000), integer("termStart", "term_start", 0, 9999), text("symbol", "symbol", shortLen),
			note(text("date", "date", shortLen), "yyyy-mm-dd, local"), text("assessment", "assessment", noteLen),
			note(doc("didWell", "did_well"), "organizations that did well, each with a note"),
			note(doc("shortcomings", "shortcomings"), "organizations with shortcomings: each shortcoming, what to fix, by when"),
			text("directions", "directions", noteLen), note(doc("recipients", "recipients"), "Nơi nhận, one line each"),
			ref("replaces", "replaces", Notice), text("issuedAt", "issued_at", shortLen), text("issuedBy", "issued_by", nameLen), restricted()},
		Rule: func(v Values) error {
			n := domain.Notice{Month: v.Str("month"), Status: domain.NoticeStatus(v.Str("status")), Number: int(v.Int("number"))}
			return n.Validate()
		}})

	_ = declare(&Kind{Name: Remediation, Table: "remediations", About: "One shortcoming an issued notice names, for one organization to remedy by a date; written once, with the notice.",
		Writers: districtAll, InsertOnly: true,
		Links: []Link{{Field: "unitId", Commune: SameCommune}, {Field: "noticeId"}},
		Fields: []Field{
			required(ref("noticeId", "notice_id", Notice)), required(ref("unitId", "unit_id", Unit)), ref("communeId", "commune_id", Commune),
			planner(), required(text("shortcoming", "shortcoming", noteLen)), text("fix", "fix", noteLen), note(text("due", "due", shortLen), "yyyy-mm-dd")}})

	_ = declare(&Kind{Name: RemediationReport, Table: "remediation_reports", About: "What an organization's office reports it did about one shortcoming, with the date and evidence; each report a new record.",
		Writers: roles(domain.RoleCommuneOffice), InsertOnly: true,
		Links: []Link{{Field: "itemId"}, {Field: "unitId", Commune: SameCommune}},
		Fields: []Field{
			required(ref("itemId", "item_id", Remediation)), ref("unitId", "unit_id", Unit), ref("communeId", "commune_id", Commune),
			note(required(text("date", "date", shortLen)), "yyyy-mm-dd"), required(text("actions", "actions", noteLen)),
			text("evidence", "evidence", noteLen), text("by", "by_user", nameLen), text("at", "at", shortLen)}})

	_ = declare(&Kind{Name: RemediationCheck, Table: "remediation_checks", About: "The official's verification of one shortcoming's remedy: remedied, partly or not, with a comment; its id is derived from the item's.",
		Writers: districtAll,
		Links:   []Link{{Field: "itemId"}, {Field: "unitId", Commune: SameCommune}},
		Fields: []Field{
			required(ref("itemId", "item_id", Remediation)), ref("unitId", "unit_id", Unit), ref("communeId", "commune_id", Commune),
			required(enum("verdict", "verdict", string(domain.Remedied), string(domain.PartlyRemedied), string(domain.NotRemedied))),
			text("comment", "comment", noteLen), text("by", "by_user", nameLen), text("at", "at", shortLen)}})
)

// Matters followed to a result (issue 11): the year's theme, urgent matters registered by
// each organization, dialogues with the people and the issues raised there, every state
// change recorded.
var (
	officeAndCommittee = roles(domain.RoleCommuneOffice, domain.RoleStandingCommittee, domain.RoleDistrictCommittee, domain.RoleDistrictCadre)

	_ = declare(&Kind{Name: YearTheme, Table: "year_themes", About: "A committee's theme of the year (chủ đề năm); its id is derived from the committee and the year.",
		Public: true, Writers: districtAll,
		Fields: []Field{ref("committeeId", "committee_id", Unit), ref("communeId", "commune_id", Commune), integer("year", "year", 2000, 2200),
			required(text("theme", "theme", 1000))}})

	_ = declare(&Kind{Name: Matter, Table: "matters", About: "One matter followed to a result: an urgent matter an organization registered, an issue raised at a dialogue, a briefing's direction.",
		Writers: officeAndCommittee,
		Links:   []Link{{Field: "unitId", Commune: SameCommune}, {Field: "dialogueId", Commune: SameCommune}},
		Fields: []Field{
			required(enum("source", "source", string(domain.SourceUrgent), string(domain.SourceDialogue), string(domain.SourceBriefing), string(domain.SourceConcern))),
			ref("unitId", "unit_id", Unit), ref("communeId", "commune_id", Commune), integer("year", "year", 2000, 2200),
			required(text("title", "title", 1000)), text("expected", "expected", noteLen), text("lead", "lead", nameLen),
			note(text("deadline", "deadline", shortLen), "yyyy-mm-dd"), note(doc("milestones", "milestones"), "dated steps"),
			text("topic", "topic", nameLen), text("raisedBy", "raised_by", nameLen), text("forwardedTo", "forwarded_to", nameLen),
			ref("dialogueId", "dialogue_id", Dialogue), ref("briefingId", "briefing_id", Briefing), ref("reportId", "report_id", VisitReport),
			required(enum("state", "state", string(domain.MatterRegistered), string(domain.MatterInProgress), string(domain.MatterResolved),
				string(domain.MatterPartly), string(domain.MatterNotResolved))),
			text("result", "result", noteLen), text("evidence", "evidence", noteLen), text("createdAt", "created_at", shortLen)},
		Rule: func(v Values) error {
			m := domain.Matter{Source: domain.MatterSource(v.Str("source")), Title: v.Str("title"), Deadline: v.Str("deadline")}
			return m.Validate()
		}})

	_ = declare(&Kind{Name: MatterReview, Table: "matter_reviews", About: "The committee's acceptance or return of a registered matter, with its comment; its id is derived from the matter's.",
		Writers: districtAll,
		Links:   []Link{{Field: "matterId"}, {Field: "unitId", Commune: SameCommune}},
		Fields: []Field{required(ref("matterId", "matter_id", Matter)), ref("unitId", "unit_id", Unit), ref("communeId", "commune_id", Commune),
			required(enum("decision", "decision", string(domain.MatterAccepted), string(domain.MatterReturned))),
			text("comment", "comment", noteLen), text("by", "by_user", nameLen), text("at", "at", shortLen)}})

	_ = declare(&Kind{Name: MatterUpdate, Table: "matter_updates", About: "One step of a matter: progress, an answer, the result; written once, so the matter's history is its audit.",
		Writers: officeAndCommittee, InsertOnly: true,
		Links: []Link{{Field: "matterId"}, {Field: "unitId", Commune: SameCommune}},
		Fields: []Field{required(ref("matterId", "matter_id", Matter)), ref("unitId", "unit_id", Unit), ref("communeId", "commune_id", Commune),
			note(required(text("date", "date", shortLen)), "yyyy-mm-dd"),
			required(enum("state", "state", string(domain.MatterRegistered), string(domain.MatterInProgress), string(domain.MatterResolved),
				string(domain.MatterPartly), string(domain.MatterNotResolved))),
			text("note", "note", noteLen), text("by", "by_user", nameLen), text("at", "at", shortLen)}})

	_ = declare(&Kind{Name: Dialogue, Table: "dialogues", About: "A dialogue with the people (đối thoại) or a citizen reception (tiếp công dân) of a commune; its issues are matters.",
		Writers: officeAndCommittee,
		Fields: []Field{ref("communeId", "commune_id", Commune), required(enum("kind", "kind", string(domain.DialogueMeeting), string(domain.Reception))),
			note(required(text("date", "date", shortLen)), "yyyy-mm-dd"), text("place", "place", 300), text("chair", "chair", nameLen),
			text("participants", "participants", noteLen), text("note", "note", noteLen)},
		Rule: func(v Values) error {
			d := domain.Dialogue{Kind: domain.DialogueKind(v.Str("kind")), Date: v.Str("date")}
			return d.Validate()
		}})

	_ = declare(&Kind{Name: Briefing, Table: "briefings", About: "A cluster briefing (giao ban cụm xã): the communes present, what each reported; its directions are matters.",
		Writers: districtAll,
		Fields: []Field{ref("clusterId", "cluster_id", Cluster), note(required(text("date", "date", shortLen)), "yyyy-mm-dd"),
			text("place", "place", 300), text("chair", "chair", nameLen),
			note(doc("reports", "reports"), "what each commune present reported"), text("note", "note", noteLen)},
		Rule: func(v Values) error {
			_, err := time.Parse("2006-01-02", v.Str("date"))
			if err != nil {
				return domain.Errorf(domain.EInvalid, "date", "Ngày giao ban không hợp lệ.", "Invalid briefing date.")
			}
			return nil
		}})
)

func monthRule(v Values) error {
	_, err := domain.ParseMonth(v.Str("month"))
	return err
}
