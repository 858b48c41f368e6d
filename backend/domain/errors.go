// Package domain holds Chi Bộ's domain types and the rules that keep them valid.
// It imports nothing of the project, so every other package can speak in its terms.
package domain

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
)

// Error codes. They travel to the frontend and over the sync protocol, so they never change.
const (
	EInvalid   = "invalid"   // the input breaks a rule; nothing was changed
	ENotFound  = "not_found" // the record does not exist (or is not visible to the caller)
	EConflict  = "conflict"  // the record changed underneath, or the same id arrived with other content
	EForbidden = "forbidden" // the caller may not do this
	EInternal  = "internal"  // a fault of ours; the message is generic
)

// Error is a domain error a person can read. Message is Vietnamese, MessageEN English.
type Error struct {
	Code      string `json:"code"`
	Field     string `json:"field,omitempty"`
	Message   string `json:"message"`
	MessageEN string `json:"messageEn,omitempty"`
}

func (e *Error) Error() string { return e.Message }

// Errorf builds a domain error with a Vietnamese and an English message.
func Errorf(code, field, vi, en string, args ...any) *Error {
	return &Error{Code: code, Field: field, Message: fmt.Sprintf(vi, args...), MessageEN: fmt.Sprintf(en, args...)}
}

// ErrorCode returns the code of a domain error, or EInternal for any other non-nil error.
func ErrorCode(err error) string {
	var e *Error
	if err == nil {
		return ""
	} else if errors.As(err, &e) {
		return e.Code
	}
	return EInternal
}

// Localize returns the person-readable message of err in lang ("vi" or "en").
// Errors that are not domain errors get a generic message: internals are not shown.
// NewRef returns a short reference for an internal error: the user sees it in the message
// and the same reference is in the log line, so a report of the message finds the cause.
func NewRef() string {
	b := make([]byte, 4)
	rand.Read(b)
	return strings.ToUpper(hex.EncodeToString(b))
}

func Localize(err error, lang string) (code, field, message string) {
	var e *Error
	if !errors.As(err, &e) {
		if lang == "en" {
			return EInternal, "", "An internal error occurred; nothing was saved."
		}
		return EInternal, "", "Đã xảy ra lỗi nội bộ; chưa có gì được lưu."
	}
	if lang == "en" && e.MessageEN != "" {
		return e.Code, e.Field, e.MessageEN
	}
	return e.Code, e.Field, e.Message
}
