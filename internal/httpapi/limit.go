package httpapi

import (
	"crypto/sha256"
	"net"
	"net/http"
	"net/netip"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Rates are how many requests a minute one client may make of the public
// endpoints, which anyone can call without an account; 0 lifts a limit.
type Rates struct {
	Reports int // resident reports and Open311 submissions, per client address
	Tokens  int // Open311 submissions, per API token
	Public  int // the other public requests (case form, receipts, ratings, photos), per client address
}

// Limiter holds back clients that call the public endpoints faster than
// their Rates. The counts live in this process: with several app servers
// behind a balancer, each counts its own. A nil Limiter allows everything.
type Limiter struct {
	trustProxy bool
	reports    *buckets
	tokens     *buckets
	public     *buckets
}

// NewLimiter returns a limiter over the rates. trustProxy takes the client
// address from X-Forwarded-For, as the rest of the server does; now is the
// clock, so tests need not wait out a minute.
func NewLimiter(r Rates, trustProxy bool, now func() time.Time) *Limiter {
	return &Limiter{trustProxy: trustProxy, reports: newBuckets(r.Reports, now), tokens: newBuckets(r.Tokens, now), public: newBuckets(r.Public, now)}
}

// Report counts a report from the request's client address.
func (l *Limiter) Report(r *http.Request) error {
	if l == nil {
		return nil
	}
	return l.reports.take(addrKey(clientAddr(r, l.trustProxy)))
}

// Token counts an Open311 submission made with an API token. The count is
// kept under the token's hash, so the limiter holds no usable token.
func (l *Limiter) Token(token string) error {
	if l == nil {
		return nil
	}
	sum := sha256.Sum256([]byte(token))
	return l.tokens.take(string(sum[:16]))
}

// Public counts any other public request from the request's client address.
func (l *Limiter) Public(r *http.Request) error {
	if l == nil {
		return nil
	}
	return l.public.take(addrKey(clientAddr(r, l.trustProxy)))
}

// clientAddr is the caller's address, from X-Forwarded-For only when the
// deployment says a trusted proxy sets it. The proxy appends the address it
// saw, so only the last entry is its word; those before it are whatever the
// client sent.
func clientAddr(r *http.Request, trustProxy bool) string {
	if trustProxy {
		if h := r.Header.Values("X-Forwarded-For"); len(h) > 0 {
			parts := strings.Split(h[len(h)-1], ",")
			if ip := strings.TrimSpace(parts[len(parts)-1]); ip != "" {
				return ip
			}
		}
	}
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}

// addrKey counts an IPv6 client by its /64, the block one subscriber is
// given: counting single addresses would let one phone line take 2^64 turns.
func addrKey(addr string) string {
	ip, err := netip.ParseAddr(addr)
	if err != nil || ip.Unmap().Is4() {
		return addr
	}
	p, _ := ip.Prefix(64)
	return p.String()
}

// maxKeys bounds the clients one kind remembers. Idle clients are dropped
// each minute; past the bound (tens of thousands of addresses in a minute,
// a flood), a new client waits for the next sweep.
const maxKeys = 50_000

// buckets is a token bucket per key, kept as the time its bucket would be
// full again at the steady rate (the "theoretical arrival time" of GCRA):
// one time per client, and a client whose time has passed is as good as new
// and is forgotten.
type buckets struct {
	mu       sync.Mutex
	interval time.Duration // time between requests at the steady rate
	burst    time.Duration // how far ahead of the steady rate a client may run
	full     map[string]time.Time
	swept    time.Time
	now      func() time.Time
}

func newBuckets(perMinute int, now func() time.Time) *buckets {
	if perMinute <= 0 {
		return nil
	}
	interval := time.Minute / time.Duration(perMinute)
	return &buckets{interval: interval, burst: time.Minute - interval, full: map[string]time.Time{}, now: now}
}

// take spends one request of key, or says how long until it may.
func (b *buckets) take(key string) error {
	if b == nil {
		return nil
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	now := b.now()
	b.sweep(now)
	full, known := b.full[key]
	if !known && len(b.full) >= maxKeys {
		return &tooMany{wait: b.swept.Add(time.Minute).Sub(now)}
	}
	if full.Before(now) {
		full = now
	}
	if wait := full.Sub(now) - b.burst; wait > 0 {
		return &tooMany{wait: wait}
	}
	b.full[key] = full.Add(b.interval)
	return nil
}

// sweep forgets, once a minute, the clients whose buckets are full again.
func (b *buckets) sweep(now time.Time) {
	if now.Sub(b.swept) < time.Minute {
		return
	}
	b.swept = now
	for k, full := range b.full {
		if !full.After(now) {
			delete(b.full, k)
		}
	}
}

// tooMany is a request over its rate.
type tooMany struct{ wait time.Duration }

func (e *tooMany) Error() string {
	return "请求过于频繁，请 " + strconv.Itoa(retrySeconds(e.wait)) + " 秒后再试"
}

// RetryAfter is how long the client should wait.
func (e *tooMany) RetryAfter() time.Duration { return e.wait }

// retrySeconds rounds a wait up to whole seconds, as Retry-After gives it.
func retrySeconds(d time.Duration) int {
	return max(1, int((d+time.Second-1)/time.Second))
}
