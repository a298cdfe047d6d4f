// Package submission runs evidence submission (材料报送): what each unit must
// submit for every material standard and period, drafts, submission and
// review with grades, every version kept; the completeness matrix, the
// weekly reminders, month-end clear-to-zero, quarterly figures and the
// archive of approved evidence.
package submission

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"time"

	"wenming/internal/audit"
	"wenming/internal/domain"
	"wenming/internal/files"
	"wenming/internal/framework"
	"wenming/internal/org"
	"wenming/internal/store"
)

// Service is the submission service.
type Service struct {
	db        *store.DB
	org       *org.Service
	framework *framework.Service
	files     *files.Service
}

// NewService returns the submission service.
func NewService(db *store.DB, o *org.Service, f *framework.Service, fs *files.Service) *Service {
	s := &Service{db: db, org: o, framework: f, files: fs}
	fs.GuardOwner("requirement", s.canReadEvidence)
	return s
}

// canReadEvidence keeps a unit's submitted files within the scope that may
// see the unit.
func (s *Service) canReadEvidence(ctx context.Context, actor *domain.Actor, requirementID int64) error {
	reqs, err := s.loadRequirements(ctx, s.db.Read(), "r.id = ?", requirementID)
	if err != nil {
		return err
	}
	dir, err := s.dir(ctx)
	if err != nil {
		return err
	}
	if len(reqs) == 0 || !seesUnit(actor, dir[reqs[0].UnitID]) {
		return domain.Forbidden("该材料不在您的数据范围内")
	}
	return nil
}

var reviewers = []domain.Role{domain.RoleOfficeLeader, domain.RoleOfficeStaff}

// Field is a value the office asks every submission to fill (数据清).
type Field struct {
	Name     string `json:"name"`
	Required bool   `json:"required"`
}

// Requirement is what one unit must submit for one material standard.
type Requirement struct {
	ID           int64   `json:"id"`
	FrameworkID  int64   `json:"frameworkId"`
	StandardID   int64   `json:"standardId"`
	StandardCode string  `json:"standardCode"`
	StandardText string  `json:"standardText"`
	UnitID       int64   `json:"unitId"`
	UnitName     string  `json:"unitName"`
	Cadence      string  `json:"cadence"`
	Description  string  `json:"description"`
	Fields       []Field `json:"fields"`
	MinFiles     int     `json:"minFiles"`
}

// Submission is one version of a unit's evidence for a requirement and period.
type Submission struct {
	ID            int64             `json:"id"`
	RequirementID int64             `json:"requirementId"`
	Period        string            `json:"period"`
	Version       int               `json:"version"`
	Status        string            `json:"status"`
	Note          string            `json:"note"`
	Values        map[string]string `json:"values"`
	Files         []files.File      `json:"files"`
	Grade         string            `json:"grade"`
	Comment       string            `json:"comment"`
	FileComments  map[string]string `json:"fileComments"`
	SubmittedAt   *time.Time        `json:"submittedAt"`
	SubmittedBy   string            `json:"submittedBy"`
	ReviewedAt    *time.Time        `json:"reviewedAt"`
	ReviewedBy    string            `json:"reviewedBy"`
	Late          bool              `json:"late"`
}

// grades are the review grades and what each is worth, in the material
// rate, a standard's score and a unit's ranking: 达标 1, 基本达标 0.6,
// 不达标 0.
var grades = map[string]float64{"met": 1, "basic": 0.6, "unmet": 0}

// gradeNames are their Chinese names.
var gradeNames = map[string]string{"met": "达标", "basic": "基本达标", "unmet": "不达标"}

func (s *Service) dir(ctx context.Context) (map[int64]domain.Unit, error) {
	return s.org.Directory(ctx)
}

// seesUnit: reviewers and readers see units in scope; everyone else only
// units in their own scope as well (a liaison: its unit and sub-units).
func seesUnit(a *domain.Actor, u domain.Unit) bool { return a.SeesUnit(u.Path, u.RegionCode) }

const selectRequirements = `SELECT r.id, r.framework_id, r.standard_id, s.code, s.text, r.unit_id, r.cadence, r.description, r.fields, r.min_files
	FROM requirements r JOIN standards s ON s.id = r.standard_id`

func (s *Service) loadRequirements(ctx context.Context, c *store.Conn, where string, args ...any) ([]Requirement, error) {
	dir, err := s.dir(ctx)
	if err != nil {
		return nil, err
	}
	rows, err := c.Query(ctx, selectRequirements+" WHERE "+where, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	list := []Requirement{}
	for rows.Next() {
		var r Requirement
		var fields string
		if err := rows.Scan(&r.ID, &r.FrameworkID, &r.StandardID, &r.StandardCode, &r.StandardText, &r.UnitID, &r.Cadence, &r.Description, &fields, &r.MinFiles); err != nil {
			return nil, err
		}
		r.UnitName = dir[r.UnitID].Name
		json.Unmarshal([]byte(fields), &r.Fields)
		if r.Fields == nil {
			r.Fields = []Field{}
		}
		list = append(list, r)
	}
	slices.SortFunc(list, func(a, b Requirement) int {
		if c := domain.CompareCodes(a.StandardCode, b.StandardCode); c != 0 {
			return c
		}
		return strings.Compare(dir[a.UnitID].SortKey, dir[b.UnitID].SortKey)
	})
	return list, rows.Err()
}

// RequirementFilter narrows the requirement list.
type RequirementFilter struct {
	FrameworkID int64
	UnitID      int64
	Q           string
}

// Requirements lists the requirements the actor may see.
func (s *Service) Requirements(ctx context.Context, actor *domain.Actor, f RequirementFilter) (_ []Requirement, err error) {
	defer domain.Wrap(&err, "submission.Requirements")
	if actor.Has(domain.RoleAuditAdmin) {
		return nil, domain.Forbidden("安全审计员只能查看审计日志")
	}
	if f.FrameworkID == 0 {
		// The framework the actor's jurisdiction works to (a county may work
		// to the city's), else the deployment's newest.
		current := s.framework.CurrentFramework
		if actor.JurisdictionID != 0 {
			current = func(ctx context.Context) (int64, error) {
				return s.framework.CurrentFrameworkIn(ctx, actor.JurisdictionID)
			}
		}
		id, err := current(ctx)
		if err != nil {
			return []Requirement{}, nil
		}
		f.FrameworkID = id
	}
	list, err := s.loadRequirements(ctx, s.db.Read(), "r.framework_id = ?", f.FrameworkID)
	if err != nil {
		return nil, err
	}
	dir, err := s.dir(ctx)
	if err != nil {
		return nil, err
	}
	out := []Requirement{}
	for _, r := range list {
		if !seesUnit(actor, dir[r.UnitID]) || (f.UnitID != 0 && r.UnitID != f.UnitID) {
			continue
		}
		if f.Q != "" && !strings.Contains(r.StandardCode+r.StandardText+r.UnitName, f.Q) {
			continue
		}
		out = append(out, r)
	}
	return out, nil
}

// GenerateResult counts what a regeneration did.
type GenerateResult struct {
	Created int `json:"created"`
	Kept    int `json:"kept"`
	Removed int `json:"removed"`
}

// Generate makes one requirement per material standard and assigned unit.
// Existing requirements and their submissions stay; requirements no longer
// assigned are removed only if nothing was submitted for them.
func (s *Service) Generate(ctx context.Context, actor *domain.Actor, frameworkID int64) (_ GenerateResult, err error) {
	defer domain.Wrap(&err, "submission.Generate %d", frameworkID)
	if !actor.Has(reviewers...) {
		return GenerateResult{}, domain.Forbidden("只有创城办可以生成报送要求")
	}
	standards, err := s.framework.MaterialStandards(ctx, frameworkID)
	if err != nil {
		return GenerateResult{}, err
	}
	var res GenerateResult
	err = s.db.Write(ctx, func(c *store.Conn) error {
		want := map[[2]int64]domain.Standard{}
		for _, st := range standards {
			for _, u := range append(slices.Clone(st.LeadUnits), st.ResponsibleUnits...) {
				want[[2]int64{st.ID, u.ID}] = st
			}
		}
		existing, err := s.loadRequirements(ctx, c, "r.framework_id = ?", frameworkID)
		if err != nil {
			return err
		}
		have := map[[2]int64]bool{}
		for _, r := range existing {
			key := [2]int64{r.StandardID, r.UnitID}
			if _, ok := want[key]; ok {
				have[key] = true
				res.Kept++
				continue
			}
			n, err := c.Count(ctx, `SELECT COUNT(*) FROM submissions WHERE requirement_id = ?`, r.ID)
			if err != nil {
				return err
			}
			if n == 0 {
				if _, err := c.Exec(ctx, `DELETE FROM requirements WHERE id = ?`, r.ID); err != nil {
					return err
				}
				res.Removed++
			} else {
				res.Kept++
			}
		}
		for key, st := range want {
			if have[key] {
				continue
			}
			desc := "请报送能证明达到以下标准的材料（文件、台账、图片等）：" + st.Text
			if _, err := c.Exec(ctx, `INSERT INTO requirements (framework_id, standard_id, unit_id, cadence, description, fields, min_files, created_at, updated_at)
				VALUES (?, ?, ?, 'quarter', ?, '[]', 1, ?, ?)`, frameworkID, key[0], key[1], desc, c.Now, c.Now); err != nil {
				return err
			}
			res.Created++
		}
		return audit.Record(ctx, c, actor, audit.Change{Action: "create", Entity: "requirement", EntityID: frameworkID,
			Summary: fmt.Sprintf("生成报送要求：新增 %d 条，保留 %d 条，移除 %d 条", res.Created, res.Kept, res.Removed)})
	})
	return res, err
}

// RequirementInput is what the office edits on a requirement.
type RequirementInput struct {
	Cadence     string  `json:"cadence"`
	Description string  `json:"description"`
	Fields      []Field `json:"fields"`
	MinFiles    int     `json:"minFiles"`
}

// UpdateRequirement changes cadence, description, fields and file count.
func (s *Service) UpdateRequirement(ctx context.Context, actor *domain.Actor, id int64, in RequirementInput) (_ Requirement, err error) {
	defer domain.Wrap(&err, "submission.UpdateRequirement %d", id)
	if !actor.Has(reviewers...) {
		return Requirement{}, domain.Forbidden("只有创城办可以修改报送要求")
	}
	if in.Cadence != "month" && in.Cadence != "quarter" && in.Cadence != "year" {
		return Requirement{}, domain.Invalid("cadence", "报送周期应为 月、季 或 年")
	}
	if err := domain.TextLimit("description", "说明", in.Description, 2000); err != nil {
		return Requirement{}, err
	}
	if in.MinFiles < 0 || in.MinFiles > 20 {
		return Requirement{}, domain.Invalid("minFiles", "最少附件数应在 0–20 之间")
	}
	seen := map[string]bool{}
	for _, f := range in.Fields {
		if err := domain.RequireText("fields", "字段名称", f.Name, 30); err != nil {
			return Requirement{}, err
		}
		if seen[f.Name] {
			return Requirement{}, domain.Invalid("fields", "字段“"+f.Name+"”重复")
		}
		seen[f.Name] = true
	}
	if in.Fields == nil {
		in.Fields = []Field{}
	}
	fields, _ := json.Marshal(in.Fields)
	var r Requirement
	err = s.db.Write(ctx, func(c *store.Conn) error {
		list, err := s.loadRequirements(ctx, c, "r.id = ?", id)
		if err != nil {
			return err
		}
		if len(list) == 0 {
			return domain.NotFound("报送要求")
		}
		before := list[0]
		if _, err := c.Exec(ctx, `UPDATE requirements SET cadence = ?, description = ?, fields = ?, min_files = ?, updated_at = ? WHERE id = ?`,
			in.Cadence, strings.TrimSpace(in.Description), string(fields), in.MinFiles, c.Now, id); err != nil {
			return err
		}
		r = before
		r.Cadence, r.Description, r.Fields, r.MinFiles = in.Cadence, strings.TrimSpace(in.Description), in.Fields, in.MinFiles
		return audit.Record(ctx, c, actor, audit.Change{Action: "update", Entity: "requirement", EntityID: id,
			Summary: "修改报送要求 " + r.StandardCode + " " + r.UnitName, Before: before, After: r})
	})
	return r, err
}
