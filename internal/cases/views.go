package cases

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"wenming/internal/audit"
	"wenming/internal/domain"
	"wenming/internal/files"
	"wenming/internal/store"
	"wenming/internal/xlsx"
)

// CaseDetail is a case with its timeline and what the actor may do now.
type CaseDetail struct {
	Case
	Timeline   []Event    `json:"timeline"`
	Duplicates []Case     `json:"duplicates"`
	Actions    []string   `json:"actions"`
	Extension  *Extension `json:"extension"`
}

// Extension is the latest extension request of a case.
type Extension struct {
	ID        int64  `json:"id"`
	Minutes   int    `json:"minutes"`
	Reason    string `json:"reason"`
	State     string `json:"state"`
	RuledNote string `json:"ruledNote"`
}

// Get returns a case as the actor may see it.
func (s *Service) Get(ctx context.Context, actor *domain.Actor, id int64) (_ CaseDetail, err error) {
	defer domain.Wrap(&err, "cases.Get %d", id)
	e, err := s.env(ctx)
	if err != nil {
		return CaseDetail{}, err
	}
	return s.get(ctx, e, actor, id)
}

// get reads a case with an environment already loaded (an action answers
// with the case it changed without loading everything again).
func (s *Service) get(ctx context.Context, e *env, actor *domain.Actor, id int64) (CaseDetail, error) {
	c := s.db.Read()
	k, err := s.load(ctx, c, id, false)
	if err != nil {
		return CaseDetail{}, err
	}
	if !e.sees(actor, &k) {
		return CaseDetail{}, domain.Forbidden("该案件不在您的数据范围内")
	}
	return s.detail(ctx, c, e, actor, k, consoleURL)
}

// photoURL says where a client fetches a case photo.
type photoURL func(fileID int64, size string) string

// FilePhoto describes a stored image as the console shows it, for areas
// that show photos of their own (a patrol's observations).
func FilePhoto(f files.File) Photo {
	p := Photo{FileID: f.ID, Name: f.Name, ReceivedAt: f.UploadedAt, ThumbURL: consoleURL(f.ID, "thumb"), URL: consoleURL(f.ID, "display")}
	if f.Photo != nil {
		p.TakenAt, p.Lat, p.Lng, p.Width, p.Height = f.Photo.TakenAt, f.Photo.Lat, f.Photo.Lng, f.Photo.Width, f.Photo.Height
	}
	return p
}

func consoleURL(fileID int64, size string) string {
	u := fmt.Sprintf("/api/v1/files/%d", fileID)
	if size != "" {
		u += "?size=" + size
	}
	return u
}

func (s *Service) detail(ctx context.Context, c *store.Conn, e *env, actor *domain.Actor, k Case, url photoURL) (CaseDetail, error) {
	e.name(&k, c.Now)
	d := CaseDetail{Case: k, Duplicates: []Case{}}
	photos, err := loadPhotos(ctx, c, &d.Case, url)
	if err != nil {
		return d, err
	}
	if d.Timeline, err = loadTimeline(ctx, c, e, k.ID, photos); err != nil {
		return d, err
	}
	if d.Extension, err = latestExtension(ctx, c, k.ID); err != nil {
		return d, err
	}
	// At most one request waits at a time, so the latest tells (and is
	// current after an action that asked or ruled).
	d.ExtensionPending = d.Extension != nil && d.Extension.State == "pending"
	if k.State != "closed" && actor != nil {
		if d.Duplicates, err = s.duplicates(ctx, c, e, actor, k); err != nil {
			return d, err
		}
	}
	d.Actions = e.actions(actor, &d.Case)
	return d, nil
}

func loadPhotos(ctx context.Context, c *store.Conn, k *Case, url photoURL) (map[int64][]Photo, error) {
	rows, err := c.Query(ctx, `SELECT p.event_id, p.phase, f.id, f.name, f.taken_at, f.gps_lat, f.gps_lng, f.uploaded_at, f.width, f.height
		FROM case_photos p JOIN files f ON f.id = p.file_id WHERE p.case_id = ? ORDER BY f.id`, k.ID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	byEvent := map[int64][]Photo{}
	for rows.Next() {
		var p Photo
		var event int64
		if err := rows.Scan(&event, &p.Phase, &p.FileID, &p.Name, &p.TakenAt, &p.Lat, &p.Lng, &p.ReceivedAt, &p.Width, &p.Height); err != nil {
			return nil, err
		}
		p.ThumbURL, p.URL = url(p.FileID, "thumb"), url(p.FileID, "display")
		if p.Lat != nil && k.Lat != nil {
			d := int(domain.Distance(*k.Lat, *k.Lng, *p.Lat, *p.Lng))
			p.DistanceMeters = &d
		}
		byEvent[event] = append(byEvent[event], p)
		if p.Phase == "before" {
			k.BeforePhotos = append(k.BeforePhotos, p)
		} else {
			k.AfterPhotos = append(k.AfterPhotos, p)
		}
	}
	return byEvent, rows.Err()
}

func loadTimeline(ctx context.Context, c *store.Conn, e *env, caseID int64, photos map[int64][]Photo) ([]Event, error) {
	rows, err := c.Query(ctx, `SELECT id, at, kind, actor_name, unit_id, note, data FROM case_events WHERE case_id = ? ORDER BY id`, caseID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	list := []Event{}
	for rows.Next() {
		var ev Event
		var data string
		if err := rows.Scan(&ev.ID, &ev.At, &ev.Kind, &ev.ActorName, &ev.unitID, &ev.Note, &data); err != nil {
			return nil, err
		}
		if ev.unitID != nil {
			ev.UnitName = e.units[*ev.unitID].Name
		}
		json.Unmarshal([]byte(data), &ev.Data)
		ev.Photos = photos[ev.ID]
		if ev.Photos == nil {
			ev.Photos = []Photo{}
		}
		list = append(list, ev)
	}
	return list, rows.Err()
}

func latestExtension(ctx context.Context, c *store.Conn, caseID int64) (*Extension, error) {
	var x Extension
	err := c.Get(ctx, "延期", `SELECT id, minutes, reason, state, ruled_note FROM case_extensions WHERE case_id = ? ORDER BY id DESC LIMIT 1`, []any{caseID},
		&x.ID, &x.Minutes, &x.Reason, &x.State, &x.RuledNote)
	if de, ok := domain.AsError(err); ok && de.Code == domain.CodeNotFound {
		return nil, nil
	}
	return &x, err
}

// duplicates suggests open cases of the same category near this one,
// reported within the window, that the actor can see.
func (s *Service) duplicates(ctx context.Context, c *store.Conn, e *env, actor *domain.Actor, k Case) ([]Case, error) {
	out := []Case{}
	if k.Lat == nil || !actor.Has(domain.RoleOfficeLeader, domain.RoleOfficeStaff) {
		return out, nil
	}
	radius := float64(e.settings.DuplicateRadiusMeters)
	window := time.Duration(e.settings.DuplicateWindowHours) * time.Hour
	dLat := radius / 111000
	rows, err := c.Query(ctx, selectCase+` WHERE category_id = ? AND id <> ? AND state <> 'closed' AND merged_into IS NULL
		AND created_at BETWEEN ? AND ? AND lat BETWEEN ? AND ? ORDER BY created_at LIMIT 50`,
		k.CategoryID, k.ID, k.CreatedAt.Add(-window), k.CreatedAt.Add(window), *k.Lat-dLat, *k.Lat+dLat)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		o, err := scanCase(rows)
		if err != nil {
			return nil, err
		}
		if o.Lng == nil || domain.Distance(*k.Lat, *k.Lng, *o.Lat, *o.Lng) > radius || !e.sees(actor, &o) {
			continue
		}
		e.name(&o, c.Now)
		out = append(out, o)
	}
	return out, rows.Err()
}

// Filter selects cases for the pool, the inbox, the map and exports.
type Filter struct {
	View       string
	State      string
	Source     string
	CategoryID int64
	RegionID   int64
	UnitID     int64
	Overdue    bool
	From, To   string
	Q          string
	Page       int
	PageSize   int
}

// where turns a filter and the actor's scope into SQL.
func (e *env) where(a *domain.Actor, f Filter, now time.Time) (string, []any, error) {
	scope, args, _, err := e.scope(a, f.View)
	if err != nil {
		return "", nil, err
	}
	conds, fargs, err := e.filters(f, now)
	if err != nil {
		return "", nil, err
	}
	if scope != "" {
		conds = append([]string{scope}, conds...)
	}
	if len(conds) == 0 {
		return "", nil, nil
	}
	return " WHERE " + strings.Join(conds, " AND "), append(args, fargs...), nil
}

// scope is the actor's part of a view as one condition; when that is an OR
// of branches that each walk an index in time order (a unit's own cases),
// it is also returned as a union, which List and Stats query branch by
// branch.
func (e *env) scope(a *domain.Actor, view string) (string, []any, *union, error) {
	if view == "" {
		view = "inbox"
		if a.Has(poolRoles...) {
			view = "pool"
		}
	}
	switch {
	case a.Has(domain.RoleAuditAdmin, domain.RoleSysAdmin, domain.RoleSecurityAdmin) && !a.Has(poolRoles...):
		return "", nil, nil, domain.Forbidden("管理员账号不查看案件")
	case view == "pool" && a.Has(poolRoles...):
		cond, v := e.poolScope(a)
		var u *union
		if a.Scope != domain.ScopeAll && a.Scope != domain.ScopeRegion {
			u = &union{units: e.unitsUnder(a.UnitPath), reporter: a.UserID}
		}
		return cond, v, u, nil
	case view == "pool", view == "inbox":
		units := e.unitsUnder(a.UnitPath)
		return `(c.lead_unit_id IN (` + ids(units) + `) OR c.reporter_id = ? OR EXISTS (SELECT 1 FROM case_units cu WHERE cu.case_id = c.id AND cu.unit_id IN (` + ids(units) + `)))`,
			[]any{a.UserID}, &union{units: units, reporter: a.UserID, co: true}, nil
	}
	return "", nil, nil, domain.Invalid("view", "view 只能是 pool 或 inbox")
}

// filters turns the filter's own conditions into SQL, to AND with a scope.
func (e *env) filters(f Filter, now time.Time) ([]string, []any, error) {
	var conds []string
	var args []any
	add := func(cond string, v ...any) { conds = append(conds, cond); args = append(args, v...) }
	if f.State != "" {
		if domain.NameOf(States, f.State) == "" {
			return nil, nil, domain.Invalid("state", "未知状态“"+f.State+"”")
		}
		add(`c.state = ?`, f.State)
	}
	if f.Source != "" {
		if domain.NameOf(Sources, f.Source) == "" {
			return nil, nil, domain.Invalid("source", "未知来源“"+f.Source+"”")
		}
		add(`c.source = ?`, f.Source)
	}
	if f.CategoryID != 0 {
		add(`(c.category_id = ? OR c.category_id IN (SELECT id FROM case_categories WHERE parent_id = ?))`, f.CategoryID, f.CategoryID)
	}
	if f.RegionID != 0 {
		add(`c.region_id IN (` + ids(e.regionsUnder(e.regions[f.RegionID].Code)) + `)`)
	}
	if f.UnitID != 0 {
		add(`(c.lead_unit_id = ? OR EXISTS (SELECT 1 FROM case_units cu WHERE cu.case_id = c.id AND cu.unit_id = ?))`, f.UnitID, f.UnitID)
	}
	if f.Overdue {
		add(`c.deadline_at IS NOT NULL AND c.state IN ('handling', 'verifying', 'returned') AND COALESCE(c.reported_at, ?) > c.deadline_at`, now)
	}
	from, to, err := domain.DayRange(f.From, f.To)
	if err != nil {
		return nil, nil, err
	}
	if !from.IsZero() {
		add(`c.created_at >= ?`, from.UTC())
	}
	if !to.IsZero() {
		add(`c.created_at < ?`, to.UTC())
	}
	if q := strings.TrimSpace(f.Q); q != "" {
		like := store.Like(q)
		add(`(c.code LIKE ? ESCAPE '\' OR c.description LIKE ? ESCAPE '\' OR c.address LIKE ? ESCAPE '\' OR c.external_id LIKE ? ESCAPE '\')`, like, like, like, like)
	}
	return conds, args, nil
}

func (e *env) poolScope(a *domain.Actor) (string, []any) {
	switch a.Scope {
	case domain.ScopeAll:
		return "", nil
	case domain.ScopeRegion:
		return `(c.region_id IN (` + ids(e.regionsUnder(a.RegionCode)) + `) OR c.lead_unit_id IN (` + ids(e.unitsInRegion(a.RegionCode)) + `) OR (c.region_id IS NULL AND c.lead_unit_id IS NULL))`, nil
	}
	units := e.unitsUnder(a.UnitPath)
	return `(c.lead_unit_id IN (` + ids(units) + `) OR c.reporter_id = ?)`, []any{a.UserID}
}

// ids writes a list of ids into SQL; they are numbers from the database,
// never user text.
func anys(list []int64) []any {
	out := make([]any, len(list))
	for i, v := range list {
		out[i] = v
	}
	return out
}

func ids(list []int64) string {
	if len(list) == 0 {
		return "0"
	}
	var b strings.Builder
	for i, id := range list {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprint(&b, id)
	}
	return b.String()
}

func (e *env) unitsUnder(path string) []int64 {
	if path == "" {
		return nil
	}
	var out []int64
	i, _ := slices.BinarySearchFunc(e.byPath, path, func(u domain.Unit, p string) int { return strings.Compare(u.Path, p) })
	for _, u := range e.byPath[i:] {
		if !strings.HasPrefix(u.Path, path) {
			break
		}
		out = append(out, u.ID)
	}
	return out
}

func (e *env) unitsInRegion(code string) []int64 {
	var out []int64
	for id, u := range e.units {
		if u.RegionCode != "" && strings.HasPrefix(u.RegionCode, code) {
			out = append(out, id)
		}
	}
	return out
}

func (e *env) regionsUnder(code string) []int64 {
	var out []int64
	for id, r := range e.regions {
		if code != "" && strings.HasPrefix(r.Code, code) {
			out = append(out, id)
		}
	}
	return out
}

// List returns a page of cases.
func (s *Service) List(ctx context.Context, actor *domain.Actor, f Filter) (_ []Case, _ int, err error) {
	defer domain.Wrap(&err, "cases.List")
	e, err := s.env(ctx)
	if err != nil {
		return nil, 0, err
	}
	c := s.db.Read()
	page, size := max(f.Page, 1), f.PageSize
	if size < 1 || size > 200 {
		size = 20
	}
	scope, sargs, u, err := e.scope(actor, f.View)
	if err != nil {
		return nil, 0, err
	}
	conds, args, err := e.filters(f, c.Now)
	if err != nil {
		return nil, 0, err
	}
	if u != nil && page*size <= unionDepth {
		u.counted, u.state = countable(f), f.State
		return s.listUnion(ctx, c, e, u, conds, args, page, size)
	}
	if scope != "" {
		conds, args = append([]string{scope}, conds...), append(sargs, args...)
	}
	where := ""
	if len(conds) > 0 {
		where = " WHERE " + strings.Join(conds, " AND ")
	}
	total, err := c.Count(ctx, `SELECT COUNT(*) FROM cases c`+where, args...)
	if err != nil {
		return nil, 0, err
	}
	list, err := s.query(ctx, c, e, where+fmt.Sprintf(` ORDER BY c.created_at DESC, c.id DESC LIMIT %d OFFSET %d`, size, (page-1)*size), args)
	return list, total, err
}

// unionDepth bounds the rows each branch of a union reads for a page (page
// × size); deeper pages take the single OR query.
const unionDepth = 2000

// union is a unit's view of the cases: those its units lead, those its
// user reported and, in the inbox, those its units co-handle. As one OR
// the database can walk no index in time order and counts every case of
// the city; branch by branch each walks its own index ((lead_unit_id,
// created_at), (reporter_id, created_at), case_units(unit_id)).
type union struct {
	units    []int64
	reporter int64
	co       bool // co-handled cases count too
	// counted says the filter is at most a state (state): the led part is
	// then counted from unit_cases, which triggers keep (migration 00009).
	counted bool
	state   string
}

// countable tells whether a filter is at most a state, so unit_cases
// answers how many cases a unit leads.
func countable(f Filter) bool {
	return f.Source == "" && f.CategoryID == 0 && f.RegionID == 0 && f.UnitID == 0 && !f.Overdue && f.From == "" && f.To == "" &&
		strings.TrimSpace(f.Q) == ""
}

// part is one disjoint piece of a union: a FROM … WHERE and its arguments,
// and what to count (the co-handled piece joins case_units first and may
// hold a case once per co-handling unit).
type part struct {
	from  string
	args  []any
	count string
}

// parts splits the union into disjoint parts (led; reported but not led;
// co-handled but neither), each with the filter ANDed, so counts add up
// exactly without counting a case twice.
func (u *union) parts(filter string, args []any) []part {
	in := ids(u.units)
	notLed := `(c.lead_unit_id IS NULL OR c.lead_unit_id NOT IN (` + in + `))`
	led := part{from: ` FROM cases c WHERE c.lead_unit_id IN (` + in + `)` + filter, args: args, count: `COUNT(*)`}
	if u.counted {
		led = part{from: ` FROM unit_cases c WHERE c.unit_id IN (` + in + `)`, count: `CAST(COALESCE(SUM(c.n), 0) AS BIGINT)`}
		if u.state != "" {
			led.from += ` AND c.state = ?`
			led.args = []any{u.state}
		}
	}
	parts := []part{
		led,
		{from: ` FROM cases c WHERE c.reporter_id = ? AND ` + notLed + filter, args: append([]any{u.reporter}, args...), count: `COUNT(*)`},
	}
	if u.co && len(u.units) > 0 {
		parts = append(parts, part{from: ` FROM case_units cu CROSS JOIN cases c WHERE c.id = cu.case_id AND cu.unit_id IN (` + in + `) AND ` + notLed +
			` AND (c.reporter_id IS NULL OR c.reporter_id <> ?)` + filter, args: append([]any{u.reporter}, args...), count: `COUNT(DISTINCT c.id)`})
	}
	return parts
}

// count counts the union's cases that pass the filter.
func (u *union) count(ctx context.Context, c *store.Conn, filter string, args []any) (int, error) {
	var sums []string
	var all []any
	for _, p := range u.parts(filter, args) {
		sums = append(sums, `(SELECT `+p.count+p.from+`)`)
		all = append(all, p.args...)
	}
	return c.Count(ctx, `SELECT `+strings.Join(sums, " + "), all...)
}

// byState counts the union's cases that pass the filter by state.
func (u *union) byState(ctx context.Context, c *store.Conn, filter string, args []any) (map[string]int, error) {
	var selects []string
	var all []any
	for _, p := range u.parts(filter, args) {
		selects = append(selects, `SELECT c.state AS state, `+p.count+` AS n`+p.from+` GROUP BY c.state`)
		all = append(all, p.args...)
	}
	rows, err := c.Query(ctx, `SELECT state, CAST(SUM(n) AS BIGINT) FROM (`+strings.Join(selects, " UNION ALL ")+`) AS p GROUP BY state HAVING SUM(n) > 0`, all...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]int{}
	for rows.Next() {
		var st string
		var n int
		if err := rows.Scan(&st, &n); err != nil {
			return nil, err
		}
		out[st] = n
	}
	return out, rows.Err()
}

// listUnion reads a page of the union: each branch (each unit apart, so
// each walks its index in order) gives its first page × size cases; the
// page is among them, and the database cuts it from that short list.
func (s *Service) listUnion(ctx context.Context, c *store.Conn, e *env, u *union, conds []string, args []any, page, size int) ([]Case, int, error) {
	filter := ""
	if len(conds) > 0 {
		filter = " AND " + strings.Join(conds, " AND ")
	}
	total, err := u.count(ctx, c, filter, args)
	if err != nil {
		return nil, 0, err
	}
	offset := (page - 1) * size
	tail := fmt.Sprintf(` ORDER BY c.created_at DESC, c.id DESC LIMIT %d`, offset+size)
	var branches []string
	var all []any
	branch := func(sel, from string, v ...any) {
		branches = append(branches, fmt.Sprintf(`SELECT id, created_at FROM (%s c.id, c.created_at%s%s%s) AS b%d`, sel, from, filter, tail, len(branches)))
		all = append(append(all, v...), args...)
	}
	if len(u.units) <= maxUnitBranches {
		for _, id := range u.units {
			branch("SELECT", ` FROM cases c WHERE c.lead_unit_id = ?`, id)
		}
	} else {
		branch("SELECT", ` FROM cases c WHERE c.lead_unit_id IN (`+ids(u.units)+`)`)
	}
	branch("SELECT", ` FROM cases c WHERE c.reporter_id = ?`, u.reporter)
	if u.co && len(u.units) > 0 {
		branch("SELECT DISTINCT", ` FROM case_units cu CROSS JOIN cases c WHERE c.id = cu.case_id AND cu.unit_id IN (`+ids(u.units)+`)`)
	}
	// A case two branches found counts once; the page is cut from the
	// candidates in the database's own order, and only its rows are read.
	found, err := c.Int64s(ctx, `SELECT id FROM (SELECT DISTINCT id, created_at FROM (`+strings.Join(branches, " UNION ALL ")+
		fmt.Sprintf(`) AS u ORDER BY created_at DESC, id DESC LIMIT %d OFFSET %d) AS page`, size, offset), all...)
	if err != nil {
		return nil, 0, err
	}
	if len(found) == 0 {
		return []Case{}, total, nil
	}
	// Placeholders, not the ids written in: a page's statement stays the same
	// text from one request to the next, so it stays prepared.
	list, err := s.query(ctx, c, e, ` WHERE c.id IN (`+store.Placeholders(len(found))+`) ORDER BY c.created_at DESC, c.id DESC`, anys(found))
	return list, total, err
}

// maxUnitBranches is how many units get a branch each; a unit with more
// sub-units than this reads them all in one branch, sorted.
const maxUnitBranches = 64

func (s *Service) query(ctx context.Context, c *store.Conn, e *env, tail string, args []any) ([]Case, error) {
	rows, err := c.Query(ctx, strings.Replace(selectCase, "FROM cases", "FROM cases c", 1)+tail, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	list := []Case{}
	for rows.Next() {
		k, err := scanCase(rows)
		if err != nil {
			return nil, err
		}
		list = append(list, k)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	rows.Close()
	if err := fillCoUnits(ctx, c, list); err != nil {
		return nil, err
	}
	for i := range list {
		e.name(&list[i], c.Now)
	}
	return list, nil
}

func fillCoUnits(ctx context.Context, c *store.Conn, list []Case) error {
	if len(list) == 0 || len(list) > 1000 {
		return nil
	}
	byID := map[int64]*Case{}
	var idList []int64
	for i := range list {
		byID[list[i].ID] = &list[i]
		idList = append(idList, list[i].ID)
	}
	rows, err := c.Query(ctx, `SELECT case_id, unit_id FROM case_units WHERE case_id IN (`+store.Placeholders(len(idList))+`) ORDER BY unit_id`, anys(idList)...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var k, u int64
		if err := rows.Scan(&k, &u); err != nil {
			return err
		}
		byID[k].coUnitIDs = append(byID[k].coUnitIDs, u)
	}
	return rows.Err()
}

// MapItem is a located case for the map.
type MapItem struct {
	ID           int64   `json:"id"`
	Code         string  `json:"code"`
	State        State   `json:"state"`
	CategoryName string  `json:"categoryName"`
	Lat          float64 `json:"lat"`
	Lng          float64 `json:"lng"`
	Overdue      bool    `json:"overdue"`
}

// Map returns the located cases of a filter (open ones unless a state is
// asked for), at most 5,000.
func (s *Service) Map(ctx context.Context, actor *domain.Actor, f Filter) (_ []MapItem, err error) {
	defer domain.Wrap(&err, "cases.Map")
	e, err := s.env(ctx)
	if err != nil {
		return nil, err
	}
	c := s.db.Read()
	where, args, err := e.where(actor, f, c.Now)
	if err != nil {
		return nil, err
	}
	where = and(where, `c.lat IS NOT NULL`)
	if f.State == "" {
		where = and(where, `c.state <> 'closed'`)
	}
	list, err := s.query(ctx, c, e, where+` ORDER BY c.created_at DESC LIMIT 5000`, args)
	if err != nil {
		return nil, err
	}
	out := make([]MapItem, 0, len(list))
	for _, k := range list {
		out = append(out, MapItem{ID: k.ID, Code: k.Code, State: k.State, CategoryName: k.CategoryName, Lat: *k.Lat, Lng: *k.Lng, Overdue: k.Overdue})
	}
	return out, nil
}

func and(where, cond string) string {
	if where == "" {
		return " WHERE " + cond
	}
	return where + " AND " + cond
}

// Stats counts a view's cases by state, the overdue ones and today's.
type Stats struct {
	ByState map[string]int `json:"byState"`
	Overdue int            `json:"overdue"`
	Today   int            `json:"today"`
}

// Stats returns the badges of the pool or inbox tabs.
func (s *Service) Stats(ctx context.Context, actor *domain.Actor, view string) (_ Stats, err error) {
	defer domain.Wrap(&err, "cases.Stats")
	e, err := s.env(ctx)
	if err != nil {
		return Stats{}, err
	}
	c := s.db.Read()
	if _, _, u, err := e.scope(actor, view); err != nil {
		return Stats{}, err
	} else if u != nil {
		return s.unionStats(ctx, c, e, u)
	}
	where, args, err := e.where(actor, Filter{View: view}, c.Now)
	if err != nil {
		return Stats{}, err
	}
	out := Stats{ByState: map[string]int{}}
	rows, err := c.Query(ctx, `SELECT c.state, COUNT(*) FROM cases c`+where+` GROUP BY c.state`, args...)
	if err != nil {
		return out, err
	}
	for rows.Next() {
		var st string
		var n int
		if err := rows.Scan(&st, &n); err != nil {
			rows.Close()
			return out, err
		}
		out.ByState[st] = n
	}
	rows.Close()
	ow, oargs, _ := e.where(actor, Filter{View: view, Overdue: true}, c.Now)
	if out.Overdue, err = c.Count(ctx, `SELECT COUNT(*) FROM cases c`+ow, oargs...); err != nil {
		return out, err
	}
	out.Today, err = c.Count(ctx, `SELECT COUNT(*) FROM cases c`+and(where, `c.created_at >= ?`), append(args, domain.Midnight(c.Now).UTC())...)
	return out, err
}

// unionStats counts a unit's view branch by branch.
func (s *Service) unionStats(ctx context.Context, c *store.Conn, e *env, u *union) (Stats, error) {
	var out Stats
	var err error
	u.counted = true
	if out.ByState, err = u.byState(ctx, c, "", nil); err != nil {
		return out, err
	}
	u.counted = false
	conds, args, err := e.filters(Filter{Overdue: true}, c.Now)
	if err != nil {
		return out, err
	}
	if out.Overdue, err = u.count(ctx, c, " AND "+strings.Join(conds, " AND "), args); err != nil {
		return out, err
	}
	out.Today, err = u.count(ctx, c, ` AND c.created_at >= ?`, []any{domain.Midnight(c.Now).UTC()})
	return out, err
}

// Export writes every case of a filter as a workbook, row by row into w:
// memory stays flat however many cases there are. One goroutine reads the
// cases a batch at a time while this one names them (their co-handling
// units in one query per batch) and writes them, and the workbook
// compresses on a third: on a busy export each waits less for the others.
func (s *Service) Export(ctx context.Context, actor *domain.Actor, f Filter, w io.Writer) (err error) {
	defer domain.Wrap(&err, "cases.Export")
	e, err := s.env(ctx)
	if err != nil {
		return err
	}
	c := s.db.Read()
	where, args, err := e.where(actor, f, c.Now)
	if err != nil {
		return err
	}
	ctx, stop := context.WithCancel(ctx)
	defer stop()
	rows, err := c.Query(ctx, strings.Replace(selectCase, "FROM cases", "FROM cases c", 1)+where+` ORDER BY c.created_at DESC, c.id DESC`, args...)
	if err != nil {
		return err
	}
	book := xlsx.New(w)
	defer book.Abandon()
	if err := book.Sheet("案件", exportColumns...); err != nil {
		rows.Close()
		return err
	}
	batches := make(chan []Case, 2)
	var readErr error
	go func() {
		defer close(batches)
		readErr = readBatches(ctx, rows, batches)
	}()
	for batch := range batches {
		if err == nil {
			err = exportBatchOf(ctx, c, e, book, batch)
		}
		if err != nil {
			stop() // the reader ends; the loop drains what it had sent
		}
	}
	if err != nil {
		return err
	}
	if readErr != nil {
		return readErr
	}
	return book.Close()
}

// readBatches scans the rows into batches of exportBatch cases.
func readBatches(ctx context.Context, rows *sql.Rows, out chan<- []Case) error {
	defer rows.Close()
	batch := make([]Case, 0, exportBatch)
	send := func() bool {
		select {
		case out <- batch:
			batch = make([]Case, 0, exportBatch)
			return true
		case <-ctx.Done():
			return false
		}
	}
	for rows.Next() {
		k, err := scanCase(rows)
		if err != nil {
			return err
		}
		if batch = append(batch, k); len(batch) == exportBatch && !send() {
			return ctx.Err()
		}
	}
	if err := rows.Err(); err != nil {
		return err
	}
	if len(batch) > 0 && !send() {
		return ctx.Err()
	}
	return nil
}

// exportBatchOf names a batch of cases and writes their rows.
func exportBatchOf(ctx context.Context, c *store.Conn, e *env, book *xlsx.Writer, batch []Case) error {
	if err := fillCoUnits(ctx, c, batch); err != nil {
		return err
	}
	for i := range batch {
		e.name(&batch[i], c.Now)
		if err := book.Row(exportRow(batch[i])...); err != nil {
			return err
		}
	}
	return nil
}

// exportBatch is how many cases are named at a time in an export.
const exportBatch = 500

var exportColumns = []xlsx.Column{
	xlsx.Col("案件编号", 18), xlsx.Col("来源", 10), xlsx.Col("工单编号", 14), xlsx.Col("状态", 8), xlsx.Col("结案方式", 10), xlsx.Col("类别", 20),
	xlsx.Col("问题描述", 40), xlsx.Col("地址", 30), xlsx.Col("纬度", 10), xlsx.Col("经度", 11), xlsx.Col("区域", 12), xlsx.Col("主办单位", 16),
	xlsx.Col("协办单位", 20), xlsx.Col("反映人", 10), xlsx.Col("联系电话", 13), xlsx.Col("上报时间", 16), xlsx.Col("派遣时间", 16), xlsx.Col("签收时间", 16),
	xlsx.Col("处置时限", 16), xlsx.Col("回复时间", 16), xlsx.Col("结案时间", 16), xlsx.Col("是否超期", 8), xlsx.Col("返工次数", 8), xlsx.Col("退回次数", 8),
	xlsx.Col("改派次数", 8), xlsx.Col("评价", 6),
}

// exportRow is a case's row; its times are date cells and a missing one
// (or coordinate, or rating) an empty cell.
func exportRow(k Case) []any {
	overdue := "否"
	if k.Overdue {
		overdue = "是"
	}
	co := []string{}
	for _, u := range k.CoUnits {
		co = append(co, u.Name)
	}
	return []any{k.Code, domain.NameOf(Sources, k.Source), k.ExternalID, stateName(k.State), domain.NameOf(Closings, k.Closing),
		k.CategoryPath, k.Description, k.Address, k.Lat, k.Lng, k.RegionName, k.LeadUnitName, strings.Join(co, "、"),
		k.ReporterName, k.ReporterPhone, k.CreatedAt, k.DispatchedAt, k.AcceptedAt, k.Deadline, k.ReportedAt, k.ClosedAt,
		overdue, k.ReworkCount, k.ReturnCount, k.HopCount, k.Rating}
}

// View is a saved set of pool filters.
type View struct {
	ID      int64             `json:"id"`
	Name    string            `json:"name"`
	Filters map[string]string `json:"filters"`
}

// Views lists the actor's saved views.
func (s *Service) Views(ctx context.Context, actor *domain.Actor) (_ []View, err error) {
	defer domain.Wrap(&err, "cases.Views")
	rows, err := s.db.Read().Query(ctx, `SELECT id, name, filters FROM case_views WHERE user_id = ? ORDER BY name`, actor.UserID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	list := []View{}
	for rows.Next() {
		var v View
		var raw string
		if err := rows.Scan(&v.ID, &v.Name, &raw); err != nil {
			return nil, err
		}
		json.Unmarshal([]byte(raw), &v.Filters)
		list = append(list, v)
	}
	return list, rows.Err()
}

// SaveView stores (or replaces by name) one of the actor's views.
func (s *Service) SaveView(ctx context.Context, actor *domain.Actor, in View) (_ View, err error) {
	defer domain.Wrap(&err, "cases.SaveView")
	in.Name = strings.TrimSpace(in.Name)
	if in.Name == "" {
		return in, domain.Invalid("name", "请为视图命名")
	}
	if err := domain.TextLimit("name", "视图名称", in.Name, 30); err != nil {
		return in, err
	}
	if actor.UserID == 0 {
		return in, domain.Forbidden("只有登录用户可以保存视图")
	}
	allowed := []string{"view", "state", "source", "categoryId", "regionId", "unitId", "overdue", "from", "to", "q"}
	for k, v := range in.Filters {
		if !slices.Contains(allowed, k) {
			return in, domain.Invalid("filters", "未知筛选条件“"+k+"”")
		}
		if err := domain.TextLimit("filters", "筛选条件", v, 100); err != nil {
			return in, err
		}
	}
	raw, _ := json.Marshal(in.Filters)
	err = s.db.Write(ctx, func(c *store.Conn) error {
		if _, err := c.Exec(ctx, `DELETE FROM case_views WHERE user_id = ? AND name = ?`, actor.UserID, in.Name); err != nil {
			return err
		}
		var err error
		if in.ID, err = c.Insert(ctx, `INSERT INTO case_views (user_id, name, filters, created_at) VALUES (?, ?, ?, ?)`, actor.UserID, in.Name, string(raw), c.Now); err != nil {
			return err
		}
		return audit.Record(ctx, c, actor, audit.Change{Action: "create", Entity: "case_view", EntityID: in.ID, Summary: "保存案件视图“" + in.Name + "”"})
	})
	return in, err
}

// DeleteView removes one of the actor's views.
func (s *Service) DeleteView(ctx context.Context, actor *domain.Actor, id int64) (err error) {
	defer domain.Wrap(&err, "cases.DeleteView %d", id)
	return s.db.Write(ctx, func(c *store.Conn) error {
		res, err := c.Exec(ctx, `DELETE FROM case_views WHERE id = ? AND user_id = ?`, id, actor.UserID)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return domain.NotFound("视图")
		}
		return audit.Record(ctx, c, actor, audit.Change{Action: "delete", Entity: "case_view", EntityID: id, Summary: "删除案件视图"})
	})
}

// Notice is a supervision notice (督办通知) to a unit.
type Notice struct {
	ID        int64     `json:"id"`
	CaseID    *int64    `json:"caseId"`
	CaseCode  string    `json:"caseCode"`
	UnitID    int64     `json:"unitId"`
	UnitName  string    `json:"unitName"`
	Kind      string    `json:"kind"`
	Title     string    `json:"title"`
	Body      string    `json:"body"`
	CreatedAt time.Time `json:"createdAt"`
	Open      bool      `json:"open"`
}

// Notices lists supervision notices of units in the actor's scope; open
// ones are those whose case is not yet reported or closed.
func (s *Service) Notices(ctx context.Context, actor *domain.Actor, unitID int64, open bool) (_ []Notice, err error) {
	defer domain.Wrap(&err, "cases.Notices %d", unitID)
	e, err := s.env(ctx)
	if err != nil {
		return nil, err
	}
	var allowed []int64
	for id, u := range e.units {
		if actor.SeesUnit(u.Path, u.RegionCode) && (unitID == 0 || id == unitID) {
			allowed = append(allowed, id)
		}
	}
	q := `SELECT n.id, n.case_id, COALESCE(c.code, ''), n.unit_id, n.kind, n.title, n.body, n.created_at,
		CASE WHEN c.state IS NULL OR c.state IN ('handling', 'dispatched', 'returned') THEN 1 ELSE 0 END
		FROM notices n LEFT JOIN cases c ON c.id = n.case_id WHERE n.unit_id IN (` + ids(allowed) + `)`
	if open {
		q += ` AND n.resolved_at IS NULL AND (c.state IS NULL OR c.state IN ('handling', 'dispatched', 'returned'))`
	}
	rows, err := s.db.Read().Query(ctx, q+` ORDER BY n.id DESC LIMIT 500`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	list := []Notice{}
	for rows.Next() {
		var n Notice
		var isOpen int
		if err := rows.Scan(&n.ID, &n.CaseID, &n.CaseCode, &n.UnitID, &n.Kind, &n.Title, &n.Body, &n.CreatedAt, &isOpen); err != nil {
			return nil, err
		}
		n.UnitName, n.Open = e.units[n.UnitID].Name, isOpen == 1
		list = append(list, n)
	}
	return list, rows.Err()
}

// IssueNotice records a supervision notice by hand inside the caller's
// transaction, so it stands on the unit's 督办通知 list beside the ones the
// clock issues.
func IssueNotice(ctx context.Context, c *store.Conn, unitID int64, caseID *int64, title, body, key string) error {
	_, err := c.Exec(ctx, `INSERT INTO notices (case_id, unit_id, kind, title, body, dedupe_key, created_at) VALUES (?, ?, 'manual', ?, ?, ?, ?)`,
		caseID, unitID, title, body, key, c.Now)
	return err
}
