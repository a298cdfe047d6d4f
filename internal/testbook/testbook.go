// Package testbook writes the workbooks tests upload: files as a person
// makes them in a spreadsheet program, sheets of plain rows, through
// excelize rather than the project's own writer.
package testbook

import (
	"bytes"
	"testing"

	"github.com/xuri/excelize/v2"
)

// Sheets writes the named sheets, in order, each from its rows.
func Sheets(t testing.TB, order []string, rows map[string][][]any) *bytes.Reader {
	t.Helper()
	x := excelize.NewFile()
	defer x.Close()
	for i, name := range order {
		if i == 0 {
			x.SetSheetName("Sheet1", name)
		} else if _, err := x.NewSheet(name); err != nil {
			t.Fatal(err)
		}
		for r, row := range rows[name] {
			cell, _ := excelize.CoordinatesToCellName(1, r+1)
			if err := x.SetSheetRow(name, cell, &row); err != nil {
				t.Fatal(err)
			}
		}
	}
	var buf bytes.Buffer
	if err := x.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return bytes.NewReader(buf.Bytes())
}
