package auth

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"net/netip"
	"time"

	"wenming/internal/domain"
	"wenming/internal/store"
)

// Failed sign-ins slow down the address they come from, never the account:
// a stranger who guesses at an account only makes himself wait, and its
// owner signs in from anywhere else as usual. Counts live in the database,
// so every app server sees the same ones.

// TooManyAttempts refuses a sign-in from an address that must first wait.
type TooManyAttempts struct{ Wait time.Duration }

func (e *TooManyAttempts) Error() string {
	return fmt.Sprintf("登录尝试过多，请 %d 秒后再试", waitSeconds(e.Wait))
}

// RetryAfter is how long the client should wait before trying again.
func (e *TooManyAttempts) RetryAfter() time.Duration { return e.Wait }

// waitSeconds rounds a wait up to whole seconds, as Retry-After gives it.
func waitSeconds(d time.Duration) int {
	return max(1, int((d+time.Second-1)/time.Second))
}

// firstWait is the first wait of an address when the policy names none.
const firstWait = time.Minute

// withDefaults fills the throttle settings a caller left at zero.
func (p Policy) withDefaults() Policy {
	if p.AddressThreshold == 0 {
		p.AddressThreshold = 4 * p.LockThreshold
	}
	if p.FirstWait == 0 {
		p.FirstWait = min(firstWait, p.LockDuration)
	}
	return p
}

// window is how long failures are counted together: an hour, or the
// longest wait when that is longer, so the waits can grow to it.
func (p Policy) window() time.Duration { return max(time.Hour, p.LockDuration) }

// wait is how long an address waits after its failures reached threshold:
// the first wait, doubled for each failure beyond, at most the longest.
func (p Policy) wait(failures, threshold int) time.Duration {
	w := p.FirstWait
	for range failures - threshold {
		if w >= p.LockDuration {
			break
		}
		w *= 2
	}
	return min(w, p.LockDuration)
}

// attempt is one sign-in's two counts: the account from this address
// (every attempt, cleared by a right password) and the address (its
// failures, whatever the accounts). The first also names the account, so
// an administrator finds the waits on it.
type attempt struct {
	pair, addr, account string
}

// hashKey hashes the parts of a key, each ended by a zero byte.
func hashKey(parts ...string) string {
	h := sha256.New()
	for _, s := range parts {
		h.Write([]byte(s))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil))
}

// accountHash is what the counts of an account carry to name it.
func accountHash(username string) string { return hashKey("user", username) }

// newAttempt keys the counts. An IPv6 client counts by its /64, the block
// one subscriber is given; the keys are hashes, so what a stranger typed as
// a user name is not stored.
func newAttempt(username, ip string) attempt {
	if a, err := netip.ParseAddr(ip); err == nil && !a.Unmap().Is4() {
		if p, err := a.Prefix(64); err == nil {
			ip = p.String()
		}
	}
	return attempt{pair: hashKey("account", ip, username), addr: hashKey("address", ip), account: accountHash(username)}
}

// count adds one to a key's count in the current window and returns it;
// account is the hash of the account it counts, nil for an address. When
// onlyIfFree, a key that must wait is left alone and ErrNotFound comes back
// instead.
func (p Policy) count(ctx context.Context, c *store.Conn, key string, account *string, onlyIfFree bool) (int, error) {
	stale := c.Now.Add(-p.window())
	// The account is set on update too, for counts begun before it was kept.
	q := `INSERT INTO login_failures (key, failures, first_at, account_hash) VALUES (?, 1, ?, ?)
		ON CONFLICT (key) DO UPDATE SET
			failures = CASE WHEN login_failures.first_at <= ? THEN 1 ELSE login_failures.failures + 1 END,
			first_at = CASE WHEN login_failures.first_at <= ? THEN ? ELSE login_failures.first_at END,
			account_hash = excluded.account_hash`
	args := []any{key, c.Now, account, stale, stale, c.Now}
	if onlyIfFree {
		q += ` WHERE login_failures.blocked_until IS NULL OR login_failures.blocked_until <= ?`
		args = append(args, c.Now)
	}
	var n int
	err := c.Get(ctx, "登录记录", q+` RETURNING failures`, args, &n)
	return n, err
}

// block has a key wait once its count reached threshold, and returns the wait.
func (p Policy) block(ctx context.Context, c *store.Conn, key string, n, threshold int) (time.Duration, error) {
	if n < threshold {
		return 0, nil
	}
	w := p.wait(n, threshold)
	_, err := c.Exec(ctx, `UPDATE login_failures SET blocked_until = ? WHERE key = ?`, c.Now.Add(w), key)
	return w, err
}

// blocked says how long a key must still wait, or nil.
func blocked(ctx context.Context, c *store.Conn, key string) error {
	var until *time.Time
	err := c.Get(ctx, "登录记录", `SELECT blocked_until FROM login_failures WHERE key = ?`, []any{key}, &until)
	if errors.Is(err, domain.ErrNotFound) || (err == nil && (until == nil || !until.After(c.Now))) {
		return nil
	}
	if err != nil {
		return err
	}
	return &TooManyAttempts{Wait: until.Sub(c.Now)}
}

// admit lets an attempt check its password, or says how long to wait. The
// attempt is counted against the account from this address before the
// password is checked, so guesses sent in parallel cannot slip past the
// count; a right password then clears it. It returns the count.
func (p Policy) admit(ctx context.Context, c *store.Conn, a attempt) (int, error) {
	if err := blocked(ctx, c, a.addr); err != nil {
		return 0, err
	}
	n, err := p.count(ctx, c, a.pair, &a.account, true)
	if errors.Is(err, domain.ErrNotFound) {
		if err := blocked(ctx, c, a.pair); err != nil {
			return 0, err
		}
		return 0, fmt.Errorf("login throttle: %s neither counted nor waiting", a.pair[:8])
	}
	if err != nil {
		return 0, err
	}
	_, err = p.block(ctx, c, a.pair, n, p.LockThreshold)
	return n, err
}

// failed counts a wrong password against the address, has the address wait
// once it failed too often, and drops the counts of windows gone by. It
// returns the address's wait, if one began.
func (p Policy) failed(ctx context.Context, c *store.Conn, a attempt) (time.Duration, error) {
	n, err := p.count(ctx, c, a.addr, nil, false)
	if err != nil {
		return 0, err
	}
	w, err := p.block(ctx, c, a.addr, n, p.AddressThreshold)
	if err != nil {
		return 0, err
	}
	_, err = c.Exec(ctx, `DELETE FROM login_failures WHERE first_at <= ? AND (blocked_until IS NULL OR blocked_until <= ?)`, c.Now.Add(-p.window()), c.Now)
	return w, err
}

// succeeded clears the account's count from this address: whoever is there
// knows the password. The address's count stays, or one account of its own
// would let a guesser start afresh at will.
func succeeded(ctx context.Context, c *store.Conn, a attempt) error {
	_, err := c.Exec(ctx, `DELETE FROM login_failures WHERE key = ?`, a.pair)
	return err
}

// LoginLimits tells, for each of the user names that some address must
// wait before trying again, until when the last of those waits lasts and
// how many addresses wait: the accounts strangers are guessing at. The
// people pages show it beside the person.
func LoginLimits(ctx context.Context, c *store.Conn, usernames []string) (map[string]domain.LoginLimit, error) {
	out := map[string]domain.LoginLimit{}
	if len(usernames) == 0 {
		return out, nil
	}
	byHash := make(map[string]string, len(usernames))
	args := make([]any, 0, len(usernames)+1)
	for _, u := range usernames {
		h := accountHash(u)
		byHash[h] = u
		args = append(args, h)
	}
	rows, err := c.Query(ctx, `SELECT account_hash, blocked_until FROM login_failures
		WHERE account_hash IN (`+store.Placeholders(len(usernames))+`) AND blocked_until > ?`, append(args, c.Now)...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var h string
		var until time.Time
		if err := rows.Scan(&h, &until); err != nil {
			return nil, err
		}
		l := out[byHash[h]]
		l.Addresses++
		if until.After(l.Until) {
			l.Until = until
		}
		out[byHash[h]] = l
	}
	return out, rows.Err()
}

// LiftWaits clears every count of failed sign-ins on the account and every
// wait it caused, from whatever address, so its holder signs in at once;
// it returns how many addresses were waiting. An address waiting for its
// failures across many accounts keeps that wait: it is not this account's.
func LiftWaits(ctx context.Context, c *store.Conn, username string) (int, error) {
	h := accountHash(username)
	waiting, err := c.Count(ctx, `SELECT COUNT(*) FROM login_failures WHERE account_hash = ? AND blocked_until > ?`, h, c.Now)
	if err != nil {
		return 0, err
	}
	_, err = c.Exec(ctx, `DELETE FROM login_failures WHERE account_hash = ?`, h)
	return waiting, err
}
