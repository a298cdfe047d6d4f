package bench_test

import (
	"context"
	"testing"

	"wenming/internal/app"
	"wenming/internal/bench"
	"wenming/internal/blob"
	"wenming/internal/store"
	"wenming/internal/store/storetest"
)

// The generator writes what it says it wrote, on both engines: every case
// with its six timeline steps and three photos tied to its first step, the
// patrols' judgements, and the counters the database keeps agree with the
// rows; the busiest unit is the one the skew favours.
func TestGeneratedCityIsWhole(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		blobs, err := blob.NewDisk(t.TempDir())
		if err != nil {
			t.Fatal(err)
		}
		svc := app.NewServices(db, app.Options{Blobs: blobs})
		orgs, caseSvc, frameworks, patrols := svc.Org, svc.Cases, svc.Framework, svc.Patrol
		sc := bench.Scale{Name: "tiny", Units: 6, SubUnits: 6, CasesDaily: 450, Days: 3, Points: 20, PointCategories: 3, Observations: 30_000}
		city, err := bench.Generate(ctx, db, orgs, caseSvc, sc, 7)
		if err != nil {
			t.Fatal(err)
		}
		if err := bench.GeneratePoints(ctx, db, frameworks, patrols, &city, 7); err != nil {
			t.Fatal(err)
		}
		count := func(q string) int {
			t.Helper()
			n, err := db.Read().Count(ctx, q)
			if err != nil {
				t.Fatal(err)
			}
			return n
		}
		if city.Cases < 2*casesPerStatement || count(`SELECT COUNT(*) FROM cases`) != city.Cases {
			t.Fatalf("%d cases generated, %d in the database (want more than one statement's worth)", city.Cases, count(`SELECT COUNT(*) FROM cases`))
		}
		if n := count(`SELECT COUNT(*) FROM case_events`); n != city.Events || n != 6*city.Cases {
			t.Errorf("%d timeline events, city says %d, want six a case", n, city.Events)
		}
		if n := count(`SELECT COUNT(*) FROM case_photos p JOIN case_events e ON e.id = p.event_id AND e.case_id = p.case_id AND e.kind = 'created'`); n != city.Photos || n != 3*city.Cases {
			t.Errorf("%d photos on their case's first step, city says %d, want three a case", n, city.Photos)
		}
		if n := count(`SELECT COUNT(*) FROM observations`); n != city.Observations || n == 0 {
			t.Errorf("%d observations, city says %d", n, city.Observations)
		}
		if n := count(`SELECT COUNT(*) FROM observations o JOIN patrols p ON p.id = o.patrol_id AND p.point_id = o.point_id`); n != city.Observations {
			t.Errorf("%d observations belong to a patrol of their point, want %d", n, city.Observations)
		}
		if a, b := count(`SELECT COALESCE(SUM(received), 0) FROM unit_days`), count(`SELECT COUNT(*) FROM cases WHERE dispatched_at IS NOT NULL`); a != b || a != city.Cases {
			t.Errorf("unit_days counts %d received, the cases %d", a, b)
		}
		if a, b := count(`SELECT COALESCE(SUM(pass + fail), 0) FROM unit_observation_days`), count(`SELECT COUNT(*) FROM observations WHERE result IN ('pass', 'fail')`); a != b {
			t.Errorf("unit_observation_days counts %d judgements, the observations %d", a, b)
		}
		var busiest int64
		if err := db.Read().Get(ctx, "单位", `SELECT lead_unit_id FROM cases GROUP BY lead_unit_id ORDER BY COUNT(*) DESC LIMIT 1`, nil, &busiest); err != nil {
			t.Fatal(err)
		}
		if busiest != city.BusyUnit {
			t.Errorf("the busiest unit is %d, the city names %d", busiest, city.BusyUnit)
		}
	})
}

// casesPerStatement mirrors the generator's batch, so the test crosses it.
const casesPerStatement = 200
