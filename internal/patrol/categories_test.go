package patrol_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"wenming/internal/domain"
	"wenming/internal/patrol"
	"wenming/internal/store"
	"wenming/internal/store/storetest"
)

// The office keeps the point categories; a checklist is saved whole or not
// at all, each bad line named by its place and field.
func TestCategoriesAndChecklists(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
		w := newWorld(t, db)
		staff := w.as("staff")
		_, err := w.patrol.CreateCategory(w.ctx, w.as("inspector"), patrol.CategoryInput{Name: "步行街"})
		wantCode(t, err, domain.CodeForbidden, "")
		_, err = w.patrol.CreateCategory(w.ctx, staff, patrol.CategoryInput{Name: "  "})
		wantCode(t, err, domain.CodeInvalid, "name")
		_, err = w.patrol.CreateCategory(w.ctx, staff, patrol.CategoryInput{Name: strings.Repeat("站", 41)})
		wantCode(t, err, domain.CodeInvalid, "name")
		walk, err := w.patrol.CreateCategory(w.ctx, staff, patrol.CategoryInput{Name: "步行街", Description: "商业步行街、特色街区及其公共空间"})
		w.must(err)
		if !walk.Active || len(walk.Checks) != 0 {
			t.Fatalf("new category %+v", walk)
		}
		_, err = w.patrol.CreateCategory(w.ctx, staff, patrol.CategoryInput{Name: " 步行街 "})
		wantCode(t, err, domain.CodeConflict, "name")

		ads := patrol.CheckInput{Text: "站亭、站牌无乱张贴、乱涂写、乱刻画", Severity: "minor", CaseCategoryID: w.ads.ID, StandardCodes: []string{"10.1.1.2"}}
		// Without a framework there are no standards to link.
		_, err = w.patrol.SetChecks(w.ctx, staff, walk.ID, patrol.ChecklistInput{Checks: []patrol.CheckInput{ads}})
		wantCode(t, err, domain.CodeInvalid, "standardCodes")

		w.stocked()
		junk := patrol.CheckInput{Text: "站台周边无垃圾、烟蒂，垃圾箱完好", Severity: "minor", CaseCategoryID: w.litter.ID, StandardCodes: []string{"10.1.1.1"}}
		with := func(edit func(*patrol.CheckInput)) patrol.CheckInput { in := junk; edit(&in); return in }
		many := make([]patrol.CheckInput, 61)
		for i := range many {
			many[i] = with(func(in *patrol.CheckInput) { in.Text = fmt.Sprintf("第 %d 项检查", i+1) })
		}
		for _, tc := range []struct {
			name   string
			who    string
			checks []patrol.CheckInput
			code   domain.Code
			field  string
		}{
			{"an inspector", "inspector", []patrol.CheckInput{ads}, domain.CodeForbidden, ""},
			{"an empty list", "staff", nil, domain.CodeInvalid, "checks"},
			{"sixty-one checks", "staff", many, domain.CodeInvalid, "checks"},
			{"a line without text", "staff", []patrol.CheckInput{ads, with(func(in *patrol.CheckInput) { in.Text = " " })}, domain.CodeInvalid, "checks[1].text"},
			{"the same line twice", "staff", []patrol.CheckInput{ads, with(func(in *patrol.CheckInput) { in.Text = ads.Text })}, domain.CodeInvalid, "checks[1].text"},
			{"an unknown severity", "staff", []patrol.CheckInput{with(func(in *patrol.CheckInput) { in.Severity = "fatal" })}, domain.CodeInvalid, "checks[0].severity"},
			{"no case category", "staff", []patrol.CheckInput{with(func(in *patrol.CheckInput) { in.CaseCategoryID = 0 })}, domain.CodeInvalid, "checks[0].caseCategoryId"},
			{"an unknown standard", "staff", []patrol.CheckInput{with(func(in *patrol.CheckInput) { in.StandardCodes = []string{"10.9.9.9"} })}, domain.CodeInvalid, "checks[0].standardCodes"},
			{"no standard", "staff", []patrol.CheckInput{with(func(in *patrol.CheckInput) { in.StandardCodes = []string{" "} })}, domain.CodeInvalid, "checks[0].standardCodes"},
			{"another category's check", "staff", []patrol.CheckInput{with(func(in *patrol.CheckInput) { in.ID = &w.market.Checks[0].ID })}, domain.CodeInvalid, "checks[0].id"},
		} {
			t.Run(tc.name, func(t *testing.T) {
				_, err := w.patrol.SetChecks(w.ctx, w.as(tc.who), w.bus.ID, patrol.ChecklistInput{Checks: tc.checks})
				wantCode(t, err, tc.code, tc.field)
			})
		}
		got, err := w.patrol.Category(w.ctx, staff, w.bus.ID)
		w.must(err)
		if len(got.Checks) != 3 || got.Checks[0].ID != w.busAds || got.PointCount != 2 {
			t.Fatalf("refused checklists changed the category: %+v", got)
		}
		first := got.Checks[0]
		if first.Seq != 1 || first.CaseCategoryName != "小广告" || first.Severity != "minor" || !slices.Equal(first.StandardCodes, []string{"10.1.1.2"}) {
			t.Fatalf("first check %+v", first)
		}

		// A category with points is not deleted; an empty one is.
		wantCode(t, w.patrol.DeleteCategory(w.ctx, staff, w.bus.ID), domain.CodeConflict, "")
		w.must(w.patrol.DeleteCategory(w.ctx, staff, walk.ID))
		_, err = w.patrol.Category(w.ctx, staff, walk.ID)
		wantCode(t, err, domain.CodeNotFound, "")
		// Renaming to a name taken is refused; deactivating keeps the checks.
		_, err = w.patrol.UpdateCategory(w.ctx, staff, w.market.ID, patrol.CategoryInput{Name: "公交站点"})
		wantCode(t, err, domain.CodeConflict, "name")
		off, err := w.patrol.UpdateCategory(w.ctx, staff, w.market.ID, patrol.CategoryInput{Name: "农贸市场", Active: ptr(false)})
		w.must(err)
		if off.Active || len(off.Checks) != 1 {
			t.Fatalf("deactivated category %+v", off)
		}
		_, err = w.patrol.Categories(w.ctx, w.as("b_liaison"))
		w.must(err)
	})
}

// Leaving a judged check out of the checklist keeps it, inactive, so the
// patrols that judged it still read it; an unjudged one is deleted; the
// order saved is the order shown, and new patrols judge only active checks.
func TestChecklistKeepsJudgedChecks(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
		w := newWorld(t, db).stocked()
		inspector, staff := w.as("inspector"), w.as("staff")
		p, _, err := w.patrol.Submit(w.ctx, inspector, patrol.PatrolInput{ClientKey: "xc-0408-01", PointID: w.square.ID, Results: w.judged(inspector)})
		w.must(err)
		check := func(id *int64, text string) patrol.CheckInput {
			return patrol.CheckInput{ID: id, Text: text, Severity: "minor", CaseCategoryID: w.parking.ID, StandardCodes: []string{"10.2.1.1", "10.2.1.1"}}
		}
		// A fourth check, never judged.
		k, err := w.patrol.SetChecks(w.ctx, staff, w.bus.ID, patrol.ChecklistInput{Checks: []patrol.CheckInput{
			check(&w.busAds, w.bus.Checks[0].Text), check(&w.busJunk, w.bus.Checks[1].Text), check(&w.busParking, w.bus.Checks[2].Text),
			check(nil, "宣传栏刊播公益广告，内容规范、无破损")}})
		w.must(err)
		poster := k.Checks[3].ID
		if codes := k.Checks[3].StandardCodes; !slices.Equal(codes, []string{"10.2.1.1"}) {
			t.Fatalf("a standard linked twice: %v", codes)
		}
		// Now the parking check first, renamed, then a new one; the rest left out.
		k, err = w.patrol.SetChecks(w.ctx, staff, w.bus.ID, patrol.ChecklistInput{Checks: []patrol.CheckInput{
			check(&w.busParking, "站台无车辆占用停放"), check(nil, "设置排队候车标识，乘客排队乘车")}})
		w.must(err)
		type line struct {
			id     int64
			text   string
			active bool
		}
		var got []line
		for _, ch := range k.Checks {
			got = append(got, line{ch.ID, ch.Text, ch.Active})
		}
		if len(got) != 4 || got[0] != (line{w.busParking, "站台无车辆占用停放", true}) || got[1].text != "设置排队候车标识，乘客排队乘车" || !got[1].active ||
			got[2] != (line{w.busAds, "站亭、站牌无乱张贴、乱涂写、乱刻画", false}) || got[3] != (line{w.busJunk, "站台周边无垃圾、烟蒂，垃圾箱完好", false}) {
			t.Fatalf("checklist after the change: %+v", got)
		}
		if slices.ContainsFunc(got, func(l line) bool { return l.id == poster }) {
			t.Fatal("a check never judged was kept")
		}
		old, err := w.patrol.Patrol(w.ctx, staff, p.ID)
		w.must(err)
		if len(old.Observations) != 3 || !slices.ContainsFunc(old.Observations, func(o patrol.Observation) bool {
			return o.CheckText == "站亭、站牌无乱张贴、乱涂写、乱刻画"
		}) {
			t.Fatalf("the old patrol lost its checks: %+v", old.Observations)
		}
		// The next patrol judges the two active checks, and only them.
		_, _, err = w.patrol.Submit(w.ctx, inspector, patrol.PatrolInput{ClientKey: "xc-0408-02", PointID: w.square.ID,
			Results: []patrol.ResultInput{{CheckID: w.busAds, Result: "pass"}, {CheckID: w.busParking, Result: "pass"}, {CheckID: k.Checks[1].ID, Result: "pass"}}})
		wantCode(t, err, domain.CodeInvalid, "results[0].checkId")
		next, _, err := w.patrol.Submit(w.ctx, inspector, patrol.PatrolInput{ClientKey: "xc-0408-03", PointID: w.square.ID,
			Results: []patrol.ResultInput{{CheckID: w.busParking, Result: "pass"}, {CheckID: k.Checks[1].ID, Result: "na"}}})
		w.must(err)
		if next.Pass != 1 || next.NA != 1 {
			t.Fatalf("next patrol %+v", next.PatrolSummary)
		}
	})
}
