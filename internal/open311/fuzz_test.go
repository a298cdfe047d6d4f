package open311

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"net/http/httptest"
	"testing"
	"time"
)

// FuzzText checks that any text a client sends comes back intact in both
// formats: well-formed, and equal to what was sent (less what XML cannot
// carry at all, which becomes U+FFFD).
func FuzzText(f *testing.F) {
	for _, s := range []string{"", "人行道上堆着垃圾\n\n图片链接：https://x/y?a=1&b=2", "<script>", "\x00\r\t\ufffe", "\xff\xfe", "]]>", "\u2028"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		doc := list{item: "request", items: []any{object{{"description", s}}}}
		want := []rune(s)

		rec := httptest.NewRecorder()
		write(rec, formatJSON, 200, "service_requests", doc)
		var got []struct {
			Description string `json:"description"`
		}
		if err := json.Unmarshal(rec.Body.Bytes(), &got); err != nil || len(got) != 1 {
			t.Fatalf("JSON %q: %v", rec.Body, err)
		}
		if got[0].Description != string(want) {
			t.Errorf("JSON round trip %q, want %q", got[0].Description, string(want))
		}

		rec = httptest.NewRecorder()
		write(rec, formatXML, 200, "service_requests", doc)
		var x struct {
			Requests []struct {
				Description string `xml:"description"`
			} `xml:"request"`
		}
		if err := xml.Unmarshal(rec.Body.Bytes(), &x); err != nil || len(x.Requests) != 1 {
			t.Fatalf("XML %q: %v", rec.Body, err)
		}
		var b bytes.Buffer
		for _, r := range want {
			if r == '\n' || r == '\r' || r == '\t' || (r >= 0x20 && r <= 0xD7FF) || (r >= 0xE000 && r <= 0xFFFD) || r >= 0x10000 {
				b.WriteRune(r)
			} else {
				b.WriteRune('\uFFFD')
			}
		}
		if x.Requests[0].Description != b.String() {
			t.Errorf("XML round trip %q, want %q", x.Requests[0].Description, b.String())
		}
	})
}

// FuzzDate checks the start_date and end_date reader: it never panics, and
// what it accepts it writes back as the same instant.
func FuzzDate(f *testing.F) {
	for _, s := range []string{"2026-03-01T00:00:00Z", "2026-03-01T00:00:00+08:00", "2026-03-01", "2026-03-01T10:30-05:00", "2026-03-01T12:00:00.123456789Z", "yesterday", "9999-12-31T23:59:59-23:59"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, ok := parseW3C(s)
		if !ok {
			return
		}
		back, ok := parseW3C(w3c(got))
		if !ok || !back.Equal(got.Truncate(time.Second)) {
			t.Errorf("%q → %s → %v (%v)", s, w3c(got), back, ok)
		}
	})
}
