package demo_test

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"wenming/internal/cases"
	"wenming/internal/demo"
	"wenming/internal/domain"
	"wenming/internal/framework"
	"wenming/internal/org"
	"wenming/internal/store"
	"wenming/internal/store/storetest"
	"wenming/internal/submission"
)

// TestDemoFrameworkRoundTrip: the demo framework imports from its Excel
// file, exports, and the export imports back as a version equal to the
// first.
func TestDemoFrameworkRoundTrip(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		orgs := org.NewService(db)
		if _, err := demo.Load(ctx, orgs); err != nil {
			t.Fatal(err)
		}
		fw := framework.NewService(db, orgs)
		actor, err := demo.CountyActor(ctx, orgs, "测试", domain.RoleOfficeLeader)
		if err != nil {
			t.Fatal(err)
		}
		book, err := demo.Workbook("")
		if err != nil {
			t.Fatal(err)
		}
		first, err := fw.Import(ctx, actor, bytes.NewReader(book))
		if err != nil {
			t.Fatalf("import demo framework: %v", err)
		}
		c := first.Counts
		if c.Targets < 40 || c.Negatives < 10 || first.BasicTotal != 100 || first.SpecialTotal != 20 {
			t.Fatalf("demo framework too thin: %+v", first)
		}
		var out bytes.Buffer
		if err := fw.Export(ctx, actor, first.ID, &out); err != nil {
			t.Fatal(err)
		}
		second, err := fw.Import(ctx, actor, &out)
		if err != nil {
			t.Fatalf("re-import export: %v", err)
		}
		if second.FamilyID != first.FamilyID || second.Version != first.Version+1 {
			t.Fatalf("re-import should be v%d of family %d, got v%d of %d", first.Version+1, first.FamilyID, second.Version, second.FamilyID)
		}
		cmp, err := fw.Compare(ctx, actor, first.ID, second.ID)
		if err != nil {
			t.Fatal(err)
		}
		if !cmp.Equal {
			t.Fatalf("export → import changed the framework: %+v", cmp.Changes[:min(5, len(cmp.Changes))])
		}
		tree, err := fw.Tree(ctx, actor, first.ID)
		if err != nil {
			t.Fatal(err)
		}
		found := false
		for _, s := range tree.Standards {
			if strings.Contains(s.Metric, "公交站点覆盖率") && s.Comparator == ">=" && *s.Threshold == 90 && len(s.LeadUnits) > 0 {
				found = true
			}
		}
		if !found {
			t.Fatal("公交站点覆盖率 ≥ 90 % with a lead unit is missing from the demo framework")
		}
		minors, err := demo.Workbook("minors_")
		if err != nil {
			t.Fatal(err)
		}
		m, err := fw.Import(ctx, actor, bytes.NewReader(minors))
		if err != nil {
			t.Fatalf("import minors' framework: %v", err)
		}
		if m.Kind != "minors" || m.GateScore == nil || *m.GateScore != 85 {
			t.Fatalf("minors' framework: %+v", m)
		}
	})
}

// TestDemoCampaign loads the whole demo: 24 tasks, a frozen framework
// linked to its minors' framework, and a laggard with a supervision item.
func TestDemoCampaign(t *testing.T) {
	w := newWorld(t)
	ctx, orgs, fw, plans, subs := w.ctx, w.orgs, w.fw, w.plans, w.subs
	if err := demo.LoadCampaign(ctx, orgs, fw, plans, subs, w.evidence); err != nil {
		t.Fatal(err)
	}
	actor, err := demo.CountyActor(ctx, orgs, "测试", domain.RoleOfficeLeader)
	if err != nil {
		t.Fatal(err)
	}
	list, err := plans.Plans(ctx, actor)
	if err != nil || len(list) != 1 || list[0].TaskCount != 24 {
		t.Fatalf("plans: %+v, %v", list, err)
	}
	f, err := fw.Get(ctx, actor, *list[0].FrameworkID)
	if err != nil || f.Status != "frozen" || f.MinorsID == nil {
		t.Fatalf("plan framework: %+v, %v", f, err)
	}
	unit, err := orgs.UnitID(ctx, actor, "县住建局")
	if err != nil {
		t.Fatal(err)
	}
	lists, err := plans.UnitLists(ctx, actor, unit)
	if err != nil {
		t.Fatal(err)
	}
	if len(lists.Supervision) == 0 || len(lists.Tasks) == 0 || len(lists.Responsibilities) == 0 {
		t.Fatalf("县住建局 lists: %d tasks, %d responsibilities, %d supervision", len(lists.Tasks), len(lists.Responsibilities), len(lists.Supervision))
	}
	if lists.Tasks[0].UnitOverdue == nil || !*lists.Tasks[0].UnitOverdue {
		t.Fatalf("the laggard's first task should be its overdue one: %+v", lists.Tasks[0])
	}
	m, err := subs.Matrix(ctx, actor, submission.MatrixFilter{})
	if err != nil {
		t.Fatal(err)
	}
	states := map[string]int{}
	for _, c := range m.Cells {
		states[c.State]++
	}
	for _, s := range []string{"approved", "submitted", "returned", "draft", "missing"} {
		if states[s] == 0 {
			t.Errorf("the demo matrix has no %s cell: %v", s, states)
		}
	}
}

// TestDemoCasesAndRanking runs the demo's cases through the real loop,
// then publishes last month's bulletin on top of them, and checks that
// every view has something to show.
func TestDemoCasesAndRanking(t *testing.T) {
	w := newWorld(t)
	ctx, orgs, svc := w.ctx, w.orgs, w.cases
	if err := demo.LoadCases(ctx, w.db, orgs, svc, w.evidence); err != nil {
		t.Fatal(err)
	}
	office, err := demo.CountyActor(ctx, orgs, "测试", domain.RoleOfficeStaff)
	if err != nil {
		t.Fatal(err)
	}
	stats, err := svc.Stats(ctx, office, "pool")
	if err != nil {
		t.Fatal(err)
	}
	total := 0
	for _, n := range stats.ByState {
		total += n
	}
	if total < 250 {
		t.Fatalf("demo has %d cases, want a few hundred", total)
	}
	for _, st := range []string{"new", "dispatched", "handling", "verifying", "closed"} {
		if stats.ByState[st] == 0 {
			t.Errorf("no demo case is %s: %v", st, stats.ByState)
		}
	}
	if stats.Overdue == 0 {
		t.Error("no demo case is overdue: the supervision list would be empty")
	}
	notices, err := svc.Notices(ctx, office, 0, false)
	if err != nil || len(notices) == 0 {
		t.Fatalf("no supervision notices in the demo: %v", err)
	}
	for _, src := range []string{"resident_snap", "cadre_snap", "hotline", "patrol", "supervision", "media"} {
		_, n, err := svc.List(ctx, office, cases.Filter{Source: src})
		if err != nil || n == 0 {
			t.Errorf("no demo case from %s (%v)", src, err)
		}
	}

	rankings := w.all.Ranking
	if err := demo.LoadRanking(ctx, orgs, rankings); err != nil {
		t.Fatal(err)
	}
	// A liaison reads the bulletins of his own unit's jurisdiction.
	unit, err := orgs.UnitID(ctx, office, "县住建局")
	if err != nil {
		t.Fatal(err)
	}
	dir, err := orgs.Directory(ctx)
	if err != nil || dir[unit].JurisdictionID == nil {
		t.Fatalf("县住建局 has no jurisdiction (%v)", err)
	}
	liaison := (&domain.Actor{Roles: []domain.Role{domain.RoleUnitLiaison}, Scope: domain.ScopeUnit}).In(domain.Jurisdiction{ID: *dir[unit].JurisdictionID})
	list, err := rankings.Bulletins(ctx, liaison, "", "published")
	if err != nil || len(list) != 1 {
		t.Fatalf("published bulletins %d (%v), want last month's", len(list), err)
	}
	full, err := rankings.Bulletin(ctx, liaison, list[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	ranked := 0
	for _, c := range full.Ranking.Classes {
		for _, u := range c.Units {
			if u.Rank != nil {
				ranked++
			}
		}
	}
	if ranked < 10 {
		t.Fatalf("last month's bulletin ranks only %d units", ranked)
	}
}
