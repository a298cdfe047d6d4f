package store

import "wenming/internal/domain"

// Reach limits rows to the jurisdictions the actor reads, by the rows'
// jurisdiction column col: the rule of domain.Actor.ReadsJurisdiction,
// written as SQL for lists.
func Reach(a *domain.Actor, col string) (string, []any) {
	switch a.Scope {
	case domain.ScopeAll:
		return "1=1", nil
	case domain.ScopeRegion:
		return "(" + col + " = ? OR " + col + ` IN (SELECT j.region_id FROM jurisdictions j JOIN regions jr ON jr.id = j.region_id WHERE jr.code LIKE ?))`,
			[]any{a.JurisdictionID, a.RegionCode + "%"}
	}
	return col + " = ?", []any{a.JurisdictionID}
}
