// Package demo loads the demo city: 白银市 with its creation office above
// two counties with offices of their own. 会宁县 is the county of the 2021
// plan (seed 001), with its townships, the units the plan names as lead and
// responsible units, and one account for every role; 靖远县 is smaller,
// with a small campaign of its own (second.go), so the city view, the
// inheritance of settings and the isolation of one county from the other
// can be seen. Loading twice changes nothing.
package demo

import (
	"context"
	"errors"
	"fmt"

	"wenming/internal/domain"
	"wenming/internal/org"
)

// The demo's administrative codes: the city, the plan's county and the
// second county.
const (
	CityCode         = "620400"
	CountyCode       = "620422"
	SecondCountyCode = "620421"
)

// Account is one demo login.
type Account struct {
	Username string
	RealName string
	Unit     string
	Role     domain.Role
	Scope    domain.ScopeKind
	Region   string // scope region code
	// Jurisdiction is the code of the jurisdiction the unit is named in:
	// both counties have a 县住建局.
	Jurisdiction string
}

// Accounts lists the demo logins, one or more per role.
var Accounts = []Account{
	{"cb_leader", "王建国", officeUnit, domain.RoleOfficeLeader, domain.ScopeRegion, CountyCode, CountyCode},
	{"cb_staff", "李娜", officeUnit, domain.RoleOfficeStaff, domain.ScopeRegion, CountyCode, CountyCode},
	{"zjj_head", "赵志刚", "县住建局", domain.RoleUnitHead, domain.ScopeUnit, "", CountyCode},
	{"zjj_liaison", "陈晓", "县住建局", domain.RoleUnitLiaison, domain.ScopeUnit, "", CountyCode},
	{"hsz_liaison", "马丽", "会师镇", domain.RoleUnitLiaison, domain.ScopeUnit, "", CountyCode},
	{"inspector", "周敏", officeUnit, domain.RoleInspector, domain.ScopeRegion, CountyCode, CountyCode},
	{"grid_dg", "刘芳", "东关社区", domain.RoleGridWorker, domain.ScopeUnit, "", CountyCode},
	{"leader", "张书记", "县委办公室", domain.RoleLeader, domain.ScopeRegion, CountyCode, CountyCode},
	{"city_leader", "高志远", cityOffice, domain.RoleOfficeLeader, domain.ScopeRegion, CityCode, CityCode},
	{"city_staff", "杨帆", cityOffice, domain.RoleOfficeStaff, domain.ScopeRegion, CityCode, CityCode},
	{"jy_staff", "何静", officeUnit, domain.RoleOfficeStaff, domain.ScopeRegion, SecondCountyCode, SecondCountyCode},
	{"jy_leader", "邓文华", officeUnit, domain.RoleOfficeLeader, domain.ScopeRegion, SecondCountyCode, SecondCountyCode},
	{"jy_liaison", "苏强", "县住建局", domain.RoleUnitLiaison, domain.ScopeUnit, "", SecondCountyCode},
	{"jy_inspector", "韩梅", officeUnit, domain.RoleInspector, domain.ScopeRegion, SecondCountyCode, SecondCountyCode},
	{"sysadmin", "孙系统", cityOffice, domain.RoleSysAdmin, domain.ScopeAll, "", CityCode},
	{"secadmin", "钱安全", cityOffice, domain.RoleSecurityAdmin, domain.ScopeAll, "", CityCode},
	{"auditor", "吴审计", cityOffice, domain.RoleAuditAdmin, domain.ScopeAll, "", CityCode},
}

// officeUnit is each county's creation office; cityOffice the city's.
const (
	officeUnit = "县文明办（创城办）"
	cityOffice = "市文明办（创城办）"
)

// cityUnits are the city's own departments; the city office ranks them
// beside its counties.
var cityUnits = []struct{ name, class string }{
	{cityOffice, "A"}, {"市住建局", "A"}, {"市城市管理局", "A"}, {"市委办公室", "B"},
}

// The second county, 靖远县: a few departments, towns and communities.
var (
	secondDepartments = []struct{ name, class string }{
		{officeUnit, "A"}, {"县委宣传部", "A"}, {"县住建局", "A"}, {"县公安局", "A"}, {"县市场监管局", "A"}, {"县教育局", "B"},
	}
	secondTownships   = []string{"乌兰镇", "东湾镇", "北湾镇", "北滩镇"}
	secondCommunities = []string{"东关社区", "西关社区", "红会社区"}
)

// townships of 会宁县; the first is the county seat.
var townships = []string{
	"会师镇", "郭城驿镇", "河畔镇", "头寨子镇", "太平店镇", "甘沟驿镇", "侯家川镇", "柴家门镇",
	"汉岔镇", "大沟镇", "四房吴镇", "中川镇", "老君坡镇", "平头川镇", "丁家沟镇", "杨崖集镇",
	"翟家所镇", "韩集镇", "土门岘镇", "新塬镇", "草滩镇", "刘寨镇", "白草塬镇", "桃花山镇",
	"新添堡回族乡", "党岘乡", "八里湾乡", "土高山乡",
}

// communities of the county seat, with the grids of the first.
var communities = []string{"东关社区", "西关社区", "南关社区", "北关社区", "枝阳社区", "桃花山社区"}

var grids = []string{"东关社区第一网格", "东关社区第二网格", "东关社区第三网格"}

// departments the plan names, with their class: A for units carrying the
// heaviest campaign duties (environment, order, services, publicity), B
// for the rest. The plan ranks units "按照创城责任单位AB分类" without
// listing the classes, so this split is the demo's own.
var departments = []struct{ name, class string }{
	{officeUnit, "A"}, {"县委宣传部", "A"}, {"县住建局", "A"}, {"县公安局", "A"}, {"县市场监管局", "A"},
	{"县交通运输局", "A"}, {"县教育局", "A"}, {"县卫生健康局", "A"}, {"县民政局", "A"},
	{"县文体广电和旅游局", "A"}, {"县自然资源局", "A"}, {"县商务局", "A"}, {"市生态环境局会宁分局", "A"},
	{"县纪委监委", "B"}, {"县委办公室", "B"}, {"县政府办公室", "B"}, {"县委组织部", "B"}, {"县委政法委", "B"},
	{"县委统战部", "B"}, {"县委网信办", "B"}, {"县司法局", "B"}, {"县人社局", "B"}, {"县妇联", "B"},
	{"县残联", "B"}, {"县财政局", "B"}, {"县体育局", "B"}, {"县科协", "B"}, {"县科技局", "B"},
	{"县消防救援支队", "B"}, {"县应急管理局", "B"}, {"县农业农村局", "B"}, {"县医保局", "B"},
	{"县退役军人事务管理局", "B"}, {"县发改局", "B"}, {"县工信局", "B"}, {"县林草局", "B"},
	{"县水务局", "B"}, {"县文联", "B"}, {"县融媒体中心", "B"},
}

// Load creates the demo county once. It reports whether it created it.
func Load(ctx context.Context, svc *org.Service) (bool, error) {
	if _, err := svc.RegionID(ctx, CountyCode); err == nil {
		return false, nil
	} else if !errors.Is(err, domain.ErrNotFound) {
		return false, err
	}
	// The system admin lays out regions and units; the security admin, who
	// alone grants the administrators' roles, makes the accounts.
	l := loader{ctx: ctx, svc: svc, base: domain.System("演示数据", domain.RoleSysAdmin), accounts: domain.System("演示数据", domain.RoleSecurityAdmin)}
	l.actor = l.base
	city := l.region(CityCode, "白银市", nil)
	if city == nil {
		return false, l.err
	}
	l.in(domain.Jurisdiction{ID: *city, Code: CityCode, Name: "白银市"})
	for _, d := range cityUnits {
		l.unit(d.name, "department", d.class, "", CityCode)
	}
	l.office(*city, cityOffice)
	l.county(city)
	l.secondCounty(city)
	for _, a := range Accounts {
		l.account(a)
	}
	l.loadOutlines()
	return true, l.err
}

// county lays out 会宁县: its townships, communities and grids, and the
// units the 2021 plan names.
func (l *loader) county(city *int64) {
	county := l.jurisdiction(CountyCode, "会宁县", city)
	var seat *int64
	for i, name := range townships {
		id := l.region(fmt.Sprintf("%s%03d", CountyCode, 100+i), name, county)
		if i == 0 {
			seat = id
		}
	}
	seatCode := CountyCode + "100"
	var dongguan *int64
	for i, name := range communities {
		id := l.region(fmt.Sprintf("%s%03d", seatCode, 1+i), name, seat)
		if i == 0 {
			dongguan = id
		}
	}
	for i, name := range grids {
		l.region(fmt.Sprintf("%s001%03d", seatCode, 1+i), name, dongguan)
	}
	for _, d := range departments {
		l.unit(d.name, "department", d.class, "", CountyCode)
	}
	for i, name := range townships {
		class := "B"
		if i == 0 {
			class = "A"
		}
		l.unit(name, "township", class, "", fmt.Sprintf("%s%03d", CountyCode, 100+i))
	}
	for i, name := range communities {
		l.unit(name, "community", "B", "会师镇", fmt.Sprintf("%s%03d", seatCode, 1+i))
	}
	l.unit("会宁县第一中学", "school", "B", "县教育局", seatCode)
	l.unit("会宁县公共交通有限公司", "enterprise", "B", "县交通运输局", seatCode)
	l.office(deref(county), officeUnit)
}

// secondCounty lays out 靖远县, with its own office and the same unit
// names as 会宁县 where counties share them.
func (l *loader) secondCounty(city *int64) {
	county := l.jurisdiction(SecondCountyCode, "靖远县", city)
	var seat *int64
	for i, name := range secondTownships {
		id := l.region(fmt.Sprintf("%s%03d", SecondCountyCode, 100+i), name, county)
		if i == 0 {
			seat = id
		}
	}
	seatCode := SecondCountyCode + "100"
	for i, name := range secondCommunities {
		l.region(fmt.Sprintf("%s%03d", seatCode, 1+i), name, seat)
	}
	for _, d := range secondDepartments {
		l.unit(d.name, "department", d.class, "", SecondCountyCode)
	}
	for i, name := range secondTownships {
		l.unit(name, "township", "B", "", fmt.Sprintf("%s%03d", SecondCountyCode, 100+i))
	}
	for i, name := range secondCommunities {
		l.unit(name, "community", "B", secondTownships[0], fmt.Sprintf("%s%03d", seatCode, 1+i))
	}
	l.office(deref(county), officeUnit)
}

// loader keeps the first error so the demo reads as a list of facts.
type loader struct {
	ctx      context.Context
	svc      *org.Service
	base     *domain.Actor // the system admin, deployment-wide
	actor    *domain.Actor // the same, acting in the jurisdiction being laid out
	accounts *domain.Actor
	err      error
}

// in makes the loader act in a jurisdiction: units are named there.
func (l *loader) in(j domain.Jurisdiction) { l.actor = l.base.In(j) }

// jurisdiction adds a county's region and sets up its office over it.
func (l *loader) jurisdiction(code, name string, parent *int64) *int64 {
	id := l.region(code, name, parent)
	if l.err != nil {
		return nil
	}
	j, err := l.svc.CreateJurisdiction(l.ctx, l.base, org.JurisdictionInput{RegionID: *id})
	if err != nil {
		l.err = fmt.Errorf("demo jurisdiction %s: %w", name, err)
		return nil
	}
	l.in(j)
	return id
}

// office names a jurisdiction's creation office.
func (l *loader) office(jurisdiction int64, unit string) {
	if l.err != nil {
		return
	}
	id, err := l.svc.UnitID(l.ctx, l.actor, unit)
	if err == nil {
		_, err = l.svc.SetJurisdictionOffice(l.ctx, l.base, jurisdiction, id)
	}
	if err != nil {
		l.err = fmt.Errorf("demo office %s: %w", unit, err)
	}
}

func deref(p *int64) int64 {
	if p == nil {
		return 0
	}
	return *p
}

func (l *loader) region(code, name string, parent *int64) *int64 {
	if l.err != nil {
		return nil
	}
	r, err := l.svc.CreateRegion(l.ctx, l.actor, org.RegionInput{Code: code, Name: name, ParentID: parent})
	if err != nil {
		l.err = fmt.Errorf("demo region %s: %w", name, err)
		return nil
	}
	return &r.ID
}

func (l *loader) unit(name, kind, class, parent, regionCode string) {
	if l.err != nil {
		return
	}
	in := org.UnitInput{Name: name, Kind: kind, Class: class}
	if parent != "" {
		id, err := l.svc.UnitID(l.ctx, l.actor, parent)
		if err != nil {
			l.err = fmt.Errorf("demo unit %s parent: %w", name, err)
			return
		}
		in.ParentID = &id
	}
	rid, err := l.svc.RegionID(l.ctx, regionCode)
	if err != nil {
		l.err = fmt.Errorf("demo unit %s region: %w", name, err)
		return
	}
	in.RegionID = &rid
	if _, err := l.svc.CreateUnit(l.ctx, l.actor, in); err != nil {
		l.err = fmt.Errorf("demo unit %s: %w", name, err)
	}
}

// placeholder password: replaced by SetPasswords before anyone can use it.
const placeholder = "Placeholder-Demo-2026"

func (l *loader) account(a Account) {
	if l.err != nil {
		return
	}
	j, err := l.svc.RegionID(l.ctx, a.Jurisdiction)
	if err != nil {
		l.err = fmt.Errorf("demo account %s: %w", a.Username, err)
		return
	}
	unitID, err := l.svc.UnitID(l.ctx, l.base.In(domain.Jurisdiction{ID: j, Code: a.Jurisdiction}), a.Unit)
	if err != nil {
		l.err = fmt.Errorf("demo account %s: %w", a.Username, err)
		return
	}
	in := org.PersonInput{Username: a.Username, RealName: a.RealName, Phone: fmt.Sprintf("139%08d", 9300000+len(a.Username)*1000+int(a.RealName[0])),
		UnitID: unitID, Roles: []domain.Role{a.Role}, ScopeKind: string(a.Scope), Password: placeholder}
	if a.Region != "" {
		rid, err := l.svc.RegionID(l.ctx, a.Region)
		if err != nil {
			l.err = err
			return
		}
		in.ScopeRegionID = &rid
	}
	if _, err := l.svc.CreatePerson(l.ctx, l.accounts, in); err != nil {
		l.err = fmt.Errorf("demo account %s: %w", a.Username, err)
	}
}

// SetPasswords gives every demo account the one demo password, ready to use
// without a forced change.
func SetPasswords(ctx context.Context, svc *org.Service, password string) error {
	actor := domain.System("演示数据", domain.RoleSecurityAdmin)
	for _, a := range Accounts {
		if err := svc.SetPassword(ctx, actor, a.Username, password, false); err != nil {
			return fmt.Errorf("demo account %s: %w", a.Username, err)
		}
	}
	return nil
}

// Names are the demo jurisdictions' names by code.
var Names = map[string]string{CityCode: "白银市", CountyCode: "会宁县", SecondCountyCode: "靖远县"}

// SecondCountyUnits counts the units of 靖远县.
func SecondCountyUnits() int {
	return len(secondDepartments) + len(secondTownships) + len(secondCommunities)
}

// CityUnits counts the city's own departments.
func CityUnits() int { return len(cityUnits) }

// CountyActor is the system acting for 会宁县's office: the demo's plan,
// frameworks, cases and bulletins are the county's, and unit names are
// looked up there (靖远县 has units of the same names).
func CountyActor(ctx context.Context, orgs *org.Service, name string, roles ...domain.Role) (*domain.Actor, error) {
	js, err := orgs.JurisdictionDirectory(ctx)
	if err != nil {
		return nil, err
	}
	j, ok := js.Of(CountyCode)
	if !ok {
		return nil, fmt.Errorf("demo: no jurisdiction holds %s", CountyCode)
	}
	return domain.System(name, roles...).In(j), nil
}

// Townships counts the demo county's townships.
func Townships() int { return len(townships) }

// Units counts the units of 会宁县: departments, townships, communities, a
// school and an enterprise.
func Units() int { return len(departments) + len(townships) + len(communities) + 2 }

// AllUnits counts the units of the whole demo city.
func AllUnits() int {
	return Units() + len(cityUnits) + len(secondDepartments) + len(secondTownships) + len(secondCommunities)
}
