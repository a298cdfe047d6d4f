package framework_test

import (
	"bytes"
	"context"
	"testing"
	"time"

	"wenming/internal/app"
	"wenming/internal/auth"
	"wenming/internal/blob"
	"wenming/internal/domain"
	"wenming/internal/framework"
	"wenming/internal/org"
	"wenming/internal/store"
	"wenming/internal/testbook"
)

const password = "Wenming!2026test"

// world is a small county: the office, 县住建局 with 县环卫所 below it, and
// 县市场监管局 in another town; an office clerk, each unit's liaison, a grid
// worker and the audit admin.
type world struct {
	t      *testing.T
	ctx    context.Context
	db     *store.DB
	svc    *app.Services
	fw     *framework.Service
	now    time.Time
	county int64
	office int64
	unitA  int64 // 县住建局
	subA   int64 // 县环卫所
	unitB  int64 // 县市场监管局
	signed map[string]*domain.Actor
}

// system is the program acting with one role, as the command line does.
func system(role domain.Role) *domain.Actor {
	return &domain.Actor{Username: "system", RealName: "测试", Scope: domain.ScopeAll, Roles: []domain.Role{role}}
}

func newWorld(t *testing.T, db *store.DB) *world {
	t.Helper()
	w := &world{t: t, ctx: context.Background(), db: db, now: time.Date(2026, 3, 2, 9, 0, 0, 0, domain.Beijing),
		signed: map[string]*domain.Actor{}}
	db.SetClock(func() time.Time { return w.now })
	blobs, err := blob.NewDisk(t.TempDir())
	w.must(err)
	w.svc = app.NewServices(db, app.Options{Blobs: blobs,
		Auth: auth.Policy{LockThreshold: 5, LockDuration: time.Minute, IdleTimeout: time.Hour, MaxAge: 24 * time.Hour}})
	t.Cleanup(w.svc.Files.WaitCopies)
	w.fw = w.svc.Framework
	admin := system(domain.RoleSysAdmin)
	region := func(code, name string, parent *int64) int64 {
		r, err := w.svc.Org.CreateRegion(w.ctx, admin, org.RegionInput{Code: code, Name: name, ParentID: parent})
		w.must(err)
		return r.ID
	}
	w.county = region("620422", "会宁县", nil)
	streetA := region("620422100", "会师镇", &w.county)
	streetB := region("620422101", "郭城驿镇", &w.county)
	unit := func(name string, parent *int64, region int64) int64 {
		u, err := w.svc.Org.CreateUnit(w.ctx, admin, org.UnitInput{Name: name, Kind: "department", Class: "A", ParentID: parent, RegionID: &region})
		w.must(err)
		return u.ID
	}
	w.office = unit("县文明办", nil, w.county)
	w.unitA = unit("县住建局", nil, streetA)
	w.subA = unit("县环卫所", &w.unitA, streetA)
	w.unitB = unit("县市场监管局", nil, streetB)
	w.person("staff", "王科员", w.office, domain.RoleOfficeStaff, domain.ScopeRegion, &w.county)
	w.person("a_liaison", "住建联络员", w.unitA, domain.RoleUnitLiaison, domain.ScopeUnit, nil)
	w.person("sub_liaison", "环卫联络员", w.subA, domain.RoleUnitLiaison, domain.ScopeUnit, nil)
	w.person("b_liaison", "市场联络员", w.unitB, domain.RoleUnitLiaison, domain.ScopeUnit, nil)
	w.person("grid", "网格员", w.subA, domain.RoleGridWorker, domain.ScopeUnit, nil)
	w.person("auditor", "审计员", w.office, domain.RoleAuditAdmin, domain.ScopeAll, nil)
	return w
}

func (w *world) person(username, name string, unit int64, role domain.Role, scope domain.ScopeKind, region *int64) {
	w.t.Helper()
	sec := system(domain.RoleSecurityAdmin)
	_, err := w.svc.Org.CreatePerson(w.ctx, sec, org.PersonInput{Username: username, RealName: name, UnitID: unit,
		Roles: []domain.Role{role}, ScopeKind: string(scope), ScopeRegionID: region, Password: password})
	w.must(err)
	w.must(w.svc.Org.SetPassword(w.ctx, sec, username, password, false))
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

// sheets is a framework workbook's rows by sheet: a small part of the
// county's framework, 100 basic and 20 special points.
func sheets() map[string][][]any {
	return map[string][][]any{
		"框架": {{"键", "值"}, {"名称", "全国文明城市测评体系（会宁县）"}, {"类型", "主体系"}, {"基本指标总分", 100}, {"特色指标总分", 20}},
		"指标": {{"编码", "层级", "名称", "部分", "分值", "计分方式"},
			{"10", "测评项目", "城乡环境", "基本", 100, ""},
			{"10.1", "测评指标", "“洗脸”行动", "", "", ""},
			{"10.1.1", "测评内容", "城市公共场所环境卫生", "", 60, "得分率"},
			{"10.3", "测评指标", "“强基”行动", "", "", ""},
			{"10.3.3", "测评内容", "公厕、无障碍与母婴设施", "", 40, "得分率"},
			{"12", "测评项目", "特色指标", "特色", "", ""},
			{"12.2", "测评指标", "打造“六个最有”城市品牌", "", "", ""},
			{"12.2.1", "测评内容", "最有礼仪", "", 20, "等级"}},
		"测评标准": {{"标准编码", "测评内容编码", "标准内容", "测评方法", "数据指标", "比较符", "目标值", "目标值2", "计量单位", "牵头单位", "责任单位", "适用点位类别"},
			{"10.1.1.1", "10.1.1", "城市公共场所无积存垃圾、纸屑、烟蒂、污物现象", "实地考察", "", "", "", "", "", "县住建局", "县环卫所", "主次干道、背街小巷"},
			{"10.1.1.2", "10.1.1", "无乱张贴乱涂写乱刻画现象，城区小广告全面清除", "实地考察", "", "", "", "", "", "县住建局", "", "公交站点"},
			{"10.3.3.1", "10.3.3", "推进厕所革命，执行建成区公共卫生间设置密度≥4座/平方公里标准", "数据统计", "建成区公共卫生间设置密度", "≥", 4, "", "座/平方公里", "县住建局", "县市场监管局", ""},
			{"12.2.1.1", "12.2.1", "开展“文明有礼会宁人”十大行动", "材料审核", "", "", "", "", "", "县文明办", "", ""}},
		"负面清单": {{"编码", "事项", "处理方式", "扣分", "扣分内容编码"},
			{"1", "发生重大及以上安全生产责任事故，造成恶劣社会影响", "一票否决", "", ""},
			{"2", "媒体曝光城区脏乱差问题", "扣分", 2, "10.1.1"}},
	}
}

// book writes a workbook; edit may spoil it first.
func book(t *testing.T, edit func(map[string][][]any)) *bytes.Reader {
	t.Helper()
	s := sheets()
	if edit != nil {
		edit(s)
	}
	return testbook.Sheets(t, []string{"框架", "指标", "测评标准", "负面清单"}, s)
}

// imported imports the workbook as the office clerk.
func (w *world) imported() domain.Framework {
	w.t.Helper()
	f, err := w.fw.Import(w.ctx, w.as("staff"), book(w.t, nil))
	w.must(err)
	return f
}

// tree reads a version, failing the test on error.
func (w *world) tree(id int64) framework.Tree {
	w.t.Helper()
	tr, err := w.fw.Tree(w.ctx, w.as("staff"), id)
	w.must(err)
	return tr
}

func nodeOf(t *testing.T, tr framework.Tree, code string) domain.Node {
	t.Helper()
	for _, n := range tr.Nodes {
		if n.Code == code {
			return n
		}
	}
	t.Fatalf("no node %s", code)
	return domain.Node{}
}

func standardOf(t *testing.T, tr framework.Tree, code string) domain.Standard {
	t.Helper()
	for _, s := range tr.Standards {
		if s.Code == code {
			return s
		}
	}
	t.Fatalf("no standard %s", code)
	return domain.Standard{}
}

// wantCode checks that err is a domain error of the code, on the field
// when one is named, with a message in Chinese.
func wantCode(t *testing.T, err error, code domain.Code, field string) {
	t.Helper()
	de, ok := domain.AsError(err)
	if !ok || de.Code != code || (field != "" && de.Field != field) {
		t.Fatalf("want %s on %q, got %v", code, field, err)
	}
	if !chinese(de.Message) {
		t.Fatalf("message %q is not Chinese", de.Message)
	}
}

func chinese(s string) bool {
	for _, r := range s {
		if r >= 0x4e00 && r <= 0x9fff {
			return true
		}
	}
	return false
}

func ptr[T any](v T) *T { return &v }
