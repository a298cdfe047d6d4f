// Package cases runs the closed loop every problem goes through, whatever
// its source (随手拍, hotline, patrol, assessment, media, supervision):
// register or decline, dispatch by rule or by hand, accept (which starts
// the clock in working time), return and reassignment, extensions,
// report back with after-photos, independent verification and rework,
// honest closing, the resident's rating and reopening; reminders before
// the limit and supervision notices after it; duplicates and merging.
package cases

import (
	"context"
	"crypto/rand"
	"encoding/base32"
	"encoding/json"
	"fmt"
	"maps"
	"math"
	"regexp"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"wenming/internal/audit"
	"wenming/internal/domain"
	"wenming/internal/files"
	"wenming/internal/org"
	"wenming/internal/store"
)

// Service is the case engine.
type Service struct {
	db      *store.DB
	org     *org.Service
	files   *files.Service
	configs configCache
}

// NewService returns the case engine; case photos are readable by those who
// see the case.
func NewService(db *store.DB, o *org.Service, f *files.Service) *Service {
	s := &Service{db: db, org: o, files: f}
	f.GuardOwner("case", s.canReadPhotos)
	return s
}

// Sources of cases.
var Sources = []domain.Named{
	{Code: "patrol", Name: "日常巡查"}, {Code: "assessment", Name: "模拟测评"}, {Code: "cadre_snap", Name: "干部随手拍"},
	{Code: "resident_snap", Name: "市民随手拍"}, {Code: "hotline", Name: "热线工单"}, {Code: "media", Name: "媒体曝光"},
	{Code: "supervision", Name: "督查暗访"},
}

// Closings are the honest ways a case ends.
var Closings = []domain.Named{
	{Code: "fixed", Name: "已整改"}, {Code: "not_fixed", Name: "未整改结案"}, {Code: "not_ours", Name: "非职责范围"},
	{Code: "duplicate", Name: "重复案件"}, {Code: "declined", Name: "不予立案"},
}

// Case is one problem on its way through the loop.
type Case struct {
	ID               int64            `json:"id"`
	Code             string           `json:"code"`
	Source           string           `json:"source"`
	ExternalID       string           `json:"externalId"`
	State            State            `json:"state"`
	Closing          string           `json:"closing"`
	CategoryID       int64            `json:"categoryId"`
	CategoryName     string           `json:"categoryName"`
	CategoryPath     string           `json:"categoryPath"`
	Description      string           `json:"description"`
	Address          string           `json:"address"`
	Lat              *float64         `json:"lat"`
	Lng              *float64         `json:"lng"`
	RegionID         *int64           `json:"regionId"`
	RegionName       string           `json:"regionName"`
	JurisdictionID   *int64           `json:"jurisdictionId"`
	JurisdictionName string           `json:"jurisdictionName"`
	PointID          *int64           `json:"pointId"`
	LeadUnitID       *int64           `json:"leadUnitId"`
	LeadUnitName     string           `json:"leadUnitName"`
	CoUnits          []domain.UnitRef `json:"coUnits"`
	ReporterName     string           `json:"reporterName"`
	ReporterPhone    string           `json:"reporterPhone"`
	CreatedAt        time.Time        `json:"createdAt"`
	RegisteredAt     *time.Time       `json:"registeredAt"`
	DispatchedAt     *time.Time       `json:"dispatchedAt"`
	AcceptedAt       *time.Time       `json:"acceptedAt"`
	Deadline         *time.Time       `json:"deadline"`
	ReportedAt       *time.Time       `json:"reportedAt"`
	ClosedAt         *time.Time       `json:"closedAt"`
	Overdue          bool             `json:"overdue"`
	RemainingMinutes *int             `json:"remainingMinutes"`
	LimitMinutes     int              `json:"limitMinutes"`
	ReworkCount      int              `json:"reworkCount"`
	ReturnCount      int              `json:"returnCount"`
	HopCount         int              `json:"hopCount"`
	ReopenCount      int              `json:"reopenCount"`
	ExtensionPending bool             `json:"extensionPending"`
	MergedInto       *int64           `json:"mergedInto"`
	Rating           *int             `json:"rating"`
	RatingComment    string           `json:"ratingComment"`
	BeforePhotos     []Photo          `json:"beforePhotos"`
	AfterPhotos      []Photo          `json:"afterPhotos"`

	// Kept inside: who reported, the resident's key, the raw phone.
	reporterID     *int64
	publicToken    string
	phone          string
	overdueAt      *time.Time
	remindedAt     *time.Time
	extraMinutes   int
	ratedAt        *time.Time
	coUnitIDs      []int64
	coUnitsEdited  bool
	stored         []any // the changeable columns as read (see save)
	countedAs      tally // what it counted for as read (see save)
	pending        int
	pendingMinutes int
}

// Photo is a picture of a case with where and when it was taken.
type Photo struct {
	FileID         int64      `json:"fileId"`
	Name           string     `json:"name"`
	Phase          string     `json:"phase"`
	TakenAt        *time.Time `json:"takenAt"`
	Lat            *float64   `json:"lat"`
	Lng            *float64   `json:"lng"`
	ReceivedAt     time.Time  `json:"receivedAt"`
	Width          int        `json:"width"`
	Height         int        `json:"height"`
	ThumbURL       string     `json:"thumbUrl"`
	URL            string     `json:"url"`
	DistanceMeters *int       `json:"distanceMeters"`
}

// IntakeInput is a new problem from any source.
type IntakeInput struct {
	ClientKey     string   `json:"clientKey"`
	Source        string   `json:"source"`
	CategoryID    int64    `json:"categoryId"`
	Description   string   `json:"description"`
	Address       string   `json:"address"`
	Lat           *float64 `json:"lat"`
	Lng           *float64 `json:"lng"`
	RegionID      *int64   `json:"regionId"`
	PointID       *int64   `json:"pointId"`
	ExternalID    string   `json:"externalId"`
	ReporterName  string   `json:"reporterName"`
	ReporterPhone string   `json:"reporterPhone"`
	FileIDs       []int64  `json:"fileIds"`
	// UnitID dispatches the case at once to a known unit: a patrol's failed
	// check goes straight to the point's unit.
	UnitID *int64 `json:"unitId,omitempty"`
	// uploads are photos sent with the report itself (a resident's, an
	// Open311 client's), recorded in the case's own transaction.
	uploads []files.Prepared
}

var phonePattern = regexp.MustCompile(`^(1\d{10}|0\d{2,3}-?\d{7,8})$`)

// maskPhone keeps the first three and last four digits.
func maskPhone(p string) string {
	r := []rune(p)
	if len(r) < 8 {
		return strings.Repeat("*", len(r))
	}
	return string(r[:3]) + strings.Repeat("*", len(r)-7) + string(r[len(r)-4:])
}

func newToken() string {
	b := make([]byte, 15)
	rand.Read(b)
	return strings.ToLower(base32.StdEncoding.EncodeToString(b))
}

// check locates an intake with no region by its position, places it in
// its jurisdiction and validates it there.
func (in *IntakeInput) check(cfg *caseConfig, a *domain.Actor) (domain.Jurisdiction, error) {
	if in.Lat != nil && in.Lng != nil && !math.IsNaN(*in.Lat) && !math.IsNaN(*in.Lng) {
		if err := cfg.withinOutlines(*in.Lat, *in.Lng); err != nil {
			return domain.Jurisdiction{}, err
		}
		if in.RegionID == nil {
			in.RegionID = cfg.locate(*in.Lat, *in.Lng)
		}
	}
	j, err := cfg.place(a, *in)
	if err != nil {
		return j, err
	}
	return j, in.validate(cfg, j)
}

// validate checks an intake's own fields against the catalogue and the
// area of the jurisdiction it falls in.
func (in *IntakeInput) validate(cfg *caseConfig, j domain.Jurisdiction) error {
	in.Description, in.Address = strings.TrimSpace(in.Description), strings.TrimSpace(in.Address)
	in.ClientKey, in.ExternalID = strings.TrimSpace(in.ClientKey), strings.TrimSpace(in.ExternalID)
	in.ReporterName, in.ReporterPhone = strings.TrimSpace(in.ReporterName), strings.TrimSpace(in.ReporterPhone)
	if domain.NameOf(Sources, in.Source) == "" {
		return domain.Invalid("source", "未知的案件来源“"+in.Source+"”")
	}
	if in.CategoryID == 0 {
		return domain.Invalid("categoryId", "请选择问题类别")
	}
	cat, ok := cfg.categories[in.CategoryID]
	if !ok || !cat.Active || !cfg.inChain(cat.JurisdictionID, j.ID) {
		return domain.Invalid("categoryId", "问题类别不存在或已停用")
	}
	if in.PointID != nil && in.Source != "patrol" && in.Source != "assessment" {
		return domain.Invalid("pointId", "只有巡查和模拟测评生成的案件关联点位")
	}
	if in.Description == "" && len(in.FileIDs)+len(in.uploads) == 0 {
		return domain.Invalid("description", "请描述问题或上传照片")
	}
	for _, t := range []struct {
		field, name, v string
		max            int
	}{
		{"description", "问题描述", in.Description, 1000}, {"address", "地址", in.Address, 200},
		{"clientKey", "客户端编号", in.ClientKey, 100}, {"externalId", "工单编号", in.ExternalID, 64},
		{"reporterName", "反映人", in.ReporterName, 50},
	} {
		if err := domain.TextLimit(t.field, t.name, t.v, t.max); err != nil {
			return err
		}
	}
	if in.ReporterPhone != "" && !phonePattern.MatchString(in.ReporterPhone) {
		return domain.Invalid("reporterPhone", "联系电话格式不正确（手机号 11 位，或带区号的固定电话）")
	}
	if in.Source == "hotline" && in.ExternalID == "" {
		return domain.Invalid("externalId", "热线工单须填写工单编号")
	}
	if (in.Lat == nil) != (in.Lng == nil) {
		return domain.Invalid("lat", "经纬度须同时提供")
	}
	if in.Lat != nil {
		if math.IsNaN(*in.Lat) || math.IsNaN(*in.Lng) || !cfg.settingsOf(&j.ID).Bounds.Contains(*in.Lat, *in.Lng) {
			return domain.Invalid("lat", fmt.Sprintf("位置（纬度 %.5f，经度 %.5f）不在本辖区范围内，请重新定位或在地图上选点", *in.Lat, *in.Lng))
		}
	}
	if in.RegionID != nil {
		if _, ok := cfg.regions[*in.RegionID]; !ok {
			return domain.Invalid("regionId", "所在区域不存在")
		}
	}
	if len(in.FileIDs)+len(in.uploads) > 9 {
		return domain.Invalid("fileIds", "一个案件最多附 9 张照片")
	}
	return nil
}

// Intake brings a problem into the loop. It is idempotent: a client key (or
// a hotline order's external id) seen before returns the case it made, and
// created is false.
func (s *Service) Intake(ctx context.Context, actor *domain.Actor, in IntakeInput) (_ CaseDetail, _ bool, err error) {
	defer domain.Wrap(&err, "cases.Intake")
	roles, ok := sourceRoles[in.Source]
	if !ok && domain.NameOf(Sources, in.Source) == "" {
		return CaseDetail{}, false, domain.Invalid("source", "未知的案件来源“"+in.Source+"”")
	}
	if !ok || !actor.Has(roles...) {
		return CaseDetail{}, false, domain.Forbidden("您不能登记来源为“" + domain.NameOf(Sources, in.Source) + "”的案件")
	}
	if in.UnitID != nil && !actor.IsOffice() && in.Source != "patrol" && in.Source != "assessment" {
		return CaseDetail{}, false, domain.Forbidden("只有创城办可以在登记时直接派遣")
	}
	if in.ReporterName == "" {
		in.ReporterName = actor.RealName
	}
	id, created, err := s.intake(ctx, actor, in, "")
	if err != nil {
		return CaseDetail{}, false, err
	}
	d, err := s.Get(ctx, actor, id)
	return d, created, err
}

// newCaseCode numbers a new case within its jurisdiction and Beijing day:
// the jurisdiction's region code, the day, then 00001, 00002 … (more
// digits past 99,999), from that jurisdiction's own sequence for the day:
// 620422 20261203 00001. The code stays when the case is handed down.
func newCaseCode(ctx context.Context, c *store.Conn, j domain.Jurisdiction) (string, error) {
	day := c.Now.In(domain.Beijing).Format("20060102")
	n, err := c.Next(ctx, "case:"+j.Code, day)
	if err != nil {
		return "", err
	}
	return fmt.Sprintf("%s%s%05d", j.Code, day, n), nil
}

// seen finds the case a repeated client key or hotline order made.
func seen(ctx context.Context, c *store.Conn, in IntakeInput) (int64, bool, error) {
	var id int64
	var err error
	switch {
	case in.ClientKey != "":
		err = c.Get(ctx, "案件", `SELECT id FROM cases WHERE client_key = ?`, []any{in.ClientKey}, &id)
	case in.ExternalID != "":
		err = c.Get(ctx, "案件", `SELECT id FROM cases WHERE source = ? AND external_id = ?`, []any{in.Source, in.ExternalID}, &id)
	default:
		return 0, false, nil
	}
	if de, ok := domain.AsError(err); ok && de.Code == domain.CodeNotFound {
		return 0, false, nil
	}
	return id, err == nil, err
}

// intake stores a new case with its first event and photos in one
// transaction; preUploaded photos are already the actor's uploads.
func (s *Service) intake(ctx context.Context, actor *domain.Actor, in IntakeInput, token string) (int64, bool, error) {
	cfg, err := s.config(ctx)
	if err != nil {
		return 0, false, err
	}
	j, err := in.check(cfg, actor)
	if err != nil {
		return 0, false, err
	}
	if id, ok, err := seen(ctx, s.db.Read(), in); err != nil || ok {
		return id, false, err
	}
	if token == "" {
		token = newToken()
	}
	var id int64
	var recorded []files.File
	err = s.db.Write(ctx, func(c *store.Conn) error {
		recorded = recorded[:0]
		k := Case{Source: in.Source, ExternalID: in.ExternalID, State: StateNew, CategoryID: in.CategoryID, Description: in.Description,
			Address: in.Address, Lat: in.Lat, Lng: in.Lng, RegionID: in.RegionID, JurisdictionID: &j.ID, PointID: in.PointID,
			ReporterName: in.ReporterName, phone: in.ReporterPhone, publicToken: token, CreatedAt: c.Now,
			LimitMinutes: cfg.categories[in.CategoryID].limitMinutes(cfg.cal)}
		if actor.UserID != 0 {
			k.reporterID = &actor.UserID
		}
		code, err := newCaseCode(ctx, c, j)
		if err != nil {
			return err
		}
		k.Code = code
		id, err = c.Insert(ctx, `INSERT INTO cases (code, source, external_id, client_key, public_token, state, category_id, description, address, lat, lng, region_id, jurisdiction_id, point_id,
			reporter_id, reporter_name, reporter_phone, limit_minutes, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			k.Code, k.Source, nullable(k.ExternalID), nullable(in.ClientKey), token, k.State, k.CategoryID, k.Description, k.Address, k.Lat, k.Lng, k.RegionID, k.JurisdictionID, k.PointID,
			k.reporterID, k.ReporterName, k.phone, k.LimitMinutes, c.Now, c.Now)
		if err != nil {
			return err
		}
		k.ID = id
		if err := moveCounters(ctx, c, nil, k.counted()); err != nil {
			return err
		}
		k.snapshot()
		ev, err := s.addEvent(ctx, c, actor, &k, step{kind: KindCreated, note: k.Description, data: map[string]any{"source": k.Source}})
		if err != nil {
			return err
		}
		photos := slices.Clone(in.FileIDs)
		for _, p := range in.uploads {
			f, err := files.Record(ctx, c, actor, p)
			if err != nil {
				return err
			}
			recorded = append(recorded, f)
			photos = append(photos, f.ID)
		}
		if err := s.attachPhotos(ctx, c, actor, &k, ev, "before", photos); err != nil {
			return err
		}
		if err := audit.Record(ctx, c, actor, audit.Change{Action: "create", Entity: "case", EntityID: id,
			Summary: fmt.Sprintf("案件 %s：%s（%s）", k.Code, cfg.categories[k.CategoryID].Name, domain.NameOf(Sources, k.Source))}); err != nil {
			return err
		}
		if err := s.notify(ctx, c, stepKind(KindCreated).Webhook, &k, cfg); err != nil {
			return err
		}
		if in.UnitID != nil {
			return s.apply(ctx, c, actor, cfg, &k, func() (step, error) { return dispatchStep(cfg, &k, DispatchInput{UnitID: in.UnitID}) })
		}
		return nil
	})
	if err != nil {
		if de, ok := domain.AsError(err); ok && de.Code == domain.CodeConflict && (in.ClientKey != "" || in.ExternalID != "") {
			// Two copies of one report raced: the other one made the case.
			if id, ok, err2 := seen(ctx, s.db.Read(), in); err2 == nil && ok {
				return id, false, nil
			}
		}
		return 0, false, err
	}
	for _, f := range recorded {
		s.files.Queue(f)
	}
	return id, true, nil
}

func nullable(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// attachPhotos ties uploads to the case as before/after/verify photos of
// an event.
func (s *Service) attachPhotos(ctx context.Context, c *store.Conn, actor *domain.Actor, k *Case, eventID int64, phase string, ids []int64) error {
	if len(ids) == 0 {
		return nil
	}
	if err := files.Attach(ctx, c, actor, ids, "case", k.ID); err != nil {
		return err
	}
	for _, id := range ids {
		var ct string
		if err := c.Get(ctx, "文件", `SELECT content_type FROM files WHERE id = ?`, []any{id}, &ct); err != nil {
			return err
		}
		if !strings.HasPrefix(ct, "image/") {
			return domain.Invalid("fileIds", "案件照片只能是图片（JPG/PNG/WEBP/HEIC）")
		}
		if _, err := c.Exec(ctx, `INSERT INTO case_photos (case_id, file_id, event_id, phase) VALUES (?, ?, ?, ?) ON CONFLICT (case_id, file_id) DO NOTHING`, k.ID, id, eventID, phase); err != nil {
			return err
		}
	}
	return nil
}

// Event is one step on a case's timeline.
type Event struct {
	ID        int64          `json:"id"`
	At        time.Time      `json:"at"`
	Kind      Kind           `json:"kind"`
	ActorName string         `json:"actorName"`
	UnitName  string         `json:"unitName"`
	Note      string         `json:"note"`
	Photos    []Photo        `json:"photos"`
	Data      map[string]any `json:"data"`
	unitID    *int64
}

func (s *Service) addEvent(ctx context.Context, c *store.Conn, actor *domain.Actor, k *Case, st step) (int64, error) {
	data, err := json.Marshal(st.data)
	if err != nil {
		return 0, err
	}
	if st.data == nil {
		data = []byte("{}")
	}
	var unit any
	if actor.UnitID != 0 {
		unit = actor.UnitID
	}
	name := actor.RealName
	if name == "" {
		name = actor.Username
	}
	return c.Insert(ctx, `INSERT INTO case_events (case_id, at, kind, actor_id, actor_name, unit_id, note, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
		k.ID, c.Now, st.kind, actor.Ref(), name, unit, st.note, string(data))
}

// caseConfig is what a case operation reads besides the case: the catalogue, the
// calendar, the rules and the names of units and regions.
type caseConfig struct {
	categories map[int64]Category
	catList    []Category // the catalogue by code
	cal        Calendar
	settingsBy map[int64]domain.OwnSettings[Settings] // each jurisdiction's own, by its id
	settingsIn map[int64]Settings                     // those in force in each jurisdiction
	rules      []Rule
	units      map[int64]domain.Unit
	byPath     []domain.Unit // units sorted by path: a unit's sub-units follow it
	regions    map[int64]domain.Region
	// jurisdictions are every office's region, each with the one above.
	jurisdictions domain.Jurisdictions
	// outlines are the regions' boundaries, by region id, where drawn.
	outlines map[int64]domain.Boundary
	at       time.Time // the transaction's now
}

func (e *caseConfig) now() time.Time { return e.at }

// configTables are the tables a configuration is built from; migration 00009 keeps a
// version of each in config_versions.
const configTables = `'case_categories', 'case_settings', 'calendar_days', 'dispatch_rules', 'units', 'regions', 'jurisdictions'`

// configCache keeps the last configuration built with the configuration version it was
// built at. The configuration it holds is never written: maps and slices are shared
// by every caller, each of which gets a copy of the struct with its own now.
type configCache struct {
	mu  sync.Mutex // one rebuild at a time
	cur atomic.Pointer[configSnapshot]
}

type configSnapshot struct {
	version int64
	config  *caseConfig
}

// configVersion sums the versions of the configuration tables: every committed change
// to any of them raises it.
func configVersion(ctx context.Context, c *store.Conn) (int64, error) {
	var v int64
	err := c.QueryRow(ctx, `SELECT CAST(COALESCE(SUM(version), 0) AS BIGINT) FROM config_versions WHERE name IN (`+configTables+`)`).Scan(&v)
	return v, err
}

// config returns the case configuration as of now. It costs one small query while
// the configuration is unchanged; after any change, by this process or
// another on the same database, it is built again. The version is read
// before the tables, so a copy is never labelled newer than what it holds.
func (s *Service) config(ctx context.Context) (*caseConfig, error) {
	c := s.db.Read()
	v, err := configVersion(ctx, c)
	if err != nil {
		return nil, err
	}
	snap := s.configs.cur.Load()
	if snap == nil || snap.version != v {
		if snap, err = s.rebuildConfig(ctx); err != nil {
			return nil, err
		}
	}
	e := *snap.config
	e.at = c.Now
	return &e, nil
}

// rebuildConfig builds the configuration again unless another caller just did.
func (s *Service) rebuildConfig(ctx context.Context) (*configSnapshot, error) {
	s.configs.mu.Lock()
	defer s.configs.mu.Unlock()
	c := s.db.Read()
	v, err := configVersion(ctx, c)
	if err != nil {
		return nil, err
	}
	if snap := s.configs.cur.Load(); snap != nil && snap.version == v {
		return snap, nil
	}
	e, err := s.loadConfig(ctx, c)
	if err != nil {
		return nil, err
	}
	snap := &configSnapshot{version: v, config: e}
	s.configs.cur.Store(snap)
	return snap, nil
}

func (s *Service) loadConfig(ctx context.Context, c *store.Conn) (*caseConfig, error) {
	e := &caseConfig{}
	var err error
	if e.categories, e.catList, err = s.loadCategories(ctx, c); err != nil {
		return nil, err
	}
	if e.jurisdictions, err = s.org.JurisdictionDirectory(ctx); err != nil {
		return nil, err
	}
	if e.settingsBy, err = loadSettings(ctx, c); err != nil {
		return nil, err
	}
	e.settingsIn = e.resolveSettings()
	// One working calendar and working day for the whole deployment: the
	// top jurisdiction's.
	if e.cal, err = loadCalendar(ctx, c, e.settingsOf(nil)); err != nil {
		return nil, err
	}
	if e.rules, err = loadRules(ctx, c); err != nil {
		return nil, err
	}
	if e.units, err = s.org.Directory(ctx); err != nil {
		return nil, err
	}
	e.byPath = slices.SortedFunc(maps.Values(e.units), func(a, b domain.Unit) int { return strings.Compare(a.Path, b.Path) })
	if e.regions, err = s.org.RegionDirectory(ctx); err != nil {
		return nil, err
	}
	e.outlines = outlines(e.regions)
	return e, nil
}

// names turns ids into names for rules and lists.
type names struct{ *caseConfig }

func (s *Service) names(ctx context.Context) (names, error) {
	e, err := s.config(ctx)
	return names{e}, err
}

func (n names) rule(r *Rule) {
	if r.CategoryID != nil {
		r.CategoryName = n.categories[*r.CategoryID].Name
	}
	if r.RegionID != nil {
		r.RegionName = n.regions[*r.RegionID].Name
	}
	r.UnitName = n.units[r.UnitID].Name
}

func deref(p *int64) int64 {
	if p == nil {
		return 0
	}
	return *p
}

func (s *Service) canReadPhotos(ctx context.Context, actor *domain.Actor, caseID int64) error {
	e, err := s.config(ctx)
	if err != nil {
		return err
	}
	k, err := s.load(ctx, s.db.Read(), caseID, false)
	if err != nil {
		return err
	}
	if !e.sees(actor, &k) {
		return domain.Forbidden("该案件不在您的数据范围内")
	}
	return nil
}

// refNames fills a case's names from the environment.
func (e *caseConfig) name(k *Case, now time.Time) {
	cat := e.categories[k.CategoryID]
	k.CategoryName, k.CategoryPath = cat.Name, cat.Name
	if cat.ParentID != nil {
		k.CategoryPath = e.categories[*cat.ParentID].Name + " / " + cat.Name
	}
	if k.RegionID != nil {
		k.RegionName = e.regions[*k.RegionID].Name
	}
	if k.JurisdictionID != nil {
		j, _ := e.jurisdictions.ByID(*k.JurisdictionID)
		k.JurisdictionName = j.Name
	}
	if k.LeadUnitID != nil {
		k.LeadUnitName = e.units[*k.LeadUnitID].Name
	}
	k.CoUnits = []domain.UnitRef{}
	for _, id := range k.coUnitIDs {
		k.CoUnits = append(k.CoUnits, domain.UnitRef{ID: id, Name: e.units[id].Name})
	}
	k.ReporterPhone = ""
	if k.phone != "" {
		k.ReporterPhone = maskPhone(k.phone)
	}
	if k.Deadline != nil {
		end := now
		if k.ReportedAt != nil {
			end = *k.ReportedAt
		} else if k.ClosedAt != nil {
			end = *k.ClosedAt
		}
		left := e.cal.Between(end, *k.Deadline)
		if k.State != "closed" || k.ReportedAt != nil {
			k.RemainingMinutes = &left
		}
		k.Overdue = end.After(*k.Deadline) && slices.Contains(clockedStates, k.State)
	}
	if k.BeforePhotos == nil {
		k.BeforePhotos = []Photo{}
	}
	if k.AfterPhotos == nil {
		k.AfterPhotos = []Photo{}
	}
}
