package submission

import (
	"fmt"
	"regexp"
	"strconv"
	"time"

	"wenming/internal/domain"
)

var monthPattern = regexp.MustCompile(`^(\d{4})-(0[1-9]|1[0-2])$`)

// periodOf is the period of a cadence that contains a month (YYYY-MM):
// 2026-11, 2026-Q4 or 2026.
func periodOf(cadence, month string) string {
	year, mon := month[:4], month[5:]
	switch cadence {
	case "month":
		return month
	case "quarter":
		m, _ := strconv.Atoi(mon)
		return fmt.Sprintf("%s-Q%d", year, (m-1)/3+1)
	}
	return year
}

// deadline is the last day of a period, as YYYY-MM-DD.
func deadline(period string) string {
	year, _ := strconv.Atoi(period[:4])
	var end time.Time
	switch {
	case len(period) == 4:
		end = time.Date(year, 12, 31, 0, 0, 0, 0, domain.Beijing)
	case period[5] == 'Q':
		q := int(period[6] - '0')
		end = time.Date(year, time.Month(q*3)+1, 0, 0, 0, 0, 0, domain.Beijing)
	default:
		m, _ := strconv.Atoi(period[5:])
		end = time.Date(year, time.Month(m)+1, 0, 0, 0, 0, 0, domain.Beijing)
	}
	return end.Format("2006-01-02")
}

// validMonth checks a YYYY-MM month.
func validMonth(field, month string) error {
	if !monthPattern.MatchString(month) {
		return domain.Invalid(field, "月份格式应为 YYYY-MM，如 2026-11")
	}
	return nil
}

var periodPattern = regexp.MustCompile(`^\d{4}(-Q[1-4]|-(0[1-9]|1[0-2]))?$`)

func validPeriod(p string) error {
	if !periodPattern.MatchString(p) {
		return domain.Invalid("period", "周期格式应为 2026、2026-Q4 或 2026-11")
	}
	return nil
}

// cadenceOf tells the cadence a period string is written in.
func cadenceOf(period string) string {
	switch {
	case len(period) == 4:
		return "year"
	case period[5] == 'Q':
		return "quarter"
	}
	return "month"
}

// monthOf returns a month inside a period, to derive the period of another
// cadence: the period's last month.
func monthOf(period string) string {
	switch cadenceOf(period) {
	case "year":
		return period + "-12"
	case "quarter":
		return fmt.Sprintf("%s-%02d", period[:4], int(period[6]-'0')*3)
	}
	return period
}

// today is the Beijing date.
func today(now time.Time) string { return now.In(domain.Beijing).Format("2006-01-02") }

// isoWeek names the week of a time, for once-a-week reminders.
func isoWeek(now time.Time) string {
	y, w := now.In(domain.Beijing).ISOWeek()
	return fmt.Sprintf("%d-W%02d", y, w)
}

// CurrentPeriod is the period of a cadence that contains today.
func CurrentPeriod(s *Service, cadence string) string {
	return periodOf(cadence, s.db.Now().In(domain.Beijing).Format("2006-01"))
}
