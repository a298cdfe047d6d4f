package httpapi

import (
	"errors"
	"io"
	"net/http"
	"strings"

	"wenming/internal/domain"
	"wenming/internal/org"
)

type (
	outlineCollection = org.OutlineCollection
	geometry          = org.Geometry
)

// boundaryBody documents the body of PUT /regions/{id}/boundary: a GeoJSON
// Polygon or MultiPolygon (WGS-84, [lng, lat], each ring closed), or a
// Feature holding one. The handler passes the text on as it came, since a
// Feature may carry any properties.
type boundaryBody struct {
	Type        string    `json:"type"`
	Coordinates any       `json:"coordinates,omitempty"`
	Geometry    *geometry `json:"geometry,omitempty"`
}

// maxBoundaryBody bounds a drawn or sent outline: domain.MaxBoundaryPoints
// coordinates at full precision fit well within it.
const maxBoundaryBody = 8 << 20

// listOutlines answers the outlines the actor reads as a GeoJSON
// FeatureCollection.
func (s *Server) listOutlines(w http.ResponseWriter, r *http.Request, a *domain.Actor) error {
	j, err := queryInt(r.URL.Query(), "jurisdictionId", 0)
	if err != nil {
		return err
	}
	fc, err := s.Org.Outlines(r.Context(), a, int64(j))
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, fc)
	return nil
}

// setRegionBoundary reads a GeoJSON geometry as text and draws it as the
// region's outline.
func (s *Server) setRegionBoundary(w http.ResponseWriter, r *http.Request, a *domain.Actor) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	if ct := r.Header.Get("Content-Type"); ct != "" && !strings.HasPrefix(ct, "application/json") && !strings.HasPrefix(ct, geoJSONType) {
		return domain.Invalid("boundary", "请求体须为 GeoJSON（Content-Type: application/json 或 application/geo+json）")
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxBoundaryBody))
	if err != nil {
		if _, ok := errors.AsType[*http.MaxBytesError](err); ok {
			return &domain.Error{Code: domain.CodeTooLarge, Field: "boundary", Message: "边界超过 8 MB，请先简化"}
		}
		return err
	}
	region, err := s.Org.SetRegionBoundary(r.Context(), a, id, string(body))
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, region)
	return nil
}
