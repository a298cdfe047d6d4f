package patrol

import (
	"context"
	"database/sql"
	"strings"
	"time"

	"wenming/internal/cases"
	"wenming/internal/domain"
	"wenming/internal/store"
)

// Window picks the observations a score reads: one round's, or the
// everyday patrols (outside rounds) between From and To; with
// Jurisdiction, only those at that jurisdiction's points (a county's
// live score counts its own points only).
type Window struct {
	RoundID      *int64
	From, To     time.Time
	Jurisdiction int64
}

// wholeDays tells an everyday window over the whole deployment that
// starts and ends at Beijing midnight, which the daily sums can answer
// (they are kept per check, not per jurisdiction).
func (w Window) wholeDays() bool {
	return w.RoundID == nil && w.Jurisdiction == 0 && w.From.Equal(domain.Midnight(w.From)) && w.To.Equal(domain.Midnight(w.To))
}

func (w Window) where() (string, []any) {
	cond, args := `o.round_id IS NULL AND o.observed_at >= ? AND o.observed_at < ?`, []any{w.From, w.To}
	if w.RoundID != nil {
		cond, args = `o.round_id = ?`, []any{*w.RoundID}
	}
	if w.Jurisdiction != 0 {
		cond += ` AND o.point_id IN (SELECT id FROM points WHERE jurisdiction_id = ?)`
		args = append(args, w.Jurisdiction)
	}
	return cond, args
}

// CheckTally counts one check's judgements in a window, with the failures
// by unit and region of the points judged.
type CheckTally struct {
	Pass, Fail, NA int
	FailsByUnit    map[int64]int
	FailsByRegion  map[int64]int
}

// Tally counts the judgements of every check in a window, with the
// failures by unit and region. Everyday patrols over whole days are read
// from their daily sums (observation_days, kept by the database); a round,
// or a window not on day bounds, from the observations themselves.
func (s *Service) Tally(ctx context.Context, w Window) (_ map[int64]*CheckTally, err error) {
	defer domain.Wrap(&err, "patrol.Tally")
	c := s.db.Read()
	where, args := w.where()
	out := map[int64]*CheckTally{}
	get := func(id int64) *CheckTally {
		if out[id] == nil {
			out[id] = &CheckTally{FailsByUnit: map[int64]int{}, FailsByRegion: map[int64]int{}}
		}
		return out[id]
	}
	// An everyday window walks its days on observations_at: left alone,
	// SQLite takes observations_round for "round_id IS NULL" and visits
	// every row of every year (6 s for the cockpit's 30 days on the medium
	// city).
	counted := `observations o`
	if w.RoundID == nil && c.Dialect() == store.SQLite {
		counted = `observations o INDEXED BY observations_at`
	}
	counts := `SELECT o.check_id, SUM(CASE WHEN o.result = 'pass' THEN 1 ELSE 0 END), SUM(CASE WHEN o.result = 'fail' THEN 1 ELSE 0 END),
		SUM(CASE WHEN o.result = 'na' THEN 1 ELSE 0 END) FROM ` + counted + ` WHERE ` + where + ` GROUP BY o.check_id`
	countArgs := args
	if w.wholeDays() {
		counts = `SELECT check_id, SUM(pass), SUM(fail), SUM(na) FROM observation_days WHERE day >= ? AND day < ? GROUP BY check_id`
		countArgs = []any{w.From.In(domain.Beijing).Format(time.DateOnly), w.To.In(domain.Beijing).Format(time.DateOnly)}
	}
	rows, err := c.Query(ctx, counts, countArgs...)
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		var id int64
		var pass, fail, na int
		if err := rows.Scan(&id, &pass, &fail, &na); err != nil {
			rows.Close()
			return nil, err
		}
		t := get(id)
		t.Pass, t.Fail, t.NA = pass, fail, na
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	// The failures alone. Everyday ones through their own partial index:
	// SQLite's planner, blind to how many rows have no round, would take
	// observations_round for "round_id IS NULL" and visit every row.
	from := `observations o`
	if w.RoundID == nil && c.Dialect() == store.SQLite {
		from = `observations o INDEXED BY observations_fails`
	}
	rows, err = c.Query(ctx, `SELECT o.check_id, o.unit_id, COALESCE(o.region_id, 0), COUNT(*) FROM `+from+` WHERE `+where+` AND o.result = 'fail'
		GROUP BY o.check_id, o.unit_id, o.region_id`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var id, unit, region int64
		var n int
		if err := rows.Scan(&id, &unit, &region, &n); err != nil {
			return nil, err
		}
		t := get(id)
		t.FailsByUnit[unit] += n
		if region != 0 {
			t.FailsByRegion[region] += n
		}
	}
	return out, rows.Err()
}

// CheckStandards maps every check, active or not, to its standard codes.
func (s *Service) CheckStandards(ctx context.Context) (_ map[int64][]string, err error) {
	defer domain.Wrap(&err, "patrol.CheckStandards")
	rows, err := s.db.Read().Query(ctx, `SELECT id, standard_codes FROM point_checks`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[int64][]string{}
	for rows.Next() {
		var id int64
		var codes string
		if err := rows.Scan(&id, &codes); err != nil {
			return nil, err
		}
		out[id] = splitCodes(codes)
	}
	return out, rows.Err()
}

// ObservationRow is one judgement behind a score, with its photos.
type ObservationRow struct {
	ID            int64         `json:"id"`
	PatrolID      int64         `json:"patrolId"`
	PointID       int64         `json:"pointId"`
	PointName     string        `json:"pointName"`
	CategoryName  string        `json:"categoryName"`
	UnitName      string        `json:"unitName"`
	RegionName    string        `json:"regionName"`
	CheckText     string        `json:"checkText"`
	Result        string        `json:"result"`
	Note          string        `json:"note"`
	ObservedAt    time.Time     `json:"observedAt"`
	InspectorName string        `json:"inspectorName"`
	Photos        []cases.Photo `json:"photos"`
	CaseID        *int64        `json:"caseId"`
	CaseCode      string        `json:"caseCode"`
}

// ObservationFilter picks the observations behind a figure.
type ObservationFilter struct {
	Window
	CheckIDs         []int64
	Result           string
	UnitID, RegionID int64
	Page, PageSize   int
}

// Observations lists the judgements behind a figure, failures first. A
// unit sees only those at its own points.
func (s *Service) Observations(ctx context.Context, actor *domain.Actor, f ObservationFilter) (_ []ObservationRow, _ int, err error) {
	defer domain.Wrap(&err, "patrol.Observations")
	if err := requireReader(actor); err != nil {
		return nil, 0, err
	}
	where, args := f.where()
	conds := []string{where}
	add := func(cond string, v ...any) { conds = append(conds, cond); args = append(args, v...) }
	if cond, v := scopeWhere(actor, "p.jurisdiction_id"); cond != "" {
		add(cond, v...)
	}
	if f.CheckIDs != nil {
		if len(f.CheckIDs) == 0 {
			return []ObservationRow{}, 0, nil
		}
		ids := make([]any, len(f.CheckIDs))
		for i, id := range f.CheckIDs {
			ids[i] = id
		}
		add(`o.check_id IN (`+store.Placeholders(len(ids))+`)`, ids...)
	}
	if f.Result != "" {
		if domain.NameOf(Results, f.Result) == "" {
			return nil, 0, domain.Invalid("result", "结果只能是 pass、fail 或 na")
		}
		add(`o.result = ?`, f.Result)
	}
	if f.UnitID != 0 {
		add(`o.unit_id = ?`, f.UnitID)
	}
	if f.RegionID != 0 {
		add(`r.code LIKE (SELECT code FROM regions WHERE id = ?) || '%'`, f.RegionID)
	}
	from := ` FROM observations o JOIN points p ON p.id = o.point_id JOIN point_categories k ON k.id = p.category_id JOIN units u ON u.id = o.unit_id
		LEFT JOIN regions ur ON ur.id = u.region_id LEFT JOIN regions r ON r.id = o.region_id JOIN patrols t ON t.id = o.patrol_id
		JOIN point_checks x ON x.id = o.check_id LEFT JOIN users us ON us.id = t.inspector_id LEFT JOIN cases kc ON kc.id = o.case_id
		WHERE ` + strings.Join(conds, " AND ")
	c := s.db.Read()
	total, err := c.Count(ctx, `SELECT COUNT(*)`+from, args...)
	if err != nil {
		return nil, 0, err
	}
	size := min(max(f.PageSize, 1), 200)
	rows, err := c.Query(ctx, `SELECT o.id, o.patrol_id, o.point_id, p.name, k.name, u.name, COALESCE(r.name, ''), x.text, o.result, o.note, o.observed_at,
		COALESCE(us.real_name, ''), o.case_id, COALESCE(kc.code, '')`+from+` ORDER BY CASE o.result WHEN 'fail' THEN 0 ELSE 1 END, o.observed_at DESC, o.id DESC LIMIT ? OFFSET ?`,
		append(args, size, (max(f.Page, 1)-1)*size)...)
	if err != nil {
		return nil, 0, err
	}
	list, ids, err := scanObservationRows(rows)
	if err != nil {
		return nil, 0, err
	}
	photos, err := photosOf(ctx, c, ids)
	for i := range list {
		if list[i].Photos = photos[list[i].ID]; list[i].Photos == nil {
			list[i].Photos = []cases.Photo{}
		}
	}
	return list, total, err
}

func scanObservationRows(rows *sql.Rows) ([]ObservationRow, []int64, error) {
	defer rows.Close()
	list := []ObservationRow{}
	var ids []int64
	for rows.Next() {
		var o ObservationRow
		if err := rows.Scan(&o.ID, &o.PatrolID, &o.PointID, &o.PointName, &o.CategoryName, &o.UnitName, &o.RegionName, &o.CheckText, &o.Result, &o.Note,
			&o.ObservedAt, &o.InspectorName, &o.CaseID, &o.CaseCode); err != nil {
			return nil, nil, err
		}
		list = append(list, o)
		ids = append(ids, o.ID)
	}
	return list, ids, rows.Err()
}

// UnitPassRates are the share of passed checks at each unit's points in a
// period (patrols and rounds alike): the patrol figure of the ranking. A
// period of whole days, as a ranking's is, sums the daily counts the
// database keeps (unit_observation_days).
func (s *Service) UnitPassRates(ctx context.Context, from, to time.Time) (_ map[int64]float64, err error) {
	defer domain.Wrap(&err, "patrol.UnitPassRates")
	query := `SELECT unit_id, SUM(CASE WHEN result = 'pass' THEN 1 ELSE 0 END), SUM(CASE WHEN result = 'fail' THEN 1 ELSE 0 END)
		FROM observations WHERE observed_at >= ? AND observed_at < ? GROUP BY unit_id`
	args := []any{from, to}
	if (Window{From: from, To: to}).wholeDays() {
		query = `SELECT unit_id, SUM(pass), SUM(fail) FROM unit_observation_days WHERE day >= ? AND day < ? GROUP BY unit_id`
		args = []any{from.In(domain.Beijing).Format(time.DateOnly), to.In(domain.Beijing).Format(time.DateOnly)}
	}
	rows, err := s.db.Read().Query(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[int64]float64{}
	for rows.Next() {
		var unit int64
		var pass, fail int
		if err := rows.Scan(&unit, &pass, &fail); err != nil {
			return nil, err
		}
		if pass+fail > 0 {
			out[unit] = float64(pass) / float64(pass+fail)
		}
	}
	return out, rows.Err()
}
