package files

import (
	"testing"
	"time"
)

// The copy worker holds an image while uploads keep coming, goes once
// they pause, and never holds one past maxDefer.
func TestCopiesYieldToUploads(t *testing.T) {
	t0 := time.Date(2026, 11, 25, 8, 0, 0, 0, time.UTC)
	for _, c := range []struct {
		name        string
		now, last   time.Duration // after t0, when the worker took the image
		wantWaiting bool
	}{
		{"an upload just came", 10 * time.Millisecond, 5 * time.Millisecond, true},
		{"uploads paused", time.Second, 500 * time.Millisecond, false},
		{"uploads never pause", maxDefer, maxDefer - time.Millisecond, false},
		{"nearly at the limit", maxDefer - time.Second, maxDefer - time.Second, true},
	} {
		wait := quietWait(t0.Add(c.now), t0.Add(c.last), t0)
		if (wait > 0) != c.wantWaiting {
			t.Errorf("%s: wait %s, want waiting %v", c.name, wait, c.wantWaiting)
		}
		if wait > maxDefer-c.now {
			t.Errorf("%s: waits %s, past the limit", c.name, wait)
		}
	}
}
