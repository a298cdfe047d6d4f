package cases

import (
	"slices"
	"testing"
	"time"

	"wenming/internal/domain"
)

// The spans of a case follow who holds it by the lifecycle's Hands: a
// unit's return goes to the office, a refused return back to the unit, a
// rework stays with the unit, a take-back goes to the office above, and a
// reopened case starts again at the office; the last holder's span is open.
func TestSpansFollowTheHolder(t *testing.T) {
	t.Parallel()
	city, county := int64(1), int64(2)
	e := &caseConfig{cal: Calendar{start: 9 * 60, end: 17 * 60},
		jurisdictions: domain.Jurisdictions{{ID: city, Name: "白银市"}, {ID: county, Name: "会宁县", ParentID: &city}}}
	// Monday 1 December 2025, 09:00 Beijing, then an hour a step.
	start := time.Date(2025, 12, 1, 1, 0, 0, 0, time.UTC)
	step := func(i int, kind Kind, data map[string]any) Event {
		return Event{At: start.Add(time.Duration(i) * time.Hour), Kind: kind, Data: data}
	}
	tests := []struct {
		name     string
		placed   int64
		timeline []Event
		holders  []string
		minutes  []int
	}{
		{"return, refused, rework, closed", county, []Event{
			step(0, KindCreated, nil), step(1, KindDispatched, map[string]any{"unit": "县住建局"}), step(2, KindAccepted, nil),
			step(3, KindReturned, nil), step(4, KindReturnRefused, nil), step(5, KindReported, nil),
			step(6, KindVerifiedFail, nil), step(7, KindReported, nil), step(8, KindVerifiedPass, nil)},
			[]string{"会宁县创城办", "县住建局", "会宁县创城办", "县住建局", "会宁县创城办", "县住建局", "会宁县创城办"},
			[]int{60, 120, 60, 60, 60, 60, 60}},
		{"handed down, taken back, reopened", city, []Event{
			step(0, KindCreated, nil), step(1, KindHandedDown, map[string]any{"from": "白银市", "to": "会宁县"}),
			step(2, KindDispatched, map[string]any{"unit": "会师镇"}), step(3, KindTakenBack, map[string]any{"from": "会宁县", "to": "白银市"}),
			step(4, KindClosed, nil), step(5, KindReopened, nil)},
			[]string{"白银市创城办", "会宁县创城办", "会师镇", "白银市创城办", "白银市创城办"},
			[]int{60, 60, 60, 60, -1}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			got := e.spans(Case{CreatedAt: start, JurisdictionID: &tc.placed}, tc.timeline, start.Add(6*time.Hour))
			var holders []string
			for i, s := range got {
				holders = append(holders, s.Holder)
				if i < len(tc.minutes) && tc.minutes[i] >= 0 && s.WorkingMinutes != tc.minutes[i] {
					t.Errorf("span %d %s held %d working minutes, want %d", i, s.Holder, s.WorkingMinutes, tc.minutes[i])
				}
			}
			if !slices.Equal(holders, tc.holders) {
				t.Errorf("holders %q, want %q", holders, tc.holders)
			}
			last := got[len(got)-1]
			if closed := tc.timeline[len(tc.timeline)-1].Kind == KindVerifiedPass; closed != (last.To != nil) {
				t.Errorf("the last span ends at %v; want it open only while someone holds the case", last.To)
			}
		})
	}
}
