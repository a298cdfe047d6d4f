package demo

import (
	"context"
	"time"

	"wenming/internal/domain"
	"wenming/internal/org"
	"wenming/internal/ranking"
)

// LoadRanking records a few sanctions and publishes last month's bulletin,
// so units find a ranking, a bulletin and a supervision list to read.
func LoadRanking(ctx context.Context, orgs *org.Service, svc *ranking.Service) error {
	office, err := CountyActor(ctx, orgs, "演示数据", domain.RoleOfficeLeader)
	if err != nil {
		return err
	}
	lastMonth := time.Now().In(domain.Beijing).AddDate(0, -1, 0)
	day := lastMonth.Format(time.DateOnly)
	for _, s := range []struct{ kind, unit, title, body string }{
		{"talk", "县住建局", "约谈县住建局分管负责人", "针对背街小巷环境卫生反复出现问题、案件超期较多，县文明办约谈分管负责人，要求建立长效保洁机制。"},
		{"notice", "会师镇", "督办：农贸市场周边占道经营", "东关农贸市场周边占道经营反弹，请于 3 个工作日内整改到位并报送整改情况。"},
		{"exposure", "县市场监管局", "曝光：农贸市场环境脏乱", "在县融媒体中心《创城曝光台》栏目曝光东关农贸市场污水横流、摊位杂乱问题。"},
	} {
		unit, err := orgs.UnitID(ctx, office, s.unit)
		if err != nil {
			return err
		}
		if _, err := svc.RecordSanction(ctx, office, ranking.SanctionInput{Kind: s.kind, UnitID: unit, Title: s.title, Body: s.body, OccurredAt: day}); err != nil {
			return err
		}
	}
	b, err := svc.CreateBulletin(ctx, office, ranking.BulletinInput{Kind: "month", Period: ranking.PeriodOf("month", lastMonth).Code})
	if err != nil {
		return err
	}
	if _, err := svc.ApproveBulletin(ctx, office, b.ID); err != nil {
		return err
	}
	_, err = svc.PublishBulletin(ctx, office, b.ID)
	return err
}
