package assessment

import (
	"context"
	"fmt"
	"strings"
	"time"

	"wenming/internal/audit"
	"wenming/internal/domain"
	"wenming/internal/patrol"
	"wenming/internal/score"
	"wenming/internal/store"
)

// NegativeEvent is a negative-list event that happened (负面清单事件).
type NegativeEvent struct {
	ID          int64     `json:"id"`
	FrameworkID int64     `json:"frameworkId"`
	Code        string    `json:"code"`
	Text        string    `json:"text"`
	Effect      string    `json:"effect"`
	Points      *float64  `json:"points"`
	UnitID      *int64    `json:"unitId"`
	UnitName    string    `json:"unitName"`
	OccurredOn  string    `json:"occurredOn"`
	Note        string    `json:"note"`
	CreatedBy   string    `json:"createdBy"`
	CreatedAt   time.Time `json:"createdAt"`
	// JurisdictionID is where the event happened: it counts in that
	// jurisdiction's score only.
	JurisdictionID   int64 `json:"jurisdictionId"`
	jurisdictionCode string
}

// EventInput records an event.
type EventInput struct {
	FrameworkID int64  `json:"frameworkId"`
	Code        string `json:"code"`
	UnitID      *int64 `json:"unitId"`
	OccurredOn  string `json:"occurredOn"`
	Note        string `json:"note"`
}

const selectEvents = `SELECT e.id, e.framework_id, e.code, COALESCE(n.text, ''), COALESCE(n.effect, ''), n.points, e.unit_id, COALESCE(u.name, ''),
	e.occurred_on, e.note, e.created_by, e.created_at, COALESCE(e.jurisdiction_id, 0), COALESCE(ej.code, '')
	FROM negative_events e LEFT JOIN negative_items n ON n.framework_id = e.framework_id AND n.code = e.code LEFT JOIN units u ON u.id = e.unit_id
	LEFT JOIN regions ej ON ej.id = e.jurisdiction_id`

func queryEvents(ctx context.Context, c *store.Conn, tail string, args ...any) ([]NegativeEvent, error) {
	rows, err := c.Query(ctx, selectEvents+tail, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []NegativeEvent{}
	for rows.Next() {
		var e NegativeEvent
		if err := rows.Scan(&e.ID, &e.FrameworkID, &e.Code, &e.Text, &e.Effect, &e.Points, &e.UnitID, &e.UnitName, &e.OccurredOn, &e.Note, &e.CreatedBy, &e.CreatedAt,
			&e.JurisdictionID, &e.jurisdictionCode); err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, rows.Err()
}

// NegativeEvents lists the events of the jurisdictions the actor reads
// recorded against a framework (all frameworks when 0).
func (s *Service) NegativeEvents(ctx context.Context, actor *domain.Actor, frameworkID int64) (_ []NegativeEvent, err error) {
	defer domain.Wrap(&err, "assessment.NegativeEvents %d", frameworkID)
	if err := require(actor, roundReaders, "负面清单事件"); err != nil {
		return nil, err
	}
	reach, args := store.Reach(actor, "e.jurisdiction_id")
	return queryEvents(ctx, s.db.Read(), ` WHERE `+reach+` AND (? = 0 OR e.framework_id = ?) ORDER BY e.occurred_on DESC, e.id DESC`,
		append(args, frameworkID, frameworkID)...)
}

// events are a framework's events in [from, to) for the engine: those of
// one jurisdiction (a veto in one county never touches another), or of
// all when it is 0.
func (s *Service) events(ctx context.Context, frameworkID, jurisdiction int64, from, to time.Time) ([]score.Event, error) {
	list, err := queryEvents(ctx, s.db.Read(), ` WHERE e.framework_id = ? AND e.occurred_on >= ? AND e.occurred_on < ? AND (? = 0 OR e.jurisdiction_id = ?)`,
		frameworkID, from.In(domain.Beijing).Format(time.DateOnly), to.In(domain.Beijing).Format(time.DateOnly), jurisdiction, jurisdiction)
	out := make([]score.Event, len(list))
	for i, e := range list {
		out[i] = score.Event{ID: e.ID, Code: e.Code, UnitID: e.UnitID, OccurredOn: e.OccurredOn, Note: e.Note}
	}
	return out, err
}

// RecordEvent records an event (office).
func (s *Service) RecordEvent(ctx context.Context, actor *domain.Actor, in EventInput) (_ NegativeEvent, err error) {
	defer domain.Wrap(&err, "assessment.RecordEvent")
	if err := requireOffice(actor); err != nil {
		return NegativeEvent{}, err
	}
	var out NegativeEvent
	err = s.db.Write(ctx, func(c *store.Conn) error {
		home, err := patrol.HomeJurisdiction(ctx, c, actor)
		if err != nil {
			return err
		}
		in.Code, in.Note = strings.TrimSpace(in.Code), strings.TrimSpace(in.Note)
		if n, err := c.Count(ctx, `SELECT COUNT(*) FROM negative_items WHERE framework_id = ? AND code = ?`, in.FrameworkID, in.Code); err != nil || n == 0 {
			if err == nil {
				err = domain.Invalid("code", "该测评体系的负面清单中没有“"+in.Code+"”")
			}
			return err
		}
		if _, err := time.Parse(time.DateOnly, in.OccurredOn); err != nil {
			return domain.Invalid("occurredOn", "发生日期格式应为 YYYY-MM-DD")
		}
		if in.UnitID != nil {
			if n, err := c.Count(ctx, `SELECT COUNT(*) FROM units WHERE id = ?`, *in.UnitID); err != nil || n == 0 {
				if err == nil {
					err = domain.Invalid("unitId", "单位不存在")
				}
				return err
			}
			if n, err := c.Count(ctx, `SELECT COUNT(*) FROM units WHERE id = ? AND jurisdiction_id = ?`, *in.UnitID, home); err != nil || n == 0 {
				if err == nil {
					err = domain.Invalid("unitId", "该单位不属于本辖区，只能记录本辖区单位的负面清单事件")
				}
				return err
			}
		}
		if err := domain.RequireText("note", "事件说明", in.Note, 500); err != nil {
			return err
		}
		id, err := c.Insert(ctx, `INSERT INTO negative_events (jurisdiction_id, framework_id, code, unit_id, occurred_on, note, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
			home, in.FrameworkID, in.Code, in.UnitID, in.OccurredOn, in.Note, actor.RealName, c.Now)
		if err != nil {
			return err
		}
		list, err := queryEvents(ctx, c, ` WHERE e.id = ?`, id)
		if err != nil {
			return err
		}
		out = list[0]
		return audit.Record(ctx, c, actor, audit.Change{Action: "create", Entity: "negative_event", EntityID: id,
			Summary: fmt.Sprintf("负面清单事件 %s %s（%s）", out.Code, out.Text, out.OccurredOn), After: out})
	})
	return out, err
}

// DeleteEvent removes an event recorded by mistake (office).
func (s *Service) DeleteEvent(ctx context.Context, actor *domain.Actor, id int64) (err error) {
	defer domain.Wrap(&err, "assessment.DeleteEvent %d", id)
	if err := requireOffice(actor); err != nil {
		return err
	}
	return s.db.Write(ctx, func(c *store.Conn) error {
		list, err := queryEvents(ctx, c, ` WHERE e.id = ?`, id)
		if err != nil {
			return err
		}
		if len(list) == 0 || !actor.ReadsJurisdiction(list[0].JurisdictionID, list[0].jurisdictionCode) {
			return domain.NotFound("负面清单事件")
		}
		if !actor.GovernsJurisdiction(list[0].JurisdictionID) {
			return domain.Forbidden("该事件由其所在辖区的创城办记录，您不能删除")
		}
		if _, err := c.Exec(ctx, `DELETE FROM negative_events WHERE id = ?`, id); err != nil {
			return err
		}
		return audit.Record(ctx, c, actor, audit.Change{Action: "delete", Entity: "negative_event", EntityID: id,
			Summary: fmt.Sprintf("负面清单事件 %s（%s）", list[0].Code, list[0].OccurredOn), Before: list[0]})
	})
}
