package assessment_test

import (
	"bytes"
	"context"
	"slices"
	"testing"
	"time"

	"wenming/internal/app"
	"wenming/internal/assessment"
	"wenming/internal/auth"
	"wenming/internal/blob"
	"wenming/internal/domain"
	"wenming/internal/patrol"
	"wenming/internal/store"
	"wenming/internal/store/storetest"
	"wenming/internal/testbook"
	"wenming/internal/testcity"
)

// counties is the test city with a framework (one standard, one veto on
// the negative list) and the city's category 主次干道, which both counties
// use: county A has three points on it, county B two.
type counties struct {
	c         *testcity.City
	ctx       context.Context
	svc       *app.Services
	framework int64
	road      patrol.Category
	pointsA   []int64
	pointsB   []int64
}

func newCounties(t *testing.T, db *store.DB) *counties {
	t.Helper()
	blobs, err := blob.NewDisk(t.TempDir())
	must(t, err)
	svc := app.NewServices(db, app.Options{Blobs: blobs,
		Auth: auth.Policy{LockThreshold: 50, LockDuration: time.Minute, IdleTimeout: time.Hour, MaxAge: 24 * time.Hour}})
	t.Cleanup(svc.Files.WaitCopies)
	w := &counties{c: testcity.New(t, db), ctx: context.Background(), svc: svc}
	fw, err := svc.Framework.Import(w.ctx, w.c.City.Staff, frameworkBook(t))
	if de, ok := domain.AsError(err); ok {
		t.Fatalf("%v: %+v", err, de.Details)
	}
	must(t, err)
	w.framework = fw.ID
	w.road, err = svc.Patrol.CreateCategory(w.ctx, w.c.City.Staff, patrol.CategoryInput{Name: "主次干道"})
	must(t, err)
	for i, o := range []*testcity.Office{w.c.A, w.c.A, w.c.A, w.c.B, w.c.B} {
		p, err := svc.Patrol.CreatePoint(w.ctx, o.Staff, patrol.PointInput{Code: o.Code + "-" + string(rune('1'+i)), Name: o.Name + "道路",
			CategoryID: w.road.ID, Lat: 35.69, Lng: 105.05, RegionID: &o.Street, UnitID: o.Dept})
		must(t, err)
		if o == w.c.A {
			w.pointsA = append(w.pointsA, p.ID)
		} else {
			w.pointsB = append(w.pointsB, p.ID)
		}
	}
	return w
}

func (w *counties) round(o *testcity.Office, inspectors ...int64) (assessment.RoundDetail, error) {
	return w.svc.Assessment.CreateRound(w.ctx, o.Staff, assessment.RoundInput{Name: o.Name + "第一轮模拟测评", FrameworkID: w.framework,
		StartsOn: "2026-04-01", EndsOn: "2026-04-30", Categories: []assessment.RoundCategory{{CategoryID: w.road.ID, SampleSize: 10}},
		InspectorIDs: inspectors})
}

// A county's round draws its own points only, for its own inspectors;
// the other county's inspector never sees it, nor may its office run it.
func TestJurisdictionRoundDrawsItsCountysPoints(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
		w := newCounties(t, db)
		a, b := w.c.A, w.c.B
		_, err := w.round(a, b.Inspector.UserID)
		wantCode(t, err, domain.CodeInvalid, "inspectorIds")
		r, err := w.round(a, a.Inspector.UserID, a.Staff.UserID)
		must(t, err)
		if r.JurisdictionID != a.Jurisdiction {
			t.Fatalf("A's round is in jurisdiction %d, want %d", r.JurisdictionID, a.Jurisdiction)
		}
		d, err := w.svc.Assessment.Draw(w.ctx, a.Staff, r.ID)
		must(t, err)
		var drawn []int64
		for _, p := range d.Points {
			drawn = append(drawn, p.PointID)
			if p.InspectorID == nil || (*p.InspectorID != a.Inspector.UserID && *p.InspectorID != a.Staff.UserID) {
				t.Errorf("point %d went to %v, not to one of A's people", p.PointID, p.InspectorID)
			}
		}
		if slices.Sort(drawn); !slices.Equal(drawn, w.pointsA) {
			t.Errorf("A's round drew %v, want A's points %v and none of B's %v", drawn, w.pointsA, w.pointsB)
		}
		tasks, err := w.svc.Assessment.Tasks(w.ctx, b.Inspector)
		must(t, err)
		if len(tasks.Rounds) != 0 {
			t.Errorf("B's inspector has tasks %+v in A's round", tasks.Rounds)
		}
		rounds, err := w.svc.Assessment.Rounds(w.ctx, b.Inspector)
		must(t, err)
		if len(rounds) != 0 {
			t.Errorf("B's inspector lists %d rounds, want none of A's", len(rounds))
		}
		cityRounds, err := w.svc.Assessment.Rounds(w.ctx, w.c.City.Staff)
		must(t, err)
		if len(cityRounds) != 1 {
			t.Errorf("the city office lists %d rounds, want A's", len(cityRounds))
		}
		for _, tc := range []struct {
			name string
			do   func() error
			code domain.Code
		}{
			{"B's inspector reads A's round", func() error { _, err := w.svc.Assessment.Round(w.ctx, b.Inspector, r.ID); return err }, domain.CodeNotFound},
			{"B's office reads A's round's score", func() error { _, err := w.svc.Assessment.RoundScore(w.ctx, b.Staff, r.ID); return err }, domain.CodeNotFound},
			{"B's office closes A's round", func() error { _, err := w.svc.Assessment.CloseRound(w.ctx, b.Staff, r.ID); return err }, domain.CodeNotFound},
			{"the city office closes A's round", func() error { _, err := w.svc.Assessment.CloseRound(w.ctx, w.c.City.Staff, r.ID); return err }, domain.CodeForbidden},
		} {
			t.Run(tc.name, func(t *testing.T) {
				wantCode(t, tc.do(), tc.code, "")
			})
		}
	})
}

// A veto recorded by county A makes county A ineligible, never county B;
// B does not even see the event.
func TestJurisdictionVetoStaysInItsCounty(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
		w := newCounties(t, db)
		today := db.Now().In(domain.Beijing).Format(time.DateOnly)
		e, err := w.svc.Assessment.RecordEvent(w.ctx, w.c.A.Staff, assessment.EventInput{FrameworkID: w.framework, Code: "90.1", OccurredOn: today, Note: "会宁县发生重大安全事故"})
		must(t, err)
		if e.JurisdictionID != w.c.A.Jurisdiction {
			t.Fatalf("A's event is in jurisdiction %d, want %d", e.JurisdictionID, w.c.A.Jurisdiction)
		}
		for _, tc := range []struct {
			office   *testcity.Office
			eligible bool
			events   int
		}{{w.c.A, false, 1}, {w.c.B, true, 0}} {
			sc, err := w.svc.Assessment.LiveScore(w.ctx, tc.office.Staff, 30)
			must(t, err)
			if sc.Eligible != tc.eligible {
				t.Errorf("%s's live score eligible %v (%v), want %v", tc.office.Name, sc.Eligible, sc.Reasons, tc.eligible)
			}
			list, err := w.svc.Assessment.NegativeEvents(w.ctx, tc.office.Staff, 0)
			must(t, err)
			if len(list) != tc.events {
				t.Errorf("%s lists %d events, want %d", tc.office.Name, len(list), tc.events)
			}
		}
		// The city office reads each county's own score by its jurisdiction;
		// a county cannot read its neighbour's.
		for _, tc := range []struct {
			office   *testcity.Office
			eligible bool
		}{{w.c.A, false}, {w.c.B, true}} {
			sc, err := w.svc.Assessment.LiveScoreIn(w.ctx, w.c.City.Staff, tc.office.Jurisdiction, 30)
			must(t, err)
			if sc.Eligible != tc.eligible {
				t.Errorf("the city reads %s's score as eligible %v, want %v", tc.office.Name, sc.Eligible, tc.eligible)
			}
		}
		_, err = w.svc.Assessment.LiveScoreIn(w.ctx, w.c.B.Staff, w.c.A.Jurisdiction, 30)
		wantCode(t, err, domain.CodeInvalid, "jurisdictionId")
		wantCode(t, w.svc.Assessment.DeleteEvent(w.ctx, w.c.B.Staff, e.ID), domain.CodeNotFound, "")
		_, err = w.svc.Assessment.RecordEvent(w.ctx, w.c.B.Staff, assessment.EventInput{FrameworkID: w.framework, Code: "90.1", UnitID: &w.c.A.Dept,
			OccurredOn: today, Note: "记到会宁县的单位上"})
		wantCode(t, err, domain.CodeInvalid, "unitId")
	})
}

// frameworkBook is a framework of one standard judged on the spot and a
// negative list whose 90.1 vetoes.
func frameworkBook(t *testing.T) *bytes.Reader {
	t.Helper()
	sheets := map[string][][]any{
		"框架": {{"键", "值"}, {"名称", "全国文明城市测评体系（白银市）"}, {"类型", "主体系"}, {"基本指标总分", 100}, {"特色指标总分", 0}},
		"指标": {{"编码", "层级", "名称", "部分", "分值", "计分方式"},
			{"10", "测评项目", "城乡环境", "基本", "", ""},
			{"10.1", "测评指标", "“洗脸”行动", "", "", ""}, {"10.1.1", "测评内容", "城市公共场所环境卫生", "", 100, ""}},
		"测评标准": {{"标准编码", "测评内容编码", "标准内容", "测评方法", "数据指标", "比较符", "目标值", "目标值2", "计量单位", "牵头单位", "责任单位", "适用点位类别"},
			{"10.1.1.1", "10.1.1", "城市公共场所无积存垃圾、纸屑、烟蒂、污物现象", "实地考察", "", "", "", "", "", "市住建局", "", "主次干道"}},
		"负面清单": {{"编码", "事项", "处理方式", "扣分", "扣分内容编码"}, {"90.1", "发生重大安全生产事故", "一票否决", "", ""}},
	}
	return testbook.Sheets(t, []string{"框架", "指标", "测评标准", "负面清单"}, sheets)
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// wantCode checks that err is a domain error of the code, on the field
// when one is named.
func wantCode(t *testing.T, err error, code domain.Code, field string) {
	t.Helper()
	de, ok := domain.AsError(err)
	if !ok || de.Code != code || (field != "" && de.Field != field) {
		t.Fatalf("want %s on %q, got %v", code, field, err)
	}
}
