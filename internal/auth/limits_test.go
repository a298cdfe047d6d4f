package auth_test

import (
	"context"
	"errors"
	"regexp"
	"testing"
	"time"

	"wenming/internal/auth"
	"wenming/internal/domain"
	"wenming/internal/store"
	"wenming/internal/store/storetest"
)

const password = "Right-Pass-2026"

// limitsFixture is a sign-in service over a fresh database holding the
// accounts li and wang, on a clock the test moves.
func limitsFixture(t *testing.T, db *store.DB) (*auth.Service, *time.Time) {
	t.Helper()
	ctx := context.Background()
	now := time.Date(2026, 3, 2, 1, 0, 0, 0, time.UTC)
	db.SetClock(func() time.Time { return now })
	err := db.Write(ctx, func(c *store.Conn) error {
		unit, err := c.Insert(ctx, `INSERT INTO units (name, kind, class, created_at, updated_at) VALUES ('县文明办', 'office', 'A', ?, ?)`, c.Now, c.Now)
		if err != nil {
			return err
		}
		for _, name := range []string{"li", "wang"} {
			if _, err := c.Insert(ctx, `INSERT INTO users (username, real_name, unit_id, scope_kind, password_hash, must_change_password, created_at, updated_at)
				VALUES (?, ?, ?, 'unit', ?, FALSE, ?, ?)`, name, name, unit, auth.HashPassword(password), c.Now, c.Now); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return auth.NewService(db, auth.Policy{LockThreshold: 3, LockDuration: 15 * time.Minute, IdleTimeout: time.Hour, MaxAge: time.Hour}), &now
}

func login(s *auth.Service, username, pw, ip string) error {
	_, err := s.Login(context.Background(), username, pw, auth.Client{IP: ip})
	return err
}

func waits(err error) bool {
	var tooMany *auth.TooManyAttempts
	return errors.As(err, &tooMany)
}

func limits(t *testing.T, db *store.DB, usernames ...string) map[string]domain.LoginLimit {
	t.Helper()
	var out map[string]domain.LoginLimit
	err := db.Write(context.Background(), func(c *store.Conn) error {
		var err error
		out, err = auth.LoginLimits(context.Background(), c, usernames)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func lift(t *testing.T, db *store.DB, username string) int {
	t.Helper()
	var n int
	err := db.Write(context.Background(), func(c *store.Conn) error {
		var err error
		n, err = auth.LiftWaits(context.Background(), c, username)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// An account guessed at from two addresses shows both waiting, until the
// later wait ends; lifting its waits lets both addresses try at once,
// while an address that sprayed many accounts keeps its own wait.
func TestLoginLimitsAndLiftingThem(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		s, now := limitsFixture(t, db)
		start := *now
		guess := func(ip string, n int) {
			t.Helper()
			for i := range n {
				if err := login(s, "li", "Wrong-Pass-1", ip); waits(err) || err == nil {
					t.Fatalf("guess %d from %s: %v", i+1, ip, err)
				}
			}
			if err := login(s, "li", password, ip); !waits(err) {
				t.Fatalf("%s after %d guesses: %v, want a wait", ip, n, err)
			}
		}
		guess("10.0.0.1", 3)
		*now = now.Add(10 * time.Second)
		guess("10.0.0.2", 3)
		// A third address guessed once and waits for nothing.
		login(s, "li", "Wrong-Pass-1", "10.0.0.3")
		// A fourth tried many names, li among them: the address waits, not for li.
		for _, name := range []string{"li", "zhao", "qian", "sun", "zhou", "wu", "zheng", "feng", "chen", "chu", "wei", "jiang"} {
			login(s, name, "Wrong-Pass-1", "10.0.0.4")
		}
		if err := login(s, "wang", password, "10.0.0.4"); !waits(err) {
			t.Fatalf("the sprayer: %v, want a wait", err)
		}

		got := limits(t, db, "li", "wang", "nobody")
		want := domain.LoginLimit{Until: start.Add(10*time.Second + time.Minute), Addresses: 2}
		if len(got) != 1 || !got["li"].Until.Equal(want.Until) || got["li"].Addresses != want.Addresses {
			t.Fatalf("limits = %+v, want li only: %+v", got, want)
		}
		// The owner is not held up elsewhere.
		if err := login(s, "li", password, "10.0.0.9"); err != nil {
			t.Fatalf("the owner from another address: %v", err)
		}
		// Once the first wait is over, one address remains.
		*now = start.Add(61 * time.Second)
		if got := limits(t, db, "li")["li"]; got.Addresses != 1 || !got.Until.Equal(want.Until) {
			t.Fatalf("after the first wait: %+v", got)
		}

		if n := lift(t, db, "li"); n != 1 {
			t.Errorf("lifted %d waits, want 1", n)
		}
		if got := limits(t, db, "li"); len(got) != 0 {
			t.Fatalf("limits after lifting: %+v", got)
		}
		if err := login(s, "li", password, "10.0.0.2"); err != nil {
			t.Fatalf("the waiting address after lifting: %v", err)
		}
		// Its count started afresh: two more failures do not make it wait.
		for range 2 {
			if err := login(s, "li", "Wrong-Pass-1", "10.0.0.1"); waits(err) {
				t.Fatalf("a lifted address waits again at once: %v", err)
			}
		}
		if err := login(s, "li", password, "10.0.0.4"); !waits(err) {
			t.Fatalf("the sprayer's own wait was lifted: %v", err)
		}
		if n := lift(t, db, "wang"); n != 0 {
			t.Errorf("wang: lifted %d waits, want 0", n)
		}
	})
}

var sha256Hex = regexp.MustCompile(`^[0-9a-f]{64}$`)

// The counts name the account by a hash only: no stored value is what was
// typed as a user name.
func TestLoginFailuresKeepNoTypedName(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		s, _ := limitsFixture(t, db)
		const typed = "Wrong-Pass-Typed-As-Name"
		login(s, typed, "Wrong-Pass-1", "10.0.0.1")
		login(s, "li", "Wrong-Pass-1", "10.0.0.1")
		rows, err := db.Read().Query(context.Background(), `SELECT key, COALESCE(account_hash, '') FROM login_failures`)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		accounts := 0
		for rows.Next() {
			var key, account string
			if err := rows.Scan(&key, &account); err != nil {
				t.Fatal(err)
			}
			for _, v := range []string{key, account} {
				if v != "" && !sha256Hex.MatchString(v) {
					t.Errorf("stored %q, not a hash", v)
				}
			}
			if account != "" {
				accounts++
			}
		}
		if accounts != 2 {
			t.Errorf("%d counts name an account, want 2 (one per name; the address's names none)", accounts)
		}
	})
}
