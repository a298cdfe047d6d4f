package store_test

import (
	"context"
	"errors"
	"io/fs"
	"slices"
	"testing"
	"time"

	"wenming/internal/domain"
	"wenming/internal/store"
	"wenming/internal/store/storetest"
)

// The two engines' migrations must move in step: the same numbered files.
func TestMigrationFoldersInStep(t *testing.T) {
	names := func(d store.Dialect) []string {
		fsys, err := store.MigrationsFS(d)
		if err != nil {
			t.Fatal(err)
		}
		files, err := fs.Glob(fsys, "*.sql")
		if err != nil {
			t.Fatal(err)
		}
		return files
	}
	lite, pg := names(store.SQLite), names(store.Postgres)
	if len(lite) == 0 {
		t.Fatal("no migrations found")
	}
	if !slices.Equal(lite, pg) {
		t.Fatalf("migration folders differ:\nsqlite:   %v\npostgres: %v", lite, pg)
	}
}

// Both schemas must answer the same queries the same way.
func TestSchemasAnswerAlike(t *testing.T) {
	ctx := context.Background()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		at := time.Date(2026, 3, 1, 8, 30, 0, 123456000, time.UTC)
		db.SetClock(func() time.Time { return at })
		err := db.Write(ctx, func(c *store.Conn) error {
			root, err := c.Insert(ctx, `INSERT INTO regions (code, name, level, sort_key, created_at, updated_at) VALUES (?, ?, 'county', ?, ?, ?)`, "620422", "会宁县", "huining", c.Now, c.Now)
			if err != nil {
				return err
			}
			_, err = c.Insert(ctx, `INSERT INTO regions (code, name, level, parent_id, sort_key, created_at, updated_at) VALUES (?, ?, 'street', ?, ?, ?, ?)`, "620422100", "会师镇", root, "huishi", c.Now, c.Now)
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		rows, err := db.Read().Query(ctx, `SELECT code, name, created_at FROM regions WHERE code LIKE ? ORDER BY sort_key`, "620422%")
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		var got []string
		for rows.Next() {
			var code, name string
			var created time.Time
			if err := rows.Scan(&code, &name, &created); err != nil {
				t.Fatal(err)
			}
			if !created.Equal(at) {
				t.Errorf("created_at = %v, want %v", created, at)
			}
			got = append(got, code+" "+name)
		}
		want := []string{"620422 会宁县", "620422100 会师镇"}
		if !slices.Equal(got, want) {
			t.Fatalf("got %v, want %v", got, want)
		}
	})
}

func TestUniqueViolationIsConflict(t *testing.T) {
	ctx := context.Background()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		insert := func(c *store.Conn) error {
			_, err := c.Exec(ctx, `INSERT INTO regions (code, name, level, created_at, updated_at) VALUES ('620422', '会宁县', 'county', ?, ?)`, c.Now, c.Now)
			return err
		}
		if err := db.Write(ctx, insert); err != nil {
			t.Fatal(err)
		}
		err := db.Write(ctx, insert)
		if !errors.Is(err, domain.ErrConflict) {
			t.Fatalf("second insert: got %v, want a conflict", err)
		}
	})
}

func TestAuditLogIsAppendOnly(t *testing.T) {
	ctx := context.Background()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		err := db.Write(ctx, func(c *store.Conn) error {
			_, err := c.Exec(ctx, `INSERT INTO audit_log (at, action, entity) VALUES (?, 'create', 'unit')`, c.Now)
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		for _, stmt := range []string{`UPDATE audit_log SET action = 'x'`, `DELETE FROM audit_log`} {
			err := db.Write(ctx, func(c *store.Conn) error { _, err := c.Exec(ctx, stmt); return err })
			if err == nil {
				t.Errorf("%s: succeeded, want refusal", stmt)
			}
		}
		n, err := db.Read().Count(ctx, `SELECT COUNT(*) FROM audit_log WHERE action = 'create'`)
		if err != nil || n != 1 {
			t.Fatalf("audit rows = %d, %v; want 1", n, err)
		}
	})
}

func TestWriteRollsBackOnError(t *testing.T) {
	ctx := context.Background()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		boom := errors.New("boom")
		err := db.Write(ctx, func(c *store.Conn) error {
			if _, err := c.Exec(ctx, `INSERT INTO regions (code, name, level, created_at, updated_at) VALUES ('620422', '会宁县', 'county', ?, ?)`, c.Now, c.Now); err != nil {
				return err
			}
			return boom
		})
		if !errors.Is(err, boom) {
			t.Fatalf("err = %v", err)
		}
		if n, _ := db.Read().Count(ctx, `SELECT COUNT(*) FROM regions`); n != 0 {
			t.Fatalf("regions = %d after rollback, want 0", n)
		}
	})
}
