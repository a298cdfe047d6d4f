package ranking

import (
	"testing"
	"time"

	"wenming/internal/cases"
	"wenming/internal/domain"
)

// Counties are ranked by live score first, then by work score, then
// unranked; summed figures give the on-time rate back from the units' counts.
func TestPlaceJurisdictionsByHand(t *testing.T) {
	t.Parallel()
	var a, b countySum
	a.add(Figures{UnitFigures: cases.UnitFigures{CasesReceived: 3, CasesClosed: 4, OnTimeRate: f(0.75), Overdue: 1}, TaskProgress: f(50)})
	a.add(Figures{UnitFigures: cases.UnitFigures{CasesReceived: 2, CasesClosed: 6, OnTimeRate: f(0.5)}, TaskProgress: f(100)})
	a.add(Figures{})
	ra := a.ranked(DefaultSettings.Weights)
	if ra.Units != 3 || ra.CasesReceived != 5 || ra.CasesClosed != 10 || ra.Overdue != 1 || *ra.OnTimeRate != 0.6 || *ra.TaskProgress != 75 {
		t.Fatalf("summed %+v", ra)
	}
	// (30×0.6 + 15×(1−1/11) + 10×0.75) ÷ 55 = 0.7116…
	if ra.WorkScore == nil || *ra.WorkScore != 71.16 {
		t.Fatalf("work score %v, want 71.16", ra.WorkScore)
	}
	rb := b.ranked(DefaultSettings.Weights)
	list := []RankedJurisdiction{
		{Name: "乙县", WorkScore: f(90), Score: f(90)},
		{Name: "丙县"},
		{Name: "甲县", LiveScore: f(55), Score: f(55)},
		{Name: "丁县", LiveScore: f(88), Score: f(88)},
		{Name: "戊县", LiveScore: f(55), Score: f(55)},
		rb,
	}
	placeJurisdictions(list, DefaultSettings)
	want := []struct {
		name  string
		rank  int
		color string
	}{{"丁县", 1, "green"}, {"戊县", 2, "red"}, {"甲县", 2, "red"}, {"乙县", 4, "green"}, {"", 0, ""}, {"丙县", 0, ""}}
	for i, w := range want {
		r := list[i]
		rank := 0
		if r.Rank != nil {
			rank = *r.Rank
		}
		if r.Name != w.name || rank != w.rank || r.Color != w.color {
			t.Errorf("#%d: %s rank %d %q, want %+v", i+1, r.Name, rank, r.Color, w)
		}
	}
}

// A county's score counts the period's patrols, at least the 30 days up to
// its end, and never past today.
func TestScoreWindow(t *testing.T) {
	t.Parallel()
	day := func(s string) time.Time {
		d, err := time.ParseInLocation(time.DateOnly, s, domain.Beijing)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	now := day("2026-12-03").Add(10 * time.Hour)
	for _, tc := range []struct {
		period, from, to string
	}{
		{"2026-11", "2026-11-01", "2026-12-01"},  // a past month: itself (30 days)
		{"2026-02", "2026-01-30", "2026-03-01"},  // 28 days, reaching back to 30
		{"2026-12", "2026-11-04", "2026-12-04"},  // running: the 30 days up to today
		{"2026-W48", "2026-10-31", "2026-11-30"}, // a week: the 30 days up to its end
		{"2026-Q3", "2026-07-01", "2026-10-01"},  // a quarter: itself
	} {
		p, err := ParsePeriod("period", tc.period)
		if err != nil {
			t.Fatal(err)
		}
		from, to := scoreWindow(p, now)
		if !from.Equal(day(tc.from)) || !to.Equal(day(tc.to)) {
			t.Errorf("%s: %s – %s, want %s – %s", tc.period, from.Format(time.DateOnly), to.Format(time.DateOnly), tc.from, tc.to)
		}
	}
}
