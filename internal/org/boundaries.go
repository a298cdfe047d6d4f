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
// none). The tree is reference data every role reads, but an outline is
// the jurisdiction's own: one the actor does not read is not found.
func (s *Service) RegionBoundary(ctx context.Context, actor *domain.Actor, id int64) (_ string, err error) {
	defer domain.Wrap(&err, "org.RegionBoundary %d", id)
	if err := requireReader(actor); err != nil {
		return "", err
	}
	c := s.db.Read()
	r, err := getRegion(ctx, c, id)
	if err != nil {
		return "", err
	}
	list, err := allJurisdictions(ctx, c)
	if err != nil {
		return "", err
	}
	if !readsOutline(actor, list, r.Code) {
		return "", domain.NotFound("区划边界")
	}
	return r.Boundary, nil
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

// OutlineCollection is a GeoJSON FeatureCollection of region outlines:
// what the console's map draws, and a file ImportBoundaries reads back
// (each feature's property code names its region).
type OutlineCollection struct {
	Type     string           `json:"type"` // always "FeatureCollection"
	Features []OutlineFeature `json:"features"`
}

// OutlineFeature is one region's outline.
type OutlineFeature struct {
	Type       string            `json:"type"` // always "Feature"
	ID         int64             `json:"id"`   // the region's id
	Properties OutlineProperties `json:"properties"`
	Geometry   Geometry          `json:"geometry"`
}

// OutlineProperties name the region and the jurisdiction it lies in, so
// the map colours and labels each outline without another request.
type OutlineProperties struct {
	ID               int64  `json:"id"`
	Code             string `json:"code"`
	Name             string `json:"name"`
	Level            string `json:"level"`
	JurisdictionID   int64  `json:"jurisdictionId"`
	JurisdictionName string `json:"jurisdictionName"`
}

// Geometry is a GeoJSON Polygon or MultiPolygon, WGS-84, [lng, lat].
type Geometry struct {
	Type        string          `json:"type"`
	Coordinates json.RawMessage `json:"coordinates"`
}

// geometryOf reads the geometry of a stored or sent outline: a geometry,
// or a Feature holding one.
func geometryOf(text string) (Geometry, error) {
	var g struct {
		Geometry
		Inner *Geometry `json:"geometry"`
	}
	if err := json.Unmarshal([]byte(text), &g); err != nil {
		return Geometry{}, err
	}
	if g.Type == "Feature" && g.Inner != nil {
		return *g.Inner, nil
	}
	return g.Geometry, nil
}

// Outlines lists the outlines of every region the actor reads, as GeoJSON:
// a county office its own county's, the city office its counties' as well.
// jurisdiction, when not 0, keeps that jurisdiction's (its subtree's, so
// the city's include its counties'); one the actor does not read is
// refused on jurisdictionId.
func (s *Service) Outlines(ctx context.Context, actor *domain.Actor, jurisdiction int64) (_ OutlineCollection, err error) {
	defer domain.Wrap(&err, "org.Outlines")
	out := OutlineCollection{Type: "FeatureCollection", Features: []OutlineFeature{}}
	if err := requireReader(actor); err != nil {
		return out, err
	}
	c := s.db.Read()
	list, err := allJurisdictions(ctx, c)
	if err != nil {
		return out, err
	}
	// Only the subtrees of the jurisdictions asked for and read are loaded:
	// a county's office does not read the whole city's outlines to keep its own.
	var subtrees []string
	for _, j := range list {
		if jurisdiction != 0 && j.ID != jurisdiction || !actor.ReadsJurisdiction(j.ID, j.Code) {
			continue
		}
		subtrees = append(subtrees, domain.SubtreePrefix(j.Code))
	}
	if jurisdiction != 0 && len(subtrees) == 0 {
		return out, domain.Invalid("jurisdictionId", "该辖区不存在或不在您的数据范围内")
	}
	query := `SELECT id, code, name, level, boundary FROM regions WHERE boundary <> ''`
	var args []any
	if actor.Scope != domain.ScopeAll || jurisdiction != 0 {
		if len(subtrees) == 0 {
			return out, nil
		}
		var like []string
		for _, p := range outermost(subtrees) {
			like = append(like, `code LIKE ?`)
			args = append(args, p+"%")
		}
		query += ` AND (` + strings.Join(like, ` OR `) + `)`
	}
	rows, err := c.Query(ctx, query+` ORDER BY code`, args...)
	if err != nil {
		return out, err
	}
	defer rows.Close()
	for rows.Next() {
		var p OutlineProperties
		var text string
		if err := rows.Scan(&p.ID, &p.Code, &p.Name, &p.Level, &text); err != nil {
			return out, err
		}
		if !readsOutline(actor, list, p.Code) {
			continue
		}
		g, err := geometryOf(text)
		if err != nil {
			continue // checked when saved; one that no longer reads is left off the map
		}
		if j, ok := list.Of(p.Code); ok {
			p.JurisdictionID, p.JurisdictionName = j.ID, j.Name
		}
		out.Features = append(out.Features, OutlineFeature{Type: "Feature", ID: p.ID, Properties: p, Geometry: g})
	}
	return out, rows.Err()
}

// outermost keeps the code prefixes no other of them contains: a city's
// subtree holds its counties'.
func outermost(prefixes []string) []string {
	var out []string
	for i, p := range prefixes {
		inner := false
		for j, q := range prefixes {
			if i != j && strings.HasPrefix(p, q) && (p != q || j < i) {
				inner = true
				break
			}
		}
		if !inner {
			out = append(out, p)
		}
	}
	return out
}

// SetRegionBoundary draws a region's outline: a GeoJSON Polygon or
// MultiPolygon, or a Feature holding one. Who may is who may import it;
// the geometry alone is kept. From the next report on, cases are located
// by it (the regions' version the case configuration watches moves).
func (s *Service) SetRegionBoundary(ctx context.Context, actor *domain.Actor, id int64, geojson string) (_ domain.Region, err error) {
	defer domain.Wrap(&err, "org.SetRegionBoundary %d", id)
	if err := requireOrgWriter(actor); err != nil {
		return domain.Region{}, err
	}
	if strings.TrimSpace(geojson) == "" {
		return domain.Region{}, domain.Invalid("boundary", "请提供边界：GeoJSON 的 Polygon 或 MultiPolygon")
	}
	if _, err := domain.ParseBoundary(geojson); err != nil {
		return domain.Region{}, err
	}
	g, err := geometryOf(geojson)
	if err != nil {
		return domain.Region{}, domain.Invalid("boundary", "边界不是有效的 GeoJSON")
	}
	text, err := json.Marshal(g)
	if err != nil {
		return domain.Region{}, err
	}
	var r domain.Region
	err = s.db.Write(ctx, func(c *store.Conn) error {
		var err error
		r, err = changeBoundary(ctx, c, actor, id, string(text), "绘制")
		return err
	})
	return r, err
}

// ClearRegionBoundary removes a region's outline: its reports are located
// by the regions around it again. Clearing none is no change.
func (s *Service) ClearRegionBoundary(ctx context.Context, actor *domain.Actor, id int64) (err error) {
	defer domain.Wrap(&err, "org.ClearRegionBoundary %d", id)
	if err := requireOrgWriter(actor); err != nil {
		return err
	}
	return s.db.Write(ctx, func(c *store.Conn) error {
		_, err := changeBoundary(ctx, c, actor, id, "", "清除")
		return err
	})
}

// changeBoundary sets one region's outline, if the actor may draw it, with
// its audit entry; an unchanged outline writes nothing.
func changeBoundary(ctx context.Context, c *store.Conn, actor *domain.Actor, id int64, text, verb string) (domain.Region, error) {
	before, err := getRegion(ctx, c, id)
	if err != nil {
		return before, err
	}
	if err := regionWritable(actor, before.Code); err != nil {
		return before, err
	}
	if before.Boundary == text {
		return before, nil
	}
	r := before
	r.Boundary, r.HasBoundary = text, text != ""
	if _, err := c.Exec(ctx, `UPDATE regions SET boundary = ?, updated_at = ? WHERE id = ?`, text, c.Now, id); err != nil {
		return r, err
	}
	return r, audit.Record(ctx, c, actor, audit.Change{Action: "update", Entity: "region", EntityID: id,
		Summary: verb + "区划边界“" + r.Name + "”（" + r.Code + "）", Before: before, After: r})
}
