package patrol_test

import (
	"math"
	"slices"
	"strings"
	"testing"

	"wenming/internal/domain"
	"wenming/internal/patrol"
	"wenming/internal/store"
	"wenming/internal/store/storetest"
)

// The office keeps the points: each bad field refused by name, a unit
// outside the clerk's own town refused, a code given when none is typed,
// the chief's phone shown masked and kept when the masked form comes back.
func TestPointInput(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
		w := newWorld(t, db).stocked()
		good := patrol.PointInput{Name: "东关十字公交站", CategoryID: w.bus.ID, Lat: 35.6951, Lng: 105.0582, Address: "会师镇东关十字",
			RegionID: &w.streetA, UnitID: w.unitA, ChiefName: "钱站长", ChiefPhone: "0943-3221234"}
		with := func(edit func(*patrol.PointInput)) patrol.PointInput { in := good; edit(&in); return in }
		for _, tc := range []struct {
			name  string
			who   string
			in    patrol.PointInput
			code  domain.Code
			field string
		}{
			{"an inspector", "inspector", good, domain.CodeForbidden, ""},
			{"a unit's liaison", "a_liaison", good, domain.CodeForbidden, ""},
			{"a town clerk giving it to another town's unit", "town_staff", with(func(in *patrol.PointInput) { in.UnitID = w.unitB }), domain.CodeForbidden, ""},
			{"no name", "staff", with(func(in *patrol.PointInput) { in.Name = "" }), domain.CodeInvalid, "name"},
			{"no category", "staff", with(func(in *patrol.PointInput) { in.CategoryID = 0 }), domain.CodeInvalid, "categoryId"},
			{"latitude zero", "staff", with(func(in *patrol.PointInput) { in.Lat = 0 }), domain.CodeInvalid, "lat"},
			{"longitude off the globe", "staff", with(func(in *patrol.PointInput) { in.Lng = 200 }), domain.CodeInvalid, "lng"},
			{"an unknown coordinate system", "staff", with(func(in *patrol.PointInput) { in.Coords = "bd09" }), domain.CodeInvalid, "coords"},
			{"an unknown region", "staff", with(func(in *patrol.PointInput) { in.RegionID = ptr(int64(999999)) }), domain.CodeInvalid, "regionId"},
			{"no unit", "staff", with(func(in *patrol.PointInput) { in.UnitID = 0 }), domain.CodeInvalid, "unitId"},
			{"an unknown chief", "staff", with(func(in *patrol.PointInput) { in.ChiefUserID = ptr(int64(999999)) }), domain.CodeInvalid, "chiefUserId"},
			{"a bad phone", "staff", with(func(in *patrol.PointInput) { in.ChiefPhone = "12345" }), domain.CodeInvalid, "chiefPhone"},
			{"a code taken", "staff", with(func(in *patrol.PointInput) { in.Code = "GJ-001" }), domain.CodeConflict, "code"},
		} {
			t.Run(tc.name, func(t *testing.T) {
				_, err := w.patrol.CreatePoint(w.ctx, w.as(tc.who), tc.in)
				wantCode(t, err, tc.code, tc.field)
			})
		}
		if _, total, err := w.patrol.Points(w.ctx, w.as("staff"), patrol.PointFilter{}); err != nil || total != 3 {
			t.Fatalf("refused points stored: %d (%v)", total, err)
		}

		p, err := w.patrol.CreatePoint(w.ctx, w.as("town_staff"), good)
		w.must(err)
		if p.Code != w.regionCode(t, p.JurisdictionID)+"D0001" {
			t.Errorf("generated code %q for the jurisdiction's first point", p.Code)
		}
		if next, err := w.patrol.CreatePoint(w.ctx, w.as("town_staff"), good); err != nil || next.Code != w.regionCode(t, p.JurisdictionID)+"D0002" {
			t.Errorf("generated code %q for the second point (%v)", next.Code, err)
		}
		if !strings.Contains(p.ChiefPhone, "*") || !strings.HasSuffix(p.ChiefPhone, "1234") {
			t.Errorf("the chief's phone is shown %q, want it masked", p.ChiefPhone)
		}
		if !p.Active || p.QRToken == "" || p.UnitName != "县住建局" || p.RegionName != "会师镇" {
			t.Errorf("point %+v", p)
		}
		// The masked phone sent back means "unchanged".
		again := good
		again.Name, again.ChiefPhone = "东关十字公交站（北）", p.ChiefPhone
		upd, err := w.patrol.UpdatePoint(w.ctx, w.as("staff"), p.ID, again)
		w.must(err)
		var stored string
		w.must(db.Read().Get(w.ctx, "点位", `SELECT chief_phone FROM points WHERE id = ?`, []any{p.ID}, &stored))
		if upd.Name != "东关十字公交站（北）" || stored != "0943-3221234" || upd.Code != p.Code {
			t.Fatalf("update kept phone %q, code %q, name %q", stored, upd.Code, upd.Name)
		}
		// A point given in GCJ-02 (the Chinese base maps) is stored in WGS-84.
		gcj, err := w.patrol.CreatePoint(w.ctx, w.as("staff"), with(func(in *patrol.PointInput) { in.Name, in.Coords = "北关公交站", "gcj02" }))
		w.must(err)
		if d := domain.Distance(gcj.Lat, gcj.Lng, good.Lat, good.Lng); d < 300 || d > 800 {
			t.Errorf("GCJ-02 point moved %.0f m, want the few hundred metres of the offset", d)
		}
		// A point never patrolled is deleted; one with patrols is not.
		w.must(w.patrol.DeletePoint(w.ctx, w.as("staff"), gcj.ID))
		inspector := w.as("inspector")
		if _, _, err := w.patrol.Submit(w.ctx, inspector, patrol.PatrolInput{ClientKey: "xc-1", PointID: p.ID, Results: w.judged(inspector)}); err != nil {
			t.Fatal(err)
		}
		wantCode(t, w.patrol.DeletePoint(w.ctx, w.as("staff"), p.ID), domain.CodeConflict, "")
		wantCode(t, w.patrol.DeletePoint(w.ctx, w.as("a_liaison"), w.road.ID), domain.CodeForbidden, "")
	})
}

// Who sees which points: the county's office and inspectors all of them,
// a unit its own and its sub-units', a grid worker those of its unit; the
// nearby list is ordered by distance.
func TestPointScope(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
		w := newWorld(t, db).stocked()
		for who, want := range map[string][]int64{
			"staff":      {w.square.ID, w.road.ID, w.marketPoint.ID},
			"inspector":  {w.square.ID, w.road.ID, w.marketPoint.ID},
			"town_staff": {w.square.ID, w.road.ID},
			"a_liaison":  {w.square.ID, w.road.ID},
			"grid":       {w.road.ID},
			"b_liaison":  {w.marketPoint.ID},
		} {
			list, total, err := w.patrol.Points(w.ctx, w.as(who), patrol.PointFilter{Page: 1, PageSize: 50})
			w.must(err)
			var got []int64
			for _, p := range list {
				got = append(got, p.ID)
			}
			slices.Sort(got)
			slices.Sort(want)
			if !slices.Equal(got, want) || total != len(want) {
				t.Errorf("%s sees %v (total %d), want %v", who, got, total, want)
			}
		}
		_, err := w.patrol.Point(w.ctx, w.as("b_liaison"), w.square.ID)
		wantCode(t, err, domain.CodeForbidden, "")
		_, err = w.patrol.Point(w.ctx, w.as("grid"), w.square.ID)
		wantCode(t, err, domain.CodeForbidden, "")
		d, err := w.patrol.PointByToken(w.ctx, w.as("grid"), w.road.QRToken)
		w.must(err)
		if d.ID != w.road.ID || len(d.Checks) != 3 {
			t.Fatalf("point by its QR code: %+v", d)
		}
		filtered, _, err := w.patrol.Points(w.ctx, w.as("staff"), patrol.PointFilter{CategoryID: w.market.ID, PageSize: 50})
		w.must(err)
		if len(filtered) != 1 || filtered[0].ID != w.marketPoint.ID {
			t.Fatalf("category filter %+v", filtered)
		}
		// Standing at the square: the square, then 会师路 (about 950 m), then the market.
		near, err := w.patrol.Nearby(w.ctx, w.as("inspector"), 35.6936, 105.0531, 10)
		w.must(err)
		if len(near) != 3 || near[0].ID != w.square.ID || near[1].ID != w.road.ID || *near[0].DistanceMeters > 30 {
			t.Fatalf("nearby %+v", near)
		}
		if d := *near[1].DistanceMeters; math.Abs(float64(d)-domain.Distance(35.6936, 105.0531, 35.7001, 105.0602)) > 1 {
			t.Errorf("distance to 会师路 %d m", d)
		}
		_, err = w.patrol.Nearby(w.ctx, w.as("inspector"), 91, 105, 10)
		wantCode(t, err, domain.CodeInvalid, "lat")
	})
}
