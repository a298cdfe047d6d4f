package framework_test

import (
	"bytes"
	"slices"
	"strings"
	"testing"

	"wenming/internal/domain"
	"wenming/internal/framework"
	"wenming/internal/store"
	"wenming/internal/store/storetest"
)

// An imported workbook becomes a draft holding every row, the weights of
// items and indicators summed from their contents; the same name again is
// the next version of that framework; and what Export writes imports back
// unchanged.
func TestImportMakesADraftVersion(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
		w := newWorld(t, db)
		f := w.imported()
		want := domain.FrameworkCounts{Items: 2, Indicators: 3, Contents: 3, Standards: 4, Targets: 1, Negatives: 2}
		if f.Status != "draft" || f.Version != 1 || f.Kind != "main" || f.Name != "全国文明城市测评体系（会宁县）" || f.Counts != want {
			t.Fatalf("imported %+v", f)
		}
		tr := w.tree(f.ID)
		for code, weight := range map[string]float64{"10": 100, "10.1": 60, "10.3": 40, "10.3.3": 40, "12": 20} {
			if n := nodeOf(t, tr, code); n.Weight != weight {
				t.Errorf("%s %s weighs %g, want %g", code, n.Name, n.Weight, weight)
			}
		}
		if n := nodeOf(t, tr, "12.2.1"); n.Part != "special" || n.ScoreMode != "grade" || n.Level != 3 {
			t.Errorf("12.2.1: %+v", n)
		}
		toilets := standardOf(t, tr, "10.3.3.1")
		if toilets.Comparator != ">=" || toilets.Threshold == nil || *toilets.Threshold != 4 || toilets.MeasureUnit != "座/平方公里" ||
			!slices.Equal(toilets.Methods, []string{"statistic"}) ||
			len(toilets.LeadUnits) != 1 || toilets.LeadUnits[0].Name != "县住建局" ||
			len(toilets.ResponsibleUnits) != 1 || toilets.ResponsibleUnits[0].Name != "县市场监管局" {
			t.Errorf("10.3.3.1: %+v", toilets)
		}
		if litter := standardOf(t, tr, "10.1.1.1"); !slices.Equal(litter.Categories, []string{"主次干道", "背街小巷"}) {
			t.Errorf("10.1.1.1 categories %v", litter.Categories)
		}

		again, err := w.fw.Import(w.ctx, w.as("staff"), book(t, nil))
		w.must(err)
		if again.Version != 2 || again.FamilyID != f.FamilyID || again.ID == f.ID {
			t.Fatalf("second import of the same framework: %+v, first %+v", again, f)
		}

		var out bytes.Buffer
		w.must(w.fw.Export(w.ctx, w.as("staff"), f.ID, &out))
		back, err := w.fw.Import(w.ctx, w.as("staff"), bytes.NewReader(out.Bytes()))
		w.must(err)
		cmp, err := w.fw.Compare(w.ctx, w.as("staff"), f.ID, back.ID)
		w.must(err)
		if back.Version != 3 || !cmp.Equal {
			t.Fatalf("the exported workbook imported as v%d with changes %+v", back.Version, cmp.Changes)
		}
		if n, _ := db.Read().Count(w.ctx, `SELECT COUNT(*) FROM audit_log WHERE action = 'import' AND entity = 'framework'`); n != 3 {
			t.Errorf("%d import entries in the audit log, want 3", n)
		}
	})
}

// A workbook with any bad cell imports nothing, and says where each
// problem is, in Chinese; only the office imports.
func TestImportRefusesBadWorkbooks(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
		w := newWorld(t, db)
		for _, tc := range []struct {
			name               string
			edit               func(map[string][][]any)
			sheet              string
			row                int
			column, reasonPart string
		}{
			{"content without points", func(s map[string][][]any) { s["指标"][3][4] = "" }, "指标", 4, "E", "须填写大于 0 的分值"},
			{"item's stated points disagree", func(s map[string][][]any) { s["指标"][3][4] = 50 }, "指标", 2, "E", "与下级合计 90 不符"},
			{"basic total wrong", func(s map[string][][]any) { s["指标"][1][4] = ""; s["指标"][3][4] = 50 }, "框架", 4, "B", "基本指标合计 90 分，应为 100 分"},
			{"unknown kind", func(s map[string][][]any) { s["框架"][2][1] = "省级" }, "框架", 3, "B", "类型应为"},
			{"unknown unit", func(s map[string][][]any) { s["测评标准"][1][9] = "县交通局" }, "测评标准", 2, "J", "县交通局"},
			{"no lead unit", func(s map[string][][]any) { s["测评标准"][2][9] = "" }, "测评标准", 3, "J", "牵头单位不能为空"},
			{"unknown method", func(s map[string][][]any) { s["测评标准"][2][3] = "掐指一算" }, "测评标准", 3, "D", "掐指一算"},
			{"target without metric", func(s map[string][][]any) { s["测评标准"][3][4] = "" }, "测评标准", 4, "E", "数据指标名称"},
			{"standard under no content", func(s map[string][][]any) { s["测评标准"][1][0], s["测评标准"][1][1] = "10.2.1.1", "10.2.1" }, "测评标准", 2, "B", "不存在"},
			{"duplicate code", func(s map[string][][]any) { s["测评标准"][2][0] = "10.1.1.1" }, "测评标准", 3, "A", "与第 2 行重复"},
			{"deduction without points", func(s map[string][][]any) { s["负面清单"][2][3] = "" }, "负面清单", 3, "D", "扣分"},
			{"deduction from an indicator", func(s map[string][][]any) { s["负面清单"][2][4] = "10.1" }, "负面清单", 3, "E", "不是本体系的测评内容"},
			{"standards sheet missing", func(s map[string][][]any) { s["测评标准"] = nil }, "测评标准", 0, "", "缺少工作表"},
		} {
			t.Run(tc.name, func(t *testing.T) {
				_, err := w.fw.Import(w.ctx, w.as("staff"), book(t, tc.edit))
				wantCode(t, err, domain.CodeImportInvalid, "")
				de, _ := domain.AsError(err)
				i := slices.IndexFunc(de.Details, func(p domain.ImportProblem) bool {
					return p.Sheet == tc.sheet && p.Row == tc.row && p.Column == tc.column && strings.Contains(p.Reason, tc.reasonPart)
				})
				if i < 0 {
					t.Fatalf("want a problem at %s row %d column %q about %q; got %+v", tc.sheet, tc.row, tc.column, tc.reasonPart, de.Details)
				}
			})
		}
		_, err := w.fw.Import(w.ctx, w.as("staff"), strings.NewReader("序号,名称\n1,生活环境\n"))
		wantCode(t, err, domain.CodeInvalid, "file")
		_, err = w.fw.Import(w.ctx, w.as("a_liaison"), book(t, nil))
		wantCode(t, err, domain.CodeForbidden, "")
		if list, err := w.fw.List(w.ctx, w.as("staff")); err != nil || len(list) != 0 {
			t.Fatalf("refused imports left %d frameworks (%v)", len(list), err)
		}
	})
}

// A draft is edited node by node; each bad input is refused naming its
// field and changes nothing; an item weighs what its contents weigh, and
// a version that does not add up is not frozen.
func TestDraftEditsAndFreeze(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
		w := newWorld(t, db)
		f := w.imported()
		tr := w.tree(f.ID)
		staff, fid := w.as("staff"), f.ID
		item, indicator, content := nodeOf(t, tr, "10"), nodeOf(t, tr, "10.3"), nodeOf(t, tr, "10.3.3")
		std := func(in framework.StandardInput) error {
			_, err := w.fw.CreateStandard(w.ctx, staff, fid, in)
			return err
		}
		node := func(in framework.NodeInput) error { _, err := w.fw.CreateNode(w.ctx, staff, fid, in); return err }
		neg := func(in framework.NegativeInput) error {
			_, err := w.fw.CreateNegative(w.ctx, staff, fid, in)
			return err
		}
		toilets := framework.StandardInput{ContentID: content.ID, Code: "10.3.3.2", Text: "城乡公厕规范设置无障碍卫生间，干净无异味",
			Methods: []string{"field"}, LeadUnitIDs: []int64{w.unitA}, Categories: []string{"公共厕所"}}
		with := func(edit func(*framework.StandardInput)) framework.StandardInput { in := toilets; edit(&in); return in }
		for _, tc := range []struct {
			name  string
			err   error
			code  domain.Code
			field string
		}{
			{"node without name", node(framework.NodeInput{ParentID: &indicator.ID, Code: "10.3.4", Weight: 5}), domain.CodeInvalid, "name"},
			{"node code not under its parent", node(framework.NodeInput{ParentID: &indicator.ID, Code: "10.4.1", Name: "路网结构", Weight: 5}), domain.CodeInvalid, "code"},
			{"node below a content", node(framework.NodeInput{ParentID: &content.ID, Code: "10.3.3.9", Name: "母婴室", Weight: 5}), domain.CodeInvalid, "parentId"},
			{"unknown parent", node(framework.NodeInput{ParentID: ptr(int64(999999)), Code: "10.3.4", Name: "路网结构", Weight: 5}), domain.CodeInvalid, "parentId"},
			{"item code of two parts", node(framework.NodeInput{Code: "11.1", Name: "社会环境", Part: "basic"}), domain.CodeInvalid, "code"},
			{"item of no part", node(framework.NodeInput{Code: "11", Name: "社会环境", Part: "bonus"}), domain.CodeInvalid, "part"},
			{"content without points", node(framework.NodeInput{ParentID: &indicator.ID, Code: "10.3.4", Name: "路网结构"}), domain.CodeInvalid, "weight"},
			{"unknown score mode", node(framework.NodeInput{ParentID: &indicator.ID, Code: "10.3.4", Name: "路网结构", Weight: 5, ScoreMode: "star"}), domain.CodeInvalid, "scoreMode"},
			{"node code taken", node(framework.NodeInput{ParentID: &item.ID, Code: "10.3", Name: "“强基”行动"}), domain.CodeConflict, "code"},
			{"standard under an indicator", std(with(func(in *framework.StandardInput) { in.ContentID = indicator.ID; in.Code = "10.3.1" })), domain.CodeInvalid, "contentId"},
			{"standard code not under its content", std(with(func(in *framework.StandardInput) { in.Code = "10.1.1.9" })), domain.CodeInvalid, "code"},
			{"standard without method", std(with(func(in *framework.StandardInput) { in.Methods = nil })), domain.CodeInvalid, "methods"},
			{"standard without lead unit", std(with(func(in *framework.StandardInput) { in.LeadUnitIDs = nil })), domain.CodeInvalid, "leadUnitIds"},
			{"standard with an unknown unit", std(with(func(in *framework.StandardInput) { in.ResponsibleUnitIDs = []int64{999999} })), domain.CodeInvalid, "responsibleUnitIds"},
			{"range without upper bound", std(with(func(in *framework.StandardInput) {
				in.Metric, in.Comparator, in.Threshold = "公厕保洁合格率", "between", ptr(90.0)
			})), domain.CodeInvalid, "threshold2"},
			{"standard code taken", std(with(func(in *framework.StandardInput) { in.Code = "10.3.3.1" })), domain.CodeConflict, "code"},
			{"deduction without points", neg(framework.NegativeInput{Code: "3", Text: "公厕脏乱被曝光", Effect: "deduct"}), domain.CodeInvalid, "points"},
			{"unknown effect", neg(framework.NegativeInput{Code: "3", Text: "公厕脏乱被曝光", Effect: "warn"}), domain.CodeInvalid, "effect"},
			{"deduction from an indicator", neg(framework.NegativeInput{Code: "3", Text: "公厕脏乱被曝光", Effect: "deduct", Points: ptr(1.0), ContentCode: "10.3"}), domain.CodeInvalid, "contentCode"},
			{"negative code taken", neg(framework.NegativeInput{Code: "1", Text: "公厕脏乱被曝光", Effect: "veto"}), domain.CodeConflict, "code"},
			{"header weight of a whole", func() error {
				_, err := w.fw.UpdateHeader(w.ctx, staff, fid, framework.Header{Name: f.Name, BasicTotal: 100, SpecialTotal: 20, Weight: ptr(1.5)})
				return err
			}(), domain.CodeInvalid, "weight"},
			{"header without basic total", func() error {
				_, err := w.fw.UpdateHeader(w.ctx, staff, fid, framework.Header{Name: f.Name, SpecialTotal: 20})
				return err
			}(), domain.CodeInvalid, "basicTotal"},
			{"minors link to a main framework", func() error {
				_, err := w.fw.UpdateHeader(w.ctx, staff, fid, framework.Header{Name: f.Name, BasicTotal: 100, SpecialTotal: 20, MinorsID: &fid})
				return err
			}(), domain.CodeInvalid, "minorsId"},
			{"a unit's liaison edits", func() error {
				_, err := w.fw.CreateNode(w.ctx, w.as("a_liaison"), fid, framework.NodeInput{ParentID: &indicator.ID, Code: "10.3.4", Name: "路网结构", Weight: 5})
				return err
			}(), domain.CodeForbidden, ""},
		} {
			t.Run(tc.name, func(t *testing.T) { wantCode(t, tc.err, tc.code, tc.field) })
		}
		if got, err := w.fw.Get(w.ctx, staff, fid); err != nil || got.Counts != f.Counts || got.Name != f.Name {
			t.Fatalf("refused edits changed the draft: %+v (%v)", got, err)
		}

		// A new content makes the item weigh 105: the check says so and
		// freezing is refused with every problem listed.
		added, err := w.fw.CreateNode(w.ctx, staff, fid, framework.NodeInput{ParentID: &indicator.ID, Code: "10.3.4", Name: "背街小巷与城乡结合部改造", Weight: 5})
		w.must(err)
		if added.Level != 3 || added.Part != "basic" || added.ScoreMode != "rate" {
			t.Fatalf("added content %+v", added)
		}
		if n := nodeOf(t, w.tree(fid), "10"); n.Weight != 105 {
			t.Fatalf("item 10 weighs %g after adding 5 points, want 105", n.Weight)
		}
		problems, err := w.fw.Check(w.ctx, staff, fid)
		w.must(err)
		if len(problems) != 2 || !strings.Contains(problems[0].Reason+problems[1].Reason, "下没有测评标准") ||
			!strings.Contains(problems[0].Reason+problems[1].Reason, "基本指标合计 105 分，应为 100 分") {
			t.Fatalf("check: %+v", problems)
		}
		_, err = w.fw.Freeze(w.ctx, staff, fid)
		wantCode(t, err, domain.CodeImportInvalid, "")
		if de, _ := domain.AsError(err); len(de.Details) != 2 || !strings.Contains(de.Message, "未冻结") {
			t.Fatalf("freeze refusal: %+v", de)
		}

		// Taking 5 points from another content and giving the new one a
		// standard makes it add up; then it freezes.
		litter := nodeOf(t, w.tree(fid), "10.1.1")
		if _, err := w.fw.UpdateNode(w.ctx, staff, fid, litter.ID, framework.NodeInput{Name: litter.Name, Weight: 55}); err != nil {
			t.Fatal(err)
		}
		if _, err := w.fw.CreateStandard(w.ctx, staff, fid, framework.StandardInput{ContentID: added.ID, Code: "10.3.4.1",
			Text: "背街小巷路面平整，无私搭乱建", Methods: []string{"field"}, LeadUnitIDs: []int64{w.unitA}, ResponsibleUnitIDs: []int64{w.subA}}); err != nil {
			t.Fatal(err)
		}
		frozen, err := w.fw.Freeze(w.ctx, staff, fid)
		w.must(err)
		if frozen.Status != "frozen" || frozen.FrozenAt == nil || frozen.Counts.Contents != 4 || frozen.Counts.Standards != 5 {
			t.Fatalf("frozen %+v", frozen)
		}
	})
}

// A frozen version refuses every change, saying to copy it; its copy is
// the next version, equal to it until edited, and the comparison names
// exactly what the edits changed while the frozen one stays as it was.
func TestFrozenVersionCopyAndCompare(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
		w := newWorld(t, db)
		staff := w.as("staff")
		f := w.imported()
		tr := w.tree(f.ID)
		if _, err := w.fw.Freeze(w.ctx, staff, f.ID); err != nil {
			t.Fatal(err)
		}
		content, toilets, neg := nodeOf(t, tr, "10.3.3"), standardOf(t, tr, "10.3.3.1"), tr.Negatives[1]
		id := f.ID
		for name, err := range map[string]error{
			"header": func() error {
				_, err := w.fw.UpdateHeader(w.ctx, staff, id, framework.Header{Name: "改名", BasicTotal: 100, SpecialTotal: 20})
				return err
			}(),
			"create node": func() error {
				_, err := w.fw.CreateNode(w.ctx, staff, id, framework.NodeInput{ParentID: content.ParentID, Code: "10.3.4", Name: "路网结构", Weight: 5})
				return err
			}(),
			"update node": func() error {
				_, err := w.fw.UpdateNode(w.ctx, staff, id, content.ID, framework.NodeInput{Name: "公厕", Weight: 40})
				return err
			}(),
			"delete node": w.fw.DeleteNode(w.ctx, staff, id, content.ID),
			"update standard": func() error {
				_, err := w.fw.UpdateStandard(w.ctx, staff, id, toilets.ID, framework.StandardInput{Text: toilets.Text, Methods: toilets.Methods, LeadUnitIDs: []int64{w.unitA}})
				return err
			}(),
			"delete standard": w.fw.DeleteStandard(w.ctx, staff, id, toilets.ID),
			"create negative": func() error {
				_, err := w.fw.CreateNegative(w.ctx, staff, id, framework.NegativeInput{Code: "3", Text: "公厕脏乱被曝光", Effect: "veto"})
				return err
			}(),
			"delete negative": w.fw.DeleteNegative(w.ctx, staff, id, neg.ID),
			"delete version":  w.fw.Delete(w.ctx, staff, id),
			"freeze again": func() error {
				_, err := w.fw.Freeze(w.ctx, staff, id)
				return err
			}(),
		} {
			t.Run(name, func(t *testing.T) {
				wantCode(t, err, domain.CodeConflict, "")
				if !strings.Contains(err.Error(), "已冻结") || !strings.Contains(err.Error(), "复制为新版本") {
					t.Fatalf("message %v does not say to copy", err)
				}
			})
		}

		_, err := w.fw.Copy(w.ctx, w.as("a_liaison"), id)
		wantCode(t, err, domain.CodeForbidden, "")
		cp, err := w.fw.Copy(w.ctx, staff, id)
		w.must(err)
		if cp.Status != "draft" || cp.Version != 2 || cp.FamilyID != f.FamilyID || cp.CopiedFrom == nil || *cp.CopiedFrom != id || cp.Counts != f.Counts {
			t.Fatalf("copy %+v", cp)
		}
		if cmp, err := w.fw.Compare(w.ctx, staff, id, cp.ID); err != nil || !cmp.Equal || len(cmp.Changes) != 0 {
			t.Fatalf("a fresh copy differs: %+v (%v)", cmp, err)
		}

		ct := w.tree(cp.ID)
		litter := nodeOf(t, ct, "10.1.1")
		_, err = w.fw.UpdateNode(w.ctx, staff, cp.ID, litter.ID, framework.NodeInput{Name: "城市公共场所与背街小巷环境卫生", Weight: litter.Weight})
		w.must(err)
		ctoilets := standardOf(t, ct, "10.3.3.1")
		_, err = w.fw.UpdateStandard(w.ctx, staff, cp.ID, ctoilets.ID, framework.StandardInput{Text: ctoilets.Text, Methods: ctoilets.Methods,
			Metric: ctoilets.Metric, Comparator: ">=", Threshold: ptr(5.0), MeasureUnit: ctoilets.MeasureUnit, LeadUnitIDs: []int64{w.unitA}, ResponsibleUnitIDs: []int64{w.unitB}})
		w.must(err)
		w.must(w.fw.DeleteNegative(w.ctx, staff, cp.ID, ct.Negatives[1].ID))
		_, err = w.fw.CreateNegative(w.ctx, staff, cp.ID, framework.NegativeInput{Code: "3", Text: "在测评工作中弄虚作假", Effect: "veto"})
		w.must(err)

		cmp, err := w.fw.Compare(w.ctx, staff, id, cp.ID)
		w.must(err)
		type change struct{ kind, code, change, fields string }
		var got []change
		for _, c := range cmp.Changes {
			var fields []string
			for _, fc := range c.Fields {
				fields = append(fields, fc.Field+":"+fc.Before+"→"+fc.After)
			}
			got = append(got, change{c.Kind, c.Code, c.Change, strings.Join(fields, ";")})
		}
		want := []change{
			{"node", "10.1.1", "changed", "名称:城市公共场所环境卫生→城市公共场所与背街小巷环境卫生"},
			{"standard", "10.3.3.1", "changed", "目标:建成区公共卫生间设置密度 ≥ 4 座/平方公里→建成区公共卫生间设置密度 ≥ 5 座/平方公里"},
			{"negative", "2", "removed", ""},
			{"negative", "3", "added", ""},
		}
		if cmp.Equal || !slices.Equal(got, want) {
			t.Fatalf("changes\n got %+v\nwant %+v", got, want)
		}
		if st := standardOf(t, w.tree(id), "10.3.3.1"); *st.Threshold != 4 {
			t.Fatalf("editing the copy changed the frozen version: %+v", st)
		}
	})
}

// Only a draft nothing refers to may be deleted: not one copied from, nor
// one a year's plan is built on.
func TestDeleteDraft(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
		w := newWorld(t, db)
		staff := w.as("staff")
		source := w.imported()
		cp, err := w.fw.Copy(w.ctx, staff, source.ID)
		w.must(err)
		wantCode(t, w.fw.Delete(w.ctx, staff, source.ID), domain.CodeConflict, "")
		if _, err := w.svc.Plan.CreatePlan(w.ctx, staff, 2026, "会宁县 2026 年度文明城市创建工作实施方案", &cp.ID); err != nil {
			t.Fatal(err)
		}
		wantCode(t, w.fw.Delete(w.ctx, staff, cp.ID), domain.CodeConflict, "")
		wantCode(t, w.fw.Delete(w.ctx, w.as("a_liaison"), source.ID), domain.CodeForbidden, "")

		loose, err := w.fw.Import(w.ctx, staff, book(t, func(s map[string][][]any) {
			s["框架"][1][1] = "未成年人思想道德建设测评体系（草稿）"
		}))
		w.must(err)
		w.must(w.fw.Delete(w.ctx, staff, loose.ID))
		_, err = w.fw.Get(w.ctx, staff, loose.ID)
		wantCode(t, err, domain.CodeNotFound, "")
		if n, _ := db.Read().Count(w.ctx, `SELECT COUNT(*) FROM standards WHERE framework_id = ?`, loose.ID); n != 0 {
			t.Fatalf("the deleted draft left %d standards", n)
		}
	})
}
