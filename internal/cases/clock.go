package cases

import (
	"context"
	"fmt"
	"strconv"
	"time"

	"wenming/internal/audit"
	"wenming/internal/domain"
	"wenming/internal/message"
	"wenming/internal/org"
	"wenming/internal/store"
	"wenming/internal/webhook"
)

// schedule replaces a case's pending timers after its clock changed: while
// the unit handles it, a reminder at the set share of the limit (unless
// already sent) and an overdue check at the deadline (unless already
// fired for this deadline).
func schedule(ctx context.Context, c *store.Conn, e *caseConfig, k *Case) error {
	if _, err := c.Exec(ctx, `UPDATE case_timers SET done_at = ?, outcome = 'cancelled' WHERE case_id = ? AND done_at IS NULL`, c.Now, k.ID); err != nil {
		return err
	}
	if k.State != StateHandling || k.Deadline == nil || k.AcceptedAt == nil {
		return nil
	}
	if k.remindedAt == nil {
		at := e.cal.Add(*k.AcceptedAt, (k.LimitMinutes+k.extraMinutes)*e.settingsOf(k.JurisdictionID).RemindAtPercent/100)
		if at.Before(*k.Deadline) {
			if err := addTimer(ctx, c, k.ID, "remind", later(at, c.Now)); err != nil {
				return err
			}
		}
	}
	if k.overdueAt == nil {
		return addTimer(ctx, c, k.ID, "overdue", *k.Deadline)
	}
	return nil
}

func addTimer(ctx context.Context, c *store.Conn, caseID int64, kind string, at time.Time) error {
	_, err := c.Exec(ctx, `INSERT INTO case_timers (case_id, kind, due_at) VALUES (?, ?, ?)`, caseID, kind, at)
	return err
}

// RunTimers fires the due reminders and overdue checks, a batch per
// transaction. On PostgreSQL the batch is claimed with SKIP LOCKED, so app
// servers running side by side each take different timers; a timer is
// marked done in the transaction that acts on it, so it fires once.
func (s *Service) RunTimers(ctx context.Context) (_ int, err error) {
	defer domain.Wrap(&err, "cases.RunTimers")
	e, err := s.config(ctx)
	if err != nil {
		return 0, err
	}
	fired := 0
	for {
		n, more, err := s.runBatch(ctx, e, 50)
		fired += n
		if err != nil || !more {
			return fired, err
		}
	}
}

type timer struct {
	id, caseID int64
	kind       string
	due        time.Time
}

func (s *Service) runBatch(ctx context.Context, e *caseConfig, size int) (fired int, more bool, err error) {
	err = s.db.Write(ctx, func(c *store.Conn) error {
		e.at = c.Now
		skip := ""
		if c.Dialect() == store.Postgres {
			skip = " FOR UPDATE SKIP LOCKED"
		}
		rows, err := c.Query(ctx, `SELECT id, case_id, kind, due_at FROM case_timers WHERE done_at IS NULL AND due_at <= ? ORDER BY due_at, id LIMIT `+strconv.Itoa(size)+skip, c.Now)
		if err != nil {
			return err
		}
		var batch []timer
		for rows.Next() {
			var t timer
			if err := rows.Scan(&t.id, &t.caseID, &t.kind, &t.due); err != nil {
				rows.Close()
				return err
			}
			batch = append(batch, t)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		more = len(batch) == size
		for _, t := range batch {
			outcome, err := s.fire(ctx, c, e, t)
			if err != nil {
				return fmt.Errorf("timer %d: %w", t.id, err)
			}
			if outcome == "sent" {
				fired++
			}
			if _, err := c.Exec(ctx, `UPDATE case_timers SET done_at = ?, outcome = ? WHERE id = ?`, c.Now, outcome, t.id); err != nil {
				return err
			}
		}
		return nil
	})
	return fired, more, err
}

// clockActor signs the clock's own steps on the timeline and in the audit log.
var clockActor = domain.System("案件时限")

// fire acts on one due timer, if the case still needs it.
func (s *Service) fire(ctx context.Context, c *store.Conn, e *caseConfig, t timer) (string, error) {
	k, err := s.load(ctx, c, t.caseID, true)
	if err != nil {
		return "", err
	}
	if k.State != StateHandling || k.LeadUnitID == nil || k.Deadline == nil {
		return "skipped", nil
	}
	e.name(&k, c.Now)
	unit := *k.LeadUnitID
	deadline := k.Deadline.In(domain.Beijing).Format("2006-01-02 15:04")
	switch t.kind {
	case "remind":
		if k.remindedAt != nil {
			return "skipped", nil
		}
		k.remindedAt = &c.Now
		title := "案件临期提醒：" + k.Code
		body := fmt.Sprintf("案件 %s（%s，%s）将于 %s 到期，请抓紧处置并回复。", k.Code, k.CategoryPath, k.Address, deadline)
		if _, err := message.Send(ctx, c, unit, "case_remind", title, body, fmt.Sprintf("case-remind-%d-%d", k.ID, k.Deadline.Unix())); err != nil {
			return "", err
		}
		return "sent", s.clockStep(ctx, c, &k, KindReminded, body)
	case "overdue":
		if k.overdueAt != nil || c.Now.Before(*k.Deadline) {
			return "skipped", nil
		}
		k.overdueAt = &c.Now
		key := fmt.Sprintf("case-overdue-%d-%d", k.ID, k.Deadline.Unix())
		title := "督办通知：案件 " + k.Code + " 已超期"
		body := fmt.Sprintf("%s：案件 %s（%s，%s）处置时限已于 %s 届满，尚未回复整改。请立即处置并说明超期原因。", k.LeadUnitName, k.Code, k.CategoryPath, k.Address, deadline)
		if _, err := c.Exec(ctx, `INSERT INTO notices (case_id, unit_id, kind, title, body, dedupe_key, created_at) VALUES (?, ?, 'overdue', ?, ?, ?, ?) ON CONFLICT (dedupe_key) DO NOTHING`,
			k.ID, unit, title, body, key, c.Now); err != nil {
			return "", err
		}
		if _, err := message.Send(ctx, c, unit, "case_overdue", title, body, key); err != nil {
			return "", err
		}
		heads, err := org.UnitHeads(ctx, c, unit)
		if err != nil {
			return "", err
		}
		for _, h := range heads {
			if _, err := message.SendTo(ctx, c, unit, h, "case_overdue", title, body, key+"-head-"+strconv.FormatInt(h, 10)); err != nil {
				return "", err
			}
		}
		return "sent", s.clockStep(ctx, c, &k, KindOverdue, body)
	}
	return "skipped", nil
}

func (s *Service) clockStep(ctx context.Context, c *store.Conn, k *Case, kind Kind, note string) error {
	if err := save(ctx, c, k); err != nil {
		return err
	}
	if _, err := s.addEvent(ctx, c, clockActor, k, step{kind: kind, note: note}); err != nil {
		return err
	}
	if err := audit.Record(ctx, c, clockActor, audit.Change{Action: string(kind), Entity: "case", EntityID: k.ID, Summary: "案件 " + k.Code + "：" + KindName(kind)}); err != nil {
		return err
	}
	return webhook.Enqueue(ctx, c, stepKind(kind).Webhook, k.ID, k.JurisdictionID, map[string]any{"id": k.ID, "code": k.Code, "leadUnitId": k.LeadUnitID, "leadUnit": k.LeadUnitName, "deadline": k.Deadline})
}
