package httpapi_test

import (
	"archive/zip"
	"bytes"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"wenming/internal/store"
	"wenming/internal/store/storetest"
)

type subView struct {
	ID      int64
	Version int
	Status  string
	Grade   string
	Comment string
	Files   []struct{ ID int64 }
}

// submissionSetup imports the test framework and generates requirements.
func submissionSetup(t *testing.T, f *fixture) (office *client, requirementOf func(unit int64, code string) int64) {
	office = f.login("county_staff")
	var fw struct{ ID int64 }
	office.upload("/api/v1/frameworks/import", "体系.xlsx", frameworkBook(t, nil)).want(201).json(&fw)
	var gen struct{ Created, Kept, Removed int }
	office.do("POST", "/api/v1/requirements/generate", map[string]any{"frameworkId": fw.ID}).want(200).json(&gen)
	// 1.1.1.1 (甲 lead, 乙 responsible) and 2.1.1.1 (县文明办) are material standards.
	if gen.Created != 3 {
		t.Fatalf("generated %+v, want 3 requirements", gen)
	}
	office.do("POST", "/api/v1/requirements/generate", map[string]any{"frameworkId": fw.ID}).want(200).json(&gen)
	if gen.Created != 0 || gen.Kept != 3 {
		t.Fatalf("regenerating changed requirements: %+v", gen)
	}
	var reqs struct {
		Items []struct {
			ID           int64
			UnitID       int64
			StandardCode string
		}
	}
	office.do("GET", "/api/v1/requirements", nil).want(200).json(&reqs)
	return office, func(unit int64, code string) int64 {
		for _, r := range reqs.Items {
			if r.UnitID == unit && r.StandardCode == code {
				return r.ID
			}
		}
		t.Fatalf("no requirement for unit %d standard %s", unit, code)
		return 0
	}
}

func TestSubmissionReviewLoop(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
		f := newFixture(t, db) // 2026-03-02: the period is 2026-Q1, due 2026-03-31
		office, requirementOf := submissionSetup(t, f)
		reqA := requirementOf(f.unitA, "1.1.1.1")
		office.do("PUT", fmt.Sprintf("/api/v1/requirements/%d", reqA), map[string]any{"cadence": "quarter", "description": "公交站点普查台账",
			"fields": []map[string]any{{"name": "站点数", "required": true}}, "minFiles": 2}).want(200)

		liaison := f.login("a_liaison")
		var todo struct {
			Items []struct {
				Requirement struct{ ID int64 }
				Period      string
				State       string
			}
		}
		liaison.do("GET", "/api/v1/submissions/todo?period=2026-03", nil).want(200).json(&todo)
		if len(todo.Items) != 1 || todo.Items[0].Period != "2026-Q1" || todo.Items[0].State != "missing" {
			t.Fatalf("todo: %+v", todo)
		}
		var pdf, photo struct{ ID int64 }
		liaison.upload("/api/v1/files", "台账.pdf", []byte("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n")).want(201).json(&pdf)
		liaison.upload("/api/v1/files", "站点.png", pngBytes(t)).want(201).json(&photo)

		var sub subView
		liaison.do("POST", fmt.Sprintf("/api/v1/requirements/%d/submissions", reqA), map[string]any{"period": "2026-Q1", "note": "一季度", "fileIds": []int64{pdf.ID}}).want(201).json(&sub)
		// Refused: a missing required field, too few files, another unit's requirement, a wrong period shape.
		if e := liaison.do("POST", fmt.Sprintf("/api/v1/submissions/%d/submit", sub.ID), nil).want(400).apiError(); e.Error.Field != "values.站点数" {
			t.Fatalf("required field: %+v", e)
		}
		liaison.do("PUT", fmt.Sprintf("/api/v1/submissions/%d", sub.ID), map[string]any{"note": "一季度", "values": map[string]string{"站点数": "128"}, "fileIds": []int64{pdf.ID}}).want(200)
		if e := liaison.do("POST", fmt.Sprintf("/api/v1/submissions/%d/submit", sub.ID), nil).want(400).apiError(); e.Error.Field != "fileIds" {
			t.Fatalf("min files: %+v", e)
		}
		f.login("b_member").do("PUT", fmt.Sprintf("/api/v1/submissions/%d", sub.ID), map[string]any{"note": "越权"}).want(403)
		if e := liaison.do("POST", fmt.Sprintf("/api/v1/requirements/%d/submissions", reqA), map[string]any{"period": "2026-03"}).want(400).apiError(); e.Error.Field != "period" {
			t.Fatalf("period: %+v", e)
		}
		liaison.do("PUT", fmt.Sprintf("/api/v1/submissions/%d", sub.ID), map[string]any{"note": "一季度", "values": map[string]string{"站点数": "128"}, "fileIds": []int64{pdf.ID, photo.ID}}).want(200)
		liaison.do("POST", fmt.Sprintf("/api/v1/submissions/%d/submit", sub.ID), nil).want(200).json(&sub)
		if sub.Status != "submitted" || len(sub.Files) != 2 {
			t.Fatalf("submitted: %+v", sub)
		}

		// The office returns it with a comment on the photo.
		liaison.do("POST", fmt.Sprintf("/api/v1/submissions/%d/review", sub.ID), map[string]any{"decision": "approve", "grade": "met"}).want(403)
		if e := office.do("POST", fmt.Sprintf("/api/v1/submissions/%d/review", sub.ID), map[string]any{"decision": "return"}).want(400).apiError(); e.Error.Field != "comment" {
			t.Fatalf("return without comment: %+v", e)
		}
		var queue struct{ Items []struct{ ID int64 } }
		office.do("GET", "/api/v1/submissions/review", nil).want(200).json(&queue)
		if len(queue.Items) != 1 || queue.Items[0].ID != sub.ID {
			t.Fatalf("queue: %+v", queue)
		}
		office.do("POST", fmt.Sprintf("/api/v1/submissions/%d/review", sub.ID), map[string]any{"decision": "return", "comment": "照片看不清站牌",
			"fileComments": map[string]string{fmt.Sprint(photo.ID): "请补拍站牌"}}).want(200).json(&sub)
		if sub.Status != "returned" {
			t.Fatalf("returned: %+v", sub)
		}

		// The unit resubmits: a second version keeping the PDF, with a new photo.
		var photo2 struct{ ID int64 }
		liaison.upload("/api/v1/files", "站牌.png", pngSized(t, 300, 300)).want(201).json(&photo2)
		var v2 subView
		liaison.do("POST", fmt.Sprintf("/api/v1/requirements/%d/submissions", reqA), map[string]any{"period": "2026-Q1", "note": "补拍站牌",
			"values": map[string]string{"站点数": "128"}, "fileIds": []int64{pdf.ID, photo2.ID}}).want(201).json(&v2)
		if v2.Version != 2 {
			t.Fatalf("resubmission version %d", v2.Version)
		}
		liaison.do("POST", fmt.Sprintf("/api/v1/submissions/%d/submit", v2.ID), nil).want(200)

		var before struct {
			Standards []struct {
				Code         string
				MaterialRate *float64
			}
			Cells []struct {
				UnitID int64
				State  string
			}
		}
		office.do("GET", "/api/v1/submissions/matrix?period=2026-03", nil).want(200).json(&before)
		if rate := before.Standards[0].MaterialRate; before.Standards[0].Code != "1.1.1.1" || rate != nil {
			t.Fatalf("before approval the rate has no data: %+v", before.Standards)
		}
		office.do("POST", fmt.Sprintf("/api/v1/submissions/%d/review", v2.ID), map[string]any{"decision": "approve", "grade": "basic", "comment": "基本齐全"}).want(200)

		var after = before
		office.do("GET", "/api/v1/submissions/matrix?period=2026-03", nil).want(200).json(&after)
		if rate := after.Standards[0].MaterialRate; rate == nil || *rate != 0.6 {
			t.Fatalf("material rate after 基本达标: %+v", after.Standards[0])
		}
		states := map[int64]string{}
		for _, c := range after.Cells {
			states[c.UnitID] = c.State
		}
		if states[f.unitA] != "approved" || states[f.unitB] != "missing" {
			t.Fatalf("matrix cells: %+v", states)
		}
		// Every version is kept.
		var detail struct{ History []subView }
		liaison.do("GET", fmt.Sprintf("/api/v1/submissions/%d", v2.ID), nil).want(200).json(&detail)
		if len(detail.History) != 2 || detail.History[1].Status != "returned" || detail.History[1].Comment != "照片看不清站牌" {
			t.Fatalf("history: %+v", detail.History)
		}
		f.login("b_member").do("GET", fmt.Sprintf("/api/v1/submissions/%d", v2.ID), nil).want(403)
		// Unit B cannot read unit A's evidence files either; the office can.
		f.login("b_member").do("GET", fmt.Sprintf("/api/v1/files/%d", pdf.ID), nil).want(403)
		office.do("GET", fmt.Sprintf("/api/v1/files/%d", pdf.ID), nil).want(200)

		// The archive holds the approved files in standard/unit/period folders.
		res := office.do("GET", "/api/v1/submissions/archive?year=2026", nil).want(200)
		zr, err := zip.NewReader(bytes.NewReader(res.body), int64(len(res.body)))
		if err != nil {
			t.Fatal(err)
		}
		var names []string
		for _, zf := range zr.File {
			names = append(names, zf.Name)
		}
		joined := strings.Join(names, "\n")
		if len(names) != 2 || !strings.Contains(joined, "/甲单位/2026-Q1/台账.pdf") || !strings.Contains(joined, "/甲单位/2026-Q1/站牌.png") || strings.Contains(joined, "站点.png") {
			t.Fatalf("archive: %v", names)
		}
		office.do("GET", "/api/v1/submissions/matrix/export?period=2026-03", nil).want(200)
	})
}

// TestWeeklyRemindersAndMonthEnd: reminders go only to units with open
// items, once a week; the month-end view lists exactly the open ones.
func TestWeeklyRemindersAndMonthEnd(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
		f := newFixture(t, db) // Monday 2026-03-02
		office, requirementOf := submissionSetup(t, f)
		// Unit A submits and is approved; unit B and the office have nothing in.
		liaison := f.login("a_liaison")
		var pdf struct{ ID int64 }
		liaison.upload("/api/v1/files", "台账.pdf", []byte("%PDF-1.4\n%%EOF\n")).want(201).json(&pdf)
		var sub subView
		liaison.do("POST", fmt.Sprintf("/api/v1/requirements/%d/submissions", requirementOf(f.unitA, "1.1.1.1")), map[string]any{"period": "2026-Q1", "fileIds": []int64{pdf.ID}}).want(201).json(&sub)
		liaison.do("POST", fmt.Sprintf("/api/v1/submissions/%d/submit", sub.ID), nil).want(200)
		office.do("POST", fmt.Sprintf("/api/v1/submissions/%d/review", sub.ID), map[string]any{"decision": "approve", "grade": "met"}).want(200)

		// Two job runners racing (two app servers) send each reminder once.
		var wg sync.WaitGroup
		counts := make([]int, 2)
		for i := range counts {
			wg.Add(1)
			go func() {
				defer wg.Done()
				n, err := f.submissions.SendWeeklyReminders(t.Context())
				if err != nil {
					t.Error(err)
				}
				counts[i] = n
			}()
		}
		wg.Wait()
		if sent := counts[0] + counts[1]; sent != 2 {
			t.Fatalf("two racing runs sent %d, want 2 (unit B and the office)", sent)
		}
		var msgs struct {
			Items []struct{ Title, Body string }
		}
		f.login("b_member").do("GET", "/api/v1/messages", nil).want(200).json(&msgs)
		if len(msgs.Items) != 1 || !strings.Contains(msgs.Items[0].Body, "1.1.1.1") {
			t.Fatalf("unit B's messages: %+v", msgs)
		}
		liaison.do("GET", "/api/v1/messages", nil).want(200).json(&msgs)
		if len(msgs.Items) != 0 {
			t.Fatalf("unit A has nothing open but got %+v", msgs)
		}
		f.clock.now = f.clock.now.Add(50 * time.Hour) // Wednesday, same week
		if sent, _ := f.submissions.SendWeeklyReminders(t.Context()); sent != 0 {
			t.Fatalf("a second run in the same week sent %d", sent)
		}
		f.clock.now = f.clock.now.Add(6 * 24 * time.Hour) // next week
		if sent, _ := f.submissions.SendWeeklyReminders(t.Context()); sent != 2 {
			t.Fatalf("next week sent %d, want 2", sent)
		}

		office = f.login("county_staff") // the clock moved past the idle timeout
		var open struct {
			Units []struct {
				UnitName string
				Items    []struct{ StandardCode, State string }
			}
		}
		office.do("GET", "/api/v1/submissions/open?month=2026-03", nil).want(200).json(&open)
		got := map[string]string{}
		for _, u := range open.Units {
			for _, it := range u.Items {
				got[u.UnitName] = it.StandardCode
			}
		}
		if len(got) != 2 || got["乙单位"] != "1.1.1.1" || got["县文明办"] != "2.1.1.1" {
			t.Fatalf("month-end open items: %+v", open.Units)
		}
		// February's month end has nothing due: Q1 ends in March.
		office.do("GET", "/api/v1/submissions/open?month=2026-02", nil).want(200).json(&open)
		if len(open.Units) != 0 {
			t.Fatalf("nothing is due by the end of February: %+v", open.Units)
		}
		var figures struct {
			Units []struct {
				UnitName         string
				Due, OnTime, Met int
				OnTimeRate       float64
			}
		}
		office.do("GET", "/api/v1/submissions/figures?quarter=2026-Q1", nil).want(200).json(&figures)
		for _, u := range figures.Units {
			if u.UnitName == "甲单位" && (u.Due != 1 || u.OnTime != 1 || u.Met != 1 || u.OnTimeRate != 1) {
				t.Fatalf("unit A's figures: %+v", u)
			}
		}
	})
}
