package blob

import (
	"bytes"
	"context"
	"io"
	"strings"
	"sync"
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

// TestSamePutAtOnce: uploads of the same content at the same moment store
// it whole.
func TestSamePutAtOnce(t *testing.T) {
	d, err := NewDisk(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	body := bytes.Repeat([]byte("现场照片"), 200_000)
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			if err := d.Put(context.Background(), "ab/abcd", bytes.NewReader(body)); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	r, err := d.Open(context.Background(), "ab/abcd")
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	if got, _ := io.ReadAll(r); !bytes.Equal(got, body) {
		t.Errorf("stored %d bytes, want %d intact", len(got), len(body))
	}
}
