// Package ranking turns each unit's figures into the campaign's ranking
// (class A and class B apart, three colours), records sanctions against
// units, drafts and publishes bulletins, and feeds the cockpit.
package ranking

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"sync"
	"time"

	"wenming/internal/audit"
	"wenming/internal/cases"
	"wenming/internal/domain"
	"wenming/internal/org"
	"wenming/internal/patrol"
	"wenming/internal/plan"
	"wenming/internal/store"
	"wenming/internal/submission"
)

// Service ranks units and runs bulletins and sanctions.
type Service struct {
	db          *store.DB
	org         *org.Service
	cases       *cases.Service
	submissions *submission.Service
	plans       *plan.Service
	patrols     Patrols
	scores      Headliner
	// FontPath is the TrueType font PDFs are written in ("" = look in the
	// usual places).
	FontPath string

	mu    sync.Mutex
	cache map[string]cachedRanking
}

// rankingTTL is how long a computed ranking serves the pages and the
// cockpit: figures move slowly, and ranking every unit over two periods is
// the cockpit's main cost. Bulletins always compute afresh.
const rankingTTL = 2 * time.Minute

type cachedRanking struct {
	at time.Time
	r  Ranking
}

// Deps are the areas a ranking reads: units, the cases' and the
// submissions' figures, the plan's progress, the patrols' pass rates and
// points, and the live score.
type Deps struct {
	Org         *org.Service
	Cases       *cases.Service
	Submissions *submission.Service
	Plans       *plan.Service
	Patrols     Patrols
	Scores      Headliner
	// FontPath is the TrueType font PDFs are written in ("" = look in the
	// usual places).
	FontPath string
}

// NewService returns the ranking service.
func NewService(db *store.DB, d Deps) *Service {
	return &Service{db: db, org: d.Org, cases: d.Cases, submissions: d.Submissions, plans: d.Plans, patrols: d.Patrols, scores: d.Scores, FontPath: d.FontPath}
}

// Ranking is a period's ranking.
type Ranking struct {
	Period   string `json:"period"`
	Previous string `json:"previous"`
	// JurisdictionID is the jurisdiction whose units are ranked.
	JurisdictionID   int64    `json:"jurisdictionId"`
	JurisdictionName string   `json:"jurisdictionName"`
	Weights          Weights  `json:"weights"`
	Bands            Bands    `json:"bands"`
	Classes          []Class  `json:"classes"`
	Computed         string   `json:"computedAt"`
	Notes            []string `json:"notes"`
}

// Bands are the colour lines.
type Bands struct {
	GreenAtLeast float64 `json:"greenAtLeast"`
	RedBelow     float64 `json:"redBelow"`
}

// SettingsView is the settings in force in a jurisdiction and where
// they come from, so the console can show "沿用白银市" or "本级调整".
type SettingsView struct {
	Settings
	JurisdictionID   int64  `json:"jurisdictionId"`
	JurisdictionName string `json:"jurisdictionName"`
	// InheritedFrom names the jurisdiction above whose settings apply,
	// "系统默认" when none has any; "" when they are set here.
	InheritedFrom string `json:"inheritedFrom"`
	// InheritedFromID is that jurisdiction's id (nil when set here or
	// the defaults apply).
	InheritedFromID *int64 `json:"inheritedFromId"`
	// Origins tell, per setting, where it comes from and whether an
	// office above fixed it.
	Origins map[string]domain.Origin `json:"origins"`
	// LockedBelow are the settings this jurisdiction fixes for those below.
	LockedBelow []string `json:"lockedBelow"`
}

// SettingsInput is what an office sets: its weights and bands, and which
// of them its jurisdictions below must keep.
type SettingsInput struct {
	Settings
	LockedBelow []string `json:"lockedBelow"`
}

// fixable are the settings an office may fix for the jurisdictions below
// it: the weights (as a whole: they add up to 100) and each band.
var fixable = []domain.Setting[Settings]{
	{Key: "weights", Name: "排名权重", Of: func(s *Settings) any { return &s.Weights }},
	{Key: "greenAtLeast", Name: "绿色线", Of: func(s *Settings) any { return &s.GreenAtLeast }},
	{Key: "redBelow", Name: "红色线", Of: func(s *Settings) any { return &s.RedBelow }},
}

// LoadSettings reads the weights and bands in force in a jurisdiction (0:
// the actor's own), and where they come from.
func (s *Service) LoadSettings(ctx context.Context, actor *domain.Actor, jurisdictionID int64) (_ SettingsView, err error) {
	defer domain.Wrap(&err, "ranking.LoadSettings %d", jurisdictionID)
	if !actor.Has(readers...) {
		return SettingsView{}, domain.Forbidden("无权查看排名设置")
	}
	j, err := s.readable(ctx, actor, jurisdictionID, "排名设置")
	if err != nil {
		return SettingsView{}, err
	}
	return s.settingsOf(ctx, s.db.Read(), j)
}

// settingsOf finds a jurisdiction's settings by the one rule of settings
// flowing down (domain.SettingsInForce).
func (s *Service) settingsOf(ctx context.Context, c *store.Conn, j domain.Jurisdiction) (SettingsView, error) {
	list, err := s.jurisdictions(ctx)
	if err != nil {
		return SettingsView{}, err
	}
	own, err := settingsRows(ctx, c)
	if err != nil {
		return SettingsView{}, err
	}
	f := domain.SettingsInForce(list.Chain(j.ID), own, DefaultSettings, fixable)
	out := SettingsView{Settings: f.Values, JurisdictionID: j.ID, JurisdictionName: j.Name,
		InheritedFrom: f.From.From, InheritedFromID: f.From.FromID, Origins: f.Origins, LockedBelow: []string{}}
	if f.Own {
		out.LockedBelow = append(out.LockedBelow, own[j.ID].Locked...)
	}
	return out, nil
}

// settingsRows reads every jurisdiction's own settings, by jurisdiction.
func settingsRows(ctx context.Context, c *store.Conn) (map[int64]domain.OwnSettings[Settings], error) {
	rows, err := c.Query(ctx, `SELECT jurisdiction_id, settings, locked FROM ranking_settings`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[int64]domain.OwnSettings[Settings]{}
	for rows.Next() {
		var id int64
		var raw, locked string
		if err := rows.Scan(&id, &raw, &locked); err != nil {
			return nil, err
		}
		v := DefaultSettings
		if err := json.Unmarshal([]byte(raw), &v); err != nil {
			return nil, fmt.Errorf("ranking settings of jurisdiction %d: %w", id, err)
		}
		out[id] = domain.OwnSettings[Settings]{Values: v, Locked: domain.SplitLocks(locked)}
	}
	return out, rows.Err()
}

// governed resolves the jurisdiction a change is about and checks that the
// actor is its own office: the office above supervises but does not change
// a county's own rules, nor a county the city's.
func (s *Service) governed(ctx context.Context, actor *domain.Actor, id int64, what string) (domain.Jurisdiction, error) {
	j, err := s.resolve(ctx, actor, id)
	if err != nil {
		return j, err
	}
	if !governs(actor, j.ID) {
		return domain.Jurisdiction{}, domain.Forbidden("只有" + j.Name + "创城办可以" + what)
	}
	return j, nil
}

// UpdateSettings sets a jurisdiction's own weights and bands (0: the
// actor's own), which its jurisdictions below inherit unless they set
// their own.
func (s *Service) UpdateSettings(ctx context.Context, actor *domain.Actor, jurisdictionID int64, in SettingsInput) (_ SettingsView, err error) {
	defer domain.Wrap(&err, "ranking.UpdateSettings %d", jurisdictionID)
	j, err := s.governed(ctx, actor, jurisdictionID, "调整本辖区的排名权重与颜色分档")
	if err != nil {
		return SettingsView{}, err
	}
	if err := in.validate(); err != nil {
		return SettingsView{}, err
	}
	locks, err := domain.CheckLocks(in.LockedBelow, fixable)
	if err != nil {
		return SettingsView{}, err
	}
	raw, _ := json.Marshal(in.Settings)
	err = s.db.Write(ctx, func(c *store.Conn) error {
		before, err := s.settingsOf(ctx, c, j)
		if err != nil {
			return err
		}
		current := domain.InForce[Settings]{Values: before.Settings, Origins: before.Origins}
		if err := domain.RefuseLocked(current, in.Settings, fixable); err != nil {
			return err
		}
		if _, err := c.Exec(ctx, `INSERT INTO ranking_settings (jurisdiction_id, settings, locked, updated_at) VALUES (?, ?, ?, ?)
			ON CONFLICT (jurisdiction_id) DO UPDATE SET settings = excluded.settings, locked = excluded.locked, updated_at = excluded.updated_at`,
			j.ID, string(raw), domain.JoinLocks(locks), c.Now); err != nil {
			return err
		}
		in.LockedBelow = locks
		return audit.Record(ctx, c, actor, audit.Change{Action: "update", Entity: "ranking_settings", EntityID: j.ID, Summary: "修改" + j.Name + "排名权重与颜色分档", Before: before, After: in})
	})
	s.forget()
	if err != nil {
		return SettingsView{}, err
	}
	return s.settingsOf(ctx, s.db.Read(), j)
}

// ResetSettings drops a jurisdiction's own weights and bands (0: the
// actor's own), so it inherits again from the jurisdiction above.
func (s *Service) ResetSettings(ctx context.Context, actor *domain.Actor, jurisdictionID int64) (_ SettingsView, err error) {
	defer domain.Wrap(&err, "ranking.ResetSettings %d", jurisdictionID)
	j, err := s.governed(ctx, actor, jurisdictionID, "恢复本辖区沿用上级的排名设置")
	if err != nil {
		return SettingsView{}, err
	}
	err = s.db.Write(ctx, func(c *store.Conn) error {
		before, err := s.settingsOf(ctx, c, j)
		if err != nil {
			return err
		}
		if _, err := c.Exec(ctx, `DELETE FROM ranking_settings WHERE jurisdiction_id = ?`, j.ID); err != nil {
			return err
		}
		return audit.Record(ctx, c, actor, audit.Change{Action: "delete", Entity: "ranking_settings", EntityID: j.ID, Summary: j.Name + "排名设置恢复沿用上级", Before: before})
	})
	s.forget()
	if err != nil {
		return SettingsView{}, err
	}
	return s.settingsOf(ctx, s.db.Read(), j)
}

// Rank returns a period's ranking of one jurisdiction's units (0: the
// actor's own) as the actor may see it. An office reads the jurisdictions
// under it by passing their id; no ranking mixes two jurisdictions.
func (s *Service) Rank(ctx context.Context, actor *domain.Actor, code string, jurisdictionID int64) (_ Ranking, err error) {
	defer domain.Wrap(&err, "ranking.Rank %d", jurisdictionID)
	if !actor.Has(readers...) {
		return Ranking{}, domain.Forbidden("无权查看排名")
	}
	p, err := s.period(code)
	if err != nil {
		return Ranking{}, err
	}
	j, err := s.readable(ctx, actor, jurisdictionID, "排名")
	if err != nil {
		return Ranking{}, err
	}
	r, err := s.recent(ctx, p, j)
	if err != nil {
		return Ranking{}, err
	}
	return s.visible(ctx, actor, r)
}

// recent returns a ranking computed within the TTL, or computes it; the
// caller gets its own copy of the tables.
func (s *Service) recent(ctx context.Context, p Period, j domain.Jurisdiction) (Ranking, error) {
	now := s.db.Now()
	key := fmt.Sprint(j.ID, "/", p.Code)
	s.mu.Lock()
	c, ok := s.cache[key]
	s.mu.Unlock()
	if !ok || now.Sub(c.at) > rankingTTL || now.Before(c.at) {
		r, err := s.compute(ctx, p, j)
		if err != nil {
			return Ranking{}, err
		}
		c = cachedRanking{at: now, r: r}
		s.mu.Lock()
		if s.cache == nil {
			s.cache = map[string]cachedRanking{}
		}
		s.cache[key] = c
		s.mu.Unlock()
	}
	r := c.r
	r.Classes = make([]Class, len(c.r.Classes))
	for i, cl := range c.r.Classes {
		r.Classes[i] = Class{Class: cl.Class, Units: slices.Clone(cl.Units)}
	}
	return r, nil
}

// forget drops the cached rankings after the office changes the rules.
func (s *Service) forget() {
	s.mu.Lock()
	s.cache = nil
	s.mu.Unlock()
}

func (s *Service) period(code string) (Period, error) {
	if code == "" {
		return PeriodOf("month", s.db.Now()), nil
	}
	return ParsePeriod("period", code)
}

// compute ranks a jurisdiction's units for a period and the one before,
// by the settings in force there.
func (s *Service) compute(ctx context.Context, p Period, j domain.Jurisdiction) (Ranking, error) {
	set, err := s.settingsOf(ctx, s.db.Read(), j)
	if err != nil {
		return Ranking{}, err
	}
	dir, err := s.org.Directory(ctx)
	if err != nil {
		return Ranking{}, err
	}
	units := unitsOf(dir, j.ID)
	// This period and the one before (for the movement), side by side.
	var prev, now map[int64]Figures
	err = together(
		func() (err error) { prev, err = s.figures(ctx, p.Previous()); return },
		func() (err error) { now, err = s.figures(ctx, p); return },
	)
	if err != nil {
		return Ranking{}, err
	}
	previous := map[int64]int{}
	for _, c := range Rank(units, prev, nil, set.Settings) {
		for _, u := range c.Units {
			if u.Rank != nil {
				previous[u.UnitID] = *u.Rank
			}
		}
	}
	return Ranking{Period: p.Code, Previous: p.Previous().Code, JurisdictionID: j.ID, JurisdictionName: j.Name,
		Weights: set.Weights, Bands: Bands{set.GreenAtLeast, set.RedBelow},
		Classes: Rank(units, now, previous, set.Settings), Computed: s.db.Now().Format(time.RFC3339),
		Notes: []string{"材料报送按周期末所在季度统计；任务进度取最新年度方案；巡查得分为单位点位的检查合格率，列出供参考，暂不计入综合得分。"}}, nil
}

// visible keeps, for a unit, every unit's place and colour in its own
// class but only its own figures.
func (s *Service) visible(ctx context.Context, actor *domain.Actor, r Ranking) (Ranking, error) {
	if actor.Has(domain.RoleOfficeLeader, domain.RoleOfficeStaff, domain.RoleLeader, domain.RoleInspector) {
		return r, nil
	}
	dir, err := s.org.Directory(ctx)
	if err != nil {
		return r, err
	}
	own := dir[actor.UnitID]
	var keep []Class
	for _, c := range r.Classes {
		if c.Class != own.Class {
			continue
		}
		for i, u := range c.Units {
			if unit := dir[u.UnitID]; !actor.SeesUnit(unit.Path, unit.RegionCode) {
				c.Units[i].Figures = Figures{}
			}
		}
		keep = append(keep, c)
	}
	r.Classes = keep
	return r, nil
}

// figures gathers every unit's figures for a period from the areas that
// hold them.
// Patrols is what the figures and the cockpit read of the patrol service:
// each unit's share of passed checks at its points in a period, and the
// points on the map.
type Patrols interface {
	UnitPassRates(ctx context.Context, from, to time.Time) (map[int64]float64, error)
	Map(ctx context.Context, actor *domain.Actor, f patrol.PointFilter) ([]patrol.MapPoint, error)
}

func (s *Service) figures(ctx context.Context, p Period) (map[int64]Figures, error) {
	out := map[int64]Figures{}
	caseFigures, err := s.cases.FiguresByUnit(ctx, p.From.UTC(), p.To.UTC())
	if err != nil {
		return nil, err
	}
	for u, f := range caseFigures {
		out[u] = Figures{UnitFigures: *f}
	}
	subs, err := s.submissions.QuarterFigures(ctx, p.Quarter())
	if err != nil {
		return nil, err
	}
	for _, sf := range subs {
		f := out[sf.UnitID]
		f.SubmissionsDue = sf.Due
		if sf.Due > 0 {
			f.SubmissionOnTimeRate = ptr(sf.OnTimeRate)
		}
		f.GradeRate = sf.GradeRate()
		out[sf.UnitID] = f
	}
	progress, err := s.plans.UnitProgress(ctx)
	if err != nil {
		return nil, err
	}
	for u, v := range progress {
		f := out[u]
		f.TaskProgress = ptr(roundTo(v, 1))
		out[u] = f
	}
	rates, err := s.patrols.UnitPassRates(ctx, p.From.UTC(), p.To.UTC())
	if err != nil {
		return nil, err
	}
	for u, v := range rates {
		f := out[u]
		f.PatrolScore = ptr(roundTo(100*v, 1))
		out[u] = f
	}
	rows, err := s.db.Read().Query(ctx, `SELECT unit_id, kind, COUNT(*) FROM sanctions WHERE occurred_at >= ? AND occurred_at < ? GROUP BY unit_id, kind`, p.From.UTC(), p.To.UTC())
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var unit int64
		var kind string
		var n int
		if err := rows.Scan(&unit, &kind, &n); err != nil {
			return nil, err
		}
		f := out[unit]
		switch kind {
		case "notice":
			f.Notices += n
		case "talk":
			f.Talks += n
		case "exposure":
			f.Exposures += n
		}
		out[unit] = f
	}
	return out, rows.Err()
}
