package cases

import (
	"strings"

	"wenming/internal/domain"
)

// Who may see cases and bring them in is decided here; who may take each
// action on a case is the lifecycle's table (lifecycle.go).

// sourceRoles says who may bring a case from each source; resident snaps
// come only through the public page, patrol and assessment cases also from
// those services.
var sourceRoles = map[string][]domain.Role{
	"cadre_snap":  {domain.RoleOfficeLeader, domain.RoleOfficeStaff, domain.RoleUnitHead, domain.RoleUnitLiaison, domain.RoleInspector, domain.RoleGridWorker},
	"hotline":     {domain.RoleOfficeLeader, domain.RoleOfficeStaff},
	"media":       {domain.RoleOfficeLeader, domain.RoleOfficeStaff},
	"supervision": {domain.RoleOfficeLeader, domain.RoleOfficeStaff, domain.RoleInspector},
	"patrol":      {domain.RoleOfficeLeader, domain.RoleOfficeStaff, domain.RoleInspector, domain.RoleGridWorker},
	"assessment":  {domain.RoleOfficeLeader, domain.RoleOfficeStaff, domain.RoleInspector},
}

// poolRoles read every case in their scope.
var poolRoles = []domain.Role{domain.RoleOfficeLeader, domain.RoleOfficeStaff, domain.RoleLeader, domain.RoleInspector}

// sees tells whether a case is in the actor's view: its lead or
// co-handling unit in the actor's scope, its reporter, or, for the office,
// leaders and inspectors, its region in their scope (a case not yet placed
// in a region or unit is in the pools of the jurisdictions that read it).
func (e *caseConfig) sees(a *domain.Actor, k *Case) bool {
	if a.Has(domain.RoleAuditAdmin, domain.RoleSysAdmin, domain.RoleSecurityAdmin) && !a.Has(poolRoles...) {
		return false
	}
	if k.reporterID != nil && *k.reporterID == a.UserID {
		return true
	}
	for _, u := range append([]int64{deref(k.LeadUnitID)}, k.coUnitIDs...) {
		if unit, ok := e.units[u]; ok && a.SeesUnit(unit.Path, unit.RegionCode) {
			return true
		}
	}
	if !a.Has(poolRoles...) {
		return false
	}
	switch a.Scope {
	case domain.ScopeAll:
		return true
	case domain.ScopeRegion:
		if k.RegionID == nil {
			return k.LeadUnitID == nil && readsCase(a, e, k.JurisdictionID)
		}
		return strings.HasPrefix(e.regions[*k.RegionID].Code, a.RegionCode)
	}
	return false
}

// inUnit tells whether the actor belongs to the case's lead unit (or a
// parent of it) as one of its liaisons or heads.
func (e *caseConfig) inUnit(a *domain.Actor, unitID *int64) bool {
	if unitID == nil || !a.Has(domain.RoleUnitLiaison, domain.RoleUnitHead) {
		return false
	}
	u, ok := e.units[*unitID]
	return ok && a.UnitPath != "" && strings.HasPrefix(u.Path, a.UnitPath)
}

// requireOffice keeps the case settings (categories, rules, calendar) and
// bulk dispatch to the creation office.
func requireOffice(a *domain.Actor) error {
	if !a.IsOffice() {
		return domain.Forbidden("只有创城办可以进行此操作")
	}
	return nil
}

// adminOnly tells an account that holds only the administrators' roles,
// which take no part in cases.
func adminOnly(a *domain.Actor) bool {
	for _, r := range a.Roles {
		if r != domain.RoleSysAdmin && r != domain.RoleSecurityAdmin && r != domain.RoleAuditAdmin {
			return false
		}
	}
	return true
}
