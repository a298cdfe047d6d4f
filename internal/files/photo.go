package files

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"image"
	"image/color"
	"image/jpeg"
	"math"
	"time"

	"github.com/disintegration/imaging"
	_ "github.com/gen2brain/heic" // phones send HEIC; decoded in-process, no system library needed
	"github.com/rwcarlsen/goexif/exif"

	"wenming/internal/domain"
)

// Photo is what an image says of itself: its size and, when the camera
// wrote EXIF, when and where it was taken.
type Photo struct {
	Width   int        `json:"width"`
	Height  int        `json:"height"`
	TakenAt *time.Time `json:"takenAt"`
	Lat     *float64   `json:"lat"`
	Lng     *float64   `json:"lng"`
}

// Image copies made on upload, orientation applied, so a phone photo taken
// sideways shows upright everywhere.
const (
	ThumbSide   = 320
	DisplaySide = 1600
	// maxPixels refuses decompression bombs: a small file that claims a
	// huge canvas.
	maxPixels = 80_000_000
)

// developed is a checked image with its metadata and its two copies.
type developed struct {
	photo          Photo
	thumb, display []byte
}

// develop decodes an image, reads its EXIF and makes the thumbnail and the
// display copy. The original bytes are kept unchanged as the evidence.
func develop(name string, data []byte) (developed, error) {
	cfg, _, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil {
		return developed{}, domain.Invalid("file", "图片“"+name+"”无法识别或已损坏")
	}
	if cfg.Width < MinImageSide || cfg.Height < MinImageSide {
		return developed{}, domain.Invalid("file", fmt.Sprintf("图片“%s”只有 %d×%d 像素，看不清：请上传不小于 %d×%d 像素的清晰图片", name, cfg.Width, cfg.Height, MinImageSide, MinImageSide))
	}
	if cfg.Width*cfg.Height > maxPixels {
		return developed{}, domain.Invalid("file", fmt.Sprintf("图片“%s”的尺寸 %d×%d 过大", name, cfg.Width, cfg.Height))
	}
	img, _, err := image.Decode(bytes.NewReader(data))
	if err != nil {
		return developed{}, domain.Invalid("file", "图片“"+name+"”已损坏，无法读取")
	}
	d := developed{}
	orientation := 1
	if x, err := exif.Decode(bytes.NewReader(data)); err == nil {
		d.photo, orientation = fromEXIF(x)
	}
	img = orient(img, orientation)
	d.photo.Width, d.photo.Height = img.Bounds().Dx(), img.Bounds().Dy()
	if d.thumb, err = shrink(img, ThumbSide); err != nil {
		return d, err
	}
	if d.display, err = shrink(img, DisplaySide); err != nil {
		return d, err
	}
	return d, nil
}

func fromEXIF(x *exif.Exif) (Photo, int) {
	var p Photo
	if t, err := x.DateTime(); err == nil && t.Year() > 1990 {
		// Cameras write local time without a zone; in China that is Beijing time.
		if t.Location() == time.Local {
			t = time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), 0, domain.Beijing)
		}
		u := t.UTC()
		p.TakenAt = &u
	}
	if lat, lng, err := x.LatLong(); err == nil && !math.IsNaN(lat) && !math.IsNaN(lng) && (lat != 0 || lng != 0) {
		p.Lat, p.Lng = &lat, &lng
	}
	orientation := 1
	if tag, err := x.Get(exif.Orientation); err == nil {
		if v, err := tag.Int(0); err == nil {
			orientation = v
		}
	}
	return p, orientation
}

// orient applies the EXIF orientation (1–8) to the pixels.
func orient(img image.Image, o int) image.Image {
	switch o {
	case 2:
		return imaging.FlipH(img)
	case 3:
		return imaging.Rotate180(img)
	case 4:
		return imaging.FlipV(img)
	case 5:
		return imaging.Transpose(img)
	case 6:
		return imaging.Rotate270(img)
	case 7:
		return imaging.Transverse(img)
	case 8:
		return imaging.Rotate90(img)
	}
	return img
}

func shrink(img image.Image, side int) ([]byte, error) {
	b := img.Bounds()
	if b.Dx() > side || b.Dy() > side {
		img = imaging.Fit(img, side, side, imaging.Linear)
	}
	// JPEG has no transparency: lay a PNG's see-through parts on white,
	// not black.
	img = imaging.Overlay(imaging.New(img.Bounds().Dx(), img.Bounds().Dy(), color.White), img, image.Point{}, 1)
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: 82}); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func sha(data []byte) string {
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])
}
