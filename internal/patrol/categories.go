package patrol

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"wenming/internal/audit"
	"wenming/internal/domain"
	"wenming/internal/store"
)

// Category is a kind of point (主次干道, 农贸市场 …) with its checklist.
type Category struct {
	ID          int64   `json:"id"`
	Name        string  `json:"name"`
	Description string  `json:"description"`
	Sort        int     `json:"sort"`
	Active      bool    `json:"active"`
	PointCount  int     `json:"pointCount"`
	Checks      []Check `json:"checks"`
	// JurisdictionID is the jurisdiction that keeps the category; a county
	// uses its city's categories as they are (沿用) and keeps its own.
	JurisdictionID   int64  `json:"jurisdictionId"`
	JurisdictionName string `json:"jurisdictionName"`
	// Editable tells whether the reader's office may change it.
	Editable         bool `json:"editable"`
	jurisdictionCode string
}

// Check is one line of a checklist: judged on the spot, linked to the
// framework's standards, and opening a case of its case category on failure.
type Check struct {
	ID               int64    `json:"id"`
	Seq              int      `json:"seq"`
	Text             string   `json:"text"`
	Severity         string   `json:"severity"`
	CaseCategoryID   int64    `json:"caseCategoryId"`
	CaseCategoryName string   `json:"caseCategoryName"`
	StandardCodes    []string `json:"standardCodes"`
	Active           bool     `json:"active"`
}

// CategoryInput is what the office edits of a category.
type CategoryInput struct {
	Name        string `json:"name"`
	Description string `json:"description"`
	Sort        int    `json:"sort"`
	Active      *bool  `json:"active"`
}

// CheckInput is one check of a checklist being saved.
type CheckInput struct {
	ID             *int64   `json:"id"`
	Text           string   `json:"text"`
	Severity       string   `json:"severity"`
	CaseCategoryID int64    `json:"caseCategoryId"`
	StandardCodes  []string `json:"standardCodes"`
}

// ChecklistInput replaces a category's checklist.
type ChecklistInput struct {
	Checks []CheckInput `json:"checks"`
}

// Categories lists the categories the actor may use or supervise, with
// their checklists: its jurisdiction's, those of the jurisdictions above
// it, and those of the jurisdictions it reads.
func (s *Service) Categories(ctx context.Context, actor *domain.Actor) (_ []Category, err error) {
	defer domain.Wrap(&err, "patrol.Categories")
	if err := requireReader(actor); err != nil {
		return nil, err
	}
	c := s.db.Read()
	where, args, err := categoryReach(ctx, c, actor)
	if err != nil {
		return nil, err
	}
	list, err := s.loadCategories(ctx, c, " WHERE "+where, args)
	for i := range list {
		list[i].Editable = actor.GovernsJurisdiction(list[i].JurisdictionID)
	}
	return list, err
}

// categoryReach limits categories to those of the actor's lineage and
// of the jurisdictions it reads.
func categoryReach(ctx context.Context, c *store.Conn, actor *domain.Actor) (string, []any, error) {
	if actor.Scope == domain.ScopeAll {
		return "1=1", nil, nil
	}
	home, err := HomeJurisdiction(ctx, c, actor)
	if err != nil {
		return "", nil, err
	}
	up, err := lineage(ctx, c, home)
	if err != nil {
		return "", nil, err
	}
	own, args := inList("k.jurisdiction_id", up)
	below, more := store.Reach(actor, "k.jurisdiction_id")
	return "(" + own + " OR " + below + ")", append(args, more...), nil
}

// readsCategory tells whether the actor may see a category by its id.
func readsCategory(ctx context.Context, c *store.Conn, actor *domain.Actor, k Category) error {
	if actor.ReadsJurisdiction(k.JurisdictionID, k.jurisdictionCode) {
		return nil
	}
	home, err := HomeJurisdiction(ctx, c, actor)
	if err != nil {
		return err
	}
	up, err := lineage(ctx, c, home)
	if err != nil || slices.Contains(up, k.JurisdictionID) {
		return err
	}
	return domain.NotFound("点位类别")
}

// governsCategory lets only the keeping office change a category: a
// county uses its city's categories but does not edit them.
func governsCategory(actor *domain.Actor, k Category) error {
	if !actor.GovernsJurisdiction(k.JurisdictionID) {
		return domain.Forbidden("点位类别“" + k.Name + "”由" + k.JurisdictionName + "创城办维护，本级只能沿用，不能修改")
	}
	return nil
}

// loadCategories reads the categories a condition on k picks.
func (s *Service) loadCategories(ctx context.Context, c *store.Conn, where string, args []any) ([]Category, error) {
	rows, err := c.Query(ctx, `SELECT k.id, k.name, k.description, k.sort, k.active,
		(SELECT COUNT(*) FROM points p WHERE p.category_id = k.id AND p.active), COALESCE(k.jurisdiction_id, 0), COALESCE(kj.name, ''), COALESCE(kj.code, '')
		FROM point_categories k LEFT JOIN regions kj ON kj.id = k.jurisdiction_id`+where+` ORDER BY k.sort, k.id`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	list := []Category{}
	index := map[int64]int{}
	for rows.Next() {
		var k Category
		if err := rows.Scan(&k.ID, &k.Name, &k.Description, &k.Sort, &k.Active, &k.PointCount, &k.JurisdictionID, &k.JurisdictionName, &k.jurisdictionCode); err != nil {
			return nil, err
		}
		k.Checks = []Check{}
		index[k.ID] = len(list)
		list = append(list, k)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	checks, err := loadChecks(ctx, c, where, args)
	if err != nil {
		return nil, err
	}
	for _, ch := range checks {
		if i, ok := index[ch.categoryID]; ok {
			list[i].Checks = append(list[i].Checks, ch.Check)
		}
	}
	return list, nil
}

type categoryCheck struct {
	Check
	categoryID int64
}

func loadChecks(ctx context.Context, c *store.Conn, where string, args []any) ([]categoryCheck, error) {
	rows, err := c.Query(ctx, `SELECT x.id, x.category_id, x.seq, x.text, x.severity, x.case_category_id, COALESCE(cc.name, ''), x.standard_codes, x.active
		FROM point_checks x JOIN point_categories k ON k.id = x.category_id LEFT JOIN case_categories cc ON cc.id = x.case_category_id`+where+` ORDER BY x.category_id, x.active DESC, x.seq`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []categoryCheck
	for rows.Next() {
		var ch categoryCheck
		var codes string
		if err := rows.Scan(&ch.ID, &ch.categoryID, &ch.Seq, &ch.Text, &ch.Severity, &ch.CaseCategoryID, &ch.CaseCategoryName, &codes, &ch.Active); err != nil {
			return nil, err
		}
		ch.StandardCodes = splitCodes(codes)
		out = append(out, ch)
	}
	return out, rows.Err()
}

func splitCodes(s string) []string {
	out := []string{}
	for _, c := range strings.Split(s, ",") {
		if c = strings.TrimSpace(c); c != "" {
			out = append(out, c)
		}
	}
	return out
}

// Category returns one category with its checklist.
func (s *Service) Category(ctx context.Context, actor *domain.Actor, id int64) (_ Category, err error) {
	defer domain.Wrap(&err, "patrol.Category %d", id)
	if err := requireReader(actor); err != nil {
		return Category{}, err
	}
	c := s.db.Read()
	k, err := s.category(ctx, c, id)
	if err != nil {
		return k, err
	}
	k.Editable = actor.GovernsJurisdiction(k.JurisdictionID)
	return k, readsCategory(ctx, c, actor, k)
}

func (s *Service) category(ctx context.Context, c *store.Conn, id int64) (Category, error) {
	list, err := s.loadCategories(ctx, c, " WHERE k.id = ?", []any{id})
	if err != nil {
		return Category{}, err
	}
	if len(list) == 0 {
		return Category{}, domain.NotFound("点位类别")
	}
	return list[0], nil
}

func (in *CategoryInput) validate() error {
	in.Name, in.Description = strings.TrimSpace(in.Name), strings.TrimSpace(in.Description)
	if err := domain.RequireText("name", "类别名称", in.Name, 40); err != nil {
		return err
	}
	return domain.TextLimit("description", "说明", in.Description, 500)
}

// CreateCategory adds a category to the office's own jurisdiction; names
// are unique within a jurisdiction, so two counties may both keep 主次干道.
func (s *Service) CreateCategory(ctx context.Context, actor *domain.Actor, in CategoryInput) (_ Category, err error) {
	defer domain.Wrap(&err, "patrol.CreateCategory")
	if err := requireOffice(actor); err != nil {
		return Category{}, err
	}
	if err := in.validate(); err != nil {
		return Category{}, err
	}
	var out Category
	err = s.db.Write(ctx, func(c *store.Conn) error {
		home, err := HomeJurisdiction(ctx, c, actor)
		if err != nil {
			return err
		}
		id, err := c.Insert(ctx, `INSERT INTO point_categories (jurisdiction_id, name, description, sort, active, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
			home, in.Name, in.Description, in.Sort, in.Active == nil || *in.Active, c.Now, c.Now)
		if err != nil {
			return nameTaken(err, in.Name)
		}
		if out, err = s.category(ctx, c, id); err != nil {
			return err
		}
		out.Editable = true
		return audit.Record(ctx, c, actor, audit.Change{Action: "create", Entity: "point_category", EntityID: id, Summary: "点位类别 " + in.Name, After: out})
	})
	return out, err
}

func nameTaken(err error, name string) error {
	if de, ok := domain.AsError(err); ok && de.Code == domain.CodeConflict {
		return domain.Conflict("name", "本辖区已有名为“"+name+"”的点位类别")
	}
	return err
}

// UpdateCategory changes a category's name, description, order or activity.
func (s *Service) UpdateCategory(ctx context.Context, actor *domain.Actor, id int64, in CategoryInput) (_ Category, err error) {
	defer domain.Wrap(&err, "patrol.UpdateCategory %d", id)
	if err := requireOffice(actor); err != nil {
		return Category{}, err
	}
	if err := in.validate(); err != nil {
		return Category{}, err
	}
	var out Category
	err = s.db.Write(ctx, func(c *store.Conn) error {
		before, err := s.category(ctx, c, id)
		if err != nil {
			return err
		}
		if err := governsCategory(actor, before); err != nil {
			return err
		}
		active := before.Active
		if in.Active != nil {
			active = *in.Active
		}
		if _, err := c.Exec(ctx, `UPDATE point_categories SET name = ?, description = ?, sort = ?, active = ?, updated_at = ? WHERE id = ?`,
			in.Name, in.Description, in.Sort, active, c.Now, id); err != nil {
			return nameTaken(err, in.Name)
		}
		if out, err = s.category(ctx, c, id); err != nil {
			return err
		}
		after := out
		before.Checks, after.Checks = nil, nil // the checklist has its own audit entry
		return audit.Record(ctx, c, actor, audit.Change{Action: "update", Entity: "point_category", EntityID: id, Summary: "点位类别 " + in.Name, Before: before, After: after})
	})
	return out, err
}

// DeleteCategory removes a category that has no points.
func (s *Service) DeleteCategory(ctx context.Context, actor *domain.Actor, id int64) (err error) {
	defer domain.Wrap(&err, "patrol.DeleteCategory %d", id)
	if err := requireOffice(actor); err != nil {
		return err
	}
	return s.db.Write(ctx, func(c *store.Conn) error {
		before, err := s.category(ctx, c, id)
		if err != nil {
			return err
		}
		if err := governsCategory(actor, before); err != nil {
			return err
		}
		n, err := c.Count(ctx, `SELECT COUNT(*) FROM points WHERE category_id = ?`, id)
		if err != nil {
			return err
		}
		if n > 0 {
			return domain.Conflict("", fmt.Sprintf("该类别下还有 %d 个点位，不能删除；可将其停用", n))
		}
		if n, err = c.Count(ctx, `SELECT COUNT(*) FROM round_categories WHERE category_id = ?`, id); err != nil || n > 0 {
			if err == nil {
				err = domain.Conflict("", "该类别已用于模拟测评，不能删除；可将其停用")
			}
			return err
		}
		if _, err := c.Exec(ctx, `DELETE FROM point_categories WHERE id = ?`, id); err != nil {
			return err
		}
		return audit.Record(ctx, c, actor, audit.Change{Action: "delete", Entity: "point_category", EntityID: id, Summary: "点位类别 " + before.Name, Before: before})
	})
}

// SetChecks replaces a category's checklist in the given order. A check
// that already has observations is kept, inactive, when left out, so what
// it judged stays traceable; others are deleted.
func (s *Service) SetChecks(ctx context.Context, actor *domain.Actor, id int64, in ChecklistInput) (_ Category, err error) {
	defer domain.Wrap(&err, "patrol.SetChecks %d", id)
	if err := requireOffice(actor); err != nil {
		return Category{}, err
	}
	home, err := HomeJurisdiction(ctx, s.db.Read(), actor)
	if err != nil {
		return Category{}, err
	}
	standards, err := s.standardCodes(ctx, home)
	if err != nil {
		return Category{}, err
	}
	var out Category
	err = s.db.Write(ctx, func(c *store.Conn) error {
		before, err := s.category(ctx, c, id)
		if err != nil {
			return err
		}
		if err := governsCategory(actor, before); err != nil {
			return err
		}
		if err := validateChecks(ctx, c, in.Checks, standards, before.Checks); err != nil {
			return err
		}
		if err := saveChecks(ctx, c, id, in.Checks, before.Checks); err != nil {
			return err
		}
		if out, err = s.category(ctx, c, id); err != nil {
			return err
		}
		return audit.Record(ctx, c, actor, audit.Change{Action: "update", Entity: "point_checklist", EntityID: id,
			Summary: fmt.Sprintf("点位类别 %s 的检查项（%d 项）", before.Name, len(in.Checks)), Before: before.Checks, After: out.Checks})
	})
	return out, err
}

// standardCodes are the codes of the standards of the main framework the
// jurisdiction works to (the minors' framework has its own codes, scored
// from its own evidence).
func (s *Service) standardCodes(ctx context.Context, jurisdiction int64) (map[string]bool, error) {
	codes := map[string]bool{}
	fw, err := s.fw.CurrentFrameworkIn(ctx, jurisdiction)
	if err != nil {
		return nil, domain.Invalid("standardCodes", "还没有测评体系，请先导入测评体系再设置检查项")
	}
	rows, err := s.db.Read().Query(ctx, `SELECT code FROM standards WHERE framework_id = ?`, fw)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var code string
		if err := rows.Scan(&code); err != nil {
			return nil, err
		}
		codes[code] = true
	}
	return codes, rows.Err()
}

func validateChecks(ctx context.Context, c *store.Conn, checks []CheckInput, standards map[string]bool, existing []Check) error {
	if len(checks) == 0 {
		return domain.Invalid("checks", "至少保留一个检查项；不再使用的类别请停用")
	}
	if len(checks) > 60 {
		return domain.Invalid("checks", "一个类别最多 60 个检查项")
	}
	seen := map[string]int{}
	for i := range checks {
		ch := &checks[i]
		field := func(f string) string { return fmt.Sprintf("checks[%d].%s", i, f) }
		row := fmt.Sprintf("第 %d 项", i+1)
		ch.Text = strings.TrimSpace(ch.Text)
		if err := domain.RequireText(field("text"), row+"检查内容", ch.Text, 100); err != nil {
			return err
		}
		if j, dup := seen[ch.Text]; dup {
			return domain.Invalid(field("text"), fmt.Sprintf("%s与第 %d 项内容重复", row, j+1))
		}
		seen[ch.Text] = i
		if domain.NameOf(Severities, ch.Severity) == "" {
			return domain.Invalid(field("severity"), row+"的严重程度只能是一般、较重或严重")
		}
		if n, err := c.Count(ctx, `SELECT COUNT(*) FROM case_categories WHERE id = ?`, ch.CaseCategoryID); err != nil || n == 0 {
			if err == nil {
				err = domain.Invalid(field("caseCategoryId"), row+"请选择不合格时生成的案件类别")
			}
			return err
		}
		if err := validateStandards(field("standardCodes"), row, ch, standards); err != nil {
			return err
		}
		if ch.ID != nil && !slices.ContainsFunc(existing, func(e Check) bool { return e.ID == *ch.ID }) {
			return domain.Invalid(field("id"), row+"不属于该类别")
		}
	}
	return nil
}

func validateStandards(field, row string, ch *CheckInput, standards map[string]bool) error {
	var codes []string
	for _, code := range ch.StandardCodes {
		code = strings.TrimSpace(code)
		if code == "" || slices.Contains(codes, code) {
			continue
		}
		if !standards[code] {
			return domain.Invalid(field, fmt.Sprintf("%s关联的测评标准“%s”不存在", row, code))
		}
		codes = append(codes, code)
	}
	if len(codes) == 0 {
		return domain.Invalid(field, row+"至少关联一条测评标准")
	}
	ch.StandardCodes = codes
	return nil
}

func saveChecks(ctx context.Context, c *store.Conn, categoryID int64, checks []CheckInput, existing []Check) error {
	kept := map[int64]bool{}
	for i, ch := range checks {
		codes := strings.Join(ch.StandardCodes, ",")
		if ch.ID != nil {
			kept[*ch.ID] = true
			if _, err := c.Exec(ctx, `UPDATE point_checks SET seq = ?, text = ?, severity = ?, case_category_id = ?, standard_codes = ?, active = TRUE WHERE id = ?`,
				i+1, ch.Text, ch.Severity, ch.CaseCategoryID, codes, *ch.ID); err != nil {
				return err
			}
			continue
		}
		if _, err := c.Insert(ctx, `INSERT INTO point_checks (category_id, seq, text, severity, case_category_id, standard_codes, active) VALUES (?, ?, ?, ?, ?, ?, TRUE)`,
			categoryID, i+1, ch.Text, ch.Severity, ch.CaseCategoryID, codes); err != nil {
			return err
		}
	}
	for _, e := range existing {
		if kept[e.ID] {
			continue
		}
		used, err := c.Count(ctx, `SELECT COUNT(*) FROM observations WHERE check_id = ?`, e.ID)
		if err != nil {
			return err
		}
		q := `DELETE FROM point_checks WHERE id = ?`
		if used > 0 {
			q = `UPDATE point_checks SET active = FALSE, seq = seq + 1000 WHERE id = ?`
		}
		if _, err := c.Exec(ctx, q, e.ID); err != nil {
			return err
		}
	}
	return nil
}
