package httpapi_test

import (
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"wenming/internal/domain"
	"wenming/internal/store"
	"wenming/internal/store/storetest"
)

func TestFiveWrongPasswordsLockTheAccount(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		c := f.anon()
		wrong := map[string]string{"username": "a_member", "password": "Wrong-Pass-1"}
		for i := 1; i <= 4; i++ {
			res := c.do("POST", "/api/v1/auth/login", wrong).want(401)
			if msg := res.apiError().Error.Message; !strings.Contains(msg, fmt.Sprintf("还可尝试 %d 次", 5-i)) {
				t.Errorf("try %d: message %q does not say how many tries are left", i, msg)
			}
		}
		res := c.do("POST", "/api/v1/auth/login", wrong).want(423)
		if e := res.apiError(); e.Error.Code != "locked" || !strings.Contains(e.Error.Message, "锁定") {
			t.Fatalf("5th failure: %s", res.body)
		}
		// Even the right password is refused while locked.
		c.do("POST", "/api/v1/auth/login", map[string]string{"username": "a_member", "password": testPassword}).want(423)

		// The lock ends by itself after its duration ...
		f.clock.now = f.clock.now.Add(16 * time.Minute)
		f.login("a_member")

		// ... or when the security admin unlocks it.
		for range 5 {
			c.do("POST", "/api/v1/auth/login", wrong)
		}
		sec := f.login("secadmin")
		sec.do("POST", fmt.Sprintf("/api/v1/people/%d/unlock", f.people["a_member"]), nil).want(204)
		f.login("a_member")
	})
}

func TestUnknownUserGetsTheSameAnswer(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		res := f.anon().do("POST", "/api/v1/auth/login", map[string]string{"username": "nobody", "password": "Wrong-Pass-1"}).want(401)
		if e := res.apiError(); e.Error.Code != "bad_credentials" {
			t.Fatalf("got %s", res.body)
		}
	})
}

func TestSessionIdleTimeoutAndLogout(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		c := f.login("a_member")
		c.do("GET", "/api/v1/me", nil).want(200)
		f.clock.now = f.clock.now.Add(20 * time.Minute)
		c.do("GET", "/api/v1/me", nil).want(200) // refreshes last seen
		f.clock.now = f.clock.now.Add(20 * time.Minute)
		c.do("GET", "/api/v1/me", nil).want(200)
		f.clock.now = f.clock.now.Add(31 * time.Minute)
		res := c.do("GET", "/api/v1/me", nil).want(401)
		if !strings.Contains(res.apiError().Error.Message, "超时") {
			t.Errorf("idle expiry should say so: %s", res.body)
		}

		c = f.login("a_member")
		c.do("POST", "/api/v1/auth/logout", nil).want(204)
		c.do("GET", "/api/v1/me", nil).want(401)
	})
}

func TestNewAccountMustChangePasswordFirst(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		staff := f.login("a_staff")
		staff.do("POST", "/api/v1/people", map[string]any{"username": "a_fresh", "realName": "新同事", "phone": "13800001111",
			"unitId": f.unitA, "roles": []string{"inspector"}, "scopeKind": "unit", "password": "First-Pass-2026"}).want(201)

		c := f.anon()
		var me domain.Person
		c.do("POST", "/api/v1/auth/login", map[string]string{"username": "a_fresh", "password": "First-Pass-2026"}).want(200).json(&me)
		if !me.MustChange {
			t.Fatal("mustChangePassword should be true for a new account")
		}
		if e := c.do("GET", "/api/v1/units", nil).want(403).apiError(); e.Error.Code != "password_change_required" {
			t.Fatalf("got %s", e.Error.Code)
		}
		// The rules are explained per field.
		cases := []struct{ old, new, field string }{
			{"First-Pass-2026", "short", "newPassword"},
			{"First-Pass-2026", "alllowercase", "newPassword"},
			{"First-Pass-2026", "X-a_fresh-2026", "newPassword"},
			{"Wrong-Old-2026", "Second-Pass-2026", "oldPassword"},
		}
		for _, tc := range cases {
			res := c.do("POST", "/api/v1/me/password", map[string]string{"oldPassword": tc.old, "newPassword": tc.new}).want(400)
			if e := res.apiError(); e.Error.Field != tc.field || !hasChinese(e.Error.Message) {
				t.Errorf("%q: got %s", tc.new, res.body)
			}
		}
		c.do("POST", "/api/v1/me/password", map[string]string{"oldPassword": "First-Pass-2026", "newPassword": "Second-Pass-2026"}).want(204)
		c.do("GET", "/api/v1/units", nil).want(200)
	})
}

func TestAPITokens(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		c := f.login("a_staff")
		var tok struct {
			ID    int64  `json:"id"`
			Token string `json:"token"`
		}
		c.do("POST", "/api/v1/me/tokens", map[string]any{"name": "12345 热线对接", "expiresInDays": 30}).want(201).json(&tok)
		if !strings.HasPrefix(tok.Token, "wm_") {
			t.Fatalf("token %q", tok.Token)
		}
		bearer := func(token string) int {
			req, _ := http.NewRequest("GET", f.srv.URL+"/api/v1/me", nil)
			req.Header.Set("Authorization", "Bearer "+token)
			return f.anon().send(req).status
		}
		if s := bearer(tok.Token); s != 200 {
			t.Fatalf("token refused: %d", s)
		}
		if s := bearer(tok.Token + "x"); s != 401 {
			t.Fatalf("forged token: %d", s)
		}
		// Listing never shows the secret again.
		res := c.do("GET", "/api/v1/me/tokens", nil).want(200)
		if strings.Contains(string(res.body), tok.Token) {
			t.Fatal("token list leaks the secret")
		}
		// Another person cannot revoke it.
		f.login("a_member").do("DELETE", fmt.Sprintf("/api/v1/me/tokens/%d", tok.ID), nil).want(403)
		c.do("DELETE", fmt.Sprintf("/api/v1/me/tokens/%d", tok.ID), nil).want(204)
		if s := bearer(tok.Token); s != 401 {
			t.Fatalf("revoked token still works: %d", s)
		}
		// Expiry.
		c.do("POST", "/api/v1/me/tokens", map[string]any{"name": "短期", "expiresInDays": 1}).want(201).json(&tok)
		f.clock.now = f.clock.now.Add(25 * time.Hour)
		c = f.login("a_staff")
		if s := bearer(tok.Token); s != 401 {
			t.Fatalf("expired token works: %d", s)
		}
	})
}

func TestCrossSiteWritesAreRefused(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		c := f.login("a_staff")
		req, _ := http.NewRequest("POST", f.srv.URL+"/api/v1/units", strings.NewReader(`{"name":"跨站","kind":"other","class":"B"}`))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("Origin", "https://evil.example")
		req.Header.Set("Sec-Fetch-Site", "cross-site")
		res := c.send(req).want(403)
		if !hasChinese(res.apiError().Error.Message) {
			t.Fatalf("got %s", res.body)
		}
	})
}
