package cases_test

import (
	"encoding/json"
	"testing"
	"time"

	"wenming/internal/cases"
	"wenming/internal/domain"
	"wenming/internal/store"
	"wenming/internal/store/storetest"
)

// TestUnitFiguresByHand: a unit's September, case by case, against what the
// ranking weighs. Working hours are 09:00–17:00 on weekdays; the facility
// category allows two working days from accepting.
func TestUnitFiguresByHand(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
		w := newWorld(t, db)
		staff, inspector, liaison := w.as("staff"), w.as("inspector"), w.as("a_liaison")
		token := func(id int64) string {
			var tok string
			w.must(db.Read().QueryRow(w.ctx, `SELECT public_token FROM cases WHERE id = ?`, id).Scan(&tok))
			return tok
		}
		accepted := func(key string, day, hour int) int64 {
			w.at(time.September, day, hour, 0)
			k := w.snap(key, w.facility)
			_, err := w.cases.Dispatch(w.ctx, staff, k.ID, cases.DispatchInput{UnitID: &w.unitA})
			w.must(err)
			_, err = w.cases.Accept(w.ctx, liaison, k.ID, cases.NoteInput{})
			w.must(err)
			return k.ID
		}
		report := func(id int64, day, hour int) {
			w.at(time.September, day, hour, 0)
			_, err := w.cases.Report(w.ctx, liaison, id, cases.PhotoInput{Note: "已处理", FileIDs: []int64{w.photo(liaison)}})
			w.must(err)
		}
		verify := func(id int64, day, hour int, decision string) {
			w.at(time.September, day, hour, 30)
			_, err := w.cases.Verify(w.ctx, inspector, id, cases.VerifyInput{Decision: decision, PhotoInput: cases.PhotoInput{Note: "复核", FileIDs: []int64{w.photo(inspector)}}})
			w.must(err)
		}
		rate := func(id int64, day, stars int) {
			w.at(time.September, day, 9, 0)
			_, err := w.cases.Rate(w.ctx, token(id), cases.RatingInput{Rating: stars})
			w.must(err)
		}

		// August: dispatched and closed before the period, not counted.
		w.at(time.August, 20, 10, 0)
		old := w.snap("august", w.facility)
		_, err := w.cases.Dispatch(w.ctx, staff, old.ID, cases.DispatchInput{UnitID: &w.unitA})
		w.must(err)
		_, err = w.cases.Close(w.ctx, staff, old.ID, cases.CloseInput{Closing: "not_ours", Note: "非本单位职责"})
		w.must(err)

		// On time, once reworked: accepted Mon 7th 10:00, last reported 14:00 (4 h), 5 stars.
		fixed := accepted("fixed", 7, 10)
		report(fixed, 7, 11)
		verify(fixed, 7, 11, "fail")
		report(fixed, 7, 14)
		verify(fixed, 7, 15, "pass")
		rate(fixed, 8, 5)
		// Late: deadline Wed 16th 10:00, reported Thu 17th 10:00 (7+8+8+1 = 24 working hours), 3 stars.
		late := accepted("late", 14, 10)
		report(late, 17, 10)
		verify(late, 17, 11, "pass")
		rate(late, 18, 3)
		// Never reported, deadline Wed 23rd: overdue.
		accepted("silent", 21, 10)
		// Not the unit's: closed by the office, neither closed work nor overdue.
		notOurs := accepted("not-ours", 22, 10)
		w.at(time.September, 25, 10, 0)
		_, err = w.cases.Close(w.ctx, staff, notOurs, cases.CloseInput{Closing: "not_ours", Note: "属供电公司"})
		w.must(err)
		// Accepted on the last afternoon: its deadline falls in October.
		accepted("month-end", 30, 16)
		// Returned by unit A, then sent to unit B.
		w.at(time.September, 10, 10, 0)
		back := w.snap("returned", w.facility)
		_, err = w.cases.Dispatch(w.ctx, staff, back.ID, cases.DispatchInput{UnitID: &w.unitA})
		w.must(err)
		_, err = w.cases.Return(w.ctx, liaison, back.ID, cases.ReasonInput{Reason: "不属本单位职责"})
		w.must(err)
		_, err = w.cases.RuleReturn(w.ctx, staff, back.ID, cases.RuleReturnInput{Decision: "uphold", UnitID: &w.unitB})
		w.must(err)

		w.at(time.October, 8, 15, 0)
		from := time.Date(2026, time.September, 1, 0, 0, 0, 0, domain.Beijing)
		september := func() map[int64]*cases.UnitFigures {
			t.Helper()
			figures, err := w.cases.FiguresByUnit(w.ctx, from.UTC(), from.AddDate(0, 1, 0).UTC())
			w.must(err)
			return figures
		}
		figures := september()
		a := figures[w.unitA]
		if a == nil {
			t.Fatalf("no figures for unit A: %v", figures)
		}
		got := []any{a.CasesReceived, a.CasesClosed, *a.OnTimeRate, *a.ReworkRate, a.Overdue, a.Returns, *a.AvgHandlingHours, *a.Satisfaction}
		want := []any{5, 2, 0.5, 0.5, 2, 1, 14.0, 4.0}
		for i, name := range []string{"received", "closed", "on-time rate", "rework rate", "overdue", "returns", "mean hours", "satisfaction"} {
			if got[i] != want[i] {
				t.Errorf("unit A %s = %v, want %v", name, got[i], want[i])
			}
		}
		// A month is summed from the daily counters the database keeps; a
		// window off midnight reads the cases. Both agree, on every day,
		// including the day a deadline passes (before and after it).
		var silentDeadline time.Time
		w.must(db.Read().QueryRow(w.ctx, `SELECT deadline_at FROM cases WHERE lead_unit_id = ? AND reported_at IS NULL AND closing = '' ORDER BY deadline_at LIMIT 1`, w.unitA).Scan(&silentDeadline))
		for _, now := range []time.Time{silentDeadline.Add(-time.Minute), silentDeadline.Add(time.Minute), time.Date(2026, time.October, 8, 15, 0, 0, 0, domain.Beijing)} {
			w.now = now
			for _, to := range []time.Time{from.AddDate(0, 1, 0), from.AddDate(0, 2, 0)} {
				byDay, err := w.cases.FiguresByUnit(w.ctx, from.UTC(), to.UTC())
				w.must(err)
				byScan, err := w.cases.FiguresByUnit(w.ctx, from.Add(-time.Microsecond).UTC(), to.UTC())
				w.must(err)
				for _, u := range []int64{w.unitA, w.unitB} {
					if d, c := asJSON(byDay[u]), asJSON(byScan[u]); d != c {
						t.Errorf("at %s, to %s, unit %d: counters %s, cases %s", now, to.Format(time.DateOnly), u, d, c)
					}
				}
			}
		}
		w.now = silentDeadline.Add(-time.Minute)
		before := september()[w.unitA].Overdue
		w.now = silentDeadline.Add(time.Minute)
		if after := september()[w.unitA].Overdue; after != before+1 {
			t.Errorf("overdue %d a minute before the silent case's deadline and %d after, want one more", before, after)
		}
		// An upgrade over existing cases fills the counters from them.
		w.at(time.October, 8, 15, 0)
		w.must(db.Rollback(w.ctx, 9))
		w.must(db.Migrate(w.ctx))
		again := september()
		for _, u := range []int64{w.unitA, w.unitB} {
			if a, b := asJSON(again[u]), asJSON(figures[u]); a != b {
				t.Errorf("unit %d after the upgrade: %s, before: %s", u, a, b)
			}
		}
		if b := figures[w.unitB]; b == nil || b.CasesReceived != 1 || b.CasesClosed != 0 || b.OnTimeRate != nil || b.Satisfaction != nil {
			t.Errorf("unit B: %+v", b)
		}
	})
}

func asJSON(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}
