package demo

import (
	"fmt"
	"strings"
)

// The demo's outlines are drawn plausibly, not surveyed: the city and its
// two counties as simplified polygons (会宁县 south of 36.25°N, 靖远县 north
// of it), the county seat 会师镇 and its six communities as small blocks
// around the seat. A resident's snap with no street is located by them into
// its community; a position outside the city is refused.
var outlines = []outline{
	{CityCode, [][2]float64{{103.30, 35.30}, {105.70, 35.30}, {105.75, 36.20}, {105.40, 37.50}, {103.60, 37.50}, {103.30, 36.60}}},
	{CountyCode, [][2]float64{{104.45, 35.35}, {105.60, 35.35}, {105.65, 35.90}, {105.45, 36.25}, {104.55, 36.25}, {104.45, 35.80}}},
	{SecondCountyCode, [][2]float64{{104.05, 36.25}, {105.30, 36.25}, {105.30, 36.90}, {105.00, 37.35}, {104.30, 37.35}, {104.05, 36.80}}},
	{CountyCode + "100", [][2]float64{{104.95, 35.60}, {105.15, 35.60}, {105.15, 35.78}, {104.95, 35.78}}},
}

// outline is one region's drawn boundary.
type outline struct {
	code   string
	coords [][2]float64 // [lng, lat]; the ring is closed when written
}

// communityOutlines are the county seat's communities, in the order of
// communities: three blocks west to east, a row south and a row north of
// the seat.
func communityOutlines() []outline {
	var out []outline
	for i := range communities {
		west := seatLng - 0.015 + float64(i%3)*0.010
		south := seatLat - 0.008 + float64(i/3)*0.008
		out = append(out, outline{fmt.Sprintf("%s100%03d", CountyCode, 1+i),
			[][2]float64{{west, south}, {west + 0.010, south}, {west + 0.010, south + 0.008}, {west, south + 0.008}}})
	}
	return out
}

// outlineCollection writes the outlines as a GeoJSON FeatureCollection, as
// an office would import them.
func outlineCollection() string {
	var features []string
	for _, o := range append(outlines, communityOutlines()...) {
		ring := make([]string, 0, len(o.coords)+1)
		for _, c := range append(o.coords, o.coords[0]) {
			ring = append(ring, fmt.Sprintf("[%.4f,%.4f]", c[0], c[1]))
		}
		features = append(features, fmt.Sprintf(`{"type":"Feature","properties":{"code":%q},"geometry":{"type":"Polygon","coordinates":[[%s]]}}`,
			o.code, strings.Join(ring, ",")))
	}
	return `{"type":"FeatureCollection","features":[` + strings.Join(features, ",") + `]}`
}

// loadOutlines imports the demo's outlines as the system administrator.
func (l *loader) loadOutlines() {
	if l.err != nil {
		return
	}
	if _, err := l.svc.ImportBoundaries(l.ctx, l.base, strings.NewReader(outlineCollection())); err != nil {
		l.err = fmt.Errorf("demo outlines: %w", err)
	}
}
