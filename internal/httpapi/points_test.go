package httpapi_test

import (
	"bytes"
	"context"
	"fmt"
	"maps"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"wenming/internal/assessment"
	"wenming/internal/domain"
	"wenming/internal/patrol"
	"wenming/internal/store"
	"wenming/internal/store/storetest"
)

// pointsSetup imports the small framework, a case category, a point
// category with two checks and n points of unit A; it returns the
// category and the points.
func pointsSetup(t *testing.T, f *fixture, n int) (patrol.Category, []patrol.Point) {
	t.Helper()
	office := f.login("county_staff")
	var fw struct{ ID int64 }
	office.upload("/api/v1/frameworks/import", "体系.xlsx", frameworkBook(t, nil)).want(201).json(&fw)
	k := caseSetup(t, f)
	var cat patrol.Category
	office.do("POST", "/api/v1/point-categories", map[string]any{"name": "公交站点", "description": "公交站台"}).want(201).json(&cat)
	office.do("PUT", fmt.Sprintf("/api/v1/point-categories/%d/checks", cat.ID), map[string]any{"checks": []map[string]any{
		{"text": "站台整洁，无乱张贴", "severity": "minor", "caseCategoryId": k.ID, "standardCodes": []string{"1.1.1.2"}},
		{"text": "无暴露垃圾", "severity": "major", "caseCategoryId": k.ID, "standardCodes": []string{"1.1.2.1"}},
	}}).want(200).json(&cat)
	var points []patrol.Point
	for i := range n {
		var p patrol.Point
		office.do("POST", "/api/v1/points", map[string]any{"name": fmt.Sprintf("站点%02d", i+1), "categoryId": cat.ID, "lat": 35.69 + float64(i)*0.001, "lng": 105.05,
			"address": "会师镇", "regionId": f.streetA, "unitId": f.unitA, "chiefName": "张三", "chiefPhone": "13800001234"}).want(201).json(&p)
		points = append(points, p)
	}
	return cat, points
}

func (c *client) photo() int64 {
	c.f.t.Helper()
	var up struct{ ID int64 }
	c.upload("/api/v1/files", "现场.png", pngBytes(c.f.t)).want(201).json(&up)
	return up.ID
}

func results(cat patrol.Category, fail map[int]int64) []map[string]any {
	var out []map[string]any
	for i, ch := range cat.Checks {
		r := map[string]any{"checkId": ch.ID, "result": "pass", "fileIds": []int64{}}
		if id, ok := fail[i]; ok {
			r["result"], r["fileIds"], r["note"] = "fail", []int64{id}, "站牌上有小广告"
		}
		out = append(out, r)
	}
	return out
}

func standardRate(t *testing.T, sc assessment.Score, code string) *float64 {
	t.Helper()
	for _, s := range sc.Standards {
		if s.Code == code {
			return s.Rate
		}
	}
	t.Fatalf("standard %s not in the score", code)
	return nil
}

func TestPatrolOpensCasesAndMovesTheLiveScore(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
		f := newFixture(t, db)
		cat, points := pointsSetup(t, f, 2)
		inspector := f.login("a_inspector")

		if got := points[0].ChiefPhone; got != "138****1234" {
			t.Errorf("chief phone %q, want masked", got)
		}
		if cat.Checks[0].CaseCategoryName == "" || len(cat.Checks) != 2 {
			t.Fatalf("checklist: %+v", cat.Checks)
		}

		// A failure without a photo, a missing check, a replayed key.
		bad := results(cat, nil)
		bad[0]["result"] = "fail"
		if e := inspector.do("POST", "/api/v1/patrols", map[string]any{"clientKey": "k0", "pointId": points[0].ID, "results": bad}).want(400).apiError(); e.Error.Field != "results[0].fileIds" {
			t.Errorf("fail without photo: %+v", e)
		}
		if e := inspector.do("POST", "/api/v1/patrols", map[string]any{"clientKey": "k0", "pointId": points[0].ID, "results": results(cat, nil)[:1]}).want(400).apiError(); e.Error.Field != "results" {
			t.Errorf("a check left out: %+v", e)
		}
		photo := inspector.photo()
		body := map[string]any{"clientKey": "patrol-1", "pointId": points[0].ID, "lat": 35.69, "lng": 105.06, "results": results(cat, map[int]int64{0: photo})}
		var p patrol.Patrol
		inspector.do("POST", "/api/v1/patrols", body).want(201).json(&p)
		var again patrol.Patrol
		inspector.do("POST", "/api/v1/patrols", body).want(200).json(&again)
		if again.ID != p.ID || p.Fail != 1 || p.Pass != 1 {
			t.Fatalf("patrol %+v, replay %d", p.PatrolSummary, again.ID)
		}
		if !p.Far || p.DistanceMeters == nil || *p.DistanceMeters < 800 {
			t.Errorf("a patrol 900 m away is not flagged: %+v", p.PatrolSummary)
		}
		obs := p.Observations[0]
		if obs.Result != "fail" || obs.CaseID == nil || obs.CaseCode == "" || len(obs.Photos) != 1 {
			t.Fatalf("failed observation: %+v", obs)
		}

		// The case went straight to unit A, once.
		var inbox struct {
			Items []struct {
				ID         int64
				Source     string
				State      string
				LeadUnitID *int64
				PointID    *int64
			}
			Total int
		}
		f.login("a_liaison").do("GET", "/api/v1/cases?view=inbox", nil).want(200).json(&inbox)
		if inbox.Total != 1 || inbox.Items[0].Source != "patrol" || inbox.Items[0].State != "dispatched" || *inbox.Items[0].PointID != points[0].ID {
			t.Fatalf("unit A's inbox: %+v", inbox)
		}

		// Unit B sees neither the point nor the patrol.
		f.login("b_member").do("GET", fmt.Sprintf("/api/v1/points/%d", points[0].ID), nil).want(403)
		f.login("b_member").do("GET", fmt.Sprintf("/api/v1/patrols/%d", p.ID), nil).want(403)
		f.login("a_liaison").do("GET", fmt.Sprintf("/api/v1/patrols/%d", p.ID), nil).want(200)

		// The live score: 1 fail on 1.1.1.2, 1 pass on 1.1.2.1; then a clean patrol halves the failure rate.
		office := f.login("county_staff")
		var live assessment.Score
		office.do("GET", "/api/v1/scores/live", nil).want(200).json(&live)
		if r := standardRate(t, live, "1.1.1.2"); r == nil || *r != 0 {
			t.Fatalf("1.1.1.2 rate %v, want 0", r)
		}
		if r := standardRate(t, live, "1.1.2.1"); r == nil || *r != 1 {
			t.Fatalf("1.1.2.1 rate %v, want 1", r)
		}
		inspector.do("POST", "/api/v1/patrols", map[string]any{"clientKey": "patrol-2", "pointId": points[1].ID, "results": results(cat, nil)}).want(201)
		office.do("GET", "/api/v1/scores/live", nil).want(200).json(&live)
		if r := standardRate(t, live, "1.1.1.2"); r == nil || *r != 0.5 {
			t.Fatalf("1.1.1.2 rate %v, want 0.5", r)
		}
		if len(live.Units) != 1 || live.Units[0].UnitID != f.unitA || live.Units[0].Fail != 1 || live.Units[0].UnitName != "甲单位" {
			t.Errorf("units losing points: %+v", live.Units)
		}
		// The county's score over a period counts that period's patrols
		// only: this month has today's, the month before has none.
		month := time.Date(f.clock.now.In(domain.Beijing).Year(), f.clock.now.In(domain.Beijing).Month(), 1, 0, 0, 0, 0, domain.Beijing)
		for _, tc := range []struct {
			from   time.Time
			judged bool
		}{{month, true}, {month.AddDate(0, -1, 0), false}} {
			got, err := f.assessment.PeriodScoreIn(context.Background(), f.county, tc.from, tc.from.AddDate(0, 1, 0))
			if err != nil || (got != nil) != tc.judged {
				t.Errorf("the score of the month from %s: %v (%v), want judged %v", tc.from.Format(time.DateOnly), got, err, tc.judged)
			}
		}
		// The live score read the daily sums the database keeps; the
		// judgements themselves say the same, before and after an upgrade
		// fills the sums from existing patrols.
		day := domain.Midnight(f.clock.now)
		tally := func(w patrol.Window) map[int64]*patrol.CheckTally {
			got, err := f.patrol.Tally(context.Background(), w)
			if err != nil {
				t.Fatal(err)
			}
			return got
		}
		scanned := tally(patrol.Window{From: day.Add(-time.Second), To: day.AddDate(0, 0, 1)})
		if got := tally(patrol.Window{From: day, To: day.AddDate(0, 0, 1)}); !reflect.DeepEqual(got, scanned) || len(got) != 2 {
			t.Errorf("daily sums %v, scanned %v", got, scanned)
		}
		// So do the units' pass rates the ranking shows.
		rates := func(from time.Time) map[int64]float64 {
			got, err := f.patrol.UnitPassRates(context.Background(), from, day.AddDate(0, 0, 1))
			if err != nil {
				t.Fatal(err)
			}
			return got
		}
		scannedRates := rates(day.Add(-time.Second))
		if got := rates(day); !reflect.DeepEqual(got, scannedRates) || !(got[f.unitA] > 0 && got[f.unitA] < 1) {
			t.Errorf("unit pass rates from the daily sums %v, scanned %v; want unit A between 0 and 1", got, scannedRates)
		}
		if err := db.Rollback(context.Background(), 7); err != nil {
			t.Fatal(err)
		}
		if err := db.Migrate(context.Background()); err != nil {
			t.Fatal(err)
		}
		if got := tally(patrol.Window{From: day, To: day.AddDate(0, 0, 1)}); !reflect.DeepEqual(got, scanned) {
			t.Errorf("daily sums after the upgrade %v, scanned %v", got, scanned)
		}
		if got := rates(day); !reflect.DeepEqual(got, scannedRates) {
			t.Errorf("unit pass rates after the upgrade %v, scanned %v", got, scannedRates)
		}

		// The cockpit shows the live score and its weakest standard.
		var cockpit struct {
			Score struct {
				Total     *float64
				WeakSpots []string
			}
			Points []patrol.MapPoint
		}
		office.do("GET", "/api/v1/cockpit", nil).want(200).json(&cockpit)
		if cockpit.Score.Total == nil || *cockpit.Score.Total != live.Total || len(cockpit.Score.WeakSpots) == 0 || !strings.HasPrefix(cockpit.Score.WeakSpots[0], "1.1.1.2") {
			t.Errorf("cockpit score: %+v", cockpit.Score)
		}
		if len(cockpit.Points) != 2 || cockpit.Points[0].LastResult == nil || *cockpit.Points[0].LastResult != "fail" {
			t.Errorf("cockpit points: %+v", cockpit.Points)
		}

		// Drill down to the observation and its photo.
		var rows struct {
			Items []patrol.ObservationRow
			Total int
		}
		office.do("GET", "/api/v1/scores/observations?live=true&standardCode=1.1.1.2&result=fail", nil).want(200).json(&rows)
		if rows.Total != 1 || rows.Items[0].CaseCode == "" || len(rows.Items[0].Photos) != 1 {
			t.Fatalf("observations behind 1.1.1.2: %+v", rows)
		}
		office.do("GET", rows.Items[0].Photos[0].ThumbURL, nil).want(200)
		f.login("b_member").do("GET", "/api/v1/scores/observations?live=true&standardCode=1.1.1.2", nil).want(200).json(&rows)
		if rows.Total != 0 {
			t.Errorf("unit B sees unit A's observations: %+v", rows)
		}

		// A deduction from the negative list comes off its content.
		var frameworks struct{ Items []struct{ ID int64 } }
		office.do("GET", "/api/v1/frameworks", nil).want(200).json(&frameworks)
		today := f.clock.now.Format("2006-01-02")
		if e := office.do("POST", "/api/v1/negative-events", map[string]any{"frameworkId": frameworks.Items[0].ID, "code": "2", "occurredOn": today}).want(400).apiError(); e.Error.Field != "note" {
			t.Errorf("an event without a note: %+v", e.Error)
		}
		if e := office.do("POST", "/api/v1/negative-events", map[string]any{"frameworkId": frameworks.Items[0].ID, "code": "99", "occurredOn": today, "note": "x"}).want(400).apiError(); e.Error.Field != "code" {
			t.Errorf("an unknown item: %+v", e.Error)
		}
		f.login("a_inspector").do("POST", "/api/v1/negative-events", map[string]any{"frameworkId": frameworks.Items[0].ID, "code": "2", "occurredOn": today, "note": "x"}).want(403)
		office.do("POST", "/api/v1/negative-events", map[string]any{"frameworkId": frameworks.Items[0].ID, "code": "2", "occurredOn": today, "note": "媒体曝光站台脏乱"}).want(201)
		before := live.Total
		office.do("GET", "/api/v1/scores/live", nil).want(200).json(&live)
		if live.Deductions != 2 || live.Total != before-2 {
			t.Errorf("deduction: total %v → %v, deductions %v", before, live.Total, live.Deductions)
		}

		// Every change is audited.
		var audit struct {
			Items []struct{ Action, Entity string }
		}
		f.login("auditor").do("GET", "/api/v1/audit?pageSize=200", nil).want(200).json(&audit)
		for _, want := range []string{"point_category", "point_checklist", "point", "patrol", "negative_event"} {
			if !slices.ContainsFunc(audit.Items, func(e struct{ Action, Entity string }) bool { return e.Entity == want }) {
				t.Errorf("no audit entry for %s", want)
			}
		}
	})
}

func drawnIDs(d assessment.RoundDetail) []int64 {
	var ids []int64
	for _, p := range d.Points {
		ids = append(ids, p.PointID)
	}
	return ids
}

func TestRoundDrawsBySeedAndScoresItsPatrols(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
		f := newFixture(t, db)
		cat, _ := pointsSetup(t, f, 12)
		office := f.login("county_staff")
		var frameworks struct{ Items []struct{ ID int64 } }
		office.do("GET", "/api/v1/frameworks", nil).want(200).json(&frameworks)
		inspector := f.people["a_inspector"]
		plan := func(name string, seed int64) map[string]any {
			return map[string]any{"name": name, "frameworkId": frameworks.Items[0].ID, "seed": seed, "startsOn": "2026-03-01", "endsOn": "2026-03-10",
				"categories": []map[string]any{{"categoryId": cat.ID, "sampleSize": 4}}, "inspectorIds": []int64{inspector}}
		}
		// Bad plans name their field.
		for field, edit := range map[string]func(m map[string]any){
			"name":        func(m map[string]any) { m["name"] = " " },
			"endsOn":      func(m map[string]any) { m["endsOn"] = "2026-02-01" },
			"categories":  func(m map[string]any) { m["categories"] = []map[string]any{{"categoryId": cat.ID, "sampleSize": 0}} },
			"frameworkId": func(m map[string]any) { m["frameworkId"] = 999 },
			"inspectorIds": func(m map[string]any) {
				m["inspectorIds"] = []int64{f.people["b_member"]}
			},
		} {
			m := plan("坏方案", 1)
			edit(m)
			if e := office.do("POST", "/api/v1/rounds", m).want(400).apiError(); e.Error.Field != field {
				t.Errorf("%s: field %q (%s)", field, e.Error.Field, e.Error.Message)
			}
		}
		f.login("a_inspector").do("POST", "/api/v1/rounds", plan("督查员不能建", 1)).want(403)

		draw := func(name string, seed int64) assessment.RoundDetail {
			var d assessment.RoundDetail
			office.do("POST", "/api/v1/rounds", plan(name, seed)).want(201).json(&d)
			office.do("POST", fmt.Sprintf("/api/v1/rounds/%d/draw", d.ID), nil).want(200).json(&d)
			return d
		}
		first, same, other := draw("第一轮", 42), draw("同种子", 42), draw("另一种子", 43)
		if len(first.Points) != 4 || !slices.Equal(drawnIDs(first), drawnIDs(same)) {
			t.Fatalf("seed 42 drew %v then %v", drawnIDs(first), drawnIDs(same))
		}
		if slices.Equal(drawnIDs(first), drawnIDs(other)) {
			t.Errorf("seeds 42 and 43 drew the same points %v", drawnIDs(first))
		}
		if *first.Seed != 42 || first.Status != "drawn" || first.Inspectors[0].Assigned != 4 {
			t.Errorf("round after draw: %+v", first.Round)
		}
		office.do("PUT", fmt.Sprintf("/api/v1/rounds/%d", first.ID), plan("改", 1)).want(409)

		// The inspector's tasks; a point not drawn is refused; the drawn one fails a check.
		var tasks assessment.Tasks
		f.login("a_inspector").do("GET", "/api/v1/patrol/tasks", nil).want(200).json(&tasks)
		if len(tasks.Rounds) != 3 || len(tasks.Rounds[0].Points) != 4 {
			t.Fatalf("tasks: %+v", tasks)
		}
		drawn := first.Points[0].PointID
		var notDrawn int64
		for _, p := range f.mustPoints(t, office) {
			if !slices.Contains(drawnIDs(first), p) {
				notDrawn = p
			}
		}
		ins := f.login("a_inspector")
		ins.do("POST", "/api/v1/patrols", map[string]any{"clientKey": "r-x", "pointId": notDrawn, "roundId": first.ID, "results": results(cat, nil)}).want(400)
		f.login("a_grid").do("POST", "/api/v1/patrols", map[string]any{"clientKey": "r-g", "pointId": drawn, "roundId": first.ID, "results": results(cat, nil)}).want(403)
		ins.do("POST", "/api/v1/patrols", map[string]any{"clientKey": "r-1", "pointId": drawn, "roundId": first.ID, "results": results(cat, map[int]int64{0: ins.photo()})}).want(201)
		ins.do("POST", "/api/v1/patrols", map[string]any{"clientKey": "r-2", "pointId": drawn, "roundId": first.ID, "results": results(cat, nil)}).want(409)
		ins.do("POST", "/api/v1/patrols", map[string]any{"clientKey": "r-3", "pointId": first.Points[1].PointID, "roundId": first.ID, "results": results(cat, nil)}).want(201)

		var sc assessment.Score
		office.do("GET", fmt.Sprintf("/api/v1/rounds/%d/score", first.ID), nil).want(200).json(&sc)
		if r := standardRate(t, sc, "1.1.1.2"); r == nil || *r != 0.5 {
			t.Fatalf("round rate of 1.1.1.2: %v", r)
		}
		if len(sc.WeakSpots) == 0 || sc.WeakSpots[0].Code != "1.1.1.2" {
			t.Errorf("weak spots: %+v", sc.WeakSpots)
		}
		var d assessment.RoundDetail
		office.do("GET", fmt.Sprintf("/api/v1/rounds/%d", first.ID), nil).want(200).json(&d)
		if d.DoneCount != 2 || d.Inspectors[0].Done != 2 || d.Points[0].Fail != 1 {
			t.Errorf("progress: %+v", d.Round)
		}
		var inbox struct{ Items []struct{ Source string } }
		f.login("a_liaison").do("GET", "/api/v1/cases?view=inbox&source=assessment", nil).want(200).json(&inbox)
		if len(inbox.Items) != 1 {
			t.Errorf("the round's failure is not an assessment case in unit A's inbox: %+v", inbox)
		}

		// Hand-entered rates, then closing keeps the score.
		for field, rate := range map[string]map[string]any{
			"rates[0].method":       {"standardCode": "2.1.1.1", "method": "field", "rate": 0.5},
			"rates[0].rate":         {"standardCode": "2.1.1.1", "method": "material", "rate": 1.5},
			"rates[0].standardCode": {"standardCode": "9.9", "method": "material", "rate": 0.5},
		} {
			if e := office.do("PUT", fmt.Sprintf("/api/v1/rounds/%d/rates", first.ID), map[string]any{"rates": []any{rate}}).want(400).apiError(); e.Error.Field != field || !hasChinese(e.Error.Message) {
				t.Errorf("rates %s: %+v", field, e.Error)
			}
		}
		office.do("PUT", fmt.Sprintf("/api/v1/rounds/%d/rates", first.ID), map[string]any{"rates": []map[string]any{{"standardCode": "2.1.1.1", "method": "material", "rate": 0.8}}}).want(200)
		office.do("GET", fmt.Sprintf("/api/v1/rounds/%d/score", first.ID), nil).want(200).json(&sc)
		if sc.Special != 16 {
			t.Errorf("special part with 2.1.1.1 at 0.8 of 20: %v", sc.Special)
		}
		office.do("POST", fmt.Sprintf("/api/v1/rounds/%d/close", first.ID), nil).want(200)
		ins.do("POST", "/api/v1/patrols", map[string]any{"clientKey": "r-4", "pointId": first.Points[2].PointID, "roundId": first.ID, "results": results(cat, nil)}).want(409)
		var kept assessment.Score
		office.do("GET", fmt.Sprintf("/api/v1/rounds/%d/score", first.ID), nil).want(200).json(&kept)
		if kept.Total != sc.Total {
			t.Errorf("kept score %v, was %v", kept.Total, sc.Total)
		}
		var trend struct{ Items []assessment.TrendPoint }
		office.do("GET", "/api/v1/scores/trend", nil).want(200).json(&trend)
		if len(trend.Items) != 2 || trend.Items[0].Total != sc.Total || trend.Items[1].RoundID != nil {
			t.Errorf("trend: %+v", trend.Items)
		}
		res := office.do("GET", fmt.Sprintf("/api/v1/rounds/%d/score/export", first.ID), nil).want(200)
		if len(res.body) < 1000 || res.header.Get("Content-Type") != "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" {
			t.Errorf("export: %d bytes, %s", len(res.body), res.header.Get("Content-Type"))
		}
		f.login("b_member").do("GET", fmt.Sprintf("/api/v1/rounds/%d", first.ID), nil).want(403)

		var log struct {
			Items []struct{ Action, Entity string }
		}
		f.login("auditor").do("GET", "/api/v1/audit?pageSize=200", nil).want(200).json(&log)
		for _, want := range []struct{ Action, Entity string }{{"create", "round"}, {"draw", "round"}, {"close", "round"}, {"update", "round_rates"}} {
			if !slices.Contains(log.Items, want) {
				t.Errorf("no audit entry %v", want)
			}
		}
	})
}

func (f *fixture) mustPoints(t *testing.T, c *client) []int64 {
	t.Helper()
	var page struct{ Items []patrol.Point }
	c.do("GET", "/api/v1/points?pageSize=200", nil).want(200).json(&page)
	var ids []int64
	for _, p := range page.Items {
		ids = append(ids, p.ID)
	}
	return ids
}

func TestPointsRefuseBadInputAndImport(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
		f := newFixture(t, db)
		cat, points := pointsSetup(t, f, 1)
		office := f.login("county_staff")
		k := cat.Checks[0].CaseCategoryID
		checks := fmt.Sprintf("/api/v1/point-categories/%d/checks", cat.ID)
		for field, check := range map[string]map[string]any{
			"checks[0].standardCodes":  {"text": "无乱张贴", "severity": "minor", "caseCategoryId": k, "standardCodes": []string{}},
			"checks[0].caseCategoryId": {"text": "无乱张贴", "severity": "minor", "caseCategoryId": 0, "standardCodes": []string{"1.1.1.2"}},
			"checks[0].severity":       {"text": "无乱张贴", "severity": "huge", "caseCategoryId": k, "standardCodes": []string{"1.1.1.2"}},
			"checks[0].text":           {"text": "", "severity": "minor", "caseCategoryId": k, "standardCodes": []string{"1.1.1.2"}},
		} {
			if e := office.do("PUT", checks, map[string]any{"checks": []any{check}}).want(400).apiError(); e.Error.Field != field {
				t.Errorf("%s: got field %q: %s", field, e.Error.Field, e.Error.Message)
			}
		}
		e := office.do("PUT", checks, map[string]any{"checks": []any{map[string]any{"text": "x", "severity": "minor", "caseCategoryId": k, "standardCodes": []string{"9.9.9.9"}}}}).want(400).apiError()
		if e.Error.Field != "checks[0].standardCodes" || !strings.Contains(e.Error.Message, "9.9.9.9") {
			t.Errorf("unknown standard: %+v", e)
		}
		f.login("a_liaison").do("PUT", checks, map[string]any{"checks": []any{}}).want(403)

		good := map[string]any{"name": "汽车站", "categoryId": cat.ID, "lat": 35.7, "lng": 105.06, "unitId": f.unitA}
		for field, edit := range map[string]func(m map[string]any){
			"name":       func(m map[string]any) { m["name"] = "" },
			"lat":        func(m map[string]any) { m["lat"] = 91 },
			"coords":     func(m map[string]any) { m["coords"] = "bd09" },
			"unitId":     func(m map[string]any) { m["unitId"] = 0 },
			"categoryId": func(m map[string]any) { m["categoryId"] = 0 },
			"chiefPhone": func(m map[string]any) { m["chiefPhone"] = "12ab" },
		} {
			m := maps.Clone(good)
			edit(m)
			if e := office.do("POST", "/api/v1/points", m).want(400).apiError(); e.Error.Field != field {
				t.Errorf("point %s: got %q", field, e.Error.Field)
			}
		}
		f.login("a_head").do("POST", "/api/v1/points", good).want(403)
		gcj := maps.Clone(good)
		gcj["coords"] = "gcj02"
		var moved patrol.Point
		office.do("POST", "/api/v1/points", gcj).want(201).json(&moved)
		if d := (moved.Lat-35.7)*111000 + (moved.Lng-105.06)*90000; d > -100 && d < 100 || moved.Lat == 35.7 {
			t.Errorf("a GCJ-02 pick was stored as picked: %v, %v", moved.Lat, moved.Lng)
		}

		// The QR code is a PNG; a point with patrols is not deleted.
		qr := office.do("GET", fmt.Sprintf("/api/v1/point-qr/%d", points[0].ID), nil).want(200)
		if !bytes.HasPrefix(qr.body, []byte("\x89PNG")) {
			t.Errorf("QR code is not a PNG")
		}
		var byToken patrol.PointDetail
		f.login("a_inspector").do("GET", "/api/v1/points/by-token/"+points[0].QRToken, nil).want(200).json(&byToken)
		if byToken.ID != points[0].ID || len(byToken.Checks) != 2 {
			t.Errorf("by token: %+v", byToken.Point)
		}
		f.login("a_viewer").do("POST", "/api/v1/patrols", map[string]any{"clientKey": "v", "pointId": points[0].ID, "results": results(cat, nil)}).want(403)
		f.login("a_grid").do("POST", "/api/v1/patrols", map[string]any{"clientKey": "g", "pointId": points[0].ID, "results": results(cat, nil)}).want(201)
		office.do("DELETE", fmt.Sprintf("/api/v1/points/%d", points[0].ID), nil).want(409)
		office.do("DELETE", fmt.Sprintf("/api/v1/points/%d", moved.ID), nil).want(204)

		// Import: a wrong row stops everything and names its cell; a good file creates and updates.
		header := []any{"编码", "名称", "类别", "经度", "纬度", "坐标系", "地址", "所属区域", "网格", "责任单位", "点长", "点长电话", "状态"}
		bad := workbook(t, "点位", [][]any{header,
			{"GJ-01", "西站", "公交站点", 105.05, 35.69, "WGS-84", "", "会师镇", "", "甲单位", "", "", "启用"},
			{"GJ-02", "东站", "菜市场", 105.05, 35.69, "WGS-84", "", "", "", "甲单位", "", "", ""}})
		ie := office.upload("/api/v1/points/import", "点位.xlsx", bad).want(422).apiError()
		if len(ie.Error.Details) != 1 || ie.Error.Details[0].Row != 3 || ie.Error.Details[0].Column != "C" {
			t.Errorf("import problems: %+v", ie.Error.Details)
		}
		okBook := workbook(t, "点位", [][]any{header,
			{"GJ-01", "西站", "公交站点", 105.05, 35.69, "WGS-84", "", "会师镇", "", "甲单位", "李四", "13900001111", "启用"},
			{points[0].Code, "站点01（改名）", "公交站点", 105.05, 35.69, "", "", "", "", "甲单位", "", "", ""}})
		var res patrol.ImportResult
		office.upload("/api/v1/points/import", "点位.xlsx", okBook).want(200).json(&res)
		if res.Created != 1 || res.Updated != 1 {
			t.Errorf("import: %+v", res)
		}
		// An export imported again changes nothing, and keeps the phone it masked.
		export := office.do("GET", "/api/v1/points/export", nil).want(200)
		office.upload("/api/v1/points/import", "点位.xlsx", export.body).want(200)
		var west struct{ Items []patrol.Point }
		office.do("GET", "/api/v1/points?q=GJ-01", nil).want(200).json(&west)
		if len(west.Items) != 1 || west.Items[0].ChiefPhone != "139****1111" || west.Items[0].RegionName != "会师镇" {
			t.Errorf("after export and import: %+v", west.Items)
		}
	})
}

// TestPointScopeMatrix: every role scoped to street A or unit A reads and
// patrols unit A's point as its duties allow, and is refused unit B's.
func TestPointScopeMatrix(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
		f := newFixture(t, db)
		cat, points := pointsSetup(t, f, 1)
		own := points[0]
		var other patrol.Point
		f.login("county_staff").do("POST", "/api/v1/points", map[string]any{"name": "乙站", "categoryId": cat.ID, "lat": 35.8, "lng": 105.1, "unitId": f.unitB}).want(201).json(&other)
		readers := []domain.Role{domain.RoleOfficeLeader, domain.RoleOfficeStaff, domain.RoleInspector, domain.RoleGridWorker, domain.RoleLeader, domain.RoleUnitHead, domain.RoleUnitLiaison}
		patrollers := []domain.Role{domain.RoleOfficeLeader, domain.RoleOfficeStaff, domain.RoleInspector, domain.RoleGridWorker}
		office := []domain.Role{domain.RoleOfficeLeader, domain.RoleOfficeStaff}
		pick := func(role domain.Role, roles []domain.Role, yes int) int {
			if slices.Contains(roles, role) {
				return yes
			}
			return 403
		}
		edit := map[string]any{"name": "改名", "categoryId": cat.ID, "lat": 35.8, "lng": 105.1, "unitId": f.unitB}
		for role, username := range roleUsers {
			t.Run(string(role), func(t *testing.T) {
				c := f.login(username)
				for _, tc := range []struct {
					name, method, path string
					body               any
					want               int
				}{
					{"read own unit's point", "GET", fmt.Sprintf("/api/v1/points/%d", own.ID), nil, pick(role, readers, 200)},
					{"read other unit's point", "GET", fmt.Sprintf("/api/v1/points/%d", other.ID), nil, 403},
					{"open other unit's point by its QR", "GET", "/api/v1/points/by-token/" + other.QRToken, nil, 403},
					{"change other unit's point", "PUT", fmt.Sprintf("/api/v1/points/%d", other.ID), edit, 403},
					{"delete other unit's point", "DELETE", fmt.Sprintf("/api/v1/points/%d", other.ID), nil, 403},
					{"give a new point to the other unit", "POST", "/api/v1/points", edit, 403},
					{"patrol other unit's point", "POST", "/api/v1/patrols", map[string]any{"clientKey": "x-" + username, "pointId": other.ID, "results": results(cat, nil)}, 403},
					{"patrol own unit's point", "POST", "/api/v1/patrols", map[string]any{"clientKey": "o-" + username, "pointId": own.ID, "results": results(cat, nil)}, pick(role, patrollers, 201)},
					{"change a checklist", "PUT", fmt.Sprintf("/api/v1/point-categories/%d/checks", cat.ID), map[string]any{"checks": []any{}}, pick(role, office, 400)},
					{"plan a round", "POST", "/api/v1/rounds", map[string]any{}, pick(role, office, 400)},
				} {
					res := c.do(tc.method, tc.path, tc.body)
					if res.status != tc.want {
						t.Errorf("%s: %s %s = %d, want %d (%s)", tc.name, tc.method, tc.path, res.status, tc.want, res.body)
					}
					if res.status == 403 && !hasChinese(res.apiError().Error.Message) {
						t.Errorf("%s: refusal not explained in Chinese: %s", tc.name, res.body)
					}
				}
				var list struct{ Total int }
				res := c.do("GET", "/api/v1/points", nil)
				if res.status == 200 {
					res.json(&list)
					if list.Total != 1 {
						t.Errorf("lists %d points, want only unit A's", list.Total)
					}
				}
			})
		}
	})
}
