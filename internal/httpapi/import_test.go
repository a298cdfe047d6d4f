package httpapi_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"wenming/internal/domain"
	"wenming/internal/store"
	"wenming/internal/store/storetest"
)

// workbook builds an .xlsx with one sheet of rows (the first row is the header).
func workbook(t *testing.T, sheet string, rows [][]any) []byte {
	t.Helper()
	f := excelize.NewFile()
	f.SetSheetName("Sheet1", sheet)
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow(sheet, cell, &r); err != nil {
			t.Fatal(err)
		}
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

var peopleHeader = []any{"*用户名", "*姓名", "手机号", "*所属单位", "*角色", "数据范围", "范围区划代码", "初始密码"}

func TestPeopleImportIsAllOrNothing(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
		f := newFixture(t, db)
		c := f.login("a_staff")
		good1 := []any{"imp_one", "导入甲", "13800002222", "甲单位", "督查员", "本单位", "", "Import-Pass-2026"}
		good2 := []any{"imp_two", "导入乙", 13800003333, "甲单位下属所", "网格员、单位联络员", "", "", "Import-Pass-2026"}
		bad := []any{"imp_bad", "导入丙", "13800004444", "不存在的单位", "督查员", "本单位", "", "Import-Pass-2026"}
		before := countRows(t, db)

		res := c.upload("/api/v1/people/import", "人员.xlsx", workbook(t, "人员", [][]any{peopleHeader, good1, bad, good2})).want(422)
		e := res.apiError()
		if e.Error.Code != "import_invalid" || len(e.Error.Details) != 1 {
			t.Fatalf("got %s", res.body)
		}
		want := domain.ImportProblem{Sheet: "人员", Row: 3, Column: "D"}
		got := e.Error.Details[0]
		if got.Sheet != want.Sheet || got.Row != want.Row || got.Column != want.Column || !strings.Contains(got.Reason, "不存在的单位") {
			t.Fatalf("problem = %+v, want sheet 人员 row 3 column D naming the unit", got)
		}
		if after := countRows(t, db); after != before {
			t.Fatalf("a refused import changed the database: %s → %s", before, after)
		}

		bad[3] = "甲单位"
		var result struct{ Created, Updated int }
		c.upload("/api/v1/people/import", "人员.xlsx", workbook(t, "人员", [][]any{peopleHeader, good1, bad, good2})).want(200).json(&result)
		if result.Created != 3 || result.Updated != 0 {
			t.Fatalf("result %+v", result)
		}
		// Importing the same file again updates, and never touches passwords.
		good1[1], good1[7] = "导入甲改", ""
		c.upload("/api/v1/people/import", "人员.xlsx", workbook(t, "人员", [][]any{peopleHeader, good1})).want(200).json(&result)
		if result.Created != 0 || result.Updated != 1 {
			t.Fatalf("re-import %+v", result)
		}
		var me domain.Person
		f.anon().do("POST", "/api/v1/auth/login", map[string]string{"username": "imp_two", "password": "Import-Pass-2026"}).want(200).json(&me)
		if !me.MustChange || len(me.Roles) != 2 {
			t.Fatalf("imported person %+v", me)
		}
	})
}

func TestImportRefusesEveryKindOfBadRow(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
		f := newFixture(t, db)
		c := f.login("a_staff")
		rows := [][]any{peopleHeader,
			{"", "无名", "", "甲单位", "督查员", "", "", "Import-Pass-2026"},
			{"imp_x", "", "", "甲单位", "督查员", "", "", "Import-Pass-2026"},
			{"imp_y", "某人", "12", "甲单位", "督查员", "", "", "Import-Pass-2026"},
			{"imp_z", "某人", "", "甲单位", "国王", "", "", "Import-Pass-2026"},
			{"imp_w", "某人", "", "甲单位", "督查员", "宇宙", "", "Import-Pass-2026"},
			{"imp_v", "某人", "", "甲单位", "督查员", "", "", ""},
			{"imp_u", "某人", "", "乙单位", "督查员", "", "", "Import-Pass-2026"},
			{"imp_x2", "某人", "", "甲单位", "督查员", "区划", "999999", "Import-Pass-2026"},
			{"imp_v", "重复", "", "甲单位", "督查员", "", "", "Import-Pass-2026"},
		}
		res := c.upload("/api/v1/people/import", "人员.xlsx", workbook(t, "人员", rows)).want(422)
		got := map[int]string{}
		for _, p := range res.apiError().Error.Details {
			got[p.Row] = p.Column
			if !hasChinese(p.Reason) {
				t.Errorf("row %d: reason %q", p.Row, p.Reason)
			}
		}
		want := map[int]string{2: "A", 3: "B", 4: "C", 5: "E", 6: "F", 7: "H", 8: "D", 9: "G", 10: "A"}
		for row, col := range want {
			if got[row] != col {
				t.Errorf("row %d: column %q, want %q (all: %v)", row, got[row], col, got)
			}
		}
		// A wrong header and a file that is not a workbook are refused too.
		res = c.upload("/api/v1/people/import", "人员.xlsx", workbook(t, "人员", [][]any{{"名字"}, {"x"}})).want(422)
		if d := res.apiError().Error.Details; len(d) == 0 || d[0].Row != 1 {
			t.Errorf("header problem not reported on row 1: %s", res.body)
		}
		res = c.upload("/api/v1/people/import", "人员.xlsx", []byte("this is not a workbook")).want(400)
		if e := res.apiError(); e.Error.Field != "file" {
			t.Errorf("got %s", res.body)
		}
	})
}

func TestUnitAndRegionImportExportRoundTrip(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
		f := newFixture(t, db)
		c := f.login("county_staff")
		regions := [][]any{{"*区划代码", "*名称", "拼音排序键"},
			{"620422100001", "东关社区", ""},
			{"620422100001001", "东关第一网格", ""},
			{"620422102", "河畔镇", "he pan zhen"},
		}
		var result struct{ Created, Updated int }
		c.upload("/api/v1/regions/import", "区划.xlsx", workbook(t, "区划", regions)).want(200).json(&result)
		if result.Created != 3 {
			t.Fatalf("regions %+v", result)
		}
		units := [][]any{{"*单位名称", "*类型", "*分类", "上级单位", "所属区划代码", "拼音排序键"},
			{"东关社区居委会", "社区/村", "B", "河畔镇政府", "620422100001", ""}, // parent comes later
			{"河畔镇政府", "乡镇/街道", "A类", "", "620422102", ""},
		}
		c.upload("/api/v1/units/import", "单位.xlsx", workbook(t, "单位", units)).want(200).json(&result)
		if result.Created != 2 {
			t.Fatalf("units %+v", result)
		}
		// Bad region code in a unit row names column E.
		units = append(units, []any{"某局", "部门单位", "B", "", "620499", ""})
		res := c.upload("/api/v1/units/import", "单位.xlsx", workbook(t, "单位", units)).want(422)
		if d := res.apiError().Error.Details; len(d) != 1 || d[0].Column != "E" || d[0].Row != 4 {
			t.Fatalf("got %s", res.body)
		}
		// Export, then import the export unchanged: everything updates, nothing is created.
		export := c.do("GET", "/api/v1/units/export", nil).want(200)
		if ct := export.header.Get("Content-Type"); !strings.Contains(ct, "spreadsheetml") {
			t.Fatalf("content type %q", ct)
		}
		if cd := export.header.Get("Content-Disposition"); !strings.Contains(cd, "UTF-8''") {
			t.Fatalf("disposition %q", cd)
		}
		c.upload("/api/v1/units/import", "单位.xlsx", export.body).want(200).json(&result)
		if result.Created != 0 || result.Updated < 6 {
			t.Fatalf("round trip %+v", result)
		}
		for _, path := range []string{"/api/v1/regions/template", "/api/v1/units/template", "/api/v1/people/template", "/api/v1/regions/export", "/api/v1/people/export"} {
			res := c.do("GET", path, nil).want(200)
			if _, err := excelize.OpenReader(bytes.NewReader(res.body)); err != nil {
				t.Errorf("%s: not a workbook: %v", path, err)
			}
		}
	})
}
