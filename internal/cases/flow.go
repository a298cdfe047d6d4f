package cases

import (
	"context"
	"fmt"
	"reflect"
	"slices"
	"strings"

	"wenming/internal/audit"
	"wenming/internal/domain"
	"wenming/internal/store"
	"wenming/internal/webhook"
)

// step is what an action did: the timeline event it writes and the photos
// it brings.
type step struct {
	kind   Kind
	note   string
	data   map[string]any
	phase  string
	photos []int64
}

const selectCase = `SELECT id, code, source, COALESCE(external_id, ''), state, closing, category_id, description, address, lat, lng, region_id, point_id,
	lead_unit_id, reporter_id, reporter_name, reporter_phone, public_token, limit_minutes, registered_at, dispatched_at, accepted_at, deadline_at,
	reported_at, closed_at, overdue_at, reminded_at, extra_minutes, rework_count, return_count, hop_count, reopen_count, merged_into,
	rating, rating_comment, rated_at, created_at, jurisdiction_id FROM cases`

func scanCase(r interface{ Scan(...any) error }) (Case, error) {
	var k Case
	err := r.Scan(&k.ID, &k.Code, &k.Source, &k.ExternalID, &k.State, &k.Closing, &k.CategoryID, &k.Description, &k.Address, &k.Lat, &k.Lng,
		&k.RegionID, &k.PointID, &k.LeadUnitID, &k.reporterID, &k.ReporterName, &k.phone, &k.publicToken, &k.LimitMinutes,
		&k.RegisteredAt, &k.DispatchedAt, &k.AcceptedAt, &k.Deadline, &k.ReportedAt, &k.ClosedAt, &k.overdueAt, &k.remindedAt,
		&k.extraMinutes, &k.ReworkCount, &k.ReturnCount, &k.HopCount, &k.ReopenCount, &k.MergedInto, &k.Rating, &k.RatingComment,
		&k.ratedAt, &k.CreatedAt, &k.JurisdictionID)
	return k, err
}

// load reads one case with its co-handling units, locking it for a change.
func (s *Service) load(ctx context.Context, c *store.Conn, id int64, lock bool) (Case, error) {
	q := selectCase + ` WHERE id = ?`
	if lock {
		q += c.ForUpdate()
	}
	k, err := scanCase(c.QueryRow(ctx, q, id))
	k.snapshot()
	if err != nil {
		if err2 := c.Get(ctx, "案件", `SELECT id FROM cases WHERE id = ?`, []any{id}, new(int64)); err2 != nil {
			return k, err2
		}
		return k, err
	}
	if k.coUnitIDs, err = coUnits(ctx, c, id); err != nil {
		return k, err
	}
	err = c.QueryRow(ctx, `SELECT COUNT(*), COALESCE(SUM(minutes), 0) FROM case_extensions WHERE case_id = ? AND state = 'pending'`, id).Scan(&k.pending, &k.pendingMinutes)
	k.ExtensionPending = k.pending > 0
	return k, err
}

func coUnits(ctx context.Context, c *store.Conn, id int64) ([]int64, error) {
	rows, err := c.Query(ctx, `SELECT unit_id FROM case_units WHERE case_id = ? ORDER BY unit_id`, id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var u int64
		if err := rows.Scan(&u); err != nil {
			return nil, err
		}
		ids = append(ids, u)
	}
	return ids, rows.Err()
}

// act runs one action on a case: lock it, check the actor sees it, let fn
// decide and change it, then write it back with its event, photos, audit
// entry, webhooks and clock, all in one transaction.
func (s *Service) act(ctx context.Context, actor *domain.Actor, id int64, fn func(c *store.Conn, e *caseConfig, k *Case) (step, error)) (CaseDetail, error) {
	e, err := s.config(ctx)
	if err != nil {
		return CaseDetail{}, err
	}
	var k Case
	err = s.db.Write(ctx, func(c *store.Conn) error {
		if k, err = s.load(ctx, c, id, true); err != nil {
			return err
		}
		if !e.sees(actor, &k) {
			return domain.Forbidden("该案件不在您的数据范围内")
		}
		return s.apply(ctx, c, actor, e, &k, func() (step, error) { return fn(c, e, &k) })
	})
	if err != nil {
		return CaseDetail{}, err
	}
	// The case as written answers; its timeline and photos are read anew.
	return s.detail(ctx, s.db.Read(), e, actor, k, consoleURL)
}

// apply runs a decided step inside a transaction.
func (s *Service) apply(ctx context.Context, c *store.Conn, actor *domain.Actor, e *caseConfig, k *Case, fn func() (step, error)) error {
	e.at = c.Now
	st, err := fn()
	if err != nil {
		return err
	}
	if err := save(ctx, c, k); err != nil {
		return err
	}
	ev, err := s.addEvent(ctx, c, actor, k, st)
	if err != nil {
		return err
	}
	if err := s.attachPhotos(ctx, c, actor, k, ev, st.phase, st.photos); err != nil {
		return err
	}
	meaning := stepKind(st.kind)
	summary := fmt.Sprintf("案件 %s：%s", k.Code, meaning.Name)
	if st.note != "" {
		summary += "（" + clip(st.note, 60) + "）"
	}
	if err := audit.Record(ctx, c, actor, audit.Change{Action: string(st.kind), Entity: "case", EntityID: k.ID, Summary: summary, After: st.data}); err != nil {
		return err
	}
	if meaning.Reschedule {
		if err := schedule(ctx, c, e, k); err != nil {
			return err
		}
	}
	if meaning.Webhook != "" {
		return s.notify(ctx, c, meaning.Webhook, k, e)
	}
	return nil
}

// notify queues a case event for the deployer's gateways.
func (s *Service) notify(ctx context.Context, c *store.Conn, event string, k *Case, e *caseConfig) error {
	e.name(k, c.Now)
	return webhook.Enqueue(ctx, c, event, k.ID, k.JurisdictionID, map[string]any{
		"id": k.ID, "code": k.Code, "state": k.State, "closing": k.Closing, "source": k.Source, "category": k.CategoryPath,
		"description": k.Description, "address": k.Address, "lat": k.Lat, "lng": k.Lng, "leadUnitId": k.LeadUnitID, "leadUnit": k.LeadUnitName,
		"deadline": k.Deadline, "externalId": k.ExternalID,
	})
}

func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}

// caseColumns are the columns an action may change, with their values.
var caseColumns = []struct {
	name  string
	value func(k *Case) any
}{
	{"state", func(k *Case) any { return k.State }}, {"closing", func(k *Case) any { return k.Closing }},
	{"category_id", func(k *Case) any { return k.CategoryID }}, {"region_id", func(k *Case) any { return k.RegionID }},
	{"lead_unit_id", func(k *Case) any { return k.LeadUnitID }}, {"limit_minutes", func(k *Case) any { return k.LimitMinutes }},
	{"registered_at", func(k *Case) any { return k.RegisteredAt }}, {"dispatched_at", func(k *Case) any { return k.DispatchedAt }},
	{"accepted_at", func(k *Case) any { return k.AcceptedAt }}, {"deadline_at", func(k *Case) any { return k.Deadline }},
	{"reported_at", func(k *Case) any { return k.ReportedAt }}, {"closed_at", func(k *Case) any { return k.ClosedAt }},
	{"overdue_at", func(k *Case) any { return k.overdueAt }}, {"reminded_at", func(k *Case) any { return k.remindedAt }},
	{"extra_minutes", func(k *Case) any { return k.extraMinutes }}, {"rework_count", func(k *Case) any { return k.ReworkCount }},
	{"return_count", func(k *Case) any { return k.ReturnCount }}, {"hop_count", func(k *Case) any { return k.HopCount }},
	{"reopen_count", func(k *Case) any { return k.ReopenCount }}, {"merged_into", func(k *Case) any { return k.MergedInto }},
	{"rating", func(k *Case) any { return k.Rating }}, {"rating_comment", func(k *Case) any { return k.RatingComment }},
	{"rated_at", func(k *Case) any { return k.ratedAt }}, {"jurisdiction_id", func(k *Case) any { return k.JurisdictionID }},
}

// snapshot keeps the values of the changeable columns as read, pointers
// followed, so that save writes only what an action changed.
func (k *Case) snapshot() {
	k.stored = make([]any, len(caseColumns))
	for i, col := range caseColumns {
		k.stored[i] = plain(col.value(k))
	}
	k.countedAs = k.counted()
}

func plain(v any) any {
	r := reflect.ValueOf(v)
	if r.Kind() != reflect.Pointer {
		return v
	}
	if r.IsNil() {
		return nil
	}
	return r.Elem().Interface()
}

// save writes back the columns an action changed (all of them for a case
// not read through load). Rewriting unchanged columns would rewrite their
// indexes too: the cases table has seven.
func save(ctx context.Context, c *store.Conn, k *Case) error {
	var set strings.Builder
	var args []any
	for i, col := range caseColumns {
		v := col.value(k)
		if k.stored != nil && reflect.DeepEqual(plain(v), k.stored[i]) {
			continue
		}
		set.WriteString(col.name + " = ?, ")
		args = append(args, v)
	}
	if _, err := c.Exec(ctx, `UPDATE cases SET `+set.String()+`updated_at = ? WHERE id = ?`, append(args, c.Now, k.ID)...); err != nil {
		return err
	}
	if err := moveCounters(ctx, c, k.countedAs, k.counted()); err != nil {
		return err
	}
	k.snapshot()
	if !k.coUnitsEdited {
		return nil
	}
	if _, err := c.Exec(ctx, `DELETE FROM case_units WHERE case_id = ?`, k.ID); err != nil {
		return err
	}
	for _, u := range k.coUnitIDs {
		if _, err := c.Exec(ctx, `INSERT INTO case_units (case_id, unit_id) VALUES (?, ?)`, k.ID, u); err != nil {
			return err
		}
	}
	return nil
}

func needText(field, name, v string) (string, error) {
	v = strings.TrimSpace(v)
	if v == "" {
		return "", domain.Invalid(field, "请填写"+name)
	}
	return v, domain.TextLimit(field, name, v, 500)
}

func optText(field, v string) (string, error) {
	v = strings.TrimSpace(v)
	return v, domain.TextLimit(field, "说明", v, 500)
}

// NoteInput is a free note or a reason.
type NoteInput struct {
	Note string `json:"note"`
}

// ReasonInput gives the reason of a decline or a return.
type ReasonInput struct {
	Reason string `json:"reason"`
}

// RegisterInput confirms a case is a real problem, correcting its category
// or area if needed.
type RegisterInput struct {
	CategoryID *int64 `json:"categoryId"`
	RegionID   *int64 `json:"regionId"`
	Note       string `json:"note"`
}

// Register accepts a reported problem as a case (立案).
func (s *Service) Register(ctx context.Context, actor *domain.Actor, id int64, in RegisterInput) (_ CaseDetail, err error) {
	defer domain.Wrap(&err, "cases.Register %d", id)
	return s.act(ctx, actor, id, func(c *store.Conn, e *caseConfig, k *Case) (step, error) {
		if err := e.may(actor, k, ActRegister); err != nil {
			return step{}, err
		}
		note, err := optText("note", in.Note)
		if err != nil {
			return step{}, err
		}
		if err := e.recategorize(k, in.CategoryID, in.RegionID); err != nil {
			return step{}, err
		}
		k.State, k.RegisteredAt = StateRegistered, ptr(e.now())
		return step{kind: KindRegistered, note: note}, nil
	})
}

func (e *caseConfig) recategorize(k *Case, categoryID, regionID *int64) error {
	if categoryID != nil {
		cat, ok := e.categories[*categoryID]
		if !ok || !cat.Active {
			return domain.Invalid("categoryId", "问题类别不存在或已停用")
		}
		k.CategoryID, k.LimitMinutes = cat.ID, cat.limitMinutes(e.cal)
	}
	if regionID != nil {
		if _, ok := e.regions[*regionID]; !ok {
			return domain.Invalid("regionId", "所在区域不存在")
		}
		k.RegionID = regionID
	}
	return nil
}

// Decline refuses a report (不予立案) with a reason the reporter sees.
func (s *Service) Decline(ctx context.Context, actor *domain.Actor, id int64, in ReasonInput) (_ CaseDetail, err error) {
	defer domain.Wrap(&err, "cases.Decline %d", id)
	return s.act(ctx, actor, id, func(c *store.Conn, e *caseConfig, k *Case) (step, error) {
		if err := e.may(actor, k, ActDecline); err != nil {
			return step{}, err
		}
		reason, err := needText("reason", "不予立案的理由", in.Reason)
		if err != nil {
			return step{}, err
		}
		e.close(k, "declined")
		return step{kind: KindDeclined, note: reason}, nil
	})
}

func (e *caseConfig) close(k *Case, closing string) {
	k.State, k.Closing, k.ClosedAt = StateClosed, closing, ptr(e.now())
}

// DispatchInput sends a case to a lead unit and co-handling units.
type DispatchInput struct {
	UnitID    *int64  `json:"unitId"`
	CoUnitIDs []int64 `json:"coUnitIds"`
	Note      string  `json:"note"`
}

// Dispatch sends a case to its handling unit (派遣): the one given, or the
// one the rules choose.
func (s *Service) Dispatch(ctx context.Context, actor *domain.Actor, id int64, in DispatchInput) (_ CaseDetail, err error) {
	defer domain.Wrap(&err, "cases.Dispatch %d", id)
	return s.act(ctx, actor, id, func(c *store.Conn, e *caseConfig, k *Case) (step, error) {
		if err := e.may(actor, k, ActDispatch); err != nil {
			return step{}, err
		}
		return dispatchStep(e, k, in)
	})
}

func dispatchStep(e *caseConfig, k *Case, in DispatchInput) (step, error) {
	note, err := optText("note", in.Note)
	if err != nil {
		return step{}, err
	}
	unit, byRule := deref(in.UnitID), false
	if unit == 0 {
		regionCode := ""
		if k.RegionID != nil {
			regionCode = e.regions[*k.RegionID].Code
		}
		var ok bool
		if unit, ok = e.matchRule(k, regionCode); !ok {
			return step{}, domain.Invalid("unitId", "没有适用的派遣规则，请选择处置单位")
		}
		byRule = true
	}
	if err := e.setUnits(k, unit, in.CoUnitIDs); err != nil {
		return step{}, err
	}
	if k.RegisteredAt == nil {
		k.RegisteredAt = ptr(e.now())
	}
	k.State, k.DispatchedAt = StateDispatched, ptr(e.now())
	data := map[string]any{"unitId": unit, "unit": e.units[unit].Name, "byRule": byRule}
	if len(k.coUnitIDs) > 0 {
		data["coUnits"] = e.unitNames(k.coUnitIDs)
	}
	return step{kind: KindDispatched, note: note, data: data}, nil
}

func (e *caseConfig) setUnits(k *Case, lead int64, co []int64) error {
	if _, ok := e.units[lead]; !ok {
		return domain.Invalid("unitId", "处置单位不存在")
	}
	if !e.serves(lead, k.JurisdictionID) {
		return e.notServing("unitId", "处置单位", lead, k.JurisdictionID)
	}
	clean := []int64{}
	for _, u := range co {
		if _, ok := e.units[u]; !ok {
			return domain.Invalid("coUnitIds", fmt.Sprintf("协办单位 %d 不存在", u))
		}
		if !e.serves(u, k.JurisdictionID) {
			return e.notServing("coUnitIds", "协办单位", u, k.JurisdictionID)
		}
		if u != lead && !slices.Contains(clean, u) {
			clean = append(clean, u)
		}
	}
	if len(clean) > 10 {
		return domain.Invalid("coUnitIds", "协办单位最多 10 个")
	}
	k.LeadUnitID, k.coUnitIDs, k.coUnitsEdited = &lead, clean, true
	return nil
}

func (e *caseConfig) unitNames(ids []int64) []string {
	out := []string{}
	for _, id := range ids {
		out = append(out, e.units[id].Name)
	}
	return out
}

// BulkDispatchInput dispatches several cases at once.
type BulkDispatchInput struct {
	CaseIDs   []int64 `json:"caseIds"`
	UnitID    *int64  `json:"unitId"`
	CoUnitIDs []int64 `json:"coUnitIds"`
	Note      string  `json:"note"`
}

// BulkResult says what a bulk dispatch did.
type BulkResult struct {
	Dispatched int          `json:"dispatched"`
	Failed     []BulkFailed `json:"failed"`
}

// BulkFailed is a case a bulk action could not move, and why.
type BulkFailed struct {
	CaseID  int64  `json:"caseId"`
	Message string `json:"message"`
}

// BulkDispatch dispatches each case on its own, so one refusal does not
// hold back the others.
func (s *Service) BulkDispatch(ctx context.Context, actor *domain.Actor, in BulkDispatchInput) (_ BulkResult, err error) {
	defer domain.Wrap(&err, "cases.BulkDispatch")
	if err := requireOffice(actor); err != nil {
		return BulkResult{}, err
	}
	if len(in.CaseIDs) == 0 || len(in.CaseIDs) > 200 {
		return BulkResult{}, domain.Invalid("caseIds", "请选择 1–200 个案件")
	}
	out := BulkResult{Failed: []BulkFailed{}}
	for _, id := range in.CaseIDs {
		if _, err := s.Dispatch(ctx, actor, id, DispatchInput{UnitID: in.UnitID, CoUnitIDs: in.CoUnitIDs, Note: in.Note}); err != nil {
			de, ok := domain.AsError(err)
			if !ok {
				return out, err
			}
			out.Failed = append(out.Failed, BulkFailed{CaseID: id, Message: de.Message})
			continue
		}
		out.Dispatched++
	}
	return out, nil
}

// Accept is the lead unit signing for the case (签收): the clock starts.
func (s *Service) Accept(ctx context.Context, actor *domain.Actor, id int64, in NoteInput) (_ CaseDetail, err error) {
	defer domain.Wrap(&err, "cases.Accept %d", id)
	return s.act(ctx, actor, id, func(c *store.Conn, e *caseConfig, k *Case) (step, error) {
		if err := e.may(actor, k, ActAccept); err != nil {
			return step{}, err
		}
		note, err := optText("note", in.Note)
		if err != nil {
			return step{}, err
		}
		now := e.now()
		k.State, k.AcceptedAt, k.extraMinutes = StateHandling, &now, 0
		k.Deadline, k.overdueAt, k.remindedAt = ptr(e.cal.Add(now, k.LimitMinutes)), nil, nil
		return step{kind: KindAccepted, note: note, data: map[string]any{"deadline": k.Deadline}}, nil
	})
}

// Return hands the case back to the office as not the unit's (退回).
func (s *Service) Return(ctx context.Context, actor *domain.Actor, id int64, in ReasonInput) (_ CaseDetail, err error) {
	defer domain.Wrap(&err, "cases.Return %d", id)
	return s.act(ctx, actor, id, func(c *store.Conn, e *caseConfig, k *Case) (step, error) {
		if err := e.may(actor, k, ActReturn); err != nil {
			return step{}, err
		}
		reason, err := needText("reason", "退回理由", in.Reason)
		if err != nil {
			return step{}, err
		}
		k.State = StateReturned
		k.ReturnCount++
		return step{kind: KindReturned, note: reason}, nil
	})
}

// RuleReturnInput is the office's ruling on a return.
type RuleReturnInput struct {
	Decision  string  `json:"decision"`
	UnitID    *int64  `json:"unitId"`
	CoUnitIDs []int64 `json:"coUnitIds"`
	Note      string  `json:"note"`
}

// RuleReturn upholds a return and reassigns the case, or refuses it and
// sends the case back to the same unit; each reassignment is a hop.
func (s *Service) RuleReturn(ctx context.Context, actor *domain.Actor, id int64, in RuleReturnInput) (_ CaseDetail, err error) {
	defer domain.Wrap(&err, "cases.RuleReturn %d", id)
	return s.act(ctx, actor, id, func(c *store.Conn, e *caseConfig, k *Case) (step, error) {
		if err := e.may(actor, k, ActRuleReturn); err != nil {
			return step{}, err
		}
		note, err := optText("note", in.Note)
		if err != nil {
			return step{}, err
		}
		k.State, k.DispatchedAt, k.AcceptedAt, k.Deadline = StateDispatched, ptr(e.now()), nil, nil
		switch in.Decision {
		case "refuse":
			return step{kind: KindReturnRefused, note: note}, nil
		case "uphold":
			if in.UnitID == nil {
				return step{}, domain.Invalid("unitId", "请选择改派的处置单位")
			}
			if *in.UnitID == deref(k.LeadUnitID) {
				return step{}, domain.Invalid("unitId", "改派单位不能是退回的原单位")
			}
			from := e.units[deref(k.LeadUnitID)].Name
			if err := e.setUnits(k, *in.UnitID, in.CoUnitIDs); err != nil {
				return step{}, err
			}
			k.HopCount++
			return step{kind: KindReturnUpheld, note: note,
				data: map[string]any{"from": from, "unitId": *in.UnitID, "unit": e.units[*in.UnitID].Name}}, nil
		}
		return step{}, domain.Invalid("decision", "裁定只能是同意改派（uphold）或驳回（refuse）")
	})
}

// ExtensionInput asks for more working time.
type ExtensionInput struct {
	Minutes int    `json:"minutes"`
	Reason  string `json:"reason"`
}

// RequestExtension asks the office for more time (申请延期).
func (s *Service) RequestExtension(ctx context.Context, actor *domain.Actor, id int64, in ExtensionInput) (_ CaseDetail, err error) {
	defer domain.Wrap(&err, "cases.RequestExtension %d", id)
	return s.act(ctx, actor, id, func(c *store.Conn, e *caseConfig, k *Case) (step, error) {
		if err := e.may(actor, k, ActRequestExtension); err != nil {
			return step{}, err
		}
		if in.Minutes < 30 || in.Minutes > 60*24*60 {
			return step{}, domain.Invalid("minutes", "延期时长应在 30 分钟到 60 个工作日之间")
		}
		reason, err := needText("reason", "延期理由", in.Reason)
		if err != nil {
			return step{}, err
		}
		if _, err := c.Insert(ctx, `INSERT INTO case_extensions (case_id, minutes, reason, state, created_at) VALUES (?, ?, ?, 'pending', ?)`, k.ID, in.Minutes, reason, c.Now); err != nil {
			return step{}, err
		}
		return step{kind: KindExtensionRequested, note: reason, data: map[string]any{"minutes": in.Minutes}}, nil
	})
}

// RuleExtensionInput is the office's ruling on an extension.
type RuleExtensionInput struct {
	Decision string `json:"decision"`
	Note     string `json:"note"`
}

// RuleExtension grants (the deadline moves by the asked working time) or
// refuses the pending extension.
func (s *Service) RuleExtension(ctx context.Context, actor *domain.Actor, id int64, in RuleExtensionInput) (_ CaseDetail, err error) {
	defer domain.Wrap(&err, "cases.RuleExtension %d", id)
	return s.act(ctx, actor, id, func(c *store.Conn, e *caseConfig, k *Case) (step, error) {
		if err := e.may(actor, k, ActRuleExtension); err != nil {
			return step{}, err
		}
		note, err := optText("note", in.Note)
		if err != nil {
			return step{}, err
		}
		if in.Decision == "refuse" || in.Decision == "grant" {
			state := map[string]string{"refuse": "refused", "grant": "granted"}[in.Decision]
			if _, err := c.Exec(ctx, `UPDATE case_extensions SET state = ?, ruled_note = ?, ruled_at = ? WHERE case_id = ? AND state = 'pending'`, state, note, c.Now, k.ID); err != nil {
				return step{}, err
			}
		}
		switch in.Decision {
		case "refuse":
			return step{kind: KindExtensionRefused, note: note}, nil
		case "grant":
			if k.State != StateHandling {
				return step{}, domain.Conflict("decision", fmt.Sprintf("案件当前为“%s”，只能驳回延期", stateName(k.State)))
			}
			k.extraMinutes += k.pendingMinutes
			k.Deadline = ptr(e.cal.Add(*k.Deadline, k.pendingMinutes))
			if k.Deadline.After(e.now()) {
				k.overdueAt = nil
			}
			return step{kind: KindExtensionGranted, note: note, data: map[string]any{"minutes": k.pendingMinutes, "deadline": k.Deadline}}, nil
		}
		return step{}, domain.Invalid("decision", "审批结果只能是批准（grant）或驳回（refuse）")
	})
}

// PhotoInput is a step that brings photos and where they were taken.
type PhotoInput struct {
	Note    string   `json:"note"`
	FileIDs []int64  `json:"fileIds"`
	Lat     *float64 `json:"lat"`
	Lng     *float64 `json:"lng"`
}

// farMeters is how far from the case a fix may be photographed before it
// is flagged.
const farMeters = 200

// locate measures how far the step's location lies from the case.
func locate(k *Case, in PhotoInput, data map[string]any) {
	if in.Lat == nil || in.Lng == nil || k.Lat == nil || k.Lng == nil {
		return
	}
	d := int(domain.Distance(*k.Lat, *k.Lng, *in.Lat, *in.Lng))
	data["distanceMeters"], data["far"] = d, d > farMeters
}

// Report is the unit reporting the fix with after-photos (回复整改).
func (s *Service) Report(ctx context.Context, actor *domain.Actor, id int64, in PhotoInput) (_ CaseDetail, err error) {
	defer domain.Wrap(&err, "cases.Report %d", id)
	return s.act(ctx, actor, id, func(c *store.Conn, e *caseConfig, k *Case) (step, error) {
		if err := e.may(actor, k, ActReport); err != nil {
			return step{}, err
		}
		if len(in.FileIDs) == 0 {
			return step{}, domain.Invalid("fileIds", "请上传整改后的照片")
		}
		note, err := optText("note", in.Note)
		if err != nil {
			return step{}, err
		}
		k.State, k.ReportedAt = StateVerifying, ptr(e.now())
		data := map[string]any{"late": k.Deadline != nil && k.ReportedAt.After(*k.Deadline)}
		locate(k, in, data)
		return step{kind: KindReported, note: note, phase: "after", photos: in.FileIDs, data: data}, nil
	})
}

// VerifyInput is the verifier's judgement.
type VerifyInput struct {
	PhotoInput
	Decision string `json:"decision"`
}

// Verify is the independent check of a reported fix (核查): pass closes the
// case as fixed, fail sends it back to the unit as rework.
func (s *Service) Verify(ctx context.Context, actor *domain.Actor, id int64, in VerifyInput) (_ CaseDetail, err error) {
	defer domain.Wrap(&err, "cases.Verify %d", id)
	return s.act(ctx, actor, id, func(c *store.Conn, e *caseConfig, k *Case) (step, error) {
		if err := e.may(actor, k, ActVerify); err != nil {
			return step{}, err
		}
		data := map[string]any{}
		locate(k, in.PhotoInput, data)
		switch in.Decision {
		case "pass":
			note, err := optText("note", in.Note)
			if err != nil {
				return step{}, err
			}
			e.close(k, "fixed")
			return step{kind: KindVerifiedPass, note: note, phase: "verify", photos: in.FileIDs, data: data}, nil
		case "fail":
			note, err := needText("note", "不通过的原因", in.Note)
			if err != nil {
				return step{}, err
			}
			k.State, k.ReportedAt = StateHandling, nil
			k.ReworkCount++
			data["rework"] = k.ReworkCount
			return step{kind: KindVerifiedFail, note: note, phase: "verify", photos: in.FileIDs, data: data}, nil
		}
		return step{}, domain.Invalid("decision", "核查结果只能是通过（pass）或不通过（fail）")
	})
}

// CloseInput ends a case that was not fixed, honestly saying why.
type CloseInput struct {
	Closing string `json:"closing"`
	Note    string `json:"note"`
}

// Close ends a case other than by a passed verification (office).
func (s *Service) Close(ctx context.Context, actor *domain.Actor, id int64, in CloseInput) (_ CaseDetail, err error) {
	defer domain.Wrap(&err, "cases.Close %d", id)
	return s.act(ctx, actor, id, func(c *store.Conn, e *caseConfig, k *Case) (step, error) {
		if err := e.may(actor, k, ActClose); err != nil {
			return step{}, err
		}
		if !slices.Contains([]string{"not_fixed", "not_ours", "duplicate"}, in.Closing) {
			return step{}, domain.Invalid("closing", "结案方式只能是未整改结案、非职责范围或重复案件")
		}
		note, err := needText("note", "结案说明", in.Note)
		if err != nil {
			return step{}, err
		}
		e.close(k, in.Closing)
		return step{kind: KindClosed, note: note, data: map[string]any{"closing": in.Closing}}, nil
	})
}

// MergeInput names the case that survives a merge.
type MergeInput struct {
	IntoID int64 `json:"intoId"`
}

// Merge closes a duplicate into another open case; its reporter follows
// the survivor.
func (s *Service) Merge(ctx context.Context, actor *domain.Actor, id int64, in MergeInput) (_ CaseDetail, err error) {
	defer domain.Wrap(&err, "cases.Merge %d", id)
	var into Case
	return s.act(ctx, actor, id, func(c *store.Conn, e *caseConfig, k *Case) (step, error) {
		if err := e.may(actor, k, ActMerge); err != nil {
			return step{}, err
		}
		if in.IntoID == 0 || in.IntoID == k.ID {
			return step{}, domain.Invalid("intoId", "请选择要合并到的另一个案件")
		}
		var err error
		into, err = s.load(ctx, c, in.IntoID, false)
		if de, ok := domain.AsError(err); ok && de.Code == domain.CodeNotFound {
			return step{}, domain.Invalid("intoId", "要合并到的案件不存在")
		} else if err != nil {
			return step{}, err // a failed read is not the user's mistake
		}
		if into.State == StateClosed || into.MergedInto != nil {
			return step{}, domain.Invalid("intoId", "要合并到的案件已结案")
		}
		e.close(k, "duplicate")
		k.MergedInto = &into.ID
		return step{kind: KindMerged, note: "合并到案件 " + into.Code, data: map[string]any{"intoId": into.ID, "intoCode": into.Code}}, nil
	})
}

// AddNote writes a note on the timeline; anyone who sees the case may, and
// co-handling units report their part this way.
func (s *Service) AddNote(ctx context.Context, actor *domain.Actor, id int64, in PhotoInput) (_ CaseDetail, err error) {
	defer domain.Wrap(&err, "cases.AddNote %d", id)
	return s.act(ctx, actor, id, func(c *store.Conn, e *caseConfig, k *Case) (step, error) {
		if err := e.may(actor, k, ActNote); err != nil {
			return step{}, err
		}
		note, err := needText("note", "备注", in.Note)
		if err != nil {
			return step{}, err
		}
		return step{kind: KindNote, note: note, phase: "after", photos: in.FileIDs}, nil
	})
}

func ptr[T any](v T) *T { return &v }
