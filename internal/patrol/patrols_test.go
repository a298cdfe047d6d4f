package patrol_test

import (
	"math"
	"strings"
	"sync"
	"testing"

	"wenming/internal/cases"
	"wenming/internal/domain"
	"wenming/internal/patrol"
	"wenming/internal/store"
	"wenming/internal/store/storetest"
)

// A failed check opens a case for the point's unit, dispatched straight to
// it with the failure's photo; the point shows its last result and open
// case; passed checks keep their photos with the patrol.
func TestFailedCheckOpensACase(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
		w := newWorld(t, db).stocked()
		inspector := w.as("inspector")
		results := w.judged(inspector, w.busAds)
		passPhoto := w.photo(inspector)
		results[1].FileIDs = []int64{passPhoto}
		results[2].Result = "na"
		lat, lng := north(w.square.Lat, w.square.Lng, 50)
		p, created, err := w.patrol.Submit(w.ctx, inspector, patrol.PatrolInput{ClientKey: "xc-0408-0930-01", PointID: w.square.ID,
			Lat: lat, Lng: lng, Note: "早高峰巡查", Results: results})
		w.must(err)
		if !created || p.Pass != 1 || p.Fail != 1 || p.NA != 1 || p.Far || p.DistanceMeters == nil || math.Abs(float64(*p.DistanceMeters)-50) > 2 ||
			p.InspectorName != "李督查" || p.PointName != "人民广场公交站" || p.CategoryName != "公交站点" {
			t.Fatalf("patrol %+v", p.PatrolSummary)
		}
		byCheck := map[int64]patrol.Observation{}
		for _, o := range p.Observations {
			byCheck[o.CheckID] = o
		}
		failed, passed := byCheck[w.busAds], byCheck[w.busJunk]
		if failed.Result != "fail" || failed.CaseID == nil || failed.CaseCode == "" || len(failed.Photos) != 1 || failed.Photos[0].FileID != results[0].FileIDs[0] {
			t.Fatalf("failed observation %+v", failed)
		}
		if passed.CaseID != nil || len(passed.Photos) != 1 || byCheck[w.busParking].CaseID != nil {
			t.Fatalf("a case was opened for a check that did not fail: %+v", p.Observations)
		}

		k, err := w.svc.Cases.Get(w.ctx, w.as("a_liaison"), *failed.CaseID)
		w.must(err)
		if k.Source != "patrol" || k.State != cases.StateDispatched || k.LeadUnitID == nil || *k.LeadUnitID != w.unitA ||
			k.PointID == nil || *k.PointID != w.square.ID || k.CategoryID != w.ads.ID || k.RegionID == nil || *k.RegionID != w.streetA ||
			!strings.Contains(k.Description, "人民广场公交站") || !strings.Contains(k.Description, "站亭、站牌无乱张贴") || !strings.Contains(k.Description, "站牌背面贴满小广告") {
			t.Fatalf("case %+v", k.Case)
		}
		if len(k.BeforePhotos) != 1 || k.BeforePhotos[0].FileID != results[0].FileIDs[0] {
			t.Fatalf("the case's photos %+v", k.BeforePhotos)
		}
		// The pass photo is read with the patrol, by those who see the point.
		for who, ok := range map[string]bool{"a_liaison": true, "b_liaison": false} {
			_, rc, err := w.svc.Files.Open(w.ctx, w.as(who), passPhoto, "")
			if rc != nil {
				rc.Close()
			}
			if (err == nil) != ok {
				t.Errorf("%s opens the patrol's photo: %v", who, err)
			}
		}
		pt, err := w.patrol.Point(w.ctx, w.as("staff"), w.square.ID)
		w.must(err)
		if pt.LastResult == nil || *pt.LastResult != "fail" || pt.LastPatrolAt == nil || pt.OpenCases != 1 || len(pt.Patrols) != 1 {
			t.Fatalf("point after the patrol %+v", pt.Point)
		}
		if n, _ := db.Read().Count(w.ctx, `SELECT COUNT(*) FROM audit_log WHERE entity = 'patrol' AND action = 'create'`); n != 1 {
			t.Errorf("%d audit entries for the patrol", n)
		}
		// A clean patrol turns the point's last result to pass; its case stays open.
		if _, _, err := w.patrol.Submit(w.ctx, inspector, patrol.PatrolInput{ClientKey: "xc-0408-1400-01", PointID: w.square.ID, Results: w.judged(inspector)}); err != nil {
			t.Fatal(err)
		}
		pt, err = w.patrol.Point(w.ctx, w.as("staff"), w.square.ID)
		w.must(err)
		if *pt.LastResult != "pass" || pt.OpenCases != 1 || len(pt.Patrols) != 2 {
			t.Fatalf("point after a clean patrol %+v", pt.Point)
		}
	})
}

// A patrol sent from farther than the limit (200 m) is flagged, one
// without a position is not; the list filters the flagged ones.
func TestFarPatrolsAreFlagged(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
		w := newWorld(t, db).stocked()
		inspector := w.as("inspector")
		ids := map[string]int64{}
		for _, tc := range []struct {
			key     string
			metres  float64
			located bool
			far     bool
		}{
			{"near", 150, true, false},
			{"just over", 250, true, true},
			{"across town", 900, true, true},
			{"no position", 0, false, false},
		} {
			in := patrol.PatrolInput{ClientKey: "xc-" + tc.key, PointID: w.square.ID, Results: w.judged(inspector)}
			if tc.located {
				in.Lat, in.Lng = north(w.square.Lat, w.square.Lng, tc.metres)
			}
			p, _, err := w.patrol.Submit(w.ctx, inspector, in)
			w.must(err)
			ids[tc.key] = p.ID
			if p.Far != tc.far || (p.DistanceMeters != nil) != tc.located ||
				(tc.located && math.Abs(float64(*p.DistanceMeters)-tc.metres) > 2) {
				t.Errorf("%s: far %v distance %v, want far %v at %.0f m", tc.key, p.Far, p.DistanceMeters, tc.far, tc.metres)
			}
		}
		list, total, err := w.patrol.Patrols(w.ctx, w.as("staff"), patrol.PatrolFilter{Far: true, PageSize: 50})
		w.must(err)
		if total != 2 || len(list) != 2 || list[0].ID != ids["across town"] || list[1].ID != ids["just over"] {
			t.Fatalf("far patrols %+v", list)
		}
	})
}

// A phone that resends a patrol (a dropped connection, a double tap) gets
// the patrol already made, once, with one case per failure, even when the
// copies arrive together.
func TestResentPatrolIsRecordedOnce(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
		w := newWorld(t, db).stocked()
		inspector := w.as("inspector")
		in := patrol.PatrolInput{ClientKey: "xc-0408-dup", PointID: w.square.ID, Results: w.judged(inspector, w.busAds, w.busParking)}
		first, created, err := w.patrol.Submit(w.ctx, inspector, in)
		w.must(err)
		again, createdAgain, err := w.patrol.Submit(w.ctx, inspector, in)
		w.must(err)
		// Another answer under the same key still names the first patrol.
		other := in
		other.Results = w.judged(inspector)
		third, createdThird, err := w.patrol.Submit(w.ctx, inspector, other)
		w.must(err)
		if !created || createdAgain || createdThird || again.ID != first.ID || third.ID != first.ID || third.Fail != 2 {
			t.Fatalf("created %v %v %v, ids %d %d %d", created, createdAgain, createdThird, first.ID, again.ID, third.ID)
		}

		// Two copies at once.
		race := patrol.PatrolInput{ClientKey: "xc-0408-race", PointID: w.road.ID, Results: w.judged(inspector, w.busJunk)}
		var wg sync.WaitGroup
		got := make([]struct {
			id      int64
			created bool
			err     error
		}, 2)
		for i := range got {
			wg.Go(func() {
				p, c, err := w.patrol.Submit(w.ctx, inspector, race)
				got[i].id, got[i].created, got[i].err = p.ID, c, err
			})
		}
		wg.Wait()
		for _, g := range got {
			w.must(g.err)
		}
		if got[0].id != got[1].id || got[0].created == got[1].created {
			t.Fatalf("two copies at once: %+v", got)
		}
		for point, want := range map[int64]int{w.square.ID: 2, w.road.ID: 1} {
			if n, _ := db.Read().Count(w.ctx, `SELECT COUNT(*) FROM cases WHERE point_id = ?`, point); n != want {
				t.Errorf("point %d has %d cases, want %d", point, n, want)
			}
			if n, _ := db.Read().Count(w.ctx, `SELECT COUNT(*) FROM patrols WHERE point_id = ?`, point); n != 1 {
				t.Errorf("point %d has %d patrols, want 1", point, n)
			}
		}
	})
}

// A patrol is refused, naming the field, when made by someone who may not
// patrol there or when its answers do not cover the point's checklist
// exactly; a refused patrol leaves nothing behind.
func TestPatrolRefusals(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
		w := newWorld(t, db).stocked()
		inspector := w.as("inspector")
		off, err := w.patrol.CreatePoint(w.ctx, w.as("staff"), patrol.PointInput{Name: "旧车站公交站", CategoryID: w.bus.ID, Lat: 35.69, Lng: 105.05,
			UnitID: w.unitA, Active: ptr(false)})
		w.must(err)
		othersPhoto := w.photo(w.as("staff"))
		text, err := w.svc.Files.Upload(w.ctx, inspector, "说明.txt", strings.NewReader("站牌背面贴满小广告"))
		w.must(err)
		ok := func() patrol.PatrolInput {
			return patrol.PatrolInput{ClientKey: "xc-refused", PointID: w.square.ID, Results: []patrol.ResultInput{
				{CheckID: w.busAds, Result: "pass"}, {CheckID: w.busJunk, Result: "pass"}, {CheckID: w.busParking, Result: "pass"}}}
		}
		with := func(edit func(*patrol.PatrolInput)) patrol.PatrolInput { in := ok(); edit(&in); return in }
		for _, tc := range []struct {
			name  string
			who   string
			in    patrol.PatrolInput
			code  domain.Code
			field string
		}{
			{"a unit's liaison", "a_liaison", ok(), domain.CodeForbidden, ""},
			{"a grid worker at another unit's point", "grid", ok(), domain.CodeForbidden, ""},
			{"no client key", "inspector", with(func(in *patrol.PatrolInput) { in.ClientKey = " " }), domain.CodeInvalid, "clientKey"},
			{"an unknown point", "inspector", with(func(in *patrol.PatrolInput) { in.PointID = 999999 }), domain.CodeInvalid, "pointId"},
			{"a point taken out of use", "inspector", with(func(in *patrol.PatrolInput) { in.PointID = off.ID }), domain.CodeInvalid, "pointId"},
			{"latitude without longitude", "inspector", with(func(in *patrol.PatrolInput) { in.Lat = ptr(35.69) }), domain.CodeInvalid, "lat"},
			{"a position off the globe", "inspector", with(func(in *patrol.PatrolInput) { in.Lat, in.Lng = ptr(95.0), ptr(105.0) }), domain.CodeInvalid, "lat"},
			{"a long note", "inspector", with(func(in *patrol.PatrolInput) { in.Note = strings.Repeat("查", 501) }), domain.CodeInvalid, "note"},
			{"the market's check at a bus stop", "inspector", with(func(in *patrol.PatrolInput) { in.Results[0].CheckID = w.market.Checks[0].ID }), domain.CodeInvalid, "results[0].checkId"},
			{"a check judged twice", "inspector", with(func(in *patrol.PatrolInput) { in.Results[2].CheckID = w.busAds }), domain.CodeInvalid, "results[2].checkId"},
			{"an unknown result", "inspector", with(func(in *patrol.PatrolInput) { in.Results[1].Result = "good" }), domain.CodeInvalid, "results[1].result"},
			{"a failure without a photo", "inspector", with(func(in *patrol.PatrolInput) { in.Results[0].Result = "fail" }), domain.CodeInvalid, "results[0].fileIds"},
			{"seven photos", "inspector", with(func(in *patrol.PatrolInput) { in.Results[0].FileIDs = []int64{1, 2, 3, 4, 5, 6, 7} }), domain.CodeInvalid, "results[0].fileIds"},
			{"a check left out", "inspector", with(func(in *patrol.PatrolInput) { in.Results = in.Results[:2] }), domain.CodeInvalid, "results"},
			{"someone else's photo", "inspector", with(func(in *patrol.PatrolInput) {
				in.Results[0].Result, in.Results[0].FileIDs = "fail", []int64{othersPhoto}
			}), domain.CodeInvalid, "fileIds"},
			{"a text file as a photo", "inspector", with(func(in *patrol.PatrolInput) {
				in.Results[0].Result, in.Results[0].FileIDs = "fail", []int64{text.ID}
			}), domain.CodeInvalid, "fileIds"},
		} {
			t.Run(tc.name, func(t *testing.T) {
				_, _, err := w.patrol.Submit(w.ctx, w.as(tc.who), tc.in)
				wantCode(t, err, tc.code, tc.field)
			})
		}
		for _, table := range []string{"patrols", "observations", "cases"} {
			if n, _ := db.Read().Count(w.ctx, `SELECT COUNT(*) FROM `+table); n != 0 {
				t.Errorf("refused patrols left %d rows in %s", n, table)
			}
		}
		// The grid worker may patrol its own unit's stop.
		grid := w.as("grid")
		if _, created, err := w.patrol.Submit(w.ctx, grid, patrol.PatrolInput{ClientKey: "xc-grid", PointID: w.road.ID, Results: w.judged(grid)}); err != nil || !created {
			t.Fatalf("the grid worker's own stop: %v", err)
		}
	})
}

// A patrol is read by those who see its point, and by the one who made it.
func TestPatrolScope(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
		w := newWorld(t, db).stocked()
		inspector := w.as("inspector")
		p, _, err := w.patrol.Submit(w.ctx, inspector, patrol.PatrolInput{ClientKey: "xc-scope", PointID: w.square.ID, Results: w.judged(inspector)})
		w.must(err)
		for who, ok := range map[string]bool{"inspector": true, "staff": true, "town_staff": true, "a_liaison": true, "b_liaison": false, "grid": false} {
			_, err := w.patrol.Patrol(w.ctx, w.as(who), p.ID)
			if ok {
				w.must(err)
			} else {
				wantCode(t, err, domain.CodeForbidden, "")
			}
			list, _, err := w.patrol.Patrols(w.ctx, w.as(who), patrol.PatrolFilter{PageSize: 50})
			w.must(err)
			if (len(list) == 1) != ok {
				t.Errorf("%s lists %d patrols", who, len(list))
			}
		}
		if list, _, err := w.patrol.Patrols(w.ctx, w.as("staff"), patrol.PatrolFilter{UnitID: w.unitB, PageSize: 50}); err != nil || len(list) != 0 {
			t.Fatalf("unit filter: %+v %v", list, err)
		}
		_, _, err = w.patrol.Patrols(w.ctx, w.as("staff"), patrol.PatrolFilter{From: "2026-4-8"})
		wantCode(t, err, domain.CodeInvalid, "from")
	})
}
