package cases

import (
	"context"
	"strings"

	"wenming/internal/domain"
	"wenming/internal/store"
)

// The three tiers of seed 003's 8890 network, on one case: the city's
// office receives a call and hands the case down to the county it lies in
// (下派); the county's office dispatches it to a township; the township
// passes it on to its community (转派下级), which handles and reports it. An
// office above may take the case back (收回). Each hop is a step on the
// timeline, counts in hop_count, and restarts the handling clock: the unit
// that takes the case signs for it and its time limit runs from then.

// HandDownInput names the jurisdiction below that gets the case.
type HandDownInput struct {
	JurisdictionID int64  `json:"jurisdictionId"`
	Note           string `json:"note"`
}

// HandDown passes a case to the office of a jurisdiction below its own,
// which registers and dispatches it there.
func (s *Service) HandDown(ctx context.Context, actor *domain.Actor, id int64, in HandDownInput) (_ CaseDetail, err error) {
	defer domain.Wrap(&err, "cases.HandDown %d to %d", id, in.JurisdictionID)
	return s.act(ctx, actor, id, func(c *store.Conn, e *caseConfig, k *Case) (step, error) {
		if err := e.may(actor, k, ActHandDown); err != nil {
			return step{}, err
		}
		note, err := optText("note", in.Note)
		if err != nil {
			return step{}, err
		}
		from, to, err := e.handDownTarget(k, in.JurisdictionID)
		if err != nil {
			return step{}, err
		}
		if k.RegisteredAt == nil {
			k.RegisteredAt = ptr(e.now())
		}
		k.JurisdictionID, k.State = &to.ID, StateRegistered
		k.HopCount++
		return step{kind: KindHandedDown, note: note, data: map[string]any{"from": from.Name, "jurisdictionId": to.ID, "to": to.Name}}, nil
	})
}

// handDownTarget checks the jurisdiction a case goes down to: one below the
// case's own, holding the case's region if it has one.
func (e *caseConfig) handDownTarget(k *Case, target int64) (from, to domain.Jurisdiction, err error) {
	from, _ = e.jurisdictions.ByID(deref(k.JurisdictionID))
	to, ok := e.jurisdictions.ByID(target)
	if !ok || target == from.ID || !e.inChain(&from.ID, target) {
		return from, to, domain.Invalid("jurisdictionId", "只能下派给本辖区的下级辖区")
	}
	if k.RegionID != nil {
		if held, _ := e.jurisdictions.Of(e.regions[*k.RegionID].Code); !e.inChain(&to.ID, held.ID) {
			return from, to, domain.Invalid("jurisdictionId", "案件所在的“"+e.regions[*k.RegionID].Name+"”不属于"+to.Name+"，不能下派给它")
		}
	}
	return from, to, nil
}

// TakeBack brings a case from a jurisdiction below back to the actor's
// office, with the reason: the office dispatches it again itself.
func (s *Service) TakeBack(ctx context.Context, actor *domain.Actor, id int64, in ReasonInput) (_ CaseDetail, err error) {
	defer domain.Wrap(&err, "cases.TakeBack %d", id)
	return s.act(ctx, actor, id, func(c *store.Conn, e *caseConfig, k *Case) (step, error) {
		if err := e.may(actor, k, ActTakeBack); err != nil {
			return step{}, err
		}
		reason, err := needText("reason", "收回原因", in.Reason)
		if err != nil {
			return step{}, err
		}
		from, _ := e.jurisdictions.ByID(deref(k.JurisdictionID))
		own := actor.JurisdictionID
		k.JurisdictionID, k.State, k.LeadUnitID, k.coUnitIDs, k.coUnitsEdited = &own, StateRegistered, nil, nil, true
		k.DispatchedAt, k.AcceptedAt, k.Deadline, k.overdueAt, k.remindedAt = nil, nil, nil, nil, nil
		k.HopCount++
		to, _ := e.jurisdictions.ByID(own)
		return step{kind: KindTakenBack, note: reason, data: map[string]any{"from": from.Name, "to": to.Name}}, nil
	})
}

// PassDown hands a case from its lead unit to one of that unit's own
// sub-units (a township to its community), which must sign for it.
func (s *Service) PassDown(ctx context.Context, actor *domain.Actor, id int64, in DispatchInput) (_ CaseDetail, err error) {
	defer domain.Wrap(&err, "cases.PassDown %d", id)
	return s.act(ctx, actor, id, func(c *store.Conn, e *caseConfig, k *Case) (step, error) {
		if err := e.may(actor, k, ActPassDown); err != nil {
			return step{}, err
		}
		note, err := optText("note", in.Note)
		if err != nil {
			return step{}, err
		}
		lead := e.units[deref(k.LeadUnitID)]
		to, ok := e.units[deref(in.UnitID)]
		if !ok || to.ID == lead.ID || !strings.HasPrefix(to.Path, lead.Path) {
			return step{}, domain.Invalid("unitId", "只能转派给“"+lead.Name+"”的下级单位")
		}
		if err := e.setUnits(k, to.ID, k.coUnitIDs); err != nil {
			return step{}, err
		}
		k.State, k.DispatchedAt, k.AcceptedAt, k.Deadline, k.overdueAt, k.remindedAt = StateDispatched, ptr(e.now()), nil, nil, nil, nil
		k.HopCount++
		return step{kind: KindPassedDown, note: note, data: map[string]any{"from": lead.Name, "unitId": to.ID, "unit": to.Name}}, nil
	})
}

// above tells whether the actor's office runs a jurisdiction above the
// case's.
func (e *caseConfig) above(a *domain.Actor, jurisdiction *int64) bool {
	if jurisdiction == nil || a.JurisdictionID == 0 || a.JurisdictionID == *jurisdiction {
		return false
	}
	return e.inChain(&a.JurisdictionID, *jurisdiction)
}

// hasBelow tells whether any jurisdiction lies under the case's own.
func (e *caseConfig) hasBelow(jurisdiction *int64) bool {
	for _, j := range e.jurisdictions {
		if j.ParentID != nil && jurisdiction != nil && *j.ParentID == *jurisdiction {
			return true
		}
	}
	return false
}
