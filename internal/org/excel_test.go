package org

import (
	"bytes"
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
