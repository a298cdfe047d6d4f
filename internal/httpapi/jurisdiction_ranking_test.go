package httpapi_test

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"
	"time"

	"wenming/internal/app"
	"wenming/internal/auth"
	"wenming/internal/blob"
	"wenming/internal/domain"
	"wenming/internal/httpapi"
	"wenming/internal/ranking"
	"wenming/internal/store"
	"wenming/internal/store/storetest"
	"wenming/internal/testcity"
)

// cityServer serves the test city (白银市 over counties 会宁县 A and 靖远县
// B) over HTTP; as signs one of its people in.
type cityServer struct {
	City, A, B *testcity.Office
	f          *fixture
	svc        *app.Services
	clients    map[string]*client
}

func newCityServer(t *testing.T, db *store.DB) *cityServer {
	t.Helper()
	clk := &clock{now: time.Date(2026, 3, 2, 2, 0, 0, 0, time.UTC)}
	db.SetClock(clk.Now)
	blobs, err := blob.NewDisk(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	svc := app.NewServices(db, app.Options{Blobs: blobs,
		Auth: auth.Policy{LockThreshold: 50, LockDuration: time.Minute, IdleTimeout: time.Hour, MaxAge: 24 * time.Hour}})
	t.Cleanup(svc.Files.WaitCopies)
	c := testcity.New(t, db)
	deps := svc.HTTP(db, slog.New(slog.NewTextHandler(io.Discard, nil)))
	deps.Version = "test"
	srv := httptest.NewServer(httpapi.New(deps).Handler())
	t.Cleanup(srv.Close)
	return &cityServer{City: c.City, A: c.A, B: c.B, f: &fixture{t: t, db: db, srv: srv, clock: clk}, svc: svc, clients: map[string]*client{}}
}

// as signs in the person behind a test city actor, once: a password
// check is slow on purpose.
func (s *cityServer) as(a *domain.Actor) *client {
	s.f.t.Helper()
	if c, ok := s.clients[a.Username]; ok {
		return c
	}
	c := s.f.anon()
	c.do("POST", "/api/v1/auth/login", map[string]string{"username": a.Username, "password": testcity.Password}).want(200)
	s.clients[a.Username] = c
	return c
}

// refused checks a refusal's status and that it says why in Chinese.
func refused(t *testing.T, r *response, status int) {
	t.Helper()
	var e apiError
	if r.status != status {
		t.Errorf("status %d, want %d; body: %s", r.status, status, r.body)
	} else if err := json.Unmarshal(r.body, &e); err != nil || !hasChinese(e.Error.Message) {
		t.Errorf("refusal not in Chinese: %s", r.body)
	}
}

// unitsOf lists the unit ids a ranking ranks.
func rankedUnits(r ranking.Ranking) []int64 {
	var out []int64
	for _, c := range r.Classes {
		for _, u := range c.Units {
			out = append(out, u.UnitID)
		}
	}
	return out
}

// ownUnits are a county's units: its office, its department, its
// township and its community.
func ownUnits(o *testcity.Office) []int64 {
	return []int64{o.OfficeUnit, o.Dept, o.Township, o.Neighbourhood}
}

// onlyUnitsOf fails unless the ranking ranks exactly the county's units.
func onlyUnitsOf(t *testing.T, what string, got []int64, o *testcity.Office) {
	t.Helper()
	want := ownUnits(o)
	slices.Sort(got)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("%s ranks units %v, want %s's %v", what, got, o.Name, want)
	}
}

// Both counties draft, approve and publish their own month bulletin for the
// same period; neither reads, edits or publishes the other's, and a unit
// reads only its own county's published bulletin. The city office reads
// both but changes neither.
func TestJurisdictionBulletinsAreEachCountysOwn(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
		s := newCityServer(t, db)
		aStaff, bStaff, cityStaff := s.as(s.A.Staff), s.as(s.B.Staff), s.as(s.City.Staff)
		var a, b ranking.Bulletin
		aStaff.do("POST", "/api/v1/bulletins", map[string]any{"kind": "month", "period": "2026-02"}).want(201).json(&a)
		bStaff.do("POST", "/api/v1/bulletins", map[string]any{"kind": "month", "period": "2026-02"}).want(201).json(&b)
		if a.JurisdictionID != s.A.Jurisdiction || b.JurisdictionID != s.B.Jurisdiction {
			t.Fatalf("bulletins belong to %d and %d, want %d and %d", a.JurisdictionID, b.JurisdictionID, s.A.Jurisdiction, s.B.Jurisdiction)
		}
		onlyUnitsOf(t, "A's bulletin", rankedUnits(a.Ranking), s.A)
		onlyUnitsOf(t, "B's bulletin", rankedUnits(b.Ranking), s.B)
		refused(t, aStaff.do("POST", "/api/v1/bulletins", map[string]any{"kind": "month", "period": "2026-02"}), 409)

		aPath := fmt.Sprintf("/api/v1/bulletins/%d", a.ID)
		edit := map[string]any{"title": "改标题", "summary": "改正文"}
		for _, c := range []struct {
			name, method, path string
			who                *client
			body               any
			status             int
		}{
			{"B's office reads A's draft", "GET", aPath, bStaff, nil, 404},
			{"B's office edits A's draft", "PUT", aPath, bStaff, edit, 404},
			{"B's leader approves A's draft", "POST", aPath + "/approve", s.as(s.B.OfficeLeader), nil, 404},
			{"B's office deletes A's draft", "DELETE", aPath, bStaff, nil, 404},
			{"the city edits A's draft", "PUT", aPath, cityStaff, edit, 403},
			{"the city's leader approves A's draft", "POST", aPath + "/approve", s.as(s.City.OfficeLeader), nil, 403},
			{"A's liaison reads A's draft", "GET", aPath, s.as(s.A.Liaison), nil, 403},
		} {
			t.Run(c.name, func(t *testing.T) { refused(t, c.who.do(c.method, c.path, c.body), c.status) })
		}
		cityStaff.do("GET", aPath, nil).want(200) // the city supervises: it reads

		for _, o := range []struct {
			office *testcity.Office
			id     int64
		}{{s.A, a.ID}, {s.B, b.ID}} {
			path := fmt.Sprintf("/api/v1/bulletins/%d", o.id)
			s.as(o.office.OfficeLeader).do("POST", path+"/approve", nil).want(200)
			s.as(o.office.Staff).do("POST", path+"/publish", nil).want(200)
		}
		refused(t, bStaff.do("POST", aPath+"/publish", nil), 404)

		aLiaison := s.as(s.A.Liaison)
		aLiaison.do("GET", aPath, nil).want(200)
		refused(t, aLiaison.do("GET", fmt.Sprintf("/api/v1/bulletins/%d", b.ID), nil), 404)
		for _, c := range []struct {
			name string
			who  *client
			want []int64
		}{
			{"A's liaison", aLiaison, []int64{a.ID}},
			{"B's head", s.as(s.B.Head), []int64{b.ID}},
			{"A's office", aStaff, []int64{a.ID}},
			{"the city office", cityStaff, []int64{a.ID, b.ID}},
		} {
			var list struct{ Items []ranking.Bulletin }
			c.who.do("GET", "/api/v1/bulletins", nil).want(200).json(&list)
			var got []int64
			for _, x := range list.Items {
				got = append(got, x.ID)
			}
			slices.Sort(got)
			if !slices.Equal(got, c.want) {
				t.Errorf("%s lists bulletins %v, want %v", c.name, got, c.want)
			}
		}
	})
}

// The scheduled drafting drafts each jurisdiction's bulletins, each of its
// own units, instead of one for the whole deployment.
func TestJurisdictionScheduledBulletins(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
		s := newCityServer(t, db)
		n, err := s.svc.Ranking.DraftScheduled(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		if n != 9 {
			t.Fatalf("drafted %d bulletins, want 3 kinds × 3 jurisdictions", n)
		}
		for _, o := range []*testcity.Office{s.A, s.B} {
			list, err := s.svc.Ranking.Bulletins(context.Background(), o.Staff, "month", "")
			if err != nil {
				t.Fatal(err)
			}
			if len(list) != 1 || list[0].JurisdictionID != o.Jurisdiction {
				t.Fatalf("%s's office lists %+v, want its one month draft", o.Name, list)
			}
			b, err := s.svc.Ranking.Bulletin(context.Background(), o.Staff, list[0].ID)
			if err != nil {
				t.Fatal(err)
			}
			onlyUnitsOf(t, o.Name+"'s scheduled bulletin", rankedUnits(b.Ranking), o)
		}
	})
}

// A county's ranking and cockpit rank only its own units; the city reads a
// county's by naming it, a county never its neighbour's.
func TestJurisdictionRankingIsOneCountys(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
		s := newCityServer(t, db)
		for _, c := range []struct {
			name  string
			who   *domain.Actor
			query string
			want  *testcity.Office
		}{
			{"A's office", s.A.Staff, "", s.A},
			{"B's leader", s.B.Leader, "", s.B},
			{"the city office on A", s.City.Staff, fmt.Sprint("?jurisdictionId=", s.A.Jurisdiction), s.A},
			{"the city leader on B", s.City.Leader, fmt.Sprint("?jurisdictionId=", s.B.Jurisdiction), s.B},
		} {
			t.Run(c.name, func(t *testing.T) {
				who := s.as(c.who)
				var r ranking.Ranking
				who.do("GET", "/api/v1/rankings"+c.query, nil).want(200).json(&r)
				if r.JurisdictionID != c.want.Jurisdiction {
					t.Errorf("ranking of jurisdiction %d, want %d", r.JurisdictionID, c.want.Jurisdiction)
				}
				onlyUnitsOf(t, "the ranking", rankedUnits(r), c.want)
				var cockpit ranking.Cockpit
				who.do("GET", "/api/v1/cockpit"+c.query, nil).want(200).json(&cockpit)
				var units []int64
				for _, u := range append(cockpit.Ranking.A, cockpit.Ranking.B...) {
					units = append(units, u.UnitID)
				}
				for _, u := range units {
					if !slices.Contains(ownUnits(c.want), u) {
						t.Errorf("the cockpit ranks unit %d, not %s's", u, c.want.Name)
					}
				}
			})
		}
		var city ranking.Ranking
		s.as(s.City.Staff).do("GET", "/api/v1/rankings", nil).want(200).json(&city)
		if got := rankedUnits(city); len(got) != 2 || !slices.Contains(got, s.City.OfficeUnit) || !slices.Contains(got, s.City.Dept) {
			t.Errorf("the city's own ranking ranks %v, want its own two units", got)
		}
		for _, c := range []struct {
			name, path string
			who        *domain.Actor
		}{
			{"A's office on B", "/api/v1/rankings", s.A.Staff},
			{"A's liaison on B", "/api/v1/rankings", s.A.Liaison},
			{"A's leader on B's cockpit", "/api/v1/cockpit", s.A.Leader},
			{"A's office on the city", "/api/v1/rankings", s.A.Staff},
		} {
			t.Run(c.name, func(t *testing.T) {
				j := s.B.Jurisdiction
				if c.name == "A's office on the city" {
					j = s.City.Jurisdiction
				}
				refused(t, s.as(c.who).do("GET", fmt.Sprint(c.path, "?jurisdictionId=", j), nil), 403)
			})
		}
	})
}

// The city sets the weights, both counties inherit them and say so; county
// A adjusts its own, B still inherits the city's; the city cannot write
// A's row nor A the city's; A's reset inherits again.
func TestJurisdictionRankingSettingsInherit(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
		s := newCityServer(t, db)
		aStaff, bStaff, cityStaff := s.as(s.A.Staff), s.as(s.B.Staff), s.as(s.City.Staff)
		cityWeights := map[string]any{"weights": map[string]float64{"onTime": 40, "rework": 10, "overdue": 10, "satisfaction": 10, "submission": 20, "tasks": 10}, "greenAtLeast": 90, "redBelow": 65}
		aWeights := map[string]any{"weights": map[string]float64{"onTime": 50, "rework": 10, "overdue": 10, "satisfaction": 10, "submission": 10, "tasks": 10}, "greenAtLeast": 80, "redBelow": 50}
		read := func(c *client, query string) ranking.SettingsView {
			t.Helper()
			var v ranking.SettingsView
			c.do("GET", "/api/v1/ranking-settings"+query, nil).want(200).json(&v)
			return v
		}
		if v := read(aStaff, ""); v.InheritedFrom != "系统默认" || v.Weights != ranking.DefaultSettings.Weights {
			t.Errorf("before any is set, A has %+v", v)
		}
		var set ranking.SettingsView
		cityStaff.do("PUT", "/api/v1/ranking-settings", cityWeights).want(200).json(&set)
		if set.InheritedFrom != "" || set.JurisdictionID != s.City.Jurisdiction || set.Weights.OnTime != 40 {
			t.Errorf("the city's own settings read %+v", set)
		}
		for _, c := range []struct {
			name string
			who  *client
		}{{"A", aStaff}, {"B", bStaff}} {
			if v := read(c.who, ""); v.InheritedFrom != "白银市" || v.Weights.OnTime != 40 || v.GreenAtLeast != 90 {
				t.Errorf("%s inherits %+v, want the city's, named", c.name, v)
			}
		}
		aStaff.do("PUT", "/api/v1/ranking-settings", aWeights).want(200).json(&set)
		if set.InheritedFrom != "" || set.Weights.OnTime != 50 {
			t.Errorf("A's adjusted settings read %+v", set)
		}
		if v := read(bStaff, ""); v.InheritedFrom != "白银市" || v.Weights.OnTime != 40 {
			t.Errorf("B after A's change: %+v", v)
		}
		if v := read(cityStaff, fmt.Sprint("?jurisdictionId=", s.A.Jurisdiction)); v.InheritedFrom != "" || v.Weights.OnTime != 50 {
			t.Errorf("the city reading A: %+v", v)
		}
		for _, c := range []struct {
			name, method string
			who          *client
			jurisdiction int64
			status       int
		}{
			{"the city writes A's", "PUT", cityStaff, s.A.Jurisdiction, 403},
			{"the city resets A's", "DELETE", cityStaff, s.A.Jurisdiction, 403},
			{"A writes the city's", "PUT", aStaff, s.City.Jurisdiction, 403},
			{"B writes A's", "PUT", bStaff, s.A.Jurisdiction, 403},
			{"B reads A's", "GET", bStaff, s.A.Jurisdiction, 403},
		} {
			t.Run(c.name, func(t *testing.T) {
				var body any
				if c.method == "PUT" {
					body = cityWeights
				}
				refused(t, c.who.do(c.method, fmt.Sprint("/api/v1/ranking-settings?jurisdictionId=", c.jurisdiction), body), c.status)
			})
		}
		if v := read(aStaff, ""); v.Weights.OnTime != 50 {
			t.Errorf("A's settings after the refusals: %+v", v)
		}
		var r ranking.Ranking
		aStaff.do("GET", "/api/v1/rankings", nil).want(200).json(&r)
		if r.Weights.OnTime != 50 || r.Bands.GreenAtLeast != 80 {
			t.Errorf("A ranks by %+v %+v, want its own settings", r.Weights, r.Bands)
		}
		bStaff.do("GET", "/api/v1/rankings", nil).want(200).json(&r)
		if r.Weights.OnTime != 40 {
			t.Errorf("B ranks by %+v, want the city's", r.Weights)
		}
		aStaff.do("DELETE", "/api/v1/ranking-settings", nil).want(200).json(&set)
		if set.InheritedFrom != "白银市" || set.Weights.OnTime != 40 {
			t.Errorf("A after its reset: %+v", set)
		}

		// The city fixes its weights for the counties: A's own weights give
		// way, A may still move its bands, and a change of the weights is
		// refused naming the field and the city.
		aStaff.do("PUT", "/api/v1/ranking-settings", aWeights).want(200)
		locked := map[string]any{"weights": cityWeights["weights"], "greenAtLeast": 90, "redBelow": 65, "lockedBelow": []string{"weights"}}
		cityStaff.do("PUT", "/api/v1/ranking-settings", locked).want(200).json(&set)
		if len(set.LockedBelow) != 1 || set.LockedBelow[0] != "weights" {
			t.Errorf("the city's locks read %v", set.LockedBelow)
		}
		v := read(aStaff, "")
		if v.Weights.OnTime != 40 || v.GreenAtLeast != 80 || !v.Origins["weights"].Locked || v.Origins["greenAtLeast"].Locked {
			t.Errorf("A under the city's lock: %+v", v)
		}
		res := aStaff.do("PUT", "/api/v1/ranking-settings", aWeights)
		refused(t, res, 400)
		if !strings.Contains(string(res.body), `"weights"`) || !strings.Contains(string(res.body), "白银市统一设置") {
			t.Errorf("the refusal does not name the field and the city: %s", res.body)
		}
		if v := read(aStaff, ""); v.Weights.OnTime != 40 || v.GreenAtLeast != 80 {
			t.Errorf("A's refused change was kept: %+v", v)
		}
		aBands := map[string]any{"weights": cityWeights["weights"], "greenAtLeast": 88, "redBelow": 55}
		aStaff.do("PUT", "/api/v1/ranking-settings", aBands).want(200).json(&set)
		if set.GreenAtLeast != 88 || set.Weights.OnTime != 40 {
			t.Errorf("A's bands under the lock: %+v", set)
		}
		aStaff.do("GET", "/api/v1/rankings", nil).want(200).json(&r)
		if r.Weights.OnTime != 40 || r.Bands.GreenAtLeast != 88 {
			t.Errorf("A ranks by %+v %+v, want the city's weights and its own bands", r.Weights, r.Bands)
		}
	})
}

// A county office holds to account only its own units; the city office
// supervises its counties' units; each reads only the sanctions of the
// jurisdictions it reads.
func TestJurisdictionSanctions(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
		s := newCityServer(t, db)
		sanction := func(who *domain.Actor, unit int64, title string) *response {
			return s.as(who).do("POST", "/api/v1/sanctions", map[string]any{"kind": "talk", "unitId": unit, "title": title, "occurredAt": "2026-03-01"})
		}
		for _, c := range []struct {
			name string
			who  *domain.Actor
			unit int64
		}{
			{"A's office on B's unit", s.A.Staff, s.B.Dept},
			{"B's office on the city's unit", s.B.Staff, s.City.Dept},
			{"A's liaison on A's unit", s.A.Liaison, s.A.Township},
		} {
			t.Run(c.name, func(t *testing.T) {
				status := 400
				if c.who == s.A.Liaison {
					status = 403
				}
				refused(t, sanction(c.who, c.unit, "越权约谈"), status)
			})
		}
		var own, supervised ranking.Sanction
		sanction(s.A.Staff, s.A.Dept, "约谈会宁县住建局").want(201).json(&own)
		sanction(s.City.Staff, s.B.Dept, "市督办靖远县住建局").want(201).json(&supervised)
		if own.JurisdictionID != s.A.Jurisdiction || supervised.JurisdictionID != s.B.Jurisdiction {
			t.Fatalf("sanctions belong to %d and %d, want A %d and B %d", own.JurisdictionID, supervised.JurisdictionID, s.A.Jurisdiction, s.B.Jurisdiction)
		}
		for _, c := range []struct {
			name string
			who  *domain.Actor
			want []int64
		}{
			{"A's office", s.A.Staff, []int64{own.ID}},
			{"A's liaison", s.A.Liaison, []int64{own.ID}},
			{"B's office", s.B.Staff, []int64{supervised.ID}},
			{"B's liaison", s.B.Liaison, []int64{supervised.ID}},
			{"the city office", s.City.Staff, []int64{own.ID, supervised.ID}},
		} {
			t.Run(c.name, func(t *testing.T) {
				var list struct{ Items []ranking.Sanction }
				s.as(c.who).do("GET", "/api/v1/sanctions", nil).want(200).json(&list)
				var got []int64
				for _, x := range list.Items {
					got = append(got, x.ID)
				}
				slices.Sort(got)
				if !slices.Equal(got, c.want) {
					t.Errorf("lists sanctions %v, want %v", got, c.want)
				}
			})
		}
	})
}
