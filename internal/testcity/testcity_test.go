package testcity_test

import (
	"testing"

	"wenming/internal/store"
	"wenming/internal/store/storetest"
	"wenming/internal/testcity"
)

// The city builds on both engines, and each person's actor carries the
// jurisdiction of its unit: the same unit names live in both counties.
func TestCityActorsCarryTheirJurisdiction(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
		c := testcity.New(t, db)
		for _, o := range c.Offices() {
			for role, a := range o.Roles() {
				if a.JurisdictionID != o.Jurisdiction || a.JurisdictionCode != o.Code {
					t.Errorf("%s %s: jurisdiction %d %q, want %d %q", o.Name, role, a.JurisdictionID, a.JurisdictionCode, o.Jurisdiction, o.Code)
				}
			}
		}
		if c.A.Dept == c.B.Dept {
			t.Fatal("the two counties' 县住建局 are one unit")
		}
		if !c.City.Staff.ReadsJurisdiction(c.A.Jurisdiction, c.A.Code) || c.A.Staff.ReadsJurisdiction(c.B.Jurisdiction, c.B.Code) {
			t.Fatal("the city office must read county A, county A's office must not read county B")
		}
		if c.City.Staff.GovernsJurisdiction(c.A.Jurisdiction) || !c.A.Staff.GovernsJurisdiction(c.A.Jurisdiction) {
			t.Fatal("county A's own office governs it, the city office only supervises")
		}
	})
}
