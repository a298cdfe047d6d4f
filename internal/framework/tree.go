package framework

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"wenming/internal/domain"
	"wenming/internal/store"
)

// Tree is a whole framework version: what the tree page shows, what an
// export writes and what an import or a copy inserts.
type Tree struct {
	Framework domain.Framework  `json:"framework"`
	Nodes     []domain.Node     `json:"nodes"`
	Standards []domain.Standard `json:"standards"`
	Negatives []domain.Negative `json:"negatives"`
}

// Tree returns a whole version with unit names.
func (s *Service) Tree(ctx context.Context, actor *domain.Actor, id int64) (_ Tree, err error) {
	defer domain.Wrap(&err, "framework.Tree %d", id)
	c := s.db.Read()
	f, err := readable(ctx, c, actor, id)
	if err != nil {
		return Tree{}, err
	}
	dir, err := s.org.Directory(ctx)
	if err != nil {
		return Tree{}, err
	}
	return loadTree(ctx, c, f, dir)
}

// loadTree reads a version; with a unit directory it names the units.
func loadTree(ctx context.Context, c *store.Conn, f domain.Framework, dir map[int64]domain.Unit) (Tree, error) {
	t := Tree{Framework: f, Nodes: []domain.Node{}, Standards: []domain.Standard{}, Negatives: []domain.Negative{}}
	var err error
	if t.Nodes, err = loadNodes(ctx, c, f.ID); err != nil {
		return t, err
	}
	if t.Standards, err = loadStandards(ctx, c, "framework_id = ?", f.ID, dir); err != nil {
		return t, err
	}
	rows, err := c.Query(ctx, `SELECT id, code, text, effect, points, content_code FROM negative_items WHERE framework_id = ?`, f.ID)
	if err != nil {
		return t, err
	}
	defer rows.Close()
	for rows.Next() {
		var n domain.Negative
		if err := rows.Scan(&n.ID, &n.Code, &n.Text, &n.Effect, &n.Points, &n.ContentCode); err != nil {
			return t, err
		}
		t.Negatives = append(t.Negatives, n)
	}
	slices.SortFunc(t.Negatives, func(a, b domain.Negative) int { return domain.CompareCodes(a.Code, b.Code) })
	return t, rows.Err()
}

// loadNodes reads a version's items, indicators and contents in code
// order, with the derived weights of items and indicators.
func loadNodes(ctx context.Context, c *store.Conn, frameworkID int64) ([]domain.Node, error) {
	rows, err := c.Query(ctx, `SELECT id, parent_id, level, code, name, part, weight, score_mode FROM framework_nodes WHERE framework_id = ?`, frameworkID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	nodes := []domain.Node{}
	for rows.Next() {
		var n domain.Node
		if err := rows.Scan(&n.ID, &n.ParentID, &n.Level, &n.Code, &n.Name, &n.Part, &n.Weight, &n.ScoreMode); err != nil {
			return nil, err
		}
		nodes = append(nodes, n)
	}
	slices.SortFunc(nodes, func(a, b domain.Node) int { return domain.CompareCodes(a.Code, b.Code) })
	rollUp(nodes)
	return nodes, rows.Err()
}

// loadStandards reads standards matching a condition, with their units.
func loadStandards(ctx context.Context, c *store.Conn, where string, arg any, dir map[int64]domain.Unit) ([]domain.Standard, error) {
	rows, err := c.Query(ctx, `SELECT id, content_id, code, text, methods, metric, comparator, threshold, threshold2, measure_unit, categories
		FROM standards WHERE `+where, arg)
	if err != nil {
		return nil, err
	}
	list := []domain.Standard{}
	index := map[int64]int{}
	for rows.Next() {
		var s domain.Standard
		var methods, categories string
		if err := rows.Scan(&s.ID, &s.ContentID, &s.Code, &s.Text, &methods, &s.Metric, &s.Comparator, &s.Threshold, &s.Threshold2, &s.MeasureUnit, &categories); err != nil {
			rows.Close()
			return nil, err
		}
		s.Methods, s.Categories = splitList(methods), splitList(categories)
		s.LeadUnits, s.ResponsibleUnits = []domain.UnitRef{}, []domain.UnitRef{}
		index[s.ID] = len(list)
		list = append(list, s)
	}
	rows.Close()
	if len(list) == 0 {
		return list, nil
	}
	urows, err := c.Query(ctx, `SELECT su.standard_id, su.unit_id, su.role FROM standard_units su JOIN standards s ON s.id = su.standard_id WHERE s.`+where, arg)
	if err != nil {
		return nil, err
	}
	defer urows.Close()
	for urows.Next() {
		var sid, uid int64
		var role string
		if err := urows.Scan(&sid, &uid, &role); err != nil {
			return nil, err
		}
		i, ok := index[sid]
		if !ok {
			continue
		}
		ref := domain.UnitRef{ID: uid, Name: dir[uid].Name}
		if role == "lead" {
			list[i].LeadUnits = append(list[i].LeadUnits, ref)
		} else {
			list[i].ResponsibleUnits = append(list[i].ResponsibleUnits, ref)
		}
	}
	for i := range list {
		byName := func(a, b domain.UnitRef) int { return strings.Compare(dir[a.ID].SortKey, dir[b.ID].SortKey) }
		slices.SortFunc(list[i].LeadUnits, byName)
		slices.SortFunc(list[i].ResponsibleUnits, byName)
	}
	slices.SortFunc(list, func(a, b domain.Standard) int { return domain.CompareCodes(a.Code, b.Code) })
	return list, urows.Err()
}

// rollUp sets every item's and indicator's weight to the sum of its
// children's. Only contents carry a weight of their own; the rest is
// derived here rather than stored.
func rollUp(nodes []domain.Node) {
	sums := map[string]float64{}
	for _, level := range []int{3, 2} {
		for _, n := range nodes {
			if n.Level == level {
				w := n.Weight
				if level == 2 {
					w = sums[n.Code]
				}
				sums[domain.ParentCode(n.Code)] += w
			}
		}
	}
	for i, n := range nodes {
		if n.Level < 3 {
			nodes[i].Weight = round2(sums[n.Code])
		}
	}
}

func splitList(s string) []string {
	if s == "" {
		return []string{}
	}
	return strings.Split(s, ",")
}

func joinList(list []string) string { return strings.Join(list, ",") }

// insert writes the tree as a new framework version and returns its id.
// Node and standard ids in the tree are ignored; links go by code.
func (t *Tree) insert(ctx context.Context, c *store.Conn) (int64, error) {
	f := t.Framework
	var family any
	if f.FamilyID != 0 {
		family = f.FamilyID
	}
	id, err := c.Insert(ctx, `INSERT INTO frameworks (family_id, version, name, kind, status, basic_total, special_total, gate_score, weight, minors_id, copied_from, jurisdiction_id, created_at, updated_at)
		VALUES (?, ?, ?, ?, 'draft', ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		family, f.Version, f.Name, f.Kind, f.BasicTotal, f.SpecialTotal, f.GateScore, f.Weight, f.MinorsID, f.CopiedFrom, f.JurisdictionID, c.Now, c.Now)
	if err != nil {
		return 0, err
	}
	if family == nil {
		if _, err := c.Exec(ctx, `UPDATE frameworks SET family_id = id WHERE id = ?`, id); err != nil {
			return 0, err
		}
	}
	nodeIDs := map[string]int64{}
	nodes := slices.Clone(t.Nodes)
	slices.SortFunc(nodes, func(a, b domain.Node) int { return domain.CompareCodes(a.Code, b.Code) })
	for i, n := range nodes {
		var parent any
		if p := domain.ParentCode(n.Code); p != "" {
			parent = nodeIDs[p]
		}
		weight := n.Weight
		if n.Level < 3 {
			weight = 0 // derived on load
		}
		nid, err := c.Insert(ctx, `INSERT INTO framework_nodes (framework_id, parent_id, level, code, name, part, weight, score_mode, sort) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			id, parent, n.Level, n.Code, n.Name, n.Part, weight, n.ScoreMode, i)
		if err != nil {
			return 0, fmt.Errorf("node %s: %w", n.Code, err)
		}
		nodeIDs[n.Code] = nid
	}
	for i, s := range t.Standards {
		s.ContentID = nodeIDs[domain.ParentCode(s.Code)]
		if _, err := insertStandard(ctx, c, id, s, i); err != nil {
			return 0, err
		}
	}
	for i, n := range t.Negatives {
		if err := insertNegative(ctx, c, id, n, i); err != nil {
			return 0, err
		}
	}
	return id, nil
}

func insertStandard(ctx context.Context, c *store.Conn, frameworkID int64, s domain.Standard, sort int) (int64, error) {
	sid, err := c.Insert(ctx, `INSERT INTO standards (framework_id, content_id, code, text, methods, metric, comparator, threshold, threshold2, measure_unit, categories, sort)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		frameworkID, s.ContentID, s.Code, s.Text, joinList(s.Methods), s.Metric, s.Comparator, s.Threshold, s.Threshold2, s.MeasureUnit, joinList(s.Categories), sort)
	if err != nil {
		return 0, fmt.Errorf("standard %s: %w", s.Code, err)
	}
	return sid, setStandardUnits(ctx, c, sid, s)
}

func setStandardUnits(ctx context.Context, c *store.Conn, sid int64, s domain.Standard) error {
	if _, err := c.Exec(ctx, `DELETE FROM standard_units WHERE standard_id = ?`, sid); err != nil {
		return err
	}
	for role, units := range map[string][]domain.UnitRef{"lead": s.LeadUnits, "responsible": s.ResponsibleUnits} {
		seen := map[int64]bool{}
		for _, u := range units {
			if seen[u.ID] {
				continue
			}
			seen[u.ID] = true
			if _, err := c.Exec(ctx, `INSERT INTO standard_units (standard_id, unit_id, role) VALUES (?, ?, ?)`, sid, u.ID, role); err != nil {
				return err
			}
		}
	}
	return nil
}

func insertNegative(ctx context.Context, c *store.Conn, frameworkID int64, n domain.Negative, sort int) error {
	_, err := c.Exec(ctx, `INSERT INTO negative_items (framework_id, code, text, effect, points, content_code, sort) VALUES (?, ?, ?, ?, ?, ?, ?)`,
		frameworkID, n.Code, n.Text, n.Effect, n.Points, n.ContentCode, sort)
	return err
}

// check lists what keeps the tree from adding up: levels in order, every
// content weighted and with standards, every item and indicator with
// children, the parts equal to their totals, negative items pointing at
// real contents. (Items and indicators weigh their children's sum.)
func (t *Tree) check() []domain.ImportProblem {
	var ps []domain.ImportProblem
	add := func(sheet, code, reason string) {
		ps = append(ps, domain.ImportProblem{Sheet: sheet, Column: code, Reason: reason})
	}
	byCode := map[string]domain.Node{}
	children := map[string]int{}
	for _, n := range t.Nodes {
		byCode[n.Code] = n
	}
	for _, n := range t.Nodes {
		if p := domain.ParentCode(n.Code); p != "" {
			if parent, ok := byCode[p]; !ok || parent.Level != n.Level-1 {
				add("指标", n.Code, "上级“"+p+"”不存在或层级不对")
			}
			children[p]++
		}
		if n.Level == 3 && n.Weight <= 0 {
			add("指标", n.Code, "测评内容“"+n.Name+"”须有大于 0 的分值")
		}
	}
	standards := map[string]int{}
	for _, s := range t.Standards {
		standards[domain.ParentCode(s.Code)]++
	}
	parts := map[string]float64{}
	for _, n := range t.Nodes {
		switch n.Level {
		case 1, 2:
			if children[n.Code] == 0 {
				add("指标", n.Code, "“"+n.Name+"”下没有下级指标")
			}
			if n.Level == 1 {
				parts[n.Part] += n.Weight
			}
		case 3:
			if standards[n.Code] == 0 {
				add("测评标准", n.Code, "测评内容“"+n.Name+"”下没有测评标准")
			}
		}
	}
	f := t.Framework
	if !same(parts["basic"], f.BasicTotal) {
		add("指标", "", fmt.Sprintf("基本指标合计 %g 分，应为 %g 分", round2(parts["basic"]), f.BasicTotal))
	}
	if !same(parts["special"], f.SpecialTotal) {
		add("指标", "", fmt.Sprintf("特色指标合计 %g 分，应为 %g 分", round2(parts["special"]), f.SpecialTotal))
	}
	for _, n := range t.Negatives {
		if n.ContentCode != "" && byCode[n.ContentCode].Level != 3 {
			add("负面清单", n.Code, "扣分内容“"+n.ContentCode+"”不是本体系的测评内容")
		}
	}
	return ps
}

func round2(f float64) float64 { return float64(int64(f*100+0.5)) / 100 }
