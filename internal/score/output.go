package score

import (
	"cmp"
	"math"
	"slices"
	"strconv"
)

func (sh *sheet) nodeScores() []NodeScore {
	out := make([]NodeScore, 0, len(sh.nodes))
	for _, n := range sh.nodes {
		out = append(out, NodeScore{
			Code: n.node.Code, Name: n.node.Name, Level: n.node.Level, Part: n.part,
			Weight: Round4(n.weight), Points: roundPtr(n.points), Max: Round4(n.max),
			Rate: roundPtr(n.rate), Grade: n.grade, Deducted: Round4(n.deducted),
		})
	}
	return out
}

// standardScores reports every standard with its evidence, in code order.
// A standard whose content is not in the framework still shows its rate,
// with no content code and no points lost.
func (sh *sheet) standardScores(previous map[string]float64) []StandardScore {
	out := make([]StandardScore, 0, len(sh.stds))
	for _, s := range sh.stds {
		ss := StandardScore{
			Code: s.std.Code, Text: s.std.Text, Methods: append([]string{}, s.std.Methods...),
			Rate: roundPtr(s.rate), PointsLost: roundPtr(s.lost), Manual: map[string]float64{},
		}
		if s.content != nil {
			ss.ContentCode = s.content.node.Code
		}
		if t := s.ev.Field; t != nil {
			ss.Field = &FieldCount{Pass: t.Pass, Fail: t.Fail, NA: t.NA}
		}
		if v := s.ev.Target; v != nil && targetUsable(&s.std) && finite(*v) {
			ss.Target = &TargetValue{Value: Round4(*v), Met: s.std.Met(*v)}
		}
		if v := s.ev.Material; v != nil {
			if r, ok := givenRate(*v); ok {
				ss.Material = ptr(Round4(r))
			}
		}
		for m, v := range s.ev.Manual {
			if r, ok := givenRate(v); ok {
				ss.Manual[m] = Round4(r)
			}
		}
		if p, ok := previous[s.std.Code]; ok {
			ss.PreviousRate = ptr(Round4(p))
		}
		out = append(out, ss)
	}
	return out
}

func (sh *sheet) eventScores() []EventScore {
	out := make([]EventScore, 0, len(sh.events))
	for _, e := range sh.events {
		e.Deducted = Round4(e.Deducted)
		out = append(out, e)
	}
	return out
}

// WeakSpotCount is how many standards the weak spots list.
const WeakSpotCount = 20

// weakSpots are the standards that lost points, most first; equal losses
// (as shown, to 4 decimals) keep code order.
func weakSpots(standards []StandardScore) []StandardScore {
	out := []StandardScore{}
	for _, s := range standards {
		if s.PointsLost != nil && *s.PointsLost > 0 {
			out = append(out, s)
		}
	}
	slices.SortStableFunc(out, func(a, b StandardScore) int { return cmp.Compare(*b.PointsLost, *a.PointsLost) })
	return out[:min(len(out), WeakSpotCount)]
}

// contributions share each standard's points lost among the units (or
// regions) of its failing field observations, in proportion to their
// fails: a unit with 3 of 4 fails carries 3/4 of the loss. Only standards
// that lost points and have fails count, and only the main framework.
func contributions(stds []*stdCalc, by func(*Tally) map[int64]int) []Contribution {
	acc := map[int64]*Contribution{}
	for _, s := range stds {
		t := s.ev.Field
		if s.lost == nil || *s.lost <= 0 || t == nil || t.Fail <= 0 {
			continue
		}
		for id, fails := range by(t) {
			if fails <= 0 {
				continue
			}
			c := acc[id]
			if c == nil {
				c = &Contribution{ID: id}
				acc[id] = c
			}
			c.PointsLost += *s.lost * float64(fails) / float64(t.Fail)
			c.Fail += fails
		}
	}
	out := make([]Contribution, 0, len(acc))
	for _, c := range acc {
		c.PointsLost = Round4(c.PointsLost)
		out = append(out, *c)
	}
	slices.SortFunc(out, func(a, b Contribution) int {
		return cmp.Or(cmp.Compare(b.PointsLost, a.PointsLost), cmp.Compare(a.ID, b.ID))
	})
	return out
}

// Round4 rounds a reported figure to 4 decimals, and never reports -0.
func Round4(x float64) float64 {
	r := math.Round(x*1e4) / 1e4
	if r == 0 {
		return 0
	}
	return r
}

func roundPtr(x *float64) *float64 {
	if x == nil {
		return nil
	}
	return ptr(Round4(*x))
}

// truncNum writes a score for a sentence with at most 2 decimals, cut
// rather than rounded so that a failing 84.999 never reads as 85.
func truncNum(x float64) string {
	return strconv.FormatFloat(math.Floor(x*100+1e-6)/100, 'f', -1, 64)
}

func ptr[T any](v T) *T { return &v }
