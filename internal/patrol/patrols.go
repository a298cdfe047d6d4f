package patrol

import (
	"context"
	"fmt"
	"math"
	"strings"
	"time"

	"wenming/internal/audit"
	"wenming/internal/cases"
	"wenming/internal/domain"
	"wenming/internal/files"
	"wenming/internal/store"
)

// PatrolSummary is one visit to a point, without its observations.
type PatrolSummary struct {
	ID             int64      `json:"id"`
	ClientKey      string     `json:"clientKey"`
	PointID        int64      `json:"pointId"`
	PointName      string     `json:"pointName"`
	CategoryName   string     `json:"categoryName"`
	RoundID        *int64     `json:"roundId"`
	RoundName      string     `json:"roundName"`
	InspectorID    *int64     `json:"inspectorId"`
	InspectorName  string     `json:"inspectorName"`
	StartedAt      *time.Time `json:"startedAt"`
	SubmittedAt    time.Time  `json:"submittedAt"`
	Lat            *float64   `json:"lat"`
	Lng            *float64   `json:"lng"`
	DistanceMeters *int       `json:"distanceMeters"`
	Far            bool       `json:"far"`
	Note           string     `json:"note"`
	Pass           int        `json:"pass"`
	Fail           int        `json:"fail"`
	NA             int        `json:"na"`
}

// Patrol is a visit with every check's judgement.
type Patrol struct {
	PatrolSummary
	Observations []Observation `json:"observations"`
}

// Observation is the judgement of one check at one visit.
type Observation struct {
	ID            int64         `json:"id"`
	CheckID       int64         `json:"checkId"`
	CheckText     string        `json:"checkText"`
	Severity      string        `json:"severity"`
	StandardCodes []string      `json:"standardCodes"`
	Result        string        `json:"result"`
	Note          string        `json:"note"`
	Photos        []cases.Photo `json:"photos"`
	CaseID        *int64        `json:"caseId"`
	CaseCode      string        `json:"caseCode"`
}

// PatrolInput is a patrol as a phone submits it.
type PatrolInput struct {
	ClientKey string        `json:"clientKey"`
	PointID   int64         `json:"pointId"`
	RoundID   *int64        `json:"roundId"`
	Lat       *float64      `json:"lat"`
	Lng       *float64      `json:"lng"`
	StartedAt *time.Time    `json:"startedAt"`
	Note      string        `json:"note"`
	Results   []ResultInput `json:"results"`
}

// ResultInput is the judgement of one check.
type ResultInput struct {
	CheckID int64   `json:"checkId"`
	Result  string  `json:"result"`
	Note    string  `json:"note"`
	FileIDs []int64 `json:"fileIds"`
}

// Submit records a patrol and opens a case for each failed check. A
// repeated client key answers the patrol already made (created false) and
// finishes any case a broken connection left unopened.
func (s *Service) Submit(ctx context.Context, actor *domain.Actor, in PatrolInput) (_ Patrol, _ bool, err error) {
	defer domain.Wrap(&err, "patrol.Submit")
	if !actor.Has(patrollers...) {
		return Patrol{}, false, domain.Forbidden("只有督查员、网格员和创城办可以巡查")
	}
	in.ClientKey = strings.TrimSpace(in.ClientKey)
	if err := domain.RequireText("clientKey", "提交编号 clientKey", in.ClientKey, 100); err != nil {
		return Patrol{}, false, err
	}
	id, created, err := s.record(ctx, actor, in)
	if err != nil {
		return Patrol{}, false, err
	}
	if err := s.openCases(ctx, actor, id); err != nil {
		return Patrol{}, false, err
	}
	p, err := s.Patrol(ctx, actor, id)
	return p, created, err
}

// record stores the patrol and its observations in one transaction.
func (s *Service) record(ctx context.Context, actor *domain.Actor, in PatrolInput) (int64, bool, error) {
	var id int64
	created := false
	err := s.db.Write(ctx, func(c *store.Conn) error {
		err := c.Get(ctx, "巡查", `SELECT id FROM patrols WHERE client_key = ?`, []any{in.ClientKey}, &id)
		if err == nil {
			return nil
		}
		if de, ok := domain.AsError(err); !ok || de.Code != domain.CodeNotFound {
			return err
		}
		p, checks, err := s.validate(ctx, c, actor, &in)
		if err != nil {
			return err
		}
		if in.RoundID != nil {
			if err := s.rounds.CheckPatrol(ctx, c, actor, *in.RoundID, p.ID); err != nil {
				return err
			}
		}
		if id, err = insertPatrol(ctx, c, actor, in, p, checks, s.FarMeters); err != nil {
			return err
		}
		if in.RoundID != nil {
			if err := s.rounds.MarkDone(ctx, c, *in.RoundID, p.ID, id); err != nil {
				return err
			}
		}
		created = true
		return audit.Record(ctx, c, actor, audit.Change{Action: "create", Entity: "patrol", EntityID: id,
			Summary: fmt.Sprintf("巡查点位 %s %s：%s", p.Code, p.Name, tallyText(in.Results))})
	})
	if de, ok := domain.AsError(err); ok && de.Code == domain.CodeConflict {
		// Two copies of one submission raced: the other one stored it.
		if e := s.db.Read().Get(ctx, "巡查", `SELECT id FROM patrols WHERE client_key = ?`, []any{in.ClientKey}, &id); e == nil {
			return id, false, nil
		}
	}
	return id, created, err
}

func tallyText(results []ResultInput) string {
	n := map[string]int{}
	for _, r := range results {
		n[r.Result]++
	}
	return fmt.Sprintf("合格 %d，不合格 %d，不适用 %d", n["pass"], n["fail"], n["na"])
}

// validate checks a patrol against its point's checklist: every active
// check judged once, a photo for every failure.
func (s *Service) validate(ctx context.Context, c *store.Conn, actor *domain.Actor, in *PatrolInput) (Point, map[int64]Check, error) {
	p, err := getPoint(ctx, c, `p.id = ?`, in.PointID)
	if de, ok := domain.AsError(err); ok && de.Code == domain.CodeNotFound {
		return p, nil, domain.Invalid("pointId", "点位不存在")
	} else if err != nil {
		return p, nil, err
	}
	if !sees(actor, &p) {
		return p, nil, domain.Forbidden("该点位不在您的数据范围内")
	}
	if !p.Active {
		return p, nil, domain.Invalid("pointId", "该点位已停用")
	}
	if (in.Lat == nil) != (in.Lng == nil) {
		return p, nil, domain.Invalid("lat", "定位须同时包含纬度和经度")
	}
	if in.Lat != nil {
		if err := validLatLng(*in.Lat, *in.Lng); err != nil {
			return p, nil, err
		}
	}
	if err := domain.TextLimit("note", "备注", in.Note, 500); err != nil {
		return p, nil, err
	}
	list, err := loadChecks(ctx, c, ` WHERE x.category_id = ? AND x.active`, []any{p.CategoryID})
	if err != nil {
		return p, nil, err
	}
	checks := map[int64]Check{}
	for _, ch := range list {
		checks[ch.ID] = ch.Check
	}
	return p, checks, validateResults(in.Results, checks)
}

func validateResults(results []ResultInput, checks map[int64]Check) error {
	judged := map[int64]bool{}
	for i, r := range results {
		field := func(f string) string { return fmt.Sprintf("results[%d].%s", i, f) }
		ch, ok := checks[r.CheckID]
		if !ok {
			return domain.Invalid(field("checkId"), fmt.Sprintf("第 %d 条结果的检查项不属于该点位", i+1))
		}
		if judged[r.CheckID] {
			return domain.Invalid(field("checkId"), "检查项“"+ch.Text+"”重复提交")
		}
		judged[r.CheckID] = true
		if domain.NameOf(Results, r.Result) == "" {
			return domain.Invalid(field("result"), "检查项“"+ch.Text+"”的结果只能是合格、不合格或不适用")
		}
		if r.Result == "fail" && len(r.FileIDs) == 0 {
			return domain.Invalid(field("fileIds"), "检查项“"+ch.Text+"”不合格，须拍照留证")
		}
		if len(r.FileIDs) > 6 {
			return domain.Invalid(field("fileIds"), "每个检查项最多 6 张照片")
		}
		if err := domain.TextLimit(field("note"), "检查项说明", r.Note, 500); err != nil {
			return err
		}
	}
	for _, ch := range checks {
		if !judged[ch.ID] {
			return domain.Invalid("results", "还有检查项未判定："+ch.Text)
		}
	}
	return nil
}

func insertPatrol(ctx context.Context, c *store.Conn, actor *domain.Actor, in PatrolInput, p Point, checks map[int64]Check, farMeters float64) (int64, error) {
	var dist *float64
	far := false
	if in.Lat != nil {
		d := math.Round(domain.Distance(p.Lat, p.Lng, *in.Lat, *in.Lng))
		dist, far = &d, d > farMeters
	}
	n := map[string]int{}
	for _, r := range in.Results {
		n[r.Result]++
	}
	id, err := c.Insert(ctx, `INSERT INTO patrols (client_key, point_id, round_id, inspector_id, started_at, submitted_at, lat, lng, distance_m, far, note, pass_count, fail_count, na_count)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		in.ClientKey, p.ID, in.RoundID, actor.Ref(), in.StartedAt, c.Now, in.Lat, in.Lng, dist, far, in.Note, n["pass"], n["fail"], n["na"])
	if err != nil {
		return 0, err
	}
	judged := newJudgementTally()
	for _, r := range in.Results {
		if err := insertObservation(ctx, c, actor, id, in.RoundID, p, r); err != nil {
			return 0, err
		}
		judged.count(judgement{checkID: r.CheckID, unitID: p.UnitID, round: in.RoundID != nil, result: r.Result, at: c.Now})
	}
	if err := judged.write(ctx, c); err != nil {
		return 0, err
	}
	last := "pass"
	if n["fail"] > 0 {
		last = "fail"
	}
	_, err = c.Exec(ctx, `UPDATE points SET last_patrol_at = ?, last_result = ? WHERE id = ?`, c.Now, last, p.ID)
	return id, err
}

func insertObservation(ctx context.Context, c *store.Conn, actor *domain.Actor, patrolID int64, roundID *int64, p Point, r ResultInput) error {
	oid, err := c.Insert(ctx, `INSERT INTO observations (patrol_id, point_id, check_id, round_id, unit_id, region_id, result, note, observed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		patrolID, p.ID, r.CheckID, roundID, p.UnitID, p.RegionID, r.Result, strings.TrimSpace(r.Note), c.Now)
	if err != nil {
		return err
	}
	if err := checkPhotos(ctx, c, actor, r.FileIDs); err != nil {
		return err
	}
	// A failure's photos go to the case it opens; the others stay with the patrol.
	if r.Result != "fail" {
		if err := files.Attach(ctx, c, actor, r.FileIDs, "patrol", patrolID); err != nil {
			return err
		}
	}
	for _, f := range r.FileIDs {
		if _, err := c.Exec(ctx, `INSERT INTO observation_photos (observation_id, file_id) VALUES (?, ?) ON CONFLICT DO NOTHING`, oid, f); err != nil {
			return err
		}
	}
	return nil
}

// checkPhotos accepts only the actor's own, unattached images.
func checkPhotos(ctx context.Context, c *store.Conn, actor *domain.Actor, ids []int64) error {
	for _, id := range ids {
		var ct, owner string
		var by *int64
		if err := c.Get(ctx, "文件", `SELECT content_type, owner_kind, uploaded_by FROM files WHERE id = ?`, []any{id}, &ct, &owner, &by); err != nil {
			return domain.Invalid("fileIds", fmt.Sprintf("照片 %d 不存在", id))
		}
		if !strings.HasPrefix(ct, "image/") {
			return domain.Invalid("fileIds", "巡查照片只能是图片（JPG/PNG/WEBP/HEIC）")
		}
		if owner != "" || by == nil || *by != actor.UserID {
			return domain.Invalid("fileIds", fmt.Sprintf("照片 %d 已被使用或不是您上传的", id))
		}
	}
	return nil
}

// openCases opens a case for each failed check still without one; each
// case's client key is derived from the patrol's, so a retry finds it.
func (s *Service) openCases(ctx context.Context, actor *domain.Actor, patrolID int64) error {
	c := s.db.Read()
	var key string
	var roundID *int64
	if err := c.Get(ctx, "巡查", `SELECT client_key, round_id FROM patrols WHERE id = ?`, []any{patrolID}, &key, &roundID); err != nil {
		return err
	}
	rows, err := c.Query(ctx, `SELECT o.id, o.check_id, o.note, x.text, x.case_category_id, p.id, p.name, p.address, p.lat, p.lng, p.region_id, p.unit_id
		FROM observations o JOIN point_checks x ON x.id = o.check_id JOIN points p ON p.id = o.point_id
		WHERE o.patrol_id = ? AND o.result = 'fail' AND o.case_id IS NULL`, patrolID)
	if err != nil {
		return err
	}
	type pending struct {
		obs int64
		in  cases.IntakeInput
	}
	var todo []pending
	for rows.Next() {
		var o pending
		var checkID, unitID int64
		var note, text, name string
		var lat, lng float64
		in := &o.in
		if err := rows.Scan(&o.obs, &checkID, &note, &text, &in.CategoryID, &in.PointID, &name, &in.Address, &lat, &lng, &in.RegionID, &unitID); err != nil {
			rows.Close()
			return err
		}
		in.Lat, in.Lng, in.UnitID = &lat, &lng, &unitID
		in.ClientKey = fmt.Sprintf("%s#%d", key, checkID)
		in.Source = "patrol"
		if roundID != nil {
			in.Source = "assessment"
		}
		in.Description = strings.TrimSuffix(fmt.Sprintf("【%s】%s：%s。%s", domain.NameOf(cases.Sources, in.Source), name, text, note), "。")
		todo = append(todo, o)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	for _, o := range todo {
		if o.in.FileIDs, err = observationFiles(ctx, c, o.obs); err != nil {
			return err
		}
		k, _, err := s.cases.Intake(ctx, actor, o.in)
		if err != nil {
			return fmt.Errorf("巡查已保存，但生成案件失败：%w", err)
		}
		if err := s.db.Write(ctx, func(w *store.Conn) error {
			_, err := w.Exec(ctx, `UPDATE observations SET case_id = ? WHERE id = ?`, k.ID, o.obs)
			return err
		}); err != nil {
			return err
		}
	}
	return nil
}

func observationFiles(ctx context.Context, c *store.Conn, obs int64) ([]int64, error) {
	return c.Int64s(ctx, `SELECT file_id FROM observation_photos WHERE observation_id = ? ORDER BY file_id`, obs)
}

const selectPatrols = `SELECT t.id, t.client_key, t.point_id, p.name, k.name, t.round_id, COALESCE(rd.name, ''), t.inspector_id, COALESCE(us.real_name, ''),
	t.started_at, t.submitted_at, t.lat, t.lng, t.distance_m, t.far, t.note, t.pass_count, t.fail_count, t.na_count, u.path, COALESCE(ur.code, ''),
	COALESCE(p.jurisdiction_id, 0), COALESCE((SELECT code FROM regions WHERE id = p.jurisdiction_id), '')
	FROM patrols t JOIN points p ON p.id = t.point_id JOIN point_categories k ON k.id = p.category_id JOIN units u ON u.id = p.unit_id
	LEFT JOIN regions ur ON ur.id = u.region_id LEFT JOIN rounds rd ON rd.id = t.round_id LEFT JOIN users us ON us.id = t.inspector_id`

type scopedPatrol struct {
	PatrolSummary
	unitPath, unitRegion string
	jurisdiction         int64
	jurisdictionCode     string
}

func (s *Service) patrolSummaries(ctx context.Context, c *store.Conn, where string, args []any, page, size int) ([]PatrolSummary, int, error) {
	total, err := c.Count(ctx, `SELECT COUNT(*) FROM patrols t JOIN points p ON p.id = t.point_id JOIN units u ON u.id = p.unit_id
		LEFT JOIN regions ur ON ur.id = u.region_id`+where, args...)
	if err != nil {
		return nil, 0, err
	}
	list, err := queryPatrols(ctx, c, where+` ORDER BY t.submitted_at DESC, t.id DESC LIMIT ? OFFSET ?`, append(args, size, (page-1)*size)...)
	out := make([]PatrolSummary, len(list))
	for i, p := range list {
		out[i] = p.PatrolSummary
	}
	return out, total, err
}

func queryPatrols(ctx context.Context, c *store.Conn, tail string, args ...any) ([]scopedPatrol, error) {
	rows, err := c.Query(ctx, selectPatrols+tail, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var list []scopedPatrol
	for rows.Next() {
		var p scopedPatrol
		var dist *float64
		if err := rows.Scan(&p.ID, &p.ClientKey, &p.PointID, &p.PointName, &p.CategoryName, &p.RoundID, &p.RoundName, &p.InspectorID, &p.InspectorName,
			&p.StartedAt, &p.SubmittedAt, &p.Lat, &p.Lng, &dist, &p.Far, &p.Note, &p.Pass, &p.Fail, &p.NA, &p.unitPath, &p.unitRegion,
			&p.jurisdiction, &p.jurisdictionCode); err != nil {
			return nil, err
		}
		if dist != nil {
			d := int(*dist)
			p.DistanceMeters = &d
		}
		list = append(list, p)
	}
	return list, rows.Err()
}

// PatrolFilter narrows the patrols list.
type PatrolFilter struct {
	PointID, InspectorID, RoundID, UnitID int64
	From, To                              string
	Far                                   bool
	Page, PageSize                        int
}

// Patrols lists the patrols the actor sees, newest first.
func (s *Service) Patrols(ctx context.Context, actor *domain.Actor, f PatrolFilter) (_ []PatrolSummary, _ int, err error) {
	defer domain.Wrap(&err, "patrol.Patrols")
	if err := requireReader(actor); err != nil {
		return nil, 0, err
	}
	var conds []string
	var args []any
	add := func(cond string, v ...any) { conds = append(conds, cond); args = append(args, v...) }
	if cond, v := scopeWhere(actor, "p.jurisdiction_id"); cond != "" {
		add(cond, v...)
	}
	for _, x := range []struct {
		col string
		v   int64
	}{{"t.point_id", f.PointID}, {"t.inspector_id", f.InspectorID}, {"t.round_id", f.RoundID}, {"p.unit_id", f.UnitID}} {
		if x.v != 0 {
			add(x.col+` = ?`, x.v)
		}
	}
	if f.Far {
		add(`t.far`)
	}
	from, to, err := domain.DayRange(f.From, f.To)
	if err != nil {
		return nil, 0, err
	}
	if !from.IsZero() {
		add(`t.submitted_at >= ?`, from.UTC())
	}
	if !to.IsZero() {
		add(`t.submitted_at < ?`, to.UTC())
	}
	where := ""
	if len(conds) > 0 {
		where = " WHERE " + strings.Join(conds, " AND ")
	}
	return s.patrolSummaries(ctx, s.db.Read(), where, args, max(f.Page, 1), min(max(f.PageSize, 1), 200))
}

// Patrol returns one patrol with its observations and photos.
func (s *Service) Patrol(ctx context.Context, actor *domain.Actor, id int64) (_ Patrol, err error) {
	defer domain.Wrap(&err, "patrol.Patrol %d", id)
	if err := requireReader(actor); err != nil {
		return Patrol{}, err
	}
	c := s.db.Read()
	list, err := queryPatrols(ctx, c, ` WHERE t.id = ?`, id)
	if err != nil {
		return Patrol{}, err
	}
	if len(list) == 0 {
		return Patrol{}, domain.NotFound("巡查")
	}
	sp := list[0]
	at := &Point{unitPath: sp.unitPath, unitRegion: sp.unitRegion, JurisdictionID: sp.jurisdiction, jurisdictionCode: sp.jurisdictionCode}
	if !sees(actor, at) && (sp.InspectorID == nil || *sp.InspectorID != actor.UserID) {
		return Patrol{}, domain.Forbidden("该巡查不在您的数据范围内")
	}
	p := Patrol{PatrolSummary: sp.PatrolSummary}
	p.Observations, err = loadObservations(ctx, c, id)
	return p, err
}

func loadObservations(ctx context.Context, c *store.Conn, patrolID int64) ([]Observation, error) {
	rows, err := c.Query(ctx, `SELECT o.id, o.check_id, x.text, x.severity, x.standard_codes, o.result, o.note, o.case_id, COALESCE(k.code, '')
		FROM observations o JOIN point_checks x ON x.id = o.check_id LEFT JOIN cases k ON k.id = o.case_id WHERE o.patrol_id = ? ORDER BY x.seq, o.id`, patrolID)
	if err != nil {
		return nil, err
	}
	var list []Observation
	var ids []int64
	for rows.Next() {
		var o Observation
		var codes string
		if err := rows.Scan(&o.ID, &o.CheckID, &o.CheckText, &o.Severity, &codes, &o.Result, &o.Note, &o.CaseID, &o.CaseCode); err != nil {
			rows.Close()
			return nil, err
		}
		o.StandardCodes = splitCodes(codes)
		list = append(list, o)
		ids = append(ids, o.ID)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	photos, err := photosOf(ctx, c, ids)
	if err != nil {
		return nil, err
	}
	for i := range list {
		list[i].Photos = photos[list[i].ID]
		if list[i].Photos == nil {
			list[i].Photos = []cases.Photo{}
		}
	}
	if list == nil {
		list = []Observation{}
	}
	return list, nil
}

// photosOf reads the photos of observations, by observation id.
func photosOf(ctx context.Context, c *store.Conn, observationIDs []int64) (map[int64][]cases.Photo, error) {
	out := map[int64][]cases.Photo{}
	if len(observationIDs) == 0 {
		return out, nil
	}
	args := make([]any, len(observationIDs))
	for i, id := range observationIDs {
		args[i] = id
	}
	rows, err := c.Query(ctx, `SELECT observation_id, file_id FROM observation_photos WHERE observation_id IN (`+store.Placeholders(len(args))+`) ORDER BY file_id`, args...)
	if err != nil {
		return nil, err
	}
	links := map[int64][]int64{}
	var fileIDs []int64
	for rows.Next() {
		var o, f int64
		if err := rows.Scan(&o, &f); err != nil {
			rows.Close()
			return nil, err
		}
		links[o] = append(links[o], f)
		fileIDs = append(fileIDs, f)
	}
	rows.Close()
	byID, err := files.ByID(ctx, c, fileIDs)
	if err != nil {
		return nil, err
	}
	for o, ids := range links {
		for _, id := range ids {
			if f, ok := byID[id]; ok {
				out[o] = append(out[o], cases.FilePhoto(f))
			}
		}
	}
	return out, nil
}

// canReadPhotos guards the photos a patrol keeps (those of passed checks).
func (s *Service) canReadPhotos(ctx context.Context, actor *domain.Actor, patrolID int64) error {
	_, err := s.Patrol(ctx, actor, patrolID)
	return err
}
