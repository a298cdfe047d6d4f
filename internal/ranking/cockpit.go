package ranking

import (
	"context"
	"time"

	"wenming/internal/cases"
	"wenming/internal/domain"
)

// Cockpit is the leaders' big screen in one answer.
type Cockpit struct {
	At      time.Time         `json:"at"`
	Cases   cases.Overview    `json:"cases"`
	Ranking CockpitRanking    `json:"ranking"`
	Heat    []cases.HeatPoint `json:"heat"`
	Score   CockpitScore      `json:"score"`
}

// CockpitRanking is this month's ranking of both classes.
type CockpitRanking struct {
	Period string       `json:"period"`
	A      []RankedUnit `json:"A"`
	B      []RankedUnit `json:"B"`
}

// CockpitScore waits for the mock assessments; until then, no data.
type CockpitScore struct {
	Total     *float64 `json:"total"`
	WeakSpots []string `json:"weakSpots"`
}

// Cockpit gathers the cases, the ranking and the score (office, leaders,
// inspectors).
func (s *Service) Cockpit(ctx context.Context, actor *domain.Actor) (Cockpit, error) {
	if !actor.Has(domain.RoleOfficeLeader, domain.RoleOfficeStaff, domain.RoleLeader, domain.RoleInspector) {
		return Cockpit{}, domain.Forbidden("驾驶舱仅供创城办、领导和督查员查看")
	}
	overview, err := s.cases.Overview(ctx, actor)
	if err != nil {
		return Cockpit{}, err
	}
	r, err := s.Rank(ctx, actor, "")
	if err != nil {
		return Cockpit{}, err
	}
	out := Cockpit{At: s.db.Now(), Cases: overview, Heat: overview.Heat, Ranking: CockpitRanking{Period: r.Period, A: []RankedUnit{}, B: []RankedUnit{}},
		Score: CockpitScore{WeakSpots: []string{}}}
	out.Cases.Heat = nil
	for _, c := range r.Classes {
		list := &out.Ranking.A
		if c.Class == "B" {
			list = &out.Ranking.B
		}
		for _, u := range c.Units {
			if u.Rank != nil {
				*list = append(*list, u)
			}
		}
	}
	return out, nil
}
