package app

import (
	"context"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"
)

// A caller running the server on a free port learns its address from
// Ready, and the server answers there at once.
func TestReadyGivesTheServersAddress(t *testing.T) {
	t.Parallel()
	data := t.TempDir()
	getenv := func(k string) string { return map[string]string{"WENMING_DATA_DIR": data}[k] }
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	addr := make(chan string, 1)
	done := make(chan error, 1)
	go func() {
		done <- RunWith(ctx, []string{"serve", "-listen", "127.0.0.1:0"}, getenv, io.Discard, io.Discard, Hooks{Ready: func(url string) { addr <- url }})
	}()
	var base string
	select {
	case base = <-addr:
	case err := <-done:
		t.Fatalf("wenming stopped before it listened: %v", err)
	case <-time.After(60 * time.Second):
		t.Fatal("wenming did not say where it listens within 60 s")
	}
	if !strings.HasPrefix(base, "http://127.0.0.1:") || strings.HasSuffix(base, ":0") {
		t.Fatalf("address %q", base)
	}
	res, err := http.Get(base + "/healthz")
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusOK {
		t.Fatalf("healthz: %d", res.StatusCode)
	}
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("stopped with %v", err)
		}
	case <-time.After(15 * time.Second):
		t.Fatal("wenming did not stop within 15 s")
	}
}
