package demo

import (
	"bytes"
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"time"

	"wenming/internal/assessment"
	"wenming/internal/cases"
	"wenming/internal/domain"
	"wenming/internal/files"
	"wenming/internal/framework"
	"wenming/internal/org"
	"wenming/internal/patrol"
	"wenming/internal/plan"
	"wenming/internal/ranking"
	"wenming/internal/store"
)

// Services are the services the second county's campaign goes through:
// the same ones the console calls.
type Services struct {
	Framework  *framework.Service
	Plan       *plan.Service
	Cases      *cases.Service
	Patrol     *patrol.Service
	Assessment *assessment.Service
	Ranking    *ranking.Service
	Files      *files.Service
}

// The second county's campaign, kept small so the demo loads fast.
const (
	SecondPlanYear = 2026
	SecondTasks    = 6
	SecondCases    = 30
	SecondPoints   = 10
)

// SecondPlanName is 靖远县's plan.
const SecondPlanName = "靖远县 2026 年度文明城市创建工作实施方案"

// CityFrameworkName is the framework the city issues; 靖远县 measures its
// mock assessment against it (会宁县 keeps its own 2021 framework).
const CityFrameworkName = "全国文明城市测评体系（白银市 2026 演示版）"

// 靖远县's seat 乌兰镇 (WGS-84).
const (
	secondSeatLat = 36.5660
	secondSeatLng = 104.6860
)

// secondHandlers re-homes the case catalogue's default units: 靖远县 has
// no 县交通运输局, 县卫生健康局 or 会宁分局, so the 县住建局 takes theirs.
func secondHandler(name string) string {
	if slices.ContainsFunc(secondDepartments, func(d struct{ name, class string }) bool { return d.name == name }) {
		return name
	}
	return "县住建局"
}

// secondPointCategories are the categories 靖远县 keeps alongside
// 会宁县's (a county's categories are its own; only the city's flow
// down), with their checklists from data/point_checks.tsv, and the unit
// responsible for their points ("" for the community they lie in).
var secondPointCategories = []struct{ name, unit string }{
	{"主次干道", "乌兰镇"}, {"农贸市场", "县市场监管局"}, {"居民小区", ""}, {"公交站点", "县住建局"},
}

var secondPlaces = []string{"乌兰广场", "人民路", "文化街", "北关农贸市场", "红会路", "汽车站", "黄河风情线", "靖远一中门口"}

// secondTasks are 靖远县's 2026 tasks: lead units, responsible units,
// deadline and the progress the units reported (the last falls behind).
var secondTasks = []struct {
	title, phase, deadline, lead, responsible string
	percent                                   int
}{
	{"召开创城动员大会，印发年度实施方案", "安排部署", "2026-03-31", officeUnit, "县委宣传部", 100},
	{"主次干道、背街小巷环境卫生集中整治", "工作推进", "2026-06-30", "县住建局", "乌兰镇、东湾镇", 100},
	{"农贸市场提升改造与周边占道经营治理", "工作推进", "2026-08-31", "县市场监管局", "乌兰镇、县公安局", 100},
	{"公益广告与新时代文明实践阵地建设", "工作推进", "2026-09-30", "县委宣传部", "东关社区、西关社区、红会社区", 100},
	{"校园周边秩序与未成年人思想道德建设", "工作推进", "2026-10-31", "县教育局", "县公安局", 100},
	{"老旧小区环境与无障碍设施补短板", "巩固提升", "2026-11-15", "县住建局", "东关社区、西关社区", 60},
}

// LoadSecondCounty gives 靖远县 a campaign of its own, acting as its office
// through the real services: a 2026 plan, case categories and dispatch
// rules, a few dozen cases over the last months on a moving clock, points
// with a drawn mock assessment and patrols, and last month's bulletin. The
// city issues the framework the mock assessment is measured against. Case
// parameters and the calendar are left to flow down from above.
func LoadSecondCounty(ctx context.Context, db *store.DB, orgs *org.Service, s Services) error {
	js, err := orgs.JurisdictionDirectory(ctx)
	if err != nil {
		return err
	}
	j, ok := js.Of(SecondCountyCode)
	city, ok2 := js.Of(CityCode)
	if !ok || !ok2 {
		return fmt.Errorf("demo: no jurisdiction holds %s or %s", SecondCountyCode, CityCode)
	}
	l := &secondLoader{ctx: ctx, db: db, orgs: orgs, s: s, j: j, rng: rand.New(rand.NewPCG(2026, 421)),
		office: domain.System("演示数据", domain.RoleOfficeLeader).In(j), units: map[string]domain.Unit{}, regions: map[string]int64{}}
	dir, err := orgs.Directory(ctx)
	if err != nil {
		return err
	}
	for _, u := range dir {
		if u.JurisdictionID != nil && *u.JurisdictionID == j.ID {
			l.units[u.Name] = u
		}
	}
	for i := range secondTownships {
		code := fmt.Sprintf("%s%03d", SecondCountyCode, 100+i)
		if l.regions[code], err = orgs.RegionID(ctx, code); err != nil {
			return err
		}
	}
	for i := range secondCommunities {
		code := fmt.Sprintf("%s100%03d", SecondCountyCode, 1+i)
		if l.regions[code], err = orgs.RegionID(ctx, code); err != nil {
			return err
		}
	}
	if l.inspector, err = demoPerson(ctx, orgs, "jy_inspector"); err != nil {
		return err
	}
	defer db.SetClock(time.Now)
	db.SetClock(func() time.Time { return l.clock })
	l.clock = time.Now()
	fw, err := l.cityFramework(domain.System("演示数据", domain.RoleOfficeLeader).In(city))
	if err != nil {
		return fmt.Errorf("demo city framework: %w", err)
	}
	steps := []struct {
		name string
		fn   func() error
	}{
		{"plan", l.plan}, {"case catalogue", l.catalogue}, {"cases", l.cases},
		{"points", l.layPoints}, {"round", func() error { return l.round(fw) }}, {"patrols", l.patrols},
	}
	for _, st := range steps {
		if err := st.fn(); err != nil {
			return fmt.Errorf("demo 靖远县 %s: %w", st.name, err)
		}
	}
	db.SetClock(time.Now)
	if _, err := s.Cases.RunTimers(ctx); err != nil {
		return err
	}
	if err := l.bulletin(); err != nil {
		return fmt.Errorf("demo 靖远县 bulletin: %w", err)
	}
	return nil
}

type secondLoader struct {
	ctx       context.Context
	db        *store.DB
	orgs      *org.Service
	s         Services
	j         domain.Jurisdiction
	rng       *rand.Rand
	clock     time.Time
	office    *domain.Actor
	inspector *domain.Actor
	units     map[string]domain.Unit
	regions   map[string]int64 // by code
	leaves    []cases.Category
	caseCats  map[string]int64 // by code
	cats      []patrol.Category
	points    []patrol.Point
}

// demoPerson is a demo account acting as itself, deployment-wide as the
// other loaders' people (the loader picks where it acts).
func demoPerson(ctx context.Context, orgs *org.Service, username string) (*domain.Actor, error) {
	people, _, err := orgs.People(ctx, domain.System("演示数据", domain.RoleSysAdmin), org.PeopleFilter{Q: username, Page: 1, Size: 5})
	if err != nil || len(people) == 0 {
		return nil, fmt.Errorf("demo account %s: %v", username, err)
	}
	p := people[0]
	a := &domain.Actor{UserID: p.ID, Username: p.Username, RealName: p.RealName, UnitID: p.UnitID, Roles: p.Roles, Scope: domain.ScopeAll}
	if p.JurisdictionID != nil {
		a.JurisdictionID = *p.JurisdictionID
	}
	return a, nil
}

// unit is one of 靖远县's units by name.
func (l *secondLoader) unit(name string) int64 { return l.units[name].ID }

// names resolves "、"-separated unit names within 靖远县.
func (l *secondLoader) names(cell string) []int64 {
	var ids []int64
	for _, n := range strings.Split(cell, "、") {
		if n != "" {
			ids = append(ids, l.unit(n))
		}
	}
	return ids
}

// cityFramework is the framework the city office issues to its counties:
// the demo's workbook, every standard led by the city office, frozen.
func (l *secondLoader) cityFramework(city *domain.Actor) (int64, error) {
	book, err := WorkbookLedBy("", cityOffice)
	if err != nil {
		return 0, err
	}
	f, err := l.s.Framework.Import(l.ctx, city, bytes.NewReader(book))
	if err != nil {
		return 0, err
	}
	if _, err := l.s.Framework.UpdateHeader(l.ctx, city, f.ID, framework.Header{Name: CityFrameworkName, BasicTotal: f.BasicTotal, SpecialTotal: f.SpecialTotal}); err != nil {
		return 0, err
	}
	_, err = l.s.Framework.Freeze(l.ctx, city, f.ID)
	return f.ID, err
}

// plan lays out the 2026 plan without a framework: linking one would make
// it the deployment's newest planned framework, which 会宁县's live score
// and material requirements still read (framework.CurrentFramework).
func (l *secondLoader) plan() error {
	p, err := l.s.Plan.CreatePlan(l.ctx, l.office, SecondPlanYear, SecondPlanName, nil)
	if err != nil {
		return err
	}
	for i, t := range secondTasks {
		in := plan.TaskInput{Seq: i + 1, Title: t.title, Content: t.title + "，各责任单位按分工推进并报送进度。", Phase: t.phase, Deadline: t.deadline,
			LeadUnitIDs: l.names(t.lead), ResponsibleUnitIDs: l.names(t.responsible)}
		task, err := l.s.Plan.CreateTask(l.ctx, l.office, p.ID, in)
		if err != nil {
			return fmt.Errorf("task %d: %w", i+1, err)
		}
		for _, u := range append(task.LeadUnits, task.ResponsibleUnits...) {
			text := "已按方案完成本单位任务，台账资料已归档。"
			if t.percent < 100 {
				text = "正在推进，部分小区改造尚未完工。"
			}
			if _, err := l.s.Plan.ReportProgress(l.ctx, l.office, task.ID, plan.ReportInput{Percent: t.percent, Text: text, UnitID: u.ID}); err != nil {
				return fmt.Errorf("progress %d: %w", i+1, err)
			}
		}
	}
	return nil
}

// catalogue gives 靖远县 the demo's case categories with its own default
// units, and its own dispatch rules: outside the seat, to the township.
// Settings and the calendar are not set: they flow down from above.
func (l *secondLoader) catalogue() error {
	l.caseCats = map[string]int64{}
	kindOf := map[string]string{}
	for _, t := range categoryTops {
		k, err := l.s.Cases.CreateCategory(l.ctx, l.office, cases.CategoryInput{Code: secondCaseCode(t.code), Name: t.name, Kind: t.kind, LimitValue: t.limit, LimitUnit: "day"})
		if err != nil {
			return err
		}
		l.caseCats[t.code], kindOf[t.code] = k.ID, t.kind
	}
	for _, c := range categoryLeaves {
		parent, unit := l.caseCats[c.code[:2]], l.unit(secondHandler(c.handler))
		limitUnit := "day"
		if c.hours {
			limitUnit = "hour"
		}
		k, err := l.s.Cases.CreateCategory(l.ctx, l.office, cases.CategoryInput{Code: secondCaseCode(c.code), Name: c.name, ParentID: &parent, Kind: kindOf[c.code[:2]],
			LimitValue: c.limit, LimitUnit: limitUnit, DefaultUnitID: &unit})
		if err != nil {
			return err
		}
		l.caseCats[c.code] = k.ID
		l.leaves = append(l.leaves, k)
	}
	for i, name := range secondTownships[1:] {
		region := l.regions[fmt.Sprintf("%s%03d", SecondCountyCode, 101+i)]
		if _, err := l.s.Cases.CreateRule(l.ctx, l.office, cases.RuleInput{RegionID: &region, UnitID: l.unit(name)}); err != nil {
			return err
		}
	}
	return nil
}

// secondCaseCode: case category codes are unique across the deployment,
// so 靖远县's copy of 0101 is JY0101.
func secondCaseCode(code string) string { return "JY" + code }

// persona acts for one of 靖远县's units, as its liaison.
func (l *secondLoader) persona(unitID int64, name string) *domain.Actor {
	for _, u := range l.units {
		if u.ID == unitID {
			return &domain.Actor{Username: "demo", RealName: name + "联络员", UnitID: u.ID, UnitPath: u.Path, Roles: []domain.Role{domain.RoleUnitLiaison},
				Scope: domain.ScopeUnit, JurisdictionID: l.j.ID, JurisdictionCode: l.j.Code}
		}
	}
	return nil
}

// cases runs 靖远县's cases through the loop over the last four months:
// the older ones closed, some still being handled past their limit, the
// newest waiting in the pool.
func (l *secondLoader) cases() error {
	now := time.Now()
	for i := range SecondCases {
		age := time.Duration(float64(i)/SecondCases*120*24)*time.Hour + time.Duration(l.rng.IntN(20))*time.Hour
		l.clock = workingMoment(now.Add(-age), l.rng)
		if l.clock.After(now) {
			l.clock = now.Add(-time.Hour)
		}
		if err := l.story(i, age, now); err != nil {
			return fmt.Errorf("case %d: %w", i, err)
		}
	}
	return nil
}

func (l *secondLoader) story(i int, age time.Duration, now time.Time) error {
	cat := l.leaves[l.rng.IntN(len(l.leaves))]
	// Mostly the seat's communities, a quarter the other towns.
	region := l.regions[fmt.Sprintf("%s100%03d", SecondCountyCode, 1+l.rng.IntN(len(secondCommunities)))]
	lat, lng := secondSeatLat+(l.rng.Float64()-0.5)*0.03, secondSeatLng+(l.rng.Float64()-0.5)*0.03
	if i%4 == 3 {
		region = l.regions[fmt.Sprintf("%s%03d", SecondCountyCode, 101+l.rng.IntN(len(secondTownships)-1))]
		lat, lng = 36.3+l.rng.Float64()*0.6, 104.4+l.rng.Float64()*0.6
	}
	place := secondPlaces[l.rng.IntN(len(secondPlaces))]
	in := cases.IntakeInput{ClientKey: fmt.Sprintf("demo-jy-%d", i), Source: []string{"hotline", "supervision", "media", "hotline", "patrol"}[i%5], CategoryID: cat.ID,
		Description: place + problems[cat.Name], Address: "靖远县" + place, Lat: &lat, Lng: &lng, RegionID: &region}
	actor := l.office
	switch in.Source {
	case "hotline":
		in.ExternalID = fmt.Sprintf("12345-JY-%s-%04d", l.clock.In(domain.Beijing).Format("20060102"), i)
		in.ReporterName, in.ReporterPhone = "来电市民", fmt.Sprintf("138%08d", l.rng.IntN(100000000))
	case "supervision", "patrol":
		actor = l.inspector
	}
	f, err := l.s.Files.Upload(l.ctx, actor, "现场.png", bytes.NewReader(demoPNG(9000+i)))
	if err != nil {
		return err
	}
	in.FileIDs = []int64{f.ID}
	d, _, err := l.s.Cases.Intake(l.ctx, actor, in)
	if err != nil {
		return err
	}
	step := func(dur time.Duration) bool {
		next := l.clock.Add(dur)
		if next.After(now) {
			return false
		}
		l.clock = next
		return true
	}
	if age < 3*24*time.Hour && i%2 == 0 {
		return nil // still in the pool
	}
	if !step(time.Duration(20+l.rng.IntN(100)) * time.Minute) {
		return nil
	}
	if d, err = l.s.Cases.Dispatch(l.ctx, l.office, d.ID, cases.DispatchInput{}); err != nil {
		return err
	}
	unit := l.persona(*d.LeadUnitID, d.LeadUnitName)
	if !step(time.Duration(30+l.rng.IntN(200)) * time.Minute) {
		return nil
	}
	if d, err = l.s.Cases.Accept(l.ctx, unit, d.ID, cases.NoteInput{}); err != nil {
		return err
	}
	// Every seventh case and the recent ones stay with the unit: past
	// their limit, those are the county's overdue cases.
	if i%7 == 2 || age < 10*24*time.Hour {
		return nil
	}
	if !step(time.Duration(float64(d.LimitMinutes)*(0.3+l.rng.Float64())*2) * time.Minute) {
		return nil
	}
	photo, err := l.s.Files.Upload(l.ctx, unit, "整改后.png", bytes.NewReader(demoPNG(9500+i)))
	if err != nil {
		return err
	}
	if _, err := l.s.Cases.Report(l.ctx, unit, d.ID, cases.PhotoInput{Note: "已按要求整改完毕", FileIDs: []int64{photo.ID}}); err != nil {
		return err
	}
	if !step(time.Duration(60+l.rng.IntN(600)) * time.Minute) {
		return nil
	}
	if i%9 == 4 {
		_, err := l.s.Cases.Close(l.ctx, l.office, d.ID, cases.CloseInput{Closing: "not_fixed", Note: "涉及产权单位，已纳入年度改造计划"})
		return err
	}
	_, err = l.s.Cases.Verify(l.ctx, l.inspector, d.ID, cases.VerifyInput{Decision: "pass", PhotoInput: cases.PhotoInput{Note: "复核通过"}})
	return err
}

// layPoints creates 靖远县's own point categories, with the checklists of
// the same names in data/point_checks.tsv pointing at its own case
// categories, and its points in the seat's communities.
func (l *secondLoader) layPoints() error {
	l.clock = time.Now().AddDate(0, -1, 0)
	rows, err := readTSV("point_categories")
	if err != nil {
		return err
	}
	checkRows, err := readTSV("point_checks")
	if err != nil {
		return err
	}
	for i, pc := range secondPointCategories {
		desc := ""
		for _, r := range rows[1:] {
			if r[0] == pc.name {
				desc = r[1]
			}
		}
		cat, err := l.s.Patrol.CreateCategory(l.ctx, l.office, patrol.CategoryInput{Name: pc.name, Description: desc, Sort: i + 1})
		if err != nil {
			return err
		}
		var checks []patrol.CheckInput
		for _, c := range checkRows[1:] {
			if c[0] == pc.name {
				checks = append(checks, patrol.CheckInput{Text: c[1], Severity: severities[c[2]], CaseCategoryID: l.caseCats[c[3]], StandardCodes: strings.Split(c[4], "、")})
			}
		}
		if cat, err = l.s.Patrol.SetChecks(l.ctx, l.office, cat.ID, patrol.ChecklistInput{Checks: checks}); err != nil {
			return fmt.Errorf("checklist %s: %w", pc.name, err)
		}
		l.cats = append(l.cats, cat)
	}
	for i := range SecondPoints {
		cat, pc := l.cats[i%len(l.cats)], secondPointCategories[i%len(l.cats)]
		c := i % len(secondCommunities)
		region := l.regions[fmt.Sprintf("%s100%03d", SecondCountyCode, 1+c)]
		unit := pc.unit
		if unit == "" {
			unit = secondCommunities[c]
		}
		place := secondPlaces[i%len(secondPlaces)]
		in := patrol.PointInput{Code: fmt.Sprintf("JY%02d-%03d", cat.Sort, i/len(l.cats)+1), Name: fmt.Sprintf("%s%s", place, cat.Name), CategoryID: cat.ID,
			Lat: secondSeatLat + (l.rng.Float64()-0.5)*0.03, Lng: secondSeatLng + (l.rng.Float64()-0.5)*0.03, Address: "靖远县" + place,
			RegionID: &region, UnitID: l.unit(unit), ChiefName: chiefNames[i%len(chiefNames)], ChiefPhone: fmt.Sprintf("137%08d", 4210000+i)}
		p, err := l.s.Patrol.CreatePoint(l.ctx, l.office, in)
		if err != nil {
			return fmt.Errorf("point %s: %w", in.Name, err)
		}
		l.points = append(l.points, p)
	}
	return nil
}

// round draws 靖远县's mock assessment, measured against the city's
// framework, for its own inspector, who has patrolled half the points.
func (l *secondLoader) round(frameworkID int64) error {
	start := time.Now().In(domain.Beijing).AddDate(0, 0, -5)
	l.clock = start
	var cats []assessment.RoundCategory
	for _, c := range l.cats {
		cats = append(cats, assessment.RoundCategory{CategoryID: c.ID, SampleSize: 1})
	}
	seed := int64(20261125)
	r, err := l.s.Assessment.CreateRound(l.ctx, l.office, assessment.RoundInput{Name: fmt.Sprintf("靖远县 %d 年第四季度模拟测评", start.Year()), FrameworkID: frameworkID, Seed: &seed,
		StartsOn: start.Format(time.DateOnly), EndsOn: start.AddDate(0, 0, 9).Format(time.DateOnly), Categories: cats, InspectorIDs: []int64{l.inspector.UserID}})
	if err != nil {
		return err
	}
	if r, err = l.s.Assessment.Draw(l.ctx, l.office, r.ID); err != nil {
		return err
	}
	for i, rp := range r.Points {
		if i%2 == 1 {
			continue // left on the inspector's phone
		}
		l.clock = start.Add(time.Duration(10+i) * time.Hour)
		if err := l.patrol(rp.PointID, &r.ID, 0.15); err != nil {
			return fmt.Errorf("%s: %w", rp.PointName, err)
		}
	}
	return nil
}

// patrols are the inspector's everyday rounds over the last two weeks.
func (l *secondLoader) patrols() error {
	now := time.Now()
	for i, p := range l.points {
		if i%2 == 0 {
			continue
		}
		l.clock = now.AddDate(0, 0, -1-i).Add(-time.Duration(i) * time.Hour)
		if err := l.patrol(p.ID, nil, 0.08); err != nil {
			return fmt.Errorf("patrol %s: %w", p.Name, err)
		}
	}
	return nil
}

// patrol judges every check of a point at the loader's clock, failing
// each with the given odds and a photo.
func (l *secondLoader) patrol(pointID int64, roundID *int64, failOdds float64) error {
	d, err := l.s.Patrol.Point(l.ctx, l.inspector, pointID)
	if err != nil {
		return err
	}
	lat, lng := d.Lat+(l.rng.Float64()-0.5)*0.0006, d.Lng+(l.rng.Float64()-0.5)*0.0006
	in := patrol.PatrolInput{ClientKey: fmt.Sprintf("demo-jy-%d-%d", pointID, l.clock.UnixNano()), PointID: pointID, RoundID: roundID, Lat: &lat, Lng: &lng}
	for i, ch := range d.Checks {
		r := patrol.ResultInput{CheckID: ch.ID, Result: "pass"}
		if l.rng.Float64() < failOdds {
			f, err := l.s.Files.Upload(l.ctx, l.inspector, "现场.png", bytes.NewReader(demoPNG(int(pointID)*37+i)))
			if err != nil {
				return err
			}
			r.Result, r.FileIDs, r.Note = "fail", []int64{f.ID}, "现场发现问题，已拍照"
		}
		in.Results = append(in.Results, r)
	}
	_, _, err = l.s.Patrol.Submit(l.ctx, l.inspector, in)
	return err
}

// bulletin has 靖远县's office draft, approve and publish last month's
// bulletin, ranking its own units only.
func (l *secondLoader) bulletin() error {
	lastMonth := time.Now().In(domain.Beijing).AddDate(0, -1, 0)
	b, err := l.s.Ranking.CreateBulletin(l.ctx, l.office, ranking.BulletinInput{Kind: "month", Period: ranking.PeriodOf("month", lastMonth).Code})
	if err != nil {
		return err
	}
	if _, err := l.s.Ranking.ApproveBulletin(l.ctx, l.office, b.ID); err != nil {
		return err
	}
	_, err = l.s.Ranking.PublishBulletin(l.ctx, l.office, b.ID)
	return err
}
