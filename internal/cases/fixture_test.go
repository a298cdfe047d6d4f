package cases_test

import (
	"bytes"
	"context"
	"image"
	"image/color"
	"image/png"
	"testing"
	"time"

	"wenming/internal/auth"
	"wenming/internal/blob"
	"wenming/internal/cases"
	"wenming/internal/domain"
	"wenming/internal/files"
	"wenming/internal/org"
	"wenming/internal/store"
)

const password = "Wenming!2026test"

// world is a small county: an office, two units (A with a sub-unit, B),
// people in each, a category catalogue and a holiday week.
type world struct {
	t        *testing.T
	ctx      context.Context
	db       *store.DB
	org      *org.Service
	auth     *auth.Service
	files    *files.Service
	cases    *cases.Service
	now      time.Time
	county   int64
	streetA  int64
	streetB  int64
	office   int64
	unitA    int64
	subA     int64
	unitB    int64
	garbage  cases.Category // 乱扔垃圾: 4 working hours
	facility cases.Category // 设施破损: 2 working days
}

func newWorld(t *testing.T, db *store.DB) *world {
	t.Helper()
	w := &world{t: t, ctx: context.Background(), db: db, org: org.NewService(db),
		now: time.Date(2026, 9, 29, 15, 0, 0, 0, domain.Beijing)}
	db.SetClock(func() time.Time { return w.now })
	w.auth = auth.NewService(db, auth.Policy{LockThreshold: 5, LockDuration: time.Minute, IdleTimeout: time.Hour, MaxAge: 24 * time.Hour * 365})
	blobs, err := blob.NewDisk(t.TempDir())
	w.must(err)
	w.files = files.NewService(db, blobs)
	t.Cleanup(w.files.WaitCopies)
	w.cases = cases.NewService(db, w.org, w.files)
	sys := domain.System("测试", domain.RoleSysAdmin)
	region := func(code, name string, parent *int64) int64 {
		r, err := w.org.CreateRegion(w.ctx, sys, org.RegionInput{Code: code, Name: name, ParentID: parent})
		w.must(err)
		return r.ID
	}
	w.county = region("620422", "会宁县", nil)
	w.streetA = region("620422100", "会师镇", &w.county)
	w.streetB = region("620422101", "郭城驿镇", &w.county)
	unit := func(name string, parent *int64, region int64) int64 {
		u, err := w.org.CreateUnit(w.ctx, sys, org.UnitInput{Name: name, Kind: "department", Class: "A", ParentID: parent, RegionID: &region})
		w.must(err)
		return u.ID
	}
	w.office = unit("县文明办", nil, w.county)
	w.unitA = unit("县住建局", nil, w.streetA)
	w.subA = unit("县环卫所", &w.unitA, w.streetA)
	w.unitB = unit("县市场监管局", nil, w.streetB)
	person := func(username string, unit int64, role domain.Role, scope domain.ScopeKind, region *int64) {
		_, err := w.org.CreatePerson(w.ctx, domain.System("测试", domain.RoleSecurityAdmin), org.PersonInput{Username: username, RealName: username, UnitID: unit,
			Roles: []domain.Role{role}, ScopeKind: string(scope), ScopeRegionID: region, Password: password})
		w.must(err)
		w.must(w.org.SetPassword(w.ctx, domain.System("测试", domain.RoleSecurityAdmin), username, password, false))
	}
	person("staff", w.office, domain.RoleOfficeStaff, domain.ScopeRegion, &w.county)
	person("inspector", w.office, domain.RoleInspector, domain.ScopeRegion, &w.county)
	person("leader", w.office, domain.RoleLeader, domain.ScopeRegion, &w.county)
	person("a_liaison", w.unitA, domain.RoleUnitLiaison, domain.ScopeUnit, nil)
	person("a_head", w.unitA, domain.RoleUnitHead, domain.ScopeUnit, nil)
	person("sub_liaison", w.subA, domain.RoleUnitLiaison, domain.ScopeUnit, nil)
	person("b_liaison", w.unitB, domain.RoleUnitLiaison, domain.ScopeUnit, nil)
	person("grid", w.subA, domain.RoleGridWorker, domain.ScopeUnit, nil)
	person("sysadmin", w.office, domain.RoleSysAdmin, domain.ScopeAll, nil)

	staff := w.as("staff")
	cat := func(code, name string, parent *int64, value int, unitOf string, def *int64) cases.Category {
		k, err := w.cases.CreateCategory(w.ctx, staff, cases.CategoryInput{Code: code, Name: name, ParentID: parent, Kind: "campaign", LimitValue: value, LimitUnit: unitOf, DefaultUnitID: def})
		w.must(err)
		return k
	}
	top := cat("90", "市容环境", nil, 1, "day", nil)
	w.garbage = cat("9001", "乱扔垃圾", &top.ID, 4, "hour", &w.subA)
	w.facility = cat("9002", "设施破损", &top.ID, 2, "day", &w.unitA)
	_, err = w.cases.UpdateSettings(w.ctx, staff, cases.Settings{Bounds: cases.Bounds{MinLat: 35.4, MinLng: 104.5, MaxLat: 36.5, MaxLng: 105.6},
		DuplicateRadiusMeters: 100, DuplicateWindowHours: 72, RemindAtPercent: 75, ReopenDays: 7, WorkStart: "09:00", WorkEnd: "17:00"})
	w.must(err)
	// National Day 2026: 1–7 October off, Saturday 10 October worked in exchange.
	for d := 1; d <= 7; d++ {
		_, err := w.cases.SetCalendarDay(w.ctx, staff, time.Date(2026, 10, d, 0, 0, 0, 0, time.UTC).Format(time.DateOnly), cases.CalendarDay{Kind: "holiday", Name: "国庆节"})
		w.must(err)
	}
	_, err = w.cases.SetCalendarDay(w.ctx, staff, "2026-10-10", cases.CalendarDay{Kind: "workday", Name: "国庆调休"})
	w.must(err)
	return w
}

func (w *world) must(err error) {
	w.t.Helper()
	if err != nil {
		w.t.Fatal(err)
	}
}

// as signs a person in and returns the actor the server would build.
func (w *world) as(username string) *domain.Actor {
	w.t.Helper()
	token, err := w.auth.Login(w.ctx, username, password, auth.Client{})
	w.must(err)
	a, _, err := w.auth.Authenticate(w.ctx, token, auth.Client{})
	w.must(err)
	return a
}

// at moves the clock to a Beijing time.
func (w *world) at(month time.Month, day, hour, minute int) {
	w.now = time.Date(2026, month, day, hour, minute, 0, 0, domain.Beijing)
}

// photo uploads a real PNG as the actor.
func (w *world) photo(a *domain.Actor) int64 {
	w.t.Helper()
	f, err := w.files.Upload(w.ctx, a, "现场.png", bytes.NewReader(pngBytes(400, 300)))
	w.must(err)
	return f.ID
}

func pngBytes(width, height int) []byte {
	img := image.NewRGBA(image.Rect(0, 0, width, height))
	for x := range width {
		for y := range height {
			img.Set(x, y, color.RGBA{uint8(x), uint8(y), 120, 255})
		}
	}
	var buf bytes.Buffer
	png.Encode(&buf, img)
	return buf.Bytes()
}

func ptr[T any](v T) *T { return &v }

// snap reports a garbage problem at the county seat as a grid worker.
func (w *world) snap(key string, cat cases.Category) cases.CaseDetail {
	w.t.Helper()
	grid := w.as("grid")
	d, created, err := w.cases.Intake(w.ctx, grid, cases.IntakeInput{ClientKey: key, Source: "cadre_snap", CategoryID: cat.ID,
		Description: "人民广场东侧垃圾堆积", Address: "会师镇人民广场", Lat: ptr(35.6934), Lng: ptr(105.0531), RegionID: &w.streetA, FileIDs: []int64{w.photo(grid)}})
	w.must(err)
	if !created {
		w.t.Fatalf("snap %s was not created", key)
	}
	return d
}

func kinds(d cases.CaseDetail) []string {
	var out []string
	for _, e := range d.Timeline {
		out = append(out, string(e.Kind))
	}
	return out
}

func wantCode(t *testing.T, err error, code domain.Code, field string) {
	t.Helper()
	de, ok := domain.AsError(err)
	if !ok || de.Code != code || (field != "" && de.Field != field) {
		t.Fatalf("want %s on %q, got %v", code, field, err)
	}
	for _, r := range de.Message {
		if r >= 0x4e00 && r <= 0x9fff {
			return
		}
	}
	t.Fatalf("message %q is not Chinese", de.Message)
}

func bytesReader(b []byte) *bytes.Reader { return bytes.NewReader(b) }
