package ranking

import "wenming/internal/domain"

// Who may read and change rankings, bulletins and sanctions is decided here.

// readers see rankings: the office and leaders all units in scope, units
// their own class.
var readers = []domain.Role{domain.RoleOfficeLeader, domain.RoleOfficeStaff, domain.RoleLeader, domain.RoleUnitHead, domain.RoleUnitLiaison, domain.RoleInspector}

// canSee: units see only what is published.
func canSee(actor *domain.Actor, b Bulletin) bool {
	if actor.Has(domain.RoleOfficeLeader, domain.RoleOfficeStaff, domain.RoleLeader) {
		return true
	}
	return actor.Has(readers...) && b.Status == "published"
}

// seesSanction is who may read a sanction against a unit: the roles that
// read rankings, when the unit lies in their scope.
func seesSanction(a *domain.Actor, u domain.Unit) bool {
	return a.Has(readers...) && a.SeesUnit(u.Path, u.RegionCode)
}
