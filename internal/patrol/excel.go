package patrol

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

const pointSheet = "点位"

// pointColumns is the workbook's layout; the input field each column fills
// names the column in an error. The same list writes the template's
// instructions, so what they say is what the import reads.
var pointColumns = []struct {
	title, field string
	required     bool
	help, values string
}{
	{"编码", "code", false, "点位编码；留空时按本辖区区划代码自动编号。编码在本辖区已存在时更新该点位；各辖区的编码互不相干。", ""},
	{"名称", "name", true, "点位名称。", ""},
	{"类别", "categoryId", true, "点位类别名称：本辖区的类别，或沿用上级辖区的类别（见“点位类别”页面）。", ""},
	{"经度", "lng", true, "数字，如 105.0531。", ""},
	{"纬度", "lat", true, "数字，如 35.6952。", ""},
	{"坐标系", "coords", false, "经纬度所用的坐标系；留空为 WGS-84（GPS）。高德、腾讯地图取的坐标为 GCJ-02。", "WGS-84、GCJ-02"},
	{"地址", "address", false, "详细地址。", ""},
	{"所属区域", "regionId", false, "本辖区内区划的名称或代码（如乡镇、社区）。", ""},
	{"网格", "grid", false, "网格名称。", ""},
	{"责任单位", "unitId", true, "单位全称，只在本辖区内查找；请先导入单位。", ""},
	{"点长", "chiefName", false, "点长姓名。", ""},
	{"点长电话", "chiefPhone", false, "点长手机号。", ""},
	{"状态", "active", false, "留空为启用。", "启用、停用"},
}

const maxImportRows = 20000

// pointRules are the points import's rules, for the instructions.
var pointRules = []string{
	"请先导入区划、单位，并在“点位类别”页面确认点位类别。",
	"点位属于导入者所在的辖区：类别、责任单位、所属区域都只在本辖区内查找，不会匹配到其他区县的同名单位或区划，也不会修改其他辖区的点位。",
	"导入时一次列出文件中的全部问题（工作表、行号、列和原因）；只要有一处问题，整个文件都不会导入，请全部改正后重新上传。",
}

// PointsTemplate writes the import workbook: the instructions, then the
// header (required columns red and marked *) and one grey example row the
// import skips.
func PointsTemplate(w io.Writer) error {
	book := xlsx.New(w)
	defer book.Abandon()
	cols := make([]org.TemplateColumn, len(pointColumns))
	for i, c := range pointColumns {
		cols[i] = org.TemplateColumn{Title: c.title, Required: c.required, Help: c.help, Values: c.values}
	}
	if err := org.WriteInstructions(book, pointSheet, cols, pointRules); err != nil {
		return err
	}
	if err := pointsSheet(book); err != nil {
		return err
	}
	if err := book.Example("", org.ExamplePrefix+"某某农贸市场", "农贸市场", 105.0531, 35.6952, "WGS-84", "某某镇某某街 12 号", "某某镇", "某某社区第 3 网格", "县市场监管局", "张三", "13800001234", "启用"); err != nil {
		return err
	}
	return book.Close()
}

// pointsSheet starts the points' sheet in the import layout.
func pointsSheet(book *xlsx.Writer) error {
	cols := make([]xlsx.Column, len(pointColumns))
	for i, col := range pointColumns {
		title := col.title
		if col.required {
			title = "*" + title
		}
		cols[i] = xlsx.Column{Title: title, Width: 14, Required: col.required}
	}
	cols[1].Width, cols[6].Width = 24, 30 // 名称, 地址
	return book.Sheet(pointSheet, cols...)
}

// ExportPoints writes the filtered points in the import layout, so an
// export edited and imported again updates them.
func (s *Service) ExportPoints(ctx context.Context, actor *domain.Actor, f PointFilter, w io.Writer) (err error) {
	defer domain.Wrap(&err, "patrol.ExportPoints")
	f.Page, f.PageSize = 1, 1000000
	list, _, err := s.Points(ctx, actor, f)
	if err != nil {
		return err
	}
	book := xlsx.New(w)
	defer book.Abandon()
	if err := pointsSheet(book); err != nil {
		return err
	}
	for _, p := range list {
		state := "启用"
		if !p.Active {
			state = "停用"
		}
		// The exported phone is masked: an export must not leak numbers.
		if err := book.Row(p.Code, p.Name, p.CategoryName, p.Lng, p.Lat, "WGS-84", p.Address, p.RegionName, p.Grid, p.UnitName, p.ChiefName, p.ChiefPhone, state); err != nil {
			return err
		}
	}
	return book.Close()
}

// ImportResult counts what an import did.
type ImportResult struct {
	Created int `json:"created"`
	Updated int `json:"updated"`
}

// lookups resolve the names a workbook uses, inside the importer's
// jurisdiction only: two counties both have a 县住建局 and a 东关社区.
type lookups struct {
	jurisdiction int64
	categories   map[string]int64
	units        map[string]int64
	regions      map[string]int64
}

func (s *Service) lookups(ctx context.Context, c *store.Conn, actor *domain.Actor) (lookups, error) {
	l := lookups{categories: map[string]int64{}, units: map[string]int64{}, regions: map[string]int64{}}
	var err error
	if l.jurisdiction, err = HomeJurisdiction(ctx, c, actor); err != nil {
		return l, err
	}
	up, err := lineage(ctx, c, l.jurisdiction)
	if err != nil {
		return l, err
	}
	var code string
	if err := c.Get(ctx, "辖区", `SELECT code FROM regions WHERE id = ?`, []any{l.jurisdiction}, &code); err != nil {
		return l, err
	}
	inLineage, lineageArgs := inList("jurisdiction_id", up)
	// A category of the jurisdiction's own wins over an inherited one of
	// the same name: the inherited are read first, the own last.
	subtree := domain.SubtreePrefix(code) + "%"
	for _, q := range []struct {
		sql  string
		args []any
		m    map[string]int64
	}{
		{`SELECT name, id FROM point_categories WHERE ` + inLineage + ` ORDER BY CASE WHEN jurisdiction_id = ? THEN 1 ELSE 0 END, id`,
			append(lineageArgs, l.jurisdiction), l.categories},
		{`SELECT name, id FROM units WHERE jurisdiction_id = ?`, []any{l.jurisdiction}, l.units},
		{`SELECT name, id FROM regions WHERE code LIKE ? UNION ALL SELECT code, id FROM regions WHERE code LIKE ?`, []any{subtree, subtree}, l.regions},
	} {
		rows, err := c.Query(ctx, q.sql, q.args...)
		if err != nil {
			return l, err
		}
		for rows.Next() {
			var name string
			var id int64
			if err := rows.Scan(&name, &id); err != nil {
				rows.Close()
				return l, err
			}
			q.m[name] = id
		}
		rows.Close()
	}
	return l, nil
}

// ImportPoints reads a workbook of points: rows whose 编码 exists update
// that point, the others are created. Any wrong row stops the whole import.
func (s *Service) ImportPoints(ctx context.Context, actor *domain.Actor, r io.Reader) (_ ImportResult, err error) {
	defer domain.Wrap(&err, "patrol.ImportPoints")
	if err := requireOffice(actor); err != nil {
		return ImportResult{}, err
	}
	rows, err := readPointRows(r)
	if err != nil {
		return ImportResult{}, err
	}
	var res ImportResult
	err = s.db.Write(ctx, func(c *store.Conn) error {
		l, err := s.lookups(ctx, c, actor)
		if err != nil {
			return err
		}
		problems := rows.problems
		for _, r := range rows.rows {
			var rowProblems []domain.ImportProblem
			var created bool
			// A savepoint per row: a row refused by the database (a taken
			// code) must not abort the transaction on PostgreSQL, so the
			// rows after it are still checked and listed.
			err := c.Savepoint(ctx, func() (err error) {
				created, err = importPoint(ctx, c, actor, l, r, &rowProblems)
				return err
			})
			problems = append(problems, rowProblems...)
			if errors.Is(err, errRowListed) {
				continue
			}
			if err != nil {
				p, fatal := problemOf(r.num, err)
				if fatal {
					return err
				}
				problems = append(problems, p)
				continue
			}
			if created {
				res.Created++
			} else {
				res.Updated++
			}
		}
		if len(problems) > 0 {
			return domain.ImportInvalid(problems)
		}
		return audit.Record(ctx, c, actor, audit.Change{Action: "import", Entity: "point", Summary: fmt.Sprintf("导入点位：新增 %d，更新 %d", res.Created, res.Updated)})
	})
	return res, err
}

// pointRow is one data row: its 1-based number in the sheet and its cells.
type pointRowCells struct {
	num   int
	cells []string
}

// pointRows are a workbook's data rows and the problems found reading it
// (a row with a control character is listed and left out).
type pointRows struct {
	rows     []pointRowCells
	problems []domain.ImportProblem
}

// readPointRows reads the data sheet: the one named 点位, else the first
// that is not the instructions. Blank rows and the template's example row
// are skipped.
func readPointRows(r io.Reader) (pointRows, error) {
	var out pointRows
	x, err := excelize.OpenReader(r, org.ReadOptions())
	if err != nil {
		return out, domain.Invalid("file", "无法读取文件：请上传 Excel 2007 及以上版本的 .xlsx 文件")
	}
	defer x.Close()
	sheet, ok := org.DataSheet(x, pointSheet)
	if !ok {
		return out, domain.Invalid("file", "文件中没有“点位”工作表")
	}
	all, err := x.GetRows(sheet)
	if err != nil || len(all) == 0 {
		return out, domain.Invalid("file", "工作表“"+sheet+"”是空的")
	}
	var header []domain.ImportProblem
	for i, col := range pointColumns {
		got := ""
		if i < len(all[0]) {
			got = org.HeaderTitle(all[0][i])
		}
		if got != col.title {
			header = append(header, domain.ImportProblem{Sheet: sheet, Row: 1, Column: colName(i), Reason: "表头应为“" + col.title + "”，实际为“" + got + "”，请使用导入模板"})
		}
	}
	if len(header) > 0 {
		return out, domain.ImportInvalid(header)
	}
	for i, cells := range all[1:] {
		if strings.TrimSpace(strings.Join(cells, "")) == "" || org.IsExampleRow(cells) {
			continue
		}
		if len(out.rows) == maxImportRows {
			return out, domain.Invalid("file", fmt.Sprintf("一次最多导入 %d 个点位", maxImportRows))
		}
		bad := false
		for j, c := range cells {
			if domain.HasControl(c) {
				out.problems = append(out.problems, domain.ImportProblem{Sheet: pointSheet, Row: i + 2, Column: colName(j), Reason: "单元格含有控制字符，请删除后重新上传"})
				bad = true
			}
		}
		if !bad {
			out.rows = append(out.rows, pointRowCells{num: i + 2, cells: cells})
		}
	}
	if len(out.rows) == 0 && len(out.problems) == 0 {
		return out, domain.Invalid("file", "工作表“"+sheet+"”没有数据行（示例行不会导入）")
	}
	return out, nil
}

// errRowListed is a row whose problems are already listed.
var errRowListed = errors.New("patrol: row problems listed")

func colName(i int) string {
	name, _ := excelize.ColumnNumberToName(i + 1)
	return name
}

// problemOf turns a row's domain error into a problem naming its column;
// other errors stop the import.
func problemOf(row int, err error) (domain.ImportProblem, bool) {
	de, ok := domain.AsError(err)
	if !ok || (de.Code != domain.CodeInvalid && de.Code != domain.CodeConflict) {
		return domain.ImportProblem{}, true
	}
	col := ""
	for i, c := range pointColumns {
		if c.field == de.Field {
			col = colName(i)
		}
	}
	return domain.ImportProblem{Sheet: pointSheet, Row: row, Column: col, Reason: de.Message}, false
}

func importPoint(ctx context.Context, c *store.Conn, actor *domain.Actor, l lookups, r pointRowCells, problems *[]domain.ImportProblem) (bool, error) {
	cell := func(i int) string {
		if i < len(r.cells) {
			return strings.TrimSpace(r.cells[i])
		}
		return ""
	}
	in, list := pointRow(cell, l)
	if len(list) > 0 {
		for _, err := range list {
			p, fatal := problemOf(r.num, err)
			if fatal {
				return false, err
			}
			*problems = append(*problems, p)
		}
		return false, errRowListed
	}
	if in.Code != "" {
		// Codes are the jurisdiction's own: another county's point with
		// the same code is a different point, never renamed or moved.
		before, err := getPoint(ctx, c, `p.code = ? AND p.jurisdiction_id = ?`, in.Code, l.jurisdiction)
		if err == nil {
			if err := governs(actor, &before); err != nil {
				return false, err
			}
			_, err = updatePoint(ctx, c, actor, before, in)
			return false, err
		}
		if de, ok := domain.AsError(err); !ok || de.Code != domain.CodeNotFound {
			return false, err
		}
	}
	_, err := createPoint(ctx, c, actor, in)
	return true, err
}

// pointRow reads a row's cells into an input, listing every cell's
// problem rather than the first.
func pointRow(cell func(int) string, l lookups) (PointInput, []error) {
	in := PointInput{Code: cell(0), Name: cell(1), Address: cell(6), Grid: cell(8), ChiefName: cell(10), ChiefPhone: cell(11)}
	var errs []error
	fail := func(field, msg string) { errs = append(errs, domain.Invalid(field, msg)) }
	if in.Name == "" {
		fail("name", "名称不能为空")
	}
	var ok bool
	if in.CategoryID, ok = l.categories[cell(2)]; !ok {
		fail("categoryId", "点位类别“"+cell(2)+"”在本辖区不存在")
	}
	var err error
	if in.Lng, err = strconv.ParseFloat(cell(3), 64); err != nil {
		fail("lng", "经度应为数字，如 105.0531")
	}
	if in.Lat, err = strconv.ParseFloat(cell(4), 64); err != nil {
		fail("lat", "纬度应为数字，如 35.6952")
	}
	switch strings.ToUpper(strings.ReplaceAll(cell(5), "-", "")) {
	case "", "WGS84":
		in.Coords = "wgs84"
	case "GCJ02":
		in.Coords = "gcj02"
	default:
		fail("coords", "坐标系只能是 WGS-84 或 GCJ-02")
	}
	if name := cell(7); name != "" {
		if id, ok := l.regions[name]; ok {
			in.RegionID = &id
		} else {
			fail("regionId", "区域“"+name+"”不在本辖区内")
		}
	}
	if in.UnitID, ok = l.units[cell(9)]; !ok {
		fail("unitId", "责任单位“"+cell(9)+"”在本辖区内不存在")
	}
	switch cell(12) {
	case "", "启用":
		t := true
		in.Active = &t
	case "停用":
		f := false
		in.Active = &f
	default:
		fail("active", "状态只能是启用或停用")
	}
	return in, errs
}
