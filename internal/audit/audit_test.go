package audit_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"wenming/internal/audit"
	"wenming/internal/domain"
	"wenming/internal/store"
	"wenming/internal/store/storetest"
)

var (
	auditor = &domain.Actor{UserID: 9, Username: "auditor", RealName: "吴审计", Roles: []domain.Role{domain.RoleAuditAdmin}, Scope: domain.ScopeAll}
	clerk   = &domain.Actor{UserID: 3, Username: "wangkeyuan", RealName: "王科员", Roles: []domain.Role{domain.RoleOfficeStaff}, Scope: domain.ScopeRegion,
		IP: "10.12.0.8", RequestID: "req-0302-1"}
	liaison = &domain.Actor{UserID: 5, Username: "zhujian", RealName: "住建联络员", Roles: []domain.Role{domain.RoleUnitLiaison}, Scope: domain.ScopeUnit,
		IP: "10.12.3.4", RequestID: "req-0302-2"}
	cli = &domain.Actor{Username: "system", RealName: "命令行", Roles: []domain.Role{domain.RoleSecurityAdmin}, Scope: domain.ScopeAll}
)

// record writes one entry at a Beijing time of March 2026.
func record(t *testing.T, db *store.DB, clock *time.Time, day, hour int, actor *domain.Actor, ch audit.Change) {
	t.Helper()
	*clock = time.Date(2026, 3, day, hour, 0, 0, 0, domain.Beijing)
	ctx := context.Background()
	if err := db.Write(ctx, func(c *store.Conn) error { return audit.Record(ctx, c, actor, ch) }); err != nil {
		t.Fatal(err)
	}
}

// seeded is a log of eight entries over three days.
func seeded(t *testing.T, db *store.DB) *audit.Service {
	t.Helper()
	var now time.Time
	db.SetClock(func() time.Time { return now })
	record(t, db, &now, 1, 9, clerk, audit.Change{Action: "create", Entity: "unit", EntityID: 12, Summary: "新增单位“县城管局”", After: map[string]string{"name": "县城管局"}})
	record(t, db, &now, 1, 10, clerk, audit.Change{Action: "update", Entity: "unit", EntityID: 12, Summary: "修改单位“县城市管理局”",
		Before: map[string]string{"name": "县城管局"}, After: map[string]string{"name": "县城市管理局"}})
	record(t, db, &now, 1, 23, nil, audit.Change{Action: "login_failed", Entity: "session", Summary: "zhujian 登录失败：密码错误"})
	record(t, db, &now, 2, 0, liaison, audit.Change{Action: "login", Entity: "session", EntityID: 5, Summary: "住建联络员登录"})
	record(t, db, &now, 2, 9, liaison, audit.Change{Action: "report", Entity: "task", EntityID: 121, Summary: "县住建局 报告任务 13“洗脸”行动进展 40%"})
	record(t, db, &now, 2, 15, cli, audit.Change{Action: "password_reset", Entity: "person", EntityID: 5, Summary: "设置“住建联络员”（zhujian）的密码"})
	record(t, db, &now, 3, 8, clerk, audit.Change{Action: "dispatch", Entity: "case", EntityID: 1001, Summary: "派遣案件 20260303000001 至 县住建局（完成率 100%）"})
	record(t, db, &now, 3, 9, clerk, audit.Change{Action: "delete", Entity: "unit", EntityID: 1001, Summary: "删除单位“县城市管理局”"})
	return audit.NewService(db, map[string]string{"dispatch": "派遣", "create": "上报"})
}

// An entry commits or vanishes with the change it records, and says who
// did it, from where, and the record before and after.
func TestRecordGoesWithItsChange(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
		ctx := context.Background()
		svc := seeded(t, db)
		err := db.Write(ctx, func(c *store.Conn) error {
			if err := audit.Record(ctx, c, clerk, audit.Change{Action: "delete", Entity: "plan", EntityID: 7, Summary: "删除年度方案"}); err != nil {
				return err
			}
			return errors.New("the change failed")
		})
		if err == nil {
			t.Fatal("the failing change committed")
		}
		list, total, err := svc.List(ctx, auditor, audit.Filter{Page: 1, Size: 50})
		if err != nil || total != 8 || len(list) != 8 {
			t.Fatalf("%d entries (%v), want the 8 that committed", total, err)
		}
		byAction := map[string]audit.Entry{}
		for _, e := range list {
			byAction[e.Action] = e
		}
		upd := byAction["update"]
		if upd.ActorID == nil || *upd.ActorID != 3 || upd.ActorName != "王科员（wangkeyuan）" || upd.IP != "10.12.0.8" || upd.RequestID != "req-0302-1" ||
			upd.EntityID != "12" || string(upd.Before) != `{"name":"县城管局"}` || string(upd.After) != `{"name":"县城市管理局"}` ||
			!upd.At.Equal(time.Date(2026, 3, 1, 10, 0, 0, 0, domain.Beijing)) {
			t.Fatalf("update entry %+v", upd)
		}
		if e := byAction["login_failed"]; e.ActorID != nil || e.ActorName != "" || e.Before != nil || e.After != nil || e.EntityID != "" {
			t.Fatalf("anonymous entry %+v", e)
		}
		if e := byAction["password_reset"]; e.ActorID != nil || e.ActorName != "命令行（system）" {
			t.Fatalf("the program's own entry %+v", e)
		}
	})
}

// The log is filtered by who, what, which record and when (Beijing days,
// the end day included), newest first, a page at a time.
func TestListFilters(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
		ctx := context.Background()
		svc := seeded(t, db)
		day := func(d int) time.Time { return time.Date(2026, 3, d, 0, 0, 0, 0, domain.Beijing) }
		for _, tc := range []struct {
			name   string
			filter audit.Filter
			want   []string // summaries' first words, newest first
		}{
			{"everything", audit.Filter{}, []string{"删除单位", "派遣案件", "设置“住建联络员”", "县住建局", "住建联络员登录", "zhujian", "修改单位", "新增单位"}},
			{"by username", audit.Filter{Actor: "wangke"}, []string{"删除单位", "派遣案件", "修改单位", "新增单位"}},
			{"by real name", audit.Filter{Actor: "联络员"}, []string{"县住建局", "住建联络员登录"}},
			{"by action", audit.Filter{Action: "login_failed"}, []string{"zhujian"}},
			{"by entity", audit.Filter{Entity: "unit"}, []string{"删除单位", "修改单位", "新增单位"}},
			{"by words of the summary", audit.Filter{Q: "洗脸"}, []string{"县住建局"}},
			{"by the record's number", audit.Filter{Q: "1001"}, []string{"删除单位", "派遣案件"}},
			{"a part of a number is no record", audit.Filter{Q: "100", Entity: "unit"}, nil},
			{"a percent sign is a percent sign", audit.Filter{Q: "0%"}, []string{"派遣案件", "县住建局"}},
			{"a percent sign matches nothing else", audit.Filter{Q: "3%0"}, nil},
			{"an underscore is an underscore", audit.Filter{Actor: "zhu_ian"}, nil},
			{"from a day", audit.Filter{From: day(2)}, []string{"删除单位", "派遣案件", "设置“住建联络员”", "县住建局", "住建联络员登录"}},
			{"one Beijing day", audit.Filter{From: day(1), To: day(2)}, []string{"zhujian", "修改单位", "新增单位"}},
			{"all together", audit.Filter{Actor: "王科员", Entity: "unit", From: day(3), To: day(4)}, []string{"删除单位"}},
		} {
			t.Run(tc.name, func(t *testing.T) {
				tc.filter.Page, tc.filter.Size = 1, 50
				list, total, err := svc.List(ctx, auditor, tc.filter)
				if err != nil {
					t.Fatal(err)
				}
				var got []string
				for _, e := range list {
					got = append(got, summaryHead(e.Summary, tc.want))
				}
				if !slices.Equal(got, tc.want) || total != len(tc.want) {
					t.Fatalf("got %q (total %d), want %q", got, total, tc.want)
				}
			})
		}
		page, total, err := svc.List(ctx, auditor, audit.Filter{Page: 2, Size: 3})
		if err != nil || total != 8 || len(page) != 3 || !strings.HasPrefix(page[0].Summary, "县住建局") || page[2].Action != "login_failed" {
			t.Fatalf("page 2 of 3: %d of %d, first %+v (%v)", len(page), total, page, err)
		}
		if last, _, _ := svc.List(ctx, auditor, audit.Filter{Page: 3, Size: 3}); len(last) != 2 {
			t.Fatalf("last page holds %d entries", len(last))
		}
	})
}

// summaryHead returns the one of the wanted heads the summary starts with.
func summaryHead(summary string, heads []string) string {
	for _, h := range heads {
		if strings.HasPrefix(summary, h) {
			return h
		}
	}
	return summary
}

// Only the audit admin reads the log, not even the other administrators.
func TestOnlyTheAuditAdminReads(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
		ctx := context.Background()
		svc := seeded(t, db)
		for _, role := range []domain.Role{domain.RoleSysAdmin, domain.RoleSecurityAdmin, domain.RoleOfficeLeader, domain.RoleOfficeStaff,
			domain.RoleLeader, domain.RoleUnitHead, domain.RoleInspector} {
			t.Run(string(role), func(t *testing.T) {
				a := &domain.Actor{UserID: 4, Username: "someone", RealName: "某人", Roles: []domain.Role{role}, Scope: domain.ScopeAll}
				_, _, err := svc.List(ctx, a, audit.Filter{Page: 1, Size: 10})
				wantForbidden(t, err)
				wantForbidden(t, svc.Each(ctx, a, audit.Filter{}, func(audit.Entry) error { return nil }))
				var buf bytes.Buffer
				wantForbidden(t, svc.Export(ctx, a, audit.Filter{}, &buf))
				if buf.Len() != 0 {
					t.Fatalf("a refused export wrote %d bytes", buf.Len())
				}
			})
		}
	})
}

func wantForbidden(t *testing.T, err error) {
	t.Helper()
	de, ok := domain.AsError(err)
	if !ok || de.Code != domain.CodeForbidden || !strings.Contains(de.Message, "安全审计员") {
		t.Fatalf("want a Chinese refusal naming the audit admin, got %v", err)
	}
}

// The export is the filtered log as a workbook, newest first, times in
// Beijing and actions and records named in Chinese: a case's steps as the
// case lifecycle names them, never over a shared action's own name.
func TestExport(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
		ctx := context.Background()
		svc := seeded(t, db)
		if names := svc.ActionNames(); names["dispatch"] != "派遣" || names["create"] != "新增" {
			t.Fatalf("action names %v", names)
		}
		var buf bytes.Buffer
		if err := svc.Export(ctx, auditor, audit.Filter{Actor: "王科员"}, &buf); err != nil {
			t.Fatal(err)
		}
		x, err := excelize.OpenReader(&buf)
		if err != nil {
			t.Fatal(err)
		}
		defer x.Close()
		rows, err := x.GetRows("审计日志")
		if err != nil {
			t.Fatal(err)
		}
		if len(rows) != 5 || strings.Join(rows[0], "|") != "编号|时间（北京时间）|操作人|操作|对象|对象编号|摘要|修改前|修改后|IP|请求编号" {
			t.Fatalf("%d rows, header %q", len(rows), rows[0])
		}
		want := [][]string{
			{"2026-03-03 09:00:00", "王科员（wangkeyuan）", "删除", "单位", "1001"},
			{"2026-03-03 08:00:00", "王科员（wangkeyuan）", "派遣", "案件", "1001"},
			{"2026-03-01 10:00:00", "王科员（wangkeyuan）", "修改", "单位", "12"},
			{"2026-03-01 09:00:00", "王科员（wangkeyuan）", "新增", "单位", "12"},
		}
		for i, w := range want {
			if got := rows[i+1][1:6]; !slices.Equal(got, w) {
				t.Errorf("row %d: %q, want %q", i+2, got, w)
			}
		}
		if r := rows[3]; r[7] != `{"name":"县城管局"}` || r[8] != `{"name":"县城市管理局"}` || r[9] != "10.12.0.8" || r[10] != "req-0302-1" {
			t.Errorf("update row %q", r)
		}
		if rows[1][0] != fmt.Sprint(8) {
			t.Errorf("first number %q, want the newest entry's 8", rows[1][0])
		}
	})
}
