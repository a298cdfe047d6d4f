package blob

import (
	"context"
	"io"
	"strings"
	"testing"
)

func TestDiskPutOpenAndStaysInside(t *testing.T) {
	d, err := NewDisk(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	if err := d.Put(ctx, "ab/abcdef", strings.NewReader("证据")); err != nil {
		t.Fatal(err)
	}
	r, err := d.Open(ctx, "ab/abcdef")
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(r)
	r.Close()
	if string(b) != "证据" {
		t.Fatalf("read %q", b)
	}
	if err := d.Put(ctx, "../escape", strings.NewReader("x")); err == nil {
		t.Fatal("a key outside the folder was written")
	}
	if _, err := d.Open(ctx, "missing"); err == nil {
		t.Fatal("opened a missing key")
	}
	if _, err := Open("s3://bucket", t.TempDir()); err == nil {
		t.Fatal("s3 should say it is not available yet")
	}
}
