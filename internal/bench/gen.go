// Package bench builds a synthetic city of a chosen size, straight through
// the store, and measures the application against the raw database doing
// the same minimal work in the same run.
package bench

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"strings"
	"time"

	"wenming/internal/cases"
	"wenming/internal/domain"
	"wenming/internal/org"
	"wenming/internal/store"
)

// Scale is the size of a synthetic city.
type Scale struct {
	Name       string
	Units      int // responsible units
	SubUnits   int // their sub-units
	CasesDaily int
	Days       int
	// Points and the everyday observations a year of patrols makes.
	Points, PointCategories, Observations int
}

// Scales are the sizes the benchmark knows.
var Scales = map[string]Scale{
	"small":  {Name: "small", Units: 60, SubUnits: 0, CasesDaily: 50, Days: 365, Points: 300, PointCategories: 30, Observations: 100_000},
	"medium": {Name: "medium", Units: 150, SubUnits: 1000, CasesDaily: 1000, Days: 3 * 365, Points: 1200, PointCategories: 40, Observations: 1_250_000},
	"large":  {Name: "large", Units: 300, SubUnits: 3000, CasesDaily: 10000, Days: 365, Points: 5000, PointCategories: 46, Observations: 5_000_000},
}

// City is what the generator made, for the operations to use.
type City struct {
	Scale        Scale
	Units        []int64
	BusyUnit     int64 // the unit with the most cases
	Categories   []int64
	Region       int64
	Cases        int
	Events       int
	Photos       int
	Observations int
	Took         time.Duration
}

// Password of the generated accounts.
const Password = "Bench!2026pass"

// Generate fills an empty database with a city: regions, units, a few
// accounts, a category catalogue, and the cases of the whole period with
// their timelines and photo records, skewed like real life (a few units
// and places get most cases; weekdays busier than weekends).
func Generate(ctx context.Context, db *store.DB, orgs *org.Service, svc *cases.Service, sc Scale, seed uint64) (City, error) {
	start := time.Now()
	city := City{Scale: sc}
	rng := rand.New(rand.NewPCG(seed, 2026))
	sys, security := domain.System("基准数据", domain.RoleSysAdmin), domain.System("基准数据", domain.RoleSecurityAdmin)
	county, err := orgs.CreateRegion(ctx, sys, org.RegionInput{Code: "620422", Name: "基准县"})
	if err != nil {
		return city, err
	}
	city.Region = county.ID
	for i := range sc.Units {
		u, err := orgs.CreateUnit(ctx, sys, org.UnitInput{Name: fmt.Sprintf("单位%03d", i), Kind: "department", Class: []string{"A", "B"}[i%2], RegionID: &county.ID})
		if err != nil {
			return city, err
		}
		city.Units = append(city.Units, u.ID)
	}
	for i := range sc.SubUnits {
		parent := city.Units[i%len(city.Units)]
		if _, err := orgs.CreateUnit(ctx, sys, org.UnitInput{Name: fmt.Sprintf("下属%04d", i), Kind: "other", Class: "B", ParentID: &parent, RegionID: &county.ID}); err != nil {
			return city, err
		}
	}
	city.BusyUnit = city.Units[0]
	for _, p := range []struct {
		user string
		unit int64
		role domain.Role
		kind domain.ScopeKind
	}{{"office", city.Units[1], domain.RoleOfficeStaff, domain.ScopeAll}, {"liaison", city.BusyUnit, domain.RoleUnitLiaison, domain.ScopeUnit}} {
		if _, err := orgs.CreatePerson(ctx, sys, org.PersonInput{Username: p.user, RealName: p.user, UnitID: p.unit, Roles: []domain.Role{p.role}, ScopeKind: string(p.kind), Password: Password}); err != nil {
			return city, err
		}
		if err := orgs.SetPassword(ctx, security, p.user, Password, false); err != nil {
			return city, err
		}
	}
	office := &domain.Actor{RealName: "基准", Roles: []domain.Role{domain.RoleOfficeStaff}, Scope: domain.ScopeAll}
	top, err := svc.CreateCategory(ctx, office, cases.CategoryInput{Code: "21", Name: "创城专项", Kind: "campaign", LimitValue: 1, LimitUnit: "day"})
	if err != nil {
		return city, err
	}
	for i := range 20 {
		unit := city.Units[i%len(city.Units)]
		k, err := svc.CreateCategory(ctx, office, cases.CategoryInput{Code: fmt.Sprintf("21%02d", i), Name: fmt.Sprintf("问题%02d", i), ParentID: &top.ID, Kind: "campaign",
			LimitValue: 4 + i%3*4, LimitUnit: "hour", DefaultUnitID: &unit})
		if err != nil {
			return city, err
		}
		city.Categories = append(city.Categories, k.ID)
	}
	if _, err := svc.UpdateSettings(ctx, office, cases.Settings{Bounds: cases.Bounds{MinLat: 35.4, MinLng: 104.5, MaxLat: 36.5, MaxLng: 105.6},
		DuplicateRadiusMeters: 100, DuplicateWindowHours: 72, RemindAtPercent: 75, ReopenDays: 7, WorkStart: "09:00", WorkEnd: "17:00"}); err != nil {
		return city, err
	}
	if err := city.fill(ctx, db, rng); err != nil {
		return city, err
	}
	// The cases were written a few hundred rows a statement, past the
	// service: their counters are counted once, at the end.
	_, err = svc.Recount(ctx)
	city.Took = time.Since(start)
	return city, err
}

// fill writes the cases day by day, a day per transaction.
func (city *City) fill(ctx context.Context, db *store.DB, rng *rand.Rand) error {
	var files [3]int64
	err := db.Write(ctx, func(c *store.Conn) error {
		for i := range files {
			var err error
			if files[i], err = c.Insert(ctx, `INSERT INTO files (name, content_type, size, sha256, uploaded_at, owner_kind, owner_id, width, height) VALUES ('现场.jpg', 'image/jpeg', 1, 'bench', ?, 'case', 0, 640, 480)`, c.Now); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	end := time.Now().Add(-24 * time.Hour)
	startDay := end.AddDate(0, 0, -city.Scale.Days)
	// Zipf-like skew: unit k gets weight 1/(k+1).
	weights := make([]float64, len(city.Units))
	sum := 0.0
	for k := range weights {
		weights[k] = 1 / float64(k+1)
		sum += weights[k]
	}
	pick := func() int64 {
		x := rng.Float64() * sum
		for k, w := range weights {
			if x -= w; x <= 0 {
				return city.Units[k]
			}
		}
		return city.Units[0]
	}
	for d := range city.Scale.Days {
		day := startDay.AddDate(0, 0, d)
		n := city.Scale.CasesDaily
		if wd := day.Weekday(); wd == time.Saturday || wd == time.Sunday {
			n = n * 6 / 10
		}
		n = int(float64(n) * (0.7 + 0.6*math.Abs(math.Sin(float64(d)/9))))
		err := db.Write(ctx, func(c *store.Conn) error {
			batch := make([]benchCase, 0, casesPerStatement)
			for i := range n {
				unit := pick()
				batch = append(batch, city.newCase(rng, day, d*100000+i, unit))
				if len(batch) == casesPerStatement || i == n-1 {
					if err := city.writeCases(ctx, c, batch, files); err != nil {
						return err
					}
					batch = batch[:0]
				}
			}
			return nil
		})
		if err != nil {
			return err
		}
	}
	return nil
}

// casesPerStatement is how many generated cases one INSERT carries: a bulk
// load's pace, well under both engines' limits on bound values.
const casesPerStatement = 200

// benchCase is one generated case, closed or still being handled.
type benchCase struct {
	token, state, closing                 string
	category, unit                        int64
	lat, lng                              float64
	created, accepted, deadline, reported time.Time
	closed                                *time.Time
}

// newCase draws a case reported on day and accepted by unit, as the loop
// would have left it.
func (city *City) newCase(rng *rand.Rand, day time.Time, n int, unit int64) benchCase {
	k := benchCase{token: fmt.Sprintf("bench%011d", n), unit: unit, created: day.Add(time.Duration(rng.IntN(86400)) * time.Second)}
	k.accepted = k.created.Add(2 * time.Hour)
	k.deadline = k.accepted.Add(8 * time.Hour)
	k.reported = k.accepted.Add(time.Duration(rng.IntN(12*60)) * time.Minute)
	k.state, k.closing, k.closed = "closed", "fixed", &k.reported
	if time.Since(k.created) < 10*24*time.Hour && rng.IntN(3) == 0 {
		k.state, k.closing, k.closed = "handling", "", nil
	}
	k.category = city.Categories[rng.IntN(len(city.Categories))]
	k.lat, k.lng = 35.69+rng.Float64()*0.05, 105.05+rng.Float64()*0.05
	return k
}

// eventKinds are the six steps on every generated case's timeline.
var eventKinds = []string{"created", "registered", "dispatched", "accepted", "reported", "verified_pass"}

// writeCases writes a batch of cases with six timeline events and three
// photo records each, in three statements.
func (city *City) writeCases(ctx context.Context, c *store.Conn, batch []benchCase, files [3]int64) error {
	values, args := make([]string, 0, len(batch)), make([]any, 0, 20*len(batch))
	for _, k := range batch {
		values = append(values, `(?, 'resident_snap', ?, ?, ?, ?, '路边垃圾堆积', '基准县人民路', ?, ?, ?, ?, '市民', 240, ?, ?, ?, ?, ?, ?, ?, ?)`)
		args = append(args, k.token, k.token, k.state, k.closing, k.category, k.lat, k.lng, city.Region, k.unit,
			k.created, k.created, k.accepted, k.deadline, k.closed, k.closed, k.created, k.created)
	}
	ids, err := insertKeyed(ctx, c, `INSERT INTO cases (code, source, public_token, state, closing, category_id, description, address, lat, lng, region_id, lead_unit_id,
		reporter_name, limit_minutes, registered_at, dispatched_at, accepted_at, deadline_at, reported_at, closed_at, created_at, updated_at)
		VALUES `+strings.Join(values, ", ")+` RETURNING id, public_token`, args)
	if err != nil {
		return err
	}
	values, args = values[:0], args[:0]
	caseIDs := make([]any, 0, len(batch))
	for _, k := range batch {
		id := ids[k.token]
		caseIDs = append(caseIDs, id)
		for h, kind := range eventKinds {
			values = append(values, `(?, ?, ?, '基准', '')`)
			args = append(args, id, k.created.Add(time.Duration(h)*time.Hour), kind)
		}
	}
	if _, err := c.Exec(ctx, `INSERT INTO case_events (case_id, at, kind, actor_name, note) VALUES `+strings.Join(values, ", "), args...); err != nil {
		return err
	}
	// Three stored pictures stand for every photo record: the rows are what is measured.
	if _, err := c.Exec(ctx, `INSERT INTO case_photos (case_id, file_id, event_id, phase)
		SELECT e.case_id, f.id, e.id, 'before' FROM case_events e CROSS JOIN files f
		WHERE e.kind = 'created' AND e.case_id IN (`+store.Placeholders(len(caseIDs))+`) AND f.id IN (?, ?, ?)`,
		append(caseIDs, files[0], files[1], files[2])...); err != nil {
		return err
	}
	city.Cases += len(batch)
	city.Events += len(batch) * len(eventKinds)
	city.Photos += len(batch) * len(files)
	return nil
}

// insertKeyed runs a multi-row INSERT … RETURNING id, key and maps each
// row's key to its new id (the order rows come back in is not promised).
func insertKeyed(ctx context.Context, c *store.Conn, query string, args []any) (map[string]int64, error) {
	rows, err := c.Query(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	ids := map[string]int64{}
	for rows.Next() {
		var id int64
		var key string
		if err := rows.Scan(&id, &key); err != nil {
			return nil, err
		}
		ids[key] = id
	}
	return ids, rows.Err()
}
