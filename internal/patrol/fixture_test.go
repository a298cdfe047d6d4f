package patrol_test

import (
	"bytes"
	"context"
	"image"
	"image/color"
	"image/png"
	"testing"
	"time"

	"wenming/internal/app"
	"wenming/internal/auth"
	"wenming/internal/blob"
	"wenming/internal/cases"
	"wenming/internal/domain"
	"wenming/internal/org"
	"wenming/internal/patrol"
	"wenming/internal/store"
	"wenming/internal/testbook"
)

const password = "Wenming!2026test"

// world is a small county: the office, 县住建局 (with 县环卫所 below it) in
// 会师镇 and 县市场监管局 in 郭城驿镇; office clerks for the county and for
// 会师镇, an inspector, a grid worker of 县环卫所 and the units' liaisons;
// a case catalogue. The framework and the checklists come with stocked().
type world struct {
	t               *testing.T
	ctx             context.Context
	db              *store.DB
	svc             *app.Services
	patrol          *patrol.Service
	now             time.Time
	county          int64
	streetA         int64
	streetB         int64
	office          int64
	unitA           int64          // 县住建局
	subA            int64          // 县环卫所
	unitB           int64          // 县市场监管局
	ads             cases.Category // 小广告
	litter          cases.Category // 暴露垃圾
	parking         cases.Category // 占道停放
	signed          map[string]*domain.Actor
	bus, market     patrol.Category
	square, road    patrol.Point // 人民广场公交站 (县住建局), 会师路公交站 (县环卫所)
	marketPoint     patrol.Point // 西关农贸市场 (县市场监管局)
	busAds, busJunk int64        // the bus stops' first two checks
	busParking      int64
}

// system is the program acting with one role, as the command line does.
func system(role domain.Role) *domain.Actor {
	return &domain.Actor{Username: "system", RealName: "测试", Scope: domain.ScopeAll, Roles: []domain.Role{role}}
}

func newWorld(t *testing.T, db *store.DB) *world {
	t.Helper()
	w := &world{t: t, ctx: context.Background(), db: db, now: time.Date(2026, 4, 8, 10, 0, 0, 0, domain.Beijing), signed: map[string]*domain.Actor{}}
	db.SetClock(func() time.Time { return w.now })
	blobs, err := blob.NewDisk(t.TempDir())
	w.must(err)
	w.svc = app.NewServices(db, app.Options{Blobs: blobs,
		Auth: auth.Policy{LockThreshold: 5, LockDuration: time.Minute, IdleTimeout: time.Hour, MaxAge: 24 * time.Hour}})
	t.Cleanup(w.svc.Files.WaitCopies)
	w.patrol = w.svc.Patrol
	admin := system(domain.RoleSysAdmin)
	region := func(code, name string, parent *int64) int64 {
		r, err := w.svc.Org.CreateRegion(w.ctx, admin, org.RegionInput{Code: code, Name: name, ParentID: parent})
		w.must(err)
		return r.ID
	}
	w.county = region("620422", "会宁县", nil)
	w.streetA = region("620422100", "会师镇", &w.county)
	w.streetB = region("620422101", "郭城驿镇", &w.county)
	unit := func(name string, parent *int64, region int64) int64 {
		u, err := w.svc.Org.CreateUnit(w.ctx, admin, org.UnitInput{Name: name, Kind: "department", Class: "A", ParentID: parent, RegionID: &region})
		w.must(err)
		return u.ID
	}
	w.office = unit("县文明办", nil, w.county)
	w.unitA = unit("县住建局", nil, w.streetA)
	w.subA = unit("县环卫所", &w.unitA, w.streetA)
	w.unitB = unit("县市场监管局", nil, w.streetB)
	sec := system(domain.RoleSecurityAdmin)
	person := func(username, name string, unit int64, role domain.Role, scope domain.ScopeKind, region *int64) {
		_, err := w.svc.Org.CreatePerson(w.ctx, sec, org.PersonInput{Username: username, RealName: name, UnitID: unit,
			Roles: []domain.Role{role}, ScopeKind: string(scope), ScopeRegionID: region, Password: password})
		w.must(err)
		w.must(w.svc.Org.SetPassword(w.ctx, sec, username, password, false))
	}
	person("staff", "王科员", w.office, domain.RoleOfficeStaff, domain.ScopeRegion, &w.county)
	person("town_staff", "会师镇专干", w.office, domain.RoleOfficeStaff, domain.ScopeRegion, &w.streetA)
	person("inspector", "李督查", w.office, domain.RoleInspector, domain.ScopeRegion, &w.county)
	person("grid", "张网格", w.subA, domain.RoleGridWorker, domain.ScopeUnit, nil)
	person("a_liaison", "住建联络员", w.unitA, domain.RoleUnitLiaison, domain.ScopeUnit, nil)
	person("b_liaison", "市场联络员", w.unitB, domain.RoleUnitLiaison, domain.ScopeUnit, nil)

	staff := w.as("staff")
	cat := func(code, name string, parent *int64, value int, unitOf string) cases.Category {
		k, err := w.svc.Cases.CreateCategory(w.ctx, staff, cases.CategoryInput{Code: code, Name: name, ParentID: parent, Kind: "campaign", LimitValue: value, LimitUnit: unitOf})
		w.must(err)
		return k
	}
	top := cat("21", "市容环境", nil, 1, "day")
	w.ads = cat("2102", "小广告", &top.ID, 8, "hour")
	w.litter = cat("2107", "暴露垃圾", &top.ID, 4, "hour")
	w.parking = cat("2110", "占道停放", &top.ID, 1, "day")
	return w
}

// stocked imports the framework, sets up the bus stops' and the market's
// checklists and three points.
func (w *world) stocked() *world {
	w.t.Helper()
	staff := w.as("staff")
	_, err := w.svc.Framework.Import(w.ctx, staff, frameworkBook(w.t))
	w.must(err)
	w.bus = w.category("公交站点", "城区公交站台、站亭及候车区域", []patrol.CheckInput{
		{Text: "站亭、站牌无乱张贴、乱涂写、乱刻画", Severity: "minor", CaseCategoryID: w.ads.ID, StandardCodes: []string{"10.1.1.2"}},
		{Text: "站台周边无垃圾、烟蒂，垃圾箱完好", Severity: "minor", CaseCategoryID: w.litter.ID, StandardCodes: []string{"10.1.1.1"}},
		{Text: "站台无车辆占用停放、无摊贩占道", Severity: "major", CaseCategoryID: w.parking.ID, StandardCodes: []string{"10.2.1.1"}},
	})
	w.busAds, w.busJunk, w.busParking = w.bus.Checks[0].ID, w.bus.Checks[1].ID, w.bus.Checks[2].ID
	w.market = w.category("农贸市场", "农贸市场、集贸市场及周边流动交易点", []patrol.CheckInput{
		{Text: "市场内地面干净，无污水横流、无积存垃圾", Severity: "major", CaseCategoryID: w.litter.ID, StandardCodes: []string{"10.1.1.1"}},
	})
	w.square = w.point(patrol.PointInput{Code: "GJ-001", Name: "人民广场公交站", CategoryID: w.bus.ID, Lat: 35.6934, Lng: 105.0531,
		Address: "会师镇人民广场东侧", RegionID: &w.streetA, UnitID: w.unitA, ChiefName: "赵站长", ChiefPhone: "13800001234"})
	w.road = w.point(patrol.PointInput{Code: "GJ-002", Name: "会师路公交站", CategoryID: w.bus.ID, Lat: 35.7001, Lng: 105.0602,
		Address: "会师镇会师路", RegionID: &w.streetA, UnitID: w.subA})
	w.marketPoint = w.point(patrol.PointInput{Code: "NM-001", Name: "西关农贸市场", CategoryID: w.market.ID, Lat: 35.6502, Lng: 105.0301,
		Address: "郭城驿镇西关街", RegionID: &w.streetB, UnitID: w.unitB})
	return w
}

func (w *world) category(name, description string, checks []patrol.CheckInput) patrol.Category {
	w.t.Helper()
	staff := w.as("staff")
	k, err := w.patrol.CreateCategory(w.ctx, staff, patrol.CategoryInput{Name: name, Description: description})
	w.must(err)
	k, err = w.patrol.SetChecks(w.ctx, staff, k.ID, patrol.ChecklistInput{Checks: checks})
	w.must(err)
	return k
}

func (w *world) point(in patrol.PointInput) patrol.Point {
	w.t.Helper()
	p, err := w.patrol.CreatePoint(w.ctx, w.as("staff"), in)
	w.must(err)
	return p
}

// frameworkBook is a framework of three standards a bus stop is judged by.
func frameworkBook(t *testing.T) *bytes.Reader {
	t.Helper()
	sheets := map[string][][]any{
		"框架": {{"键", "值"}, {"名称", "全国文明城市测评体系（会宁县）"}, {"类型", "主体系"}, {"基本指标总分", 100}, {"特色指标总分", 0}},
		"指标": {{"编码", "层级", "名称", "部分", "分值", "计分方式"},
			{"10", "测评项目", "城乡环境", "基本", "", ""},
			{"10.1", "测评指标", "“洗脸”行动", "", "", ""}, {"10.1.1", "测评内容", "城市公共场所环境卫生", "", 60, ""},
			{"10.2", "测评指标", "“整序”行动", "", "", ""}, {"10.2.1", "测评内容", "交通秩序", "", 40, ""}},
		"测评标准": {{"标准编码", "测评内容编码", "标准内容", "测评方法", "数据指标", "比较符", "目标值", "目标值2", "计量单位", "牵头单位", "责任单位", "适用点位类别"},
			{"10.1.1.1", "10.1.1", "城市公共场所无积存垃圾、纸屑、烟蒂、污物现象", "实地考察", "", "", "", "", "", "县住建局", "", "公交站点、农贸市场"},
			{"10.1.1.2", "10.1.1", "无乱张贴乱涂写乱刻画现象，城区小广告全面清除", "实地考察", "", "", "", "", "", "县住建局", "", "公交站点"},
			{"10.2.1.1", "10.2.1", "机动车停放有序，无占道停放", "实地考察", "", "", "", "", "", "县住建局", "", "公交站点"}},
		"负面清单": {{"编码", "事项", "处理方式", "扣分", "扣分内容编码"}},
	}
	return testbook.Sheets(t, []string{"框架", "指标", "测评标准", "负面清单"}, sheets)
}

func (w *world) must(err error) {
	w.t.Helper()
	if err != nil {
		w.t.Fatal(err)
	}
}

// as signs a person in (once) and returns the actor the server would build.
func (w *world) as(username string) *domain.Actor {
	w.t.Helper()
	if a, ok := w.signed[username]; ok {
		return a
	}
	token, err := w.svc.Auth.Login(w.ctx, username, password, auth.Client{})
	w.must(err)
	a, _, err := w.svc.Auth.Authenticate(w.ctx, token, auth.Client{})
	w.must(err)
	w.signed[username] = a
	return a
}

// photo uploads a real PNG as the actor.
func (w *world) photo(a *domain.Actor) int64 {
	w.t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, 240, 200))
	for x := range 240 {
		for y := range 200 {
			img.Set(x, y, color.RGBA{uint8(x), uint8(y), 90, 255})
		}
	}
	var buf bytes.Buffer
	w.must(png.Encode(&buf, img))
	f, err := w.svc.Files.Upload(w.ctx, a, "现场.png", &buf)
	w.must(err)
	return f.ID
}

// judged answers every check of the bus stops: the ones named in fail
// fail with a fresh photo of the actor's, the rest pass.
func (w *world) judged(a *domain.Actor, fail ...int64) []patrol.ResultInput {
	w.t.Helper()
	var out []patrol.ResultInput
	for _, ch := range []int64{w.busAds, w.busJunk, w.busParking} {
		r := patrol.ResultInput{CheckID: ch, Result: "pass"}
		for _, f := range fail {
			if f == ch {
				r.Result, r.Note, r.FileIDs = "fail", "站牌背面贴满小广告", []int64{w.photo(a)}
			}
		}
		out = append(out, r)
	}
	return out
}

// north is a point the given metres north of another.
func north(lat, lng, metres float64) (*float64, *float64) {
	la, ln := lat+metres/111195, lng
	return &la, &ln
}

// wantCode checks that err is a domain error of the code, on the field
// when one is named, with a message in Chinese.
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

func ptr[T any](v T) *T { return &v }

// regionCode is the code of a jurisdiction's region.
func (w *world) regionCode(t *testing.T, jurisdiction int64) string {
	t.Helper()
	var code string
	if err := w.db.Read().Get(w.ctx, "辖区", `SELECT code FROM regions WHERE id = ?`, []any{jurisdiction}, &code); err != nil {
		t.Fatal(err)
	}
	return code
}
