package e2e

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/xuri/excelize/v2"

	"wenming/internal/domain"
)

// chromiumPath finds Debian's chromium; without it the browser tests skip,
// unless WENMING_TEST_REQUIRE_BROWSER=1 makes that a failure.
func chromiumPath(t *testing.T) string {
	for _, p := range []string{os.Getenv("WENMING_CHROMIUM"), "/usr/bin/chromium", "/usr/bin/chromium-browser"} {
		if p != "" {
			if _, err := os.Stat(p); err == nil {
				return p
			}
		}
	}
	msg := "no chromium found (apt-get install chromium, or set WENMING_CHROMIUM)"
	if os.Getenv("WENMING_TEST_REQUIRE_BROWSER") == "1" {
		t.Fatal(msg)
	}
	t.Skip("SKIPPED browser tests: " + msg)
	return ""
}

// requireConsole fails (or skips) when the binary was built without the UI.
func requireConsole(t *testing.T, base string) {
	res, err := http.Get(base + "/")
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	if !strings.Contains(string(b), `id="app"`) {
		msg := "the console is not built: run `make web` first"
		if os.Getenv("WENMING_TEST_REQUIRE_BROWSER") == "1" {
			t.Fatal(msg)
		}
		t.Skip("SKIPPED browser tests: " + msg)
	}
}

// browser is one headless Chromium tab with helpers in the words of a
// person using the console.
type browser struct {
	t    *testing.T
	ctx  context.Context
	base string
	shot int
	dir  string
}

func newBrowser(t *testing.T, base string, width, height int) *browser {
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chromiumPath(t)),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("no-first-run", true),
		chromedp.Flag("lang", "zh-CN"),
		chromedp.WindowSize(width, height),
		chromedp.UserDataDir(t.TempDir()),
	)
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelTab := chromedp.NewContext(alloc)
	ctx, cancelTime := context.WithTimeout(ctx, 3*time.Minute)
	t.Cleanup(func() { cancelTime(); cancelTab(); cancelAlloc() })
	dir := filepath.Join("artifacts", t.Name())
	os.MkdirAll(dir, 0o755)
	b := &browser{t: t, ctx: ctx, base: base, dir: dir}
	// The first action starts the browser; it must run on the long-lived context.
	if err := chromedp.Do(ctx, chromedp.Navigate(base+"/login")); err != nil {
		t.Fatalf("start chromium: %v", err)
	}
	return b
}

// run does the steps, giving up after 20 s so a missing element fails
// with a screenshot instead of hanging.
func (b *browser) run(steps ...chromedp.Action[chromedp.Void]) {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 20*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx, steps...); err != nil {
		b.screenshot("failure")
		b.t.Fatalf("browser: %v", err)
	}
}

// field returns a selector for the input behind a data-test name, whether
// the attribute sits on the input itself or on its wrapper.
func field(name string) string {
	return fmt.Sprintf(`input[data-test=%[1]s], textarea[data-test=%[1]s], [data-test=%[1]s] input, [data-test=%[1]s] textarea`, name)
}

// pick waits for the last visible, enabled element matching css (and with
// exactly text, when given) and marks it for the next action. Element Plus
// teleports dropdowns to <body> and the desktop menu lingers hidden beside
// the phone drawer, so the first match is often not the one a person sees.
func (b *browser) pick(css, text string) string {
	b.t.Helper()
	js := fmt.Sprintf(`(() => {
		document.querySelectorAll('[data-e2e]').forEach(e => e.removeAttribute('data-e2e'));
		const want = %q;
		const els = [...document.querySelectorAll(%q)].filter(e =>
			e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden' &&
			!(e.disabled || e.classList.contains('is-disabled') || e.classList.contains('is-loading')) &&
			(want === '' || e.textContent.trim() === want));
		if (!els.length) return false;
		els[els.length - 1].setAttribute('data-e2e', '1');
		return true;
	})()`, text, css)
	deadline := time.Now().Add(15 * time.Second)
	for {
		ok, err := chromedp.Run(b.ctx, chromedp.Evaluate[bool](js))
		if err != nil {
			b.t.Fatalf("browser: %v", err)
		}
		if ok {
			return `[data-e2e="1"]`
		}
		if time.Now().After(deadline) {
			b.screenshot("missing")
			b.t.Fatalf("no visible, enabled %s with text %q", css, text)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

func (b *browser) typeInto(name, text string) {
	b.t.Helper()
	sel := b.pick(field(name), "")
	// Empty the field the way a person would, so Vue's model sees it.
	if _, err := chromedp.Run(b.ctx, chromedp.Evaluate[bool](fmt.Sprintf(`(() => { const e = document.querySelector(%q); e.value = ''; e.dispatchEvent(new Event('input', {bubbles: true})); return true })()`, sel))); err != nil {
		b.t.Fatalf("browser: %v", err)
	}
	b.run(chromedp.SendKeys(chromedp.CSS(sel), text))
}

// click clicks what a person sees under a data-test name. The click is
// dispatched on the element itself, so a drawer or dropdown still sliding
// into place does not make it land beside the target.
func (b *browser) click(dataTest string) {
	b.t.Helper()
	b.jsClick(b.pick(fmt.Sprintf(`[data-test=%q]`, dataTest), ""))
}

// clickInRow clicks the data-test button of the visible table row that
// shows text, not the last row of a list that may still show its rows from
// before a search.
func (b *browser) clickInRow(text, dataTest string) {
	b.t.Helper()
	js := fmt.Sprintf(`(() => {
		document.querySelectorAll('[data-e2e]').forEach(e => e.removeAttribute('data-e2e'));
		const rows = [...document.querySelectorAll('tr')].filter(r => r.getClientRects().length > 0 && r.textContent.includes(%q));
		const button = rows.map(r => r.querySelector(%q)).find(Boolean);
		if (!button) return false;
		button.setAttribute('data-e2e', '1');
		return true;
	})()`, text, fmt.Sprintf(`[data-test=%q]`, dataTest))
	deadline := time.Now().Add(15 * time.Second)
	for {
		ok, err := chromedp.Run(b.ctx, chromedp.Evaluate[bool](js))
		if err != nil {
			b.t.Fatalf("browser: %v", err)
		}
		if ok {
			b.jsClick(`[data-e2e="1"]`)
			return
		}
		if time.Now().After(deadline) {
			b.screenshot("missing")
			b.t.Fatalf("no visible row showing %q with %s", text, dataTest)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// clickText clicks the visible element matching css whose text is text.
func (b *browser) clickText(css, text string) {
	b.t.Helper()
	b.jsClick(b.pick(css, text))
}

func (b *browser) jsClick(sel string) {
	b.t.Helper()
	if _, err := chromedp.Run(b.ctx, chromedp.Evaluate[bool](fmt.Sprintf(`(() => { document.querySelector(%q).click(); return true })()`, sel))); err != nil {
		b.t.Fatalf("browser: %v", err)
	}
}

// openSelect opens an Element Plus select with a real mouse click, as its
// trigger listens to mouse events. A click that lands while a dialog is
// still sliding in is lost, so it clicks again until a list shows (at
// most three times; the caller's pick then says what is missing).
func (b *browser) openSelect(css string) {
	b.t.Helper()
	const shown = `[...document.querySelectorAll('.el-select-dropdown')].some(e => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden')`
	for range 3 {
		b.run(chromedp.Click(chromedp.CSS(b.pick(css, ""))))
		for wait := time.Now().Add(2 * time.Second); time.Now().Before(wait); time.Sleep(100 * time.Millisecond) {
			if open, err := chromedp.Run(b.ctx, chromedp.Evaluate[bool](shown)); err == nil && open {
				return
			}
		}
	}
}

// waitText waits until the element's text contains every part.
func (b *browser) waitText(dataTest string, parts ...string) string {
	b.t.Helper()
	sel := fmt.Sprintf(`[data-test=%q]`, dataTest)
	deadline := time.Now().Add(15 * time.Second)
	var text string
	for {
		text = b.text(b.pick(sel, ""))
		if contains(text, parts...) {
			return text
		}
		if time.Now().After(deadline) {
			b.screenshot("text-" + dataTest)
			b.t.Fatalf("%s: text %q lacks %q", dataTest, text, parts)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// bodyText waits until the page shows every part somewhere.
func (b *browser) bodyText(parts ...string) {
	b.t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for {
		text := b.text("body")
		if contains(text, parts...) {
			return
		}
		if time.Now().After(deadline) {
			b.screenshot("body")
			b.t.Fatalf("page lacks %q; it shows:\n%s", parts, text)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// text reads the visible text of the first element matching css, or ""
// when the page has just replaced it (a wait loop then looks again).
func (b *browser) text(css string) string {
	b.t.Helper()
	text, err := chromedp.Run(b.ctx, chromedp.Evaluate[string](fmt.Sprintf(`(() => { const e = document.querySelector(%q); return e ? e.innerText : '' })()`, css)))
	if err != nil {
		b.t.Fatalf("browser: %v", err)
	}
	return text
}

func (b *browser) screenshot(name string) {
	buf, err := chromedp.Run(b.ctx, chromedp.FullScreenshot(100))
	if err != nil {
		b.t.Logf("screenshot %s: %v", name, err)
		return
	}
	b.shot++
	path := filepath.Join(b.dir, fmt.Sprintf("%02d-%s.png", b.shot, name))
	if err := os.WriteFile(path, buf, 0o644); err != nil {
		b.t.Logf("screenshot %s: %v", name, err)
	}
}

func (b *browser) login(username, password string) {
	b.t.Helper()
	b.run(chromedp.Navigate(b.base + "/login"))
	b.typeInto("login-username", username)
	b.typeInto("login-password", password)
	b.click("login-submit")
}

func (b *browser) logout() {
	b.t.Helper()
	b.click("user-menu")
	b.clickText("[data-test=logout]", "退出登录")
	b.pick(field("login-username"), "")
}

// peopleWorkbook writes an .xlsx of people rows in the template's layout.
func peopleWorkbook(t *testing.T, rows ...[]any) string {
	f := excelize.NewFile()
	f.SetSheetName("Sheet1", "人员")
	header := []any{"*用户名", "*姓名", "手机号", "*所属单位", "*角色", "数据范围", "范围区划代码", "初始密码"}
	for i, r := range append([][]any{header}, rows...) {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		f.SetSheetRow("人员", cell, &r)
	}
	path := filepath.Join(t.TempDir(), "人员.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestOfficeCreatesUnitImportsPeopleAndAuditorSeesIt is the foundation's
// story, told through the console in a real browser.
func TestOfficeCreatesUnitImportsPeopleAndAuditorSeesIt(t *testing.T) {
	chromiumPath(t)
	base, _ := start(t, map[string]string{"WENMING_DEMO_PASSWORD": demoPassword}, "demo", "-listen", "127.0.0.1:0", "-data", t.TempDir())
	requireConsole(t, base)
	b := newBrowser(t, base, 1366, 900)

	// The office signs in and creates a unit.
	b.login("cb_staff", demoPassword)
	b.bodyText("李娜")
	b.screenshot("home")
	b.run(chromedp.Navigate(base + "/org/units"))
	b.click("btn-new")
	b.typeInto("field-name", "县城市管理局")
	b.openSelect(`[data-test="field-kind"] .el-select__wrapper, [data-test="field-kind"].el-select`)
	b.clickText(".el-select-dropdown__item", "部门单位")
	b.openSelect(`[data-test="field-regionId"] .el-select__wrapper`)
	b.clickText(".el-tree-node__label, .el-select-dropdown__item", "会宁县")
	b.screenshot("unit-dialog")
	b.click("dialog-save")
	b.typeInto("search-q", "城市管理")
	b.click("search-submit")
	b.waitText("table", "县城市管理局", "部门单位")
	b.screenshot("units")

	// Import people: one bad row, and nothing is imported.
	good := []any{"cg_liaison", "城管联络员", "13800008888", "县城市管理局", "单位联络员", "本单位", "", "Init-Pass-2026"}
	good2 := []any{"cg_head", "城管负责人", "13800009999", "县城市管理局", "单位负责人", "本单位", "", "Init-Pass-2026"}
	bad := []any{"cg_bad", "写错单位", "13800007777", "县城管局", "单位联络员", "本单位", "", "Init-Pass-2026"}
	b.run(chromedp.Navigate(base + "/org/people"))
	b.click("btn-import")
	b.run(chromedp.SetUploadFiles(chromedp.CSS(`input[type=file][data-test=import-file], [data-test=import-file] input[type=file]`), []string{peopleWorkbook(t, good, bad, good2)}))
	b.click("import-submit")
	b.waitText("import-errors", "人员", "3", "D", "县城管局")
	b.bodyText("未导入")
	b.screenshot("import-refused")

	api := newClient(t, base)
	api.login("cb_staff", demoPassword)
	var found struct{ Total int }
	api.call("GET", "/api/v1/people?q=cg_", nil, &found)
	if found.Total != 0 {
		t.Fatalf("a refused import created %d people", found.Total)
	}

	// Fix the row and import again.
	bad[3] = "县城市管理局"
	b.run(chromedp.SetUploadFiles(chromedp.CSS(`input[type=file][data-test=import-file], [data-test=import-file] input[type=file]`), []string{peopleWorkbook(t, good, bad, good2)}))
	b.click("import-submit")
	b.waitText("import-result", "新增 3")
	b.screenshot("import-done")
	api.call("GET", "/api/v1/people?q=cg_", nil, &found)
	if found.Total != 3 {
		t.Fatalf("import created %d people, want 3", found.Total)
	}
	b.run(chromedp.KeyEvent("\x1b")) // close the dialog
	b.logout()

	// The imported person signs in, must change the password first, then works.
	b.login("cg_liaison", "Init-Pass-2026")
	b.typeInto("pwd-old", "Init-Pass-2026")
	b.typeInto("pwd-new", "Chengguan-2026!")
	b.typeInto("pwd-confirm", "Chengguan-2026!")
	b.screenshot("password-change")
	b.click("pwd-submit")
	b.bodyText("城管联络员", "县城市管理局")
	b.screenshot("liaison-home")
	me := newClient(t, base)
	me.login("cg_liaison", "Chengguan-2026!")
	var person domain.Person
	me.call("GET", "/api/v1/me", nil, &person)
	if person.MustChange {
		t.Fatal("password change did not stick")
	}
	b.logout()

	// The audit admin sees all of it.
	b.login("auditor", demoPassword)
	b.click("menu-audit")
	b.waitText("audit-table", "县城市管理局", "李娜", "登录", "修改密码")
	b.bodyText("导入人员：新增 3 人")
	if strings.Contains(b.text(`[data-test="audit-table"]`), "password_change") {
		t.Error("the audit table shows action codes instead of their Chinese names")
	}
	b.screenshot("audit")
}

// TestPhoneSizedScreen: the console works one-handed on a phone width.
func TestPhoneSizedScreen(t *testing.T) {
	chromiumPath(t)
	base, _ := start(t, map[string]string{"WENMING_DEMO_PASSWORD": demoPassword}, "demo", "-listen", "127.0.0.1:0", "-data", t.TempDir())
	requireConsole(t, base)
	b := newBrowser(t, base, 390, 844)
	b.run(chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile))
	b.login("wrong_user", "Wrong-Pass-1")
	b.waitText("login-error", "用户名或密码错误")
	b.screenshot("login-error")
	b.login("zjj_liaison", demoPassword)
	b.bodyText("陈晓")
	b.click("menu-toggle")
	b.click("menu-people")
	b.waitText("table", "陈晓", "赵志刚")
	if strings.Contains(b.text(`[data-test="table"]`), "李娜") {
		t.Fatal("a liaison's people list shows another unit's person")
	}
	b.screenshot("phone-people")
}
