package httpapi_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"wenming/internal/auth"
	"wenming/internal/cases"
	"wenming/internal/files"
	"wenming/internal/httpapi"
	"wenming/internal/message"
	"wenming/internal/open311"
	"wenming/internal/store"
	"wenming/internal/store/storetest"
)

// serveLimited serves the fixture's API again as a deployment does: the
// public endpoints' limits and Open311 in place, their clock the fixture's.
// Behind a trusted proxy each request names its client in X-Forwarded-For.
func (f *fixture) serveLimited(rates httpapi.Rates, photos files.Batch, trustProxy bool) {
	f.t.Helper()
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	authn := auth.NewService(f.db, auth.Policy{LockThreshold: 5, LockDuration: 15 * time.Minute, IdleTimeout: 30 * time.Minute, MaxAge: 12 * time.Hour})
	lim := httpapi.NewLimiter(rates, trustProxy, f.clock.Now)
	api := httpapi.New(httpapi.Deps{Log: log, DB: f.db, Auth: authn, Org: f.org, Framework: f.frameworks, Plan: f.plans,
		Submission: f.submissions, Message: message.NewService(f.db), Cases: f.cases, Webhooks: f.webhooks, Ranking: f.ranking,
		Patrol: f.patrol, Assessment: f.assessment, Version: "test", TrustProxy: trustProxy, Limiter: lim, ReportPhotos: photos,
		Open311: open311.New(f.cases, authn, log, open311.Guard{Limiter: lim, Photos: photos})})
	f.srv.Close()
	f.srv = httptest.NewServer(api.Handler())
	f.t.Cleanup(f.srv.Close)
}

// from sends a request as the client at addr (behind the proxy).
func (f *fixture) from(addr string, req *http.Request) *response {
	f.t.Helper()
	req.Header.Set("X-Forwarded-For", addr)
	return f.anon().send(req)
}

// snapFrom posts a resident's report from addr.
func (f *fixture) snapFrom(addr, body string, photos ...[]byte) *response {
	f.t.Helper()
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	mw.WriteField("case", body)
	for i, data := range photos {
		fw, _ := mw.CreateFormFile("photos", fmt.Sprintf("现场%d.png", i))
		fw.Write(data)
	}
	mw.Close()
	req, _ := http.NewRequest("POST", f.srv.URL+"/api/v1/public/cases", &buf)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	return f.from(addr, req)
}

func (f *fixture) getFrom(addr, path string) *response {
	f.t.Helper()
	req, _ := http.NewRequest("GET", f.srv.URL+path, nil)
	return f.from(addr, req)
}

func residentReport(cat cases.Category, key string) string {
	return fmt.Sprintf(`{"clientKey":%q,"categoryId":%d,"description":"广场东侧垃圾堆积","address":"会师镇人民广场","lat":35.6934,"lng":105.0531}`, key, cat.ID)
}

// wantTooMany checks a 429 answer: Retry-After in whole seconds, and the
// same wait in the Chinese message. It returns the wait.
func wantTooMany(t *testing.T, r *response) time.Duration {
	t.Helper()
	r.want(http.StatusTooManyRequests)
	secs, err := strconv.Atoi(r.header.Get("Retry-After"))
	if err != nil || secs < 1 {
		t.Fatalf("Retry-After %q", r.header.Get("Retry-After"))
	}
	msg := "请求过于频繁，请 " + strconv.Itoa(secs) + " 秒后再试"
	if e := r.apiError(); e.Error.Code != "too_many_requests" || e.Error.Message != msg {
		t.Fatalf("429 body %s, want %q", r.body, msg)
	}
	return time.Duration(secs) * time.Second
}

func count(t *testing.T, db *store.DB, table string) int {
	t.Helper()
	var n int
	if err := db.Read().QueryRow(context.Background(), `SELECT COUNT(*) FROM `+table).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// A hundred reports a minute from one address are taken; the 101st is
// held back with Retry-After and stores nothing, while a resident at
// another address gets through, and so does the first one after waiting.
func TestReportRateLimit(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
		f := newFixture(t, db)
		cat := caseSetup(t, f)
		f.clock.now = time.Date(2026, 3, 2, 2, 0, 0, 0, time.UTC)
		f.serveLimited(httpapi.Rates{Reports: 100}, files.Batch{}, true)
		photo := pngBytes(t)
		const busy, other = "203.0.113.7", "198.51.100.20"
		n := 0
		report := func(addr string) *response {
			n++
			return f.snapFrom(addr, residentReport(cat, fmt.Sprintf("rl-%d", n)), photo)
		}
		for i := range 100 {
			if r := report(busy); r.status != http.StatusCreated {
				t.Fatalf("report %d of the minute: %d %s", i+1, r.status, r.body)
			}
		}
		stored := count(t, db, "cases")
		var wait time.Duration
		for _, step := range []struct {
			name    string
			addr    string
			advance bool // by the last Retry-After first
			want    int
		}{
			{"the 101st from one address", busy, false, http.StatusTooManyRequests},
			{"a resident at another address", other, false, http.StatusCreated},
			{"the first address again at once", busy, false, http.StatusTooManyRequests},
			{"the first address after Retry-After", busy, true, http.StatusCreated},
			{"and once more at once", busy, false, http.StatusTooManyRequests},
		} {
			if step.advance {
				f.clock.now = f.clock.now.Add(wait)
			}
			r := report(step.addr)
			if step.want == http.StatusTooManyRequests {
				wait = wantTooMany(t, r)
				continue
			}
			if r.status != step.want {
				t.Fatalf("%s: %d %s", step.name, r.status, r.body)
			}
			stored++
		}
		if got := count(t, db, "cases"); got != stored {
			t.Fatalf("%d cases stored, want %d: a held-back report was kept", got, stored)
		}
		// A minute on, the address has its whole hundred again.
		f.clock.now = f.clock.now.Add(time.Minute)
		for i := range 100 {
			if r := report(busy); r.status != http.StatusCreated {
				t.Fatalf("report %d of the next minute: %d %s", i+1, r.status, r.body)
			}
		}
		wantTooMany(t, report(busy))
	})
}

// The case form, receipts, ratings and photos count against one rate per
// address, apart from reports; a client reaching the server directly
// cannot shed its count by naming another address in X-Forwarded-For.
func TestPublicReadsRateLimit(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
		f := newFixture(t, db)
		cat := caseSetup(t, f)
		f.clock.now = time.Date(2026, 3, 2, 2, 0, 0, 0, time.UTC)
		for _, trust := range []bool{true, false} {
			f.serveLimited(httpapi.Rates{Public: 5}, files.Batch{}, trust)
			var receipt cases.Receipt
			f.snapFrom("203.0.113.7", residentReport(cat, fmt.Sprintf("pr-%v", trust)), pngBytes(t)).want(201).json(&receipt)
			var pc cases.PublicCase
			f.getFrom("203.0.113.7", "/api/v1/public/cases/"+receipt.Token).want(200).json(&pc)
			if len(pc.BeforePhotos) != 1 {
				t.Fatalf("receipt %+v", pc)
			}
			photo := fmt.Sprintf("/api/v1/public/cases/%s/photos/%d?size=thumb", receipt.Token, pc.BeforePhotos[0].FileID)
			for i, path := range []string{"/api/v1/public/case-form", photo, "/api/v1/public/case-form", "/api/v1/public/cases/" + receipt.Token} {
				if r := f.getFrom("203.0.113.7", path); r.status != 200 {
					t.Fatalf("trust %v, read %d of 5 (%s): %d %s", trust, i+2, path, r.status, r.body)
				}
			}
			req, _ := http.NewRequest("POST", f.srv.URL+"/api/v1/public/cases/"+receipt.Token+"/rating", strings.NewReader(`{"rating":5}`))
			req.Header.Set("Content-Type", "application/json")
			wantTooMany(t, f.from("203.0.113.7", req))
			r := f.getFrom("198.51.100.20", "/api/v1/public/case-form")
			if trust {
				r.want(200) // another resident behind the proxy
			} else {
				wantTooMany(t, r) // the same peer, whatever it claims
			}
			f.clock.now = f.clock.now.Add(time.Minute)
		}
	})
}

// A report's photos are bounded together, in bytes and in the pixels they
// claim; past either the report is refused naming the photos, and nothing
// of it is stored.
func TestReportPhotosBoundedTogether(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
		f := newFixture(t, db)
		cat := caseSetup(t, f)
		f.clock.now = time.Date(2026, 3, 2, 2, 0, 0, 0, time.UTC)
		f.serveLimited(httpapi.Rates{}, files.Batch{Bytes: 30 << 20, Pixels: 1_000_000}, true)
		padded := func(mb float64) []byte { return append(pngBytes(t), make([]byte, int(mb*(1<<20)))...) }
		for i, c := range []struct {
			name    string
			photos  [][]byte
			status  int
			message string
		}{
			{"three photos of 11 MB", [][]byte{padded(11), padded(11), padded(11)}, 413, "合计不超过 30 MB"},
			{"two photos of 15.2 MB", [][]byte{padded(15.2), padded(15.2)}, 413, "超过每次提交 30 MB 的上限"},
			{"two photos claiming 1.1 million pixels", [][]byte{pngSized(t, 800, 700), pngSized(t, 800, 700)}, 413, "万像素的上限"},
			{"six photos within both", [][]byte{padded(4), padded(4), padded(4), padded(4), padded(4), pngBytes(t)}, 201, ""},
		} {
			casesBefore, filesBefore, blobsBefore := count(t, db, "cases"), count(t, db, "files"), blobCount(t, f.blobDir)
			r := f.snapFrom("203.0.113.7", residentReport(cat, fmt.Sprintf("pb-%d", i)), c.photos...)
			if c.status == 201 {
				r.want(201)
				continue
			}
			e := r.want(c.status).apiError()
			if e.Error.Field != "photos" || !strings.Contains(e.Error.Message, "照片") || !strings.Contains(e.Error.Message, c.message) {
				t.Fatalf("%s: %+v", c.name, e.Error)
			}
			if count(t, db, "cases") != casesBefore || count(t, db, "files") != filesBefore || blobCount(t, f.blobDir) != blobsBefore {
				t.Fatalf("%s: something of the refused report was stored", c.name)
			}
		}
	})
}

// blobCount is the number of stored files under dir.
func blobCount(t *testing.T, dir string) int {
	t.Helper()
	n := 0
	filepath.WalkDir(dir, func(_ string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			n++
		}
		return nil
	})
	return n
}

// Open311 submissions count per API token, and per address together with
// the residents' reports; refusals come as GeoReport errors with 429 and
// Retry-After; made-up keys are refused as before, without counting
// against any token.
func TestOpen311RateLimits(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
		f := newFixture(t, db)
		cat := caseSetup(t, f)
		f.clock.now = time.Date(2026, 3, 2, 2, 0, 0, 0, time.UTC)
		token := func(user string) string {
			var tok struct{ Token string }
			f.login(user).do("POST", "/api/v1/me/tokens", map[string]any{"name": "热线平台"}).want(201).json(&tok)
			return tok.Token
		}
		a, b := token("county_staff"), token("a_staff")
		f.serveLimited(httpapi.Rates{Reports: 5, Tokens: 3}, files.Batch{}, true)
		submit := func(addr, key string) *response {
			form := url.Values{"api_key": {key}, "service_code": {cat.Code}, "lat": {"35.6934"}, "long": {"105.0531"}, "description": {"人行道上堆着生活垃圾"}}
			req, _ := http.NewRequest("POST", f.srv.URL+"/open311/v2/requests.json", strings.NewReader(form.Encode()))
			req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
			return f.from(addr, req)
		}
		const x, y, z = "203.0.113.7", "198.51.100.20", "192.0.2.99"
		var wait time.Duration
		for i, s := range []struct {
			name      string
			addr, key string // no key: a resident's report
			advance   bool
			want      int
		}{
			{"token A, first", x, a, false, 200},
			{"token A, second", x, a, false, 200},
			{"token A, third", x, a, false, 200},
			{"token A, fourth in the minute", x, a, false, 429},
			{"token B at the same address", x, b, false, 200},
			{"token B, the address's sixth", x, b, false, 429},
			{"a resident's report from that address", x, "", false, 429},
			{"token A from another address", y, a, false, 429},
			{"token B from another address", y, b, false, 200},
			{"made-up key", z, "wm_not-a-token", false, 403},
			{"made-up key again", z, "wm_not-a-token-either", false, 403},
			{"token A after its Retry-After", y, a, true, 200},
		} {
			if s.advance {
				f.clock.now = f.clock.now.Add(wait)
			}
			if s.key == "" {
				wantTooMany(t, f.snapFrom(s.addr, residentReport(cat, fmt.Sprintf("o-%d", i)), pngBytes(t)))
				continue
			}
			r := submit(s.addr, s.key)
			if r.status != s.want {
				t.Fatalf("step %d, %s: %d %s", i, s.name, r.status, r.body)
			}
			if s.want != 429 {
				continue
			}
			secs, err := strconv.Atoi(r.header.Get("Retry-After"))
			var errs []struct {
				Code        int
				Description string
			}
			json.Unmarshal(r.body, &errs)
			if err != nil || secs < 1 || len(errs) != 1 || errs[0].Code != 429 || errs[0].Description != "请求过于频繁，请 "+strconv.Itoa(secs)+" 秒后再试" {
				t.Fatalf("%s: Retry-After %q, body %s", s.name, r.header.Get("Retry-After"), r.body)
			}
			wait = time.Duration(secs) * time.Second
		}
	})
}

// The OpenAPI document tells integrators which public operations may
// answer 429, and that Retry-After says how long to wait.
func TestOpenAPIDocumentsRateLimits(t *testing.T) {
	t.Parallel()
	f := newFixture(t, storetest.Open(t, store.SQLite))
	paths := f.api.OpenAPI()["paths"].(map[string]map[string]any)
	for _, op := range []struct{ method, path string }{
		{"get", "/api/v1/public/case-form"}, {"post", "/api/v1/public/cases"}, {"get", "/api/v1/public/cases/{token}"},
		{"post", "/api/v1/public/cases/{token}/rating"}, {"post", "/api/v1/public/cases/{token}/reopen"},
		{"get", "/api/v1/public/cases/{token}/photos/{fileId}"},
	} {
		responses := paths[op.path][op.method].(map[string]any)["responses"].(map[string]any)
		tooMany, ok := responses["429"].(map[string]any)
		if !ok || tooMany["headers"].(map[string]any)["Retry-After"] == nil {
			t.Errorf("%s %s: no 429 with Retry-After documented", op.method, op.path)
		}
	}
	if _, ok := paths["/api/v1/cases"]["get"].(map[string]any)["responses"].(map[string]any)["429"]; ok {
		t.Error("a signed-in list documents a rate limit it does not have")
	}
}

// Open311's reads count per address with the other public reads, and are
// refused in the format asked for.
func TestOpen311ReadsRateLimit(t *testing.T) {
	t.Parallel()
	f := newFixture(t, storetest.Open(t, store.SQLite))
	caseSetup(t, f)
	f.serveLimited(httpapi.Rates{Public: 3}, files.Batch{}, true)
	for _, path := range []string{"/open311/v2/discovery.json", "/open311/v2/services.xml", "/api/v1/public/case-form"} {
		f.getFrom("203.0.113.7", path).want(200)
	}
	r := f.getFrom("203.0.113.7", "/open311/v2/requests.xml").want(http.StatusTooManyRequests)
	secs := r.header.Get("Retry-After")
	if secs == "" || !bytes.Contains(r.body, []byte("<code>429</code>")) || !bytes.Contains(r.body, []byte("请求过于频繁，请 "+secs+" 秒后再试")) {
		t.Fatalf("Retry-After %q, body %s", secs, r.body)
	}
	f.getFrom("198.51.100.20", "/open311/v2/requests.json").want(200)
}
