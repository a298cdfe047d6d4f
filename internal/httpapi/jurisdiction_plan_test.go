package httpapi_test

import (
	"context"
	"fmt"
	"slices"
	"testing"

	"wenming/internal/domain"
	"wenming/internal/plan"
	"wenming/internal/store"
	"wenming/internal/store/storetest"
	"wenming/internal/testcity"
)

// planCity is the test city served over HTTP (cityServer) with a 2026
// plan for each county and one task in county A's.
type planCity struct {
	*cityServer
	t      *testing.T
	pa, pb plan.Plan
	ta     plan.Task
}

func newPlanCity(t *testing.T, db *store.DB) *planCity {
	t.Helper()
	p := &planCity{cityServer: newCityServer(t, db), t: t}
	ctx := context.Background()
	var err error
	if p.pa, err = p.svc.Plan.CreatePlan(ctx, p.A.Staff, 2026, "会宁县 2026 年度实施方案", nil); err != nil {
		t.Fatal(err)
	}
	if p.pb, err = p.svc.Plan.CreatePlan(ctx, p.B.Staff, 2026, "靖远县 2026 年度实施方案", nil); err != nil {
		t.Fatal(err)
	}
	p.ta, err = p.svc.Plan.CreateTask(ctx, p.A.Staff, p.pa.ID, plan.TaskInput{Seq: 1, Title: "“洗脸”行动", Phase: "deploy", Deadline: "2026-08-31", LeadUnitIDs: []int64{p.A.Dept}})
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// Over HTTP: each county lists its own plan, the city both; another
// county's plan and task are 404; the city reads but may not edit; a
// unit of the other county is refused on its field, in Chinese.
func TestJurisdictionPlansOverHTTP(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
		p := newPlanCity(t, db)
		for _, tc := range []struct {
			who  *domain.Actor
			want []int64
		}{{p.A.Staff, []int64{p.pa.ID}}, {p.B.Staff, []int64{p.pb.ID}}, {p.City.Staff, []int64{p.pb.ID, p.pa.ID}}} {
			var list struct {
				Items []plan.Plan `json:"items"`
			}
			p.as(tc.who).do("GET", "/api/v1/plans", nil).want(200).json(&list)
			var got []int64
			for _, pl := range list.Items {
				got = append(got, pl.ID)
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("%s lists plans %v, want %v", tc.who.Username, got, tc.want)
			}
		}
		task := map[string]any{"seq": 2, "title": "“整序”行动", "phase": "advance", "deadline": "2026-09-30", "leadUnitIds": []int64{p.A.Dept}}
		for _, tc := range []struct {
			name   string
			who    *domain.Actor
			method string
			path   string
			body   any
			status int
			field  string
		}{
			{"B reads A's tasks", p.B.Staff, "GET", fmt.Sprintf("/api/v1/plans/%d/tasks", p.pa.ID), nil, 404, ""},
			{"B reads A's task", p.B.Staff, "GET", fmt.Sprintf("/api/v1/tasks/%d", p.ta.ID), nil, 404, ""},
			{"B edits A's task", p.B.Staff, "PUT", fmt.Sprintf("/api/v1/tasks/%d", p.ta.ID), task, 404, ""},
			{"the city reads A's task", p.City.Staff, "GET", fmt.Sprintf("/api/v1/tasks/%d", p.ta.ID), nil, 200, ""},
			{"the city edits A's task", p.City.Staff, "PUT", fmt.Sprintf("/api/v1/tasks/%d", p.ta.ID), task, 403, ""},
			{"the city adds to A's plan", p.City.Staff, "POST", fmt.Sprintf("/api/v1/plans/%d/tasks", p.pa.ID), task, 403, ""},
			{"A assigns B's unit", p.A.Staff, "POST", fmt.Sprintf("/api/v1/plans/%d/tasks", p.pa.ID),
				map[string]any{"seq": 2, "title": "“整序”行动", "phase": "advance", "deadline": "2026-09-30", "leadUnitIds": []int64{p.B.Dept}}, 400, "leadUnitIds"},
		} {
			t.Run(tc.name, func(t *testing.T) {
				r := p.as(tc.who).do(tc.method, tc.path, tc.body).want(tc.status)
				if tc.status < 400 {
					return
				}
				e := r.apiError()
				if !hasChinese(e.Error.Message) || e.Error.Field != tc.field {
					t.Errorf("refusal %s on %q, want field %q in Chinese", e.Error.Message, e.Error.Field, tc.field)
				}
			})
		}
	})
}

// Over HTTP: the city's framework is listed by a county, which may not
// change it.
func TestJurisdictionFrameworkOverHTTP(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
		p := newPlanCity(t, db)
		r := p.as(p.City.Staff).upload("/api/v1/frameworks/import", "体系.xlsx", frameworkBook(t, func(s map[string][][]any) {
			// the city's own units: 县文明办 is a name both counties have
			for _, row := range s["测评标准"][1:] {
				row[9], row[10] = "市住建局", ""
			}
		})).want(201)
		var f domain.Framework
		r.json(&f)
		if f.JurisdictionID == nil || *f.JurisdictionID != p.City.Jurisdiction || f.JurisdictionName != "白银市" {
			t.Fatalf("the city's framework belongs to %v %q", f.JurisdictionID, f.JurisdictionName)
		}
		for _, o := range []*testcity.Office{p.A, p.B} {
			var list struct {
				Items []domain.Framework `json:"items"`
			}
			p.as(o.Staff).do("GET", "/api/v1/frameworks", nil).want(200).json(&list)
			if !slices.ContainsFunc(list.Items, func(x domain.Framework) bool { return x.ID == f.ID }) {
				t.Errorf("%s does not list the city's framework", o.Name)
			}
			e := p.as(o.Staff).do("POST", fmt.Sprintf("/api/v1/frameworks/%d/freeze", f.ID), nil).want(403).apiError()
			if !hasChinese(e.Error.Message) {
				t.Errorf("refusal not in Chinese: %s", e.Error.Message)
			}
		}
	})
}
