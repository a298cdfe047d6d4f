package httpapi_test

import (
	"fmt"
	"strings"
	"testing"

	"wenming/internal/store"
	"wenming/internal/store/storetest"
)

// Bad input gets a 400 with a Chinese message naming the field, and
// nothing is written.
func TestBadInputNamesTheField(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
		f := newFixture(t, db)
		c := f.login("county_staff")
		long := strings.Repeat("长", 65)
		person := func(mut func(m map[string]any)) map[string]any {
			m := map[string]any{"username": "x_user", "realName": "某人", "phone": "13800001111", "unitId": f.unitA,
				"roles": []string{"inspector"}, "scopeKind": "unit", "password": "Good-Pass-2026"}
			mut(m)
			return m
		}
		cases := []struct {
			name, method, path string
			body               any
			status             int
			field              string
		}{
			{"malformed JSON", "POST", "/api/v1/units", `{"name": "坏`, 400, ""},
			{"empty body", "POST", "/api/v1/units", ``, 400, ""},
			{"unknown field", "POST", "/api/v1/units", `{"name":"某局","kind":"department","class":"A","colour":"red"}`, 400, "colour"},
			{"wrong type", "POST", "/api/v1/units", `{"name":123,"kind":"department","class":"A"}`, 400, "name"},
			{"missing unit name", "POST", "/api/v1/units", map[string]any{"kind": "department", "class": "A", "regionId": f.streetA}, 400, "name"},
			{"over-long unit name", "POST", "/api/v1/units", map[string]any{"name": long, "kind": "department", "class": "A", "regionId": f.streetA}, 400, "name"},
			{"bad unit kind", "POST", "/api/v1/units", map[string]any{"name": "某局", "kind": "bureau", "class": "A", "regionId": f.streetA}, 400, "kind"},
			{"bad unit class", "POST", "/api/v1/units", map[string]any{"name": "某局", "kind": "department", "class": "C", "regionId": f.streetA}, 400, "class"},
			{"missing region", "POST", "/api/v1/units", map[string]any{"name": "某局", "kind": "department", "class": "A", "regionId": 9999}, 400, "regionId"},
			{"region code with letters", "POST", "/api/v1/regions", map[string]any{"code": "620422A01", "name": "某镇", "parentId": f.county}, 400, "code"},
			{"region code wrong length", "POST", "/api/v1/regions", map[string]any{"code": "6204221", "name": "某镇", "parentId": f.county}, 400, "code"},
			{"region code outside parent", "POST", "/api/v1/regions", map[string]any{"code": "620423102", "name": "某镇", "parentId": f.county}, 400, "code"},
			{"region name missing", "POST", "/api/v1/regions", map[string]any{"code": "620422102", "name": " ", "parentId": f.county}, 400, "name"},
			{"over-long region name", "POST", "/api/v1/regions", map[string]any{"code": "620422102", "name": long, "parentId": f.county}, 400, "name"},
			{"duplicate region code", "POST", "/api/v1/regions", map[string]any{"code": "620422100", "name": "重复", "parentId": f.county}, 409, "code"},
			{"missing real name", "POST", "/api/v1/people", person(func(m map[string]any) { delete(m, "realName") }), 400, "realName"},
			{"over-long real name", "POST", "/api/v1/people", person(func(m map[string]any) { m["realName"] = long }), 400, "realName"},
			{"bad username", "POST", "/api/v1/people", person(func(m map[string]any) { m["username"] = "张三" }), 400, "username"},
			{"bad phone", "POST", "/api/v1/people", person(func(m map[string]any) { m["phone"] = "12ab" }), 400, "phone"},
			{"weak password", "POST", "/api/v1/people", person(func(m map[string]any) { m["password"] = "12345678" }), 400, "password"},
			{"no roles", "POST", "/api/v1/people", person(func(m map[string]any) { m["roles"] = []string{} }), 400, "roles"},
			{"unknown role", "POST", "/api/v1/people", person(func(m map[string]any) { m["roles"] = []string{"king"} }), 400, "roles"},
			{"missing unit", "POST", "/api/v1/people", person(func(m map[string]any) { delete(m, "unitId") }), 400, "unitId"},
			{"bad scope", "POST", "/api/v1/people", person(func(m map[string]any) { m["scopeKind"] = "world" }), 400, "scopeKind"},
			{"region scope without region", "POST", "/api/v1/people", person(func(m map[string]any) { m["scopeKind"] = "region" }), 400, "scopeRegionId"},
			{"duplicate username", "POST", "/api/v1/people", person(func(m map[string]any) { m["username"] = "a_member" }), 409, "username"},
			{"bad page", "GET", "/api/v1/units?page=0", nil, 400, "page"},
			{"bad page size", "GET", "/api/v1/people?pageSize=1000", nil, 400, "pageSize"},
			{"bad id", "GET", "/api/v1/units/abc", nil, 400, "id"},
		}
		before := countRows(t, db)
		for _, tc := range cases {
			t.Run(tc.name, func(t *testing.T) {
				res := c.do(tc.method, tc.path, tc.body)
				if res.status != tc.status {
					t.Fatalf("status %d, want %d: %s", res.status, tc.status, res.body)
				}
				e := res.apiError()
				if e.Error.Field != tc.field {
					t.Errorf("field = %q, want %q (%s)", e.Error.Field, tc.field, e.Error.Message)
				}
				if !hasChinese(e.Error.Message) {
					t.Errorf("message not Chinese: %q", e.Error.Message)
				}
			})
		}
		if after := countRows(t, db); after != before {
			t.Errorf("rows changed by refused requests: %s → %s", before, after)
		}
		// The audit admin's date filter is checked too.
		res := f.login("auditor").do("GET", "/api/v1/audit?from=2026-13-01", nil).want(400)
		if e := res.apiError(); e.Error.Field != "from" {
			t.Errorf("field = %q", e.Error.Field)
		}
	})
}

func countRows(t *testing.T, db *store.DB) string {
	t.Helper()
	var parts []string
	for _, table := range []string{"regions", "units", "users"} {
		n, err := db.Read().Count(t.Context(), "SELECT COUNT(*) FROM "+table)
		if err != nil {
			t.Fatal(err)
		}
		parts = append(parts, fmt.Sprintf("%s=%d", table, n))
	}
	return strings.Join(parts, " ")
}
