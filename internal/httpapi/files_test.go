package httpapi_test

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"io"
	"net/http"
	"os"
	"strings"
	"sync"
	"testing"

	"wenming/internal/domain"
	"wenming/internal/store"
	"wenming/internal/store/storetest"
)

func pngSized(t *testing.T, w, h int) []byte {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for x := 0; x < w; x++ {
		img.Set(x, x%h, color.RGBA{200, 30, 30, 255})
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func pngBytes(t *testing.T) []byte { return pngSized(t, 400, 300) }

// Evidence files are checked by content, attached to a progress report and
// then readable by others; an unattached upload stays its uploader's.
func TestEvidenceFiles(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
		f := newFixture(t, db)
		office := f.login("county_staff")
		var fw struct{ ID int64 }
		office.upload("/api/v1/frameworks/import", "体系.xlsx", frameworkBook(t, nil)).want(201).json(&fw)
		planID, err := newPlan(f, fw.ID)
		if err != nil {
			t.Fatal(err)
		}
		var task struct{ ID int64 }
		office.do("POST", fmt.Sprintf("/api/v1/plans/%d/tasks", planID), map[string]any{"seq": 1, "title": "背街小巷整治", "phase": "advance",
			"deadline": "2026-10-31", "leadUnitIds": []int64{f.unitA}}).want(201).json(&task)

		liaison := f.login("a_liaison")
		// Refused: a text file named .jpg, an empty file, an unknown type.
		for name, content := range map[string][]byte{"照片.jpg": []byte("not really a photo"), "空.pdf": {}, "病毒.exe": []byte("MZ")} {
			res := liaison.upload("/api/v1/files", name, content).want(400)
			if e := res.apiError(); e.Error.Field != "file" || !hasChinese(e.Error.Message) {
				t.Errorf("%s: %s", name, res.body)
			}
		}
		res := liaison.upload("/api/v1/files", "小图.png", pngSized(t, 50, 50)).want(400)
		if !strings.Contains(res.apiError().Error.Message, "50×50") {
			t.Errorf("tiny image: %s", res.body)
		}
		res = liaison.upload("/api/v1/files", "exe.pdf", []byte("MZ\x90\x00 this is a program")).want(400)
		if !strings.Contains(res.apiError().Error.Message, "不符") {
			t.Errorf("disguised exe: %s", res.body)
		}
		res = liaison.upload("/api/v1/files", "big.pdf", append([]byte("%PDF-1.4\n"), make([]byte, 21<<20)...)).want(413)
		if !strings.Contains(res.apiError().Error.Message, "20 MB") {
			t.Errorf("too large: %s", res.body)
		}
		var photo struct {
			ID          int64
			ContentType string
		}
		liaison.upload("/api/v1/files", "整治后.png", pngBytes(t)).want(201).json(&photo)
		if photo.ContentType != "image/png" {
			t.Fatalf("content type %q", photo.ContentType)
		}
		var pdf struct{ ID int64 }
		liaison.upload("/api/v1/files", "台账.pdf", []byte("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n")).want(201).json(&pdf)

		// Before attaching, only the uploader may read it.
		office.do("GET", fmt.Sprintf("/api/v1/files/%d", photo.ID), nil).want(403)
		liaison.do("GET", fmt.Sprintf("/api/v1/files/%d", photo.ID), nil).want(200)

		liaison.do("POST", fmt.Sprintf("/api/v1/tasks/%d/reports", task.ID), map[string]any{"percent": 80, "text": "已整治 8 条背街小巷", "fileIds": []int64{photo.ID, pdf.ID}}).want(201)
		// Nobody else can reuse them.
		f.login("a_head").do("POST", fmt.Sprintf("/api/v1/tasks/%d/reports", task.ID), map[string]any{"percent": 90, "text": "复用", "fileIds": []int64{photo.ID}}).want(400)

		var detail struct {
			Reports []struct {
				Files []struct {
					ID   int64
					Name string
				}
			}
		}
		office.do("GET", fmt.Sprintf("/api/v1/tasks/%d", task.ID), nil).want(200).json(&detail)
		if len(detail.Reports) != 1 || len(detail.Reports[0].Files) != 2 || detail.Reports[0].Files[0].Name != "整治后.png" {
			t.Fatalf("report files: %+v", detail)
		}
		got := office.do("GET", fmt.Sprintf("/api/v1/files/%d", photo.ID), nil).want(200)
		if !bytes.Equal(got.body, pngBytes(t)) || !strings.HasPrefix(got.header.Get("Content-Disposition"), "inline") {
			t.Fatal("the attached photo does not come back as uploaded")
		}
		f.login("auditor").do("GET", fmt.Sprintf("/api/v1/files/%d", photo.ID), nil).want(403)
	})
}

func jpegSized(t *testing.T, w, h int) []byte {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for x := range w {
		for y := range h {
			img.Set(x, y, color.RGBA{uint8(x), uint8(y), 90, 255})
		}
	}
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, nil); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// Photo copies are made after the upload; the first requests for them,
// even at once, get them, and a photo whose pixels cannot be read answers
// a Chinese refusal instead of its original.
func TestPhotoCopies(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
		f := newFixture(t, db)
		liaison := f.login("a_liaison")
		original := jpegSized(t, 800, 600)
		var photo struct{ ID int64 }
		liaison.upload("/api/v1/files", "现场.jpg", original).want(201).json(&photo)

		want := map[string]image.Point{"thumb": {320, 240}, "display": {800, 600}}
		got := make([][]byte, 4)
		var wg sync.WaitGroup
		for i := range got {
			size := []string{"thumb", "display"}[i%2]
			wg.Go(func() {
				res, err := liaison.http.Get(fmt.Sprintf("%s/api/v1/files/%d?size=%s", f.srv.URL, photo.ID, size))
				if err != nil {
					t.Error(err)
					return
				}
				defer res.Body.Close()
				got[i], _ = io.ReadAll(res.Body)
				if res.StatusCode != 200 || res.Header.Get("Content-Type") != "image/jpeg" {
					t.Errorf("%s: %d %s %s", size, res.StatusCode, res.Header.Get("Content-Type"), got[i])
				}
			})
		}
		wg.Wait()
		for i, b := range got {
			size := []string{"thumb", "display"}[i%2]
			cfg, err := jpeg.DecodeConfig(bytes.NewReader(b))
			if err != nil || cfg.Width != want[size].X || cfg.Height != want[size].Y || bytes.Equal(b, original) {
				t.Fatalf("%s copy: %dx%d (%v), want a fresh %v JPEG", size, cfg.Width, cfg.Height, err, want[size])
			}
		}

		res := liaison.upload("/api/v1/files", "断尾.jpg", original[:len(original)-200]).want(400)
		if e := res.apiError(); e.Error.Field != "file" || !strings.Contains(e.Error.Message, "断尾.jpg") {
			t.Errorf("truncated photo: %s", res.body)
		}
		broken := bytes.Clone(original)
		sos := bytes.Index(broken, []byte{0xff, 0xda})
		for i := sos + 20; i+1 < len(broken)-2; i += 2 {
			broken[i], broken[i+1] = 0xff, 0x00
		}
		var bad struct{ ID int64 }
		liaison.upload("/api/v1/files", "坏图.jpg", broken).want(201).json(&bad)
		res = liaison.do("GET", fmt.Sprintf("/api/v1/files/%d?size=thumb", bad.ID), nil).want(400)
		if e := res.apiError(); e.Error.Field != "file" || !strings.Contains(e.Error.Message, "已损坏") {
			t.Errorf("broken photo: %s", res.body)
		}
		liaison.do("GET", fmt.Sprintf("/api/v1/files/%d", bad.ID), nil).want(200)
	})
}

// An upload cut off mid-way stores nothing: no row, no half-file.
func TestInterruptedUploadLeavesNothing(t *testing.T) {
	t.Parallel()
	f := newFixture(t, storetest.Open(t, store.SQLite))
	c := f.login("a_liaison")
	body := io.MultiReader(strings.NewReader("--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\n"), failingReader{})
	req, _ := http.NewRequest("POST", f.srv.URL+"/api/v1/files", body)
	req.Header.Set("Content-Type", "multipart/form-data; boundary=b")
	if res, err := c.http.Do(req); err == nil {
		res.Body.Close()
		if res.StatusCode < 400 {
			t.Fatalf("a cut-off upload was accepted: %d", res.StatusCode)
		}
	}
	if n, _ := f.db.Read().Count(t.Context(), "SELECT COUNT(*) FROM files"); n != 0 {
		t.Fatalf("%d file rows after a cut-off upload", n)
	}
	if entries, _ := os.ReadDir(f.blobDir); len(entries) != 0 {
		t.Fatalf("blob folder not empty after a cut-off upload: %v", entries)
	}
}

type failingReader struct{}

func (failingReader) Read([]byte) (int, error) { return 0, errors.New("connection lost") }

// A record's files are read by those who may read the record: a 约谈
// document by the roles that read sanctions of that unit, a unit's progress
// and target evidence within the scope that sees the unit. A grid worker, or
// a liaison of another unit, is refused them though signed in; the office and
// the unit itself still read them. Files of a kind no area guards are refused.
func TestRecordFilesStayWithThoseWhoMayReadTheRecord(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
		f := newFixture(t, db)
		f.person("b_grid", "乙网格员", f.unitB, []domain.Role{domain.RoleGridWorker}, domain.ScopeUnit, nil)
		office := f.login("county_staff")
		bLiaison := f.login("b_member")
		pdf := []byte("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n")
		upload := func(c *client, name string) int64 {
			var file struct{ ID int64 }
			c.upload("/api/v1/files", name, pdf).want(201).json(&file)
			return file.ID
		}

		// The office talks to unit B's head and files the record.
		talk := upload(office, "约谈记录.pdf")
		office.do("POST", "/api/v1/sanctions", map[string]any{"kind": "talk", "unitId": f.unitB, "title": "约谈乙单位负责人",
			"occurredAt": "2026-03-02", "fileIds": []int64{talk}}).want(201)
		// Unit B reports progress on a task it leads, and a target value it shares.
		var fw struct{ ID int64 }
		office.upload("/api/v1/frameworks/import", "体系.xlsx", frameworkBook(t, nil)).want(201).json(&fw)
		planID, err := newPlan(f, fw.ID)
		if err != nil {
			t.Fatal(err)
		}
		var task struct{ ID int64 }
		office.do("POST", fmt.Sprintf("/api/v1/plans/%d/tasks", planID), map[string]any{"seq": 1, "title": "背街小巷整治", "phase": "advance",
			"deadline": "2026-10-31", "leadUnitIds": []int64{f.unitB}, "responsibleUnitIds": []int64{f.unitA}}).want(201).json(&task)
		progress := upload(bLiaison, "整治台账.pdf")
		bLiaison.do("POST", fmt.Sprintf("/api/v1/tasks/%d/reports", task.ID), map[string]any{"percent": 60, "text": "已整治 6 条", "fileIds": []int64{progress}}).want(201)
		var targets struct{ Items []struct{ StandardID int64 } }
		bLiaison.do("GET", fmt.Sprintf("/api/v1/targets?frameworkId=%d&period=2026", fw.ID), nil).want(200).json(&targets)
		if len(targets.Items) != 1 {
			t.Fatalf("targets: %+v", targets)
		}
		measured := upload(bLiaison, "覆盖率统计.pdf")
		bLiaison.do("POST", fmt.Sprintf("/api/v1/targets/%d/reports", targets.Items[0].StandardID),
			map[string]any{"period": "2026", "value": 93, "fileIds": []int64{measured}}).want(201)

		files := map[string]int64{"约谈记录": talk, "进展报告附件": progress, "数据指标佐证": measured}
		cases := []struct {
			who  string
			want map[string]int // status per file
		}{
			{"county_staff", map[string]int{"约谈记录": 200, "进展报告附件": 200, "数据指标佐证": 200}},
			{"b_head", map[string]int{"约谈记录": 200, "进展报告附件": 200, "数据指标佐证": 200}},
			{"b_member", map[string]int{"约谈记录": 200, "进展报告附件": 200, "数据指标佐证": 200}},
			// A grid worker may not read sanctions, not even of the own unit.
			{"b_grid", map[string]int{"约谈记录": 403, "进展报告附件": 200, "数据指标佐证": 200}},
			{"a_grid", map[string]int{"约谈记录": 403, "进展报告附件": 403, "数据指标佐证": 403}},
			{"a_liaison", map[string]int{"约谈记录": 403, "进展报告附件": 403, "数据指标佐证": 403}},
			{"a_head", map[string]int{"约谈记录": 403, "进展报告附件": 403, "数据指标佐证": 403}},
			// The office of street A does not see street B's unit.
			{"a_staff", map[string]int{"约谈记录": 403, "进展报告附件": 403, "数据指标佐证": 403}},
			{"a_viewer", map[string]int{"约谈记录": 403, "进展报告附件": 403, "数据指标佐证": 403}},
			{"auditor", map[string]int{"约谈记录": 403, "进展报告附件": 403, "数据指标佐证": 403}},
		}
		for _, tc := range cases {
			t.Run(tc.who, func(t *testing.T) {
				c := f.login(tc.who)
				for name, id := range files {
					res := c.do("GET", fmt.Sprintf("/api/v1/files/%d", id), nil)
					if res.status != tc.want[name] {
						t.Errorf("%s reads %s: %d, want %d (%s)", tc.who, name, res.status, tc.want[name], res.body)
					}
					if res.status == 200 && !bytes.Equal(res.body, pdf) {
						t.Errorf("%s reads %s: not the uploaded bytes", tc.who, name)
					}
					if res.status == 403 && !hasChinese(res.apiError().Error.Message) {
						t.Errorf("%s reads %s: refusal not in Chinese: %s", tc.who, name, res.body)
					}
				}
			})
		}

		// The task's page lists another unit's report without its files, so
		// nobody is shown a link that is refused.
		var detail struct {
			Reports []struct {
				UnitID int64
				Files  []struct{ ID int64 }
			}
		}
		for who, want := range map[string]int{"a_liaison": 0, "b_member": 1, "county_staff": 1} {
			f.login(who).do("GET", fmt.Sprintf("/api/v1/tasks/%d", task.ID), nil).want(200).json(&detail)
			if len(detail.Reports) != 1 || len(detail.Reports[0].Files) != want {
				t.Errorf("%s sees the task's report with %+v, want %d files", who, detail.Reports, want)
			}
		}

		// A file attached to a kind of record no area guards is refused to
		// everyone, its uploader and the office included.
		orphan := upload(bLiaison, "新类型.pdf")
		if err := db.Write(t.Context(), func(c *store.Conn) error {
			_, err := c.Exec(t.Context(), `UPDATE files SET owner_kind = 'unguarded_kind', owner_id = 1 WHERE id = ?`, orphan)
			return err
		}); err != nil {
			t.Fatal(err)
		}
		for _, who := range []string{"b_member", "county_staff"} {
			res := f.login(who).do("GET", fmt.Sprintf("/api/v1/files/%d", orphan), nil)
			if res.status != 403 || !hasChinese(res.apiError().Error.Message) {
				t.Errorf("%s reads a file of an unguarded kind: %d %s", who, res.status, res.body)
			}
		}
	})
}
