package httpapi_test

import (
	"bytes"
	"context"
	"fmt"
	"testing"

	"wenming/internal/cases"
	"wenming/internal/patrol"
	"wenming/internal/store"
	"wenming/internal/store/storetest"
)

// countyA is what county A keeps, and what county B's people must neither
// read nor change: a case, a point, a dispatch rule and a case category,
// besides the plan and task of the plan city. The markers are words that
// appear in no record of county B or the city.
type countyA struct {
	caseID, caseCode string
	point, rule, cat int64
	caseNo           int64
	markers          []string
}

func seedCountyA(t *testing.T, p *planCity) countyA {
	t.Helper()
	ctx := context.Background()
	svc, a := p.svc, p.A
	cat, err := svc.Cases.CreateCategory(ctx, a.Staff, cases.CategoryInput{Code: "HN01", Name: "会宁专属类别", Kind: "campaign", LimitValue: 2, LimitUnit: "day"})
	if err != nil {
		t.Fatal(err)
	}
	k, _, err := svc.Cases.Intake(ctx, a.Staff, cases.IntakeInput{Source: "cadre_snap", CategoryID: cat.ID, Description: "会宁专属问题：会师镇路灯不亮", RegionID: &a.Street})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := svc.Cases.Dispatch(ctx, a.Staff, k.ID, cases.DispatchInput{UnitID: &a.Dept}); err != nil {
		t.Fatal(err)
	}
	rule, err := svc.Cases.CreateRule(ctx, a.Staff, cases.RuleInput{CategoryID: &cat.ID, UnitID: a.Dept})
	if err != nil {
		t.Fatal(err)
	}
	pc, err := svc.Patrol.CreateCategory(ctx, a.Staff, patrol.CategoryInput{Name: "会宁专属点位类别"})
	if err != nil {
		t.Fatal(err)
	}
	pt, err := svc.Patrol.CreatePoint(ctx, a.Staff, patrol.PointInput{Code: "HN-P1", Name: "会宁专属广场", CategoryID: pc.ID,
		Lat: 35.69, Lng: 105.05, RegionID: &a.Street, UnitID: a.Dept})
	if err != nil {
		t.Fatal(err)
	}
	return countyA{caseNo: k.ID, caseID: fmt.Sprint(k.ID), caseCode: k.Code, point: pt.ID, rule: rule.ID, cat: cat.ID,
		markers: []string{"会宁专属", k.Code, "会宁县 2026 年度实施方案", "“洗脸”行动"}}
}

// The isolation matrix over HTTP, on both engines: every role of county B
// against county A's records in every family (read by id, lists, exports,
// writes): nothing of A shows, nothing of A changes; the city office reads
// A's records and changes none of them.
func TestJurisdictionIsolationMatrix(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
		p := newPlanCity(t, db)
		a := seedCountyA(t, p)
		reads := []string{
			"/api/v1/cases/" + a.caseID,
			fmt.Sprintf("/api/v1/points/%d", a.point),
			fmt.Sprintf("/api/v1/plans/%d/tasks", p.pa.ID),
			fmt.Sprintf("/api/v1/tasks/%d", p.ta.ID),
		}
		lists := []string{
			"/api/v1/cases?view=pool&pageSize=100", "/api/v1/cases?view=inbox&pageSize=100", "/api/v1/cases?q=" + a.caseCode,
			"/api/v1/cases/map", "/api/v1/points?pageSize=100", "/api/v1/points/map", "/api/v1/plans",
			"/api/v1/dispatch-rules", "/api/v1/case-categories", "/api/v1/point-categories",
		}
		exports := []string{"/api/v1/cases/export", "/api/v1/points/export"}
		type write struct {
			method, path string
			body         any
		}
		writes := []write{
			{"POST", "/api/v1/cases/" + a.caseID + "/dispatch", map[string]any{"unitId": p.B.Dept}},
			{"POST", "/api/v1/cases/" + a.caseID + "/accept", map[string]any{}},
			{"POST", "/api/v1/cases/" + a.caseID + "/notes", map[string]any{"note": "越权备注"}},
			{"PUT", fmt.Sprintf("/api/v1/dispatch-rules/%d", a.rule), map[string]any{"categoryId": a.cat, "unitId": p.B.Dept}},
			{"DELETE", fmt.Sprintf("/api/v1/dispatch-rules/%d", a.rule), nil},
			{"PUT", fmt.Sprintf("/api/v1/case-categories/%d", a.cat), map[string]any{"code": "HN01", "name": "改名", "kind": "campaign", "limitValue": 1, "limitUnit": "day"}},
			{"DELETE", fmt.Sprintf("/api/v1/case-categories/%d", a.cat), nil},
			{"PUT", fmt.Sprintf("/api/v1/points/%d", a.point), map[string]any{"code": "HN-P1", "name": "改名", "lat": 35.7, "lng": 105.1, "unitId": p.B.Dept}},
			{"DELETE", fmt.Sprintf("/api/v1/points/%d", a.point), nil},
			{"PUT", fmt.Sprintf("/api/v1/tasks/%d", p.ta.ID), map[string]any{"seq": 1, "title": "改名", "phase": "deploy", "deadline": "2026-09-30"}},
			{"DELETE", fmt.Sprintf("/api/v1/tasks/%d", p.ta.ID), nil},
			{"POST", "/api/v1/cases", map[string]any{"source": "cadre_snap", "categoryId": a.cat, "description": "越权登记", "regionId": p.A.Street}},
		}
		leaks := func(who string, path string, body []byte) {
			for _, m := range a.markers {
				if bytes.Contains(body, []byte(m)) {
					t.Errorf("%s: %s shows county A's %q", who, path, m)
				}
			}
		}
		for role, actor := range p.B.Roles() {
			c := p.as(actor)
			who := "county B's " + role
			for _, path := range reads {
				if r := c.do("GET", path, nil); r.status < 400 {
					t.Errorf("%s reads %s: %d", who, path, r.status)
				}
			}
			for _, path := range append(lists, exports...) {
				r := c.do("GET", path, nil)
				leaks(who, path, r.body)
			}
			for _, w := range writes {
				if r := c.do(w.method, w.path, w.body); r.status < 400 {
					t.Errorf("%s: %s %s answered %d", who, w.method, w.path, r.status)
				}
			}
		}
		unchanged(t, p, a)

		city := p.as(p.City.Staff)
		for _, path := range reads {
			city.do("GET", path, nil).want(200)
		}
		for _, w := range writes[3:11] { // settings and records of A: the city supervises, A's office edits
			if r := city.do(w.method, w.path, w.body); r.status < 400 {
				t.Errorf("the city office: %s %s answered %d", w.method, w.path, r.status)
			}
		}
		unchanged(t, p, a)
	})
}

// unchanged checks county A's records are as A left them.
func unchanged(t *testing.T, p *planCity, a countyA) {
	t.Helper()
	ctx := context.Background()
	d, err := p.svc.Cases.Get(ctx, p.A.Staff, a.caseNo)
	if err != nil || d.LeadUnitID == nil || *d.LeadUnitID != p.A.Dept || d.State != cases.StateDispatched || len(d.Timeline) != 2 {
		t.Errorf("county A's case changed: lead %v state %s, %d events (%v)", d.LeadUnitID, d.State, len(d.Timeline), err)
	}
	rules, err := p.svc.Cases.Rules(ctx, p.A.Staff)
	if err != nil || len(rules) != 1 || rules[0].UnitID != p.A.Dept {
		t.Errorf("county A's rules changed: %+v (%v)", rules, err)
	}
	pt, err := p.svc.Patrol.Point(ctx, p.A.Staff, a.point)
	if err != nil || pt.Name != "会宁专属广场" || pt.UnitID != p.A.Dept {
		t.Errorf("county A's point changed: %+v (%v)", pt, err)
	}
	task, err := p.svc.Plan.Task(ctx, p.A.Staff, p.ta.ID)
	if err != nil || task.Title != "“洗脸”行动" {
		t.Errorf("county A's task changed: %q (%v)", task.Title, err)
	}
}

// A county's office names its own creation office unit over HTTP; the
// other county cannot, and a unit of the other county is refused.
func TestJurisdictionOfficeOverHTTP(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
		p := newPlanCity(t, db)
		path := fmt.Sprintf("/api/v1/jurisdictions/%d", p.A.Jurisdiction)
		p.as(p.B.Staff).do("PUT", path, map[string]any{"officeUnitId": p.B.OfficeUnit}).want(403)
		if e := p.as(p.A.Staff).do("PUT", path, map[string]any{"officeUnitId": p.B.OfficeUnit}).want(400).apiError(); e.Error.Field != "officeUnitId" {
			t.Errorf("another county's unit refused on %q", e.Error.Field)
		}
		var j struct {
			OfficeName string `json:"officeName"`
		}
		p.as(p.A.Staff).do("PUT", path, map[string]any{"officeUnitId": p.A.Dept}).want(200).json(&j)
		if j.OfficeName != "县住建局" {
			t.Errorf("office named %q", j.OfficeName)
		}
	})
}

// The city office reads a county's target figures by jurisdictionId; a
// county cannot read its neighbour's.
func TestJurisdictionTargetsOverHTTP(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
		p := newPlanCity(t, db)
		a := fmt.Sprintf("/api/v1/targets?jurisdictionId=%d", p.A.Jurisdiction)
		if r := p.as(p.City.Staff).do("GET", a, nil); r.status != 200 {
			t.Errorf("the city reads county A's targets: %d %s", r.status, r.body)
		}
		e := p.as(p.B.Staff).do("GET", a, nil).want(400).apiError()
		if e.Error.Field != "jurisdictionId" {
			t.Errorf("county B asked for A's targets: refused on %q", e.Error.Field)
		}
	})
}
