package org

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	"wenming/internal/audit"
	"wenming/internal/domain"
	"wenming/internal/store"
)

var unitSheet = sheet(sheetSpec{
	name: "单位",
	cols: []colSpec{
		{title: "单位名称", required: true, help: "单位全称，在本辖区内唯一（其他区县可以有同名单位）。名称已存在的行更新该单位。"},
		{title: "类型", required: true, help: "单位的类型。", values: Names(domain.UnitKinds)},
		{title: "分类", required: true, help: "用于分类排名。", values: unitClassValues()},
		{title: "上级单位", help: "上级单位全称，须已存在或在同一文件中；只在本辖区内查找。"},
		{title: "所属区划代码", help: "单位所在区划的代码，须已存在且在您的辖区内；单位随区划归入其辖区（县级创城办请填写本县的区划代码）。"},
		{title: "拼音排序键", help: "列表排序用；留空时按名称自动生成。"},
	},
	fieldCol: map[string]int{"name": 0, "kind": 1, "class": 2, "parentId": 3, "regionId": 4, "sortKey": 5},
	fallback: 4,
	rules: append([]string{
		"请先导入区划；创城办（文明办）本身也是一个单位，导入后在区划页面把它设为本辖区的创城办。",
	}, commonRules...),
	example: []any{ExamplePrefix + "县某某局", "部门单位", "A", "", "620421", ""},
})

func unitClassValues() string {
	codes := make([]string, len(domain.UnitClasses))
	for i, c := range domain.UnitClasses {
		codes[i] = c.Code
	}
	return strings.Join(codes, " 或 ")
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
					created, err = importUnit(ctx, c, actor, p, r)
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

// importUnit checks every cell of a row, listing each problem, and
// applies the row when it has none. Names and codes are resolved inside
// the importer's jurisdiction only: a region code must lie in a
// jurisdiction the importer governs (the unit then belongs there), and the
// parent and the unit itself are looked up in that jurisdiction, never in
// a neighbour's where the same names exist.
func importUnit(ctx context.Context, c *store.Conn, actor *domain.Actor, p *problems, r row) (bool, error) {
	rc := p.row(r)
	in := UnitInput{Name: r.cell(0), SortKey: r.cell(5)}
	if in.Name == "" {
		rc.add(0, "单位名称不能为空")
	}
	var ok bool
	if in.Kind, ok = domain.UnitKindByName(r.cell(1)); !ok {
		rc.add(1, "类型“"+r.cell(1)+"”无效，应为："+Names(domain.UnitKinds))
	}
	if in.Class, ok = domain.UnitClassByName(r.cell(2)); !ok {
		rc.add(2, "分类“"+r.cell(2)+"”无效，应为 "+unitClassValues())
	}
	jurisdiction := actor.JurisdictionID
	if code := r.cell(4); code != "" {
		region, err := regionByCode(ctx, c, code)
		switch {
		case errors.Is(err, domain.ErrNotFound):
			rc.add(4, "区划代码“"+code+"”不存在")
		case err != nil:
			return false, err
		default:
			j, err := jurisdictionOfRegion(ctx, c, region.Code)
			if err != nil {
				return false, err
			}
			switch {
			case j != nil && actor.GovernsJurisdiction(*j):
				in.RegionID, jurisdiction = &region.ID, *j
			case j == nil && actor.Scope == domain.ScopeAll:
				in.RegionID = &region.ID
			default:
				rc.add(4, "区划代码“"+code+"”（"+region.Name+"）不在您的辖区内")
			}
		}
	}
	if name := r.cell(3); name != "" {
		parent, err := unitByName(ctx, c, jurisdiction, name)
		switch {
		case errors.Is(err, domain.ErrNotFound):
			rc.add(3, "上级单位“"+name+"”在本辖区内不存在")
		case err != nil:
			return false, err
		default:
			in.ParentID = &parent.ID
		}
	}
	if err := rc.done(); err != nil {
		return false, err
	}
	existing, err := unitByName(ctx, c, jurisdiction, in.Name)
	if err == nil {
		if !actor.SeesUnit(existing.Path, existing.RegionCode) {
			rc.add(0, "单位“"+in.Name+"”已存在且不在您的数据范围内")
			return false, rc.done()
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
