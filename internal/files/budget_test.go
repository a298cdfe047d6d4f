package files_test

import (
	"bytes"
	"compress/zlib"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"mime/multipart"
	"os"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"wenming/internal/blob"
	"wenming/internal/domain"
	"wenming/internal/files"
	"wenming/internal/store"
	"wenming/internal/store/storetest"
)

// bigPNGs are small files that claim a large canvas: n w×h RGBA PNGs of
// one colour, compressed row by row so the test itself never holds the
// pixels. They differ in a text chunk only, so each is stored apart.
func bigPNGs(w, h, n int) [][]byte {
	var idat bytes.Buffer
	z, _ := zlib.NewWriterLevel(&idat, zlib.BestCompression)
	row := make([]byte, 1+4*w)
	for i := 1; i < len(row); i += 4 {
		row[i], row[i+1], row[i+2], row[i+3] = 90, 200, 100, 255
	}
	for range h {
		z.Write(row)
	}
	z.Close()
	ihdr := make([]byte, 13)
	binary.BigEndian.PutUint32(ihdr[0:], uint32(w))
	binary.BigEndian.PutUint32(ihdr[4:], uint32(h))
	ihdr[8], ihdr[9] = 8, 6 // 8 bits, RGBA
	var pngs [][]byte
	for i := range n {
		var out bytes.Buffer
		out.WriteString("\x89PNG\r\n\x1a\n")
		chunk := func(kind string, data []byte) {
			binary.Write(&out, binary.BigEndian, uint32(len(data)))
			c := crc32.NewIEEE()
			c.Write([]byte(kind))
			c.Write(data)
			out.WriteString(kind)
			out.Write(data)
			binary.Write(&out, binary.BigEndian, c.Sum32())
		}
		chunk("IHDR", ihdr)
		chunk("tEXt", []byte("Comment\x00"+strconv.Itoa(i)))
		chunk("IDAT", idat.Bytes())
		chunk("IEND", nil)
		pngs = append(pngs, out.Bytes())
	}
	return pngs
}

// clock is a settable time for the database and the decoding budget.
type clock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *clock) add(d time.Duration) {
	c.mu.Lock()
	c.now = c.now.Add(d)
	c.mu.Unlock()
}

func upload(t *testing.T, svc *files.Service, pngs [][]byte) []int64 {
	t.Helper()
	var ids []int64
	for i, data := range pngs {
		f, err := svc.Upload(t.Context(), &domain.Actor{RealName: "测试"}, fmt.Sprintf("现场%d.png", i), bytes.NewReader(data))
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, f.ID)
	}
	return ids
}

// A request for a copy past the minute's decoding budget is refused with
// how long to wait, and served once the budget has refilled.
func TestDecodeBudgetRefusesRequestsPastIt(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
		clk := &clock{now: time.Date(2026, 3, 2, 1, 0, 0, 0, time.UTC)}
		db.SetClock(clk.Now)
		svc := lazyService(t, db)
		svc.SetDecodeBudget(3_000_000)
		ids := upload(t, svc, bigPNGs(1200, 1000, 3)) // 1.2 million pixels each
		actor := &domain.Actor{RealName: "测试"}
		for _, id := range ids[:2] {
			read(t, svc, id, files.SizeThumb)
		}
		_, _, err := svc.Open(t.Context(), actor, ids[2], files.SizeThumb)
		later, ok := errors.AsType[interface {
			error
			RetryAfter() time.Duration
		}](err)
		if !ok || later.RetryAfter() <= 0 || later.RetryAfter() > time.Minute || !strings.Contains(err.Error(), "图片处理繁忙") {
			t.Fatalf("third copy within the minute: %v", err)
		}
		if thumb, _ := copyKeys(t, db, ids[2]); thumb != "" {
			t.Fatal("copies made past the budget")
		}
		clk.add(later.RetryAfter())
		read(t, svc, ids[2], files.SizeThumb)
	})
}

// The copy worker waits for the budget instead of dropping the image: the
// copies past it are made once the budget refills.
func TestDecodeBudgetDefersTheWorker(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		clk := &clock{now: time.Date(2026, 3, 2, 1, 0, 0, 0, time.UTC)}
		db.SetClock(clk.Now)
		svc := photoService(t, db)
		svc.SetDecodeBudget(3_000_000)
		ids := upload(t, svc, bigPNGs(1200, 1000, 4))
		made := func() int {
			n := 0
			for _, id := range ids {
				if thumb, _ := copyKeys(t, db, id); thumb != "" {
					n++
				}
			}
			return n
		}
		deadline := time.Now().Add(10 * time.Second)
		for made() < 2 && time.Now().Before(deadline) {
			time.Sleep(50 * time.Millisecond)
		}
		time.Sleep(1500 * time.Millisecond)
		if n := made(); n != 2 {
			t.Fatalf("%d of 4 copies made within a budget for 2", n)
		}
		clk.add(time.Minute)
		svc.WaitCopies()
		if n := made(); n != 4 {
			t.Fatalf("%d of 4 copies made after the budget refilled", n)
		}
	})
}

// photoForm is a multipart form with the given files as "photos".
func photoForm(t *testing.T, photos map[string][]byte) []*multipart.FileHeader {
	t.Helper()
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	for name, data := range photos {
		fw, _ := mw.CreateFormFile("photos", name)
		fw.Write(data)
	}
	mw.Close()
	form, err := multipart.NewReader(&buf, mw.Boundary()).ReadForm(1 << 20)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { form.RemoveAll() })
	return form.File["photos"]
}

// One request's photos are bounded together: their bytes, and the pixels
// their headers claim (what the copies will cost), named by field.
func TestBatchBoundsPhotosTogether(t *testing.T) {
	big := bigPNGs(4000, 3000, 3) // 12 million pixels each, small files
	padded := append(exifJPEG(t), make([]byte, 600<<10)...)
	batch := files.Batch{Bytes: 1 << 20, Pixels: 30_000_000}
	for _, c := range []struct {
		name    string
		photos  map[string][]byte
		wantMsg string // "" = accepted
	}{
		{"two photos within both", map[string][]byte{"a.png": big[0], "b.png": big[1]}, ""},
		{"pixels past the bound", map[string][]byte{"a.png": big[0], "b.png": big[1], "c.png": big[2]}, "照片共 3600 万像素，超过每次提交 3000 万像素的上限"},
		{"bytes past the bound", map[string][]byte{"a.jpg": padded, "b.jpg": padded}, "超过每次提交 1 MB 的上限"},
		{"not an image: bytes only", map[string][]byte{"a.txt": []byte("说明")}, ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			err := batch.Check("photos", photoForm(t, c.photos))
			if c.wantMsg == "" {
				if err != nil {
					t.Fatal(err)
				}
				return
			}
			de, ok := domain.AsError(err)
			if !ok || de.Code != domain.CodeTooLarge || de.Field != "photos" || !strings.Contains(de.Message, c.wantMsg) {
				t.Fatalf("got %v, want %q", err, c.wantMsg)
			}
		})
	}
	if err := (files.Batch{}).Check("photos", photoForm(t, map[string][]byte{"a.png": big[0], "b.png": big[1], "c.png": big[2]})); err != nil {
		t.Fatalf("the zero batch bounds: %v", err)
	}
}

// BenchmarkBigPNGCopies measures the memory making copies takes when thirty
// PNGs of 80 million pixels (300 KB files) arrive at once and the console
// asks for their thumbnails meanwhile, with the minute's budget lifted so
// that only the memory bound holds them. Run it alone, once:
//
//	go test -run '^$' -bench BigPNGCopies -benchtime 1x ./internal/files/
//
// It reports the process's peak resident memory (Linux).
func BenchmarkBigPNGCopies(b *testing.B) {
	status, err := os.ReadFile("/proc/self/status")
	if err != nil || !bytes.Contains(status, []byte("VmHWM")) {
		b.Skip("needs Linux's /proc/self/status")
	}
	db := storetest.Open(b, store.SQLite)
	blobs, err := blob.NewDisk(b.TempDir())
	if err != nil {
		b.Fatal(err)
	}
	svc := files.NewService(db, blobs)
	svc.SetDecodeBudget(0)
	actor := &domain.Actor{RealName: "测试"}
	pngs := bigPNGs(10000, 7999, 30)
	for range b.N {
		var ids []int64
		for i, data := range pngs {
			f, err := svc.Upload(b.Context(), actor, fmt.Sprintf("p%d-%d.png", b.N, i), bytes.NewReader(data))
			if err != nil {
				b.Fatal(err)
			}
			ids = append(ids, f.ID)
		}
		var wg sync.WaitGroup
		for g := range 3 {
			wg.Go(func() {
				for _, id := range ids[g*len(ids)/3:] {
					if _, r, err := svc.Open(context.Background(), actor, id, files.SizeThumb); err == nil {
						r.Close()
					}
				}
			})
		}
		wg.Wait()
		svc.WaitCopies()
	}
	b.ReportMetric(float64(peakRSS())/1024, "peak-RSS-MB")
}

// peakRSS is the process's peak resident memory in kB.
func peakRSS() int {
	status, _ := os.ReadFile("/proc/self/status")
	for _, line := range strings.Split(string(status), "\n") {
		if kb, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			n, _ := strconv.Atoi(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(kb), "kB")))
			return n
		}
	}
	return 0
}
