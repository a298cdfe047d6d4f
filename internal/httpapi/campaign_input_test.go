package httpapi_test

import (
	"fmt"
	"testing"

	"wenming/internal/store"
	"wenming/internal/store/storetest"
)

// TestCampaignEndpointsRefuseBadInputAndAreAudited covers the framework,
// targets, plan, files, submission and message endpoints: bad input gets a
// Chinese error naming the field, roles outside the duty get 403, and the
// changes that went through are in the audit log.
func TestCampaignEndpointsRefuseBadInputAndAreAudited(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
		f := newFixture(t, db)
		office, requirementOf := submissionSetup(t, f)
		var fw struct{ ID int64 }
		var list struct{ Items []struct{ ID int64 } }
		office.do("GET", "/api/v1/frameworks", nil).want(200).json(&list)
		fw.ID = list.Items[0].ID
		planID, err := newPlan(f, fw.ID)
		if err != nil {
			t.Fatal(err)
		}
		var tree struct {
			Nodes []struct {
				ID    int64
				Level int
			}
		}
		office.do("GET", fmt.Sprintf("/api/v1/frameworks/%d/tree", fw.ID), nil).want(200).json(&tree)
		content := tree.Nodes[2].ID
		req := requirementOf(f.unitA, "1.1.1.1")
		task := map[string]any{"seq": 1, "title": "任务", "phase": "deploy", "deadline": "2026-06-30", "leadUnitIds": []int64{f.unitA}}
		with := func(m map[string]any, k string, v any) map[string]any {
			c := map[string]any{}
			for key, val := range m {
				c[key] = val
			}
			c[k] = v
			return c
		}
		cases := []struct {
			name, method, path string
			body               any
			status             int
			field              string
		}{
			{"node weight", "PUT", fmt.Sprintf("/api/v1/frameworks/%d/nodes/%d", fw.ID, content), map[string]any{"name": "公交站点", "weight": -3}, 400, "weight"},
			{"node name", "PUT", fmt.Sprintf("/api/v1/frameworks/%d/nodes/%d", fw.ID, content), map[string]any{"name": " ", "weight": 60}, 400, "name"},
			{"standard code", "POST", fmt.Sprintf("/api/v1/frameworks/%d/standards", fw.ID), map[string]any{"contentId": content, "code": "9.9", "text": "x", "methods": []string{"field"}, "leadUnitIds": []int64{f.unitA}}, 400, "code"},
			{"standard methods", "POST", fmt.Sprintf("/api/v1/frameworks/%d/standards", fw.ID), map[string]any{"contentId": content, "code": "1.1.1.9", "text": "x", "methods": []string{"guess"}, "leadUnitIds": []int64{f.unitA}}, 400, "methods"},
			{"standard target", "POST", fmt.Sprintf("/api/v1/frameworks/%d/standards", fw.ID), map[string]any{"contentId": content, "code": "1.1.1.9", "text": "x", "methods": []string{"statistic"}, "metric": "覆盖率", "comparator": ">=", "leadUnitIds": []int64{f.unitA}}, 400, "threshold"},
			{"standard lead unit", "POST", fmt.Sprintf("/api/v1/frameworks/%d/standards", fw.ID), map[string]any{"contentId": content, "code": "1.1.1.9", "text": "x", "methods": []string{"field"}}, 400, "leadUnitIds"},
			{"negative effect", "POST", fmt.Sprintf("/api/v1/frameworks/%d/negatives", fw.ID), map[string]any{"code": "9", "text": "x", "effect": "shame"}, 400, "effect"},
			{"framework gate", "PUT", fmt.Sprintf("/api/v1/frameworks/%d", fw.ID), map[string]any{"name": "测试体系", "basicTotal": 100, "specialTotal": 20, "gateScore": 120}, 400, "gateScore"},
			{"compare without b", "GET", fmt.Sprintf("/api/v1/frameworks/compare?a=%d", fw.ID), nil, 400, "a"},
			{"target status", "GET", "/api/v1/targets?status=good", nil, 400, "status"},
			{"task deadline", "POST", fmt.Sprintf("/api/v1/plans/%d/tasks", planID), with(task, "deadline", "2026/06/30"), 400, "deadline"},
			{"task phase", "POST", fmt.Sprintf("/api/v1/plans/%d/tasks", planID), with(task, "phase", "someday"), 400, "phase"},
			{"task title", "POST", fmt.Sprintf("/api/v1/plans/%d/tasks", planID), with(task, "title", ""), 400, "title"},
			{"task phase filter", "GET", fmt.Sprintf("/api/v1/plans/%d/tasks?phase=later", planID), nil, 400, "phase"},
			{"requirement cadence", "PUT", fmt.Sprintf("/api/v1/requirements/%d", req), map[string]any{"cadence": "daily"}, 400, "cadence"},
			{"requirement files", "PUT", fmt.Sprintf("/api/v1/requirements/%d", req), map[string]any{"cadence": "month", "minFiles": 99}, 400, "minFiles"},
			{"generate without framework", "POST", "/api/v1/requirements/generate", map[string]any{}, 400, "frameworkId"},
			{"review queue status", "GET", "/api/v1/submissions/review?status=lost", nil, 400, "status"},
			{"month-end month", "GET", "/api/v1/submissions/open?month=2026-13", nil, 400, "month"},
			{"figures quarter", "GET", "/api/v1/submissions/figures?quarter=2026-Q5", nil, 400, "quarter"},
			{"archive year", "GET", "/api/v1/submissions/archive?year=26", nil, 400, "year"},
			{"matrix period", "GET", "/api/v1/submissions/matrix?period=2026-Q1", nil, 400, "period"},
		}
		for _, tc := range cases {
			t.Run(tc.name, func(t *testing.T) {
				res := office.do(tc.method, tc.path, tc.body).want(tc.status)
				e := res.apiError()
				if e.Error.Field != tc.field || !hasChinese(e.Error.Message) {
					t.Errorf("field %q message %q, want field %q in Chinese", e.Error.Field, e.Error.Message, tc.field)
				}
			})
		}

		// Duties: a liaison does not edit frameworks, plans or requirements; the
		// audit admin does not upload; a unit does not read another unit's messages.
		liaison := f.login("a_liaison")
		liaison.do("POST", fmt.Sprintf("/api/v1/frameworks/%d/copy", fw.ID), nil).want(403)
		liaison.do("POST", fmt.Sprintf("/api/v1/plans/%d/tasks", planID), task).want(403)
		liaison.do("PUT", fmt.Sprintf("/api/v1/requirements/%d", req), map[string]any{"cadence": "month"}).want(403)
		liaison.do("POST", "/api/v1/requirements/generate", map[string]any{"frameworkId": fw.ID}).want(403)
		liaison.do("GET", "/api/v1/submissions/review", nil).want(403)
		f.login("auditor").upload("/api/v1/files", "a.pdf", []byte("%PDF-1.4\n")).want(403)
		if _, err := f.submissions.SendWeeklyReminders(t.Context()); err != nil {
			t.Fatal(err)
		}
		var msgs struct{ Items []struct{ ID int64 } }
		f.login("b_member").do("GET", "/api/v1/messages", nil).want(200).json(&msgs)
		if len(msgs.Items) == 0 {
			t.Fatal("unit B should have a reminder")
		}
		liaison.do("POST", fmt.Sprintf("/api/v1/messages/%d/read", msgs.Items[0].ID), nil).want(403)
		f.login("b_member").do("POST", fmt.Sprintf("/api/v1/messages/%d/read", msgs.Items[0].ID), nil).want(204)

		// What went through is audited.
		office.do("POST", fmt.Sprintf("/api/v1/plans/%d/tasks", planID), task).want(201)
		office.do("PUT", fmt.Sprintf("/api/v1/requirements/%d", req), map[string]any{"cadence": "month", "minFiles": 1}).want(200)
		auditor := f.login("auditor")
		for _, entity := range []string{"framework", "requirement", "task", "message"} {
			var page struct{ Total int }
			auditor.do("GET", "/api/v1/audit?entity="+entity, nil).want(200).json(&page)
			if page.Total == 0 {
				t.Errorf("no audit entry for %s", entity)
			}
		}
	})
}
