// Package e2e starts the real program, as `wenming demo` would, on a free
// port, and drives it through its API and, in headless Chromium, its UI.
package e2e

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/cookiejar"
	"strings"
	"sync"
	"testing"
	"time"

	"wenming/internal/app"
)

const demoPassword = "Demo-Pass-2026"

// lockedBuffer collects what the program prints, safely across goroutines.
type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// start runs `wenming <args>` with the given environment until the test
// ends, and returns its base URL, which the program hands over once it
// serves, and what it printed.
func start(t *testing.T, env map[string]string, args ...string) (string, *lockedBuffer) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	out := &lockedBuffer{}
	done := make(chan error, 1)
	addr := make(chan string, 1)
	getenv := func(k string) string { return env[k] }
	hooks := app.Hooks{Ready: func(url string) { addr <- url }}
	go func() { done <- app.RunWith(ctx, args, getenv, out, io.Discard, hooks) }()
	t.Cleanup(func() {
		cancel()
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("wenming stopped with: %v", err)
			}
		case <-time.After(15 * time.Second):
			t.Error("wenming did not stop within 15 s")
		}
	})
	var base string
	select {
	case base = <-addr:
	case err := <-done:
		t.Fatalf("wenming exited early: %v\n%s", err, out)
	case <-time.After(3 * time.Minute): // loading the demo county on a busy machine
		t.Fatalf("wenming did not start serving within 3 minutes:\n%s", out)
	}
	res, err := http.Get(base + "/healthz")
	if err != nil {
		t.Fatalf("healthz: %v\n%s", err, out)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusOK {
		t.Fatalf("healthz: %d\n%s", res.StatusCode, out)
	}
	return base, out
}

// apiClient signs in and calls the JSON API like the console does.
type apiClient struct {
	t    *testing.T
	base string
	http *http.Client
}

func newClient(t *testing.T, base string) *apiClient {
	jar, _ := cookiejar.New(nil)
	return &apiClient{t: t, base: base, http: &http.Client{Jar: jar, Timeout: 30 * time.Second}}
}

func (c *apiClient) call(method, path string, body any, out any) int {
	c.t.Helper()
	var rd io.Reader
	if body != nil {
		b, _ := json.Marshal(body)
		rd = bytes.NewReader(b)
	}
	req, _ := http.NewRequest(method, c.base+path, rd)
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	res, err := c.http.Do(req)
	if err != nil {
		c.t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	if out != nil && len(b) > 0 {
		if err := json.Unmarshal(b, out); err != nil {
			c.t.Fatalf("%s %s: %v: %s", method, path, err, b)
		}
	}
	return res.StatusCode
}

func (c *apiClient) login(username, password string) {
	c.t.Helper()
	if s := c.call("POST", "/api/v1/auth/login", map[string]string{"username": username, "password": password}, nil); s != 200 {
		c.t.Fatalf("login %s: %d", username, s)
	}
}

func contains(s string, parts ...string) bool {
	for _, p := range parts {
		if !strings.Contains(s, p) {
			return false
		}
	}
	return true
}
