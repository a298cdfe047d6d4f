package patrol_test

import (
	"bytes"
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"wenming/internal/app"
	"wenming/internal/auth"
	"wenming/internal/blob"
	"wenming/internal/cases"
	"wenming/internal/domain"
	"wenming/internal/patrol"
	"wenming/internal/store"
	"wenming/internal/store/storetest"
	"wenming/internal/testbook"
	"wenming/internal/testcity"
)

// twoCounties is the test city with the points services over it: each
// county keeps a category 主次干道 of its own and a point on it, and the
// city keeps 农贸市场, which both counties use.
type twoCounties struct {
	*testcity.City
	city           *testcity.Office
	ctx            context.Context
	patrol         *patrol.Service
	roadA, roadB   patrol.Category // each county's own 主次干道
	market         patrol.Category // the city's, inherited
	pointA, pointB patrol.Point
}

// services builds every service over db, with files in a temporary folder.
func services(t *testing.T, db *store.DB) *app.Services {
	t.Helper()
	blobs, err := blob.NewDisk(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	svc := app.NewServices(db, app.Options{Blobs: blobs,
		Auth: auth.Policy{LockThreshold: 50, LockDuration: time.Minute, IdleTimeout: time.Hour, MaxAge: 24 * time.Hour}})
	t.Cleanup(svc.Files.WaitCopies)
	return svc
}

func newTwoCounties(t *testing.T, db *store.DB) *twoCounties {
	t.Helper()
	svc := services(t, db)
	c := testcity.New(t, db)
	w := &twoCounties{City: c, city: c.City, ctx: context.Background(), patrol: svc.Patrol}
	w.roadA = w.category(t, w.A.Staff, "主次干道")
	w.roadB = w.category(t, w.B.Staff, "主次干道")
	w.market = w.category(t, w.city.Staff, "农贸市场")
	w.pointA = w.point(t, w.A, "HN-001", "会宁人民路", w.roadA.ID)
	w.pointB = w.point(t, w.B, "JY-001", "靖远人民路", w.roadB.ID)
	return w
}

func (w *twoCounties) category(t *testing.T, a *domain.Actor, name string) patrol.Category {
	t.Helper()
	k, err := w.patrol.CreateCategory(w.ctx, a, patrol.CategoryInput{Name: name})
	if err != nil {
		t.Fatalf("%s creates %s: %v", a.Username, name, err)
	}
	return k
}

func (w *twoCounties) point(t *testing.T, o *testcity.Office, code, name string, category int64) patrol.Point {
	t.Helper()
	p, err := w.patrol.CreatePoint(w.ctx, o.Staff, patrol.PointInput{Code: code, Name: name, CategoryID: category,
		Lat: 35.69, Lng: 105.05, RegionID: &o.Street, UnitID: o.Dept})
	if err != nil {
		t.Fatalf("%s creates %s: %v", o.Name, name, err)
	}
	return p
}

func categoryIDs(list []patrol.Category) []int64 {
	var ids []int64
	for _, k := range list {
		ids = append(ids, k.ID)
	}
	return ids
}

// Each county keeps its own 主次干道 under the same name; it reads its own
// and the city's, edits only its own, and never sees the other county's.
func TestJurisdictionCategoriesAreEachCountysOwn(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
		w := newTwoCounties(t, db)
		if w.roadA.ID == w.roadB.ID || w.roadA.JurisdictionID != w.A.Jurisdiction || w.roadB.JurisdictionID != w.B.Jurisdiction {
			t.Fatalf("主次干道 of A %+v and of B %+v are not each county's own", w.roadA, w.roadB)
		}
		_, err := w.patrol.CreateCategory(w.ctx, w.A.Staff, patrol.CategoryInput{Name: "主次干道"})
		wantCode(t, err, domain.CodeConflict, "name")

		listA, err := w.patrol.Categories(w.ctx, w.A.Inspector)
		if err != nil {
			t.Fatal(err)
		}
		if ids := categoryIDs(listA); !slices.Contains(ids, w.roadA.ID) || !slices.Contains(ids, w.market.ID) || slices.Contains(ids, w.roadB.ID) {
			t.Errorf("county A lists categories %v; want its own %d and the city's %d, not B's %d", ids, w.roadA.ID, w.market.ID, w.roadB.ID)
		}
		for _, k := range listA {
			if want := k.ID == w.roadA.ID; k.Editable != want {
				t.Errorf("county A sees %s (%s) editable %v, want %v", k.Name, k.JurisdictionName, k.Editable, want)
			}
		}
		for _, tc := range []struct {
			name string
			do   func() error
			code domain.Code
		}{
			{"A reads B's category", func() error { _, err := w.patrol.Category(w.ctx, w.A.Staff, w.roadB.ID); return err }, domain.CodeNotFound},
			{"A renames B's category", func() error {
				_, err := w.patrol.UpdateCategory(w.ctx, w.A.Staff, w.roadB.ID, patrol.CategoryInput{Name: "改名"})
				return err
			}, domain.CodeForbidden},
			{"A renames the city's category", func() error {
				_, err := w.patrol.UpdateCategory(w.ctx, w.A.Staff, w.market.ID, patrol.CategoryInput{Name: "改名"})
				return err
			}, domain.CodeForbidden},
			{"A deletes B's category", func() error { return w.patrol.DeleteCategory(w.ctx, w.A.Staff, w.roadB.ID) }, domain.CodeForbidden},
		} {
			t.Run(tc.name, func(t *testing.T) {
				wantCode(t, tc.do(), tc.code, "")
			})
		}
		if _, err := w.patrol.Category(w.ctx, w.A.Staff, w.market.ID); err != nil {
			t.Errorf("county A cannot read the city's category it inherits: %v", err)
		}
	})
}

// A county's office reads, lists, exports and edits its own points only;
// the city office reads a county's points but does not edit them; a point
// takes no unit and no category of another county.
func TestJurisdictionPointsStayInTheirCounty(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
		w := newTwoCounties(t, db)
		if w.pointA.JurisdictionID != w.A.Jurisdiction || w.pointB.JurisdictionID != w.B.Jurisdiction {
			t.Fatalf("points in jurisdictions %d and %d, want A %d and B %d", w.pointA.JurisdictionID, w.pointB.JurisdictionID, w.A.Jurisdiction, w.B.Jurisdiction)
		}
		for _, a := range []*domain.Actor{w.A.Staff, w.A.Inspector, w.A.Leader} {
			list, _, err := w.patrol.Points(w.ctx, a, patrol.PointFilter{Page: 1, PageSize: 100})
			if err != nil {
				t.Fatal(err)
			}
			if len(list) != 1 || list[0].ID != w.pointA.ID {
				t.Errorf("%s lists %d points %v, want A's one", a.Username, len(list), list)
			}
		}
		var buf bytes.Buffer
		if err := w.patrol.ExportPoints(w.ctx, w.A.Staff, patrol.PointFilter{}, &buf); err != nil {
			t.Fatal(err)
		}
		if names := exportedCodes(t, buf.Bytes()); !slices.Equal(names, []string{"HN-001"}) {
			t.Errorf("county A exports %v, want only HN-001", names)
		}
		city, _, err := w.patrol.Points(w.ctx, w.city.Staff, patrol.PointFilter{Page: 1, PageSize: 100})
		if err != nil || len(city) != 2 {
			t.Errorf("the city office lists %d points (%v), want both counties'", len(city), err)
		}
		edit := patrol.PointInput{Name: "改名", CategoryID: w.roadA.ID, Lat: 35.69, Lng: 105.05, RegionID: &w.A.Street, UnitID: w.A.Dept}
		create := func(a *domain.Actor, in patrol.PointInput) func() error {
			return func() error { _, err := w.patrol.CreatePoint(w.ctx, a, in); return err }
		}
		in := func(code string, category int64, region *int64, unit int64) patrol.PointInput {
			return patrol.PointInput{Code: code, Name: "新点位", CategoryID: category, Lat: 35.69, Lng: 105.05, RegionID: region, UnitID: unit}
		}
		for _, tc := range []struct {
			name  string
			do    func() error
			code  domain.Code
			field string
		}{
			{"A reads B's point", func() error { _, err := w.patrol.Point(w.ctx, w.A.Staff, w.pointB.ID); return err }, domain.CodeForbidden, ""},
			{"A's inspector reads B's point", func() error { _, err := w.patrol.Point(w.ctx, w.A.Inspector, w.pointB.ID); return err }, domain.CodeForbidden, ""},
			{"A edits B's point", func() error { _, err := w.patrol.UpdatePoint(w.ctx, w.A.Staff, w.pointB.ID, edit); return err }, domain.CodeForbidden, ""},
			{"A deletes B's point", func() error { return w.patrol.DeletePoint(w.ctx, w.A.Staff, w.pointB.ID) }, domain.CodeForbidden, ""},
			{"B's inspector patrols A's point", func() error {
				_, _, err := w.patrol.Submit(w.ctx, w.B.Inspector, patrol.PatrolInput{ClientKey: "b-at-a", PointID: w.pointA.ID})
				return err
			}, domain.CodeForbidden, ""},
			{"the city edits A's point", func() error { _, err := w.patrol.UpdatePoint(w.ctx, w.city.Staff, w.pointA.ID, edit); return err }, domain.CodeForbidden, ""},
			{"A gives its point B's unit", create(w.A.Staff, in("HN-002", w.roadA.ID, &w.A.Street, w.B.Dept)), domain.CodeInvalid, "unitId"},
			{"A gives a point B's unit alone", create(w.A.Staff, in("HN-003", w.roadA.ID, nil, w.B.Dept)), domain.CodeInvalid, "unitId"},
			{"A files a point in B's street", create(w.A.Staff, in("HN-004", w.roadA.ID, &w.B.Street, w.A.Dept)), domain.CodeInvalid, "regionId"},
			{"A files a point under B's category", create(w.A.Staff, in("HN-005", w.roadB.ID, &w.A.Street, w.A.Dept)), domain.CodeInvalid, "categoryId"},
		} {
			t.Run(tc.name, func(t *testing.T) {
				wantCode(t, tc.do(), tc.code, tc.field)
			})
		}
		if _, err := w.patrol.Point(w.ctx, w.city.Staff, w.pointA.ID); err != nil {
			t.Errorf("the city office cannot read county A's point: %v", err)
		}
		if _, err := w.patrol.CreatePoint(w.ctx, w.A.Staff, in("HN-006", w.market.ID, &w.A.Community, w.A.Neighbourhood)); err != nil {
			t.Errorf("county A cannot file a point under the city's category: %v", err)
		}
		if _, err := w.patrol.UpdatePoint(w.ctx, w.A.Staff, w.pointA.ID, edit); err != nil {
			t.Errorf("county A cannot edit its own point: %v", err)
		}
	})
}

// The points import resolves names inside the importer's county: its
// 县住建局, its 东关社区, its 主次干道. Codes are each county's own: the
// other county's code makes a point of the importer's, and the other
// county's point is neither renamed nor moved.
func TestJurisdictionPointsImportResolvesInTheCounty(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
		w := newTwoCounties(t, db)
		row := func(code, name string) []any {
			return []any{code, name, "主次干道", 105.06, 35.70, "WGS-84", "东关街", "东关社区", "", "县住建局", "", "", "启用"}
		}
		res, err := w.patrol.ImportPoints(w.ctx, w.A.Staff, pointsBook(t, row("HN-101", "东关街口")))
		if err != nil || res.Created != 1 {
			t.Fatalf("import: %+v, %v", res, err)
		}
		list, _, err := w.patrol.Points(w.ctx, w.A.Staff, patrol.PointFilter{Q: "HN-101", Page: 1, PageSize: 10})
		if err != nil || len(list) != 1 {
			t.Fatalf("the imported point: %v, %v", list, err)
		}
		p := list[0]
		if p.UnitID != w.A.Dept || p.RegionID == nil || *p.RegionID != w.A.Community || p.CategoryID != w.roadA.ID || p.JurisdictionID != w.A.Jurisdiction {
			t.Errorf("imported as unit %d, region %v, category %d, jurisdiction %d; want A's unit %d, community %d, category %d",
				p.UnitID, p.RegionID, p.CategoryID, p.JurisdictionID, w.A.Dept, w.A.Community, w.roadA.ID)
		}
		res, err = w.patrol.ImportPoints(w.ctx, w.A.Staff, pointsBook(t, row("JY-001", "会宁的同号点位")))
		if err != nil || res.Created != 1 {
			t.Fatalf("importing B's code in A: %+v, %v; want A's own new point", res, err)
		}
		if list, _, _ := w.patrol.Points(w.ctx, w.A.Staff, patrol.PointFilter{Q: "JY-001", Page: 1, PageSize: 10}); len(list) != 1 || list[0].Name != "会宁的同号点位" {
			t.Errorf("A's point coded JY-001: %+v", list)
		}
		b, err := w.patrol.Point(w.ctx, w.B.Staff, w.pointB.ID)
		if err != nil || b.Name != "靖远人民路" || b.UnitID != w.B.Dept {
			t.Errorf("B's point after A's import: %s of unit %d (%v)", b.Name, b.UnitID, err)
		}
	})
}

// pointsBook is a points workbook of the rows, in the import layout.
func pointsBook(t *testing.T, rows ...[]any) *bytes.Reader {
	t.Helper()
	header := []any{"编码", "名称", "类别", "经度", "纬度", "坐标系", "地址", "所属区域", "网格", "责任单位", "点长", "点长电话", "状态"}
	return testbook.Sheets(t, []string{"点位"}, map[string][][]any{"点位": append([][]any{header}, rows...)})
}

// exportedCodes reads the 编码 column of an exported points workbook.
func exportedCodes(t *testing.T, book []byte) []string {
	t.Helper()
	x, err := excelize.OpenReader(bytes.NewReader(book))
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	rows, err := x.GetRows("点位")
	if err != nil {
		t.Fatal(err)
	}
	var codes []string
	for _, r := range rows[1:] {
		if len(r) > 0 && strings.TrimSpace(r[0]) != "" {
			codes = append(codes, r[0])
		}
	}
	return codes
}

// A county's checklist cites the standards of the framework its own
// jurisdiction works to, never another county's: county A imports a
// framework, county B (with none of its own or from above) cannot cite it.
func TestChecklistCitesItsCountysFramework(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
		svc := services(t, db)
		c := testcity.New(t, db)
		ctx := t.Context()
		if _, err := svc.Framework.Import(ctx, c.A.Staff, frameworkBook(t)); err != nil {
			t.Fatal(err)
		}
		for _, o := range []*testcity.Office{c.A, c.B} {
			kind, err := svc.Cases.CreateCategory(ctx, o.Staff, cases.CategoryInput{Code: o.Code, Name: "站台卫生", Kind: "campaign", LimitValue: 1, LimitUnit: "day"})
			if err != nil {
				t.Fatal(err)
			}
			stop, err := svc.Patrol.CreateCategory(ctx, o.Staff, patrol.CategoryInput{Name: "公交站点"})
			if err != nil {
				t.Fatal(err)
			}
			_, err = svc.Patrol.SetChecks(ctx, o.Staff, stop.ID, patrol.ChecklistInput{Checks: []patrol.CheckInput{
				{Text: "站台无积存垃圾", Severity: "minor", CaseCategoryID: kind.ID, StandardCodes: []string{"10.1.1.1"}}}})
			if o == c.A && err != nil {
				t.Errorf("county A cannot cite its own framework: %v", err)
			}
			if o == c.B && err == nil {
				t.Error("county B's checklist cites county A's framework")
			}
		}
	})
}
