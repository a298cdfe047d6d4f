package demo

import (
	"bytes"
	"context"
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"wenming/internal/assessment"
	"wenming/internal/cases"
	"wenming/internal/domain"
	"wenming/internal/files"
	"wenming/internal/framework"
	"wenming/internal/org"
	"wenming/internal/patrol"
	"wenming/internal/store"
)

// Points is how many field points the demo county keeps: eight a category, more for the five busiest.
const Points = 312

// pointUnits names the unit responsible for each kind of point; streets
// and villages belong to their township, estates to their community.
var pointUnits = map[string]string{
	"农贸市场": "县市场监管局", "餐饮店": "县市场监管局", "商场超市": "县市场监管局", "公交站点": "县交通运输局", "车站": "县交通运输局",
	"学校周边": "县教育局", "医院": "县卫生健康局", "建筑工地": "县住建局", "公共厕所": "县住建局", "交通路口": "县公安局",
	"图书馆": "县文体广电和旅游局", "文化馆": "县文体广电和旅游局", "景区": "县文体广电和旅游局", "纪念馆": "县文体广电和旅游局",
	"网吧": "县文体广电和旅游局", "体育场馆": "县体育局", "新时代文明实践站": "县委宣传部", "志愿服务站": "县委宣传部",
	"政务服务大厅": "县政府办公室", "窗口单位": "县政府办公室", "银行网点": "县财政局", "宾馆酒店": "县商务局", "河道沿线": "县水务局",
}

// pointCounts are the categories with more than the usual eight points.
var pointCounts = map[string]int{"主次干道": 20, "背街小巷": 24, "居民小区": 24, "公交站点": 20, "农贸市场": 8}

// rural categories lie in the townships, the rest in the county seat.
var rural = map[string]bool{"城乡结合部": true, "城中村": true, "乡镇综合文化站": true, "河道沿线": true}

var anchors = []string{"会师南路", "会师北路", "西大街", "东大街", "长征路", "北环路", "南河滨路", "新华路", "人民路", "东关", "西关", "南关", "北关", "枝阳", "桃花山"}

var severities = map[string]string{"一般": "minor", "较重": "major", "严重": "critical"}

// pointLoader carries what loading the points needs.
type pointLoader struct {
	ctx       context.Context
	db        *store.DB
	patrols   *patrol.Service
	rounds    *assessment.Service
	files     *files.Service
	office    *domain.Actor
	inspector *domain.Actor
	grid      *domain.Actor
	clock     time.Time
	rng       *rand.Rand
	cats      []patrol.Category
	points    map[int64][]patrol.Point // by category
}

// LoadPoints creates the demo's point categories with their checklists,
// a few hundred points across the county, a closed mock assessment last
// quarter, one under way, and a month of everyday patrols: all through the
// real services on a simulated clock, so the cases and scores are genuine.
func LoadPoints(ctx context.Context, db *store.DB, orgs *org.Service, k *cases.Service, fw *framework.Service, p *patrol.Service, a *assessment.Service, evidence *files.Service) error {
	l, err := newPointLoader(ctx, db, orgs, p, a, evidence)
	if err != nil {
		return err
	}
	defer db.SetClock(time.Now)
	if err := l.categories(k); err != nil {
		return err
	}
	if err := l.places(orgs); err != nil {
		return err
	}
	fwID, err := fw.CurrentFrameworkIn(ctx, l.office.JurisdictionID)
	if err != nil {
		return err
	}
	now := time.Now().In(domain.Beijing)
	if err := l.round(fwID, "第三季度模拟测评", 20260915, now.AddDate(0, -2, 0), true); err != nil {
		return err
	}
	if err := l.everyday(now); err != nil {
		return err
	}
	return l.round(fwID, "第四季度模拟测评", 20261120, now.AddDate(0, 0, -3), false)
}

func newPointLoader(ctx context.Context, db *store.DB, orgs *org.Service, p *patrol.Service, a *assessment.Service, evidence *files.Service) (*pointLoader, error) {
	l := &pointLoader{ctx: ctx, db: db, patrols: p, rounds: a, files: evidence, rng: rand.New(rand.NewPCG(2021, 5)), points: map[int64][]patrol.Point{}}
	sys := domain.System("演示数据", domain.RoleSysAdmin)
	for _, acc := range []struct {
		username string
		dst      **domain.Actor
	}{{"cb_staff", &l.office}, {"inspector", &l.inspector}, {"grid_dg", &l.grid}} {
		people, _, err := orgs.People(ctx, sys, org.PeopleFilter{Q: acc.username, Page: 1, Size: 5})
		if err != nil || len(people) == 0 {
			return nil, fmt.Errorf("demo account %s: %v", acc.username, err)
		}
		pp := people[0]
		*acc.dst = &domain.Actor{UserID: pp.ID, Username: pp.Username, RealName: pp.RealName, UnitID: pp.UnitID, Roles: pp.Roles, Scope: domain.ScopeAll}
		if pp.JurisdictionID != nil {
			(*acc.dst).JurisdictionID = *pp.JurisdictionID
		}
	}
	db.SetClock(func() time.Time { return l.clock })
	l.clock = time.Now()
	return l, nil
}

// categories creates the checklists of data/point_checks.tsv.
func (l *pointLoader) categories(k *cases.Service) error {
	leaves, err := k.Categories(l.ctx, l.office)
	if err != nil {
		return err
	}
	caseCats := map[string]int64{}
	for _, c := range leaves {
		caseCats[c.Code] = c.ID
	}
	rows, err := readTSV("point_categories")
	if err != nil {
		return err
	}
	checkRows, err := readTSV("point_checks")
	if err != nil {
		return err
	}
	for i, r := range rows[1:] {
		cat, err := l.patrols.CreateCategory(l.ctx, l.office, patrol.CategoryInput{Name: r[0], Description: r[1], Sort: i + 1})
		if err != nil {
			return err
		}
		var checks []patrol.CheckInput
		for _, c := range checkRows[1:] {
			if c[0] == r[0] {
				checks = append(checks, patrol.CheckInput{Text: c[1], Severity: severities[c[2]], CaseCategoryID: caseCats[c[3]], StandardCodes: strings.Split(c[4], "、")})
			}
		}
		if cat, err = l.patrols.SetChecks(l.ctx, l.office, cat.ID, patrol.ChecklistInput{Checks: checks}); err != nil {
			return fmt.Errorf("checklist %s: %w", r[0], err)
		}
		l.cats = append(l.cats, cat)
	}
	return nil
}

// places sets the points around the county seat and in the townships.
func (l *pointLoader) places(orgs *org.Service) error {
	dir, err := orgs.Directory(l.ctx)
	if err != nil {
		return err
	}
	// The points are the county's: its units by name (靖远县 has a 东关社区
	// too).
	unitByName := map[string]int64{}
	for _, u := range dir {
		if u.JurisdictionID != nil && *u.JurisdictionID == l.office.JurisdictionID {
			unitByName[u.Name] = u.ID
		}
	}
	town := func(i int) int64 { id, _ := orgs.RegionID(l.ctx, fmt.Sprintf("%s%03d", CountyCode, 100+i)); return id }
	community := func(i int) int64 { id, _ := orgs.RegionID(l.ctx, fmt.Sprintf("%s100%03d", CountyCode, 1+i)); return id }
	seen := map[string]int{}
	for _, cat := range l.cats {
		n := pointCounts[cat.Name]
		if n == 0 {
			n = 8
		}
		for i := range n {
			in := patrol.PointInput{Code: fmt.Sprintf("%s-%03d", pointCode(cat.Sort), i+1), CategoryID: cat.ID, ChiefName: chiefNames[(cat.Sort*7+i)%len(chiefNames)], ChiefPhone: fmt.Sprintf("139%08d", cat.Sort*1000+i)}
			var place string
			if rural[cat.Name] {
				t := 1 + (i*5+cat.Sort)%(len(townships)-1)
				place, in.Lat, in.Lng = townships[t], seatLat+(l.rng.Float64()-0.5)*0.5, seatLng+(l.rng.Float64()-0.5)*0.5
				region := town(t)
				in.RegionID, in.UnitID = &region, unitByName[townships[t]]
			} else {
				c := (i + cat.Sort) % len(communities)
				place = anchors[(i*3+cat.Sort)%len(anchors)]
				in.Lat, in.Lng = seatLat+(l.rng.Float64()-0.5)*0.04, seatLng+(l.rng.Float64()-0.5)*0.05
				region := community(c)
				in.RegionID, in.UnitID = &region, unitByName[communities[c]]
				if cat.Name == "主次干道" || cat.Name == "背街小巷" || cat.Name == "步行街" {
					in.UnitID = unitByName[townships[0]]
				}
			}
			if u, ok := pointUnits[cat.Name]; ok {
				in.UnitID = unitByName[u]
			}
			in.Name = place + cat.Name
			if seen[in.Name]++; seen[in.Name] > 1 {
				in.Name = fmt.Sprintf("%s（%d）", in.Name, seen[in.Name])
			}
			in.Address = place
			p, err := l.patrols.CreatePoint(l.ctx, l.office, in)
			if err != nil {
				return fmt.Errorf("point %s: %w", in.Name, err)
			}
			l.points[cat.ID] = append(l.points[cat.ID], p)
		}
	}
	return nil
}

var chiefNames = []string{"张伟", "王芳", "李强", "刘洋", "陈静", "杨帆", "赵磊", "黄敏", "周杰", "吴婷", "徐涛", "孙丽"}

// pointCode prefixes a category's points: D01-001, D01-002 …
func pointCode(sort int) string { return fmt.Sprintf("D%02d", sort) }

// patrol judges every check of a point, failing each with the given odds
// and a photo, at the loader's clock.
func (l *pointLoader) patrol(actor *domain.Actor, p patrol.Point, roundID *int64, failOdds float64) error {
	d, err := l.patrols.Point(l.ctx, actor, p.ID)
	if err != nil {
		return err
	}
	in := patrol.PatrolInput{ClientKey: fmt.Sprintf("demo-%d-%d", p.ID, l.clock.UnixNano()), PointID: p.ID, RoundID: roundID}
	lat, lng := p.Lat+(l.rng.Float64()-0.5)*0.0006, p.Lng+(l.rng.Float64()-0.5)*0.0006
	in.Lat, in.Lng = &lat, &lng
	for i, ch := range d.Checks {
		r := patrol.ResultInput{CheckID: ch.ID, Result: "pass"}
		switch x := l.rng.Float64(); {
		case x < failOdds:
			f, err := l.files.Upload(l.ctx, actor, "现场.png", bytes.NewReader(demoPNG(int(p.ID)*31+i)))
			if err != nil {
				return err
			}
			r.Result, r.FileIDs, r.Note = "fail", []int64{f.ID}, "现场发现问题，已拍照"
		case x > 0.97:
			r.Result = "na"
		}
		in.Results = append(in.Results, r)
	}
	_, _, err = l.patrols.Submit(l.ctx, actor, in)
	return err
}

// round plans, draws and patrols a mock assessment starting on a day;
// a closed one is patrolled whole and closed, an open one half done.
func (l *pointLoader) round(frameworkID int64, name string, seed int64, start time.Time, closed bool) error {
	var cats []assessment.RoundCategory
	for i, c := range l.cats {
		if i%3 == 0 || pointCounts[c.Name] > 0 {
			cats = append(cats, assessment.RoundCategory{CategoryID: c.ID, SampleSize: 2})
		}
	}
	l.clock = start
	in := assessment.RoundInput{Name: fmt.Sprintf("%d 年%s", start.Year(), name), FrameworkID: frameworkID, Seed: &seed,
		StartsOn: start.Format(time.DateOnly), EndsOn: start.AddDate(0, 0, 9).Format(time.DateOnly), Categories: cats, InspectorIDs: []int64{l.inspector.UserID}}
	r, err := l.rounds.CreateRound(l.ctx, l.office, in)
	if err != nil {
		return err
	}
	if r, err = l.rounds.Draw(l.ctx, l.office, r.ID); err != nil {
		return err
	}
	odds := 0.12
	if !closed {
		odds = 0.08
	}
	for i, rp := range r.Points {
		if !closed && i%2 == 1 {
			continue
		}
		l.clock = start.Add(time.Duration(9+i%8)*time.Hour + time.Duration(i*37)*time.Minute)
		if err := l.patrol(l.inspector, patrol.Point{ID: rp.PointID}, &r.ID, odds); err != nil {
			return fmt.Errorf("%s %s: %w", name, rp.PointName, err)
		}
	}
	if !closed {
		return nil
	}
	l.clock = start.AddDate(0, 0, 10)
	if _, err := l.rounds.SetRates(l.ctx, l.office, r.ID, assessment.RatesInput{Rates: []assessment.Rate{
		{StandardCode: "1.1.1.1", Method: "briefing", Rate: 0.9, Note: "听取汇报"},
	}}); err != nil {
		return err
	}
	_, err = l.rounds.CloseRound(l.ctx, l.office, r.ID)
	return err
}

// everyday patrols a quarter of the points over the last month.
func (l *pointLoader) everyday(now time.Time) error {
	n := 0
	for _, c := range l.cats {
		for i, p := range l.points[c.ID] {
			if (i+c.Sort)%4 != 0 {
				continue
			}
			l.clock = now.AddDate(0, 0, -1-n%28).Add(-time.Duration(n%7) * time.Hour)
			actor := l.inspector
			if p.UnitName == "东关社区" {
				actor = l.grid // the grid worker walks her own community
			}
			if err := l.patrol(actor, p, nil, 0.06); err != nil {
				return fmt.Errorf("patrol %s: %w", p.Name, err)
			}
			n++
		}
	}
	return nil
}
