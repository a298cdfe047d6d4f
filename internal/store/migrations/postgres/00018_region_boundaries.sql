-- +goose Up
-- A region's outline (GeoJSON Polygon or MultiPolygon, WGS-84): a report is
-- located into the deepest region whose outline holds it, and refused
-- outside every jurisdiction's outline. '' is no outline (the jurisdiction's
-- rectangular bounds still apply).
ALTER TABLE regions ADD COLUMN boundary TEXT NOT NULL DEFAULT '';

-- +goose Down
ALTER TABLE regions DROP COLUMN boundary;
