package score

import (
	"encoding/json"
	"math"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"wenming/internal/domain"
)

func f(v float64) *float64 { return &v }
func id(v int64) *int64    { return &v }
func yes(v bool) *bool     { return &v }

func node(nid int64, parent int64, code, name, part string, weight float64, mode string) domain.Node {
	n := domain.Node{ID: nid, Level: domain.CodeLevel(code), Code: code, Name: name, Part: part, Weight: weight, ScoreMode: mode}
	if parent != 0 {
		n.ParentID = id(parent)
	}
	return n
}

func std(sid, content int64, code string, methods ...string) domain.Standard {
	return domain.Standard{ID: sid, ContentID: content, Code: code, Text: "标准" + code, Methods: methods}
}

func target(s domain.Standard, comparator string, t float64) domain.Standard {
	s.Comparator, s.Threshold, s.Metric = comparator, &t, "指标"
	return s
}

// fixture is a small main framework: item 1 (basic) with a rate content of
// weight 2, a rate content of weight 4, a grade content of weight 3 and a
// content of weight 1 that has no data; item 2 (special) with a rate content
// of weight 5.
func fixture() (Framework, map[string]Evidence) {
	fw := Framework{ID: 7, Name: "测评体系（2024版）", BasicTotal: 100, SpecialTotal: 20,
		Nodes: []domain.Node{
			// Listed out of order on purpose: the output is in code order.
			node(8, 0, "2", "特色指标", "special", 99, ""),
			node(9, 8, "2.1", "特色工作", "", 0, ""),
			node(10, 9, "2.1.1", "空气质量", "", 5, "rate"),
			node(1, 0, "1", "基本指标", "basic", 0, ""),
			node(2, 1, "1.1", "公共秩序", "basic", 0, ""),
			node(3, 2, "1.1.1", "交通秩序", "basic", 2, "rate"),
			node(4, 2, "1.1.2", "公交服务", "basic", 4, "rate"),
			node(5, 1, "1.2", "公共环境", "basic", 0, ""),
			node(6, 5, "1.2.1", "市容市貌", "basic", 3, "grade"),
			node(7, 5, "1.2.2", "农贸市场", "basic", 1, "rate"),
		},
		Standards: []domain.Standard{
			std(101, 3, "1.1.1.1", "field"),
			target(std(102, 4, "1.1.2.1", "statistic"), ">=", 95),
			std(103, 4, "1.1.2.2", "field", "material"),
			std(104, 6, "1.2.1.1", "survey"),
			std(105, 6, "1.2.1.2", "field"),
			std(106, 7, "1.2.2.1", "field"),
			target(std(107, 10, "2.1.1.1", "statistic"), "<=", 35),
			std(108, 10, "2.1.1.2", "field"),
		},
	}
	ev := map[string]Evidence{
		"1.1.1.1": {Field: &Tally{Pass: 3, Fail: 1, NA: 2, FailsByUnit: map[int64]int{1: 1}}},            // 0.75
		"1.1.2.1": {Target: f(90)},                                                                       // 90/95
		"1.1.2.2": {Field: &Tally{Pass: 1, Fail: 1, FailsByUnit: map[int64]int{2: 1}}, Material: f(0.7)}, // (0.5+0.7)/2
		"1.2.1.1": {Manual: map[string]float64{"survey": 1}},
		"1.2.1.2": {Field: &Tally{Pass: 9, Fail: 1}}, // 0.9
		"2.1.1.1": {Target: f(40)},                   // 35/40
		"2.1.1.2": {Field: &Tally{NA: 3}},            // only n/a: no data
	}
	return fw, ev
}

// Hand-computed:
//
//	1.1.1  2 × 0.75                    = 1.5
//	1.1.2  4 × (90/95 + 0.6)/2         = 3.0947368
//	1.2.1  grade A (1, 0.9)            = 3
//	1.2.2  no data                     = nil, max 0
//	2.1.1  5 × 35/40 (1 std with data) = 4.375
//	basic 7.5947368, special 4.375, total 11.9697368
func TestComputeByHand(t *testing.T) {
	fw, ev := fixture()
	res := Compute(Input{Main: fw, Evidence: ev, Previous: map[string]float64{"1.1.1.1": 0.5}})

	wantNodes := []NodeScore{
		{Code: "1", Name: "基本指标", Level: 1, Part: "basic", Weight: 10, Points: f(7.5947), Max: 9, Rate: f(0.8439)},
		{Code: "1.1", Name: "公共秩序", Level: 2, Part: "basic", Weight: 6, Points: f(4.5947), Max: 6, Rate: f(0.7658)},
		{Code: "1.1.1", Name: "交通秩序", Level: 3, Part: "basic", Weight: 2, Points: f(1.5), Max: 2, Rate: f(0.75)},
		{Code: "1.1.2", Name: "公交服务", Level: 3, Part: "basic", Weight: 4, Points: f(3.0947), Max: 4, Rate: f(0.7737)},
		{Code: "1.2", Name: "公共环境", Level: 2, Part: "basic", Weight: 4, Points: f(3), Max: 3, Rate: f(1)},
		{Code: "1.2.1", Name: "市容市貌", Level: 3, Part: "basic", Weight: 3, Points: f(3), Max: 3, Rate: f(0.95), Grade: "A"},
		{Code: "1.2.2", Name: "农贸市场", Level: 3, Part: "basic", Weight: 1, Points: nil, Max: 0, Rate: nil},
		{Code: "2", Name: "特色指标", Level: 1, Part: "special", Weight: 5, Points: f(4.375), Max: 5, Rate: f(0.875)},
		{Code: "2.1", Name: "特色工作", Level: 2, Part: "special", Weight: 5, Points: f(4.375), Max: 5, Rate: f(0.875)},
		{Code: "2.1.1", Name: "空气质量", Level: 3, Part: "special", Weight: 5, Points: f(4.375), Max: 5, Rate: f(0.875)},
	}
	if d := cmp.Diff(wantNodes, res.Nodes); d != "" {
		t.Errorf("nodes (-want +got):\n%s", d)
	}

	type figures struct{ Basic, Special, Total, Deductions float64 }
	if d := cmp.Diff(figures{7.5947, 4.375, 11.9697, 0}, figures{res.Basic, res.Special, res.Total, res.Deductions}); d != "" {
		t.Errorf("figures (-want +got):\n%s", d)
	}
	if !res.Eligible || len(res.Reasons) != 0 || res.Combined != nil || res.Minors != nil {
		t.Errorf("eligible %v reasons %v combined %v minors %v: want eligible, no minors", res.Eligible, res.Reasons, res.Combined, res.Minors)
	}
	if res.FrameworkID != 7 || res.FrameworkName != "测评体系（2024版）" {
		t.Errorf("framework %d %q", res.FrameworkID, res.FrameworkName)
	}

	// Rate mode: each standard with data carries weight/n and loses
	// that × (1 − r); grade A loses nothing.
	type row struct {
		Code, Content    string
		Rate, Lost, Prev *float64
	}
	var got []row
	for _, s := range res.Standards {
		got = append(got, row{s.Code, s.ContentCode, s.Rate, s.PointsLost, s.PreviousRate})
	}
	want := []row{
		{"1.1.1.1", "1.1.1", f(0.75), f(0.5), f(0.5)},   // 2/1 × 0.25
		{"1.1.2.1", "1.1.2", f(0.9474), f(0.1053), nil}, // 4/2 × (1 − 90/95)
		{"1.1.2.2", "1.1.2", f(0.6), f(0.8), nil},       // 4/2 × 0.4
		{"1.2.1.1", "1.2.1", f(1), f(0), nil},
		{"1.2.1.2", "1.2.1", f(0.9), f(0), nil},
		{"1.2.2.1", "1.2.2", nil, nil, nil},
		{"2.1.1.1", "2.1.1", f(0.875), f(0.625), nil}, // 5/1 × 0.125
		{"2.1.1.2", "2.1.1", nil, nil, nil},
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("standards (-want +got):\n%s", d)
	}

	var weak []string
	for _, s := range res.WeakSpots {
		weak = append(weak, s.Code)
	}
	if d := cmp.Diff([]string{"1.1.2.2", "2.1.1.1", "1.1.1.1", "1.1.2.1"}, weak); d != "" {
		t.Errorf("weak spots (-want +got):\n%s", d)
	}

	s := res.Standards[2]
	wantEvidence := StandardScore{Code: "1.1.2.2", Text: "标准1.1.2.2", ContentCode: "1.1.2", Methods: []string{"field", "material"},
		Rate: f(0.6), PointsLost: f(0.8), Field: &FieldCount{Pass: 1, Fail: 1}, Material: f(0.7), Manual: map[string]float64{}}
	if d := cmp.Diff(wantEvidence, s); d != "" {
		t.Errorf("standard 1.1.2.2 (-want +got):\n%s", d)
	}
	if d := cmp.Diff(&TargetValue{Value: 90, Met: false}, res.Standards[1].Target); d != "" {
		t.Errorf("target (-want +got):\n%s", d)
	}
	if d := cmp.Diff([]Contribution{{ID: 2, PointsLost: 0.8, Fail: 1}, {ID: 1, PointsLost: 0.5, Fail: 1}}, res.Units); d != "" {
		t.Errorf("units (-want +got):\n%s", d)
	}
}

func TestStandardRate(t *testing.T) {
	between := func(lo, hi float64) domain.Standard {
		s := target(std(1, 1, "1.1.1.1"), "between", lo)
		s.Threshold2 = &hi
		return s
	}
	plain := std(1, 1, "1.1.1.1")
	tests := []struct {
		name string
		s    domain.Standard
		ev   Evidence
		want *float64
	}{
		{"field pass ratio", plain, Evidence{Field: &Tally{Pass: 3, Fail: 1}}, f(0.75)},
		{"field n/a ignored", plain, Evidence{Field: &Tally{Pass: 3, Fail: 1, NA: 5}}, f(0.75)},
		{"field only n/a is no data", plain, Evidence{Field: &Tally{NA: 3}}, nil},
		{"nothing is no data, not 0", plain, Evidence{}, nil},
		{"all fail is 0", plain, Evidence{Field: &Tally{Fail: 2}}, f(0)},
		{"≥ not met: value ÷ threshold", target(plain, ">=", 95), Evidence{Target: f(90)}, f(0.9474)},
		{"≥ met", target(plain, ">=", 95), Evidence{Target: f(96)}, f(1)},
		{"≥ non-positive threshold not met", target(plain, ">=", 0), Evidence{Target: f(-1)}, f(0)},
		{"≤ not met: threshold ÷ value", target(plain, "<=", 35), Evidence{Target: f(40)}, f(0.875)},
		{"≤ met", target(plain, "<=", 35), Evidence{Target: f(35)}, f(1)},
		{"= not met is all-or-nothing", target(plain, "=", 100), Evidence{Target: f(99)}, f(0)},
		{"= met", target(plain, "=", 100), Evidence{Target: f(100)}, f(1)},
		{"between met", between(10, 20), Evidence{Target: f(15)}, f(1)},
		{"between not met", between(10, 20), Evidence{Target: f(25)}, f(0)},
		{"value without comparator ignored", plain, Evidence{Target: f(90)}, nil},
		{"target without threshold ignored", domain.Standard{Comparator: ">="}, Evidence{Target: f(90)}, nil},
		{"material", plain, Evidence{Material: f(0.6)}, f(0.6)},
		{"material clamped", plain, Evidence{Material: f(1.3)}, f(1)},
		{"material NaN is no data", plain, Evidence{Material: f(math.NaN())}, nil},
		{"manual methods each count", plain, Evidence{Manual: map[string]float64{"survey": 0.8, "online": 0.6}}, f(0.7)},
		{"two methods average", plain, Evidence{Field: &Tally{Pass: 3, Fail: 1}, Material: f(0.5)}, f(0.625)},
		{"field, target and manual average", target(plain, "<=", 35),
			Evidence{Field: &Tally{Pass: 3, Fail: 1}, Target: f(40), Manual: map[string]float64{"survey": 1}}, f(0.875)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if d := cmp.Diff(tt.want, roundPtr(standardRate(&tt.s, tt.ev))); d != "" {
				t.Errorf("rate (-want +got):\n%s", d)
			}
		})
	}
}

// oneContent is a framework of one content of the given weight and mode
// whose standards have the given manual rates.
func oneContent(weight float64, mode string, rates ...float64) Input {
	fw := Framework{Nodes: []domain.Node{
		node(1, 0, "1", "基本指标", "basic", 0, ""),
		node(2, 1, "1.1", "指标", "", 0, ""),
		node(3, 2, "1.1.1", "内容", "", weight, mode),
	}}
	ev := map[string]Evidence{}
	for i, r := range rates {
		code := "1.1.1." + string(rune('1'+i))
		fw.Standards = append(fw.Standards, std(int64(i+1), 3, code, "survey"))
		ev[code] = Evidence{Manual: map[string]float64{"survey": r}}
	}
	return Input{Main: fw, Evidence: ev}
}

func TestGradeMode(t *testing.T) {
	tests := []struct {
		name   string
		rates  []float64
		grade  string
		points float64
		rate   float64
		lost   []float64 // the grade's lost points shared by shortfall
	}{
		{"every rate ≥ 0.9 is A", []float64{0.9, 1}, "A", 10, 0.95, []float64{0, 0}},
		{"one at 0.89 loses the A despite the mean", []float64{0.89, 1}, "B", 6, 0.945, []float64{4, 0}},
		{"mean exactly 0.6 is B", []float64{0.6}, "B", 6, 0.6, []float64{4}},
		{"B shares the loss by shortfall", []float64{0.8, 0.6}, "B", 6, 0.7, []float64{1.3333, 2.6667}},
		{"mean 0.59 is C", []float64{0.5, 0.68}, "C", 0, 0.59, []float64{6.0976, 3.9024}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := Compute(oneContent(10, "grade", tt.rates...))
			c := res.Nodes[2]
			if c.Grade != tt.grade || *c.Points != tt.points || *c.Rate != tt.rate || c.Max != 10 {
				t.Errorf("content %s %v rate %v max %v, want %s %v rate %v max 10", c.Grade, *c.Points, *c.Rate, c.Max, tt.grade, tt.points, tt.rate)
			}
			var lost []float64
			for _, s := range res.Standards {
				lost = append(lost, *s.PointsLost)
			}
			if d := cmp.Diff(tt.lost, lost); d != "" {
				t.Errorf("points lost (-want +got):\n%s", d)
			}
		})
	}
}

// negFixture: basic content 1.1.1 (weight 2, rate 0.5 → 1 point), content
// 1.1.2 without data, special content 2.1.1 (weight 5, full → 5 points).
func negFixture() Input {
	fw := Framework{
		Nodes: []domain.Node{
			node(1, 0, "1", "基本指标", "basic", 0, ""),
			node(2, 1, "1.1", "指标", "", 0, ""),
			node(3, 2, "1.1.1", "内容甲", "", 2, "rate"),
			node(4, 2, "1.1.2", "内容乙", "", 3, "rate"),
			node(5, 0, "2", "特色指标", "special", 0, ""),
			node(6, 5, "2.1", "指标", "", 0, ""),
			node(7, 6, "2.1.1", "内容丙", "", 5, "rate"),
		},
		Standards: []domain.Standard{std(1, 3, "1.1.1.1", "field"), std(2, 4, "1.1.2.1", "field"), std(3, 7, "2.1.1.1", "field")},
		Negatives: []domain.Negative{
			{ID: 1, Code: "N1", Text: "内容甲扣 3 分", Effect: "deduct", Points: f(3), ContentCode: "1.1.1"},
			{ID: 2, Code: "N2", Text: "内容甲扣 0.5 分", Effect: "deduct", Points: f(0.5), ContentCode: "1.1.1"},
			{ID: 3, Code: "N3", Text: "总分扣 2 分", Effect: "deduct", Points: f(2)},
			{ID: 4, Code: "N4", Text: "发生重大安全事故", Effect: "veto"},
			{ID: 5, Code: "N5", Text: "指向不存在的内容", Effect: "deduct", Points: f(1), ContentCode: "9.9.9"},
			{ID: 6, Code: "N6", Text: "内容乙扣 4 分", Effect: "deduct", Points: f(4), ContentCode: "1.1.2"},
		},
	}
	ev := map[string]Evidence{
		"1.1.1.1": {Field: &Tally{Pass: 1, Fail: 1}},
		"2.1.1.1": {Field: &Tally{Pass: 4}},
	}
	return Input{Main: fw, Evidence: ev}
}

func TestNegativeEvents(t *testing.T) {
	ev := func(eid int64, code, on string) Event {
		return Event{ID: eid, Code: code, OccurredOn: on, UnitID: id(9), Note: "备注"}
	}
	type deducted struct {
		Code, Content string
		Deducted      float64
	}
	tests := []struct {
		name                              string
		events                            []Event
		basic, total, deductions, content float64 // content: 1.1.1's points
		contentDeducted                   float64
		wantEvents                        []deducted
		reasons                           []string
	}{
		{"content floors at 0 and reports what it took", []Event{ev(1, "N1", "2024-05-01")},
			0, 5, 1, 0, 1, []deducted{{"N1", "1.1.1", 1}}, nil},
		{"earlier event takes first", []Event{ev(1, "N1", "2024-05-02"), ev(2, "N2", "2024-05-01")},
			0, 5, 1, 0, 1, []deducted{{"N2", "1.1.1", 0.5}, {"N1", "1.1.1", 0.5}}, nil},
		{"from the total", []Event{ev(1, "N3", "2024-05-01")},
			1, 4, 2, 1, 0, []deducted{{"N3", "", 2}}, nil},
		{"total floors at 0", []Event{ev(1, "N3", "2024-05-01"), ev(2, "N3", "2024-05-02"), ev(3, "N3", "2024-05-03"), ev(4, "N3", "2024-05-04")},
			1, 0, 6, 1, 0, []deducted{{"N3", "", 2}, {"N3", "", 2}, {"N3", "", 2}, {"N3", "", 0}}, nil},
		{"unknown content deducts from the total", []Event{ev(1, "N5", "2024-05-01")},
			1, 5, 1, 1, 0, []deducted{{"N5", "", 1}}, nil},
		{"content without data has nothing to take", []Event{ev(1, "N6", "2024-05-01")},
			1, 6, 0, 1, 0, []deducted{{"N6", "1.1.2", 0}}, nil},
		{"veto keeps the score", []Event{ev(1, "N4", "2024-05-01"), ev(2, "N4", "2024-05-02")},
			1, 6, 0, 1, 0, []deducted{{"N4", "", 0}, {"N4", "", 0}}, []string{"负面清单一票否决：发生重大安全事故"}},
		{"unknown code skipped", []Event{ev(1, "X9", "2024-05-01")},
			1, 6, 0, 1, 0, nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := negFixture()
			in.Events = tt.events
			res := Compute(in)
			if res.Basic != tt.basic || res.Special != 5 || res.Total != tt.total || res.Deductions != tt.deductions {
				t.Errorf("basic %v special %v total %v deductions %v, want %v 5 %v %v", res.Basic, res.Special, res.Total, res.Deductions, tt.basic, tt.total, tt.deductions)
			}
			c := res.Nodes[2]
			if c.Code != "1.1.1" || *c.Points != tt.content || c.Deducted != tt.contentDeducted || res.Nodes[0].Deducted != tt.contentDeducted {
				t.Errorf("content %s points %v deducted %v (item %v), want %v deducted %v", c.Code, *c.Points, c.Deducted, res.Nodes[0].Deducted, tt.content, tt.contentDeducted)
			}
			var got []deducted
			for _, e := range res.Events {
				got = append(got, deducted{e.Code, e.ContentCode, e.Deducted})
			}
			if d := cmp.Diff(tt.wantEvents, got); d != "" {
				t.Errorf("events (-want +got):\n%s", d)
			}
			if d := cmp.Diff(tt.reasons, res.Reasons, cmpEmpty); d != "" {
				t.Errorf("reasons (-want +got):\n%s", d)
			}
			if res.Eligible != (len(tt.reasons) == 0) {
				t.Errorf("eligible %v with reasons %v", res.Eligible, res.Reasons)
			}
		})
	}
}

// cmpEmpty lets a nil want match an empty result slice.
var cmpEmpty = cmp.FilterValues(func(a, b []string) bool { return len(a) == 0 && len(b) == 0 }, cmp.Ignore())

// minorsInput: main basic 100 × 0.8 = 80, special 20 × 0.5 = 10; the minors'
// framework is one content of weight 100 whose material rate is given.
func minorsInput(minorsRate *float64, gate, weight *float64) Input {
	main := oneContent(100, "rate", 0.8)
	main.Main.Nodes = append(main.Main.Nodes,
		node(4, 0, "2", "特色指标", "special", 0, ""), node(5, 4, "2.1", "指标", "", 0, ""), node(6, 5, "2.1.1", "内容", "", 20, "rate"))
	main.Main.Standards = append(main.Main.Standards, std(9, 6, "2.1.1.1", "survey"))
	main.Evidence["2.1.1.1"] = Evidence{Manual: map[string]float64{"survey": 0.5}}
	minors := oneContent(100, "rate")
	minors.Main.Standards = []domain.Standard{std(1, 3, "1.1.1.1", "material")}
	minors.Main.GateScore, minors.Main.Weight = gate, weight
	minors.Main.Negatives = []domain.Negative{{ID: 1, Code: "M1", Text: "发生侵害未成年人恶性案件", Effect: "veto"}}
	main.Minors = &minors.Main
	main.MinorsEvidence = map[string]Evidence{}
	if minorsRate != nil {
		main.MinorsEvidence["1.1.1.1"] = Evidence{Material: minorsRate}
	}
	return main
}

func TestMinors(t *testing.T) {
	tests := []struct {
		name     string
		in       func() Input
		total    float64
		passed   *bool
		combined *float64
		reasons  []string
	}{
		{"exactly 85 passes", func() Input { return minorsInput(f(0.85), f(85), f(0.2)) },
			85, yes(true), f(91), nil}, // 0.8×80 + 0.2×85 + 10
		{"84.9 fails", func() Input { return minorsInput(f(0.849), f(85), f(0.2)) },
			84.9, yes(false), f(90.98), []string{"未成年人思想道德建设测评 84.9 分，低于 85 分门槛"}},
		{"gate and weight default to 85 and 0.2", func() Input { return minorsInput(f(0.9), nil, nil) },
			90, yes(true), f(92), nil},
		{"weight 0.3", func() Input { return minorsInput(f(0.9), f(85), f(0.3)) },
			90, yes(true), f(93), nil}, // 0.7×80 + 0.3×90 + 10
		{"main deductions from the total come off the combined", func() Input {
			in := minorsInput(f(0.9), f(85), f(0.2))
			in.Main.Negatives = []domain.Negative{{Code: "N1", Text: "扣分", Effect: "deduct", Points: f(5)}}
			in.Events = []Event{{ID: 1, Code: "N1"}}
			return in
		}, 90, yes(true), f(87), nil},
		{"no minors' data neither gates nor combines", func() Input { return minorsInput(nil, f(85), f(0.2)) },
			0, nil, nil, nil},
		{"a minors' veto makes ineligible even without data", func() Input {
			in := minorsInput(nil, f(85), f(0.2))
			in.MinorsEvents = []Event{{ID: 1, Code: "M1"}}
			return in
		}, 0, nil, nil, []string{"未成年人思想道德建设测评负面清单一票否决：发生侵害未成年人恶性案件"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := Compute(tt.in())
			if res.Minors == nil {
				t.Fatal("no minors' result")
			}
			m := res.Minors
			if m.Total != tt.total || *m.Gate != 85 || m.Weight == nil {
				t.Errorf("minors total %v gate %v weight %v, want %v gate 85", m.Total, *m.Gate, m.Weight, tt.total)
			}
			if d := cmp.Diff(tt.passed, m.Passed); d != "" {
				t.Errorf("passed (-want +got):\n%s", d)
			}
			if d := cmp.Diff(tt.combined, res.Combined); d != "" {
				t.Errorf("combined (-want +got):\n%s", d)
			}
			if d := cmp.Diff(tt.reasons, res.Reasons, cmpEmpty); d != "" {
				t.Errorf("reasons (-want +got):\n%s", d)
			}
			if res.Eligible != (len(tt.reasons) == 0) {
				t.Errorf("eligible %v with reasons %v", res.Eligible, res.Reasons)
			}
			if len(m.Nodes) != 3 || len(m.Standards) != 1 {
				t.Errorf("minors has %d nodes and %d standards, want 3 and 1", len(m.Nodes), len(m.Standards))
			}
		})
	}
	t.Run("no minors' framework", func(t *testing.T) {
		in := minorsInput(f(0.9), nil, nil)
		in.Minors = nil
		if res := Compute(in); res.Minors != nil || res.Combined != nil || !res.Eligible {
			t.Errorf("minors %v combined %v eligible %v", res.Minors, res.Combined, res.Eligible)
		}
	})
	t.Run("the gate compares the unrounded total", func(t *testing.T) {
		in := minorsInput(f(0.849999999), f(85), nil) // 84.9999999: shown as 85, still below
		res := Compute(in)
		if res.Minors.Total != 85 || *res.Minors.Passed || res.Eligible {
			t.Errorf("total %v passed %v eligible %v: want shown as 85 but failing", res.Minors.Total, *res.Minors.Passed, res.Eligible)
		}
		if want := "未成年人思想道德建设测评 84.99 分，低于 85 分门槛"; len(res.Reasons) != 1 || res.Reasons[0] != want {
			t.Errorf("reasons %q, want %q", res.Reasons, want)
		}
	})
}

// Standard 1.1.1.1 loses 2 × (1 − 4/8) = 1.0 over 4 fails: unit 1 has 3 of
// them, unit 2 one. Standard 1.2.1.1 loses 1 × (1 − 0) = 1.0 over 2 fails,
// both unit 2's, one of them in region 20 and one in no region. Standard
// 1.3.1.1 has a fail (unit 3) but its content's grade A loses nothing.
func TestContributions(t *testing.T) {
	fw := Framework{
		Nodes: []domain.Node{
			node(1, 0, "1", "基本指标", "basic", 0, ""),
			node(2, 1, "1.1", "甲", "", 0, ""), node(3, 2, "1.1.1", "甲", "", 2, "rate"),
			node(4, 1, "1.2", "乙", "", 0, ""), node(5, 4, "1.2.1", "乙", "", 1, "rate"),
			node(6, 1, "1.3", "丙", "", 0, ""), node(7, 6, "1.3.1", "丙", "", 1, "grade"),
		},
		Standards: []domain.Standard{std(1, 3, "1.1.1.1", "field"), std(2, 5, "1.2.1.1", "field"), std(3, 7, "1.3.1.1", "field")},
	}
	ev := map[string]Evidence{
		"1.1.1.1": {Field: &Tally{Pass: 4, Fail: 4, FailsByUnit: map[int64]int{1: 3, 2: 1}, FailsByRegion: map[int64]int{10: 4}}},
		"1.2.1.1": {Field: &Tally{Fail: 2, FailsByUnit: map[int64]int{2: 2}, FailsByRegion: map[int64]int{20: 1}}},
		"1.3.1.1": {Field: &Tally{Pass: 19, Fail: 1, FailsByUnit: map[int64]int{3: 1}, FailsByRegion: map[int64]int{30: 1}}},
	}
	res := Compute(Input{Main: fw, Evidence: ev})
	wantUnits := []Contribution{{ID: 2, PointsLost: 1.25, Fail: 3}, {ID: 1, PointsLost: 0.75, Fail: 3}}
	if d := cmp.Diff(wantUnits, res.Units); d != "" {
		t.Errorf("units (-want +got):\n%s", d)
	}
	wantRegions := []Contribution{{ID: 10, PointsLost: 1, Fail: 4}, {ID: 20, PointsLost: 0.5, Fail: 1}}
	if d := cmp.Diff(wantRegions, res.Regions); d != "" {
		t.Errorf("regions (-want +got):\n%s", d)
	}
}

// 24 standards with data share a weight of 24, so each loses 1 − r: the
// odd-numbered lose 0.5, the even 0.25, number 24 nothing; number 25 has no
// data. The top 20 are the 12 odd ones, then the first 8 even ones, each
// group in numeric code order (1.1.1.9 before 1.1.1.11).
func TestWeakSpots(t *testing.T) {
	fw := Framework{Nodes: []domain.Node{
		node(1, 0, "1", "基本指标", "basic", 0, ""), node(2, 1, "1.1", "指标", "", 0, ""), node(3, 2, "1.1.1", "内容", "", 24, "rate"),
	}}
	ev := map[string]Evidence{}
	code := func(i int) string { return "1.1.1." + strconv.Itoa(i) }
	for i := 25; i >= 1; i-- { // given backwards: the order must come from the codes
		fw.Standards = append(fw.Standards, std(int64(i), 3, code(i), "survey"))
		switch {
		case i == 25:
		case i == 24:
			ev[code(i)] = Evidence{Manual: map[string]float64{"survey": 1}}
		case i%2 == 1:
			ev[code(i)] = Evidence{Manual: map[string]float64{"survey": 0.5}}
		default:
			ev[code(i)] = Evidence{Manual: map[string]float64{"survey": 0.75}}
		}
	}
	var want []string
	for i := 1; i <= 23; i += 2 {
		want = append(want, code(i))
	}
	for i := 2; i <= 16; i += 2 {
		want = append(want, code(i))
	}
	var got []string
	for _, s := range Compute(Input{Main: fw, Evidence: ev}).WeakSpots {
		got = append(got, s.Code)
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("weak spots (-want +got):\n%s", d)
	}
}

func TestJSON(t *testing.T) {
	tests := []struct {
		name string
		v    any
		want string
	}{
		{"node without data", NodeScore{Code: "1.2.2", Name: "农贸市场", Level: 3, Part: "basic", Weight: 1},
			`{"code":"1.2.2","name":"农贸市场","level":3,"part":"basic","weight":1,"points":null,"max":0,"rate":null,"grade":"","deducted":0}`},
		{"standard without data", StandardScore{Code: "1.1.1.1", Text: "t", ContentCode: "1.1.1", Methods: []string{}, Manual: map[string]float64{}},
			`{"code":"1.1.1.1","text":"t","contentCode":"1.1.1","methods":[],"rate":null,"pointsLost":null,"field":null,"target":null,"material":null,"manual":{},"previousRate":null}`},
		{"standard evidence", StandardScore{Field: &FieldCount{Pass: 3, Fail: 1, NA: 2}, Target: &TargetValue{Value: 90, Met: false}},
			`"field":{"pass":3,"fail":1,"na":2},"target":{"value":90,"met":false}`},
		{"event", EventScore{ID: 1, Code: "N1", Text: "t", Effect: "deduct", Points: f(2), Deducted: 1, ContentCode: "1.1.1", UnitID: id(9), OccurredOn: "2024-05-01", Note: "n"},
			`{"id":1,"code":"N1","text":"t","effect":"deduct","points":2,"deducted":1,"contentCode":"1.1.1","unitId":9,"occurredOn":"2024-05-01","note":"n"}`},
		{"contribution", Contribution{ID: 3, PointsLost: 0.75, Fail: 3}, `{"id":3,"pointsLost":0.75,"fail":3}`},
		{"empty result has empty lists", Compute(Input{}),
			`{"frameworkId":0,"frameworkName":"","total":0,"basic":0,"special":0,"deductions":0,"eligible":true,"reasons":[],"combined":null,"minors":null,"nodes":[],"standards":[],"weakSpots":[],"units":[],"regions":[],"events":[]}`},
		{"minors", MinorsResult{Total: 85, Gate: f(85), Weight: f(0.2), Nodes: []NodeScore{}, Standards: []StandardScore{}},
			`{"total":85,"gate":85,"weight":0.2,"passed":null,"nodes":[],"standards":[]}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, err := json.Marshal(tt.v)
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(string(b), tt.want) {
				t.Errorf("got  %s\nwant %s", b, tt.want)
			}
		})
	}
}

// A full framework has about 330 standards; scoring it must cost nothing.
func BenchmarkCompute(b *testing.B) {
	fw := Framework{Nodes: []domain.Node{node(1, 0, "1", "基本指标", "basic", 0, "")}}
	ev := map[string]Evidence{}
	for i := range 110 {
		ind, content := int64(1000+i), int64(2000+i)
		code := "1." + strconv.Itoa(i+1)
		fw.Nodes = append(fw.Nodes, node(ind, 1, code, "指标", "", 0, ""), node(content, ind, code+".1", "内容", "", 0.9, "rate"))
		for j := range 3 {
			sc := code + ".1." + strconv.Itoa(j+1)
			fw.Standards = append(fw.Standards, std(int64(i*3+j), content, sc, "field"))
			ev[sc] = Evidence{Field: &Tally{Pass: 7, Fail: 3, FailsByUnit: map[int64]int{int64(j): 3}, FailsByRegion: map[int64]int{int64(i % 9): 3}}}
		}
	}
	in := Input{Main: fw, Evidence: ev}
	for b.Loop() {
		Compute(in)
	}
}
