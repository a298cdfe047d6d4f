package cases_test

import (
	"testing"
	"time"

	"wenming/internal/cases"
	"wenming/internal/domain"
	"wenming/internal/store"
	"wenming/internal/store/storetest"
)

// TestOverviewCountsByHand: the cockpit's case figures against cases laid
// out by hand over two months.
func TestOverviewCountsByHand(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
		w := newWorld(t, db)
		staff, liaison := w.as("staff"), w.as("a_liaison")
		// Outside the 30 days: one declined in August, one still open since August.
		w.at(time.August, 3, 10, 0)
		old := w.snap("old-closed", w.facility)
		_, err := w.cases.Decline(w.ctx, staff, old.ID, cases.ReasonInput{Reason: "重复上报"})
		w.must(err)
		stale := w.snap("old-open", w.facility)
		_, err = w.cases.Dispatch(w.ctx, staff, stale.ID, cases.DispatchInput{UnitID: &w.unitA})
		w.must(err)
		// In the window: one new, one overdue, one made and closed today.
		w.at(time.September, 25, 10, 0)
		w.snap("new", w.facility)
		w.at(time.September, 28, 9, 30)
		late := w.snap("late", w.facility)
		_, err = w.cases.Dispatch(w.ctx, staff, late.ID, cases.DispatchInput{UnitID: &w.unitA})
		w.must(err)
		_, err = w.cases.Accept(w.ctx, liaison, late.ID, cases.NoteInput{})
		w.must(err)
		w.at(time.September, 29, 9, 0)
		today := w.snap("today", w.facility)
		_, err = w.cases.Decline(w.ctx, staff, today.ID, cases.ReasonInput{Reason: "非城市管理问题"})
		w.must(err)

		// Closed, reopened by its resident, closed again: counted once, on its last day.
		w.at(time.September, 26, 10, 0)
		again := w.snap("again", w.facility)
		_, err = w.cases.Decline(w.ctx, staff, again.ID, cases.ReasonInput{Reason: "非城市管理问题"})
		w.must(err)
		var token string
		w.must(db.Read().QueryRow(w.ctx, `SELECT public_token FROM cases WHERE id = ?`, again.ID).Scan(&token))
		w.at(time.September, 27, 10, 0)
		_, err = w.cases.Reopen(w.ctx, token, cases.ReasonInput{Reason: "垃圾还在"})
		w.must(err)
		w.at(time.September, 30, 10, 0)
		_, err = w.cases.Decline(w.ctx, staff, again.ID, cases.ReasonInput{Reason: "已由环卫所清理"})
		w.must(err)

		w.at(time.October, 8, 15, 0) // the 2-working-day limit of "late" has run out
		// The county's staff reads its pool by scanning; the whole city's
		// office reads the daily counters the database keeps. Both agree.
		city := &domain.Actor{RealName: "全市", Roles: []domain.Role{domain.RoleOfficeStaff}, Scope: domain.ScopeAll}
		for _, actor := range []*domain.Actor{staff, city} {
			overviewByHand(t, w, actor)
		}
		// An upgrade over existing cases fills the counters from them.
		w.must(db.Rollback(w.ctx, 7))
		w.must(db.Migrate(w.ctx))
		overviewByHand(t, w, city)
	})
}

func overviewByHand(t *testing.T, w *world, actor *domain.Actor) {
	t.Helper()
	{
		o, err := w.cases.Overview(w.ctx, actor)
		w.must(err)
		if o.Open != 3 || o.ByState["new"] != 1 || o.ByState["dispatched"] != 1 || o.ByState["handling"] != 1 || o.Overdue != 1 {
			t.Errorf("open %d by state %v overdue %d; want 3 (new 1, dispatched 1, handling 1), 1 overdue", o.Open, o.ByState, o.Overdue)
		}
		if o.BySource["cadre_snap"] != 3 || len(o.ByRegion) != 1 || o.ByRegion[0].Open != 3 || o.ByRegion[0].Overdue != 1 {
			t.Errorf("by source %v, by region %+v", o.BySource, o.ByRegion)
		}
		want := map[string][2]int{"2026-09-25": {1, 0}, "2026-09-26": {1, 0}, "2026-09-28": {1, 0}, "2026-09-29": {1, 1}, "2026-09-30": {0, 1}}
		if len(o.Trend) != 30 || o.Trend[29].Date != "2026-10-08" {
			t.Fatalf("trend runs %d days to %s", len(o.Trend), o.Trend[len(o.Trend)-1].Date)
		}
		for _, d := range o.Trend {
			if got := [2]int{d.Intake, d.Closed}; got != want[d.Date] {
				t.Errorf("%s: intake, closed %v, want %v", d.Date, got, want[d.Date])
			}
		}
		if o.TodayIntake != 0 || o.TodayClosed != 0 || len(o.Heat) != 1 || o.Heat[0].Weight != 3 {
			t.Errorf("today %d/%d, heat %+v", o.TodayIntake, o.TodayClosed, o.Heat)
		}
	}
}
