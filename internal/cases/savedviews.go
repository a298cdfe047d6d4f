package cases

import (
	"context"
	"encoding/json"
	"slices"
	"strings"
	"wenming/internal/audit"
	"wenming/internal/domain"
	"wenming/internal/store"
)

// View is a saved set of pool filters.
type View struct {
	ID      int64             `json:"id"`
	Name    string            `json:"name"`
	Filters map[string]string `json:"filters"`
}

// Views lists the actor's saved views.
func (s *Service) Views(ctx context.Context, actor *domain.Actor) (_ []View, err error) {
	defer domain.Wrap(&err, "cases.Views")
	rows, err := s.db.Read().Query(ctx, `SELECT id, name, filters FROM case_views WHERE user_id = ? ORDER BY name`, actor.UserID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	list := []View{}
	for rows.Next() {
		var v View
		var raw string
		if err := rows.Scan(&v.ID, &v.Name, &raw); err != nil {
			return nil, err
		}
		json.Unmarshal([]byte(raw), &v.Filters)
		list = append(list, v)
	}
	return list, rows.Err()
}

// SaveView stores (or replaces by name) one of the actor's views.
func (s *Service) SaveView(ctx context.Context, actor *domain.Actor, in View) (_ View, err error) {
	defer domain.Wrap(&err, "cases.SaveView")
	in.Name = strings.TrimSpace(in.Name)
	if in.Name == "" {
		return in, domain.Invalid("name", "请为视图命名")
	}
	if err := domain.TextLimit("name", "视图名称", in.Name, 30); err != nil {
		return in, err
	}
	if actor.UserID == 0 {
		return in, domain.Forbidden("只有登录用户可以保存视图")
	}
	allowed := []string{"view", "state", "source", "categoryId", "regionId", "unitId", "overdue", "from", "to", "q"}
	for k, v := range in.Filters {
		if !slices.Contains(allowed, k) {
			return in, domain.Invalid("filters", "未知筛选条件“"+k+"”")
		}
		if err := domain.TextLimit("filters", "筛选条件", v, 100); err != nil {
			return in, err
		}
	}
	raw, _ := json.Marshal(in.Filters)
	err = s.db.Write(ctx, func(c *store.Conn) error {
		if _, err := c.Exec(ctx, `DELETE FROM case_views WHERE user_id = ? AND name = ?`, actor.UserID, in.Name); err != nil {
			return err
		}
		var err error
		if in.ID, err = c.Insert(ctx, `INSERT INTO case_views (user_id, name, filters, created_at) VALUES (?, ?, ?, ?)`, actor.UserID, in.Name, string(raw), c.Now); err != nil {
			return err
		}
		return audit.Record(ctx, c, actor, audit.Change{Action: "create", Entity: "case_view", EntityID: in.ID, Summary: "保存案件视图“" + in.Name + "”"})
	})
	return in, err
}

// DeleteView removes one of the actor's views.
func (s *Service) DeleteView(ctx context.Context, actor *domain.Actor, id int64) (err error) {
	defer domain.Wrap(&err, "cases.DeleteView %d", id)
	return s.db.Write(ctx, func(c *store.Conn) error {
		res, err := c.Exec(ctx, `DELETE FROM case_views WHERE id = ? AND user_id = ?`, id, actor.UserID)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return domain.NotFound("视图")
		}
		return audit.Record(ctx, c, actor, audit.Change{Action: "delete", Entity: "case_view", EntityID: id, Summary: "删除案件视图"})
	})
}
