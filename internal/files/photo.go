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
	"mime/multipart"
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

// Image copies, orientation applied, so a phone photo taken sideways shows
// upright everywhere. They are made after the upload (see copies.go), not
// while the uploader waits.
const (
	ThumbSide   = 320
	DisplaySide = 1600
	// maxPixels refuses decompression bombs: a small file that claims a
	// huge canvas.
	maxPixels = 80_000_000
)

// inspect checks an uploaded image from its header alone and reads what it
// says of itself. Decoding the pixels takes far longer than the rest of an
// upload, so it is left to the copies; the structure check catches the
// common damage (a transfer cut short) while the uploader is still there.
func inspect(name string, data []byte) (Photo, error) {
	cfg, format, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil {
		return Photo{}, domain.Invalid("file", "图片“"+name+"”无法识别或已损坏")
	}
	if cfg.Width < MinImageSide || cfg.Height < MinImageSide {
		return Photo{}, domain.Invalid("file", fmt.Sprintf("图片“%s”只有 %d×%d 像素，看不清：请上传不小于 %d×%d 像素的清晰图片", name, cfg.Width, cfg.Height, MinImageSide, MinImageSide))
	}
	if cfg.Width*cfg.Height > maxPixels {
		return Photo{}, domain.Invalid("file", fmt.Sprintf("图片“%s”的尺寸 %d×%d 过大", name, cfg.Width, cfg.Height))
	}
	if !intact(format, data) {
		return Photo{}, domain.Invalid("file", "图片“"+name+"”不完整或已损坏（可能上传中断），请重新上传")
	}
	p, orientation := readEXIF(data)
	p.Width, p.Height = cfg.Width, cfg.Height
	if orientation >= 5 {
		// Orientations 5–8 turn the picture a quarter: it stands the
		// other way up once shown.
		p.Width, p.Height = p.Height, p.Width
	}
	return p, nil
}

// Batch bounds the photos of one request taken together, beyond each
// file's own limits: their bytes, and the pixels their headers claim, which
// is what making their copies will cost (a small PNG may claim 80 million
// pixels and take 320 MB and seconds of a core to decode). Zero leaves a
// bound off.
type Batch struct {
	Bytes  int64
	Pixels int
}

// Check refuses photos that together exceed the batch, naming field. It
// reads only the images' headers.
func (b Batch) Check(field string, photos []*multipart.FileHeader) error {
	var size int64
	pixels := 0
	for _, h := range photos {
		size += h.Size
		if b.Pixels > 0 {
			pixels += headerPixels(h)
		}
	}
	if b.Bytes > 0 && size > b.Bytes {
		return &domain.Error{Code: domain.CodeTooLarge, Field: field,
			Message: fmt.Sprintf("照片共 %.1f MB，超过每次提交 %d MB 的上限：请减少照片张数或压缩后再提交", float64(size)/(1<<20), b.Bytes>>20)}
	}
	if b.Pixels > 0 && pixels > b.Pixels {
		return &domain.Error{Code: domain.CodeTooLarge, Field: field,
			Message: fmt.Sprintf("照片共 %d 万像素，超过每次提交 %d 万像素的上限：请减少照片张数或缩小尺寸后再提交", pixels/10_000, b.Pixels/10_000)}
	}
	return nil
}

// headerPixels is the canvas an uploaded image claims, 0 for what is not
// an image (the service refuses those by name).
func headerPixels(h *multipart.FileHeader) int {
	f, err := h.Open()
	if err != nil {
		return 0
	}
	defer f.Close()
	cfg, _, err := image.DecodeConfig(f)
	if err != nil {
		return 0
	}
	return cfg.Width * cfg.Height
}

// readEXIF returns the time, place and orientation (1 when unknown) the
// camera wrote, if any.
func readEXIF(data []byte) (Photo, int) {
	x, err := exif.Decode(bytes.NewReader(data))
	if err != nil {
		return Photo{}, 1
	}
	return fromEXIF(x)
}

// claimedPixels is the canvas an image's header claims, what decoding it
// will take.
func claimedPixels(data []byte) int {
	cfg, _, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil {
		return 0
	}
	return cfg.Width * cfg.Height
}

// develop decodes an image and makes the thumbnail and the display copy,
// orientation applied. The copies are fresh JPEGs, so they carry none of
// the original's EXIF (GPS included): they are what others are shown,
// while the original bytes stay unchanged as the evidence.
func develop(data []byte) (thumb, display []byte, err error) {
	defer func() {
		// It runs off the request on uploaded bytes: a decoder that
		// panics must fail this file, not stop the server.
		if r := recover(); r != nil {
			err = fmt.Errorf("develop image: panic: %v", r)
		}
	}()
	img, _, err := image.Decode(bytes.NewReader(data))
	if err != nil {
		return nil, nil, err
	}
	_, orientation := readEXIF(data)
	img = orient(img, orientation)
	if thumb, err = shrink(img, ThumbSide); err != nil {
		return nil, nil, err
	}
	if display, err = shrink(img, DisplaySide); err != nil {
		return nil, nil, err
	}
	return thumb, display, nil
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
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, flatten(img), &jpeg.Options{Quality: 82}); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// flatten readies an image for JPEG, which has no transparency: a PNG's
// see-through parts are laid on white, not black. An opaque image (every
// photo) is passed as it is, in a form the encoder reads without boxing
// each pixel.
func flatten(img image.Image) image.Image {
	if o, ok := img.(interface{ Opaque() bool }); !ok || !o.Opaque() {
		img = imaging.Overlay(imaging.New(img.Bounds().Dx(), img.Bounds().Dy(), color.White), img, image.Point{}, 1)
	}
	if n, ok := img.(*image.NRGBA); ok {
		// Opaque by now, where straight and premultiplied alpha agree.
		return &image.RGBA{Pix: n.Pix, Stride: n.Stride, Rect: n.Rect}
	}
	return img
}

func sha(data []byte) string {
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])
}
