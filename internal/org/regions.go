package org

import (
	"context"
	"errors"
	"strings"

	"wenming/internal/audit"
	"wenming/internal/domain"
	"wenming/internal/pinyin"
	"wenming/internal/store"
)

// RegionInput is what a person types to create or rename a region.
type RegionInput struct {
	Code     string `json:"code"`
	Name     string `json:"name"`
	ParentID *int64 `json:"parentId"`
	SortKey  string `json:"sortKey"`
	// Boundary is the outline as GeoJSON (a Polygon or MultiPolygon, or a
	// Feature holding one); on a change, absent keeps it and "" clears it.
	Boundary *string `json:"boundary,omitempty"`
}

// Regions lists every region, sorted by code. The tree is reference data
// every signed-in role may read; q keeps names or codes containing it.
func (s *Service) Regions(ctx context.Context, actor *domain.Actor, q string) (_ []domain.Region, err error) {
	defer domain.Wrap(&err, "org.Regions")
	if err := domain.CleanText("q", "搜索关键字", q); err != nil {
		return nil, err
	}
	query := `SELECT id, code, name, level, parent_id, sort_key, boundary <> '' FROM regions`
	var args []any
	if q = strings.TrimSpace(q); q != "" {
		query += ` WHERE name LIKE ? ESCAPE '\' OR code LIKE ?`
		args = append(args, store.Like(q), q+"%")
	}
	rows, err := s.db.Read().Query(ctx, query+" ORDER BY code", args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	list := []domain.Region{}
	for rows.Next() {
		var r domain.Region
		if err := rows.Scan(&r.ID, &r.Code, &r.Name, &r.Level, &r.ParentID, &r.SortKey, &r.HasBoundary); err != nil {
			return nil, err
		}
		list = append(list, r)
	}
	return list, rows.Err()
}

func getRegion(ctx context.Context, c *store.Conn, id int64) (domain.Region, error) {
	var r domain.Region
	err := c.Get(ctx, "区划", `SELECT id, code, name, level, parent_id, sort_key, boundary FROM regions WHERE id = ?`, []any{id},
		&r.ID, &r.Code, &r.Name, &r.Level, &r.ParentID, &r.SortKey, &r.Boundary)
	r.HasBoundary = r.Boundary != ""
	return r, err
}

func regionByCode(ctx context.Context, c *store.Conn, code string) (domain.Region, error) {
	var r domain.Region
	err := c.Get(ctx, "区划", `SELECT id, code, name, level, parent_id, sort_key FROM regions WHERE code = ?`, []any{code},
		&r.ID, &r.Code, &r.Name, &r.Level, &r.ParentID, &r.SortKey)
	return r, err
}

// regionWritable checks that a region code lies in the actor's scope.
func regionWritable(a *domain.Actor, code string) error {
	if a.Scope == domain.ScopeAll || (a.Scope == domain.ScopeRegion && strings.HasPrefix(code, a.RegionCode) && domain.SubtreePrefix(code) != a.RegionCode) {
		return nil
	}
	return outOfScope("区划“" + code + "”")
}

// CreateRegion adds a region under its parent.
func (s *Service) CreateRegion(ctx context.Context, actor *domain.Actor, in RegionInput) (_ domain.Region, err error) {
	defer domain.Wrap(&err, "org.CreateRegion")
	if err := requireOrgWriter(actor); err != nil {
		return domain.Region{}, err
	}
	in.Code, in.Name = strings.TrimSpace(in.Code), strings.TrimSpace(in.Name)
	if err := validateRegionInput(in); err != nil {
		return domain.Region{}, err
	}
	var r domain.Region
	err = s.db.Write(ctx, func(c *store.Conn) error {
		parentCode := ""
		if in.ParentID != nil {
			p, err := getRegion(ctx, c, *in.ParentID)
			if err != nil {
				return domain.Invalid("parentId", "上级区划不存在")
			}
			parentCode = p.Code
		} else if actor.Scope != domain.ScopeAll {
			return domain.Forbidden("只有全域范围的管理员可以新增顶级区划")
		}
		if err := domain.ValidateRegionCode(in.Code, parentCode); err != nil {
			return err
		}
		if err := regionWritable(actor, in.Code); err != nil {
			return err
		}
		var err error
		r, err = insertRegion(ctx, c, actor, in)
		return err
	})
	return r, err
}

func validateRegionInput(in RegionInput) error {
	if err := domain.RequireText("name", "区划名称", in.Name, 64); err != nil {
		return err
	}
	if in.Boundary != nil {
		if _, err := domain.ParseBoundary(*in.Boundary); err != nil {
			return err
		}
	}
	return domain.TextLimit("sortKey", "排序键", in.SortKey, 64)
}

func insertRegion(ctx context.Context, c *store.Conn, actor *domain.Actor, in RegionInput) (domain.Region, error) {
	r := domain.Region{Code: in.Code, Name: in.Name, Level: domain.RegionLevel(in.Code), ParentID: in.ParentID, SortKey: in.SortKey}
	if r.SortKey == "" {
		r.SortKey = pinyin.SortKey(r.Name)
	}
	if in.Boundary != nil {
		r.Boundary, r.HasBoundary = *in.Boundary, *in.Boundary != ""
	}
	var err error
	r.ID, err = c.Insert(ctx, `INSERT INTO regions (code, name, level, parent_id, sort_key, boundary, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
		r.Code, r.Name, r.Level, r.ParentID, r.SortKey, r.Boundary, c.Now, c.Now)
	if errors.Is(err, domain.ErrConflict) {
		return r, domain.Conflict("code", "区划代码“"+r.Code+"”已存在")
	}
	if err != nil {
		return r, err
	}
	if err := audit.Record(ctx, c, actor, audit.Change{Action: "create", Entity: "region", EntityID: r.ID,
		Summary: "新增区划“" + r.Name + "”（" + r.Code + "）", After: r}); err != nil {
		return r, err
	}
	if r.ParentID != nil {
		return r, nil
	}
	// A top region always has an office: the deployment's own.
	return r, insertJurisdiction(ctx, c, actor, domain.Jurisdiction{ID: r.ID, Code: r.Code, Name: r.Name})
}

// UpdateRegion renames a region or changes its sort key; its code and place
// in the tree stay, because codes are what other records and systems cite.
func (s *Service) UpdateRegion(ctx context.Context, actor *domain.Actor, id int64, in RegionInput) (_ domain.Region, err error) {
	defer domain.Wrap(&err, "org.UpdateRegion %d", id)
	if err := requireOrgWriter(actor); err != nil {
		return domain.Region{}, err
	}
	in.Name = strings.TrimSpace(in.Name)
	if err := validateRegionInput(in); err != nil {
		return domain.Region{}, err
	}
	var r domain.Region
	err = s.db.Write(ctx, func(c *store.Conn) error {
		before, err := getRegion(ctx, c, id)
		if err != nil {
			return err
		}
		if err := regionWritable(actor, before.Code); err != nil {
			return err
		}
		r, err = updateRegion(ctx, c, actor, before, in)
		return err
	})
	return r, err
}

func updateRegion(ctx context.Context, c *store.Conn, actor *domain.Actor, before domain.Region, in RegionInput) (domain.Region, error) {
	r := before
	r.Name, r.SortKey = strings.TrimSpace(in.Name), strings.TrimSpace(in.SortKey)
	if r.SortKey == "" {
		r.SortKey = pinyin.SortKey(r.Name)
	}
	if in.Boundary != nil {
		r.Boundary, r.HasBoundary = *in.Boundary, *in.Boundary != ""
	}
	if _, err := c.Exec(ctx, `UPDATE regions SET name = ?, sort_key = ?, boundary = ?, updated_at = ? WHERE id = ?`, r.Name, r.SortKey, r.Boundary, c.Now, r.ID); err != nil {
		return r, err
	}
	return r, audit.Record(ctx, c, actor, audit.Change{Action: "update", Entity: "region", EntityID: r.ID,
		Summary: "修改区划“" + r.Name + "”（" + r.Code + "）", Before: before, After: r})
}

// DeleteRegion removes a region that nothing refers to.
func (s *Service) DeleteRegion(ctx context.Context, actor *domain.Actor, id int64) (err error) {
	defer domain.Wrap(&err, "org.DeleteRegion %d", id)
	if err := requireOrgWriter(actor); err != nil {
		return err
	}
	return s.db.Write(ctx, func(c *store.Conn) error {
		r, err := getRegion(ctx, c, id)
		if err != nil {
			return err
		}
		if err := regionWritable(actor, r.Code); err != nil {
			return err
		}
		n, err := c.Count(ctx, `SELECT (SELECT COUNT(*) FROM regions WHERE parent_id = ?) + (SELECT COUNT(*) FROM units WHERE region_id = ?) + (SELECT COUNT(*) FROM users WHERE scope_region_id = ?)`, id, id, id)
		if err != nil {
			return err
		}
		if n > 0 {
			return domain.Conflict("", "区划“"+r.Name+"”下还有下级区划、单位或人员，不能删除")
		}
		if _, err := c.Exec(ctx, `DELETE FROM regions WHERE id = ?`, id); err != nil {
			return err
		}
		return audit.Record(ctx, c, actor, audit.Change{Action: "delete", Entity: "region", EntityID: id,
			Summary: "删除区划“" + r.Name + "”（" + r.Code + "）", Before: r})
	})
}

// parentCodeOf finds the nearest existing ancestor of a code: the code less
// its last three digits for streets and below; for 6-digit codes the city
// (XXXX00) or province (XX0000) code.
func parentCodeOf(ctx context.Context, c *store.Conn, code string) (string, error) {
	var candidates []string
	if len(code) > 6 {
		candidates = []string{code[:len(code)-3]}
	} else {
		if code[4:] != "00" {
			candidates = append(candidates, code[:4]+"00")
		}
		if code[2:] != "0000" {
			candidates = append(candidates, code[:2]+"0000")
		}
	}
	for _, p := range candidates {
		_, err := regionByCode(ctx, c, p)
		if err == nil {
			return p, nil
		}
		if !errors.Is(err, domain.ErrNotFound) {
			return "", err
		}
	}
	return "", nil
}
