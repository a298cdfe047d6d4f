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

var peopleSheet = sheetSpec{
	name:    "人员",
	headers: []string{"*用户名", "*姓名", "手机号", "*所属单位", "*角色", "数据范围", "范围区划代码", "初始密码"},
	fieldCol: map[string]int{"username": 0, "realName": 1, "phone": 2, "unitId": 3, "roles": 4,
		"scopeKind": 5, "scopeRegionId": 6, "password": 7},
	fallback: 3,
	notes: []string{
		"人员导入说明",
		"1. 带 * 的列必填。用户名 3–32 位字母、数字、点、下划线或连字符，导入后不可修改。",
		"2. 所属单位填写单位全称。角色填写中文名称，多个用“、”分隔：创城办领导、创城办工作人员、单位负责人、单位联络员、督查员、网格员、领导（只读）、系统管理员、安全保密管理员、安全审计员。",
		"3. 数据范围：本单位（默认）、区划（须填写范围区划代码）、全部。",
		"4. 新用户须填写初始密码（至少 8 位，含大写字母、小写字母、数字、符号中的三类，不含用户名），首次登录须修改。已存在的用户名将更新其信息，初始密码列留空即可（不会修改密码）。",
		"5. 手机号含 * 号（导出时已脱敏）时保持原号码不变。",
		"6. 任何一行有错，整个文件都不会导入；请按错误提示修改后重新上传。",
	},
}

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
				created, err = s.importPerson(ctx, c, actor, r)
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

func (s *Service) importPerson(ctx context.Context, c *store.Conn, actor *domain.Actor, r row) (bool, error) {
	in := PersonInput{Username: r.cell(0), RealName: r.cell(1), Phone: r.cell(2), Password: r.cell(7)}
	unitName := r.cell(3)
	if unitName == "" {
		return false, domain.Invalid("unitId", "所属单位不能为空")
	}
	unit, err := unitNamed(ctx, c, actor, unitName)
	if errors.Is(err, domain.ErrNotFound) {
		return false, domain.Invalid("unitId", "单位“"+unitName+"”不存在")
	}
	if err != nil {
		return false, err
	}
	in.UnitID = unit.ID
	for _, name := range splitList(r.cell(4)) {
		role, ok := domain.RoleByName(name)
		if !ok {
			return false, domain.Invalid("roles", "角色“"+name+"”不存在")
		}
		in.Roles = append(in.Roles, role)
	}
	scope := domain.ScopeUnit
	if v := r.cell(5); v != "" {
		var ok bool
		if scope, ok = domain.ScopeKindByName(v); !ok {
			return false, domain.Invalid("scopeKind", "数据范围“"+v+"”无效，应为 本单位、区划 或 全部")
		}
	}
	in.ScopeKind = string(scope)
	if code := r.cell(6); code != "" {
		region, err := regionByCode(ctx, c, code)
		if errors.Is(err, domain.ErrNotFound) {
			return false, domain.Invalid("scopeRegionId", "区划代码“"+code+"”不存在")
		}
		if err != nil {
			return false, err
		}
		in.ScopeRegionID = &region.ID
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
