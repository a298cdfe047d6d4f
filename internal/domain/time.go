package domain

import "time"

// Beijing is the time zone dates are written in: deadlines, filters,
// reports. Times are stored in UTC.
var Beijing = time.FixedZone("CST", 8*3600)

// Midnight is the start of the Beijing day that holds t.
func Midnight(t time.Time) time.Time {
	b := t.In(Beijing)
	return time.Date(b.Year(), b.Month(), b.Day(), 0, 0, 0, 0, Beijing)
}

// DayRange reads a filter's YYYY-MM-DD bounds as Beijing days: from its
// first moment up to the end of to (zero when a bound is empty). The error
// names the field.
func DayRange(from, to string) (time.Time, time.Time, error) {
	var out [2]time.Time
	for i, d := range []struct{ v, field string }{{from, "from"}, {to, "to"}} {
		if d.v == "" {
			continue
		}
		t, err := time.ParseInLocation(time.DateOnly, d.v, Beijing)
		if err != nil {
			return out[0], out[1], Invalid(d.field, "日期格式应为 YYYY-MM-DD")
		}
		out[i] = t.AddDate(0, 0, i)
	}
	return out[0], out[1], nil
}
