package serverstore

import (
	"encoding/json"

	"chibo/backend/access"
	"chibo/backend/kinds"
	"chibo/backend/syncproto"
)

// Who may write what: a record state's class against the account's scope, and the
// numbers of papers, which only the planning committee's Standing Board gives.

// check refuses a record state the actor may not write or that breaks a domain rule.
// It returns the state's class, which the caller stores with the record.
func (s *Store) check(tx *txn, scope access.Scoper, kind string, vals access.Fields, change map[string]any) (access.Class, error) {
	class := access.Classify(kind, vals, areaOf(tx))
	if !scope.Writes(kind, class) {
		return class, outOfScope(scope, class)
	}
	if v, _ := change[syncproto.FieldRestricted].(int64); v == 1 && !scope.Supervises() {
		return class, refuse(syncproto.CodeForbidden, "Chỉ cán bộ của cấp ủy giám sát được đánh dấu bản ghi hạn chế.", "Only a supervising committee's roles may mark a record restricted.")
	}
	return class, validate(tx, kind, vals)
}

func outOfScope(scope access.Scoper, c access.Class) *refusal {
	if scope.Reads(c) {
		return refuse(syncproto.CodeForbidden, "Tài khoản không có quyền sửa bản ghi này.", "This account may not change this record.")
	}
	return refuse(syncproto.CodeOutOfScope, "Bản ghi nằm ngoài phạm vi của tài khoản.", "The record is outside this account's scope.")
}

// numbers reports whether a change gives or changes a paper's number (the kind's
// Numbering fields), which only the planning committee's Standing Board may do.
func numbers(kind string, stored, intended map[string]json.RawMessage) bool {
	k, ok := kinds.Get(kind)
	if !ok {
		return false
	}
	for _, f := range k.Fields {
		if !f.Numbering {
			continue
		}
		a, b := string(compact(stored[f.Name])), string(compact(intended[f.Name]))
		empty := func(x string) bool { return x == "" || x == "0" || x == `""` || x == "null" }
		if a != b && !(empty(a) && empty(b)) {
			return true
		}
	}
	return false
}
