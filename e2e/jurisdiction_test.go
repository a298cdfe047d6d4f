package e2e

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"wenming/internal/domain"
)

// TestJurisdictionCityAndCountyBulletins is the jurisdictions issue's bulletin story
// in the browser, on the demo city: for the same month the city office
// ranks its counties and publishes a bulletin naming them, and each
// county's office publishes its own; each county's liaison then finds his
// own county's bulletin only. Leaders approve through the API, so the
// browser does what the office does and the test stays short.
func TestJurisdictionCityAndCountyBulletins(t *testing.T) {
	chromiumPath(t)
	base, _ := start(t, map[string]string{"WENMING_DEMO_PASSWORD": demoPassword}, "demo", "-listen", "127.0.0.1:0", "-data", t.TempDir())
	requireConsole(t, base)
	month := time.Now().In(domain.Beijing).Format("2006-01")
	approve := func(leader, path string) {
		t.Helper()
		c := newClient(t, base)
		c.login(leader, demoPassword)
		if s := c.call("POST", "/api/v1"+path+"/approve", nil, nil); s != 200 {
			t.Fatalf("%s approves %s: %d", leader, path, s)
		}
	}

	desk := newBrowser(t, base, 1440, 900)
	desk.login("city_staff", demoPassword)
	desk.bodyText("杨帆")

	// The city's rankings: a county's units by the picker, the counties
	// as wholes on their own tab.
	desk.run(chromedp.Navigate(base + "/rankings"))
	desk.waitText("jurisdiction-picker", "本级", "会宁县", "靖远县")
	desk.clickText(`[data-test=jurisdiction-picker] .el-radio-button__inner`, "靖远县")
	desk.waitText("ranking-jurisdiction", "靖远县")
	desk.jsClick(desk.pick(`#tab-counties`, ""))
	desk.waitText("county-ranking", "会宁县", "靖远县")
	desk.screenshot("county-ranking")

	// The city's bulletin ranks the counties.
	city := draftBulletin(desk, month)
	desk.waitText("county-ranking", "会宁县", "靖远县")
	approve("city_leader", city)
	publishBulletin(desk, city)
	desk.screenshot("city-bulletin")
	desk.logout()

	// Each county's office drafts and publishes its own for the month.
	counties := map[string]string{}
	for _, c := range []struct{ county, staff, name, leader string }{
		{"会宁县", "cb_staff", "李娜", "cb_leader"},
		{"靖远县", "jy_staff", "何静", "jy_leader"},
	} {
		desk.login(c.staff, demoPassword)
		desk.bodyText(c.name)
		counties[c.county] = draftBulletin(desk, month)
		desk.waitText("bulletin-title", c.county)
		approve(c.leader, counties[c.county])
		publishBulletin(desk, counties[c.county])
		desk.logout()
	}

	// The city's bulletin told the counties' offices their place, and
	// they read it; their departments were not told.
	office := newClient(t, base)
	office.login("cb_staff", demoPassword)
	if s := office.call("GET", "/api/v1"+city, nil, nil); s != 200 {
		t.Errorf("会宁县's office reads the city's published bulletin: %d", s)
	}
	var msgs struct{ Items []struct{ Kind, Body string } }
	office.call("GET", "/api/v1/messages", nil, &msgs)
	told := false
	for _, m := range msgs.Items {
		told = told || (m.Kind == "bulletin_county" && strings.Contains(m.Body, "会宁县"))
	}
	if !told {
		t.Errorf("会宁县's office was not told its place: %+v", msgs.Items)
	}

	// Each liaison sees his own county's bulletin of the month and no other.
	for _, c := range []struct{ liaison, name, own, other string }{
		{"zjj_liaison", "陈晓", "会宁县", "靖远县"},
		{"jy_liaison", "苏强", "靖远县", "会宁县"},
	} {
		desk.login(c.liaison, demoPassword)
		desk.bodyText(c.name)
		desk.run(chromedp.Navigate(base + "/bulletins"))
		list := desk.waitText("bulletins-table", "关于"+c.own)
		for _, not := range []string{"关于" + c.other, "关于白银市"} {
			if strings.Contains(list, not) {
				t.Errorf("%s's list shows %s: %s", c.liaison, not, list)
			}
		}
		desk.run(chromedp.Navigate(base + counties[c.own]))
		desk.waitText("bulletin-status", "已发布")
		desk.run(chromedp.Navigate(base + counties[c.other]))
		desk.bodyText("通报不存在")
		desk.screenshot("liaison-" + c.liaison)
		desk.logout()
	}
}

// draftBulletin drafts the month's bulletin on the bulletins page and
// returns its page's path.
func draftBulletin(b *browser, month string) string {
	b.t.Helper()
	b.run(chromedp.Navigate(b.base + "/bulletins"))
	b.click("btn-new")
	b.click("field-kind-month")
	b.openSelect(`[data-test=field-period]`)
	b.clickContaining(`.el-select-dropdown__item`, month)
	b.click("dialog-save")
	path := b.waitPath(`^/bulletins/\d+$`)
	b.waitText("bulletin-status", "草稿")
	return path
}

// publishBulletin publishes an approved bulletin from its page.
func publishBulletin(b *browser, path string) {
	b.t.Helper()
	b.run(chromedp.Navigate(b.base + path))
	b.waitText("bulletin-status", "已审核")
	b.click("btn-publish")
	confirm(b)
	b.waitText("bulletin-status", fmt.Sprint("已发布"))
}
