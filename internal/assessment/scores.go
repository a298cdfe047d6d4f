package assessment

import (
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"time"

	"wenming/internal/domain"
	"wenming/internal/framework"
	"wenming/internal/patrol"
	"wenming/internal/score"
	"wenming/internal/store"
)

// Score is a computed score with what it covers and named contributions.
type Score struct {
	score.Result
	Scope      string          `json:"scope"` // round | live
	RoundID    *int64          `json:"roundId"`
	From       string          `json:"from"`
	To         string          `json:"to"`
	ComputedAt time.Time       `json:"computedAt"`
	Units      []UnitLoss      `json:"units"`
	Regions    []RegionLoss    `json:"regions"`
	Previous   *PreviousResult `json:"previous"`
}

// UnitLoss is a unit's share of the points lost, by its points' failures.
type UnitLoss struct {
	UnitID     int64   `json:"unitId"`
	UnitName   string  `json:"unitName"`
	PointsLost float64 `json:"pointsLost"`
	Fail       int     `json:"fail"`
}

// RegionLoss is a township's share of the points lost.
type RegionLoss struct {
	RegionID   int64   `json:"regionId"`
	Name       string  `json:"name"`
	PointsLost float64 `json:"pointsLost"`
	Fail       int     `json:"fail"`
}

// PreviousResult names the round a score is compared with.
type PreviousResult struct {
	RoundID int64   `json:"roundId"`
	Name    string  `json:"name"`
	Total   float64 `json:"total"`
}

// window is what one computation reads.
type window struct {
	frameworkID int64
	roundID     *int64
	from, to    time.Time // observations (live) and events, [from, to)
	manualRound *int64    // whose hand-entered rates count
	previous    *int64    // the closed round compared with
	// jurisdiction whose points, events and rounds count; 0 for the whole
	// deployment (the cockpit's headline until it asks for one).
	jurisdiction int64
}

// RoundScore is a round's score: as kept when it closed, else computed now.
func (s *Service) RoundScore(ctx context.Context, actor *domain.Actor, id int64) (_ Score, err error) {
	defer domain.Wrap(&err, "assessment.RoundScore %d", id)
	if err := require(actor, scoreReaders, "得分"); err != nil {
		return Score{}, err
	}
	c := s.db.Read()
	r, err := readRound(ctx, c, actor, id)
	if err != nil {
		return Score{}, err
	}
	var kept *string
	if err := c.Get(ctx, "模拟测评", `SELECT score FROM rounds WHERE id = ?`, []any{id}, &kept); err != nil {
		return Score{}, err
	}
	if kept != nil {
		var sc Score
		return sc, json.Unmarshal([]byte(*kept), &sc)
	}
	return s.roundScore(ctx, c, r)
}

func (s *Service) roundScore(ctx context.Context, c *store.Conn, r Round) (Score, error) {
	from, _ := time.ParseInLocation(time.DateOnly, r.StartsOn, domain.Beijing)
	to, _ := time.ParseInLocation(time.DateOnly, r.EndsOn, domain.Beijing)
	w := window{frameworkID: r.FrameworkID, roundID: &r.ID, from: from, to: to.AddDate(0, 0, 1), manualRound: &r.ID, jurisdiction: r.JurisdictionID}
	prev, err := previousRound(ctx, c, r.JurisdictionID, r.EndsOn, r.ID)
	if err != nil {
		return Score{}, err
	}
	w.previous = prev
	sc, err := s.compute(ctx, w)
	sc.Scope, sc.RoundID = "round", &r.ID
	return sc, err
}

// previousRound is the jurisdiction's latest closed round ending before
// a date (any jurisdiction's when it is 0).
func previousRound(ctx context.Context, c *store.Conn, jurisdiction int64, before string, except int64) (*int64, error) {
	var id int64
	err := c.Get(ctx, "模拟测评", `SELECT id FROM rounds WHERE status = 'closed' AND ends_on <= ? AND id <> ? AND (? = 0 OR jurisdiction_id = ?)
		ORDER BY ends_on DESC, id DESC LIMIT 1`, []any{before, except, jurisdiction, jurisdiction}, &id)
	if de, ok := domain.AsError(err); ok && de.Code == domain.CodeNotFound {
		return nil, nil
	}
	return &id, err
}

// LiveScore scores the everyday patrols of the last days at the actor's
// jurisdiction's points against the current framework, with its target
// values and material grades, its negative events, and the hand-entered
// rates of its latest closed round: a county's score is its own.
func (s *Service) LiveScore(ctx context.Context, actor *domain.Actor, days int) (Score, error) {
	return s.LiveScoreIn(ctx, actor, 0, days)
}

// LiveScoreIn is the live score of one jurisdiction the actor reads (the
// city office looking at a county); 0 is the actor's own.
func (s *Service) LiveScoreIn(ctx context.Context, actor *domain.Actor, jurisdiction int64, days int) (_ Score, err error) {
	defer domain.Wrap(&err, "assessment.LiveScoreIn %d", jurisdiction)
	if err := require(actor, scoreReaders, "得分"); err != nil {
		return Score{}, err
	}
	if err := checkDays(&days); err != nil {
		return Score{}, err
	}
	if jurisdiction == 0 {
		if jurisdiction, err = s.home(ctx, actor); err != nil {
			return Score{}, err
		}
	} else if err := s.readable(ctx, actor, jurisdiction); err != nil {
		return Score{}, err
	}
	return s.liveScore(ctx, jurisdiction, days)
}

// readable refuses a jurisdiction the actor does not read.
func (s *Service) readable(ctx context.Context, actor *domain.Actor, jurisdiction int64) error {
	var code string
	err := s.db.Read().Get(ctx, "辖区", `SELECT r.code FROM jurisdictions j JOIN regions r ON r.id = j.region_id WHERE j.region_id = ?`, []any{jurisdiction}, &code)
	if err != nil || !actor.ReadsJurisdiction(jurisdiction, code) {
		return domain.Invalid("jurisdictionId", "该辖区不存在或不在您的数据范围内")
	}
	return nil
}

// home is the jurisdiction an actor's scores and rounds are of.
func (s *Service) home(ctx context.Context, actor *domain.Actor) (int64, error) {
	return patrol.HomeJurisdiction(ctx, s.db.Read(), actor)
}

// checkDays defaults a live window to 30 days and bounds it.
func checkDays(days *int) error {
	if *days == 0 {
		*days = 30
	}
	if *days < 1 || *days > 366 {
		return domain.Invalid("days", "统计天数应在 1–366 之间")
	}
	return nil
}

// lastDays is the live window: the last days Beijing days, today included.
func lastDays(now time.Time, days int) (time.Time, time.Time) {
	today := domain.Midnight(now)
	return today.AddDate(0, 0, 1-days), today.AddDate(0, 0, 1)
}

func (s *Service) liveScore(ctx context.Context, jurisdiction int64, days int) (Score, error) {
	fw, err := s.frameworkOf(ctx, jurisdiction)
	if err != nil {
		return Score{}, err
	}
	w := window{frameworkID: fw, jurisdiction: jurisdiction}
	w.from, w.to = lastDays(s.db.Now(), days)
	if w.previous, err = previousRound(ctx, s.db.Read(), jurisdiction, "9999-12-31", 0); err != nil {
		return Score{}, err
	}
	w.manualRound = w.previous
	sc, err := s.compute(ctx, w)
	sc.Scope = "live"
	return sc, err
}

// compute gathers the evidence of a window and runs the engine.
func (s *Service) compute(ctx context.Context, w window) (Score, error) {
	sys := domain.System("测评")
	main, minors, err := s.frameworks(ctx, sys, w.frameworkID)
	if err != nil {
		return Score{}, err
	}
	in := score.Input{Main: main, Minors: minors}
	if in.Evidence, err = s.fieldEvidence(ctx, w); err != nil {
		return Score{}, err
	}
	asOf := w.to
	if err := s.addTargets(ctx, sys, w.frameworkID, asOf, in.Evidence); err != nil {
		return Score{}, err
	}
	if err := s.addMaterial(ctx, w.frameworkID, asOf, in.Evidence); err != nil {
		return Score{}, err
	}
	if err := s.addManual(ctx, w.manualRound, "main", in.Evidence); err != nil {
		return Score{}, err
	}
	if in.Events, err = s.events(ctx, w.frameworkID, w.jurisdiction, w.from, w.to); err != nil {
		return Score{}, err
	}
	if minors != nil {
		in.MinorsEvidence = map[string]score.Evidence{}
		if err := s.addTargets(ctx, sys, minors.ID, asOf, in.MinorsEvidence); err != nil {
			return Score{}, err
		}
		if err := s.addMaterial(ctx, minors.ID, asOf, in.MinorsEvidence); err != nil {
			return Score{}, err
		}
		if err := s.addManual(ctx, w.manualRound, "minors", in.MinorsEvidence); err != nil {
			return Score{}, err
		}
		if in.MinorsEvents, err = s.events(ctx, minors.ID, w.jurisdiction, w.from, w.to); err != nil {
			return Score{}, err
		}
	}
	prev, err := s.previous(ctx, w.previous)
	if err != nil {
		return Score{}, err
	}
	if prev != nil {
		in.Previous = map[string]float64{}
		for _, st := range prev.Standards {
			if st.Rate != nil {
				in.Previous[st.Code] = *st.Rate
			}
		}
	}
	out := Score{Result: score.Compute(in), From: w.from.Format(time.DateOnly), To: w.to.AddDate(0, 0, -1).Format(time.DateOnly), ComputedAt: s.db.Now()}
	if prev != nil {
		out.Previous = &PreviousResult{RoundID: *w.previous, Name: prev.name, Total: prev.Total}
	}
	return out, s.name(ctx, &out)
}

// frameworks loads a main framework and its minors' one for the engine.
func (s *Service) frameworks(ctx context.Context, actor *domain.Actor, id int64) (score.Framework, *score.Framework, error) {
	t, err := s.fw.Tree(ctx, actor, id)
	if err != nil {
		return score.Framework{}, nil, err
	}
	main := engineFramework(t)
	if t.Framework.MinorsID == nil {
		return main, nil, nil
	}
	mt, err := s.fw.Tree(ctx, actor, *t.Framework.MinorsID)
	if err != nil {
		return main, nil, err
	}
	minors := engineFramework(mt)
	return main, &minors, nil
}

func engineFramework(t framework.Tree) score.Framework {
	f := t.Framework
	return score.Framework{ID: f.ID, Name: f.Name, BasicTotal: f.BasicTotal, SpecialTotal: f.SpecialTotal, GateScore: f.GateScore, Weight: f.Weight,
		Nodes: t.Nodes, Standards: t.Standards, Negatives: t.Negatives}
}

// fieldEvidence turns the checks' tallies into tallies per standard: a
// check linked to two standards counts for both.
func (s *Service) fieldEvidence(ctx context.Context, w window) (map[string]score.Evidence, error) {
	links, err := s.patrol.CheckStandards(ctx)
	if err != nil {
		return nil, err
	}
	pw := patrol.Window{RoundID: w.roundID, From: w.from, To: w.to}
	if w.roundID == nil {
		pw.Jurisdiction = w.jurisdiction // a round's observations are its jurisdiction's already
	}
	tallies, err := s.patrol.Tally(ctx, pw)
	if err != nil {
		return nil, err
	}
	out := map[string]score.Evidence{}
	for check, t := range tallies {
		for _, code := range links[check] {
			e := out[code]
			if e.Field == nil {
				e.Field = &score.Tally{FailsByUnit: map[int64]int{}, FailsByRegion: map[int64]int{}}
			}
			e.Field.Pass += t.Pass
			e.Field.Fail += t.Fail
			e.Field.NA += t.NA
			for u, n := range t.FailsByUnit {
				e.Field.FailsByUnit[u] += n
			}
			for r, n := range t.FailsByRegion {
				e.Field.FailsByRegion[r] += n
			}
			out[code] = e
		}
	}
	return out, nil
}

// addTargets adds the target values reported for the year of the window's end.
func (s *Service) addTargets(ctx context.Context, actor *domain.Actor, frameworkID int64, asOf time.Time, ev map[string]score.Evidence) error {
	list, _, err := s.fw.Targets(ctx, actor, framework.TargetFilter{FrameworkID: frameworkID, Period: asOf.Add(-time.Second).In(domain.Beijing).Format("2006")})
	if err != nil {
		return err
	}
	for _, t := range list {
		if t.Value != nil && t.ReportedAt != nil && t.ReportedAt.Before(asOf) {
			e := ev[t.Code]
			v := *t.Value
			e.Target = &v
			ev[t.Code] = e
		}
	}
	return nil
}

func (s *Service) addMaterial(ctx context.Context, frameworkID int64, asOf time.Time, ev map[string]score.Evidence) error {
	rates, err := s.sub.MaterialRates(ctx, frameworkID, asOf)
	if err != nil {
		return err
	}
	for code, r := range rates {
		e := ev[code]
		r := r
		e.Material = &r
		ev[code] = e
	}
	return nil
}

func (s *Service) addManual(ctx context.Context, roundID *int64, part string, ev map[string]score.Evidence) error {
	if roundID == nil {
		return nil
	}
	rates, err := loadRates(ctx, s.db.Read(), *roundID)
	if err != nil {
		return err
	}
	for _, r := range rates {
		if r.Part != part {
			continue
		}
		e := ev[r.StandardCode]
		if e.Manual == nil {
			e.Manual = map[string]float64{}
		}
		e.Manual[r.Method] = r.Rate
		ev[r.StandardCode] = e
	}
	return nil
}

type previousScore struct {
	Score
	name string
}

// previous reads a closed round's kept score.
func (s *Service) previous(ctx context.Context, id *int64) (*previousScore, error) {
	if id == nil {
		return nil, nil
	}
	var name string
	var kept *string
	if err := s.db.Read().Get(ctx, "模拟测评", `SELECT name, score FROM rounds WHERE id = ?`, []any{*id}, &name, &kept); err != nil || kept == nil {
		return nil, err
	}
	p := &previousScore{name: name}
	return p, json.Unmarshal([]byte(*kept), &p.Score)
}

// name turns the engine's unit and region ids into named losses; regions
// roll up to townships (街道/乡镇), the level a bulletin speaks of.
func (s *Service) name(ctx context.Context, sc *Score) error {
	units, err := s.org.Directory(ctx)
	if err != nil {
		return err
	}
	regions, err := s.org.RegionDirectory(ctx)
	if err != nil {
		return err
	}
	sc.Units = []UnitLoss{}
	for _, u := range sc.Result.Units {
		sc.Units = append(sc.Units, UnitLoss{UnitID: u.ID, UnitName: units[u.ID].Name, PointsLost: u.PointsLost, Fail: u.Fail})
	}
	byCode := map[string]domain.Region{}
	for _, r := range regions {
		byCode[r.Code] = r
	}
	index := map[int64]int{}
	sc.Regions = []RegionLoss{}
	for _, c := range sc.Result.Regions {
		r := regions[c.ID]
		if len(r.Code) > 9 {
			if up, ok := byCode[r.Code[:9]]; ok {
				r = up
			}
		}
		i, ok := index[r.ID]
		if !ok {
			i = len(sc.Regions)
			index[r.ID] = i
			sc.Regions = append(sc.Regions, RegionLoss{RegionID: r.ID, Name: r.Name})
		}
		sc.Regions[i].PointsLost = score.Round4(sc.Regions[i].PointsLost + c.PointsLost)
		sc.Regions[i].Fail += c.Fail
	}
	sortLosses(sc.Regions)
	return nil
}

func sortLosses(list []RegionLoss) {
	slices.SortStableFunc(list, func(a, b RegionLoss) int { return cmp.Compare(b.PointsLost, a.PointsLost) })
}

// TrendPoint is one round's totals (or the live score's) on the trend line.
type TrendPoint struct {
	RoundID  *int64   `json:"roundId"`
	Name     string   `json:"name"`
	At       string   `json:"at"`
	Total    float64  `json:"total"`
	Basic    float64  `json:"basic"`
	Special  float64  `json:"special"`
	Minors   *float64 `json:"minors"`
	Combined *float64 `json:"combined"`
	Eligible bool     `json:"eligible"`
}

// Trend lists the actor's jurisdiction's closed rounds' totals in order,
// then its live score.
func (s *Service) Trend(ctx context.Context, actor *domain.Actor) (_ []TrendPoint, err error) {
	defer domain.Wrap(&err, "assessment.Trend")
	if err := require(actor, scoreReaders, "得分"); err != nil {
		return nil, err
	}
	home, err := s.home(ctx, actor)
	if err != nil {
		return nil, err
	}
	rows, err := s.db.Read().Query(ctx, `SELECT id, name, ends_on, score FROM rounds WHERE status = 'closed' AND score IS NOT NULL AND jurisdiction_id = ? ORDER BY ends_on, id`, home)
	if err != nil {
		return nil, err
	}
	out := []TrendPoint{}
	for rows.Next() {
		var id int64
		var name, at, kept string
		if err := rows.Scan(&id, &name, &at, &kept); err != nil {
			rows.Close()
			return nil, err
		}
		var sc Score
		if err := json.Unmarshal([]byte(kept), &sc); err != nil {
			rows.Close()
			return nil, err
		}
		out = append(out, trendOf(&id, name, at, sc))
	}
	rows.Close()
	live, err := s.liveScore(ctx, home, 30)
	if err != nil {
		return out, err
	}
	return append(out, trendOf(nil, "实时（近 30 天）", live.To, live)), nil
}

func trendOf(id *int64, name, at string, sc Score) TrendPoint {
	t := TrendPoint{RoundID: id, Name: name, At: at, Total: sc.Total, Basic: sc.Basic, Special: sc.Special, Combined: sc.Combined, Eligible: sc.Eligible}
	if sc.Minors != nil && sc.Minors.Passed != nil {
		m := sc.Minors.Total
		t.Minors = &m
	}
	return t
}

// ObservationQuery picks the observations behind a figure of a round's
// score or of the live score.
type ObservationQuery struct {
	RoundID          int64
	Live             bool
	Days             int
	StandardCode     string
	Result           string
	UnitID, RegionID int64
	Page, PageSize   int
}

// Observations lists the judgements behind a figure, with their photos.
func (s *Service) Observations(ctx context.Context, actor *domain.Actor, q ObservationQuery) (_ []patrol.ObservationRow, _ int, err error) {
	defer domain.Wrap(&err, "assessment.Observations")
	if err := require(actor, scoreReaders, "测评记录"); err != nil {
		return nil, 0, err
	}
	f := patrol.ObservationFilter{Result: q.Result, UnitID: q.UnitID, RegionID: q.RegionID, Page: q.Page, PageSize: q.PageSize}
	switch {
	case q.RoundID != 0:
		if _, err := readRound(ctx, s.db.Read(), actor, q.RoundID); err != nil {
			return nil, 0, err
		}
		f.RoundID = &q.RoundID
	case q.Live:
		if err := checkDays(&q.Days); err != nil {
			return nil, 0, err
		}
		f.From, f.To = lastDays(s.db.Now(), q.Days)
		if f.Jurisdiction, err = s.home(ctx, actor); err != nil {
			return nil, 0, err
		}
	default:
		return nil, 0, domain.Invalid("roundId", "请指定模拟测评（roundId）或实时得分（live=true）")
	}
	if q.StandardCode != "" {
		links, err := s.patrol.CheckStandards(ctx)
		if err != nil {
			return nil, 0, err
		}
		f.CheckIDs = []int64{}
		for check, codes := range links {
			for _, code := range codes {
				if code == q.StandardCode {
					f.CheckIDs = append(f.CheckIDs, check)
				}
			}
		}
	}
	return s.patrol.Observations(ctx, actor, f)
}

// headlineTTL is how long the cockpit's score is reused: the screen
// refreshes every minute, and a score moves with patrols, not seconds.
const headlineTTL = time.Minute

// headline is the cockpit's score as last computed.
type headline struct {
	at    time.Time
	total *float64
	weak  []string
}

// Headline is the live score of the last 30 days and its five weakest
// standards, for the cockpit; no score until a patrol has judged anything.
// It is the whole deployment's; HeadlineIn is one jurisdiction's.
func (s *Service) Headline(ctx context.Context) (_ *float64, _ []string, err error) {
	return s.HeadlineIn(ctx, 0)
}

// HeadlineIn is Headline over one jurisdiction's points, events and
// rounds (the whole deployment's when it is 0).
func (s *Service) HeadlineIn(ctx context.Context, jurisdiction int64) (_ *float64, _ []string, err error) {
	defer domain.Wrap(&err, "assessment.HeadlineIn %d", jurisdiction)
	s.mu.Lock()
	h := s.headline[jurisdiction]
	s.mu.Unlock()
	// A clock standing still (a test's, the demo loader's) always recomputes.
	if now := s.db.Now(); !h.at.IsZero() && now.After(h.at) && now.Sub(h.at) < headlineTTL {
		return h.total, h.weak, nil
	}
	total, weak, err := s.computeHeadline(ctx, jurisdiction)
	if err == nil {
		s.mu.Lock()
		s.headline[jurisdiction] = headline{at: s.db.Now(), total: total, weak: weak}
		s.mu.Unlock()
	}
	return total, weak, err
}

func (s *Service) computeHeadline(ctx context.Context, jurisdiction int64) (*float64, []string, error) {
	sc, err := s.liveScore(ctx, jurisdiction, 30)
	if de, ok := domain.AsError(err); ok && de.Code == domain.CodeNotFound {
		return nil, []string{}, nil // no framework yet
	}
	if err != nil {
		return nil, nil, err
	}
	weak := []string{}
	for _, w := range sc.WeakSpots[:min(5, len(sc.WeakSpots))] {
		text := []rune(w.Text)
		if len(text) > 18 {
			text = append(text[:17], '…')
		}
		weak = append(weak, fmt.Sprintf("%s %s（失 %.2f 分）", w.Code, string(text), *w.PointsLost))
	}
	return scoreTotal(sc), weak, nil
}

// scoreTotal is a score's total, nil while nothing has been judged.
func scoreTotal(sc Score) *float64 {
	for _, n := range sc.Nodes {
		if n.Points != nil {
			total := sc.Total
			return &total
		}
	}
	return nil
}

// PeriodScoreIn is one jurisdiction's score over a period's patrols (from
// its first day up to to, exclusive, or up to today while the period
// runs), with the rates of the last round closed by its end: what the city
// ranks its counties on for that period. nil before anything is judged in
// it. Kept a minute, like the cockpit's, per jurisdiction and period.
func (s *Service) PeriodScoreIn(ctx context.Context, jurisdiction int64, from, to time.Time) (_ *float64, err error) {
	defer domain.Wrap(&err, "assessment.PeriodScoreIn %d %s–%s", jurisdiction, from.Format(time.DateOnly), to.Format(time.DateOnly))
	now := s.db.Now()
	if tomorrow := domain.Midnight(now).AddDate(0, 0, 1); to.After(tomorrow) {
		to = tomorrow
	}
	key := periodKey{jurisdiction, from, to}
	s.mu.Lock()
	h, ok := s.periods[key]
	s.mu.Unlock()
	if ok && now.After(h.at) && now.Sub(h.at) < headlineTTL {
		return h.total, nil
	}
	fw, err := s.frameworkOf(ctx, jurisdiction)
	if de, ok := domain.AsError(err); ok && de.Code == domain.CodeNotFound {
		return nil, nil // no framework yet
	}
	if err != nil {
		return nil, err
	}
	w := window{frameworkID: fw, jurisdiction: jurisdiction, from: from, to: to}
	lastDay := to.AddDate(0, 0, -1).In(domain.Beijing).Format(time.DateOnly)
	if w.previous, err = previousRound(ctx, s.db.Read(), jurisdiction, lastDay, 0); err != nil {
		return nil, err
	}
	w.manualRound = w.previous
	sc, err := s.compute(ctx, w)
	if err != nil {
		return nil, err
	}
	total := scoreTotal(sc)
	s.mu.Lock()
	if len(s.periods) > 256 {
		clear(s.periods) // a bounded memory: the next asks compute afresh
	}
	s.periods[key] = headline{at: now, total: total}
	s.mu.Unlock()
	return total, nil
}

// periodKey names a period's score of one jurisdiction.
type periodKey struct {
	jurisdiction int64
	from, to     time.Time
}

// frameworkOf is the framework a jurisdiction works to: its plan's, else
// the newest it or an office above it keeps (a county measured against
// the city's); the deployment's newest when no jurisdiction is named.
func (s *Service) frameworkOf(ctx context.Context, jurisdiction int64) (int64, error) {
	if jurisdiction == 0 {
		return s.fw.CurrentFramework(ctx)
	}
	return s.fw.CurrentFrameworkIn(ctx, jurisdiction)
}
