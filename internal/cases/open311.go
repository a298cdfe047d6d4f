package cases

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"wenming/internal/domain"
	"wenming/internal/store"
)

// The Open311 GeoReport v2 adapter (internal/open311) works through the
// methods of this file: the catalogue as services, a report from an
// outside system as a resident's case, and a public, read-only view of
// residents' cases and their public steps. They speak the engine's words;
// the adapter turns them into the wire format.

// Open311Sources are the sources whose cases the public Open311 endpoints
// show: residents' reports, whether from the snap page or from an Open311
// client. Inspections, assessments, hotline orders and the cadres' own
// snaps stay inside the console.
var Open311Sources = []string{"resident_snap"}

// Open311Window is the widest time span one Open311 query may cover, and
// the span it covers when the client names none.
const Open311Window = 90 * 24 * time.Hour

// Open311Limit bounds the records one Open311 query returns.
const Open311Limit = 1000

// Open311Service is an active category offered as a service: a second-level
// category, or a top-level one with no active sub-category.
type Open311Service struct {
	Code     string
	Name     string
	Path     string // "事件 / 乱扔垃圾"
	Group    string // the top-level category's name
	KindName string // 部件, 事件 or 创城专项
	Notice   string // what happens to a report of this kind
}

// Open311Services lists the services with the time the catalogue last
// changed (the discovery document's changeset).
func (s *Service) Open311Services(ctx context.Context) (_ []Open311Service, _ time.Time, err error) {
	defer domain.Wrap(&err, "cases.Open311Services")
	e, err := s.config(ctx)
	if err != nil {
		return nil, time.Time{}, err
	}
	c := s.db.Read()
	_, list, err := s.loadCategories(ctx, c)
	if err != nil {
		return nil, time.Time{}, err
	}
	out := []Open311Service{}
	for _, k := range list {
		if e.isService(k) {
			out = append(out, e.service(k))
		}
	}
	var changed time.Time
	err = c.Get(ctx, "案件类别", `SELECT updated_at FROM case_categories ORDER BY updated_at DESC LIMIT 1`, nil, &changed)
	if de, ok := domain.AsError(err); ok && de.Code == domain.CodeNotFound {
		err = nil
	}
	return out, changed, err
}

// Open311ServiceByCode returns one service by its code; a category that is not
// offered (unknown, inactive, or a parent of active sub-categories) is not
// found.
func (s *Service) Open311ServiceByCode(ctx context.Context, code string) (_ Open311Service, err error) {
	defer domain.Wrap(&err, "cases.Open311ServiceByCode")
	e, err := s.config(ctx)
	if err != nil {
		return Open311Service{}, err
	}
	k, err := e.serviceByCode(code)
	if err != nil {
		return Open311Service{}, err
	}
	return e.service(k), nil
}

// isService tells whether a category is offered: active, and no active
// category below it.
func (e *caseConfig) isService(k Category) bool {
	if !k.Active {
		return false
	}
	for _, o := range e.categories {
		if o.Active && o.ParentID != nil && *o.ParentID == k.ID {
			return false
		}
	}
	return true
}

func (e *caseConfig) serviceByCode(code string) (Category, error) {
	code = strings.TrimSpace(code)
	for _, k := range e.categories {
		if k.Code == code && e.isService(k) {
			return k, nil
		}
	}
	return Category{}, &domain.Error{Code: domain.CodeNotFound, Field: "service_code", Message: "服务类型（service_code）“" + clip(code, 40) + "”不存在或已停用"}
}

func (e *caseConfig) service(k Category) Open311Service {
	out := Open311Service{Code: k.Code, Name: k.Name, Path: k.Name, Group: k.Name, KindName: domain.NameOf(CategoryKinds, k.Kind), Notice: e.notice(k)}
	if k.ParentID != nil {
		parent := e.categories[*k.ParentID]
		out.Path, out.Group = parent.Name+" / "+k.Name, parent.Name
	}
	return out
}

// notice tells the reporter what happens next: the office registers the
// report and sends it to the unit in charge, which has the category's limit
// from the moment it accepts.
func (e *caseConfig) notice(k Category) string {
	return fmt.Sprintf("已收到您的反映。创城办核实立案后派遣责任单位处置，处置时限为责任单位签收后 %d 个%s。", k.LimitValue, limitUnitName(k.LimitUnit))
}

// Open311Input is a report from an Open311 client.
type Open311Input struct {
	ServiceCode  string
	Description  string
	Address      string
	Lat, Lng     *float64
	ReporterName string
	Phone        string
	// ClientKey makes a repeated submission return the first case; it is
	// kept apart per API token holder.
	ClientKey string
}

// Open311Receipt is what the client gets back: the case code is the
// service_request_id, the token the resident's key to follow the case.
type Open311Receipt struct {
	Code   string
	Token  string
	State  string
	Notice string
}

// Open311Submit takes a report sent by an outside system with its API
// token: it becomes a resident's report (市民随手拍) of the service's
// category, with its photos checked as on the resident page but none
// required. The token's holder is recorded as the one who brought it. A
// repeated client key returns the first receipt and created is false.
func (s *Service) Open311Submit(ctx context.Context, actor *domain.Actor, in Open311Input, photos []Upload) (_ Open311Receipt, _ bool, err error) {
	defer domain.Wrap(&err, "cases.Open311Submit")
	if actor == nil || actor.UserID == 0 {
		return Open311Receipt{}, false, domain.Forbidden("请提供有效的 API 令牌（api_key）")
	}
	if adminOnly(actor) {
		return Open311Receipt{}, false, domain.Forbidden("系统管理员、安全保密管理员和安全审计员账号不能提交案件")
	}
	e, err := s.config(ctx)
	if err != nil {
		return Open311Receipt{}, false, err
	}
	if strings.TrimSpace(in.ServiceCode) == "" {
		return Open311Receipt{}, false, domain.Invalid("service_code", "缺少服务类型（service_code）：请先通过 services 接口获取")
	}
	cat, err := e.serviceByCode(in.ServiceCode)
	if err != nil {
		return Open311Receipt{}, false, err
	}
	key := strings.TrimSpace(in.ClientKey)
	if key != "" {
		if err := domain.TextLimit("clientKey", "客户端编号（attribute[client_key]）", key, 64); err != nil {
			return Open311Receipt{}, false, err
		}
		key = fmt.Sprintf("o311:%d:%s", actor.UserID, key)
	}
	reporter := strings.TrimSpace(in.ReporterName)
	if reporter == "" {
		reporter = "市民"
	}
	intake := IntakeInput{ClientKey: key, Source: "resident_snap", CategoryID: cat.ID, Description: in.Description,
		Address: in.Address, Lat: in.Lat, Lng: in.Lng, ReporterName: reporter, ReporterPhone: strings.TrimSpace(in.Phone)}
	if id, ok, err := seen(ctx, s.db.Read(), intake); err != nil || ok {
		if err != nil {
			return Open311Receipt{}, false, err
		}
		r, err := s.open311Receipt(ctx, e, id)
		return r, false, err
	}
	if len(photos) > maxResidentPhotos {
		return Open311Receipt{}, false, domain.Invalid("media", fmt.Sprintf("最多上传 %d 张照片", maxResidentPhotos))
	}
	// Check the form before storing any photo, so a bad form costs nothing.
	probe := intake
	if len(photos) > 0 {
		probe.FileIDs = []int64{0}
	}
	if _, err := probe.check(e, actor); err != nil {
		return Open311Receipt{}, false, err
	}
	for _, p := range photos {
		f, err := s.files.Prepare(ctx, actor, p.Name, p.Body)
		if err != nil {
			if de, ok := domain.AsError(err); ok {
				de.Field = "media"
			}
			return Open311Receipt{}, false, err
		}
		if !f.Photo() {
			return Open311Receipt{}, false, domain.Invalid("media", "“"+f.Name()+"”不是照片：请上传 JPG、PNG、WEBP 或 HEIC 图片")
		}
		intake.uploads = append(intake.uploads, f)
	}
	id, created, err := s.intake(ctx, actor, intake, "")
	if err != nil {
		return Open311Receipt{}, false, err
	}
	r, err := s.open311Receipt(ctx, e, id)
	return r, created, err
}

func (s *Service) open311Receipt(ctx context.Context, e *caseConfig, id int64) (Open311Receipt, error) {
	var r Open311Receipt
	var category int64
	err := s.db.Read().Get(ctx, "案件", `SELECT public_token, code, state, category_id FROM cases WHERE id = ?`, []any{id}, &r.Token, &r.Code, &r.State, &category)
	r.Notice = e.notice(e.categories[category])
	return r, err
}

// Open311Token returns the case code a resident's token opens, for the
// cases the Open311 endpoints show.
func (s *Service) Open311Token(ctx context.Context, token string) (_ string, err error) {
	defer domain.Wrap(&err, "cases.Open311Token")
	k, err := s.byToken(ctx, s.db.Read(), strings.TrimSpace(token), false)
	if de, ok := domain.AsError(err); (ok && de.Code == domain.CodeNotFound) || (err == nil && !slices.Contains(Open311Sources, k.Source)) {
		return "", domain.NotFound("令牌（token）对应的案件")
	} else if err != nil {
		return "", err
	}
	return k.Code, nil
}

// Open311Filter selects cases for GET requests. Codes, when given, win over
// every other condition; otherwise the cases reported within [From, To].
type Open311Filter struct {
	Codes        []string
	ServiceCodes []string
	From, To     *time.Time
	Open, Closed bool // both false: any status
}

// Open311Request is what the public may see of a case: no reporter, no
// phone, no internal notes.
type Open311Request struct {
	Code        string
	Closed      bool
	StatusNotes string
	ServiceCode string
	ServiceName string
	Description string
	Agency      string // the lead unit
	Notice      string
	Address     string
	Lat, Lng    *float64
	RequestedAt time.Time
	UpdatedAt   time.Time // when it closed, or its last public step
	ExpectedAt  *time.Time
}

// Open311Span resolves an Open311 time window: with neither end, the last
// 90 days; with one end, 90 days from or up to it; never wider than 90
// days.
func Open311Span(now time.Time, from, to *time.Time) (time.Time, time.Time, error) {
	switch {
	case from == nil && to == nil:
		return now.Add(-Open311Window), now, nil
	case from == nil:
		return to.Add(-Open311Window), *to, nil
	case to == nil:
		return *from, from.Add(Open311Window), nil
	}
	if to.Before(*from) {
		return time.Time{}, time.Time{}, domain.Invalid("end_date", "结束时间（end_date）不能早于开始时间（start_date）")
	}
	if to.Sub(*from) > Open311Window {
		return time.Time{}, time.Time{}, domain.Invalid("end_date", "查询时间跨度不能超过 90 天（start_date 与 end_date 之间）")
	}
	return *from, *to, nil
}

// Open311Requests lists residents' cases, newest first, at most
// Open311Limit of them.
func (s *Service) Open311Requests(ctx context.Context, f Open311Filter) (_ []Open311Request, err error) {
	defer domain.Wrap(&err, "cases.Open311Requests")
	e, err := s.config(ctx)
	if err != nil {
		return nil, err
	}
	c := s.db.Read()
	conds := []string{`c.source IN (` + store.Placeholders(len(Open311Sources)) + `)`}
	var args []any
	for _, src := range Open311Sources {
		args = append(args, src)
	}
	if len(f.Codes) > 0 {
		if len(f.Codes) > Open311Limit {
			return nil, domain.Invalid("service_request_id", fmt.Sprintf("一次最多查询 %d 个案件编号", Open311Limit))
		}
		conds = append(conds, `c.code IN (`+store.Placeholders(len(f.Codes))+`)`)
		for _, code := range f.Codes {
			args = append(args, code)
		}
	} else {
		from, to, err := Open311Span(c.Now, f.From, f.To)
		if err != nil {
			return nil, err
		}
		conds = append(conds, `c.created_at >= ?`, `c.created_at <= ?`)
		args = append(args, from.UTC(), to.UTC())
		if len(f.ServiceCodes) > 0 {
			var cats []int64
			for id, k := range e.categories {
				if slices.Contains(f.ServiceCodes, k.Code) {
					cats = append(cats, id)
				}
			}
			conds = append(conds, `c.category_id IN (`+ids(cats)+`)`)
		}
		if f.Open != f.Closed {
			if f.Closed {
				conds = append(conds, `c.state = 'closed'`)
			} else {
				conds = append(conds, `c.state <> 'closed'`)
			}
		}
	}
	list, err := s.query(ctx, c, e, ` WHERE `+strings.Join(conds, " AND ")+fmt.Sprintf(` ORDER BY c.created_at DESC, c.id DESC LIMIT %d`, Open311Limit), args)
	if err != nil {
		return nil, err
	}
	steps, err := publicSteps(ctx, c, list)
	if err != nil {
		return nil, err
	}
	out := make([]Open311Request, 0, len(list))
	for _, k := range list {
		cat := e.categories[k.CategoryID]
		r := Open311Request{Code: k.Code, Closed: k.State == StateClosed, ServiceCode: cat.Code, ServiceName: cat.Name, Description: k.Description,
			Agency: k.LeadUnitName, Notice: e.notice(cat), Address: k.Address, Lat: k.Lat, Lng: k.Lng, RequestedAt: k.CreatedAt,
			UpdatedAt: k.CreatedAt, ExpectedAt: k.Deadline}
		r.StatusNotes = stateName(k.State)
		// A closed case was last updated when it closed (a rating comes
		// later); an open one at its last public step.
		for _, st := range steps[k.ID] {
			if !r.Closed {
				r.UpdatedAt = st.at
			} else if meaning := stepKind(st.kind); meaning.Closes {
				r.UpdatedAt = st.at
				r.StatusNotes = domain.NameOf(Closings, k.Closing)
				if meaning.Visibility == PublicNote && st.note != "" {
					r.StatusNotes += "：" + st.note
				}
			}
		}
		out = append(out, r)
	}
	return out, nil
}

type publicStep struct {
	kind Kind
	note string
	at   time.Time
}

// publicSteps reads the steps residents may see of each case, in order.
func publicSteps(ctx context.Context, c *store.Conn, list []Case) (map[int64][]publicStep, error) {
	out := map[int64][]publicStep{}
	if len(list) == 0 {
		return out, nil
	}
	caseIDs := make([]int64, 0, len(list))
	for _, k := range list {
		caseIDs = append(caseIDs, k.ID)
	}
	rows, err := c.Query(ctx, `SELECT case_id, kind, note, at FROM case_events WHERE case_id IN (`+ids(caseIDs)+`) ORDER BY id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var st publicStep
		if err := rows.Scan(&id, &st.kind, &st.note, &st.at); err != nil {
			return nil, err
		}
		if stepKind(st.kind).Visibility != Internal {
			out[id] = append(out[id], st)
		}
	}
	return out, rows.Err()
}

// Open311Update is one public step of a resident's case.
type Open311Update struct {
	ID          int64
	Code        string
	Closed      bool // the case's status after the step
	At          time.Time
	Description string // the step's name and, where residents see it, its note
}

// Open311Updates lists the public steps taken within a window (see
// Open311Span), oldest first, at most Open311Limit of them, so a client
// that asks again from the last one it saw misses nothing.
func (s *Service) Open311Updates(ctx context.Context, from, to *time.Time) (_ []Open311Update, err error) {
	defer domain.Wrap(&err, "cases.Open311Updates")
	c := s.db.Read()
	start, end, err := Open311Span(c.Now, from, to)
	if err != nil {
		return nil, err
	}
	args := []any{}
	for _, src := range Open311Sources {
		args = append(args, src)
	}
	kinds := publicKinds()
	for _, k := range kinds {
		args = append(args, string(k))
	}
	args = append(args, start.UTC(), end.UTC())
	rows, err := c.Query(ctx, `SELECT ev.id, c.code, ev.kind, ev.note, ev.at FROM case_events ev JOIN cases c ON c.id = ev.case_id
		WHERE c.source IN (`+store.Placeholders(len(Open311Sources))+`) AND ev.kind IN (`+store.Placeholders(len(kinds))+`) AND ev.at >= ? AND ev.at <= ?
		ORDER BY ev.at, ev.id LIMIT `+fmt.Sprint(Open311Limit), args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []Open311Update{}
	for rows.Next() {
		var u Open311Update
		var kind Kind
		var note string
		if err := rows.Scan(&u.ID, &u.Code, &kind, &note, &u.At); err != nil {
			return nil, err
		}
		meaning := stepKind(kind)
		u.Closed = meaning.Closes || kind == KindRated // a rating follows the closing
		u.Description = meaning.Name
		if meaning.Visibility == PublicNote && note != "" {
			u.Description += "：" + note
		}
		out = append(out, u)
	}
	return out, rows.Err()
}
