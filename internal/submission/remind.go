package submission

import (
	"context"
	"fmt"
	"strings"

	"wenming/internal/audit"
	"wenming/internal/domain"
	"wenming/internal/message"
	"wenming/internal/store"
)

// SendWeeklyReminders sends each unit with missing, late or returned items
// one reminder per ISO week (周提醒). Running it again in the same week, or
// on two app servers at once, sends nothing more. It reports how many it
// sent.
func (s *Service) SendWeeklyReminders(ctx context.Context) (_ int, err error) {
	defer domain.Wrap(&err, "submission.SendWeeklyReminders")
	system := domain.System("周提醒")
	month := s.db.Now().In(domain.Beijing).Format("2006-01")
	reqs, err := s.Requirements(ctx, system, RequirementFilter{})
	if err != nil {
		return 0, err
	}
	items, err := s.items(ctx, reqs, month)
	if err != nil {
		return 0, err
	}
	open := map[int64][]string{}
	var order []int64
	for _, it := range items {
		switch it.State {
		case "missing", "late", "returned", "draft":
		default:
			continue
		}
		u := it.Requirement.UnitID
		if open[u] == nil {
			order = append(order, u)
		}
		open[u] = append(open[u], fmt.Sprintf("%s（%s，%s）", it.Requirement.StandardCode, it.Period, stateNames[it.State]))
	}
	week := isoWeek(s.db.Now())
	sent := 0
	err = s.db.Write(ctx, func(c *store.Conn) error {
		for _, u := range order {
			list := open[u]
			body := fmt.Sprintf("本单位有 %d 项材料尚未报送或被退回：%s。请在截止日期前报送。", len(list), strings.Join(list, "、"))
			ok, err := message.Send(ctx, c, u, "reminder", "材料报送周提醒", body, fmt.Sprintf("weekly-submission:%d:%s", u, week))
			if err != nil {
				return err
			}
			if ok {
				sent++
			}
		}
		if sent == 0 {
			return nil
		}
		return audit.Record(ctx, c, system, audit.Change{Action: "create", Entity: "message", Summary: fmt.Sprintf("发送材料报送周提醒 %d 条（%s）", sent, week)})
	})
	return sent, err
}
