package cases

import (
	"context"
	"slices"
	"time"

	"wenming/internal/domain"
	"wenming/internal/store"
)

// UnitFigures are one unit's case figures over a period: what rankings
// and bulletins weigh.
type UnitFigures struct {
	CasesReceived    int      `json:"casesReceived"`
	CasesClosed      int      `json:"casesClosed"`
	OnTimeRate       *float64 `json:"onTimeRate"`
	ReworkRate       *float64 `json:"reworkRate"`
	Overdue          int      `json:"overdue"`
	Returns          int      `json:"returns"`
	AvgHandlingHours *float64 `json:"avgHandlingHours"`
	Satisfaction     *float64 `json:"satisfaction"`
	onTime, reworked int
	handled          int
	handlingMinutes  int
	ratings, rated   int
}

// FiguresByUnit counts, per lead unit, the cases of [from, to): received
// (dispatched in the period), closed as fixed or not fixed in it, of which
// reported by the deadline and reworked; overdue (deadline in the period
// and not reported by it); returns; mean working hours from accepting to
// reporting; mean rating given in the period.
func (s *Service) FiguresByUnit(ctx context.Context, from, to time.Time) (_ map[int64]*UnitFigures, err error) {
	defer domain.Wrap(&err, "cases.FiguresByUnit")
	e, err := s.config(ctx)
	if err != nil {
		return nil, err
	}
	c := s.db.Read()
	out := map[int64]*UnitFigures{}
	of := func(unit int64) *UnitFigures {
		if out[unit] == nil {
			out[unit] = &UnitFigures{}
		}
		return out[unit]
	}
	if err := countFigures(ctx, c, from, to, out); err != nil {
		return nil, err
	}
	// Working hours from accepting to reporting follow the calendar: the
	// cases closed in the period bring their two times.
	handled, err := c.Query(ctx, `SELECT lead_unit_id, closed_at, closing, accepted_at, reported_at FROM cases
		WHERE closed_at >= ? AND closed_at < ? AND lead_unit_id IS NOT NULL AND accepted_at IS NOT NULL AND reported_at IS NOT NULL`, from, to)
	if err != nil {
		return nil, err
	}
	defer handled.Close()
	for handled.Next() {
		var k Case
		var unit int64
		var accepted, reported time.Time
		if err := handled.Scan(&unit, &k.ClosedAt, &k.Closing, &accepted, &reported); err != nil {
			return nil, err
		}
		if !k.closedWell() {
			continue
		}
		f := of(unit)
		f.handled++
		f.handlingMinutes += e.cal.Between(accepted, reported)
	}
	if err := handled.Err(); err != nil {
		return nil, err
	}
	returns, err := c.Query(ctx, `SELECT c.lead_unit_id, ev.unit_id FROM case_events ev JOIN cases c ON c.id = ev.case_id WHERE ev.kind = 'returned' AND ev.at >= ? AND ev.at < ?`, from, to)
	if err != nil {
		return nil, err
	}
	defer returns.Close()
	for returns.Next() {
		var lead, by *int64
		if err := returns.Scan(&lead, &by); err != nil {
			return nil, err
		}
		if by != nil {
			of(*by).Returns++
		}
	}
	for _, f := range out {
		f.settle()
	}
	return out, returns.Err()
}

// countFigures fills each unit's counted figures: from the daily sums the
// database keeps (unit_days) when the window runs from midnight to
// midnight, as a ranking's period does, else from the cases themselves.
func countFigures(ctx context.Context, c *store.Conn, from, to time.Time, out map[int64]*UnitFigures) error {
	if !from.Equal(domain.Midnight(from)) || !to.Equal(domain.Midnight(to)) {
		return scanFigures(ctx, c, from, to, out, false)
	}
	day := func(t time.Time) string { return t.In(domain.Beijing).Format(time.DateOnly) }
	// A deadline counts as missed only once it has passed: the days before
	// today are summed, today's deadlines up to now are read from the cases.
	today := domain.Midnight(c.Now)
	lateUntil := min(day(to), day(today))
	rows, err := c.Query(ctx, `SELECT unit_id, SUM(received), SUM(closed), SUM(reworked), SUM(on_time), SUM(CASE WHEN day < ? THEN late ELSE 0 END),
		SUM(rating_sum), SUM(rated) FROM unit_days WHERE day >= ? AND day < ? GROUP BY unit_id`, lateUntil, day(from), day(to))
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var unit int64
		f := &UnitFigures{}
		if err := rows.Scan(&unit, &f.CasesReceived, &f.CasesClosed, &f.reworked, &f.onTime, &f.Overdue, &f.ratings, &f.rated); err != nil {
			return err
		}
		out[unit] = f
	}
	if err := rows.Err(); err != nil {
		return err
	}
	rows.Close()
	if today.Before(from) || !today.Before(to) {
		return nil
	}
	return scanFigures(ctx, c, today, to, out, true)
}

// scanFigures adds the counted figures of the cases in a window by reading
// them, or only their missed deadlines, and counting each case by the same
// marks the counters keep (counters.go); a missed deadline counts once it
// has passed.
func scanFigures(ctx context.Context, c *store.Conn, from, to time.Time, out map[int64]*UnitFigures, lateOnly bool) error {
	where := `deadline_at >= ? AND deadline_at < ?`
	args := []any{from, to}
	if !lateOnly {
		where = `(dispatched_at >= ? AND dispatched_at < ?) OR (closed_at >= ? AND closed_at < ?) OR (` + where + `) OR (rated_at >= ? AND rated_at < ?)`
		args = []any{from, to, from, to, from, to, from, to}
	}
	rows, err := c.Query(ctx, `SELECT lead_unit_id, dispatched_at, closed_at, closing, rework_count, reported_at, deadline_at, rating, rated_at
		FROM cases WHERE lead_unit_id IS NOT NULL AND (`+where+`)`, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var k Case
		if err := rows.Scan(&k.LeadUnitID, &k.DispatchedAt, &k.ClosedAt, &k.Closing, &k.ReworkCount, &k.ReportedAt, &k.Deadline, &k.Rating, &k.ratedAt); err != nil {
			return err
		}
		for _, m := range k.unitMarks() {
			if m.at.Before(from) || !m.at.Before(to) || (lateOnly && m.late == 0) {
				continue
			}
			if !m.at.Before(c.Now) {
				m.late = 0
			}
			if out[*k.LeadUnitID] == nil {
				out[*k.LeadUnitID] = &UnitFigures{}
			}
			out[*k.LeadUnitID].addMark(m)
		}
	}
	return rows.Err()
}

// addMark adds what one case counts for on one day.
func (f *UnitFigures) addMark(m mark) {
	f.CasesReceived += int(m.received)
	f.CasesClosed += int(m.closed)
	f.reworked += int(m.reworked)
	f.onTime += int(m.onTime)
	f.Overdue += int(m.late)
	f.ratings += int(m.ratingSum)
	f.rated += int(m.rated)
}

func (f *UnitFigures) settle() {
	ratio := func(a, b int) *float64 {
		if b == 0 {
			return nil
		}
		r := float64(a) / float64(b)
		return &r
	}
	f.OnTimeRate, f.ReworkRate = ratio(f.onTime, f.CasesClosed), ratio(f.reworked, f.CasesClosed)
	if f.handled > 0 {
		h := float64(f.handlingMinutes) / 60 / float64(f.handled)
		f.AvgHandlingHours = &h
	}
	f.Satisfaction = ratio(f.ratings, f.rated)
}

// OverdueCase names a case that is late, for a bulletin.
type OverdueCase struct {
	ID           int64     `json:"id"`
	Code         string    `json:"code"`
	CategoryName string    `json:"categoryName"`
	Deadline     time.Time `json:"deadline"`
}

// OverdueOf lists a unit's open overdue cases, oldest deadline first.
func (s *Service) OverdueOf(ctx context.Context, unitID int64) (_ []OverdueCase, err error) {
	defer domain.Wrap(&err, "cases.OverdueOf %d", unitID)
	e, err := s.config(ctx)
	if err != nil {
		return nil, err
	}
	c := s.db.Read()
	rows, err := c.Query(ctx, `SELECT id, code, category_id, deadline_at FROM cases WHERE lead_unit_id = ? AND state IN ('handling', 'returned')
		AND deadline_at < ? ORDER BY deadline_at LIMIT 50`, unitID, c.Now)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []OverdueCase{}
	for rows.Next() {
		var o OverdueCase
		var cat int64
		if err := rows.Scan(&o.ID, &o.Code, &cat, &o.Deadline); err != nil {
			return nil, err
		}
		o.CategoryName = e.categories[cat].Name
		out = append(out, o)
	}
	return out, rows.Err()
}

// Overview is the cockpit's picture of the cases.
type Overview struct {
	ByState     map[string]int `json:"byState"`
	BySource    map[string]int `json:"bySource"`
	ByRegion    []RegionCount  `json:"byRegion"`
	Open        int            `json:"open"`
	Overdue     int            `json:"overdue"`
	TodayIntake int            `json:"todayIntake"`
	TodayClosed int            `json:"todayClosed"`
	Trend       []DayCount     `json:"trend"`
	Heat        []HeatPoint    `json:"heat"`
}

// RegionCount is a region's open and overdue cases.
type RegionCount struct {
	RegionID int64  `json:"regionId"`
	Name     string `json:"name"`
	Open     int    `json:"open"`
	Overdue  int    `json:"overdue"`
}

// DayCount is one day of the trend.
type DayCount struct {
	Date   string `json:"date"`
	Intake int    `json:"intake"`
	Closed int    `json:"closed"`
}

// HeatPoint is a grid cell of open cases on the map.
type HeatPoint struct {
	Lat    float64 `json:"lat"`
	Lng    float64 `json:"lng"`
	Weight int     `json:"weight"`
}

// Overview aggregates the cases in the actor's pool for the cockpit.
func (s *Service) Overview(ctx context.Context, actor *domain.Actor) (_ Overview, err error) {
	defer domain.Wrap(&err, "cases.Overview")
	e, err := s.config(ctx)
	if err != nil {
		return Overview{}, err
	}
	c := s.db.Read()
	where, args, err := e.where(actor, Filter{View: "pool"}, c.Now)
	if err != nil {
		return Overview{}, err
	}
	today := domain.Midnight(c.Now)
	since := today.AddDate(0, 0, -29)
	o := Overview{ByState: map[string]int{}, BySource: map[string]int{}, ByRegion: []RegionCount{}, Trend: []DayCount{}, Heat: []HeatPoint{}}
	days := map[string]*DayCount{}
	for d := range 30 {
		day := since.AddDate(0, 0, d).Format(time.DateOnly)
		o.Trend = append(o.Trend, DayCount{Date: day})
	}
	for i := range o.Trend {
		days[o.Trend[i].Date] = &o.Trend[i]
	}
	if err := trend(ctx, c, where, args, since, days); err != nil {
		return o, err
	}
	if err := s.openFigures(ctx, c, e, where, args, &o); err != nil {
		return o, err
	}
	todayKey := today.Format(time.DateOnly)
	o.TodayIntake, o.TodayClosed = days[todayKey].Intake, days[todayKey].Closed
	return o, nil
}

// trend counts the cases reported and closed on each of the days: for the
// whole city from the daily counters the database keeps (case_days), for
// a scoped pool by scanning its cases created and closed since then, each
// on its own index.
func trend(ctx context.Context, c *store.Conn, where string, args []any, since time.Time, days map[string]*DayCount) error {
	if where != "" {
		for _, col := range []string{"created_at", "closed_at"} {
			if err := countDays(ctx, c, col, where, args, since, days, col == "closed_at"); err != nil {
				return err
			}
		}
		return nil
	}
	rows, err := c.Query(ctx, `SELECT day, intake, closed FROM case_days WHERE day >= ?`, since.Format(time.DateOnly))
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var day string
		var intake, closed int
		if err := rows.Scan(&day, &intake, &closed); err != nil {
			return err
		}
		if d := days[day]; d != nil {
			d.Intake, d.Closed = intake, closed
		}
	}
	return rows.Err()
}

// countDays counts the cases created (or closed) on each of the days.
func countDays(ctx context.Context, c *store.Conn, col, where string, args []any, since time.Time, days map[string]*DayCount, closed bool) error {
	rows, err := c.Query(ctx, `SELECT c.`+col+` FROM cases c`+and(where, `c.`+col+` >= ?`), append(slices.Clone(args), since.UTC())...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var at time.Time
		if err := rows.Scan(&at); err != nil {
			return err
		}
		if d := days[at.In(domain.Beijing).Format(time.DateOnly)]; d != nil {
			if closed {
				d.Closed++
			} else {
				d.Intake++
			}
		}
	}
	return rows.Err()
}

// openFigures counts the open cases by state, source and region, the
// overdue ones, and their heat in cells of about 500 m.
func (s *Service) openFigures(ctx context.Context, c *store.Conn, e *caseConfig, where string, args []any, o *Overview) error {
	// Overdue is decided by the database, so no row's times are parsed here.
	rows, err := c.Query(ctx, `SELECT c.state, c.source, c.region_id, c.lat, c.lng,
		CASE WHEN c.deadline_at < ? AND c.reported_at IS NULL AND c.state <> 'verifying' THEN 1 ELSE 0 END FROM cases c`+
		and(where, `c.state IN `+openStatesSQL), append([]any{c.Now}, args...)...)
	if err != nil {
		return err
	}
	defer rows.Close()
	regions := map[int64]*RegionCount{}
	heat := map[[2]int]int{}
	for rows.Next() {
		var state, source string
		var region *int64
		var lat, lng *float64
		var overdue bool
		if err := rows.Scan(&state, &source, &region, &lat, &lng, &overdue); err != nil {
			return err
		}
		o.Open++
		o.ByState[state]++
		o.BySource[source]++
		if overdue {
			o.Overdue++
		}
		if region != nil {
			r := regions[*region]
			if r == nil {
				r = &RegionCount{RegionID: *region, Name: e.regions[*region].Name}
				regions[*region] = r
			}
			r.Open++
			if overdue {
				r.Overdue++
			}
		}
		if lat != nil && lng != nil {
			heat[[2]int{int(*lat * 200), int(*lng * 200)}]++
		}
	}
	for _, r := range regions {
		o.ByRegion = append(o.ByRegion, *r)
	}
	slices.SortFunc(o.ByRegion, func(a, b RegionCount) int { return b.Open - a.Open })
	for cell, n := range heat {
		o.Heat = append(o.Heat, HeatPoint{Lat: (float64(cell[0]) + 0.5) / 200, Lng: (float64(cell[1]) + 0.5) / 200, Weight: n})
	}
	return rows.Err()
}

// Codes returns the codes of cases by id, for areas that name cases.
func (s *Service) Codes(ctx context.Context, idsOf []int64) (_ map[int64]string, err error) {
	defer domain.Wrap(&err, "cases.Codes")
	out := map[int64]string{}
	if len(idsOf) == 0 {
		return out, nil
	}
	rows, err := s.db.Read().Query(ctx, `SELECT id, code FROM cases WHERE id IN (`+ids(idsOf)+`)`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var code string
		if err := rows.Scan(&id, &code); err != nil {
			return nil, err
		}
		out[id] = code
	}
	return out, rows.Err()
}
