package org

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"wenming/internal/audit"
	"wenming/internal/domain"
	"wenming/internal/pinyin"
	"wenming/internal/store"
)

// UnitInput is the editable part of a unit.
type UnitInput struct {
	Name     string `json:"name"`
	Kind     string `json:"kind"`
	Class    string `json:"class"`
	ParentID *int64 `json:"parentId"`
	RegionID *int64 `json:"regionId"`
	SortKey  string `json:"sortKey"`
}

// UnitFilter narrows the unit list.
type UnitFilter struct {
	Q        string
	Kind     string
	Class    string
	RegionID int64
	Page     int
	Size     int
}

const (
	unitColumns = `SELECT un.id, un.name, un.kind, un.class, un.parent_id, COALESCE(pu.name, ''), un.region_id,
	COALESCE(ur.name, ''), COALESCE(ur.code, ''), un.jurisdiction_id, un.path, un.sort_key, `
	unitsFrom   = ` FROM units un LEFT JOIN units pu ON pu.id = un.parent_id LEFT JOIN regions ur ON ur.id = un.region_id`
	selectUnits = unitColumns + `(SELECT COUNT(*) FROM users x WHERE x.unit_id = un.id AND x.disabled = FALSE)` + unitsFrom
	// selectUnitNames leaves out the head count, which costs a subquery a
	// unit and which areas naming units never need.
	selectUnitNames = unitColumns + `0` + unitsFrom
)

func scanUnit(r interface{ Scan(...any) error }) (domain.Unit, error) {
	var u domain.Unit
	err := r.Scan(&u.ID, &u.Name, &u.Kind, &u.Class, &u.ParentID, &u.ParentName, &u.RegionID,
		&u.RegionName, &u.RegionCode, &u.JurisdictionID, &u.Path, &u.SortKey, &u.PeopleCount)
	return u, err
}

// Units lists one page of the units in the actor's scope.
func (s *Service) Units(ctx context.Context, actor *domain.Actor, f UnitFilter) (_ []domain.Unit, _ int, err error) {
	defer domain.Wrap(&err, "org.Units")
	if err := requireReader(actor); err != nil {
		return nil, 0, err
	}
	if err := domain.CleanText("q", "搜索关键字", f.Q); err != nil {
		return nil, 0, err
	}
	cond, args := unitScopeSQL(actor)
	conds := []string{cond}
	if q := strings.TrimSpace(f.Q); q != "" {
		conds = append(conds, `(un.name LIKE ? ESCAPE '\' OR un.sort_key LIKE ? ESCAPE '\')`)
		args = append(args, store.Like(q), store.Like(strings.ToLower(q)))
	}
	if f.Kind != "" {
		conds = append(conds, "un.kind = ?")
		args = append(args, f.Kind)
	}
	if f.Class != "" {
		conds = append(conds, "un.class = ?")
		args = append(args, f.Class)
	}
	c := s.db.Read()
	if f.RegionID != 0 {
		r, err := getRegion(ctx, c, f.RegionID)
		if err != nil {
			return nil, 0, domain.Invalid("regionId", "所选区划不存在")
		}
		conds = append(conds, "ur.code LIKE ?")
		args = append(args, domain.SubtreePrefix(r.Code)+"%")
	}
	where := " WHERE " + strings.Join(conds, " AND ")
	total, err := c.Count(ctx, `SELECT COUNT(*) FROM units un LEFT JOIN regions ur ON ur.id = un.region_id`+where, args...)
	if err != nil {
		return nil, 0, err
	}
	rows, err := c.Query(ctx, selectUnits+where+" ORDER BY un.sort_key, un.id LIMIT ? OFFSET ?", append(args, f.Size, (f.Page-1)*f.Size)...)
	if err != nil {
		return nil, 0, err
	}
	defer rows.Close()
	list := []domain.Unit{}
	for rows.Next() {
		u, err := scanUnit(rows)
		if err != nil {
			return nil, 0, err
		}
		list = append(list, u)
	}
	return list, total, rows.Err()
}

func getUnit(ctx context.Context, c *store.Conn, id int64) (domain.Unit, error) {
	u, err := scanUnit(c.QueryRow(ctx, selectUnits+" WHERE un.id = ?", id))
	if errors.Is(err, sql.ErrNoRows) {
		return u, domain.NotFound("单位")
	}
	return u, err
}

// unitByName finds a unit by name within a jurisdiction: names are unique
// there only, and are never resolved into another.
func unitByName(ctx context.Context, c *store.Conn, jurisdiction int64, name string) (domain.Unit, error) {
	u, err := scanUnit(c.QueryRow(ctx, selectUnits+" WHERE un.name = ? AND un.jurisdiction_id = ?", name, jurisdiction))
	if errors.Is(err, sql.ErrNoRows) {
		return u, domain.NotFound("单位“" + name + "”")
	}
	return u, err
}

// unitNamed resolves a unit name typed by the actor (in an import, on the
// command line): within the actor's own jurisdiction first, else within the
// jurisdictions it reads, where the name must be unambiguous. A name is
// never resolved into a jurisdiction the actor does not read.
func unitNamed(ctx context.Context, c *store.Conn, actor *domain.Actor, name string) (domain.Unit, error) {
	if u, err := unitByName(ctx, c, actor.JurisdictionID, name); !errors.Is(err, domain.ErrNotFound) {
		return u, err
	}
	reach, args := store.Reach(actor, "un.jurisdiction_id")
	rows, err := c.Query(ctx, selectUnits+" WHERE un.name = ? AND "+reach+" ORDER BY un.id LIMIT 2", append([]any{name}, args...)...)
	if err != nil {
		return domain.Unit{}, err
	}
	defer rows.Close()
	var found []domain.Unit
	for rows.Next() {
		u, err := scanUnit(rows)
		if err != nil {
			return u, err
		}
		found = append(found, u)
	}
	if err := rows.Err(); err != nil {
		return domain.Unit{}, err
	}
	switch len(found) {
	case 0:
		return domain.Unit{}, domain.NotFound("单位“" + name + "”")
	case 1:
		return found[0], nil
	}
	return domain.Unit{}, domain.Invalid("unitId", "多个辖区都有单位“"+name+"”，请在本辖区内导入或改用单位所在辖区的账号")
}

// Unit returns one unit in the actor's scope.
func (s *Service) Unit(ctx context.Context, actor *domain.Actor, id int64) (_ domain.Unit, err error) {
	defer domain.Wrap(&err, "org.Unit %d", id)
	if err := requireReader(actor); err != nil {
		return domain.Unit{}, err
	}
	u, err := getUnit(ctx, s.db.Read(), id)
	if err != nil {
		return u, err
	}
	if !actor.SeesUnit(u.Path, u.RegionCode) {
		return domain.Unit{}, outOfScope("该单位")
	}
	return u, nil
}

// CreateUnit adds a unit in the actor's scope.
func (s *Service) CreateUnit(ctx context.Context, actor *domain.Actor, in UnitInput) (_ domain.Unit, err error) {
	defer domain.Wrap(&err, "org.CreateUnit")
	if err := requireOrgWriter(actor); err != nil {
		return domain.Unit{}, err
	}
	var u domain.Unit
	err = s.db.Write(ctx, func(c *store.Conn) error {
		if err := c.LockTree(ctx, "units"); err != nil {
			return err
		}
		var err error
		u, err = createUnit(ctx, c, actor, in)
		return err
	})
	return u, err
}

func createUnit(ctx context.Context, c *store.Conn, actor *domain.Actor, in UnitInput) (domain.Unit, error) {
	u, err := resolveUnit(ctx, c, actor, in)
	if err != nil {
		return u, err
	}
	u.ID, err = c.Insert(ctx, `INSERT INTO units (name, kind, class, parent_id, region_id, jurisdiction_id, path, sort_key, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, '', ?, ?, ?)`,
		u.Name, u.Kind, u.Class, u.ParentID, u.RegionID, u.JurisdictionID, u.SortKey, c.Now, c.Now)
	if errors.Is(err, domain.ErrConflict) {
		return u, domain.Conflict("name", "本辖区已有单位“"+u.Name+"”")
	}
	if err != nil {
		return u, err
	}
	u.Path = fmt.Sprintf("%s%d/", u.Path, u.ID)
	if _, err := c.Exec(ctx, `UPDATE units SET path = ? WHERE id = ?`, u.Path, u.ID); err != nil {
		return u, err
	}
	return u, audit.Record(ctx, c, actor, audit.Change{Action: "create", Entity: "unit", EntityID: u.ID,
		Summary: "新增单位“" + u.Name + "”", After: u})
}

// resolveUnit validates the input, looks up parent and region, and checks
// that the unit will sit in the actor's scope. The returned Path is the
// parent's path (or "/"), ready for the unit's own id.
func resolveUnit(ctx context.Context, c *store.Conn, actor *domain.Actor, in UnitInput) (domain.Unit, error) {
	u := domain.Unit{Name: strings.TrimSpace(in.Name), Kind: in.Kind, Class: strings.ToUpper(strings.TrimSpace(in.Class)),
		ParentID: in.ParentID, RegionID: in.RegionID, SortKey: strings.TrimSpace(in.SortKey), Path: "/"}
	if err := u.Validate(); err != nil {
		return u, err
	}
	if u.SortKey == "" {
		u.SortKey = pinyin.SortKey(u.Name)
	}
	if u.RegionID != nil {
		r, err := getRegion(ctx, c, *u.RegionID)
		if err != nil {
			return u, domain.Invalid("regionId", "所属区划不存在")
		}
		u.RegionName, u.RegionCode = r.Name, r.Code
	}
	var parentRegion *int64
	var parent *domain.Unit
	if u.ParentID != nil {
		p, err := getUnit(ctx, c, *u.ParentID)
		if err != nil {
			return u, domain.Invalid("parentId", "上级单位不存在")
		}
		if !actor.SeesUnit(p.Path, p.RegionCode) {
			return u, domain.Invalid("parentId", "上级单位“"+p.Name+"”不在您的数据范围内")
		}
		u.ParentName, u.Path, parentRegion, parent = p.Name, p.Path, p.RegionID, &p
	}
	var err error
	if u.JurisdictionID, err = unitJurisdiction(ctx, c, u, parent); err != nil {
		return u, err
	}
	// A unit-scoped writer sees units by their place in the tree, not by
	// region, so it may not file a unit under a region of its choosing.
	if actor.Scope == domain.ScopeUnit && u.RegionID != nil && (parentRegion == nil || *parentRegion != *u.RegionID) {
		return u, domain.Invalid("regionId", "所属区划须留空或与上级单位的所属区划相同")
	}
	if !actor.SeesUnit(u.Path, u.RegionCode) || (actor.Scope == domain.ScopeRegion && u.RegionCode == "") {
		return u, domain.Forbidden("单位须在您的数据范围内（请选择您管辖范围内的所属区划）")
	}
	return u, nil
}

// UpdateUnit changes a unit; moving it under another parent moves its
// whole subtree.
func (s *Service) UpdateUnit(ctx context.Context, actor *domain.Actor, id int64, in UnitInput) (_ domain.Unit, err error) {
	defer domain.Wrap(&err, "org.UpdateUnit %d", id)
	if err := requireOrgWriter(actor); err != nil {
		return domain.Unit{}, err
	}
	var u domain.Unit
	err = s.db.Write(ctx, func(c *store.Conn) error {
		if err := c.LockTree(ctx, "units"); err != nil {
			return err
		}
		before, err := getUnit(ctx, c, id)
		if err != nil {
			return err
		}
		if !actor.SeesUnit(before.Path, before.RegionCode) {
			return outOfScope("该单位")
		}
		u, err = updateUnit(ctx, c, actor, before, in)
		return err
	})
	return u, err
}

func updateUnit(ctx context.Context, c *store.Conn, actor *domain.Actor, before domain.Unit, in UnitInput) (domain.Unit, error) {
	u, err := resolveUnit(ctx, c, actor, in)
	if err != nil {
		return u, err
	}
	u.ID, u.PeopleCount = before.ID, before.PeopleCount
	newPath := fmt.Sprintf("%s%d/", u.Path, u.ID)
	if strings.HasPrefix(u.Path, before.Path) {
		return u, domain.Invalid("parentId", "上级单位不能是本单位或其下级单位")
	}
	if newPath != before.Path {
		if err := subtreeInScope(ctx, c, actor, before); err != nil {
			return u, err
		}
	}
	u.Path = newPath
	_, err = c.Exec(ctx, `UPDATE units SET name = ?, kind = ?, class = ?, parent_id = ?, region_id = ?, jurisdiction_id = ?, sort_key = ?, updated_at = ? WHERE id = ?`,
		u.Name, u.Kind, u.Class, u.ParentID, u.RegionID, u.JurisdictionID, u.SortKey, c.Now, u.ID)
	if errors.Is(err, domain.ErrConflict) {
		return u, domain.Conflict("name", "本辖区已有单位“"+u.Name+"”")
	}
	if err != nil {
		return u, err
	}
	if newPath != before.Path {
		// Re-root the subtree: every descendant's path starts with the old one.
		if _, err := c.Exec(ctx, `UPDATE units SET path = ? || SUBSTR(path, ?) WHERE path LIKE ?`,
			newPath, len(before.Path)+1, before.Path+"%"); err != nil {
			return u, err
		}
	}
	return u, audit.Record(ctx, c, actor, audit.Change{Action: "update", Entity: "unit", EntityID: u.ID,
		Summary: "修改单位“" + u.Name + "”", Before: before, After: u})
}

// subtreeInScope refuses to move a unit whose sub-units are not all in the
// actor's scope: moving it would move them too.
func subtreeInScope(ctx context.Context, c *store.Conn, actor *domain.Actor, u domain.Unit) error {
	rows, err := c.Query(ctx, `SELECT un.name, un.path, COALESCE(ur.code, '') FROM units un LEFT JOIN regions ur ON ur.id = un.region_id
		WHERE un.path LIKE ? AND un.id <> ? ORDER BY un.path`, u.Path+"%", u.ID)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var name, path, region string
		if err := rows.Scan(&name, &path, &region); err != nil {
			return err
		}
		if !actor.SeesUnit(path, region) {
			return domain.Invalid("parentId", "下级单位“"+name+"”不在您的数据范围内，不能移动单位“"+u.Name+"”")
		}
	}
	return rows.Err()
}

// DeleteUnit removes a unit with no people and no sub-units.
func (s *Service) DeleteUnit(ctx context.Context, actor *domain.Actor, id int64) (err error) {
	defer domain.Wrap(&err, "org.DeleteUnit %d", id)
	if err := requireOrgWriter(actor); err != nil {
		return err
	}
	return s.db.Write(ctx, func(c *store.Conn) error {
		if err := c.LockTree(ctx, "units"); err != nil {
			return err
		}
		u, err := getUnit(ctx, c, id)
		if err != nil {
			return err
		}
		if !actor.SeesUnit(u.Path, u.RegionCode) {
			return outOfScope("该单位")
		}
		n, err := c.Count(ctx, `SELECT (SELECT COUNT(*) FROM units WHERE parent_id = ?) + (SELECT COUNT(*) FROM users WHERE unit_id = ?)`, id, id)
		if err != nil {
			return err
		}
		if n > 0 {
			return domain.Conflict("", "单位“"+u.Name+"”下还有下级单位或人员（含已停用账号），不能删除")
		}
		if _, err := c.Exec(ctx, `DELETE FROM units WHERE id = ?`, id); err != nil {
			return err
		}
		return audit.Record(ctx, c, actor, audit.Change{Action: "delete", Entity: "unit", EntityID: id,
			Summary: "删除单位“" + u.Name + "”", Before: u})
	})
}
