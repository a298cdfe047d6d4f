package demo_test

import (
	"testing"

	"wenming/internal/cases"
	"wenming/internal/demo"
	"wenming/internal/domain"
)

// The demo's outlines locate a report with no street into its community
// at the county seat, and refuse a position outside the city.
func TestDemoOutlinesLocateReports(t *testing.T) {
	w := newWorld(t)
	office, err := demo.CountyActor(w.ctx, w.orgs, "测试", domain.RoleOfficeStaff)
	if err != nil {
		t.Fatal(err)
	}
	cat, err := w.cases.CreateCategory(w.ctx, office, cases.CategoryInput{Code: "T1", Name: "测试类别", Kind: "campaign", LimitValue: 1, LimitUnit: "day"})
	if err != nil {
		t.Fatal(err)
	}
	dongguan, err := w.orgs.RegionID(w.ctx, demo.CountyCode+"100001")
	if err != nil {
		t.Fatal(err)
	}
	lat, lng := 35.6890, 105.0430 // in the seat's south-western block
	k, _, err := w.cases.Intake(w.ctx, office, cases.IntakeInput{Source: "hotline", ExternalID: "T-1", CategoryID: cat.ID, Description: "路面破损", Lat: &lat, Lng: &lng})
	if err != nil {
		t.Fatal(err)
	}
	if k.RegionID == nil || *k.RegionID != dongguan {
		t.Errorf("located in %v (%s), want 东关社区 %d", k.RegionID, k.RegionName, dongguan)
	}
	far, farLng := 34.5, 105.0 // 天水, south of the city
	_, _, err = w.cases.Intake(w.ctx, office, cases.IntakeInput{Source: "hotline", ExternalID: "T-2", CategoryID: cat.ID, Description: "路面破损", Lat: &far, Lng: &farLng})
	if de, ok := domain.AsError(err); !ok || de.Field != "lat" {
		t.Errorf("a position outside the city: %v", err)
	}
}
