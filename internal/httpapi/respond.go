package httpapi

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"wenming/internal/domain"
)

// maxJSONBody bounds a JSON request; uploads have their own limit.
const maxJSONBody = 1 << 20

// errorBody is the one error shape of the API.
type errorBody struct {
	Error errorDetail `json:"error"`
}

type errorDetail struct {
	Code    domain.Code            `json:"code"`
	Message string                 `json:"message"`
	Field   string                 `json:"field,omitempty"`
	Details []domain.ImportProblem `json:"details,omitempty"`
}

var statusOf = map[domain.Code]int{
	domain.CodeInvalid:                http.StatusBadRequest,
	domain.CodeUnauthenticated:        http.StatusUnauthorized,
	domain.CodeBadCredentials:         http.StatusUnauthorized,
	domain.CodeForbidden:              http.StatusForbidden,
	domain.CodePasswordChangeRequired: http.StatusForbidden,
	domain.CodeNotFound:               http.StatusNotFound,
	domain.CodeConflict:               http.StatusConflict,
	domain.CodeLocked:                 http.StatusLocked,
	domain.CodeImportInvalid:          http.StatusUnprocessableEntity,
	domain.CodeTooLarge:               http.StatusRequestEntityTooLarge,
}

// retryLater is an error that passes once the client has waited: a rate
// limit, or the image decoder's budget.
type retryLater interface {
	error
	RetryAfter() time.Duration
}

// codeTooMany is the error code of a 429 answer.
const codeTooMany domain.Code = "too_many_requests"

// writeError maps a domain error to its status and Chinese message, and an
// error that passes with time to 429 with Retry-After. Any other error is
// internal: logged once here with the request id, and shown to the user
// only as a reference to quote.
func (s *Server) writeError(w http.ResponseWriter, r *http.Request, err error) {
	if later, ok := errors.AsType[retryLater](err); ok {
		w.Header().Set("Retry-After", strconv.Itoa(retrySeconds(later.RetryAfter())))
		writeJSON(w, http.StatusTooManyRequests, errorBody{errorDetail{Code: codeTooMany, Message: later.Error()}})
		return
	}
	de, ok := domain.AsError(err)
	status, known := statusOf[deCode(de)]
	if !ok || !known {
		id := requestID(r.Context())
		s.log.ErrorContext(r.Context(), "internal error", slog.String("request_id", id), slog.String("path", r.URL.Path), slog.Any("err", err))
		writeJSON(w, http.StatusInternalServerError, errorBody{errorDetail{Code: domain.CodeInternal,
			Message: "服务器内部错误，请稍后重试。如问题持续，请联系管理员并提供请求编号 " + id}})
		return
	}
	writeJSON(w, status, errorBody{errorDetail{Code: de.Code, Message: de.Message, Field: de.Field, Details: de.Details}})
}

func deCode(de *domain.Error) domain.Code {
	if de == nil {
		return ""
	}
	return de.Code
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.Encode(v)
}

// decode reads a JSON body strictly: unknown fields, wrong types and
// trailing data are refused with a Chinese message naming the field.
func decode(r *http.Request, dst any) error {
	if ct := r.Header.Get("Content-Type"); ct != "" && !strings.HasPrefix(ct, "application/json") {
		return domain.Invalid("", "请求体须为 JSON（Content-Type: application/json）")
	}
	dec := json.NewDecoder(io.LimitReader(r.Body, maxJSONBody+1))
	dec.DisallowUnknownFields()
	err := dec.Decode(dst)
	var syntax *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case err == nil:
	case errors.Is(err, io.EOF):
		return domain.Invalid("", "请求体不能为空")
	case errors.As(err, &syntax), errors.Is(err, io.ErrUnexpectedEOF):
		return domain.Invalid("", "请求体不是有效的 JSON")
	case errors.As(err, &typ):
		return domain.Invalid(typ.Field, fmt.Sprintf("字段“%s”的类型不正确，应为%s", typ.Field, jsonKind(typ.Type.Kind().String())))
	case strings.HasPrefix(err.Error(), "json: unknown field "):
		f := strings.Trim(strings.TrimPrefix(err.Error(), "json: unknown field "), `"`)
		return domain.Invalid(f, "未知字段“"+f+"”")
	default:
		return domain.Invalid("", "请求体不是有效的 JSON")
	}
	if dec.More() {
		return domain.Invalid("", "请求体只能包含一个 JSON 对象")
	}
	return nil
}

func jsonKind(k string) string {
	switch {
	case strings.HasPrefix(k, "int"), strings.HasPrefix(k, "uint"), strings.HasPrefix(k, "float"):
		return "数字"
	case k == "string":
		return "字符串"
	case k == "bool":
		return "布尔值"
	case k == "slice":
		return "数组"
	default:
		return "对象"
	}
}

// pathID reads a numeric path parameter.
func pathID(r *http.Request, name string) (int64, error) {
	id, err := strconv.ParseInt(r.PathValue(name), 10, 64)
	if err != nil || id <= 0 {
		return 0, domain.Invalid(name, "编号“"+r.PathValue(name)+"”无效")
	}
	return id, nil
}

// cleanQuery refuses query parameters that are not valid UTF-8 or hold
// control characters: PostgreSQL cannot compare text holding a NUL, so they
// would otherwise end as internal errors in whichever list receives them.
func cleanQuery(q url.Values) error {
	for name, values := range q {
		for _, v := range values {
			if err := domain.CleanText(name, "参数“"+name+"”", v); err != nil {
				return err
			}
		}
	}
	return nil
}

// queryInt reads an optional positive integer query parameter.
func queryInt(q url.Values, name string, def int) (int, error) {
	v := q.Get(name)
	if v == "" {
		return def, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 0 {
		return 0, domain.Invalid(name, "参数“"+name+"”须为非负整数")
	}
	return n, nil
}

// page is the pagination of a list request.
type page struct{ Page, Size int }

// maxPage bounds the page number so that the offset stays far from
// overflowing (PostgreSQL refuses an OFFSET beyond int64).
const maxPage = 100000

func readPage(q url.Values) (page, error) {
	p, err := queryInt(q, "page", 1)
	if err != nil {
		return page{}, err
	}
	size, err := queryInt(q, "pageSize", 20)
	if err != nil {
		return page{}, err
	}
	if p < 1 {
		return page{}, domain.Invalid("page", "页码须从 1 开始")
	}
	if p > maxPage {
		return page{}, domain.Invalid("page", "页码不能超过 "+itoa(maxPage))
	}
	if size < 1 || size > 200 {
		return page{}, domain.Invalid("pageSize", "每页条数须在 1–200 之间")
	}
	return page{p, size}, nil
}

// pageOf is the envelope of every paged list.
type pageOf[T any] struct {
	Items    []T `json:"items"`
	Total    int `json:"total"`
	Page     int `json:"page"`
	PageSize int `json:"pageSize"`
}

// listOf is the envelope of an unpaged list.
type listOf[T any] struct {
	Items []T `json:"items"`
	Total int `json:"total"`
}

// sendFile writes a download with a UTF-8 filename (RFC 5987). The file is
// built in memory first, so a failure still gets a proper error response.
func sendFile(w http.ResponseWriter, filename, contentType string, write func(io.Writer) error) error {
	var buf bytes.Buffer
	if err := write(&buf); err != nil {
		return err
	}
	w.Header().Set("Content-Type", contentType)
	w.Header().Set("Content-Disposition", "attachment; filename=\"download\"; filename*=UTF-8''"+url.PathEscape(filename))
	w.Header().Set("Content-Length", strconv.Itoa(buf.Len()))
	_, err := buf.WriteTo(w)
	return err
}

const xlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

// The shapes most handlers share: decode the body and the path id, make one
// service call, encode its answer. Routes name the service method directly.

// withBody decodes In and answers the call's result with status.
func withBody[In, Out any](status int, call func(context.Context, *domain.Actor, In) (Out, error)) handler {
	return func(w http.ResponseWriter, r *http.Request, a *domain.Actor) error {
		var in In
		if err := decode(r, &in); err != nil {
			return err
		}
		out, err := call(r.Context(), a, in)
		if err != nil {
			return err
		}
		writeJSON(w, status, out)
		return nil
	}
}

// withID reads {id} and answers the call's result with status.
func withID[Out any](status int, call func(context.Context, *domain.Actor, int64) (Out, error)) handler {
	return func(w http.ResponseWriter, r *http.Request, a *domain.Actor) error {
		id, err := pathID(r, "id")
		if err != nil {
			return err
		}
		out, err := call(r.Context(), a, id)
		if err != nil {
			return err
		}
		writeJSON(w, status, out)
		return nil
	}
}

// withIDBody reads {id}, decodes In and answers the call's result.
func withIDBody[In, Out any](status int, call func(context.Context, *domain.Actor, int64, In) (Out, error)) handler {
	return func(w http.ResponseWriter, r *http.Request, a *domain.Actor) error {
		id, err := pathID(r, "id")
		if err != nil {
			return err
		}
		var in In
		if err := decode(r, &in); err != nil {
			return err
		}
		out, err := call(r.Context(), a, id, in)
		if err != nil {
			return err
		}
		writeJSON(w, status, out)
		return nil
	}
}

// withIDNoContent reads {id}, makes the call and answers 204.
func withIDNoContent(call func(context.Context, *domain.Actor, int64) error) handler {
	return func(w http.ResponseWriter, r *http.Request, a *domain.Actor) error {
		id, err := pathID(r, "id")
		if err != nil {
			return err
		}
		if err := call(r.Context(), a, id); err != nil {
			return err
		}
		w.WriteHeader(http.StatusNoContent)
		return nil
	}
}

// withSubBody reads {id} and a second path id named sub, decodes In and
// answers the call's result: a part of a framework version.
func withSubBody[In, Out any](sub string, call func(context.Context, *domain.Actor, int64, int64, In) (Out, error)) handler {
	return func(w http.ResponseWriter, r *http.Request, a *domain.Actor) error {
		id, subID, err := pathIDs(r, sub)
		if err != nil {
			return err
		}
		var in In
		if err := decode(r, &in); err != nil {
			return err
		}
		out, err := call(r.Context(), a, id, subID, in)
		if err != nil {
			return err
		}
		writeJSON(w, http.StatusOK, out)
		return nil
	}
}

// withSubNoContent reads {id} and {sub}, makes the call and answers 204.
func withSubNoContent(sub string, call func(context.Context, *domain.Actor, int64, int64) error) handler {
	return func(w http.ResponseWriter, r *http.Request, a *domain.Actor) error {
		id, subID, err := pathIDs(r, sub)
		if err != nil {
			return err
		}
		if err := call(r.Context(), a, id, subID); err != nil {
			return err
		}
		w.WriteHeader(http.StatusNoContent)
		return nil
	}
}

func pathIDs(r *http.Request, sub string) (int64, int64, error) {
	id, err := pathID(r, "id")
	if err != nil {
		return 0, 0, err
	}
	subID, err := pathID(r, sub)
	return id, subID, err
}

// listed answers a whole list the call returns.
func listed[T any](call func(context.Context, *domain.Actor) ([]T, error)) handler {
	return func(w http.ResponseWriter, r *http.Request, a *domain.Actor) error {
		list, err := call(r.Context(), a)
		if err != nil {
			return err
		}
		writeJSON(w, http.StatusOK, listOf[T]{Items: list, Total: len(list)})
		return nil
	}
}

// listedByID reads {id} and answers the list the call returns.
func listedByID[T any](call func(context.Context, *domain.Actor, int64) ([]T, error)) handler {
	return func(w http.ResponseWriter, r *http.Request, a *domain.Actor) error {
		id, err := pathID(r, "id")
		if err != nil {
			return err
		}
		list, err := call(r.Context(), a, id)
		if err != nil {
			return err
		}
		writeJSON(w, http.StatusOK, listOf[T]{Items: list, Total: len(list)})
		return nil
	}
}

// noInput answers the call's result.
func noInput[Out any](call func(context.Context, *domain.Actor) (Out, error)) handler {
	return func(w http.ResponseWriter, r *http.Request, a *domain.Actor) error {
		out, err := call(r.Context(), a)
		if err != nil {
			return err
		}
		writeJSON(w, http.StatusOK, out)
		return nil
	}
}
