package patrol_test

import (
	"bytes"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"wenming/internal/domain"
	"wenming/internal/org"
	"wenming/internal/patrol"
	"wenming/internal/store"
	"wenming/internal/store/storetest"
)

// servedPoints is the points template as the product serves it, with rows
// typed in below its example row.
func servedPoints(t *testing.T, rows ...[]any) *bytes.Reader {
	t.Helper()
	var b bytes.Buffer
	if err := patrol.PointsTemplate(&b); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&b)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := f.GetSheetList(); len(got) != 2 || got[0] != org.InstructionsSheet || got[1] != "点位" {
		t.Fatalf("template sheets %q", got)
	}
	head, _ := f.GetRows("点位")
	if len(head) != 2 || head[0][1] != "*名称" || head[0][0] != "编码" || !org.IsExampleRow(head[1]) {
		t.Fatalf("template data sheet %q, want a marked header and an example row", head)
	}
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+3)
		f.SetSheetRow("点位", cell, &r)
	}
	var out bytes.Buffer
	f.Write(&out)
	return bytes.NewReader(out.Bytes())
}

// 靖远县's office imports points with the served template: its example row
// is skipped; every problem of the file comes at once (two in one row,
// others in other rows) and nothing is imported; a unit or a region only
// 会宁县 has is a problem naming the row. A code 会宁县 also uses makes
// 靖远县's own point; 会宁县's point is unchanged.
func TestPointsImportListsEveryProblemInTheCounty(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
		w := newTwoCounties(t, db)
		row := func(code, name, lng, region, unit string) []any {
			return []any{code, name, "主次干道", lng, "35.70", "WGS-84", "东关街", region, "", unit, "", "", "启用"}
		}
		_, err := w.patrol.ImportPoints(w.ctx, w.B.Staff, servedPoints(t,
			row("JY-101", "乌兰路口", "104.68", "东关社区", "县住建局"),
			row("JY-102", "", "东经", "东关社区", "县住建局"),             // two problems
			row("JY-103", "会师路口", "104.68", "东关社区", "会师镇"),      // a unit only 会宁县 has
			row("JY-104", "会师街", "104.68", "620422100", "县住建局"), // 会宁县's town
		))
		de, ok := domain.AsError(err)
		if !ok || de.Code != domain.CodeImportInvalid {
			t.Fatalf("want the file's problems, got %v", err)
		}
		var got []string
		for _, p := range de.Details {
			got = append(got, strconv.Itoa(p.Row)+" "+p.Column+" "+p.Reason)
		}
		for _, want := range [][3]string{{"4", "B", "名称"}, {"4", "D", "经度"}, {"5", "J", "会师镇"}, {"6", "H", "620422100"}} {
			if !slices.ContainsFunc(got, func(p string) bool {
				return strings.HasPrefix(p, want[0]+" "+want[1]+" ") && strings.Contains(p, want[2])
			}) {
				t.Errorf("no problem %q in %q", want, got)
			}
		}
		if len(got) != 4 {
			t.Errorf("%d problems, want 4: %q", len(got), got)
		}
		list, _, _ := w.patrol.Points(w.ctx, w.B.Staff, patrol.PointFilter{Q: "JY-101", Page: 1, PageSize: 10})
		if len(list) != 0 {
			t.Error("a file with problems imported its good row")
		}

		res, err := w.patrol.ImportPoints(w.ctx, w.B.Staff, servedPoints(t, row("JY-101", "乌兰路口", "104.68", "东关社区", "县住建局"),
			row(w.pointA.Code, "靖远的同号点位", "104.68", "东关社区", "县住建局")))
		if err != nil || res.Created != 2 {
			t.Fatalf("import: %+v %v", res, err)
		}
		all, _, _ := w.patrol.Points(w.ctx, w.B.Staff, patrol.PointFilter{Page: 1, PageSize: 100})
		for _, p := range all {
			if strings.HasPrefix(p.Name, "示例") {
				t.Errorf("the example row was imported: %+v", p)
			}
			if p.Code == w.pointA.Code && p.Name != "靖远的同号点位" {
				t.Errorf("靖远县's point coded %s: %+v", p.Code, p)
			}
			if p.Code == "JY-101" && (p.UnitID != w.B.Dept || p.RegionID == nil || *p.RegionID != w.B.Community) {
				t.Errorf("JY-101 in unit %d region %v, want 靖远县's %d and %d", p.UnitID, p.RegionID, w.B.Dept, w.B.Community)
			}
		}
		a, err := w.patrol.Point(w.ctx, w.A.Staff, w.pointA.ID)
		if err != nil || a.Name != "会宁人民路" || a.UnitID != w.A.Dept {
			t.Errorf("会宁县's point after 靖远县's import: %s of unit %d (%v)", a.Name, a.UnitID, err)
		}
	})
}
