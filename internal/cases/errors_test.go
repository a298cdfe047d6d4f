package cases_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"wenming/internal/cases"
	"wenming/internal/domain"
	"wenming/internal/store"
	"wenming/internal/store/storetest"
)

// An error that is not the user's names the operation and the case it
// failed on, for the log; a refusal keeps the code and the Chinese message
// the user is told, and is never mistaken for bad input.
func TestErrorsNameTheirOperation(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
		w := newWorld(t, db)
		id := w.snap("errors-1", w.garbage).ID
		gone, cancel := context.WithCancel(w.ctx)
		cancel()
		_, err := w.cases.Dispatch(gone, w.as("staff"), id, cases.DispatchInput{UnitID: &w.unitA})
		if want := fmt.Sprintf("cases.Dispatch %d: ", id); err == nil || !strings.HasPrefix(err.Error(), want) || !errors.Is(err, context.Canceled) {
			t.Fatalf("dispatch with its request gone: %v; want it to start %q and wrap the cause", err, want)
		}
		if _, ok := domain.AsError(err); ok {
			t.Fatalf("a failed read was reported as the user's mistake: %v", err)
		}
		_, err = w.cases.Merge(gone, w.as("staff"), id, cases.MergeInput{IntoID: id + 1})
		if de, ok := domain.AsError(err); ok {
			t.Fatalf("merge with its request gone was answered as %s %q", de.Code, de.Message)
		}
		_, err = w.cases.Dispatch(w.ctx, w.as("b_liaison"), id, cases.DispatchInput{UnitID: &w.unitA})
		wantCode(t, err, domain.CodeForbidden, "")
	})
}
