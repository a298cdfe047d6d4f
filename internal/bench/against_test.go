package bench

import (
	"math"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

func results(pairs ...any) []Result {
	var out []Result
	for i := 0; i < len(pairs); i += 2 {
		out = append(out, Result{Operation: pairs[i].(string), Ratio: pairs[i+1].(float64)})
	}
	return out
}

// Each operation's ratio is set against the previous run's: worse by more
// than ten per cent is flagged, ten or less and better are not; an export
// whose row count moved is still the same export, the n-th against the
// n-th; an operation the previous run did not measure is new.
func TestAgainst(t *testing.T) {
	tests := []struct {
		name           string
		previous, now  []Result
		want           []Change
		wantWorse      []string
		wantInMarkdown []string
	}{
		{
			name:     "worse, within and better",
			previous: results("派遣", 3.0, "单位案件列表（首页）", 3.6, "驾驶舱（热）", 1.5),
			now:      results("派遣", 3.4, "单位案件列表（首页）", 3.96, "驾驶舱（热）", 1.2),
			want: []Change{
				{Operation: "派遣", Previous: 3.0, Ratio: 3.4, Percent: 13.33, Worse: true},
				{Operation: "单位案件列表（首页）", Previous: 3.6, Ratio: 3.96, Percent: 10},
				{Operation: "驾驶舱（热）", Previous: 1.5, Ratio: 1.2, Percent: -20},
			},
			wantWorse:      []string{"派遣"},
			wantInMarkdown: []string{"| 派遣 | 3.00× | 3.40× | +13 % | ⚠ |", "| 驾驶舱（热） | 1.50× | 1.20× | -20 % |  |"},
		},
		{
			name:     "exports matched in order whatever their row counts",
			previous: results("Excel 导出 10051 行", 1.0, "Excel 导出 100377 行", 0.7),
			now:      results("Excel 导出 10439 行", 1.1, "Excel 导出 99812 行", 0.8),
			want: []Change{
				{Operation: "Excel 导出 10439 行", Previous: 1.0, Ratio: 1.1, Percent: 10},
				{Operation: "Excel 导出 99812 行", Previous: 0.7, Ratio: 0.8, Percent: 14.29, Worse: true},
			},
			wantWorse: []string{"Excel 导出 99812 行"},
		},
		{
			name:           "a new operation",
			previous:       results("驾驶舱（热）", 1.5),
			now:            results("驾驶舱（热）", 1.5, "驾驶舱（热，区县）", 2.0),
			want:           []Change{{Operation: "驾驶舱（热）", Previous: 1.5, Ratio: 1.5}, {Operation: "驾驶舱（热，区县）", Ratio: 2.0}},
			wantInMarkdown: []string{"| 驾驶舱（热，区县） | — | 2.00× | new | |"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := Against(Report{Scale: "medium", DB: "sqlite", Commit: "abc", Results: tt.previous}, tt.now)
			round := cmp.Transformer("round", func(x float64) float64 { return math.Round(x*100) / 100 })
			if diff := cmp.Diff(tt.want, c.Changes, round); diff != "" {
				t.Errorf("changes (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.wantWorse, c.Worse(), cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("worse (-want +got):\n%s", diff)
			}
			md := c.Markdown()
			for _, line := range tt.wantInMarkdown {
				if !strings.Contains(md, line) {
					t.Errorf("markdown lacks %q:\n%s", line, md)
				}
			}
		})
	}
}

// A previous run of another scale or engine is no baseline.
func TestCompareWithOnlyLikeRuns(t *testing.T) {
	prev := Report{Scale: "medium", DB: "sqlite", Results: results("派遣", 3.0)}
	for _, tt := range []struct {
		name      string
		scale, db string
		want      bool
	}{
		{"same scale and engine", "medium", "sqlite", true},
		{"another scale", "small", "sqlite", false},
		{"another engine", "medium", "postgres", false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			r := Report{Scale: tt.scale, DB: tt.db, Results: results("派遣", 2.0)}
			if got := r.CompareWith(prev); got != tt.want || (r.Against != nil) != tt.want {
				t.Errorf("CompareWith = %v (against set: %v), want %v", got, r.Against != nil, tt.want)
			}
			if tt.want && !strings.Contains(r.Markdown(), "| 派遣 | 3.00× | 2.00× | -33 % |  |") {
				t.Errorf("the report does not show the comparison:\n%s", r.Markdown())
			}
		})
	}
}
