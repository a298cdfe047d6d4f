package cases

import (
	"context"
	"encoding/json"
	"fmt"
	"time"
	"wenming/internal/domain"
	"wenming/internal/files"
	"wenming/internal/store"
)

// CaseDetail is a case with its timeline and what the actor may do now.
type CaseDetail struct {
	Case
	Timeline   []Event    `json:"timeline"`
	Duplicates []Case     `json:"duplicates"`
	Actions    []string   `json:"actions"`
	Extension  *Extension `json:"extension"`
	// Spans are the time each office and unit held the case, tier by tier.
	Spans []Span `json:"spans"`
}

// Extension is the latest extension request of a case.
type Extension struct {
	ID        int64  `json:"id"`
	Minutes   int    `json:"minutes"`
	Reason    string `json:"reason"`
	State     string `json:"state"`
	RuledNote string `json:"ruledNote"`
}

// Get returns a case as the actor may see it.
func (s *Service) Get(ctx context.Context, actor *domain.Actor, id int64) (_ CaseDetail, err error) {
	defer domain.Wrap(&err, "cases.Get %d", id)
	e, err := s.config(ctx)
	if err != nil {
		return CaseDetail{}, err
	}
	return s.get(ctx, e, actor, id)
}

// get reads a case with an environment already loaded (an action answers
// with the case it changed without loading everything again).
func (s *Service) get(ctx context.Context, e *caseConfig, actor *domain.Actor, id int64) (CaseDetail, error) {
	c := s.db.Read()
	k, err := s.load(ctx, c, id, false)
	if err != nil {
		return CaseDetail{}, err
	}
	if !e.sees(actor, &k) {
		return CaseDetail{}, domain.Forbidden("该案件不在您的数据范围内")
	}
	return s.detail(ctx, c, e, actor, k, consoleURL)
}

// photoURL says where a client fetches a case photo.
type photoURL func(fileID int64, size string) string

// FilePhoto describes a stored image as the console shows it, for areas
// that show photos of their own (a patrol's observations).
func FilePhoto(f files.File) Photo {
	p := Photo{FileID: f.ID, Name: f.Name, ReceivedAt: f.UploadedAt, ThumbURL: consoleURL(f.ID, "thumb"), URL: consoleURL(f.ID, "display")}
	if f.Photo != nil {
		p.TakenAt, p.Lat, p.Lng, p.Width, p.Height = f.Photo.TakenAt, f.Photo.Lat, f.Photo.Lng, f.Photo.Width, f.Photo.Height
	}
	return p
}

func consoleURL(fileID int64, size string) string {
	u := fmt.Sprintf("/api/v1/files/%d", fileID)
	if size != "" {
		u += "?size=" + size
	}
	return u
}

func (s *Service) detail(ctx context.Context, c *store.Conn, e *caseConfig, actor *domain.Actor, k Case, url photoURL) (CaseDetail, error) {
	e.name(&k, c.Now)
	d := CaseDetail{Case: k, Duplicates: []Case{}}
	photos, err := loadPhotos(ctx, c, &d.Case, url)
	if err != nil {
		return d, err
	}
	if d.Timeline, err = loadTimeline(ctx, c, e, k.ID, photos); err != nil {
		return d, err
	}
	if d.Extension, err = latestExtension(ctx, c, k.ID); err != nil {
		return d, err
	}
	d.Spans = e.spans(k, d.Timeline, c.Now)
	// At most one request waits at a time, so the latest tells (and is
	// current after an action that asked or ruled).
	d.ExtensionPending = d.Extension != nil && d.Extension.State == "pending"
	if k.State != "closed" && actor != nil {
		if d.Duplicates, err = s.duplicates(ctx, c, e, actor, k); err != nil {
			return d, err
		}
	}
	d.Actions = e.actions(actor, &d.Case)
	return d, nil
}

func loadPhotos(ctx context.Context, c *store.Conn, k *Case, url photoURL) (map[int64][]Photo, error) {
	rows, err := c.Query(ctx, `SELECT p.event_id, p.phase, f.id, f.name, f.taken_at, f.gps_lat, f.gps_lng, f.uploaded_at, f.width, f.height
		FROM case_photos p JOIN files f ON f.id = p.file_id WHERE p.case_id = ? ORDER BY f.id`, k.ID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	byEvent := map[int64][]Photo{}
	for rows.Next() {
		var p Photo
		var event int64
		if err := rows.Scan(&event, &p.Phase, &p.FileID, &p.Name, &p.TakenAt, &p.Lat, &p.Lng, &p.ReceivedAt, &p.Width, &p.Height); err != nil {
			return nil, err
		}
		p.ThumbURL, p.URL = url(p.FileID, "thumb"), url(p.FileID, "display")
		if p.Lat != nil && k.Lat != nil {
			d := int(domain.Distance(*k.Lat, *k.Lng, *p.Lat, *p.Lng))
			p.DistanceMeters = &d
		}
		byEvent[event] = append(byEvent[event], p)
		if p.Phase == "before" {
			k.BeforePhotos = append(k.BeforePhotos, p)
		} else {
			k.AfterPhotos = append(k.AfterPhotos, p)
		}
	}
	return byEvent, rows.Err()
}

func loadTimeline(ctx context.Context, c *store.Conn, e *caseConfig, caseID int64, photos map[int64][]Photo) ([]Event, error) {
	rows, err := c.Query(ctx, `SELECT id, at, kind, actor_name, unit_id, note, data FROM case_events WHERE case_id = ? ORDER BY id`, caseID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	list := []Event{}
	for rows.Next() {
		var ev Event
		var data string
		if err := rows.Scan(&ev.ID, &ev.At, &ev.Kind, &ev.ActorName, &ev.unitID, &ev.Note, &data); err != nil {
			return nil, err
		}
		if ev.unitID != nil {
			ev.UnitName = e.units[*ev.unitID].Name
		}
		json.Unmarshal([]byte(data), &ev.Data)
		ev.Photos = photos[ev.ID]
		if ev.Photos == nil {
			ev.Photos = []Photo{}
		}
		list = append(list, ev)
	}
	return list, rows.Err()
}

func latestExtension(ctx context.Context, c *store.Conn, caseID int64) (*Extension, error) {
	var x Extension
	err := c.Get(ctx, "延期", `SELECT id, minutes, reason, state, ruled_note FROM case_extensions WHERE case_id = ? ORDER BY id DESC LIMIT 1`, []any{caseID},
		&x.ID, &x.Minutes, &x.Reason, &x.State, &x.RuledNote)
	if de, ok := domain.AsError(err); ok && de.Code == domain.CodeNotFound {
		return nil, nil
	}
	return &x, err
}

// duplicates suggests open cases of the same category near this one,
// reported within the window, that the actor can see.
func (s *Service) duplicates(ctx context.Context, c *store.Conn, e *caseConfig, actor *domain.Actor, k Case) ([]Case, error) {
	out := []Case{}
	if k.Lat == nil || !actor.IsOffice() {
		return out, nil
	}
	set := e.settingsOf(k.JurisdictionID)
	radius := float64(set.DuplicateRadiusMeters)
	window := time.Duration(set.DuplicateWindowHours) * time.Hour
	dLat := radius / 111000
	rows, err := c.Query(ctx, selectCase+` WHERE category_id = ? AND id <> ? AND state <> 'closed' AND merged_into IS NULL
		AND created_at BETWEEN ? AND ? AND lat BETWEEN ? AND ? ORDER BY created_at LIMIT 50`,
		k.CategoryID, k.ID, k.CreatedAt.Add(-window), k.CreatedAt.Add(window), *k.Lat-dLat, *k.Lat+dLat)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		o, err := scanCase(rows)
		if err != nil {
			return nil, err
		}
		if o.Lng == nil || domain.Distance(*k.Lat, *k.Lng, *o.Lat, *o.Lng) > radius || !e.sees(actor, &o) {
			continue
		}
		e.name(&o, c.Now)
		out = append(out, o)
	}
	return out, rows.Err()
}
