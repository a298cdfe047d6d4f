// Package webhook tells the deployer's own gateways (SMS, WeChat) what
// happens to cases: each event is queued in the same transaction as the
// change, then posted, signed with HMAC-SHA256, retried with backoff, and
// every attempt kept in a delivery log.
package webhook

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"wenming/internal/audit"
	"wenming/internal/domain"
	"wenming/internal/store"
)

// Events a webhook may subscribe to.
var Events = []domain.Named{
	{Code: "case.created", Name: "新案件"}, {Code: "case.dispatched", Name: "已派遣"}, {Code: "case.accepted", Name: "已签收"},
	{Code: "case.reported", Name: "已回复整改"}, {Code: "case.reminded", Name: "临期提醒"}, {Code: "case.overdue", Name: "超期督办"},
	{Code: "case.closed", Name: "已结案"}, {Code: "case.reopened", Name: "重新打开"},
}

// Webhook is one subscriber.
type Webhook struct {
	ID     int64    `json:"id"`
	Name   string   `json:"name"`
	URL    string   `json:"url"`
	Secret string   `json:"secret,omitempty"`
	Events []string `json:"events"`
	Active bool     `json:"active"`
	// JurisdictionID limits the subscriber to the cases of one jurisdiction
	// and those under it (a county's own 12345 system); none: every case.
	JurisdictionID   *int64 `json:"jurisdictionId"`
	JurisdictionName string `json:"jurisdictionName"`
}

// Delivery is one queued event for one subscriber and how its sending went.
type Delivery struct {
	ID         int64      `json:"id"`
	Event      string     `json:"event"`
	CaseID     *int64     `json:"caseId"`
	Status     string     `json:"status"`
	Attempts   int        `json:"attempts"`
	LastStatus int        `json:"lastStatus"`
	LastError  string     `json:"lastError"`
	NextAt     time.Time  `json:"nextAt"`
	CreatedAt  time.Time  `json:"createdAt"`
	SentAt     *time.Time `json:"sentAt"`
}

// Service manages subscribers and sends deliveries.
type Service struct {
	db     *store.DB
	guard  guard
	client *http.Client
}

// sendTimeout bounds one delivery, connection included.
const sendTimeout = 10 * time.Second

// NewService returns the webhook service. Webhooks reach public addresses
// only, and the internal receivers the operator lists in allow.
func NewService(db *store.DB, allow Allowlist) *Service {
	g := guard{allow: allow, lookup: func(ctx context.Context, host string) ([]netip.Addr, error) {
		return net.DefaultResolver.LookupNetIP(ctx, "ip", host)
	}}
	return &Service{db: db, guard: g, client: g.client(sendTimeout)}
}

// Enqueue queues an event of a case of a jurisdiction for every active
// subscriber of it whose jurisdiction holds the case's, inside the caller's
// transaction: the event is sent if and only if the change commits.
func Enqueue(ctx context.Context, c *store.Conn, event string, caseID int64, jurisdiction *int64, payload any) error {
	// The subscribers are read first and matched here: most deployments have
	// none, and a bound LIKE pattern would make SQLite plan the statement
	// afresh on every call.
	rows, err := c.Query(ctx, `SELECT w.id, w.events, COALESCE(r.code, '') FROM webhooks w LEFT JOIN regions r ON r.id = w.jurisdiction_id WHERE w.active`)
	if err != nil {
		return err
	}
	type subscriber struct {
		id   int64
		area string // the region code of its jurisdiction; "" for all
	}
	var subscribers []subscriber
	for rows.Next() {
		var sub subscriber
		var events string
		if err := rows.Scan(&sub.id, &events, &sub.area); err != nil {
			rows.Close()
			return err
		}
		if slices.Contains(strings.Split(events, ","), event) {
			subscribers = append(subscribers, sub)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil || len(subscribers) == 0 {
		return err
	}
	caseArea := ""
	if jurisdiction != nil {
		if err := c.Get(ctx, "辖区", `SELECT code FROM regions WHERE id = ?`, []any{*jurisdiction}, &caseArea); err != nil {
			return err
		}
	}
	body, err := json.Marshal(map[string]any{"event": event, "at": c.Now, "data": payload})
	if err != nil {
		return err
	}
	for _, sub := range subscribers {
		if sub.area != "" && !domain.Within(caseArea, sub.area) {
			continue
		}
		if _, err := c.Exec(ctx, `INSERT INTO webhook_deliveries (webhook_id, event, case_id, payload, status, next_at, created_at)
			VALUES (?, ?, ?, ?, 'pending', ?, ?)`, sub.id, event, caseID, string(body), c.Now, c.Now); err != nil {
			return err
		}
	}
	return nil
}

func requireAdmin(a *domain.Actor) error {
	if !a.Has(domain.RoleSysAdmin) {
		return domain.Forbidden("只有系统管理员可以管理消息推送")
	}
	return nil
}

func parseURL(raw string) (*url.URL, error) {
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Hostname() == "" {
		return nil, domain.Invalid("url", "推送地址须为 http:// 或 https:// 开头的完整网址")
	}
	return u, nil
}

func (in *Webhook) validate() error {
	in.Name = strings.TrimSpace(in.Name)
	if in.Name == "" {
		return domain.Invalid("name", "请填写名称")
	}
	if len(in.Secret) < 16 {
		return domain.Invalid("secret", "签名密钥至少 16 个字符")
	}
	if len(in.Events) == 0 {
		return domain.Invalid("events", "请至少选择一个事件")
	}
	for _, e := range in.Events {
		if domain.NameOf(Events, e) == "" {
			return domain.Invalid("events", "未知事件“"+e+"”")
		}
	}
	return domain.TextLimit("name", "名称", in.Name, 50)
}

// List returns the subscribers, secrets hidden.
func (s *Service) List(ctx context.Context, actor *domain.Actor) (_ []Webhook, err error) {
	defer domain.Wrap(&err, "webhook.List")
	if err := requireAdmin(actor); err != nil {
		return nil, err
	}
	rows, err := s.db.Read().Query(ctx, `SELECT w.id, w.name, w.url, w.events, w.active, w.jurisdiction_id, COALESCE(r.name, '')
		FROM webhooks w LEFT JOIN regions r ON r.id = w.jurisdiction_id ORDER BY w.id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	list := []Webhook{}
	for rows.Next() {
		var w Webhook
		var events string
		if err := rows.Scan(&w.ID, &w.Name, &w.URL, &events, &w.Active, &w.JurisdictionID, &w.JurisdictionName); err != nil {
			return nil, err
		}
		w.Events = strings.Split(events, ",")
		list = append(list, w)
	}
	return list, rows.Err()
}

// Create adds a subscriber.
func (s *Service) Create(ctx context.Context, actor *domain.Actor, in Webhook) (_ Webhook, err error) {
	defer domain.Wrap(&err, "webhook.Create")
	return s.save(ctx, actor, 0, in)
}

// Update changes a subscriber; an empty secret keeps the old one.
func (s *Service) Update(ctx context.Context, actor *domain.Actor, id int64, in Webhook) (_ Webhook, err error) {
	defer domain.Wrap(&err, "webhook.Update %d", id)
	return s.save(ctx, actor, id, in)
}

func (s *Service) save(ctx context.Context, actor *domain.Actor, id int64, in Webhook) (Webhook, error) {
	if err := requireAdmin(actor); err != nil {
		return Webhook{}, err
	}
	// The address is checked before the transaction: the check may wait
	// on a name lookup, which must not hold the database's write lock.
	in.URL = strings.TrimSpace(in.URL)
	if err := s.guard.check(ctx, in.URL); err != nil {
		return Webhook{}, err
	}
	err := s.db.Write(ctx, func(c *store.Conn) error {
		if id != 0 && in.Secret == "" {
			if err := c.Get(ctx, "推送", `SELECT secret FROM webhooks WHERE id = ?`, []any{id}, &in.Secret); err != nil {
				return err
			}
		}
		if err := in.validate(); err != nil {
			return err
		}
		if in.JurisdictionID != nil {
			if err := c.Get(ctx, "辖区", `SELECT r.name FROM jurisdictions j JOIN regions r ON r.id = j.region_id WHERE j.region_id = ?`, []any{*in.JurisdictionID}, &in.JurisdictionName); err != nil {
				return domain.Invalid("jurisdictionId", "所选辖区不存在")
			}
		}
		events := strings.Join(in.Events, ",")
		action := "create"
		if id == 0 {
			var err error
			if id, err = c.Insert(ctx, `INSERT INTO webhooks (name, url, secret, events, active, jurisdiction_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
				in.Name, in.URL, in.Secret, events, in.Active, in.JurisdictionID, c.Now, c.Now); err != nil {
				return err
			}
		} else {
			action = "update"
			res, err := c.Exec(ctx, `UPDATE webhooks SET name = ?, url = ?, secret = ?, events = ?, active = ?, jurisdiction_id = ?, updated_at = ? WHERE id = ?`, in.Name, in.URL, in.Secret, events, in.Active, in.JurisdictionID, c.Now, id)
			if err != nil {
				return err
			}
			if n, _ := res.RowsAffected(); n == 0 {
				return domain.NotFound("推送")
			}
		}
		in.ID = id
		return audit.Record(ctx, c, actor, audit.Change{Action: action, Entity: "webhook", EntityID: id, Summary: "消息推送 " + in.Name + " → " + in.URL,
			After: map[string]any{"name": in.Name, "url": in.URL, "events": in.Events, "active": in.Active, "jurisdiction": in.JurisdictionName}})
	})
	in.Secret = ""
	return in, err
}

// Delete removes a subscriber and its delivery log.
func (s *Service) Delete(ctx context.Context, actor *domain.Actor, id int64) (err error) {
	defer domain.Wrap(&err, "webhook.Delete %d", id)
	if err := requireAdmin(actor); err != nil {
		return err
	}
	return s.db.Write(ctx, func(c *store.Conn) error {
		if _, err := c.Exec(ctx, `DELETE FROM webhook_deliveries WHERE webhook_id = ?`, id); err != nil {
			return err
		}
		res, err := c.Exec(ctx, `DELETE FROM webhooks WHERE id = ?`, id)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return domain.NotFound("推送")
		}
		return audit.Record(ctx, c, actor, audit.Change{Action: "delete", Entity: "webhook", EntityID: id, Summary: "删除消息推送"})
	})
}

// Deliveries lists a subscriber's latest deliveries.
func (s *Service) Deliveries(ctx context.Context, actor *domain.Actor, id int64) (_ []Delivery, err error) {
	defer domain.Wrap(&err, "webhook.Deliveries %d", id)
	if err := requireAdmin(actor); err != nil {
		return nil, err
	}
	rows, err := s.db.Read().Query(ctx, `SELECT id, event, case_id, status, attempts, last_status, last_error, next_at, created_at, sent_at
		FROM webhook_deliveries WHERE webhook_id = ? ORDER BY id DESC LIMIT 200`, id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	list := []Delivery{}
	for rows.Next() {
		var d Delivery
		if err := rows.Scan(&d.ID, &d.Event, &d.CaseID, &d.Status, &d.Attempts, &d.LastStatus, &d.LastError, &d.NextAt, &d.CreatedAt, &d.SentAt); err != nil {
			return nil, err
		}
		list = append(list, d)
	}
	return list, rows.Err()
}

// backoff is the wait after each failed attempt; after the last, the
// delivery is given up as failed.
var backoff = []time.Duration{time.Minute, 5 * time.Minute, 30 * time.Minute, 2 * time.Hour, 12 * time.Hour}

// lease is how long a claimed delivery is held by one sender before
// another app server may try it.
const lease = 2 * time.Minute

type job struct {
	id       int64
	url      string
	secret   string
	event    string
	payload  string
	attempts int
}

// Deliver sends the due deliveries of the webhooks in use, a batch at a
// time (a stopped webhook's deliveries wait until it is used again).
// Claims are leases taken in a transaction (SKIP LOCKED on PostgreSQL), so
// app servers running side by side never send one delivery twice at once.
func (s *Service) Deliver(ctx context.Context) (_ int, err error) {
	defer domain.Wrap(&err, "webhook.Deliver")
	sent := 0
	for {
		batch, err := s.claim(ctx, 20)
		if err != nil || len(batch) == 0 {
			return sent, err
		}
		for _, j := range batch {
			status, err := s.post(ctx, j)
			if err := s.settle(ctx, j, status, err); err != nil {
				return sent, err
			}
			if err == nil {
				sent++
			}
		}
	}
}

func (s *Service) claim(ctx context.Context, n int) ([]job, error) {
	var batch []job
	err := s.db.Write(ctx, func(c *store.Conn) error {
		skip := ""
		if c.Dialect() == store.Postgres {
			skip = " FOR UPDATE OF d SKIP LOCKED"
		}
		rows, err := c.Query(ctx, `SELECT d.id, w.url, w.secret, d.event, d.payload, d.attempts FROM webhook_deliveries d JOIN webhooks w ON w.id = d.webhook_id
			WHERE d.status = 'pending' AND w.active AND d.next_at <= ? AND (d.locked_until IS NULL OR d.locked_until < ?) ORDER BY d.next_at LIMIT `+strconv.Itoa(n)+skip, c.Now, c.Now)
		if err != nil {
			return err
		}
		for rows.Next() {
			var j job
			if err := rows.Scan(&j.id, &j.url, &j.secret, &j.event, &j.payload, &j.attempts); err != nil {
				rows.Close()
				return err
			}
			batch = append(batch, j)
		}
		rows.Close()
		for _, j := range batch {
			if _, err := c.Exec(ctx, `UPDATE webhook_deliveries SET locked_until = ? WHERE id = ?`, c.Now.Add(lease), j.id); err != nil {
				return err
			}
		}
		return rows.Err()
	})
	return batch, err
}

// Sign returns the signature header value of a body: the receiver
// recomputes HMAC-SHA256 over "timestamp.body" with the shared secret.
func Sign(secret, timestamp string, body []byte) string {
	m := hmac.New(sha256.New, []byte(secret))
	m.Write([]byte(timestamp + "."))
	m.Write(body)
	return "sha256=" + hex.EncodeToString(m.Sum(nil))
}

func (s *Service) post(ctx context.Context, j job) (int, error) {
	ts := strconv.FormatInt(s.db.Now().Unix(), 10)
	req, err := http.NewRequestWithContext(ctx, "POST", j.url, bytes.NewReader([]byte(j.payload)))
	if err != nil {
		return 0, errors.New("推送地址无效")
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("User-Agent", "wenming-webhook")
	req.Header.Set("X-Wenming-Event", j.event)
	req.Header.Set("X-Wenming-Delivery", strconv.FormatInt(j.id, 10))
	req.Header.Set("X-Wenming-Timestamp", ts)
	req.Header.Set("X-Wenming-Signature", Sign(j.secret, ts, []byte(j.payload)))
	res, err := s.client.Do(req)
	if err != nil {
		return 0, errors.New(reason(err))
	}
	defer res.Body.Close()
	io.Copy(io.Discard, io.LimitReader(res.Body, 64<<10))
	// A redirect is not followed (see guard.client), so it fails here.
	if res.StatusCode < 200 || res.StatusCode > 299 {
		return res.StatusCode, fmt.Errorf("HTTP %d", res.StatusCode)
	}
	return res.StatusCode, nil
}

func (s *Service) settle(ctx context.Context, j job, status int, sendErr error) error {
	return s.db.Write(ctx, func(c *store.Conn) error {
		attempts := j.attempts + 1
		if sendErr == nil {
			_, err := c.Exec(ctx, `UPDATE webhook_deliveries SET status = 'sent', attempts = ?, last_status = ?, last_error = '', sent_at = ?, locked_until = NULL WHERE id = ?`, attempts, status, c.Now, j.id)
			return err
		}
		state, next := "pending", c.Now
		if attempts > len(backoff) {
			state = "failed"
		} else {
			next = c.Now.Add(backoff[attempts-1])
		}
		msg := sendErr.Error()
		if len(msg) > 300 {
			msg = msg[:300]
		}
		_, err := c.Exec(ctx, `UPDATE webhook_deliveries SET status = ?, attempts = ?, last_status = ?, last_error = ?, next_at = ?, locked_until = NULL WHERE id = ?`, state, attempts, status, msg, next, j.id)
		return err
	})
}
