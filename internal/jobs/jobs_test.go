package jobs_test

import (
	"bytes"
	"context"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"testing/synctest"
	"time"

	"wenming/internal/domain"
	"wenming/internal/jobs"
	"wenming/internal/store"
	"wenming/internal/store/storetest"
	"wenming/internal/webhook"
)

// logBuffer collects the log lines of the jobs, safely across goroutines.
type logBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *logBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *logBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

func logger(w io.Writer) *slog.Logger { return slog.New(slog.NewTextHandler(w, nil)) }

// A job runs as soon as the server starts, then once per interval, each
// job on its own interval.
func TestJobsRunAtStartAndOnEachTick(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		ctx, cancel := context.WithCancel(t.Context())
		var clocks, bulletins atomic.Int32
		wait := jobs.Start(ctx, logger(io.Discard),
			jobs.Job{Name: "case clocks", Every: time.Minute, Run: func(context.Context) (int, error) { clocks.Add(1); return 0, nil }},
			jobs.Job{Name: "scheduled bulletins", Every: time.Hour, Run: func(context.Context) (int, error) { bulletins.Add(1); return 0, nil }})
		synctest.Wait()
		if clocks.Load() != 1 || bulletins.Load() != 1 {
			t.Fatalf("at start: %d clock runs, %d bulletin runs; want one each", clocks.Load(), bulletins.Load())
		}
		time.Sleep(59*time.Minute + 30*time.Second)
		synctest.Wait()
		if clocks.Load() != 60 || bulletins.Load() != 1 {
			t.Fatalf("after 59½ minutes: %d clock runs, %d bulletin runs; want 60 and 1", clocks.Load(), bulletins.Load())
		}
		time.Sleep(time.Minute)
		synctest.Wait()
		if clocks.Load() != 61 || bulletins.Load() != 2 {
			t.Fatalf("after the hour: %d clock runs, %d bulletin runs; want 61 and 2", clocks.Load(), bulletins.Load())
		}
		cancel()
		wait()
	})
}

// Stopping waits for a run in progress to finish, and nothing runs after.
func TestStopWaitsForTheRunningJob(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		ctx, cancel := context.WithCancel(t.Context())
		var runs atomic.Int32
		var finished atomic.Bool
		wait := jobs.Start(ctx, logger(io.Discard), jobs.Job{Name: "webhook deliveries", Every: time.Minute, Run: func(ctx context.Context) (int, error) {
			if runs.Add(1) == 2 {
				<-ctx.Done()
				time.Sleep(3 * time.Second) // settling what was sent
				finished.Store(true)
				return 0, ctx.Err()
			}
			return 1, nil
		}})
		time.Sleep(90 * time.Second) // into the second run
		synctest.Wait()
		cancel()
		wait()
		if !finished.Load() {
			t.Fatal("stop returned while a run was still going")
		}
		time.Sleep(10 * time.Minute)
		synctest.Wait()
		if n := runs.Load(); n != 2 {
			t.Fatalf("%d runs, want none after the stop", n)
		}
	})
}

// A failed run is logged with the job's name and the error, and the job
// runs again at its next tick (there is no backoff: due work is retried
// at the job's own pace, and a delivery's own backoff lives with it); a
// run that found work says how much; one that ends because the server
// stops is not an error.
func TestFailuresAreLoggedAndRetriedOnTheNextTick(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		ctx, cancel := context.WithCancel(t.Context())
		var out logBuffer
		var at []time.Duration
		start := time.Now()
		wait := jobs.Start(ctx, logger(&out), jobs.Job{Name: "case clocks", Every: time.Minute, Run: func(ctx context.Context) (int, error) {
			at = append(at, time.Since(start))
			switch len(at) {
			case 1, 2:
				return 0, errors.New("database is locked")
			case 3:
				return 4, nil
			default:
				<-ctx.Done()
				return 0, ctx.Err()
			}
		}})
		time.Sleep(3*time.Minute + time.Second)
		synctest.Wait()
		cancel()
		wait()
		if len(at) != 4 || at[0] != 0 || at[1] != time.Minute || at[2] != 2*time.Minute || at[3] != 3*time.Minute {
			t.Fatalf("runs at %v, want every minute from the start", at)
		}
		log := out.String()
		if strings.Count(log, "job failed") != 2 || !strings.Contains(log, `job="case clocks"`) || !strings.Contains(log, "database is locked") {
			t.Fatalf("failures not logged as such:\n%s", log)
		}
		if strings.Count(log, "job done") != 1 || !strings.Contains(log, "count=4") {
			t.Fatalf("the run that did work is not logged:\n%s", log)
		}
		if strings.Contains(log, "context canceled") {
			t.Fatalf("stopping was logged as a failure:\n%s", log)
		}
	})
}

// Two app servers run the same due work side by side: every webhook
// delivery is posted exactly once, and both stop cleanly.
func TestTwoServersPostEachDeliveryOnce(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
		ctx := context.Background()
		var mu sync.Mutex
		posts := map[string]int{}
		gw := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			time.Sleep(2 * time.Millisecond)
			mu.Lock()
			posts[r.Header.Get("X-Wenming-Delivery")]++
			mu.Unlock()
		}))
		defer gw.Close()
		allow, err := webhook.ParseAllowlist("127.0.0.1")
		if err != nil {
			t.Fatal(err)
		}
		admin := &domain.Actor{Username: "system", RealName: "测试", Roles: []domain.Role{domain.RoleSysAdmin}, Scope: domain.ScopeAll}
		one, two := webhook.NewService(db, allow), webhook.NewService(db, allow)
		if _, err := one.Create(ctx, admin, webhook.Webhook{Name: "短信网关", URL: gw.URL + "/hook", Secret: "0123456789abcdef",
			Events: []string{"case.created"}, Active: true}); err != nil {
			t.Fatal(err)
		}
		const n = 60
		if err := db.Write(ctx, func(c *store.Conn) error {
			for i := range n {
				if err := webhook.Enqueue(ctx, c, "case.created", int64(i+1), nil, map[string]any{"description": "人民广场东侧垃圾堆积"}); err != nil {
					return err
				}
			}
			return nil
		}); err != nil {
			t.Fatal(err)
		}
		runCtx, stop := context.WithCancel(ctx)
		var out logBuffer
		waitOne := jobs.Start(runCtx, logger(&out), jobs.Job{Name: "webhook deliveries", Every: 5 * time.Millisecond, Run: one.Deliver})
		waitTwo := jobs.Start(runCtx, logger(&out), jobs.Job{Name: "webhook deliveries", Every: 5 * time.Millisecond, Run: two.Deliver})
		deadline := time.Now().Add(30 * time.Second)
		for {
			sent, err := db.Read().Count(ctx, `SELECT COUNT(*) FROM webhook_deliveries WHERE status = 'sent'`)
			if err != nil {
				t.Fatal(err)
			}
			if sent == n {
				break
			}
			if time.Now().After(deadline) {
				t.Fatalf("%d of %d delivered in 30 s", sent, n)
			}
			time.Sleep(20 * time.Millisecond)
		}
		stop()
		waitOne()
		waitTwo()
		mu.Lock()
		defer mu.Unlock()
		if len(posts) != n {
			t.Fatalf("%d deliveries posted, want %d", len(posts), n)
		}
		for id, times := range posts {
			if times != 1 {
				t.Errorf("delivery %s posted %d times", id, times)
			}
		}
		if strings.Contains(out.String(), "job failed") {
			t.Errorf("a server failed:\n%s", out.String())
		}
	})
}
