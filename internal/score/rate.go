package score

import (
	"maps"
	"math"
	"slices"

	"wenming/internal/domain"
)

// standardRate is the mean of the rates a standard has, or nil when it has
// none: "no data" must never read as 0. The sources:
//   - field: passes ÷ (passes + fails); not-applicable observations are left
//     out, and with no pass or fail there is no field rate;
//   - target (a standard with a Comparator and a reported value): see
//     targetRate;
//   - material: the given rate;
//   - manual: each method's given rate, as one more source each (a hand rate
//     overrides nothing: a method the system also collects counts twice).
//
// Given rates are clamped to [0, 1]; NaN and infinities count as no data.
func standardRate(s *domain.Standard, e Evidence) *float64 {
	var sum float64
	n := 0
	add := func(r float64, ok bool) {
		if ok {
			sum += r
			n++
		}
	}
	add(fieldRate(e.Field))
	if e.Target != nil {
		add(targetRate(s, *e.Target))
	}
	if e.Material != nil {
		add(givenRate(*e.Material))
	}
	// Sorted so the sum, and so the last bit of the mean, never depends on
	// the map's order.
	for _, m := range slices.Sorted(maps.Keys(e.Manual)) {
		add(givenRate(e.Manual[m]))
	}
	if n == 0 {
		return nil
	}
	r := sum / float64(n)
	return &r
}

// fieldRate is passes ÷ (passes + fails).
func fieldRate(t *Tally) (float64, bool) {
	if t == nil || t.Pass+t.Fail <= 0 {
		return 0, false
	}
	return float64(t.Pass) / float64(t.Pass+t.Fail), true
}

// targetRate rates a measured value against a standard's target: met → 1;
// not met, partial credit for how close it came where a ratio means
// something (value ÷ threshold for "≥", threshold ÷ value for "≤"), and 0
// for "=" and "between", which are all-or-nothing. A standard without a
// comparator, or with its threshold missing, has no target rate.
func targetRate(s *domain.Standard, v float64) (float64, bool) {
	if !targetUsable(s) || !finite(v) {
		return 0, false
	}
	if s.Met(v) {
		return 1, true
	}
	t := *s.Threshold
	switch s.Comparator {
	case ">=":
		if t <= 0 { // no meaningful ratio below a non-positive target
			return 0, true
		}
		return clamp01(v / t), true
	case "<=":
		if v <= 0 { // a non-negative target would be met; avoid ÷ 0
			return 1, true
		}
		return clamp01(t / v), true
	}
	return 0, true
}

// targetUsable tells whether Standard.Met can judge a value: it needs the
// thresholds its comparator reads.
func targetUsable(s *domain.Standard) bool {
	switch s.Comparator {
	case ">=", "<=", "=":
		return s.Threshold != nil
	case "between":
		return s.Threshold != nil && s.Threshold2 != nil
	}
	return false
}

// givenRate accepts a rate reported by someone else, clamped to [0, 1].
func givenRate(r float64) (float64, bool) {
	if !finite(r) {
		return 0, false
	}
	return clamp01(r), true
}

func clamp01(x float64) float64 { return min(1, max(0, x)) }

func finite(x float64) bool { return !math.IsNaN(x) && !math.IsInf(x, 0) }
