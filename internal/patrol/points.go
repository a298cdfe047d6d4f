package patrol

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	qrcode "github.com/skip2/go-qrcode"

	"wenming/internal/audit"
	"wenming/internal/domain"
	"wenming/internal/store"
)

// Point is a place inspected, kept in WGS-84.
type Point struct {
	ID           int64      `json:"id"`
	Code         string     `json:"code"`
	Name         string     `json:"name"`
	CategoryID   int64      `json:"categoryId"`
	CategoryName string     `json:"categoryName"`
	Lat          float64    `json:"lat"`
	Lng          float64    `json:"lng"`
	Address      string     `json:"address"`
	RegionID     *int64     `json:"regionId"`
	RegionName   string     `json:"regionName"`
	Grid         string     `json:"grid"`
	UnitID       int64      `json:"unitId"`
	UnitName     string     `json:"unitName"`
	ChiefUserID  *int64     `json:"chiefUserId"`
	ChiefName    string     `json:"chiefName"`
	ChiefPhone   string     `json:"chiefPhone"`
	Active       bool       `json:"active"`
	QRToken      string     `json:"qrToken"`
	LastPatrolAt *time.Time `json:"lastPatrolAt"`
	LastResult   *string    `json:"lastResult"`
	OpenCases    int        `json:"openCases"`
	// DistanceMeters is set by the nearby list.
	DistanceMeters *int `json:"distanceMeters,omitempty"`
	// JurisdictionID is the jurisdiction the point belongs to: that of its
	// region, else of its unit.
	JurisdictionID   int64 `json:"jurisdictionId"`
	unitPath         string
	unitRegion       string
	jurisdictionCode string
}

// PointDetail is a point with its checklist and latest patrols.
type PointDetail struct {
	Point
	Checks  []Check         `json:"checks"`
	Patrols []PatrolSummary `json:"patrols"`
}

// PointInput is what the office edits of a point.
type PointInput struct {
	Code        string  `json:"code"`
	Name        string  `json:"name"`
	CategoryID  int64   `json:"categoryId"`
	Lat         float64 `json:"lat"`
	Lng         float64 `json:"lng"`
	Coords      string  `json:"coords"`
	Address     string  `json:"address"`
	RegionID    *int64  `json:"regionId"`
	Grid        string  `json:"grid"`
	UnitID      int64   `json:"unitId"`
	ChiefUserID *int64  `json:"chiefUserId"`
	ChiefName   string  `json:"chiefName"`
	ChiefPhone  string  `json:"chiefPhone"`
	Active      *bool   `json:"active"`
}

// PointFilter narrows the points list.
type PointFilter struct {
	CategoryID, RegionID, UnitID int64
	Q                            string
	Active                       *bool
	Page, PageSize               int
}

const selectPoints = `SELECT p.id, p.code, p.name, p.category_id, k.name, p.lat, p.lng, p.address, p.region_id, COALESCE(r.name, ''), p.grid,
	p.unit_id, u.name, u.path, COALESCE(ur.code, ''), p.chief_user_id, p.chief_name, p.chief_phone, p.active, p.qr_token, p.last_patrol_at, p.last_result,
	(SELECT COUNT(*) FROM cases c WHERE c.point_id = p.id AND c.state <> 'closed'), COALESCE(p.jurisdiction_id, 0), COALESCE(pj.code, '')
	FROM points p JOIN point_categories k ON k.id = p.category_id JOIN units u ON u.id = p.unit_id
	LEFT JOIN regions r ON r.id = p.region_id LEFT JOIN regions ur ON ur.id = u.region_id LEFT JOIN regions pj ON pj.id = p.jurisdiction_id`

func scanPoint(r interface{ Scan(...any) error }) (Point, error) {
	var p Point
	err := r.Scan(&p.ID, &p.Code, &p.Name, &p.CategoryID, &p.CategoryName, &p.Lat, &p.Lng, &p.Address, &p.RegionID, &p.RegionName, &p.Grid,
		&p.UnitID, &p.UnitName, &p.unitPath, &p.unitRegion, &p.ChiefUserID, &p.ChiefName, &p.ChiefPhone, &p.Active, &p.QRToken, &p.LastPatrolAt, &p.LastResult, &p.OpenCases,
		&p.JurisdictionID, &p.jurisdictionCode)
	p.ChiefPhone = domain.MaskPhone(p.ChiefPhone)
	return p, err
}

// scopeWhere limits a points query to what the actor sees: the points of
// the jurisdictions it reads (col is the points' jurisdiction column),
// and in them those of the units in its scope.
func scopeWhere(a *domain.Actor, col string) (string, []any) {
	reach, args := store.Reach(a, col)
	switch {
	case a.Scope == domain.ScopeAll && a.Has(wideReaders...):
		return "", nil
	case a.Scope == domain.ScopeRegion:
		return reach + ` AND ur.code LIKE ?`, append(args, a.RegionCode+"%")
	default:
		return reach + ` AND u.path LIKE ?`, append(args, a.UnitPath+"%")
	}
}

func (f PointFilter) where(a *domain.Actor) (string, []any) {
	var conds []string
	var args []any
	add := func(cond string, v ...any) { conds = append(conds, cond); args = append(args, v...) }
	if cond, v := scopeWhere(a, "p.jurisdiction_id"); cond != "" {
		add(cond, v...)
	}
	if f.CategoryID != 0 {
		add(`p.category_id = ?`, f.CategoryID)
	}
	if f.RegionID != 0 {
		add(`r.code LIKE (SELECT code FROM regions WHERE id = ?) || '%'`, f.RegionID)
	}
	if f.UnitID != 0 {
		add(`p.unit_id = ?`, f.UnitID)
	}
	if f.Active != nil {
		add(`p.active = ?`, *f.Active)
	}
	if q := strings.TrimSpace(f.Q); q != "" {
		like := store.Like(q)
		add(`(p.name LIKE ? ESCAPE '\' OR p.code LIKE ? ESCAPE '\' OR p.address LIKE ? ESCAPE '\')`, like, like, like)
	}
	if len(conds) == 0 {
		return "", nil
	}
	return " WHERE " + strings.Join(conds, " AND "), args
}

// Points lists the points the actor sees, a page at a time.
func (s *Service) Points(ctx context.Context, actor *domain.Actor, f PointFilter) (_ []Point, _ int, err error) {
	defer domain.Wrap(&err, "patrol.Points")
	if err := requireReader(actor); err != nil {
		return nil, 0, err
	}
	where, args := f.where(actor)
	c := s.db.Read()
	total, err := c.Count(ctx, `SELECT COUNT(*) FROM points p JOIN units u ON u.id = p.unit_id LEFT JOIN regions r ON r.id = p.region_id
		LEFT JOIN regions ur ON ur.id = u.region_id`+where, args...)
	if err != nil {
		return nil, 0, err
	}
	size := min(max(f.PageSize, 1), 2000)
	list, err := queryPoints(ctx, c, where+` ORDER BY k.sort, p.code LIMIT ? OFFSET ?`, append(args, size, (max(f.Page, 1)-1)*size)...)
	return list, total, err
}

func queryPoints(ctx context.Context, c *store.Conn, tail string, args ...any) ([]Point, error) {
	rows, err := c.Query(ctx, selectPoints+tail, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	list := []Point{}
	for rows.Next() {
		p, err := scanPoint(rows)
		if err != nil {
			return nil, err
		}
		list = append(list, p)
	}
	return list, rows.Err()
}

// MapPoint is a point on the map.
type MapPoint struct {
	ID           int64   `json:"id"`
	Name         string  `json:"name"`
	CategoryName string  `json:"categoryName"`
	Lat          float64 `json:"lat"`
	Lng          float64 `json:"lng"`
	UnitName     string  `json:"unitName"`
	LastResult   *string `json:"lastResult"`
}

// Map lists every point of the filter for the map.
func (s *Service) Map(ctx context.Context, actor *domain.Actor, f PointFilter) (_ []MapPoint, err error) {
	defer domain.Wrap(&err, "patrol.Map")
	f.Page, f.PageSize = 1, 100000
	all, _, err := s.Points(ctx, actor, f)
	out := make([]MapPoint, len(all))
	for i, p := range all {
		out[i] = MapPoint{p.ID, p.Name, p.CategoryName, p.Lat, p.Lng, p.UnitName, p.LastResult}
	}
	return out, err
}

// Nearby lists the active points nearest to a phone, nearest first.
func (s *Service) Nearby(ctx context.Context, actor *domain.Actor, lat, lng float64, limit int) (_ []Point, err error) {
	defer domain.Wrap(&err, "patrol.Nearby")
	if err := validLatLng(lat, lng); err != nil {
		return nil, err
	}
	active := true
	all, _, err := s.Points(ctx, actor, PointFilter{Active: &active, Page: 1, PageSize: 100000})
	if err != nil {
		return nil, err
	}
	for i := range all {
		d := int(math.Round(domain.Distance(lat, lng, all[i].Lat, all[i].Lng)))
		all[i].DistanceMeters = &d
	}
	slices.SortFunc(all, func(a, b Point) int { return *a.DistanceMeters - *b.DistanceMeters })
	return all[:min(len(all), max(limit, 1), 100)], nil
}

// Point returns a point with its checklist and latest patrols.
func (s *Service) Point(ctx context.Context, actor *domain.Actor, id int64) (_ PointDetail, err error) {
	defer domain.Wrap(&err, "patrol.Point %d", id)
	return s.pointWhere(ctx, actor, `p.id = ?`, id)
}

// PointByToken returns the point a QR code names.
func (s *Service) PointByToken(ctx context.Context, actor *domain.Actor, token string) (_ PointDetail, err error) {
	defer domain.Wrap(&err, "patrol.PointByToken")
	return s.pointWhere(ctx, actor, `p.qr_token = ?`, token)
}

func (s *Service) pointWhere(ctx context.Context, actor *domain.Actor, cond string, arg any) (PointDetail, error) {
	if err := requireReader(actor); err != nil {
		return PointDetail{}, err
	}
	c := s.db.Read()
	p, err := getPoint(ctx, c, cond, arg)
	if err != nil {
		return PointDetail{}, err
	}
	if !sees(actor, &p) {
		return PointDetail{}, domain.Forbidden("该点位不在您的数据范围内")
	}
	d := PointDetail{Point: p, Checks: []Check{}}
	checks, err := loadChecks(ctx, c, ` WHERE x.category_id = ? AND x.active`, []any{p.CategoryID})
	if err != nil {
		return d, err
	}
	for _, ch := range checks {
		d.Checks = append(d.Checks, ch.Check)
	}
	d.Patrols, _, err = s.patrolSummaries(ctx, c, ` WHERE t.point_id = ?`, []any{p.ID}, 1, 20)
	return d, err
}

func getPoint(ctx context.Context, c *store.Conn, cond string, args ...any) (Point, error) {
	list, err := queryPoints(ctx, c, ` WHERE `+cond, args...)
	if err != nil {
		return Point{}, err
	}
	if len(list) == 0 {
		return Point{}, domain.NotFound("点位")
	}
	return list[0], nil
}

func validLatLng(lat, lng float64) error {
	if lat < -90 || lat > 90 || lat == 0 {
		return domain.Invalid("lat", "纬度应在 -90 到 90 之间")
	}
	if lng < -180 || lng > 180 || lng == 0 {
		return domain.Invalid("lng", "经度应在 -180 到 180 之间")
	}
	return nil
}

func (in *PointInput) validate(ctx context.Context, c *store.Conn) error {
	in.Code, in.Name, in.Address, in.Grid = strings.TrimSpace(in.Code), strings.TrimSpace(in.Name), strings.TrimSpace(in.Address), strings.TrimSpace(in.Grid)
	in.ChiefName, in.ChiefPhone = strings.TrimSpace(in.ChiefName), strings.TrimSpace(in.ChiefPhone)
	if err := domain.RequireText("name", "点位名称", in.Name, 100); err != nil {
		return err
	}
	if err := domain.TextLimit("code", "点位编码", in.Code, 40); err != nil {
		return err
	}
	if err := exists(ctx, c, "categoryId", "请选择点位类别", `SELECT COUNT(*) FROM point_categories WHERE id = ?`, in.CategoryID); err != nil {
		return err
	}
	switch in.Coords {
	case "", "wgs84":
	case "gcj02":
		in.Lat, in.Lng = domain.FromGCJ02(in.Lat, in.Lng)
	default:
		return domain.Invalid("coords", "坐标系只能是 wgs84 或 gcj02")
	}
	if err := validLatLng(in.Lat, in.Lng); err != nil {
		return err
	}
	if err := domain.TextLimit("address", "地址", in.Address, 200); err != nil {
		return err
	}
	if err := domain.TextLimit("grid", "网格", in.Grid, 60); err != nil {
		return err
	}
	if in.RegionID != nil {
		if err := exists(ctx, c, "regionId", "所属区域不存在", `SELECT COUNT(*) FROM regions WHERE id = ?`, *in.RegionID); err != nil {
			return err
		}
	}
	if err := exists(ctx, c, "unitId", "请选择责任单位", `SELECT COUNT(*) FROM units WHERE id = ?`, in.UnitID); err != nil {
		return err
	}
	if in.ChiefUserID != nil {
		if err := exists(ctx, c, "chiefUserId", "点长不存在", `SELECT COUNT(*) FROM users WHERE id = ?`, *in.ChiefUserID); err != nil {
			return err
		}
	}
	if err := domain.TextLimit("chiefName", "点长姓名", in.ChiefName, 40); err != nil {
		return err
	}
	if keepsPhone(in.ChiefPhone) {
		return nil
	}
	if err := domain.ValidatePhone(in.ChiefPhone); err != nil {
		return domain.Invalid("chiefPhone", "点长电话格式不正确，应为 11 位手机号或带区号的固定电话")
	}
	return nil
}

// keepsPhone: a form or an export sends back the masked phone it was
// shown; that means "unchanged", never a new number.
func keepsPhone(phone string) bool { return strings.Contains(phone, "*") }

func exists(ctx context.Context, c *store.Conn, field, message, query string, id int64) error {
	n, err := c.Count(ctx, query, id)
	if err != nil {
		return err
	}
	if n == 0 {
		return domain.Invalid(field, message)
	}
	return nil
}

func newToken() string {
	b := make([]byte, 12)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

// CreatePoint adds a point (office).
func (s *Service) CreatePoint(ctx context.Context, actor *domain.Actor, in PointInput) (_ Point, err error) {
	defer domain.Wrap(&err, "patrol.CreatePoint")
	if err := s.mayGiveTo(ctx, actor, in.UnitID); err != nil {
		return Point{}, err
	}
	var out Point
	err = s.db.Write(ctx, func(c *store.Conn) error {
		p, err := createPoint(ctx, c, actor, in)
		if err != nil {
			return err
		}
		out = p
		return audit.Record(ctx, c, actor, audit.Change{Action: "create", Entity: "point", EntityID: p.ID, Summary: fmt.Sprintf("点位 %s %s", p.Code, p.Name), After: p})
	})
	return out, err
}

func createPoint(ctx context.Context, c *store.Conn, actor *domain.Actor, in PointInput) (Point, error) {
	if err := in.validate(ctx, c); err != nil {
		return Point{}, err
	}
	j, err := in.place(ctx, c, actor)
	if err != nil {
		return Point{}, err
	}
	code := in.Code
	if code == "" {
		if code, err = nextPointCode(ctx, c, j); err != nil {
			return Point{}, err
		}
	}
	id, err := c.Insert(ctx, `INSERT INTO points (jurisdiction_id, code, name, category_id, lat, lng, address, region_id, grid, unit_id, chief_user_id, chief_name, chief_phone, active, qr_token, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		j, code, in.Name, in.CategoryID, in.Lat, in.Lng, in.Address, in.RegionID, in.Grid, in.UnitID, in.ChiefUserID, in.ChiefName, newPhone(in.ChiefPhone),
		in.Active == nil || *in.Active, newToken(), c.Now, c.Now)
	if err != nil {
		return Point{}, codeTaken(err, in.Code)
	}
	return getPoint(ctx, c, `p.id = ?`, id)
}

// nextPointCode numbers a new point after its jurisdiction's region code
// (620422D0001 …) from the jurisdiction's own sequence, never from the row
// id, passing over a code someone typed by hand.
func nextPointCode(ctx context.Context, c *store.Conn, jurisdiction int64) (string, error) {
	var region string
	if err := c.Get(ctx, "辖区", `SELECT code FROM regions WHERE id = ?`, []any{jurisdiction}, &region); err != nil {
		return "", err
	}
	for {
		n, err := c.Next(ctx, "point:"+strconv.FormatInt(jurisdiction, 10), "")
		if err != nil {
			return "", err
		}
		code := fmt.Sprintf("%sD%04d", region, n)
		taken, err := c.Count(ctx, `SELECT COUNT(*) FROM points WHERE jurisdiction_id = ? AND code = ?`, jurisdiction, code)
		if err != nil || taken == 0 {
			return code, err
		}
	}
}

func newPhone(phone string) string {
	if keepsPhone(phone) {
		return ""
	}
	return phone
}

func codeTaken(err error, code string) error {
	if de, ok := domain.AsError(err); ok && de.Code == domain.CodeConflict {
		return domain.Conflict("code", "点位编码“"+code+"”已被使用")
	}
	return err
}

// UpdatePoint changes a point (office).
func (s *Service) UpdatePoint(ctx context.Context, actor *domain.Actor, id int64, in PointInput) (_ Point, err error) {
	defer domain.Wrap(&err, "patrol.UpdatePoint %d", id)
	if err := s.mayGiveTo(ctx, actor, in.UnitID); err != nil {
		return Point{}, err
	}
	var out Point
	err = s.db.Write(ctx, func(c *store.Conn) error {
		before, err := getPoint(ctx, c, `p.id = ?`, id)
		if err != nil {
			return err
		}
		if err := governs(actor, &before); err != nil {
			return err
		}
		if out, err = updatePoint(ctx, c, actor, before, in); err != nil {
			return err
		}
		return audit.Record(ctx, c, actor, audit.Change{Action: "update", Entity: "point", EntityID: id, Summary: fmt.Sprintf("点位 %s %s", out.Code, out.Name), Before: before, After: out})
	})
	return out, err
}

func updatePoint(ctx context.Context, c *store.Conn, actor *domain.Actor, before Point, in PointInput) (Point, error) {
	if in.Code == "" {
		in.Code = before.Code
	}
	if err := in.validate(ctx, c); err != nil {
		return Point{}, err
	}
	j, err := in.place(ctx, c, actor)
	if err != nil {
		return Point{}, err
	}
	active := before.Active
	if in.Active != nil {
		active = *in.Active
	}
	if _, err := c.Exec(ctx, `UPDATE points SET jurisdiction_id = ?, code = ?, name = ?, category_id = ?, lat = ?, lng = ?, address = ?, region_id = ?, grid = ?, unit_id = ?,
		chief_user_id = ?, chief_name = ?, chief_phone = CASE WHEN ? THEN chief_phone ELSE ? END, active = ?, updated_at = ? WHERE id = ?`,
		j, in.Code, in.Name, in.CategoryID, in.Lat, in.Lng, in.Address, in.RegionID, in.Grid, in.UnitID, in.ChiefUserID, in.ChiefName,
		keepsPhone(in.ChiefPhone), in.ChiefPhone, active, c.Now, before.ID); err != nil {
		return Point{}, codeTaken(err, in.Code)
	}
	return getPoint(ctx, c, `p.id = ?`, before.ID)
}

// DeletePoint removes a point never patrolled; one with history must be
// deactivated instead, so its observations keep their place.
func (s *Service) DeletePoint(ctx context.Context, actor *domain.Actor, id int64) (err error) {
	defer domain.Wrap(&err, "patrol.DeletePoint %d", id)
	if err := requireOffice(actor); err != nil {
		return err
	}
	return s.db.Write(ctx, func(c *store.Conn) error {
		before, err := getPoint(ctx, c, `p.id = ?`, id)
		if err != nil {
			return err
		}
		if err := governs(actor, &before); err != nil {
			return err
		}
		n, err := c.Count(ctx, `SELECT (SELECT COUNT(*) FROM patrols WHERE point_id = ?) + (SELECT COUNT(*) FROM round_points WHERE point_id = ?)`, id, id)
		if err != nil {
			return err
		}
		if n > 0 {
			return domain.Conflict("", "该点位已有巡查或测评记录，不能删除；请将其停用")
		}
		if _, err := c.Exec(ctx, `DELETE FROM points WHERE id = ?`, id); err != nil {
			return err
		}
		return audit.Record(ctx, c, actor, audit.Change{Action: "delete", Entity: "point", EntityID: id, Summary: fmt.Sprintf("点位 %s %s", before.Code, before.Name), Before: before})
	})
}

// mayGiveTo lets the office give points; which unit in which
// jurisdiction is decided by place, inside the write.
func (s *Service) mayGiveTo(_ context.Context, actor *domain.Actor, _ int64) error {
	return requireOffice(actor)
}

// place finds the point's jurisdiction, that of its region, else of its
// unit, and checks that the actor's office governs it, that the unit works
// in it and lies in the actor's scope, and that its category is one the
// jurisdiction keeps or inherits from above.
func (in *PointInput) place(ctx context.Context, c *store.Conn, actor *domain.Actor) (int64, error) {
	var u struct {
		name, path, region string
		j                  int64
	}
	if err := c.Get(ctx, "责任单位", `SELECT u.name, u.path, COALESCE(r.code, ''), COALESCE(u.jurisdiction_id, 0) FROM units u LEFT JOIN regions r ON r.id = u.region_id WHERE u.id = ?`,
		[]any{in.UnitID}, &u.name, &u.path, &u.region, &u.j); err != nil {
		return 0, err
	}
	j, field := u.j, "unitId"
	if in.RegionID != nil {
		var err error
		if j, err = regionJurisdiction(ctx, c, *in.RegionID); err != nil {
			return 0, err
		}
		field = "regionId"
	}
	switch {
	case j == 0:
		return 0, domain.Invalid(field, "点位所在区域不属于任何创城办辖区")
	case !actor.GovernsJurisdiction(j):
		return 0, domain.Invalid(field, "点位所在的"+jurisdictionName(ctx, c, j)+"不是您的辖区，不能在此设置点位")
	case u.j != j:
		return 0, domain.Invalid("unitId", fmt.Sprintf("责任单位“%s”不属于%s，请选择点位所在辖区的单位", u.name, jurisdictionName(ctx, c, j)))
	case !actor.SeesUnit(u.path, u.region):
		return 0, domain.Forbidden("责任单位“" + u.name + "”不在您的数据范围内")
	}
	return j, UsableCategory(ctx, c, j, in.CategoryID)
}

// UsableCategory checks that a jurisdiction may file points (and draw
// rounds) under a category: its own, or one a jurisdiction above it keeps.
func UsableCategory(ctx context.Context, c *store.Conn, j, categoryID int64) error {
	up, err := lineage(ctx, c, j)
	if err != nil {
		return err
	}
	cond, args := inList("jurisdiction_id", up)
	n, err := c.Count(ctx, `SELECT COUNT(*) FROM point_categories WHERE id = ? AND `+cond, append([]any{categoryID}, args...)...)
	if err == nil && n == 0 {
		err = domain.Invalid("categoryId", "该点位类别属于其他辖区，请选择本辖区或上级设置的类别")
	}
	return err
}

// QRCode draws the point's QR code: the patrol form's address on this site.
func (s *Service) QRCode(ctx context.Context, actor *domain.Actor, id int64, site string) (_ []byte, _ string, err error) {
	defer domain.Wrap(&err, "patrol.QRCode %d", id)
	d, err := s.Point(ctx, actor, id)
	if err != nil {
		return nil, "", err
	}
	png, err := qrcode.Encode(strings.TrimRight(site, "/")+"/patrol/p/"+d.QRToken, qrcode.Medium, 320)
	if err != nil {
		return nil, "", err
	}
	return png, d.Code + "-" + d.Name + ".png", nil
}
