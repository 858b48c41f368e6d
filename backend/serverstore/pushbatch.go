package serverstore

import (
	"encoding/json"

	"chibo/backend/access"
	"chibo/backend/syncproto"
)

// What a push batch shares between its changes: the records it names, read up front, and
// the decoded values of a record edited many times.

// prefetchChanged reads the records a batch names, a few queries per kind.
func prefetchChanged(tx *txn, changes []syncproto.Change) error {
	byKind := map[string][]string{}
	for _, c := range changes {
		if _, ok := Schema[c.Kind]; ok && syncproto.ValidID(c.RecordID) {
			byKind[c.Kind] = append(byKind[c.Kind], c.RecordID)
		}
	}
	for kind, ids := range byKind {
		if err := prefetchRows(tx, kind, ids); err != nil {
			return err
		}
	}
	return nil
}

// overlay is the stored values with a change's decoded fields over them: what values
// gives for the intended record, without decoding every stored field again. An opaque
// value (a field the schema does not know) is the compacted raw, as values gives it.
func overlay(stored, change access.Fields, intended map[string]json.RawMessage) access.Fields {
	out := make(access.Fields, len(stored)+len(change))
	for k, v := range stored {
		out[k] = v
	}
	for k, v := range change {
		if _, opaque := v.(json.RawMessage); opaque {
			v = json.RawMessage(append([]byte(nil), intended[k]...))
		}
		out[k] = v
	}
	return out
}

func cloneRaw(m map[string]json.RawMessage) map[string]json.RawMessage {
	out := make(map[string]json.RawMessage, len(m))
	for k, v := range m {
		out[k] = v
	}
	return out
}

func cloneStr(m map[string]string) map[string]string {
	out := make(map[string]string, len(m))
	for k, v := range m {
		out[k] = v
	}
	return out
}
