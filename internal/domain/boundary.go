package domain

import (
	"encoding/json"
	"fmt"
	"math"
)

// Boundary is a region's outline: one or more polygons (WGS-84), each an
// outer ring with optional holes, read from GeoJSON. Points on a shared
// edge may fall in either neighbour; a report there is still located.
type Boundary struct {
	polygons [][]ring
	box      box
}

type ring [][2]float64 // [lng, lat] pairs, as GeoJSON writes them

type box struct{ minLng, minLat, maxLng, maxLat float64 }

// MaxBoundaryPoints bounds the vertices of one boundary: a county outline
// simplified for the web has a few thousand.
const MaxBoundaryPoints = 50_000

// ParseBoundary reads a GeoJSON Polygon or MultiPolygon geometry, or a
// Feature holding one. "" is no boundary. Errors name the field "boundary".
func ParseBoundary(text string) (Boundary, error) {
	var b Boundary
	if text == "" {
		return b, nil
	}
	var g struct {
		Type        string          `json:"type"`
		Coordinates json.RawMessage `json:"coordinates"`
		Geometry    json.RawMessage `json:"geometry"`
	}
	if err := json.Unmarshal([]byte(text), &g); err != nil {
		return b, Invalid("boundary", "边界不是有效的 GeoJSON")
	}
	if g.Type == "Feature" {
		return ParseBoundary(string(g.Geometry))
	}
	switch g.Type {
	case "Polygon":
		var p []ring
		if err := json.Unmarshal(g.Coordinates, &p); err != nil {
			return b, Invalid("boundary", "边界的坐标格式不正确")
		}
		b.polygons = [][]ring{p}
	case "MultiPolygon":
		if err := json.Unmarshal(g.Coordinates, &b.polygons); err != nil {
			return b, Invalid("boundary", "边界的坐标格式不正确")
		}
	default:
		return b, Invalid("boundary", fmt.Sprintf("边界应为 Polygon 或 MultiPolygon，而不是“%s”", g.Type))
	}
	return b, b.check()
}

// check validates the rings and computes the bounding box.
func (b *Boundary) check() error {
	b.box = box{math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)}
	n := 0
	for _, p := range b.polygons {
		if len(p) == 0 {
			return Invalid("boundary", "边界中有空的多边形")
		}
		for _, r := range p {
			if len(r) < 4 {
				return Invalid("boundary", "边界的每个环至少需要 4 个坐标（首尾相同）")
			}
			for _, c := range r {
				if c[0] < -180 || c[0] > 180 || c[1] < -90 || c[1] > 90 {
					return Invalid("boundary", fmt.Sprintf("边界坐标（经度 %g，纬度 %g）超出范围；GeoJSON 先写经度后写纬度", c[0], c[1]))
				}
				b.box.minLng, b.box.maxLng = min(b.box.minLng, c[0]), max(b.box.maxLng, c[0])
				b.box.minLat, b.box.maxLat = min(b.box.minLat, c[1]), max(b.box.maxLat, c[1])
				n++
			}
		}
	}
	if n == 0 {
		return Invalid("boundary", "边界没有坐标")
	}
	if n > MaxBoundaryPoints {
		return Invalid("boundary", fmt.Sprintf("边界有 %d 个坐标，超过 %d 个，请先简化", n, MaxBoundaryPoints))
	}
	return nil
}

// Empty tells whether there is no boundary.
func (b Boundary) Empty() bool { return len(b.polygons) == 0 }

// Contains tells whether a point lies inside: inside an outer ring and in
// none of its holes.
func (b Boundary) Contains(lat, lng float64) bool {
	if b.Empty() || lat < b.box.minLat || lat > b.box.maxLat || lng < b.box.minLng || lng > b.box.maxLng {
		return false
	}
	for _, p := range b.polygons {
		if p[0].contains(lat, lng) && !inAny(p[1:], lat, lng) {
			return true
		}
	}
	return false
}

func inAny(rings []ring, lat, lng float64) bool {
	for _, r := range rings {
		if r.contains(lat, lng) {
			return true
		}
	}
	return false
}

// contains is the even-odd rule: a ray from the point crosses the ring an
// odd number of times when the point is inside.
func (r ring) contains(lat, lng float64) bool {
	in := false
	for i, j := 0, len(r)-1; i < len(r); j, i = i, i+1 {
		xi, yi, xj, yj := r[i][0], r[i][1], r[j][0], r[j][1]
		if (yi > lat) != (yj > lat) && lng < (xj-xi)*(lat-yi)/(yj-yi)+xi {
			in = !in
		}
	}
	return in
}
