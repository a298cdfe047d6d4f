package cases_test

import (
	"encoding/json"
	"testing"

	"wenming/internal/cases"
	"wenming/internal/domain"
	"wenming/internal/store"
	"wenming/internal/store/storetest"
)

// An action answers with the case as it now is: the same as reading it
// afresh, field for field, though the action builds its answer from the
// case it wrote rather than reading it back.
func TestActionAnswersAsAFreshRead(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
		w := newWorld(t, db)
		staff, liaison, sub := w.as("staff"), w.as("a_liaison"), w.as("sub_liaison")
		same := func(step string, a *domain.Actor) func(cases.CaseDetail, error) cases.CaseDetail {
			return func(d cases.CaseDetail, err error) cases.CaseDetail {
				t.Helper()
				w.must(err)
				fresh, err := w.cases.Get(w.ctx, a, d.ID)
				w.must(err)
				got, _ := json.Marshal(d)
				want, _ := json.Marshal(fresh)
				if string(got) != string(want) {
					t.Fatalf("%s answered\n%s\nbut reads\n%s", step, got, want)
				}
				return d
			}
		}
		k := w.snap("answer-1", w.garbage)
		d, err := w.cases.Dispatch(w.ctx, staff, k.ID, cases.DispatchInput{UnitID: &w.subA, CoUnitIDs: []int64{w.unitA}, Note: "派环卫所"})
		d = same("dispatch", staff)(d, err)
		if len(d.CoUnits) != 1 || d.State != "dispatched" {
			t.Fatalf("dispatch answered co-units %v in %s", d.CoUnits, d.State)
		}
		d = same("accept", sub)(w.cases.Accept(w.ctx, sub, k.ID, cases.NoteInput{Note: "收到"}))
		d = same("extension asked", sub)(w.cases.RequestExtension(w.ctx, sub, k.ID, cases.ExtensionInput{Minutes: 240, Reason: "等待设备"}))
		if !d.ExtensionPending {
			t.Fatal("the answer to an extension request does not show it waiting")
		}
		d = same("extension granted", staff)(w.cases.RuleExtension(w.ctx, staff, k.ID, cases.RuleExtensionInput{Decision: "grant"}))
		if d.ExtensionPending {
			t.Fatal("a granted extension still shows waiting")
		}
		d = same("report", sub)(w.cases.Report(w.ctx, sub, k.ID, cases.PhotoInput{Note: "已清运", FileIDs: []int64{w.photo(sub)}}))
		if len(d.AfterPhotos) != 1 || d.State != "verifying" {
			t.Fatalf("report answered %d after-photos in %s", len(d.AfterPhotos), d.State)
		}
		d = same("verify", staff)(w.cases.Verify(w.ctx, staff, k.ID, cases.VerifyInput{Decision: "pass"}))
		if d.State != "closed" || d.ClosedAt == nil {
			t.Fatalf("verify answered %s closed at %v", d.State, d.ClosedAt)
		}
		same("note by the co-handling unit", liaison)(w.cases.AddNote(w.ctx, liaison, k.ID, cases.PhotoInput{Note: "协办已配合"}))
	})
}
