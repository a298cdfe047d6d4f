package app

import (
	"context"
	"fmt"

	"wenming/internal/blob"
)

// recount rebuilds the case counters (the cockpit's days, each unit's inbox
// by state and daily figures) from the cases: after an import that wrote
// cases straight into the database, or to repair them.
func recount(ctx context.Context, e *env) error {
	blobs, err := blob.Open(e.cfg.BlobURL, e.cfg.DataDir)
	if err != nil {
		return err
	}
	n, err := NewServices(e.db, Options{Blobs: blobs, Auth: policy(e.cfg)}).Cases.Recount(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "已按 %d 件案件重新统计计数。\n", n)
	return nil
}
