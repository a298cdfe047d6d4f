package assessment

import (
	"slices"
	"testing"
)

func TestDrawIsReproducible(t *testing.T) {
	pools := map[int64][]int64{1: {11, 12, 13, 14, 15, 16, 17, 18, 19, 20}, 2: {21, 22, 23}, 3: {31, 32, 33, 34, 35, 36}}
	cats := []RoundCategory{{CategoryID: 3, SampleSize: 2}, {CategoryID: 1, SampleSize: 4}, {CategoryID: 2, SampleSize: 5}}
	a := Draw(7, cats, pools)
	if len(a) != 4+3+2 {
		t.Fatalf("drew %d points, want 4 + all 3 + 2", len(a))
	}
	// Categories in id order, each sample from its own pool, no repeats.
	for i, p := range a {
		cat := p / 10
		if (i < 4 && cat != 1) || (i >= 4 && i < 7 && cat != 2) || (i >= 7 && cat != 3) {
			t.Errorf("point %d at %d is from the wrong category", p, i)
		}
	}
	if len(slices.Compact(slices.Sorted(slices.Values(a)))) != len(a) {
		t.Errorf("a point drawn twice: %v", a)
	}
	// The same seed draws the same points, whatever order the plan lists them in.
	slices.Reverse(cats)
	if b := Draw(7, cats, pools); !slices.Equal(a, b) {
		t.Errorf("seed 7 drew %v, then %v", a, b)
	}
	differs := false
	for seed := int64(8); seed < 12; seed++ {
		differs = differs || !slices.Equal(a, Draw(seed, cats, pools))
	}
	if !differs {
		t.Error("four other seeds all drew the same points as seed 7")
	}
	// The pools are not shuffled in place.
	if !slices.IsSorted(pools[1]) {
		t.Error("Draw changed its input")
	}
}
