package org

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"wenming/internal/domain"
	"wenming/internal/store"
	"wenming/internal/store/storetest"
)

// Defect 7: rows are streamed and reading stops once there are more than
// maxImportRows data rows; blank rows do not count.
func TestReadSheetStopsAfterMaxRows(t *testing.T) {
	book := func(n int) []byte {
		f := excelize.NewFile()
		f.SetSheetName("Sheet1", "人员")
		sw, err := f.NewStreamWriter("人员")
		if err != nil {
			t.Fatal(err)
		}
		header := make([]any, len(peopleSheet.headers))
		for i, h := range peopleSheet.headers {
			header[i] = h
		}
		sw.SetRow("A1", header)
		row := 2
		for i := range n {
			cell, _ := excelize.CoordinatesToCellName(1, row)
			sw.SetRow(cell, []any{"u" + strings.Repeat("x", i%5), "某人"})
			row += 1 + i%2 // leave gaps: blank rows are skipped
		}
		sw.Flush()
		var buf bytes.Buffer
		f.Write(&buf)
		return buf.Bytes()
	}
	rows, _, err := readSheet(bytes.NewReader(book(maxImportRows)), peopleSheet)
	if err != nil || len(rows) != maxImportRows {
		t.Fatalf("%d rows: %d, %v", maxImportRows, len(rows), err)
	}
	if rows[1].num != 3 || rows[2].num != 5 {
		t.Fatalf("row numbers must follow the sheet: data rows at %d, %d, want 3, 5", rows[1].num, rows[2].num)
	}
	_, _, err = readSheet(bytes.NewReader(book(maxImportRows+1)), peopleSheet)
	if e, ok := domain.AsError(err); !ok || e.Field != "file" || !strings.Contains(e.Message, "一次最多导入") {
		t.Fatalf("one row too many: %v", err)
	}
}

// Defect 9: the list services refuse control characters in their search
// text, whoever calls them.
func TestListsRefuseControlCharactersInQ(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		s := NewService(db)
		ctx := context.Background()
		actor := domain.System("测试", domain.RoleSysAdmin)
		check := func(what string, err error) {
			t.Helper()
			if e, ok := domain.AsError(err); !ok || e.Code != domain.CodeInvalid || e.Field != "q" {
				t.Errorf("%s: %v", what, err)
			}
		}
		_, _, err := s.People(ctx, actor, PeopleFilter{Q: "a\x00b", Page: 1, Size: 20})
		check("people", err)
		_, _, err = s.Units(ctx, actor, UnitFilter{Q: "\x00", Page: 1, Size: 20})
		check("units", err)
		_, err = s.Regions(ctx, actor, "\x07")
		check("regions", err)
		if _, _, err := s.People(ctx, actor, PeopleFilter{Q: "张\t三", Page: 1, Size: 20}); err != nil {
			t.Errorf("a tab is text: %v", err)
		}
	})
}
