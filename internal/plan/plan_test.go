package plan_test

import (
	"slices"
	"strings"
	"testing"

	"wenming/internal/domain"
	"wenming/internal/plan"
	"wenming/internal/store"
	"wenming/internal/store/storetest"
)

// The office writes the year's plan; every bad field of a task is refused
// by name, in Chinese, and leaves the plan as it was.
func TestPlanAndTaskInput(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
		w := newWorld(t, db)
		staff := w.as("staff")
		_, err := w.plans.CreatePlan(w.ctx, w.as("a_liaison"), 2026, "住建局方案", nil)
		wantCode(t, err, domain.CodeForbidden, "")
		_, err = w.plans.CreatePlan(w.ctx, staff, 1999, "会宁县 1999 年度方案", nil)
		wantCode(t, err, domain.CodeInvalid, "year")
		_, err = w.plans.CreatePlan(w.ctx, staff, 2026, "  ", nil)
		wantCode(t, err, domain.CodeInvalid, "name")
		p := w.newPlan()
		first := w.task(p.ID, 13, "“洗脸”行动", "安排部署", "2026-05-31", []int64{w.unitA}, []int64{w.unitB, w.unitA})
		if first.Phase != "deploy" || len(first.LeadUnits) != 1 || first.LeadUnits[0].Name != "县住建局" ||
			len(first.ResponsibleUnits) != 1 || first.ResponsibleUnits[0].Name != "县市场监管局" {
			t.Fatalf("a unit named twice must stay a lead unit, the phase stored by code: %+v", first)
		}

		good := plan.TaskInput{Seq: 14, Title: "“整序”行动", Phase: "advance", Deadline: "2026-08-31", LeadUnitIDs: []int64{w.unitB}, StandardCodes: []string{"10.1.1.2"}}
		with := func(edit func(*plan.TaskInput)) plan.TaskInput { in := good; edit(&in); return in }
		for _, tc := range []struct {
			name  string
			who   string
			in    plan.TaskInput
			code  domain.Code
			field string
		}{
			{"a unit's liaison", "a_liaison", good, domain.CodeForbidden, ""},
			{"number zero", "staff", with(func(in *plan.TaskInput) { in.Seq = 0 }), domain.CodeInvalid, "seq"},
			{"number taken", "staff", with(func(in *plan.TaskInput) { in.Seq = 13 }), domain.CodeConflict, "seq"},
			{"no title", "staff", with(func(in *plan.TaskInput) { in.Title = " " }), domain.CodeInvalid, "title"},
			{"unknown phase", "staff", with(func(in *plan.TaskInput) { in.Phase = "冲刺" }), domain.CodeInvalid, "phase"},
			{"date with slashes", "staff", with(func(in *plan.TaskInput) { in.Deadline = "2026/08/31" }), domain.CodeInvalid, "deadline"},
			{"no lead unit", "staff", with(func(in *plan.TaskInput) { in.LeadUnitIDs = nil }), domain.CodeInvalid, "leadUnitIds"},
			{"unknown lead unit", "staff", with(func(in *plan.TaskInput) { in.LeadUnitIDs = []int64{999999} }), domain.CodeInvalid, "leadUnitIds"},
			{"unknown responsible unit", "staff", with(func(in *plan.TaskInput) { in.ResponsibleUnitIDs = []int64{999999} }), domain.CodeInvalid, "responsibleUnitIds"},
			{"bad standard code", "staff", with(func(in *plan.TaskInput) { in.StandardCodes = []string{"10.一"} }), domain.CodeInvalid, "standardCodes"},
			{"long content", "staff", with(func(in *plan.TaskInput) { in.Content = strings.Repeat("整", 5001) }), domain.CodeInvalid, "content"},
		} {
			t.Run(tc.name, func(t *testing.T) {
				_, err := w.plans.CreateTask(w.ctx, w.as(tc.who), p.ID, tc.in)
				wantCode(t, err, tc.code, tc.field)
			})
		}
		_, err = w.plans.CreateTask(w.ctx, staff, 999999, good)
		wantCode(t, err, domain.CodeNotFound, "")
		if tasks, err := w.plans.Tasks(w.ctx, staff, p.ID, plan.TaskFilter{}); err != nil || len(tasks) != 1 {
			t.Fatalf("refused tasks stored: %+v (%v)", tasks, err)
		}

		// Editing: a number another task holds is refused, the rest applies.
		second, err := w.plans.CreateTask(w.ctx, staff, p.ID, good)
		w.must(err)
		_, err = w.plans.UpdateTask(w.ctx, staff, second.ID, with(func(in *plan.TaskInput) { in.Seq = 13 }))
		wantCode(t, err, domain.CodeConflict, "seq")
		_, err = w.plans.UpdateTask(w.ctx, w.as("b_liaison"), second.ID, good)
		wantCode(t, err, domain.CodeForbidden, "")
		moved, err := w.plans.UpdateTask(w.ctx, staff, second.ID, with(func(in *plan.TaskInput) {
			in.Deadline, in.ResponsibleUnitIDs, in.StandardCodes = "2026-09-30", []int64{w.unitA}, []string{"10.1.1.2", "10.1.1.1", "10.1.1.2"}
		}))
		w.must(err)
		if moved.Deadline != "2026-09-30" || len(moved.ResponsibleUnits) != 1 || moved.ResponsibleUnits[0].ID != w.unitA ||
			!slices.Equal(moved.StandardCodes, []string{"10.1.1.1", "10.1.1.2"}) {
			t.Fatalf("updated task %+v", moved)
		}

		// Deleting takes the task's reports with it.
		w.progress("a_liaison", moved.ID, 30)
		wantCode(t, w.plans.DeleteTask(w.ctx, w.as("a_liaison"), moved.ID), domain.CodeForbidden, "")
		w.must(w.plans.DeleteTask(w.ctx, staff, moved.ID))
		_, err = w.plans.Task(w.ctx, staff, moved.ID)
		wantCode(t, err, domain.CodeNotFound, "")
		if n, _ := db.Read().Count(w.ctx, `SELECT COUNT(*) FROM task_reports WHERE task_id = ?`, moved.ID); n != 0 {
			t.Fatalf("%d reports outlived their task", n)
		}
		if n, _ := db.Read().Count(w.ctx, `SELECT COUNT(*) FROM audit_log WHERE entity = 'task'`); n != 5 {
			t.Errorf("%d audit entries for tasks, want 5 (2 created, 1 updated, 1 reported, 1 deleted)", n)
		}
	})
}

// A unit reports its own progress on its own tasks; the task's progress is
// the mean of its units' latest percentages. Reporting for another unit,
// on another unit's task, or without the role is refused.
func TestProgressReports(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
		w := newWorld(t, db)
		p := w.newPlan()
		wash := w.task(p.ID, 13, "“洗脸”行动", "deploy", "2026-06-30", []int64{w.unitA}, []int64{w.unitB})
		brand := w.task(p.ID, 18, "培育“时代新人”品牌", "consolidate", "2026-12-31", []int64{w.office}, nil)

		ok := plan.ReportInput{Percent: 60, Text: "城区小广告清理完毕，门头牌匾整治过半"}
		with := func(edit func(*plan.ReportInput)) plan.ReportInput { in := ok; edit(&in); return in }
		for _, tc := range []struct {
			name  string
			who   string
			task  int64
			in    plan.ReportInput
			code  domain.Code
			field string
		}{
			{"over a hundred percent", "a_liaison", wash.ID, with(func(in *plan.ReportInput) { in.Percent = 140 }), domain.CodeInvalid, "percent"},
			{"below zero", "a_liaison", wash.ID, with(func(in *plan.ReportInput) { in.Percent = -1 }), domain.CodeInvalid, "percent"},
			{"without a word", "a_liaison", wash.ID, with(func(in *plan.ReportInput) { in.Text = "  " }), domain.CodeInvalid, "text"},
			{"on another unit's task", "a_liaison", brand.ID, ok, domain.CodeForbidden, ""},
			{"for another unit", "a_liaison", wash.ID, with(func(in *plan.ReportInput) { in.UnitID = w.unitB }), domain.CodeForbidden, ""},
			{"from a sub-unit not on the task", "sub_liaison", wash.ID, ok, domain.CodeForbidden, ""},
			{"a grid worker", "grid", wash.ID, ok, domain.CodeForbidden, ""},
			{"the office without a unit", "staff", wash.ID, ok, domain.CodeInvalid, "unitId"},
			{"the office for a unit not on the task", "staff", wash.ID, with(func(in *plan.ReportInput) { in.UnitID = w.subA }), domain.CodeInvalid, "unitId"},
			{"an unknown task", "a_liaison", 999999, ok, domain.CodeNotFound, ""},
		} {
			t.Run(tc.name, func(t *testing.T) {
				_, err := w.plans.ReportProgress(w.ctx, w.as(tc.who), tc.task, tc.in)
				wantCode(t, err, tc.code, tc.field)
			})
		}

		r := w.progress("a_liaison", wash.ID, 40)
		if r.UnitID != w.unitA || r.UnitName != "县住建局" || r.ReportedBy != "住建联络员" || r.Percent != 40 {
			t.Fatalf("report %+v", r)
		}
		w.progress("a_head", wash.ID, 60) // the unit's newest figure counts
		if _, err := w.plans.ReportProgress(w.ctx, w.as("staff"), wash.ID, with(func(in *plan.ReportInput) { in.Percent, in.UnitID = 100, w.unitB })); err != nil {
			t.Fatal(err)
		}
		d, err := w.plans.Task(w.ctx, w.as("b_liaison"), wash.ID)
		w.must(err)
		if d.Progress != 80 || len(d.Reports) != 3 || d.Reports[0].Percent != 100 || d.Reports[0].UnitName != "县市场监管局" {
			t.Fatalf("task detail %+v", d)
		}
		got := map[int64]int{}
		for _, u := range d.Units {
			got[u.UnitID] = u.Percent
		}
		if len(got) != 2 || got[w.unitA] != 60 || got[w.unitB] != 100 {
			t.Fatalf("units' progress %+v", d.Units)
		}
		// The rankings read each unit's mean over the newest plan's tasks.
		means, err := w.plans.UnitProgress(w.ctx)
		w.must(err)
		if means[w.unitA] != 60 || means[w.unitB] != 100 || means[w.office] != 0 {
			t.Fatalf("unit progress %v", means)
		}
		_, err = w.plans.Task(w.ctx, w.as("auditor"), wash.ID)
		wantCode(t, err, domain.CodeForbidden, "")
	})
}

// The board puts overdue tasks first, then the nearest deadline, then the
// plan's numbering; a unit's board judges each task by the unit's own
// progress; a deadline passes at midnight in Beijing.
func TestBoardOrderAndOverdue(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
		w := newWorld(t, db)
		staff := w.as("staff")
		p := w.newPlan()
		publicity := w.task(p.ID, 17, "“宣传”行动", "deploy", "2026-04-30", []int64{w.office}, []int64{w.unitA})
		wash := w.task(p.ID, 13, "“洗脸”行动", "deploy", "2026-05-31", []int64{w.unitA}, []int64{w.unitB})
		order := w.task(p.ID, 14, "“整序”行动", "advance", "2026-08-31", []int64{w.unitB}, []int64{w.unitA})
		base := w.task(p.ID, 15, "“强基”行动", "advance", "2026-08-31", []int64{w.unitA}, nil)
		done := w.task(p.ID, 12, "“金种子”工程", "deploy", "2026-05-31", []int64{w.unitB}, nil)
		w.progress("b_liaison", done.ID, 100)
		w.progress("b_liaison", wash.ID, 100)

		board := func(f plan.TaskFilter) []plan.Task {
			t.Helper()
			tasks, err := w.plans.Tasks(w.ctx, staff, p.ID, f)
			w.must(err)
			return tasks
		}
		// 15 June: the April and May tasks are late unless finished.
		if got, want := ids(board(plan.TaskFilter{})), []int64{publicity.ID, wash.ID, done.ID, order.ID, base.ID}; !slices.Equal(got, want) {
			t.Fatalf("board %v, want %v", got, want)
		}
		if got, want := ids(board(plan.TaskFilter{Overdue: true})), []int64{publicity.ID, wash.ID}; !slices.Equal(got, want) {
			t.Fatalf("overdue %v, want %v", got, want)
		}
		// 县市场监管局 finished its part of 洗脸, so for that unit it is not
		// late: it takes its place by deadline and number.
		unitB := board(plan.TaskFilter{UnitID: w.unitB})
		if got, want := ids(unitB), []int64{done.ID, wash.ID, order.ID}; !slices.Equal(got, want) {
			t.Fatalf("unit B's board %v, want %v", got, want)
		}
		if !unitB[1].Overdue || *unitB[1].UnitOverdue || *unitB[1].UnitProgress != 100 {
			t.Fatalf("unit B on 洗脸: %+v", unitB[1])
		}
		if got, want := ids(board(plan.TaskFilter{UnitID: w.unitA, Overdue: true})), []int64{publicity.ID, wash.ID}; !slices.Equal(got, want) {
			t.Fatalf("unit A's late tasks %v, want %v", got, want)
		}
		if got := ids(board(plan.TaskFilter{Phase: "advance"})); !slices.Equal(got, []int64{order.ID, base.ID}) {
			t.Fatalf("advance phase %v", got)
		}
		if got := ids(board(plan.TaskFilter{Q: "整序"})); !slices.Equal(got, []int64{order.ID}) {
			t.Fatalf("search %v", got)
		}
		_, err := w.plans.Tasks(w.ctx, staff, p.ID, plan.TaskFilter{Phase: "sprint"})
		wantCode(t, err, domain.CodeInvalid, "phase")
		_, err = w.plans.Tasks(w.ctx, w.as("auditor"), p.ID, plan.TaskFilter{})
		wantCode(t, err, domain.CodeForbidden, "")

		plans, err := w.plans.Plans(w.ctx, staff)
		w.must(err)
		if len(plans) != 1 || plans[0].TaskCount != 5 || plans[0].OverdueCount != 2 {
			t.Fatalf("plans %+v", plans)
		}

		// 31 August 23:30 in Beijing is 15:30 UTC: the August tasks are
		// still on time; half an hour past midnight they are late.
		w.at(8, 31, 23, 30)
		if got := ids(board(plan.TaskFilter{Overdue: true})); slices.Contains(got, order.ID) {
			t.Fatalf("a task due today is late before midnight: %v", got)
		}
		w.at(9, 1, 0, 30)
		if got, want := ids(board(plan.TaskFilter{Overdue: true})), []int64{publicity.ID, wash.ID, order.ID, base.ID}; !slices.Equal(got, want) {
			t.Fatalf("after midnight the overdue board is %v, want %v", got, want)
		}
	})
}

// A unit's four lists: its tasks, the standards it leads or shares, and
// what the office presses it on (its own late tasks, by days late). A
// unit reads only its own; the office any unit in its scope.
func TestUnitLists(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
		w := newWorld(t, db)
		p := w.newPlan()
		wash := w.task(p.ID, 13, "“洗脸”行动", "deploy", "2026-06-10", []int64{w.unitA}, []int64{w.unitB})
		base := w.task(p.ID, 15, "“强基”行动", "advance", "2026-10-31", []int64{w.unitA}, nil)
		w.task(p.ID, 18, "培育“时代新人”品牌", "consolidate", "2026-12-31", []int64{w.office}, nil)
		w.progress("b_liaison", wash.ID, 100)

		l, err := w.plans.UnitLists(w.ctx, w.as("a_liaison"), w.unitA)
		w.must(err)
		if l.Unit.Name != "县住建局" || !slices.Equal(ids(l.Tasks), []int64{wash.ID, base.ID}) {
			t.Fatalf("unit A's tasks %+v", l.Tasks)
		}
		if len(l.Supervision) != 1 || l.Supervision[0].ID != wash.ID || l.Supervision[0].DaysOverdue != 5 || l.Supervision[0].UnitProgress != 0 {
			t.Fatalf("unit A's supervision %+v", l.Supervision)
		}
		roles := map[string]string{}
		for _, r := range l.Responsibilities {
			roles[r.Code] = r.Role
		}
		if len(roles) != 2 || roles["10.1.1.1"] != "lead" || roles["10.1.1.2"] != "responsible" {
			t.Fatalf("unit A's responsibilities %+v", l.Responsibilities)
		}
		// 县市场监管局 finished its part: nothing to press it on.
		l, err = w.plans.UnitLists(w.ctx, w.as("staff"), w.unitB)
		w.must(err)
		if len(l.Tasks) != 1 || len(l.Supervision) != 0 || len(l.Responsibilities) != 1 {
			t.Fatalf("unit B's lists %+v", l)
		}
		_, err = w.plans.UnitLists(w.ctx, w.as("b_liaison"), w.unitA)
		wantCode(t, err, domain.CodeForbidden, "")
		_, err = w.plans.UnitLists(w.ctx, w.as("auditor"), w.unitA)
		wantCode(t, err, domain.CodeForbidden, "")
	})
}

// Progress evidence is read within the scope that sees its unit: another
// unit sees the percentage, not the files.
func TestProgressEvidenceStaysWithItsUnit(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
		w := newWorld(t, db)
		p := w.newPlan()
		wash := w.task(p.ID, 13, "“洗脸”行动", "deploy", "2026-06-30", []int64{w.unitA}, []int64{w.unitB})
		a := w.as("a_liaison")
		up, err := w.svc.Files.Upload(w.ctx, a, "整治台账.txt", strings.NewReader("会师镇清理小广告 1260 处"))
		w.must(err)
		_, err = w.plans.ReportProgress(w.ctx, a, wash.ID, plan.ReportInput{Percent: 50, Text: "小广告清理过半", FileIDs: []int64{up.ID}})
		w.must(err)
		for who, want := range map[string]int{"a_liaison": 1, "staff": 1, "b_liaison": 0} {
			d, err := w.plans.Task(w.ctx, w.as(who), wash.ID)
			w.must(err)
			if len(d.Reports) != 1 || d.Reports[0].Percent != 50 || len(d.Reports[0].Files) != want {
				t.Errorf("%s sees %+v, want the percentage with %d files", who, d.Reports, want)
			}
			_, rc, err := w.svc.Files.Open(w.ctx, w.as(who), up.ID, "")
			if rc != nil {
				rc.Close()
			}
			if (err == nil) != (want == 1) {
				t.Errorf("%s opens the evidence: %v", who, err)
			}
		}
	})
}
