package plan

import (
	"context"
	"fmt"

	"wenming/internal/domain"
)

// Who may read and change plans, decided here once.
//
// A plan belongs to the jurisdiction of the office that made it. Its own
// office edits its tasks and assigns them, to units of that jurisdiction
// only; the office above (the city) reads its counties' plans but does
// not edit them; a sibling county neither reads nor edits. A unit's
// people read the plans of their own jurisdiction.

var editors = []domain.Role{domain.RoleOfficeLeader, domain.RoleOfficeStaff}

func requireReader(a *domain.Actor) error {
	if a.Has(domain.RoleAuditAdmin) {
		return domain.Forbidden("安全审计员只能查看审计日志")
	}
	return nil
}

// requirePlanReader: another county's plan is not found, as if it did not
// exist, so its id tells nothing.
func requirePlanReader(a *domain.Actor, p Plan) error {
	if err := requireReader(a); err != nil {
		return err
	}
	if !a.ReadsJurisdiction(p.JurisdictionID, p.jurisdictionCode) {
		return domain.NotFound("年度方案")
	}
	return nil
}

// requirePlanEditor: the plan's own office only.
func requirePlanEditor(a *domain.Actor, p Plan) error {
	if !a.Has(editors...) {
		return domain.Forbidden("只有创城办可以维护年度方案")
	}
	if err := requirePlanReader(a, p); err != nil {
		return err
	}
	if !a.GovernsJurisdiction(p.JurisdictionID) {
		return domain.Forbidden("该年度方案属于" + p.JurisdictionName + "，只有其创城办可以修改")
	}
	return nil
}

// requirePlanUnits: a task is assigned to units of the plan's own
// jurisdiction; the other county's 县住建局 is another unit.
func requirePlanUnits(p Plan, dir map[int64]domain.Unit, in TaskInput) error {
	for _, g := range []struct {
		field string
		ids   []int64
	}{{"leadUnitIds", in.LeadUnitIDs}, {"responsibleUnitIds", in.ResponsibleUnitIDs}} {
		for _, id := range g.ids {
			u := dir[id]
			if u.JurisdictionID == nil || *u.JurisdictionID != p.JurisdictionID {
				return domain.Invalid(g.field, fmt.Sprintf("单位“%s”不属于%s，只能指派本辖区的单位", u.Name, p.JurisdictionName))
			}
		}
	}
	return nil
}

// home is the jurisdiction the actor's office runs, where its plans go:
// its own, else for the system acting deployment-wide the one top
// jurisdiction.
func (s *Service) home(ctx context.Context, a *domain.Actor) (domain.Jurisdiction, error) {
	list, err := s.org.Jurisdictions(ctx, a)
	if err != nil {
		return domain.Jurisdiction{}, err
	}
	var top []domain.Jurisdiction
	for _, j := range list {
		if j.ID == a.JurisdictionID {
			return j, nil
		}
		if j.ParentID == nil {
			top = append(top, j)
		}
	}
	if a.JurisdictionID == 0 && len(top) == 1 {
		return top[0], nil
	}
	return domain.Jurisdiction{}, domain.Forbidden("您的单位不属于任何创城办辖区，不能制定年度方案")
}
