package httpapi_test

import (
	"testing"

	"wenming/internal/audit"
	"wenming/internal/cases"

	"wenming/internal/store"
	"wenming/internal/store/storetest"
)

// TestCaseAndRankingConfigRefuseBadInputAndAreAudited covers the office's
// settings of the case engine and the rankings, saved views, webhooks and
// bulletins: bad input gets a Chinese error naming the field, roles outside
// the duty get 403, and what went through is in the audit log.
func TestCaseAndRankingConfigRefuseBadInputAndAreAudited(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
		f := newFixture(t, db)
		cat := caseSetup(t, f)
		office := f.login("county_staff")
		settings := map[string]any{"bounds": map[string]float64{"minLat": 35.4, "minLng": 104.5, "maxLat": 36.5, "maxLng": 105.6},
			"duplicateRadiusMeters": 100, "duplicateWindowHours": 72, "remindAtPercent": 75, "reopenDays": 7, "workStart": "09:00", "workEnd": "17:00"}
		with := func(m map[string]any, k string, v any) map[string]any {
			c := map[string]any{}
			for key, val := range m {
				c[key] = val
			}
			c[k] = v
			return c
		}
		weights := map[string]float64{"onTime": 30, "rework": 15, "overdue": 15, "satisfaction": 15, "submission": 15, "tasks": 10}
		category := map[string]any{"code": "2199", "name": "新类别", "parentId": cat.ParentID, "kind": "campaign", "limitValue": 2, "limitUnit": "day"}
		cases := []struct {
			name, method, path string
			body               any
			status             int
			field              string
		}{
			{"category limit", "POST", "/api/v1/case-categories", with(category, "limitValue", 0), 400, "limitValue"},
			{"category unit", "POST", "/api/v1/case-categories", with(category, "limitUnit", "week"), 400, "limitUnit"},
			{"category code taken", "POST", "/api/v1/case-categories", with(category, "code", cat.Code), 409, "code"},
			{"category three levels", "POST", "/api/v1/case-categories", with(category, "parentId", cat.ID), 400, "parentId"},
			{"rule without anything", "POST", "/api/v1/dispatch-rules", map[string]any{"unitId": f.unitA}, 400, "categoryId"},
			{"rule without unit", "POST", "/api/v1/dispatch-rules", map[string]any{"categoryId": cat.ID}, 400, "unitId"},
			{"calendar date", "PUT", "/api/v1/calendar/days/2026-02-30", map[string]any{"kind": "holiday"}, 400, "date"},
			{"calendar kind", "PUT", "/api/v1/calendar/days/2026-10-01", map[string]any{"kind": "party"}, 400, "kind"},
			{"settings bounds", "PUT", "/api/v1/case-settings", with(settings, "bounds", map[string]float64{"minLat": 40, "maxLat": 30, "minLng": 104, "maxLng": 105}), 400, "bounds"},
			{"settings hours", "PUT", "/api/v1/case-settings", with(settings, "workEnd", "08:00"), 400, "workEnd"},
			{"settings remind", "PUT", "/api/v1/case-settings", with(settings, "remindAtPercent", 100), 400, "remindAtPercent"},
			{"view name", "POST", "/api/v1/case-views", map[string]any{"name": "", "filters": map[string]string{}}, 400, "name"},
			{"view filter", "POST", "/api/v1/case-views", map[string]any{"name": "我的", "filters": map[string]string{"colour": "red"}}, 400, "filters"},
			{"case list state", "GET", "/api/v1/cases?state=lost", nil, 400, "state"},
			{"case list date", "GET", "/api/v1/cases?from=yesterday", nil, 400, "from"},
			{"case list overdue", "GET", "/api/v1/cases?overdue=maybe", nil, 400, "overdue"},
			{"ranking weights", "PUT", "/api/v1/ranking-settings", map[string]any{"weights": with(map[string]any{"onTime": 30, "rework": 15, "overdue": 15, "satisfaction": 15, "submission": 15}, "tasks", 30), "greenAtLeast": 85, "redBelow": 60}, 400, "weights"},
			{"ranking bands", "PUT", "/api/v1/ranking-settings", map[string]any{"weights": weights, "greenAtLeast": 50, "redBelow": 60}, 400, "redBelow"},
			{"ranking period", "GET", "/api/v1/rankings?period=2026-Q5", nil, 400, "period"},
			{"bulletin kind", "POST", "/api/v1/bulletins", map[string]any{"kind": "daily", "period": "2026-03"}, 400, "kind"},
			{"sanction kind", "POST", "/api/v1/sanctions", map[string]any{"kind": "fine", "unitId": f.unitB, "title": "x", "occurredAt": "2026-03-02"}, 400, "kind"},
			{"sanction date", "POST", "/api/v1/sanctions", map[string]any{"kind": "talk", "unitId": f.unitB, "title": "x", "occurredAt": "3月2日"}, 400, "occurredAt"},
		}
		for _, tc := range cases {
			t.Run(tc.name, func(t *testing.T) {
				e := office.do(tc.method, tc.path, tc.body).want(tc.status).apiError()
				if e.Error.Field != tc.field || !hasChinese(e.Error.Message) {
					t.Errorf("field %q message %q, want field %q in Chinese", e.Error.Field, e.Error.Message, tc.field)
				}
			})
		}
		sysadmin := f.login("a_sysadmin")
		e := sysadmin.do("POST", "/api/v1/webhooks", map[string]any{"name": "网关", "url": "https://gw.example/hook", "secret": "short", "events": []string{"case.created"}}).want(400).apiError()
		if e.Error.Field != "secret" || !hasChinese(e.Error.Message) {
			t.Errorf("webhook secret: %+v", e.Error)
		}

		// Duties: a liaison configures nothing; leaders only read.
		liaison := f.login("a_liaison")
		liaison.do("POST", "/api/v1/case-categories", category).want(403)
		liaison.do("POST", "/api/v1/dispatch-rules", map[string]any{"categoryId": cat.ID, "unitId": f.unitA}).want(403)
		liaison.do("PUT", "/api/v1/calendar/days/2026-10-01", map[string]any{"kind": "holiday"}).want(403)
		liaison.do("PUT", "/api/v1/case-settings", settings).want(403)
		liaison.do("PUT", "/api/v1/ranking-settings", map[string]any{"weights": weights, "greenAtLeast": 85, "redBelow": 60}).want(403)
		liaison.do("POST", "/api/v1/bulletins", map[string]any{"kind": "month", "period": "2026-03"}).want(403)
		liaison.do("GET", "/api/v1/webhooks", nil).want(403)
		viewer := f.login("a_viewer")
		viewer.do("PUT", "/api/v1/case-settings", settings).want(403)
		viewer.do("GET", "/api/v1/cockpit", nil).want(200)
		liaison.do("GET", "/api/v1/cockpit", nil).want(403)

		// What went through is audited.
		office.do("POST", "/api/v1/case-categories", category).want(201)
		office.do("POST", "/api/v1/dispatch-rules", map[string]any{"categoryId": cat.ID, "regionId": f.streetA, "unitId": f.unitA}).want(201)
		office.do("PUT", "/api/v1/calendar/days/2026-10-01", map[string]any{"kind": "holiday", "name": "国庆节"}).want(200)
		office.do("PUT", "/api/v1/case-settings", settings).want(200)
		office.do("POST", "/api/v1/case-views", map[string]any{"name": "超期", "filters": map[string]string{"overdue": "true"}}).want(201)
		office.do("PUT", "/api/v1/ranking-settings", map[string]any{"weights": weights, "greenAtLeast": 80, "redBelow": 60}).want(200)
		office.do("POST", "/api/v1/bulletins", map[string]any{"kind": "month", "period": "2026-03"}).want(201)
		office.do("POST", "/api/v1/sanctions", map[string]any{"kind": "talk", "unitId": f.unitB, "title": "约谈", "occurredAt": "2026-03-02"}).want(201)
		sysadmin.do("POST", "/api/v1/webhooks", map[string]any{"name": "网关", "url": "https://gw.example/hook", "secret": "0123456789abcdef", "events": []string{"case.created"}, "active": true}).want(201)
		auditor := f.login("auditor")
		for _, entity := range []string{"case_category", "dispatch_rule", "calendar", "case_settings", "case_view", "ranking_settings", "bulletin", "sanction", "webhook"} {
			var page struct{ Total int }
			auditor.do("GET", "/api/v1/audit?entity="+entity, nil).want(200).json(&page)
			if page.Total == 0 {
				t.Errorf("no audit entry for %s", entity)
			}
		}
	})
}

// TestAuditNamesEveryEntityAndCaseStep: the audit log's filters and export
// show Chinese names for the case steps and the new records.
func TestAuditNamesEveryEntityAndCaseStep(t *testing.T) {
	t.Parallel()
	for _, code := range []string{"case", "case_category", "dispatch_rule", "calendar", "case_settings", "case_view", "webhook", "ranking_settings", "bulletin", "sanction",
		"point_category", "point_checklist", "point", "patrol", "round", "round_rates", "negative_event"} {
		if !hasChinese(audit.EntityNames[code]) {
			t.Errorf("entity %s has no Chinese name", code)
		}
	}
	for _, code := range []string{"draw", "close", "import"} {
		if !hasChinese(audit.ActionNames[code]) {
			t.Errorf("action %s has no Chinese name", code)
		}
	}
	actions := audit.NewService(nil, cases.EventNames()).ActionNames()
	for code := range cases.EventNames() {
		if actions[code] != cases.EventNames()[code] {
			t.Errorf("case step %s is named %q in the audit log, %q on the timeline", code, actions[code], cases.EventNames()[code])
		}
	}
}
