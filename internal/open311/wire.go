package open311

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"time"

	"wenming/internal/domain"
)

// GeoReport v2 defines its documents in XML and derives the JSON by the
// Spark convention: an element with children is an object, a repeated
// element is an array, an empty element is null. Answers are built once as
// a small tree in the specification's order and written in either format,
// so the two can never drift apart.

// object is an element with named children, in order.
type object []field

type field struct {
	name  string
	value any // nil, string, bool, int, float64, object or list
}

// list is an element repeated under its parent: <services><service>…
// in XML, an array in JSON.
type list struct {
	item  string
	items []any
}

// format is the answer's encoding, chosen by the path's extension.
type format string

const (
	formatJSON format = "json"
	formatXML  format = "xml"
)

func (f format) contentType() string {
	if f == formatXML {
		return "text/xml; charset=utf-8"
	}
	return "application/json; charset=utf-8"
}

// write sends a document; root names the XML root element.
func write(w http.ResponseWriter, f format, status int, root string, v any) {
	var b bytes.Buffer
	if f == formatXML {
		b.WriteString(`<?xml version="1.0" encoding="utf-8"?>` + "\n")
		writeXML(&b, root, v, 0)
	} else {
		writeJSON(&b, v)
		b.WriteByte('\n')
	}
	w.Header().Set("Content-Type", f.contentType())
	w.Header().Set("Content-Length", strconv.Itoa(b.Len()))
	w.WriteHeader(status)
	w.Write(b.Bytes())
}

func writeXML(b *bytes.Buffer, name string, v any, depth int) {
	indent := func(d int) {
		for range d {
			b.WriteString("  ")
		}
	}
	indent(depth)
	switch v := v.(type) {
	case object:
		if len(v) == 0 {
			b.WriteString("<" + name + "></" + name + ">\n")
			return
		}
		b.WriteString("<" + name + ">\n")
		for _, f := range v {
			writeXML(b, f.name, f.value, depth+1)
		}
	case list:
		if len(v.items) == 0 {
			b.WriteString("<" + name + "></" + name + ">\n")
			return
		}
		b.WriteString("<" + name + ">\n")
		for _, item := range v.items {
			writeXML(b, v.item, item, depth+1)
		}
	default:
		b.WriteString("<" + name + ">")
		escapeXML(b, scalar(v))
		b.WriteString("</" + name + ">\n")
		return
	}
	indent(depth)
	b.WriteString("</" + name + ">\n")
}

// escapeXML writes text for an element. Unlike xml.EscapeText it keeps
// line breaks as they are, as the specification's examples do; characters
// XML cannot carry become U+FFFD.
func escapeXML(b *bytes.Buffer, s string) {
	for _, r := range s { // an invalid byte comes as U+FFFD
		switch {
		case r == '&':
			b.WriteString("&amp;")
		case r == '<':
			b.WriteString("&lt;")
		case r == '>':
			b.WriteString("&gt;")
		case r == '"':
			b.WriteString("&#34;")
		case r == '\r':
			b.WriteString("&#xD;")
		case r == '\n' || r == '\t' || (r >= 0x20 && r <= 0xD7FF) || (r >= 0xE000 && r <= 0xFFFD) || (r >= 0x10000 && r <= 0x10FFFF):
			b.WriteRune(r)
		default:
			b.WriteRune('\uFFFD')
		}
	}
}

// scalar writes a leaf value as XML text; null is an empty element.
func scalar(v any) string {
	switch v := v.(type) {
	case nil:
		return ""
	case string:
		return v
	case bool:
		return strconv.FormatBool(v)
	case int:
		return strconv.Itoa(v)
	case float64:
		return strconv.FormatFloat(v, 'f', -1, 64)
	}
	panic(fmt.Sprintf("open311: no wire form for %T", v))
}

func writeJSON(b *bytes.Buffer, v any) {
	switch v := v.(type) {
	case object:
		b.WriteByte('{')
		for i, f := range v {
			if i > 0 {
				b.WriteByte(',')
			}
			writeString(b, f.name)
			b.WriteByte(':')
			writeJSON(b, f.value)
		}
		b.WriteByte('}')
	case list:
		b.WriteByte('[')
		for i, item := range v.items {
			if i > 0 {
				b.WriteByte(',')
			}
			writeJSON(b, item)
		}
		b.WriteByte(']')
	case nil:
		b.WriteString("null")
	case string:
		writeString(b, v)
	default:
		b.WriteString(scalar(v))
	}
}

func writeString(b *bytes.Buffer, s string) {
	enc := json.NewEncoder(b)
	enc.SetEscapeHTML(false)
	enc.Encode(s)
	b.Truncate(b.Len() - 1) // Encode ends with a newline
}

// opt is an optional text: empty is null (an empty element in XML), as in
// the specification's examples.
func opt(s string) any {
	if s == "" {
		return nil
	}
	return s
}

func optFloat(p *float64) any {
	if p == nil {
		return nil
	}
	return *p
}

// w3c writes a time the way GeoReport asks (ISO 8601 with its offset), in
// Beijing time.
func w3c(t time.Time) string { return t.In(domain.Beijing).Format("2006-01-02T15:04:05-07:00") }

func optTime(t *time.Time) any {
	if t == nil {
		return nil
	}
	return w3c(*t)
}

// parseW3C reads a date or time in the W3C profile of ISO 8601; a bare
// date or a time without a zone is Beijing time. Years outside 1900–9999
// are refused, so every accepted time can be written back.
func parseW3C(s string) (time.Time, bool) {
	sane := func(t time.Time) bool {
		y := t.In(domain.Beijing).Year()
		return y >= 1900 && y <= 9999
	}
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02T15:04Z07:00"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, sane(t)
		}
	}
	for _, layout := range []string{"2006-01-02T15:04:05", "2006-01-02T15:04", time.DateOnly} {
		if t, err := time.ParseInLocation(layout, s, domain.Beijing); err == nil {
			return t, sane(t)
		}
	}
	return time.Time{}, false
}
