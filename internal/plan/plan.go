// Package plan keeps the year's plan (年度实施方案): its tasks with lead and
// responsible units, linked standards, phases and deadlines, the progress
// units report, and each unit's four lists (四单).
package plan

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"wenming/internal/audit"
	"wenming/internal/domain"
	"wenming/internal/files"
	"wenming/internal/framework"
	"wenming/internal/org"
	"wenming/internal/store"
)

// Service is the plan service.
type Service struct {
	db        *store.DB
	org       *org.Service
	framework *framework.Service
}

// NewService returns the plan service.
func NewService(db *store.DB, o *org.Service, f *framework.Service) *Service {
	return &Service{db: db, org: o, framework: f}
}

// Plan is one year's plan of a jurisdiction: each county has its own.
type Plan struct {
	ID               int64  `json:"id"`
	Year             int    `json:"year"`
	Name             string `json:"name"`
	FrameworkID      *int64 `json:"frameworkId"`
	JurisdictionID   int64  `json:"jurisdictionId"`
	JurisdictionName string `json:"jurisdictionName"`
	TaskCount        int    `json:"taskCount"`
	OverdueCount     int    `json:"overdueCount"`
	// Editable tells the reader whether its office runs the plan (may add,
	// edit and assign its tasks); the city reads its counties' plans only.
	Editable         bool `json:"editable"`
	jurisdictionCode string
}

// Task is a plan task with its progress.
type Task struct {
	ID               int64            `json:"id"`
	PlanID           int64            `json:"planId"`
	Seq              int              `json:"seq"`
	Title            string           `json:"title"`
	Content          string           `json:"content"`
	Phase            string           `json:"phase"`
	Deadline         string           `json:"deadline"`
	LeadUnits        []domain.UnitRef `json:"leadUnits"`
	ResponsibleUnits []domain.UnitRef `json:"responsibleUnits"`
	StandardCodes    []string         `json:"standardCodes"`
	Progress         int              `json:"progress"`
	Overdue          bool             `json:"overdue"`
	UnitProgress     *int             `json:"unitProgress"`
	UnitOverdue      *bool            `json:"unitOverdue"`
	percent          map[int64]int    // latest percent per unit
	lastReport       map[int64]time.Time
}

// TaskInput is a task as the office edits it.
type TaskInput struct {
	Seq                int      `json:"seq"`
	Title              string   `json:"title"`
	Content            string   `json:"content"`
	Phase              string   `json:"phase"`
	Deadline           string   `json:"deadline"`
	LeadUnitIDs        []int64  `json:"leadUnitIds"`
	ResponsibleUnitIDs []int64  `json:"responsibleUnitIds"`
	StandardCodes      []string `json:"standardCodes"`
}

// TaskFilter narrows the board.
type TaskFilter struct {
	Phase   string
	UnitID  int64
	Overdue bool
	Q       string
}

// today is the Beijing calendar date, which deadlines are written in.
func (s *Service) today() string { return s.db.Now().In(domain.Beijing).Format("2006-01-02") }

// reportFiles is the owner kind of the files a progress report carries.
const reportFiles = "task_report"

// GuardFiles has the file service ask this service before anyone reads the
// files of a progress report.
func (s *Service) GuardFiles(f *files.Service) { f.GuardOwner(reportFiles, s.canReadReportFiles) }

// seesReportFiles is who may read the evidence a unit reported with its
// progress: plan readers whose scope holds that unit. The plan and every
// unit's percentage are for everyone; another unit's evidence is not.
func seesReportFiles(a *domain.Actor, u domain.Unit) bool {
	return requireReader(a) == nil && a.SeesUnit(u.Path, u.RegionCode)
}

// canReadReportFiles: the plan must be in the reader's reach (another
// county's evidence is never served), and the reporting unit in its scope.
func (s *Service) canReadReportFiles(ctx context.Context, actor *domain.Actor, reportID int64) error {
	var unitID, planID int64
	if err := s.db.Read().Get(ctx, "进展报告", `SELECT r.unit_id, t.plan_id FROM task_reports r JOIN plan_tasks t ON t.id = r.task_id WHERE r.id = ?`,
		[]any{reportID}, &unitID, &planID); err != nil {
		return err
	}
	p, err := s.getPlan(ctx, planID)
	if err != nil {
		return err
	}
	if requirePlanReader(actor, p) != nil {
		return domain.Forbidden("该进展报告的附件不在您的数据范围内")
	}
	dir, err := s.org.Directory(ctx)
	if err != nil {
		return err
	}
	if !seesReportFiles(actor, dir[unitID]) {
		return domain.Forbidden("该进展报告的附件不在您的数据范围内")
	}
	return nil
}

const selectPlans = `SELECT p.id, p.year, p.name, p.framework_id, COALESCE(p.jurisdiction_id, 0), COALESCE(jr.name, ''), COALESCE(jr.code, '')
	FROM plans p LEFT JOIN regions jr ON jr.id = p.jurisdiction_id`

func scanPlan(r interface{ Scan(...any) error }) (Plan, error) {
	var p Plan
	err := r.Scan(&p.ID, &p.Year, &p.Name, &p.FrameworkID, &p.JurisdictionID, &p.JurisdictionName, &p.jurisdictionCode)
	return p, err
}

func (s *Service) getPlan(ctx context.Context, id int64) (Plan, error) {
	p, err := scanPlan(s.db.Read().QueryRow(ctx, selectPlans+" WHERE p.id = ?", id))
	if errors.Is(err, sql.ErrNoRows) {
		return p, domain.NotFound("年度方案")
	}
	return p, err
}

// readablePlan loads a plan the actor reads.
func (s *Service) readablePlan(ctx context.Context, actor *domain.Actor, id int64) (Plan, error) {
	p, err := s.getPlan(ctx, id)
	if err != nil {
		return p, err
	}
	return p, requirePlanReader(actor, p)
}

// Plans lists the plans of the jurisdictions the actor reads (a county's
// own, the city's and its counties' for the city office), newest year
// first.
func (s *Service) Plans(ctx context.Context, actor *domain.Actor) (_ []Plan, err error) {
	defer domain.Wrap(&err, "plan.Plans")
	if err := requireReader(actor); err != nil {
		return nil, err
	}
	reach, args := store.Reach(actor, "p.jurisdiction_id")
	plans, err := s.queryPlans(ctx, " WHERE "+reach+" ORDER BY p.year DESC, p.id DESC", args...)
	if err != nil {
		return nil, err
	}
	for i := range plans {
		plans[i].Editable = requirePlanEditor(actor, plans[i]) == nil
		tasks, err := s.load(ctx, "t.plan_id = ?", plans[i].ID)
		if err != nil {
			return nil, err
		}
		plans[i].TaskCount = len(tasks)
		for _, t := range tasks {
			if t.Overdue {
				plans[i].OverdueCount++
			}
		}
	}
	return plans, nil
}

func (s *Service) queryPlans(ctx context.Context, tail string, args ...any) ([]Plan, error) {
	rows, err := s.db.Read().Query(ctx, selectPlans+tail, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	plans := []Plan{}
	for rows.Next() {
		p, err := scanPlan(rows)
		if err != nil {
			return nil, err
		}
		plans = append(plans, p)
	}
	return plans, rows.Err()
}

// CreatePlan opens a year's plan on a framework version, in the
// jurisdiction of the creating office: two counties each have their own
// plan for the same year.
func (s *Service) CreatePlan(ctx context.Context, actor *domain.Actor, year int, name string, frameworkID *int64) (_ Plan, err error) {
	defer domain.Wrap(&err, "plan.CreatePlan")
	if !actor.Has(editors...) {
		return Plan{}, domain.Forbidden("只有创城办可以制定年度方案")
	}
	if year < 2000 || year > 2100 {
		return Plan{}, domain.Invalid("year", "年度无效")
	}
	if err := domain.RequireText("name", "方案名称", name, 100); err != nil {
		return Plan{}, err
	}
	j, err := s.home(ctx, actor)
	if err != nil {
		return Plan{}, err
	}
	if frameworkID != nil {
		// The framework is the jurisdiction's own or one it inherits.
		if _, err := s.framework.Get(ctx, actor, *frameworkID); err != nil {
			return Plan{}, domain.Invalid("frameworkId", "所选测评体系不存在或不适用于本辖区")
		}
	}
	p := Plan{Year: year, Name: strings.TrimSpace(name), FrameworkID: frameworkID, JurisdictionID: j.ID, JurisdictionName: j.Name, jurisdictionCode: j.Code, Editable: true}
	err = s.db.Write(ctx, func(c *store.Conn) error {
		var err error
		p.ID, err = c.Insert(ctx, `INSERT INTO plans (year, name, framework_id, jurisdiction_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)`, year, p.Name, frameworkID, j.ID, c.Now, c.Now)
		if err != nil {
			return err
		}
		return audit.Record(ctx, c, actor, audit.Change{Action: "create", Entity: "plan", EntityID: p.ID, Summary: "制定年度方案“" + p.Name + "”", After: p})
	})
	return p, err
}

// load reads tasks with their units, standards and latest progress.
func (s *Service) load(ctx context.Context, where string, arg any) ([]Task, error) {
	c := s.db.Read()
	rows, err := c.Query(ctx, `SELECT t.id, t.plan_id, t.seq, t.title, t.content, t.phase, t.deadline FROM plan_tasks t WHERE `+where+` ORDER BY t.seq`, arg)
	if err != nil {
		return nil, err
	}
	tasks := []Task{}
	index := map[int64]int{}
	for rows.Next() {
		t := Task{LeadUnits: []domain.UnitRef{}, ResponsibleUnits: []domain.UnitRef{}, StandardCodes: []string{}, percent: map[int64]int{}, lastReport: map[int64]time.Time{}}
		if err := rows.Scan(&t.ID, &t.PlanID, &t.Seq, &t.Title, &t.Content, &t.Phase, &t.Deadline); err != nil {
			rows.Close()
			return nil, err
		}
		index[t.ID] = len(tasks)
		tasks = append(tasks, t)
	}
	rows.Close()
	if len(tasks) == 0 {
		return tasks, nil
	}
	dir, err := s.org.Directory(ctx)
	if err != nil {
		return nil, err
	}
	sub := `SELECT t.id FROM plan_tasks t WHERE ` + where
	if err := eachRow(ctx, c, `SELECT task_id, unit_id, role FROM task_units WHERE task_id IN (`+sub+`)`, arg, func(scan func(...any) error) error {
		var tid, uid int64
		var role string
		if err := scan(&tid, &uid, &role); err != nil {
			return err
		}
		t := &tasks[index[tid]]
		ref := domain.UnitRef{ID: uid, Name: dir[uid].Name}
		if role == "lead" {
			t.LeadUnits = append(t.LeadUnits, ref)
		} else {
			t.ResponsibleUnits = append(t.ResponsibleUnits, ref)
		}
		return nil
	}); err != nil {
		return nil, err
	}
	if err := eachRow(ctx, c, `SELECT task_id, standard_code FROM task_standards WHERE task_id IN (`+sub+`)`, arg, func(scan func(...any) error) error {
		var tid int64
		var code string
		if err := scan(&tid, &code); err != nil {
			return err
		}
		tasks[index[tid]].StandardCodes = append(tasks[index[tid]].StandardCodes, code)
		return nil
	}); err != nil {
		return nil, err
	}
	if err := eachRow(ctx, c, `SELECT task_id, unit_id, percent, reported_at FROM task_reports WHERE task_id IN (`+sub+`) ORDER BY reported_at, id`, arg, func(scan func(...any) error) error {
		var tid, uid int64
		var pct int
		var at time.Time
		if err := scan(&tid, &uid, &pct, &at); err != nil {
			return err
		}
		tasks[index[tid]].percent[uid] = pct
		tasks[index[tid]].lastReport[uid] = at
		return nil
	}); err != nil {
		return nil, err
	}
	today := s.today()
	for i := range tasks {
		tasks[i].finish(today, dir)
	}
	return tasks, nil
}

// finish computes progress (the mean of its units' latest percentages) and
// whether the deadline has passed with work left.
func (t *Task) finish(today string, dir map[int64]domain.Unit) {
	byKey := func(a, b domain.UnitRef) int { return strings.Compare(dir[a.ID].SortKey, dir[b.ID].SortKey) }
	slices.SortFunc(t.LeadUnits, byKey)
	slices.SortFunc(t.ResponsibleUnits, byKey)
	slices.SortFunc(t.StandardCodes, domain.CompareCodes)
	units := t.units()
	if len(units) > 0 {
		sum := 0
		for _, u := range units {
			sum += t.percent[u.ID]
		}
		t.Progress = sum / len(units)
	}
	t.Overdue = today > t.Deadline && t.Progress < 100
}

func (t *Task) units() []domain.UnitRef {
	return append(slices.Clone(t.LeadUnits), t.ResponsibleUnits...)
}

func (t *Task) assigned(unitID int64) bool {
	return slices.ContainsFunc(t.units(), func(u domain.UnitRef) bool { return u.ID == unitID })
}

// forUnit fills the unit's own progress and overdue state.
func (t *Task) forUnit(unitID int64, today string) {
	pct := t.percent[unitID]
	overdue := today > t.Deadline && pct < 100
	t.UnitProgress, t.UnitOverdue = &pct, &overdue
}

func eachRow(ctx context.Context, c *store.Conn, query string, arg any, fn func(scan func(...any) error) error) error {
	rows, err := c.Query(ctx, query, arg)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := fn(rows.Scan); err != nil {
			return err
		}
	}
	return rows.Err()
}

// Tasks lists a plan's tasks: overdue first, then by deadline and number.
func (s *Service) Tasks(ctx context.Context, actor *domain.Actor, planID int64, f TaskFilter) (_ []Task, err error) {
	defer domain.Wrap(&err, "plan.Tasks %d", planID)
	if err := requireReader(actor); err != nil {
		return nil, err
	}
	if f.Phase != "" {
		if _, ok := domain.PhaseByName(f.Phase); !ok {
			return nil, domain.Invalid("phase", "阶段应为 deploy、advance 或 consolidate")
		}
	}
	if _, err := s.readablePlan(ctx, actor, planID); err != nil {
		return nil, err
	}
	tasks, err := s.load(ctx, "t.plan_id = ?", planID)
	if err != nil {
		return nil, err
	}
	today, q := s.today(), strings.TrimSpace(f.Q)
	out := []Task{}
	for _, t := range tasks {
		if f.Phase != "" && t.Phase != f.Phase {
			continue
		}
		if f.UnitID != 0 {
			if !t.assigned(f.UnitID) {
				continue
			}
			t.forUnit(f.UnitID, today)
		}
		overdue := t.Overdue
		if t.UnitOverdue != nil {
			overdue = *t.UnitOverdue
		}
		if f.Overdue && !overdue {
			continue
		}
		if q != "" && !strings.Contains(t.Title+t.Content, q) {
			continue
		}
		out = append(out, t)
	}
	sortBoard(out)
	return out, nil
}

// sortBoard puts overdue tasks first (the unit's own state when known),
// then the nearest deadline, then the plan's numbering.
func sortBoard(tasks []Task) {
	late := func(t Task) bool {
		if t.UnitOverdue != nil {
			return *t.UnitOverdue
		}
		return t.Overdue
	}
	slices.SortStableFunc(tasks, func(a, b Task) int {
		if late(a) != late(b) {
			if late(a) {
				return -1
			}
			return 1
		}
		if a.Deadline != b.Deadline {
			return strings.Compare(a.Deadline, b.Deadline)
		}
		return a.Seq - b.Seq
	})
}

// TaskDetail is a task with each unit's progress and the reports.
type TaskDetail struct {
	Task
	Units   []UnitProgress `json:"units"`
	Reports []Report       `json:"reports"`
}

// UnitProgress is one assigned unit's state on a task.
type UnitProgress struct {
	UnitID       int64      `json:"unitId"`
	UnitName     string     `json:"unitName"`
	Role         string     `json:"role"`
	Percent      int        `json:"percent"`
	Overdue      bool       `json:"overdue"`
	LastReportAt *time.Time `json:"lastReportAt"`
}

// Report is one progress report.
type Report struct {
	ID         int64        `json:"id"`
	UnitID     int64        `json:"unitId"`
	UnitName   string       `json:"unitName"`
	Percent    int          `json:"percent"`
	Text       string       `json:"text"`
	ReportedBy string       `json:"reportedBy"`
	ReportedAt time.Time    `json:"reportedAt"`
	Files      []files.File `json:"files"`
}

func (s *Service) getTask(ctx context.Context, id int64) (Task, error) {
	tasks, err := s.load(ctx, "t.id = ?", id)
	if err != nil {
		return Task{}, err
	}
	if len(tasks) == 0 {
		return Task{}, domain.NotFound("任务")
	}
	return tasks[0], nil
}

// readableTask loads a task of a plan the actor reads; another county's
// task is not found.
func (s *Service) readableTask(ctx context.Context, actor *domain.Actor, id int64) (Task, error) {
	t, p, err := s.taskAndPlan(ctx, id)
	if err != nil {
		return t, err
	}
	if requirePlanReader(actor, p) != nil {
		return Task{}, domain.NotFound("任务")
	}
	return t, nil
}

// taskAndPlan loads a task and its plan.
func (s *Service) taskAndPlan(ctx context.Context, id int64) (Task, Plan, error) {
	t, err := s.getTask(ctx, id)
	if err != nil {
		return t, Plan{}, err
	}
	p, err := s.getPlan(ctx, t.PlanID)
	return t, p, err
}

// Task returns one task with every unit's progress and its reports.
func (s *Service) Task(ctx context.Context, actor *domain.Actor, id int64) (_ TaskDetail, err error) {
	defer domain.Wrap(&err, "plan.Task %d", id)
	if err := requireReader(actor); err != nil {
		return TaskDetail{}, err
	}
	t, err := s.readableTask(ctx, actor, id)
	if err != nil {
		return TaskDetail{}, err
	}
	d := TaskDetail{Task: t, Units: []UnitProgress{}, Reports: []Report{}}
	today := s.today()
	for role, units := range map[string][]domain.UnitRef{"lead": t.LeadUnits, "responsible": t.ResponsibleUnits} {
		for _, u := range units {
			up := UnitProgress{UnitID: u.ID, UnitName: u.Name, Role: role, Percent: t.percent[u.ID]}
			up.Overdue = today > t.Deadline && up.Percent < 100
			if at, ok := t.lastReport[u.ID]; ok {
				up.LastReportAt = &at
			}
			d.Units = append(d.Units, up)
		}
	}
	slices.SortStableFunc(d.Units, func(a, b UnitProgress) int {
		if a.Role != b.Role {
			return strings.Compare(a.Role, b.Role)
		}
		return a.Percent - b.Percent
	})
	dir, err := s.org.Directory(ctx)
	if err != nil {
		return d, err
	}
	err = eachRow(ctx, s.db.Read(), `SELECT r.id, r.unit_id, r.percent, r.text, COALESCE(u.real_name, '系统'), r.reported_at FROM task_reports r LEFT JOIN users u ON u.id = r.reported_by
		WHERE r.task_id = ? ORDER BY r.reported_at DESC, r.id DESC`, id, func(scan func(...any) error) error {
		var r Report
		if err := scan(&r.ID, &r.UnitID, &r.Percent, &r.Text, &r.ReportedBy, &r.ReportedAt); err != nil {
			return err
		}
		r.UnitName = dir[r.UnitID].Name
		d.Reports = append(d.Reports, r)
		return nil
	})
	if err != nil {
		return d, err
	}
	ids := make([]int64, len(d.Reports))
	for i, r := range d.Reports {
		ids[i] = r.ID
	}
	attached, err := files.Of(ctx, s.db.Read(), reportFiles, ids)
	for i := range d.Reports {
		r := &d.Reports[i]
		r.Files = []files.File{}
		if seesReportFiles(actor, dir[r.UnitID]) {
			r.Files = append(r.Files, attached[r.ID]...)
		}
	}
	return d, err
}

// ReportInput is progress a unit reports.
type ReportInput struct {
	Percent int     `json:"percent"`
	Text    string  `json:"text"`
	UnitID  int64   `json:"unitId"`
	FileIDs []int64 `json:"fileIds"`
}

// ReportProgress records a unit's progress on a task.
func (s *Service) ReportProgress(ctx context.Context, actor *domain.Actor, taskID int64, in ReportInput) (_ Report, err error) {
	defer domain.Wrap(&err, "plan.ReportProgress %d", taskID)
	in.Text = strings.TrimSpace(in.Text)
	if in.Percent < 0 || in.Percent > 100 {
		return Report{}, domain.Invalid("percent", "完成百分比应在 0–100 之间")
	}
	if err := domain.RequireText("text", "进展说明", in.Text, 2000); err != nil {
		return Report{}, err
	}
	t, p, err := s.taskAndPlan(ctx, taskID)
	if err != nil {
		return Report{}, err
	}
	if err := requirePlanReader(actor, p); err != nil {
		return Report{}, domain.NotFound("任务")
	}
	unitID, err := s.reportingUnit(ctx, actor, t, p, in.UnitID)
	if err != nil {
		return Report{}, err
	}
	dir, err := s.org.Directory(ctx)
	if err != nil {
		return Report{}, err
	}
	r := Report{UnitID: unitID, UnitName: dir[unitID].Name, Percent: in.Percent, Text: in.Text, ReportedBy: actor.RealName, Files: []files.File{}}
	err = s.db.Write(ctx, func(c *store.Conn) error {
		r.ReportedAt = c.Now
		var err error
		r.ID, err = c.Insert(ctx, `INSERT INTO task_reports (task_id, unit_id, percent, text, reported_by, reported_at) VALUES (?, ?, ?, ?, ?, ?)`,
			taskID, unitID, in.Percent, in.Text, actor.Ref(), c.Now)
		if err != nil {
			return err
		}
		if err := files.Attach(ctx, c, actor, in.FileIDs, reportFiles, r.ID); err != nil {
			return err
		}
		attached, err := files.Of(ctx, c, reportFiles, []int64{r.ID})
		if err != nil {
			return err
		}
		r.Files = append(r.Files, attached[r.ID]...)
		return audit.Record(ctx, c, actor, audit.Change{Action: "report", Entity: "task", EntityID: taskID,
			Summary: fmt.Sprintf("%s 报告任务 %d“%s”进展 %d%%", r.UnitName, t.Seq, t.Title, in.Percent), After: r})
	})
	return r, err
}

func (s *Service) reportingUnit(ctx context.Context, actor *domain.Actor, t Task, p Plan, unitID int64) (int64, error) {
	switch {
	case actor.Has(editors...):
		// The office above reads a county's progress but does not file it.
		if err := requirePlanEditor(actor, p); err != nil {
			return 0, err
		}
		if unitID == 0 {
			return 0, domain.Invalid("unitId", "请选择报告进展的单位")
		}
		if !t.assigned(unitID) {
			return 0, domain.Invalid("unitId", "该单位不是此任务的牵头或责任单位")
		}
		if _, err := s.org.Unit(ctx, actor, unitID); err != nil {
			return 0, err
		}
		return unitID, nil
	case actor.Has(domain.RoleUnitLiaison, domain.RoleUnitHead):
		if unitID != 0 && unitID != actor.UnitID {
			return 0, domain.Forbidden("只能报告本单位的进展")
		}
		if !t.assigned(actor.UnitID) {
			return 0, domain.Forbidden("本单位不是此任务的牵头或责任单位")
		}
		return actor.UnitID, nil
	}
	return 0, domain.Forbidden("只有任务单位的联络员、负责人或创城办可以报告进展")
}

// newestPlans is the newest plan of every jurisdiction: each unit works
// to its own jurisdiction's.
const newestPlans = `SELECT p.id FROM plans p WHERE NOT EXISTS (SELECT 1 FROM plans q
	WHERE COALESCE(q.jurisdiction_id, 0) = COALESCE(p.jurisdiction_id, 0) AND (q.year > p.year OR (q.year = p.year AND q.id > p.id)))`

// UnitProgress is each unit's mean progress over the tasks it leads or
// shares in its jurisdiction's newest plan, for the rankings. Tasks are
// assigned only within their plan's jurisdiction, so one county's plan
// never counts for another's units.
func (s *Service) UnitProgress(ctx context.Context) (_ map[int64]float64, err error) {
	defer domain.Wrap(&err, "plan.UnitProgress")
	out := map[int64]float64{}
	tasks, err := s.load(ctx, "t.plan_id IN ("+newestPlans+") AND 1 = ?", 1)
	if err != nil {
		return nil, err
	}
	count := map[int64]int{}
	for _, t := range tasks {
		for _, u := range append(slices.Clone(t.LeadUnits), t.ResponsibleUnits...) {
			out[u.ID] += float64(t.percent[u.ID])
			count[u.ID]++
		}
	}
	for u, n := range count {
		out[u] /= float64(n)
	}
	return out, nil
}
