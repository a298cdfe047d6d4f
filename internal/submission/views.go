package submission

import (
	"archive/zip"
	"context"
	"fmt"
	"io"
	"path"
	"slices"
	"strings"

	"wenming/internal/domain"
	"wenming/internal/store"
	"wenming/internal/xlsx"
)

// stateOf is where a requirement stands for a period: missing, draft,
// submitted, returned, approved, or late (nothing submitted by the
// deadline).
func stateOf(latest *Submission, period, today string) string {
	past := today > deadline(period)
	switch {
	case latest == nil || latest.Status == "draft":
		if past {
			return "late"
		}
		if latest == nil {
			return "missing"
		}
		return "draft"
	}
	return latest.Status
}

// latestByPeriod maps requirement id → the newest version for a period.
func latestByPeriod(ctx context.Context, c *store.Conn, periods map[int64]string) (map[int64]*Submission, error) {
	out := map[int64]*Submission{}
	if len(periods) == 0 {
		return out, nil
	}
	// Only the few distinct periods asked for (a month, its quarter, its year).
	var wanted []any
	seen := map[string]bool{}
	for _, p := range periods {
		if !seen[p] {
			seen[p] = true
			wanted = append(wanted, p)
		}
	}
	all, err := loadSubmissions(ctx, c, "s.period IN ("+store.Placeholders(len(wanted))+")", wanted...)
	if err != nil {
		return nil, err
	}
	for i := range all {
		sub := &all[i]
		if periods[sub.RequirementID] != sub.Period {
			continue
		}
		if cur := out[sub.RequirementID]; cur == nil || sub.Version > cur.Version {
			out[sub.RequirementID] = sub
		}
	}
	return out, nil
}

// TodoItem is one requirement in a unit's to-do list.
type TodoItem struct {
	Requirement Requirement `json:"requirement"`
	Period      string      `json:"period"`
	Deadline    string      `json:"deadline"`
	State       string      `json:"state"`
	Submission  *Submission `json:"submission"`
}

// Todo lists the actor's unit's requirements for the month's periods.
func (s *Service) Todo(ctx context.Context, actor *domain.Actor, month string) (_ []TodoItem, _ string, err error) {
	defer domain.Wrap(&err, "submission.Todo")
	if month == "" {
		month = s.db.Now().In(domain.Beijing).Format("2006-01")
	}
	if err := validMonth("period", month); err != nil {
		return nil, "", err
	}
	reqs, err := s.Requirements(ctx, actor, RequirementFilter{UnitID: actor.UnitID})
	if err != nil {
		return nil, "", err
	}
	items, err := s.items(ctx, reqs, month)
	return items, month, err
}

func (s *Service) items(ctx context.Context, reqs []Requirement, month string) ([]TodoItem, error) {
	periods := map[int64]string{}
	for _, r := range reqs {
		periods[r.ID] = periodOf(r.Cadence, month)
	}
	latest, err := latestByPeriod(ctx, s.db.Read(), periods)
	if err != nil {
		return nil, err
	}
	now := today(s.db.Now())
	items := []TodoItem{}
	for _, r := range reqs {
		p := periods[r.ID]
		items = append(items, TodoItem{Requirement: r, Period: p, Deadline: deadline(p), State: stateOf(latest[r.ID], p, now), Submission: latest[r.ID]})
	}
	return items, nil
}

// ReviewItem is a submission in the office's queue.
type ReviewItem struct {
	Submission
	UnitID       int64  `json:"unitId"`
	UnitName     string `json:"unitName"`
	StandardCode string `json:"standardCode"`
	StandardText string `json:"standardText"`
}

// QueueFilter narrows the review queue.
type QueueFilter struct {
	Status    string
	UnitID    int64
	StandardQ string
	Period    string
}

// Queue lists submissions for the office to review, oldest first.
func (s *Service) Queue(ctx context.Context, actor *domain.Actor, f QueueFilter) (_ []ReviewItem, err error) {
	defer domain.Wrap(&err, "submission.Queue")
	if !actor.Has(reviewers...) {
		return nil, domain.Forbidden("只有创城办可以审核材料")
	}
	if f.Status == "" {
		f.Status = "submitted"
	}
	reqs, err := s.Requirements(ctx, actor, RequirementFilter{UnitID: f.UnitID, Q: f.StandardQ})
	if err != nil {
		return nil, err
	}
	byID := map[int64]Requirement{}
	for _, r := range reqs {
		byID[r.ID] = r
	}
	all, err := loadSubmissions(ctx, s.db.Read(), "s.status = ?", f.Status)
	if err != nil {
		return nil, err
	}
	out := []ReviewItem{}
	for _, sub := range all {
		r, ok := byID[sub.RequirementID]
		if !ok || (f.Period != "" && sub.Period != f.Period) {
			continue
		}
		out = append(out, ReviewItem{Submission: sub, UnitID: r.UnitID, UnitName: r.UnitName, StandardCode: r.StandardCode, StandardText: r.StandardText})
	}
	slices.Reverse(out)
	return out, nil
}

// Matrix is standards × units for a period.
type Matrix struct {
	Period    string           `json:"period"`
	Standards []MatrixRow      `json:"standards"`
	Units     []domain.UnitRef `json:"units"`
	Cells     []Cell           `json:"cells"`
}

// MatrixRow is a standard with its material rate.
type MatrixRow struct {
	ID           int64    `json:"id"`
	Code         string   `json:"code"`
	Text         string   `json:"text"`
	MaterialRate *float64 `json:"materialRate"`
}

// Cell is one unit's state on one standard.
type Cell struct {
	StandardID    int64  `json:"standardId"`
	UnitID        int64  `json:"unitId"`
	RequirementID int64  `json:"requirementId"`
	State         string `json:"state"`
	SubmissionID  *int64 `json:"submissionId"`
	Grade         string `json:"grade"`
}

// MatrixFilter narrows the matrix.
type MatrixFilter struct {
	FrameworkID int64
	Month       string
	UnitID      int64
	State       string
}

// Matrix builds the completeness matrix. A standard's material rate is the
// mean over its units of the latest approved grade (达标 1, 基本达标 0.6,
// 不达标 0); a unit with nothing approved after the deadline counts 0; a
// standard with no unit counted has no data.
func (s *Service) Matrix(ctx context.Context, actor *domain.Actor, f MatrixFilter) (_ Matrix, err error) {
	defer domain.Wrap(&err, "submission.Matrix")
	if f.Month == "" {
		f.Month = s.db.Now().In(domain.Beijing).Format("2006-01")
	}
	if err := validMonth("period", f.Month); err != nil {
		return Matrix{}, err
	}
	reqs, err := s.Requirements(ctx, actor, RequirementFilter{FrameworkID: f.FrameworkID, UnitID: f.UnitID})
	if err != nil {
		return Matrix{}, err
	}
	items, err := s.items(ctx, reqs, f.Month)
	if err != nil {
		return Matrix{}, err
	}
	m := Matrix{Period: f.Month, Standards: []MatrixRow{}, Units: []domain.UnitRef{}, Cells: []Cell{}}
	rows := map[int64]int{}
	units := map[int64]bool{}
	sums, counts := map[int64]float64{}, map[int64]int{}
	now := today(s.db.Now())
	for _, it := range items {
		r := it.Requirement
		if _, ok := rows[r.StandardID]; !ok {
			rows[r.StandardID] = len(m.Standards)
			m.Standards = append(m.Standards, MatrixRow{ID: r.StandardID, Code: r.StandardCode, Text: r.StandardText})
		}
		if !units[r.UnitID] {
			units[r.UnitID] = true
			m.Units = append(m.Units, domain.UnitRef{ID: r.UnitID, Name: r.UnitName})
		}
		cell := Cell{StandardID: r.StandardID, UnitID: r.UnitID, RequirementID: r.ID, State: it.State}
		if it.Submission != nil {
			cell.SubmissionID, cell.Grade = &it.Submission.ID, it.Submission.Grade
		}
		switch {
		case it.State == "approved":
			sums[r.StandardID] += grades[cell.Grade]
			counts[r.StandardID]++
		case now > it.Deadline:
			counts[r.StandardID]++
		}
		if f.State == "" || f.State == it.State {
			m.Cells = append(m.Cells, cell)
		}
	}
	for id, i := range rows {
		if counts[id] > 0 {
			rate := sums[id] / float64(counts[id])
			m.Standards[i].MaterialRate = &rate
		}
	}
	return m, nil
}

var stateNames = map[string]string{"missing": "缺报", "draft": "草稿", "submitted": "已提交", "returned": "已退回", "approved": "已通过", "late": "逾期"}

// ExportMatrix writes the matrix as a workbook: a row per standard, a
// column per unit.
func (s *Service) ExportMatrix(ctx context.Context, actor *domain.Actor, f MatrixFilter, w io.Writer) (err error) {
	defer domain.Wrap(&err, "submission.ExportMatrix")
	m, err := s.Matrix(ctx, actor, f)
	if err != nil {
		return err
	}
	return writeMatrix(w, m)
}

func writeMatrix(w io.Writer, m Matrix) error {
	cols := []xlsx.Column{xlsx.Col("标准编码", 12), xlsx.Col("测评标准", 50), xlsx.Col("材料得分率", 12)}
	col := map[int64]int{}
	for _, u := range m.Units {
		col[u.ID] = len(cols)
		cols = append(cols, xlsx.Col(u.Name, 12))
	}
	rows := make([][]any, len(m.Standards))
	row := map[int64]int{}
	for i, st := range m.Standards {
		rate := any("无数据")
		if st.MaterialRate != nil {
			rate = xlsx.Percent(*st.MaterialRate)
		}
		rows[i] = make([]any, len(cols))
		rows[i][0], rows[i][1], rows[i][2] = st.Code, st.Text, rate
		row[st.ID] = i
	}
	for _, c := range m.Cells {
		r, okRow := row[c.StandardID]
		k, okCol := col[c.UnitID]
		if okRow && okCol {
			rows[r][k] = stateNames[c.State]
		}
	}
	book := xlsx.New(w)
	defer book.Abandon()
	if err := book.Sheet("完成情况", cols...); err != nil {
		return err
	}
	for _, r := range rows {
		if err := book.Row(r...); err != nil {
			return err
		}
	}
	return book.Close()
}

// OpenUnit is one unit's open items at month end.
type OpenUnit struct {
	UnitID   int64      `json:"unitId"`
	UnitName string     `json:"unitName"`
	Items    []OpenItem `json:"items"`
}

// OpenItem is a requirement still open.
type OpenItem struct {
	RequirementID int64  `json:"requirementId"`
	StandardCode  string `json:"standardCode"`
	Period        string `json:"period"`
	State         string `json:"state"`
}

// OpenAtMonthEnd is the month-end "clear to zero" view (月清零): every item
// due by the month's end that is not submitted or approved, and every
// returned one, per unit.
func (s *Service) OpenAtMonthEnd(ctx context.Context, actor *domain.Actor, month string) (_ []OpenUnit, err error) {
	defer domain.Wrap(&err, "submission.OpenAtMonthEnd")
	if err := validMonth("month", month); err != nil {
		return nil, err
	}
	reqs, err := s.Requirements(ctx, actor, RequirementFilter{})
	if err != nil {
		return nil, err
	}
	items, err := s.items(ctx, reqs, month)
	if err != nil {
		return nil, err
	}
	monthEnd := deadline(month)
	out := []OpenUnit{}
	index := map[int64]int{}
	for _, it := range items {
		open := it.State == "returned" || (it.Deadline <= monthEnd && (it.State == "missing" || it.State == "draft" || it.State == "late"))
		if !open {
			continue
		}
		r := it.Requirement
		i, ok := index[r.UnitID]
		if !ok {
			i = len(out)
			index[r.UnitID] = i
			out = append(out, OpenUnit{UnitID: r.UnitID, UnitName: r.UnitName, Items: []OpenItem{}})
		}
		state := it.State
		if state == "missing" || state == "draft" {
			state = "late" // due by month end and not in: late at month end
		}
		out[i].Items = append(out[i].Items, OpenItem{RequirementID: r.ID, StandardCode: r.StandardCode, Period: it.Period, State: state})
	}
	return out, nil
}

// UnitFigures are one unit's quarterly submission figures.
type UnitFigures struct {
	UnitID     int64   `json:"unitId"`
	UnitName   string  `json:"unitName"`
	UnitClass  string  `json:"unitClass"`
	Due        int     `json:"due"`
	OnTime     int     `json:"onTime"`
	Late       int     `json:"late"`
	Returned   int     `json:"returned"`
	Met        int     `json:"met"`
	Basic      int     `json:"basic"`
	Unmet      int     `json:"unmet"`
	OnTimeRate float64 `json:"onTimeRate"`
	ReturnRate float64 `json:"returnRate"`
}

// GradeRate is what the unit's reviewed materials are worth, each by its
// grade (grades); nil before any is reviewed.
func (f UnitFigures) GradeRate() *float64 {
	graded := f.Met + f.Basic + f.Unmet
	if graded == 0 {
		return nil
	}
	r := (float64(f.Met)*grades["met"] + float64(f.Basic)*grades["basic"] + float64(f.Unmet)*grades["unmet"]) / float64(graded)
	return &r
}

// QuarterFigures are every unit's figures of a quarter, for the areas that
// weigh them (rankings): the system reads them, not a person.
func (s *Service) QuarterFigures(ctx context.Context, quarter string) (_ []UnitFigures, err error) {
	defer domain.Wrap(&err, "submission.QuarterFigures")
	return s.Figures(ctx, domain.System("材料统计"), quarter)
}

// Figures counts, per unit, the items due in a quarter's months: submitted
// on time, late, returned at least once, and the latest grades (季通报).
func (s *Service) Figures(ctx context.Context, actor *domain.Actor, quarter string) (_ []UnitFigures, err error) {
	defer domain.Wrap(&err, "submission.Figures")
	if !periodPattern.MatchString(quarter) || cadenceOf(quarter) != "quarter" {
		return nil, domain.Invalid("quarter", "季度格式应为 2026-Q4")
	}
	reqs, err := s.Requirements(ctx, actor, RequirementFilter{})
	if err != nil {
		return nil, err
	}
	dir, err := s.dir(ctx)
	if err != nil {
		return nil, err
	}
	all, err := loadSubmissions(ctx, s.db.Read(), "s.period LIKE ?", quarter[:4]+"%")
	if err != nil {
		return nil, err
	}
	versions := map[string][]Submission{} // requirement/period → versions, newest first
	for _, sub := range all {
		k := fmt.Sprint(sub.RequirementID, "/", sub.Period)
		versions[k] = append(versions[k], sub)
	}
	figures := map[int64]*UnitFigures{}
	var order []int64
	q := int(quarter[6] - '0')
	seen := map[string]bool{}
	for m := q*3 - 2; m <= q*3; m++ {
		month := fmt.Sprintf("%s-%02d", quarter[:4], m)
		for _, r := range reqs {
			p := periodOf(r.Cadence, month)
			k := fmt.Sprint(r.ID, "/", p)
			if seen[k] || deadline(p) > deadline(quarter) {
				continue // counted once, in the quarter its deadline falls in
			}
			seen[k] = true
			uf := figures[r.UnitID]
			if uf == nil {
				uf = &UnitFigures{UnitID: r.UnitID, UnitName: r.UnitName, UnitClass: dir[r.UnitID].Class}
				figures[r.UnitID] = uf
				order = append(order, r.UnitID)
			}
			uf.Due++
			vs := versions[k]
			first := firstSubmitted(vs)
			if first != nil && !first.Late {
				uf.OnTime++
			} else {
				uf.Late++
			}
			if slices.ContainsFunc(vs, func(v Submission) bool { return v.Status == "returned" }) {
				uf.Returned++
			}
			if len(vs) > 0 && vs[0].Status == "approved" {
				switch vs[0].Grade {
				case "met":
					uf.Met++
				case "basic":
					uf.Basic++
				case "unmet":
					uf.Unmet++
				}
			}
		}
	}
	out := []UnitFigures{}
	for _, id := range order {
		uf := figures[id]
		uf.OnTimeRate = float64(uf.OnTime) / float64(uf.Due)
		uf.ReturnRate = float64(uf.Returned) / float64(uf.Due)
		out = append(out, *uf)
	}
	return out, nil
}

func firstSubmitted(vs []Submission) *Submission {
	var first *Submission
	for i := range vs {
		if vs[i].SubmittedAt != nil && (first == nil || vs[i].Version < first.Version) {
			first = &vs[i]
		}
	}
	return first
}

// ArchiveFilter picks the approved evidence to download.
type ArchiveFilter struct {
	FrameworkID int64
	StandardID  int64
	UnitID      int64
	Year        string
}

// Archive writes every approved version's files as one zip, in folders by
// standard, unit and period, as the national online review is organised.
func (s *Service) Archive(ctx context.Context, actor *domain.Actor, f ArchiveFilter, w io.Writer) (err error) {
	defer domain.Wrap(&err, "submission.Archive")
	if f.Year != "" && (len(f.Year) != 4 || !periodPattern.MatchString(f.Year)) {
		return domain.Invalid("year", "年度格式应为 2026")
	}
	reqs, err := s.Requirements(ctx, actor, RequirementFilter{FrameworkID: f.FrameworkID, UnitID: f.UnitID})
	if err != nil {
		return err
	}
	zw := zip.NewWriter(w)
	count := 0
	for _, r := range reqs {
		if f.StandardID != 0 && r.StandardID != f.StandardID {
			continue
		}
		subs, err := loadSubmissions(ctx, s.db.Read(), "s.requirement_id = ? AND s.status = 'approved'", r.ID)
		if err != nil {
			return err
		}
		for _, sub := range subs {
			if f.Year != "" && !strings.HasPrefix(sub.Period, f.Year) {
				continue
			}
			folder := path.Join(safeName(r.StandardCode+" "+short(r.StandardText, 30)), safeName(r.UnitName), sub.Period)
			for _, file := range sub.Files {
				fw, err := zw.CreateHeader(&zip.FileHeader{Name: path.Join(folder, safeName(file.Name)), Method: zip.Deflate, Modified: file.UploadedAt, Flags: 0x800})
				if err != nil {
					return err
				}
				if err := s.files.Copy(ctx, file, fw); err != nil {
					return err
				}
				count++
			}
		}
	}
	if count == 0 {
		fw, _ := zw.CreateHeader(&zip.FileHeader{Name: "说明.txt", Flags: 0x800})
		fmt.Fprintln(fw, "所选范围内还没有审核通过的材料。")
	}
	return zw.Close()
}

func short(s string, n int) string {
	r := []rune(s)
	if len(r) > n {
		return string(r[:n])
	}
	return s
}

// safeName keeps a zip entry name inside its folder.
func safeName(s string) string {
	return strings.NewReplacer("/", "／", "\\", "＼", ":", "：", "..", "．．").Replace(strings.TrimSpace(s))
}
