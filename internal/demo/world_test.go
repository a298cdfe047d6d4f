package demo_test

import (
	"context"
	"testing"

	"wenming/internal/app"
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
	all      *app.Services
}

func newWorld(t *testing.T) *world {
	t.Helper()
	w := &world{ctx: context.Background(), db: storetest.Open(t, store.SQLite)}
	blobs, err := blob.NewDisk(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	w.all = app.NewServices(w.db, app.Options{Blobs: blobs})
	t.Cleanup(w.all.Files.WaitCopies)
	w.orgs, w.evidence, w.fw, w.plans, w.subs, w.cases = w.all.Org, w.all.Files, w.all.Framework, w.all.Plan, w.all.Submission, w.all.Cases
	if _, err := demo.Load(w.ctx, w.orgs); err != nil {
		t.Fatal(err)
	}
	return w
}
