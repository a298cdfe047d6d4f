package org

import (
	"fmt"
	"io"
	"strings"

	"github.com/xuri/excelize/v2"

	"wenming/internal/domain"
	"wenming/internal/xlsx"
)

// maxImportRows bounds one workbook so a mistaken upload cannot tie up the
// single writer for long.
const maxImportRows = 20000

// ImportResult counts what an import did.
type ImportResult struct {
	Created int `json:"created"`
	Updated int `json:"updated"`
}

// sheetSpec describes one importable sheet: its name, its columns in order
// and which column each input field is read from, so a service error naming
// a field can be pinned to a cell.
type sheetSpec struct {
	name     string
	headers  []string
	fieldCol map[string]int // JSON field name → 0-based column
	fallback int            // column for errors that name no field
	notes    []string       // lines for the template's 说明 sheet
}

// row is one data row: its 1-based number in the sheet and its cells.
type row struct {
	num   int
	cells []string
}

func (r row) cell(i int) string {
	if i < len(r.cells) {
		return strings.TrimSpace(r.cells[i])
	}
	return ""
}

// tally counts a row that was applied, or records the row's own error;
// any other error is returned so the import stops and rolls back.
func (res *ImportResult) tally(p *problems, r row, created bool, err error) error {
	switch {
	case err != nil && p.addErr(r.num, err):
		return nil
	case err != nil:
		return err
	case created:
		res.Created++
	default:
		res.Updated++
	}
	return nil
}

// problems collects the errors of one import.
type problems struct {
	spec sheetSpec
	list []domain.ImportProblem
}

func colName(i int) string {
	name, _ := excelize.ColumnNumberToName(i + 1)
	return name
}

func (p *problems) add(r int, col int, reason string) {
	p.list = append(p.list, domain.ImportProblem{Sheet: p.spec.name, Row: r, Column: colName(col), Reason: reason})
}

// addErr records a service error for a row, mapping its field to a column.
// It reports false for errors that are not the row's fault (the import must
// then stop with that error).
func (p *problems) addErr(r int, err error) bool {
	de, ok := domain.AsError(err)
	if !ok || de.Code == domain.CodeInternal {
		return false
	}
	col, ok := p.spec.fieldCol[de.Field]
	if !ok {
		col = p.spec.fallback
	}
	p.add(r, col, de.Message)
	return true
}

func (p *problems) err() error {
	if len(p.list) == 0 {
		return nil
	}
	return domain.ImportInvalid(p.list)
}

// Limits on reading an uploaded workbook. The upload itself is at most
// 10 MB, but a zip expands: excelize's default allows 16 GB, so a small
// "zip bomb" could fill memory or disk.
const (
	maxUnzipSize    = 64 << 20 // every part of the workbook, unzipped
	maxUnzipXMLSize = 16 << 20 // a worksheet held in memory; larger ones stream from a temporary file
)

// ReadOptions are the options for opening an uploaded workbook: raw cell
// values, and bounded unzipping.
func ReadOptions() excelize.Options {
	return excelize.Options{RawCellValue: true, UnzipSizeLimit: maxUnzipSize, UnzipXMLSizeLimit: maxUnzipXMLSize}
}

// readSheet opens a workbook and returns the data rows of the spec's sheet
// (the first sheet when none has its name), after checking the header row.
// Rows are streamed, and reading stops as soon as there are too many.
func readSheet(r io.Reader, spec sheetSpec) ([]row, *problems, error) {
	p := &problems{spec: spec}
	f, err := excelize.OpenReader(r, ReadOptions())
	if err != nil {
		return nil, nil, domain.Invalid("file", "无法读取文件：请上传 Excel 2007 及以上版本的 .xlsx 文件，且解压后不超过 64 MB")
	}
	defer f.Close()
	sheet := spec.name
	if idx, _ := f.GetSheetIndex(sheet); idx < 0 {
		sheets := f.GetSheetList()
		if len(sheets) == 0 {
			return nil, nil, domain.Invalid("file", "文件中没有工作表")
		}
		sheet = sheets[0]
		p.spec.name = sheet
	}
	unreadable := domain.Invalid("file", "无法读取工作表“"+sheet+"”")
	it, err := f.Rows(sheet)
	if err != nil {
		return nil, nil, unreadable
	}
	defer it.Close()
	checkHeader := func(cells []string) error {
		for i, h := range spec.headers {
			got := ""
			if i < len(cells) {
				got = strings.TrimSpace(strings.TrimPrefix(cells[i], "*"))
			}
			if got != strings.TrimPrefix(h, "*") {
				p.add(1, i, fmt.Sprintf("表头应为“%s”，实际为“%s”，请使用下载的模板", strings.TrimPrefix(h, "*"), got))
			}
		}
		return p.err()
	}
	var rows []row
	var header []string
	num := 0
	for it.Next() {
		num++
		cells, err := it.Columns(ReadOptions())
		if err != nil {
			return nil, nil, unreadable
		}
		if num == 1 {
			header = cells
			if !blank(header) {
				if err := checkHeader(header); err != nil {
					return nil, nil, err
				}
			}
			continue
		}
		if blank(cells) {
			continue
		}
		if blank(header) {
			// Data under an empty first row: the header is missing.
			return nil, nil, checkHeader(header)
		}
		if len(rows) == maxImportRows {
			return nil, nil, domain.Invalid("file", fmt.Sprintf("一次最多导入 %d 行，请分批导入", maxImportRows))
		}
		for i, c := range cells {
			if domain.HasControl(c) {
				p.add(num, i, "单元格含有控制字符，请删除后重新上传")
			}
		}
		rows = append(rows, row{num: num, cells: cells})
	}
	if it.Error() != nil {
		return nil, nil, unreadable
	}
	if blank(header) {
		return nil, nil, domain.Invalid("file", "工作表“"+sheet+"”是空的")
	}
	if len(rows) == 0 {
		return nil, nil, domain.Invalid("file", "工作表“"+sheet+"”没有数据行")
	}
	if err := p.err(); err != nil {
		return nil, nil, err
	}
	return rows, p, nil
}

func blank(cells []string) bool {
	for _, c := range cells {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

// exportSheet streams rows into a workbook in the spec's import layout, so
// an export can be edited and imported back.
func exportSheet(out io.Writer, spec sheetSpec, fill func(add func(cells ...any) error) error) error {
	book := xlsx.New(out)
	defer book.Abandon()
	if err := book.Sheet(spec.name, xlsx.Columns(18, spec.headers...)...); err != nil {
		return err
	}
	if err := fill(book.Row); err != nil {
		return err
	}
	return book.Close()
}

// writeTemplate writes the spec's empty sheet and a 说明 sheet of its notes.
func writeTemplate(out io.Writer, spec sheetSpec) error {
	book := xlsx.New(out)
	defer book.Abandon()
	if err := book.Sheet(spec.name, xlsx.Columns(18, spec.headers...)...); err != nil {
		return err
	}
	if err := book.Notes("说明", 100, spec.notes...); err != nil {
		return err
	}
	return book.Close()
}

// splitList splits "a、b,c；d" into its parts.
func splitList(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool {
		return strings.ContainsRune("、,，;； /|", r)
	})
}
