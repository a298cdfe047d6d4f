package framework

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"wenming/internal/domain"
)

func sortedRows(rows map[int][]string) []int { return slices.Sorted(maps.Keys(rows)) }

// head reads the 框架 sheet of 键/值 pairs.
func (p *parser) head() domain.Framework {
	f := domain.Framework{Kind: "main", BasicTotal: 100, SpecialTotal: 20}
	rows := p.rows(headSheet, headCols, true)
	p.headRow = map[string]int{}
	for _, n := range sortedRows(rows) {
		key, val := rows[n][0], rows[n][1]
		p.headRow[key] = n
		num := func() *float64 {
			v, err := parseNumber(val)
			if err != nil || v == nil {
				p.add(headSheet, n, 1, "“"+key+"”须为数字")
				return nil
			}
			return v
		}
		switch key {
		case "名称":
			f.Name = val
			if err := domain.RequireText("name", "名称", val, 100); err != nil {
				p.add(headSheet, n, 1, "名称不能为空，且不超过 100 个字")
			}
		case "类型":
			switch val {
			case "主体系":
				f.Kind = "main"
			case "未成年人":
				f.Kind = "minors"
			default:
				p.add(headSheet, n, 1, "类型应为“主体系”或“未成年人”")
			}
		case "基本指标总分":
			if v := num(); v != nil {
				f.BasicTotal = *v
			}
		case "特色指标总分":
			if v := num(); v != nil {
				f.SpecialTotal = *v
			}
		case "门槛分":
			f.GateScore = num()
		case "权重":
			f.Weight = num()
		default:
			p.add(headSheet, n, 0, "未知的键“"+key+"”")
		}
	}
	if f.Name == "" && p.headRow["名称"] == 0 && len(rows) > 0 {
		p.add(headSheet, 0, 0, "缺少“名称”")
	}
	if f.Kind == "minors" && f.GateScore == nil {
		gate, weight := 85.0, 0.2
		f.GateScore, f.Weight = &gate, &weight
	}
	return f
}

// nodes reads the 指标 sheet.
func (p *parser) nodes() []domain.Node {
	rows := p.rows(nodeSheet, nodeCols, true)
	var nodes []domain.Node
	parts := map[string]string{}
	p.weights = map[string]float64{}
	for _, n := range sortedRows(rows) {
		r := rows[n]
		node := domain.Node{Code: r[0], Name: r[2], ScoreMode: "rate"}
		if err := domain.ValidateCode("code", node.Code); err != nil {
			p.add(nodeSheet, n, 0, err.(*domain.Error).Message)
			continue
		}
		if !p.remember(nodeSheet, node.Code, n) {
			continue
		}
		node.Level = slices.Index(levelNames, r[1])
		if node.Level < 1 {
			p.add(nodeSheet, n, 1, "层级应为 测评项目、测评指标 或 测评内容")
			continue
		}
		if domain.CodeLevel(node.Code) != node.Level {
			p.add(nodeSheet, n, 0, fmt.Sprintf("%s的编码应有 %d 段（如 %s）", r[1], node.Level, []string{"", "1", "1.2", "1.2.3"}[node.Level]))
			continue
		}
		if node.Name == "" {
			p.add(nodeSheet, n, 2, "名称不能为空")
		}
		if node.Level == 1 {
			switch r[3] {
			case "基本", "基本指标":
				node.Part = "basic"
			case "特色", "特色指标":
				node.Part = "special"
			default:
				p.add(nodeSheet, n, 3, "测评项目须填写部分：基本 或 特色")
			}
			parts[node.Code] = node.Part
		} else {
			node.Part = parts[strings.SplitN(node.Code, ".", 2)[0]]
		}
		w, err := parseNumber(r[4])
		switch {
		case err != nil:
			p.add(nodeSheet, n, 4, "分值须为数字")
		case node.Level == 3 && (w == nil || *w <= 0):
			p.add(nodeSheet, n, 4, "测评内容须填写大于 0 的分值")
		case node.Level == 3:
			node.Weight = *w
		case w != nil:
			p.weights[node.Code] = *w
		}
		switch r[5] {
		case "", "得分率":
		case "等级":
			node.ScoreMode = "grade"
		default:
			p.add(nodeSheet, n, 5, "计分方式应为 得分率 或 等级")
		}
		nodes = append(nodes, node)
	}
	// Items and indicators weigh what their children weigh; a stated
	// weight must agree.
	rollUp(nodes)
	for _, node := range nodes {
		if stated, ok := p.weights[node.Code]; ok && !same(stated, node.Weight) {
			p.add(nodeSheet, p.rowOf[nodeSheet][node.Code], 4, fmt.Sprintf("“%s”的分值 %g 与下级合计 %g 不符", node.Name, stated, node.Weight))
		}
	}
	return nodes
}

// standards reads the 测评标准 sheet.
func (p *parser) standards(nodes []domain.Node) []domain.Standard {
	contents := map[string]bool{}
	for _, n := range nodes {
		if n.Level == 3 {
			contents[n.Code] = true
		}
	}
	rows := p.rows(standardSheet, standardCols, true)
	var list []domain.Standard
	for _, n := range sortedRows(rows) {
		r := rows[n]
		s := domain.Standard{Code: r[0], Text: r[2], Metric: r[4], MeasureUnit: r[8], Methods: []string{}, Categories: splitCell(r[11])}
		if err := domain.ValidateCode("code", s.Code); err != nil {
			p.add(standardSheet, n, 0, err.(*domain.Error).Message)
			continue
		}
		if !p.remember(standardSheet, s.Code, n) {
			continue
		}
		if content := domain.ParentCode(s.Code); !contents[content] || (r[1] != "" && r[1] != content) {
			p.add(standardSheet, n, 1, "标准编码应为已有测评内容编码加“.序号”，测评内容“"+r[1]+"”不存在或与编码不符")
		}
		for _, m := range splitCell(r[3]) {
			code, ok := domain.MethodByName(m)
			if !ok {
				p.add(standardSheet, n, 3, "未知的测评方法“"+m+"”")
				continue
			}
			s.Methods = append(s.Methods, code)
		}
		if r[5] != "" {
			var ok bool
			if s.Comparator, ok = domain.ComparatorByName(r[5]); !ok {
				p.add(standardSheet, n, 5, "比较符“"+r[5]+"”无效，应为 ≥、≤、= 或 区间")
			}
		}
		var err error
		if s.Threshold, err = parseNumber(r[6]); err != nil {
			p.add(standardSheet, n, 6, "目标值须为数字")
		}
		if s.Threshold2, err = parseNumber(r[7]); err != nil {
			p.add(standardSheet, n, 7, "目标值2须为数字")
		}
		if err := s.Validate(); err != nil {
			de, _ := domain.AsError(err)
			p.add(standardSheet, n, slices.Index([]string{"code", "", "text", "methods", "metric", "comparator", "threshold", "threshold2", "measureUnit"}, de.Field), de.Message)
		}
		if s.LeadUnits, err = p.units.resolve(r[9]); err != nil {
			p.add(standardSheet, n, 9, err.Error())
		} else if len(s.LeadUnits) == 0 {
			p.add(standardSheet, n, 9, "牵头单位不能为空")
		}
		if s.ResponsibleUnits, err = p.units.resolve(r[10]); err != nil {
			p.add(standardSheet, n, 10, err.Error())
		}
		list = append(list, s)
	}
	return list
}

// negatives reads the 负面清单 sheet.
func (p *parser) negatives() []domain.Negative {
	rows := p.rows(negSheet, negCols, false)
	var list []domain.Negative
	for _, n := range sortedRows(rows) {
		r := rows[n]
		in := NegativeInput{Code: r[0], Text: r[1], ContentCode: r[4]}
		switch r[2] {
		case "扣分":
			in.Effect = "deduct"
		case "一票否决":
			in.Effect = "veto"
		default:
			p.add(negSheet, n, 2, "处理方式应为 扣分 或 一票否决")
			continue
		}
		pts, err := parseNumber(r[3])
		if err != nil {
			p.add(negSheet, n, 3, "扣分须为数字")
			continue
		}
		in.Points = pts
		neg, err := in.negative()
		if err != nil {
			de, _ := domain.AsError(err)
			p.add(negSheet, n, slices.Index([]string{"code", "text", "effect", "points", "contentCode"}, de.Field), de.Message)
			continue
		}
		if p.remember(negSheet, neg.Code, n) {
			list = append(list, neg)
		}
	}
	return list
}

// checkTree runs the freeze checks on the parsed tree and pins each
// problem to its row.
func (p *parser) checkTree(t *Tree) {
	for _, prob := range t.check() {
		row, col := p.rowOf[prob.Sheet][prob.Column], 0
		switch {
		case prob.Column == "" && strings.Contains(prob.Reason, "基本指标"):
			prob.Sheet, row, col = headSheet, p.headRow["基本指标总分"], 1
		case prob.Column == "" && strings.Contains(prob.Reason, "特色指标"):
			prob.Sheet, row, col = headSheet, p.headRow["特色指标总分"], 1
		case prob.Sheet == nodeSheet && strings.Contains(prob.Reason, "分值"):
			col = 4 // a content without weight
		case prob.Sheet == standardSheet:
			row, col = p.rowOf[nodeSheet][prob.Column], 0
			prob.Sheet = nodeSheet
		case prob.Sheet == negSheet:
			col = 4
		}
		p.add(prob.Sheet, row, col, prob.Reason)
	}
}
