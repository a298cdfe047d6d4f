// Package audit keeps the append-only log of every change: who, when, what,
// the record before and after, from which address and request.
package audit

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"strings"
	"time"

	"wenming/internal/domain"
	"wenming/internal/store"
	"wenming/internal/xlsx"
)

// Entry is one line of the log.
type Entry struct {
	ID        int64           `json:"id"`
	At        time.Time       `json:"at"`
	ActorID   *int64          `json:"actorId"`
	ActorName string          `json:"actorName"`
	Action    string          `json:"action"`
	Entity    string          `json:"entity"`
	EntityID  string          `json:"entityId"`
	Summary   string          `json:"summary"`
	Before    json.RawMessage `json:"before"`
	After     json.RawMessage `json:"after"`
	IP        string          `json:"ip"`
	RequestID string          `json:"requestId"`
}

// Change describes what a service did, for Record.
type Change struct {
	Action   string // create, update, delete, import, login, ...
	Entity   string // region, unit, person, session, token, ...
	EntityID any
	Summary  string
	Before   any
	After    any
}

// Record appends an entry inside the caller's transaction, so the change and
// its trace commit or vanish together. actor may be nil for anonymous events
// (a failed login names the attempted user in the summary).
func Record(ctx context.Context, c *store.Conn, actor *domain.Actor, ch Change) error {
	before, err := toJSON(ch.Before)
	if err != nil {
		return err
	}
	after, err := toJSON(ch.After)
	if err != nil {
		return err
	}
	var actorID *int64
	var name, ip, reqID string
	if actor != nil {
		if actor.UserID != 0 {
			actorID = &actor.UserID
		}
		name = actor.RealName
		if actor.Username != "" {
			name = fmt.Sprintf("%s（%s）", actor.RealName, actor.Username)
		}
		ip, reqID = actor.IP, actor.RequestID
	}
	entityID := ""
	if ch.EntityID != nil {
		entityID = fmt.Sprint(ch.EntityID)
	}
	_, err = c.Exec(ctx, `INSERT INTO audit_log (at, actor_id, actor_name, action, entity, entity_id, summary, before_json, after_json, ip, request_id)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		c.Now, actorID, name, ch.Action, ch.Entity, entityID, ch.Summary, before, after, ip, reqID)
	return err
}

func toJSON(v any) (*string, error) {
	if v == nil {
		return nil, nil
	}
	b, err := json.Marshal(v)
	if err != nil {
		return nil, fmt.Errorf("audit: %w", err)
	}
	s := string(b)
	return &s, nil
}

// Filter narrows a listing of the log.
type Filter struct {
	Actor  string // part of the actor's name or username
	Action string
	Entity string
	Q      string // part of the summary or entity id
	From   time.Time
	To     time.Time // exclusive
	Page   int
	Size   int
}

// Service reads the log; only the audit admin may.
type Service struct {
	db      *store.DB
	actions map[string]string
}

// NewService returns the audit reader. steps names the actions other areas
// record in their own words (a case's timeline steps), so the log shows
// them as those areas name them.
func NewService(db *store.DB, steps map[string]string) *Service {
	actions := maps.Clone(ActionNames)
	for code, name := range steps {
		if _, ok := actions[code]; !ok {
			actions[code] = name
		}
	}
	return &Service{db: db, actions: actions}
}

// ActionNames gives the Chinese name of every action the log records.
func (s *Service) ActionNames() map[string]string { return maps.Clone(s.actions) }

func canRead(a *domain.Actor) error {
	if !a.Has(domain.RoleAuditAdmin) {
		return domain.Forbidden("只有安全审计员可以查看审计日志")
	}
	return nil
}

func (f Filter) where() (string, []any) {
	var conds []string
	var args []any
	if f.Actor != "" {
		conds = append(conds, `actor_name LIKE ? ESCAPE '\'`)
		args = append(args, store.Like(f.Actor))
	}
	if f.Action != "" {
		conds = append(conds, "action = ?")
		args = append(args, f.Action)
	}
	if f.Entity != "" {
		conds = append(conds, "entity = ?")
		args = append(args, f.Entity)
	}
	if f.Q != "" {
		conds = append(conds, `(summary LIKE ? ESCAPE '\' OR entity_id = ?)`)
		args = append(args, store.Like(f.Q), f.Q)
	}
	if !f.From.IsZero() {
		conds = append(conds, "at >= ?")
		args = append(args, f.From.UTC())
	}
	if !f.To.IsZero() {
		conds = append(conds, "at < ?")
		args = append(args, f.To.UTC())
	}
	if len(conds) == 0 {
		return "", nil
	}
	return " WHERE " + strings.Join(conds, " AND "), args
}

// List returns one page of entries, newest first, and the total.
func (s *Service) List(ctx context.Context, actor *domain.Actor, f Filter) (_ []Entry, _ int, err error) {
	defer domain.Wrap(&err, "audit.List")
	if err := canRead(actor); err != nil {
		return nil, 0, err
	}
	where, args := f.where()
	c := s.db.Read()
	total, err := c.Count(ctx, "SELECT COUNT(*) FROM audit_log"+where, args...)
	if err != nil {
		return nil, 0, err
	}
	entries, err := s.query(ctx, c, where+" ORDER BY id DESC LIMIT ? OFFSET ?", append(args, f.Size, (f.Page-1)*f.Size)...)
	return entries, total, err
}

// Each streams every entry matching the filter, newest first, for export.
func (s *Service) Each(ctx context.Context, actor *domain.Actor, f Filter, fn func(Entry) error) (err error) {
	defer domain.Wrap(&err, "audit.Each")
	if err := canRead(actor); err != nil {
		return err
	}
	where, args := f.where()
	rows, err := s.db.Read().Query(ctx, selectEntries+where+" ORDER BY id DESC", args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		e, err := scanEntry(rows)
		if err != nil {
			return err
		}
		if err := fn(e); err != nil {
			return err
		}
	}
	return rows.Err()
}

const selectEntries = `SELECT id, at, actor_id, actor_name, action, entity, entity_id, summary, before_json, after_json, ip, request_id FROM audit_log`

func (s *Service) query(ctx context.Context, c *store.Conn, tail string, args ...any) ([]Entry, error) {
	rows, err := c.Query(ctx, selectEntries+tail, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	entries := []Entry{}
	for rows.Next() {
		e, err := scanEntry(rows)
		if err != nil {
			return nil, err
		}
		entries = append(entries, e)
	}
	return entries, rows.Err()
}

type scanner interface{ Scan(dest ...any) error }

func scanEntry(r scanner) (Entry, error) {
	var e Entry
	var before, after *string
	err := r.Scan(&e.ID, &e.At, &e.ActorID, &e.ActorName, &e.Action, &e.Entity, &e.EntityID, &e.Summary, &before, &after, &e.IP, &e.RequestID)
	if before != nil {
		e.Before = json.RawMessage(*before)
	}
	if after != nil {
		e.After = json.RawMessage(*after)
	}
	return e, err
}

// ActionNames gives the Chinese name of each action the areas share; a
// case's steps are named by the case lifecycle (see NewService).
var ActionNames = map[string]string{
	"create": "新增", "update": "修改", "delete": "删除", "import": "导入",
	"login": "登录", "login_failed": "登录失败", "logout": "退出", "lock": "锁定",
	"unlock": "解锁", "password_change": "修改密码", "password_reset": "重置密码",
	"token_create": "创建令牌", "token_revoke": "吊销令牌", "disable": "停用",
	"freeze": "冻结", "report": "报送", "upload": "上传", "submit": "提交", "review": "审核",
	// Mock assessments.
	"draw": "抽取点位", "close": "结束",
}

// EntityNames gives the Chinese name of each entity.
var EntityNames = map[string]string{
	"region": "区划", "jurisdiction": "辖区", "unit": "单位", "person": "人员", "session": "会话", "token": "API 令牌",
	"framework": "测评体系", "framework_node": "测评指标", "standard": "测评标准", "negative": "负面清单",
	"target": "数据指标", "plan": "年度方案", "task": "方案任务", "file": "文件",
	"requirement": "报送要求", "submission": "报送材料", "message": "消息",
	"case": "案件", "case_category": "案件类别", "dispatch_rule": "派遣规则", "calendar": "工作日历", "case_settings": "案件参数",
	"case_view": "案件视图", "webhook": "消息推送", "ranking_settings": "排名设置", "bulletin": "通报", "sanction": "督办问责",
	"point_category": "点位类别", "point_checklist": "检查项", "point": "点位", "patrol": "巡查", "round": "模拟测评",
	"round_rates": "手工得分率", "negative_event": "负面清单事件",
}

// Export writes the entries matching the filter as a workbook, newest first.
func (s *Service) Export(ctx context.Context, actor *domain.Actor, f Filter, w io.Writer) (err error) {
	defer domain.Wrap(&err, "audit.Export")
	if err := canRead(actor); err != nil {
		return err
	}
	book := xlsx.New(w)
	defer book.Abandon()
	err = book.Sheet("审计日志", xlsx.Col("编号", 10), xlsx.Col("时间（北京时间）", 20), xlsx.Col("操作人", 12), xlsx.Col("操作", 14),
		xlsx.Col("对象", 12), xlsx.Col("对象编号", 12), xlsx.Col("摘要", 40), xlsx.Col("修改前", 40), xlsx.Col("修改后", 40), xlsx.Col("IP", 16), xlsx.Col("请求编号", 20))
	if err != nil {
		return err
	}
	err = s.Each(ctx, actor, f, func(e Entry) error {
		return book.Row(e.ID, xlsx.Seconds(e.At), e.ActorName, nameOr(s.actions, e.Action), nameOr(EntityNames, e.Entity),
			e.EntityID, e.Summary, string(e.Before), string(e.After), e.IP, e.RequestID)
	})
	if err != nil {
		return err
	}
	return book.Close()
}

func nameOr(names map[string]string, code string) string {
	if n, ok := names[code]; ok {
		return n
	}
	return code
}
