package files_test

import (
	"bytes"
	"context"
	"encoding/binary"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"io"
	"math"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/rwcarlsen/goexif/exif"

	"wenming/internal/blob"
	"wenming/internal/domain"
	"wenming/internal/files"
	"wenming/internal/store"
	"wenming/internal/store/storetest"
)

// exifJPEG is a 400×300 JPEG whose EXIF says: rotate 90° to view
// (orientation 6), taken 2026-09-29 14:30 (camera local time), at
// 35°41'36"N 105°3'11"E.
func exifJPEG(t *testing.T) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, 400, 300))
	for x := range 400 {
		for y := range 300 {
			img.Set(x, y, color.RGBA{uint8(x / 2), uint8(y), 60, 255})
		}
	}
	var pic bytes.Buffer
	if err := jpeg.Encode(&pic, img, nil); err != nil {
		t.Fatal(err)
	}
	le := binary.LittleEndian
	tiff := make([]byte, 190)
	copy(tiff, "II*\x00")
	le.PutUint32(tiff[4:], 8)
	entry := func(at int, tag, typ uint16, count, value uint32) {
		le.PutUint16(tiff[at:], tag)
		le.PutUint16(tiff[at+2:], typ)
		le.PutUint32(tiff[at+4:], count)
		le.PutUint32(tiff[at+8:], value)
	}
	const short, long, ascii, rational = 3, 4, 2, 5
	le.PutUint16(tiff[8:], 3) // IFD0 at 8
	entry(10, 0x0112, short, 1, 6)
	entry(22, 0x8769, long, 1, 50)    // Exif IFD
	entry(34, 0x8825, long, 1, 68)    // GPS IFD
	le.PutUint16(tiff[50:], 1)        // Exif IFD at 50
	entry(52, 0x9003, ascii, 20, 122) // DateTimeOriginal
	le.PutUint16(tiff[68:], 4)        // GPS IFD at 68
	entry(70, 0x0001, ascii, 2, uint32('N'))
	entry(82, 0x0002, rational, 3, 142)
	entry(94, 0x0003, ascii, 2, uint32('E'))
	entry(106, 0x0004, rational, 3, 166)
	copy(tiff[122:], "2026:09:29 14:30:00\x00")
	for i, v := range []uint32{35, 1, 41, 1, 36, 1, 105, 1, 3, 1, 11, 1} {
		le.PutUint32(tiff[142+4*i:], v)
	}
	app1 := append([]byte("Exif\x00\x00"), tiff...)
	var out bytes.Buffer
	out.Write(pic.Bytes()[:2])
	out.Write([]byte{0xff, 0xe1, byte((len(app1) + 2) >> 8), byte(len(app1) + 2)})
	out.Write(app1)
	out.Write(pic.Bytes()[2:])
	return out.Bytes()
}

// photoService makes copies in the background, as in production; the test
// waits for the worker before its folders are removed.
func photoService(t *testing.T, db *store.DB) *files.Service {
	svc := files.NewService(db, blobStore(t))
	t.Cleanup(svc.WaitCopies)
	return svc
}

// lazyService leaves every copy to the first request that asks for it.
func lazyService(t *testing.T, db *store.DB) *files.Service {
	return files.NewLazyService(db, blobStore(t))
}

func blobStore(t *testing.T) blob.Store {
	blobs, err := blob.NewDisk(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	return blobs
}

// copyKeys reads the copy keys recorded on a file's row.
func copyKeys(t *testing.T, db *store.DB, id int64) (thumb, display string) {
	t.Helper()
	if err := db.Read().Get(t.Context(), "文件", `SELECT thumb_sha256, display_sha256 FROM files WHERE id = ?`, []any{id}, &thumb, &display); err != nil {
		t.Fatal(err)
	}
	return thumb, display
}

func read(t *testing.T, svc *files.Service, id int64, size string) []byte {
	t.Helper()
	f, r, err := svc.Open(t.Context(), &domain.Actor{RealName: "测试"}, id, size)
	if err != nil {
		t.Fatalf("open %q: %v", size, err)
	}
	defer r.Close()
	b, err := io.ReadAll(r)
	if err != nil {
		t.Fatal(err)
	}
	if size != files.SizeOriginal && f.ContentType != "image/jpeg" {
		t.Fatalf("%s copy served as %q", size, f.ContentType)
	}
	return b
}

func decode(t *testing.T, b []byte) image.Image {
	t.Helper()
	img, _, err := image.Decode(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	return img
}

// redOfRow is the mean red of one pixel row; exifJPEG's red grows with
// the stored x, which shown upright runs from top to bottom.
func redOfRow(img image.Image, y int) int {
	b, sum := img.Bounds(), 0
	for x := b.Min.X; x < b.Max.X; x++ {
		r, _, _, _ := img.At(x, y).RGBA()
		sum += int(r >> 8)
	}
	return sum / b.Dx()
}

// The upload keeps what the camera said and leaves the copies for later;
// the first request for one makes it upright, and the display copy carries
// no GPS.
func TestPhotoKeepsEXIFAndShowsUpright(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
		ctx := context.Background()
		svc := lazyService(t, db)
		system := &domain.Actor{RealName: "测试"}
		data := exifJPEG(t)
		f, err := svc.Upload(ctx, system, "现场.jpg", bytes.NewReader(data))
		if err != nil {
			t.Fatal(err)
		}
		p := f.Photo
		if p == nil || p.Width != 300 || p.Height != 400 {
			t.Fatalf("photo %+v, want upright 300×400", p)
		}
		if want := time.Date(2026, 9, 29, 14, 30, 0, 0, domain.Beijing); p.TakenAt == nil || !p.TakenAt.Equal(want) {
			t.Fatalf("taken at %v, want %v", p.TakenAt, want)
		}
		if p.Lat == nil || math.Abs(*p.Lat-35.693333) > 1e-4 || math.Abs(*p.Lng-105.053056) > 1e-4 {
			t.Fatalf("GPS %v,%v", p.Lat, p.Lng)
		}
		if thumb, display := copyKeys(t, db, f.ID); thumb != "" || display != "" {
			t.Fatalf("copies %q %q made during the upload", thumb, display)
		}

		thumb := decode(t, read(t, svc, f.ID, files.SizeThumb))
		if b := thumb.Bounds(); b.Dx() != 240 || b.Dy() != 320 {
			t.Fatalf("thumbnail %dx%d, want 240×320 upright", b.Dx(), b.Dy())
		}
		if top, bottom := redOfRow(thumb, 1), redOfRow(thumb, 318); top > 40 || bottom < 160 {
			t.Fatalf("thumbnail red top %d bottom %d: not turned a quarter clockwise", top, bottom)
		}
		if k, _ := copyKeys(t, db, f.ID); k == "" {
			t.Fatal("the copies made on request were not recorded")
		}
		display := read(t, svc, f.ID, files.SizeDisplay)
		if b := decode(t, display).Bounds(); b.Dx() != 300 || b.Dy() != 400 {
			t.Fatalf("display %dx%d, want 300×400", b.Dx(), b.Dy())
		}
		if x, err := exif.Decode(bytes.NewReader(display)); err == nil {
			if _, _, err := x.LatLong(); err == nil {
				t.Fatal("the display copy carries the GPS of the original")
			}
		}
		if !bytes.Equal(read(t, svc, f.ID, files.SizeOriginal), data) {
			t.Fatal("the original was changed; it is the evidence and must stay byte for byte")
		}
		if _, _, err := svc.Open(ctx, system, f.ID, "huge"); err == nil {
			t.Fatal("an unknown size was accepted")
		}
	})
}

// Right after an upload the worker makes the copies, so lists find them.
func TestPhotoCopiesMadeInBackground(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
		svc := photoService(t, db)
		f, err := svc.Upload(t.Context(), &domain.Actor{RealName: "测试"}, "现场.jpg", bytes.NewReader(exifJPEG(t)))
		if err != nil {
			t.Fatal(err)
		}
		svc.WaitCopies()
		thumb, display := copyKeys(t, db, f.ID)
		if len(thumb) != 64 || len(display) != 64 {
			t.Fatalf("copies %q %q not made in the background", thumb, display)
		}
		if b := decode(t, read(t, svc, f.ID, files.SizeThumb)).Bounds(); b.Dx() != 240 || b.Dy() != 320 {
			t.Fatalf("thumbnail %dx%d", b.Dx(), b.Dy())
		}
	})
}

// A stopping server leaves the queued images to the first request for
// their copies instead of making them all first (the demo queues hundreds).
func TestPhotoCopiesStopLeavesQueueToRequests(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
		svc := photoService(t, db)
		svc.StopCopies()
		f, err := svc.Upload(t.Context(), &domain.Actor{RealName: "测试"}, "现场.jpg", bytes.NewReader(exifJPEG(t)))
		if err != nil {
			t.Fatal(err)
		}
		svc.WaitCopies()
		if thumb, _ := copyKeys(t, db, f.ID); thumb != "" {
			t.Fatalf("the stopped worker still made the copies (%q)", thumb)
		}
		if b := decode(t, read(t, svc, f.ID, files.SizeThumb)).Bounds(); b.Dx() != 240 {
			t.Fatalf("thumbnail made on request is %d wide", b.Dx())
		}
	})
}

// Many first requests at once for the copies of one photo all get them.
func TestPhotoFirstRequestsAtOnce(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
		svc := lazyService(t, db)
		f, err := svc.Upload(t.Context(), &domain.Actor{RealName: "测试"}, "现场.jpg", bytes.NewReader(exifJPEG(t)))
		if err != nil {
			t.Fatal(err)
		}
		sizes := []string{files.SizeThumb, files.SizeDisplay, files.SizeThumb, files.SizeDisplay, files.SizeThumb, files.SizeDisplay}
		got := make([][]byte, len(sizes))
		var wg sync.WaitGroup
		for i, size := range sizes {
			wg.Go(func() {
				_, r, err := svc.Open(context.Background(), &domain.Actor{RealName: "测试"}, f.ID, size)
				if err != nil {
					t.Errorf("request %d for %s: %v", i, size, err)
					return
				}
				got[i], _ = io.ReadAll(r)
				r.Close()
			})
		}
		wg.Wait()
		for i := range sizes {
			if _, err := jpeg.Decode(bytes.NewReader(got[i])); err != nil || !bytes.Equal(got[i], got[i%2]) {
				t.Fatalf("request %d got a different or unreadable %s copy (%v)", i, sizes[i], err)
			}
		}
	})
}

// withBadPixels keeps a JPEG whole but makes its scan data undecodable.
func withBadPixels(t *testing.T, b []byte) []byte {
	t.Helper()
	b = bytes.Clone(b)
	sos := bytes.Index(b, []byte{0xff, 0xda})
	if sos < 0 {
		t.Fatal("no scan")
	}
	for i := sos + 2 + int(binary.BigEndian.Uint16(b[sos+2:])); i+1 < len(b)-2; i += 2 {
		b[i], b[i+1] = 0xff, 0x00
	}
	return b
}

// A photo whose pixels are damaged behind a sound header passes the upload
// but answers a Chinese refusal, not the original, when a copy is asked for.
func TestPhotoBrokenPixels(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
		svc := lazyService(t, db)
		system := &domain.Actor{RealName: "测试"}
		data := withBadPixels(t, exifJPEG(t))
		f, err := svc.Upload(t.Context(), system, "坏图.jpg", bytes.NewReader(data))
		if err != nil {
			t.Fatal(err)
		}
		for range 2 { // the second answer comes from the recorded mark
			_, r, err := svc.Open(t.Context(), system, f.ID, files.SizeDisplay)
			de, ok := domain.AsError(err)
			if r != nil || !ok || de.Code != domain.CodeInvalid || de.Field != "file" || !strings.Contains(de.Message, "已损坏") {
				t.Fatalf("display of a broken photo: %v, want a refusal on field file", err)
			}
		}
		if thumb, _ := copyKeys(t, db, f.ID); thumb != "broken" {
			t.Fatalf("copy keys %q, want the broken mark", thumb)
		}
		if !bytes.Equal(read(t, svc, f.ID, files.SizeOriginal), data) {
			t.Fatal("the original of a broken photo is gone")
		}
	})
}

func TestPhotoAcceptsHEICAndRefusesDisguises(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
		ctx := context.Background()
		svc := photoService(t, db)
		system := &domain.Actor{RealName: "测试"}
		heic, err := os.ReadFile("testdata/photo.heic")
		if err != nil {
			t.Fatal(err)
		}
		f, err := svc.Upload(ctx, system, "IMG_0001.HEIC", bytes.NewReader(heic))
		if err != nil {
			t.Fatal(err)
		}
		if f.ContentType != "image/heic" || f.Photo == nil || f.Photo.Width != 400 || f.Photo.Height != 300 {
			t.Fatalf("HEIC upload %+v %+v", f, f.Photo)
		}
		if b := decode(t, read(t, svc, f.ID, files.SizeThumb)).Bounds(); b.Dx() != 320 || b.Dy() != 240 {
			t.Fatalf("HEIC thumbnail %dx%d, want a 320×240 JPEG", b.Dx(), b.Dy())
		}
		// A phone's motion photo carries a clip after the picture.
		if _, err := svc.Upload(ctx, system, "动态.jpg", bytes.NewReader(append(exifJPEG(t), "ftypmp42 clip"...))); err != nil {
			t.Fatalf("a JPEG with bytes after its end: %v", err)
		}
		whole, png := exifJPEG(t), pngPhoto(t)
		for name, body := range map[string][]byte{
			"文字.jpg":  []byte("这只是一段文字，不是照片"),
			"伪装.heic": append([]byte("\x00\x00\x00\x18ftypmp42"), make([]byte, 64)...),
			"截断.jpg":  whole[:400],
			"断尾.jpg":  whole[:len(whole)-100],
			"断尾.png":  png[:len(png)-30],
			"空.png":   {},
		} {
			_, err := svc.Upload(ctx, system, name, bytes.NewReader(body))
			de, ok := domain.AsError(err)
			if !ok || de.Code != domain.CodeInvalid || de.Field != "file" || !strings.Contains(de.Message, name) {
				t.Fatalf("%s: %v, want a refusal on field file naming the file", name, err)
			}
		}
		big := append(exifJPEG(t), make([]byte, 50<<20)...)
		_, err = svc.Upload(ctx, system, "大图.jpg", bytes.NewReader(big))
		if de, ok := domain.AsError(err); !ok || de.Code != domain.CodeTooLarge {
			t.Fatalf("50 MB photo: %v, want too_large", err)
		}
	})
}

func pngPhoto(t *testing.T) []byte {
	img := image.NewRGBA(image.Rect(0, 0, 400, 300))
	for x := range 400 {
		img.Set(x, x%300, color.RGBA{200, 30, 30, 255})
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// JPEG has no transparency: a PNG's see-through parts come out white.
func TestPhotoTransparentOnWhite(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
		svc := lazyService(t, db)
		f, err := svc.Upload(t.Context(), &domain.Actor{RealName: "测试"}, "标识.png", bytes.NewReader(pngPhoto(t)))
		if err != nil {
			t.Fatal(err)
		}
		thumb := decode(t, read(t, svc, f.ID, files.SizeThumb))
		if r, g, b, _ := thumb.At(300, 20).RGBA(); r>>8 < 240 || g>>8 < 240 || b>>8 < 240 {
			t.Fatalf("transparent corner shows as %d,%d,%d, want white", r>>8, g>>8, b>>8)
		}
	})
}
