package httpapi_test

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"strings"
	"testing"

	"wenming/internal/app"
	"wenming/internal/audit"
	"wenming/internal/auth"
	"wenming/internal/domain"
	"wenming/internal/org"
	"wenming/internal/store"
	"wenming/internal/store/storetest"
)

// Defect 9: control characters and absurd page numbers are refused with a
// Chinese message naming the field, on both engines, instead of reaching
// the database (where PostgreSQL answers with an internal error).
func TestControlCharactersAndHugePagesAreRefused(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
		f := newFixture(t, db)
		c := f.login("county_staff")
		before := countRows(t, db)
		cases := []struct {
			name, method, path string
			body               any
			field              string
		}{
			{"NUL in unit name", "POST", "/api/v1/units", map[string]any{"name": "甲\x00局", "kind": "department", "class": "A", "regionId": f.streetA}, "name"},
			{"escape in region name", "POST", "/api/v1/regions", map[string]any{"code": "620422102", "name": "某\x1b镇", "parentId": f.county}, "name"},
			{"NUL in person name", "POST", "/api/v1/people", map[string]any{"username": "x_nul", "realName": "某\x00人", "unitId": f.unitA,
				"roles": []string{"inspector"}, "scopeKind": "unit", "password": "Good-Pass-2026"}, "realName"},
			{"NUL in token name", "POST", "/api/v1/me/tokens", map[string]any{"name": "热\x00线", "expiresInDays": 1}, "name"},
			{"NUL in people search", "GET", "/api/v1/people?q=%00", nil, "q"},
			{"NUL in unit search", "GET", "/api/v1/units?q=a%00b", nil, "q"},
			{"NUL in region search", "GET", "/api/v1/regions?q=%00", nil, "q"},
			{"invalid UTF-8 in search", "GET", "/api/v1/people?q=%ff", nil, "q"},
			{"NUL in role filter", "GET", "/api/v1/people?role=%00", nil, "role"},
			{"NUL in export filter", "GET", "/api/v1/units/export?kind=%00", nil, "kind"},
			{"page beyond int64 offsets", "GET", "/api/v1/units?page=92233720368547759", nil, "page"},
			{"page beyond the cap", "GET", "/api/v1/people?page=100001", nil, "page"},
		}
		for _, tc := range cases {
			t.Run(tc.name, func(t *testing.T) {
				res := c.do(tc.method, tc.path, tc.body)
				if res.status != 400 {
					t.Fatalf("status %d, want 400: %s", res.status, res.body)
				}
				if e := res.apiError(); e.Error.Field != tc.field || !hasChinese(e.Error.Message) {
					t.Errorf("field %q (%s), want %q", e.Error.Field, e.Error.Message, tc.field)
				}
			})
		}
		if after := countRows(t, db); after != before {
			t.Errorf("refused requests wrote rows: %s → %s", before, after)
		}
		// Line breaks and tabs are still text.
		c.do("GET", "/api/v1/people?q=%09", nil).want(200)
		c.do("GET", "/api/v1/units?page=100000", nil).want(200)
		// The audit admin's search is guarded too.
		res := f.login("auditor").do("GET", "/api/v1/audit?q=%00", nil).want(400)
		if e := res.apiError(); e.Error.Field != "q" {
			t.Errorf("audit search: %s", res.body)
		}
		// Signing in with a NUL in the name is a plain refusal, and leaves
		// the account's count alone.
		res = f.anon().do("POST", "/api/v1/auth/login", map[string]string{"username": "a\x00b", "password": "Wrong-Pass-1"}).want(400)
		if e := res.apiError(); e.Error.Field != "username" || !hasChinese(e.Error.Message) {
			t.Errorf("login: %s", res.body)
		}
		f.anon().do("POST", "/api/v1/auth/login", map[string]string{"username": "a_member\x00", "password": testPassword}).want(400)
	})
}

// Defect 11: behind a trusted proxy the address is the one the proxy saw
// (the last X-Forwarded-For entry), and the request id is always the
// server's own, so a client cannot write either into the audit log.
func TestClientCannotForgeAuditAddressOrRequestID(t *testing.T) {
	t.Parallel()
	db := storetest.Open(t, store.SQLite)
	f := newFixture(t, db)
	f.api.TrustProxy = true
	req, _ := http.NewRequest("POST", f.srv.URL+"/api/v1/auth/login", strings.NewReader(`{"username":"a_member","password":"`+testPassword+`"}`))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("X-Forwarded-For", "6.6.6.6, 10.0.0.7")
	req.Header.Set("X-Request-Id", "forged-request-id")
	res := f.anon().send(req).want(200)
	id := res.header.Get("X-Request-Id")
	if id == "" || id == "forged-request-id" {
		t.Fatalf("response request id %q", id)
	}
	var page struct{ Items []audit.Entry }
	f.login("auditor").do("GET", "/api/v1/audit?action=login&pageSize=200", nil).want(200).json(&page)
	found := false
	for _, e := range page.Items {
		if e.RequestID == "forged-request-id" || e.IP == "6.6.6.6" {
			t.Fatalf("forged value in the audit log: %+v", e)
		}
		if e.RequestID == id {
			found = true
			if e.IP != "10.0.0.7" {
				t.Errorf("audit ip %q, want the proxy's 10.0.0.7", e.IP)
			}
		}
	}
	if !found {
		t.Fatalf("login with request id %s not in the audit log: %+v", id, page.Items)
	}
}

// stopWhenListening cancels `wenming demo` once it serves.
type stopWhenListening struct {
	cancel func()
	buf    bytes.Buffer
}

func (s *stopWhenListening) Write(p []byte) (int, error) {
	if bytes.Contains(p, []byte("正在监听")) {
		s.cancel()
	}
	return s.buf.Write(p)
}

func runDemo(t *testing.T, data string) string {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	w := &stopWhenListening{cancel: cancel}
	if err := app.Run(ctx, []string{"demo", "-listen", "127.0.0.1:0", "-data", data}, func(string) string { return "" }, w, io.Discard); err != nil {
		t.Fatal(err)
	}
	return w.buf.String()
}

// Defect 10: a second `wenming demo` leaves the demo accounts as they are:
// a disabled one stays disabled, a changed password stays changed, and the
// password printed is the one set at creation.
func TestDemoRerunLeavesAccountsAlone(t *testing.T) {
	t.Parallel()
	data := t.TempDir()
	first := runDemo(t, data)
	if !strings.Contains(first, "已载入演示城市") {
		t.Fatalf("first run:\n%s", first)
	}
	password := between(first, "统一密码：", "）")
	if password == "" {
		t.Fatalf("no password in:\n%s", first)
	}
	ctx := context.Background()
	db, err := store.Open(ctx, "", data)
	if err != nil {
		t.Fatal(err)
	}
	svc := org.NewService(db)
	sys := domain.System("测试", domain.RoleSysAdmin)
	people, _, err := svc.People(ctx, sys, org.PeopleFilter{Q: "zjj_liaison", Page: 1, Size: 1})
	if err != nil || len(people) != 1 {
		t.Fatalf("demo liaison: %v %v", people, err)
	}
	if err := svc.DisablePerson(ctx, sys, people[0].ID); err != nil {
		t.Fatal(err)
	}
	if err := svc.SetPassword(ctx, domain.System("测试", domain.RoleSecurityAdmin), "cb_staff", "Own-Choice-2026", false); err != nil {
		t.Fatal(err)
	}
	db.Close()

	second := runDemo(t, data)
	if !strings.Contains(second, "演示城市已存在") || between(second, "统一密码：", "）") != password {
		t.Fatalf("second run should say the county exists and print the first password %q:\n%s", password, second)
	}
	db, err = store.Open(ctx, "", data)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var disabled bool
	var hash string
	if err := db.Read().QueryRow(ctx, `SELECT disabled FROM users WHERE username = 'zjj_liaison'`).Scan(&disabled); err != nil || !disabled {
		t.Fatalf("the disabled demo account was re-enabled (%v)", err)
	}
	if err := db.Read().QueryRow(ctx, `SELECT password_hash FROM users WHERE username = 'cb_staff'`).Scan(&hash); err != nil {
		t.Fatal(err)
	}
	if !auth.CheckPassword(hash, "Own-Choice-2026") {
		t.Fatal("the changed demo password was reset")
	}
}

func between(s, from, to string) string {
	_, after, ok := strings.Cut(s, from)
	if !ok {
		return ""
	}
	v, _, _ := strings.Cut(after, to)
	return v
}
