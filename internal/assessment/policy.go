package assessment

import "wenming/internal/domain"

// Who may read and change mock assessments and scores is decided here.

// roundReaders see rounds and their progress.
var roundReaders = []domain.Role{domain.RoleOfficeLeader, domain.RoleOfficeStaff, domain.RoleLeader, domain.RoleInspector}

// scoreReaders see scores; a unit sees the city's score and the
// observations at its own points.
var scoreReaders = []domain.Role{domain.RoleOfficeLeader, domain.RoleOfficeStaff, domain.RoleLeader, domain.RoleInspector, domain.RoleUnitHead, domain.RoleUnitLiaison}

func requireOffice(a *domain.Actor) error {
	if !a.IsOffice() {
		return domain.Forbidden("只有创城办可以组织模拟测评")
	}
	return nil
}

func require(a *domain.Actor, roles []domain.Role, what string) error {
	if !a.Has(roles...) {
		return domain.Forbidden("您的角色不能查看" + what)
	}
	return nil
}
