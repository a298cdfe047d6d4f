package xlsx

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/xuri/excelize/v2"

	"wenming/internal/domain"
)

// TestWorkbookReadsBack: what is written is what a spreadsheet reads, in
// Chinese, with numbers as numbers, times as dates in Beijing time,
// empty cells, escaped and cleaned text, and a bold frozen header.
func TestWorkbookReadsBack(t *testing.T) {
	var b bytes.Buffer
	w := New(&b)
	if err := w.Sheet("案件", Col("案件编号", 18), Col("纬度", 0), Col("描述", 40), Col("次数", 0), Col("上报时间", 16), Col("空", 0)); err != nil {
		t.Fatal(err)
	}
	code, lat := "SP20261124-0001", 35.6934
	reported := time.Date(2026, 11, 24, 1, 5, 0, 0, time.UTC) // 09:05 in Beijing
	var none *float64
	var never *time.Time
	rows := [][]any{
		{&code, &lat, `垃圾<堆积> & "污水"` + "\x01\x1f", 3, reported, none},
		{"第二行", 105.05, "", int64(7), never, nil},
		{"全角，（标点）：保留", "坏\xff字节\ufffe去掉", true, uint8(2), time.Time{}, math.NaN()},
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
	want := [][]string{
		{"案件编号", "纬度", "描述", "次数", "上报时间", "空"},
		{"SP20261124-0001", "35.6934", `垃圾<堆积> & "污水"`, "3", "2026-11-24 09:05"},
		{"第二行", "105.05", "", "7"},
		{"全角，（标点）：保留", "坏字节去掉", "是", "2"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("rows (-want +got):\n%s", diff)
	}
	for _, cell := range []string{"B2", "D2", "E2", "D4"} {
		if typ, _ := book.GetCellType("案件", cell); typ != excelize.CellTypeUnset && typ != excelize.CellTypeNumber {
			t.Errorf("%s is stored as %v, not a number", cell, typ)
		}
	}
	raw, _ := book.GetCellValue("案件", "E2", excelize.Options{RawCellValue: true})
	if wall, _ := excelize.ExcelDateToTime(mustFloat(t, raw), false); !wall.Equal(time.Date(2026, 11, 24, 9, 5, 0, 0, time.UTC)) {
		t.Errorf("the report time is stored as %s (%s), not Beijing's 09:05", raw, wall)
	}
	style, _ := book.GetCellStyle("案件", "A1")
	if s, _ := book.GetStyle(style); s == nil || s.Font == nil || !s.Font.Bold {
		t.Errorf("the header is not bold: %+v", s)
	}
	if panes, _ := book.GetPanes("案件"); !panes.Freeze || panes.YSplit != 1 {
		t.Errorf("the header is not frozen: %+v", panes)
	}
	if width, _ := book.GetColWidth("案件", "C"); width != 40 {
		t.Errorf("the description column is %v wide", width)
	}
}

// TestSheetsOneAfterAnother: a workbook of several sheets keeps their
// order and names; a sheet without columns has no header and nothing
// frozen; bold rows and times to the second read back.
func TestSheetsOneAfterAnother(t *testing.T) {
	var b bytes.Buffer
	w := New(&b)
	if err := w.Notes("说明", 100, "导入说明", "1. 带 * 的列必填。"); err != nil {
		t.Fatal(err)
	}
	if err := w.Sheet("A类单位", Widths(6, 24)...); err != nil {
		t.Fatal(err)
	}
	w.Bold("2026年10月排名通报")
	w.Row()
	w.Bold("名次", "单位", "得分", "按期办结率")
	w.Row(1, "县住建局", 96.5, Percent(0.953))
	if err := w.Sheet("审计日志", Columns(20, "时间（北京时间）", "操作")...); err != nil {
		t.Fatal(err)
	}
	w.Row(Seconds(time.Date(2026, 3, 2, 8, 30, 15, 0, domain.Beijing)), "登录")
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	book, err := excelize.OpenReader(&b)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"说明", "A类单位", "审计日志"}, book.GetSheetList()); diff != "" {
		t.Errorf("sheets (-want +got):\n%s", diff)
	}
	got := map[string][][]string{}
	for _, name := range book.GetSheetList() {
		got[name], _ = book.GetRows(name)
	}
	want := map[string][][]string{
		"说明":   {{"导入说明"}, {"1. 带 * 的列必填。"}},
		"A类单位": {{"2026年10月排名通报"}, nil, {"名次", "单位", "得分", "按期办结率"}, {"1", "县住建局", "96.5", "95.3%"}},
		"审计日志": {{"时间（北京时间）", "操作"}, {"2026-03-02 08:30:15", "登录"}},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("rows (-want +got):\n%s", diff)
	}
	if raw, _ := book.GetCellValue("A类单位", "D4", excelize.Options{RawCellValue: true}); raw != "0.953" {
		t.Errorf("a percentage is stored as %q, not the number 0.953", raw)
	}
	if panes, _ := book.GetPanes("A类单位"); panes.Freeze {
		t.Errorf("a sheet without a header froze rows: %+v", panes)
	}
	style, _ := book.GetCellStyle("A类单位", "A3")
	if s, _ := book.GetStyle(style); s == nil || s.Font == nil || !s.Font.Bold {
		t.Errorf("a bold row is not bold: %+v", s)
	}
	if width, _ := book.GetColWidth("A类单位", "B"); width != 24 {
		t.Errorf("the ranking's unit column is %v wide", width)
	}
	if width, _ := book.GetColWidth("审计日志", "B"); width != 20 {
		t.Errorf("the audit's columns are %v wide", width)
	}
}

// TestLongTextFitsACell: text longer than a cell holds is cut to what a
// spreadsheet accepts, not refused by it.
func TestLongTextFitsACell(t *testing.T) {
	var b bytes.Buffer
	w := New(&b)
	w.Sheet("审计日志")
	long := strings.Repeat("改", 40000)
	w.Row(long)
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	book, err := excelize.OpenReader(&b)
	if err != nil {
		t.Fatal(err)
	}
	if v, _ := book.GetCellValue("审计日志", "A1"); v != long[:3*maxCellText] {
		t.Errorf("a long text kept %d characters", len([]rune(v)))
	}
	if fit("😀😀") != "😀😀" || len(fit(strings.Repeat("😀", 20000))) != 4*(maxCellText/2) {
		t.Error("text beyond the basic plane is not counted in UTF-16 units")
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
	w := New(io.Discard)
	if err := w.Row("案件编号"); err == nil {
		t.Error("a row went in before any sheet")
	}
	w.Sheet("案件")
	w.Row("案件编号")
	w.Sheet("第二页")
	w.Abandon() // returns: the goroutine has ended
	w.Abandon()
	if err := w.Row("x"); err == nil {
		t.Error("a row went into an abandoned workbook")
	}

	w = New(failing{})
	err := w.Sheet("案件")
	for i := 0; i < 100_000 && err == nil; i++ {
		err = w.Row(fmt.Sprintf("第 %d 行", i), i)
	}
	if err == nil {
		err = w.Close()
	}
	if err == nil {
		t.Error("a failing destination went unnoticed")
	}
}

func mustFloat(t *testing.T, s string) float64 {
	t.Helper()
	var f float64
	if _, err := fmt.Sscan(s, &f); err != nil {
		t.Fatalf("%q is not a number: %v", s, err)
	}
	return f
}

type failing struct{}

func (failing) Write(p []byte) (int, error) { return 0, errors.New("disk full") }
