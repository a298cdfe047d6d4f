package demo_test

import (
	"context"
	"testing"

	"wenming/internal/blob"
	"wenming/internal/cases"
	"wenming/internal/demo"
	"wenming/internal/files"
	"wenming/internal/framework"
	"wenming/internal/org"
	"wenming/internal/plan"
	"wenming/internal/store"
	"wenming/internal/store/storetest"
	"wenming/internal/submission"
)

// world is the demo county's directory loaded into a fresh database, with
// the services the other loaders need.
type world struct {
	ctx      context.Context
	db       *store.DB
	orgs     *org.Service
	fw       *framework.Service
	plans    *plan.Service
	evidence *files.Service
	subs     *submission.Service
	cases    *cases.Service
}

func newWorld(t *testing.T) *world {
	t.Helper()
	w := &world{ctx: context.Background(), db: storetest.Open(t, store.SQLite)}
	w.orgs = org.NewService(w.db)
	if _, err := demo.Load(w.ctx, w.orgs); err != nil {
		t.Fatal(err)
	}
	blobs, err := blob.NewDisk(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	w.evidence = files.NewService(w.db, blobs)
	t.Cleanup(w.evidence.WaitCopies)
	w.fw = framework.NewService(w.db, w.orgs)
	w.plans = plan.NewService(w.db, w.orgs, w.fw)
	w.subs = submission.NewService(w.db, w.orgs, w.fw, w.evidence)
	w.cases = cases.NewService(w.db, w.orgs, w.evidence)
	return w
}
