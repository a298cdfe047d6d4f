// Package httpapi serves the JSON API, the OpenAPI document, health and
// metrics, and the embedded console. Handlers decode, call one service
// method and encode; rules live in the services.
package httpapi

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"io/fs"
	"log/slog"
	"net/http"
	"strings"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"wenming/internal/assessment"
	"wenming/internal/audit"
	"wenming/internal/auth"
	"wenming/internal/cases"
	"wenming/internal/domain"
	"wenming/internal/files"
	"wenming/internal/framework"
	"wenming/internal/message"
	"wenming/internal/org"
	"wenming/internal/patrol"
	"wenming/internal/plan"
	"wenming/internal/ranking"
	"wenming/internal/store"
	"wenming/internal/submission"
	"wenming/internal/webhook"
)

// Deps are what the server needs from the rest of the program.
type Deps struct {
	Log          *slog.Logger
	DB           *store.DB
	Auth         *auth.Service
	Org          *org.Service
	Audit        *audit.Service
	Framework    *framework.Service
	Plan         *plan.Service
	Files        *files.Service
	Submission   *submission.Service
	Message      *message.Service
	Cases        *cases.Service
	Ranking      *ranking.Service
	Patrol       *patrol.Service
	Assessment   *assessment.Service
	Webhooks     *webhook.Service
	Open311      http.Handler // the GeoReport v2 adapter, mounted at /open311/v2/
	MapTiles     MapTiles
	UI           fs.FS // the built console, or nil
	Version      string
	TrustProxy   bool // take the client address from X-Forwarded-For
	SecureCookie bool // mark the session cookie Secure (behind HTTPS)

	// What the public endpoints take from one client.
	Limiter      *Limiter    // request rates (nil: none)
	ReportPhotos files.Batch // what the photos of one resident report may claim together (zero: six files at the file limit)
}

// Server is the HTTP face of wenming.
type Server struct {
	Deps
	log      *slog.Logger
	mux      *http.ServeMux
	routes   []route
	registry *prometheus.Registry
	requests *prometheus.CounterVec
	duration *prometheus.HistogramVec
}

// New builds the server and its routes.
func New(d Deps) *Server {
	s := &Server{Deps: d, log: d.Log, mux: http.NewServeMux(), registry: prometheus.NewRegistry()}
	s.requests = prometheus.NewCounterVec(prometheus.CounterOpts{Name: "wenming_http_requests_total", Help: "HTTP requests by route and status."}, []string{"method", "route", "status"})
	s.duration = prometheus.NewHistogramVec(prometheus.HistogramOpts{Name: "wenming_http_request_duration_seconds", Help: "HTTP request latency by route.", Buckets: prometheus.DefBuckets}, []string{"route"})
	s.registry.MustRegister(s.requests, s.duration, collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	s.routes = s.apiRoutes()
	for _, rt := range s.routes {
		s.mux.Handle(rt.method+" "+rt.path, s.wrap(rt))
	}
	s.mux.HandleFunc("GET /healthz", s.health)
	s.mux.Handle("GET /metrics", promhttp.HandlerFor(s.registry, promhttp.HandlerOpts{}))
	s.mux.HandleFunc("GET /api/openapi.json", s.openAPI)
	s.mux.HandleFunc("/api/", func(w http.ResponseWriter, r *http.Request) {
		s.writeError(w, r, &domain.Error{Code: domain.CodeNotFound, Message: "接口不存在：" + r.Method + " " + r.URL.Path})
	})
	if d.Open311 != nil {
		s.mux.Handle("/open311/v2/", d.Open311)
	}
	s.mux.Handle("/", s.console())
	return s
}

// Handler returns the whole middleware chain around the routes.
func (s *Server) Handler() http.Handler {
	csrf := http.NewCrossOriginProtection()
	csrf.SetDenyHandler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.writeError(w, r, domain.Forbidden("跨站请求被拒绝"))
	}))
	// Open311 clients authenticate with an api_key, never a cookie, so a
	// browser app on another site may post reports.
	csrf.AddInsecureBypassPattern("/open311/v2/")
	return s.observe(securityHeaders(csrf.Handler(s.mux)))
}

type ctxKey int

const requestIDKey ctxKey = 1

func requestID(ctx context.Context) string {
	id, _ := ctx.Value(requestIDKey).(string)
	return id
}

func newRequestID() string {
	b := make([]byte, 8)
	rand.Read(b)
	return hex.EncodeToString(b)
}

// statusRecorder remembers the status a handler wrote.
type statusRecorder struct {
	http.ResponseWriter
	status int
}

func (r *statusRecorder) WriteHeader(code int) {
	if r.status == 0 {
		r.status = code
	}
	r.ResponseWriter.WriteHeader(code)
}

func (r *statusRecorder) Write(b []byte) (int, error) {
	if r.status == 0 {
		r.status = http.StatusOK
	}
	return r.ResponseWriter.Write(b)
}

func (r *statusRecorder) Unwrap() http.ResponseWriter { return r.ResponseWriter }

// observe gives each request an id, recovers panics, logs and counts it.
func (s *Server) observe(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		// Always our own id: the audit log must not carry a value the
		// client chose.
		id := newRequestID()
		w.Header().Set("X-Request-Id", id)
		r = r.WithContext(context.WithValue(r.Context(), requestIDKey, id))
		rec := &statusRecorder{ResponseWriter: w}
		defer func() {
			if p := recover(); p != nil {
				s.log.Error("panic", slog.String("request_id", id), slog.Any("panic", p))
				if rec.status == 0 {
					s.writeError(rec, r, errPanic)
				}
			}
			route := r.Pattern
			if route == "" {
				route = "unmatched"
			}
			s.requests.WithLabelValues(r.Method, route, itoa(rec.status)).Inc()
			s.duration.WithLabelValues(route).Observe(time.Since(start).Seconds())
			if strings.HasPrefix(r.URL.Path, "/api/") {
				s.log.Info("request", slog.String("request_id", id), slog.String("method", r.Method), slog.String("path", r.URL.Path),
					slog.Int("status", rec.status), slog.Duration("took", time.Since(start)))
			}
		}()
		next.ServeHTTP(rec, r)
	})
}

var errPanic = &panicError{}

type panicError struct{}

func (*panicError) Error() string { return "handler panicked" }

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	b := []byte{}
	for n > 0 {
		b = append([]byte{byte('0' + n%10)}, b...)
		n /= 10
	}
	return string(b)
}

func securityHeaders(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Referrer-Policy", "same-origin")
		// default-src does not cover base-uri and form-action: without them
		// a planted <base href> or <form action> could send the console's
		// relative links and forms to another site even though scripts are
		// blocked.
		h.Set("Content-Security-Policy", "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
		next.ServeHTTP(w, r)
	})
}

func (s *Server) health(w http.ResponseWriter, r *http.Request) {
	if err := s.DB.Read().QueryRow(r.Context(), "SELECT 1").Scan(new(int)); err != nil {
		writeJSON(w, http.StatusServiceUnavailable, map[string]string{"status": "database unavailable"})
		return
	}
	writeJSON(w, http.StatusOK, map[string]string{"status": "ok", "version": s.Version})
}

// clientIP is the caller's address (see clientAddr).
func (s *Server) clientIP(r *http.Request) string { return clientAddr(r, s.TrustProxy) }

func (s *Server) client(r *http.Request) auth.Client {
	return auth.Client{IP: s.clientIP(r), UserAgent: r.UserAgent(), RequestID: requestID(r.Context())}
}

// console serves the built UI; any path that is not a file gets index.html
// so the browser router can take it.
func (s *Server) console() http.Handler {
	if s.UI == nil {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.Write([]byte(`<!doctype html><meta charset="utf-8"><title>文明创建管理平台</title><p>界面尚未构建：请运行 <code>make web</code> 后重新编译。API 位于 <a href="/api/openapi.json">/api/openapi.json</a>。</p>`))
		})
	}
	files := http.FileServerFS(s.UI)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p := strings.TrimPrefix(r.URL.Path, "/")
		if p != "" {
			if st, err := fs.Stat(s.UI, p); err == nil && !st.IsDir() {
				if strings.HasPrefix(p, "assets/") {
					w.Header().Set("Cache-Control", "public, max-age=31536000, immutable")
				}
				files.ServeHTTP(w, r)
				return
			}
		}
		w.Header().Set("Cache-Control", "no-cache")
		http.ServeFileFS(w, r, s.UI, "index.html")
	})
}
