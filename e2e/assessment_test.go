package e2e

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

type roundDetail struct {
	ID     int64
	Seed   *int64
	Points []struct {
		PointID int64
		Unit    string `json:"unitName"`
	}
}

func pointIDs(r roundDetail) []int64 {
	var ids []int64
	for _, p := range r.Points {
		ids = append(ids, p.PointID)
	}
	return ids
}

// TestMockAssessmentLoop is the points issue's story in the browser: the
// office plans a round with a fixed seed and draws it; the inspector, on a
// phone, patrols a drawn point and fails a check with a photo; the case
// lands in the unit's inbox; the round's score page shows that standard's
// rate dropping; the drill-down reaches the photo. The same seed draws the
// same points, another seed others.
func TestMockAssessmentLoop(t *testing.T) {
	chromiumPath(t)
	base, _ := start(t, map[string]string{"WENMING_DEMO_PASSWORD": demoPassword}, "demo", "-listen", "127.0.0.1:0", "-data", t.TempDir())
	requireConsole(t, base)
	photo := filepath.Join(t.TempDir(), "现场.png")
	os.WriteFile(photo, pngFile(t), 0o644)
	api := newClient(t, base)
	api.login("cb_staff", demoPassword)
	var cats struct {
		Items []struct {
			ID   int64
			Name string
		}
	}
	api.call("GET", "/api/v1/point-categories", nil, &cats)
	var site int64 // 建筑工地: points of 县住建局, whose liaison has a demo account
	for _, c := range cats.Items {
		if c.Name == "建筑工地" {
			site = c.ID
		}
	}

	// The office plans and draws a round with seed 2026.
	desk := newBrowser(t, base, 1440, 900)
	desk.login("cb_staff", demoPassword)
	desk.bodyText("李娜")
	desk.run(chromedp.Navigate(base + "/assessment/rounds"))
	desk.click("round-create")
	desk.typeInto("round-name", "建筑工地专项模拟测评")
	desk.typeInto("round-seed", "2026")
	desk.openSelect(`[data-test=round-inspectors]`)
	desk.clickText(`.el-select-dropdown__item`, "周敏（县文明办（创城办））")
	desk.run(chromedp.SendKeys(chromedp.CSS(desk.pick(fmt.Sprintf(`input[data-test=round-sample][data-category-id="%d"]`, site), "")), "2"))
	desk.screenshot("round-plan")
	desk.click("round-save")
	path := desk.waitPath(`^/assessment/rounds/\d+$`)
	roundID, _ := strconv.ParseInt(regexp.MustCompile(`\d+$`).FindString(path), 10, 64)
	desk.click("round-draw")
	confirm(desk)
	desk.waitText("round-seed-value", "2026")
	desk.pick(`[data-test=round-point]`, "")
	desk.screenshot("round-drawn")
	var round roundDetail
	api.call("GET", fmt.Sprintf("/api/v1/rounds/%d", roundID), nil, &round)
	if len(round.Points) != 2 || *round.Seed != 2026 {
		t.Fatalf("drawn round: %+v", round)
	}

	// The inspector passes the second point everywhere (through the API)...
	inspector := newClient(t, base)
	inspector.login("inspector", demoPassword)
	var second, first struct {
		ID     int64
		Checks []struct {
			ID            int64
			StandardCodes []string
		}
	}
	inspector.call("GET", fmt.Sprintf("/api/v1/points/%d", round.Points[1].PointID), nil, &second)
	inspector.call("GET", fmt.Sprintf("/api/v1/points/%d", round.Points[0].PointID), nil, &first)
	var results []map[string]any
	for _, c := range second.Checks {
		results = append(results, map[string]any{"checkId": c.ID, "result": "pass"})
	}
	if s := inspector.call("POST", "/api/v1/patrols", map[string]any{"clientKey": "e2e-pass", "pointId": second.ID, "roundId": roundID, "results": results}, nil); s != 201 {
		t.Fatalf("passing patrol: %d", s)
	}
	standard := first.Checks[0].StandardCodes[0]
	rate := func() float64 {
		t.Helper()
		desk.run(chromedp.Navigate(fmt.Sprintf("%s/assessment/rounds/%d/score", base, roundID)))
		desk.waitText("score-total", "")
		// The tree opens fully expanded.
		text := desk.text(desk.pick(fmt.Sprintf(`[data-test=score-tree] [data-test=score-standard][data-code=%q] [data-test=score-rate]`, standard), ""))
		v, err := strconv.ParseFloat(regexp.MustCompile(`[\d.]+`).FindString(text), 64)
		if err != nil {
			t.Fatalf("rate of %s reads %q", standard, text)
		}
		return v
	}
	before := rate()

	// ...then, on a phone, fails the first check of the first point with a photo.
	phone := newBrowser(t, base, 390, 844)
	phone.login("inspector", demoPassword)
	phone.bodyText("周敏")
	phone.run(chromedp.Navigate(base + "/patrol"))
	phone.bodyText("建筑工地专项模拟测评")
	// The point may also be drawn in the demo's own round: open it from this round's list.
	if _, err := chromedp.Run(phone.ctx, chromedp.Evaluate[bool](fmt.Sprintf(`(() => {
		const round = [...document.querySelectorAll('[data-test=patrol-round]')].find(r => r.textContent.includes('建筑工地专项模拟测评'));
		round.querySelector('[data-test=patrol-task-point][data-point-id="%d"]').click();
		return true })()`, first.ID))); err != nil {
		t.Fatal(err)
	}
	phone.pick(`[data-test=patrol-check]`, "")
	for i := range first.Checks {
		button := "patrol-pass"
		if i == 0 {
			button = "patrol-fail"
		}
		if _, err := chromedp.Run(phone.ctx, chromedp.Evaluate[bool](fmt.Sprintf(
			`(() => { document.querySelectorAll('[data-test=patrol-check]')[%d].querySelector('[data-test=%s]').click(); return true })()`, i, button))); err != nil {
			t.Fatal(err)
		}
	}
	phone.run(chromedp.SetUploadFiles(chromedp.CSS(`[data-test=patrol-check] input[type=file][data-test=patrol-photo-input], [data-test=patrol-check] [data-test=patrol-photo-input] input[type=file]`), []string{photo}))
	phone.pick(`[data-test=patrol-photo-thumb]`, "")
	phone.screenshot("patrol-form")
	phone.click("patrol-submit")
	caseCode := phone.waitText("patrol-result-case", "")
	caseCode = regexp.MustCompile(`\d{19}`).FindString(caseCode)
	if caseCode == "" {
		t.Fatal("the result shows no case code")
	}
	phone.screenshot("patrol-result")

	// The case is in 县住建局's inbox.
	desk.logout()
	desk.login("zjj_liaison", demoPassword)
	desk.bodyText("陈晓")
	desk.run(chromedp.Navigate(base + "/cases/inbox"))
	desk.typeInto("search-q", caseCode)
	desk.click("search-submit")
	desk.waitText("cases-table", caseCode, "模拟测评")
	desk.logout()

	// The score page shows the standard's rate dropping; the drill-down reaches the photo.
	desk.login("cb_staff", demoPassword)
	desk.bodyText("李娜")
	after := rate()
	if after >= before {
		t.Fatalf("rate of %s went from %v to %v, want it lower", standard, before, after)
	}
	desk.screenshot("round-score")
	desk.jsClick(desk.pick(fmt.Sprintf(`[data-test=score-tree] [data-test=score-standard][data-code=%q] [data-test=score-rate]`, standard), ""))
	desk.waitText("score-observations", caseCode)
	img := desk.pick(`[data-test=score-observations] [data-test=score-photo]`, "")
	loaded := false
	for range 50 {
		loaded, _ = chromedp.Run(desk.ctx, chromedp.Evaluate[bool](fmt.Sprintf(`document.querySelector(%q).naturalWidth > 0`, img)))
		if loaded {
			break
		}
		time.Sleep(100 * time.Millisecond)
	}
	if !loaded {
		t.Fatal("the observation's photo did not load")
	}
	desk.screenshot("score-drilldown")

	// The same seed draws the same points; another seed others.
	redraw := func(seed int64) []int64 {
		var r roundDetail
		api.call("POST", "/api/v1/rounds", map[string]any{"name": fmt.Sprintf("复核 %d", seed), "frameworkId": frameworkOf(t, api, roundID), "seed": seed,
			"startsOn": time.Now().Format("2006-01-02"), "endsOn": time.Now().AddDate(0, 0, 9).Format("2006-01-02"),
			"categories": []map[string]any{{"categoryId": site, "sampleSize": 2}}, "inspectorIds": []int64{userID(t, api, "inspector")}}, &r)
		api.call("POST", fmt.Sprintf("/api/v1/rounds/%d/draw", r.ID), nil, &r)
		return pointIDs(r)
	}
	if again := redraw(2026); !slices.Equal(again, pointIDs(round)) {
		t.Fatalf("seed 2026 drew %v, then %v", pointIDs(round), again)
	}
	if other := redraw(7); slices.Equal(other, pointIDs(round)) {
		t.Errorf("seed 7 drew the same points as 2026: %v", other)
	}
}

func frameworkOf(t *testing.T, api *apiClient, roundID int64) int64 {
	t.Helper()
	var r struct{ FrameworkID int64 }
	api.call("GET", fmt.Sprintf("/api/v1/rounds/%d", roundID), nil, &r)
	return r.FrameworkID
}

func userID(t *testing.T, api *apiClient, username string) int64 {
	t.Helper()
	var page struct{ Items []struct{ ID int64 } }
	api.call("GET", "/api/v1/people?q="+username, nil, &page)
	if len(page.Items) == 0 {
		t.Fatalf("no person %s", username)
	}
	return page.Items[0].ID
}
