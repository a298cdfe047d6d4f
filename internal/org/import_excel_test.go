package org_test

import (
	"bytes"
	"encoding/json"
	"io"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"wenming/internal/domain"
	"wenming/internal/org"
	"wenming/internal/store"
	"wenming/internal/store/storetest"
	"wenming/internal/testcity"
)

// filled is a template as the product serves it, with rows typed in below
// its example row, as an office would fill it.
func filled(t *testing.T, template func(io.Writer) error, rows ...[]any) *bytes.Reader {
	t.Helper()
	var b bytes.Buffer
	if err := template(&b); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&b)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sheet := f.GetSheetList()[1] // after 填写说明
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+3)
		if err := f.SetSheetRow(sheet, cell, &r); err != nil {
			t.Fatal(err)
		}
	}
	var out bytes.Buffer
	if err := f.Write(&out); err != nil {
		t.Fatal(err)
	}
	return bytes.NewReader(out.Bytes())
}

// problemsOf returns an import's problems as "row column: reason" lines.
func problemsOf(t *testing.T, err error) []string {
	t.Helper()
	de, ok := domain.AsError(err)
	if !ok || de.Code != domain.CodeImportInvalid {
		t.Fatalf("want a list of problems, got %v", err)
	}
	var out []string
	for _, p := range de.Details {
		out = append(out, strings.Join([]string{itoa(p.Row), p.Column, p.Reason}, " "))
	}
	return out
}

func itoa(i int) string { b, _ := json.Marshal(i); return string(b) }

// has tells whether some problem is in the row and column and says want.
func has(problems []string, row, col, want string) bool {
	return slices.ContainsFunc(problems, func(p string) bool {
		return strings.HasPrefix(p, row+" "+col+" ") && strings.Contains(p, want)
	})
}

// snapshot is what county A holds: its units and its people, to prove an
// import in county B changed nothing there.
func snapshot(t *testing.T, c *testcity.City) string {
	t.Helper()
	units, _, err := c.Org.Units(t.Context(), c.A.Staff, org.UnitFilter{Page: 1, Size: 1000})
	if err != nil {
		t.Fatal(err)
	}
	people, _, err := c.Org.People(t.Context(), c.A.Staff, org.PeopleFilter{Page: 1, Size: 1000})
	if err != nil {
		t.Fatal(err)
	}
	regions, err := c.Org.Regions(t.Context(), c.A.Staff, "")
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for _, u := range units {
		b.WriteString(strings.Join([]string{u.Name, u.Kind, u.Class, u.ParentName, u.RegionCode, u.SortKey}, "|") + "\n")
	}
	for _, p := range people {
		b.WriteString(strings.Join([]string{p.Username, p.RealName, p.UnitName, string(p.Scope.Kind), p.Scope.RegionCode}, "|") + "\n")
	}
	for _, r := range regions {
		if strings.HasPrefix(r.Code, "620422") {
			b.WriteString(r.Code + "|" + r.Name + "\n")
		}
	}
	return b.String()
}

// 靖远县's office imports the product's templates: the example row is
// never imported; every problem of a file comes at once, several in one
// row and in different rows, and nothing of the file is imported; names
// and codes resolve in 靖远县 only — its own 县住建局, never 会宁县's; a
// code or a unit only 会宁县 has is a problem naming the row, and 会宁县 is
// unchanged.
func TestImportInTheImportersJurisdiction(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
		c := testcity.New(t, db)
		ctx := t.Context()
		b := c.B.Staff
		before := snapshot(t, c)

		t.Run("regions", func(t *testing.T) {
			_, err := c.Org.ImportRegions(ctx, b, filled(t, org.RegionTemplate,
				[]any{"620421101", "北湾镇", ""},
				[]any{"620422101", "河畔镇", ""},    // 会宁县's code
				[]any{"620422100", "改名的会师镇", ""}, // 会宁县's town
				[]any{"620421101", "重复", ""},
			))
			p := problemsOf(t, err)
			if !has(p, "4", "A", "620422101") || !has(p, "5", "A", "620422100") || !has(p, "6", "A", "重复") || len(p) != 3 {
				t.Errorf("problems %q", p)
			}
			res, err := c.Org.ImportRegions(ctx, b, filled(t, org.RegionTemplate, []any{"620421101", "北湾镇", ""}))
			if err != nil || res.Created != 1 {
				t.Fatalf("the good row alone: %+v %v", res, err)
			}
		})

		t.Run("units", func(t *testing.T) {
			_, err := c.Org.ImportUnits(ctx, b, filled(t, org.UnitTemplate,
				[]any{"县教育局", "部门单位", "A", "", "620421", ""},
				[]any{"县卫健局", "局", "C", "", "620421", ""},        // two problems in one row
				[]any{"河畔镇人民政府", "乡镇/街道", "B", "", "620422", ""}, // 会宁县's code
				[]any{"会师镇社区", "社区/村", "B", "会师镇", "620421", ""}, // a unit only 会宁县 has
				[]any{"县文明办", "部门单位", "A", "", "620499", ""},     // no such region
			))
			p := problemsOf(t, err)
			for _, want := range [][3]string{{"4", "B", "类型“局”无效"}, {"4", "C", "分类“C”无效"}, {"5", "E", "不在您的辖区内"}, {"6", "D", "上级单位“会师镇”"}, {"7", "E", "不存在"}} {
				if !has(p, want[0], want[1], want[2]) {
					t.Errorf("no problem %q in %q", want, p)
				}
			}
			if len(p) != 5 {
				t.Errorf("%d problems, want 5: %q", len(p), p)
			}
			if list, _, _ := c.Org.Units(ctx, b, org.UnitFilter{Q: "县教育局", Page: 1, Size: 10}); len(list) != 0 {
				t.Error("a file with problems imported its good row")
			}
			// 县住建局 is 靖远县's own: the row updates it, not 会宁县's.
			res, err := c.Org.ImportUnits(ctx, b, filled(t, org.UnitTemplate,
				[]any{"县教育局", "部门单位", "A", "", "620421", ""},
				[]any{"县住建局", "部门单位", "B", "", "620421", ""},
				[]any{"北湾镇人民政府", "乡镇/街道", "B", "", "620421101", ""},
			))
			if err != nil || res.Created != 2 || res.Updated != 1 {
				t.Fatalf("import: %+v %v", res, err)
			}
			dept, err := c.Org.Unit(ctx, b, c.B.Dept)
			if err != nil || dept.Class != "B" {
				t.Errorf("靖远县's 县住建局 is class %q (%v), want B", dept.Class, err)
			}
			if list, _, _ := c.Org.Units(ctx, c.Admin, org.UnitFilter{Q: "示例", Page: 1, Size: 10}); len(list) != 0 {
				t.Errorf("the example row was imported: %+v", list)
			}
		})

		t.Run("people", func(t *testing.T) {
			_, err := c.Org.ImportPeople(ctx, b, filled(t, org.PeopleTemplate,
				[]any{"jy_new", "新同事", "", "县住建局", "单位联络员", "", "", testcity.Password},
				[]any{"jy_hui", "跨县", "", "会师镇", "单位联络员", "", "", testcity.Password},                // a unit only 会宁县 has
				[]any{"jy_scope", "跨县范围", "", "县文明办", "创城办工作人员", "区划", "620422", testcity.Password}, // 会宁县's code
				[]any{"a_liaison", "改名", "", "县住建局", "单位联络员", "", "", ""},                           // 会宁县's account
				[]any{"jy_bad", "", "", "县住建局", "厨师", "某处", "", testcity.Password},                  // three problems in one row
			))
			p := problemsOf(t, err)
			for _, want := range [][3]string{{"4", "D", "“会师镇”在您的辖区内不存在"}, {"5", "G", "不在您的辖区内"}, {"6", "A", "无权修改"}, {"7", "B", "姓名"}, {"7", "E", "角色“厨师”"}, {"7", "F", "数据范围“某处”"}} {
				if !has(p, want[0], want[1], want[2]) {
					t.Errorf("no problem %q in %q", want, p)
				}
			}
			if len(p) != 6 {
				t.Errorf("%d problems, want 6: %q", len(p), p)
			}
			res, err := c.Org.ImportPeople(ctx, b, filled(t, org.PeopleTemplate,
				[]any{"jy_new", "新同事", "", "县住建局", "单位联络员", "", "", testcity.Password}))
			if err != nil || res.Created != 1 {
				t.Fatalf("import: %+v %v", res, err)
			}
			list, _, err := c.Org.People(ctx, b, org.PeopleFilter{Q: "jy_new", Page: 1, Size: 10})
			if err != nil || len(list) != 1 || list[0].UnitID != c.B.Dept {
				t.Errorf("jy_new: %+v %v, want in 靖远县's 县住建局 %d", list, err, c.B.Dept)
			}
			if list, _, _ := c.Org.People(ctx, c.Admin, org.PeopleFilter{Q: "example_user", Page: 1, Size: 10}); len(list) != 0 {
				t.Error("the example row was imported")
			}
		})

		if after := snapshot(t, c); after != before {
			t.Errorf("会宁县 changed:\n%s\nwant\n%s", after, before)
		}
	})
}

// The example row is skipped whatever the user left in it: edited to look
// real but still starting with 示例：, it is not imported, and a template
// with nothing but its example has no rows.
func TestTemplateExampleIsNeverImported(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
		c := testcity.New(t, db)
		ctx := t.Context()
		var b bytes.Buffer
		if err := org.UnitTemplate(&b); err != nil {
			t.Fatal(err)
		}
		if _, err := c.Org.ImportUnits(ctx, c.B.Staff, bytes.NewReader(b.Bytes())); err == nil || !strings.Contains(err.Error(), "没有数据行") {
			t.Errorf("the bare template imports as %v", err)
		}
		f, _ := excelize.OpenReader(bytes.NewReader(b.Bytes()))
		f.SetSheetRow("单位", "A2", &[]any{"示例：县体育局", "部门单位", "A", "", "620421", ""})
		f.SetSheetRow("单位", "A3", &[]any{"县体育局", "部门单位", "A", "", "620421", ""})
		var out bytes.Buffer
		f.Write(&out)
		res, err := c.Org.ImportUnits(ctx, c.B.Staff, &out)
		if err != nil || res.Created != 1 {
			t.Fatalf("import: %+v %v", res, err)
		}
		if list, _, _ := c.Org.Units(ctx, c.Admin, org.UnitFilter{Q: "示例", Page: 1, Size: 10}); len(list) != 0 {
			t.Errorf("the example row was imported: %+v", list)
		}
	})
}
