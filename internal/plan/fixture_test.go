package plan_test

import (
	"bytes"
	"context"
	"testing"
	"time"

	"wenming/internal/app"
	"wenming/internal/auth"
	"wenming/internal/blob"
	"wenming/internal/domain"
	"wenming/internal/org"
	"wenming/internal/plan"
	"wenming/internal/store"
	"wenming/internal/testbook"
)

const password = "Wenming!2026test"

// world is a small county: the office, 县住建局 with 县环卫所 below it, and
// 县市场监管局 in another town; an office clerk, the units' liaisons, a
// grid worker and the audit admin; a framework in which 县住建局 leads one
// standard and shares another led by 县市场监管局.
type world struct {
	t      *testing.T
	ctx    context.Context
	db     *store.DB
	svc    *app.Services
	plans  *plan.Service
	now    time.Time
	office int64
	unitA  int64 // 县住建局
	subA   int64 // 县环卫所
	unitB  int64 // 县市场监管局
	fwID   int64
	signed map[string]*domain.Actor
}

// system is the program acting with one role, as the command line does.
func system(role domain.Role) *domain.Actor {
	return &domain.Actor{Username: "system", RealName: "测试", Scope: domain.ScopeAll, Roles: []domain.Role{role}}
}

func newWorld(t *testing.T, db *store.DB) *world {
	t.Helper()
	w := &world{t: t, ctx: context.Background(), db: db, now: time.Date(2026, 6, 15, 9, 0, 0, 0, domain.Beijing), signed: map[string]*domain.Actor{}}
	db.SetClock(func() time.Time { return w.now })
	blobs, err := blob.NewDisk(t.TempDir())
	w.must(err)
	w.svc = app.NewServices(db, app.Options{Blobs: blobs,
		Auth: auth.Policy{LockThreshold: 5, LockDuration: time.Minute, IdleTimeout: time.Hour, MaxAge: 24 * time.Hour}})
	t.Cleanup(w.svc.Files.WaitCopies)
	w.plans = w.svc.Plan
	admin := system(domain.RoleSysAdmin)
	region := func(code, name string, parent *int64) int64 {
		r, err := w.svc.Org.CreateRegion(w.ctx, admin, org.RegionInput{Code: code, Name: name, ParentID: parent})
		w.must(err)
		return r.ID
	}
	county := region("620422", "会宁县", nil)
	streetA := region("620422100", "会师镇", &county)
	streetB := region("620422101", "郭城驿镇", &county)
	unit := func(name string, parent *int64, region int64) int64 {
		u, err := w.svc.Org.CreateUnit(w.ctx, admin, org.UnitInput{Name: name, Kind: "department", Class: "A", ParentID: parent, RegionID: &region})
		w.must(err)
		return u.ID
	}
	w.office = unit("县文明办", nil, county)
	w.unitA = unit("县住建局", nil, streetA)
	w.subA = unit("县环卫所", &w.unitA, streetA)
	w.unitB = unit("县市场监管局", nil, streetB)
	sec := system(domain.RoleSecurityAdmin)
	person := func(username, name string, unit int64, role domain.Role, scope domain.ScopeKind, region *int64) {
		_, err := w.svc.Org.CreatePerson(w.ctx, sec, org.PersonInput{Username: username, RealName: name, UnitID: unit,
			Roles: []domain.Role{role}, ScopeKind: string(scope), ScopeRegionID: region, Password: password})
		w.must(err)
		w.must(w.svc.Org.SetPassword(w.ctx, sec, username, password, false))
	}
	person("staff", "王科员", w.office, domain.RoleOfficeStaff, domain.ScopeRegion, &county)
	person("a_liaison", "住建联络员", w.unitA, domain.RoleUnitLiaison, domain.ScopeUnit, nil)
	person("a_head", "住建局长", w.unitA, domain.RoleUnitHead, domain.ScopeUnit, nil)
	person("sub_liaison", "环卫联络员", w.subA, domain.RoleUnitLiaison, domain.ScopeUnit, nil)
	person("b_liaison", "市场联络员", w.unitB, domain.RoleUnitLiaison, domain.ScopeUnit, nil)
	person("grid", "网格员", w.subA, domain.RoleGridWorker, domain.ScopeUnit, nil)
	person("auditor", "审计员", w.office, domain.RoleAuditAdmin, domain.ScopeAll, nil)

	f, err := w.svc.Framework.Import(w.ctx, w.as("staff"), frameworkBook(t))
	w.must(err)
	w.fwID = f.ID
	return w
}

// frameworkBook is a framework of one content and two standards.
func frameworkBook(t *testing.T) *bytes.Reader {
	t.Helper()
	sheets := map[string][][]any{
		"框架": {{"键", "值"}, {"名称", "全国文明城市测评体系（会宁县）"}, {"类型", "主体系"}, {"基本指标总分", 100}, {"特色指标总分", 0}},
		"指标": {{"编码", "层级", "名称", "部分", "分值", "计分方式"},
			{"10", "测评项目", "城乡环境", "基本", "", ""}, {"10.1", "测评指标", "“洗脸”行动", "", "", ""},
			{"10.1.1", "测评内容", "城市公共场所环境卫生", "", 100, ""}},
		"测评标准": {{"标准编码", "测评内容编码", "标准内容", "测评方法", "数据指标", "比较符", "目标值", "目标值2", "计量单位", "牵头单位", "责任单位", "适用点位类别"},
			{"10.1.1.1", "10.1.1", "城市公共场所无积存垃圾、纸屑、烟蒂、污物现象", "实地考察", "", "", "", "", "", "县住建局", "县环卫所", ""},
			{"10.1.1.2", "10.1.1", "规范马路市场、流动商贩，标准化市场达到80%以上", "实地考察", "", "", "", "", "", "县市场监管局", "县住建局", ""}},
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

// at moves the clock to a Beijing time of 2026.
func (w *world) at(month time.Month, day, hour, minute int) {
	w.now = time.Date(2026, month, day, hour, minute, 0, 0, domain.Beijing)
}

// newPlan opens the 2026 plan on the framework as the office.
func (w *world) newPlan() plan.Plan {
	w.t.Helper()
	p, err := w.plans.CreatePlan(w.ctx, w.as("staff"), 2026, "会宁县 2026 年度文明城市创建工作实施方案", &w.fwID)
	w.must(err)
	return p
}

// task adds a task from the county plan.
func (w *world) task(planID int64, seq int, title, phase, deadline string, lead, responsible []int64) plan.Task {
	w.t.Helper()
	tk, err := w.plans.CreateTask(w.ctx, w.as("staff"), planID, plan.TaskInput{Seq: seq, Title: title, Content: "按年度实施方案推进",
		Phase: phase, Deadline: deadline, LeadUnitIDs: lead, ResponsibleUnitIDs: responsible})
	w.must(err)
	return tk
}

// progress reports a unit's percent on a task.
func (w *world) progress(who string, taskID int64, percent int) plan.Report {
	w.t.Helper()
	r, err := w.plans.ReportProgress(w.ctx, w.as(who), taskID, plan.ReportInput{Percent: percent, Text: "已完成阶段性整治"})
	w.must(err)
	return r
}

func ids(tasks []plan.Task) []int64 {
	out := make([]int64, len(tasks))
	for i, t := range tasks {
		out[i] = t.ID
	}
	return out
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
