package httpapi_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"wenming/internal/domain"
	"wenming/internal/store"
	"wenming/internal/store/storetest"
)

// bearer calls the API with an API token instead of a session.
func (f *fixture) bearer(token, method, path string, body any) *response {
	f.t.Helper()
	var rd *bytes.Reader
	if body != nil {
		b, _ := json.Marshal(body)
		rd = bytes.NewReader(b)
	}
	var req *http.Request
	if rd != nil {
		req, _ = http.NewRequest(method, f.srv.URL+path, rd)
		req.Header.Set("Content-Type", "application/json")
	} else {
		req, _ = http.NewRequest(method, f.srv.URL+path, nil)
	}
	req.Header.Set("Authorization", "Bearer "+token)
	return f.anon().send(req)
}

// token creates an API token for the client's account and returns its secret.
func (c *client) token(name string, days int) string {
	c.f.t.Helper()
	var tok struct{ Token string }
	c.do("POST", "/api/v1/me/tokens", map[string]any{"name": name, "expiresInDays": days}).want(201).json(&tok)
	return tok.Token
}

// Defect 1: resetting a password or unlocking takes over the account, so the
// keeper must be able to grant every role the target holds and must see at
// least as much as the target does.
func TestPasswordKeepersCannotTakeOverStrongerAccounts(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
		f := newFixture(t, db)
		// Two people in unit A whose scope reaches beyond street A.
		f.person("a_county_insp", "甲县级督查", f.unitA, []domain.Role{domain.RoleInspector}, domain.ScopeRegion, &f.county)
		f.person("a_all_insp", "甲全域督查", f.unitA, []domain.Role{domain.RoleInspector}, domain.ScopeAll, nil)
		staff := f.login("a_staff")
		reset := map[string]string{"newPassword": "Taken-Over-2026"}
		for _, target := range []string{"a_sysadmin", "a_secadmin", "a_auditor", "a_leader", "a_county_insp", "a_all_insp"} {
			id := f.people[target]
			res := staff.do("POST", fmt.Sprintf("/api/v1/people/%d/password", id), reset)
			if res.status != 403 || !hasChinese(res.apiError().Error.Message) {
				t.Errorf("office staff reset %s's password: %d %s", target, res.status, res.body)
			}
			if res := staff.do("POST", fmt.Sprintf("/api/v1/people/%d/unlock", id), nil); res.status != 403 {
				t.Errorf("office staff unlocked %s: %d %s", target, res.status, res.body)
			}
		}
		// The wider-scoped people may not be edited either.
		for _, target := range []string{"a_county_insp", "a_all_insp"} {
			res := staff.do("PUT", fmt.Sprintf("/api/v1/people/%d", f.people[target]), map[string]any{"realName": "改名",
				"unitId": f.unitA, "roles": []string{"inspector"}, "scopeKind": "unit"})
			if res.status != 403 {
				t.Errorf("office staff narrowed %s: %d %s", target, res.status, res.body)
			}
		}
		// The targets still sign in with their own password.
		f.login("a_sysadmin")
		f.login("a_county_insp")
		// A system admin cannot take over the security admin or the auditor.
		sys := f.login("a_sysadmin")
		for _, target := range []string{"a_secadmin", "a_auditor"} {
			sys.do("POST", fmt.Sprintf("/api/v1/people/%d/password", f.people[target]), reset).want(403)
		}
		// What they may do, they still can.
		staff.do("POST", fmt.Sprintf("/api/v1/people/%d/password", f.people["a_member"]), reset).want(204)
		f.login("secadmin").do("POST", fmt.Sprintf("/api/v1/people/%d/password", f.people["a_sysadmin"]), reset).want(204)
	})
}

// Defect 2: a token obeys the forced password change.
func TestTokenObeysMustChangePassword(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
		f := newFixture(t, db)
		tok := f.login("a_staff").token("热线", 30)
		f.bearer(tok, "GET", "/api/v1/units", nil).want(200)
		ctx := context.Background()
		if err := db.Write(ctx, func(c *store.Conn) error {
			_, err := c.Exec(ctx, `UPDATE users SET must_change_password = TRUE WHERE id = ?`, f.people["a_staff"])
			return err
		}); err != nil {
			t.Fatal(err)
		}
		res := f.bearer(tok, "GET", "/api/v1/units", nil).want(403)
		if e := res.apiError(); e.Error.Code != "password_change_required" {
			t.Fatalf("got %s", res.body)
		}
	})
}

// Defect 2: a password reset revokes the person's tokens.
func TestPasswordResetRevokesTokens(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
		f := newFixture(t, db)
		tok := f.login("a_member").token("脚本", 0)
		f.bearer(tok, "GET", "/api/v1/me", nil).want(200)
		f.login("a_staff").do("POST", fmt.Sprintf("/api/v1/people/%d/password", f.people["a_member"]),
			map[string]string{"newPassword": "Reset-Pass-2026"}).want(204)
		f.bearer(tok, "GET", "/api/v1/me", nil).want(401)
		n, err := db.Read().Count(t.Context(), `SELECT COUNT(*) FROM audit_log WHERE action = 'password_reset' AND entity_id = ?`, fmt.Sprint(f.people["a_member"]))
		if err != nil || n != 1 {
			t.Fatalf("password reset audited %d times (%v)", n, err)
		}
	})
}

// Defect 2: changing one's password revokes one's tokens and ends every
// other session, keeping the one that made the change.
func TestPasswordChangeEndsOtherSessionsAndTokens(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
		f := newFixture(t, db)
		here, elsewhere := f.login("a_member"), f.login("a_member")
		tok := here.token("脚本", 30)
		here.do("POST", "/api/v1/me/password", map[string]string{"oldPassword": testPassword, "newPassword": "Changed-Pass-2026"}).want(204)
		here.do("GET", "/api/v1/me", nil).want(200)
		elsewhere.do("GET", "/api/v1/me", nil).want(401)
		f.bearer(tok, "GET", "/api/v1/me", nil).want(401)
		n, err := db.Read().Count(t.Context(), `SELECT COUNT(*) FROM audit_log WHERE action = 'password_change' AND entity_id = ?`, fmt.Sprint(f.people["a_member"]))
		if err != nil || n != 1 {
			t.Fatalf("password change audited %d times (%v)", n, err)
		}
	})
}

// Defect 2: a token cannot mint further tokens, never-expiring or not.
func TestTokenCannotCreateTokens(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
		f := newFixture(t, db)
		tok := f.login("a_staff").token("热线", 1)
		for _, days := range []int{0, 30} {
			res := f.bearer(tok, "POST", "/api/v1/me/tokens", map[string]any{"name": "续命", "expiresInDays": days}).want(403)
			if !strings.Contains(res.apiError().Error.Message, "API 令牌不能用于创建新令牌") {
				t.Fatalf("got %s", res.body)
			}
		}
	})
}

// Defect 3: nobody changes their own roles or scope, and only the security
// admin hands out the three admin roles.
func TestAdminsCannotRaiseThemselves(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
		f := newFixture(t, db)
		self := func(username string, unit int64, roles []string, scope string, region *int64) map[string]any {
			m := map[string]any{"realName": "本人", "unitId": unit, "roles": roles, "scopeKind": scope}
			if region != nil {
				m["scopeRegionId"] = *region
			}
			return m
		}
		sec := f.login("secadmin")
		path := fmt.Sprintf("/api/v1/people/%d", f.people["secadmin"])
		res := sec.do("PUT", path, self("secadmin", f.office, []string{"audit_admin"}, "all", nil)).want(400)
		if e := res.apiError(); e.Error.Field != "roles" || !strings.Contains(e.Error.Message, "不能修改自己的角色或数据范围") {
			t.Fatalf("got %s", res.body)
		}
		// Editing one's own name is still fine.
		sec.do("PUT", path, self("secadmin", f.office, []string{"security_admin"}, "all", nil)).want(200)

		staff := f.login("a_staff")
		path = fmt.Sprintf("/api/v1/people/%d", f.people["a_staff"])
		res = staff.do("PUT", path, self("a_staff", f.unitA, []string{"office_staff"}, "unit", nil)).want(400)
		if e := res.apiError(); e.Error.Field != "scopeKind" {
			t.Fatalf("got %s", res.body)
		}
		res = staff.do("PUT", path, self("a_staff", f.unitA, []string{"office_leader"}, "region", &f.streetA)).want(400)
		if e := res.apiError(); e.Error.Field != "roles" {
			t.Fatalf("got %s", res.body)
		}

		// The system admin may neither give itself nor anyone an admin role.
		sys := f.login("a_sysadmin")
		// (it holds a role only the security admin manages, so it may not
		// edit its own record at all).
		sys.do("PUT", fmt.Sprintf("/api/v1/people/%d", f.people["a_sysadmin"]), self("a_sysadmin", f.unitA, []string{"audit_admin"}, "region", &f.streetA)).want(403)
		res = sys.do("POST", "/api/v1/people", map[string]any{"username": "a_puppet", "realName": "傀儡", "unitId": f.unitA,
			"roles": []string{"audit_admin"}, "scopeKind": "unit", "password": "Puppet-Pass-2026"}).want(400)
		if e := res.apiError(); e.Error.Field != "roles" {
			t.Fatalf("got %s", res.body)
		}
		sec.do("POST", "/api/v1/people", map[string]any{"username": "a_auditor2", "realName": "新审计员", "unitId": f.unitA,
			"roles": []string{"audit_admin"}, "scopeKind": "unit", "password": "Auditor-Pass-2026"}).want(201)

		var me domain.Person
		f.login("secadmin").do("GET", "/api/v1/me", nil).want(200).json(&me)
		if len(me.Roles) != 1 || me.Roles[0] != domain.RoleSecurityAdmin {
			t.Fatalf("secadmin's roles changed: %v", me.Roles)
		}
	})
}

// Defect 12: once an hour passes without failures the count starts again,
// so a typo a day never adds up to a wait.
func TestQuietHourStartsTheCountAgain(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
		f := newFixture(t, db)
		c := f.anonFrom(attacker)
		wrong := map[string]string{"username": "a_member", "password": "Wrong-Pass-1"}
		for range 5 {
			c.do("POST", "/api/v1/auth/login", wrong).want(401)
		}
		wantWait(t, c.do("POST", "/api/v1/auth/login", wrong), 60)
		f.clock.now = f.clock.now.Add(time.Hour + time.Minute)
		for range 5 {
			c.do("POST", "/api/v1/auth/login", wrong).want(401)
		}
		// The first wait again, not the doubled one.
		wantWait(t, c.do("POST", "/api/v1/auth/login", wrong), 60)
	})
}

// Defect 5: guesses sent at once are all counted, so no more of them are
// checked than one by one; the account's owner still signs in elsewhere.
func TestParallelGuessesAreAllCounted(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
		f := newFixture(t, db)
		guesser := f.anonFrom(attacker)
		body := `{"username":"a_member","password":"Wrong-Pass-1"}`
		var wg sync.WaitGroup
		statuses := make([]int, 20)
		errs := make([]error, 20)
		for i := range statuses {
			wg.Go(func() {
				res, err := guesser.http.Post(f.srv.URL+"/api/v1/auth/login", "application/json", strings.NewReader(body))
				if err != nil {
					errs[i] = err
					return
				}
				res.Body.Close()
				statuses[i] = res.StatusCode
			})
		}
		wg.Wait()
		count := map[int]int{}
		for i, s := range statuses {
			if errs[i] != nil {
				t.Fatalf("attempt %d: %v", i, errs[i])
			}
			count[s]++
		}
		if count[401] != 5 || count[429] != 15 {
			t.Errorf("answers %v, want 5 checked (401) and 15 told to wait (429)", count)
		}
		wantWait(t, guesser.do("POST", "/api/v1/auth/login", map[string]string{"username": "a_member", "password": testPassword}), 60)
		f.login("a_member")
	})
}

// Defect 10: setting a password does not re-enable a disabled account.
func TestSetPasswordKeepsAccountDisabled(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
		f := newFixture(t, db)
		ctx := context.Background()
		sys := domain.System("测试", domain.RoleSysAdmin)
		if err := f.org.DisablePerson(ctx, sys, f.people["b_member"]); err != nil {
			t.Fatal(err)
		}
		if err := f.org.SetPassword(ctx, domain.System("测试", domain.RoleSecurityAdmin), "b_member", "Another-Pass-2026", false); err != nil {
			t.Fatal(err)
		}
		res := f.anon().do("POST", "/api/v1/auth/login", map[string]string{"username": "b_member", "password": "Another-Pass-2026"}).want(403)
		if !strings.Contains(res.apiError().Error.Message, "停用") {
			t.Fatalf("got %s", res.body)
		}
	})
}

// A person disabled while signed in is signed out at their next request;
// until then every one of their roles comes with them.
func TestDisabledMidSessionIsSignedOut(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
		f := newFixture(t, db)
		member := f.login("b_member")
		var me struct{ Roles []string }
		member.do("GET", "/api/v1/me", nil).want(200).json(&me)
		if len(me.Roles) == 0 {
			t.Fatalf("roles of b_member: %v", me.Roles)
		}
		if err := f.org.DisablePerson(context.Background(), domain.System("测试", domain.RoleSysAdmin), f.people["b_member"]); err != nil {
			t.Fatal(err)
		}
		member.do("GET", "/api/v1/me", nil).want(401)
	})
}

// Every answer carries a CSP that, beyond blocking scripts, keeps planted
// markup from redirecting the console: a <base href> may not move its
// relative links, a <form> may not post elsewhere, no plug-in may load.
func TestContentSecurityPolicyConfinesPlantedMarkup(t *testing.T) {
	t.Parallel()
	f := newFixture(t, storetest.Open(t, store.SQLite))
	want := map[string]string{
		"default-src":     "'self'",
		"base-uri":        "'none'",
		"form-action":     "'self'",
		"object-src":      "'none'",
		"frame-ancestors": "'none'",
	}
	for _, path := range []string{"/healthz", "/api/v1/me", "/cases/1"} {
		t.Run(path, func(t *testing.T) {
			res := f.anon().do("GET", path, nil)
			got := map[string]string{}
			for _, d := range strings.Split(res.header.Get("Content-Security-Policy"), ";") {
				if name, value, ok := strings.Cut(strings.TrimSpace(d), " "); ok {
					got[name] = value
				}
			}
			for name, value := range want {
				if got[name] != value {
					t.Errorf("%s: %s is %q, want %q (policy %q)", path, name, got[name], value, res.header.Get("Content-Security-Policy"))
				}
			}
		})
	}
}
