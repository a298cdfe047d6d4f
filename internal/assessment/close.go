package assessment

import (
	"context"
	"encoding/json"
	"fmt"
	"io"

	"wenming/internal/audit"
	"wenming/internal/domain"
	"wenming/internal/patrol"
	"wenming/internal/score"
	"wenming/internal/store"
	"wenming/internal/xlsx"
)

// CloseRound ends a round and keeps its score as it stands, so later
// changes to the framework or the data do not move a past result.
func (s *Service) CloseRound(ctx context.Context, actor *domain.Actor, id int64) (_ Round, err error) {
	defer domain.Wrap(&err, "assessment.CloseRound %d", id)
	if err := requireOffice(actor); err != nil {
		return Round{}, err
	}
	r, err := governedRound(ctx, s.db.Read(), actor, id)
	if err != nil {
		return Round{}, err
	}
	if r.Status != "drawn" {
		return Round{}, domain.Conflict("", "只有进行中的测评可以结束")
	}
	sc, err := s.roundScore(ctx, s.db.Read(), r)
	if err != nil {
		return Round{}, err
	}
	kept, err := json.Marshal(sc)
	if err != nil {
		return Round{}, err
	}
	var out Round
	err = s.db.Write(ctx, func(c *store.Conn) error {
		res, err := c.Exec(ctx, `UPDATE rounds SET status = 'closed', closed_at = ?, score = ? WHERE id = ? AND status = 'drawn'`, c.Now, string(kept), id)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return domain.Conflict("", "该测评已结束")
		}
		if out, err = getRound(ctx, c, id); err != nil {
			return err
		}
		return audit.Record(ctx, c, actor, audit.Change{Action: "close", Entity: "round", EntityID: id,
			Summary: fmt.Sprintf("模拟测评 %s 结束：完成 %d/%d 个点位，总分 %.2f", r.Name, r.DoneCount, r.PointCount, sc.Total)})
	})
	return out, err
}

// ExportRound writes a round's whole result: totals, the tree, every
// standard, weak spots, units, regions and every observation.
func (s *Service) ExportRound(ctx context.Context, actor *domain.Actor, id int64, w io.Writer) (_ string, err error) {
	defer domain.Wrap(&err, "assessment.ExportRound %d", id)
	sc, err := s.RoundScore(ctx, actor, id)
	if err != nil {
		return "", err
	}
	r, err := readRound(ctx, s.db.Read(), actor, id)
	if err != nil {
		return "", err
	}
	obs, err := s.allObservations(ctx, actor, id)
	if err != nil {
		return "", err
	}
	return r.Name + "-测评结果.xlsx", writeRound(w, sc, obs)
}

// writeRound writes a round's sheets, each table's first row its header.
func writeRound(w io.Writer, sc Score, observations [][]any) error {
	book := xlsx.New(w)
	defer book.Abandon()
	for _, sh := range []struct {
		name  string
		width float64
		rows  [][]any
	}{
		{"总分", 16, totalsRows(sc)},
		{"指标得分", 12, nodeRows(sc)},
		{"测评标准", 12, standardRows(sc.Standards)},
		{"短板", 12, standardRows(sc.WeakSpots)},
		{"单位失分", 16, unitRows(sc)},
		{"区域失分", 16, regionRows(sc)},
		{"观测记录", 16, observations},
	} {
		titles := make([]string, len(sh.rows[0]))
		for i, t := range sh.rows[0] {
			titles[i] = fmt.Sprint(t)
		}
		if err := book.Sheet(sh.name, xlsx.Columns(sh.width, titles...)...); err != nil {
			return err
		}
		for _, row := range sh.rows[1:] {
			if err := book.Row(row...); err != nil {
				return err
			}
		}
	}
	return book.Close()
}

func opt(v *float64) any {
	if v == nil {
		return "—"
	}
	return *v
}

// rate is a rate as a percentage, or "—" without data.
func rate(v *float64) any {
	if v == nil {
		return "—"
	}
	return xlsx.Percent(*v)
}

func totalsRows(sc Score) [][]any {
	rows := [][]any{{"项目", "值"}, {"总分", sc.Total}, {"基本指标", sc.Basic}, {"特色指标", sc.Special}, {"扣分", sc.Deductions}, {"综合得分", opt(sc.Combined)}}
	if sc.Minors != nil {
		rows = append(rows, []any{"未成年人测评", sc.Minors.Total})
	}
	eligible := "是"
	if !sc.Eligible {
		eligible = "否"
	}
	rows = append(rows, []any{"具备资格", eligible})
	for _, r := range sc.Reasons {
		rows = append(rows, []any{"原因", r})
	}
	return append(rows, []any{"统计区间", sc.From + " 至 " + sc.To})
}

func nodeRows(sc Score) [][]any {
	rows := [][]any{{"编码", "名称", "层级", "分值", "得分", "有数据的分值", "得分率", "等级", "扣分"}}
	for _, n := range sc.Nodes {
		rows = append(rows, []any{n.Code, n.Name, n.Level, n.Weight, opt(n.Points), n.Max, rate(n.Rate), n.Grade, n.Deducted})
	}
	return rows
}

func standardRows(list []score.StandardScore) [][]any {
	rows := [][]any{{"编码", "标准内容", "得分率", "失分", "合格", "不合格", "不适用", "上轮得分率"}}
	for _, s := range list {
		var pass, fail, na any = "", "", ""
		if s.Field != nil {
			pass, fail, na = s.Field.Pass, s.Field.Fail, s.Field.NA
		}
		rows = append(rows, []any{s.Code, s.Text, rate(s.Rate), opt(s.PointsLost), pass, fail, na, rate(s.PreviousRate)})
	}
	return rows
}

func unitRows(sc Score) [][]any {
	rows := [][]any{{"单位", "失分", "不合格次数"}}
	for _, u := range sc.Units {
		rows = append(rows, []any{u.UnitName, u.PointsLost, u.Fail})
	}
	return rows
}

func regionRows(sc Score) [][]any {
	rows := [][]any{{"区域", "失分", "不合格次数"}}
	for _, r := range sc.Regions {
		rows = append(rows, []any{r.Name, r.PointsLost, r.Fail})
	}
	return rows
}

// allObservations lists every judgement of a round, page by page.
func (s *Service) allObservations(ctx context.Context, actor *domain.Actor, id int64) ([][]any, error) {
	rows := [][]any{{"时间", "点位", "类别", "责任单位", "区域", "检查项", "结果", "说明", "测评员", "案件"}}
	for page := 1; ; page++ {
		list, total, err := s.patrol.Observations(ctx, actor, patrol.ObservationFilter{Window: patrol.Window{RoundID: &id}, Page: page, PageSize: 200})
		if err != nil {
			return nil, err
		}
		for _, o := range list {
			rows = append(rows, []any{o.ObservedAt, o.PointName, o.CategoryName, o.UnitName, o.RegionName,
				o.CheckText, domain.NameOf(patrol.Results, o.Result), o.Note, o.InspectorName, o.CaseCode})
		}
		if page*200 >= total {
			return rows, nil
		}
	}
}
