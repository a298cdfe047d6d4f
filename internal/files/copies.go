package files

import (
	"context"
	"errors"
	"fmt"
	"io"
	"runtime/debug"
	"strconv"
	"sync"
	"time"

	"wenming/internal/domain"
	"wenming/internal/store"
)

// An image's thumbnail and display copy are made after its upload, since
// decoding and encoding take far longer than the rest of it: eagerly by
// one worker right after the upload, so lists usually find them ready, and
// otherwise by the first request that asks for one. Until then the files
// row keeps empty copy keys.

// copies are the blob keys (sha256) of an image's two copies.
type copies struct{ thumb, display string }

// broken marks, in place of the copy keys, an image whose pixels cannot be
// decoded, so the failure is told to every asker without decoding again.
const broken = "broken"

// copyQueue bounds the eager work waiting; past it, uploads do not wait
// and the first request for a copy makes it.
const copyQueue = 64

// copyOf returns the blob key of the asked copy of an image, making the
// copies first if they are not there yet. It never falls back to the
// original: only the copies are free of the camera's GPS.
func (s *Service) copyOf(ctx context.Context, f File, size string) (string, error) {
	c := copies{f.thumb, f.display}
	if c.thumb == "" {
		var err error
		if c, err = s.ensureCopies(ctx, f, false); err != nil {
			return "", err
		}
	}
	if c.thumb == broken {
		return "", domain.Invalid("file", "图片“"+f.Name+"”的内容已损坏，无法生成缩略图和展示图：请重新上传该照片")
	}
	if size == SizeDisplay {
		return c.display, nil
	}
	return c.thumb, nil
}

// ensureCopies makes an image's copies once however many ask at the same
// time (they share one making per original), and records them on the row.
// A patient maker (the worker) waits for the decoding budget; a request is
// refused while it is spent.
func (s *Service) ensureCopies(ctx context.Context, f File, patient bool) (copies, error) {
	// The making is shared: one asker going away must not fail the others.
	work := context.WithoutCancel(ctx)
	c, err := s.making.do(ctx, f.SHA256, func() (copies, error) { return s.makeCopies(work, f, patient) })
	if err != nil {
		return c, err
	}
	return c, s.db.Write(ctx, func(conn *store.Conn) error {
		_, err := conn.Exec(ctx, `UPDATE files SET thumb_sha256 = ?, display_sha256 = ? WHERE id = ?`, c.thumb, c.display, f.ID)
		return err
	})
}

// makeCopies returns the copies already recorded on the row (the worker or
// another request may have been first) or makes and stores them. Pixels
// that cannot be decoded give the broken mark, not an error: retrying
// would fail the same way.
func (s *Service) makeCopies(ctx context.Context, f File, patient bool) (copies, error) {
	var c copies
	err := s.db.Read().Get(ctx, "文件", `SELECT thumb_sha256, display_sha256 FROM files WHERE id = ?`, []any{f.ID}, &c.thumb, &c.display)
	if err != nil || c.thumb != "" {
		return c, err
	}
	data, err := s.original(ctx, f)
	if err != nil {
		return c, err
	}
	release, err := s.decoding.reserve(ctx, claimedPixels(data), patient)
	if err != nil {
		return c, err
	}
	s.developing <- struct{}{} // bounds the cores decoding takes
	thumb, display, err := develop(data)
	<-s.developing
	release()
	if err != nil {
		return copies{broken, broken}, nil
	}
	if err := s.putBlobs(ctx, thumb, display); err != nil {
		return c, err
	}
	return copies{sha(thumb), sha(display)}, nil
}

// original reads a file's stored bytes.
func (s *Service) original(ctx context.Context, f File) ([]byte, error) {
	r, err := s.blobs.Open(ctx, key(f.SHA256))
	if err != nil {
		return nil, fmt.Errorf("open original of file %d: %w", f.ID, err)
	}
	defer r.Close()
	return io.ReadAll(io.LimitReader(r, MaxSize+1))
}

// queueCopies hands a new image to the worker, without ever making the
// upload wait.
func (s *Service) queueCopies(f File) {
	if s.queue == nil {
		return
	}
	s.pending.Add(1)
	s.lastUpload.Store(time.Now().UnixNano())
	select {
	case s.queue <- f:
	default: // full: the first request for a copy makes it
		s.pending.Done()
	}
}

// WaitCopies waits until the worker is done with every queued image: the
// server waits on stopping, so a stop leaves no copy half made, and tests
// before their folders go.
func (s *Service) WaitCopies() { s.pending.Wait() }

// StopCopies finishes the copy under way and leaves the queued images to
// the first request for their copies, then returns: a server that loaded
// the demo's hundreds of photos stops in time and leaves nothing half made.
func (s *Service) StopCopies() {
	s.stopping.Store(true)
	s.pending.Wait()
}

// work makes the copies of new uploads, one at a time. A failure here is
// not lost: the copies stay unrecorded and the first request retries and
// reports it.
func (s *Service) work() {
	for f := range s.queue {
		if s.stopping.Load() {
			s.pending.Done()
			continue
		}
		s.waitQuiet(time.Now())
		if s.stopping.Load() {
			s.pending.Done()
			continue
		}
		for {
			_, err := s.ensureCopies(context.Background(), f, true)
			if _, busy := errors.AsType[*busyError](err); !busy {
				break
			}
			// It joined a request's making, which the budget refused:
			// it makes the copies itself, waiting its turn.
		}
		s.pending.Done()
	}
}

// Copies yield to uploads: making one takes some 35 ms of a core, and on
// a campaign morning the residents' reports come first. The worker waits
// until uploads pause for quietFor, but holds an image it took up no
// longer than maxDefer, so under a steady stream the copies still keep up
// (and the first request for a copy never waits on the worker).
const (
	quietFor = 200 * time.Millisecond
	maxDefer = 10 * time.Second
)

func (s *Service) waitQuiet(taken time.Time) {
	for {
		wait := quietWait(time.Now(), time.Unix(0, s.lastUpload.Load()), taken)
		if wait <= 0 || s.stopping.Load() {
			return
		}
		time.Sleep(wait)
	}
}

// quietWait says how much longer the worker holds an image it took at
// taken, the latest upload having come at last.
func quietWait(now, last, taken time.Time) time.Duration {
	return min(quietFor-now.Sub(last), maxDefer-now.Sub(taken))
}

// flight lets concurrent makers of the same copies share one making: two
// makers of the same blob at once would race on its temporary file.
type flight struct {
	mu    sync.Mutex
	calls map[string]*call
}

type call struct {
	done chan struct{}
	c    copies
	err  error
}

// do runs fn for key unless a run is under way, in which case it waits for
// that run's result (or for ctx to end).
func (fl *flight) do(ctx context.Context, key string, fn func() (copies, error)) (copies, error) {
	fl.mu.Lock()
	if c, ok := fl.calls[key]; ok {
		fl.mu.Unlock()
		select {
		case <-c.done:
			return c.c, c.err
		case <-ctx.Done():
			return copies{}, ctx.Err()
		}
	}
	c := &call{done: make(chan struct{})}
	fl.calls[key] = c
	fl.mu.Unlock()
	c.c, c.err = fn()
	fl.mu.Lock()
	delete(fl.calls, key)
	fl.mu.Unlock()
	close(c.done)
	return c.c, c.err
}

// What making copies may cost. Decoding takes four bytes a pixel (320 MB
// for the largest image accepted, whatever its file size) and about 35 ms
// of a core a million pixels, so both are counted in pixels: those decoded
// at once bound the memory, those decoded a minute bound the cores.
const (
	// DecodeAtOnce lets one image of the largest size be decoded at a
	// time, or several phone photos.
	DecodeAtOnce = maxPixels
	// DecodePerMinute is the default minute's budget: some 35 s of a core,
	// some 800 photos as the resident page sends them (1280×960).
	DecodePerMinute = 1_000_000_000
	// bigDecode is the size past which the memory a decode took is handed
	// back at once: left to the collector's pace, a second large image is
	// decoded before the first one's pixels are freed, and the process
	// holds twice the memory.
	bigDecode = 16_000_000
)

// SetDecodeBudget sets the pixels that may be decoded a minute (0: no
// bound).
func (s *Service) SetDecodeBudget(pixelsPerMinute int) {
	s.decoding.mu.Lock()
	s.decoding.perMinute = pixelsPerMinute
	s.decoding.mu.Unlock()
}

// decoding is the budget image decoding draws on.
type decoding struct {
	mu        sync.Mutex
	freed     chan struct{} // closed, and replaced, when pixels are given back
	atOnce    int           // pixels that may be decoded at the same time
	busy      int           // pixels being decoded now
	perMinute int           // pixels that may be decoded a minute (0: no bound)
	whole     time.Time     // when the minute's budget is whole again
	now       func() time.Time
}

func newDecoding(perMinute int, now func() time.Time) *decoding {
	return &decoding{freed: make(chan struct{}), atOnce: DecodeAtOnce, perMinute: perMinute, now: now}
}

// reserve takes an image's pixels from both budgets. The minute's budget
// makes a patient caller wait and refuses anyone else; everyone waits, as
// long as ctx lets them, for memory to decode in. The release gives the
// pixels back.
func (d *decoding) reserve(ctx context.Context, pixels int, patient bool) (func(), error) {
	for {
		wait := d.spend(pixels)
		if wait <= 0 {
			break
		}
		if !patient {
			return nil, &busyError{wait: wait}
		}
		// Polled, so a clock set by a test is seen too.
		select {
		case <-time.After(min(wait, time.Second)):
		case <-ctx.Done():
			return nil, ctx.Err()
		}
	}
	weight := min(pixels, d.atOnce)
	for {
		d.mu.Lock()
		if d.busy+weight <= d.atOnce {
			d.busy += weight
			d.mu.Unlock()
			break
		}
		freed := d.freed
		d.mu.Unlock()
		select {
		case <-freed:
		case <-ctx.Done():
			return nil, ctx.Err()
		}
	}
	return func() {
		d.mu.Lock()
		d.busy -= weight
		close(d.freed)
		d.freed = make(chan struct{})
		d.mu.Unlock()
		if pixels >= bigDecode {
			debug.FreeOSMemory()
		}
	}, nil
}

// spend takes pixels from the minute's budget, or says how long until it
// holds them. The budget refills steadily; an image larger than a whole
// minute's budget is taken when the budget is whole.
func (d *decoding) spend(pixels int) time.Duration {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.perMinute <= 0 {
		return 0
	}
	now := d.now()
	whole := d.whole
	if whole.Before(now) {
		whole = now
	}
	cost := time.Duration(float64(min(pixels, d.perMinute)) / float64(d.perMinute) * float64(time.Minute))
	if wait := whole.Add(cost).Sub(now) - time.Minute; wait > 0 {
		return wait
	}
	d.whole = whole.Add(cost)
	return 0
}

// busyError refuses a request for copies while the minute's budget is
// spent; the worker makes them once it refills.
type busyError struct{ wait time.Duration }

func (e *busyError) Error() string {
	return "图片处理繁忙，请 " + strconv.Itoa(max(1, int((e.wait+time.Second-1)/time.Second))) + " 秒后再试"
}

// RetryAfter is how long until the budget holds the image.
func (e *busyError) RetryAfter() time.Duration { return e.wait }
