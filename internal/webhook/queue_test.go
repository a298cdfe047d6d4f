package webhook

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"wenming/internal/domain"
	"wenming/internal/store"
	"wenming/internal/store/storetest"
	"wenming/internal/testcity"
)

// post is what a receiver got.
type post struct {
	header http.Header
	body   []byte
}

// recorder is a receiver that keeps every post and answers with status.
type recorder struct {
	*receiver
	mu     sync.Mutex
	posts  []post
	status int
}

func newRecorder(t *testing.T) *recorder {
	r := &recorder{status: http.StatusOK}
	r.receiver = newReceiver(t, func(w http.ResponseWriter, req *http.Request) {
		b, _ := io.ReadAll(req.Body)
		r.mu.Lock()
		r.posts = append(r.posts, post{req.Header.Clone(), b})
		status := r.status
		r.mu.Unlock()
		w.WriteHeader(status)
	})
	return r
}

func (r *recorder) answer(status int) { r.mu.Lock(); r.status = status; r.mu.Unlock() }

func (r *recorder) got() []post {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]post(nil), r.posts...)
}

// queued enqueues an event as a change would, in its own transaction.
func queued(t *testing.T, db *store.DB, event string, caseID int64) {
	t.Helper()
	ctx := context.Background()
	if err := db.Write(ctx, func(c *store.Conn) error {
		return Enqueue(ctx, c, event, caseID, nil, map[string]any{"code": "2026030200000" + strconv.FormatInt(caseID, 10), "unit": "县住建局"})
	}); err != nil {
		t.Fatal(err)
	}
}

// An event is queued for every active subscriber of it and nobody else,
// and only if the change that raised it commits.
func TestEnqueueReachesTheEventsSubscribers(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
		ctx := context.Background()
		svc := NewService(db, allowlist(t, "127.0.0.1"))
		gw := newRecorder(t)
		create := func(name string, active bool, events ...string) Webhook {
			h, err := svc.Create(ctx, sysAdmin, Webhook{Name: name, URL: gw.URL + "/" + name, Secret: "0123456789abcdef", Events: events, Active: active})
			if err != nil {
				t.Fatal(err)
			}
			return h
		}
		sms := create("sms", true, "case.created", "case.closed")
		wechat := create("wechat", true, "case.closed")
		off := create("off", false, "case.created", "case.closed")

		queued(t, db, "case.created", 1)
		queued(t, db, "case.closed", 2)
		queued(t, db, "case.overdue", 3)
		err := db.Write(ctx, func(c *store.Conn) error {
			if err := Enqueue(ctx, c, "case.closed", 4, nil, map[string]any{"code": "20260302000004"}); err != nil {
				return err
			}
			return errors.New("the closing failed")
		})
		if err == nil {
			t.Fatal("the failing change committed")
		}
		events := func(h Webhook) []string {
			list, err := svc.Deliveries(ctx, sysAdmin, h.ID)
			if err != nil {
				t.Fatal(err)
			}
			var out []string
			for _, d := range list {
				out = append(out, d.Event+"#"+strconv.FormatInt(*d.CaseID, 10)+":"+d.Status)
			}
			return out
		}
		for h, want := range map[*Webhook]string{&sms: "[case.closed#2:pending case.created#1:pending]", &wechat: "[case.closed#2:pending]", &off: "[]"} {
			if got := events(*h); strings.Join(got, " ") != strings.Trim(want, "[]") {
				t.Errorf("%s: deliveries %v, want %s", h.Name, got, want)
			}
		}

		if _, err := svc.Deliver(ctx); err != nil {
			t.Fatal(err)
		}
		posts := gw.got()
		if len(posts) != 3 {
			t.Fatalf("%d posts, want 3", len(posts))
		}
		var body struct {
			Event string         `json:"event"`
			At    time.Time      `json:"at"`
			Data  map[string]any `json:"data"`
		}
		if err := json.Unmarshal(posts[0].body, &body); err != nil {
			t.Fatal(err)
		}
		if body.Event == "" || body.Data["unit"] != "县住建局" || body.At.IsZero() {
			t.Fatalf("payload %s", posts[0].body)
		}
		for _, h := range []Webhook{sms, wechat} {
			for _, e := range events(h) {
				if !strings.HasSuffix(e, ":sent") {
					t.Errorf("%s: %s not sent", h.Name, e)
				}
			}
		}
	})
}

// Each post carries the event, the delivery's number, the time and an
// HMAC-SHA256 of "time.body" under the webhook's secret, so a receiver can
// check it came from here, unaltered; a secret left empty when the webhook
// is edited stays as it was.
func TestDeliveriesAreSigned(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
		ctx := context.Background()
		now := time.Date(2026, 3, 2, 9, 30, 0, 0, domain.Beijing)
		db.SetClock(func() time.Time { return now })
		svc := NewService(db, allowlist(t, "127.0.0.1"))
		gw := newRecorder(t)
		const secret = "会宁县短信网关-2026-secret"
		h, err := svc.Create(ctx, sysAdmin, Webhook{Name: "短信网关", URL: gw.URL + "/hook", Secret: secret, Events: []string{"case.dispatched"}, Active: true})
		if err != nil {
			t.Fatal(err)
		}
		if h.Secret != "" {
			t.Fatal("the secret was answered back")
		}
		if list, err := svc.List(ctx, sysAdmin); err != nil || len(list) != 1 || list[0].Secret != "" {
			t.Fatalf("list shows %+v (%v)", list, err)
		}
		queued(t, db, "case.dispatched", 7)
		// Renamed with the secret left empty: the old secret signs.
		if _, err := svc.Update(ctx, sysAdmin, h.ID, Webhook{Name: "短信网关（县住建局）", URL: gw.URL + "/hook", Events: []string{"case.dispatched"}, Active: true}); err != nil {
			t.Fatal(err)
		}
		if _, err := svc.Deliver(ctx); err != nil {
			t.Fatal(err)
		}
		posts := gw.got()
		if len(posts) != 1 {
			t.Fatalf("%d posts", len(posts))
		}
		p := posts[0]
		ts := p.header.Get("X-Wenming-Timestamp")
		mac := hmac.New(sha256.New, []byte(secret))
		mac.Write([]byte(ts + "."))
		mac.Write(p.body)
		if got, want := p.header.Get("X-Wenming-Signature"), "sha256="+hex.EncodeToString(mac.Sum(nil)); got != want {
			t.Fatalf("signature %q, want %q", got, want)
		}
		if ts != strconv.FormatInt(now.Unix(), 10) || p.header.Get("X-Wenming-Event") != "case.dispatched" ||
			!strings.HasPrefix(p.header.Get("Content-Type"), "application/json") || p.header.Get("User-Agent") != "wenming-webhook" {
			t.Fatalf("headers %v", p.header)
		}
		list, err := svc.Deliveries(ctx, sysAdmin, h.ID)
		if err != nil || len(list) != 1 || p.header.Get("X-Wenming-Delivery") != strconv.FormatInt(list[0].ID, 10) {
			t.Fatalf("delivery header %q, log %+v (%v)", p.header.Get("X-Wenming-Delivery"), list, err)
		}
		// A signature binds the time and the body: changing either breaks it.
		sig := Sign(secret, ts, p.body)
		for _, other := range []string{Sign(secret, ts+"1", p.body), Sign(secret, ts, append([]byte(" "), p.body...)), Sign(secret+"x", ts, p.body)} {
			if other == sig {
				t.Fatal("a different time, body or secret signs the same")
			}
		}
	})
}

// A failed post is retried after 1 minute, 5, 30, 2 hours and 12 hours,
// then given up as failed; a delivery is not posted before it is due, and
// one that gets through on a retry is sent.
func TestFailedDeliveriesBackOff(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
		ctx := context.Background()
		start := time.Date(2026, 3, 2, 9, 0, 0, 0, domain.Beijing)
		now := start
		db.SetClock(func() time.Time { return now })
		svc := NewService(db, allowlist(t, "127.0.0.1"))
		gw := newRecorder(t)
		gw.answer(http.StatusServiceUnavailable)
		h, err := svc.Create(ctx, sysAdmin, Webhook{Name: "短信网关", URL: gw.URL + "/hook", Secret: "0123456789abcdef", Events: []string{"case.overdue"}, Active: true})
		if err != nil {
			t.Fatal(err)
		}
		queued(t, db, "case.overdue", 1)
		latest := func() Delivery {
			t.Helper()
			list, err := svc.Deliveries(ctx, sysAdmin, h.ID)
			if err != nil || len(list) == 0 {
				t.Fatalf("deliveries %+v (%v)", list, err)
			}
			return list[0]
		}
		deliver := func() int {
			t.Helper()
			n, err := svc.Deliver(ctx)
			if err != nil {
				t.Fatal(err)
			}
			return n
		}
		waits := []time.Duration{time.Minute, 5 * time.Minute, 30 * time.Minute, 2 * time.Hour, 12 * time.Hour}
		for i, wait := range waits {
			deliver()
			d := latest()
			if d.Status != "pending" || d.Attempts != i+1 || d.LastStatus != 503 || d.LastError != "HTTP 503" || !d.NextAt.Equal(now.Add(wait)) {
				t.Fatalf("after attempt %d: %+v, want next at %s", i+1, d, now.Add(wait))
			}
			// Not due yet: nothing is posted.
			now = now.Add(wait - time.Second)
			deliver()
			if n := len(gw.got()); n != i+1 {
				t.Fatalf("posted %d times before the retry was due, want %d", n, i+1)
			}
			now = now.Add(time.Second)
		}
		deliver()
		if d := latest(); d.Status != "failed" || d.Attempts != 6 {
			t.Fatalf("after the last attempt: %+v", d)
		}
		now = now.Add(30 * 24 * time.Hour)
		deliver()
		if n := len(gw.got()); n != 6 {
			t.Fatalf("a failed delivery was posted again: %d posts", n)
		}

		// The next one fails once, then gets through.
		queued(t, db, "case.overdue", 2)
		deliver()
		gw.answer(http.StatusOK)
		now = now.Add(time.Minute)
		if n := deliver(); n != 1 {
			t.Fatalf("delivered %d on the retry", n)
		}
		d := latest()
		if d.Status != "sent" || d.Attempts != 2 || d.LastStatus != 200 || d.LastError != "" || d.SentAt == nil || !d.SentAt.Equal(now) {
			t.Fatalf("sent on the retry: %+v", d)
		}
	})
}

// A delivery claimed by one app server is held for two minutes: another
// server claiming meanwhile gets nothing, and takes it once the lease has
// run out (the first one stopped before settling it).
func TestClaimsAreLeased(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
		ctx := context.Background()
		now := time.Date(2026, 3, 2, 9, 0, 0, 0, domain.Beijing)
		db.SetClock(func() time.Time { return now })
		one, two := NewService(db, allowlist(t, "127.0.0.1")), NewService(db, allowlist(t, "127.0.0.1"))
		gw := newRecorder(t)
		if _, err := one.Create(ctx, sysAdmin, Webhook{Name: "短信网关", URL: gw.URL + "/hook", Secret: "0123456789abcdef", Events: []string{"case.created"}, Active: true}); err != nil {
			t.Fatal(err)
		}
		for i := range 3 {
			queued(t, db, "case.created", int64(i+1))
		}
		first, err := one.claim(ctx, 2)
		if err != nil || len(first) != 2 {
			t.Fatalf("first claim %d (%v)", len(first), err)
		}
		second, err := two.claim(ctx, 20)
		if err != nil || len(second) != 1 || second[0].id == first[0].id || second[0].id == first[1].id {
			t.Fatalf("second server claimed %+v (%v) while %d and %d were held", second, err, first[0].id, first[1].id)
		}
		now = now.Add(lease - time.Second)
		if again, err := two.claim(ctx, 20); err != nil || len(again) != 0 {
			t.Fatalf("claimed %d held deliveries before the lease ran out (%v)", len(again), err)
		}
		now = now.Add(2 * time.Second)
		if n, err := two.Deliver(ctx); err != nil || n != 3 {
			t.Fatalf("after the leases ran out the second server sent %d (%v), want all 3", n, err)
		}
		if n := len(gw.got()); n != 3 {
			t.Fatalf("%d posts, want 3", n)
		}
	})
}

// Only the system admin manages webhooks; each bad field is refused by
// name; deleting one deletes its log.
func TestManagingWebhooks(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
		ctx := context.Background()
		svc := NewService(db, allowlist(t, "127.0.0.1"))
		gw := newRecorder(t)
		good := hook(gw.URL + "/hook")
		staff := &domain.Actor{UserID: 3, Username: "staff", RealName: "王科员", Roles: []domain.Role{domain.RoleOfficeStaff, domain.RoleOfficeLeader}, Scope: domain.ScopeAll}
		forbidden := func(err error) {
			t.Helper()
			de, ok := domain.AsError(err)
			if !ok || de.Code != domain.CodeForbidden || !strings.Contains(de.Message, "系统管理员") {
				t.Fatalf("want the office refused in Chinese, got %v", err)
			}
		}
		_, err := svc.List(ctx, staff)
		forbidden(err)
		_, err = svc.Create(ctx, staff, good)
		forbidden(err)
		_, err = svc.Deliveries(ctx, staff, 1)
		forbidden(err)

		with := func(edit func(*Webhook)) Webhook { in := good; edit(&in); return in }
		for _, tc := range []struct {
			name  string
			in    Webhook
			field string
		}{
			{"no name", with(func(w *Webhook) { w.Name = " " }), "name"},
			{"a long name", with(func(w *Webhook) { w.Name = strings.Repeat("网", 51) }), "name"},
			{"a short secret", with(func(w *Webhook) { w.Secret = "短密钥123" }), "secret"},
			{"no event", with(func(w *Webhook) { w.Events = nil }), "events"},
			{"an unknown event", with(func(w *Webhook) { w.Events = []string{"case.created", "case.deleted"} }), "events"},
			{"not a web address", with(func(w *Webhook) { w.URL = "ftp://gw.example/hook" }), "url"},
		} {
			t.Run(tc.name, func(t *testing.T) {
				_, err := svc.Create(ctx, sysAdmin, tc.in)
				de, ok := domain.AsError(err)
				if !ok || de.Code != domain.CodeInvalid || de.Field != tc.field {
					t.Fatalf("want invalid %s, got %v", tc.field, err)
				}
			})
		}
		if list, _ := svc.List(ctx, sysAdmin); len(list) != 0 {
			t.Fatalf("refused webhooks stored: %+v", list)
		}

		h, err := svc.Create(ctx, sysAdmin, good)
		if err != nil {
			t.Fatal(err)
		}
		_, err = svc.Update(ctx, staff, h.ID, good)
		forbidden(err)
		forbidden(svc.Delete(ctx, staff, h.ID))
		_, err = svc.Update(ctx, sysAdmin, 999999, good)
		if !errors.Is(err, domain.ErrNotFound) {
			t.Fatalf("update of an unknown webhook: %v", err)
		}
		queued(t, db, "case.created", 1)
		if err := svc.Delete(ctx, sysAdmin, h.ID); err != nil {
			t.Fatal(err)
		}
		if n, _ := db.Read().Count(ctx, `SELECT COUNT(*) FROM webhook_deliveries`); n != 0 {
			t.Fatalf("%d deliveries outlived their webhook", n)
		}
		if err := svc.Delete(ctx, sysAdmin, h.ID); !errors.Is(err, domain.ErrNotFound) {
			t.Fatalf("deleting it again: %v", err)
		}
		if n, _ := db.Read().Count(ctx, `SELECT COUNT(*) FROM audit_log WHERE entity = 'webhook'`); n != 2 {
			t.Fatalf("%d audit entries, want create and delete", n)
		}
	})
}

// A webhook taken out of use posts nothing more, not even the deliveries
// queued or waiting for a retry before it was stopped; put back in use,
// it posts them.
func TestInactiveWebhookPostsNothing(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
		ctx := context.Background()
		now := time.Date(2026, 3, 2, 9, 0, 0, 0, domain.Beijing)
		db.SetClock(func() time.Time { return now })
		svc := NewService(db, allowlist(t, "127.0.0.1"))
		gw := newRecorder(t)
		gw.answer(http.StatusBadGateway)
		in := Webhook{Name: "短信网关", URL: gw.URL + "/hook", Secret: "0123456789abcdef", Events: []string{"case.overdue"}, Active: true}
		h, err := svc.Create(ctx, sysAdmin, in)
		if err != nil {
			t.Fatal(err)
		}
		queued(t, db, "case.overdue", 1)
		if _, err := svc.Deliver(ctx); err != nil {
			t.Fatal(err)
		}
		queued(t, db, "case.overdue", 2)
		in.Active = false
		if _, err := svc.Update(ctx, sysAdmin, h.ID, in); err != nil {
			t.Fatal(err)
		}
		gw.answer(http.StatusOK)
		now = now.Add(time.Hour)
		if n, err := svc.Deliver(ctx); err != nil || n != 0 {
			t.Fatalf("a stopped webhook delivered %d (%v)", n, err)
		}
		if n := len(gw.got()); n != 1 {
			t.Fatalf("a stopped webhook was posted to: %d posts, want only the one before it stopped", n)
		}
		in.Active = true
		if _, err := svc.Update(ctx, sysAdmin, h.ID, in); err != nil {
			t.Fatal(err)
		}
		if n, err := svc.Deliver(ctx); err != nil || n != 2 {
			t.Fatalf("back in use it delivered %d (%v), want both", n, err)
		}
	})
}

// A subscriber set for one county hears that county's cases alone; one
// for the city hears its counties' too.
func TestEnqueueKeepsToTheSubscribersJurisdiction(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
		ctx := context.Background()
		city := testcity.New(t, db)
		svc := NewService(db, allowlist(t, "127.0.0.1"))
		gw := newRecorder(t)
		create := func(name string, jurisdiction *int64) Webhook {
			h, err := svc.Create(ctx, sysAdmin, Webhook{Name: name, URL: gw.URL + "/" + name, Secret: "0123456789abcdef", Events: []string{"case.created"}, Active: true, JurisdictionID: jurisdiction})
			if err != nil {
				t.Fatal(err)
			}
			return h
		}
		countyA, cityWide := create("county-a", &city.A.Jurisdiction), create("city", &city.City.Jurisdiction)
		if countyA.JurisdictionName != "会宁县" {
			t.Errorf("jurisdiction name %q", countyA.JurisdictionName)
		}
		missing := int64(999999)
		_, err := svc.Create(ctx, sysAdmin, Webhook{Name: "bad", URL: gw.URL + "/bad", Secret: "0123456789abcdef", Events: []string{"case.created"}, Active: true, JurisdictionID: &missing})
		if de, ok := domain.AsError(err); !ok || de.Field != "jurisdictionId" {
			t.Errorf("an unknown jurisdiction: %v", err)
		}
		for id, j := range map[int64]int64{1: city.A.Jurisdiction, 2: city.B.Jurisdiction} {
			if err := db.Write(ctx, func(c *store.Conn) error {
				return Enqueue(ctx, c, "case.created", id, &j, map[string]any{"id": id})
			}); err != nil {
				t.Fatal(err)
			}
		}
		count := func(h Webhook) int {
			list, err := svc.Deliveries(ctx, sysAdmin, h.ID)
			if err != nil {
				t.Fatal(err)
			}
			return len(list)
		}
		if n := count(countyA); n != 1 {
			t.Errorf("county A's subscriber got %d deliveries, want its own case only", n)
		}
		if n := count(cityWide); n != 2 {
			t.Errorf("the city's subscriber got %d deliveries, want both counties' cases", n)
		}
	})
}
