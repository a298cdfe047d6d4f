package auth

import (
	"testing"
	"time"
)

// The waits begin at the threshold, double with each failure beyond it and
// stop at the longest; settings left at zero get their defaults.
func TestThrottleWaits(t *testing.T) {
	p := Policy{LockThreshold: 5, LockDuration: 15 * time.Minute}.withDefaults()
	if p.AddressThreshold != 20 || p.FirstWait != time.Minute || p.window() != time.Hour {
		t.Fatalf("defaults: %+v, window %v", p, p.window())
	}
	for _, tc := range []struct {
		failures int
		want     time.Duration
	}{
		{5, time.Minute},
		{6, 2 * time.Minute},
		{7, 4 * time.Minute},
		{8, 8 * time.Minute},
		{9, 15 * time.Minute},
		{60, 15 * time.Minute},
		{1 << 20, 15 * time.Minute},
	} {
		if got := p.wait(tc.failures, p.LockThreshold); got != tc.want {
			t.Errorf("wait after %d failures = %v, want %v", tc.failures, got, tc.want)
		}
	}
	// A longest wait under a minute is also the first; one over an hour widens the window.
	short := Policy{LockThreshold: 3, LockDuration: 30 * time.Second}.withDefaults()
	if short.FirstWait != 30*time.Second || short.wait(9, 3) != 30*time.Second {
		t.Errorf("short policy: %+v", short)
	}
	if long := (Policy{LockThreshold: 3, LockDuration: 2 * time.Hour}).withDefaults(); long.window() != 2*time.Hour {
		t.Errorf("long policy's window %v", long.window())
	}
}

// An IPv6 client counts by its /64; the keys keep no typed text.
func TestAttemptKeys(t *testing.T) {
	for _, tc := range []struct {
		name     string
		a, b     attempt
		sameAddr bool
		samePair bool
	}{
		{"same IPv6 /64", newAttempt("li", "2001:db8:1:2::5"), newAttempt("li", "2001:db8:1:2:ffff::9"), true, true},
		{"other IPv6 /64", newAttempt("li", "2001:db8:1:2::5"), newAttempt("li", "2001:db8:1:3::5"), false, false},
		{"other IPv4", newAttempt("li", "10.0.0.1"), newAttempt("li", "10.0.0.2"), false, false},
		{"other account, same address", newAttempt("li", "10.0.0.1"), newAttempt("wang", "10.0.0.1"), true, false},
		{"name and address run together", newAttempt("1li", "10.0.0."), newAttempt("li", "10.0.0.1"), false, false},
	} {
		if (tc.a.addr == tc.b.addr) != tc.sameAddr || (tc.a.pair == tc.b.pair) != tc.samePair {
			t.Errorf("%s: %+v vs %+v", tc.name, tc.a, tc.b)
		}
		if len(tc.a.pair) != 64 || len(tc.a.addr) != 64 {
			t.Errorf("%s: keys are not hashes: %+v", tc.name, tc.a)
		}
	}
}
