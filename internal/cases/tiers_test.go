package cases_test

import (
	"errors"
	"slices"
	"testing"
	"time"

	"wenming/internal/cases"
	"wenming/internal/domain"
	"wenming/internal/store"
	"wenming/internal/store/storetest"
)

// The three tiers, on one hotline case: the city's office receives it and
// hands it down to county A; A's office dispatches it to its township; the
// township passes it to its community, which signs, fixes and reports
// back; A's office verifies. Every hop is on the timeline, counted, and
// restarts the handling clock for the unit that signs.
func TestCaseRunsThroughThreeTiers(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
		w := newTwoCounties(t, db)
		a, b, city := w.A, w.B, w.city
		ctx := t.Context()
		township := w.Person(t, "a_town", a.Township, domain.RoleUnitLiaison, domain.ScopeUnit, nil)
		community := w.Person(t, "a_community", a.Neighbourhood, domain.RoleUnitLiaison, domain.ScopeUnit, nil)

		k, _, err := w.svc.Intake(ctx, city.Staff, cases.IntakeInput{Source: "hotline", ExternalID: "8890-0001", CategoryID: w.litter.ID,
			Description: "东关社区楼道堆放杂物", RegionID: &a.Community})
		if err != nil {
			t.Fatal(err)
		}
		if k.JurisdictionID == nil || *k.JurisdictionID != city.Jurisdiction {
			t.Fatalf("the city's hotline case is in %v, want the city's until handed down", k.JurisdictionID)
		}
		if _, err := w.svc.Dispatch(ctx, a.Staff, k.ID, cases.DispatchInput{UnitID: &a.Township}); err == nil {
			t.Fatal("county A dispatched the city's case before it was handed down")
		}
		_, err = w.svc.HandDown(ctx, city.Staff, k.ID, cases.HandDownInput{JurisdictionID: b.Jurisdiction})
		invalidOn(t, err, "jurisdictionId") // the community lies in A, not B
		step := func(what string) func(cases.CaseDetail, error) cases.CaseDetail {
			return func(d cases.CaseDetail, err error) cases.CaseDetail {
				t.Helper()
				if err != nil {
					t.Fatalf("%s: %v", what, err)
				}
				return d
			}
		}
		step("hand down")(w.svc.HandDown(ctx, city.Staff, k.ID, cases.HandDownInput{JurisdictionID: a.Jurisdiction, Note: "属会宁县"}))
		if _, err := w.svc.Dispatch(ctx, city.Staff, k.ID, cases.DispatchInput{UnitID: &a.Township}); !errors.Is(err, domain.ErrForbidden) {
			t.Errorf("the city dispatched county A's case itself: %v", err)
		}
		step("dispatch")(w.svc.Dispatch(ctx, a.Staff, k.ID, cases.DispatchInput{UnitID: &a.Township}))
		step("township accepts")(w.svc.Accept(ctx, township, k.ID, cases.NoteInput{}))
		_, err = w.svc.PassDown(ctx, township, k.ID, cases.DispatchInput{UnitID: &a.Dept})
		invalidOn(t, err, "unitId") // 县住建局 is not under the township
		d := step("pass down")(w.svc.PassDown(ctx, township, k.ID, cases.DispatchInput{UnitID: &a.Neighbourhood, Note: "请社区处置"}))
		if d.State != cases.StateDispatched || d.Deadline != nil {
			t.Errorf("after passing down: %s, deadline %v; want waiting for the community to sign", d.State, d.Deadline)
		}
		d = step("community accepts")(w.svc.Accept(ctx, community, k.ID, cases.NoteInput{}))
		if d.Deadline == nil {
			t.Fatal("the community's clock did not start when it signed")
		}
		step("community reports")(w.svc.Report(ctx, community, k.ID, cases.PhotoInput{Note: "已清理", FileIDs: []int64{w.photo(t, community)}}))
		d = step("county verifies")(w.svc.Verify(ctx, a.Staff, k.ID, cases.VerifyInput{Decision: "pass"}))
		if d.State != cases.StateClosed || d.HopCount != 2 {
			t.Errorf("closed as %s with %d hops, want closed after 2 hops", d.State, d.HopCount)
		}
		var kinds []cases.Kind
		for _, ev := range d.Timeline {
			kinds = append(kinds, ev.Kind)
		}
		want := []cases.Kind{cases.KindCreated, cases.KindHandedDown, cases.KindDispatched, cases.KindAccepted, cases.KindPassedDown,
			cases.KindAccepted, cases.KindReported, cases.KindVerifiedPass}
		if !slices.Equal(kinds, want) {
			t.Errorf("timeline %v, want %v", kinds, want)
		}
		// Each tier's own clock: who held the case, from which step to which.
		at := map[cases.Kind]time.Time{}
		for _, ev := range d.Timeline {
			at[ev.Kind] = ev.At
		}
		var holders []string
		for i, end := range []cases.Kind{cases.KindHandedDown, cases.KindDispatched, cases.KindPassedDown, cases.KindReported, cases.KindVerifiedPass} {
			if i >= len(d.Spans) {
				break
			}
			s := d.Spans[i]
			holders = append(holders, s.Holder)
			if s.To == nil || !s.To.Equal(at[end]) || s.From.After(*s.To) || s.WorkingMinutes < 0 {
				t.Errorf("span %d %s: %v – %v, %d min; want it to end at %s", i, s.Holder, s.From, s.To, s.WorkingMinutes, end)
			}
		}
		if len(d.Spans) != 5 || !slices.Equal(holders, []string{"白银市创城办", "会宁县创城办", "会师镇", "东关社区", "会宁县创城办"}) {
			t.Errorf("holders %q, want city office, county office, township, community, county office", holders)
		}
	})
}

// The office above takes a case back from a county, with a reason, and
// runs it itself; a county cannot take back its neighbour's case nor the
// city's.
func TestOfficeAboveTakesACaseBack(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
		w := newTwoCounties(t, db)
		a, b, city := w.A, w.B, w.city
		ctx := t.Context()
		k, err := w.open(t, a.Staff, cases.IntakeInput{RegionID: &a.Street})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.svc.Dispatch(ctx, a.Staff, k.ID, cases.DispatchInput{UnitID: &a.Dept}); err != nil {
			t.Fatal(err)
		}
		if _, err := w.svc.TakeBack(ctx, b.Staff, k.ID, cases.ReasonInput{Reason: "越权"}); err == nil {
			t.Error("county B took county A's case")
		}
		_, err = w.svc.TakeBack(ctx, city.Staff, k.ID, cases.ReasonInput{})
		invalidOn(t, err, "reason")
		d, err := w.svc.TakeBack(ctx, city.Staff, k.ID, cases.ReasonInput{Reason: "涉及多个部门，由市级统筹"})
		if err != nil {
			t.Fatal(err)
		}
		if d.JurisdictionID == nil || *d.JurisdictionID != city.Jurisdiction || d.State != cases.StateRegistered || d.LeadUnitID != nil {
			t.Fatalf("taken back: jurisdiction %v, %s, lead %v", d.JurisdictionID, d.State, d.LeadUnitID)
		}
		if _, err := w.svc.Accept(ctx, a.Liaison, k.ID, cases.NoteInput{}); err == nil {
			t.Error("county A's unit accepted the case taken back from it")
		}
		if _, err := w.svc.TakeBack(ctx, a.Staff, k.ID, cases.ReasonInput{Reason: "要回来"}); err == nil {
			t.Error("county A took the city's case")
		}
		if _, err := w.svc.Dispatch(ctx, city.Staff, k.ID, cases.DispatchInput{UnitID: &w.city.Dept}); err != nil {
			t.Errorf("the city cannot dispatch the case it took back to its own department: %v", err)
		}
	})
}
