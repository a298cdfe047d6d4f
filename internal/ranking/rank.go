package ranking

import (
	"slices"
	"strings"

	"wenming/internal/cases"

	"wenming/internal/domain"
)

// Weights say how many of the 100 points each component carries.
type Weights struct {
	OnTime       float64 `json:"onTime"`
	Rework       float64 `json:"rework"`
	Overdue      float64 `json:"overdue"`
	Satisfaction float64 `json:"satisfaction"`
	Submission   float64 `json:"submission"`
	Tasks        float64 `json:"tasks"`
}

// Settings are the office's weights and colour bands.
type Settings struct {
	Weights      Weights `json:"weights"`
	GreenAtLeast float64 `json:"greenAtLeast"`
	RedBelow     float64 `json:"redBelow"`
}

// DefaultSettings weigh case handling most, as the campaign does.
var DefaultSettings = Settings{Weights: Weights{OnTime: 30, Rework: 15, Overdue: 15, Satisfaction: 15, Submission: 15, Tasks: 10}, GreenAtLeast: 85, RedBelow: 60}

func (s Settings) validate() error {
	w := s.Weights
	for _, v := range []float64{w.OnTime, w.Rework, w.Overdue, w.Satisfaction, w.Submission, w.Tasks} {
		if v < 0 || v > 100 {
			return domain.Invalid("weights", "每项权重应在 0–100 之间")
		}
	}
	if sum := w.OnTime + w.Rework + w.Overdue + w.Satisfaction + w.Submission + w.Tasks; sum < 99.99 || sum > 100.01 {
		return domain.Invalid("weights", "各项权重之和须为 100")
	}
	if s.RedBelow < 0 || s.GreenAtLeast > 100 || s.RedBelow >= s.GreenAtLeast {
		return domain.Invalid("redBelow", "红色线须低于绿色线，且都在 0–100 之间")
	}
	return nil
}

// Figures are everything a unit is ranked on in a period: its cases'
// figures and the rest.
type Figures struct {
	cases.UnitFigures
	SubmissionsDue       int      `json:"submissionsDue"`
	SubmissionOnTimeRate *float64 `json:"submissionOnTimeRate"`
	GradeRate            *float64 `json:"gradeRate"`
	TaskProgress         *float64 `json:"taskProgress"`
	Notices              int      `json:"notices"`
	Talks                int      `json:"talks"`
	Exposures            int      `json:"exposures"`
	PatrolScore          *float64 `json:"patrolScore"`
}

// Score is the unit's composite score out of 100: each component with data
// scores 0–1 and carries its weight; components without data are left out
// and the others' weights scale up, so a unit is never punished for having
// nothing to do. No data at all: no score.
//   - onTime: cases reported by the deadline ÷ cases closed
//   - rework: 1 − cases reworked ÷ cases closed
//   - overdue: 1 − overdue ÷ (closed + overdue)
//   - satisfaction: (mean rating − 1) ÷ 4
//   - submission: the mean of the on-time rate and the grade rate
//   - tasks: the mean task progress ÷ 100
func Score(f Figures, w Weights) *float64 {
	var sum, weight float64
	add := func(v *float64, wt float64) {
		if v != nil && wt > 0 {
			sum += wt * min(1, max(0, *v))
			weight += wt
		}
	}
	add(f.OnTimeRate, w.OnTime)
	if f.ReworkRate != nil {
		add(ptr(1-*f.ReworkRate), w.Rework)
	}
	if due := f.CasesClosed + f.Overdue; due > 0 {
		add(ptr(1-float64(f.Overdue)/float64(due)), w.Overdue)
	}
	if f.Satisfaction != nil {
		add(ptr((*f.Satisfaction-1)/4), w.Satisfaction)
	}
	add(mean(f.SubmissionOnTimeRate, f.GradeRate), w.Submission)
	if f.TaskProgress != nil {
		add(ptr(*f.TaskProgress/100), w.Tasks)
	}
	if weight == 0 {
		return nil
	}
	score := roundTo(100*sum/weight, 2)
	return &score
}

func mean(vs ...*float64) *float64 {
	var sum float64
	n := 0
	for _, v := range vs {
		if v != nil {
			sum += *v
			n++
		}
	}
	if n == 0 {
		return nil
	}
	return ptr(sum / float64(n))
}

func roundTo(v float64, digits int) float64 {
	p := 1.0
	for range digits {
		p *= 10
	}
	if v < 0 {
		return -float64(int64(-v*p+0.5)) / p
	}
	return float64(int64(v*p+0.5)) / p
}

func ptr[T any](v T) *T { return &v }

// RankedUnit is a unit's place in its class.
type RankedUnit struct {
	UnitID       int64    `json:"unitId"`
	UnitName     string   `json:"unitName"`
	UnitClass    string   `json:"unitClass"`
	Rank         *int     `json:"rank"`
	PreviousRank *int     `json:"previousRank"`
	Movement     *int     `json:"movement"`
	Score        *float64 `json:"score"`
	Color        string   `json:"color"`
	Figures      Figures  `json:"figures"`
}

// Class is the ranking of one class of units.
type Class struct {
	Class string       `json:"class"`
	Units []RankedUnit `json:"units"`
}

// Rank orders units within class A and within class B separately by score,
// highest first. Equal scores share a rank and the next rank skips (1, 1,
// 3); units with no score come last, unranked. Colours come from the
// bands: green at or above the green line, red below the red line, yellow
// between. Movement compares with the previous period's ranks.
func Rank(units []domain.Unit, figures map[int64]Figures, previous map[int64]int, s Settings) []Class {
	out := []Class{{Class: "A", Units: []RankedUnit{}}, {Class: "B", Units: []RankedUnit{}}}
	for _, u := range units {
		r := RankedUnit{UnitID: u.ID, UnitName: u.Name, UnitClass: u.Class, Figures: figures[u.ID], Score: Score(figures[u.ID], s.Weights)}
		i := 0
		if u.Class == "B" {
			i = 1
		}
		out[i].Units = append(out[i].Units, r)
	}
	for i := range out {
		list := out[i].Units
		slices.SortStableFunc(list, func(a, b RankedUnit) int {
			switch {
			case a.Score == nil && b.Score == nil:
				return strings.Compare(a.UnitName, b.UnitName)
			case a.Score == nil:
				return 1
			case b.Score == nil:
				return -1
			case *a.Score != *b.Score:
				if *a.Score > *b.Score {
					return -1
				}
				return 1
			}
			return strings.Compare(a.UnitName, b.UnitName)
		})
		for k := range list {
			u := &list[k]
			if u.Score == nil {
				continue
			}
			rank := k + 1
			if k > 0 && list[k-1].Score != nil && *list[k-1].Score == *u.Score {
				rank = *list[k-1].Rank
			}
			u.Rank = &rank
			u.Color = color(*u.Score, s)
			if p, ok := previous[u.UnitID]; ok {
				u.PreviousRank = &p
				u.Movement = ptr(p - rank)
			}
		}
	}
	return out
}

func color(score float64, s Settings) string {
	switch {
	case score >= s.GreenAtLeast:
		return "green"
	case score < s.RedBelow:
		return "red"
	}
	return "yellow"
}
