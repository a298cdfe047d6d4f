package domain

import (
	"fmt"
	"math"
	"strings"
	"time"
)

// Framework is one version of an assessment framework (测评体系): the main
// one or the minors' sub-framework that gates it.
type Framework struct {
	ID           int64           `json:"id"`
	FamilyID     int64           `json:"familyId"`
	Version      int             `json:"version"`
	Name         string          `json:"name"`
	Kind         string          `json:"kind"`   // main | minors
	Status       string          `json:"status"` // draft | frozen
	BasicTotal   float64         `json:"basicTotal"`
	SpecialTotal float64         `json:"specialTotal"`
	GateScore    *float64        `json:"gateScore"` // minors: below this the city is ineligible
	Weight       *float64        `json:"weight"`    // minors: share of the combined score
	MinorsID     *int64          `json:"minorsId"`
	MinorsName   string          `json:"minorsName"`
	CopiedFrom   *int64          `json:"copiedFrom"`
	FrozenAt     *time.Time      `json:"frozenAt"`
	CreatedAt    time.Time       `json:"createdAt"`
	Counts       FrameworkCounts `json:"counts"`
	// JurisdictionID is the jurisdiction whose office owns the version:
	// it alone edits it; the jurisdictions below read and inherit it.
	JurisdictionID   *int64 `json:"jurisdictionId"`
	JurisdictionName string `json:"jurisdictionName"`
	JurisdictionCode string `json:"-"`
	// Editable tells the reader whether its office owns the version (may
	// edit its draft, freeze, copy or delete it); inherited ones are not.
	Editable bool `json:"editable"`
}

// FrameworkCounts sizes a framework for lists.
type FrameworkCounts struct {
	Items      int `json:"items"`
	Indicators int `json:"indicators"`
	Contents   int `json:"contents"`
	Standards  int `json:"standards"`
	Targets    int `json:"targets"`
	Negatives  int `json:"negatives"`
}

// Node is an item (level 1), indicator (2) or content (3).
type Node struct {
	ID        int64   `json:"id"`
	ParentID  *int64  `json:"parentId"`
	Level     int     `json:"level"`
	Code      string  `json:"code"`
	Name      string  `json:"name"`
	Part      string  `json:"part"` // basic | special
	Weight    float64 `json:"weight"`
	ScoreMode string  `json:"scoreMode"` // rate | grade
}

// UnitRef names a unit.
type UnitRef struct {
	ID   int64  `json:"id"`
	Name string `json:"name"`
}

// Standard is a numbered, checkable requirement under a content.
type Standard struct {
	ID               int64     `json:"id"`
	ContentID        int64     `json:"contentId"`
	Code             string    `json:"code"`
	Text             string    `json:"text"`
	Methods          []string  `json:"methods"`
	Metric           string    `json:"metric"`
	Comparator       string    `json:"comparator"`
	Threshold        *float64  `json:"threshold"`
	Threshold2       *float64  `json:"threshold2"`
	MeasureUnit      string    `json:"measureUnit"`
	Categories       []string  `json:"categories"`
	LeadUnits        []UnitRef `json:"leadUnits"`
	ResponsibleUnits []UnitRef `json:"responsibleUnits"`
}

// Negative is a negative-list item: an event that deducts points or vetoes.
type Negative struct {
	ID          int64    `json:"id"`
	Code        string   `json:"code"`
	Text        string   `json:"text"`
	Effect      string   `json:"effect"` // deduct | veto
	Points      *float64 `json:"points"`
	ContentCode string   `json:"contentCode"`
}

// Methods are the ways a standard is assessed.
var Methods = []Named{
	{"field", "实地考察"}, {"material", "材料审核"}, {"survey", "问卷调查"}, {"online", "网上调查"},
	{"briefing", "听取汇报"}, {"observation", "综合观察"}, {"statistic", "数据统计"},
}

// Comparators compare a measured value with a target.
var Comparators = []Named{{">=", "≥"}, {"<=", "≤"}, {"=", "="}, {"between", "区间"}}

// Phase is one of the plan year's three phases (seed 001).
type Phase struct {
	Code string `json:"code"`
	Name string `json:"name"`
	From string `json:"from"` // MM-DD
	To   string `json:"to"`
}

// Phases are the seed's three phases of the campaign year.
var Phases = []Phase{
	{"deploy", "安排部署", "03-01", "06-30"},
	{"advance", "工作推进", "07-01", "10-31"},
	{"consolidate", "巩固提升", "11-01", "12-31"},
}

// MethodByName finds a method by Chinese name or code.
func MethodByName(s string) (string, bool) { return codeOf(Methods, s) }

// MethodName returns a method's Chinese name.
func MethodName(code string) string { return nameOf(Methods, code) }

// ComparatorByName accepts ≥ ≤ = 区间 and their codes (>=, <=, =, between).
func ComparatorByName(s string) (string, bool) {
	switch s {
	case "≥", ">=", "大于等于":
		return ">=", true
	case "≤", "<=", "小于等于":
		return "<=", true
	case "=", "等于":
		return "=", true
	case "区间", "between":
		return "between", true
	}
	return "", false
}

// ComparatorSymbol returns ≥ ≤ = or 区间.
func ComparatorSymbol(code string) string { return nameOf(Comparators, code) }

// PhaseByName finds a phase by Chinese name or code.
func PhaseByName(s string) (string, bool) {
	for _, p := range Phases {
		if p.Name == s || p.Code == s {
			return p.Code, true
		}
	}
	return "", false
}

// HasTarget tells whether a standard carries a measurable target.
func (s *Standard) HasTarget() bool { return s.Comparator != "" }

// Validate checks a standard's own fields; unit and content links are the
// service's to check.
func (s *Standard) Validate() error {
	s.Code, s.Text = strings.TrimSpace(s.Code), strings.TrimSpace(s.Text)
	if err := ValidateCode("code", s.Code); err != nil {
		return err
	}
	if err := RequireText("text", "标准内容", s.Text, 2000); err != nil {
		return err
	}
	if len(s.Methods) == 0 {
		return Invalid("methods", "至少选择一种测评方法")
	}
	for _, m := range s.Methods {
		if MethodName(m) == "" {
			return Invalid("methods", "未知的测评方法“"+m+"”")
		}
	}
	if err := TextLimit("metric", "数据指标", s.Metric, 100); err != nil {
		return err
	}
	if err := TextLimit("measureUnit", "计量单位", s.MeasureUnit, 20); err != nil {
		return err
	}
	return s.validateTarget()
}

func (s *Standard) validateTarget() error {
	if s.Comparator == "" {
		if s.Threshold != nil || s.Metric != "" {
			return Invalid("comparator", "设置了数据指标或目标值时须选择比较符（≥ ≤ = 区间）")
		}
		return nil
	}
	if ComparatorSymbol(s.Comparator) == "" {
		return Invalid("comparator", "比较符“"+s.Comparator+"”无效，应为 ≥、≤、= 或 区间")
	}
	if strings.TrimSpace(s.Metric) == "" {
		return Invalid("metric", "有目标值的标准须填写数据指标名称")
	}
	if s.Threshold == nil || math.IsNaN(*s.Threshold) || math.IsInf(*s.Threshold, 0) {
		return Invalid("threshold", "请填写目标值（数字）")
	}
	if s.Comparator == "between" {
		if s.Threshold2 == nil || *s.Threshold2 < *s.Threshold {
			return Invalid("threshold2", "区间须填写上限，且不小于下限")
		}
	} else if s.Threshold2 != nil {
		return Invalid("threshold2", "只有比较符为“区间”时才填写目标值2")
	}
	return nil
}

// Met tells whether a measured value meets the standard's target.
func (s *Standard) Met(v float64) bool {
	const eps = 1e-9
	switch s.Comparator {
	case ">=":
		return v >= *s.Threshold-eps
	case "<=":
		return v <= *s.Threshold+eps
	case "=":
		return math.Abs(v-*s.Threshold) < eps
	case "between":
		return v >= *s.Threshold-eps && v <= *s.Threshold2+eps
	}
	return false
}

// TargetText writes a target the way people say it: 公交站点覆盖率 ≥ 90 %.
func (s *Standard) TargetText() string {
	if !s.HasTarget() {
		return ""
	}
	num := func(f *float64) string { return fmt.Sprint(*f) }
	if s.Comparator == "between" {
		return fmt.Sprintf("%s %s–%s %s", s.Metric, num(s.Threshold), num(s.Threshold2), s.MeasureUnit)
	}
	return strings.TrimSpace(fmt.Sprintf("%s %s %s %s", s.Metric, ComparatorSymbol(s.Comparator), num(s.Threshold), s.MeasureUnit))
}

// ValidateCode checks a dotted numeric code such as 1, 1.2 or 1.2.3.4.
func ValidateCode(field, code string) error {
	if code == "" {
		return Invalid(field, "编码不能为空")
	}
	for _, part := range strings.Split(code, ".") {
		if part == "" || len(part) > 4 {
			return Invalid(field, "编码“"+code+"”格式应为以点分隔的数字，如 1.2.3")
		}
		for _, c := range part {
			if c < '0' || c > '9' {
				return Invalid(field, "编码“"+code+"”格式应为以点分隔的数字，如 1.2.3")
			}
		}
	}
	return nil
}

// CodeLevel is how many parts a dotted code has.
func CodeLevel(code string) int { return strings.Count(code, ".") + 1 }

// ParentCode drops the last part of a dotted code.
func ParentCode(code string) string {
	if i := strings.LastIndex(code, "."); i >= 0 {
		return code[:i]
	}
	return ""
}

// CompareCodes orders dotted codes numerically: 1.2 before 1.10.
func CompareCodes(a, b string) int {
	pa, pb := strings.Split(a, "."), strings.Split(b, ".")
	for i := 0; i < len(pa) && i < len(pb); i++ {
		if len(pa[i]) != len(pb[i]) {
			return len(pa[i]) - len(pb[i])
		}
		if c := strings.Compare(pa[i], pb[i]); c != 0 {
			return c
		}
	}
	return len(pa) - len(pb)
}
