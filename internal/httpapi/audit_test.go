package httpapi_test

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"wenming/internal/audit"
	"wenming/internal/domain"
	"wenming/internal/store"
	"wenming/internal/store/storetest"
)

func TestEveryChangeIsAudited(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
		f := newFixture(t, db)
		staff := f.login("county_staff")
		var u domain.Unit
		staff.do("POST", "/api/v1/units", map[string]any{"name": "县城管局", "kind": "department", "class": "A", "regionId": f.county}).want(201).json(&u)
		staff.do("PUT", fmt.Sprintf("/api/v1/units/%d", u.ID), map[string]any{"name": "县城市管理局", "kind": "department", "class": "A", "regionId": f.county}).want(200)
		staff.do("POST", fmt.Sprintf("/api/v1/people/%d/password", f.people["b_member"]), map[string]string{"newPassword": "Reset-Pass-2026"}).want(204)
		staff.do("DELETE", fmt.Sprintf("/api/v1/units/%d", u.ID), nil).want(204)
		f.anon().do("POST", "/api/v1/auth/login", map[string]string{"username": "a_member", "password": "nope-Nope-1"}).want(401)

		// Only the audit admin reads the log.
		staff.do("GET", "/api/v1/audit", nil).want(403)
		f.login("a_sysadmin").do("GET", "/api/v1/audit", nil).want(403)

		auditor := f.login("auditor")
		var page struct {
			Items []audit.Entry `json:"items"`
			Total int           `json:"total"`
		}
		auditor.do("GET", "/api/v1/audit?entity=unit&pageSize=200", nil).want(200).json(&page)
		actions := map[string]audit.Entry{}
		for _, e := range page.Items {
			if e.EntityID == fmt.Sprint(u.ID) {
				actions[e.Action] = e
			}
		}
		for _, a := range []string{"create", "update", "delete"} {
			e, ok := actions[a]
			if !ok {
				t.Fatalf("no %s entry for the unit: %+v", a, page.Items)
			}
			if !strings.Contains(e.ActorName, "county_staff") || e.IP == "" || e.RequestID == "" {
				t.Errorf("%s entry lacks who/where: %+v", a, e)
			}
		}
		upd := actions["update"]
		if !strings.Contains(string(upd.Before), "县城管局") || !strings.Contains(string(upd.After), "县城市管理局") {
			t.Errorf("update entry lacks before/after: %s / %s", upd.Before, upd.After)
		}
		auditor.do("GET", "/api/v1/audit?action=password_reset", nil).want(200).json(&page)
		if page.Total == 0 {
			t.Error("password reset not audited")
		}
		auditor.do("GET", "/api/v1/audit?action=login_failed&q="+"a_member", nil).want(200)
		auditor.do("GET", "/api/v1/audit?action=login_failed", nil).want(200).json(&page)
		if page.Total == 0 {
			t.Error("failed login not audited")
		}
		// Date filters are Beijing days; the fixture clock is 2026-03-02 09:00 Beijing.
		auditor.do("GET", "/api/v1/audit?from=2026-03-03", nil).want(200).json(&page)
		if page.Total != 0 {
			t.Errorf("from=tomorrow gives %d entries", page.Total)
		}
		auditor.do("GET", "/api/v1/audit?from=2026-03-02&to=2026-03-02", nil).want(200).json(&page)
		if page.Total == 0 {
			t.Error("from=to=today gives nothing")
		}
		res := auditor.do("GET", "/api/v1/audit/export?entity=unit", nil).want(200)
		x, err := excelize.OpenReader(bytes.NewReader(res.body))
		if err != nil {
			t.Fatal(err)
		}
		rows, _ := x.GetRows("审计日志")
		if len(rows) < 4 || !strings.Contains(strings.Join(rows[1], " "), "县城") {
			t.Fatalf("export rows: %v", rows)
		}
	})
}
