package xlsx

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestWorkbookReadsBack: what is written is what a spreadsheet reads, in
// Chinese, with numbers as numbers, empty cells, escaped and cleaned text.
func TestWorkbookReadsBack(t *testing.T) {
	var b bytes.Buffer
	w, err := New(&b, "案件")
	if err != nil {
		t.Fatal(err)
	}
	code, lat := "SP20261124-0001", 35.6934
	var none *float64
	rows := [][]any{
		{"案件编号", "纬度", "描述", "次数", "空"},
		{&code, &lat, `垃圾<堆积> & "污水"` + "\x01\x1f", 3, none},
		{"第二行", 105.05, "", int64(7), nil},
		{"全角，（标点）：保留", "坏\xff字节\ufffe去掉"},
	}
	for _, r := range rows {
		if err := w.Row(r...); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	book, err := excelize.OpenReader(&b)
	if err != nil {
		t.Fatalf("a spreadsheet cannot open it: %v", err)
	}
	got, err := book.GetRows("案件")
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{{"案件编号", "纬度", "描述", "次数", "空"}, {"SP20261124-0001", "35.6934", `垃圾<堆积> & "污水"`, "3"}, {"第二行", "105.05", "", "7"}, {"全角，（标点）：保留", "坏字节去掉"}}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("rows\n%q\nwant\n%q", got, want)
	}
	if typ, _ := book.GetCellType("案件", "B2"); typ != excelize.CellTypeUnset && typ != excelize.CellTypeNumber {
		t.Errorf("latitude is stored as %v, not a number", typ)
	}
	style, _ := book.GetCellStyle("案件", "A1")
	if s, _ := book.GetStyle(style); s == nil || s.Font == nil || !s.Font.Bold {
		t.Errorf("the header is not bold: %+v", s)
	}
	if panes, _ := book.GetPanes("案件"); !panes.Freeze || panes.YSplit != 1 {
		t.Errorf("the header is not frozen: %+v", panes)
	}
}

func TestColumnNames(t *testing.T) {
	for i, want := range map[int]string{0: "A", 25: "Z", 26: "AA", 51: "AZ", 52: "BA", 701: "ZZ", 702: "AAA"} {
		if got := column(i); got != want {
			t.Errorf("column %d = %s, want %s", i, got, want)
		}
	}
}

// TestAbandonedAndFailedWorkbooks: a workbook given up on ends its
// compressing, and a destination that fails makes the writer fail.
func TestAbandonedAndFailedWorkbooks(t *testing.T) {
	w, err := New(io.Discard, "案件")
	if err != nil {
		t.Fatal(err)
	}
	w.Row("案件编号")
	w.Abandon() // returns: the goroutine has ended
	w.Abandon()

	w, err = New(failing{}, "案件")
	if err == nil {
		for i := 0; i < 100_000 && err == nil; i++ {
			err = w.Row(fmt.Sprintf("第 %d 行", i), i)
		}
		if err == nil {
			err = w.Close()
		}
	}
	if err == nil {
		t.Error("a failing destination went unnoticed")
	}
}

type failing struct{}

func (failing) Write(p []byte) (int, error) { return 0, errors.New("disk full") }
