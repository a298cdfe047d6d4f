package xlsx

import (
	"archive/zip"
	"compress/flate"
	"fmt"
	"io"
	"runtime"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"wenming/internal/domain"
)

// The rows of the case export: its 26 columns, with text of the lengths
// real cases have.
var caseHeader = []string{"案件编号", "来源", "工单编号", "状态", "结案方式", "类别", "问题描述", "地址", "纬度", "经度", "区域", "主办单位", "协办单位",
	"反映人", "联系电话", "上报时间", "派遣时间", "签收时间", "处置时限", "回复时间", "结案时间", "是否超期", "返工次数", "退回次数", "改派次数", "评价"}

var descriptions = []string{"路边垃圾堆积，已有异味，影响周边居民出行", "人行道上共享单车乱停乱放，堵塞盲道", "小区门口流动摊贩占道经营，傍晚尤其严重，多次劝离无效",
	"公园健身器材损坏", "农贸市场东侧排水沟堵塞，污水外溢到路面，需尽快疏通并清理"}

func caseRow(i int) []any {
	at := time.Date(2026, 9, 7, 8, 0, 0, 0, time.UTC).Add(time.Duration(i) * 97 * time.Second)
	when := func(d time.Duration) any { return at.Add(d) }
	lat, lng := 35.69+float64(i%500)/10000, 105.05+float64(i%700)/10000
	return []any{fmt.Sprintf("SP20260907-%05d", i), "随手拍", "", "已结案", "已整改", "市容环境/乱堆乱放", descriptions[i%len(descriptions)],
		"会师镇东关街 12 号", lat, lng, "会师镇", "县住建局", "县市场监管局", "市民", "138****1234",
		when(0), when(time.Hour), when(2 * time.Hour), when(10 * time.Hour), when(5 * time.Hour), when(6 * time.Hour), "否", 0, 1, 0, 5}
}

// peakHeap runs fn and reports how far the heap in use rose, in MB.
func peakHeap(fn func()) float64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	base, peak := m.HeapInuse, m.HeapInuse
	done, sampled := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(sampled)
		tick := time.NewTicker(5 * time.Millisecond)
		defer tick.Stop()
		for {
			select {
			case <-done:
				return
			case <-tick.C:
				runtime.ReadMemStats(&m)
				peak = max(peak, m.HeapInuse)
			}
		}
	}()
	fn()
	close(done)
	<-sampled
	return float64(peak-base) / (1 << 20)
}

// BenchmarkCaseRows writes the case export's rows with this package's
// writer and with excelize's stream writer, the same cells (a bold frozen
// header, times as date cells): as excelize writes by default (the whole
// zip built in a buffer at default compression), and with a zip writer of
// the caller's (straight into the destination at the fastest compression,
// as this writer does). It is what chose this writer over excelize's:
//
//	go test -run '^$' -bench CaseRows -benchtime 3x -benchmem ./internal/xlsx
func BenchmarkCaseRows(b *testing.B) {
	for _, n := range []int{20_000, 100_000} {
		rows := make([][]any, n)
		for i := range rows {
			rows[i] = caseRow(i)
		}
		b.Run(fmt.Sprintf("xlsx/%d", n), func(b *testing.B) {
			var mb float64
			for b.Loop() {
				mb = max(mb, peakHeap(func() {
					w := New(io.Discard)
					if err := w.Sheet("案件", Columns(14, caseHeader...)...); err != nil {
						b.Fatal(err)
					}
					for _, r := range rows {
						if err := w.Row(r...); err != nil {
							b.Fatal(err)
						}
					}
					if err := w.Close(); err != nil {
						b.Fatal(err)
					}
				}))
			}
			b.ReportMetric(mb, "peak-heap-MB")
		})
		for _, direct := range []bool{false, true} {
			name := "excelize"
			if direct {
				name = "excelize-fastzip"
			}
			b.Run(fmt.Sprintf("%s/%d", name, n), func(b *testing.B) {
				var mb float64
				for b.Loop() {
					mb = max(mb, peakHeap(func() { excelizeRows(b, rows, direct) }))
				}
				b.ReportMetric(mb, "peak-heap-MB")
			})
		}
	}
}

func excelizeRows(b *testing.B, rows [][]any, direct bool) {
	f := excelize.NewFile()
	defer f.Close()
	f.SetSheetName("Sheet1", "案件")
	sw, err := f.NewStreamWriter("案件")
	if err != nil {
		b.Fatal(err)
	}
	bold, _ := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	date, _ := f.NewStyle(&excelize.Style{CustomNumFmt: ptr("yyyy-mm-dd hh:mm")})
	sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"})
	sw.SetColWidth(1, len(caseHeader), 14)
	header := make([]any, len(caseHeader))
	for i, h := range caseHeader {
		header[i] = excelize.Cell{Value: h, StyleID: bold}
	}
	sw.SetRow("A1", header)
	cells := make([]any, len(caseHeader))
	for i, r := range rows {
		for k, v := range r {
			if t, ok := v.(time.Time); ok {
				v = excelize.Cell{Value: t.In(domain.Beijing), StyleID: date}
			}
			cells[k] = v
		}
		cell, _ := excelize.CoordinatesToCellName(1, i+2)
		if err := sw.SetRow(cell, cells); err != nil {
			b.Fatal(err)
		}
	}
	if err := sw.Flush(); err != nil {
		b.Fatal(err)
	}
	if direct {
		f.SetZipWriter(func(io.Writer) excelize.ZipWriter {
			z := zip.NewWriter(io.Discard)
			z.RegisterCompressor(zip.Deflate, func(out io.Writer) (io.WriteCloser, error) { return flate.NewWriter(out, flate.BestSpeed) })
			return z
		})
	}
	if _, err := f.WriteTo(io.Discard); err != nil {
		b.Fatal(err)
	}
}

func ptr[T any](v T) *T { return &v }
