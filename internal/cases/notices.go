package cases

import (
	"context"
	"time"
	"wenming/internal/domain"
	"wenming/internal/store"
)

// Notice is a supervision notice (督办通知) to a unit.
type Notice struct {
	ID        int64     `json:"id"`
	CaseID    *int64    `json:"caseId"`
	CaseCode  string    `json:"caseCode"`
	UnitID    int64     `json:"unitId"`
	UnitName  string    `json:"unitName"`
	Kind      string    `json:"kind"`
	Title     string    `json:"title"`
	Body      string    `json:"body"`
	CreatedAt time.Time `json:"createdAt"`
	Open      bool      `json:"open"`
}

// Notices lists supervision notices of units in the actor's scope; open
// ones are those whose case is not yet reported or closed.
func (s *Service) Notices(ctx context.Context, actor *domain.Actor, unitID int64, open bool) (_ []Notice, err error) {
	defer domain.Wrap(&err, "cases.Notices %d", unitID)
	e, err := s.config(ctx)
	if err != nil {
		return nil, err
	}
	var allowed []int64
	for id, u := range e.units {
		if actor.SeesUnit(u.Path, u.RegionCode) && (unitID == 0 || id == unitID) {
			allowed = append(allowed, id)
		}
	}
	q := `SELECT n.id, n.case_id, COALESCE(c.code, ''), n.unit_id, n.kind, n.title, n.body, n.created_at,
		CASE WHEN c.state IS NULL OR c.state IN ('handling', 'dispatched', 'returned') THEN 1 ELSE 0 END
		FROM notices n LEFT JOIN cases c ON c.id = n.case_id WHERE n.unit_id IN (` + ids(allowed) + `)`
	if open {
		q += ` AND n.resolved_at IS NULL AND (c.state IS NULL OR c.state IN ('handling', 'dispatched', 'returned'))`
	}
	rows, err := s.db.Read().Query(ctx, q+` ORDER BY n.id DESC LIMIT 500`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	list := []Notice{}
	for rows.Next() {
		var n Notice
		var isOpen int
		if err := rows.Scan(&n.ID, &n.CaseID, &n.CaseCode, &n.UnitID, &n.Kind, &n.Title, &n.Body, &n.CreatedAt, &isOpen); err != nil {
			return nil, err
		}
		n.UnitName, n.Open = e.units[n.UnitID].Name, isOpen == 1
		list = append(list, n)
	}
	return list, rows.Err()
}

// IssueNotice records a supervision notice by hand inside the caller's
// transaction, so it stands on the unit's 督办通知 list beside the ones the
// clock issues.
func IssueNotice(ctx context.Context, c *store.Conn, unitID int64, caseID *int64, title, body, key string) error {
	_, err := c.Exec(ctx, `INSERT INTO notices (case_id, unit_id, kind, title, body, dedupe_key, created_at) VALUES (?, ?, 'manual', ?, ?, ?, ?)`,
		caseID, unitID, title, body, key, c.Now)
	return err
}
