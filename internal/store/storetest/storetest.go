// Package storetest opens real databases for tests: SQLite in a temporary
// folder always, and PostgreSQL when WENMING_TEST_POSTGRES_URL is set, each
// test on a fresh database of its own.
package storetest

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"net/url"
	"os"
	"testing"

	"wenming/internal/store"
)

// Engines lists the engines a test runs on; PostgreSQL is included when
// configured, and its absence fails the test when it is required.
func Engines(t testing.TB) []store.Dialect {
	engines := []store.Dialect{store.SQLite}
	if PostgresURL(t) != "" {
		engines = append(engines, store.Postgres)
	}
	return engines
}

// PostgresURL returns the server URL tests create their databases on, or ""
// when none is set. With WENMING_TEST_REQUIRE_POSTGRES=1 a missing URL fails.
func PostgresURL(t testing.TB) string {
	u := os.Getenv("WENMING_TEST_POSTGRES_URL")
	if u == "" && os.Getenv("WENMING_TEST_REQUIRE_POSTGRES") == "1" {
		t.Fatal("WENMING_TEST_REQUIRE_POSTGRES=1 but WENMING_TEST_POSTGRES_URL is not set")
	}
	return u
}

// Each runs fn once per engine as a subtest, each with a fresh, migrated
// database.
func Each(t *testing.T, fn func(t *testing.T, db *store.DB)) {
	t.Helper()
	for _, d := range Engines(t) {
		t.Run(string(d), func(t *testing.T) { fn(t, Open(t, d)) })
	}
}

// Open returns a fresh, migrated database of the given engine, removed when
// the test ends.
func Open(t testing.TB, d store.Dialect) *store.DB {
	t.Helper()
	ctx := context.Background()
	dbURL := ""
	if d == store.Postgres {
		dbURL = freshPostgres(t)
	}
	db, err := store.Open(ctx, dbURL, t.TempDir())
	if err != nil {
		t.Fatalf("open %s: %v", d, err)
	}
	t.Cleanup(func() { db.Close() })
	if err := db.Migrate(ctx); err != nil {
		t.Fatalf("migrate %s: %v", d, err)
	}
	return db
}

// URL returns a database URL for run(): "" for SQLite in the data folder, or
// a fresh PostgreSQL database.
func URL(t testing.TB, d store.Dialect) string {
	if d == store.Postgres {
		return freshPostgres(t)
	}
	return ""
}

func freshPostgres(t testing.TB) string {
	t.Helper()
	base := PostgresURL(t)
	if base == "" {
		t.Fatal("PostgreSQL requested but WENMING_TEST_POSTGRES_URL is not set")
	}
	admin, err := sql.Open("pgx", base)
	if err != nil {
		t.Fatalf("postgres: %v", err)
	}
	defer admin.Close()
	b := make([]byte, 6)
	rand.Read(b)
	name := "wenming_test_" + hex.EncodeToString(b)
	if _, err := admin.Exec("CREATE DATABASE " + name); err != nil {
		t.Fatalf("create test database (is PostgreSQL running at %s?): %v", base, err)
	}
	t.Cleanup(func() {
		admin, err := sql.Open("pgx", base)
		if err != nil {
			return
		}
		defer admin.Close()
		admin.Exec("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)")
	})
	u, err := url.Parse(base)
	if err != nil {
		t.Fatalf("bad WENMING_TEST_POSTGRES_URL: %v", err)
	}
	u.Path = "/" + name
	return u.String()
}
