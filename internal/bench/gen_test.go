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
// rows; the busiest unit is the one the skew favours. The city is a
// prefecture: each county is a jurisdiction under the city with its own
// office, and every case, unit, point and judgement lies in one, with a
// code numbered in its jurisdiction's sequence.
func TestGeneratedCityIsWhole(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		blobs, err := blob.NewDisk(t.TempDir())
		if err != nil {
			t.Fatal(err)
		}
		svc := app.NewServices(db, app.Options{Blobs: blobs})
		orgs, caseSvc, frameworks, patrols := svc.Org, svc.Cases, svc.Framework, svc.Patrol
		sc := bench.Scale{Name: "tiny", Counties: 2, Units: 6, SubUnits: 6, CasesDaily: 450, Days: 3, Points: 20, PointCategories: 3, Observations: 30_000}
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
		checkJurisdictions(t, db, city, count)
	})
}

// checkJurisdictions checks the prefecture: the city above its counties,
// each with its office and account, and every record in one.
func checkJurisdictions(t *testing.T, db *store.DB, city bench.City, count func(string) int) {
	t.Helper()
	ctx := context.Background()
	if n := count(`SELECT COUNT(*) FROM jurisdictions j JOIN regions r ON r.id = j.region_id JOIN units u ON u.id = j.office_unit_id AND u.jurisdiction_id = j.region_id
		JOIN users p ON p.unit_id = u.id AND p.scope_kind = 'region' AND p.scope_region_id = j.region_id`); n != 3 || len(city.Jurisdictions) != 3 {
		t.Errorf("%d jurisdictions with an office of their own and its account, city names %d, want the city and two counties", n, len(city.Jurisdictions))
	}
	if n := count(`SELECT COUNT(*) FROM regions r JOIN regions p ON p.id = r.parent_id AND p.parent_id IS NULL JOIN jurisdictions j ON j.region_id = r.id`); n != 2 {
		t.Errorf("%d counties under the city, want 2", n)
	}
	for _, q := range []struct{ what, query string }{
		{"units outside a jurisdiction", `SELECT COUNT(*) FROM units WHERE jurisdiction_id IS NULL OR jurisdiction_id <> region_id`},
		{"sub-units in another jurisdiction than their parent", `SELECT COUNT(*) FROM units u JOIN units p ON p.id = u.parent_id WHERE u.jurisdiction_id <> p.jurisdiction_id`},
		{"cases outside their lead unit's jurisdiction", `SELECT COUNT(*) FROM cases c JOIN units u ON u.id = c.lead_unit_id WHERE c.jurisdiction_id IS NULL OR c.jurisdiction_id <> u.jurisdiction_id OR c.region_id <> c.jurisdiction_id`},
		{"case codes not led by their jurisdiction's code", `SELECT COUNT(*) FROM cases c JOIN regions r ON r.id = c.jurisdiction_id WHERE substr(c.code, 1, 6) <> r.code OR length(c.code) <> 19`},
		{"points outside their unit's jurisdiction", `SELECT COUNT(*) FROM points p JOIN units u ON u.id = p.unit_id WHERE p.jurisdiction_id IS NULL OR p.jurisdiction_id <> u.jurisdiction_id OR p.region_id <> p.jurisdiction_id`},
		{"judgements outside their point's region", `SELECT COUNT(*) FROM observations o JOIN points p ON p.id = o.point_id WHERE o.region_id <> p.region_id`},
		{"categories not the city's", `SELECT COUNT(*) FROM case_categories k JOIN regions r ON r.id = k.jurisdiction_id WHERE r.parent_id IS NOT NULL`},
	} {
		if n := count(q.query); n != 0 {
			t.Errorf("%d %s", n, q.what)
		}
	}
	// Each jurisdiction's day continues after its highest case number.
	if n := count(`SELECT COUNT(*) FROM (SELECT substr(code, 1, 14) AS day, MAX(CAST(substr(code, 15) AS INTEGER)) AS last FROM cases GROUP BY substr(code, 1, 14)) c
		LEFT JOIN sequences s ON s.scope = 'case:' || substr(c.day, 1, 6) AND s.period = substr(c.day, 7) WHERE s.last IS NULL OR s.last <> c.last`); n != 0 {
		t.Errorf("%d jurisdiction days whose sequence is not at their highest case number", n)
	}
	total := 0
	for _, j := range city.Jurisdictions {
		n, err := db.Read().Count(ctx, `SELECT COUNT(*) FROM cases WHERE jurisdiction_id = ?`, j.ID)
		if err != nil {
			t.Fatal(err)
		}
		if n != j.Cases || n == 0 {
			t.Errorf("%s holds %d cases, the city says %d", j.Name, n, j.Cases)
		}
		total += n
	}
	if total != city.Cases {
		t.Errorf("the jurisdictions hold %d cases, the city %d", total, city.Cases)
	}
	var busiest int64
	if err := db.Read().Get(ctx, "辖区", `SELECT jurisdiction_id FROM cases WHERE jurisdiction_id <> ? GROUP BY jurisdiction_id ORDER BY COUNT(*) DESC LIMIT 1`, []any{city.Region}, &busiest); err != nil {
		t.Fatal(err)
	}
	if got := city.BusiestCounty(); got.ID != busiest {
		t.Errorf("the busiest county is %d, the city names %d (%s)", busiest, got.ID, got.Name)
	}
}

// casesPerStatement mirrors the generator's batch, so the test crosses it.
const casesPerStatement = 200
