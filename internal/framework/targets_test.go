package framework_test

import (
	"math"
	"strings"
	"testing"
	"time"

	"wenming/internal/domain"
	"wenming/internal/framework"
	"wenming/internal/store"
	"wenming/internal/store/storetest"
)

// The toilets-density target (≥ 4 座/平方公里, led by 县住建局 with
// 县市场监管局 responsible): who may report it, and which value counts.
func TestTargetStatusFollowsTheLeadUnitsLatestValue(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
		w := newWorld(t, db)
		f := w.imported()
		sid := standardOf(t, w.tree(f.ID), "10.3.3.1").ID
		targets := func(who string, filter framework.TargetFilter) []framework.TargetStatus {
			t.Helper()
			filter.FrameworkID = f.ID
			if filter.Period == "" {
				filter.Period = "2026"
			}
			list, period, err := w.fw.Targets(w.ctx, w.as(who), filter)
			w.must(err)
			if period != filter.Period {
				t.Fatalf("period %q, want %q", period, filter.Period)
			}
			return list
		}
		report := func(who string, value float64) framework.TargetReport {
			t.Helper()
			w.now = w.now.Add(time.Hour)
			r, err := w.fw.Report(w.ctx, w.as(who), sid, framework.ReportInput{Period: "2026", Value: value, Evidence: "2026 年城区公厕普查"})
			w.must(err)
			return r
		}
		status := func() framework.TargetStatus {
			t.Helper()
			list := targets("staff", framework.TargetFilter{})
			if len(list) != 1 || list[0].StandardID != sid {
				t.Fatalf("targets %+v", list)
			}
			return list[0]
		}

		// Only the standard's own units and the office may report it.
		for who, want := range map[string]bool{"a_liaison": true, "b_liaison": true, "staff": true, "sub_liaison": false, "grid": false} {
			if got := targets(who, framework.TargetFilter{}); len(got) != 1 || got[0].CanReport != want {
				t.Errorf("%s: can report %v, want %v", who, got[0].CanReport, want)
			}
		}
		if s := status(); s.Status != "not_reported" || s.Value != nil {
			t.Fatalf("before any report: %+v", s)
		}

		if r := report("a_liaison", 3.5); r.Met || r.UnitID != w.unitA || r.UnitName != "县住建局" || r.ReportedBy != "住建联络员" {
			t.Fatalf("report %+v", r)
		}
		if s := status(); s.Status != "not_met" || *s.Value != 3.5 || s.ReportUnitName != "县住建局" {
			t.Fatalf("after 3.5: %+v", s)
		}
		// A responsible unit's later value does not replace the lead unit's.
		if r := report("b_liaison", 4.2); !r.Met || r.UnitID != w.unitB {
			t.Fatalf("report %+v", r)
		}
		if s := status(); s.Status != "not_met" || *s.Value != 3.5 {
			t.Fatalf("the responsible unit's value counted over the lead unit's: %+v", s)
		}
		report("a_liaison", 4.1)
		if s := status(); s.Status != "met" || *s.Value != 4.1 {
			t.Fatalf("after the lead unit's 4.1: %+v", s)
		}
		// The office reports for the lead unit unless it names another.
		if r := report("staff", 4.3); r.UnitID != w.unitA {
			t.Fatalf("the office's report went to unit %d, want the lead unit", r.UnitID)
		}

		for name, tc := range map[string]struct {
			filter framework.TargetFilter
			want   int
		}{
			"met":              {framework.TargetFilter{Status: "met"}, 1},
			"not met":          {framework.TargetFilter{Status: "not_met"}, 0},
			"responsible unit": {framework.TargetFilter{UnitID: w.unitB}, 1},
			"unrelated unit":   {framework.TargetFilter{UnitID: w.subA}, 0},
			"search":           {framework.TargetFilter{Q: "公共卫生间"}, 1},
			"search elsewhere": {framework.TargetFilter{Q: "垃圾"}, 0},
			"another quarter":  {framework.TargetFilter{Period: "2026-Q2", Status: "not_reported"}, 1},
		} {
			if got := targets("staff", tc.filter); len(got) != tc.want {
				t.Errorf("%s: %d targets, want %d", name, len(got), tc.want)
			}
		}

		reports, err := w.fw.Reports(w.ctx, w.as("b_liaison"), sid, "2026")
		w.must(err)
		var values []float64
		for _, r := range reports {
			values = append(values, r.Value)
		}
		if len(values) != 4 || values[0] != 4.3 || values[1] != 4.1 || values[2] != 4.2 || values[3] != 3.5 || reports[3].Met || !reports[2].Met {
			t.Fatalf("reports newest first: %+v", reports)
		}
		if _, err := w.fw.Reports(w.ctx, w.as("staff"), sid, "2026 年"); err == nil {
			t.Fatal("a bad period listed reports")
		} else {
			wantCode(t, err, domain.CodeInvalid, "period")
		}

		// With no period asked, the year of the newest plan is shown.
		if _, err := w.svc.Plan.CreatePlan(w.ctx, w.as("staff"), 2025, "会宁县 2025 年度文明城市创建工作实施方案", nil); err != nil {
			t.Fatal(err)
		}
		if _, period, err := w.fw.Targets(w.ctx, w.as("staff"), framework.TargetFilter{FrameworkID: f.ID}); err != nil || period != "2025" {
			t.Fatalf("default period %q (%v), want the plan's year", period, err)
		}
	})
}

// A value is refused for the wrong person, the wrong unit, or bad input,
// each naming its field in Chinese, and nothing is stored.
func TestTargetReportRefusals(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
		w := newWorld(t, db)
		f := w.imported()
		tr := w.tree(f.ID)
		sid, litter := standardOf(t, tr, "10.3.3.1").ID, standardOf(t, tr, "10.1.1.1").ID
		ok := framework.ReportInput{Period: "2026", Value: 4.5}
		with := func(edit func(*framework.ReportInput)) framework.ReportInput { in := ok; edit(&in); return in }
		for _, tc := range []struct {
			name     string
			who      string
			standard int64
			in       framework.ReportInput
			code     domain.Code
			field    string
		}{
			{"a grid worker", "grid", sid, ok, domain.CodeForbidden, ""},
			{"the audit admin", "auditor", sid, ok, domain.CodeForbidden, ""},
			{"a unit that owns no part of it", "sub_liaison", sid, ok, domain.CodeForbidden, ""},
			{"for another unit", "a_liaison", sid, with(func(in *framework.ReportInput) { in.UnitID = w.unitB }), domain.CodeForbidden, ""},
			{"a period in words", "a_liaison", sid, with(func(in *framework.ReportInput) { in.Period = "2026年" }), domain.CodeInvalid, "period"},
			{"a thirteenth month", "a_liaison", sid, with(func(in *framework.ReportInput) { in.Period = "2026-13" }), domain.CodeInvalid, "period"},
			{"not a number", "a_liaison", sid, with(func(in *framework.ReportInput) { in.Value = math.NaN() }), domain.CodeInvalid, "value"},
			{"an absurd value", "a_liaison", sid, with(func(in *framework.ReportInput) { in.Value = 1e13 }), domain.CodeInvalid, "value"},
			{"a long evidence note", "a_liaison", sid, with(func(in *framework.ReportInput) { in.Evidence = strings.Repeat("证", 1001) }), domain.CodeInvalid, "evidence"},
			{"a standard without a target", "a_liaison", litter, ok, domain.CodeInvalid, "standardId"},
			{"an unknown standard", "a_liaison", 999999, ok, domain.CodeNotFound, ""},
			{"the office for an unknown unit", "staff", sid, with(func(in *framework.ReportInput) { in.UnitID = 999999 }), domain.CodeInvalid, "unitId"},
			{"the office for a unit not on the standard", "staff", sid, with(func(in *framework.ReportInput) { in.UnitID = w.subA }), domain.CodeInvalid, "unitId"},
		} {
			t.Run(tc.name, func(t *testing.T) {
				_, err := w.fw.Report(w.ctx, w.as(tc.who), tc.standard, tc.in)
				wantCode(t, err, tc.code, tc.field)
			})
		}
		if list, err := w.fw.Reports(w.ctx, w.as("staff"), sid, ""); err != nil || len(list) != 0 {
			t.Fatalf("refused reports stored: %+v (%v)", list, err)
		}
	})
}

// The evidence a unit reports with its value is read within the scope that
// sees that unit: everyone sees the value, another unit not the files.
func TestTargetEvidenceStaysWithItsUnit(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
		w := newWorld(t, db)
		f := w.imported()
		sid := standardOf(t, w.tree(f.ID), "10.3.3.1").ID
		a := w.as("a_liaison")
		up, err := w.svc.Files.Upload(w.ctx, a, "公厕普查.txt", strings.NewReader("会师镇建成区公厕 23 座，面积 5.2 平方公里"))
		w.must(err)
		r, err := w.fw.Report(w.ctx, a, sid, framework.ReportInput{Period: "2026", Value: 4.4, FileIDs: []int64{up.ID}})
		w.must(err)
		if len(r.Files) != 1 || r.Files[0].ID != up.ID {
			t.Fatalf("report files %+v", r.Files)
		}
		for who, want := range map[string]int{"a_liaison": 1, "staff": 1, "b_liaison": 0} {
			list, err := w.fw.Reports(w.ctx, w.as(who), sid, "2026")
			w.must(err)
			if len(list) != 1 || list[0].Value != 4.4 || len(list[0].Files) != want {
				t.Errorf("%s sees %+v, want the value with %d files", who, list, want)
			}
			_, rc, err := w.svc.Files.Open(w.ctx, w.as(who), up.ID, "")
			if rc != nil {
				rc.Close()
			}
			if (err == nil) != (want == 1) {
				t.Errorf("%s opens the evidence: %v", who, err)
			}
		}
		// A file already attached is not attached again to another report.
		_, err = w.fw.Report(w.ctx, a, sid, framework.ReportInput{Period: "2026", Value: 4.6, FileIDs: []int64{up.ID}})
		wantCode(t, err, domain.CodeInvalid, "fileIds")
	})
}
