package ranking

import (
	"context"
	"time"

	"wenming/internal/cases"
	"wenming/internal/domain"
	"wenming/internal/patrol"
)

// Cockpit is the leaders' big screen in one answer.
type Cockpit struct {
	At      time.Time         `json:"at"`
	Cases   cases.Overview    `json:"cases"`
	Ranking CockpitRanking    `json:"ranking"`
	Heat    []cases.HeatPoint `json:"heat"`
	Score   CockpitScore      `json:"score"`
	// Points are the active field points with their latest result.
	Points []patrol.MapPoint `json:"points"`
}

// CockpitRanking is this month's ranking of both classes.
type CockpitRanking struct {
	Period string       `json:"period"`
	A      []RankedUnit `json:"A"`
	B      []RankedUnit `json:"B"`
}

// CockpitScore is the live score and its weakest standards.
type CockpitScore struct {
	Total     *float64 `json:"total"`
	WeakSpots []string `json:"weakSpots"`
}

// Headliner gives the live score for the cockpit (the assessment service).
type Headliner interface {
	Headline(ctx context.Context) (*float64, []string, error)
}

// SetScores lets the cockpit show the live score.
func (s *Service) SetScores(h Headliner) { s.scores = h }

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
		Score: CockpitScore{WeakSpots: []string{}}, Points: []patrol.MapPoint{}}
	out.Cases.Heat = nil
	if s.patrols != nil {
		active := true
		if out.Points, err = s.patrols.Map(ctx, actor, patrol.PointFilter{Active: &active}); err != nil {
			return Cockpit{}, err
		}
	}
	if s.scores != nil {
		if out.Score.Total, out.Score.WeakSpots, err = s.scores.Headline(ctx); err != nil {
			return Cockpit{}, err
		}
	}
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
