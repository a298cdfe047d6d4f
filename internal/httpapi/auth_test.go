package httpapi_test

import (
	"fmt"
	"net"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	"wenming/internal/domain"
	"wenming/internal/store"
	"wenming/internal/store/storetest"
)

// anonFrom is a caller whose requests come from another loopback address,
// as a person elsewhere on the network would.
func (f *fixture) anonFrom(ip string) *client {
	c := f.anon()
	d := &net.Dialer{LocalAddr: &net.TCPAddr{IP: net.ParseIP(ip)}}
	c.http.Transport = &http.Transport{DialContext: d.DialContext}
	return c
}

// attacker is where the guesses come from in these tests; the fixture's
// people sign in from 127.0.0.1.
const attacker = "127.0.0.9"

// wantWait checks a refusal to try again yet: 429, the wait in Retry-After
// and the same number of seconds in a Chinese message.
func wantWait(t *testing.T, res *response, seconds int) {
	t.Helper()
	e := res.apiError()
	want := fmt.Sprintf("登录尝试过多，请 %d 秒后再试", seconds)
	if res.status != 429 || res.header.Get("Retry-After") != fmt.Sprint(seconds) || e.Error.Message != want {
		t.Fatalf("got %d Retry-After %q %s, want 429 after %d s", res.status, res.header.Get("Retry-After"), res.body, seconds)
	}
}

// Guessing at an account makes the guesser's address wait, longer each
// time, while the account's owner signs in from elsewhere as usual: no
// stranger can lock anyone out.
func TestGuessingMakesOnlyTheGuesserWait(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
		f := newFixture(t, db)
		guesser := f.anonFrom(attacker)
		wrong := map[string]string{"username": "a_member", "password": "Wrong-Pass-1"}
		right := map[string]string{"username": "a_member", "password": testPassword}
		for range 5 {
			guesser.do("POST", "/api/v1/auth/login", wrong).want(401)
		}
		wantWait(t, guesser.do("POST", "/api/v1/auth/login", wrong), 60)
		// Even the right password waits there: the guesser does not learn it was right.
		wantWait(t, guesser.do("POST", "/api/v1/auth/login", right), 60)
		// The owner, from the office, is not held up at all.
		f.anon().do("POST", "/api/v1/auth/login", right).want(200)
		f.anon().do("POST", "/api/v1/auth/login", wrong).want(401)
		f.anon().do("POST", "/api/v1/auth/login", right).want(200)

		// Each failure after a wait doubles the next one, up to the longest (15 minutes).
		wait := 60
		for _, next := range []int{120, 240, 480, 900, 900} {
			f.clock.now = f.clock.now.Add(time.Duration(wait+1) * time.Second)
			guesser.do("POST", "/api/v1/auth/login", wrong).want(401)
			wantWait(t, guesser.do("POST", "/api/v1/auth/login", wrong), next)
			wait = next
		}
		f.clock.now = f.clock.now.Add(time.Duration(wait+1) * time.Second)
		// A right password from the waiting address, once its wait is over, signs in and clears its count.
		guesser.do("POST", "/api/v1/auth/login", right).want(200)
		for range 4 {
			guesser.do("POST", "/api/v1/auth/login", wrong).want(401)
		}
		// Four failures since are under the threshold: no address waits, and
		// the people page shows no limit.
		if l := personLimit(t, f.login("secadmin"), "a_member", f.people["a_member"]); l != nil {
			t.Errorf("the account shows limited: %+v", l)
		}
	})
}

// An unknown user name and a known one with a wrong password get the same
// answer, byte for byte (both cost a password check: see the auth package's
// TestDummyHashCostsARealCheck); their waits are alike too, so neither the
// answer nor the throttle tells which names exist.
func TestUnknownUserGetsTheSameAnswer(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
		f := newFixture(t, db)
		answers := map[string][]string{}
		for _, tc := range []struct{ name, username, from string }{
			{"known", "a_member", "127.0.0.21"},
			{"unknown", "nobody", "127.0.0.22"},
			{"unknown, one letter off", "a_membr", "127.0.0.23"},
		} {
			c := f.anonFrom(tc.from)
			for range 6 {
				res := c.do("POST", "/api/v1/auth/login", map[string]string{"username": tc.username, "password": "Wrong-Pass-1"})
				answers[tc.name] = append(answers[tc.name], fmt.Sprintf("%d %s %s", res.status, res.header.Get("Retry-After"), res.body))
			}
		}
		if answers["known"][0] != "401  {\"error\":{\"code\":\"bad_credentials\",\"message\":\"用户名或密码错误\"}}\n" {
			t.Errorf("known user's answer: %q", answers["known"][0])
		}
		for name, got := range answers {
			if !slices.Equal(got, answers["known"]) {
				t.Errorf("%s user answered\n%q\nknown user\n%q", name, got, answers["known"])
			}
		}
	})
}

// Many user names tried from one address make that address wait, whatever
// the names; other addresses are not held up.
func TestSprayingFromOneAddressWaits(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
		f := newFixture(t, db)
		sprayer := f.anonFrom(attacker)
		for i := range 20 {
			sprayer.do("POST", "/api/v1/auth/login", map[string]string{"username": fmt.Sprintf("user%d", i), "password": "Wrong-Pass-1"}).want(401)
		}
		wantWait(t, sprayer.do("POST", "/api/v1/auth/login", map[string]string{"username": "a_member", "password": testPassword}), 60)
		f.login("a_member")
		f.clock.now = f.clock.now.Add(61 * time.Second)
		sprayer.do("POST", "/api/v1/auth/login", map[string]string{"username": "a_member", "password": testPassword}).want(200)
	})
}

func TestSessionIdleTimeoutAndLogout(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
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
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
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
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
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
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
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
