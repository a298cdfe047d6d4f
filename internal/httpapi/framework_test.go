package httpapi_test

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"wenming/internal/domain"
	"wenming/internal/store"
	"wenming/internal/store/storetest"
)

// frameworkBook builds a small framework workbook over the fixture's units;
// edit lets a test spoil one sheet.
func frameworkBook(t *testing.T, edit func(sheets map[string][][]any)) []byte {
	t.Helper()
	sheets := map[string][][]any{
		"框架": {{"键", "值"}, {"名称", "测试体系"}, {"类型", "主体系"}, {"基本指标总分", 100}, {"特色指标总分", 20}},
		"指标": {{"编码", "层级", "名称", "部分", "分值", "计分方式"},
			{"1", "测评项目", "生活环境", "基本", 100, ""},
			{"1.1", "测评指标", "公共交通", "", "", ""},
			{"1.1.1", "测评内容", "公交站点", "", 60, "得分率"},
			{"1.1.2", "测评内容", "市容环境", "", 40, "等级"},
			{"2", "测评项目", "特色品牌", "特色", "", ""},
			{"2.1", "测评指标", "志愿品牌", "", "", ""},
			{"2.1.1", "测评内容", "品牌活动", "", 20, ""}},
		"测评标准": {{"标准编码", "测评内容编码", "标准内容", "测评方法", "数据指标", "比较符", "目标值", "目标值2", "计量单位", "牵头单位", "责任单位", "适用点位类别"},
			{"1.1.1.1", "1.1.1", "建成区公交站点覆盖率≥90%", "数据统计、材料审核", "公交站点覆盖率", "≥", 90, "", "%", "甲单位", "乙单位", ""},
			{"1.1.1.2", "1.1.1", "站台整洁，无乱张贴", "实地考察", "", "", "", "", "", "甲单位", "", "公交站点"},
			{"1.1.2.1", "1.1.2", "主次干道无暴露垃圾", "实地考察", "", "", "", "", "", "乙单位", "甲单位", "主次干道、背街小巷"},
			{"2.1.1.1", "2.1.1", "志愿服务品牌项目", "材料审核", "", "", "", "", "", "县文明办", "", ""}},
		"负面清单": {{"编码", "事项", "处理方式", "扣分", "扣分内容编码"},
			{"1", "发生重大安全生产事故", "一票否决", "", ""},
			{"2", "媒体曝光脏乱差问题", "扣分", 2, "1.1.2"}},
	}
	if edit != nil {
		edit(sheets)
	}
	x := excelize.NewFile()
	for i, name := range []string{"框架", "指标", "测评标准", "负面清单"} {
		if i == 0 {
			x.SetSheetName("Sheet1", name)
		} else {
			x.NewSheet(name)
		}
		for r, row := range sheets[name] {
			cell, _ := excelize.CoordinatesToCellName(1, r+1)
			x.SetSheetRow(name, cell, &row)
		}
	}
	var buf bytes.Buffer
	x.Write(&buf)
	return buf.Bytes()
}

func TestFrameworkImportRefusesBadWorkbooks(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
		f := newFixture(t, db)
		c := f.login("county_staff")
		cases := []struct {
			name   string
			edit   func(map[string][][]any)
			sheet  string
			row    int
			column string
			reason string
		}{
			{"weights do not add up", func(s map[string][][]any) { s["指标"][3][4] = 55 }, "指标", 2, "E", "不符"},
			{"basic total wrong", func(s map[string][][]any) { s["指标"][1][4] = ""; s["指标"][3][4] = 50 }, "框架", 4, "B", "基本指标合计 90"},
			{"unknown unit", func(s map[string][][]any) { s["测评标准"][1][9] = "丙单位" }, "测评标准", 2, "J", "丙单位"},
			{"duplicate code", func(s map[string][][]any) { s["测评标准"][2][0] = "1.1.1.1" }, "测评标准", 3, "A", "重复"},
			{"bad comparator", func(s map[string][][]any) { s["测评标准"][1][5] = "≈" }, "测评标准", 2, "F", "比较符"},
			{"unknown method", func(s map[string][][]any) { s["测评标准"][2][3] = "掐指一算" }, "测评标准", 3, "D", "测评方法"},
			{"negative without points", func(s map[string][][]any) { s["负面清单"][2][3] = "" }, "负面清单", 3, "D", "扣分"},
		}
		for _, tc := range cases {
			t.Run(tc.name, func(t *testing.T) {
				res := c.upload("/api/v1/frameworks/import", "体系.xlsx", frameworkBook(t, tc.edit)).want(422)
				found := false
				for _, p := range res.apiError().Error.Details {
					if p.Sheet == tc.sheet && p.Row == tc.row && p.Column == tc.column && strings.Contains(p.Reason, tc.reason) {
						found = true
					}
				}
				if !found {
					t.Fatalf("want a problem at %s row %d column %s about %q; got %s", tc.sheet, tc.row, tc.column, tc.reason, res.body)
				}
			})
		}
		if n, _ := db.Read().Count(t.Context(), "SELECT COUNT(*) FROM frameworks"); n != 0 {
			t.Fatalf("refused imports left %d frameworks", n)
		}
	})
}

func TestFrozenFrameworkRefusesEditsAndCopyMakesADraft(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
		f := newFixture(t, db)
		c := f.login("county_staff")
		var fw domain.Framework
		c.upload("/api/v1/frameworks/import", "体系.xlsx", frameworkBook(t, nil)).want(201).json(&fw)
		if fw.Status != "draft" || fw.Counts.Standards != 4 || fw.Counts.Targets != 1 {
			t.Fatalf("imported %+v", fw)
		}
		// Only the office edits frameworks.
		f.login("a_liaison").do("POST", fmt.Sprintf("/api/v1/frameworks/%d/freeze", fw.ID), nil).want(403)
		c.do("POST", fmt.Sprintf("/api/v1/frameworks/%d/freeze", fw.ID), nil).want(200)

		var tree struct {
			Nodes     []domain.Node     `json:"nodes"`
			Standards []domain.Standard `json:"standards"`
		}
		c.do("GET", fmt.Sprintf("/api/v1/frameworks/%d/tree", fw.ID), nil).want(200).json(&tree)
		res := c.do("PUT", fmt.Sprintf("/api/v1/frameworks/%d/nodes/%d", fw.ID, tree.Nodes[2].ID), map[string]any{"name": "改名", "weight": 60}).want(409)
		if msg := res.apiError().Error.Message; !strings.Contains(msg, "已冻结") || !strings.Contains(msg, "复制为新版本") {
			t.Fatalf("frozen edit message: %q", msg)
		}
		c.do("DELETE", fmt.Sprintf("/api/v1/frameworks/%d", fw.ID), nil).want(409)

		var copy domain.Framework
		c.do("POST", fmt.Sprintf("/api/v1/frameworks/%d/copy", fw.ID), nil).want(201).json(&copy)
		if copy.Status != "draft" || copy.Version != 2 || copy.FamilyID != fw.FamilyID || copy.Counts != fw.Counts {
			t.Fatalf("copy %+v", copy)
		}
		var copyTree struct {
			Nodes []domain.Node `json:"nodes"`
		}
		c.do("GET", fmt.Sprintf("/api/v1/frameworks/%d/tree", copy.ID), nil).want(200).json(&copyTree)
		content := copyTree.Nodes[2] // 1.1.1
		c.do("PUT", fmt.Sprintf("/api/v1/frameworks/%d/nodes/%d", copy.ID, content.ID), map[string]any{"name": "公交站点与站台", "weight": 50}).want(200)
		// The indicator and item now weigh 90: the check says so, and freezing is refused.
		var check struct{ Problems []domain.ImportProblem }
		c.do("GET", fmt.Sprintf("/api/v1/frameworks/%d/check", copy.ID), nil).want(200).json(&check)
		if len(check.Problems) == 0 {
			t.Fatal("check found nothing after the weights stopped adding up")
		}
		c.do("POST", fmt.Sprintf("/api/v1/frameworks/%d/freeze", copy.ID), nil).want(422)

		var cmp struct {
			Equal   bool `json:"equal"`
			Changes []struct {
				Kind, Code, Change string
			} `json:"changes"`
		}
		c.do("GET", fmt.Sprintf("/api/v1/frameworks/compare?a=%d&b=%d", fw.ID, copy.ID), nil).want(200).json(&cmp)
		if cmp.Equal || len(cmp.Changes) != 3 { // 1, 1.1 and 1.1.1 changed
			t.Fatalf("compare: %+v", cmp)
		}
		for _, ch := range cmp.Changes {
			if ch.Kind != "node" || ch.Change != "changed" {
				t.Errorf("unexpected change %+v", ch)
			}
		}
	})
}

func TestTargetReporting(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
		f := newFixture(t, db)
		office := f.login("county_staff")
		var fw domain.Framework
		office.upload("/api/v1/frameworks/import", "体系.xlsx", frameworkBook(t, nil)).want(201).json(&fw)
		type target struct {
			StandardID int64    `json:"standardId"`
			Status     string   `json:"status"`
			Value      *float64 `json:"value"`
			CanReport  bool     `json:"canReport"`
		}
		var list struct {
			Items  []target `json:"items"`
			Period string   `json:"period"`
		}
		path := fmt.Sprintf("/api/v1/targets?frameworkId=%d&period=2026", fw.ID)
		liaison := f.login("a_liaison") // 甲单位: the lead unit
		liaison.do("GET", path, nil).want(200).json(&list)
		if len(list.Items) != 1 || list.Items[0].Status != "not_reported" || !list.Items[0].CanReport {
			t.Fatalf("before: %+v", list)
		}
		sid := list.Items[0].StandardID
		res := liaison.do("POST", fmt.Sprintf("/api/v1/targets/%d/reports", sid), map[string]any{"period": "2026", "value": 86.5, "evidence": "交通局统计年报"}).want(201)
		if !strings.Contains(string(res.body), `"met":false`) {
			t.Fatalf("report: %s", res.body)
		}
		liaison.do("GET", path, nil).want(200).json(&list)
		if list.Items[0].Status != "not_met" || *list.Items[0].Value != 86.5 {
			t.Fatalf("after a value below target: %+v", list.Items[0])
		}
		// A unit that does not own the standard may not report; bad input names the field.
		f.login("a_grid").do("POST", fmt.Sprintf("/api/v1/targets/%d/reports", sid), map[string]any{"period": "2026", "value": 95}).want(403)
		if e := liaison.do("POST", fmt.Sprintf("/api/v1/targets/%d/reports", sid), map[string]any{"period": "2026年", "value": 95}).want(400).apiError(); e.Error.Field != "period" {
			t.Fatalf("bad period: %+v", e)
		}
		if e := liaison.do("POST", fmt.Sprintf("/api/v1/targets/%d/reports", sid), map[string]any{"period": "2026", "value": 95, "unitId": f.unitB}).want(403).apiError(); !hasChinese(e.Error.Message) {
			t.Fatal("reporting for another unit must be refused in Chinese")
		}
		// The lead unit's newer value meets the target.
		liaison.do("POST", fmt.Sprintf("/api/v1/targets/%d/reports", sid), map[string]any{"period": "2026", "value": 92}).want(201)
		office.do("GET", path+"&status=met", nil).want(200).json(&list)
		if len(list.Items) != 1 {
			t.Fatalf("met filter: %+v", list)
		}
		var reports struct{ Items []struct{ Value float64 } }
		office.do("GET", fmt.Sprintf("/api/v1/targets/%d/reports?period=2026", sid), nil).want(200).json(&reports)
		if len(reports.Items) != 2 || reports.Items[0].Value != 92 {
			t.Fatalf("history newest first: %+v", reports)
		}
	})
}

func TestPlanBoardAndFourLists(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
		f := newFixture(t, db) // the fixture clock is 2026-03-02
		office := f.login("county_staff")
		var fw domain.Framework
		office.upload("/api/v1/frameworks/import", "体系.xlsx", frameworkBook(t, nil)).want(201).json(&fw)
		p, err := newPlan(f, fw.ID)
		if err != nil {
			t.Fatal(err)
		}
		task := func(seq int, title, deadline string, lead, resp []int64) int64 {
			var tk struct{ ID int64 }
			office.do("POST", fmt.Sprintf("/api/v1/plans/%d/tasks", p), map[string]any{"seq": seq, "title": title, "content": "任务内容",
				"phase": "deploy", "deadline": deadline, "leadUnitIds": lead, "responsibleUnitIds": resp, "standardCodes": []string{"1.1.1.1"}}).want(201).json(&tk)
			return tk.ID
		}
		later := task(1, "宣传氛围营造", "2026-06-30", []int64{f.unitA}, []int64{f.unitB})
		late := task(2, "背街小巷整治", "2026-02-28", []int64{f.unitA}, nil)
		done := task(3, "材料报送", "2026-02-20", []int64{f.unitB}, nil)

		liaison := f.login("a_liaison")
		liaison.do("POST", fmt.Sprintf("/api/v1/tasks/%d/reports", late), map[string]any{"percent": 40, "text": "正在推进"}).want(201)
		liaison.do("POST", fmt.Sprintf("/api/v1/tasks/%d/reports", done), map[string]any{"percent": 100, "text": "代报"}).want(403)
		f.login("b_member").do("POST", fmt.Sprintf("/api/v1/tasks/%d/reports", done), map[string]any{"percent": 100, "text": "已完成"}).want(201)
		if e := liaison.do("POST", fmt.Sprintf("/api/v1/tasks/%d/reports", later), map[string]any{"percent": 140, "text": "超额"}).want(400).apiError(); e.Error.Field != "percent" {
			t.Fatalf("percent: %+v", e)
		}

		var board struct {
			Items []struct {
				ID          int64
				Overdue     bool
				UnitOverdue *bool
				Progress    int
			}
		}
		liaison.do("GET", fmt.Sprintf("/api/v1/plans/%d/tasks?unitId=%d", p, f.unitA), nil).want(200).json(&board)
		if len(board.Items) != 2 || board.Items[0].ID != late || !*board.Items[0].UnitOverdue || board.Items[1].ID != later {
			t.Fatalf("unit A's board should start with its overdue task: %+v", board.Items)
		}
		office.do("GET", fmt.Sprintf("/api/v1/plans/%d/tasks?overdue=true", p), nil).want(200).json(&board)
		if len(board.Items) != 1 || board.Items[0].ID != late {
			t.Fatalf("overdue filter: %+v", board.Items)
		}

		var lists struct {
			Tasks            []struct{ ID int64 }
			Responsibilities []struct{ Code, Role string }
			Supervision      []struct {
				ID          int64
				DaysOverdue int
			}
		}
		liaison.do("GET", "/api/v1/me/lists", nil).want(200).json(&lists)
		if len(lists.Tasks) != 2 || len(lists.Supervision) != 1 || lists.Supervision[0].ID != late || lists.Supervision[0].DaysOverdue != 2 {
			t.Fatalf("unit A's lists: %+v", lists)
		}
		if len(lists.Responsibilities) != 3 {
			t.Fatalf("unit A's responsibilities: %+v", lists.Responsibilities)
		}
		// A unit sees only its own lists.
		liaison.do("GET", fmt.Sprintf("/api/v1/units/%d/lists", f.unitB), nil).want(403)
		office.do("GET", fmt.Sprintf("/api/v1/units/%d/lists", f.unitB), nil).want(200)
	})
}

// newPlan opens a plan on a framework as the office would.
func newPlan(f *fixture, frameworkID int64) (int64, error) {
	p, err := f.plans.CreatePlan(f.t.Context(), domain.System("测试", domain.RoleOfficeLeader), 2026, "2026 年度方案", &frameworkID)
	return p.ID, err
}
