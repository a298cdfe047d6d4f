package e2e

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestSubmissionReturnedResubmittedApproved is the submissions issue's
// story in the browser: a liaison uploads a PDF and an image and submits;
// the office returns it with a comment; the liaison resubmits; the office
// approves with 达标; the matrix cell turns approved and the standard's
// material rate moves.
func TestSubmissionReturnedResubmittedApproved(t *testing.T) {
	chromiumPath(t)
	base, _ := start(t, map[string]string{"WENMING_DEMO_PASSWORD": demoPassword}, "demo", "-listen", "127.0.0.1:0", "-data", t.TempDir())
	requireConsole(t, base)

	api := newClient(t, base)
	api.login("zjj_liaison", demoPassword)
	var todo struct {
		Items []struct {
			Requirement struct {
				StandardID   int64
				StandardCode string
			}
			State string
		}
	}
	api.call("GET", "/api/v1/submissions/todo", nil, &todo)
	if len(todo.Items) == 0 || todo.Items[0].State != "missing" {
		t.Fatalf("the demo liaison should have missing items: %+v", todo.Items)
	}
	rates := func() map[int64]string {
		office := newClient(t, base)
		office.login("cb_staff", demoPassword)
		var m struct {
			Standards []struct {
				ID           int64
				MaterialRate *float64
			}
			Cells []struct {
				StandardID int64
				UnitID     int64
				State      string
			}
		}
		office.call("GET", "/api/v1/submissions/matrix", nil, &m)
		out := map[int64]string{}
		for _, s := range m.Standards {
			out[s.ID] = "none"
			if s.MaterialRate != nil {
				out[s.ID] = fmt.Sprintf("%.2f", *s.MaterialRate)
			}
		}
		return out
	}
	// A standard whose rate an approval with 达标 will move.
	var code string
	var standardID int64
	initial := rates()
	for _, it := range todo.Items {
		if it.State == "missing" && initial[it.Requirement.StandardID] != "1.00" {
			code, standardID = it.Requirement.StandardCode, it.Requirement.StandardID
			break
		}
	}
	if code == "" {
		t.Fatal("no requirement of the liaison's unit whose rate can move")
	}
	before := initial[standardID]

	dir := t.TempDir()
	pdf := filepath.Join(dir, "工作台账.pdf")
	os.WriteFile(pdf, []byte("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"), 0o644)
	img := filepath.Join(dir, "现场照片.png")
	os.WriteFile(img, pngFile(t), 0o644)

	b := newBrowser(t, base, 1366, 900)
	b.login("zjj_liaison", demoPassword)
	b.bodyText("陈晓")
	b.click("menu-submissions-todo")
	b.clickRowButton("todo-table", code, "row-submit")
	b.typeInto("sub-note", "本季度工作台账及现场照片")
	b.run(chromedp.SetUploadFiles(chromedp.CSS(`input[type=file][data-test=evidence-file]`), []string{pdf}))
	b.waitText("evidence-list", "工作台账.pdf")
	b.run(chromedp.SetUploadFiles(chromedp.CSS(`input[type=file][data-test=evidence-file]`), []string{img}))
	b.waitText("evidence-list", "现场照片.png")
	b.screenshot("submit")
	b.click("sub-submit")
	b.waitText("todo-table", code, "已提交")
	b.logout()

	b.login("cb_staff", demoPassword)
	b.click("menu-submissions-review")
	b.clickRowButton("review-table", "县住建局", "row-review")
	b.pick(`[data-test="review-preview"]`, "")
	b.screenshot("review")
	b.typeInto("review-comment", "照片缺少时间地点说明")
	b.click("review-return")
	b.logout()

	b.login("zjj_liaison", demoPassword)
	b.click("menu-submissions-todo")
	b.waitText("todo-table", code, "已退回")
	b.clickRowButton("todo-table", code, "row-submit")
	b.waitText("sub-comment", "照片缺少时间地点说明")
	b.typeInto("sub-note", "已补充时间地点说明")
	b.screenshot("resubmit")
	b.click("sub-submit")
	b.waitText("todo-table", code, "已提交")
	b.logout()

	b.login("cb_staff", demoPassword)
	b.click("menu-submissions-review")
	b.clickRowButton("review-table", "县住建局", "row-review")
	b.click("review-grade-met")
	b.click("review-approve")
	b.click("menu-submissions-matrix")
	cell := fmt.Sprintf(`[data-test="matrix-cell"][data-unit="县住建局"][data-standard=%q]`, code)
	b.pick(cell, "")
	var state string
	for i := 0; i < 100 && state != "approved"; i++ {
		state, _ = chromedp.Run(b.ctx, chromedp.Evaluate[string](fmt.Sprintf(`document.querySelector(%q).dataset.state`, cell)))
		time.Sleep(100 * time.Millisecond)
	}
	b.screenshot("matrix")
	if state != "approved" {
		t.Fatalf("matrix cell state %q, want approved", state)
	}
	if after := rates()[standardID]; after == before || after == "" {
		t.Fatalf("material rate of %s did not change: %s → %s", code, before, after)
	}
}

// pngFile is a readable 400×300 image.
func pngFile(t *testing.T) []byte {
	img := image.NewRGBA(image.Rect(0, 0, 400, 300))
	for x := 0; x < 400; x++ {
		img.Set(x, x%300, color.RGBA{30, 120, 200, 255})
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}
