package org

import (
	"bytes"
	"io"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"wenming/internal/domain"
)

func peopleWorkbook(rows ...[]any) []byte {
	f := excelize.NewFile()
	f.SetSheetName("Sheet1", "人员")
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		f.SetSheetRow("人员", cell, &r)
	}
	var buf bytes.Buffer
	f.Write(&buf)
	return buf.Bytes()
}

// FuzzReadSheet: whatever bytes arrive, reading a workbook never panics and
// either yields rows or a Chinese error for the user.
func FuzzReadSheet(f *testing.F) {
	header := []any{"*用户名", "*姓名", "手机号", "*所属单位", "*角色", "数据范围", "范围区划代码", "初始密码"}
	f.Add(peopleWorkbook(header, []any{"zhang", "张三", "13800000000", "县住建局", "督查员", "", "", "Good-Pass-2026"}))
	f.Add(peopleWorkbook(header))
	f.Add([]byte("PK\x03\x04 not really a zip"))
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, data []byte) {
		rows, _, err := readSheet(bytes.NewReader(data), peopleSheet)
		if err != nil {
			if _, ok := domain.AsError(err); !ok {
				t.Fatalf("non-domain error: %v", err)
			}
			return
		}
		if len(rows) == 0 {
			t.Fatal("no error and no rows")
		}
	})
}

func TestSplitList(t *testing.T) {
	got := splitList("督查员、网格员,单位联络员；领导（只读）")
	if len(got) != 4 || got[3] != "领导（只读）" {
		t.Fatalf("got %q", got)
	}
}

// TestExportImportsBack: a workbook the office downloads, an export or a
// template, is read by the import as it was written: the same header and
// cells (a code that looks like a number stays text), the notes beside
// the template's sheet.
func TestExportImportsBack(t *testing.T) {
	var b bytes.Buffer
	err := exportSheet(&b, unitSheet, func(add func(...any) error) error {
		if err := add("县住建局", "部门单位", "A", "", "620422", ""); err != nil {
			return err
		}
		return add("会师镇人民政府", "乡镇/街道", "B", "县住建局", "620422100", "hsz")
	})
	if err != nil {
		t.Fatal(err)
	}
	rows, _, err := readSheet(bytes.NewReader(b.Bytes()), unitSheet)
	if err != nil {
		t.Fatalf("the export does not import: %v", err)
	}
	if len(rows) != 2 || rows[1].num != 3 || rows[1].cell(0) != "会师镇人民政府" || rows[1].cell(3) != "县住建局" || rows[1].cell(4) != "620422100" {
		t.Errorf("read back %+v", rows)
	}
	book, err := excelize.OpenReader(bytes.NewReader(b.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	if typ, _ := book.GetCellType("单位", "E2"); typ != excelize.CellTypeInlineString {
		t.Errorf("the region code is stored as %v, not text", typ)
	}

}

// TestTemplatesExplainThemselves: every template starts with 填写说明,
// which lists each column, whether it is required and the values it
// takes from the domain's own lists; its data sheet marks required
// columns with * in red and carries one grey example row, which the
// import skips, so the bare template has no data rows.
func TestTemplatesExplainThemselves(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		template func(io.Writer) error
		spec     sheetSpec
		values   []string
	}{
		{RegionTemplate, regionSheet, nil},
		{UnitTemplate, unitSheet, []string{Names(domain.UnitKinds), "A 或 B"}},
		{PeopleTemplate, peopleSheet, []string{Names(domain.Roles), Names(domain.ScopeKinds)}},
	} {
		t.Run(tc.spec.name, func(t *testing.T) {
			t.Parallel()
			var b bytes.Buffer
			if err := tc.template(&b); err != nil {
				t.Fatal(err)
			}
			book, err := excelize.OpenReader(bytes.NewReader(b.Bytes()))
			if err != nil {
				t.Fatal(err)
			}
			if got := book.GetSheetList(); len(got) != 2 || got[0] != InstructionsSheet || got[1] != tc.spec.name {
				t.Fatalf("template sheets %q", got)
			}
			notes, _ := book.GetRows(InstructionsSheet)
			text := ""
			for _, r := range notes {
				text += strings.Join(r, "\t") + "\n"
			}
			for _, c := range tc.spec.cols {
				need := "选填"
				if c.required {
					need = "必填"
				}
				if !strings.Contains(text, c.title+"\t"+need) {
					t.Errorf("the instructions do not say %s is %s:\n%s", c.title, need, text)
				}
			}
			for _, v := range tc.values {
				if !strings.Contains(text, v) {
					t.Errorf("the instructions do not list %q", v)
				}
			}
			rows, _ := book.GetRows(tc.spec.name)
			if len(rows) != 2 || !IsExampleRow(rows[1]) {
				t.Fatalf("data sheet %q, want the header and one example", rows)
			}
			for i, c := range tc.spec.cols {
				cell, _ := excelize.CoordinatesToCellName(i+1, 1)
				id, _ := book.GetCellStyle(tc.spec.name, cell)
				style, _ := book.GetStyle(id)
				red := style != nil && style.Font != nil && strings.HasSuffix(strings.ToUpper(style.Font.Color), "C00000")
				if red != c.required || strings.HasPrefix(rows[0][i], "*") != c.required {
					t.Errorf("header %q: red %v, want required %v", rows[0][i], red, c.required)
				}
			}
			if _, _, err := readSheet(bytes.NewReader(b.Bytes()), tc.spec); err == nil || !strings.Contains(err.Error(), "没有数据行") {
				t.Errorf("the bare template reads as %v, not as a sheet without rows", err)
			}
		})
	}
}

// The header's required mark may be before or after the title, or left
// out; a renamed data sheet is found beside the instructions.
func TestHeaderMarksAndRenamedSheet(t *testing.T) {
	f := excelize.NewFile()
	f.SetSheetName("Sheet1", InstructionsSheet)
	f.NewSheet("我的单位")
	f.SetSheetRow("我的单位", "A1", &[]any{"单位名称*", "类型", "*分类", "上级单位", "所属区划代码", "拼音排序键"})
	f.SetSheetRow("我的单位", "A2", &[]any{"县住建局", "部门单位", "A"})
	var b bytes.Buffer
	f.Write(&b)
	rows, _, err := readSheet(&b, unitSheet)
	if err != nil || len(rows) != 1 || rows[0].cell(0) != "县住建局" {
		t.Fatalf("rows %+v, %v", rows, err)
	}
}
