package httpapi_test

import (
	"fmt"
	"slices"
	"testing"

	"wenming/internal/domain"
	"wenming/internal/store"
	"wenming/internal/store/storetest"
)

// managers may change people in their scope; everyone else only reads.
var managers = []domain.Role{domain.RoleOfficeLeader, domain.RoleOfficeStaff, domain.RoleUnitHead, domain.RoleSysAdmin, domain.RoleSecurityAdmin}

// TestScopeMatrix: every role, scoped to street A or unit A, is refused
// another unit's people and units, and allowed its own scope.
func TestScopeMatrix(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
		f := newFixture(t, db)
		own, other := f.people["a_member"], f.people["b_member"]
		update := func(unit int64, name string) map[string]any {
			return map[string]any{"realName": name, "unitId": unit, "roles": []string{"unit_liaison"}, "scopeKind": "unit"}
		}
		for role, username := range roleUsers {
			t.Run(string(role), func(t *testing.T) {
				c := f.login(username)
				isAuditor := role == domain.RoleAuditAdmin
				readOwn := 200
				if isAuditor {
					readOwn = 403
				}
				writeOwn := 403
				if slices.Contains(managers, role) {
					writeOwn = 200
				}
				cases := []struct {
					name, method, path string
					body               any
					want               int
				}{
					{"read own person", "GET", fmt.Sprintf("/api/v1/people/%d", own), nil, readOwn},
					{"read other unit's person", "GET", fmt.Sprintf("/api/v1/people/%d", other), nil, 403},
					{"change other unit's person", "PUT", fmt.Sprintf("/api/v1/people/%d", other), update(f.unitB, "乙成员改"), 403},
					{"move own person into other unit", "PUT", fmt.Sprintf("/api/v1/people/%d", own), update(f.unitB, "甲成员"), 403},
					{"reset other unit's password", "POST", fmt.Sprintf("/api/v1/people/%d/password", other), map[string]string{"newPassword": "Other-Pass-2026"}, 403},
					{"disable other unit's person", "DELETE", fmt.Sprintf("/api/v1/people/%d", other), nil, 403},
					{"read other unit", "GET", fmt.Sprintf("/api/v1/units/%d", f.unitB), nil, 403},
					{"change other unit", "PUT", fmt.Sprintf("/api/v1/units/%d", f.unitB), map[string]any{"name": "乙单位", "kind": "department", "class": "A", "regionId": f.streetB}, 403},
					{"read own unit", "GET", fmt.Sprintf("/api/v1/units/%d", f.unitA), nil, readOwn},
					{"change own person", "PUT", fmt.Sprintf("/api/v1/people/%d", own), update(f.unitA, "甲成员"), writeOwn},
				}
				for _, tc := range cases {
					res := c.do(tc.method, tc.path, tc.body)
					if res.status != tc.want {
						t.Errorf("%s: %s %s = %d, want %d (%s)", tc.name, tc.method, tc.path, res.status, tc.want, res.body)
					}
					if res.status == 403 && !hasChinese(res.apiError().Error.Message) {
						t.Errorf("%s: refusal not explained in Chinese: %s", tc.name, res.body)
					}
				}
				// Lists never leak the other unit.
				if !isAuditor {
					var page struct {
						Items []domain.Person `json:"items"`
						Total int             `json:"total"`
					}
					c.do("GET", "/api/v1/people?pageSize=200", nil).want(200).json(&page)
					for _, p := range page.Items {
						if p.UnitID == f.unitB || p.UnitID == f.office {
							t.Errorf("people list shows %s of unit %d", p.Username, p.UnitID)
						}
					}
					if page.Total == 0 {
						t.Error("people list is empty; own scope should show")
					}
				}
			})
		}
	})
}

// A unit-scoped liaison sees the unit's sub-units; a region-scoped office
// sees the county; nobody grants a wider scope than their own.
func TestScopeReachAndGrants(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
		f := newFixture(t, db)
		head := f.login("a_head")
		head.do("GET", fmt.Sprintf("/api/v1/people/%d", f.people["a_sub"]), nil).want(200)

		county := f.login("county_staff")
		county.do("GET", fmt.Sprintf("/api/v1/people/%d", f.people["b_member"]), nil).want(200)

		// A unit head may hand out unit roles, but not office roles.
		res := head.do("POST", "/api/v1/people", map[string]any{"username": "a_new", "realName": "新人", "unitId": f.unitA,
			"roles": []string{"office_staff"}, "scopeKind": "unit", "password": "New-Pass-2026"})
		res.want(400)
		if e := res.apiError(); e.Error.Field != "roles" {
			t.Errorf("field = %q, want roles", e.Error.Field)
		}
		head.do("POST", "/api/v1/people", map[string]any{"username": "a_new", "realName": "新人", "unitId": f.unitA,
			"roles": []string{"grid_worker"}, "scopeKind": "unit", "password": "New-Pass-2026"}).want(201)

		// Street-A staff cannot grant the whole county.
		staff := f.login("a_staff")
		res = staff.do("POST", "/api/v1/people", map[string]any{"username": "a_wide", "realName": "越权", "unitId": f.unitA,
			"roles": []string{"inspector"}, "scopeKind": "region", "scopeRegionId": f.county, "password": "New-Pass-2026"})
		res.want(400)
		if e := res.apiError(); e.Error.Field != "scopeRegionId" {
			t.Errorf("field = %q, want scopeRegionId", e.Error.Field)
		}
		// The three admin roles stand alone.
		sec := f.login("secadmin")
		res = sec.do("POST", "/api/v1/people", map[string]any{"username": "a_mixed", "realName": "兼任", "unitId": f.unitA,
			"roles": []string{"sys_admin", "audit_admin"}, "scopeKind": "all", "password": "New-Pass-2026"})
		res.want(400)
		if e := res.apiError(); e.Error.Field != "roles" || !hasChinese(e.Error.Message) {
			t.Errorf("three-admin separation not enforced: %s", res.body)
		}
	})
}
