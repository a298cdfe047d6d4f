package org

import (
	"context"
	"errors"
	"fmt"
	"io"

	"wenming/internal/audit"
	"wenming/internal/domain"
	"wenming/internal/store"
)

var unitSheet = sheetSpec{
	name:     "单位",
	headers:  []string{"*单位名称", "*类型", "*分类", "上级单位", "所属区划代码", "拼音排序键"},
	fieldCol: map[string]int{"name": 0, "kind": 1, "class": 2, "parentId": 3, "regionId": 4, "sortKey": 5},
	fallback: 4,
	notes: []string{
		"单位导入说明",
		"1. 带 * 的列必填。类型：部门单位、乡镇/街道、社区/村、学校、企业、其他。分类：A 或 B（用于分类排名）。",
		"2. 上级单位填写单位全称，须已存在或在同一文件中；所属区划填写区划代码，须已存在。",
		"3. 名称已存在的行将更新该单位；拼音排序键留空时按名称自动生成。",
		"4. 任何一行有错，整个文件都不会导入；请按错误提示修改后重新上传。",
	},
}

// UnitTemplate writes the empty import workbook.
func UnitTemplate(w io.Writer) error { return writeTemplate(w, unitSheet) }

// ImportUnits creates or updates units from a workbook: all rows or none.
// A row may name a parent that comes later in the file.
func (s *Service) ImportUnits(ctx context.Context, actor *domain.Actor, file io.Reader) (_ ImportResult, err error) {
	defer domain.Wrap(&err, "org.ImportUnits")
	if err := requireOrgWriter(actor); err != nil {
		return ImportResult{}, err
	}
	rows, p, err := readSheet(file, unitSheet)
	if err != nil {
		return ImportResult{}, err
	}
	var res ImportResult
	err = s.db.Write(ctx, func(c *store.Conn) error {
		if err := c.LockTree(ctx, "units"); err != nil {
			return err
		}
		pending, inFile := map[string]row{}, map[string]int{}
		var order []string
		for _, r := range rows {
			name := r.cell(0)
			if first, dup := inFile[name]; dup {
				p.add(r.num, 0, fmt.Sprintf("单位名称“%s”与第 %d 行重复", name, first))
				continue
			}
			inFile[name] = r.num
			pending[name] = r
			order = append(order, name)
		}
		// Repeat passes until no row waits on a parent still to come.
		for progress := true; progress && len(pending) > 0; {
			progress = false
			for _, name := range order {
				r, ok := pending[name]
				if !ok {
					continue
				}
				if parent := r.cell(3); parent != "" && pending[parent].num != 0 && parent != name {
					continue
				}
				delete(pending, name)
				progress = true
				var created bool
				err := c.Savepoint(ctx, func() (err error) {
					created, err = importUnit(ctx, c, actor, r)
					return err
				})
				if err := res.tally(p, r, created, err); err != nil {
					return err
				}
			}
		}
		for _, r := range pending {
			p.add(r.num, 3, "上级单位之间形成循环引用")
		}
		if err := p.err(); err != nil {
			return err
		}
		return audit.Record(ctx, c, actor, audit.Change{Action: "import", Entity: "unit",
			Summary: fmt.Sprintf("导入单位：新增 %d 个，更新 %d 个", res.Created, res.Updated)})
	})
	return res, err
}

func importUnit(ctx context.Context, c *store.Conn, actor *domain.Actor, r row) (bool, error) {
	in := UnitInput{Name: r.cell(0), SortKey: r.cell(5)}
	var ok bool
	if in.Kind, ok = domain.UnitKindByName(r.cell(1)); !ok {
		return false, domain.Invalid("kind", "类型“"+r.cell(1)+"”无效，应为：部门单位、乡镇/街道、社区/村、学校、企业、其他")
	}
	if in.Class, ok = domain.UnitClassByName(r.cell(2)); !ok {
		return false, domain.Invalid("class", "分类“"+r.cell(2)+"”无效，应为 A 或 B")
	}
	var jurisdiction *int64
	code := r.cell(4)
	if code != "" {
		region, err := regionByCode(ctx, c, code)
		if errors.Is(err, domain.ErrNotFound) {
			return false, domain.Invalid("regionId", "区划代码“"+code+"”不存在")
		}
		if err != nil {
			return false, err
		}
		in.RegionID = &region.ID
		if jurisdiction, err = jurisdictionOfRegion(ctx, c, region.Code); err != nil {
			return false, err
		}
	}
	if jurisdiction == nil || !actor.ReadsJurisdiction(*jurisdiction, code) {
		jurisdiction = &actor.JurisdictionID
	}
	// Names are looked up in the jurisdiction the row's region lies in,
	// else the importer's own: never in another.
	if name := r.cell(3); name != "" {
		parent, err := unitByName(ctx, c, *jurisdiction, name)
		if errors.Is(err, domain.ErrNotFound) {
			return false, domain.Invalid("parentId", "上级单位“"+name+"”不存在")
		}
		if err != nil {
			return false, err
		}
		in.ParentID = &parent.ID
	}
	existing, err := unitByName(ctx, c, *jurisdiction, in.Name)
	if err == nil {
		if !actor.SeesUnit(existing.Path, existing.RegionCode) {
			return false, domain.Invalid("name", "单位“"+in.Name+"”已存在且不在您的数据范围内")
		}
		_, err = updateUnit(ctx, c, actor, existing, in)
		return false, err
	}
	if !errors.Is(err, domain.ErrNotFound) {
		return false, err
	}
	_, err = createUnit(ctx, c, actor, in)
	return true, err
}

// ExportUnits writes the units in the actor's scope in the import layout.
func (s *Service) ExportUnits(ctx context.Context, actor *domain.Actor, f UnitFilter, w io.Writer) (err error) {
	defer domain.Wrap(&err, "org.ExportUnits")
	f.Page, f.Size = 1, maxImportRows
	units, _, err := s.Units(ctx, actor, f)
	if err != nil {
		return err
	}
	return exportSheet(w, unitSheet, func(add func(...any) error) error {
		for _, u := range units {
			if err := add(u.Name, nameOrCode(domain.UnitKinds, u.Kind), u.Class, u.ParentName, u.RegionCode, u.SortKey); err != nil {
				return err
			}
		}
		return nil
	})
}

func nameOrCode(list []domain.Named, code string) string {
	for _, n := range list {
		if n.Code == code {
			return n.Name
		}
	}
	return code
}
