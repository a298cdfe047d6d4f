package org

import (
	"bytes"
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

	b.Reset()
	if err := UnitTemplate(&b); err != nil {
		t.Fatal(err)
	}
	book, err = excelize.OpenReader(bytes.NewReader(b.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	if got := book.GetSheetList(); len(got) != 2 || got[0] != "单位" || got[1] != "说明" {
		t.Fatalf("template sheets %q", got)
	}
	notes, _ := book.GetRows("说明")
	if len(notes) != len(unitSheet.notes) || notes[0][0] != "单位导入说明" {
		t.Errorf("template notes %q", notes)
	}
	if _, _, err := readSheet(bytes.NewReader(b.Bytes()), unitSheet); err == nil || !strings.Contains(err.Error(), "没有数据行") {
		t.Errorf("an empty template reads as %v, not as a sheet without rows", err)
	}
}
