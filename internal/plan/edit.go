package plan

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"wenming/internal/audit"
	"wenming/internal/domain"
	"wenming/internal/store"
)

// editableTask loads a task its plan's own office may change.
func (s *Service) editableTask(ctx context.Context, actor *domain.Actor, id int64) (Task, error) {
	t, p, err := s.taskAndPlan(ctx, id)
	if err != nil {
		return t, err
	}
	if err := requirePlanEditor(actor, p); err != nil {
		if errors.Is(err, domain.ErrNotFound) {
			return t, domain.NotFound("任务")
		}
		return t, err
	}
	return t, nil
}

// check validates a task input against the rules and the unit directory:
// its units are those of the plan's jurisdiction.
func (s *Service) check(ctx context.Context, p Plan, in *TaskInput) error {
	in.Title, in.Content = strings.TrimSpace(in.Title), strings.TrimSpace(in.Content)
	if in.Seq < 1 || in.Seq > 999 {
		return domain.Invalid("seq", "序号应为 1–999 的整数")
	}
	if err := domain.RequireText("title", "任务名称", in.Title, 100); err != nil {
		return err
	}
	if err := domain.TextLimit("content", "任务内容", in.Content, 5000); err != nil {
		return err
	}
	if _, ok := domain.PhaseByName(in.Phase); !ok {
		return domain.Invalid("phase", "阶段应为 安排部署、工作推进 或 巩固提升")
	}
	in.Phase, _ = domain.PhaseByName(in.Phase)
	if _, err := time.Parse("2006-01-02", in.Deadline); err != nil {
		return domain.Invalid("deadline", "截止日期格式应为 YYYY-MM-DD")
	}
	if len(in.LeadUnitIDs) == 0 {
		return domain.Invalid("leadUnitIds", "请选择至少一个牵头单位")
	}
	dir, err := s.org.Directory(ctx)
	if err != nil {
		return err
	}
	for field, ids := range map[string][]int64{"leadUnitIds": in.LeadUnitIDs, "responsibleUnitIds": in.ResponsibleUnitIDs} {
		for _, id := range ids {
			if _, ok := dir[id]; !ok {
				return domain.Invalid(field, fmt.Sprintf("单位 %d 不存在", id))
			}
		}
	}
	if err := requirePlanUnits(p, dir, *in); err != nil {
		return err
	}
	for _, code := range in.StandardCodes {
		if err := domain.ValidateCode("standardCodes", code); err != nil {
			return err
		}
	}
	return nil
}

func writeLinks(ctx context.Context, c *store.Conn, taskID int64, in TaskInput) error {
	for _, q := range []string{`DELETE FROM task_units WHERE task_id = ?`, `DELETE FROM task_standards WHERE task_id = ?`} {
		if _, err := c.Exec(ctx, q, taskID); err != nil {
			return err
		}
	}
	// Lead units first, so a unit named in both lists stays a lead unit.
	seen := map[int64]bool{}
	for _, group := range []struct {
		role string
		ids  []int64
	}{{"lead", in.LeadUnitIDs}, {"responsible", in.ResponsibleUnitIDs}} {
		role := group.role
		for _, id := range group.ids {
			if seen[id] {
				continue
			}
			seen[id] = true
			if _, err := c.Exec(ctx, `INSERT INTO task_units (task_id, unit_id, role) VALUES (?, ?, ?)`, taskID, id, role); err != nil {
				return err
			}
		}
	}
	codes := map[string]bool{}
	for _, code := range in.StandardCodes {
		if !codes[code] {
			codes[code] = true
			if _, err := c.Exec(ctx, `INSERT INTO task_standards (task_id, standard_code) VALUES (?, ?)`, taskID, code); err != nil {
				return err
			}
		}
	}
	return nil
}

// CreateTask adds a task to a plan.
func (s *Service) CreateTask(ctx context.Context, actor *domain.Actor, planID int64, in TaskInput) (_ Task, err error) {
	defer domain.Wrap(&err, "plan.CreateTask %d", planID)
	if !actor.Has(editors...) {
		return Task{}, domain.Forbidden("只有创城办可以维护年度方案")
	}
	p, err := s.getPlan(ctx, planID)
	if err != nil {
		return Task{}, err
	}
	if err := requirePlanEditor(actor, p); err != nil {
		return Task{}, err
	}
	if err := s.check(ctx, p, &in); err != nil {
		return Task{}, err
	}
	var id int64
	err = s.db.Write(ctx, func(c *store.Conn) error {
		var err error
		id, err = c.Insert(ctx, `INSERT INTO plan_tasks (plan_id, seq, title, content, phase, deadline, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
			planID, in.Seq, in.Title, in.Content, in.Phase, in.Deadline, c.Now, c.Now)
		if errors.Is(err, domain.ErrConflict) {
			return domain.Conflict("seq", fmt.Sprintf("序号 %d 已被其他任务使用", in.Seq))
		}
		if err != nil {
			return err
		}
		if err := writeLinks(ctx, c, id, in); err != nil {
			return err
		}
		return audit.Record(ctx, c, actor, audit.Change{Action: "create", Entity: "task", EntityID: id,
			Summary: fmt.Sprintf("新增任务 %d“%s”", in.Seq, in.Title), After: in})
	})
	if err != nil {
		return Task{}, err
	}
	return s.getTask(ctx, id)
}

// UpdateTask changes a task.
func (s *Service) UpdateTask(ctx context.Context, actor *domain.Actor, id int64, in TaskInput) (_ Task, err error) {
	defer domain.Wrap(&err, "plan.UpdateTask %d", id)
	if !actor.Has(editors...) {
		return Task{}, domain.Forbidden("只有创城办可以维护年度方案")
	}
	before, err := s.editableTask(ctx, actor, id)
	if err != nil {
		return Task{}, err
	}
	p, err := s.getPlan(ctx, before.PlanID)
	if err != nil {
		return Task{}, err
	}
	if err := s.check(ctx, p, &in); err != nil {
		return Task{}, err
	}
	err = s.db.Write(ctx, func(c *store.Conn) error {
		_, err := c.Exec(ctx, `UPDATE plan_tasks SET seq = ?, title = ?, content = ?, phase = ?, deadline = ?, updated_at = ? WHERE id = ?`,
			in.Seq, in.Title, in.Content, in.Phase, in.Deadline, c.Now, id)
		if errors.Is(err, domain.ErrConflict) {
			return domain.Conflict("seq", fmt.Sprintf("序号 %d 已被其他任务使用", in.Seq))
		}
		if err != nil {
			return err
		}
		if err := writeLinks(ctx, c, id, in); err != nil {
			return err
		}
		return audit.Record(ctx, c, actor, audit.Change{Action: "update", Entity: "task", EntityID: id,
			Summary: fmt.Sprintf("修改任务 %d“%s”", in.Seq, in.Title), Before: before, After: in})
	})
	if err != nil {
		return Task{}, err
	}
	return s.getTask(ctx, id)
}

// DeleteTask removes a task and its reports.
func (s *Service) DeleteTask(ctx context.Context, actor *domain.Actor, id int64) (err error) {
	defer domain.Wrap(&err, "plan.DeleteTask %d", id)
	if !actor.Has(editors...) {
		return domain.Forbidden("只有创城办可以维护年度方案")
	}
	t, err := s.editableTask(ctx, actor, id)
	if err != nil {
		return err
	}
	return s.db.Write(ctx, func(c *store.Conn) error {
		if _, err := c.Exec(ctx, `DELETE FROM plan_tasks WHERE id = ?`, id); err != nil {
			return err
		}
		return audit.Record(ctx, c, actor, audit.Change{Action: "delete", Entity: "task", EntityID: id,
			Summary: fmt.Sprintf("删除任务 %d“%s”", t.Seq, t.Title), Before: t})
	})
}

// Lists are a unit's four lists (四单).
type Lists struct {
	Unit             domain.UnitRef   `json:"unit"`
	Tasks            []Task           `json:"tasks"`
	Responsibilities []Responsibility `json:"responsibilities"`
	Problems         []any            `json:"problems"`
	Supervision      []Supervision    `json:"supervision"`
}

// Responsibility is a standard the unit leads or shares.
type Responsibility struct {
	StandardID  int64    `json:"standardId"`
	FrameworkID int64    `json:"frameworkId"`
	Code        string   `json:"code"`
	Text        string   `json:"text"`
	Role        string   `json:"role"`
	Methods     []string `json:"methods"`
	Metric      string   `json:"metric"`
}

// Supervision is an item the office presses the unit on.
type Supervision struct {
	Kind         string `json:"kind"` // task (cases later)
	ID           int64  `json:"id"`
	Title        string `json:"title"`
	Deadline     string `json:"deadline"`
	DaysOverdue  int    `json:"daysOverdue"`
	UnitProgress int    `json:"unitProgress"`
}

// UnitLists gathers a unit's four lists from the newest plan. A unit role
// sees only its own unit; the office any unit in its scope.
func (s *Service) UnitLists(ctx context.Context, actor *domain.Actor, unitID int64) (_ Lists, err error) {
	defer domain.Wrap(&err, "plan.UnitLists %d", unitID)
	if err := requireReader(actor); err != nil {
		return Lists{}, err
	}
	u, err := s.org.Unit(ctx, actor, unitID)
	if err != nil {
		return Lists{}, err
	}
	l := Lists{Unit: domain.UnitRef{ID: u.ID, Name: u.Name}, Tasks: []Task{}, Responsibilities: []Responsibility{}, Problems: []any{}, Supervision: []Supervision{}}
	if u.JurisdictionID == nil {
		return l, nil
	}
	// The unit's lists come from its own jurisdiction's newest plan, not
	// from whichever plan the reader saw last (the city reads several).
	plans, err := s.queryPlans(ctx, " WHERE p.jurisdiction_id = ? ORDER BY p.year DESC, p.id DESC LIMIT 1", *u.JurisdictionID)
	if err != nil || len(plans) == 0 {
		return l, err
	}
	p := plans[0]
	if l.Tasks, err = s.Tasks(ctx, actor, p.ID, TaskFilter{UnitID: unitID}); err != nil {
		return l, err
	}
	today, _ := time.ParseInLocation("2006-01-02", s.today(), domain.Beijing)
	for _, t := range l.Tasks {
		if t.UnitOverdue != nil && *t.UnitOverdue {
			deadline, _ := time.ParseInLocation("2006-01-02", t.Deadline, domain.Beijing)
			l.Supervision = append(l.Supervision, Supervision{Kind: "task", ID: t.ID, Title: t.Title, Deadline: t.Deadline,
				DaysOverdue: int(today.Sub(deadline).Hours() / 24), UnitProgress: *t.UnitProgress})
		}
	}
	if p.FrameworkID != nil {
		standards, roles, err := s.framework.StandardsOfUnit(ctx, *p.FrameworkID, unitID)
		if err != nil {
			return l, err
		}
		for i, st := range standards {
			l.Responsibilities = append(l.Responsibilities, Responsibility{StandardID: st.ID, FrameworkID: *p.FrameworkID, Code: st.Code, Text: st.Text,
				Role: roles[i], Methods: st.Methods, Metric: st.Metric})
		}
	}
	return l, nil
}
