package org

import (
	"context"
	"errors"
	"fmt"
	"io"
	"slices"

	"wenming/internal/audit"
	"wenming/internal/domain"
	"wenming/internal/store"
)

var regionSheet = sheet(sheetSpec{
	name: "区划",
	cols: []colSpec{
		{title: "区划代码", required: true, help: "区县 6 位行政区划代码；街道/乡镇在区县代码后加 3 位；社区/村再加 3 位；网格再加 3 位。上级区划由代码确定（去掉末 3 位），须已存在或在同一文件中。", values: "数字，如 620421、620421100、620421100001"},
		{title: "名称", required: true, help: "区划的名称，如 某某镇、某某社区。"},
		{title: "拼音排序键", help: "列表排序用；留空时按名称自动生成。"},
	},
	fieldCol: map[string]int{"code": 0, "name": 1, "sortKey": 2, "parentId": 0},
	fallback: 0,
	rules: append([]string{
		"先导入区划，再导入单位、人员、点位：后面的文件会用到这里的区划代码。",
		"区划代码已存在的行更新其名称和排序键；只能导入您辖区内的区划，其他区县的区划代码会被列为问题。",
		"区划边界（GeoJSON）不在本表中，请在区划页面另行导入。",
	}, commonRules...),
	example: []any{"620421100", ExamplePrefix + "某某镇", ""},
})

// RegionTemplate writes the empty import workbook.
func RegionTemplate(w io.Writer) error { return writeTemplate(w, regionSheet) }

// ImportRegions creates or updates regions from a workbook: all rows or none.
func (s *Service) ImportRegions(ctx context.Context, actor *domain.Actor, file io.Reader) (_ ImportResult, err error) {
	defer domain.Wrap(&err, "org.ImportRegions")
	if err := requireOrgWriter(actor); err != nil {
		return ImportResult{}, err
	}
	rows, p, err := readSheet(file, regionSheet)
	if err != nil {
		return ImportResult{}, err
	}
	// Parents first: shorter codes are higher in the tree.
	slices.SortStableFunc(rows, func(a, b row) int { return len(a.cell(0)) - len(b.cell(0)) })
	var res ImportResult
	err = s.db.Write(ctx, func(c *store.Conn) error {
		seen := map[string]int{}
		for _, r := range rows {
			code := r.cell(0)
			if first, dup := seen[code]; dup {
				p.add(r.num, 0, fmt.Sprintf("区划代码“%s”与第 %d 行重复", code, first))
				continue
			}
			seen[code] = r.num
			var created bool
			err := c.Savepoint(ctx, func() (err error) {
				created, err = importRegion(ctx, c, actor, r)
				return err
			})
			if err := res.tally(p, r, created, err); err != nil {
				return err
			}
		}
		if err := p.err(); err != nil {
			return err
		}
		return audit.Record(ctx, c, actor, audit.Change{Action: "import", Entity: "region",
			Summary: fmt.Sprintf("导入区划：新增 %d 条，更新 %d 条", res.Created, res.Updated)})
	})
	return res, err
}

func importRegion(ctx context.Context, c *store.Conn, actor *domain.Actor, r row) (bool, error) {
	in := RegionInput{Code: r.cell(0), Name: r.cell(1), SortKey: r.cell(2)}
	if err := validateRegionInput(in); err != nil {
		return false, err
	}
	if err := domain.ValidateRegionCode(in.Code, ""); err != nil {
		return false, err
	}
	if err := regionWritable(actor, in.Code); err != nil {
		return false, err
	}
	existing, err := regionByCode(ctx, c, in.Code)
	if err == nil {
		_, err := updateRegion(ctx, c, actor, existing, in)
		return false, err
	}
	if !errors.Is(err, domain.ErrNotFound) {
		return false, err
	}
	parentCode, err := parentCodeOf(ctx, c, in.Code)
	if err != nil {
		return false, err
	}
	if parentCode == "" && len(in.Code) > 6 {
		return false, domain.Invalid("code", "上级区划“"+in.Code[:len(in.Code)-3]+"”不存在，请先导入上级区划")
	}
	if parentCode != "" {
		parent, err := regionByCode(ctx, c, parentCode)
		if err != nil {
			// The parent row itself failed earlier in this file.
			return false, domain.Invalid("code", "上级区划“"+parentCode+"”有错误，未能导入")
		}
		in.ParentID = &parent.ID
	} else if actor.Scope != domain.ScopeAll {
		return false, domain.Invalid("code", "只有全域范围的管理员可以新增顶级区划")
	}
	_, err = insertRegion(ctx, c, actor, in)
	return true, err
}

// ExportRegions writes every region in the import layout.
func (s *Service) ExportRegions(ctx context.Context, actor *domain.Actor, w io.Writer) (err error) {
	defer domain.Wrap(&err, "org.ExportRegions")
	regions, err := s.Regions(ctx, actor, "")
	if err != nil {
		return err
	}
	return exportSheet(w, regionSheet, func(add func(...any) error) error {
		for _, r := range regions {
			if err := add(r.Code, r.Name, r.SortKey); err != nil {
				return err
			}
		}
		return nil
	})
}
