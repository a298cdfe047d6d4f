package org

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"

	"wenming/internal/audit"
	"wenming/internal/auth"
	"wenming/internal/domain"
	"wenming/internal/store"
)

// PersonInput is what an administrator fills in for a person.
type PersonInput struct {
	Username      string        `json:"username"`
	RealName      string        `json:"realName"`
	Phone         string        `json:"phone"`
	UnitID        int64         `json:"unitId"`
	Roles         []domain.Role `json:"roles"`
	ScopeKind     string        `json:"scopeKind"`
	ScopeRegionID *int64        `json:"scopeRegionId"`
	Password      string        `json:"password,omitempty"`
	Disabled      bool          `json:"disabled"`
}

// PeopleFilter narrows the people list.
type PeopleFilter struct {
	Q      string
	UnitID int64
	Role   string
	Page   int
	Size   int
}

const selectPeople = `SELECT u.id, u.username, u.real_name, u.phone, u.unit_id, un.name, un.path, COALESCE(ur.code, ''),
	u.scope_kind, u.scope_region_id, COALESCE(sr.name, ''), COALESCE(sr.code, ''), u.disabled, u.last_login_at,
	u.created_at, u.must_change_password, un.jurisdiction_id, COALESCE(jr.name, '')
	FROM users u JOIN units un ON un.id = u.unit_id LEFT JOIN regions ur ON ur.id = un.region_id
	LEFT JOIN regions sr ON sr.id = u.scope_region_id LEFT JOIN regions jr ON jr.id = un.jurisdiction_id`

func scanPerson(r interface{ Scan(...any) error }) (domain.Person, error) {
	var p domain.Person
	err := r.Scan(&p.ID, &p.Username, &p.RealName, &p.Phone, &p.UnitID, &p.UnitName, &p.UnitPath, &p.UnitRegion,
		&p.Scope.Kind, &p.Scope.RegionID, &p.Scope.RegionName, &p.Scope.RegionCode, &p.Disabled, &p.LastLoginAt,
		&p.CreatedAt, &p.MustChange, &p.JurisdictionID, &p.JurisdictionName)
	p.PhoneMasked = domain.MaskPhone(p.Phone)
	p.Scope.UnitID = p.UnitID
	return p, err
}

// finishPeople fills the roles and the sign-in limits (asked of auth,
// whose counts they are) that the list query leaves out.
func finishPeople(ctx context.Context, c *store.Conn, people []domain.Person) error {
	if len(people) == 0 {
		return nil
	}
	ids := make([]any, len(people))
	usernames := make([]string, len(people))
	index := map[int64]int{}
	for i, p := range people {
		ids[i] = p.ID
		usernames[i] = p.Username
		index[p.ID] = i
		people[i].Roles = []domain.Role{}
	}
	limits, err := auth.LoginLimits(ctx, c, usernames)
	if err != nil {
		return err
	}
	for i, p := range people {
		if l, ok := limits[p.Username]; ok {
			people[i].LoginLimit = &l
		}
	}
	rows, err := c.Query(ctx, `SELECT user_id, role FROM user_roles WHERE user_id IN (`+store.Placeholders(len(ids))+`) ORDER BY user_id, role`, ids...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var r domain.Role
		if err := rows.Scan(&id, &r); err != nil {
			return err
		}
		people[index[id]].Roles = append(people[index[id]].Roles, r)
	}
	return rows.Err()
}

// People lists one page of the people whose unit is in the actor's scope.
func (s *Service) People(ctx context.Context, actor *domain.Actor, f PeopleFilter) (_ []domain.Person, _ int, err error) {
	defer domain.Wrap(&err, "org.People")
	if err := requireReader(actor); err != nil {
		return nil, 0, err
	}
	if err := domain.CleanText("q", "搜索关键字", f.Q); err != nil {
		return nil, 0, err
	}
	cond, args := unitScopeSQL(actor)
	conds := []string{cond}
	if q := strings.TrimSpace(f.Q); q != "" {
		conds = append(conds, `(u.real_name LIKE ? ESCAPE '\' OR u.username LIKE ? ESCAPE '\')`)
		args = append(args, store.Like(q), store.Like(q))
	}
	if f.UnitID != 0 {
		conds = append(conds, "u.unit_id = ?")
		args = append(args, f.UnitID)
	}
	if f.Role != "" {
		conds = append(conds, "EXISTS (SELECT 1 FROM user_roles x WHERE x.user_id = u.id AND x.role = ?)")
		args = append(args, f.Role)
	}
	where := " WHERE " + strings.Join(conds, " AND ")
	c := s.db.Read()
	total, err := c.Count(ctx, `SELECT COUNT(*) FROM users u JOIN units un ON un.id = u.unit_id LEFT JOIN regions ur ON ur.id = un.region_id`+where, args...)
	if err != nil {
		return nil, 0, err
	}
	rows, err := c.Query(ctx, selectPeople+where+" ORDER BY un.sort_key, u.username LIMIT ? OFFSET ?", append(args, f.Size, (f.Page-1)*f.Size)...)
	if err != nil {
		return nil, 0, err
	}
	defer rows.Close()
	list := []domain.Person{}
	for rows.Next() {
		p, err := scanPerson(rows)
		if err != nil {
			return nil, 0, err
		}
		list = append(list, p)
	}
	if err := rows.Err(); err != nil {
		return nil, 0, err
	}
	rows.Close()
	return list, total, finishPeople(ctx, c, list)
}

func getPerson(ctx context.Context, c *store.Conn, where string, arg any) (domain.Person, error) {
	p, err := scanPerson(c.QueryRow(ctx, selectPeople+" WHERE "+where, arg))
	if errors.Is(err, sql.ErrNoRows) {
		return p, domain.NotFound("人员")
	}
	if err != nil {
		return p, err
	}
	list := []domain.Person{p}
	err = finishPeople(ctx, c, list)
	return list[0], err
}

// Me returns the actor's own record; everyone may read it.
func (s *Service) Me(ctx context.Context, actor *domain.Actor) (_ domain.Person, err error) {
	defer domain.Wrap(&err, "org.Me")
	return getPerson(ctx, s.db.Read(), "u.id = ?", actor.UserID)
}

// Person returns one person in the actor's scope.
func (s *Service) Person(ctx context.Context, actor *domain.Actor, id int64) (_ domain.Person, err error) {
	defer domain.Wrap(&err, "org.Person %d", id)
	if err := requireReader(actor); err != nil {
		return domain.Person{}, err
	}
	p, err := getPerson(ctx, s.db.Read(), "u.id = ?", id)
	if err != nil {
		return p, err
	}
	if p.ID != actor.UserID && !actor.SeesUnit(p.UnitPath, p.UnitRegion) {
		return domain.Person{}, outOfScope("该人员")
	}
	return p, nil
}

// CreatePerson opens an account; its holder must change the password at
// first login.
func (s *Service) CreatePerson(ctx context.Context, actor *domain.Actor, in PersonInput) (_ domain.Person, err error) {
	defer domain.Wrap(&err, "org.CreatePerson")
	var p domain.Person
	err = s.db.Write(ctx, func(c *store.Conn) error {
		var err error
		p, err = createPerson(ctx, c, actor, in)
		return err
	})
	return p, err
}

func createPerson(ctx context.Context, c *store.Conn, actor *domain.Actor, in PersonInput) (domain.Person, error) {
	in.Username = strings.TrimSpace(in.Username)
	if err := domain.ValidateUsername(in.Username); err != nil {
		return domain.Person{}, err
	}
	if err := domain.ValidatePassword("password", in.Password, in.Username); err != nil {
		return domain.Person{}, err
	}
	v, err := resolvePerson(ctx, c, actor, in)
	if err != nil {
		return domain.Person{}, err
	}
	id, err := c.Insert(ctx, `INSERT INTO users (username, real_name, phone, unit_id, scope_kind, scope_region_id, password_hash, must_change_password, disabled, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, TRUE, FALSE, ?, ?)`,
		in.Username, v.realName, v.phone, in.UnitID, v.scope, v.scopeRegion, auth.HashPassword(in.Password), c.Now, c.Now)
	if errors.Is(err, domain.ErrConflict) {
		return domain.Person{}, domain.Conflict("username", "用户名“"+in.Username+"”已被使用")
	}
	if err != nil {
		return domain.Person{}, err
	}
	if err := setRoles(ctx, c, id, v.roles); err != nil {
		return domain.Person{}, err
	}
	p, err := getPerson(ctx, c, "u.id = ?", id)
	if err != nil {
		return p, err
	}
	return p, audit.Record(ctx, c, actor, audit.Change{Action: "create", Entity: "person", EntityID: id,
		Summary: "新增人员“" + p.RealName + "”（" + p.Username + "）", After: p})
}

// resolvedPerson is a person input checked against the rules and the
// actor's rights.
type resolvedPerson struct {
	realName, phone string
	roles           []domain.Role
	scope           domain.ScopeKind
	scopeRegion     *int64
}

func resolvePerson(ctx context.Context, c *store.Conn, actor *domain.Actor, in PersonInput) (resolvedPerson, error) {
	v := resolvedPerson{realName: strings.TrimSpace(in.RealName), phone: strings.TrimSpace(in.Phone)}
	if err := domain.RequireText("realName", "姓名", v.realName, 32); err != nil {
		return v, err
	}
	if err := domain.ValidatePhone(v.phone); err != nil {
		return v, err
	}
	if !actor.Has(peopleManagers...) {
		return v, domain.Forbidden("您的角色不能维护人员")
	}
	v.roles = slices.Compact(slices.Sorted(slices.Values(in.Roles)))
	if err := domain.ValidateRoles(v.roles); err != nil {
		return v, err
	}
	if err := checkGrants(actor, v.roles...); err != nil {
		return v, err
	}
	if in.UnitID == 0 {
		return v, domain.Invalid("unitId", "请选择所属单位")
	}
	unit, err := getUnit(ctx, c, in.UnitID)
	if errors.Is(err, domain.ErrNotFound) {
		return v, domain.Invalid("unitId", "所属单位不存在")
	}
	if err != nil {
		return v, err
	}
	if !actor.SeesUnit(unit.Path, unit.RegionCode) {
		return v, outOfScope("单位“" + unit.Name + "”")
	}
	v.scope = domain.ScopeKind(in.ScopeKind)
	switch v.scope {
	case domain.ScopeUnit, domain.ScopeAll:
	case domain.ScopeRegion:
		if in.ScopeRegionID == nil {
			return v, domain.Invalid("scopeRegionId", "数据范围为“区划”时须选择范围区划")
		}
		r, err := getRegion(ctx, c, *in.ScopeRegionID)
		if err != nil {
			return v, domain.Invalid("scopeRegionId", "范围区划不存在")
		}
		if !actor.CoversScope(domain.ScopeRegion, r.Code, "") {
			return v, domain.Invalid("scopeRegionId", "不能授予超出您本人数据范围的区划")
		}
		v.scopeRegion = &r.ID
	default:
		return v, domain.Invalid("scopeKind", "数据范围应为 本单位、区划 或 全部")
	}
	if v.scope == domain.ScopeAll && actor.Scope != domain.ScopeAll {
		return v, domain.Invalid("scopeKind", "不能授予超出您本人数据范围的“全部”范围")
	}
	return v, nil
}

func setRoles(ctx context.Context, c *store.Conn, userID int64, roles []domain.Role) error {
	if _, err := c.Exec(ctx, `DELETE FROM user_roles WHERE user_id = ?`, userID); err != nil {
		return err
	}
	for _, r := range roles {
		if _, err := c.Exec(ctx, `INSERT INTO user_roles (user_id, role) VALUES (?, ?)`, userID, r); err != nil {
			return err
		}
	}
	return nil
}

// UpdatePerson changes a person's details, unit, roles and scope. An empty
// phone, or one still masked, leaves the stored number as it is.
func (s *Service) UpdatePerson(ctx context.Context, actor *domain.Actor, id int64, in PersonInput) (_ domain.Person, err error) {
	defer domain.Wrap(&err, "org.UpdatePerson %d", id)
	var p domain.Person
	err = s.db.Write(ctx, func(c *store.Conn) error {
		before, err := s.managed(ctx, c, actor, id)
		if err != nil {
			return err
		}
		p, err = updatePerson(ctx, c, actor, before, in)
		return err
	})
	return p, err
}

// managed loads a person the actor may change: in scope, holding no role
// the actor could not grant, and seeing no more than the actor does.
func (s *Service) managed(ctx context.Context, c *store.Conn, actor *domain.Actor, id int64) (domain.Person, error) {
	if !actor.Has(peopleManagers...) {
		return domain.Person{}, domain.Forbidden("您的角色不能维护人员")
	}
	p, err := getPerson(ctx, c, "u.id = ?", id)
	if err != nil {
		return p, err
	}
	if !actor.SeesUnit(p.UnitPath, p.UnitRegion) {
		return domain.Person{}, outOfScope("该人员")
	}
	if err := heldRoles(actor, p); err != nil {
		return domain.Person{}, err
	}
	if !coversPerson(actor, p) {
		return domain.Person{}, domain.Forbidden("该人员的数据范围超出您本人的数据范围，您无权管理")
	}
	return p, nil
}

func updatePerson(ctx context.Context, c *store.Conn, actor *domain.Actor, before domain.Person, in PersonInput) (domain.Person, error) {
	if in.Phone == "" || strings.Contains(in.Phone, "*") {
		in.Phone = before.Phone
	}
	v, err := resolvePerson(ctx, c, actor, in)
	if err != nil {
		return domain.Person{}, err
	}
	if before.ID == actor.UserID {
		if in.Disabled {
			return domain.Person{}, domain.Invalid("disabled", "不能停用自己的账号")
		}
		if err := sameOwnGrants(before, in.UnitID, v); err != nil {
			return domain.Person{}, err
		}
	}
	if _, err := c.Exec(ctx, `UPDATE users SET real_name = ?, phone = ?, unit_id = ?, scope_kind = ?, scope_region_id = ?, disabled = ?, updated_at = ? WHERE id = ?`,
		v.realName, v.phone, in.UnitID, v.scope, v.scopeRegion, in.Disabled, c.Now, before.ID); err != nil {
		return domain.Person{}, err
	}
	if err := setRoles(ctx, c, before.ID, v.roles); err != nil {
		return domain.Person{}, err
	}
	if in.Disabled {
		if _, err := c.Exec(ctx, `DELETE FROM sessions WHERE user_id = ?`, before.ID); err != nil {
			return domain.Person{}, err
		}
	}
	p, err := getPerson(ctx, c, "u.id = ?", before.ID)
	if err != nil {
		return p, err
	}
	return p, audit.Record(ctx, c, actor, audit.Change{Action: "update", Entity: "person", EntityID: p.ID,
		Summary: "修改人员“" + p.RealName + "”（" + p.Username + "）", Before: before, After: p})
}

// sameOwnGrants refuses a change of one's own roles or scope: nobody
// widens their own rights, whatever roles they hold.
func sameOwnGrants(before domain.Person, unitID int64, v resolvedPerson) error {
	const msg = "不能修改自己的角色或数据范围"
	if !slices.Equal(slices.Sorted(slices.Values(before.Roles)), v.roles) {
		return domain.Invalid("roles", msg)
	}
	sameRegion := (before.Scope.RegionID == nil) == (v.scopeRegion == nil) &&
		(v.scopeRegion == nil || *before.Scope.RegionID == *v.scopeRegion)
	if before.Scope.Kind != v.scope || !sameRegion {
		return domain.Invalid("scopeKind", msg)
	}
	// A unit scope is the unit itself.
	if v.scope == domain.ScopeUnit && unitID != before.UnitID {
		return domain.Invalid("unitId", msg)
	}
	return nil
}

// DisablePerson stops an account and ends its sessions; the record stays so
// history keeps the name.
func (s *Service) DisablePerson(ctx context.Context, actor *domain.Actor, id int64) (err error) {
	defer domain.Wrap(&err, "org.DisablePerson %d", id)
	return s.db.Write(ctx, func(c *store.Conn) error {
		p, err := s.managed(ctx, c, actor, id)
		if err != nil {
			return err
		}
		if p.ID == actor.UserID {
			return domain.Invalid("id", "不能停用自己的账号")
		}
		if _, err := c.Exec(ctx, `UPDATE users SET disabled = TRUE, updated_at = ? WHERE id = ?`, c.Now, id); err != nil {
			return err
		}
		if _, err := c.Exec(ctx, `DELETE FROM sessions WHERE user_id = ?`, id); err != nil {
			return err
		}
		return audit.Record(ctx, c, actor, audit.Change{Action: "disable", Entity: "person", EntityID: id,
			Summary: "停用人员“" + p.RealName + "”（" + p.Username + "）", Before: p})
	})
}

// keeper loads a person whose password the actor may reset or unlock: in
// scope, holding no role the actor could not grant, and seeing no more than
// the actor does, so that a reset never takes over a stronger account.
func keeper(ctx context.Context, c *store.Conn, actor *domain.Actor, id int64) (domain.Person, error) {
	if !actor.Has(passwordKeepers...) {
		return domain.Person{}, domain.Forbidden("只有安全保密管理员、系统管理员或创城办可以重置密码和解锁")
	}
	p, err := getPerson(ctx, c, "u.id = ?", id)
	if err != nil {
		return p, err
	}
	if !actor.SeesUnit(p.UnitPath, p.UnitRegion) {
		return domain.Person{}, outOfScope("该人员")
	}
	if err := heldRoles(actor, p); err != nil {
		return domain.Person{}, err
	}
	if !coversPerson(actor, p) {
		return domain.Person{}, domain.Forbidden("该人员的数据范围超出您本人的数据范围，您无权重置其密码或解锁")
	}
	return p, nil
}

// ResetPassword sets a new password the person must change at next login,
// lifts the waits failed sign-ins put on the account (as Unlock does), ends
// its sessions and revokes its API tokens.
func (s *Service) ResetPassword(ctx context.Context, actor *domain.Actor, id int64, newPassword string) (err error) {
	defer domain.Wrap(&err, "org.ResetPassword %d", id)
	return s.db.Write(ctx, func(c *store.Conn) error {
		p, err := keeper(ctx, c, actor, id)
		if err != nil {
			return err
		}
		if err := domain.ValidatePassword("newPassword", newPassword, p.Username); err != nil {
			return err
		}
		if _, err := c.Exec(ctx, `UPDATE users SET password_hash = ?, must_change_password = TRUE, updated_at = ? WHERE id = ?`,
			auth.HashPassword(newPassword), c.Now, id); err != nil {
			return err
		}
		if _, err := auth.LiftWaits(ctx, c, p.Username); err != nil {
			return err
		}
		if _, err := c.Exec(ctx, `DELETE FROM sessions WHERE user_id = ?`, id); err != nil {
			return err
		}
		if err := auth.RevokeAllTokens(ctx, c, id); err != nil {
			return err
		}
		return audit.Record(ctx, c, actor, audit.Change{Action: "password_reset", Entity: "person", EntityID: id,
			Summary: "重置“" + p.RealName + "”（" + p.Username + "）的密码（会话已退出，API 令牌已全部吊销）"})
	})
}

// Unlock (解锁) lifts the limit failed sign-ins put on a person's account:
// every address waiting to try it again may try at once, and their counts
// of failures on it start afresh. The waits are auth's; this decides who
// may lift them and records that they did.
func (s *Service) Unlock(ctx context.Context, actor *domain.Actor, id int64) (err error) {
	defer domain.Wrap(&err, "org.Unlock %d", id)
	err = s.db.Write(ctx, func(c *store.Conn) error {
		p, err := keeper(ctx, c, actor, id)
		if err != nil {
			return err
		}
		waiting, err := auth.LiftWaits(ctx, c, p.Username)
		if err != nil {
			return err
		}
		summary := fmt.Sprintf("解除“%s”（%s）的登录限制：%d 个地址无需再等待", p.RealName, p.Username, waiting)
		if waiting == 0 {
			summary = fmt.Sprintf("解除“%s”（%s）的登录限制：当时没有地址在等待，已清零失败次数", p.RealName, p.Username)
		}
		ch := audit.Change{Action: "unlock", Entity: "person", EntityID: id, Summary: summary}
		if p.LoginLimit != nil {
			ch.Before = p.LoginLimit
		}
		return audit.Record(ctx, c, actor, ch)
	})
	if err != nil {
		return fmt.Errorf("unlock person %d: %w", id, err)
	}
	return nil
}

// SetPassword sets a password by username for the command line and the demo
// loader; mustChange decides whether the holder must change it at login. A
// disabled account stays disabled.
func (s *Service) SetPassword(ctx context.Context, actor *domain.Actor, username, password string, mustChange bool) (err error) {
	defer domain.Wrap(&err, "org.SetPassword")
	if !actor.Has(domain.RoleSysAdmin, domain.RoleSecurityAdmin) {
		return domain.Forbidden("只有系统管理员或安全保密管理员可以设置密码")
	}
	if err := domain.ValidatePassword("password", password, username); err != nil {
		return err
	}
	return s.db.Write(ctx, func(c *store.Conn) error {
		p, err := getPerson(ctx, c, "u.username = ?", username)
		if err != nil {
			return err
		}
		if _, err := c.Exec(ctx, `UPDATE users SET password_hash = ?, must_change_password = ?, updated_at = ? WHERE id = ?`,
			auth.HashPassword(password), mustChange, c.Now, p.ID); err != nil {
			return err
		}
		if _, err := auth.LiftWaits(ctx, c, p.Username); err != nil {
			return err
		}
		if _, err := c.Exec(ctx, `DELETE FROM sessions WHERE user_id = ?`, p.ID); err != nil {
			return err
		}
		if err := auth.RevokeAllTokens(ctx, c, p.ID); err != nil {
			return err
		}
		return audit.Record(ctx, c, actor, audit.Change{Action: "password_reset", Entity: "person", EntityID: p.ID,
			Summary: "设置“" + p.RealName + "”（" + p.Username + "）的密码"})
	})
}

// UnitID finds a unit by its full name, as the actor would name it
// (within its own jurisdiction first).
func (s *Service) UnitID(ctx context.Context, actor *domain.Actor, name string) (_ int64, err error) {
	defer domain.Wrap(&err, "org.UnitID %q", name)
	u, err := unitNamed(ctx, s.db.Read(), actor, name)
	return u.ID, err
}

// RegionID finds a region by its code.
func (s *Service) RegionID(ctx context.Context, code string) (_ int64, err error) {
	defer domain.Wrap(&err, "org.RegionID")
	r, err := regionByCode(ctx, s.db.Read(), code)
	return r.ID, err
}

// Directory lists every unit by id, with kind, for areas that name units
// (frameworks, plans) without reading the unit table themselves.
func (s *Service) Directory(ctx context.Context) (_ map[int64]domain.Unit, err error) {
	defer domain.Wrap(&err, "org.Directory")
	rows, err := s.db.Read().Query(ctx, selectUnitNames+" ORDER BY un.sort_key")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	dir := map[int64]domain.Unit{}
	for rows.Next() {
		u, err := scanUnit(rows)
		if err != nil {
			return nil, err
		}
		dir[u.ID] = u
	}
	return dir, rows.Err()
}

// RegionDirectory lists every region by id, for areas that place records
// in regions (cases) without reading the region table themselves.
func (s *Service) RegionDirectory(ctx context.Context) (_ map[int64]domain.Region, err error) {
	defer domain.Wrap(&err, "org.RegionDirectory")
	rows, err := s.db.Read().Query(ctx, `SELECT id, code, name, level, parent_id, sort_key, boundary FROM regions`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	dir := map[int64]domain.Region{}
	for rows.Next() {
		var r domain.Region
		if err := rows.Scan(&r.ID, &r.Code, &r.Name, &r.Level, &r.ParentID, &r.SortKey, &r.Boundary); err != nil {
			return nil, err
		}
		r.HasBoundary = r.Boundary != ""
		dir[r.ID] = r
	}
	return dir, rows.Err()
}

// UnitHeads returns the enabled accounts holding the unit head role in a
// unit, for escalations addressed to the head in person.
func UnitHeads(ctx context.Context, c *store.Conn, unitID int64) ([]int64, error) {
	return c.Int64s(ctx, `SELECT u.id FROM users u JOIN user_roles r ON r.user_id = u.id
		WHERE u.unit_id = ? AND r.role = ? AND NOT u.disabled ORDER BY u.id`, unitID, string(domain.RoleUnitHead))
}

// UnitsWithRole returns the units where someone enabled holds one of the
// roles, to address a message to the office.
func (s *Service) UnitsWithRole(ctx context.Context, roles ...domain.Role) (_ []int64, err error) {
	defer domain.Wrap(&err, "org.UnitsWithRole")
	args := []any{}
	for _, r := range roles {
		args = append(args, string(r))
	}
	rows, err := s.db.Read().Query(ctx, `SELECT DISTINCT u.unit_id FROM users u JOIN user_roles r ON r.user_id = u.id WHERE NOT u.disabled AND r.role IN (`+store.Placeholders(len(roles))+`) ORDER BY u.unit_id`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		out = append(out, id)
	}
	return out, rows.Err()
}
