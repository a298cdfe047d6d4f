package httpapi_test

import (
	"bytes"
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"wenming/internal/cases"
	"wenming/internal/ranking"
	"wenming/internal/store"
	"wenming/internal/store/storetest"
)

// countyFixture gives county A one case dispatched to its department this
// month (March 2026), so the counties' summed figures differ.
func countyFixture(t *testing.T, db *store.DB) *planCity {
	t.Helper()
	p := newPlanCity(t, db)
	ctx := context.Background()
	cat, err := p.svc.Cases.CreateCategory(ctx, p.A.Staff, cases.CategoryInput{Code: "HN01", Name: "会宁路灯", Kind: "campaign", LimitValue: 2, LimitUnit: "day"})
	if err != nil {
		t.Fatal(err)
	}
	k, _, err := p.svc.Cases.Intake(ctx, p.A.Staff, cases.IntakeInput{Source: "cadre_snap", CategoryID: cat.ID, Description: "会师镇路灯不亮", RegionID: &p.A.Street})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := p.svc.Cases.Dispatch(ctx, p.A.Staff, k.ID, cases.DispatchInput{UnitID: &p.A.Dept}); err != nil {
		t.Fatal(err)
	}
	return p
}

// The city office ranks its counties as wholes: each county's units'
// figures summed (the city's own departments not among them), ranked with
// the city's bands; a county office has none below it and gets an empty
// list that says so; units and other counties are refused.
func TestJurisdictionCountyRanking(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
		p := countyFixture(t, db)
		var r ranking.JurisdictionRanking
		p.as(p.City.Staff).do("GET", "/api/v1/rankings/jurisdictions?period=2026-03", nil).want(200).json(&r)
		if r.JurisdictionID != p.City.Jurisdiction || r.Period != "2026-03" || len(r.Jurisdictions) != 2 {
			t.Fatalf("the city's county ranking: %+v", r)
		}
		byID := map[int64]ranking.RankedJurisdiction{}
		for _, j := range r.Jurisdictions {
			byID[j.JurisdictionID] = j
		}
		a, b := byID[p.A.Jurisdiction], byID[p.B.Jurisdiction]
		if a.Name != "会宁县" || b.Name != "靖远县" || a.Units != 4 || b.Units != 4 {
			t.Errorf("counties %+v and %+v, want 会宁县 and 靖远县 with their 4 units each", a, b)
		}
		if a.CasesReceived != 1 || b.CasesReceived != 0 {
			t.Errorf("cases received: A %d, B %d; want 1 and 0", a.CasesReceived, b.CasesReceived)
		}
		if a.OfficeUnitID == nil || *a.OfficeUnitID != p.A.OfficeUnit {
			t.Errorf("A's office unit %v, want %d", a.OfficeUnitID, p.A.OfficeUnit)
		}
		if r.Jurisdictions[0].JurisdictionID != p.A.Jurisdiction || a.Rank == nil || *a.Rank != 1 || a.Score == nil || a.Color == "" {
			t.Errorf("A (the only county with figures) should rank first with a score and a colour: %+v", r.Jurisdictions)
		}
		if b.Rank != nil {
			t.Errorf("B has no figures and no live score, yet ranks %d", *b.Rank)
		}

		// The city's leader reads it too; a county names the city's id
		// in vain; a county's own answer is empty and says why.
		p.as(p.City.Leader).do("GET", "/api/v1/rankings/jurisdictions", nil).want(200)
		var own ranking.JurisdictionRanking
		p.as(p.A.Staff).do("GET", "/api/v1/rankings/jurisdictions", nil).want(200).json(&own)
		if own.JurisdictionID != p.A.Jurisdiction || len(own.Jurisdictions) != 0 || len(own.Notes) == 0 {
			t.Errorf("a county's own county ranking: %+v, want empty with a note", own)
		}
		for _, c := range []struct {
			name, path string
			who        *client
			status     int
		}{
			{"A's liaison", "/api/v1/rankings/jurisdictions", p.as(p.A.Liaison), 403},
			{"B's office on the city", fmt.Sprint("/api/v1/rankings/jurisdictions?jurisdictionId=", p.City.Jurisdiction), p.as(p.B.Staff), 403},
			{"B's office on A", fmt.Sprint("/api/v1/rankings/jurisdictions?jurisdictionId=", p.A.Jurisdiction), p.as(p.B.Staff), 403},
			{"a bad period", "/api/v1/rankings/jurisdictions?period=2026-13", p.as(p.City.Staff), 400},
		} {
			t.Run(c.name, func(t *testing.T) { refused(t, c.who.do("GET", c.path, nil), c.status) })
		}
	})
}

// A county's movement compares its rank with the period before: 会宁县's
// plan task scores it in February and March alike (first both times, so
// it stays), 靖远县 has nothing to be ranked on in either.
func TestJurisdictionCountyRankingMovement(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
		p := countyFixture(t, db)
		var r ranking.JurisdictionRanking
		p.as(p.City.Staff).do("GET", "/api/v1/rankings/jurisdictions?period=2026-03", nil).want(200).json(&r)
		if len(r.Jurisdictions) != 2 {
			t.Fatalf("counties %+v", r.Jurisdictions)
		}
		for _, j := range r.Jurisdictions {
			switch {
			case j.JurisdictionID == p.A.Jurisdiction && (j.Rank == nil || j.PreviousRank == nil || *j.PreviousRank != 1 || j.Movement == nil || *j.Movement != *j.PreviousRank-*j.Rank):
				t.Errorf("会宁县 ranks %v after %v, moved %v; want first in February and the difference", j.Rank, j.PreviousRank, j.Movement)
			case j.JurisdictionID == p.B.Jurisdiction && (j.PreviousRank != nil || j.Movement != nil):
				t.Errorf("靖远县 was never ranked, yet was %v and moved %v", j.PreviousRank, j.Movement)
			}
		}
		// The same table as a workbook, for the city office only.
		res := p.as(p.City.Staff).do("GET", "/api/v1/rankings/jurisdictions/export?period=2026-03", nil).want(200)
		book, err := excelize.OpenReader(bytes.NewReader(res.body))
		if err != nil {
			t.Fatal(err)
		}
		rows, _ := book.GetRows("县区排名")
		if len(rows) < 5 || !slices.Contains(rows[2], "升降") || rows[3][1] != "会宁县" || rows[4][1] != "靖远县" {
			t.Errorf("the exported county ranking: %q", rows)
		}
		refused(t, p.as(p.A.Liaison).do("GET", "/api/v1/rankings/jurisdictions/export?period=2026-03", nil), 403)
	})
}

// A city bulletin ranks the counties (and its own departments as before);
// publishing it tells the counties' offices their place, not their
// departments; each county's office then reads it, no county's unit does.
// A county's bulletin names no counties.
func TestJurisdictionCityBulletinNamesCounties(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
		p := countyFixture(t, db)
		cityStaff := p.as(p.City.Staff)
		var b ranking.Bulletin
		cityStaff.do("POST", "/api/v1/bulletins", map[string]any{"kind": "month", "period": "2026-03"}).want(201).json(&b)
		if b.JurisdictionID != p.City.Jurisdiction || len(b.Jurisdictions) != 2 || b.Jurisdictions[0].JurisdictionID != p.A.Jurisdiction {
			t.Fatalf("the city's bulletin ranks %+v, want 会宁县 then 靖远县", b.Jurisdictions)
		}
		if got := rankedUnits(b.Ranking); len(got) != 2 || !slices.Contains(got, p.City.Dept) {
			t.Errorf("the city's bulletin ranks units %v, want the city's own two", got)
		}
		if !containsAll(b.Summary, "会宁县", "靖远县") {
			t.Errorf("the summary does not name the counties: %s", b.Summary)
		}
		path := fmt.Sprintf("/api/v1/bulletins/%d", b.ID)
		refused(t, p.as(p.A.Staff).do("GET", path, nil), 404) // a draft is the city's business
		p.as(p.City.OfficeLeader).do("POST", path+"/approve", nil).want(200)
		cityStaff.do("POST", path+"/publish", nil).want(200)

		type msg struct{ Kind, Title, Body string }
		messages := func(c *client) []msg {
			var list struct{ Items []msg }
			c.do("GET", "/api/v1/messages", nil).want(200).json(&list)
			return list.Items
		}
		for _, o := range []struct {
			name   string
			office *client
			dept   *client
		}{{"会宁县", p.as(p.A.Staff), p.as(p.A.Liaison)}, {"靖远县", p.as(p.B.Staff), p.as(p.B.Liaison)}} {
			got := messages(o.office)
			if !slices.ContainsFunc(got, func(m msg) bool { return m.Kind == "bulletin_county" && containsAll(m.Body, o.name, b.Title) }) {
				t.Errorf("%s's office was not told its place: %+v", o.name, got)
			}
			if slices.ContainsFunc(messages(o.dept), func(m msg) bool { return containsAll(m.Body, b.Title) }) {
				t.Errorf("%s's department was told of the city's bulletin", o.name)
			}
			o.office.do("GET", path, nil).want(200)
			refused(t, o.dept.do("GET", path, nil), 404)
			var list struct{ Items []ranking.Bulletin }
			o.office.do("GET", "/api/v1/bulletins", nil).want(200).json(&list)
			if !slices.ContainsFunc(list.Items, func(x ranking.Bulletin) bool { return x.ID == b.ID }) {
				t.Errorf("%s's office does not list the city's published bulletin", o.name)
			}
		}

		var county ranking.Bulletin
		p.as(p.A.Staff).do("POST", "/api/v1/bulletins", map[string]any{"kind": "month", "period": "2026-03"}).want(201).json(&county)
		if len(county.Jurisdictions) != 0 {
			t.Errorf("a county's bulletin ranks jurisdictions: %+v", county.Jurisdictions)
		}
		onlyUnitsOf(t, "A's bulletin", rankedUnits(county.Ranking), p.A)
	})
}

func containsAll(s string, parts ...string) bool {
	for _, p := range parts {
		if !strings.Contains(s, p) {
			return false
		}
	}
	return true
}
