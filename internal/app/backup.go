package app

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"wenming/internal/store"
)

// backupCommand: `wenming backup <folder> [settings]` copies the data while
// the service keeps running.
func backupCommand(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	if len(args) == 0 || strings.HasPrefix(args[0], "-") {
		return errors.New("用法：wenming backup <备份目录> [参数]；备份目录须不存在或为空")
	}
	to, rest := args[0], args[1:]
	return withConfig(ctx, "backup", rest, getenv, stdout, stderr, func(ctx context.Context, e *env) error {
		start := time.Now()
		n, err := backup(ctx, e.db, e.cfg.DataDir, e.cfg.BlobURL, to)
		if err != nil {
			return err
		}
		fmt.Fprintf(stdout, "已备份到 %s：%s，%d 个上传文件，用时 %.1f 秒。\n", to, backupDBNote(e.db), n, time.Since(start).Seconds())
		return nil
	})
}

func backupDBNote(db *store.DB) string {
	if db.Dialect == store.Postgres {
		return "PostgreSQL 数据库不在此备份中（请用 pg_dump）"
	}
	return "数据库 wenming.db"
}

// backup writes a consistent copy of the SQLite database (VACUUM INTO,
// safe under a running service) and of the uploaded files into a new
// folder, and returns how many files it copied. A stored file never
// changes (its name is its hash), so files are hard-linked when the backup
// is on the same disk, and copied otherwise.
func backup(ctx context.Context, db *store.DB, dataDir, blobURL, to string) (int, error) {
	if entries, err := os.ReadDir(to); err == nil && len(entries) > 0 {
		return 0, fmt.Errorf("备份目录 %s 不是空的：请给每次备份一个新目录", to)
	}
	if err := os.MkdirAll(to, 0o750); err != nil {
		return 0, err
	}
	if db.Dialect == store.SQLite {
		if err := db.Snapshot(ctx, filepath.Join(to, "wenming.db")); err != nil {
			return 0, err
		}
	}
	if blobURL != "" {
		return 0, nil // files kept elsewhere are backed up where they are kept
	}
	return copyTree(filepath.Join(dataDir, "files"), filepath.Join(to, "files"))
}

func copyTree(from, to string) (int, error) {
	n := 0
	err := filepath.WalkDir(from, func(path string, d fs.DirEntry, err error) error {
		if errors.Is(err, fs.ErrNotExist) && path == from {
			return fs.SkipAll // nothing uploaded yet
		}
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(from, path)
		target := filepath.Join(to, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o750)
		}
		n++
		if os.Link(path, target) == nil {
			return nil
		}
		return copyFile(path, target)
	})
	return n, err
}

func copyFile(from, to string) error {
	in, err := os.Open(from)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(to, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o640)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}
