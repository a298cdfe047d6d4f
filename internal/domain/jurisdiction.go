package domain

import "strings"

// Jurisdiction is a region with its creation office (创城办): the city's,
// a district's or a county's, or a street's. Every campaign object belongs
// to exactly one, by the region's id. A jurisdiction inside another (a
// county in its city) is supervised by the one above.
type Jurisdiction struct {
	ID           int64  `json:"id"` // the region's id
	Code         string `json:"code"`
	Name         string `json:"name"`
	ParentID     *int64 `json:"parentId"` // the jurisdiction above, if any
	OfficeUnitID *int64 `json:"officeUnitId"`
	OfficeName   string `json:"officeName"`
}

// Within tells whether the jurisdiction with code lies in the subtree of
// the jurisdiction with code above (or is it).
func Within(code, above string) bool {
	return above != "" && strings.HasPrefix(code, SubtreePrefix(above))
}

// Reach says which jurisdictions an actor reads: its own, and with a region
// or whole scope the jurisdictions under that region (a city office reads
// its counties); the system and deployment-wide administrators read all.
// It is decided here once; each area asks it of the records it serves.
func (a *Actor) ReadsJurisdiction(id int64, code string) bool {
	switch {
	case a == nil:
		return false
	case a.Scope == ScopeAll:
		return true
	case id != 0 && id == a.JurisdictionID:
		return true
	case a.Scope == ScopeRegion:
		return strings.HasPrefix(code, a.RegionCode) && a.RegionCode != ""
	}
	return false
}

// GovernsJurisdiction tells whether the actor's office runs the
// jurisdiction: settings, plans, bulletins and rounds are changed by the
// jurisdiction's own office only; the office above reads and supervises
// but does not edit a county's own work. Deployment-wide actors (the
// system, the system administrator) may act in any.
func (a *Actor) GovernsJurisdiction(id int64) bool {
	if a == nil {
		return false
	}
	return a.Scope == ScopeAll || (id != 0 && id == a.JurisdictionID)
}

// Jurisdictions is the list of every jurisdiction, each with the one above.
type Jurisdictions []Jurisdiction

// Of is the jurisdiction a region code lies in: the deepest whose subtree
// holds it.
func (js Jurisdictions) Of(code string) (Jurisdiction, bool) {
	var best Jurisdiction
	found := false
	for _, j := range js {
		p := SubtreePrefix(j.Code)
		if strings.HasPrefix(code, p) && (!found || len(p) > len(SubtreePrefix(best.Code))) {
			best, found = j, true
		}
	}
	return best, found
}

// ByID finds a jurisdiction.
func (js Jurisdictions) ByID(id int64) (Jurisdiction, bool) {
	for _, j := range js {
		if j.ID == id {
			return j, true
		}
	}
	return Jurisdiction{}, false
}

// Chain is the jurisdiction and those above it, nearest first: where a
// setting not made here is inherited from.
func (js Jurisdictions) Chain(id int64) []Jurisdiction {
	var out []Jurisdiction
	for j, ok := js.ByID(id); ok; {
		out = append(out, j)
		if j.ParentID == nil {
			break
		}
		j, ok = js.ByID(*j.ParentID)
	}
	return out
}

// Top is the deployment's one top jurisdiction, if it has exactly one.
func (js Jurisdictions) Top() (Jurisdiction, bool) {
	var top []Jurisdiction
	for _, j := range js {
		if j.ParentID == nil {
			top = append(top, j)
		}
	}
	if len(top) != 1 {
		return Jurisdiction{}, false
	}
	return top[0], true
}

// In is the actor acting for a jurisdiction: the system loading a county's
// demo data or drafting its bulletin. Records it makes belong there.
func (a *Actor) In(j Jurisdiction) *Actor {
	c := *a
	c.JurisdictionID, c.JurisdictionCode = j.ID, j.Code
	return &c
}
