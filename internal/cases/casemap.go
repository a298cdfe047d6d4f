package cases

import (
	"context"
	"wenming/internal/domain"
)

// MapItem is a located case for the map.
type MapItem struct {
	ID           int64   `json:"id"`
	Code         string  `json:"code"`
	State        State   `json:"state"`
	CategoryName string  `json:"categoryName"`
	Lat          float64 `json:"lat"`
	Lng          float64 `json:"lng"`
	Overdue      bool    `json:"overdue"`
}

// Map returns the located cases of a filter (open ones unless a state is
// asked for), at most 5,000.
func (s *Service) Map(ctx context.Context, actor *domain.Actor, f Filter) (_ []MapItem, err error) {
	defer domain.Wrap(&err, "cases.Map")
	e, err := s.config(ctx)
	if err != nil {
		return nil, err
	}
	c := s.db.Read()
	where, args, err := e.where(actor, f, c.Now)
	if err != nil {
		return nil, err
	}
	where = and(where, `c.lat IS NOT NULL`)
	if f.State == "" {
		where = and(where, `c.state <> 'closed'`)
	}
	list, err := s.query(ctx, c, e, where+` ORDER BY c.created_at DESC LIMIT 5000`, args)
	if err != nil {
		return nil, err
	}
	out := make([]MapItem, 0, len(list))
	for _, k := range list {
		out = append(out, MapItem{ID: k.ID, Code: k.Code, State: k.State, CategoryName: k.CategoryName, Lat: *k.Lat, Lng: *k.Lng, Overdue: k.Overdue})
	}
	return out, nil
}
