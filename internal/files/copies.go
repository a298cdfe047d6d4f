package files

import (
	"context"
	"fmt"
	"io"
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
		if c, err = s.ensureCopies(ctx, f); err != nil {
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
func (s *Service) ensureCopies(ctx context.Context, f File) (copies, error) {
	// The making is shared: one asker going away must not fail the others.
	work := context.WithoutCancel(ctx)
	c, err := s.making.do(ctx, f.SHA256, func() (copies, error) { return s.makeCopies(work, f) })
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
func (s *Service) makeCopies(ctx context.Context, f File) (copies, error) {
	var c copies
	err := s.db.Read().Get(ctx, "文件", `SELECT thumb_sha256, display_sha256 FROM files WHERE id = ?`, []any{f.ID}, &c.thumb, &c.display)
	if err != nil || c.thumb != "" {
		return c, err
	}
	data, err := s.original(ctx, f)
	if err != nil {
		return c, err
	}
	s.developing <- struct{}{} // bounds the memory and cores decoding takes
	thumb, display, err := develop(data)
	<-s.developing
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

// work makes the copies of new uploads, one at a time. A failure here is
// not lost: the copies stay unrecorded and the first request retries and
// reports it.
func (s *Service) work() {
	for f := range s.queue {
		s.waitQuiet(time.Now())
		s.ensureCopies(context.Background(), f)
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
		if wait <= 0 {
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
