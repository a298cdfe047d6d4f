package ranking

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"wenming/internal/domain"
)

// Period is a week, month or quarter, in Beijing time.
type Period struct {
	Code     string    `json:"code"`
	Kind     string    `json:"kind"` // week, month, quarter
	From, To time.Time `json:"-"`
}

// ParsePeriod reads "2026-W48", "2026-11" or "2026-Q4".
func ParsePeriod(field, s string) (Period, error) {
	bad := domain.Invalid(field, "周期“"+s+"”格式应为 2026-W48（周）、2026-11（月）或 2026-Q4（季度）")
	year, rest, ok := strings.Cut(s, "-")
	y, err := strconv.Atoi(year)
	if !ok || err != nil || y < 2000 || y > 2100 {
		return Period{}, bad
	}
	switch {
	case strings.HasPrefix(rest, "W"):
		w, err := strconv.Atoi(rest[1:])
		if err != nil || w < 1 || w > 53 {
			return Period{}, bad
		}
		jan4 := time.Date(y, 1, 4, 0, 0, 0, 0, domain.Beijing)
		monday := jan4.AddDate(0, 0, -((int(jan4.Weekday())+6)%7)+(w-1)*7)
		if _, iw := monday.ISOWeek(); iw != w {
			return Period{}, bad
		}
		return Period{Code: s, Kind: "week", From: monday, To: monday.AddDate(0, 0, 7)}, nil
	case strings.HasPrefix(rest, "Q"):
		q, err := strconv.Atoi(rest[1:])
		if err != nil || q < 1 || q > 4 {
			return Period{}, bad
		}
		from := time.Date(y, time.Month(3*q-2), 1, 0, 0, 0, 0, domain.Beijing)
		return Period{Code: s, Kind: "quarter", From: from, To: from.AddDate(0, 3, 0)}, nil
	}
	m, err := strconv.Atoi(rest)
	if err != nil || m < 1 || m > 12 || len(rest) != 2 {
		return Period{}, bad
	}
	from := time.Date(y, time.Month(m), 1, 0, 0, 0, 0, domain.Beijing)
	return Period{Code: s, Kind: "month", From: from, To: from.AddDate(0, 1, 0)}, nil
}

// PeriodOf returns the period of a kind that holds t.
func PeriodOf(kind string, t time.Time) Period {
	b := t.In(domain.Beijing)
	var code string
	switch kind {
	case "week":
		y, w := b.ISOWeek()
		code = fmt.Sprintf("%d-W%02d", y, w)
	case "quarter":
		code = fmt.Sprintf("%d-Q%d", b.Year(), (int(b.Month())+2)/3)
	default:
		code = b.Format("2006-01")
	}
	p, _ := ParsePeriod("period", code)
	return p
}

// Previous is the period of the same kind just before.
func (p Period) Previous() Period { return PeriodOf(p.Kind, p.From.Add(-time.Hour)) }

// Quarter is the quarter that holds the period's last day: submissions
// are counted by quarter.
func (p Period) Quarter() string { return PeriodOf("quarter", p.To.Add(-time.Hour)).Code }

// Name is the period in Chinese, for titles.
func (p Period) Name() string {
	switch p.Kind {
	case "week":
		y, w := p.From.ISOWeek()
		return fmt.Sprintf("%d年第%d周", y, w)
	case "quarter":
		return fmt.Sprintf("%d年第%d季度", p.From.Year(), (int(p.From.Month())+2)/3)
	}
	return fmt.Sprintf("%d年%d月", p.From.Year(), int(p.From.Month()))
}
