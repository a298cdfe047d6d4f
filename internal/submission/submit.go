package submission

import (
	"context"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"

	"wenming/internal/audit"
	"wenming/internal/domain"
	"wenming/internal/files"
	"wenming/internal/store"
)

const selectSubmissions = `SELECT s.id, s.requirement_id, s.period, s.version, s.status, s.note, s.field_values, s.grade, s.comment, s.file_comments,
	s.submitted_at, COALESCE(su.real_name, ''), s.reviewed_at, COALESCE(ru.real_name, '')
	FROM submissions s LEFT JOIN users su ON su.id = s.submitted_by LEFT JOIN users ru ON ru.id = s.reviewed_by`

func loadSubmissions(ctx context.Context, c *store.Conn, where string, args ...any) ([]Submission, error) {
	rows, err := c.Query(ctx, selectSubmissions+" WHERE "+where+" ORDER BY s.id DESC", args...)
	if err != nil {
		return nil, err
	}
	list := []Submission{}
	for rows.Next() {
		var sub Submission
		var values, comments string
		if err := rows.Scan(&sub.ID, &sub.RequirementID, &sub.Period, &sub.Version, &sub.Status, &sub.Note, &values, &sub.Grade, &sub.Comment, &comments,
			&sub.SubmittedAt, &sub.SubmittedBy, &sub.ReviewedAt, &sub.ReviewedBy); err != nil {
			rows.Close()
			return nil, err
		}
		json.Unmarshal([]byte(values), &sub.Values)
		json.Unmarshal([]byte(comments), &sub.FileComments)
		if sub.Values == nil {
			sub.Values = map[string]string{}
		}
		if sub.FileComments == nil {
			sub.FileComments = map[string]string{}
		}
		sub.Files = []files.File{}
		if sub.SubmittedAt != nil {
			sub.Late = sub.SubmittedAt.In(domain.Beijing).Format("2006-01-02") > deadline(sub.Period)
		}
		list = append(list, sub)
	}
	rows.Close()
	if err := rows.Err(); err != nil || len(list) == 0 {
		return list, err
	}
	index := map[int64]int{}
	ids := make([]any, len(list))
	for i, sub := range list {
		index[sub.ID] = i
		ids[i] = sub.ID
	}
	frows, err := c.Query(ctx, `SELECT sf.submission_id, f.id, f.name, f.content_type, f.size, f.sha256, f.uploaded_at FROM submission_files sf
		JOIN files f ON f.id = sf.file_id WHERE sf.submission_id IN (`+store.Placeholders(len(ids))+`) ORDER BY f.id`, ids...)
	if err != nil {
		return nil, err
	}
	defer frows.Close()
	for frows.Next() {
		var sid int64
		var f files.File
		if err := frows.Scan(&sid, &f.ID, &f.Name, &f.ContentType, &f.Size, &f.SHA256, &f.UploadedAt); err != nil {
			return nil, err
		}
		list[index[sid]].Files = append(list[index[sid]].Files, f)
	}
	return list, frows.Err()
}

// requirementFor loads a requirement the actor may submit to: its own
// unit's (a liaison or head), or any in scope for the office.
func (s *Service) requirementFor(ctx context.Context, c *store.Conn, actor *domain.Actor, id int64) (Requirement, error) {
	list, err := s.loadRequirements(ctx, c, "r.id = ?", id)
	if err != nil {
		return Requirement{}, err
	}
	if len(list) == 0 {
		return Requirement{}, domain.NotFound("报送要求")
	}
	r := list[0]
	dir, err := s.dir(ctx)
	if err != nil {
		return r, err
	}
	switch {
	case actor.Has(reviewers...) && seesUnit(actor, dir[r.UnitID]):
	case actor.Has(domain.RoleUnitLiaison, domain.RoleUnitHead) && r.UnitID == actor.UnitID:
	default:
		return r, domain.Forbidden("只能为本单位的报送要求报送材料")
	}
	return r, nil
}

// Draft is what a unit fills in.
type Draft struct {
	Period  string            `json:"period"`
	Note    string            `json:"note"`
	Values  map[string]string `json:"values"`
	FileIDs []int64           `json:"fileIds"`
}

func (d *Draft) check(r Requirement) error {
	d.Note = strings.TrimSpace(d.Note)
	if err := domain.TextLimit("note", "说明", d.Note, 2000); err != nil {
		return err
	}
	known := map[string]bool{}
	for _, f := range r.Fields {
		known[f.Name] = true
	}
	for k, v := range d.Values {
		if !known[k] {
			return domain.Invalid("values."+k, "未知的字段“"+k+"”")
		}
		if err := domain.TextLimit("values."+k, k, v, 500); err != nil {
			return err
		}
	}
	if d.Values == nil {
		d.Values = map[string]string{}
	}
	return nil
}

// CreateDraft starts a draft for a period: the first version, or the next
// one after a return (carrying over note, values and files to edit).
func (s *Service) CreateDraft(ctx context.Context, actor *domain.Actor, requirementID int64, d Draft) (_ Submission, err error) {
	defer domain.Wrap(&err, "submission.CreateDraft %d", requirementID)
	if err := validPeriod(d.Period); err != nil {
		return Submission{}, err
	}
	var out Submission
	err = s.db.Write(ctx, func(c *store.Conn) error {
		r, err := s.requirementFor(ctx, c, actor, requirementID)
		if err != nil {
			return err
		}
		if cadenceOf(d.Period) != r.Cadence {
			return domain.Invalid("period", fmt.Sprintf("该要求按%s报送，周期应写作 %s", map[string]string{"month": "月", "quarter": "季", "year": "年"}[r.Cadence], periodOf(r.Cadence, monthOf(d.Period))))
		}
		if err := d.check(r); err != nil {
			return err
		}
		prev, err := loadSubmissions(ctx, c, "s.requirement_id = ? AND s.period = ?", requirementID, d.Period)
		if err != nil {
			return err
		}
		version := 1
		if len(prev) > 0 {
			switch prev[0].Status {
			case "returned":
				version = prev[0].Version + 1
			case "draft":
				return domain.Conflict("", "该周期已有草稿，请直接编辑")
			default:
				return domain.Conflict("", "该周期的材料已提交，等待审核或已通过")
			}
		}
		values, _ := json.Marshal(d.Values)
		id, err := c.Insert(ctx, `INSERT INTO submissions (requirement_id, period, version, status, note, field_values, created_by, created_at, updated_at)
			VALUES (?, ?, ?, 'draft', ?, ?, ?, ?, ?)`, requirementID, d.Period, version, d.Note, string(values), actor.Ref(), c.Now, c.Now)
		if err != nil {
			return err
		}
		if err := linkFiles(ctx, c, actor, r, id, d.FileIDs); err != nil {
			return err
		}
		list, err := loadSubmissions(ctx, c, "s.id = ?", id)
		if err != nil {
			return err
		}
		out = list[0]
		return audit.Record(ctx, c, actor, audit.Change{Action: "create", Entity: "submission", EntityID: id,
			Summary: fmt.Sprintf("%s 起草 %s %s 期材料（第 %d 版）", r.UnitName, r.StandardCode, d.Period, version), After: out})
	})
	return out, err
}

// linkFiles sets a version's files: the actor's new uploads or files of
// earlier versions of the same requirement.
func linkFiles(ctx context.Context, c *store.Conn, actor *domain.Actor, r Requirement, submissionID int64, ids []int64) error {
	if err := files.Attach(ctx, c, actor, ids, "requirement", r.ID); err != nil {
		return err
	}
	if _, err := c.Exec(ctx, `DELETE FROM submission_files WHERE submission_id = ?`, submissionID); err != nil {
		return err
	}
	seen := map[int64]bool{}
	for _, id := range ids {
		if !seen[id] {
			seen[id] = true
			if _, err := c.Exec(ctx, `INSERT INTO submission_files (submission_id, file_id) VALUES (?, ?)`, submissionID, id); err != nil {
				return err
			}
		}
	}
	return nil
}

// editable loads a draft the actor may change.
func (s *Service) editable(ctx context.Context, c *store.Conn, actor *domain.Actor, id int64) (Submission, Requirement, error) {
	list, err := loadSubmissions(ctx, c, "s.id = ?", id)
	if err != nil {
		return Submission{}, Requirement{}, err
	}
	if len(list) == 0 {
		return Submission{}, Requirement{}, domain.NotFound("报送材料")
	}
	sub := list[0]
	r, err := s.requirementFor(ctx, c, actor, sub.RequirementID)
	if err != nil {
		return sub, r, err
	}
	if sub.Status != "draft" {
		return sub, r, domain.Conflict("", "只有草稿可以修改；已退回的材料请新建一版")
	}
	return sub, r, nil
}

// UpdateDraft changes a draft's note, values and files.
func (s *Service) UpdateDraft(ctx context.Context, actor *domain.Actor, id int64, d Draft) (_ Submission, err error) {
	defer domain.Wrap(&err, "submission.UpdateDraft %d", id)
	var out Submission
	err = s.db.Write(ctx, func(c *store.Conn) error {
		before, r, err := s.editable(ctx, c, actor, id)
		if err != nil {
			return err
		}
		if err := d.check(r); err != nil {
			return err
		}
		values, _ := json.Marshal(d.Values)
		if _, err := c.Exec(ctx, `UPDATE submissions SET note = ?, field_values = ?, updated_at = ? WHERE id = ?`, d.Note, string(values), c.Now, id); err != nil {
			return err
		}
		if err := linkFiles(ctx, c, actor, r, id, d.FileIDs); err != nil {
			return err
		}
		list, err := loadSubmissions(ctx, c, "s.id = ?", id)
		if err != nil {
			return err
		}
		out = list[0]
		return audit.Record(ctx, c, actor, audit.Change{Action: "update", Entity: "submission", EntityID: id,
			Summary: fmt.Sprintf("修改 %s %s 期材料草稿", r.StandardCode, before.Period), Before: before, After: out})
	})
	return out, err
}

// Submit sends a draft for review after checking required fields and files.
func (s *Service) Submit(ctx context.Context, actor *domain.Actor, id int64) (_ Submission, err error) {
	defer domain.Wrap(&err, "submission.Submit %d", id)
	var out Submission
	err = s.db.Write(ctx, func(c *store.Conn) error {
		sub, r, err := s.editable(ctx, c, actor, id)
		if err != nil {
			return err
		}
		for _, f := range r.Fields {
			if f.Required && strings.TrimSpace(sub.Values[f.Name]) == "" {
				return domain.Invalid("values."+f.Name, "请填写必填项“"+f.Name+"”")
			}
		}
		if len(sub.Files) < r.MinFiles {
			return domain.Invalid("fileIds", fmt.Sprintf("请至少上传 %d 个佐证文件", r.MinFiles))
		}
		if _, err := c.Exec(ctx, `UPDATE submissions SET status = 'submitted', submitted_at = ?, submitted_by = ?, updated_at = ? WHERE id = ?`, c.Now, actor.Ref(), c.Now, id); err != nil {
			return err
		}
		list, err := loadSubmissions(ctx, c, "s.id = ?", id)
		if err != nil {
			return err
		}
		out = list[0]
		return audit.Record(ctx, c, actor, audit.Change{Action: "submit", Entity: "submission", EntityID: id,
			Summary: fmt.Sprintf("%s 提交 %s %s 期材料（第 %d 版，%d 个文件）", r.UnitName, r.StandardCode, sub.Period, sub.Version, len(sub.Files))})
	})
	return out, err
}

// Review is the office's decision on a submitted version.
type Review struct {
	Decision     string            `json:"decision"` // approve | return
	Grade        string            `json:"grade"`
	Comment      string            `json:"comment"`
	FileComments map[string]string `json:"fileComments"`
}

// ReviewSubmission approves with a grade or returns with comments.
func (s *Service) ReviewSubmission(ctx context.Context, actor *domain.Actor, id int64, rv Review) (_ Submission, err error) {
	defer domain.Wrap(&err, "submission.ReviewSubmission %d", id)
	if !actor.Has(reviewers...) {
		return Submission{}, domain.Forbidden("只有创城办可以审核材料")
	}
	rv.Comment = strings.TrimSpace(rv.Comment)
	if err := domain.TextLimit("comment", "审核意见", rv.Comment, 2000); err != nil {
		return Submission{}, err
	}
	switch rv.Decision {
	case "approve":
		if _, ok := grades[rv.Grade]; !ok {
			return Submission{}, domain.Invalid("grade", "通过时请评定等级：达标、基本达标或不达标")
		}
	case "return":
		rv.Grade = ""
		if rv.Comment == "" {
			return Submission{}, domain.Invalid("comment", "退回时请填写退回原因")
		}
	default:
		return Submission{}, domain.Invalid("decision", "审核结果应为通过或退回")
	}
	var out Submission
	err = s.db.Write(ctx, func(c *store.Conn) error {
		list, err := loadSubmissions(ctx, c, "s.id = ?", id)
		if err != nil {
			return err
		}
		if len(list) == 0 {
			return domain.NotFound("报送材料")
		}
		sub := list[0]
		r, err := s.requirementFor(ctx, c, actor, sub.RequirementID)
		if err != nil {
			return err
		}
		if sub.Status != "submitted" {
			return domain.Conflict("", "只有已提交、待审核的材料可以审核")
		}
		fileIDs := map[string]bool{}
		for _, f := range sub.Files {
			fileIDs[strconv.FormatInt(f.ID, 10)] = true
		}
		comments := map[string]string{}
		for k, v := range rv.FileComments {
			if v = strings.TrimSpace(v); v == "" {
				continue
			}
			if !fileIDs[k] {
				return domain.Invalid("fileComments", "文件 "+k+" 不属于这份材料")
			}
			if err := domain.TextLimit("fileComments", "文件意见", v, 500); err != nil {
				return err
			}
			comments[k] = v
		}
		status := map[string]string{"approve": "approved", "return": "returned"}[rv.Decision]
		cj, _ := json.Marshal(comments)
		if _, err := c.Exec(ctx, `UPDATE submissions SET status = ?, grade = ?, comment = ?, file_comments = ?, reviewed_at = ?, reviewed_by = ?, updated_at = ? WHERE id = ?`,
			status, rv.Grade, rv.Comment, string(cj), c.Now, actor.Ref(), c.Now, id); err != nil {
			return err
		}
		list, err = loadSubmissions(ctx, c, "s.id = ?", id)
		if err != nil {
			return err
		}
		out = list[0]
		verdict := "退回：" + rv.Comment
		if status == "approved" {
			verdict = "通过，评定" + gradeNames[rv.Grade]
		}
		return audit.Record(ctx, c, actor, audit.Change{Action: "review", Entity: "submission", EntityID: id,
			Summary: fmt.Sprintf("审核 %s %s %s 期材料（第 %d 版）：%s", r.UnitName, r.StandardCode, sub.Period, sub.Version, verdict), Before: sub, After: out})
	})
	return out, err
}

// Detail is a submission with its requirement and every version.
type Detail struct {
	Submission
	Requirement Requirement  `json:"requirement"`
	History     []Submission `json:"history"`
}

// Get returns a submission the actor may see, with all its versions.
func (s *Service) Get(ctx context.Context, actor *domain.Actor, id int64) (_ Detail, err error) {
	defer domain.Wrap(&err, "submission.Get %d", id)
	c := s.db.Read()
	list, err := loadSubmissions(ctx, c, "s.id = ?", id)
	if err != nil {
		return Detail{}, err
	}
	if len(list) == 0 {
		return Detail{}, domain.NotFound("报送材料")
	}
	sub := list[0]
	reqs, err := s.loadRequirements(ctx, c, "r.id = ?", sub.RequirementID)
	if err != nil || len(reqs) == 0 {
		return Detail{}, err
	}
	dir, err := s.dir(ctx)
	if err != nil {
		return Detail{}, err
	}
	if actor.Has(domain.RoleAuditAdmin) || !seesUnit(actor, dir[reqs[0].UnitID]) {
		return Detail{}, domain.Forbidden("该材料不在您的数据范围内")
	}
	history, err := loadSubmissions(ctx, c, "s.requirement_id = ? AND s.period = ?", sub.RequirementID, sub.Period)
	return Detail{Submission: sub, Requirement: reqs[0], History: history}, err
}
