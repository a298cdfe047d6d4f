package httpapi_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"wenming/internal/audit"
	"wenming/internal/domain"
	"wenming/internal/store"
	"wenming/internal/store/storetest"
)

// personLimit reads a person's sign-in limit from the people list and from
// the person's own page, which must agree.
func personLimit(t *testing.T, c *client, username string, id int64) *domain.LoginLimit {
	t.Helper()
	var page struct{ Items []domain.Person }
	c.do("GET", "/api/v1/people?q="+username, nil).want(200).json(&page)
	var listed *domain.Person
	for i, p := range page.Items {
		if p.ID == id {
			listed = &page.Items[i]
		}
	}
	if listed == nil {
		t.Fatalf("%s is not in the people list: %+v", username, page.Items)
	}
	var one domain.Person
	c.do("GET", fmt.Sprintf("/api/v1/people/%d", id), nil).want(200).json(&one)
	if (listed.LoginLimit == nil) != (one.LoginLimit == nil) || listed.LoginLimit != nil && *listed.LoginLimit != *one.LoginLimit {
		t.Fatalf("the list says %+v, the person's page %+v", listed.LoginLimit, one.LoginLimit)
	}
	return one.LoginLimit
}

// guessAt makes the attacker's address wait before trying the account again.
func guessAt(t *testing.T, f *fixture, username string) *client {
	t.Helper()
	guesser := f.anonFrom(attacker)
	for range 5 {
		guesser.do("POST", "/api/v1/auth/login", map[string]string{"username": username, "password": "Wrong-Pass-1"}).want(401)
	}
	wantWait(t, guesser.do("POST", "/api/v1/auth/login", map[string]string{"username": username, "password": testPassword}), 60)
	return guesser
}

// An account guessed at shows as limited on the people pages, until when
// and from how many addresses; the security admin's 解锁 lifts the wait, so
// the waiting address signs in at once with the right password, and the
// audit log says who did it. Nobody else may lift it.
func TestUnlockLiftsTheWaitOnTheAccount(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
		f := newFixture(t, db)
		sec := f.login("secadmin")
		member := f.people["a_member"]
		if l := personLimit(t, sec, "a_member", member); l != nil {
			t.Fatalf("limited before any guess: %+v", l)
		}

		guesser := guessAt(t, f, "a_member")
		want := domain.LoginLimit{Until: f.clock.now.Add(time.Minute), Addresses: 1}
		if l := personLimit(t, sec, "a_member", member); l == nil || !l.Until.Equal(want.Until) || l.Addresses != want.Addresses {
			t.Fatalf("limit = %+v, want %+v", l, want)
		}
		if l := personLimit(t, sec, "b_member", f.people["b_member"]); l != nil {
			t.Errorf("an account nobody guessed at shows limited: %+v", l)
		}

		// Those who may not lift the wait are refused, and it stays.
		f.person("county_sys", "县系统管理员", f.office, []domain.Role{domain.RoleSysAdmin}, domain.ScopeAll, nil)
		guessAt(t, f, "secadmin")
		for _, tc := range []struct{ who, target string }{
			{"auditor", "a_member"},    // the audit admin reads the audit log only
			{"a_head", "a_member"},     // a unit head manages people, not their passwords
			{"a_liaison", "a_member"},  // a liaison manages nobody
			{"a_member", "a_member"},   // nor their own account
			{"county_sys", "secadmin"}, // a system admin does not manage the security admin's account
			{"a_staff", "b_member"},    // office staff of street A, another street's person
		} {
			res := f.login(tc.who).do("POST", fmt.Sprintf("/api/v1/people/%d/unlock", f.people[tc.target]), nil)
			if res.status != 403 || !hasChinese(res.apiError().Error.Message) {
				t.Errorf("%s lifted %s's wait: %d %s", tc.who, tc.target, res.status, res.body)
			}
		}
		if l := personLimit(t, sec, "secadmin", f.people["secadmin"]); l == nil {
			t.Error("a refused unlock lifted the security admin's wait")
		}
		wantWait(t, guesser.do("POST", "/api/v1/auth/login", map[string]string{"username": "a_member", "password": testPassword}), 60)

		sec.do("POST", fmt.Sprintf("/api/v1/people/%d/unlock", member), nil).want(204)
		if l := personLimit(t, sec, "a_member", member); l != nil {
			t.Errorf("still limited after 解锁: %+v", l)
		}
		// The address that waited signs in at once, the clock unmoved.
		guesser.do("POST", "/api/v1/auth/login", map[string]string{"username": "a_member", "password": testPassword}).want(200)
		// The security admin's own account was not touched.
		if l := personLimit(t, sec, "secadmin", f.people["secadmin"]); l == nil {
			t.Error("解锁 of one account lifted another's wait")
		}

		var page struct{ Items []audit.Entry }
		f.login("auditor").do("GET", "/api/v1/audit?action=unlock", nil).want(200).json(&page)
		if len(page.Items) != 1 {
			t.Fatalf("%d unlock entries, want 1: %+v", len(page.Items), page.Items)
		}
		e := page.Items[0]
		if e.EntityID != fmt.Sprint(member) || !strings.Contains(e.ActorName, "secadmin") ||
			!strings.Contains(e.Summary, "甲成员") || !strings.Contains(e.Summary, "1 个地址") {
			t.Errorf("unlock entry: %+v", e)
		}
	})
}

// Resetting a password lifts the waits too: the person is told the new
// password and signs in with it at once.
func TestPasswordResetLiftsTheWait(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
		f := newFixture(t, db)
		guesser := guessAt(t, f, "a_member")
		f.login("secadmin").do("POST", fmt.Sprintf("/api/v1/people/%d/password", f.people["a_member"]), map[string]string{"newPassword": "Fresh-Pass-2026"}).want(204)
		guesser.do("POST", "/api/v1/auth/login", map[string]string{"username": "a_member", "password": "Fresh-Pass-2026"}).want(200)
	})
}
