package ranking

import (
	"context"
	"sync"
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

// CockpitRanking is this month's ranking of both classes of one
// jurisdiction's units.
type CockpitRanking struct {
	Period           string       `json:"period"`
	JurisdictionID   int64        `json:"jurisdictionId"`
	JurisdictionName string       `json:"jurisdictionName"`
	A                []RankedUnit `json:"A"`
	B                []RankedUnit `json:"B"`
}

// CockpitScore is the live score and its weakest standards.
type CockpitScore struct {
	Total     *float64 `json:"total"`
	WeakSpots []string `json:"weakSpots"`
}

// Headliner gives a jurisdiction's live score for the cockpit, and its
// score over a period for the county ranking (the assessment service).
type Headliner interface {
	HeadlineIn(ctx context.Context, jurisdiction int64) (*float64, []string, error)
	PeriodScoreIn(ctx context.Context, jurisdiction int64, from, to time.Time) (*float64, error)
}

// Cockpit gathers the cases, the ranking and the score (office, leaders,
// inspectors). The ranking is of one jurisdiction's units: the actor's
// own, or one under it that the office asks for.
func (s *Service) Cockpit(ctx context.Context, actor *domain.Actor, jurisdictionID int64) (_ Cockpit, err error) {
	defer domain.Wrap(&err, "ranking.Cockpit %d", jurisdictionID)
	if !actor.Has(domain.RoleOfficeLeader, domain.RoleOfficeStaff, domain.RoleLeader, domain.RoleInspector) {
		return Cockpit{}, domain.Forbidden("驾驶舱仅供创城办、领导和督查员查看")
	}
	j, err := s.readable(ctx, actor, jurisdictionID, "驾驶舱")
	if err != nil {
		return Cockpit{}, err
	}
	// The four parts read different tables: gathered side by side, the
	// first screen after a start (nothing kept yet) waits for the slowest
	// part rather than for all of them in turn.
	out := Cockpit{At: s.db.Now(), Ranking: CockpitRanking{A: []RankedUnit{}, B: []RankedUnit{}},
		Score: CockpitScore{WeakSpots: []string{}}, Points: []patrol.MapPoint{}}
	var r Ranking
	err = together(
		func() (err error) { out.Cases, err = s.cases.Overview(ctx, actor); return },
		func() (err error) { r, err = s.Rank(ctx, actor, "", j.ID); return },
		func() (err error) {
			active := true
			out.Points, err = s.patrols.Map(ctx, actor, patrol.PointFilter{Active: &active})
			return
		},
		func() (err error) {
			out.Score.Total, out.Score.WeakSpots, err = s.scores.HeadlineIn(ctx, j.ID)
			return
		},
	)
	if err != nil {
		return Cockpit{}, err
	}
	out.Heat, out.Cases.Heat = out.Cases.Heat, nil
	out.Ranking.Period, out.Ranking.JurisdictionID, out.Ranking.JurisdictionName = r.Period, r.JurisdictionID, r.JurisdictionName
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

// together runs the functions at once and returns the first one's error
// in their order, as it is (a refusal stays a refusal).
func together(fns ...func() error) error {
	errs := make([]error, len(fns))
	var wg sync.WaitGroup
	for i, fn := range fns {
		wg.Go(func() { errs[i] = fn() })
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}
