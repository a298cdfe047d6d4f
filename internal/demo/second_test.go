package demo_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"wenming/internal/app"
	"wenming/internal/auth"
	"wenming/internal/blob"
	"wenming/internal/cases"
	"wenming/internal/demo"
	"wenming/internal/domain"
	"wenming/internal/patrol"
	"wenming/internal/plan"
	"wenming/internal/store"
	"wenming/internal/store/storetest"
)

// TestDemoSecondCounty loads 会宁县's cases and then 靖远县's campaign on
// each engine, and signs in as each office: 靖远县's sees its own plan,
// cases, points, round and bulletin with the case parameters inherited;
// 会宁县's sees none of them; the city's sees both counties' cases.
func TestDemoSecondCounty(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		blobs, err := blob.NewDisk(t.TempDir())
		if err != nil {
			t.Fatal(err)
		}
		all := app.NewServices(db, app.Options{Blobs: blobs, Auth: auth.Policy{LockThreshold: 50, LockDuration: time.Minute, IdleTimeout: time.Hour, MaxAge: 24 * time.Hour}})
		t.Cleanup(all.Files.WaitCopies)
		const password = "Demo-Second-2026"
		if _, err := demo.Load(ctx, all.Org); err != nil {
			t.Fatal(err)
		}
		if err := demo.SetPasswords(ctx, all.Org, password); err != nil {
			t.Fatal(err)
		}
		if err := demo.LoadCases(ctx, db, all.Org, all.Cases, all.Files); err != nil {
			t.Fatal(err)
		}
		start := time.Now()
		if err := demo.LoadSecondCounty(ctx, db, all.Org, demo.Services{Framework: all.Framework, Plan: all.Plan, Cases: all.Cases,
			Patrol: all.Patrol, Assessment: all.Assessment, Ranking: all.Ranking, Files: all.Files}); err != nil {
			t.Fatal(err)
		}
		t.Logf("靖远县 loaded in %v", time.Since(start))
		as := func(username string) *domain.Actor {
			t.Helper()
			token, err := all.Auth.Login(ctx, username, password, auth.Client{})
			if err != nil {
				t.Fatal(err)
			}
			a, _, err := all.Auth.Authenticate(ctx, token, auth.Client{})
			if err != nil {
				t.Fatal(err)
			}
			return a
		}
		jy, cb, city, liaison := as("jy_staff"), as("cb_staff"), as("city_staff"), as("jy_liaison")

		// 靖远县's own plan, without a framework, its tasks its own units'.
		plans, err := all.Plan.Plans(ctx, jy)
		if err != nil || len(plans) != 1 || plans[0].Name != demo.SecondPlanName || plans[0].TaskCount != demo.SecondTasks || plans[0].FrameworkID != nil || !plans[0].Editable {
			t.Fatalf("靖远县's plans: %+v (%v)", plans, err)
		}
		if plans[0].OverdueCount == 0 {
			t.Error("靖远县's plan has no overdue task to supervise")
		}
		jyPlan := plans[0]

		// Its cases: closed ones, overdue ones, all its own.
		jyCases, jyTotal, err := all.Cases.List(ctx, jy, cases.Filter{PageSize: 200})
		if err != nil || jyTotal < demo.SecondCases {
			t.Fatalf("靖远县 sees %d cases (%v), want at least %d", jyTotal, err, demo.SecondCases)
		}
		for _, k := range jyCases {
			if k.JurisdictionID == nil || *k.JurisdictionID != jy.JurisdictionID {
				t.Fatalf("靖远县's pool holds case %s of jurisdiction %v", k.Code, k.JurisdictionID)
			}
		}
		stats, err := all.Cases.Stats(ctx, jy, "pool")
		if err != nil {
			t.Fatal(err)
		}
		for _, st := range []string{"new", "handling", "closed"} {
			if stats.ByState[st] == 0 {
				t.Errorf("no 靖远县 case is %s: %v", st, stats.ByState)
			}
		}
		if stats.Overdue == 0 {
			t.Error("no 靖远县 case is overdue")
		}
		settings, err := all.Cases.Settings(ctx, jy)
		if err != nil || settings.InheritedFrom == "" {
			t.Errorf("靖远县's case parameters should be inherited: %+v (%v)", settings, err)
		}

		// Its points, round and bulletin.
		points, n, err := all.Patrol.Points(ctx, jy, patrol.PointFilter{Page: 1, PageSize: 100})
		if err != nil || n != demo.SecondPoints {
			t.Fatalf("靖远县 sees %d points (%v), want %d", n, err, demo.SecondPoints)
		}
		rounds, err := all.Assessment.Rounds(ctx, jy)
		if err != nil || len(rounds) != 1 || rounds[0].Status != "drawn" || rounds[0].DoneCount == 0 || rounds[0].DoneCount == rounds[0].PointCount {
			t.Fatalf("靖远县's rounds: %+v (%v)", rounds, err)
		}
		for _, src := range []string{"patrol", "assessment"} {
			if _, n, err := all.Cases.List(ctx, jy, cases.Filter{Source: src}); err != nil || n == 0 {
				t.Errorf("no %s case from 靖远县's points (%v)", src, err)
			}
		}
		bulletins, err := all.Ranking.Bulletins(ctx, liaison, "", "published")
		if err != nil || len(bulletins) != 1 || bulletins[0].JurisdictionName != "靖远县" {
			t.Fatalf("靖远县's liaison reads bulletins %+v (%v), want last month's of 靖远县", bulletins, err)
		}

		// 会宁县's office sees none of it.
		if list, err := all.Plan.Plans(ctx, cb); err != nil || len(list) != 0 {
			t.Errorf("会宁县 sees plans %+v (%v)", list, err)
		}
		if _, err := all.Plan.Tasks(ctx, cb, jyPlan.ID, plan.TaskFilter{}); !errors.Is(err, domain.ErrNotFound) {
			t.Errorf("会宁县 reads 靖远县's tasks: %v", err)
		}
		if _, err := all.Cases.Get(ctx, cb, jyCases[0].ID); !refused(err) {
			t.Errorf("会宁县 reads 靖远县's case %s: %v", jyCases[0].Code, err)
		}
		if _, err := all.Patrol.Point(ctx, cb, points[0].ID); !refused(err) {
			t.Errorf("会宁县 reads 靖远县's point %s: %v", points[0].Code, err)
		}
		if _, n, err := all.Patrol.Points(ctx, cb, patrol.PointFilter{Q: "JY", Page: 1, PageSize: 1}); err != nil || n != 0 {
			t.Errorf("会宁县 lists %d of 靖远县's points (%v)", n, err)
		}
		if list, err := all.Assessment.Rounds(ctx, cb); err != nil || len(list) != 0 {
			t.Errorf("会宁县 sees rounds %+v (%v)", list, err)
		}
		if list, err := all.Ranking.Bulletins(ctx, cb, "", ""); err != nil || len(list) != 0 {
			t.Errorf("会宁县 sees bulletins %+v (%v)", list, err)
		}
		_, cbTotal, err := all.Cases.List(ctx, cb, cases.Filter{PageSize: 1})
		if err != nil || cbTotal < demo.Cases {
			t.Fatalf("会宁县 sees %d cases (%v)", cbTotal, err)
		}

		// The city reads both counties' cases.
		if _, n, err := all.Cases.List(ctx, city, cases.Filter{PageSize: 1}); err != nil || n != cbTotal+jyTotal {
			t.Errorf("the city sees %d cases (%v), want 会宁县's %d + 靖远县's %d", n, err, cbTotal, jyTotal)
		}
		if _, err := all.Cases.Get(ctx, city, jyCases[0].ID); err != nil {
			t.Errorf("the city cannot read 靖远县's case: %v", err)
		}
	})
}

// refused: another county's record is out of reach, answered as missing
// or as outside the reader's range, never read.
func refused(err error) bool {
	return errors.Is(err, domain.ErrNotFound) || errors.Is(err, domain.ErrForbidden)
}
