package e2e

import (
	"regexp"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"wenming/internal/domain"
)

// TestBulletinReachesTheRedUnit is the rankings issue's story in the
// browser: the leader opens the cockpit on a big screen; the office
// drafts, the office leader approves and the office publishes this month's
// bulletin and issues a supervision notice; the red unit's liaison finds
// both on its lists.
func TestBulletinReachesTheRedUnit(t *testing.T) {
	chromiumPath(t)
	base, _ := start(t, map[string]string{"WENMING_DEMO_PASSWORD": demoPassword}, "demo", "-listen", "127.0.0.1:0", "-data", t.TempDir())
	requireConsole(t, base)

	// The leader's big screen.
	screen := newBrowser(t, base, 1920, 1080)
	screen.login("leader", demoPassword)
	screen.bodyText("张书记")
	screen.run(chromedp.Navigate(base + "/cockpit"))
	screen.waitText("kpi-open", "")
	screen.pick(`[data-test=cockpit-map] .leaflet-interactive`, "")
	screen.waitText("cockpit-ranking", "县")
	time.Sleep(2 * time.Second) // let the charts and the map finish their animations before the picture
	screen.screenshot("cockpit")
	// The same figures on the leader's page in the console, on a laptop.
	screen.run(chromedp.Navigate(base + "/leader"))
	screen.waitText("leader-kpi-open", "")
	screen.waitText("leader-ranking", "县")
	screen.pick(`[data-test=leader-map] .leaflet-interactive`, "")
	time.Sleep(2 * time.Second)
	screen.screenshot("leader")

	// The office makes sure 县住建局 is red this month: it sets the red
	// line just above the unit's score, as an office tightening its bands would.
	office := newClient(t, base)
	office.login("cb_staff", demoPassword)
	var r struct {
		Period  string
		Classes []struct {
			Units []struct {
				UnitName string
				Score    *float64
				Color    string
			}
		}
	}
	office.call("GET", "/api/v1/rankings", nil, &r)
	var score *float64
	for _, c := range r.Classes {
		for _, u := range c.Units {
			if u.UnitName == "县住建局" {
				score = u.Score
			}
		}
	}
	if score == nil {
		t.Fatalf("县住建局 has no score this month: %+v", r)
	}
	red := *score + 0.5
	if status := office.call("PUT", "/api/v1/ranking-settings", map[string]any{"weights": map[string]float64{"onTime": 30, "rework": 15, "overdue": 15, "satisfaction": 15, "submission": 15, "tasks": 10},
		"greenAtLeast": max(red+1, 85), "redBelow": red}, nil); status != 200 {
		t.Fatalf("ranking settings: %d", status)
	}

	desk := newBrowser(t, base, 1440, 900)
	desk.login("cb_staff", demoPassword)
	desk.bodyText("李娜")
	desk.run(chromedp.Navigate(base + "/bulletins"))
	desk.click("btn-new")
	desk.click("field-kind-month")
	desk.openSelect(`[data-test=field-period]`)
	desk.clickContaining(`.el-select-dropdown__item`, time.Now().In(domain.Beijing).Format("2006-01"))
	desk.click("dialog-save")
	url := desk.waitPath(`^/bulletins/\d+$`)
	desk.waitText("bulletin-status", "草稿")
	desk.waitText("red-units", "县住建局")
	desk.logout()
	desk.login("cb_leader", demoPassword)
	desk.bodyText("王建国")
	desk.run(chromedp.Navigate(base + url))
	desk.click("btn-approve")
	confirm(desk)
	desk.waitText("bulletin-status", "已审核")
	desk.logout()
	desk.login("cb_staff", demoPassword)
	desk.bodyText("李娜")
	desk.run(chromedp.Navigate(base + url))
	desk.click("btn-publish")
	confirm(desk)
	desk.waitText("bulletin-status", "已发布")
	desk.screenshot("published")

	// A supervision notice by hand.
	desk.run(chromedp.Navigate(base + "/sanctions"))
	desk.click("btn-new")
	desk.click("field-kind-notice")
	desk.openSelect(`[data-test=field-unitId]`)
	desk.typeInto("field-unitId", "住建")
	desk.clickText(`.el-select-dropdown__item`, "县住建局")
	desk.typeInto("field-title", "督办：西大街井盖缺损")
	desk.typeInto("field-body", "请于 2 个工作日内完成更换并回复。")
	desk.click("dialog-save")
	desk.waitText("sanctions-table", "督办：西大街井盖缺损")
	desk.logout()

	// The red unit's liaison.
	desk.login("zjj_liaison", demoPassword)
	desk.bodyText("陈晓")
	desk.run(chromedp.Navigate(base + "/bulletins"))
	desk.waitText("bulletins-table", "已发布")
	desk.run(chromedp.Navigate(base + url))
	desk.waitText("red-units", "县住建局")
	desk.run(chromedp.Navigate(base + "/cases/inbox"))
	desk.waitText("notices", "督办：西大街井盖缺损")
	desk.screenshot("liaison-notices")
	desk.run(chromedp.Navigate(base + "/sanctions"))
	desk.waitText("sanctions-table", "督办：西大街井盖缺损", "约谈县住建局分管负责人")
}

// confirm accepts an ElMessageBox confirmation.
func confirm(b *browser) {
	b.t.Helper()
	b.jsClick(b.pick(`.el-message-box__btns .el-button--primary`, ""))
}

// waitPath waits until the page's path matches pattern (the list page
// hands over to the new record's page) and returns it.
func (b *browser) waitPath(pattern string) string {
	b.t.Helper()
	re := regexp.MustCompile(pattern)
	deadline := time.Now().Add(15 * time.Second)
	for {
		path, err := chromedp.Run(b.ctx, chromedp.Evaluate[string](`location.pathname`))
		if err != nil {
			b.t.Fatalf("browser: %v", err)
		}
		if re.MatchString(path) {
			return path
		}
		if time.Now().After(deadline) {
			b.screenshot("path")
			b.t.Fatalf("still on %s, want %s", path, pattern)
		}
		time.Sleep(100 * time.Millisecond)
	}
}
