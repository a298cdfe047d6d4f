package cases

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"wenming/internal/domain"
	"wenming/internal/store"
)

// The figures the cockpit, the inbox and the rankings read are kept as
// counters beside the cases: case_days (reported and closed per Beijing
// day), unit_cases (each lead unit's cases by state) and unit_days (each
// lead unit's received, closed, on-time, reworked, late and rated cases per
// day). What a case counts for is decided here, in Go, once; every write of
// a case moves the counters by the difference in the same transaction, and
// Recount rebuilds them from the cases.

// mark is what a case counts for its lead unit at one moment: the day it
// was dispatched (received), closed as the unit's work, due but not
// reported by then (late), or rated.
type mark struct {
	at                                 time.Time
	received, closed, reworked, onTime int64
	late, ratingSum, rated             int64
}

// closedWell tells whether a case was closed as its unit's work: fixed, or
// honestly not fixed; a case not the unit's or a duplicate is not.
func (k *Case) closedWell() bool {
	return k.ClosedAt != nil && (k.Closing == "fixed" || k.Closing == "not_fixed")
}

// reportedInTime tells whether the fix was reported by the deadline.
func (k *Case) reportedInTime() bool {
	return k.ReportedAt != nil && k.Deadline != nil && !k.ReportedAt.After(*k.Deadline)
}

// missedDeadline tells whether the case had a deadline and was not reported
// by it; the reader counts it only once the deadline has passed.
func (k *Case) missedDeadline() bool {
	return k.Deadline != nil && (k.ReportedAt == nil || k.ReportedAt.After(*k.Deadline)) &&
		k.Closing != "not_ours" && k.Closing != "duplicate"
}

// unitMarks are what the case counts for its lead unit.
func (k *Case) unitMarks() []mark {
	if k.LeadUnitID == nil {
		return nil
	}
	var out []mark
	if k.DispatchedAt != nil {
		out = append(out, mark{at: *k.DispatchedAt, received: 1})
	}
	if k.closedWell() {
		m := mark{at: *k.ClosedAt, closed: 1}
		if k.ReworkCount > 0 {
			m.reworked = 1
		}
		if k.reportedInTime() {
			m.onTime = 1
		}
		out = append(out, m)
	}
	if k.missedDeadline() {
		out = append(out, mark{at: *k.Deadline, late: 1})
	}
	if k.ratedAt != nil && k.Rating != nil {
		out = append(out, mark{at: *k.ratedAt, ratingSum: int64(*k.Rating), rated: 1})
	}
	return out
}

// counterRow names one row of a counter table.
type counterRow struct {
	table string // case_days, unit_cases or unit_days
	unit  int64
	key   string // the day, or for unit_cases the state
}

// tally is what one or more cases add to the counter rows, column by column.
type tally map[counterRow]map[string]int64

func (t tally) add(row counterRow, col string, n int64) {
	if n == 0 {
		return
	}
	if t[row] == nil {
		t[row] = map[string]int64{}
	}
	t[row][col] += n
}

// count adds what one case counts for, times sign (-1 takes it away).
func (t tally) count(k *Case, sign int64) {
	t.add(counterRow{table: "case_days", key: beijingDay(k.CreatedAt)}, "intake", sign)
	if k.ClosedAt != nil {
		t.add(counterRow{table: "case_days", key: beijingDay(*k.ClosedAt)}, "closed", sign)
	}
	if k.LeadUnitID == nil {
		return
	}
	unit := *k.LeadUnitID
	t.add(counterRow{table: "unit_cases", unit: unit, key: string(k.State)}, "n", sign)
	for _, m := range k.unitMarks() {
		row := counterRow{table: "unit_days", unit: unit, key: beijingDay(m.at)}
		for col, n := range map[string]int64{"received": m.received, "closed": m.closed, "reworked": m.reworked, "on_time": m.onTime,
			"late": m.late, "rating_sum": m.ratingSum, "rated": m.rated} {
			t.add(row, col, sign*n)
		}
	}
}

// counted is what the case counts for now; save moves the counters from
// what it counted when read to this.
func (k *Case) counted() tally {
	t := tally{}
	t.count(k, 1)
	return t
}

// moveCounters adds the difference between two tallies to the counter
// tables, one upsert per row whose columns changed.
func moveCounters(ctx context.Context, c *store.Conn, before, after tally) error {
	diff := tally{}
	for row, cols := range after {
		for col, n := range cols {
			diff.add(row, col, n)
		}
	}
	for row, cols := range before {
		for col, n := range cols {
			diff.add(row, col, -n)
		}
	}
	return writeTally(ctx, c, diff)
}

// writeTally adds a tally to the counter tables, rows in a fixed order so
// concurrent writers take their locks alike.
func writeTally(ctx context.Context, c *store.Conn, t tally) error {
	rows := make([]counterRow, 0, len(t))
	for row, cols := range t {
		for _, n := range cols {
			if n != 0 {
				rows = append(rows, row)
				break
			}
		}
	}
	slices.SortFunc(rows, func(a, b counterRow) int {
		if c := strings.Compare(a.table, b.table); c != 0 {
			return c
		}
		if a.unit != b.unit {
			return cmp.Compare(a.unit, b.unit)
		}
		return strings.Compare(a.key, b.key)
	})
	for _, row := range rows {
		if err := upsertCounter(ctx, c, row, t[row]); err != nil {
			return fmt.Errorf("count %s %d %s: %w", row.table, row.unit, row.key, err)
		}
	}
	return nil
}

func upsertCounter(ctx context.Context, c *store.Conn, row counterRow, cols map[string]int64) error {
	names := make([]string, 0, len(cols))
	for col, n := range cols {
		if n != 0 {
			names = append(names, col)
		}
	}
	slices.Sort(names)
	keyCols, args := []string{"day"}, []any{row.key}
	switch row.table {
	case "unit_cases":
		keyCols, args = []string{"unit_id", "state"}, []any{row.unit, row.key}
	case "unit_days":
		keyCols, args = []string{"unit_id", "day"}, []any{row.unit, row.key}
	}
	sets := make([]string, len(names))
	for i, col := range names {
		args = append(args, cols[col])
		sets[i] = fmt.Sprintf("%s = %s.%s + excluded.%s", col, row.table, col, col)
	}
	_, err := c.Exec(ctx, `INSERT INTO `+row.table+` (`+strings.Join(append(slices.Clone(keyCols), names...), ", ")+`) VALUES (`+
		store.Placeholders(len(keyCols)+len(names))+`) ON CONFLICT (`+strings.Join(keyCols, ", ")+`) DO UPDATE SET `+strings.Join(sets, ", "), args...)
	return err
}

func beijingDay(t time.Time) string { return t.In(domain.Beijing).Format(time.DateOnly) }

// Recount rebuilds the counters from the cases themselves, in one
// transaction: after an import that wrote cases directly, or to check them.
// It answers how many cases it counted.
func (s *Service) Recount(ctx context.Context) (_ int, err error) {
	defer domain.Wrap(&err, "cases.Recount")
	n := 0
	err = s.db.Write(ctx, func(c *store.Conn) error {
		n = 0
		for _, table := range []string{"case_days", "unit_cases", "unit_days"} {
			if _, err := c.Exec(ctx, `DELETE FROM `+table); err != nil {
				return err
			}
		}
		rows, err := c.Query(ctx, selectCase)
		if err != nil {
			return err
		}
		all := tally{}
		for rows.Next() {
			k, err := scanCase(rows)
			if err != nil {
				rows.Close()
				return err
			}
			all.count(&k, 1)
			n++
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		return writeTally(ctx, c, all)
	})
	return n, err
}
