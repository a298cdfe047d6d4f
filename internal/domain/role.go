package domain

import "slices"

// Role is what a person may do; a person may hold several.
type Role string

const (
	RoleOfficeLeader  Role = "office_leader"
	RoleOfficeStaff   Role = "office_staff"
	RoleUnitHead      Role = "unit_head"
	RoleUnitLiaison   Role = "unit_liaison"
	RoleInspector     Role = "inspector"
	RoleGridWorker    Role = "grid_worker"
	RoleLeader        Role = "leader"
	RoleSysAdmin      Role = "sys_admin"
	RoleSecurityAdmin Role = "security_admin"
	RoleAuditAdmin    Role = "audit_admin"
)

// Named pairs a code with its Chinese name for pickers and exports.
type Named struct {
	Code string `json:"code"`
	Name string `json:"name"`
}

// Roles lists every role in the order the UI shows them.
var Roles = []Named{
	{string(RoleOfficeLeader), "创城办领导"},
	{string(RoleOfficeStaff), "创城办工作人员"},
	{string(RoleUnitHead), "单位负责人"},
	{string(RoleUnitLiaison), "单位联络员"},
	{string(RoleInspector), "督查员"},
	{string(RoleGridWorker), "网格员"},
	{string(RoleLeader), "领导（只读）"},
	{string(RoleSysAdmin), "系统管理员"},
	{string(RoleSecurityAdmin), "安全保密管理员"},
	{string(RoleAuditAdmin), "安全审计员"},
}

// adminRoles are the three separated administrator roles (三员分立): each is
// held alone, so no one both changes the system and audits the change.
var adminRoles = []Role{RoleSysAdmin, RoleSecurityAdmin, RoleAuditAdmin}

// IsAdminRole tells whether r is one of the three separated admin roles.
func IsAdminRole(r Role) bool { return slices.Contains(adminRoles, r) }

// RoleName returns the Chinese name of a role code, or "" when unknown.
func RoleName(code string) string { return nameOf(Roles, code) }

// RoleByName finds a role by its Chinese name or its code.
func RoleByName(s string) (Role, bool) {
	for _, r := range Roles {
		if r.Name == s || r.Code == s {
			return Role(r.Code), true
		}
	}
	return "", false
}

// ValidateRoles checks codes and the separation of the admin roles.
func ValidateRoles(roles []Role) error {
	if len(roles) == 0 {
		return Invalid("roles", "至少选择一个角色")
	}
	admins := 0
	for _, r := range roles {
		if RoleName(string(r)) == "" {
			return Invalid("roles", "未知角色："+string(r))
		}
		if IsAdminRole(r) {
			admins++
		}
	}
	if admins > 0 && len(roles) > 1 {
		return Invalid("roles", "系统管理员、安全保密管理员、安全审计员三员分立，不能与其他角色兼任")
	}
	return nil
}

func nameOf(list []Named, code string) string {
	for _, n := range list {
		if n.Code == code {
			return n.Name
		}
	}
	return ""
}

func codeOf(list []Named, s string) (string, bool) {
	for _, n := range list {
		if n.Name == s || n.Code == s {
			return n.Code, true
		}
	}
	return "", false
}

// NameOf returns the Chinese name of a code in a list, or "" when unknown.
func NameOf(list []Named, code string) string { return nameOf(list, code) }
