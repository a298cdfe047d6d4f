package patrol

import "wenming/internal/domain"

// Who may read and change points, checklists and patrols is decided here.

// patrollers may judge points.
var patrollers = []domain.Role{domain.RoleOfficeLeader, domain.RoleOfficeStaff, domain.RoleInspector, domain.RoleGridWorker}

// wideReaders see every point; unit roles see their own unit's.
var wideReaders = []domain.Role{domain.RoleOfficeLeader, domain.RoleOfficeStaff, domain.RoleInspector, domain.RoleGridWorker, domain.RoleLeader}

func requireOffice(a *domain.Actor) error {
	if !a.IsOffice() {
		return domain.Forbidden("只有创城办可以维护点位和检查项")
	}
	return nil
}

func requireReader(a *domain.Actor) error {
	if !a.Has(wideReaders...) && !a.Has(domain.RoleUnitHead, domain.RoleUnitLiaison) {
		return domain.Forbidden("您的角色不能查看点位")
	}
	return nil
}

// sees tells whether the actor may read a point: wide readers in their
// scope, unit roles the points of their unit and its sub-units.
func sees(a *domain.Actor, p *Point) bool {
	if a.Has(wideReaders...) && (a.Scope == domain.ScopeAll || a.SeesUnit(p.unitPath, p.unitRegion)) {
		return true
	}
	return a.Has(domain.RoleUnitHead, domain.RoleUnitLiaison) && a.SeesUnit(p.unitPath, p.unitRegion)
}
