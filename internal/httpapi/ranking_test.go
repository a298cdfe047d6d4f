package httpapi_test

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"wenming/internal/cases"
	"wenming/internal/ranking"
	"wenming/internal/store"
	"wenming/internal/store/storetest"
)

// pdfTools finds poppler's pdftoppm and pdftotext; CI installs them and
// requires them.
func pdfTools(t *testing.T) bool {
	for _, tool := range []string{"pdftoppm", "pdftotext"} {
		if _, err := exec.LookPath(tool); err != nil {
			msg := tool + " not found (apt-get install poppler-utils)"
			if os.Getenv("WENMING_TEST_REQUIRE_BROWSER") == "1" {
				t.Fatal(msg)
			}
			t.Log("SKIPPED the PDF rendering check: " + msg)
			return false
		}
	}
	return true
}

// TestBulletinFromDraftToPublished: unit A handles its case on time, unit B
// lets one run overdue and turns red; the office drafts the monthly
// bulletin, the leader approves it, the office publishes it; only then do
// units see it; it names B and its overdue case in all three formats.
func TestBulletinFromDraftToPublished(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
		f := newFixture(t, db)
		cat := caseSetup(t, f)
		f.clock.now = time.Date(2026, 3, 2, 2, 0, 0, 0, time.UTC) // Monday 10:00
		staff := f.login("county_staff")
		handled := func(unit int64, liaison string, report bool) string {
			var d cases.CaseDetail
			staff.do("POST", "/api/v1/cases", map[string]any{"source": "media", "categoryId": cat.ID, "description": "曝光：垃圾", "clientKey": fmt.Sprint("k", unit, report)}).want(201).json(&d)
			path := fmt.Sprintf("/api/v1/cases/%d", d.ID)
			staff.do("POST", path+"/dispatch", map[string]any{"unitId": unit}).want(200)
			c := f.login(liaison)
			c.do("POST", path+"/accept", map[string]any{}).want(200)
			if report {
				var photo struct{ ID int64 }
				c.upload("/api/v1/files", "整改后.png", pngBytes(t)).want(201).json(&photo)
				c.do("POST", path+"/report", map[string]any{"fileIds": []int64{photo.ID}}).want(200)
				staff.do("POST", path+"/verify", map[string]any{"decision": "pass"}).want(200)
			}
			return d.Code
		}
		handled(f.unitA, "a_liaison", true)
		late := handled(f.unitB, "b_member", false)
		f.clock.now = f.clock.now.Add(48 * time.Hour) // past B's 4-hour limit
		staff = f.login("county_staff")

		var r ranking.Ranking
		staff.do("GET", "/api/v1/rankings?period=2026-03", nil).want(200).json(&r)
		colour := map[string]string{}
		for _, c := range r.Classes {
			for _, u := range c.Units {
				colour[u.UnitName] = u.Color
			}
		}
		if colour["甲单位"] != "green" || colour["乙单位"] != "red" {
			t.Fatalf("colours %v, want 甲单位 green and 乙单位 red", colour)
		}
		staff.do("GET", "/api/v1/rankings?period=2026-13", nil).want(400)

		e := staff.do("POST", "/api/v1/bulletins", map[string]any{"kind": "month", "period": "2026-W10"}).want(400).apiError()
		if e.Error.Field != "period" || !hasChinese(e.Error.Message) {
			t.Fatalf("period of the wrong kind: %+v", e.Error)
		}
		var b ranking.Bulletin
		staff.do("POST", "/api/v1/bulletins", map[string]any{"kind": "month", "period": "2026-03"}).want(201).json(&b)
		staff.do("POST", "/api/v1/bulletins", map[string]any{"kind": "month", "period": "2026-03"}).want(409)
		if len(b.RedUnits) != 1 || b.RedUnits[0].UnitName != "乙单位" || len(b.RedUnits[0].OverdueCases) != 1 || b.RedUnits[0].OverdueCases[0].Code != late {
			t.Fatalf("red units %+v, want 乙单位 with case %s", b.RedUnits, late)
		}
		path := fmt.Sprintf("/api/v1/bulletins/%d", b.ID)
		other := f.login("b_member")
		other.do("GET", path, nil).want(403)
		staff.do("POST", path+"/publish", nil).want(409) // not approved yet
		staff.do("POST", path+"/approve", nil).want(403) // the leader approves
		staff.do("PUT", path, map[string]any{"title": "关于2026年3月创城工作的通报", "summary": b.Summary}).want(200)
		f.login("a_leader").do("POST", path+"/approve", nil).want(200)
		staff.do("PUT", path, map[string]any{"title": "改", "summary": ""}).want(409)
		staff.do("POST", path+"/publish", nil).want(200).json(&b)
		if b.Status != "published" || b.Title != "关于2026年3月创城工作的通报" {
			t.Fatalf("published %+v", b)
		}
		staff.do("POST", path+"/regenerate", nil).want(409)
		other.do("GET", path, nil).want(200)
		var msgs struct{ Items []struct{ Kind string } }
		other.do("GET", "/api/v1/messages", nil).want(200).json(&msgs)
		if len(msgs.Items) == 0 || msgs.Items[0].Kind != "bulletin_red" {
			t.Fatalf("the red unit was not told: %+v", msgs.Items)
		}

		xlsx := other.do("GET", path+"/file?format=xlsx", nil).want(200).body
		docx := other.do("GET", path+"/file?format=docx", nil).want(200).body
		for name, file := range map[string][]byte{"xlsx": xlsx, "docx": docx} {
			z, err := zip.NewReader(bytes.NewReader(file), int64(len(file)))
			if err != nil {
				t.Fatalf("%s is not a zip: %v", name, err)
			}
			var text strings.Builder
			for _, part := range z.File {
				rc, _ := part.Open()
				b, _ := io.ReadAll(rc)
				rc.Close()
				text.Write(b)
			}
			if !strings.Contains(text.String(), "乙单位") || !strings.Contains(text.String(), late) {
				t.Fatalf("the %s does not name 乙单位 and case %s", name, late)
			}
		}
		other.do("GET", path+"/file?format=txt", nil).want(400)
		pdf := other.do("GET", path+"/file?format=pdf", nil).want(200)
		if !bytes.HasPrefix(pdf.body, []byte("%PDF-")) {
			t.Fatalf("not a PDF: %.40q", pdf.body)
		}
		if !pdfTools(t) {
			return
		}
		dir := t.TempDir()
		file := filepath.Join(dir, "通报.pdf")
		os.WriteFile(file, pdf.body, 0o644)
		if out, err := exec.Command("pdftoppm", "-png", "-r", "60", file, filepath.Join(dir, "page")).CombinedOutput(); err != nil {
			t.Fatalf("pdftoppm: %v %s", err, out)
		}
		if pages, _ := filepath.Glob(filepath.Join(dir, "page*.png")); len(pages) == 0 {
			t.Fatal("the PDF rendered no page")
		}
		text, err := exec.Command("pdftotext", "-enc", "UTF-8", file, "-").Output()
		if err != nil {
			t.Fatal(err)
		}
		for _, want := range []string{"关于2026年3月创城工作的通报", "甲单位", "乙单位", "县文明办", late, "红色单位"} {
			if !strings.Contains(string(text), want) {
				t.Fatalf("the PDF's text lacks %q (missing glyphs?):\n%s", want, text)
			}
		}
	})
}

// TestSanctionsReachTheUnit: a talk and a notice recorded against unit B
// show in its figures, its list and, for the notice, its 督办通知; unit A
// sees none of them; only the office records.
func TestSanctionsReachTheUnit(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
		f := newFixture(t, db)
		staff := f.login("county_staff")
		var doc struct{ ID int64 }
		staff.upload("/api/v1/files", "约谈记录.pdf", []byte("%PDF-1.4\n%%EOF\n")).want(201).json(&doc)
		e := staff.do("POST", "/api/v1/sanctions", map[string]any{"kind": "talk", "unitId": f.unitB, "title": "", "occurredAt": "2026-03-02"}).want(400).apiError()
		if e.Error.Field != "title" {
			t.Fatalf("no title: %+v", e.Error)
		}
		staff.do("POST", "/api/v1/sanctions", map[string]any{"kind": "talk", "unitId": f.unitB, "title": "约谈乙单位负责人", "occurredAt": "2026-03-02", "fileIds": []int64{doc.ID}}).want(201)
		staff.do("POST", "/api/v1/sanctions", map[string]any{"kind": "notice", "unitId": f.unitB, "title": "督办：背街小巷卫生", "body": "限三日内整改", "occurredAt": "2026-03-02"}).want(201)
		f.login("b_member").do("POST", "/api/v1/sanctions", map[string]any{"kind": "talk", "unitId": f.unitA, "title": "x", "occurredAt": "2026-03-02"}).want(403)

		var list struct{ Items []ranking.Sanction }
		f.login("b_member").do("GET", "/api/v1/sanctions", nil).want(200).json(&list)
		if len(list.Items) != 2 || len(list.Items[1].Files) != 1 {
			t.Fatalf("unit B's sanctions %+v", list.Items)
		}
		f.login("a_liaison").do("GET", "/api/v1/sanctions", nil).want(200).json(&list)
		if len(list.Items) != 0 {
			t.Fatalf("unit A sees %d sanctions of unit B", len(list.Items))
		}
		var notices struct{ Items []cases.Notice }
		f.login("b_member").do("GET", "/api/v1/notices?open=true", nil).want(200).json(&notices)
		if len(notices.Items) != 1 || notices.Items[0].Kind != "manual" {
			t.Fatalf("notices %+v, want the hand-issued one", notices.Items)
		}
		// A unit reads the ranking first and sees only its own figures; the
		// office, reading the same (cached) ranking next, still sees all.
		staff.do("POST", "/api/v1/sanctions", map[string]any{"kind": "exposure", "unitId": f.subA, "title": "曝光：下属所门前乱堆放", "occurredAt": "2026-03-02"}).want(201)
		var r ranking.Ranking
		f.login("b_member").do("GET", "/api/v1/rankings?period=2026-03", nil).want(200).json(&r)
		for _, c := range r.Classes {
			for _, u := range c.Units {
				if u.UnitName == "甲单位下属所" && u.Figures.Exposures != 0 {
					t.Fatalf("unit B reads 甲单位下属所's figures %+v", u.Figures)
				}
			}
		}
		staff.do("GET", "/api/v1/rankings?period=2026-03", nil).want(200).json(&r)
		seen := 0
		for _, c := range r.Classes {
			for _, u := range c.Units {
				if u.UnitName == "乙单位" && (u.Figures.Talks != 1 || u.Figures.Notices != 1) {
					t.Fatalf("乙单位's figures %+v", u.Figures)
				}
				if u.UnitName == "甲单位下属所" {
					seen = u.Figures.Exposures
				}
			}
		}
		if seen != 1 {
			t.Fatalf("the office sees 甲单位下属所 with %d exposures after a unit read the ranking, want 1", seen)
		}
	})
}

// TestScheduledBulletinsDraftOnce: the job drafts last week's, last month's
// and last quarter's bulletins once, however often it runs, and tells the
// office.
func TestScheduledBulletinsDraftOnce(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
		f := newFixture(t, db)
		ctx := t.Context()
		if n, err := f.ranking.DraftScheduled(ctx); err != nil || n != 3 {
			t.Fatalf("first run drafted %d (%v), want 3", n, err)
		}
		if n, err := f.ranking.DraftScheduled(ctx); err != nil || n != 0 {
			t.Fatalf("second run drafted %d (%v), want 0", n, err)
		}
		var list struct{ Items []ranking.Bulletin }
		f.login("county_staff").do("GET", "/api/v1/bulletins?status=draft", nil).want(200).json(&list)
		periods := map[string]string{}
		for _, b := range list.Items {
			periods[b.Kind] = b.Period
		}
		// The fixture's clock stands on Monday 2 March 2026.
		if periods["week"] != "2026-W09" || periods["month"] != "2026-02" || periods["quarter"] != "2025-Q4" {
			t.Fatalf("drafted %v", periods)
		}
		var msgs struct{ Items []struct{ Kind string } }
		f.login("county_staff").do("GET", "/api/v1/messages", nil).want(200).json(&msgs)
		n := 0
		for _, m := range msgs.Items {
			if m.Kind == "bulletin_draft" {
				n++
			}
		}
		if n != 3 {
			t.Fatalf("the office got %d review reminders, want 3", n)
		}
		f.login("b_member").do("GET", "/api/v1/bulletins", nil).want(200).json(&list)
		if len(list.Items) != 0 {
			t.Fatalf("a unit sees %d unpublished bulletins", len(list.Items))
		}
	})
}
