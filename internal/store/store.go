// Package store opens the database (SQLite by default, PostgreSQL for larger
// deployments), runs the migrations and hands out connections that speak one
// portable SQL with '?' placeholders.
package store

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"hash/fnv"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/jackc/pgx/v5/pgconn"
	_ "github.com/jackc/pgx/v5/stdlib" // registers the "pgx" driver
	"github.com/pressly/goose/v3"
	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"

	"wenming/internal/domain"
)

// Dialect names the database engine.
type Dialect string

const (
	SQLite   Dialect = "sqlite"
	Postgres Dialect = "postgres"
)

//go:embed migrations
var migrations embed.FS

// DB is the application's database: one writer and a read pool on SQLite,
// one pool on PostgreSQL.
type DB struct {
	Dialect Dialect
	write   *sql.DB
	read    *sql.DB
	clock   func() time.Time
}

// Open connects to the database named by url: "" or "sqlite:PATH" for SQLite
// (the default file lives in dataDir), "postgres://…" for PostgreSQL.
func Open(ctx context.Context, dbURL, dataDir string) (*DB, error) {
	var db *DB
	var err error
	if strings.HasPrefix(dbURL, "postgres://") || strings.HasPrefix(dbURL, "postgresql://") {
		db, err = openPostgres(dbURL)
	} else {
		db, err = openSQLite(sqlitePath(dbURL, dataDir))
	}
	if err != nil {
		return nil, err
	}
	if err := db.write.PingContext(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("connect to database: %w", err)
	}
	return db, nil
}

func sqlitePath(dbURL, dataDir string) string {
	if p, ok := strings.CutPrefix(dbURL, "sqlite:"); ok && p != "" {
		return strings.TrimPrefix(p, "//")
	}
	return filepath.Join(dataDir, "wenming.db")
}

func openSQLite(path string) (*DB, error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o750); err != nil {
		return nil, fmt.Errorf("create database folder: %w", err)
	}
	pragmas := "_pragma=busy_timeout(10000)&_pragma=journal_mode(WAL)&_pragma=foreign_keys(1)&_pragma=synchronous(NORMAL)&_pragma=temp_store(memory)&_time_format=sqlite"
	dsn := "file:" + (&url.URL{Path: path}).EscapedPath() + "?" + pragmas
	write, err := openCaching(dsn + "&_txlock=immediate")
	if err != nil {
		return nil, err
	}
	// One writer: SQLite serializes writes anyway, and BEGIN IMMEDIATE on a
	// single connection turns lock contention into a plain queue.
	write.SetMaxOpenConns(1)
	read, err := openCaching(dsn + "&_pragma=query_only(1)")
	if err != nil {
		write.Close()
		return nil, err
	}
	read.SetMaxOpenConns(8)
	return &DB{Dialect: SQLite, write: write, read: read, clock: time.Now}, nil
}

// openCaching opens a SQLite pool whose connections keep their statements
// prepared (see stmtcache.go).
func openCaching(dsn string) (*sql.DB, error) {
	base, err := sqlite.NewConnector(dsn)
	if err != nil {
		return nil, err
	}
	return sql.OpenDB(cachingConnector{base}), nil
}

func openPostgres(dbURL string) (*DB, error) {
	pool, err := sql.Open("pgx", dbURL)
	if err != nil {
		return nil, err
	}
	pool.SetMaxOpenConns(20)
	pool.SetConnMaxIdleTime(5 * time.Minute)
	return &DB{Dialect: Postgres, write: pool, read: pool, clock: time.Now}, nil
}

// Close releases every connection.
func (db *DB) Close() error {
	err := db.write.Close()
	if db.read != db.write {
		err = errors.Join(err, db.read.Close())
	}
	return err
}

// SetClock replaces the clock that stamps each transaction's now; tests use
// it to fix time.
func (db *DB) SetClock(clock func() time.Time) { db.clock = clock }

// Now is the database's idea of the current time, in UTC to the microsecond
// (PostgreSQL's precision), so SQLite and PostgreSQL store the same value.
func (db *DB) Now() time.Time { return db.clock().UTC().Truncate(time.Microsecond) }

// MigrationsFS returns the migration files of one engine.
func MigrationsFS(d Dialect) (fs.FS, error) { return fs.Sub(migrations, "migrations/"+string(d)) }

// Migrate brings the schema up to date.
func (db *DB) Migrate(ctx context.Context) error {
	p, err := db.migrations()
	if err != nil {
		return err
	}
	if _, err := p.Up(ctx); err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	return nil
}

// Rollback undoes the migrations after version, newest first; migrating
// again redoes them over the data then present (tests use it to check a
// migration's backfill of existing rows).
func (db *DB) Rollback(ctx context.Context, version int64) error {
	p, err := db.migrations()
	if err != nil {
		return err
	}
	if _, err := p.DownTo(ctx, version); err != nil {
		return fmt.Errorf("rollback: %w", err)
	}
	return nil
}

// Snapshot writes a consistent copy of a SQLite database to a new file,
// while others keep reading and writing it.
func (db *DB) Snapshot(ctx context.Context, path string) error {
	if db.Dialect != SQLite {
		return errors.New("only a SQLite database is copied by snapshot; back up PostgreSQL with pg_dump")
	}
	if _, err := db.write.ExecContext(ctx, `VACUUM INTO ?`, path); err != nil {
		return fmt.Errorf("snapshot: %w", err)
	}
	return nil
}

func (db *DB) migrations() (*goose.Provider, error) {
	fsys, err := MigrationsFS(db.Dialect)
	if err != nil {
		return nil, err
	}
	dialect := goose.DialectSQLite3
	if db.Dialect == Postgres {
		dialect = goose.DialectPostgres
	}
	p, err := goose.NewProvider(dialect, db.write, fsys)
	if err != nil {
		return nil, fmt.Errorf("migrations: %w", err)
	}
	return p, nil
}

// Write runs fn in one write transaction stamped with one now. Any error
// rolls everything back.
func (db *DB) Write(ctx context.Context, fn func(*Conn) error) error {
	tx, err := db.write.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	c := &Conn{q: tx, dialect: db.Dialect, Now: db.Now()}
	if err := fn(c); err != nil {
		tx.Rollback()
		return err
	}
	if err := tx.Commit(); err != nil {
		return translate(fmt.Errorf("commit: %w", err))
	}
	return nil
}

// Read returns a connection on the read pool, outside any transaction.
func (db *DB) Read() *Conn {
	return &Conn{q: db.read, dialect: db.Dialect, Now: db.Now()}
}

type querier interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// Conn runs portable SQL: '?' placeholders are rewritten for PostgreSQL and
// driver errors become domain errors.
type Conn struct {
	q       querier
	dialect Dialect
	// Now is the one time of this transaction: every row it writes carries it.
	Now time.Time
}

// Dialect tells which engine the connection talks to.
func (c *Conn) Dialect() Dialect { return c.dialect }

// ForUpdate returns the locking clause to append to a SELECT that reads a
// row the transaction will then change: " FOR UPDATE" on PostgreSQL, where
// concurrent writers would otherwise overwrite each other, and "" on
// SQLite, whose single writer already serializes them.
func (c *Conn) ForUpdate() string {
	if c.dialect == Postgres {
		return " FOR UPDATE"
	}
	return ""
}

// LockTree serializes writers of a whole tree (such as "units", whose
// materialized paths depend on each other) until the transaction ends. On
// PostgreSQL it takes a transaction-scoped advisory lock keyed by name; on
// SQLite it does nothing, the single writer already holding every write.
func (c *Conn) LockTree(ctx context.Context, name string) error {
	if c.dialect != Postgres {
		return nil
	}
	h := fnv.New64a()
	h.Write([]byte("wenming:tree:" + name))
	_, err := c.Exec(ctx, `SELECT pg_advisory_xact_lock(?)`, int64(h.Sum64()))
	return err
}

// Savepoint runs fn inside a savepoint of the current transaction. When fn
// fails, only its own statements are undone and the transaction stays
// usable (on PostgreSQL a failed statement otherwise aborts the whole
// transaction); fn's error is returned as is.
func (c *Conn) Savepoint(ctx context.Context, fn func() error) error {
	if _, err := c.Exec(ctx, `SAVEPOINT wm_savepoint`); err != nil {
		return err
	}
	if err := fn(); err != nil {
		// A failure to roll back is not fn's: it must stop the caller, so
		// it does not carry fn's (possibly user-facing) error along.
		if _, rbErr := c.Exec(ctx, `ROLLBACK TO SAVEPOINT wm_savepoint`); rbErr != nil {
			return fmt.Errorf("rollback to savepoint after %v: %w", err, rbErr)
		}
		if _, relErr := c.Exec(ctx, `RELEASE SAVEPOINT wm_savepoint`); relErr != nil {
			return fmt.Errorf("release savepoint after %v: %w", err, relErr)
		}
		return err
	}
	_, err := c.Exec(ctx, `RELEASE SAVEPOINT wm_savepoint`)
	return err
}

// Exec runs a statement.
func (c *Conn) Exec(ctx context.Context, query string, args ...any) (sql.Result, error) {
	r, err := c.q.ExecContext(ctx, c.rebind(query), args...)
	return r, translate(err)
}

// Query runs a query returning rows.
func (c *Conn) Query(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	r, err := c.q.QueryContext(ctx, c.rebind(query), args...)
	return r, translate(err)
}

// QueryRow runs a query returning one row; Scan reports ErrNoRows as is, so
// use Get to have domain.ErrNotFound.
func (c *Conn) QueryRow(ctx context.Context, query string, args ...any) *sql.Row {
	return c.q.QueryRowContext(ctx, c.rebind(query), args...)
}

// Get scans one row into dest, turning "no rows" into a not-found error
// naming what was sought.
func (c *Conn) Get(ctx context.Context, what string, query string, args []any, dest ...any) error {
	err := c.QueryRow(ctx, query, args...).Scan(dest...)
	if errors.Is(err, sql.ErrNoRows) {
		return domain.NotFound(what)
	}
	return translate(err)
}

// Insert runs an INSERT and returns the new row's id.
func (c *Conn) Insert(ctx context.Context, query string, args ...any) (int64, error) {
	var id int64
	err := c.QueryRow(ctx, query+" RETURNING id", args...).Scan(&id)
	return id, translate(err)
}

// Next hands out the next number of a scope's sequence in a period (case
// codes per Beijing day, say), starting at 1. It runs in the writing
// transaction, so a rolled-back write gives its number back and a committed
// one never repeats, whatever row ids the database hands out.
func (c *Conn) Next(ctx context.Context, scope, period string) (int64, error) {
	var n int64
	err := c.QueryRow(ctx, `INSERT INTO sequences (scope, period, last) VALUES (?, ?, 1)
		ON CONFLICT (scope, period) DO UPDATE SET last = sequences.last + 1 RETURNING last`, scope, period).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("next number of %s %s: %w", scope, period, translate(err))
	}
	return n, nil
}

// Int64s reads one integer column, such as a list of ids.
func (c *Conn) Int64s(ctx context.Context, query string, args ...any) ([]int64, error) {
	rows, err := c.Query(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []int64
	for rows.Next() {
		var v int64
		if err := rows.Scan(&v); err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
}

// Count runs a query returning a single integer.
func (c *Conn) Count(ctx context.Context, query string, args ...any) (int, error) {
	var n int
	err := c.QueryRow(ctx, query, args...).Scan(&n)
	return n, translate(err)
}

func (c *Conn) rebind(q string) string {
	if c.dialect != Postgres || !strings.Contains(q, "?") {
		return q
	}
	var b strings.Builder
	b.Grow(len(q) + 8)
	n := 0
	inString := false
	for i := 0; i < len(q); i++ {
		ch := q[i]
		if ch == '\'' {
			inString = !inString
		}
		if ch == '?' && !inString {
			n++
			fmt.Fprintf(&b, "$%d", n)
			continue
		}
		b.WriteByte(ch)
	}
	return b.String()
}

// translate maps constraint violations to domain conflicts; other errors
// pass through.
func translate(err error) error {
	if err == nil {
		return nil
	}
	var pg *pgconn.PgError
	if errors.As(err, &pg) {
		switch pg.Code {
		case "23505":
			return fmt.Errorf("%w: %s", domain.Conflict("", "数据重复，与已有记录冲突"), pg.ConstraintName)
		case "23503":
			return fmt.Errorf("%w: %s", domain.Conflict("", "数据仍被引用或引用的数据不存在"), pg.ConstraintName)
		}
		return err
	}
	var lite *sqlite.Error
	if errors.As(err, &lite) {
		switch lite.Code() {
		case sqlite3.SQLITE_CONSTRAINT_UNIQUE, sqlite3.SQLITE_CONSTRAINT_PRIMARYKEY:
			return fmt.Errorf("%w: %s", domain.Conflict("", "数据重复，与已有记录冲突"), lite.Error())
		case sqlite3.SQLITE_CONSTRAINT_FOREIGNKEY:
			return fmt.Errorf("%w: %s", domain.Conflict("", "数据仍被引用或引用的数据不存在"), lite.Error())
		}
	}
	return err
}

// Like escapes a user's search text for a LIKE pattern with ESCAPE '\'.
func Like(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`)
	return "%" + r.Replace(s) + "%"
}

// Placeholders returns "?, ?, ?" for n values.
func Placeholders(n int) string {
	if n <= 0 {
		return ""
	}
	return strings.Repeat("?, ", n-1) + "?"
}
