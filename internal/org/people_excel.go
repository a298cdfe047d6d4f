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

var peopleSheet = sheet(sheetSpec{
	name: "人员",
	cols: []colSpec{
		{title: "用户名", required: true, help: "登录名，3–32 位字母、数字、点、下划线或连字符，导入后不可修改；已存在的用户名更新其信息。"},
		{title: "姓名", required: true, help: "真实姓名。"},
		{title: "手机号", help: "11 位手机号；含 * 号（导出时已脱敏）时保持原号码不变。"},
		{title: "所属单位", required: true, help: "单位全称，只在您的辖区内查找；请先导入单位。"},
		{title: "角色", required: true, help: "一个或多个角色，用“、”分隔。", values: Names(domain.Roles)},
		{title: "数据范围", help: "留空为“本单位”；创城办工作人员一般为“区划”，并填写范围区划代码。", values: Names(domain.ScopeKinds)},
		{title: "范围区划代码", help: "数据范围为“区划”时必填，须在您的辖区内（县级创城办填写本县代码）。"},
		{title: "初始密码", help: "新用户必填：至少 8 位，含大写字母、小写字母、数字、符号中的三类，不含用户名；首次登录须修改。已存在的用户留空（不会修改密码）。"},
	},
	fieldCol: map[string]int{"username": 0, "realName": 1, "phone": 2, "unitId": 3, "roles": 4,
		"scopeKind": 5, "scopeRegionId": 6, "password": 7},
	fallback: 3,
	rules: append([]string{
		"请先导入区划和单位。",
	}, commonRules...),
	example: []any{"example_user", ExamplePrefix + "张三", "13800000000", "县文明办", "创城办工作人员", "区划", "620421", "Example-Pass-2026"},
})

// PeopleTemplate writes the empty import workbook.
func PeopleTemplate(w io.Writer) error { return writeTemplate(w, peopleSheet) }

// ImportPeople creates or updates accounts from a workbook: all rows or none.
func (s *Service) ImportPeople(ctx context.Context, actor *domain.Actor, file io.Reader) (_ ImportResult, err error) {
	defer domain.Wrap(&err, "org.ImportPeople")
	if !actor.Has(peopleManagers...) {
		return ImportResult{}, domain.Forbidden("您的角色不能维护人员")
	}
	rows, p, err := readSheet(file, peopleSheet)
	if err != nil {
		return ImportResult{}, err
	}
	var res ImportResult
	err = s.db.Write(ctx, func(c *store.Conn) error {
		seen := map[string]int{}
		for _, r := range rows {
			username := r.cell(0)
			if first, dup := seen[strings.ToLower(username)]; dup && username != "" {
				p.add(r.num, 0, fmt.Sprintf("用户名“%s”与第 %d 行重复", username, first))
				continue
			}
			seen[strings.ToLower(username)] = r.num
			var created bool
			err := c.Savepoint(ctx, func() (err error) {
				created, err = s.importPerson(ctx, c, actor, p, r)
				return err
			})
			if err := res.tally(p, r, created, err); err != nil {
				return err
			}
		}
		if err := p.err(); err != nil {
			return err
		}
		return audit.Record(ctx, c, actor, audit.Change{Action: "import", Entity: "person",
			Summary: fmt.Sprintf("导入人员：新增 %d 人，更新 %d 人", res.Created, res.Updated)})
	})
	return res, err
}

// importPerson checks every cell of a row, listing each problem, and
// applies the row when it has none. The unit is looked up in the
// importer's jurisdiction (else unambiguously within its reach, never
// beyond), and a scope region must lie within the importer's reach.
func (s *Service) importPerson(ctx context.Context, c *store.Conn, actor *domain.Actor, p *problems, r row) (bool, error) {
	rc := p.row(r)
	in := PersonInput{Username: r.cell(0), RealName: r.cell(1), Phone: r.cell(2), Password: r.cell(7)}
	if in.Username == "" {
		rc.add(0, "用户名不能为空")
	}
	if in.RealName == "" {
		rc.add(1, "姓名不能为空")
	}
	if unitName := r.cell(3); unitName == "" {
		rc.add(3, "所属单位不能为空")
	} else {
		unit, err := unitNamed(ctx, c, actor, unitName)
		switch {
		case errors.Is(err, domain.ErrNotFound):
			rc.add(3, "单位“"+unitName+"”在您的辖区内不存在")
		case err != nil:
			if err := rc.addErr(err); err != nil {
				return false, err
			}
		default:
			in.UnitID = unit.ID
		}
	}
	if r.cell(4) == "" {
		rc.add(4, "角色不能为空")
	}
	for _, name := range splitList(r.cell(4)) {
		role, ok := domain.RoleByName(name)
		if !ok {
			rc.add(4, "角色“"+name+"”不存在，应为："+Names(domain.Roles))
			continue
		}
		in.Roles = append(in.Roles, role)
	}
	scope := domain.ScopeUnit
	if v := r.cell(5); v != "" {
		var ok bool
		if scope, ok = domain.ScopeKindByName(v); !ok {
			rc.add(5, "数据范围“"+v+"”无效，应为："+Names(domain.ScopeKinds))
		}
	}
	in.ScopeKind = string(scope)
	if code := r.cell(6); code != "" {
		region, err := regionByCode(ctx, c, code)
		switch {
		case errors.Is(err, domain.ErrNotFound):
			rc.add(6, "区划代码“"+code+"”不存在")
		case err != nil:
			return false, err
		case actor.Scope != domain.ScopeAll && !domain.Within(region.Code, actor.RegionCode):
			rc.add(6, "区划代码“"+code+"”（"+region.Name+"）不在您的辖区内")
		default:
			in.ScopeRegionID = &region.ID
		}
	}
	if err := rc.done(); err != nil {
		return false, err
	}
	existing, err := getPerson(ctx, c, "u.username = ?", in.Username)
	if err == nil {
		before, err := s.managed(ctx, c, actor, existing.ID)
		if err != nil {
			return false, domain.Invalid("username", "用户名“"+in.Username+"”已存在，且您无权修改该人员")
		}
		in.Disabled = before.Disabled
		_, err = updatePerson(ctx, c, actor, before, in)
		return false, err
	}
	if !errors.Is(err, domain.ErrNotFound) {
		return false, err
	}
	if in.Password == "" {
		return false, domain.Invalid("password", "新用户须填写初始密码")
	}
	_, err = createPerson(ctx, c, actor, in)
	return true, err
}

// ExportPeople writes the people in the actor's scope in the import layout,
// phones masked and no passwords.
func (s *Service) ExportPeople(ctx context.Context, actor *domain.Actor, f PeopleFilter, w io.Writer) (err error) {
	defer domain.Wrap(&err, "org.ExportPeople")
	f.Page, f.Size = 1, maxImportRows
	people, _, err := s.People(ctx, actor, f)
	if err != nil {
		return err
	}
	return exportSheet(w, peopleSheet, func(add func(...any) error) error {
		for _, p := range people {
			roles := make([]string, len(p.Roles))
			for i, r := range p.Roles {
				roles[i] = domain.RoleName(string(r))
			}
			if err := add(p.Username, p.RealName, p.PhoneMasked, p.UnitName, strings.Join(roles, "、"),
				nameOrCode(domain.ScopeKinds, string(p.Scope.Kind)), p.Scope.RegionCode, ""); err != nil {
				return err
			}
		}
		return nil
	})
}
