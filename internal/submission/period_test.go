package submission

import "testing"

func TestPeriods(t *testing.T) {
	for _, tt := range []struct{ cadence, month, period, deadline string }{
		{"month", "2026-11", "2026-11", "2026-11-30"},
		{"month", "2028-02", "2028-02", "2028-02-29"},
		{"quarter", "2026-11", "2026-Q4", "2026-12-31"},
		{"quarter", "2026-01", "2026-Q1", "2026-03-31"},
		{"quarter", "2026-06", "2026-Q2", "2026-06-30"},
		{"year", "2026-03", "2026", "2026-12-31"},
	} {
		if got := periodOf(tt.cadence, tt.month); got != tt.period {
			t.Errorf("periodOf(%s, %s) = %s, want %s", tt.cadence, tt.month, got, tt.period)
		}
		if got := deadline(tt.period); got != tt.deadline {
			t.Errorf("deadline(%s) = %s, want %s", tt.period, got, tt.deadline)
		}
		if got := periodOf(tt.cadence, monthOf(tt.period)); got != tt.period {
			t.Errorf("monthOf(%s) leaves the period", tt.period)
		}
	}
}
