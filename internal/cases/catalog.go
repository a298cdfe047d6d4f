package cases

import (
	"context"
	"fmt"
	"strings"
	"time"

	"wenming/internal/audit"
	"wenming/internal/domain"
	"wenming/internal/store"
)

// Category is one class of problem with its time limit and default unit:
// the 部件/事件 classes of CJ/T 214 and the campaign's own.
type Category struct {
	ID              int64  `json:"id"`
	Code            string `json:"code"`
	Name            string `json:"name"`
	ParentID        *int64 `json:"parentId"`
	Kind            string `json:"kind"`
	LimitValue      int    `json:"limitValue"`
	LimitUnit       string `json:"limitUnit"`
	DefaultUnitID   *int64 `json:"defaultUnitId"`
	DefaultUnitName string `json:"defaultUnitName"`
	Active          bool   `json:"active"`
	// JurisdictionID is the office whose category it is: a county uses its
	// own and those of the offices above it, and edits only its own.
	JurisdictionID *int64 `json:"jurisdictionId"`
}

// CategoryInput is what the office edits of a category.
type CategoryInput struct {
	Code          string `json:"code"`
	Name          string `json:"name"`
	ParentID      *int64 `json:"parentId"`
	Kind          string `json:"kind"`
	LimitValue    int    `json:"limitValue"`
	LimitUnit     string `json:"limitUnit"`
	DefaultUnitID *int64 `json:"defaultUnitId"`
	Active        *bool  `json:"active"`
}

// CategoryKinds name the top classes.
var CategoryKinds = []domain.Named{{Code: "part", Name: "部件"}, {Code: "event", Name: "事件"}, {Code: "campaign", Name: "创城专项"}}

// limitMinutes is the category's limit in working minutes.
func (c Category) limitMinutes(cal Calendar) int {
	if c.LimitUnit == "hour" {
		return c.LimitValue * 60
	}
	return c.LimitValue * cal.DayMinutes()
}

const selectCategories = `SELECT id, code, name, parent_id, kind, limit_value, limit_unit, default_unit_id, active, jurisdiction_id FROM case_categories`

func scanCategory(r interface{ Scan(...any) error }) (Category, error) {
	var cat Category
	err := r.Scan(&cat.ID, &cat.Code, &cat.Name, &cat.ParentID, &cat.Kind, &cat.LimitValue, &cat.LimitUnit, &cat.DefaultUnitID, &cat.Active, &cat.JurisdictionID)
	return cat, err
}

// loadCategories reads the catalogue by id.
func (s *Service) loadCategories(ctx context.Context, c *store.Conn) (map[int64]Category, []Category, error) {
	rows, err := c.Query(ctx, selectCategories+` ORDER BY code`)
	if err != nil {
		return nil, nil, err
	}
	defer rows.Close()
	byID := map[int64]Category{}
	var list []Category
	for rows.Next() {
		cat, err := scanCategory(rows)
		if err != nil {
			return nil, nil, err
		}
		byID[cat.ID] = cat
		list = append(list, cat)
	}
	return byID, list, rows.Err()
}

// Categories lists the catalogue the actor's jurisdiction uses (its own
// and the offices' above) and, for an office above, those of its counties;
// every signed-in role may read it.
func (s *Service) Categories(ctx context.Context, actor *domain.Actor) (_ []Category, err error) {
	defer domain.Wrap(&err, "cases.Categories")
	e, err := s.config(ctx)
	if err != nil {
		return nil, err
	}
	list := []Category{}
	for _, cat := range e.catList {
		if !e.categoryInView(actor, cat) {
			continue
		}
		if cat.DefaultUnitID != nil {
			cat.DefaultUnitName = e.units[*cat.DefaultUnitID].Name
		}
		list = append(list, cat)
	}
	return list, nil
}

// categoryInView tells whether a category is used in the actor's
// jurisdiction or one the actor reads.
func (e *caseConfig) categoryInView(a *domain.Actor, cat Category) bool {
	if cat.JurisdictionID == nil || a.Scope == domain.ScopeAll || e.inChain(cat.JurisdictionID, a.JurisdictionID) {
		return true
	}
	j, ok := e.jurisdictions.ByID(*cat.JurisdictionID)
	return ok && a.ReadsJurisdiction(j.ID, j.Code)
}

// requireGoverns keeps a record of a jurisdiction to that jurisdiction's
// own office.
func (e *caseConfig) requireGoverns(a *domain.Actor, owner *int64, what string) error {
	if owner == nil || a.GovernsJurisdiction(*owner) {
		return nil
	}
	j, _ := e.jurisdictions.ByID(*owner)
	return domain.Forbidden(what + "由" + j.Name + "设置，您只能查看")
}

func (in *CategoryInput) validate() error {
	in.Code, in.Name = strings.TrimSpace(in.Code), strings.TrimSpace(in.Name)
	switch {
	case in.Code == "":
		return domain.Invalid("code", "请填写类别编码")
	case in.Name == "":
		return domain.Invalid("name", "请填写类别名称")
	case domain.NameOf(CategoryKinds, in.Kind) == "":
		return domain.Invalid("kind", "大类只能是部件、事件或创城专项")
	case in.LimitUnit != "hour" && in.LimitUnit != "day":
		return domain.Invalid("limitUnit", "时限单位只能是工作小时（hour）或工作日（day）")
	case in.LimitValue <= 0 || in.LimitValue > 365*24:
		return domain.Invalid("limitValue", "处置时限须为正整数")
	}
	if err := domain.TextLimit("code", "类别编码", in.Code, 20); err != nil {
		return err
	}
	return domain.TextLimit("name", "类别名称", in.Name, 50)
}

// CreateCategory adds a category (office).
func (s *Service) CreateCategory(ctx context.Context, actor *domain.Actor, in CategoryInput) (_ Category, err error) {
	defer domain.Wrap(&err, "cases.CreateCategory")
	return s.saveCategory(ctx, actor, 0, in)
}

// UpdateCategory edits a category (office).
func (s *Service) UpdateCategory(ctx context.Context, actor *domain.Actor, id int64, in CategoryInput) (_ Category, err error) {
	defer domain.Wrap(&err, "cases.UpdateCategory %d", id)
	return s.saveCategory(ctx, actor, id, in)
}

func (s *Service) saveCategory(ctx context.Context, actor *domain.Actor, id int64, in CategoryInput) (Category, error) {
	if err := requireOffice(actor); err != nil {
		return Category{}, err
	}
	if err := in.validate(); err != nil {
		return Category{}, err
	}
	e, err := s.config(ctx)
	if err != nil {
		return Category{}, err
	}
	owner := e.own(actor)
	if before, ok := e.categories[id]; ok {
		if err := e.requireGoverns(actor, before.JurisdictionID, "类别“"+before.Name+"”"); err != nil {
			return Category{}, err
		}
		owner = before.JurisdictionID
	}
	if in.DefaultUnitID != nil && !e.serves(*in.DefaultUnitID, owner) {
		return Category{}, e.notServing("defaultUnitId", "默认处置单位", *in.DefaultUnitID, owner)
	}
	if in.ParentID != nil && !e.inChain(e.categories[*in.ParentID].JurisdictionID, deref(owner)) {
		return Category{}, domain.Invalid("parentId", "上级类别不存在")
	}
	active := in.Active == nil || *in.Active
	var out Category
	err = s.db.Write(ctx, func(c *store.Conn) error {
		if in.ParentID != nil {
			var parentOf *int64
			if err := c.Get(ctx, "上级类别", `SELECT parent_id FROM case_categories WHERE id = ?`, []any{*in.ParentID}, &parentOf); err != nil {
				return domain.Invalid("parentId", "上级类别不存在")
			}
			if parentOf != nil || *in.ParentID == id {
				return domain.Invalid("parentId", "类别只有两级：上级须为一级类别")
			}
		}
		if in.DefaultUnitID != nil {
			if n, err := c.Count(ctx, `SELECT COUNT(*) FROM units WHERE id = ?`, *in.DefaultUnitID); err != nil {
				return err
			} else if n == 0 {
				return domain.Invalid("defaultUnitId", "默认处置单位不存在")
			}
		}
		action := "create"
		if id == 0 {
			var err error
			id, err = c.Insert(ctx, `INSERT INTO case_categories (code, name, parent_id, kind, limit_value, limit_unit, default_unit_id, active, jurisdiction_id, created_at, updated_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, in.Code, in.Name, in.ParentID, in.Kind, in.LimitValue, in.LimitUnit, in.DefaultUnitID, active, owner, c.Now, c.Now)
			if err != nil {
				return codeTaken(err)
			}
		} else {
			action = "update"
			res, err := c.Exec(ctx, `UPDATE case_categories SET code = ?, name = ?, parent_id = ?, kind = ?, limit_value = ?, limit_unit = ?, default_unit_id = ?, active = ?, updated_at = ? WHERE id = ?`,
				in.Code, in.Name, in.ParentID, in.Kind, in.LimitValue, in.LimitUnit, in.DefaultUnitID, active, c.Now, id)
			if err != nil {
				return codeTaken(err)
			}
			if n, _ := res.RowsAffected(); n == 0 {
				return domain.NotFound("案件类别")
			}
		}
		var err error
		out, err = scanCategory(c.QueryRow(ctx, selectCategories+` WHERE id = ?`, id))
		if err != nil {
			return err
		}
		return audit.Record(ctx, c, actor, audit.Change{Action: action, Entity: "case_category", EntityID: id,
			Summary: fmt.Sprintf("案件类别 %s %s（时限 %d %s）", out.Code, out.Name, out.LimitValue, limitUnitName(out.LimitUnit)), After: out})
	})
	return out, err
}

func limitUnitName(u string) string {
	if u == "hour" {
		return "工作小时"
	}
	return "工作日"
}

func codeTaken(err error) error {
	if de, ok := domain.AsError(err); ok && de.Code == domain.CodeConflict {
		return domain.Conflict("code", "类别编码已存在")
	}
	return err
}

// DeleteCategory removes an unused category (office).
func (s *Service) DeleteCategory(ctx context.Context, actor *domain.Actor, id int64) (err error) {
	defer domain.Wrap(&err, "cases.DeleteCategory %d", id)
	if err := requireOffice(actor); err != nil {
		return err
	}
	return s.db.Write(ctx, func(c *store.Conn) error {
		cat, err := scanCategory(c.QueryRow(ctx, selectCategories+` WHERE id = ?`, id))
		if err != nil {
			return domain.NotFound("案件类别")
		}
		if cat.JurisdictionID != nil && !actor.GovernsJurisdiction(*cat.JurisdictionID) {
			return domain.Forbidden("类别“" + cat.Name + "”由上级或其他辖区设置，您不能删除")
		}
		used, err := c.Count(ctx, `SELECT (SELECT COUNT(*) FROM cases WHERE category_id = ?) + (SELECT COUNT(*) FROM case_categories WHERE parent_id = ?) + (SELECT COUNT(*) FROM dispatch_rules WHERE category_id = ?)`, id, id, id)
		if err != nil {
			return err
		}
		if used > 0 {
			return domain.Conflict("", "该类别已有案件、下级类别或派遣规则，不能删除；可改为停用")
		}
		if _, err := c.Exec(ctx, `DELETE FROM case_categories WHERE id = ?`, id); err != nil {
			return err
		}
		return audit.Record(ctx, c, actor, audit.Change{Action: "delete", Entity: "case_category", EntityID: id, Summary: "删除案件类别 " + cat.Code + " " + cat.Name, Before: cat})
	})
}

// Rule sends cases of a category and/or region to a unit.
type Rule struct {
	ID           int64  `json:"id"`
	CategoryID   *int64 `json:"categoryId"`
	CategoryName string `json:"categoryName"`
	RegionID     *int64 `json:"regionId"`
	RegionName   string `json:"regionName"`
	UnitID       int64  `json:"unitId"`
	UnitName     string `json:"unitName"`
	Priority     int    `json:"priority"`
	// JurisdictionID is the office whose rule it is; its cases alone use it.
	JurisdictionID *int64 `json:"jurisdictionId"`
}

// RuleInput is what the office edits of a rule.
type RuleInput struct {
	CategoryID *int64 `json:"categoryId"`
	RegionID   *int64 `json:"regionId"`
	UnitID     int64  `json:"unitId"`
	Priority   int    `json:"priority"`
}

func loadRules(ctx context.Context, c *store.Conn) ([]Rule, error) {
	rows, err := c.Query(ctx, `SELECT id, category_id, region_id, unit_id, priority, jurisdiction_id FROM dispatch_rules ORDER BY priority DESC, id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	list := []Rule{}
	for rows.Next() {
		var r Rule
		if err := rows.Scan(&r.ID, &r.CategoryID, &r.RegionID, &r.UnitID, &r.Priority, &r.JurisdictionID); err != nil {
			return nil, err
		}
		list = append(list, r)
	}
	return list, rows.Err()
}

// Rules lists the dispatch rules of the jurisdictions the actor reads.
func (s *Service) Rules(ctx context.Context, actor *domain.Actor) (_ []Rule, err error) {
	defer domain.Wrap(&err, "cases.Rules")
	n, err := s.names(ctx)
	if err != nil {
		return nil, err
	}
	list := []Rule{}
	for _, r := range n.rules {
		if readsCase(actor, n.caseConfig, r.JurisdictionID) {
			n.rule(&r)
			list = append(list, r)
		}
	}
	return list, nil
}

// CreateRule adds a dispatch rule (office).
func (s *Service) CreateRule(ctx context.Context, actor *domain.Actor, in RuleInput) (_ Rule, err error) {
	defer domain.Wrap(&err, "cases.CreateRule")
	return s.saveRule(ctx, actor, 0, in)
}

// UpdateRule edits a dispatch rule (office).
func (s *Service) UpdateRule(ctx context.Context, actor *domain.Actor, id int64, in RuleInput) (_ Rule, err error) {
	defer domain.Wrap(&err, "cases.UpdateRule %d", id)
	return s.saveRule(ctx, actor, id, in)
}

func (s *Service) saveRule(ctx context.Context, actor *domain.Actor, id int64, in RuleInput) (Rule, error) {
	if err := requireOffice(actor); err != nil {
		return Rule{}, err
	}
	if in.CategoryID == nil && in.RegionID == nil {
		return Rule{}, domain.Invalid("categoryId", "派遣规则至少指定类别或区域之一")
	}
	n, err := s.names(ctx)
	if err != nil {
		return Rule{}, err
	}
	owner := n.own(actor)
	if id != 0 {
		before, ok := n.ruleByID(id)
		if !ok {
			return Rule{}, domain.NotFound("派遣规则")
		}
		if err := n.requireGoverns(actor, before.JurisdictionID, "该派遣规则"); err != nil {
			return Rule{}, err
		}
		owner = before.JurisdictionID
	}
	if _, ok := n.units[in.UnitID]; !ok {
		return Rule{}, domain.Invalid("unitId", "请选择处置单位")
	}
	if !n.serves(in.UnitID, owner) {
		return Rule{}, n.notServing("unitId", "处置单位", in.UnitID, owner)
	}
	if in.CategoryID != nil && n.categories[*in.CategoryID].ID == 0 {
		return Rule{}, domain.Invalid("categoryId", "案件类别不存在")
	}
	if in.RegionID != nil && n.regions[*in.RegionID].ID == 0 {
		return Rule{}, domain.Invalid("regionId", "区域不存在")
	}
	if in.RegionID != nil && owner != nil {
		if j, _ := n.jurisdictions.Of(n.regions[*in.RegionID].Code); !n.inChain(owner, j.ID) {
			return Rule{}, domain.Invalid("regionId", "区域“"+n.regions[*in.RegionID].Name+"”不在本辖区内")
		}
	}
	if in.CategoryID != nil && owner != nil && !n.inChain(n.categories[*in.CategoryID].JurisdictionID, *owner) {
		return Rule{}, domain.Invalid("categoryId", "案件类别不存在")
	}
	r := Rule{ID: id, CategoryID: in.CategoryID, RegionID: in.RegionID, UnitID: in.UnitID, Priority: in.Priority, JurisdictionID: owner}
	n.rule(&r)
	err = s.db.Write(ctx, func(c *store.Conn) error {
		action := "create"
		if id == 0 {
			var err error
			if r.ID, err = c.Insert(ctx, `INSERT INTO dispatch_rules (category_id, region_id, unit_id, priority, jurisdiction_id, created_at) VALUES (?, ?, ?, ?, ?, ?)`,
				in.CategoryID, in.RegionID, in.UnitID, in.Priority, owner, c.Now); err != nil {
				return err
			}
		} else {
			action = "update"
			res, err := c.Exec(ctx, `UPDATE dispatch_rules SET category_id = ?, region_id = ?, unit_id = ?, priority = ? WHERE id = ?`, in.CategoryID, in.RegionID, in.UnitID, in.Priority, id)
			if err != nil {
				return err
			}
			if n, _ := res.RowsAffected(); n == 0 {
				return domain.NotFound("派遣规则")
			}
		}
		return audit.Record(ctx, c, actor, audit.Change{Action: action, Entity: "dispatch_rule", EntityID: r.ID,
			Summary: fmt.Sprintf("派遣规则：%s %s → %s", orAll(r.CategoryName), orAll(r.RegionName), r.UnitName), After: r})
	})
	return r, err
}

func orAll(s string) string {
	if s == "" {
		return "（任意）"
	}
	return s
}

// DeleteRule removes a dispatch rule (office).
func (s *Service) DeleteRule(ctx context.Context, actor *domain.Actor, id int64) (err error) {
	defer domain.Wrap(&err, "cases.DeleteRule %d", id)
	if err := requireOffice(actor); err != nil {
		return err
	}
	e, err := s.config(ctx)
	if err != nil {
		return err
	}
	if r, ok := (names{e}).ruleByID(id); ok {
		if err := e.requireGoverns(actor, r.JurisdictionID, "该派遣规则"); err != nil {
			return err
		}
	}
	return s.db.Write(ctx, func(c *store.Conn) error {
		res, err := c.Exec(ctx, `DELETE FROM dispatch_rules WHERE id = ?`, id)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return domain.NotFound("派遣规则")
		}
		return audit.Record(ctx, c, actor, audit.Change{Action: "delete", Entity: "dispatch_rule", EntityID: id, Summary: "删除派遣规则"})
	})
}

// matchRule picks the unit for a case from its jurisdiction's rules: the
// most specific rule (category and region, then category, then region; a
// rule for a region covers its sub-regions), then the category's default
// unit if it serves the case's jurisdiction.
func (e *caseConfig) matchRule(k *Case, regionCode string) (int64, bool) {
	cat, regions := e.categories[k.CategoryID], e.regions
	best, bestScore := int64(0), -1
	for _, r := range e.rules {
		if k.JurisdictionID != nil && (r.JurisdictionID == nil || *r.JurisdictionID != *k.JurisdictionID) {
			continue
		}
		score := 0
		if r.CategoryID != nil {
			if *r.CategoryID != cat.ID && (cat.ParentID == nil || *r.CategoryID != *cat.ParentID) {
				continue
			}
			score += 4
			if *r.CategoryID == cat.ID {
				score += 2
			}
		}
		if r.RegionID != nil {
			code := regions[*r.RegionID].Code
			if regionCode == "" || code == "" || !strings.HasPrefix(regionCode, code) {
				continue
			}
			score += 1 + len(code)
		}
		if score > bestScore {
			best, bestScore = r.UnitID, score
		}
	}
	if bestScore >= 0 {
		return best, true
	}
	if cat.DefaultUnitID != nil && e.serves(*cat.DefaultUnitID, k.JurisdictionID) {
		return *cat.DefaultUnitID, true
	}
	return 0, false
}

func (n names) ruleByID(id int64) (Rule, bool) {
	for _, r := range n.rules {
		if r.ID == id {
			return r, true
		}
	}
	return Rule{}, false
}

// own is where a record the actor makes belongs: its own jurisdiction, or
// for a deployment-wide actor outside any (the system) the top one.
func (e *caseConfig) own(a *domain.Actor) *int64 {
	id := a.JurisdictionID
	if id == 0 {
		top, ok := e.jurisdictions.Top()
		if !ok {
			return nil
		}
		id = top.ID
	}
	return &id
}

// Settings are the office's parameters of the case engine.
type Settings struct {
	Bounds                Bounds `json:"bounds"`
	DuplicateRadiusMeters int    `json:"duplicateRadiusMeters"`
	DuplicateWindowHours  int    `json:"duplicateWindowHours"`
	RemindAtPercent       int    `json:"remindAtPercent"`
	ReopenDays            int    `json:"reopenDays"`
	WorkStart             string `json:"workStart"`
	WorkEnd               string `json:"workEnd"`
	// InheritedFrom names the jurisdiction above whose settings apply here
	// ("系统默认" when none set them); "" when they are this one's own.
	InheritedFrom string `json:"inheritedFrom"`
	// Origins tell, for each setting an office may fix below it, where its
	// value comes from and whether an office above fixed it.
	Origins map[string]domain.Origin `json:"origins"`
	// LockedBelow are the settings this jurisdiction's office fixes for
	// every jurisdiction below it (不允许下级调整).
	LockedBelow []string `json:"lockedBelow"`
}

// fixable are the settings an office may fix for the jurisdictions below
// it. The area (bounds) is each jurisdiction's own and is not among them;
// the working day is always the top jurisdiction's (every clock in the
// city runs on it).
var fixable = []domain.Setting[Settings]{
	{Key: "duplicateRadiusMeters", Name: "疑似重复的半径", Of: func(s *Settings) any { return &s.DuplicateRadiusMeters }},
	{Key: "duplicateWindowHours", Name: "疑似重复的时间窗", Of: func(s *Settings) any { return &s.DuplicateWindowHours }},
	{Key: "remindAtPercent", Name: "临期提醒比例", Of: func(s *Settings) any { return &s.RemindAtPercent }},
	{Key: "reopenDays", Name: "可重新打开的天数", Of: func(s *Settings) any { return &s.ReopenDays }},
	{Key: "workStart", Name: "上班时间", Of: func(s *Settings) any { return &s.WorkStart }},
	{Key: "workEnd", Name: "下班时间", Of: func(s *Settings) any { return &s.WorkEnd }},
}

// fixedByTop are the settings the top jurisdiction always fixes.
var fixedByTop = []string{"workStart", "workEnd"}

// Bounds is the area a case location must lie in (WGS-84).
type Bounds struct {
	MinLat float64 `json:"minLat"`
	MinLng float64 `json:"minLng"`
	MaxLat float64 `json:"maxLat"`
	MaxLng float64 `json:"maxLng"`
}

// Contains tells whether a point lies in the bounds.
func (b Bounds) Contains(lat, lng float64) bool {
	return lat >= b.MinLat && lat <= b.MaxLat && lng >= b.MinLng && lng <= b.MaxLng
}

// defaultSettings cover mainland China until the office sets its own area.
var defaultSettings = Settings{Bounds: Bounds{MinLat: 18, MinLng: 73, MaxLat: 54, MaxLng: 135},
	DuplicateRadiusMeters: 100, DuplicateWindowHours: 72, RemindAtPercent: 75, ReopenDays: 7, WorkStart: "09:00", WorkEnd: "17:00"}

// loadSettings reads each jurisdiction's own settings with its locks.
func loadSettings(ctx context.Context, c *store.Conn) (map[int64]domain.OwnSettings[Settings], error) {
	rows, err := c.Query(ctx, `SELECT jurisdiction_id, min_lat, min_lng, max_lat, max_lng, dup_radius_m, dup_window_hours, remind_percent, reopen_days, work_start, work_end, locked FROM case_settings`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[int64]domain.OwnSettings[Settings]{}
	for rows.Next() {
		var j int64
		var s Settings
		var locked string
		if err := rows.Scan(&j, &s.Bounds.MinLat, &s.Bounds.MinLng, &s.Bounds.MaxLat, &s.Bounds.MaxLng, &s.DuplicateRadiusMeters, &s.DuplicateWindowHours, &s.RemindAtPercent, &s.ReopenDays, &s.WorkStart, &s.WorkEnd, &locked); err != nil {
			return nil, err
		}
		out[j] = domain.OwnSettings[Settings]{Values: s, Locked: domain.SplitLocks(locked)}
	}
	return out, rows.Err()
}

// Settings returns the parameters that apply in the actor's jurisdiction,
// saying where they are inherited from; every signed-in role may read them.
func (s *Service) Settings(ctx context.Context, actor *domain.Actor) (_ Settings, err error) {
	defer domain.Wrap(&err, "cases.Settings")
	e, err := s.config(ctx)
	if err != nil {
		return Settings{}, err
	}
	return e.settingsOf(e.own(actor)), nil
}

func (in Settings) validate() error {
	b := in.Bounds
	switch {
	case b.MinLat < -90 || b.MaxLat > 90 || b.MinLat >= b.MaxLat:
		return domain.Invalid("bounds", "区域范围的纬度不正确（最小值须小于最大值，且在 -90 到 90 之间）")
	case b.MinLng < -180 || b.MaxLng > 180 || b.MinLng >= b.MaxLng:
		return domain.Invalid("bounds", "区域范围的经度不正确（最小值须小于最大值，且在 -180 到 180 之间）")
	case in.DuplicateRadiusMeters < 0 || in.DuplicateRadiusMeters > 5000:
		return domain.Invalid("duplicateRadiusMeters", "疑似重复的半径应在 0–5000 米")
	case in.DuplicateWindowHours < 0 || in.DuplicateWindowHours > 24*90:
		return domain.Invalid("duplicateWindowHours", "疑似重复的时间窗应在 0–2160 小时")
	case in.RemindAtPercent < 1 || in.RemindAtPercent > 99:
		return domain.Invalid("remindAtPercent", "临期提醒应在时限的 1%–99% 之间")
	case in.ReopenDays < 0 || in.ReopenDays > 90:
		return domain.Invalid("reopenDays", "可重新打开的天数应在 0–90")
	}
	start, err := clock("workStart", in.WorkStart)
	if err != nil {
		return err
	}
	end, err := clock("workEnd", in.WorkEnd)
	if err != nil {
		return err
	}
	if end <= start {
		return domain.Invalid("workEnd", "下班时间须晚于上班时间")
	}
	return nil
}

// UpdateSettings changes the parameters (office).
func (s *Service) UpdateSettings(ctx context.Context, actor *domain.Actor, in Settings) (_ Settings, err error) {
	defer domain.Wrap(&err, "cases.UpdateSettings")
	if err := requireOffice(actor); err != nil {
		return Settings{}, err
	}
	if err := in.validate(); err != nil {
		return Settings{}, err
	}
	e, err := s.config(ctx)
	if err != nil {
		return Settings{}, err
	}
	owner := e.own(actor)
	if owner == nil {
		return Settings{}, domain.Forbidden("请以辖区创城办的账号修改本辖区的案件参数")
	}
	before := e.settingsOf(owner)
	if err := domain.RefuseLocked(e.inForce(*owner), in, fixable); err != nil {
		return Settings{}, err
	}
	locks, err := domain.CheckLocks(in.LockedBelow, fixable)
	if err != nil {
		return Settings{}, err
	}
	err = s.db.Write(ctx, func(c *store.Conn) error {
		b := in.Bounds
		if _, err := c.Exec(ctx, `INSERT INTO case_settings (jurisdiction_id, min_lat, min_lng, max_lat, max_lng, dup_radius_m, dup_window_hours, remind_percent, reopen_days, work_start, work_end, locked, updated_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
			ON CONFLICT (jurisdiction_id) DO UPDATE SET min_lat = excluded.min_lat, min_lng = excluded.min_lng, max_lat = excluded.max_lat, max_lng = excluded.max_lng,
			dup_radius_m = excluded.dup_radius_m, dup_window_hours = excluded.dup_window_hours, remind_percent = excluded.remind_percent,
			reopen_days = excluded.reopen_days, work_start = excluded.work_start, work_end = excluded.work_end, locked = excluded.locked, updated_at = excluded.updated_at`,
			*owner, b.MinLat, b.MinLng, b.MaxLat, b.MaxLng, in.DuplicateRadiusMeters, in.DuplicateWindowHours, in.RemindAtPercent, in.ReopenDays, in.WorkStart, in.WorkEnd,
			domain.JoinLocks(locks), c.Now); err != nil {
			return err
		}
		in.InheritedFrom, in.Origins, in.LockedBelow = "", nil, locks
		return audit.Record(ctx, c, actor, audit.Change{Action: "update", Entity: "case_settings", EntityID: *owner, Summary: "修改案件参数", Before: before, After: in})
	})
	if err != nil {
		return Settings{}, err
	}
	return s.Settings(ctx, actor)
}

// InheritSettings drops the jurisdiction's own parameters, so those of the
// office above apply again (沿用上级).
func (s *Service) InheritSettings(ctx context.Context, actor *domain.Actor) (_ Settings, err error) {
	defer domain.Wrap(&err, "cases.InheritSettings")
	if err := requireOffice(actor); err != nil {
		return Settings{}, err
	}
	e, err := s.config(ctx)
	if err != nil {
		return Settings{}, err
	}
	owner := e.own(actor)
	if owner == nil {
		return Settings{}, domain.Forbidden("请以辖区创城办的账号修改本辖区的案件参数")
	}
	err = s.db.Write(ctx, func(c *store.Conn) error {
		if _, err := c.Exec(ctx, `DELETE FROM case_settings WHERE jurisdiction_id = ?`, *owner); err != nil {
			return err
		}
		return audit.Record(ctx, c, actor, audit.Change{Action: "update", Entity: "case_settings", EntityID: *owner, Summary: "案件参数恢复沿用上级"})
	})
	if err != nil {
		return Settings{}, err
	}
	return s.Settings(ctx, actor)
}

// CalendarDay is an exception to the Monday-to-Friday week.
type CalendarDay struct {
	Date string `json:"date"`
	Kind string `json:"kind"`
	Name string `json:"name"`
}

// CalendarYear is a year's exceptions with the working hours.
type CalendarYear struct {
	Year      int           `json:"year"`
	WorkStart string        `json:"workStart"`
	WorkEnd   string        `json:"workEnd"`
	Days      []CalendarDay `json:"days"`
}

// CalendarOf lists a year's holidays and swapped working days.
func (s *Service) CalendarOf(ctx context.Context, actor *domain.Actor, year int) (_ CalendarYear, err error) {
	defer domain.Wrap(&err, "cases.CalendarOf")
	c := s.db.Read()
	if year == 0 {
		year = c.Now.In(domain.Beijing).Year()
	}
	e, err := s.config(ctx)
	if err != nil {
		return CalendarYear{}, err
	}
	set := e.settingsOf(nil)
	out := CalendarYear{Year: year, WorkStart: set.WorkStart, WorkEnd: set.WorkEnd, Days: []CalendarDay{}}
	rows, err := c.Query(ctx, `SELECT day, kind, name FROM calendar_days WHERE day LIKE ? ORDER BY day`, fmt.Sprintf("%04d-%%", year))
	if err != nil {
		return out, err
	}
	defer rows.Close()
	for rows.Next() {
		var d CalendarDay
		if err := rows.Scan(&d.Date, &d.Kind, &d.Name); err != nil {
			return out, err
		}
		out.Days = append(out.Days, d)
	}
	return out, rows.Err()
}

// SetCalendarDay marks a date a holiday or a working day (office).
func (s *Service) SetCalendarDay(ctx context.Context, actor *domain.Actor, date string, in CalendarDay) (_ CalendarDay, err error) {
	defer domain.Wrap(&err, "cases.SetCalendarDay")
	if err := s.requireCalendarKeeper(ctx, actor); err != nil {
		return CalendarDay{}, err
	}
	if _, err := time.Parse(time.DateOnly, date); err != nil {
		return CalendarDay{}, domain.Invalid("date", "日期格式应为 YYYY-MM-DD")
	}
	if in.Kind != "holiday" && in.Kind != "workday" {
		return CalendarDay{}, domain.Invalid("kind", "类型只能是节假日（holiday）或调休上班（workday）")
	}
	in.Date, in.Name = date, strings.TrimSpace(in.Name)
	if err := domain.TextLimit("name", "名称", in.Name, 30); err != nil {
		return CalendarDay{}, err
	}
	err = s.db.Write(ctx, func(c *store.Conn) error {
		if _, err := c.Exec(ctx, `INSERT INTO calendar_days (day, kind, name) VALUES (?, ?, ?) ON CONFLICT (day) DO UPDATE SET kind = excluded.kind, name = excluded.name`, date, in.Kind, in.Name); err != nil {
			return err
		}
		kind := "节假日"
		if in.Kind == "workday" {
			kind = "调休上班"
		}
		return audit.Record(ctx, c, actor, audit.Change{Action: "update", Entity: "calendar", EntityID: 0, Summary: fmt.Sprintf("工作日历：%s %s %s", date, kind, in.Name), After: in})
	})
	return in, err
}

// DeleteCalendarDay returns a date to the plain weekly rule (office).
func (s *Service) DeleteCalendarDay(ctx context.Context, actor *domain.Actor, date string) (err error) {
	defer domain.Wrap(&err, "cases.DeleteCalendarDay")
	if err := s.requireCalendarKeeper(ctx, actor); err != nil {
		return err
	}
	return s.db.Write(ctx, func(c *store.Conn) error {
		res, err := c.Exec(ctx, `DELETE FROM calendar_days WHERE day = ?`, date)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return domain.NotFound("日历例外日")
		}
		return audit.Record(ctx, c, actor, audit.Change{Action: "delete", Entity: "calendar", Summary: "工作日历：恢复 " + date + " 为常规安排"})
	})
}
