package files

import (
	"context"
	"testing"
	"time"
)

// Decodes share the memory budget by size: phone photos go together, the
// largest image goes alone, and a waiter goes once pixels are given back.
func TestDecodingAtOnce(t *testing.T) {
	ctx := context.Background()
	d := newDecoding(0, time.Now)
	for _, c := range []struct {
		name    string
		held    []int // pixels being decoded
		next    int
		waiting bool
	}{
		{"phone photos together", []int{12_000_000, 12_000_000, 12_000_000}, 12_000_000, false},
		{"the largest image alone", nil, maxPixels, false},
		{"a photo while the largest decodes", []int{maxPixels}, 1_200_000, true},
		{"the largest while photos decode", []int{12_000_000}, maxPixels, true},
		{"two large images", []int{50_000_000}, 50_000_000, true},
	} {
		t.Run(c.name, func(t *testing.T) {
			var releases []func()
			for _, p := range c.held {
				release, err := d.reserve(ctx, p, true)
				if err != nil {
					t.Fatal(err)
				}
				releases = append(releases, release)
			}
			got := make(chan func(), 1)
			go func() {
				release, err := d.reserve(ctx, c.next, true)
				if err != nil {
					t.Error(err)
				}
				got <- release
			}()
			select {
			case release := <-got:
				if c.waiting {
					t.Fatal("decoded beside the others: the memory bound did not hold")
				}
				release()
			case <-time.After(200 * time.Millisecond):
				if !c.waiting {
					t.Fatal("held back with memory to spare")
				}
			}
			for _, release := range releases {
				release()
			}
			if c.waiting {
				select {
				case release := <-got:
					release()
				case <-time.After(2 * time.Second):
					t.Fatal("still waiting after the others were done")
				}
			}
		})
	}
}

// The minute's budget refills steadily; a request past it is told how long
// to wait, and an image larger than the whole budget passes when it is whole.
func TestDecodingPerMinute(t *testing.T) {
	now := time.Date(2026, 3, 2, 1, 0, 0, 0, time.UTC)
	d := newDecoding(60_000_000, func() time.Time { return now })
	steps := []struct {
		after  time.Duration
		pixels int
		wait   time.Duration // 0: taken
	}{
		{0, 40_000_000, 0},
		{0, 20_000_000, 0},
		{0, 1_000_000, time.Second},
		{time.Second, 1_000_000, 0},
		{0, 30_000_000, 30 * time.Second},
		{30 * time.Second, 30_000_000, 0},
		{2 * time.Minute, 80_000_000, 0}, // larger than the budget: taken when it is whole
		{0, 1_000_000, time.Second},      // which leaves nothing
	}
	for i, s := range steps {
		now = now.Add(s.after)
		if got := d.spend(s.pixels); got.Round(time.Millisecond) != s.wait {
			t.Errorf("step %d: %d pixels wait %s, want %s", i, s.pixels, got, s.wait)
		}
	}
}
