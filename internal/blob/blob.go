// Package blob stores file contents by key: on disk in the data folder by
// default. The Store interface is the seam for S3-compatible storage.
package blob

import (
	"context"
	"crypto/rand"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"strings"
)

// Store keeps file contents by key.
type Store interface {
	// Put writes r under key, replacing nothing: an existing key is kept,
	// since keys are content hashes.
	Put(ctx context.Context, key string, r io.Reader) error
	// Open reads a stored file.
	Open(ctx context.Context, key string) (io.ReadCloser, error)
}

// Open returns the store named by url: "" (or file:PATH) for a folder in the
// data folder.
func Open(url, dataDir string) (Store, error) {
	switch {
	case url == "":
		return NewDisk(path.Join(dataDir, "files"))
	case strings.HasPrefix(url, "file:"):
		return NewDisk(strings.TrimPrefix(url, "file:"))
	case strings.HasPrefix(url, "s3://"):
		return nil, errors.New("blob-url: S3 object storage is not available in this version; leave it empty to store files in the data folder")
	}
	return nil, fmt.Errorf("blob-url: unknown scheme in %q", url)
}

// Disk keeps files under one folder; os.Root keeps every key inside it.
type Disk struct{ root *os.Root }

// NewDisk opens (and creates) the folder.
func NewDisk(dir string) (*Disk, error) {
	if err := os.MkdirAll(dir, 0o750); err != nil {
		return nil, err
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, err
	}
	return &Disk{root: root}, nil
}

// Put writes to a temporary name and renames, so a crash never leaves half
// a file under a real key.
func (d *Disk) Put(ctx context.Context, key string, r io.Reader) error {
	if _, err := d.root.Stat(key); err == nil {
		return nil
	}
	if err := d.root.MkdirAll(path.Dir(key), 0o750); err != nil {
		return err
	}
	// A name of its own: two uploads of the same content at once (the key
	// is its hash) must not write into one temporary file.
	tmp := key + "." + rand.Text() + ".tmp"
	f, err := d.root.OpenFile(tmp, os.O_CREATE|os.O_WRONLY|os.O_EXCL, 0o640)
	if err != nil {
		return err
	}
	if _, err := io.Copy(f, r); err != nil {
		f.Close()
		d.root.Remove(tmp)
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	return d.root.Rename(tmp, key)
}

// Open reads a stored file.
func (d *Disk) Open(ctx context.Context, key string) (io.ReadCloser, error) {
	f, err := d.root.Open(key)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("blob %s: %w", key, fs.ErrNotExist)
	}
	return f, err
}
