package patrol_test

import (
	"fmt"
	"testing"
	"time"

	"wenming/internal/patrol"
	"wenming/internal/store"
	"wenming/internal/store/storetest"
)

// The judgement counters the live score and the rankings sum agree with the
// observations themselves after patrols on two Beijing days (one of them
// just before midnight), and a recount rebuilds them when they were emptied.
func TestJudgementCountersFollowEveryPatrol(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
		w := newWorld(t, db).stocked()
		inspector := w.as("inspector")
		check := func(when string) {
			t.Helper()
			type row struct{ a, b string }
			for _, q := range []row{
				{`SELECT COALESCE(SUM(pass), 0) || '/' || COALESCE(SUM(fail), 0) || '/' || COALESCE(SUM(na), 0) FROM observation_days`,
					`SELECT COALESCE(SUM(CASE WHEN result = 'pass' THEN 1 ELSE 0 END), 0) || '/' || COALESCE(SUM(CASE WHEN result = 'fail' THEN 1 ELSE 0 END), 0) || '/' ||
						COALESCE(SUM(CASE WHEN result = 'na' THEN 1 ELSE 0 END), 0) FROM observations WHERE round_id IS NULL`},
				{`SELECT COALESCE(SUM(pass), 0) || '/' || COALESCE(SUM(fail), 0) FROM unit_observation_days`,
					`SELECT COALESCE(SUM(CASE WHEN result = 'pass' THEN 1 ELSE 0 END), 0) || '/' || COALESCE(SUM(CASE WHEN result = 'fail' THEN 1 ELSE 0 END), 0) FROM observations`},
			} {
				var counted, scanned string
				w.must(db.Read().QueryRow(w.ctx, q.a).Scan(&counted))
				w.must(db.Read().QueryRow(w.ctx, q.b).Scan(&scanned))
				if counted != scanned {
					t.Errorf("%s: the counters say %s, the observations %s", when, counted, scanned)
				}
			}
		}
		submit := func(key string, point patrol.Point, fail ...int64) {
			t.Helper()
			_, _, err := w.patrol.Submit(w.ctx, inspector, patrol.PatrolInput{ClientKey: key, PointID: point.ID, Results: w.judged(inspector, fail...)})
			w.must(err)
		}
		check("before any patrol")
		w.now = time.Date(2026, 4, 8, 23, 59, 0, 0, time.FixedZone("CST", 8*3600))
		submit("late-1", w.square, w.busAds)
		submit("late-2", w.road)
		w.now = w.now.Add(2 * time.Minute)
		submit("next-1", w.square, w.busAds, w.busJunk)
		check("after three patrols over midnight")
		var days int
		w.must(db.Read().QueryRow(w.ctx, `SELECT COUNT(DISTINCT day) FROM unit_observation_days`).Scan(&days))
		if days != 2 {
			t.Errorf("the judgements fall on %d Beijing days, want 2 (8 and 9 April)", days)
		}
		w.must(db.Write(w.ctx, func(c *store.Conn) error {
			for _, table := range []string{"observation_days", "unit_observation_days"} {
				if _, err := c.Exec(w.ctx, `DELETE FROM `+table); err != nil {
					return err
				}
			}
			return nil
		}))
		n, err := w.patrol.Recount(w.ctx)
		w.must(err)
		if n != 9 {
			t.Errorf("recount counted %d judgements, want 9", n)
		}
		check(fmt.Sprintf("after a recount of %d judgements", n))
	})
}
