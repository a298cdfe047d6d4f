// Package score is the scoring engine of the civilized-city assessment
// (全国文明城市测评): from what is known of each standard it computes the
// points of every content, indicator and item, the basic and special parts,
// the negative list's deductions and vetoes, the minors' gate and combined
// score, and where the points were lost.
//
// The package is pure: the caller gathers the evidence and the events, and
// names the units, regions and rounds in the result. Everything is kept at
// full precision inside and rounded to 4 decimals only in the Result.
//
// The rules, each a default of the product's "Scoring, precisely":
//
//   - A standard's rate is in [0, 1], or nil for "no data" (never 0). Its
//     sources are the field observations, the reported target value, the
//     material review and the rates entered by hand; the rate is the mean of
//     the sources it has (see standardRate).
//   - A content scores weight × the mean rate of its standards with data
//     (mode "rate") or weight × the factor of its grade A/B/C (mode "grade").
//     A content with no data has no points and a Max of 0.
//   - Negative-list events deduct from the content they name (never below 0)
//     or from the total (never below 0); a veto makes the city ineligible but
//     the score is still shown.
//   - Indicators, items and the parts sum their children with data.
//   - The minors' framework is scored the same way; below its gate the city
//     is ineligible; the combined score weighs it in the basic part.
//   - Points lost are shared among a content's standards, and a standard's
//     points lost among the units and regions of its failing observations.
package score

import "wenming/internal/domain"

// Framework is what the engine needs of one framework version.
type Framework struct {
	ID           int64
	Name         string
	BasicTotal   float64  // 100; informational: the contents' weights are expected to sum to it
	SpecialTotal float64  // 20; likewise
	GateScore    *float64 // minors' framework only: below this the city is ineligible (DefaultGate when nil)
	Weight       *float64 // minors' framework only: its share of the combined score (DefaultMinorsWeight when nil)
	// Nodes are items (level 1), indicators (2) and contents (3). Contents
	// carry Weight and ScoreMode "rate"|"grade" ("" counts as "rate"); the
	// weights of items and indicators are the sums of their children's, so
	// their own Weight is ignored.
	Nodes []domain.Node
	// Standards link to a content by ContentID; Comparator and Threshold make
	// a target standard.
	Standards []domain.Standard
	// Negatives are the negative list: Effect "deduct"|"veto", Points, and
	// ContentCode ("" = from the total).
	Negatives []domain.Negative
}

// Tally counts the field observations of one standard.
type Tally struct {
	Pass, Fail, NA int
	FailsByUnit    map[int64]int
	FailsByRegion  map[int64]int
}

// Evidence is what is known of one standard, by method.
type Evidence struct {
	Field    *Tally             // field observations; rate = pass/(pass+fail); no rate when pass+fail == 0
	Target   *float64           // the measured value reported for a target standard (Comparator != "")
	Material *float64           // rate 0..1 from reviewed submissions
	Manual   map[string]float64 // method code → rate 0..1 entered by hand
}

// Event is one negative-list event that happened.
type Event struct {
	ID         int64
	Code       string // a Negative's code in the framework
	UnitID     *int64
	OccurredOn string
	Note       string
}

// Input is everything one computation needs.
type Input struct {
	Main           Framework
	Evidence       map[string]Evidence // by standard code
	Events         []Event
	Minors         *Framework // nil when the main framework has none
	MinorsEvidence map[string]Evidence
	MinorsEvents   []Event
	Previous       map[string]float64 // main standard code → rate in the previous round; may be nil
}

// Result is one computed score. The caller adds scope, round, window, time,
// names and the previous round around it.
type Result struct {
	FrameworkID   int64   `json:"frameworkId"`
	FrameworkName string  `json:"frameworkName"`
	Total         float64 `json:"total"` // basic + special − deductions from the total, never below 0
	Basic         float64 `json:"basic"`
	Special       float64 `json:"special"`
	Deductions    float64 `json:"deductions"` // all points actually deducted, from contents and from the total
	Eligible      bool    `json:"eligible"`
	// Reasons say in Chinese why the city is ineligible; empty when eligible.
	Reasons   []string        `json:"reasons"`
	Combined  *float64        `json:"combined"` // nil without minors' data
	Minors    *MinorsResult   `json:"minors"`   // nil without a minors' framework
	Nodes     []NodeScore     `json:"nodes"`
	Standards []StandardScore `json:"standards"`
	WeakSpots []StandardScore `json:"weakSpots"` // the top WeakSpotCount by pointsLost (> 0), ties in code order
	Units     []Contribution  `json:"units"`     // by points lost desc, then id
	Regions   []Contribution  `json:"regions"`
	Events    []EventScore    `json:"events"` // the main framework's events that count, earliest first
}

// MinorsResult is the minors' framework's own score. Gate and Weight are the
// values used (the defaults when the framework sets none); Passed is nil
// when the minors' framework has no data at all.
type MinorsResult struct {
	Total     float64         `json:"total"`
	Gate      *float64        `json:"gate"`
	Weight    *float64        `json:"weight"`
	Passed    *bool           `json:"passed"`
	Nodes     []NodeScore     `json:"nodes"`
	Standards []StandardScore `json:"standards"`
}

// NodeScore is the score of one item, indicator or content.
type NodeScore struct {
	Code  string `json:"code"`
	Name  string `json:"name"`
	Level int    `json:"level"`
	Part  string `json:"part"` // basic | special, inherited from the item when the node has none
	// Weight is a content's own weight, or the sum of the children's.
	Weight float64  `json:"weight"`
	Points *float64 `json:"points"` // after deductions; nil when no child has data
	// Max is the weight of what has data: a content's weight when it has
	// data, else 0; a parent's sum of its children's Max.
	Max float64 `json:"max"`
	// Rate is a content's mean standard rate (before deductions), or a
	// parent's Points ÷ Max; nil without data.
	Rate     *float64 `json:"rate"`
	Grade    string   `json:"grade"`    // "A"|"B"|"C" for a grade-mode content with data, else ""
	Deducted float64  `json:"deducted"` // negative-list points taken from this content (a parent: its children's)
}

// StandardScore is the score of one standard and the evidence behind it.
type StandardScore struct {
	Code         string             `json:"code"`
	Text         string             `json:"text"`
	ContentCode  string             `json:"contentCode"`
	Methods      []string           `json:"methods"`
	Rate         *float64           `json:"rate"`
	PointsLost   *float64           `json:"pointsLost"`
	Field        *FieldCount        `json:"field"`
	Target       *TargetValue       `json:"target"`
	Material     *float64           `json:"material"`
	Manual       map[string]float64 `json:"manual"`
	PreviousRate *float64           `json:"previousRate"`
}

// FieldCount counts a standard's field observations.
type FieldCount struct {
	Pass int `json:"pass"`
	Fail int `json:"fail"`
	NA   int `json:"na"`
}

// TargetValue is a target standard's measured value and whether it is met.
type TargetValue struct {
	Value float64 `json:"value"`
	Met   bool    `json:"met"`
}

// Contribution is a unit's or a region's share of the points lost.
type Contribution struct {
	ID         int64   `json:"id"`
	PointsLost float64 `json:"pointsLost"`
	Fail       int     `json:"fail"`
}

// EventScore is one negative-list event and what it did.
type EventScore struct {
	ID       int64    `json:"id"`
	Code     string   `json:"code"`
	Text     string   `json:"text"`
	Effect   string   `json:"effect"`
	Points   *float64 `json:"points"`
	Deducted float64  `json:"deducted"` // the points actually taken (less than Points at the floor of 0)
	// ContentCode is the content the points were taken from; "" when they
	// were taken from the total (also when the item names no such content).
	ContentCode string `json:"contentCode"`
	UnitID      *int64 `json:"unitId"`
	OccurredOn  string `json:"occurredOn"`
	Note        string `json:"note"`
}

// Compute scores the main framework and, when there is one, the minors'.
func Compute(in Input) Result {
	main := scoreFramework(&in.Main, in.Evidence, in.Events, "")
	standards := main.standardScores(in.Previous)
	res := Result{
		FrameworkID:   in.Main.ID,
		FrameworkName: in.Main.Name,
		Total:         Round4(main.total()),
		Basic:         Round4(main.basic),
		Special:       Round4(main.special),
		Deductions:    Round4(main.deductions()),
		Reasons:       append([]string{}, main.vetoes...),
		Nodes:         main.nodeScores(),
		Standards:     standards,
		WeakSpots:     weakSpots(standards),
		Units:         contributions(main.stds, func(t *Tally) map[int64]int { return t.FailsByUnit }),
		Regions:       contributions(main.stds, func(t *Tally) map[int64]int { return t.FailsByRegion }),
		Events:        main.eventScores(),
	}
	if in.Minors != nil {
		res.addMinors(main, in)
	}
	res.Eligible = len(res.Reasons) == 0
	return res
}
