package ranking

import (
	"context"

	"wenming/internal/domain"
)

// Every ranking, bulletin and sanction belongs to one jurisdiction: the
// helpers here find it and the ones above it.

// jurisdictions lists the deployment's jurisdictions, each with the one
// above. They are reference data, read as the system.
func (s *Service) jurisdictions(ctx context.Context) (domain.Jurisdictions, error) {
	return s.org.Jurisdictions(ctx, domain.System("排名通报"))
}

// resolve finds the jurisdiction a request is about: the one asked for
// (id), else the actor's own, else (for the system and deployment-wide
// accounts, who belong to none) the deployment's only top jurisdiction.
func (s *Service) resolve(ctx context.Context, actor *domain.Actor, id int64) (domain.Jurisdiction, error) {
	list, err := s.jurisdictions(ctx)
	if err != nil {
		return domain.Jurisdiction{}, err
	}
	if id == 0 {
		id = actor.JurisdictionID
	}
	if id == 0 {
		if top, ok := list.Top(); ok {
			return top, nil
		}
		return domain.Jurisdiction{}, domain.Invalid("jurisdictionId", "请选择辖区")
	}
	j, ok := list.ByID(id)
	if !ok {
		return domain.Jurisdiction{}, domain.Invalid("jurisdictionId", "辖区不存在")
	}
	return j, nil
}

// readable resolves the jurisdiction and checks that the actor reads it:
// its own, or one under the office's region (the city reads its counties).
func (s *Service) readable(ctx context.Context, actor *domain.Actor, id int64, what string) (domain.Jurisdiction, error) {
	j, err := s.resolve(ctx, actor, id)
	if err != nil {
		return j, err
	}
	if !actor.ReadsJurisdiction(j.ID, j.Code) {
		return domain.Jurisdiction{}, domain.Forbidden("无权查看" + j.Name + "的" + what)
	}
	return j, nil
}

// unitsOf keeps the units that work in a jurisdiction.
func unitsOf(dir map[int64]domain.Unit, j int64) []domain.Unit {
	var out []domain.Unit
	for _, u := range dir {
		if u.JurisdictionID != nil && *u.JurisdictionID == j {
			out = append(out, u)
		}
	}
	return out
}
