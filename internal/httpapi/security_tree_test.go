package httpapi_test

import (
	"context"
	"fmt"
	"sync"
	"testing"

	"wenming/internal/domain"
	"wenming/internal/org"
	"wenming/internal/store"
	"wenming/internal/store/storetest"
)

// Defect 4: a writer keeps the unit tree within its scope: no parent it
// cannot see, no move that drags along units outside its scope, and for a
// unit-scoped writer no region of its choosing.
func TestUnitTreeStaysInWritersScope(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
		f := newFixture(t, db)
		ctx := context.Background()
		sys := domain.System("测试", domain.RoleSysAdmin)
		unit := func(name string, parent *int64, region *int64) map[string]any {
			m := map[string]any{"name": name, "kind": "department", "class": "B"}
			if parent != nil {
				m["parentId"] = *parent
			}
			if region != nil {
				m["regionId"] = *region
			}
			return m
		}
		staff := f.login("a_staff") // street A
		res := staff.do("POST", "/api/v1/units", unit("甲挂乙下", &f.unitB, &f.streetA)).want(400)
		if e := res.apiError(); e.Error.Field != "parentId" || !hasChinese(e.Error.Message) {
			t.Fatalf("parent outside scope: %s", res.body)
		}
		var mine domain.Unit
		staff.do("POST", "/api/v1/units", unit("甲新上级", nil, &f.streetA)).want(201).json(&mine)
		// Moving under a parent outside scope is refused too.
		staff.do("PUT", fmt.Sprintf("/api/v1/units/%d", mine.ID), unit("甲新上级", &f.unitB, &f.streetA)).want(400)

		// Unit A has a sub-unit filed under street B: street-A staff may not
		// move unit A, and with it that sub-unit.
		if _, err := f.org.CreateUnit(ctx, sys, org.UnitInput{Name: "甲单位乙镇分所", Kind: "department", Class: "B", ParentID: &f.unitA, RegionID: &f.streetB}); err != nil {
			t.Fatal(err)
		}
		res = staff.do("PUT", fmt.Sprintf("/api/v1/units/%d", f.unitA), unit("甲单位", &mine.ID, &f.streetA)).want(400)
		if e := res.apiError(); e.Error.Field != "parentId" {
			t.Fatalf("subtree outside scope: %s", res.body)
		}
		// A unit wholly in scope still moves, and renaming unit A is fine.
		staff.do("PUT", fmt.Sprintf("/api/v1/units/%d", f.subA), unit("甲单位下属所", &mine.ID, &f.streetA)).want(200)
		staff.do("PUT", fmt.Sprintf("/api/v1/units/%d", f.unitA), unit("甲单位", nil, &f.streetA)).want(200)

		// A unit-scoped office worker files sub-units under its own unit's
		// region or none, never another region.
		f.person("a_unit_staff", "甲本单位创城", f.unitA, []domain.Role{domain.RoleOfficeStaff}, domain.ScopeUnit, nil)
		us := f.login("a_unit_staff")
		res = us.do("POST", "/api/v1/units", unit("甲下属乙区", &f.unitA, &f.streetB)).want(400)
		if e := res.apiError(); e.Error.Field != "regionId" {
			t.Fatalf("unit-scoped region: %s", res.body)
		}
		us.do("POST", "/api/v1/units", unit("甲下属甲区", &f.unitA, &f.streetA)).want(201)
		us.do("POST", "/api/v1/units", unit("甲下属无区", &f.unitA, nil)).want(201)
		n, err := db.Read().Count(ctx, `SELECT COUNT(*) FROM units WHERE name IN ('甲挂乙下', '甲下属乙区')`)
		if err != nil || n != 0 {
			t.Fatalf("refused units were written: %d %v", n, err)
		}
	})
}

// Defect 6: creating under a unit while it moves never leaves a stale path.
func TestConcurrentUnitMovesKeepPathsRight(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
		f := newFixture(t, db)
		ctx := context.Background()
		sys := domain.System("测试", domain.RoleSysAdmin)
		mk := func(name string, parent *int64) int64 {
			u, err := f.org.CreateUnit(ctx, sys, org.UnitInput{Name: name, Kind: "department", Class: "B", ParentID: parent, RegionID: &f.streetA})
			if err != nil {
				t.Fatal(err)
			}
			return u.ID
		}
		// A moves through a row of parents, never back to one it left, so a
		// child filed under a stale path stays visibly wrong.
		const moves, creators, creates = 40, 6, 10
		parents := make([]int64, moves+1)
		for i := range parents {
			parents[i] = mk(fmt.Sprintf("上级%02d", i), nil)
		}
		a := mk("移动单位", &parents[0])
		var wg sync.WaitGroup
		errs := make(chan error, moves+creators*creates)
		wg.Add(1 + creators)
		go func() {
			defer wg.Done()
			for i := 1; i <= moves; i++ {
				if _, err := f.org.UpdateUnit(ctx, sys, a, org.UnitInput{Name: "移动单位", Kind: "department", Class: "B", ParentID: &parents[i], RegionID: &f.streetA}); err != nil {
					errs <- err
				}
			}
		}()
		for g := range creators {
			go func() {
				defer wg.Done()
				for i := range creates {
					if _, err := f.org.CreateUnit(ctx, sys, org.UnitInput{Name: fmt.Sprintf("下级%d-%02d", g, i), Kind: "department", Class: "B", ParentID: &a, RegionID: &f.streetA}); err != nil {
						errs <- err
					}
				}
			}()
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			t.Fatal(err)
		}
		rows, err := db.Read().Query(ctx, `SELECT u.id, u.name, u.path, COALESCE(p.path, '/') FROM units u LEFT JOIN units p ON p.id = u.parent_id`)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		for rows.Next() {
			var id int64
			var name, path, parentPath string
			if err := rows.Scan(&id, &name, &path, &parentPath); err != nil {
				t.Fatal(err)
			}
			if want := fmt.Sprintf("%s%d/", parentPath, id); path != want {
				t.Errorf("unit %s: path %s, want %s", name, path, want)
			}
		}
	})
}
