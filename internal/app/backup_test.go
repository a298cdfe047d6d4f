package app

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"wenming/internal/store"
)

// TestBackupCopiesTheDataWhileItIsOpen: the copy holds what was written,
// the uploaded files come along, and a used folder is refused.
func TestBackupCopiesTheDataWhileItIsOpen(t *testing.T) {
	ctx := context.Background()
	data, to := t.TempDir(), filepath.Join(t.TempDir(), "2026-11-24")
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
	live, err := store.Open(ctx, "", data) // the service, still running
	if err != nil {
		t.Fatal(err)
	}
	defer live.Close()
	err = live.Write(ctx, func(c *store.Conn) error {
		_, err := c.Exec(ctx, `INSERT INTO regions (code, name, level, sort_key, created_at, updated_at) VALUES ('620422', '会宁县', 'county', 'huining', ?, ?)`, c.Now, c.Now)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	photo := filepath.Join(data, "files", "ab", "ab12")
	os.MkdirAll(filepath.Dir(photo), 0o750)
	os.WriteFile(photo, []byte("现场照片"), 0o640)

	if err := Run(ctx, []string{"backup", to}, getenv, &out, &out); err != nil {
		t.Fatalf("backup: %v\n%s", err, out.String())
	}
	copied, err := store.Open(ctx, "", to)
	if err != nil {
		t.Fatal(err)
	}
	defer copied.Close()
	var name string
	if err := copied.Read().QueryRow(ctx, `SELECT name FROM regions WHERE code = '620422'`).Scan(&name); err != nil || name != "会宁县" {
		t.Errorf("region in the backup: %q, %v", name, err)
	}
	if b, err := os.ReadFile(filepath.Join(to, "files", "ab", "ab12")); err != nil || string(b) != "现场照片" {
		t.Errorf("file in the backup: %q, %v", b, err)
	}
	err = Run(ctx, []string{"backup", to}, getenv, &out, &out)
	if err == nil || !strings.Contains(err.Error(), "不是空的") {
		t.Errorf("a second backup into the same folder: %v", err)
	}
}
