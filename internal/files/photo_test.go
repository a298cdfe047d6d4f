package files_test

import (
	"bytes"
	"context"
	"encoding/binary"
	"image"
	"image/color"
	"image/jpeg"
	_ "image/jpeg"
	"io"
	"math"
	"os"
	"testing"
	"time"

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

func photoService(t *testing.T, db *store.DB) *files.Service {
	blobs, err := blob.NewDisk(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	return files.NewService(db, blobs)
}

func TestPhotoKeepsEXIFAndShowsUpright(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		svc := photoService(t, db)
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
		_, r, err := svc.Open(ctx, system, f.ID, files.SizeThumb)
		if err != nil {
			t.Fatal(err)
		}
		thumb, _, err := image.DecodeConfig(r)
		r.Close()
		if err != nil || thumb.Width != 240 || thumb.Height != 320 {
			t.Fatalf("thumbnail %dx%d (%v), want 240×320 upright", thumb.Width, thumb.Height, err)
		}
		_, r, err = svc.Open(ctx, system, f.ID, files.SizeOriginal)
		if err != nil {
			t.Fatal(err)
		}
		original, _ := io.ReadAll(r)
		r.Close()
		if !bytes.Equal(original, data) {
			t.Fatal("the original was changed; it is the evidence and must stay byte for byte")
		}
		if _, _, err := svc.Open(ctx, system, f.ID, "huge"); err == nil {
			t.Fatal("an unknown size was accepted")
		}
	})
}

func TestPhotoAcceptsHEICAndRefusesDisguises(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
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
		for name, body := range map[string][]byte{
			"文字.jpg":  []byte("这只是一段文字，不是照片"),
			"伪装.heic": append([]byte("\x00\x00\x00\x18ftypmp42"), make([]byte, 64)...),
			"截断.jpg":  exifJPEG(t)[:400],
			"空.png":   {},
		} {
			_, err := svc.Upload(ctx, system, name, bytes.NewReader(body))
			de, ok := domain.AsError(err)
			if !ok || de.Code != domain.CodeInvalid || de.Field != "file" {
				t.Fatalf("%s: %v, want a refusal on field file", name, err)
			}
		}
		big := append(exifJPEG(t), make([]byte, 50<<20)...)
		_, err = svc.Upload(ctx, system, "大图.jpg", bytes.NewReader(big))
		if de, ok := domain.AsError(err); !ok || de.Code != domain.CodeTooLarge {
			t.Fatalf("50 MB photo: %v, want too_large", err)
		}
	})
}
