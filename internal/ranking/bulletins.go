package ranking

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"wenming/internal/audit"
	"wenming/internal/cases"
	"wenming/internal/domain"
	"wenming/internal/message"
	"wenming/internal/store"
)

// BulletinKinds are the cadences of bulletins.
var BulletinKinds = []domain.Named{{Code: "week", Name: "周通报"}, {Code: "month", Name: "月通报"}, {Code: "quarter", Name: "季度通报"}}

// Bulletin is a ranking made public: drafted from the figures, approved by
// the office leader, then published to every unit and frozen.
type Bulletin struct {
	ID int64 `json:"id"`
	// JurisdictionID is the jurisdiction whose office drafted it and whose
	// units it ranks and names.
	JurisdictionID   int64      `json:"jurisdictionId"`
	JurisdictionName string     `json:"jurisdictionName"`
	Kind             string     `json:"kind"`
	Period           string     `json:"period"`
	Title            string     `json:"title"`
	Summary          string     `json:"summary"`
	Status           string     `json:"status"`
	CreatedAt        time.Time  `json:"createdAt"`
	CreatedBy        string     `json:"createdBy"`
	ApprovedAt       *time.Time `json:"approvedAt"`
	ApprovedBy       string     `json:"approvedBy"`
	PublishedAt      *time.Time `json:"publishedAt"`
	PublishedBy      string     `json:"publishedBy"`
	Ranking          Ranking    `json:"ranking"`
	RedUnits         []RedUnit  `json:"redUnits"`
	// Jurisdictions ranks the jurisdictions below the drafting one as
	// wholes (a city's bulletin ranks its counties); empty for a county's.
	Jurisdictions    []RankedJurisdiction `json:"jurisdictions"`
	jurisdictionCode string               // to check the reader reaches it
}

// RedUnit is a unit in red, named with its overdue cases.
type RedUnit struct {
	UnitID       int64               `json:"unitId"`
	UnitName     string              `json:"unitName"`
	UnitClass    string              `json:"unitClass"`
	Score        *float64            `json:"score"`
	OverdueCases []cases.OverdueCase `json:"overdueCases"`
}

// content is what a bulletin freezes.
type content struct {
	Ranking       Ranking              `json:"ranking"`
	RedUnits      []RedUnit            `json:"redUnits"`
	Jurisdictions []RankedJurisdiction `json:"jurisdictions,omitempty"`
}

// BulletinInput asks for a bulletin of a period.
type BulletinInput struct {
	Kind   string `json:"kind"`
	Period string `json:"period"`
}

// BulletinEdit is what the office edits of a draft.
type BulletinEdit struct {
	Title   string `json:"title"`
	Summary string `json:"summary"`
}

// draft builds a bulletin's content from the current figures of the
// jurisdiction's units.
func (s *Service) draft(ctx context.Context, p Period, j domain.Jurisdiction) (content, string, error) {
	r, err := s.compute(ctx, p, j)
	if err != nil {
		return content{}, "", err
	}
	out := content{Ranking: r, RedUnits: []RedUnit{}}
	green, red := 0, 0
	for _, c := range r.Classes {
		for _, u := range c.Units {
			switch u.Color {
			case "green":
				green++
			case "red":
				red++
				overdue, err := s.cases.OverdueOf(ctx, u.UnitID)
				if err != nil {
					return content{}, "", err
				}
				out.RedUnits = append(out.RedUnits, RedUnit{UnitID: u.UnitID, UnitName: u.UnitName, UnitClass: u.UnitClass, Score: u.Score, OverdueCases: overdue})
			}
		}
	}
	counties, err := s.rankJurisdictions(ctx, p, j)
	if err != nil {
		return content{}, "", err
	}
	out.Jurisdictions = counties.Jurisdictions
	summary := fmt.Sprintf("%s，%s责任单位按 A、B 类分别排名：绿色 %d 个，红色 %d 个。", p.Name(), j.Name, green, red)
	if len(counties.Jurisdictions) > 0 {
		summary = fmt.Sprintf("%s，%s下辖县区按本期测评得分排名：%s。", p.Name(), j.Name, countyLine(counties.Jurisdictions)) +
			fmt.Sprintf("市直责任单位按 A、B 类分别排名：绿色 %d 个，红色 %d 个。", green, red)
	}
	if red > 0 {
		var names []string
		for _, u := range out.RedUnits {
			names = append(names, u.UnitName)
		}
		summary += "红色单位：" + strings.Join(names, "、") + "，请对照超期案件立即整改，并于 3 个工作日内向" + officeOf(j) + "书面说明。"
	}
	return out, summary, nil
}

// countyLine names the counties in their order with their places and
// scores: "第1名会宁县（86.5分）、第2名靖远县（暂无得分）".
func countyLine(list []RankedJurisdiction) string {
	var parts []string
	for _, r := range list {
		switch {
		case r.Rank == nil:
			parts = append(parts, r.Name+"（暂无得分）")
		default:
			parts = append(parts, fmt.Sprintf("第%d名%s（%g分）", *r.Rank, r.Name, *r.Score))
		}
	}
	return strings.Join(parts, "、")
}

// officeOf names the office a jurisdiction's units answer to.
func officeOf(j domain.Jurisdiction) string {
	if j.OfficeName != "" {
		return j.OfficeName
	}
	return j.Name + "创城办"
}

// CreateBulletin drafts a bulletin of a period for the office's own
// jurisdiction (office).
func (s *Service) CreateBulletin(ctx context.Context, actor *domain.Actor, in BulletinInput) (_ Bulletin, err error) {
	defer domain.Wrap(&err, "ranking.CreateBulletin")
	if !actor.IsOffice() {
		return Bulletin{}, domain.Forbidden("只有创城办可以起草通报")
	}
	// Always the office's own: the office above supervises a county's
	// bulletins but does not write them.
	j, err := s.governed(ctx, actor, 0, "起草本辖区的通报")
	if err != nil {
		return Bulletin{}, err
	}
	b, err := s.createBulletin(ctx, actor, j, in)
	if err != nil {
		return b, err
	}
	return s.Bulletin(ctx, actor, b.ID)
}

// createBulletin drafts a jurisdiction's bulletin for whoever may: its
// office, or the system on schedule.
func (s *Service) createBulletin(ctx context.Context, actor *domain.Actor, j domain.Jurisdiction, in BulletinInput) (Bulletin, error) {
	if domain.NameOf(BulletinKinds, in.Kind) == "" {
		return Bulletin{}, domain.Invalid("kind", "通报类型只能是周、月或季度")
	}
	p, err := ParsePeriod("period", in.Period)
	if err != nil {
		return Bulletin{}, err
	}
	if p.Kind != in.Kind {
		return Bulletin{}, domain.Invalid("period", "周期“"+in.Period+"”与通报类型不符")
	}
	body, summary, err := s.draft(ctx, p, j)
	if err != nil {
		return Bulletin{}, err
	}
	raw, _ := json.Marshal(body)
	title := fmt.Sprintf("关于%s%s文明城市创建工作情况的通报", j.Name, p.Name())
	var id int64
	err = s.db.Write(ctx, func(c *store.Conn) error {
		var err error
		id, err = c.Insert(ctx, `INSERT INTO bulletins (jurisdiction_id, kind, period, title, summary, status, content, created_at, created_by) VALUES (?, ?, ?, ?, ?, 'draft', ?, ?, ?)`,
			j.ID, in.Kind, p.Code, title, summary, string(raw), c.Now, actor.RealName)
		if de, ok := domain.AsError(err); ok && de.Code == domain.CodeConflict {
			return domain.Conflict("period", j.Name+"该周期的"+domain.NameOf(BulletinKinds, in.Kind)+"已存在")
		}
		if err != nil {
			return err
		}
		return audit.Record(ctx, c, actor, audit.Change{Action: "create", Entity: "bulletin", EntityID: id, Summary: "起草" + title})
	})
	if err != nil {
		return Bulletin{}, err
	}
	return s.bulletin(ctx, id)
}

const selectBulletins = `SELECT b.id, COALESCE(b.jurisdiction_id, 0), COALESCE(jr.code, ''), COALESCE(jr.name, ''), b.kind, b.period, b.title, b.summary, b.status, b.content,
	b.created_at, b.created_by, b.approved_at, b.approved_by, b.published_at, b.published_by
	FROM bulletins b LEFT JOIN regions jr ON jr.id = b.jurisdiction_id`

func scanBulletin(r interface{ Scan(...any) error }) (Bulletin, error) {
	var b Bulletin
	var raw string
	if err := r.Scan(&b.ID, &b.JurisdictionID, &b.jurisdictionCode, &b.JurisdictionName, &b.Kind, &b.Period, &b.Title, &b.Summary, &b.Status, &raw,
		&b.CreatedAt, &b.CreatedBy, &b.ApprovedAt, &b.ApprovedBy, &b.PublishedAt, &b.PublishedBy); err != nil {
		return b, err
	}
	var body content
	if err := json.Unmarshal([]byte(raw), &body); err != nil {
		return b, err
	}
	b.Ranking, b.RedUnits, b.Jurisdictions = body.Ranking, body.RedUnits, body.Jurisdictions
	if b.Jurisdictions == nil {
		b.Jurisdictions = []RankedJurisdiction{}
	}
	return b, nil
}

// Bulletins lists the bulletins the actor may see, newest first.
func (s *Service) Bulletins(ctx context.Context, actor *domain.Actor, kind, status string) ([]Bulletin, error) {
	return s.BulletinsOf(ctx, actor, 0, kind, status)
}

// BulletinsOf lists the bulletins the actor may see of one jurisdiction
// (0: every one it may see), newest first: the city office picks a county.
func (s *Service) BulletinsOf(ctx context.Context, actor *domain.Actor, jurisdictionID int64, kind, status string) (_ []Bulletin, err error) {
	defer domain.Wrap(&err, "ranking.Bulletins %d", jurisdictionID)
	if !actor.Has(readers...) {
		return nil, domain.Forbidden("无权查看通报")
	}
	where, args := bulletinReach(actor)
	if actor.Has(supervisors...) && actor.JurisdictionID != 0 {
		// The published bulletins of the office above may rank the
		// actor's jurisdiction; canSee keeps those that do.
		list, err := s.jurisdictions(ctx)
		if err != nil {
			return nil, err
		}
		if j, ok := list.ByID(actor.JurisdictionID); ok && j.ParentID != nil {
			where = "(" + where + " OR (b.status = 'published' AND b.jurisdiction_id = ?))"
			args = append(args, *j.ParentID)
		}
	}
	rows, err := s.db.Read().Query(ctx, selectBulletins+` WHERE `+where+` ORDER BY b.created_at DESC, b.id DESC LIMIT 500`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []Bulletin{}
	for rows.Next() {
		b, err := scanBulletin(rows)
		if err != nil {
			return nil, err
		}
		if canSee(actor, b) && (kind == "" || b.Kind == kind) && (status == "" || b.Status == status) && (jurisdictionID == 0 || b.JurisdictionID == jurisdictionID) {
			b.Ranking.Classes = nil // lists stay light; the bulletin page reads the whole
			out = append(out, b)
		}
	}
	return out, rows.Err()
}

// bulletinReach limits a list to the jurisdictions the actor reads: the
// office and leaders theirs and those below, everyone else his own.
func bulletinReach(actor *domain.Actor) (string, []any) {
	if actor.Has(supervisors...) {
		return store.Reach(actor, "b.jurisdiction_id")
	}
	return "b.jurisdiction_id = ?", []any{actor.JurisdictionID}
}

// Bulletin returns one bulletin. Another jurisdiction's is answered as
// missing: its existence is not the reader's business.
func (s *Service) Bulletin(ctx context.Context, actor *domain.Actor, id int64) (_ Bulletin, err error) {
	defer domain.Wrap(&err, "ranking.Bulletin %d", id)
	b, err := s.bulletin(ctx, id)
	if err != nil {
		return b, err
	}
	if !canSee(actor, b) {
		if actor.Has(supervisors...) || b.JurisdictionID != actor.JurisdictionID {
			return Bulletin{}, domain.NotFound("通报")
		}
		return Bulletin{}, domain.Forbidden("通报发布后才能查看")
	}
	return b, nil
}

// bulletin reads one bulletin whoever asks.
func (s *Service) bulletin(ctx context.Context, id int64) (Bulletin, error) {
	b, err := scanBulletin(s.db.Read().QueryRow(ctx, selectBulletins+` WHERE b.id = ?`, id))
	if err != nil {
		if err2 := s.db.Read().Get(ctx, "通报", `SELECT id FROM bulletins WHERE id = ?`, []any{id}, new(int64)); err2 != nil {
			return b, err2
		}
		return b, err
	}
	return b, nil
}

// change runs a step on a bulletin in a given status, for its own
// jurisdiction's office only, and reads it back.
func (s *Service) change(ctx context.Context, actor *domain.Actor, id int64, status string, fn func(c *store.Conn, b *Bulletin) (string, error)) (Bulletin, error) {
	if err := s.step(ctx, actor, id, status, fn); err != nil {
		return Bulletin{}, err
	}
	return s.Bulletin(ctx, actor, id)
}

// step runs a step on a bulletin in a given status and records it.
func (s *Service) step(ctx context.Context, actor *domain.Actor, id int64, status string, fn func(c *store.Conn, b *Bulletin) (string, error)) error {
	return s.db.Write(ctx, func(c *store.Conn) error {
		// Locked apart: PostgreSQL locks no row of an outer join's
		// nullable side, and the select joins the jurisdiction's region.
		if err := c.Get(ctx, "通报", `SELECT id FROM bulletins WHERE id = ?`+c.ForUpdate(), []any{id}, new(int64)); err != nil {
			return err
		}
		b, err := scanBulletin(c.QueryRow(ctx, selectBulletins+` WHERE b.id = ?`, id))
		if err != nil {
			return err
		}
		if err := mayChange(actor, b); err != nil {
			return err
		}
		if b.Status != status {
			return domain.Conflict("status", "通报当前为“"+statusName(b.Status)+"”，不能进行此操作")
		}
		summary, err := fn(c, &b)
		if err != nil {
			return err
		}
		return audit.Record(ctx, c, actor, audit.Change{Action: "update", Entity: "bulletin", EntityID: id, Summary: summary + "：" + b.Title})
	})
}

// mayChange: only the bulletin's own office edits, approves, publishes or
// deletes it; an office above that reads it is told why, anyone else
// finds nothing.
func mayChange(actor *domain.Actor, b Bulletin) error {
	switch {
	case governs(actor, b.JurisdictionID):
		return nil
	case canSee(actor, b):
		return domain.Forbidden("该通报属于" + b.JurisdictionName + "，只有" + b.JurisdictionName + "创城办可以修改、审核或发布")
	}
	return domain.NotFound("通报")
}

func statusName(s string) string {
	return map[string]string{"draft": "草稿", "approved": "已审核", "published": "已发布"}[s]
}

// EditBulletin changes a draft's title and summary (office).
func (s *Service) EditBulletin(ctx context.Context, actor *domain.Actor, id int64, in BulletinEdit) (_ Bulletin, err error) {
	defer domain.Wrap(&err, "ranking.EditBulletin %d", id)
	if !actor.IsOffice() {
		return Bulletin{}, domain.Forbidden("只有创城办可以修改通报")
	}
	in.Title, in.Summary = strings.TrimSpace(in.Title), strings.TrimSpace(in.Summary)
	if in.Title == "" {
		return Bulletin{}, domain.Invalid("title", "请填写标题")
	}
	if err := domain.TextLimit("title", "标题", in.Title, 100); err != nil {
		return Bulletin{}, err
	}
	if err := domain.TextLimit("summary", "通报正文", in.Summary, 5000); err != nil {
		return Bulletin{}, err
	}
	return s.change(ctx, actor, id, "draft", func(c *store.Conn, b *Bulletin) (string, error) {
		_, err := c.Exec(ctx, `UPDATE bulletins SET title = ?, summary = ? WHERE id = ?`, in.Title, in.Summary, id)
		b.Title = in.Title
		return "修改通报", err
	})
}

// RegenerateBulletin rebuilds a draft from the current figures (office).
func (s *Service) RegenerateBulletin(ctx context.Context, actor *domain.Actor, id int64) (_ Bulletin, err error) {
	defer domain.Wrap(&err, "ranking.RegenerateBulletin %d", id)
	if !actor.IsOffice() {
		return Bulletin{}, domain.Forbidden("只有创城办可以更新通报")
	}
	return s.change(ctx, actor, id, "draft", func(c *store.Conn, b *Bulletin) (string, error) {
		p, err := ParsePeriod("period", b.Period)
		if err != nil {
			return "", err
		}
		j, err := s.resolve(ctx, actor, b.JurisdictionID)
		if err != nil {
			return "", err
		}
		body, _, err := s.draft(ctx, p, j)
		if err != nil {
			return "", err
		}
		raw, _ := json.Marshal(body)
		_, err = c.Exec(ctx, `UPDATE bulletins SET content = ? WHERE id = ?`, string(raw), id)
		return "按最新数据更新通报", err
	})
}

// ApproveBulletin is the office leader's sign-off.
func (s *Service) ApproveBulletin(ctx context.Context, actor *domain.Actor, id int64) (_ Bulletin, err error) {
	defer domain.Wrap(&err, "ranking.ApproveBulletin %d", id)
	if !actor.Has(domain.RoleOfficeLeader) {
		return Bulletin{}, domain.Forbidden("通报须由创城办领导审核")
	}
	return s.change(ctx, actor, id, "draft", func(c *store.Conn, b *Bulletin) (string, error) {
		_, err := c.Exec(ctx, `UPDATE bulletins SET status = 'approved', approved_at = ?, approved_by = ? WHERE id = ?`, c.Now, actor.RealName, id)
		return "审核通过通报", err
	})
}

// PublishBulletin makes an approved bulletin public and frozen, and tells
// each red unit.
func (s *Service) PublishBulletin(ctx context.Context, actor *domain.Actor, id int64) (_ Bulletin, err error) {
	defer domain.Wrap(&err, "ranking.PublishBulletin %d", id)
	if !actor.IsOffice() {
		return Bulletin{}, domain.Forbidden("只有创城办可以发布通报")
	}
	return s.change(ctx, actor, id, "approved", func(c *store.Conn, b *Bulletin) (string, error) {
		if _, err := c.Exec(ctx, `UPDATE bulletins SET status = 'published', published_at = ?, published_by = ? WHERE id = ?`, c.Now, actor.RealName, id); err != nil {
			return "", err
		}
		reds, err := s.ownUnits(ctx, b)
		if err != nil {
			return "", err
		}
		for _, u := range reds {
			body := fmt.Sprintf("《%s》已发布，本单位为红色。请对照通报所列 %d 件超期案件立即整改。", b.Title, len(u.OverdueCases))
			if _, err := message.Send(ctx, c, u.UnitID, "bulletin_red", "通报：本单位为红色", body, fmt.Sprintf("bulletin-%d-red-%d", id, u.UnitID)); err != nil {
				return "", err
			}
		}
		// A city's bulletin is addressed to the counties it ranks: each
		// county's office hears its place, not the county's departments,
		// which answer to their own county's bulletin.
		for _, r := range b.Jurisdictions {
			if r.OfficeUnitID == nil {
				continue
			}
			if _, err := message.Send(ctx, c, *r.OfficeUnitID, "bulletin_county", "通报："+b.JurisdictionName+"县区排名", countyMessage(*b, r), fmt.Sprintf("bulletin-%d-county-%d", id, r.JurisdictionID)); err != nil {
				return "", err
			}
		}
		return "发布通报", nil
	})
}

// countyMessage tells a county's office its place in the city's bulletin.
func countyMessage(b Bulletin, r RankedJurisdiction) string {
	place := "暂无得分，未排名"
	if r.Rank != nil {
		place = fmt.Sprintf("排名第 %d（%g 分，%s）", *r.Rank, *r.Score, map[string]string{"green": "绿色", "yellow": "黄色", "red": "红色"}[r.Color])
	}
	return fmt.Sprintf("《%s》已发布，%s%s。请组织本县各单位对照通报整改。", b.Title, r.Name, place)
}

// DeleteBulletin removes a draft (office).
func (s *Service) DeleteBulletin(ctx context.Context, actor *domain.Actor, id int64) (err error) {
	defer domain.Wrap(&err, "ranking.DeleteBulletin %d", id)
	if !actor.IsOffice() {
		return domain.Forbidden("只有创城办可以删除通报")
	}
	return s.step(ctx, actor, id, "draft", func(c *store.Conn, b *Bulletin) (string, error) {
		_, err := c.Exec(ctx, `DELETE FROM bulletins WHERE id = ?`, id)
		return "删除通报草稿", err
	})
}

// ownUnits keeps the red units a bulletin may name and message: those of
// its own jurisdiction (a draft made before jurisdictions could name any).
func (s *Service) ownUnits(ctx context.Context, b *Bulletin) ([]RedUnit, error) {
	dir, err := s.org.Directory(ctx)
	if err != nil {
		return nil, err
	}
	var out []RedUnit
	for _, u := range b.RedUnits {
		if j := dir[u.UnitID].JurisdictionID; j != nil && *j == b.JurisdictionID {
			out = append(out, u)
		}
	}
	return out, nil
}

// DraftScheduled drafts, for each jurisdiction with units, the bulletins
// whose period has just ended (last week, last month, last quarter) once
// each, and tells that jurisdiction's office. Run by the job; idempotent
// through the (jurisdiction, kind, period) key.
func (s *Service) DraftScheduled(ctx context.Context) (_ int, err error) {
	defer domain.Wrap(&err, "ranking.DraftScheduled")
	list, err := s.jurisdictions(ctx)
	if err != nil {
		return 0, err
	}
	dir, err := s.org.Directory(ctx)
	if err != nil {
		return 0, err
	}
	n := 0
	for _, j := range list {
		if len(unitsOf(dir, j.ID)) == 0 {
			continue
		}
		k, err := s.draftDue(ctx, j, dir)
		n += k
		if err != nil {
			return n, err
		}
	}
	return n, nil
}

// draftDue drafts one jurisdiction's bulletins of the periods just ended.
func (s *Service) draftDue(ctx context.Context, j domain.Jurisdiction, dir map[int64]domain.Unit) (int, error) {
	now := s.db.Now()
	sys := domain.System("通报定时起草").In(j)
	n := 0
	for _, kind := range []string{"week", "month", "quarter"} {
		p := PeriodOf(kind, now).Previous()
		var exists int
		if err := s.db.Read().QueryRow(ctx, `SELECT COUNT(*) FROM bulletins WHERE jurisdiction_id = ? AND kind = ? AND period = ?`, j.ID, kind, p.Code).Scan(&exists); err != nil {
			return n, err
		}
		if exists > 0 {
			continue
		}
		b, err := s.createBulletin(ctx, sys, j, BulletinInput{Kind: kind, Period: p.Code})
		if de, ok := domain.AsError(err); ok && de.Code == domain.CodeConflict {
			continue // another app server drafted it first
		}
		if err != nil {
			return n, err
		}
		n++
		if err := s.tellOffice(ctx, b, dir); err != nil {
			return n, err
		}
	}
	return n, nil
}

// tellOffice messages the office units of the bulletin's jurisdiction that
// a draft waits for review; the offices of other jurisdictions are not
// concerned.
func (s *Service) tellOffice(ctx context.Context, b Bulletin, dir map[int64]domain.Unit) error {
	units, err := s.org.UnitsWithRole(ctx, domain.RoleOfficeLeader, domain.RoleOfficeStaff)
	if err != nil {
		return err
	}
	return s.db.Write(ctx, func(c *store.Conn) error {
		for _, u := range units {
			if j := dir[u].JurisdictionID; j == nil || *j != b.JurisdictionID {
				continue
			}
			if _, err := message.Send(ctx, c, u, "bulletin_draft", "通报待审核："+b.Title, "已按最新数据起草，请审核后发布。", fmt.Sprintf("bulletin-%d-draft-%d", b.ID, u)); err != nil {
				return err
			}
		}
		return nil
	})
}
