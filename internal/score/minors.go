package score

import (
	"cmp"
	"fmt"
)

// DefaultGate is the minors' score below which the city is ineligible, when
// the minors' framework sets none.
const DefaultGate = 85.0

// DefaultMinorsWeight is the minors' share of the combined score, when the
// minors' framework sets none.
const DefaultMinorsWeight = 0.2

const minorsLabel = "未成年人思想道德建设测评"

// addMinors scores the minors' framework and weighs it in. Its vetoes count
// whether or not it has data. Without any data it neither gates nor
// combines: an unmeasured framework must not fail the city. With data, a
// total below the gate (compared unrounded, with a tolerance so that 85
// passes) makes the city ineligible, and the combined score replaces the
// weight's share of the main basic part by the minors' total:
// (1 − w) × basic + w × minors + special − deductions from the main total.
func (r *Result) addMinors(main *sheet, in Input) {
	m := scoreFramework(in.Minors, in.MinorsEvidence, in.MinorsEvents, minorsLabel)
	gate := cmp.Or(in.Minors.GateScore, ptr(DefaultGate))
	w := cmp.Or(in.Minors.Weight, ptr(DefaultMinorsWeight))
	r.Minors = &MinorsResult{
		Total:     Round4(m.total()),
		Gate:      ptr(*gate),
		Weight:    ptr(*w),
		Nodes:     m.nodeScores(),
		Standards: m.standardScores(nil), // previous rates are the main framework's codes
	}
	r.Reasons = append(r.Reasons, m.vetoes...)
	if !m.hasData {
		return
	}
	passed := m.total() >= *gate-eps
	r.Minors.Passed = &passed
	if !passed {
		r.Reasons = append(r.Reasons, fmt.Sprintf("%s %s 分，低于 %s 分门槛", minorsLabel, truncNum(m.total()), truncNum(*gate)))
	}
	combined := max(0, (1-*w)*main.basic+*w*m.total()+main.special-main.fromTotal)
	r.Combined = ptr(Round4(combined))
}
