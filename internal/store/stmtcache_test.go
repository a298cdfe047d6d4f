package store

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"testing"
)

// oneConn opens a SQLite pool of one caching connection over a fresh file.
func oneConn(t *testing.T) (*sql.DB, *sql.Conn) {
	t.Helper()
	db, err := openCaching("file:" + filepath.Join(t.TempDir(), "t.db") + "?_pragma=journal_mode(WAL)")
	if err != nil {
		t.Fatal(err)
	}
	db.SetMaxOpenConns(1)
	t.Cleanup(func() { db.Close() })
	conn, err := db.Conn(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close() })
	if _, err := conn.ExecContext(context.Background(), `CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)`); err != nil {
		t.Fatal(err)
	}
	for i := 1; i <= 3; i++ {
		if _, err := conn.ExecContext(context.Background(), `INSERT INTO t (id, v) VALUES (?, ?)`, i, fmt.Sprint("v", i)); err != nil {
			t.Fatal(err)
		}
	}
	return db, conn
}

func cacheOf(t *testing.T, conn *sql.Conn) (entries, prepares int) {
	t.Helper()
	err := conn.Raw(func(dc any) error {
		c := dc.(*cachingConn)
		entries, prepares = c.order.Len(), c.prepares
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return entries, prepares
}

// A statement run again is not prepared again.
func TestStatementsArePreparedOnce(t *testing.T) {
	ctx := context.Background()
	_, conn := oneConn(t)
	_, before := cacheOf(t, conn)
	for i := 1; i <= 3; i++ {
		var v string
		if err := conn.QueryRowContext(ctx, `SELECT v FROM t WHERE id = ?`, i).Scan(&v); err != nil || v != fmt.Sprint("v", i) {
			t.Fatalf("row %d: %q %v", i, v, err)
		}
	}
	if _, after := cacheOf(t, conn); after != before+1 {
		t.Fatalf("three runs of one query prepared %d statements, want 1", after-before)
	}
}

// The same query run inside the loop over its own rows gets its own
// statement: sharing one would reset the outer cursor.
func TestNestedRunsOfOneQuery(t *testing.T) {
	ctx := context.Background()
	_, conn := oneConn(t)
	const q = `SELECT id, v FROM t WHERE id >= ? ORDER BY id`
	rows, err := conn.QueryContext(ctx, q, 1)
	if err != nil {
		t.Fatal(err)
	}
	var outer []int
	for rows.Next() && len(outer) < 10 { // a reset outer cursor would start over forever
		var id int
		var v string
		rows.Scan(&id, &v)
		outer = append(outer, id)
		inner, err := conn.QueryContext(ctx, q, id)
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for inner.Next() {
			n++
		}
		inner.Close()
		if n != 4-id {
			t.Fatalf("inner run from %d saw %d rows, want %d", id, n, 4-id)
		}
	}
	rows.Close()
	if fmt.Sprint(outer) != "[1 2 3]" {
		t.Fatalf("outer rows %v, want [1 2 3]", outer)
	}
}

// More distinct queries than the cache holds keep working; a statement
// pushed out while its rows are open still reads them to the end.
func TestCacheBoundedAndEvictionWhileBusy(t *testing.T) {
	ctx := context.Background()
	_, conn := oneConn(t)
	rows, err := conn.QueryContext(ctx, `SELECT id FROM t ORDER BY id`)
	if err != nil {
		t.Fatal(err)
	}
	rows.Next()
	for i := range stmtCacheSize + 10 {
		var n int
		if err := conn.QueryRowContext(ctx, fmt.Sprintf(`SELECT COUNT(*) + %d FROM t`, i)).Scan(&n); err != nil || n != 3+i {
			t.Fatalf("query %d: %d %v", i, n, err)
		}
	}
	var ids []int
	for ok := true; ok; ok = rows.Next() {
		var id int
		rows.Scan(&id)
		ids = append(ids, id)
	}
	if err := rows.Close(); err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(ids) != "[1 2 3]" {
		t.Fatalf("rows of an evicted statement: %v", ids)
	}
	if entries, _ := cacheOf(t, conn); entries != stmtCacheSize {
		t.Fatalf("cache holds %d statements, want at most %d", entries, stmtCacheSize)
	}
}

// A kept statement follows the schema: after a column is added and the
// table rebuilt, it reads the new rows.
func TestKeptStatementFollowsSchema(t *testing.T) {
	ctx := context.Background()
	_, conn := oneConn(t)
	const q = `SELECT COUNT(*) FROM t`
	var n int
	conn.QueryRowContext(ctx, q).Scan(&n)
	for _, stmt := range []string{`DROP TABLE t`, `CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT, w TEXT)`, `INSERT INTO t (id, v, w) VALUES (9, 'a', 'b')`} {
		if _, err := conn.ExecContext(ctx, stmt); err != nil {
			t.Fatal(err)
		}
	}
	if err := conn.QueryRowContext(ctx, q).Scan(&n); err != nil || n != 1 {
		t.Fatalf("after rebuilding the table: %d %v, want 1", n, err)
	}
}

// A failing statement reports its error and leaves the connection usable.
func TestFailingStatementReleased(t *testing.T) {
	ctx := context.Background()
	_, conn := oneConn(t)
	if _, err := conn.ExecContext(ctx, `INSERT INTO t (id, v) VALUES (?, ?)`, 1, "dup"); err == nil {
		t.Fatal("duplicate key accepted")
	}
	if _, err := conn.ExecContext(ctx, `INSERT INTO t (id, v) VALUES (?, ?)`, 4, "v4"); err != nil {
		t.Fatalf("the same statement after its failure: %v", err)
	}
	if _, err := conn.ExecContext(ctx, `SELECT nope FROM t`); err == nil {
		t.Fatal("a bad column was accepted")
	}
}
