package cases_test

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	"wenming/internal/blob"
	"wenming/internal/cases"
	"wenming/internal/domain"
	"wenming/internal/files"
	"wenming/internal/store"
	"wenming/internal/store/storetest"
	"wenming/internal/testcity"
)

// twoCounties is a city with two counties, a city category and a case
// service.
type twoCounties struct {
	*testcity.City
	city   *testcity.Office
	files  *files.Service
	svc    *cases.Service
	litter cases.Category // the city's category, inherited by the counties
}

func newTwoCounties(t *testing.T, db *store.DB) *twoCounties {
	t.Helper()
	c := testcity.New(t, db)
	blobs, err := blob.NewDisk(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	f := files.NewService(db, blobs)
	t.Cleanup(f.WaitCopies)
	w := &twoCounties{City: c, city: c.City, files: f, svc: cases.NewService(db, c.Org, f)}
	w.litter, err = w.svc.CreateCategory(t.Context(), c.City.Staff, cases.CategoryInput{Code: "01", Name: "乱扔垃圾", Kind: "campaign", LimitValue: 2, LimitUnit: "day"})
	if err != nil {
		t.Fatal(err)
	}
	return w
}

// photo uploads a real picture as the actor.
func (w *twoCounties) photo(t *testing.T, a *domain.Actor) int64 {
	t.Helper()
	f, err := w.files.Upload(t.Context(), a, "现场.png", bytes.NewReader(pngBytes(400, 300)))
	if err != nil {
		t.Fatal(err)
	}
	return f.ID
}

func (w *twoCounties) open(t *testing.T, a *domain.Actor, in cases.IntakeInput) (cases.CaseDetail, error) {
	t.Helper()
	if in.Source == "" {
		in.Source = "cadre_snap"
	}
	if in.CategoryID == 0 {
		in.CategoryID = w.litter.ID
	}
	in.Description = "路边垃圾堆积"
	d, _, err := w.svc.Intake(t.Context(), a, in)
	return d, err
}

func invalidOn(t *testing.T, err error, field string) {
	t.Helper()
	var de *domain.Error
	if !errors.As(err, &de) || de.Field != field || de.Message == "" {
		t.Fatalf("want a Chinese error on %q, got %v", field, err)
	}
}

// A county's office opens and dispatches cases only in its own county;
// the other county neither sees them nor handles them; the city office
// reads both.
func TestCasesStayInTheirCounty(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
		w := newTwoCounties(t, db)
		a, b := w.A, w.B

		_, err := w.open(t, a.Staff, cases.IntakeInput{RegionID: &b.Street})
		invalidOn(t, err, "regionId")
		_, err = w.open(t, a.Staff, cases.IntakeInput{UnitID: &b.Dept})
		invalidOn(t, err, "unitId")

		unplaced, err := w.open(t, a.Staff, cases.IntakeInput{})
		if err != nil {
			t.Fatal(err)
		}
		if unplaced.JurisdictionID == nil || *unplaced.JurisdictionID != a.Jurisdiction {
			t.Fatalf("a case with no place is the reporter's county's, got %v", unplaced.JurisdictionID)
		}
		_, err = w.svc.Dispatch(t.Context(), a.Staff, unplaced.ID, cases.DispatchInput{UnitID: &b.Dept})
		invalidOn(t, err, "unitId")
		_, err = w.svc.Dispatch(t.Context(), a.Staff, unplaced.ID, cases.DispatchInput{UnitID: &a.Dept, CoUnitIDs: []int64{b.Township}})
		invalidOn(t, err, "coUnitIds")

		for _, who := range []*domain.Actor{b.Staff, b.Leader, b.Inspector, b.Liaison} {
			if _, err := w.svc.Get(t.Context(), who, unplaced.ID); err == nil {
				t.Errorf("%s of county B reads county A's case", who.Username)
			}
		}
		pool := func(who *domain.Actor) []int64 {
			list, _, err := w.svc.List(t.Context(), who, cases.Filter{View: "pool", Page: 1, PageSize: 50})
			if err != nil {
				t.Fatal(err)
			}
			var ids []int64
			for _, k := range list {
				ids = append(ids, k.ID)
			}
			return ids
		}
		if slices.Contains(pool(b.Staff), unplaced.ID) {
			t.Error("county B's pool lists county A's unplaced case")
		}
		for _, who := range []*domain.Actor{a.Staff, w.city.Staff} {
			if !slices.Contains(pool(who), unplaced.ID) {
				t.Errorf("%s does not see county A's case in the pool", who.Username)
			}
		}

		d, err := w.svc.Dispatch(t.Context(), a.Staff, unplaced.ID, cases.DispatchInput{UnitID: &a.Dept})
		if err != nil || d.State != cases.StateDispatched {
			t.Fatalf("dispatch within the county: %v %v", d.State, err)
		}
		if _, err := w.svc.Accept(t.Context(), b.Liaison, unplaced.ID, cases.NoteInput{}); err == nil {
			t.Error("county B's 县住建局 liaison accepted county A's 县住建局 case")
		}
		if _, err := w.svc.Accept(t.Context(), a.Liaison, unplaced.ID, cases.NoteInput{}); err != nil {
			t.Errorf("county A's liaison cannot accept his case: %v", err)
		}
	})
}

// Rules dispatch a county's cases only to its own units, and one county's
// rules never touch the other's cases.
func TestDispatchRulesBelongToTheirCounty(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
		w := newTwoCounties(t, db)
		a, b := w.A, w.B
		ctx := t.Context()
		_, err := w.svc.CreateRule(ctx, a.Staff, cases.RuleInput{CategoryID: &w.litter.ID, UnitID: b.Dept})
		invalidOn(t, err, "unitId")
		_, err = w.svc.CreateRule(ctx, a.Staff, cases.RuleInput{RegionID: &b.Street, UnitID: a.Dept})
		invalidOn(t, err, "regionId")
		ruleB, err := w.svc.CreateRule(ctx, b.Staff, cases.RuleInput{CategoryID: &w.litter.ID, UnitID: b.Dept})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.svc.UpdateRule(ctx, a.Staff, ruleB.ID, cases.RuleInput{CategoryID: &w.litter.ID, UnitID: a.Dept}); err == nil {
			t.Error("county A's office changed county B's rule")
		}
		if err := w.svc.DeleteRule(ctx, a.Staff, ruleB.ID); err == nil {
			t.Error("county A's office deleted county B's rule")
		}
		rules, err := w.svc.Rules(ctx, a.Staff)
		if err != nil {
			t.Fatal(err)
		}
		if len(rules) != 0 {
			t.Errorf("county A lists %d rules of county B", len(rules))
		}

		k, err := w.open(t, a.Staff, cases.IntakeInput{RegionID: &a.Street})
		if err != nil {
			t.Fatal(err)
		}
		_, err = w.svc.Dispatch(ctx, a.Staff, k.ID, cases.DispatchInput{})
		invalidOn(t, err, "unitId") // B's rule does not apply in A: no rule here yet
		if _, err := w.svc.CreateRule(ctx, a.Staff, cases.RuleInput{CategoryID: &w.litter.ID, UnitID: a.Dept}); err != nil {
			t.Fatal(err)
		}
		d, err := w.svc.Dispatch(ctx, a.Staff, k.ID, cases.DispatchInput{})
		if err != nil || d.LeadUnitID == nil || *d.LeadUnitID != a.Dept {
			t.Fatalf("dispatched by county A's rule to %v (%v), want county A's 县住建局", d.LeadUnitID, err)
		}
	})
}

// The city fixes some of its settings for its counties (不允许下级调整):
// a county's own value of a fixed setting gives way to the city's, a
// county cannot change it and is told who fixed it, and it keeps what the
// city left open.
func TestCityFixesSettingsForItsCounties(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
		w := newTwoCounties(t, db)
		ctx := t.Context()
		city := cases.Settings{Bounds: cases.Bounds{MinLat: 35, MinLng: 103.5, MaxLat: 37.5, MaxLng: 105.8},
			DuplicateRadiusMeters: 100, DuplicateWindowHours: 72, RemindAtPercent: 75, ReopenDays: 7, WorkStart: "08:30", WorkEnd: "17:30"}
		if _, err := w.svc.UpdateSettings(ctx, w.city.Staff, city); err != nil {
			t.Fatal(err)
		}
		own := city
		own.ReopenDays, own.RemindAtPercent = 15, 60
		if _, err := w.svc.UpdateSettings(ctx, w.A.Staff, own); err != nil {
			t.Fatal(err)
		}
		city.LockedBelow = []string{"reopenDays", "nonsense"}
		_, err := w.svc.UpdateSettings(ctx, w.city.Staff, city)
		invalidOn(t, err, "lockedBelow")
		city.LockedBelow = []string{"reopenDays"}
		if got, err := w.svc.UpdateSettings(ctx, w.city.Staff, city); err != nil || !slices.Equal(got.LockedBelow, []string{"reopenDays"}) {
			t.Fatalf("the city fixes 重开天数: %+v (%v)", got.LockedBelow, err)
		}
		got, err := w.svc.Settings(ctx, w.A.Staff)
		if err != nil || got.ReopenDays != 7 || got.RemindAtPercent != 60 || got.InheritedFrom != "" {
			t.Fatalf("county A reads reopen %d remind %d from %q (%v); want the city's 7 and its own 60", got.ReopenDays, got.RemindAtPercent, got.InheritedFrom, err)
		}
		if o := got.Origins["reopenDays"]; !o.Locked || o.From != "白银市" {
			t.Errorf("reopenDays origin %+v, want fixed by 白银市", o)
		}
		if o := got.Origins["remindAtPercent"]; o.Locked || o.From != "" {
			t.Errorf("remindAtPercent origin %+v, want county A's own", o)
		}
		own = got
		own.ReopenDays = 30
		_, err = w.svc.UpdateSettings(ctx, w.A.Staff, own)
		if de, ok := domain.AsError(err); !ok || de.Field != "reopenDays" || !strings.Contains(de.Message, "白银市统一设置") {
			t.Errorf("county A changes the fixed setting: %v", err)
		}
		own.ReopenDays, own.RemindAtPercent = 7, 50
		if got, err := w.svc.UpdateSettings(ctx, w.A.Staff, own); err != nil || got.RemindAtPercent != 50 {
			t.Errorf("county A changes what is left open: %+v (%v)", got, err)
		}
		if got, _ := w.svc.Settings(ctx, w.B.Staff); got.ReopenDays != 7 || got.InheritedFrom != "白银市" || !got.Origins["reopenDays"].Locked {
			t.Errorf("county B reads %+v", got)
		}
	})
}

// The city's settings and categories flow down: a county inherits them,
// overrides its own parameters, adds its own categories, and changes
// neither the city's nor the other county's.
func TestCaseSettingsFlowDownFromTheCity(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
		w := newTwoCounties(t, db)
		a, b := w.A, w.B
		ctx := t.Context()
		city := cases.Settings{Bounds: cases.Bounds{MinLat: 35, MinLng: 103.5, MaxLat: 37.5, MaxLng: 105.8},
			DuplicateRadiusMeters: 100, DuplicateWindowHours: 72, RemindAtPercent: 75, ReopenDays: 7, WorkStart: "08:30", WorkEnd: "17:30"}
		if _, err := w.svc.UpdateSettings(ctx, w.city.Staff, city); err != nil {
			t.Fatal(err)
		}
		got, err := w.svc.Settings(ctx, a.Liaison)
		if err != nil || got.InheritedFrom != "白银市" || got.WorkStart != "08:30" {
			t.Fatalf("county A reads %+v (%v), want the city's settings marked 沿用白银市", got, err)
		}
		own := got
		own.DuplicateRadiusMeters = 50
		if _, err := w.svc.UpdateSettings(ctx, a.Staff, own); err != nil {
			t.Fatal(err)
		}
		if got, _ := w.svc.Settings(ctx, a.Staff); got.InheritedFrom != "" || got.DuplicateRadiusMeters != 50 {
			t.Errorf("county A's own settings read %+v", got)
		}
		if got, _ := w.svc.Settings(ctx, b.Staff); got.InheritedFrom != "白银市" || got.DuplicateRadiusMeters != 100 {
			t.Errorf("county B reads %+v, want the city's unchanged", got)
		}
		if got, _ := w.svc.Settings(ctx, w.city.Staff); got.DuplicateRadiusMeters != 100 {
			t.Errorf("county A's change reached the city: %+v", got)
		}
		if got, err := w.svc.InheritSettings(ctx, a.Staff); err != nil || got.InheritedFrom != "白银市" || got.DuplicateRadiusMeters != 100 {
			t.Errorf("after going back to the city's settings county A reads %+v (%v)", got, err)
		}
		own.WorkStart = "09:00"
		_, err = w.svc.UpdateSettings(ctx, a.Staff, own)
		invalidOn(t, err, "workStart")
		if _, err := w.svc.SetCalendarDay(ctx, a.Staff, "2026-10-01", cases.CalendarDay{Kind: "holiday", Name: "国庆节"}); err == nil {
			t.Error("a county changed the city's working calendar")
		}
		if _, err := w.svc.SetCalendarDay(ctx, w.city.Staff, "2026-10-01", cases.CalendarDay{Kind: "holiday", Name: "国庆节"}); err != nil {
			t.Error(err)
		}

		if _, err := w.svc.UpdateCategory(ctx, a.Staff, w.litter.ID, cases.CategoryInput{Code: "01", Name: "改名", Kind: "campaign", LimitValue: 1, LimitUnit: "day"}); err == nil {
			t.Error("a county changed the city's category")
		}
		mine, err := w.svc.CreateCategory(ctx, a.Staff, cases.CategoryInput{Code: "A01", Name: "黄河滩区垃圾", Kind: "campaign", LimitValue: 3, LimitUnit: "day", DefaultUnitID: &a.Dept})
		if err != nil {
			t.Fatal(err)
		}
		_, err = w.svc.CreateCategory(ctx, b.Staff, cases.CategoryInput{Code: "B01", Name: "默认单位在别县", Kind: "campaign", LimitValue: 3, LimitUnit: "day", DefaultUnitID: &a.Dept})
		invalidOn(t, err, "defaultUnitId")
		listB, err := w.svc.Categories(ctx, b.Liaison)
		if err != nil {
			t.Fatal(err)
		}
		for _, k := range listB {
			if k.ID == mine.ID {
				t.Error("county B lists county A's own category")
			}
		}
		_, err = w.open(t, b.Staff, cases.IntakeInput{CategoryID: mine.ID})
		invalidOn(t, err, "categoryId")
		if _, err := w.open(t, a.Staff, cases.IntakeInput{CategoryID: mine.ID}); err != nil {
			t.Errorf("county A cannot use its own category: %v", err)
		}
	})
}

// square is a GeoJSON feature of a square outline around a point.
func square(code string, lat, lng, half float64) string {
	return fmt.Sprintf(`{"type":"Feature","properties":{"code":%q},"geometry":{"type":"Polygon","coordinates":[[[%g,%g],[%g,%g],[%g,%g],[%g,%g],[%g,%g]]]}}`,
		code, lng-half, lat-half, lng+half, lat-half, lng+half, lat+half, lng-half, lat+half, lng-half, lat-half)
}

func featureCollection(features ...string) *strings.Reader {
	return strings.NewReader(`{"type":"FeatureCollection","features":[` + strings.Join(features, ",") + `]}`)
}

// A report with no street is located by the outlines into its community,
// so its county's rules dispatch it; a position outside every county's
// outline is refused; a county's case never goes to the other county's
// unit, whatever the point or rule says.
func TestReportsAreLocatedByOutline(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
		w := newTwoCounties(t, db)
		a, b := w.A, w.B
		ctx := t.Context()
		// The city draws its counties (A south, B north); A draws its community.
		if _, err := w.Org.ImportBoundaries(ctx, w.city.Staff, featureCollection(
			square(a.Code, 35.7, 105.0, 0.3), square(b.Code, 36.6, 104.7, 0.3))); err != nil {
			t.Fatal(err)
		}
		if _, err := w.Org.ImportBoundaries(ctx, a.Staff, featureCollection(square(a.Code+"100001", 35.70, 105.05, 0.01))); err != nil {
			t.Fatal(err)
		}
		_, err := w.Org.ImportBoundaries(ctx, a.Staff, featureCollection(square(b.Code+"100001", 36.6, 104.7, 0.01)))
		var de *domain.Error
		if !errors.As(err, &de) || len(de.Details) != 1 {
			t.Fatalf("county A outlined county B's community: %v", err)
		}
		if _, err := w.svc.CreateRule(ctx, a.Staff, cases.RuleInput{CategoryID: &w.litter.ID, UnitID: a.Neighbourhood}); err != nil {
			t.Fatal(err)
		}

		lat, lng := 35.701, 105.049
		k, err := w.open(t, a.Inspector, cases.IntakeInput{Source: "supervision", Lat: &lat, Lng: &lng})
		if err != nil {
			t.Fatal(err)
		}
		if k.RegionID == nil || *k.RegionID != a.Community || k.JurisdictionID == nil || *k.JurisdictionID != a.Jurisdiction {
			t.Fatalf("located in region %v, jurisdiction %v; want county A's 东关社区", k.RegionID, k.JurisdictionID)
		}
		d, err := w.svc.Dispatch(ctx, a.Staff, k.ID, cases.DispatchInput{})
		if err != nil || d.LeadUnitID == nil || *d.LeadUnitID != a.Neighbourhood {
			t.Fatalf("dispatched to %v (%v), want county A's community by its rule", d.LeadUnitID, err)
		}
		if _, err := w.svc.Get(ctx, b.Staff, k.ID); err == nil {
			t.Error("county B's office reads the case located in county A")
		}

		far, farLng := 38.5, 102.0
		_, err = w.open(t, a.Inspector, cases.IntakeInput{Source: "supervision", Lat: &far, Lng: &farLng})
		invalidOn(t, err, "lat")

		// A patrol of B's point names B's region: A's unit cannot take it.
		north, northLng := 36.6, 104.7
		_, err = w.open(t, b.Staff, cases.IntakeInput{Source: "patrol", RegionID: &b.Street, Lat: &north, Lng: &northLng, UnitID: &a.Dept})
		invalidOn(t, err, "unitId")
	})
}

// Each county numbers its cases apart, behind its region code.
func TestCaseCodesCarryTheJurisdiction(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
		w := newTwoCounties(t, db)
		day := db.Now().In(domain.Beijing).Format("20060102")
		for _, o := range []*testcity.Office{w.A, w.B, w.A} {
			if _, err := w.open(t, o.Staff, cases.IntakeInput{RegionID: &o.Street}); err != nil {
				t.Fatal(err)
			}
		}
		list, _, err := w.svc.List(t.Context(), w.city.Staff, cases.Filter{View: "pool", Page: 1, PageSize: 10})
		if err != nil {
			t.Fatal(err)
		}
		var codes []string
		for _, k := range list {
			codes = append(codes, k.Code)
		}
		slices.Sort(codes)
		want := []string{w.B.Code + day + "00001", w.A.Code + day + "00001", w.A.Code + day + "00002"}
		slices.Sort(want)
		if !slices.Equal(codes, want) {
			t.Errorf("codes %v, want %v", codes, want)
		}
	})
}

// A resident's report that names no place lands where its category is
// kept: a county's own category places it in that county, for its office.
func TestUnplacedReportGoesWhereItsCategoryIsKept(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
		w := newTwoCounties(t, db)
		ctx := t.Context()
		own, err := w.svc.CreateCategory(ctx, w.A.Staff, cases.CategoryInput{Code: "A9", Name: "会宁县占道经营", Kind: "campaign", LimitValue: 1, LimitUnit: "day"})
		if err != nil {
			t.Fatal(err)
		}
		r, _, err := w.svc.SnapByResident(ctx, cases.ResidentInput{ClientKey: "r-1", CategoryID: own.ID, Description: "人行道被摊位占满"},
			[]cases.Upload{{Name: "现场.png", Body: bytes.NewReader(pngBytes(400, 300))}})
		if err != nil {
			t.Fatal(err)
		}
		list, _, err := w.svc.List(ctx, w.A.Staff, cases.Filter{View: "pool", Q: r.Code, Page: 1, PageSize: 5})
		if err != nil || len(list) != 1 || list[0].JurisdictionID == nil || *list[0].JurisdictionID != w.A.Jurisdiction {
			t.Fatalf("county A's pool: %+v (%v), want the resident's case in county A", list, err)
		}
		if list, _, _ := w.svc.List(ctx, w.B.Staff, cases.Filter{View: "pool", Q: r.Code, Page: 1, PageSize: 5}); len(list) != 0 {
			t.Error("county B's pool lists it")
		}
		// County B keeps a category of the same name: the resident's form
		// tells the two apart by their county.
		if _, err := w.svc.CreateCategory(ctx, w.B.Staff, cases.CategoryInput{Code: "B9", Name: "会宁县占道经营", Kind: "campaign", LimitValue: 1, LimitUnit: "day"}); err != nil {
			t.Fatal(err)
		}
		form, err := w.svc.Form(ctx)
		if err != nil {
			t.Fatal(err)
		}
		var names []string
		for _, c := range form.Categories {
			names = append(names, c.Name)
		}
		if !slices.Contains(names, "会宁县占道经营（会宁县）") || !slices.Contains(names, "会宁县占道经营（靖远县）") || !slices.Contains(names, "乱扔垃圾") {
			t.Errorf("the resident's categories %v", names)
		}
	})
}
