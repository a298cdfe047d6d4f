package score

import (
	"cmp"
	"slices"

	"wenming/internal/domain"
)

// applyEvents plays the negative list's events, earliest first (then by id),
// so that at the floor of 0 the points are charged to the earlier events.
// Events whose code is not in the framework are skipped. A veto adds a
// reason (once per item) and deducts nothing. A deduction from a content is
// taken at once, since the parents sum the contents after it; deductions
// from the total are returned, as indexes into sh.events, for
// deductFromTotal once the parts are summed.
func (sh *sheet) applyEvents(negatives []domain.Negative, events []Event, label string) (fromTotal []int) {
	byCode := map[string]*domain.Negative{}
	for i := range negatives {
		if _, dup := byCode[negatives[i].Code]; !dup {
			byCode[negatives[i].Code] = &negatives[i]
		}
	}
	vetoed := map[string]bool{}
	for _, e := range byDate(events) {
		neg := byCode[e.Code]
		if neg == nil {
			continue
		}
		es := EventScore{ID: e.ID, Code: neg.Code, Text: neg.Text, Effect: neg.Effect, Points: neg.Points,
			UnitID: e.UnitID, OccurredOn: e.OccurredOn, Note: e.Note}
		switch neg.Effect {
		case "veto":
			if !vetoed[neg.Code] {
				vetoed[neg.Code] = true
				sh.vetoes = append(sh.vetoes, label+"负面清单一票否决："+itemName(neg))
			}
		case "deduct":
			if c := sh.contents[neg.ContentCode]; neg.ContentCode != "" && c != nil {
				es.ContentCode = c.node.Code
				es.Deducted = c.deduct(deductible(neg.Points))
			} else {
				fromTotal = append(fromTotal, len(sh.events))
			}
		}
		sh.events = append(sh.events, es)
	}
	return fromTotal
}

func byDate(events []Event) []Event {
	sorted := slices.Clone(events)
	slices.SortStableFunc(sorted, func(a, b Event) int {
		return cmp.Or(cmp.Compare(a.OccurredOn, b.OccurredOn), cmp.Compare(a.ID, b.ID))
	})
	return sorted
}

// itemName names a negative-list item in a reason: its text, or its code
// when it has none.
func itemName(n *domain.Negative) string {
	if n.Text != "" {
		return n.Text
	}
	return n.Code
}

// deductible is what a deduction item's points take; a missing or negative
// value takes nothing, since a deduction never adds points.
func deductible(points *float64) float64 {
	if points == nil || !finite(*points) {
		return 0
	}
	return max(0, *points)
}

// deduct takes up to p points from a content, never below 0, and returns
// what it took. A content without data has no points to take, so the event
// takes nothing: the content does not count in the score at all.
func (n *nodeCalc) deduct(p float64) float64 {
	if n.points == nil {
		return 0
	}
	taken := min(p, *n.points)
	*n.points -= taken
	n.deducted += taken
	return taken
}

// deductFromTotal takes the pending events' points from basic + special,
// never below 0.
func (sh *sheet) deductFromTotal(pending []int) {
	for _, i := range pending {
		e := &sh.events[i]
		e.Deducted = max(0, min(deductible(e.Points), sh.basic+sh.special-sh.fromTotal))
		sh.fromTotal += e.Deducted
	}
}

// total is basic + special less the deductions from the total; the floor
// of 0 is kept by deductFromTotal.
func (sh *sheet) total() float64 {
	return max(0, sh.basic+sh.special-sh.fromTotal)
}

// deductions are all the points actually taken, from contents and total.
func (sh *sheet) deductions() float64 {
	d := sh.fromTotal
	for _, n := range sh.nodes {
		if n.node.Level == 3 {
			d += n.deducted
		}
	}
	return d
}
