package domain

import (
	"errors"
	"testing"
)

func TestBoundaryContains(t *testing.T) {
	t.Parallel()
	// A square county with a square hole, and a separate island.
	multi := `{"type":"MultiPolygon","coordinates":[
		[[[105,35],[106,35],[106,36],[105,36],[105,35]],[[105.4,35.4],[105.6,35.4],[105.6,35.6],[105.4,35.6],[105.4,35.4]]],
		[[[107,35],[107.2,35],[107.2,35.2],[107,35]]]]}`
	b, err := ParseBoundary(multi)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name     string
		lat, lng float64
		in       bool
	}{
		{"inside", 35.2, 105.2, true},
		{"in the hole", 35.5, 105.5, false},
		{"on the island", 35.05, 107.1, true},
		{"outside the island's diagonal", 35.15, 107.05, false},
		{"outside", 34.9, 105.5, false},
		{"lat and lng swapped", 105.2, 35.2, false},
	} {
		if got := b.Contains(c.lat, c.lng); got != c.in {
			t.Errorf("%s (%g, %g): %v, want %v", c.name, c.lat, c.lng, got, c.in)
		}
	}
	feature := `{"type":"Feature","properties":{"code":"620422"},"geometry":{"type":"Polygon","coordinates":[[[105,35],[106,35],[106,36],[105,35]]]}}`
	if f, err := ParseBoundary(feature); err != nil || !f.Contains(35.1, 105.5) {
		t.Fatalf("a Feature's polygon: %v", err)
	}
}

func TestBoundaryRefusesBadGeoJSON(t *testing.T) {
	t.Parallel()
	for name, text := range map[string]string{
		"not json":           `{"type":`,
		"a point":            `{"type":"Point","coordinates":[105,35]}`,
		"open ring":          `{"type":"Polygon","coordinates":[[[105,35],[106,35],[105,35]]]}`,
		"lat first":          `{"type":"Polygon","coordinates":[[[35,105],[36,105],[36,106],[35,105]]]}`,
		"wrong nesting":      `{"type":"Polygon","coordinates":[[105,35],[106,35]]}`,
		"empty multipolygon": `{"type":"MultiPolygon","coordinates":[[]]}`,
	} {
		_, err := ParseBoundary(text)
		var de *Error
		if !errors.As(err, &de) || de.Field != "boundary" || de.Message == "" {
			t.Errorf("%s: %v, want a Chinese error on boundary", name, err)
		}
	}
}
