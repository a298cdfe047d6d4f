package org

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"wenming/internal/audit"
	"wenming/internal/domain"
	"wenming/internal/store"
)

// maxBoundaryFile bounds an uploaded GeoJSON file: a city's streets and
// communities simplified for the web fit in a few megabytes.
const maxBoundaryFile = 32 << 20

// RegionBoundary returns a region's outline as GeoJSON ("" when it has
// none). Like the tree it is reference data every role may read.
func (s *Service) RegionBoundary(ctx context.Context, actor *domain.Actor, id int64) (_ string, err error) {
	defer domain.Wrap(&err, "org.RegionBoundary %d", id)
	if err := requireReader(actor); err != nil {
		return "", err
	}
	r, err := getRegion(ctx, s.db.Read(), id)
	return r.Boundary, err
}

// ImportBoundaries sets the outlines of regions from a GeoJSON
// FeatureCollection whose features name their region by the property
// "code" (or "区划代码"). Every problem of the file is listed at once and
// nothing is changed unless all features are good; only regions the actor
// may change are touched.
func (s *Service) ImportBoundaries(ctx context.Context, actor *domain.Actor, r io.Reader) (_ ImportResult, err error) {
	defer domain.Wrap(&err, "org.ImportBoundaries")
	if err := requireOrgWriter(actor); err != nil {
		return ImportResult{}, err
	}
	features, err := readFeatures(r)
	if err != nil {
		return ImportResult{}, err
	}
	var res ImportResult
	err = s.db.Write(ctx, func(c *store.Conn) error {
		var problems []domain.ImportProblem
		for i, f := range features {
			if err := setBoundary(ctx, c, actor, f); err != nil {
				problems = append(problems, domain.ImportProblem{Sheet: "GeoJSON", Row: i + 1, Column: f.code, Reason: reason(err)})
				continue
			}
			res.Updated++
		}
		if len(problems) > 0 {
			return domain.ImportInvalid(problems)
		}
		return audit.Record(ctx, c, actor, audit.Change{Action: "import", Entity: "region",
			Summary: fmt.Sprintf("导入区划边界：%d 个区划", res.Updated)})
	})
	return res, err
}

type feature struct {
	code     string
	geometry string
}

// readFeatures reads the features of a FeatureCollection with their codes.
func readFeatures(r io.Reader) ([]feature, error) {
	var fc struct {
		Type     string `json:"type"`
		Features []struct {
			Properties map[string]any  `json:"properties"`
			Geometry   json.RawMessage `json:"geometry"`
		} `json:"features"`
	}
	if err := json.NewDecoder(io.LimitReader(r, maxBoundaryFile)).Decode(&fc); err != nil || fc.Type != "FeatureCollection" {
		return nil, domain.Invalid("file", "文件应为 GeoJSON 的 FeatureCollection（每个要素的属性 code 为区划代码）")
	}
	if len(fc.Features) == 0 {
		return nil, domain.Invalid("file", "文件中没有要素")
	}
	out := make([]feature, 0, len(fc.Features))
	for _, f := range fc.Features {
		code, _ := f.Properties["code"].(string)
		if code == "" {
			code, _ = f.Properties["区划代码"].(string)
		}
		out = append(out, feature{code: strings.TrimSpace(code), geometry: string(f.Geometry)})
	}
	return out, nil
}

func setBoundary(ctx context.Context, c *store.Conn, actor *domain.Actor, f feature) error {
	if f.code == "" {
		return domain.Invalid("code", "要素缺少区划代码（属性 code）")
	}
	if _, err := domain.ParseBoundary(f.geometry); err != nil {
		return err
	}
	reg, err := regionByCode(ctx, c, f.code)
	if err != nil {
		return domain.Invalid("code", "区划代码“"+f.code+"”不存在")
	}
	// A county's own outline is drawn by the office above, as its row is
	// kept: a county that widened its border would take its neighbour's
	// reports.
	if err := regionWritable(actor, reg.Code); err != nil {
		return err
	}
	_, err = c.Exec(ctx, `UPDATE regions SET boundary = ?, updated_at = ? WHERE id = ?`, f.geometry, c.Now, reg.ID)
	return err
}

func reason(err error) string {
	if de, ok := domain.AsError(err); ok {
		return de.Message
	}
	return err.Error()
}
