package webhook

import (
	"context"
	"net"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"wenming/internal/domain"
	"wenming/internal/store"
	"wenming/internal/store/storetest"
)

var sysAdmin = &domain.Actor{Username: "sys", RealName: "系统管理员", Roles: []domain.Role{domain.RoleSysAdmin}, Scope: domain.ScopeAll}

func allowlist(t *testing.T, s string) Allowlist {
	t.Helper()
	a, err := ParseAllowlist(s)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func hook(url string) Webhook {
	return Webhook{Name: "短信网关", URL: url, Secret: "0123456789abcdef", Events: []string{"case.created"}, Active: true}
}

// A webhook pointing inside the network is refused when it is saved, in
// every way of writing such an address, and nothing is stored or audited.
func TestSaveRefusesInternalAddresses(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
		ctx := context.Background()
		svc := NewService(db, Allowlist{})
		for _, url := range []string{
			"http://127.0.0.1/hook",
			"http://127.8.9.10:8080/hook",
			"http://localhost:9000/hook", // a name that resolves to the loopback
			"http://2130706433/hook",     // 127.0.0.1 as one decimal number
			"http://0x7f000001/hook",     // … in hexadecimal
			"http://0177.0.0.1/hook",     // … in octal
			"http://127.1/hook",          // … shortened
			"http://[::1]/hook",          // IPv6 loopback
			"http://[::ffff:127.0.0.1]/", // IPv4-mapped IPv6
			"http://[::ffff:a00:1]/",     // IPv4-mapped 10.0.0.1
			"http://169.254.169.254/latest/meta-data/",
			"http://10.1.2.3/hook",
			"http://172.16.0.1/hook",
			"http://172.31.255.254/hook",
			"http://192.168.1.1/hook",
			"http://100.64.0.1/hook", // carrier NAT
			"http://[fc00::1]/hook",  // unique local
			"http://[fd12:3456::1]/hook",
			"http://[fe80::1]/hook",        // link-local
			"http://[fe80::1%25eth0]/hook", // … with a zone
			"http://0.0.0.0/hook",
			"http://[::]/hook",
			"http://[64:ff9b::a00:1]/hook", // NAT64 of 10.0.0.1
			"http://[2002:a00:1::1]/hook",  // 6to4 of 10.0.0.1
			"http://224.0.0.1/hook",
			"http://255.255.255.255/hook",
		} {
			t.Run(url, func(t *testing.T) {
				_, err := svc.Create(ctx, sysAdmin, hook(url))
				de, ok := domain.AsError(err)
				if !ok || de.Code != domain.CodeInvalid || de.Field != "url" || !strings.Contains(de.Message, "不能指向内网或本机地址") {
					t.Fatalf("saved or wrong error: %v", err)
				}
			})
		}
		if list, err := svc.List(ctx, sysAdmin); err != nil || len(list) != 0 {
			t.Fatalf("refused webhooks stored: %+v %v", list, err)
		}
		var audited int
		if err := db.Read().QueryRow(ctx, `SELECT COUNT(*) FROM audit_log WHERE entity = 'webhook'`).Scan(&audited); err != nil || audited != 0 {
			t.Fatalf("%d audit rows for refused webhooks (%v)", audited, err)
		}
	})
}

// Public receivers are accepted, a name that does not resolve yet too (each
// connection is checked again), and the operator's internal receivers.
func TestSaveAcceptsPublicAndListedReceivers(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
		ctx := context.Background()
		svc := NewService(db, allowlist(t, "127.0.0.1, 10.20.0.0/16 sms.intranet"))
		for _, tc := range []struct {
			url  string
			want bool
		}{
			{"https://gw.example/hook", true},
			{"http://8.8.8.8/hook", true},
			{"https://[2400:3200::1]/hook", true},
			{"http://127.0.0.1:9000/hook", true},
			{"http://10.20.3.4/hook", true},
			{"http://SMS.intranet./hook", true},
			{"http://10.21.0.1/hook", false},
			{"http://127.0.0.2/hook", false},
			{"http://[::1]/hook", false},
		} {
			_, err := svc.Create(ctx, sysAdmin, hook(tc.url))
			if (err == nil) != tc.want {
				t.Errorf("%s: accepted %v, want %v (%v)", tc.url, err == nil, tc.want, err)
			}
		}
	})
}

// receiver counts the posts it gets.
type receiver struct {
	*httptest.Server
	hits atomic.Int32
	port string
}

func newReceiver(t *testing.T, h http.HandlerFunc) *receiver {
	r := &receiver{}
	r.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		r.hits.Add(1)
		if h != nil {
			h(w, req)
		}
	}))
	t.Cleanup(r.Close)
	_, r.port, _ = net.SplitHostPort(r.Listener.Addr().String())
	return r
}

// deliverTo sends one event to a webhook stored as it is, past the check
// on saving (as if its name had resolved to a public address then), and
// returns how the delivery went.
func deliverTo(t *testing.T, db *store.DB, svc *Service, url string) Delivery {
	t.Helper()
	ctx := context.Background()
	var id int64
	err := db.Write(ctx, func(c *store.Conn) error {
		if _, err := c.Exec(ctx, `UPDATE webhooks SET active = FALSE`); err != nil {
			return err
		}
		var err error
		id, err = c.Insert(ctx, `INSERT INTO webhooks (name, url, secret, events, active, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
			"网关", url, "0123456789abcdef", "case.created", true, c.Now, c.Now)
		if err != nil {
			return err
		}
		return Enqueue(ctx, c, "case.created", 1, nil, map[string]any{"code": "20260302000001"})
	})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := svc.Deliver(ctx); err != nil {
		t.Fatal(err)
	}
	list, err := svc.Deliveries(ctx, sysAdmin, id)
	if err != nil || len(list) != 1 {
		t.Fatalf("deliveries %+v %v", list, err)
	}
	return list[0]
}

// Every connection is checked where it really goes: a name resolving to
// the loopback, numeric and IPv6 spellings and the internal blocks are
// refused before any packet leaves, and the log says so without the
// connection's own words.
func TestDeliveryRefusesInternalAddresses(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		svc := NewService(db, Allowlist{})
		gw := newReceiver(t, nil)
		start := time.Now()
		for _, url := range []string{
			"http://127.0.0.1:" + gw.port + "/hook",
			"http://localhost:" + gw.port + "/hook",
			"http://2130706433:" + gw.port + "/hook",
			"http://0x7f000001:" + gw.port + "/hook",
			"http://[::1]:" + gw.port + "/hook",
			"http://[::ffff:127.0.0.1]:" + gw.port + "/hook",
			"http://169.254.169.254/latest/meta-data/",
			"http://10.0.0.1:" + gw.port + "/hook",
			"http://172.16.0.1/hook",
			"http://192.168.0.1/hook",
			"http://100.64.0.1/hook",
			"http://[fc00::1]/hook",
			"http://[fe80::1]/hook",
		} {
			d := deliverTo(t, db, svc, url)
			if d.Status != "pending" || d.Attempts != 1 || d.LastError != "推送地址指向内网或本机地址，已拒绝" {
				t.Errorf("%s: %+v", url, d)
			}
		}
		if n := gw.hits.Load(); n != 0 {
			t.Fatalf("the loopback receiver got %d posts", n)
		}
		if took := time.Since(start); took > 5*time.Second {
			t.Fatalf("refusals took %s: connections were attempted", took)
		}
	})
}

// A receiver the operator listed is reached, by address or by name.
func TestDeliveryReachesListedReceivers(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
		gw := newReceiver(t, nil)
		for _, tc := range []struct{ allow, host string }{{"127.0.0.0/8", "127.0.0.1"}, {"localhost", "localhost"}} {
			svc := NewService(db, allowlist(t, tc.allow))
			if d := deliverTo(t, db, svc, "http://"+tc.host+":"+gw.port+"/hook"); d.Status != "sent" {
				t.Errorf("allow %s: %+v", tc.allow, d)
			}
		}
		if n := gw.hits.Load(); n != 2 {
			t.Fatalf("receiver got %d posts, want 2", n)
		}
	})
}

// A redirect is not followed: the post is not sent on, and the delivery
// fails with the status, to be retried at the same address.
func TestDeliveryDoesNotFollowRedirects(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
		svc := NewService(db, allowlist(t, "127.0.0.1"))
		target := newReceiver(t, nil)
		for _, code := range []int{301, 302, 307, 308} {
			gw := newReceiver(t, func(w http.ResponseWriter, r *http.Request) {
				http.Redirect(w, r, target.URL+"/elsewhere", code)
			})
			d := deliverTo(t, db, svc, gw.URL+"/hook")
			if d.Status != "pending" || d.LastStatus != code || d.LastError != "HTTP "+strconv.Itoa(code) || gw.hits.Load() != 1 {
				t.Errorf("%d: %+v", code, d)
			}
		}
		if n := target.hits.Load(); n != 0 {
			t.Fatalf("redirect followed: the target got %d posts", n)
		}
	})
}

// The delivery log gives the kind of failure, never the raw error with its
// addresses and ports.
func TestDeliveryLogIsGeneric(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		svc := NewService(db, allowlist(t, "127.0.0.1"))
		svc.client = svc.guard.client(300 * time.Millisecond)
		closed := newReceiver(t, nil)
		closed.Close()
		bad := newReceiver(t, func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusBadGateway) })
		slow := newReceiver(t, func(w http.ResponseWriter, r *http.Request) { time.Sleep(time.Second) })
		for _, tc := range []struct{ url, want string }{
			{closed.URL + "/hook", "连接失败"},
			{bad.URL + "/hook", "HTTP 502"},
			{slow.URL + "/hook", "超时"},
		} {
			d := deliverTo(t, db, svc, tc.url)
			if d.LastError != tc.want {
				t.Errorf("%s: log %q, want %q", tc.url, d.LastError, tc.want)
			}
			for _, raw := range []string{"dial tcp", "127.0.0.1", "refused", "Client.Timeout", "Post "} {
				if strings.Contains(d.LastError, raw) {
					t.Errorf("%s: log %q shows %q", tc.url, d.LastError, raw)
				}
			}
		}
	})
}
