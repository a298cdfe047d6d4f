// Package message keeps in-app messages to units: reminders, notices. A
// message carries a dedupe key so a job that runs on several app servers,
// or twice, sends it once.
package message

import (
	"context"
	"time"

	"wenming/internal/audit"
	"wenming/internal/domain"
	"wenming/internal/store"
)

// Message is one in-app message to a unit.
type Message struct {
	ID        int64      `json:"id"`
	Kind      string     `json:"kind"`
	Title     string     `json:"title"`
	Body      string     `json:"body"`
	CreatedAt time.Time  `json:"createdAt"`
	ReadAt    *time.Time `json:"readAt"`
}

// Service reads and marks messages.
type Service struct{ db *store.DB }

// NewService returns the message service.
func NewService(db *store.DB) *Service { return &Service{db: db} }

// Send stores a message to a unit inside the caller's transaction unless
// one with the same dedupe key exists. It reports whether it sent.
func Send(ctx context.Context, c *store.Conn, unitID int64, kind, title, body, dedupeKey string) (bool, error) {
	return SendTo(ctx, c, unitID, 0, kind, title, body, dedupeKey)
}

// SendTo is Send addressed to one person of the unit (userID 0: everyone
// in it), such as an escalation to the unit head.
func SendTo(ctx context.Context, c *store.Conn, unitID, userID int64, kind, title, body, dedupeKey string) (bool, error) {
	var user any
	if userID != 0 {
		user = userID
	}
	res, err := c.Exec(ctx, `INSERT INTO messages (unit_id, user_id, kind, title, body, dedupe_key, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (dedupe_key) DO NOTHING`, unitID, user, kind, title, body, dedupeKey, c.Now)
	if err != nil {
		return false, err
	}
	n, err := res.RowsAffected()
	return n > 0, err
}

// List returns the actor's unit's messages, newest first.
func (s *Service) List(ctx context.Context, actor *domain.Actor) (_ []Message, err error) {
	defer domain.Wrap(&err, "message.List")
	rows, err := s.db.Read().Query(ctx, `SELECT id, kind, title, body, created_at, read_at FROM messages WHERE unit_id = ? AND (user_id IS NULL OR user_id = ?) ORDER BY id DESC LIMIT 200`, actor.UnitID, actor.UserID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	list := []Message{}
	for rows.Next() {
		var m Message
		if err := rows.Scan(&m.ID, &m.Kind, &m.Title, &m.Body, &m.CreatedAt, &m.ReadAt); err != nil {
			return nil, err
		}
		list = append(list, m)
	}
	return list, rows.Err()
}

// MarkRead marks one of the actor's unit's messages read.
func (s *Service) MarkRead(ctx context.Context, actor *domain.Actor, id int64) (err error) {
	defer domain.Wrap(&err, "message.MarkRead %d", id)
	return s.db.Write(ctx, func(c *store.Conn) error {
		var unit int64
		var user *int64
		if err := c.Get(ctx, "消息", `SELECT unit_id, user_id FROM messages WHERE id = ?`, []any{id}, &unit, &user); err != nil {
			return err
		}
		if unit != actor.UnitID || (user != nil && *user != actor.UserID) {
			return domain.Forbidden("只能标记本单位的消息")
		}
		if _, err := c.Exec(ctx, `UPDATE messages SET read_at = ? WHERE id = ? AND read_at IS NULL`, c.Now, id); err != nil {
			return err
		}
		return audit.Record(ctx, c, actor, audit.Change{Action: "update", Entity: "message", EntityID: id, Summary: "标记消息已读"})
	})
}
