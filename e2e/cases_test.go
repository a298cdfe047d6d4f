package e2e

import (
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestCaseWholeLoop is the cases issue's story in the browser: a resident
// on a phone snaps a problem with a photo; the office registers and
// dispatches it; the unit's liaison accepts it and reports back with an
// after-photo; the inspector rejects the fix (rework); the unit fixes it
// again; the inspector passes it; the resident rates it. Every step is on
// the timeline and in the audit log.
func TestCaseWholeLoop(t *testing.T) {
	chromiumPath(t)
	base, _ := start(t, map[string]string{"WENMING_DEMO_PASSWORD": demoPassword}, "demo", "-listen", "127.0.0.1:0", "-data", t.TempDir())
	requireConsole(t, base)
	dir := t.TempDir()
	photo := filepath.Join(dir, "现场.png")
	os.WriteFile(photo, pngFile(t), 0o644)

	// The resident, on a phone, without an account.
	phone := newBrowser(t, base, 390, 844)
	phone.run(chromedp.Navigate(base + "/snap"))
	phone.openSelect(`[data-test=snap-category]`)
	phone.clickText(`.el-select-dropdown__item`, "乱扔垃圾（会宁县）")
	phone.run(chromedp.SetUploadFiles(chromedp.CSS(`input[type=file][data-test=snap-photo]`), []string{photo}))
	phone.typeInto("snap-description", "人民广场东侧垃圾堆积，无人清理")
	phone.typeInto("snap-address", "会师镇人民广场东侧")
	phone.screenshot("snap-form")
	phone.click("snap-submit")
	done := phone.waitText("snap-done", "")
	code := regexp.MustCompile(`\d{19}`).FindString(done)
	if code == "" {
		t.Fatalf("no case code in the receipt: %q", done)
	}
	follow, err := chromedp.Run(phone.ctx, chromedp.Evaluate[string](`document.querySelector('[data-test=snap-follow-link]').getAttribute('href')`))
	if err != nil || !strings.HasPrefix(follow, "/snap/c/") {
		t.Fatalf("follow link %q: %v", follow, err)
	}
	phone.screenshot("snap-done")

	office := newClient(t, base)
	office.login("cb_staff", demoPassword)
	var page struct{ Items []struct{ ID int64 } }
	office.call("GET", "/api/v1/cases?q="+code, nil, &page)
	if len(page.Items) != 1 {
		t.Fatalf("the office does not find case %s: %+v", code, page)
	}
	casePage := fmt.Sprintf("%s/cases/%d", base, page.Items[0].ID)

	desk := newBrowser(t, base, 1440, 900)
	act := func(action string, fill func()) {
		t.Helper()
		desk.click("action-" + action)
		desk.pick(`[data-test=case-action-dialog]`, "")
		if fill != nil {
			fill()
		}
		desk.click("dialog-save")
	}
	afterPhoto := func(note string) func() {
		return func() {
			desk.typeInto("field-note", note)
			desk.run(chromedp.SetUploadFiles(chromedp.CSS(`input[type=file][data-test=photo-file]`), []string{photo}))
			desk.pick(`[data-test=photo-list] img, [data-test=photo-list] .el-image`, "")
		}
	}

	desk.login("cb_staff", demoPassword)
	desk.bodyText("李娜")
	desk.run(chromedp.Navigate(casePage))
	desk.waitText("case-state", "待立案")
	act("register", nil)
	desk.waitText("case-state", "待派遣")
	act("dispatch", nil) // no unit chosen: the rules send 乱扔垃圾 to 县住建局
	desk.waitText("case-state", "待签收")
	desk.bodyText("县住建局")
	desk.logout()

	desk.login("zjj_liaison", demoPassword)
	desk.bodyText("陈晓")
	desk.run(chromedp.Navigate(base + "/cases/inbox"))
	desk.typeInto("search-q", code)
	desk.click("search-submit")
	desk.waitText("cases-table", code)
	desk.clickInRow(code, "row-view")
	desk.waitText("case-state", "待签收")
	act("accept", nil)
	desk.waitText("case-state", "处置中")
	act("report", afterPhoto("已清运"))
	desk.waitText("case-state", "待核查")
	desk.logout()

	desk.login("inspector", demoPassword)
	desk.bodyText("周敏")
	desk.run(chromedp.Navigate(casePage))
	desk.waitText("case-state", "待核查")
	act("verify-fail", func() { desk.typeInto("field-note", "现场仍有垃圾残留") })
	desk.waitText("case-state", "处置中")
	desk.logout()

	desk.login("zjj_liaison", demoPassword)
	desk.bodyText("陈晓")
	desk.run(chromedp.Navigate(casePage))
	act("report", afterPhoto("已彻底清理并冲洗地面"))
	desk.waitText("case-state", "待核查")
	desk.logout()

	desk.login("inspector", demoPassword)
	desk.bodyText("周敏")
	desk.run(chromedp.Navigate(casePage))
	act("verify-pass", nil)
	desk.waitText("case-state", "已结案")
	desk.waitText("photos-before", "")
	desk.pick(`[data-test=photos-after] img, [data-test=photos-after] .el-image`, "")
	desk.screenshot("case-closed")

	// The resident rates the result on the phone.
	phone.run(chromedp.Navigate(base + follow))
	phone.waitText("case-state", "已结案")
	phone.jsClick(phone.pick(`[data-test=rating] .el-rate__item`, ""))
	phone.typeInto("rating-comment", "清理得很干净")
	phone.click("rating-submit")
	phone.bodyText("清理得很干净")
	phone.screenshot("rated")

	// Every step on the timeline, every change in the audit log.
	var kinds []string
	deadline := 0
	for ; deadline < 50; deadline++ {
		desk.run(chromedp.Navigate(casePage))
		desk.waitText("case-state", "已结案")
		kinds, err = chromedp.Run(desk.ctx, chromedp.Evaluate[[]string](`[...document.querySelectorAll('[data-test=timeline-event]')].map(e => e.dataset.kind)`))
		if err != nil {
			t.Fatal(err)
		}
		if slices.Contains(kinds, "rated") {
			break
		}
	}
	want := []string{"created", "registered", "dispatched", "accepted", "reported", "verified_fail", "reported", "verified_pass", "rated"}
	for _, k := range want {
		if !slices.Contains(kinds, k) {
			t.Fatalf("timeline %v lacks %s", kinds, k)
		}
	}
	desk.screenshot("timeline")
	desk.logout()
	desk.login("cb_staff", demoPassword)
	desk.bodyText("李娜")
	desk.run(chromedp.Navigate(base + "/cases/pool"))
	desk.waitText("cases-table", "市民随手拍")
	desk.screenshot("pool")
	desk.run(chromedp.Navigate(base + "/cases/map"))
	desk.pick(`.leaflet-interactive`, "")
	desk.screenshot("map")
	auditor := newClient(t, base)
	auditor.login("auditor", demoPassword)
	var entries struct {
		Items []struct{ Action string }
		Total int
	}
	auditor.call("GET", "/api/v1/audit?entity=case&pageSize=100&q="+url.QueryEscape(code), nil, &entries)
	var actions []string
	for _, e := range entries.Items {
		actions = append(actions, e.Action)
	}
	for _, k := range append([]string{"create"}, want[1:]...) {
		if !slices.Contains(actions, k) {
			t.Fatalf("audit log %v lacks %s", actions, k)
		}
	}

	// The same case, closed, through the Open311 interface of the running server.
	var requests []struct {
		ServiceRequestID string `json:"service_request_id"`
		Status           string `json:"status"`
		ServiceName      string `json:"service_name"`
	}
	if status := office.call("GET", "/open311/v2/requests.json?service_request_id="+code, nil, &requests); status != 200 || len(requests) != 1 ||
		requests[0].Status != "closed" || requests[0].ServiceName != "乱扔垃圾" {
		t.Fatalf("open311 request %s: %d %+v", code, status, requests)
	}
}
