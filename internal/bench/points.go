package bench

import (
	"bytes"
	"context"
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"wenming/internal/demo"
	"wenming/internal/domain"
	"wenming/internal/framework"
	"wenming/internal/patrol"
	"wenming/internal/store"
)

// checksPerCategory is how many lines a generated checklist has.
const checksPerCategory = 8

// GeneratePoints adds the demo framework and point categories with
// checklists over its field standards, both the city's (its counties work
// to them), the points, each in the jurisdiction of its unit, and a year
// of everyday patrols with their observations written straight through the
// store; a few points and checks fail far more often than the rest.
func GeneratePoints(ctx context.Context, db *store.DB, fw *framework.Service, p *patrol.Service, city *City, seed uint64) error {
	top := city.Jurisdictions[0]
	office := (&domain.Actor{RealName: "基准", Roles: []domain.Role{domain.RoleOfficeStaff}, Scope: domain.ScopeRegion, RegionID: top.ID, RegionCode: domain.SubtreePrefix(top.Code)}).
		In(domain.Jurisdiction{ID: top.ID, Code: top.Code, Name: top.Name})
	book, err := demo.WorkbookLedBy("", "单位000")
	if err != nil {
		return err
	}
	f, err := fw.Import(ctx, office, bytes.NewReader(book))
	if err != nil {
		return err
	}
	tree, err := fw.Tree(ctx, office, f.ID)
	if err != nil {
		return err
	}
	var field []string
	for _, s := range tree.Standards {
		if strings.Contains(strings.Join(s.Methods, ","), "field") {
			field = append(field, s.Code)
		}
	}
	rng := rand.New(rand.NewPCG(seed, 311))
	var checks [][]int64 // by category
	var cats []int64
	for i := range city.Scale.PointCategories {
		cat, err := p.CreateCategory(ctx, office, patrol.CategoryInput{Name: fmt.Sprintf("类别%02d", i)})
		if err != nil {
			return err
		}
		var in patrol.ChecklistInput
		for j := range checksPerCategory {
			in.Checks = append(in.Checks, patrol.CheckInput{Text: fmt.Sprintf("检查项%02d-%d", i, j), Severity: "minor",
				CaseCategoryID: city.Categories[j%len(city.Categories)], StandardCodes: []string{field[(i*checksPerCategory+j)%len(field)]}})
		}
		if cat, err = p.SetChecks(ctx, office, cat.ID, in); err != nil {
			return err
		}
		ids := make([]int64, len(cat.Checks))
		for k, ch := range cat.Checks {
			ids[k] = ch.ID
		}
		checks, cats = append(checks, ids), append(cats, cat.ID)
	}
	var points []benchPoint
	err = db.Write(ctx, func(c *store.Conn) error {
		for i := range city.Scale.Points {
			k, cat := i%len(city.Units), i%len(cats)
			j := city.UnitJurisdiction[k]
			region := city.Jurisdictions[j].ID
			lat, lng := place(j, rng)
			id, err := c.Insert(ctx, `INSERT INTO points (code, name, category_id, lat, lng, address, region_id, jurisdiction_id, unit_id, active, qr_token, created_at, updated_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, TRUE, ?, ?, ?)`, fmt.Sprintf("P%05d", i), fmt.Sprintf("点位%05d", i), cats[cat],
				lat, lng, city.Jurisdictions[j].Name, region, region, city.Units[k], fmt.Sprintf("qr%06d", i), c.Now, c.Now)
			if err != nil {
				return err
			}
			points = append(points, benchPoint{id, city.Units[k], region, cat})
		}
		return nil
	})
	if err != nil {
		return err
	}
	if err := city.patrols(ctx, db, rng, points, checks); err != nil {
		return err
	}
	// The judgements were written in bulk, past the service: counted once, at the end.
	_, err = p.Recount(ctx)
	return err
}

// benchPoint is a generated point: its id, unit, region and category index.
type benchPoint struct {
	id, unit, region int64
	cat              int
}

// patrols writes a year of patrols, a day per transaction, each judging
// every check of its point; one point in ten and one check in eight fail
// often, the rest seldom.
func (city *City) patrols(ctx context.Context, db *store.DB, rng *rand.Rand, points []benchPoint, checks [][]int64) error {
	perDay := city.Scale.Observations / checksPerCategory / 365
	start := time.Now().AddDate(0, 0, -365)
	for d := range 365 {
		day := start.AddDate(0, 0, d)
		err := db.Write(ctx, func(c *store.Conn) error {
			batch := make([]benchPatrol, 0, patrolsPerStatement)
			for i := range perDay {
				p := points[rng.IntN(len(points))]
				pt := benchPatrol{key: fmt.Sprintf("b%d-%d", d, i), point: p, at: day.Add(time.Duration(rng.IntN(86400)) * time.Second)}
				for k := range checks[p.cat] {
					odds := 0.03
					if p.id%10 == 0 || k == 0 {
						odds = 0.3
					}
					pt.fails = append(pt.fails, rng.Float64() < odds)
				}
				batch = append(batch, pt)
				if len(batch) == patrolsPerStatement || i == perDay-1 {
					if err := city.writePatrols(ctx, c, batch, checks); err != nil {
						return err
					}
					batch = batch[:0]
				}
			}
			return nil
		})
		if err != nil {
			return err
		}
	}
	return nil
}

// patrolsPerStatement is how many generated patrols one INSERT carries.
const patrolsPerStatement = 200

// benchPatrol is one generated patrol: which of its point's checks failed.
type benchPatrol struct {
	key   string
	point benchPoint
	at    time.Time
	fails []bool
}

// writePatrols writes a batch of patrols and their judgements in two
// statements.
func (city *City) writePatrols(ctx context.Context, c *store.Conn, batch []benchPatrol, checks [][]int64) error {
	values, args := make([]string, 0, len(batch)), make([]any, 0, 3*len(batch))
	for _, p := range batch {
		values = append(values, `(?, ?, ?)`)
		args = append(args, p.key, p.point.id, p.at)
	}
	ids, err := insertKeyed(ctx, c, `INSERT INTO patrols (client_key, point_id, submitted_at) VALUES `+strings.Join(values, ", ")+` RETURNING id, client_key`, args)
	if err != nil {
		return err
	}
	values, args = values[:0], args[:0]
	for _, p := range batch {
		for k, ch := range checks[p.point.cat] {
			result := "pass"
			if p.fails[k] {
				result = "fail"
			}
			values = append(values, `(?, ?, ?, ?, ?, ?, ?)`)
			args = append(args, ids[p.key], p.point.id, ch, p.point.unit, p.point.region, result, p.at)
			city.Observations++
		}
	}
	_, err = c.Exec(ctx, `INSERT INTO observations (patrol_id, point_id, check_id, unit_id, region_id, result, observed_at) VALUES `+strings.Join(values, ", "), args...)
	return err
}
