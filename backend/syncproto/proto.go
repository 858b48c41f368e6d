// Package syncproto is the contract between a Chi Bộ desktop and chibo-server: the JSON
// messages of every endpoint, the protocol and schema versions, the error codes and the
// schema of each synced record kind. It imports nothing of the project, so the client, the
// server and the tests speak the same types without importing each other.
//
// docs/sync-protocol.md describes the protocol with examples; keep both in step.
package syncproto

import (
	"encoding/json"
)

// Protocol versions. A server accepts ProtocolVersion and ProtocolPrevious; a client sends
// ProtocolVersion. Version 1 is the first public protocol; version 2 adds progress
// estimates to pull (estimate/remaining) and the code/reasonEn fields of results.
const (
	ProtocolVersion  = 2
	ProtocolPrevious = 1
)

// SchemaVersion is the version of the record schema (the kinds and fields below). A client
// with an older schema still syncs: the fields it does not know travel as opaque values and
// are never erased.
const SchemaVersion = 1

// Headers every request carries. Body fields protocol/schema are accepted as well, for
// clients that cannot set headers.
const (
	HeaderProtocol = "X-Chibo-Protocol"
	HeaderSchema   = "X-Chibo-Schema"
	HeaderDevice   = "X-Chibo-Device"
	// HeaderCursor on a push is the device's stored pull cursor, so that a server that
	// lost history (restored from a backup) says so before it applies anything. A header,
	// not a body field: servers that do not know it ignore it. A device whose cursor is
	// empty (a first pull or a resync not yet under way) sends its history mark instead
	// (PushResponse.Mark, or the cursor of the last page it applied), on a push and on
	// the first page of its pull.
	HeaderCursor = "X-Chibo-Cursor"
)

// Endpoints.
const (
	PathHealth = "/healthz"
	PathLogin  = "/v1/login"
	PathPush   = "/v1/push"
	PathPull   = "/v1/pull"
	PathWhoAmI = "/v1/whoami"
)

// Size limits the server enforces (and the client respects when it batches).
const (
	MaxBodyBytes      = 16 << 20 // one request body
	MaxLoginBodyBytes = 8 << 10
	MaxChangesPerPush = 5000
	MaxFieldBytes     = 64 << 10 // one field value, JSON-encoded
	MaxFieldsPerRec   = 200
	MaxIDLen          = 64
	DefaultPageSize   = 2000
	MaxPageSize       = 10000
)

// Change is one entry of a device's change log, as store.Change: the fields one write set,
// stamped with the writer's hybrid logical clock. Seq numbers the device's changes.
type Change struct {
	Seq      int64           `json:"seq"`
	ChangeID string          `json:"changeId"`
	Kind     string          `json:"kind"`
	RecordID string          `json:"recordId"`
	Op       string          `json:"op"`
	Fields   json.RawMessage `json:"fields"`
	HLC      string          `json:"hlc"`
	UserID   string          `json:"userId,omitempty"`
	// Resent marks a change sent again to a server that lost history (restored from
	// a backup): its seq may be at or below the device's last one there.
	Resent bool `json:"resent,omitempty"`
}

// Change operations.
const (
	OpUpsert = "upsert"
	OpDelete = "delete"
)

// Record is the whole state of one record as the server holds it, as store.Record.
type Record struct {
	Kind     string                     `json:"kind"`
	ID       string                     `json:"id"`
	Deleted  bool                       `json:"deleted,omitempty"`
	Fields   map[string]json.RawMessage `json:"fields"`
	FieldHLC map[string]string          `json:"fieldHlc"`
	HLC      string                     `json:"hlc"`
}

// RecordRef names a record without its content (a REMOVE entry of a pull).
type RecordRef struct {
	Kind string `json:"kind"`
	ID   string `json:"id"`
}

// PushRequest sends a batch of changes, in increasing Seq order.
type PushRequest struct {
	Protocol int      `json:"protocol,omitempty"`
	Schema   int      `json:"schema,omitempty"`
	Changes  []Change `json:"changes"`
}

// Result statuses of one pushed change.
const (
	StatusAcked   = "acked"   // applied (or already applied: a replay answers the same)
	StatusRefused = "refused" // refused for good; the device's queue moves on
)

// ChangeResult answers one pushed change. Clamped is set when the server replaced an HLC
// that was too far in its future; HLC is then the clock the server applied.
type ChangeResult struct {
	Seq      int64  `json:"seq"`
	ChangeID string `json:"changeId"`
	Status   string `json:"status"`
	Code     string `json:"code,omitempty"`
	Reason   string `json:"reason,omitempty"`   // Vietnamese
	ReasonEN string `json:"reasonEn,omitempty"` // English
	HLC      string `json:"hlc,omitempty"`
	Clamped  bool   `json:"clamped,omitempty"`
	// Current is, for a refused change, the record as the server holds it (when the
	// device may read it): the device puts it back in place of its refused edit, so the
	// replicas converge and the user sees what stands. Protocol 2.
	Current *Record `json:"current,omitempty"`
}

// PushResponse answers a PushRequest: one result per change, in order, and the last seq
// the server has applied for this device.
type PushResponse struct {
	Results []ChangeResult `json:"results"`
	LastSeq int64          `json:"lastSeq"`
	// Restored answers a push whose X-Chibo-Cursor the server cannot continue because it
	// lost history (as PullResponse.Restored): nothing was applied; the device queues its
	// acknowledged changes again and pushes everything, resent, without the header.
	Restored bool `json:"restored,omitempty"`
	// Mark is opaque, a cursor of no scope: how much history the server held after this
	// push. A device with no pull cursor keeps it to send as X-Chibo-Cursor, so that it
	// hears of a restore even before its first page.
	Mark string `json:"mark,omitempty"`
}

// PullRequest asks for the records changed since Cursor ("" = from the beginning).
type PullRequest struct {
	Protocol int    `json:"protocol,omitempty"`
	Schema   int    `json:"schema,omitempty"`
	Cursor   string `json:"cursor"`
	Limit    int    `json:"limit,omitempty"`
	Estimate bool   `json:"estimate,omitempty"` // ask for Remaining (costs a count)
}

// PullResponse is one page. Records are full states; Removes are records that left the
// device's scope. Cursor is opaque: the client stores it with the page, in one
// transaction, and sends it back. Reset asks the device to push, then resync from "".
// Restored comes with Reset when the cursor is of another epoch or ahead of the server:
// the server was restored or replaced by a standby and may have lost changes it had
// acknowledged, so the device sends its acknowledged changes again before it resyncs
// (each is applied once: the server answers those it holds from their stored answers).
type PullResponse struct {
	Records   []Record    `json:"records"`
	Removes   []RecordRef `json:"removes"`
	Cursor    string      `json:"cursor"`
	HasMore   bool        `json:"hasMore"`
	Reset     bool        `json:"reset,omitempty"`
	Remaining int64       `json:"remaining,omitempty"`
	Scope     string      `json:"scope,omitempty"` // fingerprint of the scope the page was cut for
	Restored  bool        `json:"restored,omitempty"`
}

// RawRecord is Record as the server writes it: fields and clocks stay the JSON text the
// server stored, so a page is sent without decoding and re-encoding every record. It
// encodes exactly as Record does.
type RawRecord struct {
	Kind     string          `json:"kind"`
	ID       string          `json:"id"`
	Deleted  bool            `json:"deleted,omitempty"`
	Fields   json.RawMessage `json:"fields"`
	FieldHLC json.RawMessage `json:"fieldHlc"`
	HLC      string          `json:"hlc"`
}

// RawPullResponse is PullResponse with RawRecords: what the server sends.
type RawPullResponse struct {
	Records   []RawRecord `json:"records"`
	Removes   []RecordRef `json:"removes"`
	Cursor    string      `json:"cursor"`
	HasMore   bool        `json:"hasMore"`
	Reset     bool        `json:"reset,omitempty"`
	Remaining int64       `json:"remaining,omitempty"`
	Scope     string      `json:"scope,omitempty"`
	Restored  bool        `json:"restored,omitempty"`
}

// LoginRequest enrolls a device with a first online login.
type LoginRequest struct {
	Protocol   int    `json:"protocol,omitempty"`
	Schema     int    `json:"schema,omitempty"`
	Username   string `json:"username"`
	Password   string `json:"password"`
	DeviceID   string `json:"deviceId"`
	DeviceName string `json:"deviceName,omitempty"`
}

// Account is what a device learns about its user: enough to show who is signed in and to
// explain what the device will receive. The server still decides scope on every request.
type Account struct {
	UserID      string `json:"userId"`
	Username    string `json:"username"`
	DisplayName string `json:"displayName"`
	Role        string `json:"role"`
	AreaID      string `json:"areaId,omitempty"`
	CommuneID   string `json:"communeId,omitempty"`
	// CommitteeID is the commune committee the role is held in ("" = the top committee).
	CommitteeID string `json:"committeeId,omitempty"`
	// Grants are the account's roles at other levels (each with the same four fields).
	Grants []Account `json:"grants,omitempty"`
}

// LoginResponse carries the device token, shown once. The server never sends its password
// hash: the client makes its own offline verifier from the password it just proved.
type LoginResponse struct {
	Token      string  `json:"token"`
	DeviceID   string  `json:"deviceId"`
	Account    Account `json:"account"`
	ServerTime string  `json:"serverTime"`
}

// Error is the body of every non-2xx answer.
type Error struct {
	Code      string `json:"code"`
	Message   string `json:"message"`   // Vietnamese
	MessageEN string `json:"messageEn"` // English
}

func (e *Error) Error() string { return e.Code + ": " + e.MessageEN }

// Error codes on the wire. Refused changes use the domain codes (invalid, forbidden,
// conflict, not_found) plus the ones below.
const (
	CodeBadRequest   = "bad_request"  // malformed JSON, wrong types, unknown fields
	CodeTooLarge     = "too_large"    // body over the limit
	CodeUnauthorized = "unauthorized" // no, unknown or revoked token; wrong password
	CodeForbidden    = "forbidden"    // the account may not do this
	CodeVersion      = "version"      // protocol or schema not supported
	CodeRateLimited  = "rate_limited" // too many login attempts
	CodeInternal     = "internal"     // a fault of ours
	CodeInvalid      = "invalid"      // a change breaks a rule
	CodeConflict     = "conflict"     // same change id with other content; reused seq
	CodeForged       = "forged"       // a change claims another user or device
	CodeOutOfScope   = "out_of_scope" // a record outside the account's scope
	CodeUnknownKind  = "unknown_kind" // a kind this server does not know
	CodeDeleted      = "deleted"      // the record is deleted; tombstones are final
	CodeMethod       = "method"       // wrong HTTP method
	CodeNotFound     = "not_found"    // no such endpoint
)
