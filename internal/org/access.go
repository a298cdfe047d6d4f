// Package org manages the organisation: the region tree, the units and the
// people with their roles and scopes, and their Excel import and export.
package org

import (
	"wenming/internal/domain"
	"wenming/internal/store"
)

// Service is the organisation service.
type Service struct{ db *store.DB }

// NewService returns the organisation service.
func NewService(db *store.DB) *Service { return &Service{db: db} }

// Who may do what. Scope is checked separately, on the record touched.
var (
	orgWriters      = []domain.Role{domain.RoleSysAdmin, domain.RoleOfficeLeader, domain.RoleOfficeStaff}
	peopleManagers  = []domain.Role{domain.RoleSysAdmin, domain.RoleSecurityAdmin, domain.RoleOfficeLeader, domain.RoleOfficeStaff, domain.RoleUnitHead}
	passwordKeepers = []domain.Role{domain.RoleSecurityAdmin, domain.RoleSysAdmin, domain.RoleOfficeLeader, domain.RoleOfficeStaff}
)

func requireOrgWriter(a *domain.Actor) error {
	if !a.Has(orgWriters...) {
		return domain.Forbidden("只有创城办或系统管理员可以维护区划和单位")
	}
	return nil
}

// requireReader keeps the audit admin to the audit log: the three separated
// admins see only what their duty needs.
func requireReader(a *domain.Actor) error {
	if a.Has(domain.RoleAuditAdmin) {
		return domain.Forbidden("安全审计员只能查看审计日志")
	}
	return nil
}

// readsOutline tells whether the actor reads a region's outline: one that
// lies in a jurisdiction it reads (a county office its own county's, the
// city office its counties' too). The tree itself every role reads; an
// outline is drawn where a case is located, so it is the jurisdiction's.
func readsOutline(a *domain.Actor, js domain.Jurisdictions, code string) bool {
	j, ok := js.Of(code)
	if !ok {
		return a.Scope == domain.ScopeAll
	}
	return a.ReadsJurisdiction(j.ID, j.Code)
}

// unitRoles are the roles a unit head may hand out within the unit.
var unitRoles = []domain.Role{domain.RoleUnitLiaison, domain.RoleInspector, domain.RoleGridWorker}

// canGrant tells whether the actor may give (or take away) a role. Only
// the security admin manages the three separated admin roles, so the
// system admin cannot make itself, or anyone, an auditor.
func canGrant(a *domain.Actor, r domain.Role) bool {
	switch {
	case domain.IsAdminRole(r):
		return a.Has(domain.RoleSecurityAdmin)
	case r == domain.RoleOfficeLeader:
		return a.Has(domain.RoleSysAdmin, domain.RoleSecurityAdmin, domain.RoleOfficeLeader)
	case a.Has(domain.RoleSysAdmin, domain.RoleSecurityAdmin, domain.RoleOfficeLeader, domain.RoleOfficeStaff):
		return true
	case a.Has(domain.RoleUnitHead):
		for _, u := range unitRoles {
			if u == r {
				return true
			}
		}
	}
	return false
}

func checkGrants(a *domain.Actor, roles ...domain.Role) error {
	for _, r := range roles {
		if !canGrant(a, r) {
			return domain.Invalid("roles", "无权授予或收回角色“"+domain.RoleName(string(r))+"”")
		}
	}
	return nil
}

// unitScopeSQL returns a condition limiting units (alias un, its region
// alias ur) to the actor's scope.
func unitScopeSQL(a *domain.Actor) (string, []any) {
	switch a.Scope {
	case domain.ScopeAll:
		return "1=1", nil
	case domain.ScopeRegion:
		return `ur.code LIKE ?`, []any{a.RegionCode + "%"}
	default:
		return `un.path LIKE ?`, []any{a.UnitPath + "%"}
	}
}

// coversPerson tells whether the actor's scope contains the person's own
// scope, so that nobody takes over an account that sees more than they do.
func coversPerson(a *domain.Actor, p domain.Person) bool {
	region := p.Scope.RegionCode
	if p.Scope.Kind == domain.ScopeUnit {
		region = p.UnitRegion
	}
	return a.CoversScope(p.Scope.Kind, region, p.UnitPath)
}

// heldRoles refuses a person holding a role the actor could not grant.
func heldRoles(a *domain.Actor, p domain.Person) error {
	for _, r := range p.Roles {
		if !canGrant(a, r) {
			return domain.Forbidden("该人员持有您无权管理的角色“" + domain.RoleName(string(r)) + "”")
		}
	}
	return nil
}

func outOfScope(what string) error {
	return domain.Forbidden(what + "不在您的数据范围内")
}
