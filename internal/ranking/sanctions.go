package ranking

import (
	"context"
	"fmt"
	"strings"
	"time"

	"wenming/internal/audit"
	"wenming/internal/cases"
	"wenming/internal/domain"
	"wenming/internal/files"
	"wenming/internal/store"
)

// SanctionKinds are the office's means of holding a unit to account.
var SanctionKinds = []domain.Named{{Code: "notice", Name: "督办通知"}, {Code: "talk", Name: "约谈"}, {Code: "exposure", Name: "曝光"}}

// Sanction is one recorded against a unit, with its documents.
type Sanction struct {
	ID int64 `json:"id"`
	// JurisdictionID is the jurisdiction of the unit it names.
	JurisdictionID   int64        `json:"jurisdictionId"`
	JurisdictionName string       `json:"jurisdictionName"`
	Kind             string       `json:"kind"`
	UnitID           int64        `json:"unitId"`
	UnitName         string       `json:"unitName"`
	CaseID           *int64       `json:"caseId"`
	CaseCode         string       `json:"caseCode"`
	Title            string       `json:"title"`
	Body             string       `json:"body"`
	OccurredAt       time.Time    `json:"occurredAt"`
	Files            []files.File `json:"files"`
	CreatedBy        string       `json:"createdBy"`
	CreatedAt        time.Time    `json:"createdAt"`
	jurisdictionCode string       // to check the reader reaches it
}

// SanctionInput is a sanction as the office records it.
type SanctionInput struct {
	Kind       string  `json:"kind"`
	UnitID     int64   `json:"unitId"`
	CaseID     *int64  `json:"caseId"`
	Title      string  `json:"title"`
	Body       string  `json:"body"`
	OccurredAt string  `json:"occurredAt"` // YYYY-MM-DD
	FileIDs    []int64 `json:"fileIds"`
}

// sanctionFiles is the owner kind of a sanction's documents.
const sanctionFiles = "sanction"

// GuardFiles has the file service ask this service before anyone reads a
// sanction's documents (a 约谈 record is no more public than the sanction).
func (s *Service) GuardFiles(f *files.Service) { f.GuardOwner(sanctionFiles, s.canReadSanctionFiles) }

// canReadSanctionFiles lets those who may read a sanction read its documents.
func (s *Service) canReadSanctionFiles(ctx context.Context, actor *domain.Actor, sanctionID int64) error {
	list, err := s.loadSanctions(ctx, "s.id = ?", sanctionID)
	if err != nil {
		return err
	}
	if len(list) == 0 {
		return domain.NotFound("督办问责记录")
	}
	dir, err := s.org.Directory(ctx)
	if err != nil {
		return err
	}
	if x := list[0]; !seesSanction(actor, dir[x.UnitID], x.JurisdictionID, x.jurisdictionCode) {
		return domain.Forbidden("无权查看该督办问责材料")
	}
	return nil
}

// RecordSanction records a notice, talk or exposure against a unit
// (office): one of its own jurisdiction's, or, supervising, of a
// jurisdiction under it. The sanction belongs to the unit's jurisdiction.
// A notice also lands on the unit's 督办通知 list.
func (s *Service) RecordSanction(ctx context.Context, actor *domain.Actor, in SanctionInput) (_ Sanction, err error) {
	defer domain.Wrap(&err, "ranking.RecordSanction")
	if !actor.IsOffice() {
		return Sanction{}, domain.Forbidden("只有创城办可以督办问责")
	}
	in.Title, in.Body = strings.TrimSpace(in.Title), strings.TrimSpace(in.Body)
	if domain.NameOf(SanctionKinds, in.Kind) == "" {
		return Sanction{}, domain.Invalid("kind", "类型只能是督办通知、约谈或曝光")
	}
	dir, err := s.org.Directory(ctx)
	if err != nil {
		return Sanction{}, err
	}
	unit, ok := dir[in.UnitID]
	if !ok || unit.JurisdictionID == nil {
		return Sanction{}, domain.Invalid("unitId", "请选择本辖区的单位")
	}
	j, err := s.resolve(ctx, actor, *unit.JurisdictionID)
	if err != nil {
		return Sanction{}, err
	}
	if !canSanction(actor, unit, j) {
		return Sanction{}, domain.Invalid("unitId", "只能对本辖区及下辖辖区、本人数据范围内的单位督办问责")
	}
	if in.Title == "" {
		return Sanction{}, domain.Invalid("title", "请填写标题")
	}
	if err := domain.TextLimit("title", "标题", in.Title, 100); err != nil {
		return Sanction{}, err
	}
	if err := domain.TextLimit("body", "内容", in.Body, 5000); err != nil {
		return Sanction{}, err
	}
	when, err := time.ParseInLocation(time.DateOnly, in.OccurredAt, domain.Beijing)
	if err != nil {
		return Sanction{}, domain.Invalid("occurredAt", "日期格式应为 YYYY-MM-DD")
	}
	if in.CaseID != nil {
		if _, err := s.cases.Get(ctx, actor, *in.CaseID); err != nil {
			return Sanction{}, domain.Invalid("caseId", "案件不存在或不在您的数据范围内")
		}
	}
	var id int64
	err = s.db.Write(ctx, func(c *store.Conn) error {
		var err error
		id, err = c.Insert(ctx, `INSERT INTO sanctions (jurisdiction_id, kind, unit_id, case_id, title, body, occurred_at, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			j.ID, in.Kind, in.UnitID, in.CaseID, in.Title, in.Body, when.UTC(), actor.RealName, c.Now)
		if err != nil {
			return err
		}
		if err := files.Attach(ctx, c, actor, in.FileIDs, sanctionFiles, id); err != nil {
			return err
		}
		if in.Kind == "notice" {
			if err := cases.IssueNotice(ctx, c, in.UnitID, in.CaseID, in.Title, in.Body, fmt.Sprintf("sanction-%d", id)); err != nil {
				return err
			}
		}
		return audit.Record(ctx, c, actor, audit.Change{Action: "create", Entity: "sanction", EntityID: id,
			Summary: fmt.Sprintf("%s：%s%s《%s》", domain.NameOf(SanctionKinds, in.Kind), j.Name, unit.Name, in.Title)})
	})
	if err != nil {
		return Sanction{}, err
	}
	s.forget()
	list, err := s.loadSanctions(ctx, "s.id = ?", id)
	if err != nil || len(list) == 0 {
		return Sanction{}, err
	}
	return list[0], nil
}

// Sanctions lists the sanctions of units in the actor's scope, in the
// jurisdictions the actor reads.
func (s *Service) Sanctions(ctx context.Context, actor *domain.Actor, unitID int64, kind string) (_ []Sanction, err error) {
	defer domain.Wrap(&err, "ranking.Sanctions %d", unitID)
	if !actor.Has(readers...) {
		return nil, domain.Forbidden("无权查看督办问责")
	}
	where, args := store.Reach(actor, "s.jurisdiction_id")
	all, err := s.loadSanctions(ctx, where, args...)
	if err != nil {
		return nil, err
	}
	dir, err := s.org.Directory(ctx)
	if err != nil {
		return nil, err
	}
	out := []Sanction{}
	for _, x := range all {
		if seesSanction(actor, dir[x.UnitID], x.JurisdictionID, x.jurisdictionCode) && (unitID == 0 || x.UnitID == unitID) && (kind == "" || x.Kind == kind) {
			out = append(out, x)
		}
	}
	return out, nil
}

func (s *Service) loadSanctions(ctx context.Context, where string, args ...any) ([]Sanction, error) {
	c := s.db.Read()
	rows, err := c.Query(ctx, `SELECT s.id, COALESCE(s.jurisdiction_id, 0), COALESCE(jr.code, ''), COALESCE(jr.name, ''), s.kind, s.unit_id, s.case_id, s.title, s.body, s.occurred_at, s.created_by, s.created_at
		FROM sanctions s LEFT JOIN regions jr ON jr.id = s.jurisdiction_id WHERE `+where+` ORDER BY s.occurred_at DESC, s.id DESC LIMIT 1000`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	list := []Sanction{}
	var ids, caseIDs []int64
	for rows.Next() {
		var x Sanction
		if err := rows.Scan(&x.ID, &x.JurisdictionID, &x.jurisdictionCode, &x.JurisdictionName, &x.Kind, &x.UnitID, &x.CaseID, &x.Title, &x.Body, &x.OccurredAt, &x.CreatedBy, &x.CreatedAt); err != nil {
			return nil, err
		}
		list = append(list, x)
		ids = append(ids, x.ID)
		if x.CaseID != nil {
			caseIDs = append(caseIDs, *x.CaseID)
		}
	}
	rows.Close()
	attached, err := files.Of(ctx, c, sanctionFiles, ids)
	if err != nil {
		return nil, err
	}
	dir, err := s.org.Directory(ctx)
	if err != nil {
		return nil, err
	}
	codes, err := s.cases.Codes(ctx, caseIDs)
	if err != nil {
		return nil, err
	}
	for i := range list {
		x := &list[i]
		x.UnitName, x.Files = dir[x.UnitID].Name, attached[x.ID]
		if x.Files == nil {
			x.Files = []files.File{}
		}
		if x.CaseID != nil {
			x.CaseCode = codes[*x.CaseID]
		}
	}
	return list, nil
}
