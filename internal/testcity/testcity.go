// Package testcity builds the smallest deployment jurisdictions are tested
// on: a city (白银市) with its own office and two counties under it (会宁县,
// 靖远县), each with its own office. The counties share unit and
// community names on purpose (县文明办, 县住建局, 东关社区): names are unique
// within a jurisdiction only. Every person is signed in through the real
// sign-in, so an actor carries what the server would give it.
package testcity

import (
	"context"
	"testing"
	"time"

	"wenming/internal/auth"
	"wenming/internal/domain"
	"wenming/internal/org"
	"wenming/internal/store"
)

// Password is every test person's password.
const Password = "Wenming!2026test"

// Office is one jurisdiction with its units and people.
type Office struct {
	Name          string
	Jurisdiction  int64 // the region id of the jurisdiction
	Code          string
	Street        int64 // a street region (乡镇) in it; 0 for the city
	Community     int64 // a community region under Street; 0 for the city
	OfficeUnit    int64 // 文明办
	Dept          int64 // 住建局
	Township      int64 // the street's unit; 0 for the city
	Neighbourhood int64 // 东关社区 unit; 0 for the city

	// Each role of the jurisdiction, signed in.
	Staff, OfficeLeader, Leader, Inspector, Liaison, Head, Grid *domain.Actor
}

// City is the deployment: the city office above counties A and B.
type City struct {
	City, A, B *Office
	Org        *org.Service
	Auth       *auth.Service
	// Admin is the deployment's system administrator (whole scope).
	Admin *domain.Actor
}

// Offices lists the three jurisdictions, city first.
func (c *City) Offices() []*Office { return []*Office{c.City, c.A, c.B} }

// New builds the city on db. Areas add their own data with the actors.
func New(t testing.TB, db *store.DB) *City {
	t.Helper()
	b := &builder{t: t, ctx: context.Background(), org: org.NewService(db),
		auth: auth.NewService(db, auth.Policy{LockThreshold: 50, LockDuration: time.Minute, IdleTimeout: time.Hour, MaxAge: 24 * time.Hour * 365})}
	sys := domain.System("测试", domain.RoleSysAdmin)
	b.sys = sys
	city := b.region("620400", "白银市", nil)
	c := &City{Org: b.org, Auth: b.auth}
	c.City = &Office{Name: "白银市", Jurisdiction: city, Code: "620400"}
	c.City.OfficeUnit = b.unit("市文明办", city)
	c.City.Dept = b.unit("市住建局", city)
	b.office(city, c.City.OfficeUnit)
	c.A = b.county("620422", "会宁县", "会师镇", city)
	c.B = b.county("620421", "靖远县", "乌兰镇", city)
	b.people(c.City, "city")
	b.people(c.A, "a")
	b.people(c.B, "b")
	b.person("admin", c.City.OfficeUnit, domain.RoleSysAdmin, domain.ScopeAll, nil)
	c.Admin = b.as("admin")
	return c
}

type builder struct {
	t    testing.TB
	ctx  context.Context
	org  *org.Service
	auth *auth.Service
	sys  *domain.Actor
}

func (b *builder) must(err error) {
	b.t.Helper()
	if err != nil {
		b.t.Fatal(err)
	}
}

func (b *builder) region(code, name string, parent *int64) int64 {
	b.t.Helper()
	r, err := b.org.CreateRegion(b.ctx, b.sys, org.RegionInput{Code: code, Name: name, ParentID: parent})
	b.must(err)
	return r.ID
}

func (b *builder) unit(name string, region int64) int64 {
	b.t.Helper()
	return b.subUnit(name, "department", region, nil)
}

func (b *builder) subUnit(name, kind string, region int64, parent *int64) int64 {
	b.t.Helper()
	u, err := b.org.CreateUnit(b.ctx, b.sys, org.UnitInput{Name: name, Kind: kind, Class: "A", RegionID: &region, ParentID: parent})
	b.must(err)
	return u.ID
}

// county sets up a county under the city, with its office.
func (b *builder) county(code, name, street string, city int64) *Office {
	b.t.Helper()
	o := &Office{Name: name, Code: code}
	o.Jurisdiction = b.region(code, name, &city)
	o.Street = b.region(code+"100", street, &o.Jurisdiction)
	o.Community = b.region(code+"100001", "东关社区", &o.Street)
	_, err := b.org.CreateJurisdiction(b.ctx, b.sys, org.JurisdictionInput{RegionID: o.Jurisdiction})
	b.must(err)
	o.OfficeUnit = b.unit("县文明办", o.Jurisdiction)
	o.Dept = b.unit("县住建局", o.Jurisdiction)
	o.Township = b.subUnit(street, "township", o.Street, nil)
	o.Neighbourhood = b.subUnit("东关社区", "community", o.Community, &o.Township)
	b.office(o.Jurisdiction, o.OfficeUnit)
	return o
}

func (b *builder) office(jurisdiction, unit int64) {
	b.t.Helper()
	_, err := b.org.SetJurisdictionOffice(b.ctx, b.sys, jurisdiction, unit)
	b.must(err)
}

// people gives a jurisdiction one person of each role, prefixed p_.
func (b *builder) people(o *Office, p string) {
	b.t.Helper()
	region := &o.Jurisdiction
	b.person(p+"_staff", o.OfficeUnit, domain.RoleOfficeStaff, domain.ScopeRegion, region)
	b.person(p+"_office_leader", o.OfficeUnit, domain.RoleOfficeLeader, domain.ScopeRegion, region)
	b.person(p+"_leader", o.OfficeUnit, domain.RoleLeader, domain.ScopeRegion, region)
	b.person(p+"_inspector", o.OfficeUnit, domain.RoleInspector, domain.ScopeRegion, region)
	b.person(p+"_liaison", o.Dept, domain.RoleUnitLiaison, domain.ScopeUnit, nil)
	b.person(p+"_head", o.Dept, domain.RoleUnitHead, domain.ScopeUnit, nil)
	grid := o.Neighbourhood
	if grid == 0 {
		grid = o.Dept
	}
	b.person(p+"_grid", grid, domain.RoleGridWorker, domain.ScopeUnit, nil)
	o.Staff, o.OfficeLeader, o.Leader, o.Inspector = b.as(p+"_staff"), b.as(p+"_office_leader"), b.as(p+"_leader"), b.as(p+"_inspector")
	o.Liaison, o.Head, o.Grid = b.as(p+"_liaison"), b.as(p+"_head"), b.as(p+"_grid")
}

func (b *builder) person(username string, unit int64, role domain.Role, scope domain.ScopeKind, region *int64) {
	b.t.Helper()
	sec := domain.System("测试", domain.RoleSecurityAdmin)
	_, err := b.org.CreatePerson(b.ctx, sec, org.PersonInput{Username: username, RealName: username, UnitID: unit,
		Roles: []domain.Role{role}, ScopeKind: string(scope), ScopeRegionID: region, Password: Password})
	b.must(err)
	b.must(b.org.SetPassword(b.ctx, sec, username, Password, false))
}

// as signs a person in and returns the actor the server would build.
func (b *builder) as(username string) *domain.Actor {
	b.t.Helper()
	token, err := b.auth.Login(b.ctx, username, Password, auth.Client{})
	b.must(err)
	a, _, err := b.auth.Authenticate(b.ctx, token, auth.Client{})
	b.must(err)
	return a
}

// Roles lists a jurisdiction's actors by a name for test tables.
func (o *Office) Roles() map[string]*domain.Actor {
	return map[string]*domain.Actor{"staff": o.Staff, "office_leader": o.OfficeLeader, "leader": o.Leader,
		"inspector": o.Inspector, "liaison": o.Liaison, "head": o.Head, "grid": o.Grid}
}

// Person adds a signed-in person of one role to a unit of the city, for a
// test that needs one more (a community's liaison, a second leader).
func (c *City) Person(t testing.TB, username string, unit int64, role domain.Role, scope domain.ScopeKind, region *int64) *domain.Actor {
	t.Helper()
	b := &builder{t: t, ctx: context.Background(), org: c.Org, auth: c.Auth, sys: domain.System("测试", domain.RoleSysAdmin)}
	b.person(username, unit, role, scope, region)
	return b.as(username)
}
