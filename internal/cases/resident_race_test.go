package cases_test

import (
	"fmt"
	"sync"
	"testing"

	"wenming/internal/cases"
	"wenming/internal/store"
	"wenming/internal/store/storetest"
)

// A resident whose phone sends one report twice at once gets one case, and
// the copy that lost the race leaves no photo behind: a report's photos are
// recorded in its own transaction.
func TestResidentReportSentTwiceAtOnce(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
		w := newWorld(t, db)
		photo := pngBytes(320, 240)
		for i := range 6 {
			key := fmt.Sprintf("twice-%d", i)
			var wg sync.WaitGroup
			created := make([]bool, 2)
			tokens := make([]string, 2)
			for j := range 2 {
				wg.Add(1)
				go func() {
					defer wg.Done()
					r, ok, err := w.cases.SnapByResident(w.ctx, cases.ResidentInput{ClientKey: key, CategoryID: w.garbage.ID, Description: "垃圾桶满溢"},
						[]cases.Upload{{Name: "现场.png", Body: bytesReader(photo)}})
					if err != nil {
						t.Errorf("%s copy %d: %v", key, j, err)
					}
					created[j], tokens[j] = ok, r.Token
				}()
			}
			wg.Wait()
			if created[0] == created[1] || tokens[0] != tokens[1] {
				t.Fatalf("%s: created %v, tokens %v; want one case made and both told its token", key, created, tokens)
			}
		}
		var files, photos int
		w.must(db.Read().QueryRow(w.ctx, `SELECT COUNT(*) FROM files`).Scan(&files))
		w.must(db.Read().QueryRow(w.ctx, `SELECT COUNT(*) FROM case_photos`).Scan(&photos))
		if files != 6 || photos != 6 {
			t.Fatalf("%d file rows and %d case photos for six reports of one photo each", files, photos)
		}
	})
}
