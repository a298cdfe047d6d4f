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
	Name string
	// Counties are the districts and counties under the city, each a
	// jurisdiction with its own office; the city's own units are the rest.
	Counties   int
	Units      int // responsible units, dealt to the city and its counties in turn
	SubUnits   int // their sub-units
	CasesDaily int
	Days       int
	// Points and the everyday observations a year of patrols makes.
	Points, PointCategories, Observations int
}

// Scales are the sizes the benchmark knows.
var Scales = map[string]Scale{
	"small":  {Name: "small", Counties: 2, Units: 60, SubUnits: 0, CasesDaily: 50, Days: 365, Points: 300, PointCategories: 30, Observations: 100_000},
	"medium": {Name: "medium", Counties: 10, Units: 150, SubUnits: 1000, CasesDaily: 1000, Days: 3 * 365, Points: 1200, PointCategories: 40, Observations: 1_250_000},
	"large":  {Name: "large", Counties: 10, Units: 300, SubUnits: 3000, CasesDaily: 10000, Days: 365, Points: 5000, PointCategories: 46, Observations: 5_000_000},
}

// Jurisdiction is one office of the generated city: the city's own or a
// district's or county's.
type Jurisdiction struct {
	ID     int64  `json:"id"` // the region's id
	Code   string `json:"code"`
	Name   string `json:"name"`
	Office string `json:"office"` // the username of its office's staff member
	Cases  int    `json:"cases"`  // the generated cases it holds
}

// City is what the generator made, for the operations to use.
type City struct {
	Scale Scale
	// Jurisdictions are the city's first, then its districts and counties.
	Jurisdictions []Jurisdiction
	Units         []int64
	// UnitJurisdiction is each unit's index in Jurisdictions.
	UnitJurisdiction []int
	BusyUnit         int64 // the unit with the most cases, one of the city's own
	Categories       []int64
	Region           int64 // the city's region, the top of the tree
	Cases            int
	Events           int
	Photos           int
	Observations     int
	Took             time.Duration
}

// BusiestCounty is the district or county holding the most cases.
func (city *City) BusiestCounty() Jurisdiction {
	best := city.Jurisdictions[1]
	for _, j := range city.Jurisdictions[2:] {
		if j.Cases > best.Cases {
			best = j
		}
	}
	return best
}

// Password of the generated accounts.
const Password = "Bench!2026pass"

// CityCode is the generated city's region code; its districts and
// counties number on from CityCode+2 (6204 02, 6204 03, …).
const CityCode = "620400"

// Generate fills an empty database with a prefecture city: the city's
// region and office above its districts and counties, each a jurisdiction
// with its own office and account; units dealt to them in turn, a few
// accounts, the city's category catalogue that the counties inherit, and
// the cases of the whole period with their timelines and photo records,
// skewed like real life (a few units, so a few counties, and places get
// most cases; weekdays busier than weekends). Regions, units, offices,
// accounts and categories go through the services; the cases are written
// a few hundred rows a statement.
func Generate(ctx context.Context, db *store.DB, orgs *org.Service, svc *cases.Service, sc Scale, seed uint64) (City, error) {
	start := time.Now()
	city := City{Scale: sc}
	rng := rand.New(rand.NewPCG(seed, 2026))
	sys, security := domain.System("基准数据", domain.RoleSysAdmin), domain.System("基准数据", domain.RoleSecurityAdmin)
	top, err := orgs.CreateRegion(ctx, sys, org.RegionInput{Code: CityCode, Name: "基准市"})
	if err != nil {
		return city, err
	}
	city.Region = top.ID
	city.Jurisdictions = append(city.Jurisdictions, Jurisdiction{ID: top.ID, Code: top.Code, Name: top.Name, Office: "office"})
	for i := range sc.Counties {
		r, err := orgs.CreateRegion(ctx, sys, org.RegionInput{Code: fmt.Sprintf("6204%02d", 2+i), Name: fmt.Sprintf("区县%02d", i+1), ParentID: &top.ID})
		if err != nil {
			return city, err
		}
		if _, err := orgs.CreateJurisdiction(ctx, sys, org.JurisdictionInput{RegionID: r.ID}); err != nil {
			return city, err
		}
		city.Jurisdictions = append(city.Jurisdictions, Jurisdiction{ID: r.ID, Code: r.Code, Name: r.Name, Office: fmt.Sprintf("office%02d", i+1)})
	}
	// Unit k goes to jurisdiction k mod n: the busiest unit is the city's,
	// and each county gets a Zipf-like share of the cases.
	office := make([]int64, len(city.Jurisdictions)) // each one's last unit is its office
	for i := range sc.Units {
		j := i % len(city.Jurisdictions)
		u, err := orgs.CreateUnit(ctx, sys, org.UnitInput{Name: fmt.Sprintf("单位%03d", i), Kind: "department", Class: []string{"A", "B"}[i%2], RegionID: &city.Jurisdictions[j].ID})
		if err != nil {
			return city, err
		}
		city.Units, city.UnitJurisdiction, office[j] = append(city.Units, u.ID), append(city.UnitJurisdiction, j), u.ID
	}
	for i := range sc.SubUnits {
		k := i % len(city.Units)
		parent, region := city.Units[k], city.Jurisdictions[city.UnitJurisdiction[k]].ID
		if _, err := orgs.CreateUnit(ctx, sys, org.UnitInput{Name: fmt.Sprintf("下属%04d", i), Kind: "other", Class: "B", ParentID: &parent, RegionID: &region}); err != nil {
			return city, err
		}
	}
	city.BusyUnit = city.Units[0]
	for j, jur := range city.Jurisdictions {
		if _, err := orgs.SetJurisdictionOffice(ctx, sys, jur.ID, office[j]); err != nil {
			return city, err
		}
		if err := account(ctx, orgs, security, org.PersonInput{Username: jur.Office, RealName: jur.Name + "创城办", UnitID: office[j],
			Roles: []domain.Role{domain.RoleOfficeStaff}, ScopeKind: string(domain.ScopeRegion), ScopeRegionID: &city.Jurisdictions[j].ID}); err != nil {
			return city, err
		}
	}
	if err := account(ctx, orgs, security, org.PersonInput{Username: "liaison", RealName: "liaison", UnitID: city.BusyUnit,
		Roles: []domain.Role{domain.RoleUnitLiaison}, ScopeKind: string(domain.ScopeUnit)}); err != nil {
		return city, err
	}
	// The catalogue and the parameters are the city's; its counties inherit them.
	cityOffice := (&domain.Actor{RealName: "基准", Roles: []domain.Role{domain.RoleOfficeStaff}, Scope: domain.ScopeRegion, RegionID: top.ID, RegionCode: domain.SubtreePrefix(top.Code)}).
		In(domain.Jurisdiction{ID: top.ID, Code: top.Code, Name: top.Name})
	cat, err := svc.CreateCategory(ctx, cityOffice, cases.CategoryInput{Code: "21", Name: "创城专项", Kind: "campaign", LimitValue: 1, LimitUnit: "day"})
	if err != nil {
		return city, err
	}
	for i := range 20 {
		unit := city.Units[i%len(city.Units)]
		k, err := svc.CreateCategory(ctx, cityOffice, cases.CategoryInput{Code: fmt.Sprintf("21%02d", i), Name: fmt.Sprintf("问题%02d", i), ParentID: &cat.ID, Kind: "campaign",
			LimitValue: 4 + i%3*4, LimitUnit: "hour", DefaultUnitID: &unit})
		if err != nil {
			return city, err
		}
		city.Categories = append(city.Categories, k.ID)
	}
	if _, err := svc.UpdateSettings(ctx, cityOffice, cases.Settings{Bounds: cases.Bounds{MinLat: 35.4, MinLng: 104.5, MaxLat: 36.5, MaxLng: 105.6},
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

// account makes a person with the generated password, ready to sign in.
func account(ctx context.Context, orgs *org.Service, security *domain.Actor, in org.PersonInput) error {
	in.Password = Password
	if _, err := orgs.CreatePerson(ctx, security, in); err != nil {
		return err
	}
	return orgs.SetPassword(ctx, security, in.Username, Password, false)
}

// place is where the j-th jurisdiction's cases and points lie: a box of
// about 5 km a side, the boxes side by side inside the city's bounds, the
// city's own where the one county of before lay.
func place(j int, rng *rand.Rand) (lat, lng float64) {
	return 35.69 + float64(j/4)*0.2 + rng.Float64()*0.05, 105.05 + float64(j%4)*0.12 + rng.Float64()*0.05
}

// fill writes the cases day by day, a day per transaction, then the
// jurisdictions' case-number sequences as far as the codes went.
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
	pick := func() int {
		x := rng.Float64() * sum
		for k, w := range weights {
			if x -= w; x <= 0 {
				return k
			}
		}
		return 0
	}
	numbers := map[sequence]int{}
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
				batch = append(batch, city.newCase(rng, day, d*100000+i, pick(), numbers))
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
	return writeSequences(ctx, db, numbers)
}

// sequence is one jurisdiction's case numbers of one Beijing day.
type sequence struct{ scope, day string }

// writeSequences leaves each jurisdiction's daily case-number sequence
// where the generated codes stopped, as intake would have.
func writeSequences(ctx context.Context, db *store.DB, numbers map[sequence]int) error {
	keys := make([]sequence, 0, len(numbers))
	for k := range numbers {
		keys = append(keys, k)
	}
	return db.Write(ctx, func(c *store.Conn) error {
		for len(keys) > 0 {
			part := keys[:min(len(keys), 300)]
			keys = keys[len(part):]
			values, args := make([]string, 0, len(part)), make([]any, 0, 3*len(part))
			for _, k := range part {
				values = append(values, `(?, ?, ?)`)
				args = append(args, k.scope, k.day, numbers[k])
			}
			if _, err := c.Exec(ctx, `INSERT INTO sequences (scope, period, last) VALUES `+strings.Join(values, ", "), args...); err != nil {
				return err
			}
		}
		return nil
	})
}

// casesPerStatement is how many generated cases one INSERT carries: a bulk
// load's pace, well under both engines' limits on bound values.
const casesPerStatement = 200

// benchCase is one generated case, closed or still being handled.
type benchCase struct {
	code, token, state, closing           string
	category, unit, jurisdiction          int64
	lat, lng                              float64
	created, accepted, deadline, reported time.Time
	closed                                *time.Time
}

// newCase draws a case reported on day and accepted by the k-th unit, in
// that unit's jurisdiction and numbered in its sequence, as the loop
// would have left it.
func (city *City) newCase(rng *rand.Rand, day time.Time, n, k int, numbers map[sequence]int) benchCase {
	j := &city.Jurisdictions[city.UnitJurisdiction[k]]
	j.Cases++
	c := benchCase{token: fmt.Sprintf("bench%011d", n), unit: city.Units[k], jurisdiction: j.ID, created: day.Add(time.Duration(rng.IntN(86400)) * time.Second)}
	seq := sequence{"case:" + j.Code, c.created.In(domain.Beijing).Format("20060102")}
	numbers[seq]++
	c.code = fmt.Sprintf("%s%s%05d", j.Code, seq.day, numbers[seq])
	c.accepted = c.created.Add(2 * time.Hour)
	c.deadline = c.accepted.Add(8 * time.Hour)
	c.reported = c.accepted.Add(time.Duration(rng.IntN(12*60)) * time.Minute)
	c.state, c.closing, c.closed = "closed", "fixed", &c.reported
	if time.Since(c.created) < 10*24*time.Hour && rng.IntN(3) == 0 {
		c.state, c.closing, c.closed = "handling", "", nil
	}
	c.category = city.Categories[rng.IntN(len(city.Categories))]
	c.lat, c.lng = place(city.UnitJurisdiction[k], rng)
	return c
}

// eventKinds are the six steps on every generated case's timeline.
var eventKinds = []string{"created", "registered", "dispatched", "accepted", "reported", "verified_pass"}

// writeCases writes a batch of cases with six timeline events and three
// photo records each, in three statements. A case lies in its
// jurisdiction's own region.
func (city *City) writeCases(ctx context.Context, c *store.Conn, batch []benchCase, files [3]int64) error {
	values, args := make([]string, 0, len(batch)), make([]any, 0, 21*len(batch))
	for _, k := range batch {
		values = append(values, `(?, 'resident_snap', ?, ?, ?, ?, '路边垃圾堆积', '基准市人民路', ?, ?, ?, ?, ?, '市民', 240, ?, ?, ?, ?, ?, ?, ?, ?)`)
		args = append(args, k.code, k.token, k.state, k.closing, k.category, k.lat, k.lng, k.jurisdiction, k.jurisdiction, k.unit,
			k.created, k.created, k.accepted, k.deadline, k.closed, k.closed, k.created, k.created)
	}
	ids, err := insertKeyed(ctx, c, `INSERT INTO cases (code, source, public_token, state, closing, category_id, description, address, lat, lng, region_id, jurisdiction_id, lead_unit_id,
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
