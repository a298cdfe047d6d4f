package cases

import (
	"context"
	"fmt"
	"time"

	"wenming/internal/domain"
	"wenming/internal/store"
)

// Calendar counts working time: Monday to Friday between the day's start
// and end (Beijing time), except listed holidays, plus swapped working days
// (调休) that fall on a weekend. Time limits and overdue checks count only
// this time, as digital city management and the 12345 hotlines do.
type Calendar struct {
	start, end int               // minutes after midnight
	days       map[string]string // "2026-10-01" → holiday | workday
}

// maxDays bounds a walk through the calendar: no limit is longer.
const maxDays = 3660

// WorkingDay tells whether a date (in Beijing) is a working day.
func (cal Calendar) WorkingDay(t time.Time) bool {
	t = t.In(domain.Beijing)
	switch cal.days[t.Format(time.DateOnly)] {
	case "holiday":
		return false
	case "workday":
		return true
	}
	return t.Weekday() != time.Saturday && t.Weekday() != time.Sunday
}

// window returns the working hours of the day that holds t.
func (cal Calendar) window(t time.Time) (from, to time.Time) {
	midnight := domain.Midnight(t)
	return midnight.Add(time.Duration(cal.start) * time.Minute), midnight.Add(time.Duration(cal.end) * time.Minute)
}

func nextMidnight(t time.Time) time.Time {
	b := t.In(domain.Beijing)
	return time.Date(b.Year(), b.Month(), b.Day()+1, 0, 0, 0, 0, domain.Beijing)
}

// Add returns the moment that lies the given working minutes after from.
func (cal Calendar) Add(from time.Time, minutes int) time.Time {
	t := from
	left := time.Duration(minutes) * time.Minute
	for range maxDays {
		if cal.WorkingDay(t) {
			open, shut := cal.window(t)
			if t.Before(open) {
				t = open
			}
			if t.Before(shut) {
				if avail := shut.Sub(t); left <= avail {
					return t.Add(left).UTC()
				} else {
					left -= avail
				}
			}
		}
		t = nextMidnight(t)
	}
	return t.UTC()
}

// Between returns the working minutes from a to b, negative when b is
// before a.
func (cal Calendar) Between(a, b time.Time) int {
	if b.Before(a) {
		return -cal.Between(b, a)
	}
	var sum time.Duration
	t := a
	for range maxDays {
		if !t.Before(b) {
			break
		}
		if cal.WorkingDay(t) {
			open, shut := cal.window(t)
			from, to := later(t, open), earlier(b, shut)
			if to.After(from) {
				sum += to.Sub(from)
			}
		}
		t = nextMidnight(t)
	}
	return int(sum / time.Minute)
}

// DayMinutes is the length of a working day.
func (cal Calendar) DayMinutes() int { return cal.end - cal.start }

func later(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}

func earlier(a, b time.Time) time.Time {
	if a.Before(b) {
		return a
	}
	return b
}

// clock parses "09:00" into minutes after midnight.
func clock(field, s string) (int, error) {
	t, err := time.Parse("15:04", s)
	if err != nil {
		return 0, domain.Invalid(field, fmt.Sprintf("时间“%s”格式应为 HH:MM", s))
	}
	return t.Hour()*60 + t.Minute(), nil
}

// loadCalendar reads the calendar's exceptions, with the working hours of
// the settings given.
func loadCalendar(ctx context.Context, c *store.Conn, set Settings) (Calendar, error) {
	cal := Calendar{days: map[string]string{}}
	cal.start, _ = clock("workStart", set.WorkStart)
	cal.end, _ = clock("workEnd", set.WorkEnd)
	rows, err := c.Query(ctx, `SELECT day, kind FROM calendar_days`)
	if err != nil {
		return cal, err
	}
	defer rows.Close()
	for rows.Next() {
		var day, kind string
		if err := rows.Scan(&day, &kind); err != nil {
			return cal, err
		}
		cal.days[day] = kind
	}
	return cal, rows.Err()
}
