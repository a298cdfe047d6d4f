// Package open311 serves the Open311 GeoReport v2 API over the case
// engine, so that 311-style apps, hotline platforms and city dashboards
// can list the problem categories, submit residents' reports and follow
// them: discovery, services, service definitions, POST and GET requests,
// tokens, and the Service Request Updates extension (servicerequestupdates).
// Every answer is XML or JSON by the path's extension, errors included.
package open311

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"log/slog"
	"net"
	"net/http"
	"path"
	"strconv"
	"strings"
	"time"

	"wenming/internal/auth"
	"wenming/internal/cases"
	"wenming/internal/domain"
	"wenming/internal/files"
)

// Prefix is where the server mounts the API; paths arrive unstripped.
const Prefix = "/open311/v2/"

// specification names GeoReport v2 in the discovery document.
const specification = "http://wiki.open311.org/GeoReport_v2"

type handler struct {
	cases *cases.Service
	auth  *auth.Service
	log   *slog.Logger
	guard Guard
}

// Guard bounds what clients may submit: how often, and how much one report
// may carry. The zero Guard bounds nothing beyond each file's own limits.
type Guard struct {
	Limiter Limiter
	Photos  files.Batch
}

// Limiter holds back clients that submit too often. Its refusals carry how
// long to wait (a RetryAfter method), which fail answers as 429.
type Limiter interface {
	Report(r *http.Request) error // a submission, per client address
	Token(token string) error     // a submission, per API token
	Public(r *http.Request) error // a read, per client address
}

// New returns the GeoReport v2 API under Prefix.
func New(c *cases.Service, a *auth.Service, log *slog.Logger, g Guard) http.Handler {
	return &handler{cases: c, auth: a, log: log, guard: g}
}

// route is one resource: the folder under Prefix and the file name before
// the format extension ("" matches any, as in services/{service_code}).
type route struct {
	dir, name string
	get, post func(h *handler, w http.ResponseWriter, r *http.Request, f format, name string)
}

var routes = []route{
	{dir: "", name: "discovery", get: (*handler).discovery},
	{dir: "", name: "services", get: (*handler).services},
	{dir: "services/", get: (*handler).definition},
	{dir: "", name: "requests", get: (*handler).requests, post: (*handler).create},
	{dir: "requests/", get: (*handler).request},
	{dir: "tokens/", get: (*handler).token},
	{dir: "", name: "servicerequestupdates", get: (*handler).updates},
}

func (h *handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	// The server's middleware may already have named the request.
	id := w.Header().Get("X-Request-Id")
	if id == "" {
		b := make([]byte, 8)
		rand.Read(b)
		id = hex.EncodeToString(b)
		w.Header().Set("X-Request-Id", id)
	}
	r = r.WithContext(context.WithValue(r.Context(), requestIDKey{}, id))
	// Answers are public or guarded by api_key, never by a cookie, so a
	// browser app on another site may read them.
	w.Header().Set("Access-Control-Allow-Origin", "*")
	rest, ok := strings.CutPrefix(r.URL.Path, Prefix)
	dir, file := path.Split(rest)
	dot := strings.LastIndexByte(file, '.')
	if !ok || dot <= 0 {
		h.fail(w, r, formatJSON, notFound(r))
		return
	}
	name, f := file[:dot], format(file[dot+1:])
	if f != formatJSON && f != formatXML {
		h.fail(w, r, formatJSON, &domain.Error{Code: domain.CodeNotFound,
			Message: "不支持的格式“." + clip(string(f)) + "”：请在路径末尾使用 .json 或 .xml"})
		return
	}
	for _, rt := range routes {
		if rt.dir != dir || (rt.name != "" && rt.name != name) {
			continue
		}
		switch {
		case (r.Method == http.MethodGet || r.Method == http.MethodHead) && rt.get != nil:
			if err := h.allowRead(r); err != nil {
				h.fail(w, r, f, err)
				return
			}
			rt.get(h, w, r, f, name)
		case r.Method == http.MethodPost && rt.post != nil:
			rt.post(h, w, r, f, name)
		default:
			allow := "GET, HEAD"
			if rt.get == nil {
				allow = "POST"
			} else if rt.post != nil {
				allow += ", POST"
			}
			w.Header().Set("Allow", allow)
			writeErrors(w, f, http.StatusMethodNotAllowed, "该接口不支持 "+r.Method+" 方法（可用："+allow+"）")
		}
		return
	}
	h.fail(w, r, f, notFound(r))
}

func notFound(r *http.Request) *domain.Error {
	return &domain.Error{Code: domain.CodeNotFound, Message: "Open311 接口不存在：" + r.Method + " " + clip(r.URL.Path)}
}

func clip(s string) string {
	if r := []rune(s); len(r) > 100 {
		return string(r[:100]) + "…"
	}
	return s
}

// statusOf follows GeoReport: 404 for what does not exist, 403 for a
// missing or bad api_key, 400 for any other request that cannot be done.
var statusOf = map[domain.Code]int{
	domain.CodeInvalid:                http.StatusBadRequest,
	domain.CodeConflict:               http.StatusBadRequest,
	domain.CodeTooLarge:               http.StatusBadRequest,
	domain.CodeImportInvalid:          http.StatusBadRequest,
	domain.CodeNotFound:               http.StatusNotFound,
	domain.CodeUnauthenticated:        http.StatusForbidden,
	domain.CodeBadCredentials:         http.StatusForbidden,
	domain.CodeForbidden:              http.StatusForbidden,
	domain.CodePasswordChangeRequired: http.StatusForbidden,
	domain.CodeLocked:                 http.StatusForbidden,
}

// fail answers an error in the requested format; a client over its rate
// gets 429 with Retry-After. An error that is not a domain error is
// internal: logged once here with the request id, and
// shown only as a reference to quote.
func (h *handler) fail(w http.ResponseWriter, r *http.Request, f format, err error) {
	if later, ok := errors.AsType[retryLater](err); ok {
		secs := max(1, int((later.RetryAfter()+time.Second-1)/time.Second))
		w.Header().Set("Retry-After", strconv.Itoa(secs))
		writeErrors(w, f, http.StatusTooManyRequests, later.Error())
		return
	}
	var de *domain.Error
	if errors.As(err, &de) {
		if status, ok := statusOf[de.Code]; ok {
			writeErrors(w, f, status, de.Message)
			return
		}
	}
	id := requestID(r)
	h.log.ErrorContext(r.Context(), "open311 internal error", slog.String("request_id", id), slog.String("path", r.URL.Path), slog.Any("err", err))
	writeErrors(w, f, http.StatusInternalServerError, "服务器内部错误，请稍后重试。如问题持续，请联系管理员并提供请求编号 "+id)
}

// retryLater is a refusal that passes once the client has waited.
type retryLater interface {
	error
	RetryAfter() time.Duration
}

// writeErrors sends GeoReport's error document: a list of {code,
// description}; the code is the HTTP status.
func writeErrors(w http.ResponseWriter, f format, status int, descriptions ...string) {
	var items []any
	for _, d := range descriptions {
		items = append(items, object{{"code", status}, {"description", d}})
	}
	write(w, f, status, "errors", list{item: "error", items: items})
}

type requestIDKey struct{}

func requestID(r *http.Request) string {
	id, _ := r.Context().Value(requestIDKey{}).(string)
	return id
}

// clientIP is the caller's address for the audit log.
func clientIP(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}
