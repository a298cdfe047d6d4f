package message_test

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"wenming/internal/domain"
	"wenming/internal/message"
	"wenming/internal/org"
	"wenming/internal/store"
	"wenming/internal/store/storetest"
)

// world is 县住建局 with 县环卫所 below it and 县市场监管局, the liaison and
// the head of 县住建局, a liaison of each other unit, and the message
// service; actors carry what a signed-in person's would.
type world struct {
	t                    *testing.T
	ctx                  context.Context
	db                   *store.DB
	msg                  *message.Service
	now                  time.Time
	unitA, subA, unitB   int64
	aLiaison, aHead      *domain.Actor
	subLiaison, bLiaison *domain.Actor
}

func newWorld(t *testing.T, db *store.DB) *world {
	t.Helper()
	w := &world{t: t, ctx: context.Background(), db: db, msg: message.NewService(db), now: time.Date(2026, 3, 2, 9, 0, 0, 0, domain.Beijing)}
	db.SetClock(func() time.Time { return w.now })
	o := org.NewService(db)
	admin := &domain.Actor{Username: "system", RealName: "测试", Scope: domain.ScopeAll, Roles: []domain.Role{domain.RoleSysAdmin}}
	sec := &domain.Actor{Username: "system", RealName: "测试", Scope: domain.ScopeAll, Roles: []domain.Role{domain.RoleSecurityAdmin}}
	county, err := o.CreateRegion(w.ctx, admin, org.RegionInput{Code: "620422", Name: "会宁县"})
	w.must(err)
	unit := func(name string, parent *int64) int64 {
		u, err := o.CreateUnit(w.ctx, admin, org.UnitInput{Name: name, Kind: "department", Class: "A", ParentID: parent, RegionID: &county.ID})
		w.must(err)
		return u.ID
	}
	w.unitA = unit("县住建局", nil)
	w.subA = unit("县环卫所", &w.unitA)
	w.unitB = unit("县市场监管局", nil)
	person := func(username, name string, unit int64, role domain.Role) *domain.Actor {
		p, err := o.CreatePerson(w.ctx, sec, org.PersonInput{Username: username, RealName: name, UnitID: unit, Roles: []domain.Role{role},
			ScopeKind: string(domain.ScopeUnit), Password: "Wenming!2026test"})
		w.must(err)
		return &domain.Actor{UserID: p.ID, Username: username, RealName: name, UnitID: unit, Roles: []domain.Role{role}, Scope: domain.ScopeUnit}
	}
	w.aLiaison = person("a_liaison", "住建联络员", w.unitA, domain.RoleUnitLiaison)
	w.aHead = person("a_head", "住建局长", w.unitA, domain.RoleUnitHead)
	w.subLiaison = person("sub_liaison", "环卫联络员", w.subA, domain.RoleUnitLiaison)
	w.bLiaison = person("b_liaison", "市场联络员", w.unitB, domain.RoleUnitLiaison)
	return w
}

func (w *world) must(err error) {
	w.t.Helper()
	if err != nil {
		w.t.Fatal(err)
	}
}

// send sends one message in its own transaction and reports whether it went.
func (w *world) send(unit, user int64, title, key string) bool {
	w.t.Helper()
	var sent bool
	w.must(w.db.Write(w.ctx, func(c *store.Conn) error {
		var err error
		sent, err = message.SendTo(w.ctx, c, unit, user, "reminder", title, "请于本周五前在系统中报送材料。", key)
		return err
	}))
	return sent
}

func titles(list []message.Message) []string {
	var out []string
	for _, m := range list {
		out = append(out, m.Title)
	}
	return out
}

// A message with a dedupe key is sent once, however many times (or app
// servers) try; one sent in a transaction that fails is not sent at all.
func TestSendOncePerDedupeKey(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
		w := newWorld(t, db)
		if !w.send(w.unitA, 0, "第 10 周材料报送提醒", "weekly:2026-W10:unit:1") {
			t.Fatal("the first reminder was not sent")
		}
		if w.send(w.unitA, 0, "第 10 周材料报送提醒（重发）", "weekly:2026-W10:unit:1") {
			t.Fatal("the same reminder was sent twice")
		}
		err := db.Write(w.ctx, func(c *store.Conn) error {
			if _, err := message.Send(w.ctx, c, w.unitA, "overdue", "案件超期督办", "案件 20260302000001 已超期", "overdue:1"); err != nil {
				return err
			}
			return errors.New("the escalation failed")
		})
		if err == nil {
			t.Fatal("the failing transaction committed")
		}
		// Two app servers sending the same reminder at once.
		var wg sync.WaitGroup
		var mu sync.Mutex
		sent := 0
		var errs []error
		for range 4 {
			wg.Go(func() {
				var ok bool
				err := db.Write(w.ctx, func(c *store.Conn) error {
					var err error
					ok, err = message.Send(w.ctx, c, w.unitB, "reminder", "第 10 周材料报送提醒", "请报送。", "weekly:2026-W10:unit:4")
					return err
				})
				mu.Lock()
				defer mu.Unlock()
				if err != nil {
					errs = append(errs, err)
				}
				if ok {
					sent++
				}
			})
		}
		wg.Wait()
		w.must(errors.Join(errs...))
		if sent != 1 {
			t.Fatalf("four servers sent the reminder %d times, want once", sent)
		}
		a, err := w.msg.List(w.ctx, w.aLiaison)
		w.must(err)
		b, err := w.msg.List(w.ctx, w.bLiaison)
		w.must(err)
		if len(a) != 1 || a[0].Title != "第 10 周材料报送提醒" || a[0].Kind != "reminder" || len(b) != 1 {
			t.Fatalf("unit A's messages %+v, unit B's %+v", a, b)
		}
	})
}

// A unit reads its own messages, newest first: those to the whole unit and
// those to the reader, not another person's, a sub-unit's or another unit's.
func TestListIsTheReadersOwn(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
		w := newWorld(t, db)
		w.send(w.unitA, 0, "第 10 周材料报送提醒", "k1")
		w.now = w.now.Add(time.Hour)
		w.send(w.unitA, w.aHead.UserID, "案件超期升级：请局长督办", "k2")
		w.send(w.subA, 0, "环卫所：垃圾清运提醒", "k3")
		w.send(w.unitB, 0, "市场监管局：报送提醒", "k4")
		w.send(w.unitA, w.aLiaison.UserID, "案件即将超期", "k5")
		for _, tc := range []struct {
			who  *domain.Actor
			want []string
		}{
			{w.aLiaison, []string{"案件即将超期", "第 10 周材料报送提醒"}},
			{w.aHead, []string{"案件超期升级：请局长督办", "第 10 周材料报送提醒"}},
			{w.subLiaison, []string{"环卫所：垃圾清运提醒"}},
			{w.bLiaison, []string{"市场监管局：报送提醒"}},
		} {
			list, err := w.msg.List(w.ctx, tc.who)
			w.must(err)
			if got := titles(list); fmt.Sprint(got) != fmt.Sprint(tc.want) {
				t.Errorf("%s reads %q, want %q", tc.who.Username, got, tc.want)
			}
		}
		if list, _ := w.msg.List(w.ctx, w.aHead); !list[1].CreatedAt.Equal(time.Date(2026, 3, 2, 9, 0, 0, 0, domain.Beijing)) || list[1].ReadAt != nil {
			t.Fatalf("message times %+v", list[1])
		}
		// The newest 200, no more.
		w.must(db.Write(w.ctx, func(c *store.Conn) error {
			for i := range 205 {
				if _, err := message.Send(w.ctx, c, w.unitB, "notice", fmt.Sprintf("通知 %d", i), "", fmt.Sprintf("bulk:%d", i)); err != nil {
					return err
				}
			}
			return nil
		}))
		list, err := w.msg.List(w.ctx, w.bLiaison)
		w.must(err)
		if len(list) != 200 || list[0].Title != "通知 204" {
			t.Fatalf("%d messages, first %q", len(list), list[0].Title)
		}
	})
}

// A message is marked read by its unit (the first time counts, and is
// audited); another unit's, or another person's, is refused in Chinese.
func TestMarkRead(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
		w := newWorld(t, db)
		w.send(w.unitA, 0, "第 10 周材料报送提醒", "k1")
		w.send(w.unitA, w.aHead.UserID, "案件超期升级：请局长督办", "k2")
		list, err := w.msg.List(w.ctx, w.aHead)
		w.must(err)
		personal, shared := list[0].ID, list[1].ID
		for _, tc := range []struct {
			name string
			who  *domain.Actor
			id   int64
			code domain.Code
		}{
			{"another unit's", w.bLiaison, shared, domain.CodeForbidden},
			{"a sub-unit reading its parent's", w.subLiaison, shared, domain.CodeForbidden},
			{"another person's", w.aLiaison, personal, domain.CodeForbidden},
			{"an unknown message", w.aLiaison, 999999, domain.CodeNotFound},
		} {
			t.Run(tc.name, func(t *testing.T) {
				err := w.msg.MarkRead(w.ctx, tc.who, tc.id)
				de, ok := domain.AsError(err)
				if !ok || de.Code != tc.code || !chinese(de.Message) {
					t.Fatalf("want %s in Chinese, got %v", tc.code, err)
				}
			})
		}
		first := w.now
		w.must(w.msg.MarkRead(w.ctx, w.aLiaison, shared))
		w.now = w.now.Add(2 * time.Hour)
		w.must(w.msg.MarkRead(w.ctx, w.aHead, shared))
		w.must(w.msg.MarkRead(w.ctx, w.aHead, personal))
		list, err = w.msg.List(w.ctx, w.aHead)
		w.must(err)
		if list[1].ReadAt == nil || !list[1].ReadAt.Equal(first) || list[0].ReadAt == nil || !list[0].ReadAt.Equal(w.now) {
			t.Fatalf("read marks %+v", list)
		}
		if n, _ := db.Read().Count(w.ctx, `SELECT COUNT(*) FROM audit_log WHERE entity = 'message' AND summary = '标记消息已读'`); n != 3 {
			t.Fatalf("%d read marks audited, want 3", n)
		}
	})
}

func chinese(s string) bool {
	for _, r := range s {
		if r >= 0x4e00 && r <= 0x9fff {
			return true
		}
	}
	return false
}
