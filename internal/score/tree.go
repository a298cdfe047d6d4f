package score

import (
	"slices"

	"wenming/internal/domain"
)

// Grades of a grade-mode content: A when every standard with data reaches
// gradeAEach, B when their mean reaches gradeBMean, else C.
const (
	gradeAEach   = 0.9
	gradeAFactor = 1.0
	gradeBMean   = 0.6
	gradeBFactor = 0.6
	gradeCFactor = 0.0
)

// eps absorbs float noise at the boundaries: 27 ÷ 30 must count as 0.9 and
// a total of 85 as 85.
const eps = 1e-9

// sheet is one framework scored at full precision, before rounding.
type sheet struct {
	nodes     []*nodeCalc // in code order
	roots     []*nodeCalc // the nodes without a known parent, in code order
	contents  map[string]*nodeCalc
	stds      []*stdCalc // in code order
	basic     float64    // after deductions from contents
	special   float64
	fromTotal float64 // points actually deducted from the total
	events    []EventScore
	vetoes    []string // reasons, one per vetoing item
	hasData   bool     // some content has data
}

type nodeCalc struct {
	node     domain.Node
	part     string
	children []*nodeCalc // in code order
	stds     []*stdCalc  // a content's standards
	weight   float64
	points   *float64
	max      float64
	rate     *float64
	grade    string
	deducted float64
}

type stdCalc struct {
	std     domain.Standard
	ev      Evidence
	content *nodeCalc // nil when the standard's content is not in the framework
	rate    *float64
	lost    *float64
}

// scoreFramework scores one framework: standards, then contents, then the
// negative list (content deductions must land before the parents sum), then
// the tree, then the deductions from the total. label starts its veto
// reasons: "" for the main framework, the minors' name for theirs.
func scoreFramework(fw *Framework, ev map[string]Evidence, events []Event, label string) *sheet {
	sh := newSheet(fw, ev)
	for _, n := range sh.nodes {
		if n.node.Level == 3 {
			n.scoreContent()
		}
	}
	pending := sh.applyEvents(fw.Negatives, events, label)
	sh.sumTree()
	sh.deductFromTotal(pending)
	return sh
}

// newSheet links nodes to their parents and standards to their contents,
// all in code order, and rates every standard.
func newSheet(fw *Framework, ev map[string]Evidence) *sheet {
	sh := &sheet{contents: map[string]*nodeCalc{}}
	byID := make(map[int64]*nodeCalc, len(fw.Nodes))
	for _, n := range fw.Nodes {
		c := &nodeCalc{node: n}
		sh.nodes = append(sh.nodes, c)
		byID[n.ID] = c
	}
	slices.SortStableFunc(sh.nodes, func(a, b *nodeCalc) int { return domain.CompareCodes(a.node.Code, b.node.Code) })
	for _, c := range sh.nodes {
		if p := parentOf(c, byID); p != nil {
			p.children = append(p.children, c)
		}
		if c.node.Level == 3 {
			sh.contents[c.node.Code] = c
		}
	}
	sh.roots = findRoots(sh.nodes, byID)
	for _, r := range sh.roots {
		r.inheritPart("basic")
	}
	for _, s := range fw.Standards {
		c := &stdCalc{std: s, ev: ev[s.Code]}
		c.rate = standardRate(&c.std, c.ev)
		if n := byID[s.ContentID]; n != nil && n.node.Level == 3 {
			c.content = n
		}
		sh.stds = append(sh.stds, c)
	}
	slices.SortStableFunc(sh.stds, func(a, b *stdCalc) int { return domain.CompareCodes(a.std.Code, b.std.Code) })
	for _, s := range sh.stds {
		if s.content != nil {
			s.content.stds = append(s.content.stds, s)
		}
	}
	return sh
}

func parentOf(n *nodeCalc, byID map[int64]*nodeCalc) *nodeCalc {
	if n.node.ParentID == nil {
		return nil
	}
	return byID[*n.node.ParentID]
}

// roots are the nodes without a known parent: the items, and any node whose
// parent is missing, so that no content's points go astray.
func findRoots(nodes []*nodeCalc, byID map[int64]*nodeCalc) []*nodeCalc {
	var roots []*nodeCalc
	for _, n := range nodes {
		if parentOf(n, byID) == nil {
			roots = append(roots, n)
		}
	}
	return roots
}

// inheritPart gives nodes without a part their item's, so a content always
// says which part its points go to.
func (n *nodeCalc) inheritPart(part string) {
	n.part = n.node.Part
	if n.part == "" {
		n.part = part
	}
	for _, c := range n.children {
		c.inheritPart(n.part)
	}
}

// scoreContent scores a content from its standards with data and shares the
// points it lost among them. Without data it has no points and a Max of 0,
// so it neither scores nor counts against the city.
func (n *nodeCalc) scoreContent() {
	n.weight = n.node.Weight
	var rates []float64
	for _, s := range n.stds {
		if s.rate != nil {
			rates = append(rates, *s.rate)
		}
	}
	if len(rates) == 0 {
		return
	}
	mean := meanOf(rates)
	factor := mean
	if n.node.ScoreMode == "grade" {
		n.grade, factor = grade(rates, mean)
	}
	points := n.weight * factor
	n.rate, n.points, n.max = &mean, &points, n.weight
	n.shareLoss(len(rates))
}

// grade is A when every rate reaches 0.9 (so one standard just short of it
// costs the A even with a high mean), B when the mean reaches 0.6, else C.
func grade(rates []float64, mean float64) (string, float64) {
	if !slices.ContainsFunc(rates, func(r float64) bool { return r < gradeAEach-eps }) {
		return "A", gradeAFactor
	}
	if mean >= gradeBMean-eps {
		return "B", gradeBFactor
	}
	return "C", gradeCFactor
}

// shareLoss says what each standard with data cost its content (before any
// negative-list deduction, which is the event's doing, not the standard's).
// In mode "rate" each standard carries an equal share of the weight and
// loses that share × (1 − r). In mode "grade" the points the grade lost are
// shared in proportion to each standard's shortfall 1 − r.
func (n *nodeCalc) shareLoss(withData int) {
	share := n.weight / float64(withData)
	lostByGrade := n.weight - *n.points
	var shortfall float64
	for _, s := range n.stds {
		if s.rate != nil {
			shortfall += 1 - *s.rate
		}
	}
	for _, s := range n.stds {
		if s.rate == nil {
			continue
		}
		lost := share * (1 - *s.rate)
		if n.node.ScoreMode == "grade" {
			lost = 0
			if shortfall > 0 {
				lost = lostByGrade * (1 - *s.rate) / shortfall
			}
		}
		s.lost = &lost
	}
}

// sumTree sums every parent from its children and the two parts from the
// roots.
func (sh *sheet) sumTree() {
	for _, n := range sh.nodes {
		if n.node.Level == 3 && n.points != nil {
			sh.hasData = true
		}
	}
	for _, r := range sh.roots {
		r.sum()
		if r.points == nil {
			continue
		}
		if r.part == "special" {
			sh.special += *r.points
		} else {
			sh.basic += *r.points
		}
	}
}

// sum makes a parent the sum of its children: points of those with data
// (nil when none has), Max, weight and deductions of all.
func (n *nodeCalc) sum() {
	if n.node.Level == 3 {
		return // scored by scoreContent
	}
	var points float64
	has := false
	for _, c := range n.children {
		c.sum()
		n.weight += c.weight
		n.max += c.max
		n.deducted += c.deducted
		if c.points != nil {
			points += *c.points
			has = true
		}
	}
	if !has {
		return
	}
	n.points = &points
	if n.max > 0 {
		r := points / n.max
		n.rate = &r
	}
}

func meanOf(xs []float64) float64 {
	var sum float64
	for _, x := range xs {
		sum += x
	}
	return sum / float64(len(xs))
}
