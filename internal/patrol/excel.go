package patrol

import (
	"context"
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
// names the column in an error.
var pointColumns = []struct{ title, field string }{
	{"编码", "code"}, {"名称", "name"}, {"类别", "categoryId"}, {"经度", "lng"}, {"纬度", "lat"}, {"坐标系", "coords"},
	{"地址", "address"}, {"所属区域", "regionId"}, {"网格", "grid"}, {"责任单位", "unitId"}, {"点长", "chiefName"},
	{"点长电话", "chiefPhone"}, {"状态", "active"},
}

const maxImportRows = 20000

// PointsTemplate writes an empty workbook with the header and one example.
func PointsTemplate(w io.Writer) error {
	book := xlsx.New(w)
	defer book.Abandon()
	if err := pointsSheet(book); err != nil {
		return err
	}
	if err := book.Row("NM-001", "东关农贸市场", "农贸市场", 105.0531, 35.6952, "WGS-84", "会师镇东关街 12 号", "会师镇", "东关社区第 3 网格", "县市场监管局", "张三", "13800001234", "启用"); err != nil {
		return err
	}
	return book.Close()
}

// pointsSheet starts the points' sheet in the import layout.
func pointsSheet(book *xlsx.Writer) error {
	cols := make([]xlsx.Column, len(pointColumns))
	for i, col := range pointColumns {
		cols[i] = xlsx.Col(col.title, 14)
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
		var problems []domain.ImportProblem
		for i, cells := range rows {
			created, err := importPoint(ctx, c, actor, l, cells)
			if err != nil {
				p, fatal := problemOf(i+2, err)
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

func readPointRows(r io.Reader) ([][]string, error) {
	x, err := excelize.OpenReader(r, org.ReadOptions())
	if err != nil {
		return nil, domain.Invalid("file", "无法读取文件：请上传 Excel 2007 及以上版本的 .xlsx 文件")
	}
	defer x.Close()
	sheet := pointSheet
	if idx, _ := x.GetSheetIndex(sheet); idx < 0 {
		sheet = x.GetSheetName(0)
	}
	all, err := x.GetRows(sheet)
	if err != nil || len(all) == 0 {
		return nil, domain.Invalid("file", "文件中没有“点位”工作表")
	}
	for i, col := range pointColumns {
		if i >= len(all[0]) || strings.TrimSpace(all[0][i]) != col.title {
			return nil, domain.ImportInvalid([]domain.ImportProblem{{Sheet: pointSheet, Row: 1, Column: colName(i), Reason: "表头应为“" + col.title + "”，请使用导入模板"}})
		}
	}
	var out [][]string
	for _, cells := range all[1:] {
		if strings.TrimSpace(strings.Join(cells, "")) == "" {
			continue
		}
		out = append(out, cells)
	}
	if len(out) > maxImportRows {
		return nil, domain.Invalid("file", fmt.Sprintf("一次最多导入 %d 个点位", maxImportRows))
	}
	return out, nil
}

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

func importPoint(ctx context.Context, c *store.Conn, actor *domain.Actor, l lookups, cells []string) (bool, error) {
	cell := func(i int) string {
		if i < len(cells) {
			return strings.TrimSpace(cells[i])
		}
		return ""
	}
	in, err := pointRow(cell, l)
	if err != nil {
		return false, err
	}
	if in.Code != "" {
		before, err := getPoint(ctx, c, `p.code = ?`, in.Code)
		if err == nil && before.JurisdictionID != l.jurisdiction {
			// Never rename or move another jurisdiction's point.
			return false, domain.Conflict("code", "点位编码“"+in.Code+"”已被其他辖区的点位使用")
		}
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
	_, err = createPoint(ctx, c, actor, in)
	return true, err
}

func pointRow(cell func(int) string, l lookups) (PointInput, error) {
	in := PointInput{Code: cell(0), Name: cell(1), Address: cell(6), Grid: cell(8), ChiefName: cell(10), ChiefPhone: cell(11)}
	var ok bool
	if in.CategoryID, ok = l.categories[cell(2)]; !ok {
		return in, domain.Invalid("categoryId", "点位类别“"+cell(2)+"”不存在")
	}
	var err error
	if in.Lng, err = strconv.ParseFloat(cell(3), 64); err != nil {
		return in, domain.Invalid("lng", "经度应为数字，如 105.0531")
	}
	if in.Lat, err = strconv.ParseFloat(cell(4), 64); err != nil {
		return in, domain.Invalid("lat", "纬度应为数字，如 35.6952")
	}
	switch strings.ToUpper(strings.ReplaceAll(cell(5), "-", "")) {
	case "", "WGS84":
		in.Coords = "wgs84"
	case "GCJ02":
		in.Coords = "gcj02"
	default:
		return in, domain.Invalid("coords", "坐标系只能是 WGS-84 或 GCJ-02")
	}
	if name := cell(7); name != "" {
		id, ok := l.regions[name]
		if !ok {
			return in, domain.Invalid("regionId", "区域“"+name+"”不存在")
		}
		in.RegionID = &id
	}
	if in.UnitID, ok = l.units[cell(9)]; !ok {
		return in, domain.Invalid("unitId", "责任单位“"+cell(9)+"”不存在")
	}
	switch cell(12) {
	case "", "启用":
		t := true
		in.Active = &t
	case "停用":
		f := false
		in.Active = &f
	default:
		return in, domain.Invalid("active", "状态只能是启用或停用")
	}
	return in, nil
}
