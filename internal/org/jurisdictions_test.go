package org_test

import (
	"errors"
	"testing"

	"wenming/internal/domain"
	"wenming/internal/org"
	"wenming/internal/store"
	"wenming/internal/store/storetest"
	"wenming/internal/testcity"
)

// Offices are set up from above: a county's office sets up offices in its
// own streets only, never in the other county's; each jurisdiction's
// office unit lies in it; every role reads the list with who is above whom.
func TestJurisdictionsAreSetUpFromAbove(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
		c := testcity.New(t, db)
		ctx := t.Context()
		list, err := c.Org.Jurisdictions(ctx, c.B.Liaison)
		if err != nil {
			t.Fatal(err)
		}
		if len(list) != 3 {
			t.Fatalf("%d jurisdictions, want the city and two counties", len(list))
		}
		for _, j := range list {
			switch j.ID {
			case c.City.Jurisdiction:
				if j.ParentID != nil || j.OfficeName != "市文明办" {
					t.Errorf("the city: %+v", j)
				}
			case c.A.Jurisdiction, c.B.Jurisdiction:
				if j.ParentID == nil || *j.ParentID != c.City.Jurisdiction || j.OfficeName != "县文明办" {
					t.Errorf("a county: %+v", j)
				}
			}
		}

		for name, who := range map[string]*domain.Actor{"county A's office": c.A.Staff, "the city's office": c.City.Staff, "county B's liaison": c.B.Liaison} {
			if _, err := c.Org.CreateJurisdiction(ctx, who, org.JurisdictionInput{RegionID: c.B.Street}); !errors.Is(err, domain.ErrForbidden) {
				t.Errorf("%s set up an office in county B's street: %v", name, err)
			}
		}
		street, err := c.Org.CreateJurisdiction(ctx, c.B.Staff, org.JurisdictionInput{RegionID: c.B.Street})
		if err != nil {
			t.Fatal(err)
		}
		if street.ParentID == nil || *street.ParentID != c.B.Jurisdiction {
			t.Errorf("the street's office is under %v, want county B", street.ParentID)
		}
		if _, err := c.Org.CreateJurisdiction(ctx, c.B.Staff, org.JurisdictionInput{RegionID: c.B.Street}); !errors.Is(err, domain.ErrConflict) {
			t.Errorf("a second office over one street: %v", err)
		}
		// The street's township unit moved into the street's jurisdiction.
		u, err := c.Org.Unit(ctx, c.B.Staff, c.B.Township)
		if err != nil || u.JurisdictionID == nil || *u.JurisdictionID != c.B.Street {
			t.Errorf("the township unit is in %v (%v), want the street's new jurisdiction", u.JurisdictionID, err)
		}
		_, err = c.Org.SetJurisdictionOffice(ctx, c.A.Staff, c.A.Jurisdiction, c.B.OfficeUnit)
		if de, ok := domain.AsError(err); !ok || de.Field != "officeUnitId" {
			t.Errorf("county A named county B's unit its office: %v", err)
		}
		if _, err := c.Org.SetJurisdictionOffice(ctx, c.A.Staff, c.B.Jurisdiction, c.B.Dept); !errors.Is(err, domain.ErrForbidden) {
			t.Errorf("county A named county B's office: %v", err)
		}
	})
}
