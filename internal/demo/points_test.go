package demo_test

import (
	"testing"
	"time"

	"wenming/internal/assessment"
	"wenming/internal/cases"
	"wenming/internal/demo"
	"wenming/internal/domain"
	"wenming/internal/patrol"
)

// TestDemoPoints loads the demo's checklists, points, rounds and patrols
// through the real services and checks each page has something to show.
func TestDemoPoints(t *testing.T) {
	w := newWorld(t)
	ctx, db, orgs, fw, subs, evidence, k := w.ctx, w.db, w.orgs, w.fw, w.subs, w.evidence, w.cases
	if err := demo.LoadCampaign(ctx, orgs, fw, w.plans, subs, evidence); err != nil {
		t.Fatal(err)
	}
	if err := demo.LoadCases(ctx, db, orgs, k, evidence); err != nil {
		t.Fatal(err)
	}
	p, a := w.all.Patrol, w.all.Assessment
	start := time.Now()
	if err := demo.LoadPoints(ctx, db, orgs, k, fw, p, a, evidence); err != nil {
		t.Fatal(err)
	}
	t.Logf("points, rounds and patrols loaded in %v", time.Since(start))

	office, err := demo.CountyActor(ctx, orgs, "测试", domain.RoleOfficeStaff)
	if err != nil {
		t.Fatal(err)
	}
	cats, err := p.Categories(ctx, office)
	if err != nil {
		t.Fatal(err)
	}
	if len(cats) < 25 {
		t.Errorf("%d point categories, want at least 25", len(cats))
	}
	for _, c := range cats {
		if len(c.Checks) < 5 || len(c.Checks) > 15 {
			t.Errorf("%s has %d checks, want 5–15", c.Name, len(c.Checks))
		}
	}
	_, n, err := p.Points(ctx, office, patrol.PointFilter{Page: 1, PageSize: 1})
	if err != nil || n < 300 {
		t.Errorf("%d points (%v), want a few hundred", n, err)
	}
	rounds, err := a.Rounds(ctx, office)
	if err != nil || len(rounds) != 2 {
		t.Fatalf("rounds %d (%v), want two", len(rounds), err)
	}
	var closed, open assessment.Round
	for _, r := range rounds {
		if r.Status == "closed" {
			closed = r
		} else {
			open = r
		}
	}
	if closed.DoneCount != closed.PointCount || open.Status != "drawn" || open.DoneCount == 0 || open.DoneCount == open.PointCount {
		t.Errorf("closed round %d/%d, open round %s %d/%d", closed.DoneCount, closed.PointCount, open.Status, open.DoneCount, open.PointCount)
	}
	sc, err := a.RoundScore(ctx, office, closed.ID)
	if err != nil || sc.Total <= 0 || len(sc.WeakSpots) == 0 || len(sc.Units) == 0 {
		t.Errorf("closed round's score %v, weak spots %d, units %d (%v)", sc.Total, len(sc.WeakSpots), len(sc.Units), err)
	}
	live, err := a.LiveScore(ctx, office, 30)
	if err != nil || live.Total <= 0 || live.Previous == nil {
		t.Errorf("live score %v, previous %v (%v)", live.Total, live.Previous, err)
	}
	for _, src := range []string{"patrol", "assessment"} {
		if _, n, err := k.List(ctx, office, cases.Filter{Source: src}); err != nil || n == 0 {
			t.Errorf("no %s case from the demo's patrols (%v)", src, err)
		}
	}
}
