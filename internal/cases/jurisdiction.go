package cases

import (
	"context"
	"fmt"

	"wenming/internal/domain"
)

// A case belongs to one jurisdiction: that of its region, else of the unit
// it was brought to, else of the person who brought it, else the
// deployment's top one (a resident's report with no place named). An
// office above that region receives the case itself (the city's 8890
// centre takes the call) and hands it down. The jurisdiction's own
// settings, rules and units handle it; the offices above read it.

// place decides the jurisdiction of a new case and refuses a place the
// actor does not reach: a county's office cannot open a case in another
// county by naming its region or unit.
func (e *caseConfig) place(a *domain.Actor, in IntakeInput) (domain.Jurisdiction, error) {
	var (
		j     domain.Jurisdiction
		ok    bool
		field = "regionId"
	)
	switch {
	case in.RegionID != nil:
		j, ok = e.jurisdictions.Of(e.regions[*in.RegionID].Code)
	case in.UnitID != nil:
		field = "unitId"
		j, ok = e.unitJurisdiction(*in.UnitID)
	case a.JurisdictionID != 0:
		j, ok = e.jurisdictions.ByID(a.JurisdictionID)
	default:
		j, ok = e.jurisdictions.Top()
	}
	if !ok {
		return j, domain.Invalid(field, "无法确定案件所属辖区，请选择所在区域")
	}
	// With no place named, a category kept by a county below says where the
	// problem is: a resident who picks 会宁县's 乱扔垃圾 reports in 会宁县.
	if in.RegionID == nil && in.UnitID == nil {
		if owner := e.categories[in.CategoryID].JurisdictionID; owner != nil && *owner != j.ID && e.inChain(&j.ID, *owner) {
			j, _ = e.jurisdictions.ByID(*owner)
		}
	}
	if a != resident && a.IsOffice() && e.above(a, &j.ID) {
		j, _ = e.jurisdictions.ByID(a.JurisdictionID)
	}
	// A resident reports anywhere in the deployment; everyone else within
	// the jurisdictions they read.
	if a != resident && !a.ReadsJurisdiction(j.ID, j.Code) {
		return j, domain.Invalid(field, "所选区域或单位属于"+j.Name+"，不在您的辖区内")
	}
	return j, nil
}

func (e *caseConfig) unitJurisdiction(unit int64) (domain.Jurisdiction, bool) {
	u, ok := e.units[unit]
	if !ok || u.JurisdictionID == nil {
		return domain.Jurisdiction{}, false
	}
	return e.jurisdictions.ByID(*u.JurisdictionID)
}

// serves tells whether a unit may handle a case of the jurisdiction: a
// unit of that jurisdiction or of one under it (the city dispatches to a
// county's office). A case from before jurisdictions goes anywhere.
func (e *caseConfig) serves(unit int64, jurisdiction *int64) bool {
	if jurisdiction == nil {
		return true
	}
	uj, ok := e.unitJurisdiction(unit)
	if !ok {
		return false
	}
	for _, j := range e.jurisdictions.Chain(uj.ID) {
		if j.ID == *jurisdiction {
			return true
		}
	}
	return false
}

// notServing says why a unit cannot handle the case.
func (e *caseConfig) notServing(field, what string, unit int64, jurisdiction *int64) error {
	name := ""
	if jurisdiction != nil {
		j, _ := e.jurisdictions.ByID(*jurisdiction)
		name = j.Name
	}
	return domain.Invalid(field, what+"“"+e.units[unit].Name+"”不属于案件所在的"+name+"，不能处置该案件")
}

// inChain tells whether a record owned by jurisdiction owner applies in
// jurisdiction j: it is j's own or inherited from above.
func (e *caseConfig) inChain(owner *int64, j int64) bool {
	if owner == nil {
		return true
	}
	for _, c := range e.jurisdictions.Chain(j) {
		if c.ID == *owner {
			return true
		}
	}
	return false
}

// settingsOf are the settings that apply in a jurisdiction (nil: the top
// one): its own, else the nearest above it that set them, else the
// defaults; whatever an office above fixed, as that office set it.
func (e *caseConfig) settingsOf(jurisdiction *int64) Settings {
	if jurisdiction == nil {
		top, ok := e.jurisdictions.Top()
		if !ok {
			return defaultSettings
		}
		jurisdiction = &top.ID
	}
	if s, ok := e.settingsIn[*jurisdiction]; ok {
		return s
	}
	return defaultSettings
}

// inForce resolves the settings of a jurisdiction from every
// jurisdiction's own (domain.SettingsInForce, the one rule).
func (e *caseConfig) inForce(jurisdiction int64) domain.InForce[Settings] {
	return domain.SettingsInForce(e.jurisdictions.Chain(jurisdiction), e.settingsBy, defaultSettings, fixable, fixedByTop...)
}

// resolveSettings works out, once a configuration is loaded, the settings
// in force in each jurisdiction, so a clock or a list reads them from a map.
func (e *caseConfig) resolveSettings() map[int64]Settings {
	out := make(map[int64]Settings, len(e.jurisdictions))
	for _, j := range e.jurisdictions {
		f := e.inForce(j.ID)
		s := f.Values
		s.InheritedFrom, s.Origins, s.LockedBelow = f.From.From, f.Origins, []string{}
		if f.Own {
			s.LockedBelow = append(s.LockedBelow, e.settingsBy[j.ID].Locked...)
		}
		out[j.ID] = s
	}
	return out
}

// readsCase tells whether an office, leader or inspector reads the cases
// of a jurisdiction (a case not yet placed in a region or unit).
func readsCase(a *domain.Actor, e *caseConfig, jurisdiction *int64) bool {
	if jurisdiction == nil {
		return true
	}
	j, ok := e.jurisdictions.ByID(*jurisdiction)
	return ok && a.ReadsJurisdiction(j.ID, j.Code)
}

// jurisdictionsRead lists the ids of the jurisdictions the actor reads, for
// SQL.
func (e *caseConfig) jurisdictionsRead(a *domain.Actor) []int64 {
	var out []int64
	for _, j := range e.jurisdictions {
		if a.ReadsJurisdiction(j.ID, j.Code) {
			out = append(out, j.ID)
		}
	}
	return out
}

// The working calendar and working day are the whole deployment's: every
// clock in the city runs on them, so only the top jurisdiction's office
// sets them and a county inherits them as they are (fixedByTop).

// requireCalendarKeeper keeps the calendar to the top jurisdiction's
// office.
func (s *Service) requireCalendarKeeper(ctx context.Context, a *domain.Actor) error {
	if err := requireOffice(a); err != nil {
		return err
	}
	e, err := s.config(ctx)
	if err != nil {
		return err
	}
	if top, ok := e.jurisdictions.Top(); ok && !a.GovernsJurisdiction(top.ID) {
		return domain.Forbidden("工作日历由" + top.Name + "统一设置，您只能查看")
	}
	return nil
}

// outlines parses the regions' boundaries. A boundary that no longer
// parses (it was checked when saved) is skipped, not fatal.
func outlines(regions map[int64]domain.Region) map[int64]domain.Boundary {
	out := map[int64]domain.Boundary{}
	for id, r := range regions {
		if r.Boundary == "" {
			continue
		}
		if b, err := domain.ParseBoundary(r.Boundary); err == nil {
			out[id] = b
		}
	}
	return out
}

// locate finds the deepest region whose outline holds a position: a
// resident's report without a street lands in its community or grid, and
// so in its county's hands.
func (e *caseConfig) locate(lat, lng float64) *int64 {
	var best *int64
	depth := 0
	for id, b := range e.outlines {
		if code := e.regions[id].Code; len(code) > depth && b.Contains(lat, lng) {
			best, depth = &id, len(code)
		}
	}
	return best
}

// withinOutlines refuses a position outside every jurisdiction's outline,
// once any jurisdiction has one (before that, each jurisdiction's
// rectangular bounds are the check).
func (e *caseConfig) withinOutlines(lat, lng float64) error {
	drawn := false
	for _, j := range e.jurisdictions {
		b, ok := e.outlines[j.ID]
		if !ok {
			continue
		}
		if b.Contains(lat, lng) {
			return nil
		}
		drawn = true
	}
	if !drawn {
		return nil
	}
	return domain.Invalid("lat", fmt.Sprintf("位置（纬度 %.5f，经度 %.5f）不在本市任何辖区的边界内，请重新定位或在地图上选点", lat, lng))
}
