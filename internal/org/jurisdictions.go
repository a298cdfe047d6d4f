package org

import (
	"context"
	"errors"
	"slices"

	"wenming/internal/audit"
	"wenming/internal/domain"
	"wenming/internal/store"
)

// JurisdictionInput sets up an office over a region: the region becomes a
// jurisdiction, and its creation office the unit named.
type JurisdictionInput struct {
	RegionID     int64  `json:"regionId"`
	OfficeUnitID *int64 `json:"officeUnitId"`
}

const selectJurisdictions = `SELECT r.id, r.code, r.name, j.office_unit_id, COALESCE(ou.name, '')
	FROM jurisdictions j JOIN regions r ON r.id = j.region_id LEFT JOIN units ou ON ou.id = j.office_unit_id`

// Jurisdictions lists every jurisdiction with the one above it, sorted by
// code. Like the region tree it is reference data every role may read.
func (s *Service) Jurisdictions(ctx context.Context, actor *domain.Actor) (_ []domain.Jurisdiction, err error) {
	defer domain.Wrap(&err, "org.Jurisdictions")
	if err := requireReader(actor); err != nil {
		return nil, err
	}
	return allJurisdictions(ctx, s.db.Read())
}

// JurisdictionDirectory lists every jurisdiction, for areas that place
// their records in one (cases) without reading the table themselves.
func (s *Service) JurisdictionDirectory(ctx context.Context) (_ domain.Jurisdictions, err error) {
	defer domain.Wrap(&err, "org.JurisdictionDirectory")
	return allJurisdictions(ctx, s.db.Read())
}

func allJurisdictions(ctx context.Context, c *store.Conn) (domain.Jurisdictions, error) {
	rows, err := c.Query(ctx, selectJurisdictions+` ORDER BY r.code`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	list := domain.Jurisdictions{}
	for rows.Next() {
		var j domain.Jurisdiction
		if err := rows.Scan(&j.ID, &j.Code, &j.Name, &j.OfficeUnitID, &j.OfficeName); err != nil {
			return nil, err
		}
		list = append(list, j)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	for i := range list {
		others := slices.Delete(slices.Clone(list), i, i+1)
		if above, ok := others.Of(list[i].Code); ok {
			list[i].ParentID = &above.ID
		}
	}
	return list, nil
}

// jurisdictionOfRegion finds the jurisdiction a region lies in: the
// deepest one whose subtree holds its code.
func jurisdictionOfRegion(ctx context.Context, c *store.Conn, code string) (*int64, error) {
	list, err := allJurisdictions(ctx, c)
	if err != nil {
		return nil, err
	}
	if j, ok := list.Of(code); ok {
		return &j.ID, nil
	}
	return nil, nil
}

// topJurisdiction is the deployment's one top jurisdiction, if it has
// exactly one: where a unit with neither region nor parent belongs.
func topJurisdiction(ctx context.Context, c *store.Conn) (*int64, error) {
	list, err := allJurisdictions(ctx, c)
	if err != nil {
		return nil, err
	}
	if top, ok := list.Top(); ok {
		return &top.ID, nil
	}
	return nil, nil
}

// CreateJurisdiction sets up an office over a region (设立创城办): from then
// on the region's units, points, plans and settings are that office's. Only
// a deployment-wide administrator or the office above does it; units that
// lie in the region move into the new jurisdiction.
func (s *Service) CreateJurisdiction(ctx context.Context, actor *domain.Actor, in JurisdictionInput) (_ domain.Jurisdiction, err error) {
	defer domain.Wrap(&err, "org.CreateJurisdiction region %d", in.RegionID)
	if !actor.Has(domain.RoleSysAdmin, domain.RoleOfficeLeader, domain.RoleOfficeStaff) {
		return domain.Jurisdiction{}, domain.Forbidden("只有上级创城办或系统管理员可以设立辖区")
	}
	var j domain.Jurisdiction
	err = s.db.Write(ctx, func(c *store.Conn) error {
		if err := c.LockTree(ctx, "units"); err != nil {
			return err
		}
		r, err := getRegion(ctx, c, in.RegionID)
		if err != nil {
			return domain.Invalid("regionId", "区划不存在")
		}
		above, err := jurisdictionOfRegion(ctx, c, r.Code)
		if err != nil {
			return err
		}
		if above != nil && *above == r.ID {
			return domain.Conflict("regionId", "区划“"+r.Name+"”已设立创城办辖区")
		}
		if actor.Scope != domain.ScopeAll && (above == nil || !actor.GovernsJurisdiction(*above)) {
			return outOfScope("区划“" + r.Name + "”")
		}
		j = domain.Jurisdiction{ID: r.ID, Code: r.Code, Name: r.Name, ParentID: above, OfficeUnitID: in.OfficeUnitID}
		if err := insertJurisdiction(ctx, c, actor, j); err != nil {
			return err
		}
		return moveUnitsInto(ctx, c, j, above)
	})
	return j, err
}

func insertJurisdiction(ctx context.Context, c *store.Conn, actor *domain.Actor, j domain.Jurisdiction) error {
	_, err := c.Exec(ctx, `INSERT INTO jurisdictions (region_id, office_unit_id, created_at, updated_at) VALUES (?, ?, ?, ?)`, j.ID, j.OfficeUnitID, c.Now, c.Now)
	if errors.Is(err, domain.ErrConflict) {
		return domain.Conflict("regionId", "区划“"+j.Name+"”已设立创城办辖区")
	}
	if err != nil {
		return err
	}
	return audit.Record(ctx, c, actor, audit.Change{Action: "create", Entity: "jurisdiction", EntityID: j.ID,
		Summary: "设立辖区“" + j.Name + "”（" + j.Code + "）", After: j})
}

// moveUnitsInto gives a new jurisdiction the units of the one above whose
// region lies in it, and then the office unit named for it.
func moveUnitsInto(ctx context.Context, c *store.Conn, j domain.Jurisdiction, above *int64) error {
	if _, err := c.Exec(ctx, `UPDATE units SET jurisdiction_id = ? WHERE region_id IN (SELECT id FROM regions WHERE code LIKE ?)
		AND (jurisdiction_id IS NULL OR jurisdiction_id = ?)`, j.ID, domain.SubtreePrefix(j.Code)+"%", above); err != nil {
		return err
	}
	if j.OfficeUnitID == nil {
		return nil
	}
	_, err := c.Exec(ctx, `UPDATE units SET jurisdiction_id = ? WHERE id = ?`, j.ID, *j.OfficeUnitID)
	return err
}

// unitJurisdiction is the jurisdiction a unit belongs in: that of its
// region, else its parent's, else the deployment's top one.
func unitJurisdiction(ctx context.Context, c *store.Conn, u domain.Unit, parent *domain.Unit) (*int64, error) {
	if u.RegionCode != "" {
		j, err := jurisdictionOfRegion(ctx, c, u.RegionCode)
		if j != nil || err != nil {
			return j, err
		}
	}
	if parent != nil && parent.JurisdictionID != nil {
		return parent.JurisdictionID, nil
	}
	return topJurisdiction(ctx, c)
}

// SetJurisdictionOffice names the unit that is a jurisdiction's creation
// office (its 文明办); the unit must lie in the jurisdiction.
func (s *Service) SetJurisdictionOffice(ctx context.Context, actor *domain.Actor, id, unitID int64) (_ domain.Jurisdiction, err error) {
	defer domain.Wrap(&err, "org.SetJurisdictionOffice %d unit %d", id, unitID)
	if !actor.Has(domain.RoleSysAdmin, domain.RoleOfficeLeader, domain.RoleOfficeStaff) || !actor.GovernsJurisdiction(id) {
		return domain.Jurisdiction{}, domain.Forbidden("只有本辖区创城办或系统管理员可以指定创城办单位")
	}
	var j domain.Jurisdiction
	err = s.db.Write(ctx, func(c *store.Conn) error {
		list, err := allJurisdictions(ctx, c)
		if err != nil {
			return err
		}
		var ok bool
		if j, ok = list.ByID(id); !ok {
			return domain.NotFound("辖区")
		}
		u, err := getUnit(ctx, c, unitID)
		if err != nil {
			return domain.Invalid("officeUnitId", "单位不存在")
		}
		if u.JurisdictionID == nil || *u.JurisdictionID != id {
			return domain.Invalid("officeUnitId", "单位“"+u.Name+"”不在"+j.Name+"辖区内")
		}
		if _, err := c.Exec(ctx, `UPDATE jurisdictions SET office_unit_id = ?, updated_at = ? WHERE region_id = ?`, unitID, c.Now, id); err != nil {
			return err
		}
		before := j
		j.OfficeUnitID, j.OfficeName = &unitID, u.Name
		return audit.Record(ctx, c, actor, audit.Change{Action: "update", Entity: "jurisdiction", EntityID: id,
			Summary: j.Name + "的创城办：" + u.Name, Before: before, After: j})
	})
	return j, err
}
