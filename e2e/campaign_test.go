package e2e

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// clickRowButton clicks a button in the table row that contains text. An
// Element Plus table with a fixed column draws that column as a second
// table, so the button is looked up in the row with the same index in any
// of the table's bodies. It waits for the rows to load.
func (b *browser) clickRowButton(table, rowText, button string) {
	b.t.Helper()
	js := fmt.Sprintf(`(() => {
		const t = document.querySelector('[data-test=%q]');
		if (!t) return false;
		const bodies = [...t.querySelectorAll('tbody')];
		for (const body of bodies) {
			const i = [...body.children].findIndex(r => r.textContent.includes(%q));
			if (i < 0) continue;
			for (const other of bodies) {
				const btn = other.children[i] && other.children[i].querySelector('[data-test=%q]');
				if (btn && btn.getClientRects().length) { btn.click(); return true; }
			}
		}
		return false;
	})()`, table, rowText, button)
	for i := 0; ; i++ {
		ok, err := chromedp.Run(b.ctx, chromedp.Evaluate[bool](js))
		if err != nil {
			b.t.Fatalf("browser: %v", err)
		}
		if ok {
			return
		}
		if i > 150 {
			b.screenshot("row-button")
			b.t.Fatalf("no %s button in a %s row containing %q", button, table, rowText)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// clickContaining clicks the last visible element matching css whose text
// contains every part, waiting for it to appear.
func (b *browser) clickContaining(css string, parts ...string) {
	b.t.Helper()
	quoted := make([]string, len(parts))
	for i, p := range parts {
		quoted[i] = fmt.Sprintf("%q", p)
	}
	js := fmt.Sprintf(`(() => {
		const parts = [%s];
		const els = [...document.querySelectorAll(%q)].filter(e => e.getClientRects().length > 0 && parts.every(p => e.textContent.includes(p)));
		if (!els.length) return false;
		els[els.length - 1].click();
		return true;
	})()`, strings.Join(quoted, ","), css)
	for i := 0; ; i++ {
		ok, err := chromedp.Run(b.ctx, chromedp.Evaluate[bool](js))
		if err != nil {
			b.t.Fatalf("browser: %v", err)
		}
		if ok {
			return
		}
		if i > 150 {
			b.screenshot("missing")
			b.t.Fatalf("no visible %s containing %q", css, parts)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// TestCampaignFrameworkTargetsAndPlan is the framework issue's story: the
// office finds 公交站点覆盖率 in the framework with its target and units; a
// liaison of a responsible unit reports a value below target, with its
// evidence file, and the standard shows 未达标; the liaison's plan board
// puts the unit's overdue task first.
func TestCampaignFrameworkTargetsAndPlan(t *testing.T) {
	chromiumPath(t)
	base, _ := start(t, map[string]string{"WENMING_DEMO_PASSWORD": demoPassword}, "demo", "-listen", "127.0.0.1:0", "-data", t.TempDir())
	requireConsole(t, base)
	b := newBrowser(t, base, 1366, 900)

	b.login("cb_staff", demoPassword)
	b.bodyText("李娜")
	b.click("menu-framework")
	b.clickRowButton("framework-table", "全国文明城市测评体系（会宁县", "row-view")
	b.typeInto("tree-search", "公交站点覆盖率")
	b.clickContaining(`[data-test=framework-tree] .el-tree-node__content`, "10.3.1.3", "公交站点覆盖率")
	b.waitText("standard-target", "公交站点覆盖率", "≥", "90")
	b.waitText("standard-detail", "县交通运输局", "县住建局")
	b.screenshot("framework-standard")
	b.logout()

	b.login("zjj_liaison", demoPassword)
	b.bodyText("陈晓")
	b.click("menu-targets")
	b.typeInto("search-q", "公交站点覆盖率")
	b.click("search-submit")
	b.waitText("targets-table", "10.3.1.3")
	b.clickRowButton("targets-table", "10.3.1.3", "row-report")
	b.typeInto("report-value", "85")
	b.typeInto("report-evidence", "2021 年公交站点普查")
	evidence := filepath.Join(t.TempDir(), "普查报告.pdf")
	os.WriteFile(evidence, []byte("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"), 0o644)
	b.run(chromedp.SetUploadFiles(chromedp.CSS(`input[type=file][data-test=evidence-file]`), []string{evidence}))
	b.waitText("evidence-list", "普查报告.pdf")
	b.screenshot("target-report")
	b.click("report-save")
	b.waitText("targets-table", "10.3.1.3", "未达标", "县住建局")
	b.screenshot("target-not-met")

	b.click("menu-plan")
	b.pick(`[data-test="task-card"]`, "")
	first := b.text(`[data-test="task-card"]`)
	if !strings.Contains(first, "超期") {
		b.screenshot("plan-board")
		t.Fatalf("the liaison's board should start with its overdue task; the first card is %q", first)
	}
	b.screenshot("plan-board")

	api := newClient(t, base)
	api.login("zjj_liaison", demoPassword)
	var lists struct {
		Supervision []struct{ Title string }
	}
	api.call("GET", "/api/v1/me/lists", nil, &lists)
	if len(lists.Supervision) == 0 || !strings.Contains(first, lists.Supervision[0].Title) {
		t.Fatalf("first card %q is not the unit's supervised task %+v", first, lists.Supervision)
	}
}
