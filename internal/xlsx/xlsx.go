// Package xlsx writes one-sheet workbooks row by row straight into the
// response, holding nothing but the row being written: the exports of
// tens of thousands of cases run in constant memory. Strings are written
// inline (no shared-string table to keep), the first row is the header,
// bold and frozen.
package xlsx

import (
	"archive/zip"
	"bufio"
	"compress/flate"
	"errors"
	"fmt"
	"io"
	"reflect"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// Writer streams a workbook of one sheet. The sheet's XML goes through a
// pipe to a goroutine that compresses it, so compressing overlaps with
// reading the rows and writing their XML.
type Writer struct {
	zip        *zip.Writer
	buf        *bufio.Writer
	pipe       *io.PipeWriter
	compressed chan error
	rows       int
	err        error
	closed     bool
}

// New starts a workbook whose one sheet is called sheet.
func New(w io.Writer, sheet string) (*Writer, error) {
	z := zip.NewWriter(w)
	// The fastest deflate: an export is written while the user waits, and
	// the sheet's repetitive XML shrinks well even so.
	z.RegisterCompressor(zip.Deflate, func(out io.Writer) (io.WriteCloser, error) { return flate.NewWriter(out, flate.BestSpeed) })
	for _, part := range []struct{ name, body string }{
		{"[Content_Types].xml", contentTypes},
		{"_rels/.rels", rootRels},
		{"xl/workbook.xml", fmt.Sprintf(workbook, escape(sheet))},
		{"xl/_rels/workbook.xml.rels", workbookRels},
		{"xl/styles.xml", styles},
	} {
		f, err := z.Create(part.name)
		if err != nil {
			return nil, err
		}
		if _, err := io.WriteString(f, part.body); err != nil {
			return nil, err
		}
	}
	f, err := z.Create("xl/worksheets/sheet1.xml")
	if err != nil {
		return nil, err
	}
	pr, pw := io.Pipe()
	x := &Writer{zip: z, buf: bufio.NewWriterSize(pw, 64<<10), pipe: pw, compressed: make(chan error, 1)}
	go func() {
		_, err := io.Copy(f, pr)
		pr.CloseWithError(err) // a failed destination fails the next Row
		x.compressed <- err
	}()
	x.buf.WriteString(sheetStart)
	return x, nil
}

// Row writes the next row. Values may be strings, integers, floats,
// times (written as Beijing text by the caller), nil or pointers to these;
// nil writes an empty cell.
func (w *Writer) Row(values ...any) error {
	if w.err != nil {
		return w.err
	}
	w.rows++
	b := w.buf
	b.WriteString(`<row r="`)
	b.WriteString(strconv.Itoa(w.rows))
	b.WriteString(`">`)
	style := ""
	if w.rows == 1 {
		style = ` s="1"`
	}
	row := strconv.Itoa(w.rows)
	for i, v := range values {
		w.cell(column(i)+row, style, v)
	}
	_, w.err = b.WriteString(`</row>`)
	return w.err
}

func (w *Writer) cell(ref, style string, v any) {
	b := w.buf
	if v == nil {
		return
	}
	// A pointer stands for its value; a nil one for an empty cell.
	if p := reflect.ValueOf(v); p.Kind() == reflect.Pointer {
		if !p.IsNil() {
			w.cell(ref, style, p.Elem().Interface())
		}
		return
	}
	var num string
	switch x := v.(type) {
	case int:
		num = strconv.Itoa(x)
	case int64:
		num = strconv.FormatInt(x, 10)
	case float64:
		num = strconv.FormatFloat(x, 'f', -1, 64)
	case string:
		if x == "" {
			return
		}
		w.open(ref, style, ` t="inlineStr"><is><t xml:space="preserve">`)
		b.WriteString(escape(x))
		b.WriteString(`</t></is></c>`)
		return
	case time.Time:
		w.cell(ref, style, x.Format("2006-01-02 15:04"))
		return
	default:
		w.cell(ref, style, fmt.Sprint(x))
		return
	}
	w.open(ref, style, `><v>`)
	b.WriteString(num)
	b.WriteString(`</v></c>`)
}

func (w *Writer) open(ref, style, rest string) {
	w.buf.WriteString(`<c r="`)
	w.buf.WriteString(ref)
	w.buf.WriteString(`"`)
	w.buf.WriteString(style)
	w.buf.WriteString(rest)
}

// Close ends the sheet and the workbook.
func (w *Writer) Close() error {
	if w.closed {
		return w.err
	}
	w.closed = true
	if w.err == nil {
		w.buf.WriteString(sheetEnd)
		w.err = w.buf.Flush()
	}
	w.pipe.Close()
	if err := <-w.compressed; w.err == nil {
		w.err = err
	}
	if w.err != nil {
		return w.err
	}
	w.err = w.zip.Close()
	return w.err
}

// Abandon stops a workbook that will not be finished (its rows failed),
// so its compressing goroutine ends; after Close it does nothing.
func (w *Writer) Abandon() {
	if !w.closed {
		w.closed = true
		w.pipe.CloseWithError(errAbandoned)
		<-w.compressed
	}
}

var errAbandoned = errors.New("xlsx: workbook abandoned")

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

const contentTypes = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>`

const rootRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`

const workbook = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="%s" sheetId="1" r:id="rId1"/></sheets></workbook>`

const workbookRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`

// styles: 0 is plain, 1 is the bold header.
const styles = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="2"><font><sz val="11"/><name val="等线"/></font><font><b/><sz val="11"/><name val="等线"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs></styleSheet>`

const sheetStart = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews><sheetData>`

const sheetEnd = `</sheetData></worksheet>`
