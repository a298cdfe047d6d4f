package framework

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"wenming/internal/audit"
	"wenming/internal/domain"
	"wenming/internal/org"
	"wenming/internal/store"
	"wenming/internal/xlsx"
)

// The workbook: one sheet per kind of row, linked by codes.
var (
	headSheet     = "框架"
	nodeSheet     = "指标"
	standardSheet = "测评标准"
	negSheet      = "负面清单"
	headCols      = []string{"键", "值"}
	nodeCols      = []string{"编码", "层级", "名称", "部分", "分值", "计分方式"}
	standardCols  = []string{"标准编码", "测评内容编码", "标准内容", "测评方法", "数据指标", "比较符", "目标值", "目标值2", "计量单位", "牵头单位", "责任单位", "适用点位类别"}
	negCols       = []string{"编码", "事项", "处理方式", "扣分", "扣分内容编码"}
	levelNames    = []string{"", "测评项目", "测评指标", "测评内容"}
	notes         = []string{
		"测评体系导入说明",
		"1. 一个工作簿就是一个测评体系版本，包含“框架”“指标”“测评标准”“负面清单”四个工作表，彼此以编码关联。",
		"2. 框架：名称；类型（主体系 或 未成年人）；基本指标总分（如 100）；特色指标总分（如 20）；门槛分与权重（未成年人体系，如 85 与 0.2）。",
		"3. 指标：编码用点分隔（1、1.2、1.2.3），层级依次为 测评项目、测评指标、测评内容。部分（基本/特色）写在测评项目行。测评内容须填分值；测评项目和测评指标的分值可不填，填了就必须等于下级合计。计分方式：得分率（默认）或 等级。",
		"4. 测评标准：标准编码为测评内容编码加“.序号”。测评方法可多选，以“、”分隔：实地考察、材料审核、问卷调查、网上调查、听取汇报、综合观察、数据统计。有数据指标时填写 比较符（≥ ≤ = 区间）、目标值（区间时再填目标值2）和计量单位。",
		"5. 牵头单位、责任单位填写单位全称，以“、”分隔；可用“各乡镇”“县直各部门”代表全部乡镇或全部县直部门。适用点位类别以“、”分隔。",
		"6. 负面清单：处理方式为 扣分（须填扣分）或 一票否决；扣分内容编码留空表示从总分中扣除。",
		"7. 基本指标合计须等于基本指标总分，特色指标合计须等于特色指标总分。任何一处有错，整个文件都不会导入。",
		"8. 导入后生成一个草稿版本；与已有体系同名时成为该体系的新版本。",
	}
)

// maxRows bounds each sheet of a framework workbook.
const maxRows = 5000

// Template writes the empty workbook with its instructions.
func Template(w io.Writer) error {
	return writeWorkbook(w, Tree{Framework: domain.Framework{Kind: "main", BasicTotal: 100, SpecialTotal: 20}}, nil, true)
}

// Export writes a version in the import layout.
func (s *Service) Export(ctx context.Context, actor *domain.Actor, id int64, w io.Writer) (err error) {
	defer domain.Wrap(&err, "framework.Export %d", id)
	t, err := s.Tree(ctx, actor, id)
	if err != nil {
		return err
	}
	return writeWorkbook(w, t, nil, false)
}

func writeWorkbook(w io.Writer, t Tree, _ any, template bool) error {
	f := t.Framework
	head := [][]any{{"名称", f.Name}, {"类型", map[string]string{"main": "主体系", "minors": "未成年人"}[f.Kind]},
		{"基本指标总分", f.BasicTotal}, {"特色指标总分", f.SpecialTotal}}
	if f.GateScore != nil {
		head = append(head, []any{"门槛分", *f.GateScore})
	}
	if f.Weight != nil {
		head = append(head, []any{"权重", *f.Weight})
	}
	if template {
		head = [][]any{{"名称", ""}, {"类型", "主体系"}, {"基本指标总分", 100}, {"特色指标总分", 20}}
	}
	var nodes, standards, negs [][]any
	for _, n := range t.Nodes {
		part, mode, weight := "", "", any(n.Weight)
		if n.Level == 1 {
			part = map[string]string{"basic": "基本", "special": "特色"}[n.Part]
		}
		if n.Level == 3 {
			mode = map[string]string{"rate": "得分率", "grade": "等级"}[n.ScoreMode]
		}
		nodes = append(nodes, []any{n.Code, levelNames[n.Level], n.Name, part, weight, mode})
	}
	for _, s := range t.Standards {
		methods := make([]string, len(s.Methods))
		for i, m := range s.Methods {
			methods[i] = domain.MethodName(m)
		}
		standards = append(standards, []any{s.Code, domain.ParentCode(s.Code), s.Text, strings.Join(methods, "、"), s.Metric,
			domain.ComparatorSymbol(s.Comparator), numCell(s.Threshold), numCell(s.Threshold2), s.MeasureUnit,
			unitNames(s.LeadUnits), unitNames(s.ResponsibleUnits), strings.Join(s.Categories, "、")})
	}
	for _, n := range t.Negatives {
		effect := map[string]string{"deduct": "扣分", "veto": "一票否决"}[n.Effect]
		negs = append(negs, []any{n.Code, n.Text, effect, numCell(n.Points), n.ContentCode})
	}
	book := xlsx.New(w)
	defer book.Abandon()
	if err := book.Notes("说明", 120, notes...); err != nil {
		return err
	}
	for _, sh := range []struct {
		name string
		cols []string
		rows [][]any
	}{{headSheet, headCols, head}, {nodeSheet, nodeCols, nodes}, {standardSheet, standardCols, standards}, {negSheet, negCols, negs}} {
		if err := book.Sheet(sh.name, xlsx.Columns(16, sh.cols...)...); err != nil {
			return err
		}
		for _, r := range sh.rows {
			if err := book.Row(r...); err != nil {
				return err
			}
		}
	}
	return book.Close()
}

func numCell(f *float64) any {
	if f == nil {
		return ""
	}
	return *f
}

func unitNames(refs []domain.UnitRef) string {
	names := make([]string, len(refs))
	for i, r := range refs {
		names[i] = r.Name
	}
	return strings.Join(names, "、")
}

// Import reads a workbook into a new draft version: all of it or none.
func (s *Service) Import(ctx context.Context, actor *domain.Actor, file io.Reader) (_ domain.Framework, err error) {
	defer domain.Wrap(&err, "framework.Import")
	if err := requireEditor(actor); err != nil {
		return domain.Framework{}, err
	}
	own, err := s.home(ctx, actor)
	if err != nil {
		return domain.Framework{}, err
	}
	dir, err := s.org.Directory(ctx)
	if err != nil {
		return domain.Framework{}, err
	}
	t, err := parseWorkbook(file, s.newUnitResolver(ctx, actor, own.ID, dir))
	if err != nil {
		return domain.Framework{}, err
	}
	t.Framework.JurisdictionID = &own.ID
	var f domain.Framework
	err = s.db.Write(ctx, func(c *store.Conn) error {
		// A name makes a new version of the importing office's own
		// framework only: a county never adds versions to another's.
		var family int64
		err := c.Get(ctx, "测评体系", `SELECT COALESCE(family_id, id) FROM frameworks WHERE name = ? AND kind = ? AND jurisdiction_id = ? ORDER BY version DESC LIMIT 1`,
			[]any{t.Framework.Name, t.Framework.Kind, own.ID}, &family)
		switch {
		case err == nil:
			t.Framework.FamilyID = family
			if t.Framework.Version, err = c.Count(ctx, `SELECT MAX(version) + 1 FROM frameworks WHERE COALESCE(family_id, id) = ?`, family); err != nil {
				return err
			}
		case errors.Is(err, domain.ErrNotFound):
			t.Framework.Version = 1
		default:
			return err
		}
		id, err := t.insert(ctx, c)
		if err != nil {
			return err
		}
		if f, err = owned(ctx, c, id); err != nil {
			return err
		}
		c2 := f.Counts
		return audit.Record(ctx, c, actor, audit.Change{Action: "import", Entity: "framework", EntityID: id,
			Summary: fmt.Sprintf("导入测评体系“%s” v%d：%d 个测评内容、%d 条标准、%d 项负面清单", f.Name, f.Version, c2.Contents, c2.Standards, c2.Negatives)})
	})
	return f, err
}

// unitResolver turns unit names and group tokens into unit references,
// inside the importing office's jurisdiction: names are unique only
// there (both counties have a 县住建局), so a name is looked up there
// first and, failing that, by org in the jurisdictions the importer reads
// (a city's import may name a county's unit when only one has it), never
// in another county.
type unitResolver struct {
	byName map[string]domain.UnitRef
	groups map[string][]domain.UnitRef
	other  func(name string) (domain.UnitRef, bool)
}

func (s *Service) newUnitResolver(ctx context.Context, actor *domain.Actor, jurisdiction int64, dir map[int64]domain.Unit) *unitResolver {
	r := &unitResolver{byName: map[string]domain.UnitRef{}, groups: map[string][]domain.UnitRef{}}
	r.other = func(name string) (domain.UnitRef, bool) {
		id, err := s.org.UnitID(ctx, actor, name)
		if err != nil {
			return domain.UnitRef{}, false
		}
		return domain.UnitRef{ID: id, Name: name}, true
	}
	for _, u := range dir {
		if u.JurisdictionID == nil || *u.JurisdictionID != jurisdiction {
			continue
		}
		ref := domain.UnitRef{ID: u.ID, Name: u.Name}
		r.byName[u.Name] = ref
		switch u.Kind {
		case "township":
			r.groups["各乡镇"] = append(r.groups["各乡镇"], ref)
		case "department":
			r.groups["县直各部门"] = append(r.groups["县直各部门"], ref)
		}
	}
	return r
}

func (r *unitResolver) resolve(cell string) ([]domain.UnitRef, error) {
	out := []domain.UnitRef{}
	for _, name := range splitCell(cell) {
		if g, ok := r.groups[name]; ok {
			out = append(out, g...)
			continue
		}
		ref, ok := r.byName[name]
		if !ok && r.other != nil {
			ref, ok = r.other(name)
		}
		if !ok {
			return nil, fmt.Errorf("单位“%s”不在本辖区内", name)
		}
		out = append(out, ref)
	}
	return out, nil
}

func splitCell(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return strings.ContainsRune("、,，;；\n", r) })
}

// parseWorkbook reads and checks the four sheets, naming every bad cell.
func parseWorkbook(file io.Reader, units *unitResolver) (Tree, error) {
	x, err := excelize.OpenReader(file, org.ReadOptions())
	if err != nil {
		return Tree{}, domain.Invalid("file", "无法读取文件：请上传 .xlsx 格式的测评体系工作簿")
	}
	defer x.Close()
	p := &parser{x: x, units: units}
	t := Tree{Nodes: []domain.Node{}, Standards: []domain.Standard{}, Negatives: []domain.Negative{}}
	t.Framework = p.head()
	t.Nodes = p.nodes()
	t.Standards = p.standards(t.Nodes)
	t.Negatives = p.negatives()
	if len(p.problems) == 0 {
		p.checkTree(&t)
	}
	if len(p.problems) > 0 {
		return t, domain.ImportInvalid(p.problems)
	}
	return t, nil
}

type parser struct {
	x        *excelize.File
	units    *unitResolver
	problems []domain.ImportProblem
	rowOf    map[string]map[string]int // sheet → code → row
	weights  map[string]float64        // stated weights of items and indicators
	headRow  map[string]int
}

func (p *parser) add(sheet string, row, col int, reason string) {
	p.problems = append(p.problems, domain.ImportProblem{Sheet: sheet, Row: row, Column: colName(col), Reason: reason})
}

func colName(col int) string {
	if col < 0 {
		return ""
	}
	n, _ := excelize.ColumnNumberToName(col + 1)
	return n
}

// rows returns a sheet's data rows (1-based row numbers) after checking
// its header; a missing sheet is a problem of its own.
func (p *parser) rows(sheet string, cols []string, required bool) map[int][]string {
	all, err := p.x.GetRows(sheet, org.ReadOptions())
	if len(all) > maxRows {
		p.add(sheet, 0, -1, fmt.Sprintf("工作表“%s”超过 %d 行", sheet, maxRows))
		return nil
	}
	if err != nil || len(all) == 0 {
		if required {
			p.add(sheet, 0, -1, "缺少工作表“"+sheet+"”，请使用下载的模板")
		}
		return nil
	}
	for i, c := range cols {
		got := ""
		if i < len(all[0]) {
			got = strings.TrimSpace(all[0][i])
		}
		if got != c {
			p.add(sheet, 1, i, fmt.Sprintf("表头应为“%s”，实际为“%s”", c, got))
		}
	}
	out := map[int][]string{}
	for i, r := range all[1:] {
		blank := true
		for j := range r {
			r[j] = strings.TrimSpace(r[j])
			if r[j] != "" {
				blank = false
			}
		}
		if !blank {
			for len(r) < len(cols) {
				r = append(r, "")
			}
			out[i+2] = r
		}
	}
	return out
}

func (p *parser) remember(sheet, code string, row int) bool {
	if p.rowOf == nil {
		p.rowOf = map[string]map[string]int{}
	}
	if p.rowOf[sheet] == nil {
		p.rowOf[sheet] = map[string]int{}
	}
	if first, dup := p.rowOf[sheet][code]; dup {
		p.add(sheet, row, 0, fmt.Sprintf("编码“%s”与第 %d 行重复", code, first))
		return false
	}
	p.rowOf[sheet][code] = row
	return true
}

func parseNumber(s string) (*float64, error) {
	if s == "" {
		return nil, nil
	}
	f, err := strconv.ParseFloat(strings.TrimSuffix(strings.TrimSpace(s), "%"), 64)
	if err != nil {
		return nil, err
	}
	return &f, nil
}
