package cases

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"
	"wenming/internal/domain"
	"wenming/internal/store"
)

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
func (e *caseConfig) where(a *domain.Actor, f Filter, now time.Time) (string, []any, error) {
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
func (e *caseConfig) scope(a *domain.Actor, view string) (string, []any, *union, error) {
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
func (e *caseConfig) filters(f Filter, now time.Time) ([]string, []any, error) {
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

func (e *caseConfig) poolScope(a *domain.Actor) (string, []any) {
	switch a.Scope {
	case domain.ScopeAll:
		return "", nil
	case domain.ScopeRegion:
		regions, units := e.regionsUnder(a.RegionCode), e.unitsInRegion(a.RegionCode)
		// An office whose region holds every region and unit (the city's,
		// above all its counties) reads every case, as the condition below
		// would say row by row: without it the cockpit's trend comes from
		// the daily counters and lists walk their indexes.
		if a.RegionCode != "" && len(regions) == len(e.regions) && len(units) == len(e.units) {
			return "", nil
		}
		return `(c.region_id IN (` + ids(regions) + `) OR c.lead_unit_id IN (` + ids(units) + `) OR (c.region_id IS NULL AND c.lead_unit_id IS NULL AND (c.jurisdiction_id IS NULL OR c.jurisdiction_id IN (` + ids(e.jurisdictionsRead(a)) + `))))`, nil
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

func (e *caseConfig) unitsUnder(path string) []int64 {
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

func (e *caseConfig) unitsInRegion(code string) []int64 {
	var out []int64
	for id, u := range e.units {
		if u.RegionCode != "" && strings.HasPrefix(u.RegionCode, code) {
			out = append(out, id)
		}
	}
	return out
}

func (e *caseConfig) regionsUnder(code string) []int64 {
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
	e, err := s.config(ctx)
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
func (s *Service) listUnion(ctx context.Context, c *store.Conn, e *caseConfig, u *union, conds []string, args []any, page, size int) ([]Case, int, error) {
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

func (s *Service) query(ctx context.Context, c *store.Conn, e *caseConfig, tail string, args []any) ([]Case, error) {
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
	e, err := s.config(ctx)
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
func (s *Service) unionStats(ctx context.Context, c *store.Conn, e *caseConfig, u *union) (Stats, error) {
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
