package org_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	"wenming/internal/domain"
	"wenming/internal/store"
	"wenming/internal/store/storetest"
	"wenming/internal/testcity"
)

// squareOutline is a GeoJSON Polygon of a square around a point.
func squareOutline(lat, lng, half float64) string {
	return fmt.Sprintf(`{"type":"Polygon","coordinates":[[[%g,%g],[%g,%g],[%g,%g],[%g,%g],[%g,%g]]]}`,
		lng-half, lat-half, lng+half, lat-half, lng+half, lat+half, lng-half, lat+half, lng-half, lat-half)
}

// outlined lists the region ids of the outlines the actor reads.
func outlined(t *testing.T, c *testcity.City, a *domain.Actor, jurisdiction int64) []int64 {
	t.Helper()
	fc, err := c.Org.Outlines(t.Context(), a, jurisdiction)
	if err != nil {
		t.Fatalf("%s reads the outlines: %v", a.Username, err)
	}
	ids := []int64{}
	for _, f := range fc.Features {
		ids = append(ids, f.ID)
	}
	slices.Sort(ids)
	return ids
}

func sorted(ids ...int64) []int64 {
	slices.Sort(ids)
	return ids
}

// An outline is drawn by whoever may import it: a county office its own
// streets and communities, never the other county's nor its own county's
// outline (the city draws that); units draw none.
func TestOutlinesAreDrawnInScope(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
		c := testcity.New(t, db)
		a, b := c.A, c.B
		for _, tc := range []struct {
			name   string
			who    *domain.Actor
			region int64
			want   error
		}{
			{"county A's office, its community", a.Staff, a.Community, nil},
			{"county A's office leader, its street", a.OfficeLeader, a.Street, nil},
			{"county A's office, county B's community", a.Staff, b.Community, domain.ErrForbidden},
			{"county A's office, county B's street", a.Staff, b.Street, domain.ErrForbidden},
			{"county A's office, its own county", a.Staff, a.Jurisdiction, domain.ErrForbidden},
			{"county A's office, the city", a.Staff, c.City.Jurisdiction, domain.ErrForbidden},
			{"county A's liaison, its community", a.Liaison, a.Community, domain.ErrForbidden},
			{"county A's leader, its community", a.Leader, a.Community, domain.ErrForbidden},
			{"the city's office, county A", c.City.Staff, a.Jurisdiction, nil},
			{"the city's office, county B", c.City.Staff, b.Jurisdiction, nil},
			{"county B's office, its community", b.Staff, b.Community, nil},
			{"the system administrator, the city", c.Admin, c.City.Jurisdiction, nil},
		} {
			t.Run(tc.name, func(t *testing.T) {
				_, err := c.Org.SetRegionBoundary(t.Context(), tc.who, tc.region, squareOutline(35.7, 105.0, 0.01))
				if tc.want == nil && err != nil || tc.want != nil && !errors.Is(err, tc.want) {
					t.Errorf("got %v, want %v", err, tc.want)
				}
				err = c.Org.ClearRegionBoundary(t.Context(), tc.who, tc.region)
				if tc.want == nil && err != nil || tc.want != nil && !errors.Is(err, tc.want) {
					t.Errorf("clearing: got %v, want %v", err, tc.want)
				}
			})
		}
	})
}

// Each office reads the outlines of its own jurisdiction, the city
// office its counties' too; a county asking for the other county's is
// refused on jurisdictionId, and one outline of the other county's is not
// found.
func TestOutlinesAreReadInScope(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
		c := testcity.New(t, db)
		a, b, city := c.A, c.B, c.City
		ctx := t.Context()
		for _, d := range []struct {
			who    *domain.Actor
			region int64
		}{{c.Admin, city.Jurisdiction}, {city.Staff, a.Jurisdiction}, {city.Staff, b.Jurisdiction},
			{a.Staff, a.Street}, {a.Staff, a.Community}, {b.Staff, b.Community}} {
			if _, err := c.Org.SetRegionBoundary(ctx, d.who, d.region, squareOutline(35.7, 105.0, 0.01)); err != nil {
				t.Fatal(err)
			}
		}
		ownA, ownB := sorted(a.Jurisdiction, a.Street, a.Community), sorted(b.Jurisdiction, b.Community)
		all := sorted(append(append([]int64{city.Jurisdiction}, ownA...), ownB...)...)
		for _, tc := range []struct {
			name         string
			who          *domain.Actor
			jurisdiction int64
			want         []int64
		}{
			{"county A's office", a.Staff, 0, ownA},
			{"county A's office, its own", a.Staff, a.Jurisdiction, ownA},
			{"county A's liaison", a.Liaison, 0, ownA},
			{"county B's grid worker", b.Grid, 0, ownB},
			{"the city's office", city.Staff, 0, all},
			{"the city's leader", city.Leader, 0, all},
			{"the city's office, county A", city.Staff, a.Jurisdiction, ownA},
			{"the city's office, its own subtree", city.Staff, city.Jurisdiction, all},
			{"the system administrator", c.Admin, 0, all},
		} {
			t.Run(tc.name, func(t *testing.T) {
				if got := outlined(t, c, tc.who, tc.jurisdiction); !slices.Equal(got, tc.want) {
					t.Errorf("outlines %v, want %v", got, tc.want)
				}
			})
		}

		for _, tc := range []struct {
			name         string
			who          *domain.Actor
			jurisdiction int64
		}{
			{"county A's office asks for county B's", a.Staff, b.Jurisdiction},
			{"county A's office asks for the city's", a.Staff, city.Jurisdiction},
			{"county B's liaison asks for county A's", b.Liaison, a.Jurisdiction},
			{"an id that is no jurisdiction", city.Staff, a.Street},
		} {
			t.Run(tc.name, func(t *testing.T) {
				_, err := c.Org.Outlines(ctx, tc.who, tc.jurisdiction)
				if de, ok := domain.AsError(err); !ok || de.Field != "jurisdictionId" || !strings.ContainsRune(de.Message, '辖') {
					t.Errorf("got %v, want a Chinese refusal on jurisdictionId", err)
				}
			})
		}

		fc, err := c.Org.Outlines(ctx, a.Staff, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range fc.Features {
			p := f.Properties
			if f.Type != "Feature" || p.ID != f.ID || p.JurisdictionID != a.Jurisdiction || p.JurisdictionName != "会宁县" || f.Geometry.Type != "Polygon" {
				t.Errorf("feature %+v, want one of 会宁县's with its polygon", f)
			}
		}
		if fc.Type != "FeatureCollection" {
			t.Errorf("type %q", fc.Type)
		}

		if _, err := c.Org.RegionBoundary(ctx, a.Staff, b.Community); !errors.Is(err, domain.ErrNotFound) {
			t.Errorf("county A's office read county B's community's outline: %v", err)
		}
		if geo, err := c.Org.RegionBoundary(ctx, city.Staff, b.Community); err != nil || !strings.Contains(geo, "Polygon") {
			t.Errorf("the city's office reads county B's community's outline: %q, %v", geo, err)
		}
		if _, err := c.Org.Outlines(ctx, domain.System("测试", domain.RoleAuditAdmin), 0); !errors.Is(err, domain.ErrForbidden) {
			t.Errorf("the audit admin read the outlines: %v", err)
		}
	})
}

// A bad outline is refused on boundary, in Chinese, and the region keeps
// its outline; a Feature is kept as its geometry; drawing and clearing are
// in the audit log.
func TestOutlineIsCheckedAndAudited(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
		c := testcity.New(t, db)
		a := c.A
		ctx := t.Context()
		good := squareOutline(35.7, 105.05, 0.01)
		if _, err := c.Org.SetRegionBoundary(ctx, a.Staff, a.Community, `{"type":"Feature","properties":{"note":"手绘"},"geometry":`+good+`}`); err != nil {
			t.Fatal(err)
		}
		stored, err := c.Org.RegionBoundary(ctx, a.Staff, a.Community)
		if err != nil {
			t.Fatal(err)
		}
		var g map[string]any
		if err := json.Unmarshal([]byte(stored), &g); err != nil || g["type"] != "Polygon" || g["properties"] != nil {
			t.Errorf("stored %s, want the Feature's geometry alone", stored)
		}

		for _, tc := range []struct{ name, body string }{
			{"empty", ""},
			{"not JSON", "多边形"},
			{"a point", `{"type":"Point","coordinates":[105.0,35.7]}`},
			{"a ring of three", `{"type":"Polygon","coordinates":[[[105.0,35.7],[105.1,35.7],[105.0,35.7]]]}`},
			{"latitude first", `{"type":"Polygon","coordinates":[[[35.7,105.0],[35.7,185.1],[35.8,185.1],[35.7,105.0]]]}`},
			{"coordinates as text", `{"type":"Polygon","coordinates":"105,35"}`},
			{"a feature of a line", `{"type":"Feature","geometry":{"type":"LineString","coordinates":[[105,35],[106,36]]}}`},
		} {
			t.Run(tc.name, func(t *testing.T) {
				_, err := c.Org.SetRegionBoundary(ctx, a.Staff, a.Community, tc.body)
				de, ok := domain.AsError(err)
				if !ok || de.Field != "boundary" || !strings.Contains(de.Message, "边界") {
					t.Errorf("got %v, want a Chinese refusal on boundary", err)
				}
				if now, _ := c.Org.RegionBoundary(ctx, a.Staff, a.Community); now != stored {
					t.Errorf("a refused outline changed the region's: %s", now)
				}
			})
		}

		if err := c.Org.ClearRegionBoundary(ctx, a.Staff, a.Community); err != nil {
			t.Fatal(err)
		}
		if err := c.Org.ClearRegionBoundary(ctx, a.Staff, a.Community); err != nil {
			t.Errorf("clearing a cleared outline: %v", err)
		}
		if got := outlined(t, c, a.Staff, 0); len(got) != 0 {
			t.Errorf("outlines after clearing: %v", got)
		}
		var drawn, cleared int
		if err := db.Read().QueryRow(ctx, `SELECT
			COALESCE(SUM(CASE WHEN summary LIKE '绘制区划边界%' THEN 1 ELSE 0 END), 0),
			COALESCE(SUM(CASE WHEN summary LIKE '清除区划边界%' THEN 1 ELSE 0 END), 0)
			FROM audit_log WHERE entity = 'region' AND action = 'update' AND entity_id = ? AND actor_name LIKE ?`,
			fmt.Sprint(a.Community), "%a_staff%").Scan(&drawn, &cleared); err != nil {
			t.Fatal(err)
		}
		if drawn != 1 || cleared != 1 {
			t.Errorf("audit: %d drawn, %d cleared; want one of each", drawn, cleared)
		}
	})
}
