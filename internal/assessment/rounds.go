package assessment

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"time"

	"wenming/internal/audit"
	"wenming/internal/domain"
	"wenming/internal/patrol"
	"wenming/internal/store"
)

// Round is one mock assessment.
type Round struct {
	ID            int64            `json:"id"`
	Name          string           `json:"name"`
	FrameworkID   int64            `json:"frameworkId"`
	FrameworkName string           `json:"frameworkName"`
	Seed          *int64           `json:"seed"`
	StartsOn      string           `json:"startsOn"`
	EndsOn        string           `json:"endsOn"`
	Status        string           `json:"status"`
	Categories    []RoundCategory  `json:"categories"`
	Inspectors    []RoundInspector `json:"inspectors"`
	PointCount    int              `json:"pointCount"`
	DoneCount     int              `json:"doneCount"`
	CreatedAt     time.Time        `json:"createdAt"`
	DrawnAt       *time.Time       `json:"drawnAt"`
	ClosedAt      *time.Time       `json:"closedAt"`
	// JurisdictionID is the jurisdiction whose office runs the round: it
	// draws that jurisdiction's points for its inspectors only.
	JurisdictionID   int64 `json:"jurisdictionId"`
	jurisdictionCode string
}

// RoundCategory is how many points of a category a round draws.
type RoundCategory struct {
	CategoryID   int64  `json:"categoryId"`
	CategoryName string `json:"categoryName"`
	SampleSize   int    `json:"sampleSize"`
	Available    int    `json:"available"`
}

// RoundInspector is an inspector of a round with their progress.
type RoundInspector struct {
	UserID   int64  `json:"userId"`
	Name     string `json:"name"`
	Assigned int    `json:"assigned"`
	Done     int    `json:"done"`
}

// RoundDetail is a round with its drawn points.
type RoundDetail struct {
	Round
	Points []RoundPoint `json:"points"`
}

// RoundPoint is a drawn point, its inspector and whether it is done.
type RoundPoint struct {
	PointID       int64      `json:"pointId"`
	PointName     string     `json:"pointName"`
	CategoryName  string     `json:"categoryName"`
	Address       string     `json:"address"`
	Lat           float64    `json:"lat"`
	Lng           float64    `json:"lng"`
	QRToken       string     `json:"qrToken"`
	UnitName      string     `json:"unitName"`
	InspectorID   *int64     `json:"inspectorId"`
	InspectorName string     `json:"inspectorName"`
	DoneAt        *time.Time `json:"doneAt"`
	PatrolID      *int64     `json:"patrolId"`
	Fail          int        `json:"fail"`
}

// RoundInput is what the office plans of a round.
type RoundInput struct {
	Name         string          `json:"name"`
	FrameworkID  int64           `json:"frameworkId"`
	Seed         *int64          `json:"seed"`
	StartsOn     string          `json:"startsOn"`
	EndsOn       string          `json:"endsOn"`
	Categories   []RoundCategory `json:"categories"`
	InspectorIDs []int64         `json:"inspectorIds"`
}

const selectRounds = `SELECT r.id, r.name, r.framework_id, f.name, r.seed, r.starts_on, r.ends_on, r.status, r.created_at, r.drawn_at, r.closed_at,
	(SELECT COUNT(*) FROM round_points rp WHERE rp.round_id = r.id),
	(SELECT COUNT(*) FROM round_points rp WHERE rp.round_id = r.id AND rp.patrol_id IS NOT NULL),
	COALESCE(r.jurisdiction_id, 0), COALESCE(rj.code, '')
	FROM rounds r JOIN frameworks f ON f.id = r.framework_id LEFT JOIN regions rj ON rj.id = r.jurisdiction_id`

func scanRound(rows interface{ Scan(...any) error }) (Round, error) {
	var r Round
	err := rows.Scan(&r.ID, &r.Name, &r.FrameworkID, &r.FrameworkName, &r.Seed, &r.StartsOn, &r.EndsOn, &r.Status, &r.CreatedAt, &r.DrawnAt, &r.ClosedAt,
		&r.PointCount, &r.DoneCount, &r.JurisdictionID, &r.jurisdictionCode)
	return r, err
}

// Rounds lists the rounds of the jurisdictions the actor reads, newest first.
func (s *Service) Rounds(ctx context.Context, actor *domain.Actor) (_ []Round, err error) {
	defer domain.Wrap(&err, "assessment.Rounds")
	if err := require(actor, roundReaders, "模拟测评"); err != nil {
		return nil, err
	}
	c := s.db.Read()
	reach, args := store.Reach(actor, "r.jurisdiction_id")
	rows, err := c.Query(ctx, selectRounds+` WHERE `+reach+` ORDER BY r.starts_on DESC, r.id DESC`, args...)
	if err != nil {
		return nil, err
	}
	list := []Round{}
	for rows.Next() {
		r, err := scanRound(rows)
		if err != nil {
			rows.Close()
			return nil, err
		}
		list = append(list, r)
	}
	rows.Close()
	for i := range list {
		if err := fillRound(ctx, c, &list[i]); err != nil {
			return nil, err
		}
	}
	return list, rows.Err()
}

func getRound(ctx context.Context, c *store.Conn, id int64) (Round, error) {
	r, err := scanRound(c.QueryRow(ctx, selectRounds+` WHERE r.id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return r, domain.NotFound("模拟测评")
	}
	if err != nil {
		return r, err
	}
	return r, fillRound(ctx, c, &r)
}

// fillRound reads a round's categories and inspectors with progress.
func fillRound(ctx context.Context, c *store.Conn, r *Round) error {
	r.Categories, r.Inspectors = []RoundCategory{}, []RoundInspector{}
	rows, err := c.Query(ctx, `SELECT rc.category_id, k.name, rc.sample_size,
		(SELECT COUNT(*) FROM points p WHERE p.category_id = rc.category_id AND p.active AND p.jurisdiction_id = ?)
		FROM round_categories rc JOIN point_categories k ON k.id = rc.category_id WHERE rc.round_id = ? ORDER BY k.sort, k.id`, r.JurisdictionID, r.ID)
	if err != nil {
		return err
	}
	for rows.Next() {
		var k RoundCategory
		if err := rows.Scan(&k.CategoryID, &k.CategoryName, &k.SampleSize, &k.Available); err != nil {
			rows.Close()
			return err
		}
		r.Categories = append(r.Categories, k)
	}
	rows.Close()
	rows, err = c.Query(ctx, `SELECT ri.user_id, u.real_name,
		(SELECT COUNT(*) FROM round_points rp WHERE rp.round_id = ri.round_id AND rp.inspector_id = ri.user_id),
		(SELECT COUNT(*) FROM round_points rp WHERE rp.round_id = ri.round_id AND rp.inspector_id = ri.user_id AND rp.patrol_id IS NOT NULL)
		FROM round_inspectors ri JOIN users u ON u.id = ri.user_id WHERE ri.round_id = ? ORDER BY ri.user_id`, r.ID)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var i RoundInspector
		if err := rows.Scan(&i.UserID, &i.Name, &i.Assigned, &i.Done); err != nil {
			return err
		}
		r.Inspectors = append(r.Inspectors, i)
	}
	return rows.Err()
}

// Round returns a round with its drawn points.
func (s *Service) Round(ctx context.Context, actor *domain.Actor, id int64) (_ RoundDetail, err error) {
	defer domain.Wrap(&err, "assessment.Round %d", id)
	if err := require(actor, roundReaders, "模拟测评"); err != nil {
		return RoundDetail{}, err
	}
	c := s.db.Read()
	if _, err := readRound(ctx, c, actor, id); err != nil {
		return RoundDetail{}, err
	}
	return roundDetail(ctx, c, id)
}

func roundDetail(ctx context.Context, c *store.Conn, id int64) (RoundDetail, error) {
	r, err := getRound(ctx, c, id)
	if err != nil {
		return RoundDetail{}, err
	}
	d := RoundDetail{Round: r, Points: []RoundPoint{}}
	rows, err := c.Query(ctx, `SELECT rp.point_id, p.name, k.name, p.address, p.lat, p.lng, p.qr_token, un.name, rp.inspector_id, COALESCE(u.real_name, ''),
		t.submitted_at, rp.patrol_id, COALESCE(t.fail_count, 0)
		FROM round_points rp JOIN points p ON p.id = rp.point_id JOIN point_categories k ON k.id = p.category_id JOIN units un ON un.id = p.unit_id
		LEFT JOIN users u ON u.id = rp.inspector_id LEFT JOIN patrols t ON t.id = rp.patrol_id
		WHERE rp.round_id = ? ORDER BY rp.seq`, id)
	if err != nil {
		return d, err
	}
	defer rows.Close()
	for rows.Next() {
		var p RoundPoint
		if err := rows.Scan(&p.PointID, &p.PointName, &p.CategoryName, &p.Address, &p.Lat, &p.Lng, &p.QRToken, &p.UnitName, &p.InspectorID, &p.InspectorName,
			&p.DoneAt, &p.PatrolID, &p.Fail); err != nil {
			return d, err
		}
		d.Points = append(d.Points, p)
	}
	return d, rows.Err()
}

func (in *RoundInput) validate(ctx context.Context, c *store.Conn, jurisdiction int64) error {
	in.Name = strings.TrimSpace(in.Name)
	if err := domain.RequireText("name", "测评名称", in.Name, 100); err != nil {
		return err
	}
	var kind string
	if err := c.Get(ctx, "测评体系", `SELECT kind FROM frameworks WHERE id = ?`, []any{in.FrameworkID}, &kind); err != nil || kind != "main" {
		return domain.Invalid("frameworkId", "请选择测评体系（主体系）")
	}
	if in.Seed != nil && *in.Seed < 0 {
		return domain.Invalid("seed", "随机种子应为非负整数")
	}
	from, err1 := time.Parse(time.DateOnly, in.StartsOn)
	to, err2 := time.Parse(time.DateOnly, in.EndsOn)
	switch {
	case err1 != nil:
		return domain.Invalid("startsOn", "开始日期格式应为 YYYY-MM-DD")
	case err2 != nil:
		return domain.Invalid("endsOn", "结束日期格式应为 YYYY-MM-DD")
	case to.Before(from):
		return domain.Invalid("endsOn", "结束日期不能早于开始日期")
	}
	return validateSamples(ctx, c, in, jurisdiction)
}

func validateSamples(ctx context.Context, c *store.Conn, in *RoundInput, jurisdiction int64) error {
	var samples []RoundCategory
	for i, k := range in.Categories {
		field := fmt.Sprintf("categories[%d].sampleSize", i)
		if k.SampleSize < 0 || k.SampleSize > 500 {
			return domain.Invalid(field, "每类抽取点位数应在 0–500 之间")
		}
		if n, err := c.Count(ctx, `SELECT COUNT(*) FROM point_categories WHERE id = ?`, k.CategoryID); err != nil || n == 0 {
			if err == nil {
				err = domain.Invalid(fmt.Sprintf("categories[%d].categoryId", i), "点位类别不存在")
			}
			return err
		}
		if err := patrol.UsableCategory(ctx, c, jurisdiction, k.CategoryID); err != nil {
			return domain.Invalid(fmt.Sprintf("categories[%d].categoryId", i), "点位类别属于其他辖区，请选择本辖区或上级设置的类别")
		}
		if slices.ContainsFunc(samples, func(x RoundCategory) bool { return x.CategoryID == k.CategoryID }) {
			return domain.Invalid(fmt.Sprintf("categories[%d].categoryId", i), "点位类别重复")
		}
		if k.SampleSize > 0 {
			samples = append(samples, k)
		}
	}
	if len(samples) == 0 {
		return domain.Invalid("categories", "至少为一个点位类别设置抽取数量")
	}
	in.Categories = samples
	return validateInspectors(ctx, c, in.InspectorIDs, jurisdiction)
}

// validateInspectors admits the inspectors and office people of the
// round's own jurisdiction only: a county's points go to its own people.
func validateInspectors(ctx context.Context, c *store.Conn, ids []int64, jurisdiction int64) error {
	if len(ids) == 0 {
		return domain.Invalid("inspectorIds", "请选择测评员")
	}
	for _, id := range ids {
		n, err := c.Count(ctx, `SELECT COUNT(*) FROM users u JOIN user_roles r ON r.user_id = u.id WHERE u.id = ? AND r.role IN ('inspector', 'office_staff', 'office_leader')`, id)
		if err != nil {
			return err
		}
		if n == 0 {
			return domain.Invalid("inspectorIds", fmt.Sprintf("人员 %d 不是督查员或创城办人员", id))
		}
		if n, err = c.Count(ctx, `SELECT COUNT(*) FROM users u JOIN units un ON un.id = u.unit_id WHERE u.id = ? AND un.jurisdiction_id = ?`, id, jurisdiction); err != nil || n == 0 {
			if err == nil {
				err = domain.Invalid("inspectorIds", fmt.Sprintf("人员 %d 不属于本辖区，不能担任本次测评的测评员", id))
			}
			return err
		}
	}
	return nil
}

// readRound reads a round the actor may see: one of a jurisdiction it
// reads (another county's round is as if it did not exist).
func readRound(ctx context.Context, c *store.Conn, actor *domain.Actor, id int64) (Round, error) {
	r, err := getRound(ctx, c, id)
	if err == nil && !actor.ReadsJurisdiction(r.JurisdictionID, r.jurisdictionCode) {
		return Round{}, domain.NotFound("模拟测评")
	}
	return r, err
}

// governedRound reads a round the actor's office runs; the office above
// reads a county's rounds but does not change them.
func governedRound(ctx context.Context, c *store.Conn, actor *domain.Actor, id int64) (Round, error) {
	r, err := readRound(ctx, c, actor, id)
	if err == nil && !actor.GovernsJurisdiction(r.JurisdictionID) {
		return Round{}, domain.Forbidden("该模拟测评由其所在辖区的创城办组织，您只能查看")
	}
	return r, err
}

// CreateRound plans a round (office); it stays a draft until drawn.
func (s *Service) CreateRound(ctx context.Context, actor *domain.Actor, in RoundInput) (_ RoundDetail, err error) {
	defer domain.Wrap(&err, "assessment.CreateRound")
	if err := requireOffice(actor); err != nil {
		return RoundDetail{}, err
	}
	var out RoundDetail
	err = s.db.Write(ctx, func(c *store.Conn) error {
		home, err := patrol.HomeJurisdiction(ctx, c, actor)
		if err != nil {
			return err
		}
		if err := in.validate(ctx, c, home); err != nil {
			return err
		}
		id, err := c.Insert(ctx, `INSERT INTO rounds (jurisdiction_id, name, framework_id, seed, starts_on, ends_on, status, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, 'draft', ?, ?)`,
			home, in.Name, in.FrameworkID, in.Seed, in.StartsOn, in.EndsOn, actor.Ref(), c.Now)
		if err != nil {
			return err
		}
		if err := savePlan(ctx, c, id, in); err != nil {
			return err
		}
		if out, err = roundDetail(ctx, c, id); err != nil {
			return err
		}
		return audit.Record(ctx, c, actor, audit.Change{Action: "create", Entity: "round", EntityID: id, Summary: "模拟测评 " + in.Name, After: out.Round})
	})
	return out, err
}

func savePlan(ctx context.Context, c *store.Conn, id int64, in RoundInput) error {
	for _, q := range []string{`DELETE FROM round_categories WHERE round_id = ?`, `DELETE FROM round_inspectors WHERE round_id = ?`} {
		if _, err := c.Exec(ctx, q, id); err != nil {
			return err
		}
	}
	for _, k := range in.Categories {
		if _, err := c.Exec(ctx, `INSERT INTO round_categories (round_id, category_id, sample_size) VALUES (?, ?, ?)`, id, k.CategoryID, k.SampleSize); err != nil {
			return err
		}
	}
	for _, u := range in.InspectorIDs {
		if _, err := c.Exec(ctx, `INSERT INTO round_inspectors (round_id, user_id) VALUES (?, ?) ON CONFLICT DO NOTHING`, id, u); err != nil {
			return err
		}
	}
	return nil
}

// draftRound reads a round the office may still change.
func draftRound(ctx context.Context, c *store.Conn, actor *domain.Actor, id int64) (Round, error) {
	r, err := governedRound(ctx, c, actor, id)
	if err == nil && r.Status != "draft" {
		err = domain.Conflict("", "点位已抽取，测评方案不能再修改")
	}
	return r, err
}

// UpdateRound changes a draft round.
func (s *Service) UpdateRound(ctx context.Context, actor *domain.Actor, id int64, in RoundInput) (_ RoundDetail, err error) {
	defer domain.Wrap(&err, "assessment.UpdateRound %d", id)
	if err := requireOffice(actor); err != nil {
		return RoundDetail{}, err
	}
	var out RoundDetail
	err = s.db.Write(ctx, func(c *store.Conn) error {
		before, err := draftRound(ctx, c, actor, id)
		if err != nil {
			return err
		}
		if err := in.validate(ctx, c, before.JurisdictionID); err != nil {
			return err
		}
		if _, err := c.Exec(ctx, `UPDATE rounds SET name = ?, framework_id = ?, seed = ?, starts_on = ?, ends_on = ? WHERE id = ?`,
			in.Name, in.FrameworkID, in.Seed, in.StartsOn, in.EndsOn, id); err != nil {
			return err
		}
		if err := savePlan(ctx, c, id, in); err != nil {
			return err
		}
		if out, err = roundDetail(ctx, c, id); err != nil {
			return err
		}
		return audit.Record(ctx, c, actor, audit.Change{Action: "update", Entity: "round", EntityID: id, Summary: "模拟测评 " + in.Name, Before: before, After: out.Round})
	})
	return out, err
}

// DeleteRound removes a draft round.
func (s *Service) DeleteRound(ctx context.Context, actor *domain.Actor, id int64) (err error) {
	defer domain.Wrap(&err, "assessment.DeleteRound %d", id)
	if err := requireOffice(actor); err != nil {
		return err
	}
	return s.db.Write(ctx, func(c *store.Conn) error {
		before, err := draftRound(ctx, c, actor, id)
		if err != nil {
			return err
		}
		if _, err := c.Exec(ctx, `DELETE FROM rounds WHERE id = ?`, id); err != nil {
			return err
		}
		return audit.Record(ctx, c, actor, audit.Change{Action: "delete", Entity: "round", EntityID: id, Summary: "模拟测评 " + before.Name, Before: before})
	})
}

// Draw draws the round's points from its seed (choosing and recording a
// seed when none was given) and shares them among the inspectors in turn.
func (s *Service) Draw(ctx context.Context, actor *domain.Actor, id int64) (_ RoundDetail, err error) {
	defer domain.Wrap(&err, "assessment.Draw %d", id)
	if err := requireOffice(actor); err != nil {
		return RoundDetail{}, err
	}
	var out RoundDetail
	err = s.db.Write(ctx, func(c *store.Conn) error {
		r, err := draftRound(ctx, c, actor, id)
		if err != nil {
			return err
		}
		if r.Seed == nil {
			seed := rand.Int64N(1_000_000_000)
			r.Seed = &seed
		}
		pools, err := categoryPools(ctx, c, r.JurisdictionID, r.Categories)
		if err != nil {
			return err
		}
		drawn := Draw(*r.Seed, r.Categories, pools)
		if len(drawn) == 0 {
			return domain.Conflict("categories", "所选类别下没有可抽取的点位")
		}
		inspectors := make([]int64, len(r.Inspectors))
		for i, x := range r.Inspectors {
			inspectors[i] = x.UserID
		}
		for i, p := range drawn {
			if _, err := c.Exec(ctx, `INSERT INTO round_points (round_id, point_id, inspector_id, seq) VALUES (?, ?, ?, ?)`, id, p, inspectors[i%len(inspectors)], i+1); err != nil {
				return err
			}
		}
		if _, err := c.Exec(ctx, `UPDATE rounds SET seed = ?, status = 'drawn', drawn_at = ? WHERE id = ?`, *r.Seed, c.Now, id); err != nil {
			return err
		}
		if out, err = roundDetail(ctx, c, id); err != nil {
			return err
		}
		return audit.Record(ctx, c, actor, audit.Change{Action: "draw", Entity: "round", EntityID: id,
			Summary: fmt.Sprintf("模拟测评 %s 抽取点位 %d 个（随机种子 %d）", r.Name, len(drawn), *r.Seed)})
	})
	return out, err
}

// categoryPools lists each category's active points of the round's
// jurisdiction in id order: the order the draw shuffles, so the same seed
// over the same points draws the same points. A category the city keeps
// is used by its counties too; a county's round draws its own points only.
func categoryPools(ctx context.Context, c *store.Conn, jurisdiction int64, cats []RoundCategory) (map[int64][]int64, error) {
	pools := map[int64][]int64{}
	for _, k := range cats {
		ids, err := c.Int64s(ctx, `SELECT id FROM points WHERE category_id = ? AND active AND jurisdiction_id = ? ORDER BY id`, k.CategoryID, jurisdiction)
		if err != nil {
			return nil, err
		}
		pools[k.CategoryID] = ids
	}
	return pools, nil
}

// Draw picks sampleSize points of each category (all of them when there
// are fewer), categories in id order, by a partial Fisher–Yates shuffle
// driven by a PCG generator seeded with seed.
func Draw(seed int64, cats []RoundCategory, pools map[int64][]int64) []int64 {
	rng := rand.New(rand.NewPCG(uint64(seed), 0x5eed))
	order := slices.Clone(cats)
	slices.SortFunc(order, func(a, b RoundCategory) int { return int(a.CategoryID - b.CategoryID) })
	var out []int64
	for _, k := range order {
		pool := slices.Clone(pools[k.CategoryID])
		n := min(k.SampleSize, len(pool))
		for i := range n {
			j := i + rng.IntN(len(pool)-i)
			pool[i], pool[j] = pool[j], pool[i]
		}
		out = append(out, pool[:n]...)
	}
	return out
}

// ReassignInput names the inspector a drawn point goes to.
type ReassignInput struct {
	InspectorID int64 `json:"inspectorId"`
}

// Reassign gives a drawn point, not yet done, to another inspector of the round.
func (s *Service) Reassign(ctx context.Context, actor *domain.Actor, id, pointID int64, inspectorID int64) (_ RoundDetail, err error) {
	defer domain.Wrap(&err, "assessment.Reassign %d %d %d", id, pointID, inspectorID)
	if err := requireOffice(actor); err != nil {
		return RoundDetail{}, err
	}
	var out RoundDetail
	err = s.db.Write(ctx, func(c *store.Conn) error {
		r, err := governedRound(ctx, c, actor, id)
		if err != nil {
			return err
		}
		if r.Status != "drawn" {
			return domain.Conflict("", "只有进行中的测评可以调整测评员")
		}
		if !slices.ContainsFunc(r.Inspectors, func(x RoundInspector) bool { return x.UserID == inspectorID }) {
			return domain.Invalid("inspectorId", "该人员不是本次测评的测评员")
		}
		res, err := c.Exec(ctx, `UPDATE round_points SET inspector_id = ? WHERE round_id = ? AND point_id = ? AND patrol_id IS NULL`, inspectorID, id, pointID)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return domain.Conflict("", "该点位不在本次测评中，或已完成测评")
		}
		if out, err = roundDetail(ctx, c, id); err != nil {
			return err
		}
		return audit.Record(ctx, c, actor, audit.Change{Action: "update", Entity: "round", EntityID: id,
			Summary: fmt.Sprintf("模拟测评 %s：点位 %d 改由测评员 %d 负责", r.Name, pointID, inspectorID)})
	})
	return out, err
}

// RoundPatrols is the rounds' side of a patrol made for a mock assessment,
// run inside the patrol's own transaction: it needs nothing but the round
// tables, so it is built before the patrol service that calls it.
type RoundPatrols struct{}

// CheckPatrol lets a patrol count in a round: the round is under way, the
// point was drawn and is not done, and the actor is its inspector or the office.
func (RoundPatrols) CheckPatrol(ctx context.Context, c *store.Conn, actor *domain.Actor, roundID, pointID int64) error {
	var status string
	var jurisdiction int64
	if err := c.Get(ctx, "模拟测评", `SELECT status, COALESCE(jurisdiction_id, 0) FROM rounds WHERE id = ?`, []any{roundID}, &status, &jurisdiction); err != nil {
		return domain.Invalid("roundId", "模拟测评不存在")
	}
	if status != "drawn" {
		return domain.Conflict("roundId", "该模拟测评未开始或已结束")
	}
	var inspector, patrolID *int64
	if err := c.Get(ctx, "测评点位", `SELECT inspector_id, patrol_id FROM round_points WHERE round_id = ? AND point_id = ?`, []any{roundID, pointID}, &inspector, &patrolID); err != nil {
		return domain.Invalid("pointId", "该点位不在本次模拟测评的抽取范围内")
	}
	if patrolID != nil {
		return domain.Conflict("pointId", "该点位已完成本次测评")
	}
	// Besides the inspector it went to, only the round's own office may judge a point.
	if !(actor.IsOffice() && actor.GovernsJurisdiction(jurisdiction)) && (inspector == nil || *inspector != actor.UserID) {
		return domain.Forbidden("该点位已分配给其他测评员")
	}
	return nil
}

// MarkDone records the patrol that judged a drawn point.
func (RoundPatrols) MarkDone(ctx context.Context, c *store.Conn, roundID, pointID, patrolID int64) error {
	_, err := c.Exec(ctx, `UPDATE round_points SET patrol_id = ? WHERE round_id = ? AND point_id = ?`, patrolID, roundID, pointID)
	return err
}

// Tasks are an inspector's drawn points in the rounds under way.
type Tasks struct {
	Rounds []TaskRound `json:"rounds"`
}

// TaskRound is one round's points for an inspector.
type TaskRound struct {
	RoundID   int64        `json:"roundId"`
	RoundName string       `json:"roundName"`
	EndsOn    string       `json:"endsOn"`
	Points    []RoundPoint `json:"points"`
}

// Tasks lists the actor's drawn points in open rounds.
func (s *Service) Tasks(ctx context.Context, actor *domain.Actor) (_ Tasks, err error) {
	defer domain.Wrap(&err, "assessment.Tasks")
	out := Tasks{Rounds: []TaskRound{}}
	c := s.db.Read()
	ids, err := c.Int64s(ctx, `SELECT DISTINCT r.id FROM rounds r JOIN round_points rp ON rp.round_id = r.id WHERE r.status = 'drawn' AND rp.inspector_id = ? ORDER BY r.id`, actor.UserID)
	if err != nil {
		return out, err
	}
	for _, id := range ids {
		d, err := roundDetail(ctx, c, id)
		if err != nil {
			return out, err
		}
		t := TaskRound{RoundID: id, RoundName: d.Name, EndsOn: d.EndsOn, Points: []RoundPoint{}}
		for _, p := range d.Points {
			if p.InspectorID != nil && *p.InspectorID == actor.UserID {
				t.Points = append(t.Points, p)
			}
		}
		out.Rounds = append(out.Rounds, t)
	}
	return out, nil
}
