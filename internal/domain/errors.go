// Package domain holds the entities, value rules and error codes shared by
// every capability. It imports only the standard library.
package domain

import (
	"errors"
	"fmt"
)

// Code classifies an error so the HTTP edge can pick a status without
// knowing which service raised it.
type Code string

const (
	CodeInvalid                Code = "invalid"
	CodeUnauthenticated        Code = "unauthenticated"
	CodeBadCredentials         Code = "bad_credentials"
	CodeForbidden              Code = "forbidden"
	CodePasswordChangeRequired Code = "password_change_required"
	CodeNotFound               Code = "not_found"
	CodeConflict               Code = "conflict"
	CodeLocked                 Code = "locked"
	CodeImportInvalid          Code = "import_invalid"
	CodeTooLarge               Code = "too_large"
	CodeInternal               Code = "internal"
)

// Error is an error a user may read: its Message is Chinese and safe to show.
type Error struct {
	Code    Code
	Message string
	Field   string
	Details []ImportProblem
}

func (e *Error) Error() string {
	if e.Field != "" {
		return fmt.Sprintf("%s: %s (%s)", e.Code, e.Message, e.Field)
	}
	return fmt.Sprintf("%s: %s", e.Code, e.Message)
}

// Is lets errors.Is(err, domain.ErrNotFound) match any error of the same code.
func (e *Error) Is(target error) bool {
	t, ok := target.(*Error)
	return ok && t.Message == "" && t.Code == e.Code
}

// Sentinels for errors.Is; they carry no message of their own.
var (
	ErrNotFound  = &Error{Code: CodeNotFound}
	ErrConflict  = &Error{Code: CodeConflict}
	ErrForbidden = &Error{Code: CodeForbidden}
	ErrInvalid   = &Error{Code: CodeInvalid}
)

// Invalid reports a bad value in the named field.
func Invalid(field, message string) *Error {
	return &Error{Code: CodeInvalid, Field: field, Message: message}
}

// Conflict reports a value already taken or a state that forbids the change.
func Conflict(field, message string) *Error {
	return &Error{Code: CodeConflict, Field: field, Message: message}
}

// NotFound reports a missing record, named in Chinese.
func NotFound(what string) *Error {
	return &Error{Code: CodeNotFound, Message: what + "不存在"}
}

// Forbidden reports an action outside the actor's role or scope.
func Forbidden(message string) *Error {
	if message == "" {
		message = "无权执行此操作"
	}
	return &Error{Code: CodeForbidden, Message: message}
}

// Wrap names the operation (and its ids) an error came from, so a logged
// internal error says what failed: "cases.Dispatch 12: …". A domain error
// inside keeps its code and the message the user is told. Exported service
// methods call it once, deferred, on their named error result.
func Wrap(err *error, op string, args ...any) {
	if *err != nil {
		*err = fmt.Errorf(op+": %w", append(args, *err)...)
	}
}

// AsError returns the domain error inside err, if any.
func AsError(err error) (*Error, bool) {
	var e *Error
	if errors.As(err, &e) {
		return e, true
	}
	return nil, false
}

// ImportProblem locates one bad cell of an imported workbook.
type ImportProblem struct {
	Sheet  string `json:"sheet"`
	Row    int    `json:"row"`
	Column string `json:"column"`
	Reason string `json:"reason"`
}

// ImportInvalid wraps the problems of a workbook that was not imported.
func ImportInvalid(problems []ImportProblem) *Error {
	return &Error{
		Code:    CodeImportInvalid,
		Message: fmt.Sprintf("文件有 %d 处错误，未导入任何数据", len(problems)),
		Details: problems,
	}
}
