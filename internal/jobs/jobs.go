// Package jobs runs periodic work in the background of a server: each job
// on its own ticker, one run at a time, stopping cleanly with the server.
// Jobs must be idempotent (dedupe keys in the database), so several app
// servers can run them side by side.
package jobs

import (
	"context"
	"log/slog"
	"sync"
	"time"
)

// Job is one periodic piece of work.
type Job struct {
	Name  string
	Every time.Duration
	Run   func(ctx context.Context) (int, error)
}

// Start runs every job now and then on its ticker until ctx ends; the
// returned wait blocks until they have all stopped.
func Start(ctx context.Context, log *slog.Logger, jobs ...Job) (wait func()) {
	var wg sync.WaitGroup
	for _, j := range jobs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			t := time.NewTicker(j.Every)
			defer t.Stop()
			for {
				if n, err := j.Run(ctx); err != nil && ctx.Err() == nil {
					log.Error("job failed", slog.String("job", j.Name), slog.Any("err", err))
				} else if n > 0 {
					log.Info("job done", slog.String("job", j.Name), slog.Int("count", n))
				}
				select {
				case <-ctx.Done():
					return
				case <-t.C:
				}
			}
		}()
	}
	return wg.Wait
}
