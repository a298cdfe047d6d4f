package demo

import (
	"bytes"
	"context"
	"fmt"
	"math/rand/v2"
	"time"

	"wenming/internal/cases"
	"wenming/internal/domain"
	"wenming/internal/files"
	"wenming/internal/org"
	"wenming/internal/store"
)

// category is a demo case category: CJ/T 214's 部件 and 事件 classes and the
// campaign's own problems, each with its limit and the unit that usually
// handles it.
type category struct {
	code, name, kind string
	limit            int
	hours            bool // the limit is in working hours, else working days
	handler          string
}

var categoryTops = []category{
	{code: "01", name: "公用设施", kind: "part", limit: 5}, {code: "02", name: "道路交通", kind: "part", limit: 5},
	{code: "03", name: "市容环境", kind: "part", limit: 3}, {code: "04", name: "园林绿化", kind: "part", limit: 5},
	{code: "11", name: "市容环境", kind: "event", limit: 1}, {code: "12", name: "宣传广告", kind: "event", limit: 2},
	{code: "13", name: "施工管理", kind: "event", limit: 5}, {code: "14", name: "街面秩序", kind: "event", limit: 1},
	{code: "21", name: "创城专项", kind: "campaign", limit: 2},
}

var categoryLeaves = []category{
	{code: "0101", name: "井盖破损", limit: 8, hours: true, handler: "县住建局"},
	{code: "0102", name: "路灯损坏", limit: 2, handler: "县住建局"},
	{code: "0201", name: "交通标志损坏", limit: 3, handler: "县公安局"},
	{code: "0202", name: "公交站亭破损", limit: 3, handler: "县交通运输局"},
	{code: "0301", name: "垃圾箱破损", limit: 2, handler: "县住建局"},
	{code: "0302", name: "公厕设施损坏", limit: 2, handler: "县住建局"},
	{code: "0401", name: "绿地脏乱", limit: 2, handler: "县住建局"},
	{code: "1101", name: "暴露垃圾", limit: 4, hours: true, handler: "县住建局"},
	{code: "1102", name: "道路不洁", limit: 4, hours: true, handler: "县住建局"},
	{code: "1201", name: "违规户外广告", limit: 3, handler: "县住建局"},
	{code: "1202", name: "公益广告破损缺失", limit: 3, handler: "县委宣传部"},
	{code: "1301", name: "施工扰民", limit: 1, handler: "市生态环境局会宁分局"},
	{code: "1302", name: "工地围挡不规范", limit: 3, handler: "县住建局"},
	{code: "1401", name: "占道经营", limit: 4, hours: true, handler: "县市场监管局"},
	{code: "1402", name: "乱停乱放", limit: 4, hours: true, handler: "县公安局"},
	{code: "2101", name: "乱扔垃圾", limit: 4, hours: true, handler: "县住建局"},
	{code: "2102", name: "小广告", limit: 8, hours: true, handler: "县住建局"},
	{code: "2103", name: "设施破损", limit: 2, handler: "县住建局"},
	{code: "2104", name: "不文明养犬", limit: 1, handler: "县公安局"},
	{code: "2105", name: "无障碍设施损坏", limit: 3, handler: "县住建局"},
	{code: "2106", name: "禁烟标识缺失", limit: 2, handler: "县卫生健康局"},
	{code: "2107", name: "农贸市场脏乱", limit: 1, handler: "县市场监管局"},
	{code: "2108", name: "校园周边秩序", limit: 1, handler: "县教育局"},
}

// holidays2026 are the days off and swapped working days of the demo
// year, as the State Council announces them each winter; the office edits
// the calendar when the notice comes out.
var holidays2026 = []cases.CalendarDay{
	{Date: "2026-01-01", Kind: "holiday", Name: "元旦"}, {Date: "2026-01-02", Kind: "holiday", Name: "元旦"},
	{Date: "2026-01-04", Kind: "workday", Name: "元旦调休"},
	{Date: "2026-02-16", Kind: "holiday", Name: "春节"}, {Date: "2026-02-17", Kind: "holiday", Name: "春节"},
	{Date: "2026-02-18", Kind: "holiday", Name: "春节"}, {Date: "2026-02-19", Kind: "holiday", Name: "春节"},
	{Date: "2026-02-20", Kind: "holiday", Name: "春节"}, {Date: "2026-02-23", Kind: "holiday", Name: "春节"},
	{Date: "2026-02-14", Kind: "workday", Name: "春节调休"}, {Date: "2026-02-28", Kind: "workday", Name: "春节调休"},
	{Date: "2026-04-06", Kind: "holiday", Name: "清明节"},
	{Date: "2026-05-01", Kind: "holiday", Name: "劳动节"}, {Date: "2026-05-04", Kind: "holiday", Name: "劳动节"},
	{Date: "2026-05-05", Kind: "holiday", Name: "劳动节"}, {Date: "2026-05-09", Kind: "workday", Name: "劳动节调休"},
	{Date: "2026-06-19", Kind: "holiday", Name: "端午节"},
	{Date: "2026-09-25", Kind: "holiday", Name: "中秋节"},
	{Date: "2026-10-01", Kind: "holiday", Name: "国庆节"}, {Date: "2026-10-02", Kind: "holiday", Name: "国庆节"},
	{Date: "2026-10-05", Kind: "holiday", Name: "国庆节"}, {Date: "2026-10-06", Kind: "holiday", Name: "国庆节"},
	{Date: "2026-10-07", Kind: "holiday", Name: "国庆节"}, {Date: "2026-09-20", Kind: "workday", Name: "国庆调休"},
	{Date: "2026-10-10", Kind: "workday", Name: "国庆调休"},
}

// Bounds of 会宁县 (WGS-84), and its seat 会师镇.
var (
	countyBounds = cases.Bounds{MinLat: 35.40, MinLng: 104.48, MaxLat: 36.45, MaxLng: 105.55}
	seatLat      = 35.6929
	seatLng      = 105.0530
)

// Cases is how many cases the demo holds.
const Cases = 300

// LoadCases sets up the case catalogue, rules, calendar and parameters,
// then runs a few hundred cases through the real loop over the past six
// months, on a simulated clock, so that every view has something to show.
func LoadCases(ctx context.Context, db *store.DB, orgs *org.Service, svc *cases.Service, evidence *files.Service) error {
	l, err := newCaseLoader(ctx, db, orgs, svc, evidence)
	if err != nil {
		return err
	}
	defer db.SetClock(time.Now)
	if err := l.catalogue(); err != nil {
		return err
	}
	rng := rand.New(rand.NewPCG(2021, 9))
	now := time.Now()
	for i := range Cases {
		if err := l.story(rng, i, now); err != nil {
			return fmt.Errorf("demo case %d: %w", i, err)
		}
	}
	db.SetClock(time.Now)
	_, err = svc.RunTimers(ctx)
	return err
}

type caseLoader struct {
	ctx      context.Context
	db       *store.DB
	svc      *cases.Service
	files    *files.Service
	dir      map[int64]domain.Unit
	byName   map[string]domain.Unit
	office   *domain.Actor
	leaves   []cases.Category
	towns    []int64
	seat     int64
	clock    time.Time
	personas map[string]*domain.Actor
}

func newCaseLoader(ctx context.Context, db *store.DB, orgs *org.Service, svc *cases.Service, evidence *files.Service) (*caseLoader, error) {
	dir, err := orgs.Directory(ctx)
	if err != nil {
		return nil, err
	}
	l := &caseLoader{ctx: ctx, db: db, svc: svc, files: evidence, dir: dir, byName: map[string]domain.Unit{}, personas: map[string]*domain.Actor{}}
	// The stories are the county's: its units by name (the other county has
	// units of the same names).
	js, err := orgs.JurisdictionDirectory(ctx)
	if err != nil {
		return nil, err
	}
	county, ok := js.Of(CountyCode)
	if !ok {
		return nil, fmt.Errorf("demo cases: no jurisdiction holds %s", CountyCode)
	}
	for _, u := range dir {
		if u.JurisdictionID != nil && *u.JurisdictionID == county.ID {
			l.byName[u.Name] = u
		}
	}
	l.office = l.persona(officeUnit, "李娜", domain.RoleOfficeStaff)
	inspector := l.persona(officeUnit, "周敏", domain.RoleInspector)
	l.office.Scope, inspector.Scope = domain.ScopeAll, domain.ScopeAll
	// The grid worker's snaps are hers: she follows them as their reporter.
	grid := l.persona("东关社区", "刘芳", domain.RoleGridWorker)
	people, _, err := orgs.People(ctx, domain.System("演示数据", domain.RoleSysAdmin), org.PeopleFilter{Q: "grid_dg", Page: 1, Size: 5})
	if err != nil || len(people) == 0 {
		return nil, fmt.Errorf("demo grid worker: %v", err)
	}
	grid.UserID = people[0].ID
	for i := range townships {
		id, err := orgs.RegionID(ctx, fmt.Sprintf("%s%03d", CountyCode, 100+i))
		if err != nil {
			return nil, err
		}
		l.towns = append(l.towns, id)
	}
	l.seat = l.towns[0]
	db.SetClock(func() time.Time { return l.clock })
	l.clock = time.Now()
	return l, nil
}

// persona acts for a unit in the demo's stories: the unit's liaison, or
// the office's staff.
func (l *caseLoader) persona(unit, name string, role domain.Role) *domain.Actor {
	key := unit + string(role)
	if a, ok := l.personas[key]; ok {
		return a
	}
	u := l.byName[unit]
	a := &domain.Actor{Username: "demo", RealName: name, UnitID: u.ID, UnitPath: u.Path, Roles: []domain.Role{role}, Scope: domain.ScopeUnit}
	if u.JurisdictionID != nil {
		a.JurisdictionID = *u.JurisdictionID
	}
	l.personas[key] = a
	return a
}

func (l *caseLoader) catalogue() error {
	tops := map[string]int64{}
	for _, t := range categoryTops {
		k, err := l.svc.CreateCategory(l.ctx, l.office, cases.CategoryInput{Code: t.code, Name: t.name, Kind: t.kind, LimitValue: t.limit, LimitUnit: "day"})
		if err != nil {
			return err
		}
		tops[t.code] = k.ID
	}
	kindOf := map[string]string{}
	for _, t := range categoryTops {
		kindOf[t.code] = t.kind
	}
	for _, c := range categoryLeaves {
		parent := tops[c.code[:2]]
		unit := l.byName[c.handler].ID
		limitUnit := "day"
		if c.hours {
			limitUnit = "hour"
		}
		k, err := l.svc.CreateCategory(l.ctx, l.office, cases.CategoryInput{Code: c.code, Name: c.name, ParentID: &parent, Kind: kindOf[c.code[:2]],
			LimitValue: c.limit, LimitUnit: limitUnit, DefaultUnitID: &unit})
		if err != nil {
			return err
		}
		l.leaves = append(l.leaves, k)
	}
	// Outside the county seat, street problems go to the township.
	for i, town := range l.towns[1:] {
		unit := l.byName[townships[i+1]].ID
		if _, err := l.svc.CreateRule(l.ctx, l.office, cases.RuleInput{RegionID: &town, UnitID: unit}); err != nil {
			return err
		}
	}
	for _, d := range holidays2026 {
		if _, err := l.svc.SetCalendarDay(l.ctx, l.office, d.Date, d); err != nil {
			return err
		}
	}
	_, err := l.svc.UpdateSettings(l.ctx, l.office, cases.Settings{Bounds: countyBounds, DuplicateRadiusMeters: 100, DuplicateWindowHours: 72,
		RemindAtPercent: 75, ReopenDays: 7, WorkStart: "09:00", WorkEnd: "17:00"})
	return err
}

var (
	demoSources = []string{"resident_snap", "resident_snap", "resident_snap", "cadre_snap", "cadre_snap", "hotline", "hotline", "patrol", "supervision", "media"}
	places      = []string{"人民广场", "会师南路", "西大街", "东关农贸市场", "长征路", "汽车站", "桃花山公园", "会宁一中门口", "北关小区", "县医院门口", "步行街", "南河滨路"}
	problems    = map[string]string{
		"井盖破损": "井盖缺损，行人易踩空", "路灯损坏": "路灯连续几晚不亮", "交通标志损坏": "限速标志牌倾倒", "公交站亭破损": "站亭玻璃碎裂",
		"垃圾箱破损": "分类垃圾桶盖子损坏", "公厕设施损坏": "公厕水龙头漏水、无洗手液", "绿地脏乱": "绿化带内垃圾较多",
		"暴露垃圾": "路边垃圾堆积未清运", "道路不洁": "路面油污、尘土较多", "违规户外广告": "门头外私设广告牌", "公益广告破损缺失": "围挡公益广告破损褪色",
		"施工扰民": "夜间施工噪音大", "工地围挡不规范": "工地围挡倒塌，黄土裸露", "占道经营": "商户占用人行道摆摊", "乱停乱放": "机动车占用盲道停放",
		"乱扔垃圾": "行人随手乱扔垃圾", "小广告": "电线杆上贴满小广告", "设施破损": "公共座椅损坏", "不文明养犬": "遛狗不牵绳、不清理粪便",
		"无障碍设施损坏": "无障碍坡道被占用", "禁烟标识缺失": "室内公共场所无禁烟标识", "农贸市场脏乱": "市场内污水横流、摊位杂乱",
		"校园周边秩序": "上下学时段校门口车辆拥堵",
	}
)

// story takes one case from intake as far as its age and luck carry it.
func (l *caseLoader) story(rng *rand.Rand, i int, now time.Time) error {
	age := time.Duration(rng.ExpFloat64()*40*24) * time.Hour
	if age > 180*24*time.Hour {
		age = time.Duration(rng.IntN(180*24)) * time.Hour
	}
	l.clock = workingMoment(now.Add(-age), rng)
	if l.clock.After(now) {
		l.clock = now.Add(-time.Hour)
	}
	cat := l.leaves[rng.IntN(len(l.leaves))]
	if rng.IntN(3) == 0 { // a few problems come back again and again
		cat = l.leaves[15]
	}
	source := demoSources[rng.IntN(len(demoSources))]
	region, lat, lng := l.place(rng)
	in := cases.IntakeInput{ClientKey: fmt.Sprintf("demo-%d", i), Source: source, CategoryID: cat.ID,
		Description: places[rng.IntN(len(places))] + problems[cat.Name], Address: "会宁县" + places[rng.IntN(len(places))],
		Lat: &lat, Lng: &lng, RegionID: &region}
	id, token, err := l.intake(rng, i, in)
	if err != nil {
		return err
	}
	return l.advance(rng, id, token, age, now)
}

// workingMoment moves a time into working hours, where most reports fall.
func workingMoment(t time.Time, rng *rand.Rand) time.Time {
	b := t.In(domain.Beijing)
	return time.Date(b.Year(), b.Month(), b.Day(), 8+rng.IntN(10), rng.IntN(60), 0, 0, domain.Beijing)
}

// place picks where: mostly the county seat, some townships.
func (l *caseLoader) place(rng *rand.Rand) (int64, float64, float64) {
	if rng.IntN(4) > 0 {
		return l.seat, seatLat + (rng.Float64()-0.5)*0.03, seatLng + (rng.Float64()-0.5)*0.03
	}
	t := 1 + rng.IntN(len(l.towns)-1)
	return l.towns[t], 35.45 + rng.Float64()*0.9, 104.6 + rng.Float64()*0.85
}

func (l *caseLoader) intake(rng *rand.Rand, i int, in cases.IntakeInput) (int64, string, error) {
	photo := demoPNG(i)
	switch in.Source {
	case "resident_snap":
		phone := ""
		if rng.IntN(2) == 0 {
			phone = fmt.Sprintf("139%08d", rng.IntN(100000000))
		}
		r, _, err := l.svc.SnapByResident(l.ctx, cases.ResidentInput{ClientKey: in.ClientKey, CategoryID: in.CategoryID, Description: in.Description,
			Address: in.Address, Lat: in.Lat, Lng: in.Lng, RegionID: in.RegionID, Phone: phone}, []cases.Upload{{Name: "随手拍.png", Body: bytes.NewReader(photo)}})
		if err != nil {
			return 0, "", err
		}
		list, _, err := l.svc.List(l.ctx, l.office, cases.Filter{Q: r.Code, PageSize: 1})
		if err != nil || len(list) == 0 {
			return 0, "", fmt.Errorf("resident case %s not found: %v", r.Code, err)
		}
		return list[0].ID, r.Token, nil
	case "hotline":
		in.ExternalID = fmt.Sprintf("12345-%s-%04d", l.clock.In(domain.Beijing).Format("20060102"), i)
		in.ReporterName, in.ReporterPhone = "来电市民", fmt.Sprintf("138%08d", rng.IntN(100000000))
	}
	actor := l.office
	switch in.Source {
	case "cadre_snap":
		actor = l.persona("东关社区", "刘芳", domain.RoleGridWorker)
	case "patrol", "supervision":
		actor = l.persona(officeUnit, "周敏", domain.RoleInspector)
	}
	f, err := l.files.Upload(l.ctx, actor, "现场.png", bytes.NewReader(photo))
	if err != nil {
		return 0, "", err
	}
	in.FileIDs = []int64{f.ID}
	d, _, err := l.svc.Intake(l.ctx, actor, in)
	return d.ID, "", err
}

// advance walks a case through the loop; old cases are mostly done,
// recent ones stop somewhere along the way.
func (l *caseLoader) advance(rng *rand.Rand, id int64, token string, age time.Duration, now time.Time) error {
	step := func(d time.Duration) bool {
		next := l.clock.Add(d)
		if next.After(now) {
			return false
		}
		l.clock = next
		return true
	}
	roll := rng.IntN(100)
	// Recent cases stop at every stage of the loop: new, registered,
	// dispatched, handling, verifying, or done.
	stop := 9
	if age < 6*24*time.Hour {
		stop = rng.IntN(6)
	}
	if stop == 0 || !step(time.Duration(10+rng.IntN(110))*time.Minute) {
		return nil
	}
	if stop == 1 {
		_, err := l.svc.Register(l.ctx, l.office, id, cases.RegisterInput{Note: "属实，予以立案"})
		return err
	}
	if roll < 4 {
		_, err := l.svc.Decline(l.ctx, l.office, id, cases.ReasonInput{Reason: "经核实不属于城市管理问题，已告知反映人"})
		return err
	}
	d, err := l.svc.Dispatch(l.ctx, l.office, id, cases.DispatchInput{})
	if err != nil {
		return err
	}
	unit := l.persona(d.LeadUnitName, d.LeadUnitName+"联络员", domain.RoleUnitLiaison)
	if stop == 2 {
		return nil
	}
	if roll < 8 { // the wrong unit: it returns the case and the office reassigns
		if !step(time.Duration(30+rng.IntN(200)) * time.Minute) {
			return nil
		}
		if _, err := l.svc.Return(l.ctx, unit, id, cases.ReasonInput{Reason: "该路段不在本单位管辖范围"}); err != nil {
			return err
		}
		if !step(time.Duration(30+rng.IntN(200)) * time.Minute) {
			return nil
		}
		to := l.byName["会师镇"].ID
		if to == *d.LeadUnitID {
			to = l.byName["县住建局"].ID
		}
		if d, err = l.svc.RuleReturn(l.ctx, l.office, id, cases.RuleReturnInput{Decision: "uphold", UnitID: &to, Note: "改派属地"}); err != nil {
			return err
		}
		unit = l.persona(d.LeadUnitName, d.LeadUnitName+"联络员", domain.RoleUnitLiaison)
	}
	if !step(time.Duration(20+rng.IntN(240)) * time.Minute) {
		return nil
	}
	if d, err = l.svc.Accept(l.ctx, unit, id, cases.NoteInput{}); err != nil {
		return err
	}
	if stop == 3 || (roll >= 90 && age < 20*24*time.Hour) {
		return nil // still being handled, some already overdue
	}
	if roll >= 86 && roll < 90 {
		if !step(time.Hour) {
			return nil
		}
		_, err := l.svc.RequestExtension(l.ctx, unit, id, cases.ExtensionInput{Minutes: 8 * 60, Reason: "需协调产权单位共同处置"})
		return err
	}
	// Most fixes come within the limit, some late.
	share := 0.2 + rng.Float64()*0.7
	if roll%7 == 0 {
		share = 1.1 + rng.Float64()
	}
	if !step(time.Duration(float64(d.LimitMinutes)*share*2.5) * time.Minute) {
		return nil
	}
	if err := l.report(unit, id, "已按要求整改完毕"); err != nil {
		return err
	}
	if stop == 4 {
		return nil
	}
	inspector := l.persona(officeUnit, "周敏", domain.RoleInspector)
	if roll%5 == 0 { // rework
		if !step(time.Duration(60+rng.IntN(300)) * time.Minute) {
			return nil
		}
		if _, err := l.svc.Verify(l.ctx, inspector, id, cases.VerifyInput{Decision: "fail", PhotoInput: cases.PhotoInput{Note: "现场复核仍未整改到位"}}); err != nil {
			return err
		}
		if !step(time.Duration(120+rng.IntN(600)) * time.Minute) {
			return nil
		}
		if err := l.report(unit, id, "已再次整改"); err != nil {
			return err
		}
	}
	if !step(time.Duration(60+rng.IntN(600)) * time.Minute) {
		return nil
	}
	if roll%17 == 0 {
		_, err := l.svc.Close(l.ctx, l.office, id, cases.CloseInput{Closing: "not_fixed", Note: "涉及历史遗留问题，已纳入年度改造计划"})
		return err
	}
	if _, err := l.svc.Verify(l.ctx, inspector, id, cases.VerifyInput{Decision: "pass", PhotoInput: cases.PhotoInput{Note: "复核通过"}}); err != nil {
		return err
	}
	if token != "" && rng.IntN(3) > 0 && step(time.Duration(60+rng.IntN(2000))*time.Minute) {
		_, err := l.svc.Rate(l.ctx, token, cases.RatingInput{Rating: 3 + rng.IntN(3), Comment: "处理及时"})
		return err
	}
	return nil
}

func (l *caseLoader) report(unit *domain.Actor, id int64, note string) error {
	f, err := l.files.Upload(l.ctx, unit, "整改后.png", bytes.NewReader(demoPNG(int(id)+7)))
	if err != nil {
		return err
	}
	_, err = l.svc.Report(l.ctx, unit, id, cases.PhotoInput{Note: note, FileIDs: []int64{f.ID}})
	return err
}
