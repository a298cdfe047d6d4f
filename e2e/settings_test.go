package e2e

import (
	"testing"

	"github.com/chromedp/chromedp"
)

// TestCityFixesACaseSettingForItsCounties: in the browser, the city office
// raises the days a closed case may be reopened and ticks 下级不得调整 beside
// it; 会宁县's office then sees that setting as 白银市统一设置, greyed, with
// the city's value, while the settings the city left open stay its own to
// change; the API refuses the county's change of the fixed one.
func TestCityFixesACaseSettingForItsCounties(t *testing.T) {
	chromiumPath(t)
	base, _ := start(t, map[string]string{"WENMING_DEMO_PASSWORD": demoPassword}, "demo", "-listen", "127.0.0.1:0", "-data", t.TempDir())
	requireConsole(t, base)

	desk := newBrowser(t, base, 1440, 900)
	desk.login("city_staff", demoPassword)
	desk.bodyText("杨帆")
	openSettings := func() {
		desk.run(chromedp.Navigate(base + "/cases/config"))
		desk.jsClick(desk.pick(`#tab-settings`, ""))
		desk.pick(`[data-test=origin-reopenDays]`, "")
	}
	openSettings()
	desk.typeInto("field-reopenDays", "12")
	desk.jsClick(desk.pick(`[data-test=lock-reopenDays] input`, ""))
	desk.click("settings-save")
	desk.bodyText("已保存")
	desk.logout()

	desk.login("cb_staff", demoPassword)
	desk.bodyText("李娜")
	openSettings()
	desk.waitText("origin-reopenDays", "白银市统一设置")
	desk.screenshot("county-settings-fixed-by-city")
	state, err := chromedp.Run(desk.ctx, chromedp.Evaluate[string](`(() => {
		const fixed = document.querySelector('input[data-test=field-reopenDays], [data-test=field-reopenDays] input');
		const open = document.querySelector('input[data-test=field-remindAtPercent], [data-test=field-remindAtPercent] input');
		const hours = document.querySelector('[data-test=work-hours]');
		return fixed.value + ' ' + fixed.disabled + ' ' + open.disabled + ' ' + !!document.querySelector('[data-test=lock-reopenDays]') + ' ' + (hours ? hours.textContent.trim() : '');
	})()`))
	if err != nil || state != "12 true false false 09:00 至 17:00" {
		t.Errorf("会宁县's settings page: value, fixed disabled, open disabled, lock box, working day = %q (%v); want \"12 true false false 09:00 至 17:00\"", state, err)
	}

	county := newClient(t, base)
	county.login("cb_staff", demoPassword)
	var s map[string]any
	if st := county.call("GET", "/api/v1/case-settings", nil, &s); st != 200 {
		t.Fatalf("read settings: %d", st)
	}
	s["reopenDays"] = 30
	var refusal struct {
		Error struct{ Field, Message string }
	}
	if st := county.call("PUT", "/api/v1/case-settings", s, &refusal); st != 400 || refusal.Error.Field != "reopenDays" {
		t.Errorf("会宁县 changes the city's fixed setting: %d %+v", st, refusal)
	}
	s["reopenDays"] = 12
	s["remindAtPercent"] = 70
	if st := county.call("PUT", "/api/v1/case-settings", s, nil); st != 200 {
		t.Errorf("会宁县 changes what the city left open: %d", st)
	}
}
