package ranking

import (
	"testing"

	"wenming/internal/cases"

	"wenming/internal/domain"
)

func f(v float64) *float64 { return &v }

// Hand-computed with the default weights 30/15/15/15/15/10 and bands
// green ≥ 85, red < 60.
func TestRankByHand(t *testing.T) {
	units := []domain.Unit{
		{ID: 1, Name: "甲1", Class: "A"}, {ID: 2, Name: "甲2", Class: "A"}, {ID: 3, Name: "甲3", Class: "A"},
		{ID: 4, Name: "甲4", Class: "A"}, {ID: 5, Name: "甲5", Class: "A"}, {ID: 6, Name: "甲6", Class: "A"},
		{ID: 7, Name: "甲7", Class: "A"}, {ID: 11, Name: "乙1", Class: "B"}, {ID: 12, Name: "乙2", Class: "B"},
	}
	good := Figures{UnitFigures: cases.UnitFigures{CasesClosed: 10, OnTimeRate: f(0.9), ReworkRate: f(0.1), Satisfaction: f(4.2)},
		SubmissionOnTimeRate: f(1), GradeRate: f(0.8), TaskProgress: f(100)}
	figures := map[int64]Figures{
		// 30×0.9 + 15×0.9 + 15×1 + 15×0.8 + 15×0.9 + 10×1 = 91
		1: good, 2: good,
		// No cases, no submissions: only tasks count, scaled up to 100 → 85, on the green line.
		3: {TaskProgress: f(85)},
		// 4 has nothing at all: no score, no rank, listed last.
		// (30×0.5 + 15×0.5 + 15×4/8) ÷ 60 = 0.5 → 50, red.
		5:  {UnitFigures: cases.UnitFigures{CasesClosed: 4, OnTimeRate: f(0.5), ReworkRate: f(0.5), Overdue: 4}},
		6:  {TaskProgress: f(60)},    // 60: on the red line, so yellow
		7:  {TaskProgress: f(59.99)}, // just below: red
		11: {TaskProgress: f(70)},    // class B apart: first in B though below A's
	}
	previous := map[int64]int{3: 5, 1: 1, 11: 2}
	classes := Rank(units, figures, previous, DefaultSettings)
	type want struct {
		name  string
		rank  int // 0: unranked
		score float64
		color string
	}
	check := func(c Class, wants []want) {
		t.Helper()
		if len(c.Units) != len(wants) {
			t.Fatalf("class %s has %d units, want %d", c.Class, len(c.Units), len(wants))
		}
		for i, w := range wants {
			u := c.Units[i]
			rank := 0
			if u.Rank != nil {
				rank = *u.Rank
			}
			score := -1.0
			if u.Score != nil {
				score = *u.Score
			}
			if u.UnitName != w.name || rank != w.rank || score != w.score || u.Color != w.color {
				t.Errorf("class %s #%d: %s rank %d score %v %q, want %+v", c.Class, i+1, u.UnitName, rank, score, u.Color, w)
			}
		}
	}
	check(classes[0], []want{
		{"甲1", 1, 91, "green"}, {"甲2", 1, 91, "green"}, {"甲3", 3, 85, "green"},
		{"甲6", 4, 60, "yellow"}, {"甲7", 5, 59.99, "red"}, {"甲5", 6, 50, "red"}, {"甲4", 0, -1, ""},
	})
	check(classes[1], []want{{"乙1", 1, 70, "yellow"}, {"乙2", 0, -1, ""}})
	a3 := classes[0].Units[2]
	if a3.Movement == nil || *a3.Movement != 2 || *a3.PreviousRank != 5 {
		t.Errorf("甲3 moved from 5 to 3: movement %v", a3.Movement)
	}
	if m := classes[0].Units[0].Movement; m == nil || *m != 0 {
		t.Errorf("甲1 stayed first: movement %v", m)
	}
	if m := classes[0].Units[3].Movement; m != nil {
		t.Errorf("甲6 had no previous rank: movement %v", *m)
	}
}

func TestSettingsRefuseBadWeights(t *testing.T) {
	s := DefaultSettings
	s.Weights.Tasks = 20 // sums to 110
	if err := s.validate(); err == nil {
		t.Fatal("weights summing to 110 accepted")
	}
	s = DefaultSettings
	s.RedBelow = 90
	if err := s.validate(); err == nil {
		t.Fatal("a red line above the green line accepted")
	}
	if err := DefaultSettings.validate(); err != nil {
		t.Fatal(err)
	}
}

func TestPeriods(t *testing.T) {
	for _, c := range []struct{ code, kind, from, to, prev string }{
		{"2026-W48", "week", "2026-11-23", "2026-11-30", "2026-W47"},
		{"2026-W01", "week", "2025-12-29", "2026-01-05", "2025-W52"},
		{"2026-11", "month", "2026-11-01", "2026-12-01", "2026-10"},
		{"2026-01", "month", "2026-01-01", "2026-02-01", "2025-12"},
		{"2026-Q4", "quarter", "2026-10-01", "2027-01-01", "2026-Q3"},
	} {
		p, err := ParsePeriod("period", c.code)
		if err != nil {
			t.Fatal(err)
		}
		if p.Kind != c.kind || p.From.Format("2006-01-02") != c.from || p.To.Format("2006-01-02") != c.to || p.Previous().Code != c.prev {
			t.Errorf("%s: %s %s–%s prev %s", c.code, p.Kind, p.From, p.To, p.Previous().Code)
		}
	}
	for _, bad := range []string{"2026-13", "2026-W54", "2026-Q5", "26-11", "2026-1", "上月"} {
		if _, err := ParsePeriod("period", bad); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
}
