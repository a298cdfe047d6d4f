package cases

import (
	"context"
	"database/sql"
	"io"
	"strings"
	"wenming/internal/domain"
	"wenming/internal/store"
	"wenming/internal/xlsx"
)

// Export writes every case of a filter as a workbook, row by row into w:
// memory stays flat however many cases there are. One goroutine reads the
// cases a batch at a time while this one names them (their co-handling
// units in one query per batch) and writes them, and the workbook
// compresses on a third: on a busy export each waits less for the others.
func (s *Service) Export(ctx context.Context, actor *domain.Actor, f Filter, w io.Writer) (err error) {
	defer domain.Wrap(&err, "cases.Export")
	e, err := s.config(ctx)
	if err != nil {
		return err
	}
	c := s.db.Read()
	where, args, err := e.where(actor, f, c.Now)
	if err != nil {
		return err
	}
	ctx, stop := context.WithCancel(ctx)
	defer stop()
	rows, err := c.Query(ctx, strings.Replace(selectCase, "FROM cases", "FROM cases c", 1)+where+` ORDER BY c.created_at DESC, c.id DESC`, args...)
	if err != nil {
		return err
	}
	book := xlsx.New(w)
	defer book.Abandon()
	if err := book.Sheet("案件", exportColumns...); err != nil {
		rows.Close()
		return err
	}
	batches := make(chan []Case, 2)
	var readErr error
	go func() {
		defer close(batches)
		readErr = readBatches(ctx, rows, batches)
	}()
	for batch := range batches {
		if err == nil {
			err = exportBatchOf(ctx, c, e, book, batch)
		}
		if err != nil {
			stop() // the reader ends; the loop drains what it had sent
		}
	}
	if err != nil {
		return err
	}
	if readErr != nil {
		return readErr
	}
	return book.Close()
}

// readBatches scans the rows into batches of exportBatch cases.
func readBatches(ctx context.Context, rows *sql.Rows, out chan<- []Case) error {
	defer rows.Close()
	batch := make([]Case, 0, exportBatch)
	send := func() bool {
		select {
		case out <- batch:
			batch = make([]Case, 0, exportBatch)
			return true
		case <-ctx.Done():
			return false
		}
	}
	for rows.Next() {
		k, err := scanCase(rows)
		if err != nil {
			return err
		}
		if batch = append(batch, k); len(batch) == exportBatch && !send() {
			return ctx.Err()
		}
	}
	if err := rows.Err(); err != nil {
		return err
	}
	if len(batch) > 0 && !send() {
		return ctx.Err()
	}
	return nil
}

// exportBatchOf names a batch of cases and writes their rows.
func exportBatchOf(ctx context.Context, c *store.Conn, e *caseConfig, book *xlsx.Writer, batch []Case) error {
	if err := fillCoUnits(ctx, c, batch); err != nil {
		return err
	}
	for i := range batch {
		e.name(&batch[i], c.Now)
		if err := book.Row(exportRow(batch[i])...); err != nil {
			return err
		}
	}
	return nil
}

// exportBatch is how many cases are named at a time in an export.
const exportBatch = 500

var exportColumns = []xlsx.Column{
	xlsx.Col("案件编号", 18), xlsx.Col("来源", 10), xlsx.Col("工单编号", 14), xlsx.Col("状态", 8), xlsx.Col("结案方式", 10), xlsx.Col("类别", 20),
	xlsx.Col("问题描述", 40), xlsx.Col("地址", 30), xlsx.Col("纬度", 10), xlsx.Col("经度", 11), xlsx.Col("区域", 12), xlsx.Col("主办单位", 16),
	xlsx.Col("协办单位", 20), xlsx.Col("反映人", 10), xlsx.Col("联系电话", 13), xlsx.Col("上报时间", 16), xlsx.Col("派遣时间", 16), xlsx.Col("签收时间", 16),
	xlsx.Col("处置时限", 16), xlsx.Col("回复时间", 16), xlsx.Col("结案时间", 16), xlsx.Col("是否超期", 8), xlsx.Col("返工次数", 8), xlsx.Col("退回次数", 8),
	xlsx.Col("改派次数", 8), xlsx.Col("评价", 6),
}

// exportRow is a case's row; its times are date cells and a missing one
// (or coordinate, or rating) an empty cell.
func exportRow(k Case) []any {
	overdue := "否"
	if k.Overdue {
		overdue = "是"
	}
	co := []string{}
	for _, u := range k.CoUnits {
		co = append(co, u.Name)
	}
	return []any{k.Code, domain.NameOf(Sources, k.Source), k.ExternalID, stateName(k.State), domain.NameOf(Closings, k.Closing),
		k.CategoryPath, k.Description, k.Address, k.Lat, k.Lng, k.RegionName, k.LeadUnitName, strings.Join(co, "、"),
		k.ReporterName, k.ReporterPhone, k.CreatedAt, k.DispatchedAt, k.AcceptedAt, k.Deadline, k.ReportedAt, k.ClosedAt,
		overdue, k.ReworkCount, k.ReturnCount, k.HopCount, k.Rating}
}
