package framework

import (
	"context"
	"errors"
	"fmt"
	"math"
	"regexp"
	"slices"
	"strings"
	"time"

	"wenming/internal/audit"
	"wenming/internal/domain"
	"wenming/internal/files"
	"wenming/internal/store"
)

// reportFiles is the owner kind of the files a target report carries.
const reportFiles = "target_report"

// GuardFiles has the file service ask this service before anyone reads the
// files of a target report.
func (s *Service) GuardFiles(f *files.Service) { f.GuardOwner(reportFiles, s.canReadReportFiles) }

// seesReportFiles is who may read the evidence a unit reported with a
// value: anyone but the audit admin whose scope holds that unit. The
// targets and their values are for everyone; another unit's evidence is not.
func seesReportFiles(a *domain.Actor, u domain.Unit) bool {
	return !a.Has(domain.RoleAuditAdmin) && a.SeesUnit(u.Path, u.RegionCode)
}

// canReadReportFiles: the report's jurisdiction must be in the reader's
// reach (another county's evidence is never served, whatever the unit
// scope says), and the reporting unit in its scope.
func (s *Service) canReadReportFiles(ctx context.Context, actor *domain.Actor, reportID int64) error {
	var unitID int64
	var jid *int64
	var jcode string
	if err := s.db.Read().Get(ctx, "数据指标报送", `SELECT r.unit_id, r.jurisdiction_id, COALESCE(jr.code, '') FROM target_reports r
		LEFT JOIN regions jr ON jr.id = r.jurisdiction_id WHERE r.id = ?`, []any{reportID}, &unitID, &jid, &jcode); err != nil {
		return err
	}
	if jid != nil && !actor.ReadsJurisdiction(*jid, jcode) {
		return domain.Forbidden("该报送记录的附件不在您的数据范围内")
	}
	dir, err := s.org.Directory(ctx)
	if err != nil {
		return err
	}
	if !seesReportFiles(actor, dir[unitID]) {
		return domain.Forbidden("该报送记录的附件不在您的数据范围内")
	}
	return nil
}

// TargetStatus is a standard with a target and where it stands in a period.
type TargetStatus struct {
	StandardID       int64            `json:"standardId"`
	FrameworkID      int64            `json:"frameworkId"`
	Code             string           `json:"code"`
	Text             string           `json:"text"`
	Metric           string           `json:"metric"`
	Comparator       string           `json:"comparator"`
	Threshold        *float64         `json:"threshold"`
	Threshold2       *float64         `json:"threshold2"`
	MeasureUnit      string           `json:"measureUnit"`
	LeadUnits        []domain.UnitRef `json:"leadUnits"`
	ResponsibleUnits []domain.UnitRef `json:"responsibleUnits"`
	Period           string           `json:"period"`
	Value            *float64         `json:"value"`
	ReportUnitName   string           `json:"reportUnitName"`
	ReportedAt       *time.Time       `json:"reportedAt"`
	Status           string           `json:"status"` // met | not_met | not_reported
	CanReport        bool             `json:"canReport"`
}

// TargetReport is one measured value a unit reported.
type TargetReport struct {
	ID         int64        `json:"id"`
	StandardID int64        `json:"standardId"`
	UnitID     int64        `json:"unitId"`
	UnitName   string       `json:"unitName"`
	Period     string       `json:"period"`
	Value      float64      `json:"value"`
	Evidence   string       `json:"evidence"`
	ReportedBy string       `json:"reportedBy"`
	ReportedAt time.Time    `json:"reportedAt"`
	Met        bool         `json:"met"`
	Files      []files.File `json:"files"`
}

// TargetFilter narrows the targets list.
type TargetFilter struct {
	// JurisdictionID is whose values count (default the actor's own): a
	// value reported in one county never counts for another.
	JurisdictionID int64
	FrameworkID    int64
	Period         string
	Status         string
	UnitID         int64
	Q              string
}

// ReportInput is a value a unit reports.
type ReportInput struct {
	Period   string  `json:"period"`
	Value    float64 `json:"value"`
	Evidence string  `json:"evidence"`
	UnitID   int64   `json:"unitId"`
	FileIDs  []int64 `json:"fileIds"`
}

var periodPattern = regexp.MustCompile(`^\d{4}(-Q[1-4]|-(0[1-9]|1[0-2]))?$`)

// CurrentPeriod is this year in Beijing time, the default reporting period.
func CurrentPeriod(now time.Time) string { return now.In(domain.Beijing).Format("2006") }

func validPeriod(p string) error {
	if !periodPattern.MatchString(p) {
		return domain.Invalid("period", "周期格式应为 2026、2026-Q3 或 2026-07")
	}
	return nil
}

// defaultPeriod is the year of the jurisdiction's newest plan (the
// campaign year people work in), else this year.
func (s *Service) defaultPeriod(ctx context.Context, jurisdictionID int64) string {
	var year int
	if err := s.db.Read().Get(ctx, "年度方案", `SELECT year FROM plans WHERE jurisdiction_id = ? ORDER BY year DESC, id DESC LIMIT 1`, []any{jurisdictionID}, &year); err == nil {
		return fmt.Sprint(year)
	}
	return CurrentPeriod(s.db.Now())
}

// CurrentFramework is the framework of the newest plan, else the newest
// main framework.
func (s *Service) CurrentFramework(ctx context.Context) (_ int64, err error) {
	defer domain.Wrap(&err, "framework.CurrentFramework")
	var id int64
	err = s.db.Read().Get(ctx, "测评体系", `SELECT COALESCE(
		(SELECT framework_id FROM plans WHERE framework_id IS NOT NULL ORDER BY year DESC, id DESC LIMIT 1),
		(SELECT id FROM frameworks WHERE kind = 'main' ORDER BY id DESC LIMIT 1))`, nil, &id)
	if err != nil || id == 0 {
		return 0, domain.NotFound("测评体系")
	}
	return id, nil
}

// CurrentFrameworkIn is the framework a jurisdiction works to: that of its
// newest plan, else the newest main framework it owns or inherits from a
// jurisdiction above it.
func (s *Service) CurrentFrameworkIn(ctx context.Context, jurisdictionID int64) (_ int64, err error) {
	defer domain.Wrap(&err, "framework.CurrentFrameworkIn %d", jurisdictionID)
	c := s.db.Read()
	var id int64
	err = c.Get(ctx, "测评体系", `SELECT framework_id FROM plans WHERE framework_id IS NOT NULL AND jurisdiction_id = ? ORDER BY year DESC, id DESC LIMIT 1`, []any{jurisdictionID}, &id)
	if err == nil || !errors.Is(err, domain.ErrNotFound) {
		return id, err
	}
	codes, err := s.jurisdictionCodes(ctx)
	if err != nil {
		return 0, err
	}
	rows, err := c.Query(ctx, `SELECT f.id, f.jurisdiction_id, COALESCE(jr.code, '') FROM frameworks f LEFT JOIN regions jr ON jr.id = f.jurisdiction_id WHERE f.kind = 'main' ORDER BY f.id DESC`)
	if err != nil {
		return 0, err
	}
	defer rows.Close()
	for rows.Next() {
		var owner *int64
		var code string
		if err := rows.Scan(&id, &owner, &code); err != nil {
			return 0, err
		}
		if owner == nil || *owner == jurisdictionID || domain.Within(codes[jurisdictionID], code) {
			return id, nil
		}
	}
	if err := rows.Err(); err != nil {
		return 0, err
	}
	return 0, domain.NotFound("测评体系")
}

// targetJurisdiction is whose values a targets list counts: the one asked
// for if the actor reads it, else the actor's own.
func (s *Service) targetJurisdiction(ctx context.Context, actor *domain.Actor, id int64) (domain.Jurisdiction, error) {
	if id == 0 {
		return s.home(ctx, actor)
	}
	j, err := s.jurisdictionOf(ctx, actor, id)
	if err != nil {
		return j, err
	}
	if !actor.ReadsJurisdiction(j.ID, j.Code) {
		return j, domain.Invalid("jurisdictionId", "该辖区不在您的数据范围内")
	}
	return j, nil
}

// Targets lists the standards with a target and their status in a period,
// from the values reported in one jurisdiction.
func (s *Service) Targets(ctx context.Context, actor *domain.Actor, f TargetFilter) (_ []TargetStatus, _ string, err error) {
	defer domain.Wrap(&err, "framework.Targets")
	j, err := s.targetJurisdiction(ctx, actor, f.JurisdictionID)
	if err != nil {
		return nil, "", err
	}
	if f.Period == "" {
		f.Period = s.defaultPeriod(ctx, j.ID)
	}
	if err := validPeriod(f.Period); err != nil {
		return nil, "", err
	}
	if f.FrameworkID == 0 {
		var err error
		if f.FrameworkID, err = s.CurrentFrameworkIn(ctx, j.ID); err != nil {
			return []TargetStatus{}, f.Period, nil
		}
	}
	c := s.db.Read()
	if _, err := readable(ctx, c, actor, f.FrameworkID); err != nil {
		return nil, "", err
	}
	dir, err := s.org.Directory(ctx)
	if err != nil {
		return nil, "", err
	}
	standards, err := loadStandards(ctx, c, "framework_id = ? AND comparator <> ''", f.FrameworkID, dir)
	if err != nil {
		return nil, "", err
	}
	latest, err := latestReports(ctx, c, f.FrameworkID, j.ID, f.Period)
	if err != nil {
		return nil, "", err
	}
	q := strings.TrimSpace(f.Q)
	list := []TargetStatus{}
	for _, st := range standards {
		if f.UnitID != 0 && !hasUnit(st, f.UnitID) {
			continue
		}
		if q != "" && !strings.Contains(st.Code+st.Text+st.Metric, q) {
			continue
		}
		ts := statusOf(st, f.FrameworkID, f.Period, latest[st.ID], dir)
		ts.CanReport = canReport(actor, st, j.ID)
		if f.Status == "" || f.Status == ts.Status {
			list = append(list, ts)
		}
	}
	return list, f.Period, nil
}

func hasUnit(st domain.Standard, unitID int64) bool {
	has := func(r domain.UnitRef) bool { return r.ID == unitID }
	return slices.ContainsFunc(st.LeadUnits, has) || slices.ContainsFunc(st.ResponsibleUnits, has)
}

// reportRow is a standard's latest report per unit.
type reportRow struct {
	unitID int64
	value  float64
	at     time.Time
}

func latestReports(ctx context.Context, c *store.Conn, frameworkID, jurisdictionID int64, period string) (map[int64][]reportRow, error) {
	rows, err := c.Query(ctx, `SELECT r.standard_id, r.unit_id, r.value, r.reported_at FROM target_reports r
		JOIN standards s ON s.id = r.standard_id WHERE s.framework_id = ? AND r.jurisdiction_id = ? AND r.period = ? ORDER BY r.reported_at, r.id`, frameworkID, jurisdictionID, period)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[int64][]reportRow{}
	for rows.Next() {
		var sid int64
		var r reportRow
		if err := rows.Scan(&sid, &r.unitID, &r.value, &r.at); err != nil {
			return nil, err
		}
		out[sid] = append(out[sid], r)
	}
	return out, rows.Err()
}

// statusOf picks the value that counts: the latest report of a lead unit,
// else the latest of any unit.
func statusOf(st domain.Standard, frameworkID int64, period string, reports []reportRow, dir map[int64]domain.Unit) TargetStatus {
	ts := TargetStatus{StandardID: st.ID, FrameworkID: frameworkID, Code: st.Code, Text: st.Text, Metric: st.Metric, Comparator: st.Comparator,
		Threshold: st.Threshold, Threshold2: st.Threshold2, MeasureUnit: st.MeasureUnit, LeadUnits: st.LeadUnits,
		ResponsibleUnits: st.ResponsibleUnits, Period: period, Status: "not_reported"}
	var pick *reportRow
	for i := range reports {
		r := &reports[i]
		lead := slices.ContainsFunc(st.LeadUnits, func(u domain.UnitRef) bool { return u.ID == r.unitID })
		if lead || pick == nil || !slices.ContainsFunc(st.LeadUnits, func(u domain.UnitRef) bool { return u.ID == pick.unitID }) {
			pick = r
		}
	}
	if pick != nil {
		v, at := pick.value, pick.at
		ts.Value, ts.ReportedAt, ts.ReportUnitName = &v, &at, dir[pick.unitID].Name
		ts.Status = "not_met"
		if st.Met(v) {
			ts.Status = "met"
		}
	}
	return ts
}

// canReport: the jurisdiction's own office for the standard's units, a
// liaison or unit head of the jurisdiction for its own unit when that
// unit owns the standard.
func canReport(a *domain.Actor, st domain.Standard, jurisdictionID int64) bool {
	if a.Has(editors...) {
		return a.GovernsJurisdiction(jurisdictionID)
	}
	return a.Has(domain.RoleUnitLiaison, domain.RoleUnitHead) && hasUnit(st, a.UnitID) && a.JurisdictionID == jurisdictionID
}

// Report records a measured value for a period.
func (s *Service) Report(ctx context.Context, actor *domain.Actor, standardID int64, in ReportInput) (_ TargetReport, err error) {
	defer domain.Wrap(&err, "framework.Report %d", standardID)
	in.Evidence = strings.TrimSpace(in.Evidence)
	if err := validPeriod(in.Period); err != nil {
		return TargetReport{}, err
	}
	if math.IsNaN(in.Value) || math.IsInf(in.Value, 0) || math.Abs(in.Value) > 1e12 {
		return TargetReport{}, domain.Invalid("value", "数值无效")
	}
	if err := domain.TextLimit("evidence", "佐证说明", in.Evidence, 1000); err != nil {
		return TargetReport{}, err
	}
	dir, err := s.org.Directory(ctx)
	if err != nil {
		return TargetReport{}, err
	}
	var rep TargetReport
	err = s.db.Write(ctx, func(c *store.Conn) error {
		st, err := getStandard(ctx, c, 0, standardID, dir)
		if err != nil {
			return err
		}
		if err := readsStandard(ctx, c, actor, standardID); err != nil {
			return err
		}
		if !st.HasTarget() {
			return domain.Invalid("standardId", "该标准没有数据指标，无需报送数值")
		}
		unitID, err := s.reportingUnit(ctx, actor, st, in.UnitID)
		if err != nil {
			return err
		}
		rep = TargetReport{StandardID: standardID, UnitID: unitID, UnitName: dir[unitID].Name, Period: in.Period, Value: in.Value,
			Evidence: in.Evidence, ReportedBy: actor.RealName, ReportedAt: c.Now, Met: st.Met(in.Value), Files: []files.File{}}
		// The value is the reporting unit's jurisdiction's: it counts there
		// and nowhere else.
		rep.ID, err = c.Insert(ctx, `INSERT INTO target_reports (standard_id, unit_id, jurisdiction_id, period, value, evidence, reported_by, reported_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
			standardID, unitID, dir[unitID].JurisdictionID, in.Period, in.Value, in.Evidence, actor.Ref(), c.Now)
		if err != nil {
			return err
		}
		if err := files.Attach(ctx, c, actor, in.FileIDs, reportFiles, rep.ID); err != nil {
			return err
		}
		attached, err := files.Of(ctx, c, reportFiles, []int64{rep.ID})
		if err != nil {
			return err
		}
		rep.Files = append(rep.Files, attached[rep.ID]...)
		verdict := map[bool]string{true: "达标", false: "未达标"}[rep.Met]
		return audit.Record(ctx, c, actor, audit.Change{Action: "report", Entity: "target", EntityID: standardID,
			Summary: fmt.Sprintf("%s 报送 %s %s 期数值 %g（%s，%s）", rep.UnitName, st.Code, in.Period, in.Value, st.TargetText(), verdict), After: rep})
	})
	return rep, err
}

func (s *Service) reportingUnit(ctx context.Context, actor *domain.Actor, st domain.Standard, unitID int64) (int64, error) {
	switch {
	case actor.Has(editors...):
		if unitID == 0 {
			if len(st.LeadUnits) == 0 {
				return 0, domain.Invalid("unitId", "请选择报送单位")
			}
			unitID = st.LeadUnits[0].ID
		}
		u, err := s.org.Unit(ctx, actor, unitID)
		if err != nil {
			if errors.Is(err, domain.ErrNotFound) {
				return 0, domain.Invalid("unitId", "报送单位不存在")
			}
			return 0, err
		}
		// The office above reads a county's values but does not file them.
		if u.JurisdictionID == nil || !actor.GovernsJurisdiction(*u.JurisdictionID) {
			return 0, domain.Forbidden("只有报送单位所在辖区的创城办可以代为报送")
		}
		// A value counts for the standard's status, so only its own units
		// report one, the office for them as they do themselves.
		if !hasUnit(st, unitID) {
			return 0, domain.Invalid("unitId", "该单位不是此标准的牵头单位或责任单位")
		}
		return unitID, nil
	case actor.Has(domain.RoleUnitLiaison, domain.RoleUnitHead):
		if unitID != 0 && unitID != actor.UnitID {
			return 0, domain.Forbidden("只能以本单位名义报送")
		}
		if !hasUnit(st, actor.UnitID) {
			return 0, domain.Forbidden("本单位不是该标准的牵头单位或责任单位")
		}
		return actor.UnitID, nil
	}
	return 0, domain.Forbidden("只有责任单位的联络员、负责人或创城办可以报送数据指标")
}

// Reports lists a standard's reports, newest first.
func (s *Service) Reports(ctx context.Context, actor *domain.Actor, standardID int64, period string) (_ []TargetReport, err error) {
	defer domain.Wrap(&err, "framework.Reports %d", standardID)
	if period != "" {
		if err := validPeriod(period); err != nil {
			return nil, err
		}
	}
	dir, err := s.org.Directory(ctx)
	if err != nil {
		return nil, err
	}
	c := s.db.Read()
	st, err := getStandard(ctx, c, 0, standardID, dir)
	if err != nil {
		return nil, err
	}
	if err := readsStandard(ctx, c, actor, standardID); err != nil {
		return nil, err
	}
	reach, args := store.Reach(actor, "r.jurisdiction_id")
	rows, err := c.Query(ctx, `SELECT r.id, r.unit_id, r.period, r.value, r.evidence, COALESCE(u.real_name, '系统'), r.reported_at FROM target_reports r
		LEFT JOIN users u ON u.id = r.reported_by WHERE r.standard_id = ? AND (? = '' OR r.period = ?) AND `+reach+` ORDER BY r.reported_at DESC, r.id DESC`,
		append([]any{standardID, period, period}, args...)...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	list := []TargetReport{}
	for rows.Next() {
		r := TargetReport{StandardID: standardID}
		if err := rows.Scan(&r.ID, &r.UnitID, &r.Period, &r.Value, &r.Evidence, &r.ReportedBy, &r.ReportedAt); err != nil {
			return nil, err
		}
		r.UnitName, r.Met = dir[r.UnitID].Name, st.Met(r.Value)
		list = append(list, r)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	rows.Close()
	ids := make([]int64, len(list))
	for i, r := range list {
		ids[i] = r.ID
	}
	attached, err := files.Of(ctx, c, reportFiles, ids)
	for i := range list {
		r := &list[i]
		r.Files = []files.File{}
		if seesReportFiles(actor, dir[r.UnitID]) {
			r.Files = append(r.Files, attached[r.ID]...)
		}
	}
	return list, err
}

// StandardsOfUnit lists the standards a unit leads or shares in a
// framework: the unit's 责任清单.
func (s *Service) StandardsOfUnit(ctx context.Context, frameworkID, unitID int64) (_ []domain.Standard, _ []string, err error) {
	defer domain.Wrap(&err, "framework.StandardsOfUnit %d %d", frameworkID, unitID)
	list, err := loadStandards(ctx, s.db.Read(), "framework_id = ? AND id IN (SELECT standard_id FROM standard_units WHERE unit_id = "+fmt.Sprint(unitID)+")", frameworkID, nil)
	if err != nil {
		return nil, nil, err
	}
	roles := make([]string, len(list))
	for i, st := range list {
		roles[i] = "responsible"
		if slices.ContainsFunc(st.LeadUnits, func(u domain.UnitRef) bool { return u.ID == unitID }) {
			roles[i] = "lead"
		}
	}
	return list, roles, nil
}

// Standard returns one standard of a version, with its place in the tree.
func (s *Service) Standard(ctx context.Context, actor *domain.Actor, frameworkID, id int64) (_ StandardPage, err error) {
	defer domain.Wrap(&err, "framework.Standard %d %d", frameworkID, id)
	dir, err := s.org.Directory(ctx)
	if err != nil {
		return StandardPage{}, err
	}
	c := s.db.Read()
	if _, err := readable(ctx, c, actor, frameworkID); err != nil {
		return StandardPage{}, err
	}
	st, err := getStandard(ctx, c, frameworkID, id, dir)
	if err != nil {
		return StandardPage{}, err
	}
	page := StandardPage{Standard: st, Path: []PathStep{}}
	code := domain.ParentCode(st.Code)
	for code != "" {
		var step PathStep
		if err := c.Get(ctx, "指标", `SELECT code, name, level FROM framework_nodes WHERE framework_id = ? AND code = ?`, []any{frameworkID, code}, &step.Code, &step.Name, &step.Level); err != nil {
			return page, err
		}
		page.Path = append([]PathStep{step}, page.Path...)
		code = domain.ParentCode(code)
	}
	return page, nil
}

// StandardPage is a standard with the path of nodes above it.
type StandardPage struct {
	domain.Standard
	Path []PathStep `json:"path"`
}

// PathStep is one node above a standard.
type PathStep struct {
	Code  string `json:"code"`
	Name  string `json:"name"`
	Level int    `json:"level"`
}

// MaterialStandards lists a version's standards assessed by material
// review, with their units: what units must submit evidence for.
func (s *Service) MaterialStandards(ctx context.Context, frameworkID int64) (_ []domain.Standard, err error) {
	defer domain.Wrap(&err, "framework.MaterialStandards %d", frameworkID)
	dir, err := s.org.Directory(ctx)
	if err != nil {
		return nil, err
	}
	all, err := loadStandards(ctx, s.db.Read(), "framework_id = ?", frameworkID, dir)
	if err != nil {
		return nil, err
	}
	var out []domain.Standard
	for _, st := range all {
		if slices.Contains(st.Methods, "material") {
			out = append(out, st)
		}
	}
	return out, nil
}

// readsStandard: a standard is read through its framework's reach.
func readsStandard(ctx context.Context, c *store.Conn, actor *domain.Actor, standardID int64) error {
	var frameworkID int64
	if err := c.Get(ctx, "测评标准", `SELECT framework_id FROM standards WHERE id = ?`, []any{standardID}, &frameworkID); err != nil {
		return err
	}
	_, err := readable(ctx, c, actor, frameworkID)
	return err
}
