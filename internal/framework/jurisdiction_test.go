package framework_test

import (
	"bytes"
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"wenming/internal/app"
	"wenming/internal/auth"
	"wenming/internal/blob"
	"wenming/internal/domain"
	"wenming/internal/framework"
	"wenming/internal/store"
	"wenming/internal/store/storetest"
	"wenming/internal/testcity"
)

// cityFrameworks is the test city (白银市 over 会宁县 A and 靖远县 B) with
// the framework and file services.
type cityFrameworks struct {
	t          *testing.T
	ctx        context.Context
	svc        *app.Services
	fw         *framework.Service
	City, A, B *testcity.Office
}

func newCityFrameworks(t *testing.T, db *store.DB) *cityFrameworks {
	t.Helper()
	db.SetClock(func() time.Time { return time.Date(2026, 3, 2, 9, 0, 0, 0, domain.Beijing) })
	blobs, err := blob.NewDisk(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	svc := app.NewServices(db, app.Options{Blobs: blobs,
		Auth: auth.Policy{LockThreshold: 50, LockDuration: time.Minute, IdleTimeout: time.Hour, MaxAge: 24 * time.Hour}})
	t.Cleanup(svc.Files.WaitCopies)
	c := testcity.New(t, db)
	return &cityFrameworks{t: t, ctx: context.Background(), svc: svc, fw: svc.Framework, City: c.City, A: c.A, B: c.B}
}

func (w *cityFrameworks) must(err error) {
	w.t.Helper()
	if err != nil {
		w.t.Fatal(err)
	}
}

// officeBook is the test workbook with every standard led by dept (the
// last by office) and no other unit: names testcity's units have.
func officeBook(t *testing.T, name, dept, office string) *bytes.Reader {
	t.Helper()
	return book(t, func(s map[string][][]any) {
		s["框架"][1][1] = name
		rows := s["测评标准"]
		for i := 1; i < len(rows); i++ {
			rows[i][9], rows[i][10] = dept, ""
		}
		rows[len(rows)-1][9] = office
	})
}

// imports a framework as the office of o.
func (w *cityFrameworks) imports(o *testcity.Office, dept, office string) domain.Framework {
	w.t.Helper()
	f, err := w.fw.Import(w.ctx, o.Staff, officeBook(w.t, "全国文明城市测评体系（"+o.Name+"）", dept, office))
	w.must(err)
	return f
}

func (w *cityFrameworks) standard(a *domain.Actor, frameworkID int64, code string) domain.Standard {
	w.t.Helper()
	tr, err := w.fw.Tree(w.ctx, a, frameworkID)
	w.must(err)
	return standardOf(w.t, tr, code)
}

func listed(t *testing.T, w *cityFrameworks, a *domain.Actor) []int64 {
	t.Helper()
	list, err := w.fw.List(w.ctx, a)
	if err != nil {
		t.Fatal(err)
	}
	out := []int64{}
	for _, f := range list {
		out = append(out, f.ID)
	}
	return out
}

// The city's framework is read by its counties, which inherit it, but
// only the city office changes it.
func TestCityFrameworkIsInheritedNotEditedByCounties(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
		w := newCityFrameworks(t, db)
		f := w.imports(w.City, "市住建局", "市文明办")
		if f.JurisdictionID == nil || *f.JurisdictionID != w.City.Jurisdiction || f.JurisdictionName != "白银市" {
			t.Fatalf("the city's framework belongs to %v %q", f.JurisdictionID, f.JurisdictionName)
		}
		header := framework.Header{Name: "改名", BasicTotal: 100, SpecialTotal: 20}
		for _, o := range []*testcity.Office{w.A, w.B} {
			for _, who := range []*domain.Actor{o.Staff, o.Liaison, o.Leader} {
				if got, err := w.fw.Get(w.ctx, who, f.ID); err != nil || got.ID != f.ID || got.Editable {
					t.Fatalf("%s reads the city's framework (editable %v): %v", who.Username, got.Editable, err)
				}
				if !slices.Contains(listed(t, w, who), f.ID) {
					t.Fatalf("%s's list lacks the city's framework", who.Username)
				}
			}
			for name, do := range map[string]func(a *domain.Actor) error{
				"rename": func(a *domain.Actor) error { _, err := w.fw.UpdateHeader(w.ctx, a, f.ID, header); return err },
				"freeze": func(a *domain.Actor) error { _, err := w.fw.Freeze(w.ctx, a, f.ID); return err },
				"copy":   func(a *domain.Actor) error { _, err := w.fw.Copy(w.ctx, a, f.ID); return err },
				"delete": func(a *domain.Actor) error { return w.fw.Delete(w.ctx, a, f.ID) },
				"add a node": func(a *domain.Actor) error {
					_, err := w.fw.CreateNode(w.ctx, a, f.ID, framework.NodeInput{Code: "13", Name: "县级特色", Part: "special"})
					return err
				},
			} {
				t.Run(o.Name+" "+name, func(t *testing.T) {
					err := do(o.Staff)
					wantCode(t, err, domain.CodeForbidden, "")
					if de, _ := domain.AsError(err); !strings.Contains(de.Message, "白银市") {
						t.Errorf("refusal %q does not name the owner", de.Message)
					}
				})
			}
		}
		if got, err := w.fw.Get(w.ctx, w.City.Staff, f.ID); err != nil || !got.Editable {
			t.Fatalf("the city's own framework is not editable to it: %v", err)
		}
		if _, err := w.fw.Freeze(w.ctx, w.City.Staff, f.ID); err != nil {
			t.Fatalf("the city freezes its own framework: %v", err)
		}
	})
}

// A county's own framework stays in it: the sibling county neither lists
// nor reads it, the city reads but does not edit it, and the names in its
// workbook resolve to the county's own units (both counties have a 县住建局).
func TestCountyFrameworkStaysInItsCounty(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
		w := newCityFrameworks(t, db)
		fa := w.imports(w.A, "县住建局", "县文明办")
		fb := w.imports(w.B, "县住建局", "县文明办")
		for _, tc := range []struct {
			f    domain.Framework
			o    *testcity.Office
			dept int64
		}{{fa, w.A, w.A.Dept}, {fb, w.B, w.B.Dept}} {
			st := w.standard(tc.o.Staff, tc.f.ID, "10.1.1.1")
			if tc.f.JurisdictionID == nil || *tc.f.JurisdictionID != tc.o.Jurisdiction || len(st.LeadUnits) != 1 || st.LeadUnits[0].ID != tc.dept {
				t.Fatalf("%s's framework %v leads %+v, want its own 县住建局 %d", tc.o.Name, tc.f.JurisdictionID, st.LeadUnits, tc.dept)
			}
		}
		if got := listed(t, w, w.B.Staff); slices.Contains(got, fa.ID) || !slices.Contains(got, fb.ID) {
			t.Fatalf("B lists %v, want its own %d and not A's %d", got, fb.ID, fa.ID)
		}
		if got := listed(t, w, w.City.Staff); !slices.Contains(got, fa.ID) || !slices.Contains(got, fb.ID) {
			t.Fatalf("the city lists %v, want both counties'", got)
		}
		for name, do := range map[string]func() error{
			"B reads A's":          func() error { _, err := w.fw.Get(w.ctx, w.B.Staff, fa.ID); return err },
			"B reads A's tree":     func() error { _, err := w.fw.Tree(w.ctx, w.B.Liaison, fa.ID); return err },
			"B copies A's":         func() error { _, err := w.fw.Copy(w.ctx, w.B.Staff, fa.ID); return err },
			"B freezes A's":        func() error { _, err := w.fw.Freeze(w.ctx, w.B.Staff, fa.ID); return err },
			"the city freezes A's": func() error { _, err := w.fw.Freeze(w.ctx, w.City.Staff, fa.ID); return err },
		} {
			t.Run(name, func(t *testing.T) {
				want := domain.CodeNotFound
				if strings.HasPrefix(name, "the city") {
					want = domain.CodeForbidden
				}
				wantCode(t, do(), want, "")
			})
		}
		// A standard's units are the framework's county's own or below.
		st := w.standard(w.A.Staff, fa.ID, "10.1.1.1")
		in := framework.StandardInput{ContentID: st.ContentID, Code: st.Code, Text: st.Text, Methods: st.Methods, LeadUnitIDs: []int64{w.A.Dept}}
		for _, tc := range []struct {
			name  string
			lead  []int64
			resp  []int64
			field string
		}{
			{"B's 县住建局 leads", []int64{w.B.Dept}, nil, "leadUnitIds"},
			{"B's community shares", []int64{w.A.Dept}, []int64{w.B.Neighbourhood}, "responsibleUnitIds"},
			{"the city's department shares", []int64{w.A.Dept}, []int64{w.City.Dept}, "responsibleUnitIds"},
		} {
			t.Run(tc.name, func(t *testing.T) {
				bad := in
				bad.LeadUnitIDs, bad.ResponsibleUnitIDs = tc.lead, tc.resp
				_, err := w.fw.UpdateStandard(w.ctx, w.A.Staff, fa.ID, st.ID, bad)
				wantCode(t, err, domain.CodeInvalid, tc.field)
			})
		}
		in.ResponsibleUnitIDs = []int64{w.A.Township, w.A.Neighbourhood}
		if _, err := w.fw.UpdateStandard(w.ctx, w.A.Staff, fa.ID, st.ID, in); err != nil {
			t.Fatalf("A's own units: %v", err)
		}
	})
}

// A value reported in one county counts there only: the other county's
// targets, reports and evidence never show it; the city reads each
// county's figures by asking for that county.
func TestTargetValuesStayInTheirCounty(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
		w := newCityFrameworks(t, db)
		f := w.imports(w.City, "市住建局", "市文明办")
		st := w.standard(w.City.Staff, f.ID, "10.3.3.1")
		in := framework.StandardInput{ContentID: st.ContentID, Code: st.Code, Text: st.Text, Methods: st.Methods, Metric: st.Metric,
			Comparator: st.Comparator, Threshold: st.Threshold, MeasureUnit: st.MeasureUnit,
			LeadUnitIDs: []int64{w.City.Dept}, ResponsibleUnitIDs: []int64{w.A.Dept, w.B.Dept}}
		_, err := w.fw.UpdateStandard(w.ctx, w.City.Staff, f.ID, st.ID, in)
		w.must(err)
		up, err := w.svc.Files.Upload(w.ctx, w.A.Liaison, "公厕普查.txt", strings.NewReader("会师镇建成区公厕 23 座"))
		w.must(err)
		_, err = w.fw.Report(w.ctx, w.A.Liaison, st.ID, framework.ReportInput{Period: "2026", Value: 4.4, FileIDs: []int64{up.ID}})
		w.must(err)
		_, err = w.fw.Report(w.ctx, w.B.Liaison, st.ID, framework.ReportInput{Period: "2026", Value: 3})
		w.must(err)

		for _, tc := range []struct {
			name    string
			who     *domain.Actor
			of      int64
			value   float64
			status  string
			reports int
		}{
			{"A's office", w.A.Staff, 0, 4.4, "met", 1},
			{"A's liaison", w.A.Liaison, 0, 4.4, "met", 1},
			{"B's office", w.B.Staff, 0, 3, "not_met", 1},
			{"the city on A", w.City.Staff, w.A.Jurisdiction, 4.4, "met", 2},
			{"the city on B", w.City.Staff, w.B.Jurisdiction, 3, "not_met", 2},
		} {
			t.Run(tc.name, func(t *testing.T) {
				list, _, err := w.fw.Targets(w.ctx, tc.who, framework.TargetFilter{FrameworkID: f.ID, Period: "2026", JurisdictionID: tc.of})
				if err != nil || len(list) != 1 || list[0].Value == nil || *list[0].Value != tc.value || list[0].Status != tc.status {
					t.Fatalf("targets %+v (%v), want %g %s", list, err, tc.value, tc.status)
				}
				reports, err := w.fw.Reports(w.ctx, tc.who, st.ID, "2026")
				if err != nil || len(reports) != tc.reports {
					t.Fatalf("reports %+v (%v), want %d", reports, err, tc.reports)
				}
			})
		}
		// The city's own figures hold neither county's value.
		list, _, err := w.fw.Targets(w.ctx, w.City.Staff, framework.TargetFilter{FrameworkID: f.ID, Period: "2026"})
		if err != nil || len(list) != 1 || list[0].Value != nil {
			t.Fatalf("the city's own targets %+v (%v)", list, err)
		}
		_, _, err = w.fw.Targets(w.ctx, w.A.Staff, framework.TargetFilter{FrameworkID: f.ID, Period: "2026", JurisdictionID: w.B.Jurisdiction})
		wantCode(t, err, domain.CodeInvalid, "jurisdictionId")
		_, err = w.fw.Report(w.ctx, w.A.Staff, st.ID, framework.ReportInput{Period: "2026", Value: 9, UnitID: w.B.Dept})
		if err == nil {
			t.Fatal("A's office filed a value for B's unit")
		}
		for _, tc := range []struct {
			who   *domain.Actor
			opens bool
		}{{w.A.Liaison, true}, {w.A.Staff, true}, {w.City.Staff, true}, {w.B.Staff, false}, {w.B.Liaison, false}} {
			_, rc, err := w.svc.Files.Open(w.ctx, tc.who, up.ID, "")
			if rc != nil {
				rc.Close()
			}
			if (err == nil) != tc.opens {
				t.Errorf("%s opens A's evidence: %v", tc.who.Username, err)
			}
		}
	})
}
