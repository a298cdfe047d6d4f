package app

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"wenming/internal/store"
)

// `wenming recount` rebuilds emptied counters from the cases: an import
// that wrote cases straight into the database is counted afterwards.
func TestRecountRebuildsEmptiedCounters(t *testing.T) {
	ctx := context.Background()
	data := t.TempDir()
	getenv := func(k string) string {
		if k == "WENMING_DATA_DIR" {
			return data
		}
		return ""
	}
	var out bytes.Buffer
	if err := Run(ctx, []string{"migrate"}, getenv, &out, &out); err != nil {
		t.Fatal(err)
	}
	db, err := store.Open(ctx, "", data)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	exec := func(q string, args ...any) {
		t.Helper()
		if err := db.Write(ctx, func(c *store.Conn) error { _, err := c.Exec(ctx, q, args...); return err }); err != nil {
			t.Fatal(err)
		}
	}
	exec(`INSERT INTO units (id, name, kind, class, path, created_at, updated_at) VALUES (7, '县住建局', 'department', 'A', '/7/', '2026-12-01 08:00:00+00:00', '2026-12-01 08:00:00+00:00')`)
	exec(`INSERT INTO case_categories (id, code, name, kind, created_at, updated_at) VALUES (1, '01', '市容', 'campaign', '2026-12-01 08:00:00+00:00', '2026-12-01 08:00:00+00:00')`)
	for i, state := range []string{"handling", "handling", "new"} {
		lead := any(7)
		if state == "new" {
			lead = nil
		}
		exec(`INSERT INTO cases (code, source, public_token, state, category_id, description, lead_unit_id, dispatched_at, limit_minutes, created_at, updated_at)
			VALUES (?, 'hotline', ?, ?, 1, '导入', ?, '2026-12-02 02:00:00+00:00', 240, '2026-12-02 01:00:00+00:00', '2026-12-02 01:00:00+00:00')`,
			"import-"+string(rune('a'+i)), "token-"+string(rune('a'+i)), state, lead)
	}
	exec(`DELETE FROM case_days`)
	exec(`DELETE FROM unit_cases`)
	exec(`DELETE FROM unit_days`)

	out.Reset()
	if err := Run(ctx, []string{"recount"}, getenv, &out, &out); err != nil {
		t.Fatalf("recount: %v\n%s", err, out.String())
	}
	if !strings.Contains(out.String(), "已按 3 件案件、0 条巡查判定重新统计计数") {
		t.Errorf("recount said %q", out.String())
	}
	var intake, handling, received int
	if err := db.Read().QueryRow(ctx, `SELECT (SELECT intake FROM case_days WHERE day = '2026-12-02'),
		(SELECT n FROM unit_cases WHERE unit_id = 7 AND state = 'handling'),
		(SELECT received FROM unit_days WHERE unit_id = 7 AND day = '2026-12-02')`).Scan(&intake, &handling, &received); err != nil {
		t.Fatal(err)
	}
	if intake != 3 || handling != 2 || received != 2 {
		t.Errorf("after the recount: %d reported on 2 December, %d handling at unit 7, %d received by it; want 3, 2, 2", intake, handling, received)
	}
}
