// Package framework keeps the assessment frameworks (测评体系): versioned
// trees of items, indicators, contents and standards with their methods,
// targets and units, the negative list, the minors' sub-framework; their
// Excel import and export, version comparison, and the targets units report.
package framework

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"math"
	"strings"

	"wenming/internal/audit"
	"wenming/internal/domain"
	"wenming/internal/org"
	"wenming/internal/store"
)

// Service is the framework service.
type Service struct {
	db  *store.DB
	org *org.Service
}

// NewService returns the framework service.
func NewService(db *store.DB, o *org.Service) *Service { return &Service{db: db, org: o} }

func frozenError() error {
	return domain.Conflict("", "该版本已冻结（已用于测评或已发布），不能修改；如需修改请“复制为新版本”")
}

const selectFrameworks = `SELECT f.id, COALESCE(f.family_id, f.id), f.version, f.name, f.kind, f.status, f.basic_total, f.special_total,
	f.gate_score, f.weight, f.minors_id, COALESCE(m.name, ''), f.copied_from, f.frozen_at, f.created_at,
	(SELECT COUNT(*) FROM framework_nodes n WHERE n.framework_id = f.id AND n.level = 1),
	(SELECT COUNT(*) FROM framework_nodes n WHERE n.framework_id = f.id AND n.level = 2),
	(SELECT COUNT(*) FROM framework_nodes n WHERE n.framework_id = f.id AND n.level = 3),
	(SELECT COUNT(*) FROM standards s WHERE s.framework_id = f.id),
	(SELECT COUNT(*) FROM standards s WHERE s.framework_id = f.id AND s.comparator <> ''),
	(SELECT COUNT(*) FROM negative_items x WHERE x.framework_id = f.id),
	f.jurisdiction_id, COALESCE(jr.name, ''), COALESCE(jr.code, '')
	FROM frameworks f LEFT JOIN frameworks m ON m.id = f.minors_id LEFT JOIN regions jr ON jr.id = f.jurisdiction_id`

func scanFramework(r interface{ Scan(...any) error }) (domain.Framework, error) {
	var f domain.Framework
	c := &f.Counts
	err := r.Scan(&f.ID, &f.FamilyID, &f.Version, &f.Name, &f.Kind, &f.Status, &f.BasicTotal, &f.SpecialTotal,
		&f.GateScore, &f.Weight, &f.MinorsID, &f.MinorsName, &f.CopiedFrom, &f.FrozenAt, &f.CreatedAt,
		&c.Items, &c.Indicators, &c.Contents, &c.Standards, &c.Targets, &c.Negatives,
		&f.JurisdictionID, &f.JurisdictionName, &f.JurisdictionCode)
	return f, err
}

// List returns the framework versions the actor reads (its own
// jurisdiction's, those above it it inherits, those below it supervises),
// newest family first.
func (s *Service) List(ctx context.Context, actor *domain.Actor) (_ []domain.Framework, err error) {
	defer domain.Wrap(&err, "framework.List")
	rows, err := s.db.Read().Query(ctx, selectFrameworks+" ORDER BY f.kind, COALESCE(f.family_id, f.id) DESC, f.version DESC")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	list := []domain.Framework{}
	for rows.Next() {
		f, err := scanFramework(rows)
		if err != nil {
			return nil, err
		}
		if readsFramework(actor, f) {
			f.Editable = requireOwner(actor, f) == nil
			list = append(list, f)
		}
	}
	return list, rows.Err()
}

func getFramework(ctx context.Context, c *store.Conn, id int64) (domain.Framework, error) {
	f, err := scanFramework(c.QueryRow(ctx, selectFrameworks+" WHERE f.id = ?", id))
	if errors.Is(err, sql.ErrNoRows) {
		return f, domain.NotFound("测评体系")
	}
	return f, err
}

// Get returns one version.
func (s *Service) Get(ctx context.Context, actor *domain.Actor, id int64) (_ domain.Framework, err error) {
	defer domain.Wrap(&err, "framework.Get %d", id)
	return readable(ctx, s.db.Read(), actor, id)
}

// owned reloads a version its owner has just written, for the answer.
func owned(ctx context.Context, c *store.Conn, id int64) (domain.Framework, error) {
	f, err := getFramework(ctx, c, id)
	f.Editable = err == nil
	return f, err
}

// readable loads a version the actor reads; another county's own is not
// found, as if it did not exist.
func readable(ctx context.Context, c *store.Conn, actor *domain.Actor, id int64) (domain.Framework, error) {
	f, err := getFramework(ctx, c, id)
	if err != nil {
		return f, err
	}
	f.Editable = requireOwner(actor, f) == nil
	return f, requireFrameworkReader(actor, f)
}

// Header is the editable part of a framework version.
type Header struct {
	Name         string   `json:"name"`
	BasicTotal   float64  `json:"basicTotal"`
	SpecialTotal float64  `json:"specialTotal"`
	GateScore    *float64 `json:"gateScore"`
	Weight       *float64 `json:"weight"`
	MinorsID     *int64   `json:"minorsId"`
}

func (h *Header) validate() error {
	h.Name = strings.TrimSpace(h.Name)
	if err := domain.RequireText("name", "名称", h.Name, 100); err != nil {
		return err
	}
	if h.BasicTotal <= 0 || h.BasicTotal > 1000 {
		return domain.Invalid("basicTotal", "基本指标总分应在 0–1000 之间")
	}
	if h.SpecialTotal < 0 || h.SpecialTotal > 1000 {
		return domain.Invalid("specialTotal", "特色指标总分应在 0–1000 之间")
	}
	if h.GateScore != nil && (*h.GateScore < 0 || *h.GateScore > 100) {
		return domain.Invalid("gateScore", "门槛分应在 0–100 之间")
	}
	if h.Weight != nil && (*h.Weight <= 0 || *h.Weight >= 1) {
		return domain.Invalid("weight", "权重应大于 0 小于 1，如 0.2")
	}
	return nil
}

// draft loads a version that may still be edited, by its owning office.
func draft(ctx context.Context, c *store.Conn, actor *domain.Actor, id int64) (domain.Framework, error) {
	if err := requireEditor(actor); err != nil {
		return domain.Framework{}, err
	}
	f, err := readable(ctx, c, actor, id)
	if err != nil {
		return f, err
	}
	if err := requireOwner(actor, f); err != nil {
		return f, err
	}
	if f.Status != "draft" {
		return f, frozenError()
	}
	return f, nil
}

// UpdateHeader changes a draft's name, totals and minors' link.
func (s *Service) UpdateHeader(ctx context.Context, actor *domain.Actor, id int64, h Header) (_ domain.Framework, err error) {
	defer domain.Wrap(&err, "framework.UpdateHeader %d", id)
	if err := h.validate(); err != nil {
		return domain.Framework{}, err
	}
	var f domain.Framework
	err = s.db.Write(ctx, func(c *store.Conn) error {
		before, err := draft(ctx, c, actor, id)
		if err != nil {
			return err
		}
		if h.MinorsID != nil {
			m, err := readable(ctx, c, actor, *h.MinorsID)
			if err != nil || m.Kind != "minors" {
				return domain.Invalid("minorsId", "所选未成年人测评体系不存在")
			}
			if before.Kind != "main" {
				return domain.Invalid("minorsId", "只有主体系可以关联未成年人测评体系")
			}
		}
		if _, err := c.Exec(ctx, `UPDATE frameworks SET name = ?, basic_total = ?, special_total = ?, gate_score = ?, weight = ?, minors_id = ?, updated_at = ? WHERE id = ?`,
			h.Name, h.BasicTotal, h.SpecialTotal, h.GateScore, h.Weight, h.MinorsID, c.Now, id); err != nil {
			return err
		}
		f, err = owned(ctx, c, id)
		if err != nil {
			return err
		}
		return audit.Record(ctx, c, actor, audit.Change{Action: "update", Entity: "framework", EntityID: id,
			Summary: "修改测评体系“" + f.Name + "”", Before: before, After: f})
	})
	return f, err
}

// Delete removes a draft version.
func (s *Service) Delete(ctx context.Context, actor *domain.Actor, id int64) (err error) {
	defer domain.Wrap(&err, "framework.Delete %d", id)
	return s.db.Write(ctx, func(c *store.Conn) error {
		f, err := draft(ctx, c, actor, id)
		if err != nil {
			return err
		}
		n, err := c.Count(ctx, `SELECT (SELECT COUNT(*) FROM frameworks WHERE (copied_from = ? OR minors_id = ? OR family_id = ?) AND id <> ?) + (SELECT COUNT(*) FROM plans WHERE framework_id = ?)`, id, id, id, id, id)
		if err != nil {
			return err
		}
		if n > 0 {
			return domain.Conflict("", "该版本已被其他版本、年度方案或主体系引用，不能删除")
		}
		if _, err := c.Exec(ctx, `DELETE FROM frameworks WHERE id = ?`, id); err != nil {
			return err
		}
		return audit.Record(ctx, c, actor, audit.Change{Action: "delete", Entity: "framework", EntityID: id,
			Summary: fmt.Sprintf("删除测评体系草稿“%s” v%d", f.Name, f.Version), Before: f})
	})
}

// Freeze fixes a version for good after checking that it adds up. The
// assessment area freezes the version a round uses.
func (s *Service) Freeze(ctx context.Context, actor *domain.Actor, id int64) (_ domain.Framework, err error) {
	defer domain.Wrap(&err, "framework.Freeze %d", id)
	var f domain.Framework
	err = s.db.Write(ctx, func(c *store.Conn) error {
		before, err := draft(ctx, c, actor, id)
		if err != nil {
			return err
		}
		t, err := loadTree(ctx, c, before, nil)
		if err != nil {
			return err
		}
		if problems := t.check(); len(problems) > 0 {
			e := domain.ImportInvalid(problems)
			e.Message = fmt.Sprintf("测评体系有 %d 处问题，未冻结", len(problems))
			return e
		}
		if _, err := c.Exec(ctx, `UPDATE frameworks SET status = 'frozen', frozen_at = ?, updated_at = ? WHERE id = ?`, c.Now, c.Now, id); err != nil {
			return err
		}
		f, err = owned(ctx, c, id)
		if err != nil {
			return err
		}
		return audit.Record(ctx, c, actor, audit.Change{Action: "freeze", Entity: "framework", EntityID: id,
			Summary: fmt.Sprintf("冻结测评体系“%s” v%d", f.Name, f.Version)})
	})
	return f, err
}

// Check lists what would stop a version from being frozen.
func (s *Service) Check(ctx context.Context, actor *domain.Actor, id int64) (_ []domain.ImportProblem, err error) {
	defer domain.Wrap(&err, "framework.Check %d", id)
	c := s.db.Read()
	f, err := readable(ctx, c, actor, id)
	if err != nil {
		return nil, err
	}
	t, err := loadTree(ctx, c, f, nil)
	if err != nil {
		return nil, err
	}
	return t.check(), nil
}

// Copy makes an editable draft from any version: the next version of the
// same family, with every node, standard, unit link and negative item.
// Only the owning office copies, and the copy stays in its jurisdiction
// (its unit links are that jurisdiction's); a county that inherits the
// city's framework does not fork it into a version of its own.
func (s *Service) Copy(ctx context.Context, actor *domain.Actor, id int64) (_ domain.Framework, err error) {
	defer domain.Wrap(&err, "framework.Copy %d", id)
	if err := requireEditor(actor); err != nil {
		return domain.Framework{}, err
	}
	var f domain.Framework
	err = s.db.Write(ctx, func(c *store.Conn) error {
		src, err := readable(ctx, c, actor, id)
		if err != nil {
			return err
		}
		if err := requireOwner(actor, src); err != nil {
			return err
		}
		t, err := loadTree(ctx, c, src, nil)
		if err != nil {
			return err
		}
		next, err := c.Count(ctx, `SELECT COALESCE(MAX(version), 0) + 1 FROM frameworks WHERE COALESCE(family_id, id) = ?`, src.FamilyID)
		if err != nil {
			return err
		}
		t.Framework.Version, t.Framework.FamilyID, t.Framework.CopiedFrom = next, src.FamilyID, &src.ID
		t.Framework.JurisdictionID = src.JurisdictionID
		newID, err := t.insert(ctx, c)
		if err != nil {
			return err
		}
		f, err = owned(ctx, c, newID)
		if err != nil {
			return err
		}
		return audit.Record(ctx, c, actor, audit.Change{Action: "create", Entity: "framework", EntityID: newID,
			Summary: fmt.Sprintf("由 v%d 复制出测评体系“%s” v%d", src.Version, f.Name, f.Version)})
	})
	return f, err
}

// close enough for points with one or two decimals.
func same(a, b float64) bool { return math.Abs(a-b) < 0.005 }
