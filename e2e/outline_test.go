package e2e

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestJurisdictionOutlineDrawnByCounty is the jurisdictions issue's "drawn"
// outline, in the browser, on the demo city: 会宁县's office draws the outline
// of a township that has none on the regions page (corners clicked, a stray
// one taken back, the last double-clicked, one dragged), saves it, and the
// row shows 已绘制; 靖远县's office does not see it on its map, nor through
// the API.
func TestJurisdictionOutlineDrawnByCounty(t *testing.T) {
	chromiumPath(t)
	base, _ := start(t, map[string]string{"WENMING_DEMO_PASSWORD": demoPassword}, "demo", "-listen", "127.0.0.1:0", "-data", t.TempDir())
	requireConsole(t, base)

	office := newClient(t, base)
	office.login("cb_staff", demoPassword)
	var found struct {
		Items []struct {
			ID          int64  `json:"id"`
			Name        string `json:"name"`
			HasBoundary bool   `json:"hasBoundary"`
		} `json:"items"`
	}
	office.call("GET", "/api/v1/regions?q=郭城驿镇", nil, &found)
	if len(found.Items) != 1 || found.Items[0].HasBoundary {
		t.Fatalf("the demo's 郭城驿镇 should be one region without an outline: %+v", found.Items)
	}
	township := found.Items[0].ID

	desk := newBrowser(t, base, 1440, 1000)
	desk.login("cb_staff", demoPassword)
	desk.bodyText("李娜")
	desk.run(chromedp.Navigate(base + "/org/regions"))
	desk.waitOutlines(func(ids []int64) bool { return len(ids) > 0 })
	desk.waitText("outline-legend", "会宁县")
	desk.typeInto("search-q", "郭城驿镇")
	desk.click("search-submit")
	desk.waitText("table", "郭城驿镇")
	desk.clickInRow("郭城驿镇", "row-draw")
	desk.waitText("outline-draw-name", "郭城驿镇")
	time.Sleep(time.Second) // the map moves to 会宁县's outline around the township

	// Three corners and a stray one taken back, a fourth double-clicked to
	// close the outline, then the second corner dragged east.
	left, top, width, height := desk.canvasRect()
	at := func(fx, fy float64) (float64, float64) { return left + fx*width, top + fy*height }
	for _, p := range [][2]float64{{0.35, 0.3}, {0.6, 0.3}, {0.6, 0.7}, {0.5, 0.85}} {
		x, y := at(p[0], p[1])
		desk.run(chromedp.MouseClickXY(x, y))
		time.Sleep(600 * time.Millisecond) // apart, or two clicks make a double-click
	}
	desk.waitText("outline-vertex-count", "4 个顶点")
	desk.click("outline-undo")
	desk.waitText("outline-vertex-count", "3 个顶点")
	x, y := at(0.35, 0.7)
	desk.run(chromedp.MouseClickXY(x, y), chromedp.MouseClickXY(x, y, chromedp.ClickCount(2)))
	desk.waitText("outline-vertex-count", "已闭合", "4 个顶点")
	fromX, fromY := desk.handleCenter(1)
	desk.run(chromedp.DragAndDropXY(fromX, fromY, fromX+0.1*width, fromY))
	desk.screenshot("outline-drawn")
	desk.click("outline-save")
	desk.bodyText("已保存“郭城驿镇”的边界")
	desk.waitText("table", "郭城驿镇", "已绘制")
	desk.waitOutlines(func(ids []int64) bool { return slices.Contains(ids, township) })
	desk.pick(fmt.Sprintf(".outline-region-%d", township), "")
	desk.screenshot("outline-saved")

	var geo struct {
		Type        string         `json:"type"`
		Coordinates [][][2]float64 `json:"coordinates"`
	}
	if s := office.call("GET", fmt.Sprintf("/api/v1/regions/%d/boundary", township), nil, &geo); s != 200 {
		t.Fatalf("the drawn outline reads back: %d", s)
	}
	if geo.Type != "Polygon" || len(geo.Coordinates) != 1 || len(geo.Coordinates[0]) != 5 {
		t.Fatalf("saved %+v, want a closed ring of four corners", geo)
	}
	ring := geo.Coordinates[0]
	if ring[0] != ring[4] || !(ring[1][0] > ring[2][0]) {
		t.Errorf("saved ring %v: want it closed, its second corner dragged east of the third", ring)
	}
	desk.logout()

	// 靖远县's office sees its own county's outlines, not 会宁县's new one.
	desk.login("jy_staff", demoPassword)
	desk.bodyText("何静")
	desk.run(chromedp.Navigate(base + "/org/regions"))
	desk.waitText("outline-legend", "靖远县")
	ids := desk.waitOutlines(func(ids []int64) bool { return len(ids) > 0 })
	if slices.Contains(ids, township) {
		t.Errorf("靖远县's map shows 会宁县's 郭城驿镇: %v", ids)
	}
	if legend := desk.text(`[data-test=outline-legend]`); strings.Contains(legend, "会宁县") {
		t.Errorf("靖远县's map has 会宁县's outlines: %s", legend)
	}
	if n := desk.count(fmt.Sprintf(".outline-region-%d", township)); n != 0 {
		t.Errorf("靖远县's map draws 郭城驿镇 (%d paths)", n)
	}
	desk.typeInto("search-q", "郭城驿镇")
	desk.click("search-submit")
	desk.waitText("table", "郭城驿镇")
	if n := desk.count(`[data-test=table] [data-test=row-draw]`); n != 0 {
		t.Errorf("靖远县's office may draw 会宁县's township (%d buttons)", n)
	}
	desk.screenshot("other-county")

	other := newClient(t, base)
	other.login("jy_staff", demoPassword)
	var fc struct {
		Features []struct {
			ID int64 `json:"id"`
		} `json:"features"`
	}
	other.call("GET", "/api/v1/regions/boundaries", nil, &fc)
	for _, f := range fc.Features {
		if f.ID == township {
			t.Error("靖远县's office lists 会宁县's 郭城驿镇 outline")
		}
	}
	if s := other.call("GET", fmt.Sprintf("/api/v1/regions/%d/boundary", township), nil, nil); s != 404 {
		t.Errorf("靖远县's office reads 会宁县's outline: %d, want 404", s)
	}
}

// canvasRect scrolls the outline map into view and gives its place in the
// window: left, top, width, height in CSS pixels.
func (b *browser) canvasRect() (float64, float64, float64, float64) {
	b.t.Helper()
	sel := b.pick(`[data-test=outline-canvas]`, "")
	rect, err := chromedp.Run(b.ctx, chromedp.Evaluate[[]float64](fmt.Sprintf(`(() => {
		const e = document.querySelector(%q);
		e.scrollIntoView({block: 'center'});
		const r = e.getBoundingClientRect();
		return [r.left, r.top, r.width, r.height];
	})()`, sel)))
	if err != nil || len(rect) != 4 || rect[2] < 200 || rect[3] < 200 {
		b.t.Fatalf("the outline map's place: %v %v", rect, err)
	}
	return rect[0], rect[1], rect[2], rect[3]
}

// handleCenter is the middle of a drawn corner's handle in the window.
func (b *browser) handleCenter(i int) (float64, float64) {
	b.t.Helper()
	c, err := chromedp.Run(b.ctx, chromedp.Evaluate[[]float64](fmt.Sprintf(`(() => {
		const e = document.querySelectorAll('[data-test=outline-canvas] .outline-vertex')[%d];
		if (!e) return [];
		const r = e.getBoundingClientRect();
		return [r.left + r.width / 2, r.top + r.height / 2];
	})()`, i)))
	if err != nil || len(c) != 2 {
		b.screenshot("handle")
		b.t.Fatalf("corner %d's handle: %v %v", i, c, err)
	}
	return c[0], c[1]
}

// waitOutlines waits until the ids of the regions the map outlines pass
// ok, and returns them.
func (b *browser) waitOutlines(ok func([]int64) bool) []int64 {
	b.t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for {
		attr, err := chromedp.Run(b.ctx, chromedp.Evaluate[string](`(() => { const e = document.querySelector('[data-test=outline-canvas]'); return e ? e.dataset.outlineIds || '' : '' })()`))
		if err != nil {
			b.t.Fatalf("browser: %v", err)
		}
		var ids []int64
		for _, s := range strings.Split(attr, ",") {
			if id, err := strconv.ParseInt(s, 10, 64); err == nil {
				ids = append(ids, id)
			}
		}
		if ok(ids) {
			return ids
		}
		if time.Now().After(deadline) {
			b.screenshot("outlines")
			b.t.Fatalf("the map's outlines %v", ids)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// count is how many elements match css.
func (b *browser) count(css string) int {
	b.t.Helper()
	n, err := chromedp.Run(b.ctx, chromedp.Evaluate[int](fmt.Sprintf(`document.querySelectorAll(%q).length`, css)))
	if err != nil {
		b.t.Fatalf("browser: %v", err)
	}
	return n
}
