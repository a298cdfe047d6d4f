package httpapi_test

import (
	"fmt"
	"slices"
	"testing"

	"wenming/internal/assessment"
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
	storetest.Each(t, func(t *testing.T, db *store.DB) {
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
		office.do("POST", "/api/v1/negative-events", map[string]any{"frameworkId": frameworks.Items[0].ID, "code": "2", "occurredOn": today}).want(400)
		office.do("POST", "/api/v1/negative-events", map[string]any{"frameworkId": frameworks.Items[0].ID, "code": "2", "occurredOn": today, "note": "媒体曝光站台脏乱"}).want(201)
		before := live.Total
		office.do("GET", "/api/v1/scores/live", nil).want(200).json(&live)
		if live.Deductions != 2 || live.Total != before-2 {
			t.Errorf("deduction: total %v → %v, deductions %v", before, live.Total, live.Deductions)
		}

		// Every change is audited.
		var audit struct{ Items []struct{ Action, Entity string } }
		f.login("auditor").do("GET", "/api/v1/audit?pageSize=200", nil).want(200).json(&audit)
		for _, want := range []string{"point_category", "point_checklist", "point", "patrol", "negative_event"} {
			if !slices.ContainsFunc(audit.Items, func(e struct{ Action, Entity string }) bool { return e.Entity == want }) {
				t.Errorf("no audit entry for %s", want)
			}
		}
	})
}
