package framework

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"wenming/internal/audit"
	"wenming/internal/domain"
	"wenming/internal/store"
)

// NodeInput is an item, indicator or content as edited. Weights of items
// and indicators are always the sums of their children.
type NodeInput struct {
	ParentID  *int64  `json:"parentId"`
	Code      string  `json:"code"`
	Name      string  `json:"name"`
	Part      string  `json:"part"`
	Weight    float64 `json:"weight"`
	ScoreMode string  `json:"scoreMode"`
}

// StandardInput is a standard as edited.
type StandardInput struct {
	ContentID          int64    `json:"contentId"`
	Code               string   `json:"code"`
	Text               string   `json:"text"`
	Methods            []string `json:"methods"`
	Metric             string   `json:"metric"`
	Comparator         string   `json:"comparator"`
	Threshold          *float64 `json:"threshold"`
	Threshold2         *float64 `json:"threshold2"`
	MeasureUnit        string   `json:"measureUnit"`
	Categories         []string `json:"categories"`
	LeadUnitIDs        []int64  `json:"leadUnitIds"`
	ResponsibleUnitIDs []int64  `json:"responsibleUnitIds"`
}

// NegativeInput is a negative-list item as edited.
type NegativeInput struct {
	Code        string   `json:"code"`
	Text        string   `json:"text"`
	Effect      string   `json:"effect"`
	Points      *float64 `json:"points"`
	ContentCode string   `json:"contentCode"`
}

func getNode(ctx context.Context, c *store.Conn, frameworkID, id int64) (domain.Node, error) {
	var n domain.Node
	err := c.Get(ctx, "指标节点", `SELECT id, parent_id, level, code, name, part, weight, score_mode FROM framework_nodes WHERE id = ? AND framework_id = ?`,
		[]any{id, frameworkID}, &n.ID, &n.ParentID, &n.Level, &n.Code, &n.Name, &n.Part, &n.Weight, &n.ScoreMode)
	return n, err
}

// rolledUp returns a node with its derived weight, as the tree shows it.
func rolledUp(ctx context.Context, c *store.Conn, f domain.Framework, id int64) (domain.Node, error) {
	nodes, err := loadNodes(ctx, c, f.ID)
	if err != nil {
		return domain.Node{}, err
	}
	for _, n := range nodes {
		if n.ID == id {
			return n, nil
		}
	}
	return domain.Node{}, domain.NotFound("指标节点")
}

func (in *NodeInput) node(parent *domain.Node) (domain.Node, error) {
	n := domain.Node{ParentID: in.ParentID, Code: strings.TrimSpace(in.Code), Name: strings.TrimSpace(in.Name),
		Part: in.Part, Weight: in.Weight, ScoreMode: in.ScoreMode, Level: 1}
	if err := domain.ValidateCode("code", n.Code); err != nil {
		return n, err
	}
	if err := domain.RequireText("name", "名称", n.Name, 200); err != nil {
		return n, err
	}
	if parent != nil {
		n.Level, n.Part = parent.Level+1, parent.Part
		if parent.Level >= 3 {
			return n, domain.Invalid("parentId", "测评内容之下只能添加测评标准")
		}
		if domain.ParentCode(n.Code) != parent.Code {
			return n, domain.Invalid("code", "编码应为上级编码“"+parent.Code+"”加“.序号”")
		}
	} else if domain.CodeLevel(n.Code) != 1 {
		return n, domain.Invalid("code", "测评项目的编码应为一个数字，如 3")
	}
	if n.Part != "basic" && n.Part != "special" {
		return n, domain.Invalid("part", "部分应为基本指标或特色指标")
	}
	if n.ScoreMode == "" {
		n.ScoreMode = "rate"
	}
	if n.ScoreMode != "rate" && n.ScoreMode != "grade" {
		return n, domain.Invalid("scoreMode", "计分方式应为得分率或等级")
	}
	if n.Level == 3 && (n.Weight <= 0 || n.Weight > 100) {
		return n, domain.Invalid("weight", "测评内容的分值应大于 0 且不超过 100")
	}
	if n.Level < 3 {
		n.Weight = 0
	}
	return n, nil
}

// CreateNode adds an item, indicator or content to a draft.
func (s *Service) CreateNode(ctx context.Context, actor *domain.Actor, frameworkID int64, in NodeInput) (_ domain.Node, err error) {
	defer domain.Wrap(&err, "framework.CreateNode %d", frameworkID)
	var n domain.Node
	err = s.db.Write(ctx, func(c *store.Conn) error {
		f, err := draft(ctx, c, actor, frameworkID)
		if err != nil {
			return err
		}
		var parent *domain.Node
		if in.ParentID != nil {
			p, err := getNode(ctx, c, frameworkID, *in.ParentID)
			if err != nil {
				return domain.Invalid("parentId", "上级节点不存在")
			}
			parent = &p
		}
		if n, err = in.node(parent); err != nil {
			return err
		}
		n.ID, err = c.Insert(ctx, `INSERT INTO framework_nodes (framework_id, parent_id, level, code, name, part, weight, score_mode) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
			frameworkID, n.ParentID, n.Level, n.Code, n.Name, n.Part, n.Weight, n.ScoreMode)
		if errors.Is(err, domain.ErrConflict) {
			return domain.Conflict("code", "编码“"+n.Code+"”已存在")
		}
		if err != nil {
			return err
		}
		if n, err = rolledUp(ctx, c, f, n.ID); err != nil {
			return err
		}
		return audit.Record(ctx, c, actor, audit.Change{Action: "create", Entity: "framework_node", EntityID: n.ID,
			Summary: fmt.Sprintf("在“%s”v%d 中新增 %s %s", f.Name, f.Version, n.Code, n.Name), After: n})
	})
	return n, err
}

// UpdateNode renames a node or changes a content's weight and score mode;
// its code and place stay.
func (s *Service) UpdateNode(ctx context.Context, actor *domain.Actor, frameworkID, id int64, in NodeInput) (_ domain.Node, err error) {
	defer domain.Wrap(&err, "framework.UpdateNode %d %d", frameworkID, id)
	var n domain.Node
	err = s.db.Write(ctx, func(c *store.Conn) error {
		f, err := draft(ctx, c, actor, frameworkID)
		if err != nil {
			return err
		}
		before, err := rolledUp(ctx, c, f, id)
		if err != nil {
			return err
		}
		var parent *domain.Node
		if before.ParentID != nil {
			p, err := getNode(ctx, c, frameworkID, *before.ParentID)
			if err != nil {
				return err
			}
			parent = &p
		}
		in.Code, in.ParentID = before.Code, before.ParentID
		if in.Part == "" {
			in.Part = before.Part
		}
		if n, err = in.node(parent); err != nil {
			return err
		}
		n.ID = id
		if _, err := c.Exec(ctx, `UPDATE framework_nodes SET name = ?, part = ?, weight = ?, score_mode = ? WHERE id = ?`, n.Name, n.Part, n.Weight, n.ScoreMode, id); err != nil {
			return err
		}
		if n.Level == 1 && n.Part != before.Part {
			if _, err := c.Exec(ctx, `UPDATE framework_nodes SET part = ? WHERE framework_id = ? AND (code LIKE ?)`, n.Part, frameworkID, n.Code+".%"); err != nil {
				return err
			}
		}
		if n, err = rolledUp(ctx, c, f, id); err != nil {
			return err
		}
		return audit.Record(ctx, c, actor, audit.Change{Action: "update", Entity: "framework_node", EntityID: id,
			Summary: "修改指标 " + n.Code + " " + n.Name, Before: before, After: n})
	})
	return n, err
}

// DeleteNode removes a node with everything under it.
func (s *Service) DeleteNode(ctx context.Context, actor *domain.Actor, frameworkID, id int64) (err error) {
	defer domain.Wrap(&err, "framework.DeleteNode %d %d", frameworkID, id)
	return s.db.Write(ctx, func(c *store.Conn) error {
		if _, err := draft(ctx, c, actor, frameworkID); err != nil {
			return err
		}
		n, err := getNode(ctx, c, frameworkID, id)
		if err != nil {
			return err
		}
		if _, err := c.Exec(ctx, `DELETE FROM framework_nodes WHERE framework_id = ? AND (id = ? OR code LIKE ?)`, frameworkID, id, n.Code+".%"); err != nil {
			return err
		}
		return audit.Record(ctx, c, actor, audit.Change{Action: "delete", Entity: "framework_node", EntityID: id,
			Summary: "删除指标 " + n.Code + " " + n.Name + " 及其下级", Before: n})
	})
}

// standardOf checks a standard input and names its units.
func (s *Service) standardOf(ctx context.Context, c *store.Conn, f domain.Framework, in StandardInput) (domain.Standard, error) {
	frameworkID := f.ID
	st := domain.Standard{ContentID: in.ContentID, Code: in.Code, Text: in.Text, Methods: in.Methods, Metric: strings.TrimSpace(in.Metric),
		Comparator: in.Comparator, Threshold: in.Threshold, Threshold2: in.Threshold2, MeasureUnit: strings.TrimSpace(in.MeasureUnit), Categories: in.Categories}
	if st.Methods == nil {
		st.Methods = []string{}
	}
	if st.Categories == nil {
		st.Categories = []string{}
	}
	if err := st.Validate(); err != nil {
		return st, err
	}
	content, err := getNode(ctx, c, frameworkID, in.ContentID)
	if err != nil || content.Level != 3 {
		return st, domain.Invalid("contentId", "测评标准须挂在测评内容之下")
	}
	if domain.ParentCode(st.Code) != content.Code {
		return st, domain.Invalid("code", "标准编码应为测评内容编码“"+content.Code+"”加“.序号”")
	}
	if len(in.LeadUnitIDs) == 0 {
		return st, domain.Invalid("leadUnitIds", "请选择至少一个牵头单位")
	}
	dir, err := s.org.Directory(ctx)
	if err != nil {
		return st, err
	}
	codes, err := s.jurisdictionCodes(ctx)
	if err != nil {
		return st, err
	}
	refs := func(field string, ids []int64) ([]domain.UnitRef, error) {
		out := []domain.UnitRef{}
		for _, id := range ids {
			u, ok := dir[id]
			if !ok {
				return nil, domain.Invalid(field, fmt.Sprintf("单位 %d 不存在", id))
			}
			if !unitUnder(u, f, codes) {
				return nil, domain.Invalid(field, fmt.Sprintf("单位“%s”不在%s辖区内，测评标准只能由本辖区或下级辖区的单位负责", u.Name, f.JurisdictionName))
			}
			out = append(out, domain.UnitRef{ID: id, Name: u.Name})
		}
		return out, nil
	}
	if st.LeadUnits, err = refs("leadUnitIds", in.LeadUnitIDs); err != nil {
		return st, err
	}
	st.ResponsibleUnits, err = refs("responsibleUnitIds", in.ResponsibleUnitIDs)
	return st, err
}

// CreateStandard adds a standard under a content of a draft.
func (s *Service) CreateStandard(ctx context.Context, actor *domain.Actor, frameworkID int64, in StandardInput) (_ domain.Standard, err error) {
	defer domain.Wrap(&err, "framework.CreateStandard %d", frameworkID)
	var st domain.Standard
	err = s.db.Write(ctx, func(c *store.Conn) error {
		f, err := draft(ctx, c, actor, frameworkID)
		if err != nil {
			return err
		}
		if st, err = s.standardOf(ctx, c, f, in); err != nil {
			return err
		}
		n, err := c.Count(ctx, `SELECT COUNT(*) FROM standards WHERE framework_id = ? AND code = ?`, frameworkID, st.Code)
		if err != nil {
			return err
		}
		if n > 0 {
			return domain.Conflict("code", "标准编码“"+st.Code+"”已存在")
		}
		if st.ID, err = insertStandard(ctx, c, frameworkID, st, 0); err != nil {
			return err
		}
		return audit.Record(ctx, c, actor, audit.Change{Action: "create", Entity: "standard", EntityID: st.ID,
			Summary: fmt.Sprintf("在“%s”v%d 中新增测评标准 %s", f.Name, f.Version, st.Code), After: st})
	})
	return st, err
}

func getStandard(ctx context.Context, c *store.Conn, frameworkID, id int64, dir map[int64]domain.Unit) (domain.Standard, error) {
	list, err := loadStandards(ctx, c, "id = ?", id, dir)
	if err != nil {
		return domain.Standard{}, err
	}
	if len(list) == 0 {
		return domain.Standard{}, domain.NotFound("测评标准")
	}
	var fid int64
	if err := c.Get(ctx, "测评标准", `SELECT framework_id FROM standards WHERE id = ?`, []any{id}, &fid); err != nil {
		return domain.Standard{}, err
	}
	if frameworkID != 0 && fid != frameworkID {
		return domain.Standard{}, domain.NotFound("测评标准")
	}
	return list[0], nil
}

// UpdateStandard changes a standard of a draft; its code stays.
func (s *Service) UpdateStandard(ctx context.Context, actor *domain.Actor, frameworkID, id int64, in StandardInput) (_ domain.Standard, err error) {
	defer domain.Wrap(&err, "framework.UpdateStandard %d %d", frameworkID, id)
	var st domain.Standard
	err = s.db.Write(ctx, func(c *store.Conn) error {
		f, err := draft(ctx, c, actor, frameworkID)
		if err != nil {
			return err
		}
		before, err := getStandard(ctx, c, frameworkID, id, nil)
		if err != nil {
			return err
		}
		in.Code, in.ContentID = before.Code, before.ContentID
		if st, err = s.standardOf(ctx, c, f, in); err != nil {
			return err
		}
		st.ID = id
		if _, err := c.Exec(ctx, `UPDATE standards SET text = ?, methods = ?, metric = ?, comparator = ?, threshold = ?, threshold2 = ?, measure_unit = ?, categories = ? WHERE id = ?`,
			st.Text, joinList(st.Methods), st.Metric, st.Comparator, st.Threshold, st.Threshold2, st.MeasureUnit, joinList(st.Categories), id); err != nil {
			return err
		}
		if err := setStandardUnits(ctx, c, id, st); err != nil {
			return err
		}
		return audit.Record(ctx, c, actor, audit.Change{Action: "update", Entity: "standard", EntityID: id,
			Summary: "修改测评标准 " + st.Code, Before: before, After: st})
	})
	return st, err
}

// DeleteStandard removes a standard from a draft.
func (s *Service) DeleteStandard(ctx context.Context, actor *domain.Actor, frameworkID, id int64) (err error) {
	defer domain.Wrap(&err, "framework.DeleteStandard %d %d", frameworkID, id)
	return s.db.Write(ctx, func(c *store.Conn) error {
		if _, err := draft(ctx, c, actor, frameworkID); err != nil {
			return err
		}
		st, err := getStandard(ctx, c, frameworkID, id, nil)
		if err != nil {
			return err
		}
		if _, err := c.Exec(ctx, `DELETE FROM standards WHERE id = ?`, id); err != nil {
			return err
		}
		return audit.Record(ctx, c, actor, audit.Change{Action: "delete", Entity: "standard", EntityID: id,
			Summary: "删除测评标准 " + st.Code, Before: st})
	})
}

func (in *NegativeInput) negative() (domain.Negative, error) {
	n := domain.Negative{Code: strings.TrimSpace(in.Code), Text: strings.TrimSpace(in.Text), Effect: in.Effect, Points: in.Points, ContentCode: strings.TrimSpace(in.ContentCode)}
	if err := domain.ValidateCode("code", n.Code); err != nil {
		return n, err
	}
	if err := domain.RequireText("text", "事项", n.Text, 500); err != nil {
		return n, err
	}
	switch n.Effect {
	case "deduct":
		if n.Points == nil || *n.Points <= 0 || *n.Points > 100 {
			return n, domain.Invalid("points", "扣分事项须填写大于 0 的扣分")
		}
	case "veto":
		n.Points = nil
	default:
		return n, domain.Invalid("effect", "处理方式应为扣分或一票否决")
	}
	return n, nil
}

// CreateNegative adds a negative-list item to a draft.
func (s *Service) CreateNegative(ctx context.Context, actor *domain.Actor, frameworkID int64, in NegativeInput) (_ domain.Negative, err error) {
	defer domain.Wrap(&err, "framework.CreateNegative %d", frameworkID)
	n, err := in.negative()
	if err != nil {
		return n, err
	}
	err = s.db.Write(ctx, func(c *store.Conn) error {
		if _, err := draft(ctx, c, actor, frameworkID); err != nil {
			return err
		}
		if err := checkContentCode(ctx, c, frameworkID, n.ContentCode); err != nil {
			return err
		}
		if cnt, err := c.Count(ctx, `SELECT COUNT(*) FROM negative_items WHERE framework_id = ? AND code = ?`, frameworkID, n.Code); err != nil {
			return err
		} else if cnt > 0 {
			return domain.Conflict("code", "编码“"+n.Code+"”已存在")
		}
		if err := insertNegative(ctx, c, frameworkID, n, 0); err != nil {
			return err
		}
		if err := c.Get(ctx, "负面清单", `SELECT id FROM negative_items WHERE framework_id = ? AND code = ?`, []any{frameworkID, n.Code}, &n.ID); err != nil {
			return err
		}
		return audit.Record(ctx, c, actor, audit.Change{Action: "create", Entity: "negative", EntityID: n.ID, Summary: "新增负面清单 " + n.Code, After: n})
	})
	return n, err
}

func checkContentCode(ctx context.Context, c *store.Conn, frameworkID int64, code string) error {
	if code == "" {
		return nil
	}
	n, err := c.Count(ctx, `SELECT COUNT(*) FROM framework_nodes WHERE framework_id = ? AND code = ? AND level = 3`, frameworkID, code)
	if err != nil {
		return err
	}
	if n == 0 {
		return domain.Invalid("contentCode", "扣分内容“"+code+"”不是本体系的测评内容")
	}
	return nil
}

// UpdateNegative changes a negative-list item of a draft.
func (s *Service) UpdateNegative(ctx context.Context, actor *domain.Actor, frameworkID, id int64, in NegativeInput) (_ domain.Negative, err error) {
	defer domain.Wrap(&err, "framework.UpdateNegative %d %d", frameworkID, id)
	n, err := in.negative()
	if err != nil {
		return n, err
	}
	err = s.db.Write(ctx, func(c *store.Conn) error {
		if _, err := draft(ctx, c, actor, frameworkID); err != nil {
			return err
		}
		if err := checkContentCode(ctx, c, frameworkID, n.ContentCode); err != nil {
			return err
		}
		var before domain.Negative
		if err := c.Get(ctx, "负面清单", `SELECT id, code, text, effect, points, content_code FROM negative_items WHERE id = ? AND framework_id = ?`, []any{id, frameworkID},
			&before.ID, &before.Code, &before.Text, &before.Effect, &before.Points, &before.ContentCode); err != nil {
			return err
		}
		n.ID, n.Code = id, before.Code
		if _, err := c.Exec(ctx, `UPDATE negative_items SET text = ?, effect = ?, points = ?, content_code = ? WHERE id = ?`, n.Text, n.Effect, n.Points, n.ContentCode, id); err != nil {
			return err
		}
		return audit.Record(ctx, c, actor, audit.Change{Action: "update", Entity: "negative", EntityID: id, Summary: "修改负面清单 " + n.Code, Before: before, After: n})
	})
	return n, err
}

// DeleteNegative removes a negative-list item from a draft.
func (s *Service) DeleteNegative(ctx context.Context, actor *domain.Actor, frameworkID, id int64) (err error) {
	defer domain.Wrap(&err, "framework.DeleteNegative %d %d", frameworkID, id)
	return s.db.Write(ctx, func(c *store.Conn) error {
		if _, err := draft(ctx, c, actor, frameworkID); err != nil {
			return err
		}
		var code string
		if err := c.Get(ctx, "负面清单", `SELECT code FROM negative_items WHERE id = ? AND framework_id = ?`, []any{id, frameworkID}, &code); err != nil {
			return err
		}
		if _, err := c.Exec(ctx, `DELETE FROM negative_items WHERE id = ?`, id); err != nil {
			return err
		}
		return audit.Record(ctx, c, actor, audit.Change{Action: "delete", Entity: "negative", EntityID: id, Summary: "删除负面清单 " + code})
	})
}
