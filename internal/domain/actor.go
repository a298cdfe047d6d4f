package domain

import (
	"slices"
	"strings"
)

// ScopeKind says how far a person's view reaches.
type ScopeKind string

const (
	ScopeUnit   ScopeKind = "unit"   // own unit and its sub-units
	ScopeRegion ScopeKind = "region" // every unit in a region subtree
	ScopeAll    ScopeKind = "all"    // everything
)

// ScopeKinds lists the scope kinds with their Chinese names.
var ScopeKinds = []Named{
	{string(ScopeUnit), "本单位"},
	{string(ScopeRegion), "区划"},
	{string(ScopeAll), "全部"},
}

// ScopeKindByName finds a scope kind by Chinese name or code.
func ScopeKindByName(s string) (ScopeKind, bool) {
	c, ok := codeOf(ScopeKinds, s)
	return ScopeKind(c), ok
}

// Actor is the authenticated person behind a request, with everything a
// service needs to check role and scope without another query.
type Actor struct {
	UserID     int64
	Username   string
	RealName   string
	UnitID     int64
	UnitPath   string // materialized path of the own unit, e.g. "/3/17/"
	Roles      []Role
	Scope      ScopeKind
	RegionID   int64  // scope region when Scope is region
	RegionCode string // its code: a subtree is every code with this prefix
	// JurisdictionID is the jurisdiction (its region's id) of the actor's
	// unit: the office it works for or under; JurisdictionCode its region
	// code.
	JurisdictionID   int64
	JurisdictionCode string
	IP               string
	RequestID        string
	ViaToken         bool
}

// Has tells whether the actor holds any of the roles.
func (a *Actor) Has(roles ...Role) bool {
	if a == nil {
		return false
	}
	for _, r := range roles {
		if slices.Contains(a.Roles, r) {
			return true
		}
	}
	return false
}

// IsOffice tells whether the actor works for the creation office (its
// leaders and staff), who run the campaign's settings and the case loop.
func (a *Actor) IsOffice() bool { return a.Has(RoleOfficeLeader, RoleOfficeStaff) }

// SeesUnit tells whether a unit (by its path and region code) lies in the
// actor's scope.
func (a *Actor) SeesUnit(unitPath, regionCode string) bool {
	switch a.Scope {
	case ScopeAll:
		return true
	case ScopeRegion:
		return regionCode != "" && strings.HasPrefix(regionCode, a.RegionCode)
	default:
		return a.UnitPath != "" && strings.HasPrefix(unitPath, a.UnitPath)
	}
}

// CoversScope tells whether the actor's own scope contains another scope,
// so that nobody grants a wider view than they have.
func (a *Actor) CoversScope(kind ScopeKind, regionCode, unitPath string) bool {
	switch a.Scope {
	case ScopeAll:
		return true
	case ScopeRegion:
		switch kind {
		case ScopeRegion:
			return strings.HasPrefix(regionCode, a.RegionCode)
		case ScopeUnit:
			return strings.HasPrefix(regionCode, a.RegionCode)
		}
		return false
	default:
		return kind == ScopeUnit && strings.HasPrefix(unitPath, a.UnitPath)
	}
}

// System is the program acting on its own: the case clock, the scheduled
// bulletins and reminders, the command line, the demo loader. It has no
// account (its audit entries carry its name and no account id), the whole
// county in view, and only the roles its task needs: one role, or several
// that a person could hold, never the separated administrators together
// (that is a programming error, and panics).
func System(name string, roles ...Role) *Actor {
	if len(roles) > 0 {
		if err := ValidateRoles(roles); err != nil {
			panic("domain.System " + name + ": " + err.Error())
		}
	}
	return &Actor{Username: "system", RealName: name, Scope: ScopeAll, Roles: roles}
}

// Ref is the actor's account for a "done by" column: nil for the system,
// which has no account.
func (a *Actor) Ref() any {
	if a.UserID == 0 {
		return nil
	}
	return a.UserID
}
