// Package files takes uploaded evidence — documents, spreadsheets, PDFs and
// images — checks it by content, stores it once by its hash, and hands it
// out to those allowed to see what it is attached to.
package files

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	_ "image/jpeg" // decoders for the size check
	_ "image/png"
	"io"
	"net/http"
	"path"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unicode/utf8"

	_ "golang.org/x/image/webp"

	"wenming/internal/audit"
	"wenming/internal/blob"
	"wenming/internal/domain"
	"wenming/internal/store"
)

// MaxSize bounds one file.
const MaxSize = 20 << 20

// File describes a stored file.
type File struct {
	ID          int64     `json:"id"`
	Name        string    `json:"name"`
	ContentType string    `json:"contentType"`
	Size        int64     `json:"size"`
	SHA256      string    `json:"sha256"`
	UploadedAt  time.Time `json:"uploadedAt"`
	// Photo is set for images: size, EXIF time and place.
	Photo      *Photo `json:"photo,omitempty"`
	thumb      string
	display    string
	uploadedBy *int64
	ownerKind  string
	ownerID    *int64
}

// Service stores and serves files.
type Service struct {
	db      *store.DB
	blobs   blob.Store
	readers map[string]func(ctx context.Context, actor *domain.Actor, ownerID int64) error
	// queue feeds new images to the worker that makes their copies; nil
	// leaves every copy to its first request.
	queue      chan File
	lastUpload atomic.Int64   // unix nanoseconds of the latest queued image
	stopping   atomic.Bool    // the server stops: queued images wait for a request
	pending    sync.WaitGroup // queued images not yet done, for tests
	making     flight         // one making at a time per original
	developing chan struct{}  // bounds the decodes at once to the cores
	decoding   *decoding      // bounds the memory and cores decoding takes (copies.go)
}

// NewService returns the file service. Its one copy worker idles while no
// images arrive; it needs no stopping, since the queue only holds work the
// first request for a copy would otherwise do.
func NewService(db *store.DB, blobs blob.Store) *Service {
	return newService(db, blobs, copyQueue)
}

func newService(db *store.DB, blobs blob.Store, queue int) *Service {
	s := &Service{db: db, blobs: blobs, readers: map[string]func(context.Context, *domain.Actor, int64) error{},
		making: flight{calls: map[string]*call{}}, developing: make(chan struct{}, runtime.GOMAXPROCS(0))}
	s.decoding = newDecoding(DecodePerMinute, db.Now)
	if queue > 0 {
		s.queue = make(chan File, queue)
		go s.work()
	}
	return s
}

// GuardOwner lets the area that owns files of a kind decide who may read
// them (a unit's submitted evidence stays within scope). Every kind that
// files are attached to needs one: files of an unguarded kind are refused,
// so a new kind of record stays closed until its area says who may read it.
func (s *Service) GuardOwner(kind string, canRead func(ctx context.Context, actor *domain.Actor, ownerID int64) error) {
	s.readers[kind] = canRead
}

// kinds are the accepted files: what the name says must match what the
// bytes are, so a renamed executable is refused.
var kinds = map[string]struct{ contentType, magic string }{
	".pdf":  {"application/pdf", "%PDF-"},
	".jpg":  {"image/jpeg", "\xff\xd8\xff"},
	".jpeg": {"image/jpeg", "\xff\xd8\xff"},
	".png":  {"image/png", "\x89PNG\r\n\x1a\n"},
	".webp": {"image/webp", "RIFF"},
	".heic": {"image/heic", "ftyp"},
	".heif": {"image/heic", "ftyp"},
	".docx": {"application/vnd.openxmlformats-officedocument.wordprocessingml.document", "PK\x03\x04"},
	".xlsx": {"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "PK\x03\x04"},
	".pptx": {"application/vnd.openxmlformats-officedocument.presentationml.presentation", "PK\x03\x04"},
	".doc":  {"application/msword", "\xd0\xcf\x11\xe0"},
	".xls":  {"application/vnd.ms-excel", "\xd0\xcf\x11\xe0"},
	".zip":  {"application/zip", "PK\x03\x04"},
	".txt":  {"text/plain; charset=utf-8", ""},
}

// Upload checks and stores one file; it stays the uploader's until a
// report attaches it.
func (s *Service) Upload(ctx context.Context, actor *domain.Actor, name string, r io.Reader) (_ File, err error) {
	defer domain.Wrap(&err, "files.Upload")
	p, err := s.Prepare(ctx, actor, name, r)
	if err != nil {
		return File{}, err
	}
	var f File
	err = s.db.Write(ctx, func(c *store.Conn) error {
		f, err = Record(ctx, c, actor, p)
		return err
	})
	if err == nil {
		s.Queue(f)
	}
	return f, err
}

// Prepared is an upload checked and its bytes stored, not yet recorded:
// a report records its photos in its own transaction, so a report that
// fails leaves no file rows behind, and costs one commit instead of four.
type Prepared struct{ file File }

// Photo says whether the upload is a picture (a case photo must be).
func (p Prepared) Photo() bool { return p.file.Photo != nil }

// Name is the upload's cleaned file name.
func (p Prepared) Name() string { return p.file.Name }

// Prepare checks one upload (type, size, that it is whole; a picture's
// EXIF) and stores its bytes.
func (s *Service) Prepare(ctx context.Context, actor *domain.Actor, name string, r io.Reader) (_ Prepared, err error) {
	defer domain.Wrap(&err, "files.Prepare")
	if actor.Has(domain.RoleAuditAdmin) {
		return Prepared{}, domain.Forbidden("安全审计员只能查看审计日志")
	}
	name = path.Base(strings.ReplaceAll(strings.TrimSpace(name), "\\", "/"))
	if name == "" || name == "." || name == "/" {
		return Prepared{}, domain.Invalid("file", "请选择要上传的文件")
	}
	if err := domain.TextLimit("file", "文件名", name, 200); err != nil {
		return Prepared{}, err
	}
	kind, ok := kinds[strings.ToLower(path.Ext(name))]
	if !ok {
		return Prepared{}, domain.Invalid("file", "不支持的文件类型“"+path.Ext(name)+"”：请上传 PDF、Word、Excel、PPT、图片（JPG/PNG/WEBP）、ZIP 或文本文件")
	}
	data, err := io.ReadAll(io.LimitReader(r, MaxSize+1))
	if err != nil {
		return Prepared{}, err
	}
	switch {
	case len(data) == 0:
		return Prepared{}, domain.Invalid("file", "文件“"+name+"”是空的")
	case len(data) > MaxSize:
		return Prepared{}, &domain.Error{Code: domain.CodeTooLarge, Field: "file", Message: fmt.Sprintf("文件“%s”超过 %d MB", name, MaxSize>>20)}
	case !matches(kind.magic, kind.contentType, data):
		return Prepared{}, domain.Invalid("file", "文件“"+name+"”的内容与扩展名不符或已损坏")
	}
	f := File{Name: name, ContentType: kind.contentType, Size: int64(len(data)), SHA256: sha(data)}
	if f.isImage() {
		p, err := inspect(name, data)
		if err != nil {
			return Prepared{}, err
		}
		f.Photo = &p
	}
	if err := s.putBlobs(ctx, data); err != nil {
		return Prepared{}, err
	}
	return Prepared{file: f}, nil
}

// Record writes a prepared upload's row and audit entry in the caller's
// transaction; once it commits, Queue hands a picture to the copy worker.
func Record(ctx context.Context, c *store.Conn, actor *domain.Actor, p Prepared) (File, error) {
	f := p.file
	f.UploadedAt = c.Now
	var by any
	if actor.UserID != 0 {
		by = actor.UserID
	}
	photo := f.Photo
	if photo == nil {
		photo = &Photo{}
	}
	var err error
	f.ID, err = c.Insert(ctx, `INSERT INTO files (name, content_type, size, sha256, uploaded_by, uploaded_at, taken_at, gps_lat, gps_lng, width, height, thumb_sha256, display_sha256)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		f.Name, f.ContentType, f.Size, f.SHA256, by, c.Now, photo.TakenAt, photo.Lat, photo.Lng, photo.Width, photo.Height, f.thumb, f.display)
	if err != nil {
		return f, err
	}
	return f, audit.Record(ctx, c, actor, audit.Change{Action: "upload", Entity: "file", EntityID: f.ID,
		Summary: fmt.Sprintf("上传文件“%s”（%d 字节）", f.Name, f.Size)})
}

// Queue has the copies of a recorded picture made outside the request.
func (s *Service) Queue(f File) {
	if f.isImage() {
		s.queueCopies(f)
	}
}

func (s *Service) putBlobs(ctx context.Context, blobs ...[]byte) error {
	for _, b := range blobs {
		if err := s.blobs.Put(ctx, key(sha(b)), bytes.NewReader(b)); err != nil {
			return fmt.Errorf("store file: %w", err)
		}
	}
	return nil
}

func matches(magic, contentType string, data []byte) bool {
	if contentType == "text/plain; charset=utf-8" {
		return utf8.Valid(data) && !strings.ContainsRune(string(data), 0)
	}
	if magic == "ftyp" {
		return isHEIF(data)
	}
	if !bytes.HasPrefix(data, []byte(magic)) {
		return false
	}
	if magic == "RIFF" {
		return len(data) > 12 && string(data[8:12]) == "WEBP"
	}
	if strings.HasPrefix(contentType, "image/") || contentType == "application/pdf" {
		return strings.HasPrefix(http.DetectContentType(data), strings.Split(contentType, ";")[0])
	}
	return true
}

// MinImageSide is the smallest width or height of an image that can be
// read as evidence (图片清).
const MinImageSide = 200

// isHEIF recognises an ISO media file whose brand is an HEIF image.
func isHEIF(data []byte) bool {
	if len(data) < 12 || string(data[4:8]) != "ftyp" {
		return false
	}
	switch string(data[8:12]) {
	case "heic", "heix", "heim", "heis", "mif1", "msf1":
		return true
	}
	return false
}

func key(sum string) string { return sum[:2] + "/" + sum }

// Attach ties files to what they evidence, inside the caller's
// transaction: the actor's own unattached uploads, or files that already
// belong to the same owner (a resubmission keeps its earlier files).
func Attach(ctx context.Context, c *store.Conn, actor *domain.Actor, ids []int64, ownerKind string, ownerID int64) error {
	if len(ids) > 20 {
		return domain.Invalid("fileIds", "一次最多附 20 个文件")
	}
	for _, id := range ids {
		var by *int64
		var kind string
		if err := c.Get(ctx, "文件", `SELECT uploaded_by, owner_kind FROM files WHERE id = ?`, []any{id}, &by, &kind); err != nil {
			return domain.Invalid("fileIds", fmt.Sprintf("文件 %d 不存在", id))
		}
		var owner *int64
		if err := c.Get(ctx, "文件", `SELECT owner_id FROM files WHERE id = ?`, []any{id}, &owner); err != nil {
			return err
		}
		if kind == ownerKind && owner != nil && *owner == ownerID {
			continue
		}
		if kind != "" || !sameUploader(by, actor) {
			return domain.Invalid("fileIds", fmt.Sprintf("文件 %d 已被使用或不是您上传的", id))
		}
		if _, err := c.Exec(ctx, `UPDATE files SET owner_kind = ?, owner_id = ? WHERE id = ?`, ownerKind, ownerID, id); err != nil {
			return err
		}
	}
	return nil
}

func sameUploader(by *int64, a *domain.Actor) bool {
	if by == nil {
		return a.UserID == 0
	}
	return *by == a.UserID
}

// Of lists the files attached to owners of one kind, by owner id.
func Of(ctx context.Context, c *store.Conn, ownerKind string, ownerIDs []int64) (map[int64][]File, error) {
	out := map[int64][]File{}
	if len(ownerIDs) == 0 {
		return out, nil
	}
	args := []any{ownerKind}
	for _, id := range ownerIDs {
		args = append(args, id)
	}
	rows, err := c.Query(ctx, `SELECT `+fileColumns+`, owner_id FROM files WHERE owner_kind = ? AND owner_id IN (`+store.Placeholders(len(ownerIDs))+`) ORDER BY id`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var f File
		var owner int64
		if err := rows.Scan(append(f.scanTargets(), &owner)...); err != nil {
			return nil, err
		}
		f.settle()
		out[owner] = append(out[owner], f)
	}
	return out, rows.Err()
}

// OpenAttached returns the content of a file attached to an owner, for an
// area that has already decided the caller may see that owner (a
// resident following their case by its token).
func (s *Service) OpenAttached(ctx context.Context, ownerKind string, ownerID, id int64, size string) (_ File, _ io.ReadCloser, err error) {
	defer domain.Wrap(&err, "files.OpenAttached %d %d", ownerID, id)
	var f File
	err = s.db.Read().Get(ctx, "文件", `SELECT `+fileColumns+` FROM files WHERE id = ? AND owner_kind = ? AND owner_id = ?`, []any{id, ownerKind, ownerID}, f.scanTargets()...)
	if err != nil {
		return f, nil, err
	}
	f.settle()
	return s.content(ctx, f, size)
}

// Copy writes a stored file's content, for archives.
func (s *Service) Copy(ctx context.Context, f File, w io.Writer) (err error) {
	defer domain.Wrap(&err, "files.Copy")
	r, err := s.blobs.Open(ctx, key(f.SHA256))
	if err != nil {
		return err
	}
	defer r.Close()
	_, err = io.Copy(w, r)
	return err
}

// fileColumns and scanTargets read a file row with its photo metadata.
const fileColumns = `id, name, content_type, size, sha256, uploaded_at, taken_at, gps_lat, gps_lng, width, height, thumb_sha256, display_sha256`

func (f *File) scanTargets() []any {
	f.Photo = &Photo{}
	return []any{&f.ID, &f.Name, &f.ContentType, &f.Size, &f.SHA256, &f.UploadedAt, &f.Photo.TakenAt, &f.Photo.Lat, &f.Photo.Lng, &f.Photo.Width, &f.Photo.Height, &f.thumb, &f.display}
}

// isImage tells files that have a thumbnail and a display copy.
func (f *File) isImage() bool { return strings.HasPrefix(f.ContentType, "image/") }

// settle drops the photo part of files that are not images.
func (f *File) settle() {
	if f.Photo != nil && f.Photo.Width == 0 {
		f.Photo = nil
	}
}

// Sizes of an image a client may ask for.
const (
	SizeOriginal = ""
	SizeThumb    = "thumb"
	SizeDisplay  = "display"
)

// Open returns a file for download. A file attached to a record is
// readable by those the record's area lets read it (never the audit
// admin); an unattached upload only by its uploader.
func (s *Service) Open(ctx context.Context, actor *domain.Actor, id int64, size string) (_ File, _ io.ReadCloser, err error) {
	defer domain.Wrap(&err, "files.Open %d", id)
	var f File
	err = s.db.Read().Get(ctx, "文件", `SELECT `+fileColumns+`, uploaded_by, owner_kind, owner_id FROM files WHERE id = ?`, []any{id},
		append(f.scanTargets(), &f.uploadedBy, &f.ownerKind, &f.ownerID)...)
	if err != nil {
		return f, nil, err
	}
	f.settle()
	if actor.Has(domain.RoleAuditAdmin) || (f.ownerKind == "" && !sameUploader(f.uploadedBy, actor)) {
		return f, nil, domain.Forbidden("无权查看该文件")
	}
	if f.ownerKind != "" {
		guard, ok := s.readers[f.ownerKind]
		if !ok || f.ownerID == nil {
			return f, nil, domain.Forbidden("无权查看该文件：它所属的记录未设定查看范围")
		}
		if err := guard(ctx, actor, *f.ownerID); err != nil {
			return f, nil, err
		}
	}
	return s.content(ctx, f, size)
}

// content opens the stored bytes of a file, or of one of an image's copies.
func (s *Service) content(ctx context.Context, f File, size string) (File, io.ReadCloser, error) {
	sum := f.SHA256
	switch {
	case size == SizeOriginal:
	case size != SizeThumb && size != SizeDisplay:
		return f, nil, domain.Invalid("size", "size 只能是 thumb 或 display")
	case !f.isImage():
		// Not an image: the original is all there is.
	default:
		var err error
		if sum, err = s.copyOf(ctx, f, size); err != nil {
			return f, nil, err
		}
		f.ContentType, f.Size = "image/jpeg", -1
	}
	r, err := s.blobs.Open(ctx, key(sum))
	if err != nil {
		return f, nil, errors.Join(errors.New("文件内容缺失"), err)
	}
	return f, r, nil
}

// ByID reads files by id, whoever owns them: an area that links photos it
// does not own (a patrol's failed check shows the photos its case took).
func ByID(ctx context.Context, c *store.Conn, ids []int64) (map[int64]File, error) {
	out := map[int64]File{}
	if len(ids) == 0 {
		return out, nil
	}
	args := make([]any, len(ids))
	for i, id := range ids {
		args[i] = id
	}
	rows, err := c.Query(ctx, `SELECT `+fileColumns+` FROM files WHERE id IN (`+store.Placeholders(len(ids))+`)`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var f File
		if err := rows.Scan(f.scanTargets()...); err != nil {
			return nil, err
		}
		f.settle()
		out[f.ID] = f
	}
	return out, rows.Err()
}
