package org

import (
	"errors"
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
// a field can be pinned to a cell. The same description writes the
// template's 填写说明 sheet, so what the instructions say is what the
// import reads.
type sheetSpec struct {
	name     string
	cols     []colSpec
	headers  []string       // the titles as written, required ones marked *; see sheet
	fieldCol map[string]int // JSON field name → 0-based column
	fallback int            // column for errors that name no field
	rules    []string       // the import's rules, for the instructions
	example  []any          // the template's example row; one of its cells starts with 示例：
}

// colSpec is one column: its title, whether it must be filled, what it
// means and, where the domain has a list, the values it takes.
type colSpec struct {
	title    string
	required bool
	help     string
	values   string
}

// sheet completes a spec: its headers are the column titles as written,
// a required one marked with *.
func sheet(s sheetSpec) sheetSpec {
	s.headers = make([]string, len(s.cols))
	for i, c := range s.cols {
		s.headers[i] = c.title
		if c.required {
			s.headers[i] = "*" + c.title
		}
	}
	return s
}

// InstructionsSheet is the template's first sheet, which says how to fill
// in the data sheet; an import reads the data sheet and never this one.
const InstructionsSheet = "填写说明"

// ExamplePrefix starts the template's example row. A row with a cell that
// starts with it is an example, skipped by every import whatever else the
// user left in it.
const ExamplePrefix = "示例："

// IsExampleRow tells a template's example row.
func IsExampleRow(cells []string) bool {
	for _, c := range cells {
		c = strings.TrimSpace(c)
		if strings.HasPrefix(c, ExamplePrefix) || strings.HasPrefix(c, "示例:") {
			return true
		}
	}
	return false
}

// DataSheet is the sheet of a workbook an import reads: the one named
// name, else the first that is not the instructions (a user may rename
// the data sheet, or save an export under another name).
func DataSheet(f *excelize.File, name string) (string, bool) {
	if idx, _ := f.GetSheetIndex(name); idx >= 0 {
		return name, true
	}
	for _, s := range f.GetSheetList() {
		if s != InstructionsSheet && s != "说明" {
			return s, true
		}
	}
	return "", false
}

// HeaderTitle is a header cell without its required mark: the templates
// write "*名称", a user may write "名称*" or drop the mark.
func HeaderTitle(cell string) string {
	return strings.TrimSpace(strings.Trim(strings.TrimSpace(cell), "*＊"))
}

// Names lists a domain list's Chinese names as the instructions and
// errors show them: 部门单位、乡镇/街道、…
func Names(list []domain.Named) string {
	names := make([]string, len(list))
	for i, n := range list {
		names[i] = n.Name
	}
	return strings.Join(names, "、")
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

// errReported is a row whose problems are already listed.
var errReported = errors.New("org: row problems listed")

// tally counts a row that was applied, or records the row's own error;
// any other error is returned so the import stops and rolls back.
func (res *ImportResult) tally(p *problems, r row, created bool, err error) error {
	switch {
	case errors.Is(err, errReported):
		return nil
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

// rowCheck collects every problem of one row's cells before the row is
// applied, so a row with a wrong kind and a wrong class is told both.
type rowCheck struct {
	p   *problems
	num int
	bad bool
}

func (p *problems) row(r row) *rowCheck { return &rowCheck{p: p, num: r.num} }

func (rc *rowCheck) add(col int, reason string) {
	rc.p.add(rc.num, col, reason)
	rc.bad = true
}

// addErr records a service error as the row's problem; errors that are not
// the row's fault are returned.
func (rc *rowCheck) addErr(err error) error {
	if err == nil {
		return nil
	}
	if !rc.p.addErr(rc.num, err) {
		return err
	}
	rc.bad = true
	return nil
}

// done is errReported when the row has problems.
func (rc *rowCheck) done() error {
	if rc.bad {
		return errReported
	}
	return nil
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
	sheet, ok := DataSheet(f, spec.name)
	if !ok {
		return nil, nil, domain.Invalid("file", "文件中没有“"+spec.name+"”工作表")
	}
	p.spec.name = sheet
	unreadable := domain.Invalid("file", "无法读取工作表“"+sheet+"”")
	it, err := f.Rows(sheet)
	if err != nil {
		return nil, nil, unreadable
	}
	defer it.Close()
	checkHeader := func(cells []string) error {
		for i, c := range spec.cols {
			got := ""
			if i < len(cells) {
				got = HeaderTitle(cells[i])
			}
			if got != c.title {
				p.add(1, i, fmt.Sprintf("表头应为“%s”，实际为“%s”，请使用下载的模板", c.title, got))
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
		if blank(cells) || IsExampleRow(cells) {
			continue
		}
		if blank(header) {
			// Data under an empty first row: the header is missing.
			return nil, nil, checkHeader(header)
		}
		if len(rows) == maxImportRows {
			return nil, nil, domain.Invalid("file", fmt.Sprintf("一次最多导入 %d 行，请分批导入", maxImportRows))
		}
		// A row with a control character is listed and left out; the other
		// rows are still checked, so the file's problems come at once.
		bad := false
		for i, c := range cells {
			if domain.HasControl(c) {
				p.add(num, i, "单元格含有控制字符，请删除后重新上传")
				bad = true
			}
		}
		if !bad {
			rows = append(rows, row{num: num, cells: cells})
		}
	}
	if it.Error() != nil {
		return nil, nil, unreadable
	}
	if blank(header) {
		return nil, nil, domain.Invalid("file", "工作表“"+sheet+"”是空的")
	}
	if len(rows) == 0 && len(p.list) == 0 {
		return nil, nil, domain.Invalid("file", "工作表“"+sheet+"”没有数据行（示例行不会导入）")
	}
	if len(rows) == 0 {
		return nil, nil, p.err()
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
	if err := book.Sheet(spec.name, spec.columns()...); err != nil {
		return err
	}
	if err := fill(book.Row); err != nil {
		return err
	}
	return book.Close()
}

func (s sheetSpec) columns() []xlsx.Column {
	cols := make([]xlsx.Column, len(s.cols))
	for i, h := range s.headers {
		cols[i] = xlsx.Column{Title: h, Width: 18, Required: s.cols[i].required}
	}
	return cols
}

// writeTemplate writes an import template: first the instructions, then
// the data sheet with its header (required columns red and marked *) and
// one grey example row the import skips.
func writeTemplate(out io.Writer, spec sheetSpec) error {
	book := xlsx.New(out)
	defer book.Abandon()
	if err := writeInstructions(book, spec.name, spec.cols, spec.rules); err != nil {
		return err
	}
	if err := book.Sheet(spec.name, spec.columns()...); err != nil {
		return err
	}
	if err := book.Example(spec.example...); err != nil {
		return err
	}
	return book.Close()
}

// TemplateColumn is one column as a template's instructions describe it.
type TemplateColumn struct {
	Title    string
	Required bool
	Help     string
	Values   string // the values it takes, from the domain's list
}

// WriteInstructions writes the 填写说明 sheet of a template whose data
// sheet is called sheet: the columns, then the import's rules. Other
// areas' templates (points) use it too, so every template reads alike.
func WriteInstructions(book *xlsx.Writer, sheet string, cols []TemplateColumn, rules []string) error {
	specs := make([]colSpec, len(cols))
	for i, c := range cols {
		specs[i] = colSpec{title: c.Title, required: c.Required, help: c.Help, values: c.Values}
	}
	return writeInstructions(book, sheet, specs, rules)
}

func writeInstructions(book *xlsx.Writer, sheet string, cols []colSpec, rules []string) error {
	if err := book.Sheet(InstructionsSheet, xlsx.Widths(8, 18, 10, 60, 60)...); err != nil {
		return err
	}
	lines := [][]any{
		{sheet + "导入填写说明"},
		{"", "请在“" + sheet + "”工作表中填写，每行一条；第 1 行是表头，请勿修改。标 * 的红色列必须填写。"},
		{"", "第 2 行灰色斜体是示例（以“" + ExamplePrefix + "”开头），导入时总是跳过，可以保留，也可以删除；请从第 3 行起填写。"},
		{},
		{"列", "列名", "是否必填", "说明", "可填写的值"},
	}
	for i, l := range lines {
		var err error
		if i == 0 || i == len(lines)-1 {
			err = book.Bold(l...)
		} else {
			err = book.Row(l...)
		}
		if err != nil {
			return err
		}
	}
	for i, c := range cols {
		need := "选填"
		if c.required {
			need = "必填"
		}
		if err := book.Row(colName(i), c.title, need, c.help, c.values); err != nil {
			return err
		}
	}
	if err := book.Row(); err != nil {
		return err
	}
	if err := book.Bold("导入规则"); err != nil {
		return err
	}
	for i, r := range rules {
		if err := book.Row(fmt.Sprintf("%d.", i+1), r); err != nil {
			return err
		}
	}
	return nil
}

// commonRules end every template's rules.
var commonRules = []string{
	"名称按您所在辖区解析：上级单位、所属单位、区划代码都只在您的辖区内查找，不会匹配到其他区县的同名单位或区划。",
	"导入时一次列出文件中的全部问题（工作表、行号、列和原因）；只要有一处问题，整个文件都不会导入，请全部改正后重新上传。",
}

// splitList splits "a、b,c；d" into its parts.
func splitList(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool {
		return strings.ContainsRune("、,，;； /|", r)
	})
}
