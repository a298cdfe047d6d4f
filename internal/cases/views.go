package cases

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"wenming/internal/audit"
	"wenming/internal/domain"
	"wenming/internal/files"
	"wenming/internal/store"
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
func (s *Service) Get(ctx context.Context, actor *domain.Actor, id int64) (CaseDetail, error) {
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

// actions lists what the actor may do to the case now; the service checks
// each again when it is done.
func (e *env) actions(a *domain.Actor, k *Case) []string {
	out := []string{}
	if a == nil {
		return out
	}
	office := a.Has(domain.RoleOfficeLeader, domain.RoleOfficeStaff)
	unit := e.inUnit(a, k.LeadUnitID)
	add := func(ok bool, name string) {
		if ok {
			out = append(out, name)
		}
	}
	st := k.State
	add(office && st == "new", "register")
	add(office && (st == "new" || st == "registered"), "decline")
	add(office && (st == "new" || st == "registered"), "dispatch")
	add(unit && st == "dispatched", "accept")
	add(unit && (st == "dispatched" || st == "handling"), "return")
	add(office && st == "returned", "rule_return")
	add(unit && st == "handling" && !k.ExtensionPending, "request_extension")
	add(office && k.ExtensionPending, "rule_extension")
	add(unit && st == "handling", "report")
	add((office || a.Has(domain.RoleInspector)) && st == "verifying" && !unit && a.UnitID != deref(k.LeadUnitID), "verify")
	add(office && st != "closed", "close")
	add(office && st != "closed", "merge")
	add(!a.Has(domain.RoleLeader) || office, "note")
	return out
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
	var conds []string
	var args []any
	add := func(cond string, v ...any) { conds = append(conds, cond); args = append(args, v...) }
	view := f.View
	if view == "" {
		view = "inbox"
		if a.Has(poolRoles...) {
			view = "pool"
		}
	}
	switch {
	case a.Has(domain.RoleAuditAdmin, domain.RoleSysAdmin, domain.RoleSecurityAdmin) && !a.Has(poolRoles...):
		return "", nil, domain.Forbidden("管理员账号不查看案件")
	case view == "pool" && a.Has(poolRoles...):
		if cond, v := e.poolScope(a); cond != "" {
			add(cond, v...)
		}
	case view == "pool", view == "inbox":
		units := e.unitsUnder(a.UnitPath)
		add(`(c.lead_unit_id IN (`+ids(units)+`) OR c.reporter_id = ? OR EXISTS (SELECT 1 FROM case_units cu WHERE cu.case_id = c.id AND cu.unit_id IN (`+ids(units)+`)))`, a.UserID)
	default:
		return "", nil, domain.Invalid("view", "view 只能是 pool 或 inbox")
	}
	if f.State != "" {
		if domain.NameOf(States, f.State) == "" {
			return "", nil, domain.Invalid("state", "未知状态“"+f.State+"”")
		}
		add(`c.state = ?`, f.State)
	}
	if f.Source != "" {
		if domain.NameOf(Sources, f.Source) == "" {
			return "", nil, domain.Invalid("source", "未知来源“"+f.Source+"”")
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
		return "", nil, err
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
	if len(conds) == 0 {
		return "", nil, nil
	}
	return " WHERE " + strings.Join(conds, " AND "), args, nil
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
	var out []int64
	for id, u := range e.units {
		if path != "" && strings.HasPrefix(u.Path, path) {
			out = append(out, id)
		}
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
func (s *Service) List(ctx context.Context, actor *domain.Actor, f Filter) ([]Case, int, error) {
	e, err := s.env(ctx)
	if err != nil {
		return nil, 0, err
	}
	c := s.db.Read()
	where, args, err := e.where(actor, f, c.Now)
	if err != nil {
		return nil, 0, err
	}
	total, err := c.Count(ctx, `SELECT COUNT(*) FROM cases c`+where, args...)
	if err != nil {
		return nil, 0, err
	}
	page, size := max(f.Page, 1), f.PageSize
	if size < 1 || size > 200 {
		size = 20
	}
	list, err := s.query(ctx, c, e, where+fmt.Sprintf(` ORDER BY c.created_at DESC, c.id DESC LIMIT %d OFFSET %d`, size, (page-1)*size), args)
	return list, total, err
}

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
	rows, err := c.Query(ctx, `SELECT case_id, unit_id FROM case_units WHERE case_id IN (`+ids(idList)+`) ORDER BY unit_id`)
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
	State        string  `json:"state"`
	CategoryName string  `json:"categoryName"`
	Lat          float64 `json:"lat"`
	Lng          float64 `json:"lng"`
	Overdue      bool    `json:"overdue"`
}

// Map returns the located cases of a filter (open ones unless a state is
// asked for), at most 5,000.
func (s *Service) Map(ctx context.Context, actor *domain.Actor, f Filter) ([]MapItem, error) {
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
func (s *Service) Stats(ctx context.Context, actor *domain.Actor, view string) (Stats, error) {
	e, err := s.env(ctx)
	if err != nil {
		return Stats{}, err
	}
	c := s.db.Read()
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

// Export writes every case of a filter as a workbook, streaming rows.
func (s *Service) Export(ctx context.Context, actor *domain.Actor, f Filter, w io.Writer) error {
	e, err := s.env(ctx)
	if err != nil {
		return err
	}
	c := s.db.Read()
	where, args, err := e.where(actor, f, c.Now)
	if err != nil {
		return err
	}
	book := excelize.NewFile()
	defer book.Close()
	sheet := "案件"
	book.SetSheetName("Sheet1", sheet)
	sw, err := book.NewStreamWriter(sheet)
	if err != nil {
		return err
	}
	header := []any{"案件编号", "来源", "工单编号", "状态", "结案方式", "类别", "问题描述", "地址", "纬度", "经度", "区域", "主办单位", "协办单位",
		"反映人", "联系电话", "上报时间", "派遣时间", "签收时间", "处置时限", "回复时间", "结案时间", "是否超期", "返工次数", "退回次数", "改派次数", "评价"}
	if err := sw.SetRow("A1", header); err != nil {
		return err
	}
	rows, err := c.Query(ctx, strings.Replace(selectCase, "FROM cases", "FROM cases c", 1)+where+` ORDER BY c.created_at DESC, c.id DESC`, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	n := 1
	for rows.Next() {
		k, err := scanCase(rows)
		if err != nil {
			return err
		}
		e.name(&k, c.Now)
		n++
		cell, _ := excelize.CoordinatesToCellName(1, n)
		if err := sw.SetRow(cell, exportRow(k)); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return err
	}
	if err := sw.Flush(); err != nil {
		return err
	}
	return book.Write(w)
}

func exportRow(k Case) []any {
	t := func(p *time.Time) any {
		if p == nil {
			return ""
		}
		return p.In(domain.Beijing).Format("2006-01-02 15:04")
	}
	f := func(p *float64) any {
		if p == nil {
			return ""
		}
		return *p
	}
	overdue, rating := "否", any("")
	if k.Overdue {
		overdue = "是"
	}
	if k.Rating != nil {
		rating = *k.Rating
	}
	co := []string{}
	for _, u := range k.CoUnits {
		co = append(co, u.Name)
	}
	return []any{k.Code, domain.NameOf(Sources, k.Source), k.ExternalID, domain.NameOf(States, k.State), domain.NameOf(Closings, k.Closing),
		k.CategoryPath, k.Description, k.Address, f(k.Lat), f(k.Lng), k.RegionName, k.LeadUnitName, strings.Join(co, "、"),
		k.ReporterName, k.ReporterPhone, t(&k.CreatedAt), t(k.DispatchedAt), t(k.AcceptedAt), t(k.Deadline), t(k.ReportedAt), t(k.ClosedAt),
		overdue, k.ReworkCount, k.ReturnCount, k.HopCount, rating}
}

// View is a saved set of pool filters.
type View struct {
	ID      int64             `json:"id"`
	Name    string            `json:"name"`
	Filters map[string]string `json:"filters"`
}

// Views lists the actor's saved views.
func (s *Service) Views(ctx context.Context, actor *domain.Actor) ([]View, error) {
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
func (s *Service) SaveView(ctx context.Context, actor *domain.Actor, in View) (View, error) {
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
	err := s.db.Write(ctx, func(c *store.Conn) error {
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
func (s *Service) DeleteView(ctx context.Context, actor *domain.Actor, id int64) error {
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
func (s *Service) Notices(ctx context.Context, actor *domain.Actor, unitID int64, open bool) ([]Notice, error) {
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
