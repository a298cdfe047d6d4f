package cases_test

import (
	"testing"

	"wenming/internal/store"
	"wenming/internal/store/storetest"
)

// Case codes count within their Beijing day and never repeat, whatever ids
// the database hands out: when a case's id met an earlier case's id plus
// 100,000 on the same day, the old code (date + id % 100000) repeated and
// every report was refused as a duplicate until midnight.
func TestCaseCodesCountPerDayAndNeverRepeat(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
		w := newWorld(t, db)
		first := w.snap("code-1", w.garbage)
		if first.Code != "6204222026092900001" {
			t.Fatalf("first code of 29 September %q, want 6204222026092900001", first.Code)
		}
		// The next id lands 100,000 after the first, as a rolled-back
		// insert's reused id once made it on SQLite.
		jump := first.ID + 99_999
		exec := func(q string, args ...any) {
			t.Helper()
			w.must(db.Write(w.ctx, func(c *store.Conn) error {
				_, err := c.Exec(w.ctx, q, args...)
				return err
			}))
		}
		if db.Dialect == store.Postgres {
			exec(`SELECT setval(pg_get_serial_sequence('cases', 'id'), ?)`, jump)
		} else {
			exec(`INSERT INTO cases (id, code, source, public_token, state, category_id, description, limit_minutes, created_at, updated_at)
				VALUES (?, 'import-1', 'hotline', 'import-1', 'new', ?, '导入', 240, ?, ?)`, jump, w.garbage.ID, w.now, w.now)
		}
		second := w.snap("code-2", w.garbage)
		if second.ID%100_000 != first.ID%100_000 {
			t.Fatalf("ids %d and %d: the test meant them equal modulo 100,000", first.ID, second.ID)
		}
		if second.Code != "6204222026092900002" {
			t.Fatalf("second code %q, want 6204222026092900002", second.Code)
		}
		w.at(9, 30, 9, 0)
		if next := w.snap("code-3", w.garbage); next.Code != "6204222026093000001" {
			t.Fatalf("first code of 30 September %q, want 6204222026093000001", next.Code)
		}
	})
}

// An upgraded database numbers its new cases apart from the old codes.
func TestCaseCodesContinueAfterUpgrade(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
		w := newWorld(t, db)
		w.snap("before-1", w.garbage)
		w.must(db.Rollback(w.ctx, 11))
		w.must(db.Write(w.ctx, func(c *store.Conn) error {
			_, err := c.Exec(w.ctx, `UPDATE cases SET code = '2026092954321'`)
			return err
		}))
		w.must(db.Migrate(w.ctx))
		// Codes now carry the jurisdiction's region code, so they never
		// meet the date-only codes of before.
		if next := w.snap("after-1", w.garbage); next.Code != "6204222026092900001" {
			t.Fatalf("first code after the upgrade %q, want 6204222026092900001", next.Code)
		}
	})
}
