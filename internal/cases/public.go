package cases

import (
	"context"
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"
	"time"

	"wenming/internal/domain"
	"wenming/internal/files"
	"wenming/internal/store"
)

// resident is the actor behind the public snap page: no account, no scope.
var resident = &domain.Actor{Username: "resident", RealName: "市民"}

// Upload is one photo sent with a resident's report.
type Upload struct {
	Name string
	Body io.Reader
}

// ResidentInput is a resident's report from the public page.
type ResidentInput struct {
	ClientKey   string   `json:"clientKey"`
	CategoryID  int64    `json:"categoryId"`
	Description string   `json:"description"`
	Address     string   `json:"address"`
	Lat         *float64 `json:"lat"`
	Lng         *float64 `json:"lng"`
	RegionID    *int64   `json:"regionId"`
	Phone       string   `json:"phone"`
}

// Receipt is what a resident keeps: the token is their key to the case.
type Receipt struct {
	Token string `json:"token"`
	Code  string `json:"code"`
	State string `json:"state"`
}

// maxResidentPhotos bounds one report.
const maxResidentPhotos = 6

// SnapByResident takes a resident's report with its photos. A repeated
// client key returns the first report's receipt without storing anything,
// so a resident who lost signal can press send again.
func (s *Service) SnapByResident(ctx context.Context, in ResidentInput, photos []Upload) (_ Receipt, _ bool, err error) {
	defer domain.Wrap(&err, "cases.SnapByResident")
	in.ClientKey = strings.TrimSpace(in.ClientKey)
	if in.ClientKey == "" {
		return Receipt{}, false, domain.Invalid("clientKey", "缺少客户端编号（clientKey），请刷新页面后重试")
	}
	intake := IntakeInput{ClientKey: in.ClientKey, Source: "resident_snap", CategoryID: in.CategoryID, Description: in.Description,
		Address: in.Address, Lat: in.Lat, Lng: in.Lng, RegionID: in.RegionID, ReporterName: "市民", ReporterPhone: strings.TrimSpace(in.Phone)}
	if id, ok, err := seen(ctx, s.db.Read(), intake); err != nil || ok {
		if err != nil {
			return Receipt{}, false, err
		}
		r, err := s.receipt(ctx, id)
		return r, false, err
	}
	if len(photos) == 0 {
		return Receipt{}, false, domain.Invalid("photos", "请至少拍摄或上传一张照片")
	}
	if len(photos) > maxResidentPhotos {
		return Receipt{}, false, domain.Invalid("photos", fmt.Sprintf("最多上传 %d 张照片", maxResidentPhotos))
	}
	// Check the form before storing any photo, so a bad form costs nothing.
	e, err := s.config(ctx)
	if err != nil {
		return Receipt{}, false, err
	}
	probe := intake
	probe.FileIDs = []int64{0}
	if _, err := probe.check(e, resident); err != nil {
		return Receipt{}, false, err
	}
	for _, p := range photos {
		f, err := s.files.Prepare(ctx, resident, p.Name, p.Body)
		if err != nil {
			if de, ok := domain.AsError(err); ok {
				de.Field = "photos"
			}
			return Receipt{}, false, err
		}
		if !f.Photo() {
			return Receipt{}, false, domain.Invalid("photos", "“"+f.Name()+"”不是照片：请上传 JPG、PNG、WEBP 或 HEIC 图片")
		}
		intake.uploads = append(intake.uploads, f)
	}
	id, created, err := s.intake(ctx, resident, intake, "")
	if err != nil {
		return Receipt{}, false, err
	}
	r, err := s.receipt(ctx, id)
	return r, created, err
}

func (s *Service) receipt(ctx context.Context, id int64) (Receipt, error) {
	var r Receipt
	err := s.db.Read().Get(ctx, "案件", `SELECT public_token, code, state FROM cases WHERE id = ?`, []any{id}, &r.Token, &r.Code, &r.State)
	return r, err
}

// PublicCase is what a resident sees of their case.
type PublicCase struct {
	Code          string        `json:"code"`
	State         State         `json:"state"`
	StateName     string        `json:"stateName"`
	Closing       string        `json:"closing"`
	ClosingName   string        `json:"closingName"`
	CategoryName  string        `json:"categoryName"`
	Description   string        `json:"description"`
	Address       string        `json:"address"`
	CreatedAt     time.Time     `json:"createdAt"`
	ClosedAt      *time.Time    `json:"closedAt"`
	Timeline      []PublicEvent `json:"timeline"`
	BeforePhotos  []Photo       `json:"beforePhotos"`
	AfterPhotos   []Photo       `json:"afterPhotos"`
	CanRate       bool          `json:"canRate"`
	CanReopen     bool          `json:"canReopen"`
	Rating        *int          `json:"rating"`
	RatingComment string        `json:"ratingComment"`
	MergedInto    *PublicCase   `json:"mergedInto"`
}

// PublicEvent is a step a resident may see: no names of officials, no
// internal notes except the reasons given to the public.
type PublicEvent struct {
	At   time.Time `json:"at"`
	Kind Kind      `json:"kind"`
	Name string    `json:"name"`
	Note string    `json:"note"`
}

// byToken finds the case a resident's token opens.
func (s *Service) byToken(ctx context.Context, c *store.Conn, token string, lock bool) (Case, error) {
	var id int64
	if len(token) < 16 {
		return Case{}, domain.NotFound("案件")
	}
	if err := c.Get(ctx, "案件", `SELECT id FROM cases WHERE public_token = ?`, []any{token}, &id); err != nil {
		return Case{}, err // not found, or a failed read (not the resident's mistake)
	}
	return s.load(ctx, c, id, lock)
}

// FollowCase returns a resident's case by its token; a merged case shows
// the case it was merged into.
func (s *Service) FollowCase(ctx context.Context, token string) (_ PublicCase, err error) {
	defer domain.Wrap(&err, "cases.FollowCase")
	e, err := s.config(ctx)
	if err != nil {
		return PublicCase{}, err
	}
	c := s.db.Read()
	k, err := s.byToken(ctx, c, token, false)
	if err != nil {
		return PublicCase{}, err
	}
	p, err := s.public(ctx, c, e, k, token)
	if err != nil || k.MergedInto == nil {
		return p, err
	}
	into, err := s.load(ctx, c, *k.MergedInto, false)
	if err != nil {
		return p, err
	}
	survivor, err := s.public(ctx, c, e, into, token)
	p.MergedInto = &survivor
	return p, err
}

func (s *Service) public(ctx context.Context, c *store.Conn, e *caseConfig, k Case, token string) (PublicCase, error) {
	url := func(fileID int64, size string) string {
		return fmt.Sprintf("/api/v1/public/cases/%s/photos/%d?size=%s", token, fileID, size)
	}
	d, err := s.detail(ctx, c, e, nil, k, url)
	if err != nil {
		return PublicCase{}, err
	}
	p := PublicCase{Code: k.Code, State: k.State, StateName: stateName(k.State), Closing: k.Closing, ClosingName: domain.NameOf(Closings, k.Closing),
		CategoryName: d.CategoryPath, Description: k.Description, Address: k.Address, CreatedAt: k.CreatedAt, ClosedAt: k.ClosedAt,
		BeforePhotos: d.BeforePhotos, AfterPhotos: d.AfterPhotos, Rating: k.Rating, RatingComment: k.RatingComment, Timeline: []PublicEvent{}}
	for _, ev := range d.Timeline {
		meaning := stepKind(ev.Kind)
		if meaning.Visibility == Internal {
			continue
		}
		pe := PublicEvent{At: ev.At, Kind: ev.Kind, Name: meaning.Name}
		if meaning.Visibility == PublicNote {
			pe.Note = ev.Note
		}
		p.Timeline = append(p.Timeline, pe)
	}
	p.CanRate = k.State == StateClosed && k.Rating == nil && k.Closing != "duplicate"
	p.CanReopen = e.canReopen(&k, c.Now)
	return p, nil
}

func (e *caseConfig) canReopen(k *Case, now time.Time) bool {
	if k.State != StateClosed || k.ClosedAt == nil || k.Closing == "duplicate" {
		return false
	}
	return now.Sub(*k.ClosedAt) <= time.Duration(e.settingsOf(k.JurisdictionID).ReopenDays)*24*time.Hour
}

// RatingInput is a resident's rating of the result.
type RatingInput struct {
	Rating  int    `json:"rating"`
	Comment string `json:"comment"`
}

// Rate records the resident's satisfaction with a closed case, once.
func (s *Service) Rate(ctx context.Context, token string, in RatingInput) (_ PublicCase, err error) {
	defer domain.Wrap(&err, "cases.Rate")
	if in.Rating < 1 || in.Rating > 5 {
		return PublicCase{}, domain.Invalid("rating", "评价须为 1–5 星")
	}
	comment, err := optText("comment", in.Comment)
	if err != nil {
		return PublicCase{}, err
	}
	err = s.byResident(ctx, token, func(e *caseConfig, k *Case) (step, error) {
		if k.State != StateClosed || k.Closing == "duplicate" {
			return step{}, domain.Conflict("rating", "案件办结后才能评价")
		}
		if k.Rating != nil {
			return step{}, domain.Conflict("rating", "您已评价过")
		}
		k.Rating, k.RatingComment, k.ratedAt = &in.Rating, comment, ptr(e.now())
		return step{kind: KindRated, note: comment, data: map[string]any{"rating": in.Rating}}, nil
	})
	if err != nil {
		return PublicCase{}, err
	}
	return s.FollowCase(ctx, token)
}

// Reopen lets a resident who is not satisfied reopen a closed case within
// the set days; it goes back to the office to dispatch again.
func (s *Service) Reopen(ctx context.Context, token string, in ReasonInput) (_ PublicCase, err error) {
	defer domain.Wrap(&err, "cases.Reopen")
	reason, err := needText("reason", "重新打开的理由", in.Reason)
	if err != nil {
		return PublicCase{}, err
	}
	err = s.byResident(ctx, token, func(e *caseConfig, k *Case) (step, error) {
		if !e.canReopen(k, e.now()) {
			return step{}, domain.Conflict("reason", fmt.Sprintf("只有办结 %d 天内的案件可以重新打开", e.settingsOf(k.JurisdictionID).ReopenDays))
		}
		k.State, k.Closing, k.ClosedAt, k.ReportedAt, k.AcceptedAt, k.Deadline = StateRegistered, "", nil, nil, nil, nil
		k.Rating, k.RatingComment, k.ratedAt = nil, "", nil
		k.ReopenCount++
		return step{kind: KindReopened, note: reason}, nil
	})
	if err != nil {
		return PublicCase{}, err
	}
	return s.FollowCase(ctx, token)
}

func (s *Service) byResident(ctx context.Context, token string, fn func(e *caseConfig, k *Case) (step, error)) error {
	e, err := s.config(ctx)
	if err != nil {
		return err
	}
	return s.db.Write(ctx, func(c *store.Conn) error {
		k, err := s.byToken(ctx, c, token, true)
		if err != nil {
			return err
		}
		return s.apply(ctx, c, resident, e, &k, func() (step, error) { return fn(e, &k) })
	})
}

// PublicPhoto returns a photo of a resident's case.
func (s *Service) PublicPhoto(ctx context.Context, token string, fileID int64, size string) (_ files.File, _ io.ReadCloser, err error) {
	defer domain.Wrap(&err, "cases.PublicPhoto %d", fileID)
	k, err := s.byToken(ctx, s.db.Read(), token, false)
	if err != nil {
		return files.File{}, nil, err
	}
	f, r, err := s.files.OpenAttached(ctx, "case", k.ID, fileID, size)
	if err == nil || k.MergedInto == nil {
		return f, r, err
	}
	return s.files.OpenAttached(ctx, "case", *k.MergedInto, fileID, size)
}

// CaseForm is what the public page needs to draw its form.
type CaseForm struct {
	Categories []FormItem `json:"categories"`
	Regions    []FormItem `json:"regions"`
	Bounds     Bounds     `json:"bounds"`
}

// FormItem is a choice of the public form.
type FormItem struct {
	ID       int64  `json:"id"`
	Name     string `json:"name"`
	ParentID *int64 `json:"parentId"`
}

// Form returns the active categories, the regions and the area.
func (s *Service) Form(ctx context.Context) (_ CaseForm, err error) {
	defer domain.Wrap(&err, "cases.Form")
	e, err := s.config(ctx)
	if err != nil {
		return CaseForm{}, err
	}
	_, cats, err := s.loadCategories(ctx, s.db.Read())
	if err != nil {
		return CaseForm{}, err
	}
	out := CaseForm{Bounds: e.settingsOf(nil).Bounds, Categories: []FormItem{}, Regions: []FormItem{}}
	// Counties keep categories of the same name (each its 乱扔垃圾); the
	// resident tells them apart by the county, which places the report.
	named := map[string]int{}
	for _, k := range cats {
		if k.Active {
			named[k.Name]++
		}
	}
	for _, k := range cats {
		if !k.Active {
			continue
		}
		name := k.Name
		if j, ok := e.jurisdictions.ByID(deref(k.JurisdictionID)); ok && named[k.Name] > 1 {
			name += "（" + j.Name + "）"
		}
		out.Categories = append(out.Categories, FormItem{ID: k.ID, Name: name, ParentID: k.ParentID})
	}
	regions := slices.Collect(maps.Values(e.regions))
	slices.SortFunc(regions, func(a, b domain.Region) int { return strings.Compare(a.Code, b.Code) })
	for _, r := range regions {
		if len(r.Code) <= 12 { // down to communities; grids are too fine for residents
			out.Regions = append(out.Regions, FormItem{ID: r.ID, Name: r.Name, ParentID: r.ParentID})
		}
	}
	return out, nil
}
