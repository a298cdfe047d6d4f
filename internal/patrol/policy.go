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

// sees tells whether the actor may read a point: only in the
// jurisdictions it reads, and there wide readers in their scope, unit
// roles the points of their unit and its sub-units.
func sees(a *domain.Actor, p *Point) bool {
	if !a.ReadsJurisdiction(p.JurisdictionID, p.jurisdictionCode) {
		return false
	}
	if a.Has(wideReaders...) && (a.Scope == domain.ScopeAll || a.SeesUnit(p.unitPath, p.unitRegion)) {
		return true
	}
	return a.Has(domain.RoleUnitHead, domain.RoleUnitLiaison) && a.SeesUnit(p.unitPath, p.unitRegion)
}

// governs tells whether the actor's office may change a point: only the
// point's own jurisdiction's office (the city office above reads and
// supervises a county's points, it does not edit them), in its scope.
func governs(a *domain.Actor, p *Point) error {
	if !a.GovernsJurisdiction(p.JurisdictionID) || !sees(a, p) {
		return domain.Forbidden("点位“" + p.Name + "”不属于您的辖区或数据范围，不能修改")
	}
	return nil
}
