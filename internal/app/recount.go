package app

import (
	"context"
	"fmt"

	"wenming/internal/blob"
)

// recount rebuilds the counters (the cockpit's days, each unit's inbox by
// state and daily figures, the patrols' judgements per day) from the cases
// and the observations: after an import that wrote them straight into the
// database, or to repair them.
func recount(ctx context.Context, e *env) error {
	blobs, err := blob.Open(e.cfg.BlobURL, e.cfg.DataDir)
	if err != nil {
		return err
	}
	svc := NewServices(e.db, Options{Blobs: blobs, Auth: policy(e.cfg)})
	n, err := svc.Cases.Recount(ctx)
	if err != nil {
		return err
	}
	judged, err := svc.Patrol.Recount(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "已按 %d 件案件、%d 条巡查判定重新统计计数。\n", n, judged)
	return nil
}
