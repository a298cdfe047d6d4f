package assessment

import (
	"bytes"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/xuri/excelize/v2"

	"wenming/internal/domain"
	"wenming/internal/score"
)

// TestRoundWorkbook: a round's result downloads as one sheet per table,
// each under its header, with scores as numbers, rates as percentages
// and each observation's time as a date in Beijing time.
func TestRoundWorkbook(t *testing.T) {
	rate, lost := 0.8, 1.5
	sc := Score{From: "2026-10-01", To: "2026-10-31", Units: []UnitLoss{{UnitName: "县住建局", PointsLost: 1.5, Fail: 3}}}
	sc.Total, sc.Basic, sc.Eligible = 86.5, 80, true
	sc.Standards = []score.StandardScore{{Code: "1.1.1.1", Text: "主次干道整洁", Rate: &rate, PointsLost: &lost, Field: &score.FieldCount{Pass: 8, Fail: 2}}}
	obs := [][]any{{"时间", "点位", "结果"}, {time.Date(2026, 10, 12, 9, 30, 0, 0, domain.Beijing), "东关农贸市场", "不合格"}}
	var b bytes.Buffer
	if err := writeRound(&b, sc, obs); err != nil {
		t.Fatal(err)
	}
	book, err := excelize.OpenReader(&b)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"总分", "指标得分", "测评标准", "短板", "单位失分", "区域失分", "观测记录"}, book.GetSheetList()); diff != "" {
		t.Errorf("sheets (-want +got):\n%s", diff)
	}
	got := map[string][][]string{}
	for _, name := range []string{"测评标准", "单位失分", "观测记录"} {
		got[name], _ = book.GetRows(name)
	}
	want := map[string][][]string{
		"测评标准": {{"编码", "标准内容", "得分率", "失分", "合格", "不合格", "不适用", "上轮得分率"}, {"1.1.1.1", "主次干道整洁", "80.0%", "1.5", "8", "2", "0", "—"}},
		"单位失分": {{"单位", "失分", "不合格次数"}, {"县住建局", "1.5", "3"}},
		"观测记录": {{"时间", "点位", "结果"}, {"2026-10-12 09:30", "东关农贸市场", "不合格"}},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("rows (-want +got):\n%s", diff)
	}
	for sheet, cells := range map[string][]string{"总分": {"B2", "B3"}, "测评标准": {"C2", "D2"}, "观测记录": {"A2"}} {
		for _, cell := range cells {
			if typ, _ := book.GetCellType(sheet, cell); typ != excelize.CellTypeUnset && typ != excelize.CellTypeNumber {
				t.Errorf("%s!%s is stored as %v, not a number", sheet, cell, typ)
			}
		}
	}
	if panes, _ := book.GetPanes("观测记录"); !panes.Freeze {
		t.Error("the observations' header does not stay in view")
	}
}
