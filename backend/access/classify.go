package access

// Fields is a record's field values as the server holds them: strings, int64 and raw JSON.
type Fields map[string]any

func (f Fields) str(name string) string {
	s, _ := f[name].(string)
	return s
}

func (f Fields) int(name string) int64 {
	n, _ := f[name].(int64)
	return n
}

// Classify returns the class of a record of kind with fields. areaOf gives a commune's
// area, so that a standing committee member's scope follows communes moved between areas.
//
//   - area, cluster, commune: district-wide, every role reads them (a commune office needs
//     the list of communes to show its place in the district).
//   - unit: its communeId; a unit without one is district-wide: supervising committees
//     (the tree's ancestors) are seen by all, other district agencies' units only by
//     district roles.
//   - official: its communeId when assigned to a commune, else district-wide for all (the
//     district's leadership is public to the communes it supervises).
//   - any kind: restricted when the record's "restricted" field is 1.
func Classify(kind string, f Fields, areaOf func(communeID string) string) Class {
	c := Class{Audience: AudienceAll, Restricted: f.int("restricted") == 1}
	switch kind {
	case "unit":
		c.CommuneID = f.str("communeId")
		if c.CommuneID == "" && f.str("kind") != "supervising_committee" {
			c.Audience = AudienceDistrict
		}
	case "official":
		c.CommuneID = f.str("communeId")
	case "area", "cluster", "commune":
	default:
		c.Audience = AudienceDistrict // kinds this server learns later start closed
	}
	if c.CommuneID != "" && areaOf != nil {
		c.AreaID = areaOf(c.CommuneID)
	}
	return c
}
