// Package xlsx writes every workbook the program hands out, exports and
// import templates alike, row by row straight into the destination,
// holding nothing but the row being written: an export of a hundred
// thousand cases runs in a few megabytes. Each sheet is headed by a bold,
// frozen row of its column titles; numbers are number cells and times
// are date cells in Beijing time. Strings are written inline (no
// shared-string table to keep).
//
// excelize, which reads the imports, can write workbooks too, but for the
// case export its stream writer takes three to four times as long and
// fifteen times the memory (see the benchmark beside this file).
package xlsx

import (
	"archive/zip"
	"bufio"
	"compress/flate"
	"errors"
	"fmt"
	"io"
	"math"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf16"
	"unicode/utf8"

	"wenming/internal/domain"
)

// Column is one column of a sheet: its title in the header row and its
// width in characters (0 leaves the spreadsheet's default).
type Column struct {
	Title string
	Width float64
	// Required shows the title in red: an import template's column that
	// must be filled.
	Required bool
}

// Col is a column titled title, width characters wide.
func Col(title string, width float64) Column { return Column{Title: title, Width: width} }

// Widths are untitled columns of these widths: a sheet sized without a
// header row.
func Widths(widths ...float64) []Column {
	cols := make([]Column, len(widths))
	for i, w := range widths {
		cols[i].Width = w
	}
	return cols
}

// Columns gives titles one width.
func Columns(width float64, titles ...string) []Column {
	cols := make([]Column, len(titles))
	for i, t := range titles {
		cols[i] = Column{Title: t, Width: width}
	}
	return cols
}

// Writer streams a workbook one sheet after another. A sheet's XML goes
// through a pipe to a goroutine that compresses it, so compressing
// overlaps with reading the rows and writing their XML.
type Writer struct {
	zip        *zip.Writer
	buf        *bufio.Writer
	pipe       *io.PipeWriter
	compressed chan error
	sheets     []string
	rows       int
	err        error
	closed     bool
	scratch    [32]byte // a number's digits
}

// New starts a workbook written into w. Sheet or Notes starts each of its
// sheets and Close ends it; a failure to write comes back from the call
// that meets it and every call after, Close included.
func New(w io.Writer) *Writer {
	z := zip.NewWriter(w)
	// The fastest deflate: an export is written while the user waits, and
	// the sheet's repetitive XML shrinks well even so.
	z.RegisterCompressor(zip.Deflate, func(out io.Writer) (io.WriteCloser, error) { return flate.NewWriter(out, flate.BestSpeed) })
	x := &Writer{zip: z}
	x.err = x.part("_rels/.rels", rootRels)
	if x.err == nil {
		x.err = x.part("xl/styles.xml", styles)
	}
	return x
}

// Sheet ends the sheet being written, if any, and starts the next, called
// name. Its first row holds the columns' titles, bold and frozen so they
// stay in view; columns without titles only set widths, and the sheet
// starts with no header (a caption can come first, see Bold).
func (w *Writer) Sheet(name string, cols ...Column) error {
	if w.closed {
		return errClosed
	}
	w.endSheet()
	if w.err != nil {
		return w.err
	}
	w.sheets = append(w.sheets, name)
	f, err := w.zip.Create(fmt.Sprintf("xl/worksheets/sheet%d.xml", len(w.sheets)))
	if err != nil {
		w.err = err
		return err
	}
	pr, pw := io.Pipe()
	w.pipe, w.compressed, w.rows = pw, make(chan error, 1), 0
	w.buf = bufio.NewWriterSize(pw, 64<<10)
	go func(done chan<- error) {
		_, err := io.Copy(f, pr)
		pr.CloseWithError(err) // a failed destination fails the next Row
		done <- err
	}(w.compressed)
	header := slices.ContainsFunc(cols, func(c Column) bool { return c.Title != "" })
	b := w.buf
	b.WriteString(sheetStart)
	if header {
		b.WriteString(frozenHeader)
	}
	b.WriteString(`</sheetView></sheetViews>`)
	widths := false
	for i, c := range cols {
		if c.Width <= 0 {
			continue
		}
		if !widths {
			b.WriteString(`<cols>`)
			widths = true
		}
		n := strconv.Itoa(i + 1)
		b.WriteString(`<col min="` + n + `" max="` + n + `" width="` + strconv.FormatFloat(c.Width, 'f', -1, 64) + `" customWidth="1"/>`)
	}
	if widths {
		b.WriteString(`</cols>`)
	}
	b.WriteString(`<sheetData>`)
	if !header {
		return nil
	}
	if w.err != nil {
		return w.err
	}
	w.rows++
	b.WriteString(`<row r="1">`)
	for i, c := range cols {
		style := styleHeader
		if c.Required {
			style = styleRequired
		}
		w.cell(cellRef{column(i), "1"}, style, c.Title)
	}
	_, w.err = b.WriteString(`</row>`)
	return w.err
}

// Notes starts a sheet of instructions (an import template's 说明): the
// first line its bold title, each further line a row, in one column
// width characters wide.
func (w *Writer) Notes(name string, width float64, lines ...string) error {
	if len(lines) == 0 {
		return w.Sheet(name)
	}
	if err := w.Sheet(name, Col(lines[0], width)); err != nil {
		return err
	}
	for _, line := range lines[1:] {
		if err := w.Row(line); err != nil {
			return err
		}
	}
	return nil
}

// Row writes the next row of the sheet. A value is written as what it
// is: strings as text, integers and floats as numbers (Percent as a
// percentage), a time.Time as a date cell shown to the minute in Beijing
// time (Seconds to the second), a bool as 是 or 否. A pointer stands for its value; nil, a nil pointer,
// an empty string, a zero time or a number that is not finite leave the
// cell empty.
func (w *Writer) Row(values ...any) error {
	return w.row(styleNone, values)
}

// Bold writes the next row in the header's bold: a caption above a
// table, or a table's header further down a sheet.
func (w *Writer) Bold(values ...any) error {
	return w.row(styleHeader, values)
}

// Example writes the next row in grey italics: an import template's
// example row, which looks like what it is and which the import skips.
func (w *Writer) Example(values ...any) error {
	return w.row(styleExample, values)
}

// Seconds marks a time to be shown to the second (an audit entry's),
// where a time.Time is shown to the minute.
func Seconds(t time.Time) any { return seconds(t) }

// Percent marks a fraction to be shown as a percentage: 0.953 as 95.3%.
func Percent(f float64) any { return percent(f) }

type (
	seconds time.Time
	percent float64
)

func (w *Writer) row(style string, values []any) error {
	if w.err != nil {
		return w.err
	}
	if w.closed {
		return errClosed
	}
	if w.buf == nil {
		return errNoSheet
	}
	w.rows++
	b := w.buf
	row := strconv.Itoa(w.rows)
	b.WriteString(`<row r="`)
	b.WriteString(row)
	b.WriteString(`">`)
	for i, v := range values {
		w.cell(cellRef{column(i), row}, style, v)
	}
	_, w.err = b.WriteString(`</row>`)
	return w.err
}

// cellRef names a cell: its column's letters and its row's number.
type cellRef struct{ col, row string }

func (w *Writer) cell(ref cellRef, style string, v any) {
	var num []byte
	switch x := v.(type) {
	case nil:
		return
	case string:
		w.text(ref, style, x)
		return
	case *string:
		if x != nil {
			w.text(ref, style, *x)
		}
		return
	case *float64:
		if x != nil {
			w.cell(ref, style, *x)
		}
		return
	case *int:
		if x != nil {
			w.cell(ref, style, *x)
		}
		return
	case *int64:
		if x != nil {
			w.cell(ref, style, *x)
		}
		return
	case *time.Time:
		if x != nil {
			w.date(ref, styleMinute, *x)
		}
		return
	case int:
		num = strconv.AppendInt(w.num(), int64(x), 10)
	case int64:
		num = strconv.AppendInt(w.num(), x, 10)
	case float64:
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return
		}
		num = strconv.AppendFloat(w.num(), x, 'f', -1, 64)
	case bool:
		if x {
			w.text(ref, style, "是")
		} else {
			w.text(ref, style, "否")
		}
		return
	case time.Time:
		w.date(ref, styleMinute, x)
		return
	case seconds:
		w.date(ref, styleSecond, time.Time(x))
		return
	case percent:
		if math.IsNaN(float64(x)) || math.IsInf(float64(x), 0) {
			return
		}
		if style == styleNone {
			style = stylePercent
		}
		num = strconv.AppendFloat(w.num(), float64(x), 'f', -1, 64)
	default:
		// Pointers stand for their values; other integer, float and
		// string kinds for theirs.
		switch p := reflect.ValueOf(v); p.Kind() {
		case reflect.Pointer:
			if !p.IsNil() {
				w.cell(ref, style, p.Elem().Interface())
			}
		case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
			w.cell(ref, style, p.Int())
		case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
			w.open(ref, style, `><v>`)
			w.buf.Write(strconv.AppendUint(w.num(), p.Uint(), 10))
			w.buf.WriteString(`</v></c>`)
		case reflect.Float32, reflect.Float64:
			w.cell(ref, style, p.Float())
		case reflect.String:
			w.cell(ref, style, p.String())
		default:
			w.cell(ref, style, fmt.Sprint(v))
		}
		return
	}
	w.open(ref, style, `><v>`)
	w.buf.Write(num)
	w.buf.WriteString(`</v></c>`)
}

func (w *Writer) num() []byte { return w.scratch[:0] }

func (w *Writer) text(ref cellRef, style, s string) {
	if s == "" {
		return
	}
	w.open(ref, style, ` t="inlineStr"><is><t xml:space="preserve">`)
	w.buf.WriteString(escape(fit(s)))
	w.buf.WriteString(`</t></is></c>`)
}

// date writes a time as the spreadsheet's serial day number of its
// Beijing wall clock, to the second, shown in a date style.
func (w *Writer) date(ref cellRef, style string, t time.Time) {
	if t.IsZero() {
		return
	}
	local := t.In(domain.Beijing)
	y, m, d := local.Date()
	day := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	if day.Before(excelEpoch) {
		return
	}
	serial := float64(day.Sub(excelEpoch)/(24*time.Hour)) + float64(local.Hour()*3600+local.Minute()*60+local.Second())/86400
	w.open(ref, style, `><v>`)
	w.buf.Write(strconv.AppendFloat(w.num(), serial, 'f', -1, 64))
	w.buf.WriteString(`</v></c>`)
}

// excelEpoch is day 0 of a spreadsheet's serial dates, as they are
// counted from 1 March 1900 on (the count holds a 29 February 1900 that
// never was, so earlier days are off by one; no record is that old).
var excelEpoch = time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)

func (w *Writer) open(ref cellRef, style, rest string) {
	w.buf.WriteString(`<c r="`)
	w.buf.WriteString(ref.col)
	w.buf.WriteString(ref.row)
	w.buf.WriteString(`"`)
	w.buf.WriteString(style)
	w.buf.WriteString(rest)
}

// endSheet finishes the sheet being written, if any, and waits for its
// compression.
func (w *Writer) endSheet() {
	if w.buf == nil {
		return
	}
	if w.err == nil {
		w.buf.WriteString(sheetEnd)
		w.err = w.buf.Flush()
	}
	w.pipe.Close()
	if err := <-w.compressed; w.err == nil {
		w.err = err
	}
	w.buf, w.pipe = nil, nil
}

// Close ends the last sheet and the workbook.
func (w *Writer) Close() error {
	if w.closed {
		return w.err
	}
	w.endSheet()
	w.closed = true
	if w.err == nil && len(w.sheets) == 0 {
		w.err = errNoSheet
	}
	if w.err != nil {
		return w.err
	}
	var book, rels, types strings.Builder
	for i, name := range w.sheets {
		n := strconv.Itoa(i + 1)
		book.WriteString(`<sheet name="` + escape(name) + `" sheetId="` + n + `" r:id="rId` + n + `"/>`)
		rels.WriteString(`<Relationship Id="rId` + n + `" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet` + n + `.xml"/>`)
		types.WriteString(`<Override PartName="/xl/worksheets/sheet` + n + `.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`)
	}
	styles := strconv.Itoa(len(w.sheets) + 1)
	rels.WriteString(`<Relationship Id="rId` + styles + `" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>`)
	for _, part := range []struct{ name, body string }{
		{"xl/workbook.xml", fmt.Sprintf(workbook, book.String())},
		{"xl/_rels/workbook.xml.rels", fmt.Sprintf(workbookRels, rels.String())},
		{"[Content_Types].xml", fmt.Sprintf(contentTypes, types.String())},
	} {
		if w.err = w.part(part.name, part.body); w.err != nil {
			return w.err
		}
	}
	w.err = w.zip.Close()
	return w.err
}

func (w *Writer) part(name, body string) error {
	f, err := w.zip.Create(name)
	if err != nil {
		return err
	}
	_, err = io.WriteString(f, body)
	return err
}

// Abandon stops a workbook that will not be finished (its rows failed),
// so its compressing goroutine ends; after Close it does nothing.
func (w *Writer) Abandon() {
	if w.closed {
		return
	}
	w.closed = true
	if w.buf != nil {
		w.pipe.CloseWithError(errAbandoned)
		<-w.compressed
		w.buf, w.pipe = nil, nil
	}
}

var (
	errAbandoned = errors.New("xlsx: workbook abandoned")
	errClosed    = errors.New("xlsx: workbook closed")
	errNoSheet   = errors.New("xlsx: a workbook needs a sheet")
)

// columns are the names of the first columns, made once.
var columns = func() []string {
	names := make([]string, 64)
	for i := range names {
		names[i] = columnName(i)
	}
	return names
}()

func column(i int) string {
	if i < len(columns) {
		return columns[i]
	}
	return columnName(i)
}

// columnName names the i-th column: A … Z, AA …
func columnName(i int) string {
	name := ""
	for i++; i > 0; i = (i - 1) / 26 {
		name = string(rune('A'+(i-1)%26)) + name
	}
	return name
}

// maxCellText is the most a spreadsheet cell holds, in UTF-16 units.
const maxCellText = 32767

// fit cuts text a cell cannot hold (a long audit entry) to what it can.
func fit(s string) string {
	if len(s) <= maxCellText {
		return s // UTF-8 never takes fewer bytes than UTF-16 units
	}
	units := 0
	for i, r := range s {
		if units += utf16.RuneLen(r); units > maxCellText || units < 0 {
			return s[:i]
		}
	}
	return s
}

// escape makes text safe inside XML, dropping the control characters XML
// cannot carry (a pasted description may hold them).
func escape(s string) string {
	if plain(s) {
		return s
	}
	var b strings.Builder
	for _, r := range strings.ToValidUTF8(s, "") {
		switch {
		case r == '<':
			b.WriteString("&lt;")
		case r == '>':
			b.WriteString("&gt;")
		case r == '&':
			b.WriteString("&amp;")
		case r == '"':
			b.WriteString("&quot;")
		case r == '\'':
			b.WriteString("&apos;")
		case r == '\t' || r == '\n' || r == '\r' || r >= 0x20 && r != 0xfffe && r != 0xffff:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// plain tells text that needs no escaping: valid UTF-8 without markup
// characters, controls, or the two non-characters XML refuses.
func plain(s string) bool {
	for i := 0; i < len(s); i++ {
		switch b := s[i]; {
		case b < 0x20, b == '<', b == '>', b == '&', b == '"', b == '\'':
			return false
		case b >= 0x80:
			r, size := utf8.DecodeRuneInString(s[i:])
			if r == utf8.RuneError && size == 1 || r == 0xfffe || r == 0xffff {
				return false
			}
			i += size - 1
		}
	}
	return true
}

// Cell styles, by their index in styles.xml.
const (
	styleNone    = ``
	styleHeader  = ` s="1"`
	styleMinute  = ` s="2"`
	styleSecond  = ` s="3"`
	stylePercent = ` s="4"`
	// styleRequired is a required column's title: bold red on the
	// header's light blue.
	styleRequired = ` s="5"`
	// styleExample is an example row: grey italics.
	styleExample = ` s="6"`
)

const contentTypes = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>%s<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>`

const rootRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`

const workbook = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>%s</sheets></workbook>`

const workbookRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">%s</Relationships>`

// styles: 0 is plain, 1 the header (bold on light blue), 2 a date and
// time to the minute, 3 to the second, 4 a percentage, 5 a required
// column's title (bold red on light blue), 6 an example row (grey italics).
const styles = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="3"><numFmt numFmtId="164" formatCode="yyyy-mm-dd hh:mm"/><numFmt numFmtId="165" formatCode="yyyy-mm-dd hh:mm:ss"/><numFmt numFmtId="166" formatCode="0.0%"/></numFmts><fonts count="4"><font><sz val="11"/><name val="等线"/></font><font><b/><sz val="11"/><name val="等线"/></font><font><b/><sz val="11"/><color rgb="FFC00000"/><name val="等线"/></font><font><i/><sz val="11"/><color rgb="FF808080"/><name val="等线"/></font></fonts><fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid"><fgColor rgb="FFE8F0FE"/><bgColor indexed="64"/></patternFill></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="7"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="2" borderId="0" xfId="0" applyFont="1" applyFill="1"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="166" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="0" fontId="2" fillId="2" borderId="0" xfId="0" applyFont="1" applyFill="1"/><xf numFmtId="0" fontId="3" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs></styleSheet>`

const sheetStart = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetViews><sheetView workbookViewId="0">`

const frozenHeader = `<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>`

const sheetEnd = `</sheetData></worksheet>`
