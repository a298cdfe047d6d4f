package ranking

import (
	"archive/zip"
	"context"
	"fmt"
	"io"
	"math"
	"os"
	"strings"

	"github.com/signintech/gopdf"

	"wenming/internal/domain"
	"wenming/internal/xlsx"
)

// BulletinFile writes a bulletin as xlsx, docx or pdf.
func (s *Service) BulletinFile(ctx context.Context, actor *domain.Actor, id int64, format string, w io.Writer) (_ string, err error) {
	defer domain.Wrap(&err, "ranking.BulletinFile %d", id)
	b, err := s.Bulletin(ctx, actor, id)
	if err != nil {
		return "", err
	}
	switch format {
	case "xlsx":
		return b.Title + ".xlsx", WriteXLSX(b, w)
	case "docx":
		return b.Title + ".docx", writeDOCX(b, w)
	case "pdf":
		font, err := findFont(s.FontPath)
		if err != nil {
			return "", err
		}
		return b.Title + ".pdf", writePDF(b, font, w)
	}
	return "", domain.Invalid("format", "格式只能是 xlsx、docx 或 pdf")
}

// rankingHeader heads a ranking table in every format.
var rankingHeader = []string{"名次", "单位", "得分", "颜色", "升降", "案件数", "按期办结率", "返工率", "超期", "满意度", "材料按时率", "任务进度"}

// row is one line of a ranking table, in the words all three formats use.
func rows(c Class) [][]string {
	out := [][]string{rankingHeader}
	for _, u := range c.Units {
		f := u.Figures
		out = append(out, []string{intOr(u.Rank), u.UnitName, numOr(u.Score, "%.2f"), colorName(u.Color), movement(u.Movement),
			fmt.Sprint(f.CasesReceived), pct(f.OnTimeRate), pct(f.ReworkRate), fmt.Sprint(f.Overdue), numOr(f.Satisfaction, "%.1f"),
			pct(f.SubmissionOnTimeRate), numOr(f.TaskProgress, "%.0f%%")})
	}
	return out
}

// countyHeader heads the counties' table of a city's bulletin.
var countyHeader = []string{"名次", "县区", "得分", "颜色", "升降", "本期测评", "工作得分", "受理案件", "办结", "按期办结率", "超期", "任务进度", "单位数"}

// countyRows are the counties' table, in the words all three formats use.
func countyRows(list []RankedJurisdiction) [][]string {
	out := [][]string{countyHeader}
	for _, r := range list {
		out = append(out, []string{intOr(r.Rank), r.Name, numOr(r.Score, "%.2f"), colorName(r.Color), movement(r.Movement), numOr(r.LiveScore, "%.2f"), numOr(r.WorkScore, "%.2f"),
			fmt.Sprint(r.CasesReceived), fmt.Sprint(r.CasesClosed), pct(r.OnTimeRate), fmt.Sprint(r.Overdue), numOr(r.TaskProgress, "%.1f%%"), fmt.Sprint(r.Units)})
	}
	return out
}

func intOr(v *int) string {
	if v == nil {
		return "—"
	}
	return fmt.Sprint(*v)
}

func numOr(v *float64, format string) string {
	if v == nil {
		return "—"
	}
	return fmt.Sprintf(format, *v)
}

func pct(v *float64) string {
	if v == nil {
		return "—"
	}
	return fmt.Sprintf("%.1f%%", *v*100)
}

func movement(m *int) string {
	switch {
	case m == nil || *m == 0:
		return "—"
	case *m > 0:
		return fmt.Sprintf("升%d", *m) // words, not arrows: CJK fonts often lack ↑↓
	}
	return fmt.Sprintf("降%d", -*m)
}

func colorName(c string) string {
	return map[string]string{"green": "绿", "yellow": "黄", "red": "红"}[c]
}

// redLines names each red unit with its overdue cases.
func redLines(b Bulletin) []string {
	var out []string
	for _, u := range b.RedUnits {
		line := fmt.Sprintf("%s（%s类，得分 %s）", u.UnitName, u.UnitClass, numOr(u.Score, "%.2f"))
		if len(u.OverdueCases) > 0 {
			var codes []string
			for _, c := range u.OverdueCases {
				codes = append(codes, fmt.Sprintf("%s %s（%s 到期）", c.Code, c.CategoryName, c.Deadline.In(domain.Beijing).Format("01-02 15:04")))
			}
			line += "，超期案件：" + strings.Join(codes, "；")
		}
		out = append(out, line)
	}
	return out
}

// WriteXLSX writes a bulletin as a workbook: a sheet per class of units
// under the bulletin's title, then the red units. Scores and counts are
// numbers, rates percentages.
func WriteXLSX(b Bulletin, w io.Writer) error {
	book := xlsx.New(w)
	defer book.Abandon()
	header := make([]any, len(rankingHeader))
	for i, h := range rankingHeader {
		header[i] = h
	}
	if len(b.Jurisdictions) > 0 {
		// A city's bulletin leads with its counties.
		if err := countySheet(book, b.Title, b.Jurisdictions); err != nil {
			return err
		}
	}
	for _, c := range b.Ranking.Classes {
		if err := book.Sheet(c.Class+"类单位", xlsx.Widths(6, 24, 8, 6, 6, 8, 11, 8, 6, 8, 11, 10)...); err != nil {
			return err
		}
		book.Bold(b.Title)
		book.Row()
		book.Bold(header...)
		for _, u := range c.Units {
			if err := book.Row(cells(u)...); err != nil {
				return err
			}
		}
	}
	if err := book.Sheet("红色单位", xlsx.Widths(120)...); err != nil {
		return err
	}
	book.Row(b.Summary)
	book.Row()
	for _, line := range redLines(b) {
		if err := book.Row(line); err != nil {
			return err
		}
	}
	return book.Close()
}

// WriteJurisdictionsXLSX writes a county ranking as a workbook of one sheet.
func WriteJurisdictionsXLSX(r JurisdictionRanking, w io.Writer) error {
	book := xlsx.New(w)
	defer book.Abandon()
	if err := countySheet(book, r.JurisdictionName+"县区排名 "+r.Period, r.Jurisdictions); err != nil {
		return err
	}
	for _, n := range r.Notes {
		if err := book.Row(n); err != nil {
			return err
		}
	}
	return book.Close()
}

// countySheet is the counties' table under a title.
func countySheet(book *xlsx.Writer, title string, list []RankedJurisdiction) error {
	if err := book.Sheet("县区排名", xlsx.Widths(6, 16, 8, 6, 6, 10, 10, 10, 8, 11, 6, 10, 8)...); err != nil {
		return err
	}
	book.Bold(title)
	book.Row()
	head := make([]any, len(countyHeader))
	for i, h := range countyHeader {
		head[i] = h
	}
	book.Bold(head...)
	for _, r := range list {
		if err := book.Row(countyCells(r)...); err != nil {
			return err
		}
	}
	return nil
}

// cells is a unit's line of the ranking for a spreadsheet: the words of
// rows, with its figures as numbers and percentages.
func cells(u RankedUnit) []any {
	f := u.Figures
	rounded := func(v *float64, places float64) any {
		if v == nil {
			return "—"
		}
		p := math.Pow(10, places)
		return math.Round(*v*p) / p
	}
	percent := func(v *float64, scale float64) any {
		if v == nil {
			return "—"
		}
		return xlsx.Percent(math.Round(*v/scale*1000) / 1000)
	}
	var rank any = "—"
	if u.Rank != nil {
		rank = *u.Rank
	}
	return []any{rank, u.UnitName, rounded(u.Score, 2), colorName(u.Color), movement(u.Movement),
		f.CasesReceived, percent(f.OnTimeRate, 1), percent(f.ReworkRate, 1), f.Overdue, rounded(f.Satisfaction, 1),
		percent(f.SubmissionOnTimeRate, 1), percent(f.TaskProgress, 100)}
}

// countyCells is a county's line for a spreadsheet: scores and counts as
// numbers, rates as percentages.
func countyCells(r RankedJurisdiction) []any {
	num := func(v *float64) any {
		if v == nil {
			return "—"
		}
		return math.Round(*v*100) / 100
	}
	percent := func(v *float64, scale float64) any {
		if v == nil {
			return "—"
		}
		return xlsx.Percent(math.Round(*v/scale*1000) / 1000)
	}
	var rank any = "—"
	if r.Rank != nil {
		rank = *r.Rank
	}
	return []any{rank, r.Name, num(r.Score), colorName(r.Color), movement(r.Movement), num(r.LiveScore), num(r.WorkScore),
		r.CasesReceived, r.CasesClosed, percent(r.OnTimeRate, 1), r.Overdue, percent(r.TaskProgress, 100), r.Units}
}

// writeDOCX builds a Word document: the bulletin is a title, its text, the
// two ranking tables and the red units (a .docx is a zip of XML).
func writeDOCX(b Bulletin, w io.Writer) error {
	var body strings.Builder
	para := func(text string, bold bool, size int) {
		rpr := fmt.Sprintf(`<w:rPr><w:rFonts w:eastAsia="宋体"/><w:sz w:val="%d"/>`, size)
		if bold {
			rpr += `<w:b/>`
		}
		rpr += `</w:rPr>`
		fmt.Fprintf(&body, `<w:p><w:r>%s<w:t xml:space="preserve">%s</w:t></w:r></w:p>`, rpr, xmlEscape(text))
	}
	table := func(lines [][]string) {
		body.WriteString(`<w:tbl><w:tblPr><w:tblBorders><w:top w:val="single" w:sz="4"/><w:left w:val="single" w:sz="4"/><w:bottom w:val="single" w:sz="4"/><w:right w:val="single" w:sz="4"/><w:insideH w:val="single" w:sz="4"/><w:insideV w:val="single" w:sz="4"/></w:tblBorders></w:tblPr>`)
		for _, r := range lines {
			body.WriteString(`<w:tr>`)
			for _, cell := range r {
				fmt.Fprintf(&body, `<w:tc><w:p><w:r><w:rPr><w:sz w:val="18"/></w:rPr><w:t>%s</w:t></w:r></w:p></w:tc>`, xmlEscape(cell))
			}
			body.WriteString(`</w:tr>`)
		}
		body.WriteString(`</w:tbl>`)
	}
	para(b.Title, true, 36)
	para(b.Summary, false, 24)
	if len(b.Jurisdictions) > 0 {
		para("县区排名", true, 28)
		table(countyRows(b.Jurisdictions))
	}
	for _, c := range b.Ranking.Classes {
		para(c.Class+"类单位排名", true, 28)
		table(rows(c))
	}
	if lines := redLines(b); len(lines) > 0 {
		para("红色单位及超期案件", true, 28)
		for _, l := range lines {
			para(l, false, 24)
		}
	}
	z := zip.NewWriter(w)
	parts := map[string]string{
		"[Content_Types].xml": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`,
		"_rels/.rels":         `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`,
		"word/document.xml":   `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>` + body.String() + `<w:sectPr><w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/></w:sectPr></w:body></w:document>`,
	}
	for _, name := range []string{"[Content_Types].xml", "_rels/.rels", "word/document.xml"} {
		f, err := z.Create(name)
		if err != nil {
			return err
		}
		if _, err := io.WriteString(f, parts[name]); err != nil {
			return err
		}
	}
	return z.Close()
}

func xmlEscape(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;").Replace(s)
}

// fontCandidates are TrueType CJK fonts Debian ships (fonts-droid-fallback,
// fonts-arphic-ukai …). CFF-flavoured .otf and .ttc collections do not load.
var fontCandidates = []string{
	"/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
	"/usr/share/fonts/truetype/arphic/ukai.ttf",
	"/usr/share/fonts/truetype/arphic/uming.ttf",
	"/usr/share/fonts/truetype/wqy/wqy-microhei.ttf",
}

func findFont(configured string) (string, error) {
	if configured != "" {
		if _, err := os.Stat(configured); err != nil {
			return "", &domain.Error{Code: domain.CodeInvalid, Field: "format", Message: "PDF 字体文件“" + configured + "”不存在：请检查 -pdf-font / WENMING_PDF_FONT"}
		}
		return configured, nil
	}
	for _, p := range fontCandidates {
		if _, err := os.Stat(p); err == nil {
			return p, nil
		}
	}
	return "", &domain.Error{Code: domain.CodeInvalid, Field: "format", Message: "未找到可用于 PDF 的中文 TrueType 字体：请安装 fonts-droid-fallback（apt-get install fonts-droid-fallback），或用 -pdf-font / WENMING_PDF_FONT 指定一个 .ttf 文件。Excel 与 Word 格式不受影响。"}
}

// latinCandidates cover the Latin letters and digits that some CJK
// fonts (Droid Sans Fallback) lack.
var latinCandidates = []string{
	"/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
	"/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
}

// pdfText writes text in runs: ASCII in the Latin font when there is one,
// everything else in the CJK font. Without a Latin font, ASCII the CJK
// font lacks is drawn as its full-width form rather than dropped.
type pdfText struct {
	pdf   *gopdf.GoPdf
	latin bool
	size  float64
}

func newPDFText(pdf *gopdf.GoPdf, cjk string) (*pdfText, error) {
	fullWidth := func(r rune) rune {
		if r > ' ' && r <= '~' {
			return r + 0xFEE0
		}
		return ' '
	}
	if err := pdf.AddTTFFontWithOption("cjk", cjk, gopdf.TtfOption{OnGlyphNotFoundSubstitute: fullWidth}); err != nil {
		return nil, fmt.Errorf("PDF 字体“%s”无法载入：%w", cjk, err)
	}
	t := &pdfText{pdf: pdf}
	for _, p := range latinCandidates {
		if _, err := os.Stat(p); err == nil && pdf.AddTTFFont("latin", p) == nil {
			t.latin = true
			break
		}
	}
	return t, nil
}

func (t *pdfText) setSize(size float64) { t.size = size }

// runs splits text where the font changes.
func (t *pdfText) runs(text string) [][2]string {
	var out [][2]string
	for _, r := range text {
		font := "cjk"
		if t.latin && r < 0x80 {
			font = "latin"
		}
		if n := len(out); n > 0 && out[n-1][0] == font {
			out[n-1][1] += string(r)
		} else {
			out = append(out, [2]string{font, string(r)})
		}
	}
	return out
}

func (t *pdfText) width(text string) float64 {
	w := 0.0
	for _, run := range t.runs(text) {
		t.pdf.SetFont(run[0], "", t.size)
		rw, _ := t.pdf.MeasureTextWidth(run[1])
		w += rw
	}
	return w
}

func (t *pdfText) write(x, y float64, text string) error {
	t.pdf.SetXY(x, y)
	for _, run := range t.runs(text) {
		if err := t.pdf.SetFont(run[0], "", t.size); err != nil {
			return err
		}
		if err := t.pdf.Cell(nil, run[1]); err != nil {
			return err
		}
	}
	return nil
}

// wrap breaks text into lines that fit the width, rune by rune.
func (t *pdfText) wrap(text string, width float64) []string {
	var out []string
	for _, para := range strings.Split(text, "\n") {
		var cur []rune
		for _, r := range para {
			next := append(cur, r)
			if t.width(string(next)) > width && len(cur) > 0 {
				out = append(out, string(cur))
				cur = []rune{r}
				continue
			}
			cur = next
		}
		out = append(out, string(cur))
	}
	return out
}

// writePDF lays the bulletin out on A4 landscape pages, breaking lines
// itself so no character is dropped at a wrap.
func writePDF(b Bulletin, font string, w io.Writer) error {
	pdf := &gopdf.GoPdf{}
	page := *gopdf.PageSizeA4Landscape
	pdf.Start(gopdf.Config{PageSize: page})
	t, err := newPDFText(pdf, font)
	if err != nil {
		return err
	}
	const margin = 40.0
	width := page.W - 2*margin
	y := 0.0
	newPage := func() {
		pdf.AddPage()
		y = margin
	}
	line := func(text string, size float64) error {
		t.setSize(size)
		for _, part := range t.wrap(text, width) {
			if y+size*1.6 > page.H-margin {
				newPage()
			}
			if err := t.write(margin, y, part); err != nil {
				return err
			}
			y += size * 1.6
		}
		return nil
	}
	newPage()
	if err := line(b.Title, 18); err != nil {
		return err
	}
	y += 6
	if err := line(b.Summary, 11); err != nil {
		return err
	}
	widths := []float64{36, 150, 50, 36, 40, 46, 70, 52, 40, 50, 70, 60}
	type table struct {
		title string
		rows  [][]string
	}
	var tables []table
	if len(b.Jurisdictions) > 0 {
		tables = append(tables, table{"县区排名", countyRows(b.Jurisdictions)})
	}
	for _, c := range b.Ranking.Classes {
		tables = append(tables, table{c.Class + "类单位排名", rows(c)})
	}
	for _, tb := range tables {
		y += 8
		if err := line(tb.title, 13); err != nil {
			return err
		}
		t.setSize(8.5)
		for _, r := range tb.rows {
			if y+14 > page.H-margin {
				newPage()
			}
			x := margin
			for i, cell := range r {
				for t.width(cell) > widths[i]-4 && cell != "" {
					rs := []rune(cell)
					cell = string(rs[:len(rs)-1])
				}
				if err := t.write(x, y, cell); err != nil {
					return err
				}
				x += widths[i]
			}
			y += 14
		}
	}
	if lines := redLines(b); len(lines) > 0 {
		y += 8
		if err := line("红色单位及超期案件", 13); err != nil {
			return err
		}
		for _, l := range lines {
			if err := line(l, 10.5); err != nil {
				return err
			}
		}
	}
	_, err = pdf.WriteTo(w)
	return err
}
