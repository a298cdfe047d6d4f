package cases_test

import (
	"slices"
	"testing"
	"time"

	"wenming/internal/audit"
	"wenming/internal/cases"
	"wenming/internal/domain"
	"wenming/internal/store"
	"wenming/internal/store/storetest"
)

func TestWholeLoopWithReworkRatingAndReopen(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
		w := newWorld(t, db)
		staff, inspector, liaison := w.as("staff"), w.as("inspector"), w.as("a_liaison")
		receipt, created, err := w.cases.SnapByResident(w.ctx, cases.ResidentInput{ClientKey: "resident-1", CategoryID: w.facility.ID,
			Description: "路灯杆倒伏", Address: "会师镇西大街", Lat: ptr(35.6934), Lng: ptr(105.0531), Phone: "13800001234"},
			[]cases.Upload{{Name: "路灯.png", Body: bytesReader(pngBytes(640, 480))}})
		w.must(err)
		if !created || receipt.State != "new" || len(receipt.Token) < 16 {
			t.Fatalf("receipt %+v", receipt)
		}
		// The resident lost signal and sends again: the same case comes back.
		again, created, err := w.cases.SnapByResident(w.ctx, cases.ResidentInput{ClientKey: "resident-1", CategoryID: w.facility.ID, Description: "路灯杆倒伏"},
			[]cases.Upload{{Name: "路灯.png", Body: bytesReader(pngBytes(640, 480))}})
		w.must(err)
		if created || again.Token != receipt.Token {
			t.Fatalf("replayed client key made a new case: %+v", again)
		}
		pool, total, err := w.cases.List(w.ctx, staff, cases.Filter{View: "pool"})
		w.must(err)
		if total != 1 {
			t.Fatalf("pool has %d cases, want 1", total)
		}
		id := pool[0].ID
		if pool[0].ReporterPhone != "138****1234" {
			t.Fatalf("phone shown as %q, want masked", pool[0].ReporterPhone)
		}

		_, err = w.cases.Register(w.ctx, staff, id, cases.RegisterInput{RegionID: &w.streetA, Note: "属实"})
		w.must(err)
		d, err := w.cases.Dispatch(w.ctx, staff, id, cases.DispatchInput{Note: "按规则派遣"})
		w.must(err)
		if d.LeadUnitID == nil || *d.LeadUnitID != w.unitA || d.State != "dispatched" {
			t.Fatalf("dispatched to %v in %s, want the category's default unit 县住建局", d.LeadUnitName, d.State)
		}
		// Another unit neither sees nor touches it.
		if _, err := w.cases.Get(w.ctx, w.as("b_liaison"), id); err == nil {
			t.Fatal("unit B read unit A's case")
		}
		_, err = w.cases.Accept(w.ctx, w.as("b_liaison"), id, cases.NoteInput{})
		wantCode(t, err, domain.CodeForbidden, "")
		inbox, _, err := w.cases.List(w.ctx, w.as("b_liaison"), cases.Filter{View: "inbox"})
		w.must(err)
		if len(inbox) != 0 {
			t.Fatalf("unit B's inbox shows %d cases of unit A", len(inbox))
		}

		_, err = w.cases.Accept(w.ctx, liaison, id, cases.NoteInput{Note: "已签收"})
		w.must(err)
		// Reporting needs an after-photo.
		_, err = w.cases.Report(w.ctx, liaison, id, cases.PhotoInput{Note: "已修复"})
		wantCode(t, err, domain.CodeInvalid, "fileIds")
		_, err = w.cases.Report(w.ctx, liaison, id, cases.PhotoInput{Note: "已扶正", FileIDs: []int64{w.photo(liaison)}, Lat: ptr(35.6936), Lng: ptr(105.0533)})
		w.must(err)
		// The handling unit cannot verify its own work.
		_, err = w.cases.Verify(w.ctx, liaison, id, cases.VerifyInput{Decision: "pass"})
		wantCode(t, err, domain.CodeForbidden, "")
		_, err = w.cases.Verify(w.ctx, inspector, id, cases.VerifyInput{Decision: "fail"})
		wantCode(t, err, domain.CodeInvalid, "note")
		d, err = w.cases.Verify(w.ctx, inspector, id, cases.VerifyInput{Decision: "fail", PhotoInput: cases.PhotoInput{Note: "灯杆仍松动", FileIDs: []int64{w.photo(inspector)}}})
		w.must(err)
		if d.State != "handling" || d.ReworkCount != 1 {
			t.Fatalf("after a failed check: %s rework %d", d.State, d.ReworkCount)
		}
		_, err = w.cases.Report(w.ctx, liaison, id, cases.PhotoInput{Note: "已加固", FileIDs: []int64{w.photo(liaison)}, Lat: ptr(35.7100), Lng: ptr(105.0531)})
		w.must(err)
		d, err = w.cases.Verify(w.ctx, inspector, id, cases.VerifyInput{Decision: "pass", PhotoInput: cases.PhotoInput{Note: "复核通过"}})
		w.must(err)
		if d.State != "closed" || d.Closing != "fixed" {
			t.Fatalf("after passing: %s/%s", d.State, d.Closing)
		}
		var far bool
		for _, e := range d.Timeline {
			if e.Kind == "reported" && e.Data["far"] == true {
				far = true
			}
		}
		if !far {
			t.Fatal("a fix photographed 1.8 km away was not flagged")
		}
		if len(d.BeforePhotos) != 1 || len(d.AfterPhotos) != 3 {
			t.Fatalf("photos before %d after %d, want 1 and 3 (two reports and a failed check)", len(d.BeforePhotos), len(d.AfterPhotos))
		}

		pub, err := w.cases.Rate(w.ctx, receipt.Token, cases.RatingInput{Rating: 4, Comment: "修得及时"})
		w.must(err)
		if pub.Rating == nil || *pub.Rating != 4 || pub.CanRate {
			t.Fatalf("rating %+v", pub)
		}
		_, err = w.cases.Rate(w.ctx, receipt.Token, cases.RatingInput{Rating: 5})
		wantCode(t, err, domain.CodeConflict, "rating")
		w.now = w.now.Add(8 * 24 * time.Hour)
		_, err = w.cases.Reopen(w.ctx, receipt.Token, cases.ReasonInput{Reason: "又倒了"})
		wantCode(t, err, domain.CodeConflict, "reason")
		w.now = w.now.Add(-2 * 24 * time.Hour)
		pub, err = w.cases.Reopen(w.ctx, receipt.Token, cases.ReasonInput{Reason: "又倒了"})
		w.must(err)
		if pub.State != "registered" {
			t.Fatalf("reopened case is %s, want back with the office", pub.State)
		}
		for _, e := range pub.Timeline {
			if e.Note == "灯杆仍松动" {
				t.Fatal("the resident sees the inspector's internal note")
			}
		}

		d, err = w.cases.Get(w.ctx, staff, id)
		w.must(err)
		want := []string{"created", "registered", "dispatched", "accepted", "reported", "verified_fail", "reported", "verified_pass", "rated", "reopened"}
		if !slices.Equal(kinds(d), want) {
			t.Fatalf("timeline %v, want %v", kinds(d), want)
		}
		if d.ReopenCount != 1 {
			t.Fatalf("reopen count %d", d.ReopenCount)
		}
		entries, _, err := audit.NewService(db, cases.EventNames()).List(w.ctx, &domain.Actor{Roles: []domain.Role{domain.RoleAuditAdmin}, Scope: domain.ScopeAll}, audit.Filter{Entity: "case", Page: 1, Size: 100})
		w.must(err)
		var actions []string
		for _, e := range entries {
			actions = append([]string{e.Action}, actions...)
		}
		wantAudit := append([]string{"create"}, want[1:]...)
		if !slices.Equal(actions, wantAudit) {
			t.Fatalf("audit %v, want %v", actions, wantAudit)
		}
	})
}

func TestReturnExtensionMergeAndRules(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
		w := newWorld(t, db)
		staff, liaison := w.as("staff"), w.as("a_liaison")
		// A rule for street A sends garbage there to 县住建局 rather than the default 县环卫所.
		_, err := w.cases.CreateRule(w.ctx, staff, cases.RuleInput{CategoryID: &w.garbage.ID, RegionID: &w.streetA, UnitID: w.unitA})
		w.must(err)
		d := w.snap("ret-1", w.garbage)
		d, err = w.cases.Dispatch(w.ctx, staff, d.ID, cases.DispatchInput{CoUnitIDs: []int64{w.unitB}})
		w.must(err)
		if *d.LeadUnitID != w.unitA || len(d.CoUnits) != 1 {
			t.Fatalf("rule chose %s with %v", d.LeadUnitName, d.CoUnits)
		}
		// The co-handling unit sees the case and may note its part, not report.
		b := w.as("b_liaison")
		if _, err := w.cases.AddNote(w.ctx, b, d.ID, cases.PhotoInput{Note: "已配合清理"}); err != nil {
			t.Fatal(err)
		}
		_, err = w.cases.Return(w.ctx, liaison, d.ID, cases.ReasonInput{})
		wantCode(t, err, domain.CodeInvalid, "reason")
		_, err = w.cases.Return(w.ctx, liaison, d.ID, cases.ReasonInput{Reason: "属环卫所职责"})
		w.must(err)
		_, err = w.cases.RuleReturn(w.ctx, staff, d.ID, cases.RuleReturnInput{Decision: "uphold", UnitID: &w.unitA})
		wantCode(t, err, domain.CodeInvalid, "unitId")
		d, err = w.cases.RuleReturn(w.ctx, staff, d.ID, cases.RuleReturnInput{Decision: "uphold", UnitID: &w.subA, Note: "改派环卫所"})
		w.must(err)
		if *d.LeadUnitID != w.subA || d.HopCount != 1 || d.ReturnCount != 1 || d.State != "dispatched" {
			t.Fatalf("after upholding: %s hops %d returns %d state %s", d.LeadUnitName, d.HopCount, d.ReturnCount, d.State)
		}
		sub := w.as("sub_liaison")
		d, err = w.cases.Accept(w.ctx, sub, d.ID, cases.NoteInput{})
		w.must(err)
		before := *d.Deadline
		_, err = w.cases.RequestExtension(w.ctx, sub, d.ID, cases.ExtensionInput{Minutes: 10, Reason: "需采购设备"})
		wantCode(t, err, domain.CodeInvalid, "minutes")
		_, err = w.cases.RequestExtension(w.ctx, sub, d.ID, cases.ExtensionInput{Minutes: 480, Reason: "需采购设备"})
		w.must(err)
		_, err = w.cases.RequestExtension(w.ctx, sub, d.ID, cases.ExtensionInput{Minutes: 480, Reason: "再延"})
		wantCode(t, err, domain.CodeConflict, "minutes")
		d, err = w.cases.RuleExtension(w.ctx, staff, d.ID, cases.RuleExtensionInput{Decision: "grant"})
		w.must(err)
		if got := w.worktime(before, *d.Deadline); got != 480 {
			t.Fatalf("extension moved the deadline by %d working minutes, want 480", got)
		}
		if d.Extension == nil || d.Extension.State != "granted" || d.ExtensionPending {
			t.Fatalf("extension %+v", d.Extension)
		}

		// A second report of the same heap, 30 m away: suggested, then merged.
		dup := w.snap("ret-2", w.garbage)
		full, err := w.cases.Get(w.ctx, staff, dup.ID)
		w.must(err)
		if len(full.Duplicates) != 1 || full.Duplicates[0].ID != d.ID {
			t.Fatalf("duplicates %+v, want the first case", full.Duplicates)
		}
		merged, err := w.cases.Merge(w.ctx, staff, dup.ID, cases.MergeInput{IntoID: d.ID})
		w.must(err)
		if merged.State != "closed" || merged.Closing != "duplicate" || merged.MergedInto == nil {
			t.Fatalf("merged %+v", merged.Case)
		}
		// Leaders read; they do not act.
		_, err = w.cases.Dispatch(w.ctx, w.as("leader"), d.ID, cases.DispatchInput{})
		wantCode(t, err, domain.CodeForbidden, "")
		if _, err := w.cases.Get(w.ctx, w.as("sysadmin"), d.ID); err == nil {
			t.Fatal("the system admin read a case")
		}
	})
}

func (w *world) worktime(a, b time.Time) int {
	// The facility of the calendar is internal; measure through a case's
	// remaining time instead: the same working calendar, 09:00–17:00.
	total := 0
	for t := a; t.Before(b); t = t.Add(time.Minute) {
		bj := t.In(domain.Beijing)
		wd := bj.Weekday() != time.Saturday && bj.Weekday() != time.Sunday
		if bj.Month() == time.October && bj.Day() <= 7 {
			wd = false
		}
		if bj.Month() == time.October && bj.Day() == 10 {
			wd = true
		}
		if m := bj.Hour()*60 + bj.Minute(); wd && m >= 9*60 && m < 17*60 {
			total++
		}
	}
	return total
}

func TestIntakeRefusesBadInputAndKeepsNothing(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
		w := newWorld(t, db)
		grid, staff := w.as("grid"), w.as("staff")
		base := cases.IntakeInput{ClientKey: "bad", Source: "cadre_snap", CategoryID: w.garbage.ID, Description: "垃圾", Lat: ptr(35.69), Lng: ptr(105.05)}
		try := func(edit func(*cases.IntakeInput), code domain.Code, field string) {
			t.Helper()
			in := base
			edit(&in)
			_, _, err := w.cases.Intake(w.ctx, grid, in)
			wantCode(t, err, code, field)
		}
		try(func(in *cases.IntakeInput) { in.CategoryID = 0 }, domain.CodeInvalid, "categoryId")
		try(func(in *cases.IntakeInput) { in.CategoryID = 99999 }, domain.CodeInvalid, "categoryId")
		try(func(in *cases.IntakeInput) { in.Lat, in.Lng = ptr(39.9), ptr(116.4) }, domain.CodeInvalid, "lat")
		try(func(in *cases.IntakeInput) { in.Lng = nil }, domain.CodeInvalid, "lat")
		try(func(in *cases.IntakeInput) { in.Description = "" }, domain.CodeInvalid, "description")
		try(func(in *cases.IntakeInput) { in.ReporterPhone = "12345" }, domain.CodeInvalid, "reporterPhone")
		try(func(in *cases.IntakeInput) { in.Source = "hotline" }, domain.CodeForbidden, "")
		try(func(in *cases.IntakeInput) { in.Source = "gossip" }, domain.CodeInvalid, "source")
		try(func(in *cases.IntakeInput) { in.UnitID = &w.unitB }, domain.CodeForbidden, "")
		_, total, err := w.cases.List(w.ctx, staff, cases.Filter{})
		w.must(err)
		if total != 0 {
			t.Fatalf("refused intakes left %d cases", total)
		}
		// A hotline order pushed twice is one case.
		order := cases.IntakeInput{Source: "hotline", ExternalID: "12345-20260929-0001", CategoryID: w.garbage.ID, Description: "市民来电反映垃圾未清运", ReporterPhone: "0943-3221234"}
		first, created, err := w.cases.Intake(w.ctx, staff, order)
		w.must(err)
		second, again, err := w.cases.Intake(w.ctx, staff, order)
		w.must(err)
		if !created || again || first.ID != second.ID {
			t.Fatalf("hotline order twice: created %v/%v ids %d/%d", created, again, first.ID, second.ID)
		}
		if first.ReporterPhone != "094*****1234" {
			t.Fatalf("landline shown as %q", first.ReporterPhone)
		}
		// Residents' photos are checked by content.
		_, _, err = w.cases.SnapByResident(w.ctx, cases.ResidentInput{ClientKey: "r-bad", CategoryID: w.garbage.ID, Description: "x"},
			[]cases.Upload{{Name: "照片.jpg", Body: bytesReader([]byte("这不是照片，是一段文字"))}})
		wantCode(t, err, domain.CodeInvalid, "photos")
		_, _, err = w.cases.SnapByResident(w.ctx, cases.ResidentInput{ClientKey: "r-none", CategoryID: w.garbage.ID, Description: "x"}, nil)
		wantCode(t, err, domain.CodeInvalid, "photos")
		_, total, err = w.cases.List(w.ctx, staff, cases.Filter{})
		w.must(err)
		if total != 1 {
			t.Fatalf("%d cases after refused reports, want only the hotline order", total)
		}
	})
}
