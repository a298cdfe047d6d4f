package cases_test

import (
	"bytes"
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"wenming/internal/cases"
	"wenming/internal/store"
	"wenming/internal/store/storetest"
)

// TestExportNamesEveryColumn: the workbook a spreadsheet opens holds each
// case of the filter, newest first, with its units (co-handlers too), and
// nothing of another unit's cases for a unit.
func TestExportNamesEveryColumn(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
		w := newWorld(t, db)
		staff := w.as("staff")
		w.at(time.September, 7, 10, 0)
		first := w.snap("first", w.facility)
		_, err := w.cases.Dispatch(w.ctx, staff, first.ID, cases.DispatchInput{UnitID: &w.unitA, CoUnitIDs: []int64{w.unitB}})
		w.must(err)
		w.at(time.September, 8, 10, 0)
		second := w.snap("second", w.garbage)
		_, err = w.cases.Dispatch(w.ctx, staff, second.ID, cases.DispatchInput{UnitID: &w.unitB})
		w.must(err)

		var book *excelize.File
		read := func(f cases.Filter, as string) [][]string {
			var b bytes.Buffer
			w.must(w.cases.Export(w.ctx, w.as(as), f, &b))
			var err error
			book, err = excelize.OpenReader(&b)
			w.must(err)
			rows, err := book.GetRows("案件")
			w.must(err)
			return rows
		}
		rows := read(cases.Filter{View: "pool"}, "staff")
		if len(rows) != 3 || rows[0][0] != "案件编号" || rows[0][12] != "协办单位" {
			t.Fatalf("rows %q", rows)
		}
		got := fmt.Sprint(rows[1][0], rows[1][11], rows[2][0], rows[2][11], rows[2][12], rows[2][3], rows[2][15], rows[2][16], rows[2][8], rows[2][22])
		want := fmt.Sprint(second.Code, "县市场监管局", first.Code, "县住建局", "县市场监管局", "待签收", "2026-09-07 10:00", "2026-09-07 10:00", "35.6934", "0")
		if got != want {
			t.Errorf("exported %s, want %s", got, want)
		}
		// The times sort and filter as dates, the coordinates and counts add up
		// as numbers: none of them is text, and no time is missing a cell.
		for _, cell := range []string{"P3", "Q3", "I3", "J3", "W3"} {
			raw, _ := book.GetCellValue("案件", cell, excelize.Options{RawCellValue: true})
			if typ, _ := book.GetCellType("案件", cell); typ != excelize.CellTypeUnset && typ != excelize.CellTypeNumber || raw == "" {
				t.Errorf("%s holds %q as %v, not a number", cell, raw, typ)
			}
		}
		if style, _ := book.GetCellStyle("案件", "P3"); style == 0 {
			t.Error("the report time has no date format")
		}
		if v, _ := book.GetCellValue("案件", "U3"); v != "" {
			t.Errorf("an open case's closing time reads %q", v)
		}
		if panes, _ := book.GetPanes("案件"); !panes.Freeze || panes.YSplit != 1 {
			t.Errorf("the header does not stay in view: %+v", panes)
		}
		// A download cut off midway fails the export; it does not hang.
		if err := w.cases.Export(w.ctx, staff, cases.Filter{View: "pool"}, brokenPipe{}); err == nil {
			t.Error("an export into a broken connection reported success")
		}
		// Unit A's liaison exports its inbox: its own case only.
		if rows := read(cases.Filter{View: "inbox"}, "a_liaison"); len(rows) != 2 || rows[1][0] != first.Code {
			t.Errorf("unit A's export: %q", rows)
		}
	})
}

type brokenPipe struct{}

func (brokenPipe) Write([]byte) (int, error) { return 0, errors.New("broken pipe") }
