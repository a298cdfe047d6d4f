package ranking

import (
	"context"
	"math"
	"slices"
	"strings"
	"time"

	"wenming/internal/domain"
)

// The office of a jurisdiction with jurisdictions below it (the city over
// its counties) ranks them as wholes: the title is won by the city as a
// whole, so the city judges how each county carries it. The figures are
// the units' figures summed per county, computed here once for the page,
// the export and the city's bulletin.

// JurisdictionRanking is a period's ranking of the jurisdictions directly
// below one (the city's counties).
type JurisdictionRanking struct {
	Period string `json:"period"`
	// JurisdictionID is the jurisdiction whose counties are ranked.
	JurisdictionID   int64                `json:"jurisdictionId"`
	JurisdictionName string               `json:"jurisdictionName"`
	Bands            Bands                `json:"bands"`
	Jurisdictions    []RankedJurisdiction `json:"jurisdictions"`
	Computed         string               `json:"computedAt"`
	Notes            []string             `json:"notes"`
}

// RankedJurisdiction is one county's place and figures.
type RankedJurisdiction struct {
	JurisdictionID int64  `json:"jurisdictionId"`
	Name           string `json:"name"`
	OfficeName     string `json:"officeName"`
	// OfficeUnitID is the county's office unit, which the city's bulletin
	// messages (nil while the county has none set up).
	OfficeUnitID *int64 `json:"officeUnitId"`
	Rank         *int   `json:"rank"`
	// PreviousRank is its rank in the period before; Movement how many
	// places it rose (negative: fell) since then.
	PreviousRank *int `json:"previousRank"`
	Movement     *int `json:"movement"`
	// Score is what the county is ranked on: its live score when it has
	// one, else its work score. Color is Score's band.
	Score *float64 `json:"score"`
	Color string   `json:"color"`
	// LiveScore is the assessment's score of the county's own points,
	// events and rounds over the period's patrols (up to today while the
	// period runs); nil before any patrol in it.
	LiveScore *float64 `json:"liveScore"`
	// WorkScore is the units' composite formula applied to the county's
	// summed figures, by the ranking office's weights.
	WorkScore     *float64 `json:"workScore"`
	Units         int      `json:"units"`
	CasesReceived int      `json:"casesReceived"`
	CasesClosed   int      `json:"casesClosed"`
	OnTimeRate    *float64 `json:"onTimeRate"`
	Overdue       int      `json:"overdue"`
	// TaskProgress is the mean task progress (0–100) of its units with
	// plan tasks.
	TaskProgress *float64 `json:"taskProgress"`
}

// RankJurisdictions ranks, for a period, the jurisdictions directly below
// one (0: the actor's own) as wholes (office and leaders). A county office
// asking gets an empty list and a note that it has none below it.
func (s *Service) RankJurisdictions(ctx context.Context, actor *domain.Actor, code string, jurisdictionID int64) (_ JurisdictionRanking, err error) {
	defer domain.Wrap(&err, "ranking.RankJurisdictions %d", jurisdictionID)
	if !actor.Has(supervisors...) {
		return JurisdictionRanking{}, domain.Forbidden("下辖县区排名仅供创城办和领导查看")
	}
	p, err := s.period(code)
	if err != nil {
		return JurisdictionRanking{}, err
	}
	j, err := s.readable(ctx, actor, jurisdictionID, "下辖县区排名")
	if err != nil {
		return JurisdictionRanking{}, err
	}
	return s.rankJurisdictions(ctx, p, j)
}

// rankJurisdictions computes the ranking of j's children for a period,
// with each county's movement since the period before.
func (s *Service) rankJurisdictions(ctx context.Context, p Period, j domain.Jurisdiction) (JurisdictionRanking, error) {
	out, err := s.rankChildren(ctx, p, j)
	if err != nil || len(out.Jurisdictions) == 0 {
		return out, err
	}
	before, err := s.rankChildren(ctx, p.Previous(), j)
	if err != nil {
		return out, err
	}
	previous := map[int64]*int{}
	for _, r := range before.Jurisdictions {
		previous[r.JurisdictionID] = r.Rank
	}
	for k := range out.Jurisdictions {
		r := &out.Jurisdictions[k]
		if was := previous[r.JurisdictionID]; was != nil && r.Rank != nil {
			r.PreviousRank, r.Movement = was, ptr(*was-*r.Rank)
		}
	}
	return out, nil
}

// rankChildren ranks j's children for one period.
func (s *Service) rankChildren(ctx context.Context, p Period, j domain.Jurisdiction) (JurisdictionRanking, error) {
	list, err := s.jurisdictions(ctx)
	if err != nil {
		return JurisdictionRanking{}, err
	}
	set, err := s.settingsOf(ctx, s.db.Read(), j)
	if err != nil {
		return JurisdictionRanking{}, err
	}
	out := JurisdictionRanking{Period: p.Code, JurisdictionID: j.ID, JurisdictionName: j.Name,
		Bands: Bands{set.GreenAtLeast, set.RedBelow}, Jurisdictions: []RankedJurisdiction{},
		Computed: s.db.Now().Format(time.RFC3339), Notes: []string{}}
	var children []domain.Jurisdiction
	for _, c := range list {
		if c.ParentID != nil && *c.ParentID == j.ID {
			children = append(children, c)
		}
	}
	if len(children) == 0 {
		out.Notes = append(out.Notes, j.Name+"没有下辖的县区，县区排名由上级创城办查看。")
		return out, nil
	}
	dir, err := s.org.Directory(ctx)
	if err != nil {
		return JurisdictionRanking{}, err
	}
	figures, err := s.figures(ctx, p)
	if err != nil {
		return JurisdictionRanking{}, err
	}
	// A unit counts for the child its jurisdiction is, or lies under.
	childOf := func(u domain.Unit) (int64, bool) {
		if u.JurisdictionID == nil {
			return 0, false
		}
		for _, c := range list.Chain(*u.JurisdictionID) {
			if c.ParentID != nil && *c.ParentID == j.ID {
				return c.ID, true
			}
		}
		return 0, false
	}
	sums := map[int64]*countySum{}
	for _, u := range dir {
		c, ok := childOf(u)
		if !ok {
			continue
		}
		if sums[c] == nil {
			sums[c] = &countySum{}
		}
		sums[c].add(figures[u.ID])
	}
	for _, c := range children {
		from, to := scoreWindow(p, s.db.Now())
		live, err := s.scores.PeriodScoreIn(ctx, c.ID, from, to)
		if err != nil {
			return JurisdictionRanking{}, err
		}
		sum := sums[c.ID]
		if sum == nil {
			sum = &countySum{}
		}
		r := sum.ranked(set.Weights)
		r.JurisdictionID, r.Name, r.OfficeName, r.OfficeUnitID, r.LiveScore = c.ID, c.Name, c.OfficeName, c.OfficeUnitID, live
		r.Score = r.WorkScore
		if live != nil {
			r.Score = ptr(roundTo(*live, 2))
		}
		out.Jurisdictions = append(out.Jurisdictions, r)
	}
	placeJurisdictions(out.Jurisdictions, set.Settings)
	out.Notes = append(out.Notes, "县区按本期测评得分（截至本期末、本期未结束时截至今天的巡查测评，不足 30 天的向前补足 30 天）排名；尚无测评得分的县区按工作得分（各单位案件与任务数据合计，按本级权重计算）排在其后。案件数为县区各责任单位之和。")
	return out, nil
}

// scoreWindow is the patrols a county's score counts for a period: the
// period up to its end (up to today while it runs), reaching back to at
// least 30 days, as the live score does, so that a week or the first days
// of a month are not judged on a handful of patrols.
func scoreWindow(p Period, now time.Time) (from, to time.Time) {
	from, to = p.From, p.To
	if tomorrow := domain.Midnight(now).AddDate(0, 0, 1); to.After(tomorrow) {
		to = tomorrow
	}
	if earliest := to.AddDate(0, 0, -30); from.After(earliest) {
		from = earliest
	}
	return from, to
}

// countySum adds up a county's units' figures.
type countySum struct {
	units, received, closed, onTime, overdue int
	progress                                 []float64
}

func (c *countySum) add(f Figures) {
	c.units++
	c.received += f.CasesReceived
	c.closed += f.CasesClosed
	c.overdue += f.Overdue
	if f.OnTimeRate != nil {
		// The rate is on-time ÷ closed of the unit: the count comes back exactly.
		c.onTime += int(math.Round(*f.OnTimeRate * float64(f.CasesClosed)))
	}
	if f.TaskProgress != nil {
		c.progress = append(c.progress, *f.TaskProgress)
	}
}

// ranked turns the sums into a county's figures and work score.
func (c *countySum) ranked(w Weights) RankedJurisdiction {
	r := RankedJurisdiction{Units: c.units, CasesReceived: c.received, CasesClosed: c.closed, Overdue: c.overdue}
	f := Figures{}
	f.CasesClosed, f.Overdue = c.closed, c.overdue
	if c.closed > 0 {
		r.OnTimeRate = ptr(roundTo(float64(c.onTime)/float64(c.closed), 4))
		f.OnTimeRate = r.OnTimeRate
	}
	if len(c.progress) > 0 {
		var sum float64
		for _, v := range c.progress {
			sum += v
		}
		r.TaskProgress = ptr(roundTo(sum/float64(len(c.progress)), 1))
		f.TaskProgress = r.TaskProgress
	}
	r.WorkScore = Score(f, w)
	return r
}

// placeJurisdictions orders the counties: those with a live score first by
// it, then those with only a work score by that, then those with neither
// (unranked); equal keys share a rank. Colours are the score's band.
func placeJurisdictions(list []RankedJurisdiction, s Settings) {
	tier := func(r RankedJurisdiction) int {
		switch {
		case r.LiveScore != nil:
			return 0
		case r.WorkScore != nil:
			return 1
		}
		return 2
	}
	slices.SortStableFunc(list, func(a, b RankedJurisdiction) int {
		if ta, tb := tier(a), tier(b); ta != tb {
			return ta - tb
		}
		if a.Score != nil && b.Score != nil && *a.Score != *b.Score {
			if *a.Score > *b.Score {
				return -1
			}
			return 1
		}
		return strings.Compare(a.Name, b.Name)
	})
	for k := range list {
		r := &list[k]
		if r.Score == nil {
			continue
		}
		rank := k + 1
		if k > 0 && tier(list[k-1]) == tier(*r) && *list[k-1].Score == *r.Score {
			rank = *list[k-1].Rank
		}
		r.Rank = &rank
		r.Color = color(*r.Score, s)
	}
}
