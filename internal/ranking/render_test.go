package ranking

import (
	"archive/zip"
	"bytes"
	"io"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/xuri/excelize/v2"

	"wenming/internal/cases"
	"wenming/internal/domain"
)

// A deployer who points at a font that is not there is told which setting
// to fix, in Chinese, and Excel and Word still work.
func TestMissingPDFFontIsExplained(t *testing.T) {
	_, err := findFont("/no/such/font.ttf")
	de, ok := domain.AsError(err)
	if !ok || !strings.Contains(de.Message, "WENMING_PDF_FONT") || !strings.Contains(de.Message, "不存在") {
		t.Fatalf("missing configured font: %v", err)
	}
	saved := fontCandidates
	defer func() { fontCandidates = saved }()
	fontCandidates = []string{"/no/such/droid.ttf"}
	_, err = findFont("")
	de, ok = domain.AsError(err)
	if !ok || !strings.Contains(de.Message, "fonts-droid-fallback") || !strings.Contains(de.Message, "Excel 与 Word") {
		t.Fatalf("no font anywhere: %v", err)
	}
}

// TestBulletinWorkbook: the bulletin's workbook has a sheet per class under
// the bulletin's title, a unit's score and counts as numbers and its rates
// as percentages, "—" where a unit has none, and the red units' sheet.
func TestBulletinWorkbook(t *testing.T) {
	rank, score, onTime, progress := 1, 92.456, 0.9531, 80.0
	first := RankedUnit{UnitName: "县住建局", Rank: &rank, Score: &score, Color: "green", Figures: Figures{TaskProgress: &progress}}
	first.Figures.CasesReceived, first.Figures.OnTimeRate, first.Figures.Overdue = 21, &onTime, 2
	b := Bulletin{Title: "2026年10月单位排名通报", Summary: "本月 1 个单位排名红色。",
		Ranking:  Ranking{Classes: []Class{{Class: "A", Units: []RankedUnit{first, {UnitName: "县水务局", Color: "red"}}}, {Class: "B", Units: []RankedUnit{}}}},
		RedUnits: []RedUnit{{UnitName: "县水务局", UnitClass: "A", OverdueCases: []cases.OverdueCase{{Code: "SP20261024-0003", CategoryName: "占道经营"}}}}}
	var out bytes.Buffer
	if err := WriteXLSX(b, &out); err != nil {
		t.Fatal(err)
	}
	book, err := excelize.OpenReader(&out)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"A类单位", "B类单位", "红色单位"}, book.GetSheetList()); diff != "" {
		t.Errorf("sheets (-want +got):\n%s", diff)
	}
	rows, _ := book.GetRows("A类单位")
	want := [][]string{{b.Title}, nil, rankingHeader,
		{"1", "县住建局", "92.46", "绿", "—", "21", "95.3%", "—", "2", "—", "—", "80.0%"},
		{"—", "县水务局", "—", "红", "—", "0", "—", "—", "0", "—", "—", "—"}}
	if diff := cmp.Diff(want, rows); diff != "" {
		t.Errorf("class A (-want +got):\n%s", diff)
	}
	for cell, raw := range map[string]string{"C4": "92.46", "F4": "21", "G4": "0.953", "L4": "0.8"} {
		if got, _ := book.GetCellValue("A类单位", cell, excelize.Options{RawCellValue: true}); got != raw {
			t.Errorf("%s is stored as %q, want the number %s", cell, got, raw)
		}
	}
	red, _ := book.GetRows("红色单位")
	if len(red) != 3 || red[0][0] != b.Summary || !strings.Contains(red[2][0], "SP20261024-0003") {
		t.Errorf("red units %q", red)
	}
}

// A city's bulletin leads every format with its counties' table.
func TestCityBulletinFilesRankCounties(t *testing.T) {
	t.Parallel()
	rank, up, score, live, rate := 1, 2, 86.5, 86.5, 0.9
	b := Bulletin{Title: "关于白银市2026年11月文明城市创建工作情况的通报", Summary: "县区排名。",
		Ranking: Ranking{Classes: []Class{{Class: "A", Units: []RankedUnit{}}, {Class: "B", Units: []RankedUnit{}}}},
		Jurisdictions: []RankedJurisdiction{{Name: "会宁县", Rank: &rank, Movement: &up, Score: &score, LiveScore: &live, Color: "green", CasesReceived: 40, CasesClosed: 35, OnTimeRate: &rate, Units: 30},
			{Name: "靖远县", Units: 8}}}
	var out bytes.Buffer
	if err := WriteXLSX(b, &out); err != nil {
		t.Fatal(err)
	}
	book, err := excelize.OpenReader(&out)
	if err != nil {
		t.Fatal(err)
	}
	if got := book.GetSheetList(); len(got) == 0 || got[0] != "县区排名" {
		t.Fatalf("sheets %v, want 县区排名 first", got)
	}
	rows, _ := book.GetRows("县区排名")
	want := [][]string{{b.Title}, nil, countyHeader,
		{"1", "会宁县", "86.5", "绿", "升2", "86.5", "—", "40", "35", "90.0%", "0", "—", "30"},
		{"—", "靖远县", "—", "", "—", "—", "—", "0", "0", "—", "0", "—", "8"}}
	if diff := cmp.Diff(want, rows); diff != "" {
		t.Errorf("counties (-want +got):\n%s", diff)
	}
	var doc bytes.Buffer
	if err := writeDOCX(b, &doc); err != nil {
		t.Fatal(err)
	}
	z, err := zip.NewReader(bytes.NewReader(doc.Bytes()), int64(doc.Len()))
	if err != nil {
		t.Fatal(err)
	}
	f, _ := z.Open("word/document.xml")
	xml, _ := io.ReadAll(f)
	if !strings.Contains(string(xml), "县区排名") || !strings.Contains(string(xml), "靖远县") {
		t.Errorf("the Word bulletin lacks the counties")
	}
}
