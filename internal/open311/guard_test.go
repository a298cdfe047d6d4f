package open311

import (
	"context"
	"io"
	"log/slog"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"wenming/internal/files"
	"wenming/internal/store"
	"wenming/internal/store/storetest"
)

// One report's media are bounded together, in bytes and in the pixels
// they claim: past either the report is refused naming media, in the
// requested format, and nothing of it is stored.
func TestPostBoundsMediaTogether(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		x := newFixture(t, db)
		x.srv.Close()
		x.srv = httptest.NewServer(New(x.cases, x.auth, slog.New(slog.NewTextHandler(io.Discard, nil)),
			Guard{Photos: files.Batch{Bytes: 2 << 20, Pixels: 250_000}}))
		t.Cleanup(x.srv.Close)
		photo := pngImage(t) // 400×300: 120,000 pixels
		padded := append(append([]byte{}, photo...), make([]byte, 1<<20)...)
		stored := func() (n int) {
			db.Read().QueryRow(context.Background(), `SELECT (SELECT COUNT(*) FROM cases) + (SELECT COUNT(*) FROM files)`).Scan(&n)
			return n
		}
		for _, c := range []struct {
			name   string
			media  []upload
			status int
			text   string
		}{
			{"three photos past the pixels", []upload{{"a.png", "image/png", photo}, {"b.png", "image/png", photo}, {"c.png", "image/png", photo}}, 400, "万像素的上限"},
			{"two photos past the bytes", []upload{{"a.png", "image/png", padded}, {"b.png", "image/png", padded}}, 400, "超过每次提交 2 MB 的上限"},
			{"a body past the bytes", []upload{{"a.png", "image/png", padded}, {"b.png", "image/png", padded}, {"c.png", "image/png", padded}}, 400, "合计不超过 2 MB"},
			{"two photos within both", []upload{{"a.png", "image/png", photo}, {"b.png", "image/png", photo}}, 200, ""},
		} {
			for _, f := range formats() {
				before := stored()
				form := x.report(url.Values{"attribute[client_key]": {c.name + string(f)}})
				a := x.postMultipart("/open311/v2/requests."+string(f), form, c.media...).want(c.status)
				if c.status == 200 {
					continue
				}
				if text := a.errorText(f); !strings.Contains(text, "照片") || !strings.Contains(text, c.text) {
					t.Errorf("%s (%s): %q", c.name, f, text)
				}
				if stored() != before {
					t.Errorf("%s (%s): something of the refused report was stored", c.name, f)
				}
			}
		}
	})
}
