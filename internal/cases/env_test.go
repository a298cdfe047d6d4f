package cases_test

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"

	"wenming/internal/blob"
	"wenming/internal/cases"
	"wenming/internal/domain"
	"wenming/internal/files"
	"wenming/internal/org"
	"wenming/internal/store"
	"wenming/internal/store/storetest"
)

// editor is whoever changes the configuration: the same service the case
// actions run on, another app server on the same database, or plain SQL.
type editor struct {
	cases *cases.Service
	org   *org.Service
	db    *store.DB
}

// checkEditsSeen makes each kind of office edit through ed and checks that
// the very next action on w's service sees it, its cached environment
// having been used just before.
func checkEditsSeen(t *testing.T, w *world, ed editor) {
	staff, liaison := w.as("staff"), w.as("a_liaison")
	sys := domain.System("测试", domain.RoleSysAdmin)
	warm := func(t *testing.T) {
		t.Helper()
		_, _, err := w.cases.List(w.ctx, staff, cases.Filter{View: "pool"})
		must(t, err)
	}
	intake := func(key string, cat cases.Category, region int64) (cases.CaseDetail, error) {
		d, _, err := w.cases.Intake(w.ctx, staff, cases.IntakeInput{ClientKey: key, Source: "cadre_snap", CategoryID: cat.ID,
			Description: "垃圾堆积", Lat: ptr(35.6934), Lng: ptr(105.0531), RegionID: &region})
		return d, err
	}

	t.Run("category", func(t *testing.T) {
		warm(t)
		garbage := w.garbage
		_, err := ed.cases.UpdateCategory(w.ctx, staff, garbage.ID, cases.CategoryInput{Code: garbage.Code, Name: "乱扔杂物", ParentID: garbage.ParentID,
			Kind: garbage.Kind, LimitValue: 2, LimitUnit: "hour", DefaultUnitID: garbage.DefaultUnitID})
		must(t, err)
		d, err := intake("env-category", garbage, w.streetA)
		must(t, err)
		if d.CategoryName != "乱扔杂物" || d.LimitMinutes != 120 {
			t.Fatalf("after the edit a case shows %q with %d minutes, want 乱扔杂物 with 120", d.CategoryName, d.LimitMinutes)
		}
		list, err := w.cases.Categories(w.ctx, staff)
		must(t, err)
		for _, k := range list {
			if k.ID == garbage.ID && (k.Name != "乱扔杂物" || k.DefaultUnitName != "县环卫所") {
				t.Fatalf("catalogue shows %+v", k)
			}
		}
		warm(t)
		facility := w.facility
		_, err = ed.cases.UpdateCategory(w.ctx, staff, facility.ID, cases.CategoryInput{Code: facility.Code, Name: facility.Name, ParentID: facility.ParentID,
			Kind: facility.Kind, LimitValue: facility.LimitValue, LimitUnit: facility.LimitUnit, DefaultUnitID: facility.DefaultUnitID, Active: ptr(false)})
		must(t, err)
		_, err = intake("env-inactive", facility, w.streetA)
		wantCode(t, err, domain.CodeInvalid, "categoryId")
	})

	t.Run("rule", func(t *testing.T) {
		d, err := intake("env-rule", w.garbage, w.streetA)
		must(t, err)
		rule, err := ed.cases.CreateRule(w.ctx, staff, cases.RuleInput{CategoryID: &w.garbage.ID, UnitID: w.unitB, Priority: 1})
		must(t, err)
		d, err = w.cases.Dispatch(w.ctx, staff, d.ID, cases.DispatchInput{})
		must(t, err)
		if d.LeadUnitID == nil || *d.LeadUnitID != w.unitB {
			t.Fatalf("dispatched by rule to %s, want 县市场监管局", d.LeadUnitName)
		}
		must(t, ed.cases.DeleteRule(w.ctx, staff, rule.ID))
		d, err = intake("env-rule-gone", w.garbage, w.streetA)
		must(t, err)
		d, err = w.cases.Dispatch(w.ctx, staff, d.ID, cases.DispatchInput{})
		must(t, err)
		if d.LeadUnitID == nil || *d.LeadUnitID != w.subA {
			t.Fatalf("with the rule deleted dispatched to %s, want the default unit 县环卫所", d.LeadUnitName)
		}
	})

	t.Run("unit", func(t *testing.T) {
		d, err := intake("env-unit", w.garbage, w.streetA)
		must(t, err)
		u, err := ed.org.CreateUnit(w.ctx, sys, org.UnitInput{Name: "县城管局", Kind: "department", Class: "A", RegionID: &w.streetA})
		must(t, err)
		d, err = w.cases.Dispatch(w.ctx, staff, d.ID, cases.DispatchInput{UnitID: &u.ID})
		must(t, err)
		if d.LeadUnitName != "县城管局" {
			t.Fatalf("dispatched to %q, want the new unit", d.LeadUnitName)
		}
		_, err = ed.org.UpdateUnit(w.ctx, sys, u.ID, org.UnitInput{Name: "县城市管理局", Kind: "department", Class: "A", RegionID: &w.streetA})
		must(t, err)
		d, err = w.cases.Get(w.ctx, staff, d.ID)
		must(t, err)
		if d.LeadUnitName != "县城市管理局" {
			t.Fatalf("renamed unit shown as %q", d.LeadUnitName)
		}
		// A unit moved under A puts its cases in A's inbox at once.
		_, err = ed.org.UpdateUnit(w.ctx, sys, u.ID, org.UnitInput{Name: "县城市管理局", Kind: "department", Class: "A", ParentID: &w.unitA, RegionID: &w.streetA})
		must(t, err)
		list, _, err := w.cases.List(w.ctx, liaison, cases.Filter{View: "inbox"})
		must(t, err)
		if len(list) == 0 || list[0].ID != d.ID {
			t.Fatalf("unit A's inbox misses the case of its new sub-unit: %d cases", len(list))
		}
	})

	t.Run("region", func(t *testing.T) {
		warm(t)
		r, err := ed.org.CreateRegion(w.ctx, sys, org.RegionInput{Code: "620422102", Name: "新添镇", ParentID: &w.county})
		must(t, err)
		d, err := intake("env-region", w.garbage, r.ID)
		must(t, err)
		if d.RegionName != "新添镇" {
			t.Fatalf("region shown as %q", d.RegionName)
		}
		_, err = ed.org.UpdateRegion(w.ctx, sys, r.ID, org.RegionInput{Code: "620422102", Name: "新添堡镇", ParentID: &w.county})
		must(t, err)
		d, err = w.cases.Get(w.ctx, staff, d.ID)
		must(t, err)
		if d.RegionName != "新添堡镇" {
			t.Fatalf("renamed region shown as %q", d.RegionName)
		}
	})

	t.Run("settings", func(t *testing.T) {
		warm(t)
		set, err := w.cases.Settings(w.ctx, staff)
		must(t, err)
		moved := set
		moved.Bounds = cases.Bounds{MinLat: 36, MinLng: 104.5, MaxLat: 36.5, MaxLng: 105.6}
		_, err = ed.cases.UpdateSettings(w.ctx, staff, moved)
		must(t, err)
		_, err = intake("env-settings", w.garbage, w.streetA)
		wantCode(t, err, domain.CodeInvalid, "lat")
		_, err = ed.cases.UpdateSettings(w.ctx, staff, set)
		must(t, err)
		_, err = intake("env-settings", w.garbage, w.streetA)
		must(t, err)
	})

	t.Run("calendar", func(t *testing.T) {
		// Garbage now allows 2 working hours (see "category"). Accepted on
		// Tuesday 29 September at 15:00 it is due at 17:00; with that
		// afternoon made a holiday, the clock waits for 8 October 11:00.
		d, err := intake("env-calendar", w.garbage, w.streetA)
		must(t, err)
		_, err = w.cases.Dispatch(w.ctx, staff, d.ID, cases.DispatchInput{UnitID: &w.unitA})
		must(t, err)
		_, err = ed.cases.SetCalendarDay(w.ctx, staff, "2026-09-29", cases.CalendarDay{Kind: "holiday", Name: "临时休假"})
		must(t, err)
		_, err = ed.cases.SetCalendarDay(w.ctx, staff, "2026-09-30", cases.CalendarDay{Kind: "holiday", Name: "临时休假"})
		must(t, err)
		d, err = w.cases.Accept(w.ctx, liaison, d.ID, cases.NoteInput{})
		must(t, err)
		want := time.Date(2026, 10, 8, 11, 0, 0, 0, domain.Beijing)
		if d.Deadline == nil || !d.Deadline.Equal(want) {
			t.Fatalf("deadline %v, want %v", d.Deadline, want)
		}
		must(t, ed.cases.DeleteCalendarDay(w.ctx, staff, "2026-09-30"))
		must(t, ed.cases.DeleteCalendarDay(w.ctx, staff, "2026-09-29"))
		d, err = w.cases.Get(w.ctx, staff, d.ID)
		must(t, err)
		// 29 Sep 15:00–17:00, 30 Sep 09:00–17:00, then 8 Oct 09:00–11:00.
		if d.RemainingMinutes == nil || *d.RemainingMinutes != 12*60 {
			t.Fatalf("remaining %v minutes, want 720 with the holidays gone", d.RemainingMinutes)
		}
	})

	t.Run("plain SQL", func(t *testing.T) {
		// An import or an operator at psql writes the tables directly.
		d, err := intake("env-sql", w.garbage, w.streetA)
		must(t, err)
		must(t, ed.db.Write(w.ctx, func(c *store.Conn) error {
			_, err := c.Exec(w.ctx, `UPDATE case_categories SET name = '垃圾乱扔' WHERE id = ?`, w.garbage.ID)
			return err
		}))
		d, err = w.cases.Get(w.ctx, staff, d.ID)
		must(t, err)
		if d.CategoryName != "垃圾乱扔" {
			t.Fatalf("category shown as %q after an update in SQL", d.CategoryName)
		}
	})
}

func TestEditsAreSeenByTheNextAction(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
		w := newWorld(t, db)
		checkEditsSeen(t, w, editor{cases: w.cases, org: w.org, db: db})
	})
}

// Two app servers share one database: the one that did not make a change
// sees it on its next action all the same.
func TestEditsByAnotherServerAreSeen(t *testing.T) {
	t.Parallel()
	for _, d := range storetest.Engines(t) {
		t.Run(string(d), func(t *testing.T) {
			one, two := twoHandles(t, d)
			w := newWorld(t, one)
			two.SetClock(func() time.Time { return w.now })
			blobs, err := blob.NewDisk(t.TempDir())
			w.must(err)
			orgs := org.NewService(two)
			other := cases.NewService(two, orgs, files.NewService(two, blobs))
			checkEditsSeen(t, w, editor{cases: other, org: orgs, db: two})
		})
	}
}

// twoHandles opens one fresh database twice, as two processes would.
func twoHandles(t *testing.T, d store.Dialect) (*store.DB, *store.DB) {
	t.Helper()
	ctx := context.Background()
	url, dir := storetest.URL(t, d), t.TempDir()
	open := func() *store.DB {
		db, err := store.Open(ctx, url, dir)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { db.Close() })
		return db
	}
	one := open()
	if err := one.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	return one, open()
}

// The environment is kept while config_versions says nothing changed: with
// the trigger on units gone, a rename in SQL stays unseen until the
// version moves.
func TestEnvIsKeptUntilTheVersionMoves(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
		w := newWorld(t, db)
		staff := w.as("staff")
		d := w.snap("kept", w.garbage)
		_, err := w.cases.Dispatch(w.ctx, staff, d.ID, cases.DispatchInput{UnitID: &w.unitB})
		w.must(err)
		drop := `DROP TRIGGER units_version_update`
		if db.Dialect == store.Postgres {
			drop = `DROP TRIGGER units_version ON units`
		}
		exec := func(q string, args ...any) {
			t.Helper()
			w.must(db.Write(w.ctx, func(c *store.Conn) error { _, err := c.Exec(w.ctx, q, args...); return err }))
		}
		exec(drop)
		exec(`UPDATE units SET name = '县市场监督管理局' WHERE id = ?`, w.unitB)
		d, err = w.cases.Get(w.ctx, staff, d.ID)
		w.must(err)
		if d.LeadUnitName != "县市场监管局" {
			t.Fatalf("unit shown as %q: the environment was read again with nothing changed", d.LeadUnitName)
		}
		exec(`UPDATE config_versions SET version = version + 1 WHERE name = 'units'`)
		d, err = w.cases.Get(w.ctx, staff, d.ID)
		w.must(err)
		if d.LeadUnitName != "县市场监督管理局" {
			t.Fatalf("unit shown as %q after the version moved", d.LeadUnitName)
		}
	})
}

// Requests share the cached environment while one of them changes the
// catalogue; run with -race to catch a request writing into the shared
// copy (each action stamps its own time on a copy of its own).
func TestEnvSharedByConcurrentRequests(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
		w := newWorld(t, db)
		staff, liaison := w.as("staff"), w.as("a_liaison")
		var ids []int64
		for i := range 8 {
			d := w.snap(fmt.Sprintf("race-%d", i), w.garbage)
			ids = append(ids, d.ID)
		}
		var wg sync.WaitGroup
		errs := make(chan error, 64)
		for i, id := range ids {
			wg.Go(func() {
				if _, err := w.cases.Dispatch(w.ctx, staff, id, cases.DispatchInput{UnitID: &w.unitA}); err != nil {
					errs <- err
				}
				for range 5 {
					if _, _, err := w.cases.List(w.ctx, liaison, cases.Filter{View: "inbox"}); err != nil {
						errs <- err
					}
					if _, err := w.cases.Get(w.ctx, staff, id); err != nil {
						errs <- err
					}
				}
				if i%2 == 0 {
					garbage := w.garbage
					if _, err := w.cases.UpdateCategory(w.ctx, staff, garbage.ID, cases.CategoryInput{Code: garbage.Code, Name: fmt.Sprintf("乱扔垃圾%d", i),
						ParentID: garbage.ParentID, Kind: garbage.Kind, LimitValue: 4, LimitUnit: "hour", DefaultUnitID: garbage.DefaultUnitID}); err != nil {
						errs <- err
					}
				}
			})
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			t.Error(err)
		}
		for _, id := range ids {
			d, err := w.cases.Get(w.ctx, staff, id)
			w.must(err)
			if d.DispatchedAt == nil || d.State != "dispatched" {
				t.Fatalf("case %d: %s dispatched at %v", id, d.State, d.DispatchedAt)
			}
		}
	})
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
