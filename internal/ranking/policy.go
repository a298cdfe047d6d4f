package ranking

import "wenming/internal/domain"

// Who may read and change rankings, bulletins and sanctions is decided here.

// readers see rankings: the office and leaders all units in scope, units
// their own class.
var readers = []domain.Role{domain.RoleOfficeLeader, domain.RoleOfficeStaff, domain.RoleLeader, domain.RoleUnitHead, domain.RoleUnitLiaison, domain.RoleInspector}

// supervisors read a jurisdiction's drafts and every jurisdiction below
// their own: the office and the leaders.
var supervisors = []domain.Role{domain.RoleOfficeLeader, domain.RoleOfficeStaff, domain.RoleLeader}

// governs: a jurisdiction's rules and bulletins are changed by its own
// office only (or a deployment-wide account); the office above supervises.
func governs(actor *domain.Actor, jurisdiction int64) bool {
	return actor.IsOffice() && actor.GovernsJurisdiction(jurisdiction)
}

// canSee: the office and leaders see the bulletins of the jurisdictions
// they read, drafts too, and a published bulletin of the office above that
// ranks their own jurisdiction (the city's, naming the county); units see
// only what their own jurisdiction has published.
func canSee(actor *domain.Actor, b Bulletin) bool {
	if actor.Has(supervisors...) {
		return actor.ReadsJurisdiction(b.JurisdictionID, b.jurisdictionCode) || (b.Status == "published" && names(b, actor.JurisdictionID))
	}
	return actor.Has(readers...) && b.Status == "published" && b.JurisdictionID != 0 && b.JurisdictionID == actor.JurisdictionID
}

// names: the bulletin ranks the jurisdiction among those below its own.
func names(b Bulletin, jurisdiction int64) bool {
	for _, r := range b.Jurisdictions {
		if jurisdiction != 0 && r.JurisdictionID == jurisdiction {
			return true
		}
	}
	return false
}

// seesSanction is who may read a sanction against a unit: the roles that
// read rankings, when the unit lies in their scope and the sanction in a
// jurisdiction they read.
func seesSanction(a *domain.Actor, u domain.Unit, jurisdiction int64, code string) bool {
	return a.Has(readers...) && a.SeesUnit(u.Path, u.RegionCode) && a.ReadsJurisdiction(jurisdiction, code)
}

// sanctions: an office holds to account the units of its own jurisdiction
// and, supervising, those of the jurisdictions under it (the city office a
// county's units); never a unit of a neighbour or of the office above.
func canSanction(a *domain.Actor, u domain.Unit, j domain.Jurisdiction) bool {
	return a.IsOffice() && a.ReadsJurisdiction(j.ID, j.Code) && a.SeesUnit(u.Path, u.RegionCode)
}
