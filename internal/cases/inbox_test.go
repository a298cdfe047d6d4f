package cases_test

import (
	"maps"
	"slices"
	"strings"
	"testing"

	"wenming/internal/cases"
	"wenming/internal/domain"
	"wenming/internal/org"
	"wenming/internal/store"
	"wenming/internal/store/storetest"
)

// inboxWorld puts twelve cases around unit A (县住建局, with its sub-unit
// 县环卫所) so that A is lead on some, co-handler on others, the reporter
// of others, and several at once; a few cases share a creation time so the
// id breaks the tie.
type inboxWorld struct {
	*world
	codes map[string]int64 // "k1" → case id
	names map[int64]string
}

func newInboxWorld(t *testing.T, db *store.DB) *inboxWorld {
	w := &inboxWorld{world: newWorld(t, db), codes: map[string]int64{}, names: map[int64]string{}}
	staff, liaison, subLiaison := w.as("staff"), w.as("a_liaison"), w.as("sub_liaison")
	grid := w.as("grid")
	type spec struct {
		name        string
		day, hour   int
		by          *domain.Actor
		hotline     bool
		cat         cases.Category
		region      int64
		lead        int64 // 0: not dispatched
		co          []int64
		acceptedBy  *domain.Actor
		description string
	}
	specs := []spec{
		{name: "k1", day: 21, hour: 10, by: grid, cat: w.garbage, region: w.streetA, lead: w.unitA, description: "一号垃圾"},
		{name: "k2", day: 22, hour: 10, by: grid, cat: w.facility, region: w.streetB, lead: w.subA, acceptedBy: subLiaison, description: "二号设施"},
		{name: "k3", day: 23, hour: 10, by: staff, hotline: true, cat: w.garbage, region: w.streetB, lead: w.unitB, co: []int64{w.unitA}, description: "三号热线"},
		{name: "k4", day: 24, hour: 10, by: grid, cat: w.garbage, region: w.streetA, lead: w.unitA, co: []int64{w.subA}, acceptedBy: liaison, description: "四号垃圾"},
		{name: "k5", day: 25, hour: 10, by: liaison, cat: w.facility, region: w.streetA, description: "五号设施"},
		{name: "k6", day: 26, hour: 10, by: liaison, cat: w.garbage, region: w.streetA, lead: w.unitA, description: "六号垃圾"},
		{name: "k7", day: 27, hour: 10, by: liaison, cat: w.facility, region: w.streetB, lead: w.unitB, co: []int64{w.unitA}, description: "七号设施"},
		{name: "k8", day: 27, hour: 10, by: grid, cat: w.garbage, region: w.streetB, lead: w.unitB, description: "八号垃圾"},
		{name: "k9", day: 28, hour: 10, by: grid, cat: w.garbage, region: w.streetB, lead: w.unitB, co: []int64{w.subA}, description: "九号垃圾"},
		{name: "k10", day: 28, hour: 10, by: grid, cat: w.facility, region: w.streetA, description: "十号设施"},
		{name: "k11", day: 28, hour: 10, by: staff, hotline: true, cat: w.garbage, region: w.streetA, lead: w.subA, co: []int64{w.unitA}, description: "十一号热线"},
		{name: "k12", day: 29, hour: 9, by: liaison, cat: w.garbage, region: w.streetA, description: "十二号垃圾"},
	}
	for _, s := range specs {
		w.at(9, s.day, s.hour, 0)
		in := cases.IntakeInput{ClientKey: "inbox-" + s.name, Source: "cadre_snap", CategoryID: s.cat.ID, Description: s.description, RegionID: &s.region}
		if s.hotline {
			in.Source, in.ExternalID = "hotline", "12345-"+s.name
		}
		d, _, err := w.cases.Intake(w.ctx, s.by, in)
		w.must(err)
		w.codes[s.name], w.names[d.ID] = d.ID, s.name
		if s.lead != 0 {
			_, err := w.cases.Dispatch(w.ctx, staff, d.ID, cases.DispatchInput{UnitID: &s.lead, CoUnitIDs: s.co})
			w.must(err)
		}
		if s.acceptedBy != nil {
			_, err := w.cases.Accept(w.ctx, s.acceptedBy, d.ID, cases.NoteInput{})
			w.must(err)
		}
	}
	w.at(9, 29, 15, 0)
	return w
}

func (w *inboxWorld) list(a *domain.Actor, f cases.Filter) ([]string, int) {
	w.t.Helper()
	list, total, err := w.cases.List(w.ctx, a, f)
	w.must(err)
	got := []string{}
	for _, k := range list {
		got = append(got, w.names[k.ID])
	}
	return got, total
}

func TestInboxUnionOfLeadCoHandlingAndReported(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
		w := newInboxWorld(t, db)
		liaison := w.as("a_liaison")
		_, err := w.org.CreatePerson(w.ctx, domain.System("测试", domain.RoleSecurityAdmin), org.PersonInput{Username: "a_inspector", RealName: "a_inspector", UnitID: w.unitA,
			Roles: []domain.Role{domain.RoleInspector}, ScopeKind: string(domain.ScopeUnit), Password: password})
		w.must(err)
		w.must(w.org.SetPassword(w.ctx, domain.System("测试", domain.RoleSecurityAdmin), "a_inspector", password, false))
		inspector := w.as("a_inspector")

		// Unit A's inbox: led by A or its sub-unit (k1 k2 k4 k6 k11), co-handled
		// (k3 k4 k7 k9 k11), reported by A's liaison (k5 k6 k7 k12); k4, k6,
		// k7 and k11 are in two branches and count once; k8 and k10 are not
		// A's. Newest first; k9 and k11 share a time, as do k7 and k8.
		all := []string{"k12", "k11", "k9", "k7", "k6", "k5", "k4", "k3", "k2", "k1"}
		for _, tc := range []struct {
			name  string
			as    *domain.Actor
			f     cases.Filter
			want  []string
			total int
		}{
			{"first page", liaison, cases.Filter{View: "inbox"}, all, 10},
			{"default view is the inbox", liaison, cases.Filter{}, all, 10},
			{"pool view of a unit is its inbox", liaison, cases.Filter{View: "pool"}, all, 10},
			{"page 1 of 4", liaison, cases.Filter{View: "inbox", PageSize: 4}, all[:4], 10},
			{"page 2 of 4", liaison, cases.Filter{View: "inbox", Page: 2, PageSize: 4}, all[4:8], 10},
			{"page 3 of 4", liaison, cases.Filter{View: "inbox", Page: 3, PageSize: 4}, all[8:], 10},
			{"past the end", liaison, cases.Filter{View: "inbox", Page: 4, PageSize: 4}, []string{}, 10},
			{"one a page", liaison, cases.Filter{View: "inbox", Page: 3, PageSize: 1}, []string{"k9"}, 10},
			{"state", liaison, cases.Filter{View: "inbox", State: "handling"}, []string{"k4", "k2"}, 2},
			{"state new", liaison, cases.Filter{View: "inbox", State: "new"}, []string{"k12", "k5"}, 2},
			{"source", liaison, cases.Filter{View: "inbox", Source: "hotline"}, []string{"k11", "k3"}, 2},
			{"category", liaison, cases.Filter{View: "inbox", CategoryID: w.facility.ID}, []string{"k7", "k5", "k2"}, 3},
			{"parent category", liaison, cases.Filter{View: "inbox", CategoryID: *w.garbage.ParentID}, all, 10},
			{"region", liaison, cases.Filter{View: "inbox", RegionID: w.streetB}, []string{"k9", "k7", "k3", "k2"}, 4},
			{"unit", liaison, cases.Filter{View: "inbox", UnitID: w.unitB}, []string{"k9", "k7", "k3"}, 3},
			{"overdue", liaison, cases.Filter{View: "inbox", Overdue: true}, []string{"k4", "k2"}, 2},
			{"text", liaison, cases.Filter{View: "inbox", Q: "一号"}, []string{"k11", "k1"}, 2},
			{"dates", liaison, cases.Filter{View: "inbox", From: "2026-09-24", To: "2026-09-26"}, []string{"k6", "k5", "k4"}, 3},
			{"state and region", liaison, cases.Filter{View: "inbox", State: "dispatched", RegionID: w.streetA}, []string{"k11", "k6", "k1"}, 3},
			{"filters and pages", liaison, cases.Filter{View: "inbox", State: "dispatched", Page: 2, PageSize: 2}, []string{"k7", "k6"}, 6},
			{"nothing matches", liaison, cases.Filter{View: "inbox", Q: "无此案件"}, []string{}, 0},
			// Unit B: led k3 k7 k8 k9; k8 and k7 share a time, k8 is newer by id.
			{"unit B", w.as("b_liaison"), cases.Filter{View: "inbox"}, []string{"k9", "k8", "k7", "k3"}, 4},
			// The sub-unit sees its own: led k2 k11, co-handled k4 k9.
			{"sub-unit", w.as("sub_liaison"), cases.Filter{View: "inbox"}, []string{"k11", "k9", "k4", "k2"}, 4},
			// A unit-scoped inspector's pool leaves co-handled cases out; the
			// inbox keeps them.
			{"unit-scoped pool", inspector, cases.Filter{View: "pool"}, []string{"k11", "k6", "k4", "k2", "k1"}, 5},
			{"unit-scoped pool, paged", inspector, cases.Filter{View: "pool", Page: 2, PageSize: 2}, []string{"k4", "k2"}, 5},
			{"unit-scoped inbox", inspector, cases.Filter{View: "inbox"}, []string{"k11", "k9", "k7", "k6", "k4", "k3", "k2", "k1"}, 8},
		} {
			t.Run(tc.name, func(t *testing.T) {
				got, total := w.list(tc.as, tc.f)
				if !slices.Equal(got, tc.want) || total != tc.total {
					t.Fatalf("got %v (total %d), want %v (total %d)", got, total, tc.want, tc.total)
				}
			})
		}

		// A deep page goes through the single query and agrees.
		got, total := w.list(liaison, cases.Filter{View: "inbox", Page: 1001, PageSize: 2})
		if len(got) != 0 || total != 10 {
			t.Fatalf("page 1001: %v total %d", got, total)
		}

		// The inbox shows co-handling units and names like any list.
		list, _, err := w.cases.List(w.ctx, liaison, cases.Filter{View: "inbox", PageSize: 3})
		w.must(err)
		if k := list[0]; k.CategoryName != "乱扔垃圾" || k.RegionName != "会师镇" || k.ReporterName != "a_liaison" {
			t.Fatalf("k12 shown as %+v", k)
		}
		if k := list[1]; k.LeadUnitName != "县环卫所" || len(k.CoUnits) != 1 || k.CoUnits[0].Name != "县住建局" {
			t.Fatalf("k11 units %q %+v", k.LeadUnitName, k.CoUnits)
		}
		if k := list[1]; !strings.HasPrefix(k.Code, "620422202609") {
			t.Fatalf("k11 code %q", k.Code)
		}
	})
}

func TestInboxStatsCountEachCaseOnce(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
		w := newInboxWorld(t, db)
		for _, tc := range []struct {
			user string
			want cases.Stats
		}{
			{"a_liaison", cases.Stats{ByState: map[string]int{"new": 2, "dispatched": 6, "handling": 2}, Overdue: 2, Today: 1}},
			{"b_liaison", cases.Stats{ByState: map[string]int{"dispatched": 4}}},
			{"sub_liaison", cases.Stats{ByState: map[string]int{"dispatched": 2, "handling": 2}, Overdue: 2}},
		} {
			got, err := w.cases.Stats(w.ctx, w.as(tc.user), "inbox")
			w.must(err)
			if !maps.Equal(got.ByState, tc.want.ByState) || got.Overdue != tc.want.Overdue || got.Today != tc.want.Today {
				t.Errorf("%s: stats %+v, want %+v", tc.user, got, tc.want)
			}
		}
		// The office's pool still counts by region.
		got, err := w.cases.Stats(w.ctx, w.as("staff"), "pool")
		w.must(err)
		if got.ByState["new"] != 3 || got.ByState["dispatched"] != 7 || got.ByState["handling"] != 2 || got.Overdue != 2 || got.Today != 1 {
			t.Errorf("office pool stats %+v", got)
		}
		if _, err := w.cases.Stats(w.ctx, w.as("sysadmin"), "inbox"); err == nil {
			t.Error("an administrator read case stats")
		}
		_, _, err = w.cases.List(w.ctx, w.as("a_liaison"), cases.Filter{View: "inbox", State: "lost"})
		wantCode(t, err, domain.CodeInvalid, "state")
		_, _, err = w.cases.List(w.ctx, w.as("a_liaison"), cases.Filter{View: "elsewhere"})
		wantCode(t, err, domain.CodeInvalid, "view")
	})
}

// The inbox's totals come from counters kept beside the cases (unit_cases);
// after every write by the services, after a recount that follows writes in
// plain SQL or rebuilds emptied counters, and after the migration fills them
// from existing cases, they agree with counting the cases themselves (a page
// past 2,000 rows takes the single counting query).
func TestInboxCountersFollowEveryWrite(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
		w := newInboxWorld(t, db)
		users := []string{"a_liaison", "b_liaison", "sub_liaison"}
		actors := map[string]*domain.Actor{}
		for _, u := range users {
			actors[u] = w.as(u)
		}
		check := func(when string) {
			t.Helper()
			for _, u := range users {
				stats, err := w.cases.Stats(w.ctx, actors[u], "inbox")
				w.must(err)
				total, sum := -1, 0
				for _, st := range []string{"", "new", "registered", "dispatched", "handling", "returned", "verifying", "closed"} {
					_, fast := w.list(actors[u], cases.Filter{View: "inbox", State: st})
					_, slow := w.list(actors[u], cases.Filter{View: "inbox", State: st, Page: 2001, PageSize: 1})
					if fast != slow {
						t.Fatalf("%s: %s's inbox in state %q: total %d, counting the cases gives %d", when, u, st, fast, slow)
					}
					if st == "" {
						total = fast
						continue
					}
					if stats.ByState[st] != fast {
						t.Fatalf("%s: %s's badge for %q is %d, the list has %d", when, u, st, stats.ByState[st], fast)
					}
					sum += fast
				}
				if sum != total {
					t.Fatalf("%s: %s's states add up to %d, total %d", when, u, sum, total)
				}
			}
		}
		check("after the loop")

		exec := func(q string, args ...any) {
			t.Helper()
			w.must(db.Write(w.ctx, func(c *store.Conn) error { _, err := c.Exec(w.ctx, q, args...); return err }))
		}
		// Writes in plain SQL (an import, a repair by hand) leave the
		// counters behind until a recount rebuilds them from the cases.
		exec(`UPDATE cases SET lead_unit_id = ? WHERE id = ?`, w.unitB, w.codes["k1"])
		exec(`UPDATE cases SET state = 'closed' WHERE id = ?`, w.codes["k6"])
		exec(`UPDATE cases SET lead_unit_id = NULL, state = 'registered' WHERE id = ?`, w.codes["k4"])
		exec(`INSERT INTO cases (code, source, public_token, state, category_id, description, lead_unit_id, limit_minutes, created_at, updated_at)
			VALUES ('X1', 'hotline', 'x1', 'dispatched', ?, '导入', ?, 240, ?, ?)`, w.garbage.ID, w.subA, w.now, w.now)
		exec(`INSERT INTO cases (code, source, public_token, state, category_id, description, lead_unit_id, limit_minutes, created_at, updated_at)
			VALUES ('X2', 'hotline', 'x2', 'handling', ?, '导入', ?, 240, ?, ?)`, w.garbage.ID, w.unitB, w.now, w.now)
		exec(`DELETE FROM cases WHERE code = 'X2'`)
		counted, err := w.cases.Recount(w.ctx)
		w.must(err)
		var all int
		w.must(db.Read().QueryRow(w.ctx, `SELECT COUNT(*) FROM cases`).Scan(&all))
		if counted != all {
			t.Fatalf("recount counted %d cases of %d", counted, all)
		}
		check("after writes in plain SQL and a recount")
		_, err = w.cases.Return(w.ctx, w.as("b_liaison"), w.codes["k9"], cases.ReasonInput{Reason: "非本单位职责"})
		w.must(err)
		check("after a return")
		for _, table := range []string{"case_days", "unit_cases", "unit_days"} {
			exec(`DELETE FROM ` + table)
		}
		_, err = w.cases.Recount(w.ctx)
		w.must(err)
		check("after a recount of emptied counters")

		w.must(db.Rollback(w.ctx, 8))
		w.must(db.Migrate(w.ctx))
		check("after the migration filled the counters")
	})
}
