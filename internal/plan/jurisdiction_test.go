package plan_test

import (
	"context"
	"slices"
	"testing"
	"time"

	"wenming/internal/app"
	"wenming/internal/auth"
	"wenming/internal/blob"
	"wenming/internal/domain"
	"wenming/internal/plan"
	"wenming/internal/store"
	"wenming/internal/store/storetest"
	"wenming/internal/testcity"
)

// cityPlans is the test city (白银市 over 会宁县 A and 靖远县 B) with its
// plan service, each county with its own 2026 plan and one task in it.
type cityPlans struct {
	City, A, B *testcity.Office
	ctx        context.Context
	plans      *plan.Service
	pa, pb     plan.Plan
	ta, tb     plan.Task
}

func newCityPlans(t *testing.T, db *store.DB) *cityPlans {
	t.Helper()
	db.SetClock(func() time.Time { return time.Date(2026, 6, 15, 9, 0, 0, 0, domain.Beijing) })
	blobs, err := blob.NewDisk(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	svc := app.NewServices(db, app.Options{Blobs: blobs,
		Auth: auth.Policy{LockThreshold: 50, LockDuration: time.Minute, IdleTimeout: time.Hour, MaxAge: 24 * time.Hour}})
	t.Cleanup(svc.Files.WaitCopies)
	c := testcity.New(t, db)
	w := &cityPlans{City: c.City, A: c.A, B: c.B, ctx: context.Background(), plans: svc.Plan}
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	w.pa, err = w.plans.CreatePlan(w.ctx, w.A.Staff, 2026, "会宁县 2026 年度文明城市创建工作实施方案", nil)
	must(err)
	w.pb, err = w.plans.CreatePlan(w.ctx, w.B.Staff, 2026, "靖远县 2026 年度文明城市创建工作实施方案", nil)
	must(err)
	task := func(o *testcity.Office, p plan.Plan) plan.Task {
		tk, err := w.plans.CreateTask(w.ctx, o.Staff, p.ID, plan.TaskInput{Seq: 1, Title: "“洗脸”行动", Phase: "deploy", Deadline: "2026-08-31",
			LeadUnitIDs: []int64{o.Dept}, ResponsibleUnitIDs: []int64{o.Township}})
		must(err)
		return tk
	}
	w.ta, w.tb = task(w.A, w.pa), task(w.B, w.pb)
	return w
}

func planIDs(list []plan.Plan) []int64 {
	out := []int64{}
	for _, p := range list {
		out = append(out, p.ID)
	}
	return out
}

// Each county makes its own plan for the same year; a county's office
// and units see only theirs, the city office reads both.
func TestPlansBelongToTheirCounty(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
		w := newCityPlans(t, db)
		if w.pa.JurisdictionID != w.A.Jurisdiction || w.pb.JurisdictionID != w.B.Jurisdiction || w.pa.JurisdictionName != "会宁县" {
			t.Fatalf("plans belong to %d (%s) and %d, want the counties' %d and %d", w.pa.JurisdictionID, w.pa.JurisdictionName, w.pb.JurisdictionID, w.A.Jurisdiction, w.B.Jurisdiction)
		}
		for _, tc := range []struct {
			name string
			who  *domain.Actor
			want []int64
		}{
			{"county A's office", w.A.Staff, []int64{w.pa.ID}},
			{"county A's liaison", w.A.Liaison, []int64{w.pa.ID}},
			{"county B's office", w.B.Staff, []int64{w.pb.ID}},
			{"the city office", w.City.Staff, []int64{w.pb.ID, w.pa.ID}},
			{"the city's leader", w.City.Leader, []int64{w.pb.ID, w.pa.ID}},
		} {
			t.Run(tc.name, func(t *testing.T) {
				list, err := w.plans.Plans(w.ctx, tc.who)
				if err != nil || !slices.Equal(planIDs(list), tc.want) {
					t.Fatalf("plans %v (%v), want %v", planIDs(list), err, tc.want)
				}
				// The console offers editing only on the office's own plan.
				for _, p := range list {
					if own := tc.who.Has(domain.RoleOfficeStaff) && p.JurisdictionID == tc.who.JurisdictionID; p.Editable != own {
						t.Errorf("plan %d editable %v for %s", p.ID, p.Editable, tc.who.Username)
					}
				}
			})
		}
		// A county's liaison sees its own plan's tasks assigned to it.
		tasks, err := w.plans.Tasks(w.ctx, w.A.Liaison, w.pa.ID, plan.TaskFilter{UnitID: w.A.Dept})
		if err != nil || len(tasks) != 1 || tasks[0].ID != w.ta.ID {
			t.Fatalf("A's liaison's tasks %+v (%v)", tasks, err)
		}
	})
}

// Another county's plan and tasks are not found by id; the city office
// reads them but only the plan's own office changes them.
func TestPlanIsChangedOnlyByItsOwnOffice(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
		w := newCityPlans(t, db)
		edit := plan.TaskInput{Seq: 2, Title: "“整序”行动", Phase: "advance", Deadline: "2026-09-30", LeadUnitIDs: []int64{w.A.Dept}}
		for _, tc := range []struct {
			name string
			who  *domain.Actor
			do   func(a *domain.Actor) error
			code domain.Code
		}{
			{"B reads A's tasks", w.B.Staff, func(a *domain.Actor) error { _, err := w.plans.Tasks(w.ctx, a, w.pa.ID, plan.TaskFilter{}); return err }, domain.CodeNotFound},
			{"B reads A's task", w.B.Staff, func(a *domain.Actor) error { _, err := w.plans.Task(w.ctx, a, w.ta.ID); return err }, domain.CodeNotFound},
			{"B's liaison reads A's task", w.B.Liaison, func(a *domain.Actor) error { _, err := w.plans.Task(w.ctx, a, w.ta.ID); return err }, domain.CodeNotFound},
			{"B adds to A's plan", w.B.Staff, func(a *domain.Actor) error { _, err := w.plans.CreateTask(w.ctx, a, w.pa.ID, edit); return err }, domain.CodeNotFound},
			{"B edits A's task", w.B.Staff, func(a *domain.Actor) error { _, err := w.plans.UpdateTask(w.ctx, a, w.ta.ID, edit); return err }, domain.CodeNotFound},
			{"B deletes A's task", w.B.Staff, func(a *domain.Actor) error { return w.plans.DeleteTask(w.ctx, a, w.ta.ID) }, domain.CodeNotFound},
			{"B reports on A's task", w.B.Staff, func(a *domain.Actor) error {
				_, err := w.plans.ReportProgress(w.ctx, a, w.ta.ID, plan.ReportInput{Percent: 50, Text: "推进中", UnitID: w.A.Dept})
				return err
			}, domain.CodeNotFound},
			{"the city adds to A's plan", w.City.Staff, func(a *domain.Actor) error { _, err := w.plans.CreateTask(w.ctx, a, w.pa.ID, edit); return err }, domain.CodeForbidden},
			{"the city edits A's task", w.City.Staff, func(a *domain.Actor) error { _, err := w.plans.UpdateTask(w.ctx, a, w.ta.ID, edit); return err }, domain.CodeForbidden},
			{"the city deletes A's task", w.City.OfficeLeader, func(a *domain.Actor) error { return w.plans.DeleteTask(w.ctx, a, w.ta.ID) }, domain.CodeForbidden},
			{"the city reports for A's unit", w.City.Staff, func(a *domain.Actor) error {
				_, err := w.plans.ReportProgress(w.ctx, a, w.ta.ID, plan.ReportInput{Percent: 50, Text: "推进中", UnitID: w.A.Dept})
				return err
			}, domain.CodeForbidden},
		} {
			t.Run(tc.name, func(t *testing.T) {
				wantCode(t, tc.do(tc.who), tc.code, "")
			})
		}
		for _, who := range []*domain.Actor{w.City.Staff, w.City.Leader} {
			if d, err := w.plans.Task(w.ctx, who, w.ta.ID); err != nil || d.ID != w.ta.ID {
				t.Fatalf("%s reads A's task: %v", who.Username, err)
			}
		}
		if _, err := w.plans.UpdateTask(w.ctx, w.A.Staff, w.ta.ID, edit); err != nil {
			t.Fatalf("A's own office edits its task: %v", err)
		}
	})
}

// A task is assigned to units of its plan's county only: the other
// county's 县住建局 has the same name but is refused by field, in Chinese.
func TestTaskUnitsComeFromThePlansCounty(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
		w := newCityPlans(t, db)
		good := plan.TaskInput{Seq: 3, Title: "“强基”行动", Phase: "advance", Deadline: "2026-09-30", LeadUnitIDs: []int64{w.A.Dept}}
		for _, tc := range []struct {
			name  string
			in    plan.TaskInput
			field string
		}{
			{"B's 县住建局 to lead", plan.TaskInput{Seq: 3, Title: good.Title, Phase: good.Phase, Deadline: good.Deadline, LeadUnitIDs: []int64{w.B.Dept}}, "leadUnitIds"},
			{"B's township to share", plan.TaskInput{Seq: 3, Title: good.Title, Phase: good.Phase, Deadline: good.Deadline, LeadUnitIDs: []int64{w.A.Dept}, ResponsibleUnitIDs: []int64{w.A.Township, w.B.Neighbourhood}}, "responsibleUnitIds"},
			{"the city's department", plan.TaskInput{Seq: 3, Title: good.Title, Phase: good.Phase, Deadline: good.Deadline, LeadUnitIDs: []int64{w.City.Dept}}, "leadUnitIds"},
		} {
			t.Run(tc.name, func(t *testing.T) {
				_, err := w.plans.CreateTask(w.ctx, w.A.Staff, w.pa.ID, tc.in)
				wantCode(t, err, domain.CodeInvalid, tc.field)
				_, err = w.plans.UpdateTask(w.ctx, w.A.Staff, w.ta.ID, tc.in)
				wantCode(t, err, domain.CodeInvalid, tc.field)
			})
		}
		if _, err := w.plans.CreateTask(w.ctx, w.A.Staff, w.pa.ID, good); err != nil {
			t.Fatalf("A's own unit: %v", err)
		}
	})
}

// Progress counts per county: each unit's figure for the rankings comes
// from its own county's newest plan, and a unit's lists from its own.
func TestUnitProgressPerCounty(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
		w := newCityPlans(t, db)
		for _, r := range []struct {
			who *domain.Actor
			tk  plan.Task
			pct int
		}{{w.A.Liaison, w.ta, 40}, {w.B.Liaison, w.tb, 100}} {
			if _, err := w.plans.ReportProgress(w.ctx, r.who, r.tk.ID, plan.ReportInput{Percent: r.pct, Text: "已完成阶段性整治"}); err != nil {
				t.Fatal(err)
			}
		}
		progress, err := w.plans.UnitProgress(w.ctx)
		if err != nil || progress[w.A.Dept] != 40 || progress[w.B.Dept] != 100 {
			t.Fatalf("progress %v (%v), want A's 县住建局 40 and B's 100", progress, err)
		}
		for _, o := range []*testcity.Office{w.A, w.B} {
			l, err := w.plans.UnitLists(w.ctx, o.Liaison, o.Dept)
			want := map[*testcity.Office]int64{w.A: w.ta.ID, w.B: w.tb.ID}[o]
			if err != nil || len(l.Tasks) != 1 || l.Tasks[0].ID != want {
				t.Fatalf("%s lists %+v (%v), want its own task %d", o.Name, l.Tasks, err, want)
			}
		}
		// The city office reading county A's unit gets A's plan, not B's.
		l, err := w.plans.UnitLists(w.ctx, w.City.Staff, w.A.Dept)
		if err != nil || len(l.Tasks) != 1 || l.Tasks[0].ID != w.ta.ID {
			t.Fatalf("the city reads A's unit lists %+v (%v)", l.Tasks, err)
		}
	})
}
