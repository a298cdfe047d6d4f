package httpapi_test

import (
	"fmt"
	"math"
	"slices"
	"testing"

	"wenming/internal/cases"
	"wenming/internal/domain"
	"wenming/internal/org"
	"wenming/internal/store"
	"wenming/internal/store/storetest"
)

// square is a GeoJSON Polygon of a square around a point, [lng, lat].
func square(lat, lng, half float64) string {
	return fmt.Sprintf(`{"type":"Polygon","coordinates":[[[%g,%g],[%g,%g],[%g,%g],[%g,%g],[%g,%g]]]}`,
		lng-half, lat-half, lng+half, lat-half, lng+half, lat+half, lng-half, lat+half, lng-half, lat-half)
}

// outlineIDs lists the region ids of a FeatureCollection of outlines.
func outlineIDs(r *response) []int64 {
	var fc org.OutlineCollection
	r.json(&fc)
	ids := []int64{}
	for _, f := range fc.Features {
		ids = append(ids, f.ID)
	}
	slices.Sort(ids)
	return ids
}

// Over HTTP, outlines are each county's: county A's office draws and reads
// its own, never county B's (refused 403 to change, 404 to read, 400 on
// jurisdictionId to list); the city office reads both; a bad outline is
// refused on boundary in Chinese and changes nothing.
func TestOutlinesOverHTTP(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
		p := newCityServer(t, db)
		a, b, city := p.A, p.B, p.City
		path := func(id int64) string { return fmt.Sprintf("/api/v1/regions/%d/boundary", id) }
		list := func(j int64) string { return fmt.Sprintf("/api/v1/regions/boundaries?jurisdictionId=%d", j) }
		ringA, ringB := square(35.70, 105.05, 0.01), square(36.6, 104.7, 0.01)

		for _, tc := range []struct {
			name       string
			as         *domain.Actor
			method     string
			path       string
			body       any
			wantStatus int
			wantField  string
		}{
			{"A draws its community", a.Staff, "PUT", path(a.Community), ringA, 200, ""},
			{"B draws its community", b.Staff, "PUT", path(b.Community), ringB, 200, ""},
			{"A draws B's community", a.Staff, "PUT", path(b.Community), ringA, 403, ""},
			{"A draws its own county", a.Staff, "PUT", path(a.Jurisdiction), ringA, 403, ""},
			{"A's liaison draws A's street", a.Liaison, "PUT", path(a.Street), ringA, 403, ""},
			{"A clears B's community", a.Staff, "DELETE", path(b.Community), nil, 403, ""},
			{"A reads B's community", a.Staff, "GET", path(b.Community), nil, 404, ""},
			{"A lists B's outlines", a.Staff, "GET", list(b.Jurisdiction), nil, 400, "jurisdictionId"},
			{"A lists the city's outlines", a.Staff, "GET", list(city.Jurisdiction), nil, 400, "jurisdictionId"},
			{"A draws a point", a.Staff, "PUT", path(a.Community), `{"type":"Point","coordinates":[105.05,35.7]}`, 400, "boundary"},
			{"A draws a ring of three", a.Staff, "PUT", path(a.Community), `{"type":"Polygon","coordinates":[[[105,35],[105.1,35],[105,35]]]}`, 400, "boundary"},
			{"A draws text", a.Staff, "PUT", path(a.Community), "边界", 400, "boundary"},
			{"A draws nothing", a.Staff, "PUT", path(a.Community), "", 400, "boundary"},
			{"A draws a region that is not", a.Staff, "PUT", path(999999), ringA, 404, ""},
			{"A reads its community", a.Staff, "GET", path(a.Community), nil, 200, ""},
			{"the city reads B's community", city.Staff, "GET", path(b.Community), nil, 200, ""},
		} {
			t.Run(tc.name, func(t *testing.T) {
				r := p.as(tc.as).do(tc.method, tc.path, tc.body)
				if tc.wantStatus >= 400 {
					refused(t, r, tc.wantStatus)
				} else if r.status != tc.wantStatus {
					t.Fatalf("status %d, want %d: %s", r.status, tc.wantStatus, r.body)
				}
				if tc.wantField != "" {
					if e := r.apiError(); e.Error.Field != tc.wantField {
						t.Errorf("refused on %q, want %q", e.Error.Field, tc.wantField)
					}
				}
			})
		}

		// Refused outlines changed nothing: each county sees its own
		// community's, drawn first; the city sees both.
		for _, tc := range []struct {
			name string
			as   *domain.Actor
			path string
			want []int64
		}{
			{"county A", a.Staff, "/api/v1/regions/boundaries", []int64{a.Community}},
			{"county A's liaison", a.Liaison, "/api/v1/regions/boundaries", []int64{a.Community}},
			{"county B", b.Staff, "/api/v1/regions/boundaries", []int64{b.Community}},
			{"the city", city.Staff, "/api/v1/regions/boundaries", []int64{a.Community, b.Community}},
			{"the city, county A's", city.Staff, list(a.Jurisdiction), []int64{a.Community}},
		} {
			t.Run("list "+tc.name, func(t *testing.T) {
				got := outlineIDs(p.as(tc.as).do("GET", tc.path, nil).want(200))
				want := slices.Sorted(slices.Values(tc.want))
				if !slices.Equal(got, want) {
					t.Errorf("outlines %v, want %v", got, want)
				}
			})
		}
		var geo struct {
			Type        string         `json:"type"`
			Coordinates [][][2]float64 `json:"coordinates"`
		}
		p.as(a.Staff).do("GET", path(a.Community), nil).want(200).json(&geo)
		if geo.Type != "Polygon" || len(geo.Coordinates) != 1 || len(geo.Coordinates[0]) != 5 || math.Abs(geo.Coordinates[0][0][0]-105.04) > 1e-9 {
			t.Errorf("county A's community's outline: %+v, want the square drawn first", geo)
		}
		var region domain.Region
		p.as(a.Staff).do("PUT", path(a.Street), `{"type":"Feature","properties":{},"geometry":`+square(35.7, 105.05, 0.1)+`}`).want(200).json(&region)
		if region.ID != a.Street || !region.HasBoundary {
			t.Errorf("after drawing the street: %+v", region)
		}
		p.as(a.Staff).do("DELETE", path(a.Street), nil).want(204)
		p.as(a.Staff).do("GET", path(a.Street), nil).want(204)
	})
}

// An outline drawn over HTTP locates the next report made without a
// street into the community, and once cleared no longer does: the case
// engine's cached configuration sees both changes.
func TestDrawnOutlineLocatesReports(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
		p := newCityServer(t, db)
		a := p.A
		office := p.as(a.Staff)
		var cat cases.Category
		office.do("POST", "/api/v1/case-categories", cases.CategoryInput{Code: "HN09", Name: "乱扔垃圾", Kind: "campaign", LimitValue: 2, LimitUnit: "day"}).want(201).json(&cat)
		lat, lng := 35.701, 105.049
		report := func() cases.CaseDetail {
			t.Helper()
			var k cases.CaseDetail
			office.do("POST", "/api/v1/cases", cases.IntakeInput{Source: "supervision", CategoryID: cat.ID, Description: "路边垃圾堆积", Lat: &lat, Lng: &lng}).want(201).json(&k)
			return k
		}
		// The first report builds the case configuration before any outline.
		if k := report(); k.RegionID != nil && *k.RegionID == a.Community {
			t.Fatalf("located into the community before it had an outline")
		}
		office.do("PUT", fmt.Sprintf("/api/v1/regions/%d/boundary", a.Community), square(35.70, 105.05, 0.01)).want(200)
		k := report()
		if k.RegionID == nil || *k.RegionID != a.Community || k.JurisdictionID == nil || *k.JurisdictionID != a.Jurisdiction {
			t.Fatalf("located in region %v, jurisdiction %v; want county A's 东关社区", k.RegionID, k.JurisdictionID)
		}
		office.do("DELETE", fmt.Sprintf("/api/v1/regions/%d/boundary", a.Community), nil).want(204)
		if k := report(); k.RegionID != nil && *k.RegionID == a.Community {
			t.Errorf("still located into the community after its outline was cleared")
		}
	})
}
