package framework

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"wenming/internal/domain"
)

// Change is one difference between two versions.
type Change struct {
	Kind   string        `json:"kind"` // framework | node | standard | negative
	Code   string        `json:"code"`
	Name   string        `json:"name"`
	Change string        `json:"change"` // added | removed | changed
	Fields []FieldChange `json:"fields"`
}

// FieldChange is one field's before and after.
type FieldChange struct {
	Field  string `json:"field"`
	Before string `json:"before"`
	After  string `json:"after"`
}

// Comparison is the answer to "what changed from a to b".
type Comparison struct {
	Equal   bool     `json:"equal"`
	Changes []Change `json:"changes"`
}

// Compare lists what was added, removed and changed from version a to b,
// matching nodes, standards and negative items by code.
func (s *Service) Compare(ctx context.Context, actor *domain.Actor, a, b int64) (_ Comparison, err error) {
	defer domain.Wrap(&err, "framework.Compare")
	ta, err := s.Tree(ctx, actor, a)
	if err != nil {
		return Comparison{}, err
	}
	tb, err := s.Tree(ctx, actor, b)
	if err != nil {
		return Comparison{}, err
	}
	changes := []Change{}
	if fc := diffFields(headFields(ta.Framework), headFields(tb.Framework)); len(fc) > 0 {
		changes = append(changes, Change{Kind: "framework", Name: tb.Framework.Name, Change: "changed", Fields: fc})
	}
	changes = append(changes, diffSet("node", ta.Nodes, tb.Nodes, func(n domain.Node) (string, string, [][2]string) {
		return n.Code, n.Name, [][2]string{{"名称", n.Name}, {"层级", levelNames[n.Level]}, {"部分", n.Part}, {"分值", fmt.Sprint(n.Weight)}, {"计分方式", n.ScoreMode}}
	})...)
	changes = append(changes, diffSet("standard", ta.Standards, tb.Standards, func(s domain.Standard) (string, string, [][2]string) {
		return s.Code, s.Text, [][2]string{{"标准内容", s.Text}, {"测评方法", strings.Join(s.Methods, "、")}, {"目标", s.TargetText()},
			{"牵头单位", unitNames(s.LeadUnits)}, {"责任单位", unitNames(s.ResponsibleUnits)}, {"适用点位类别", strings.Join(s.Categories, "、")}}
	})...)
	changes = append(changes, diffSet("negative", ta.Negatives, tb.Negatives, func(n domain.Negative) (string, string, [][2]string) {
		return n.Code, n.Text, [][2]string{{"事项", n.Text}, {"处理方式", n.Effect}, {"扣分", numText(n.Points)}, {"扣分内容", n.ContentCode}}
	})...)
	return Comparison{Equal: len(changes) == 0, Changes: changes}, nil
}

func headFields(f domain.Framework) [][2]string {
	return [][2]string{{"名称", f.Name}, {"类型", f.Kind}, {"基本指标总分", fmt.Sprint(f.BasicTotal)}, {"特色指标总分", fmt.Sprint(f.SpecialTotal)},
		{"门槛分", numText(f.GateScore)}, {"权重", numText(f.Weight)}}
}

func numText(f *float64) string {
	if f == nil {
		return ""
	}
	return fmt.Sprint(*f)
}

func diffFields(a, b [][2]string) []FieldChange {
	var out []FieldChange
	for i := range a {
		if a[i][1] != b[i][1] {
			out = append(out, FieldChange{Field: a[i][0], Before: a[i][1], After: b[i][1]})
		}
	}
	return out
}

// diffSet compares two lists keyed by code.
func diffSet[T any](kind string, a, b []T, fields func(T) (code, name string, fs [][2]string)) []Change {
	before := map[string]T{}
	for _, x := range a {
		code, _, _ := fields(x)
		before[code] = x
	}
	var out []Change
	seen := map[string]bool{}
	for _, y := range b {
		code, name, fy := fields(y)
		seen[code] = true
		x, ok := before[code]
		if !ok {
			out = append(out, Change{Kind: kind, Code: code, Name: name, Change: "added", Fields: []FieldChange{}})
			continue
		}
		_, _, fx := fields(x)
		if fc := diffFields(fx, fy); len(fc) > 0 {
			out = append(out, Change{Kind: kind, Code: code, Name: name, Change: "changed", Fields: fc})
		}
	}
	for _, x := range a {
		code, name, _ := fields(x)
		if !seen[code] {
			out = append(out, Change{Kind: kind, Code: code, Name: name, Change: "removed", Fields: []FieldChange{}})
		}
	}
	slices.SortStableFunc(out, func(p, q Change) int { return domain.CompareCodes(p.Code, q.Code) })
	return out
}
