package submission

import (
	"bytes"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/xuri/excelize/v2"

	"wenming/internal/domain"
)

// TestMatrixWorkbook: the office's download of the matrix has a row per
// standard and a column per unit, each unit's state where it has one and
// the material rate as a percentage a spreadsheet can compute with.
func TestMatrixWorkbook(t *testing.T) {
	rate := 0.75
	m := Matrix{
		Standards: []MatrixRow{{ID: 11, Code: "1.1.1.1", Text: "建立创建工作机制", MaterialRate: &rate}, {ID: 12, Code: "1.1.1.2", Text: "公益广告覆盖"}},
		Units:     []domain.UnitRef{{ID: 1, Name: "县住建局"}, {ID: 2, Name: "会师镇"}},
		Cells:     []Cell{{StandardID: 11, UnitID: 2, State: "approved"}, {StandardID: 12, UnitID: 1, State: "late"}, {StandardID: 99, UnitID: 1, State: "draft"}},
	}
	var b bytes.Buffer
	if err := writeMatrix(&b, m); err != nil {
		t.Fatal(err)
	}
	book, err := excelize.OpenReader(&b)
	if err != nil {
		t.Fatal(err)
	}
	rows, _ := book.GetRows("完成情况")
	want := [][]string{
		{"标准编码", "测评标准", "材料得分率", "县住建局", "会师镇"},
		{"1.1.1.1", "建立创建工作机制", "75.0%", "", "已通过"},
		{"1.1.1.2", "公益广告覆盖", "无数据", "逾期"},
	}
	if diff := cmp.Diff(want, rows); diff != "" {
		t.Errorf("rows (-want +got):\n%s", diff)
	}
	if raw, _ := book.GetCellValue("完成情况", "C2", excelize.Options{RawCellValue: true}); raw != "0.75" {
		t.Errorf("the material rate is stored as %q, not a number", raw)
	}
}
