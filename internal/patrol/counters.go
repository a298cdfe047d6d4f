package patrol

import (
	"cmp"
	"context"
	"slices"
	"time"

	"wenming/internal/domain"
	"wenming/internal/store"
)

// The live score and the rankings read judgements summed per Beijing day
// instead of every observation: observation_days (everyday patrols' results
// per check, outside rounds) and unit_observation_days (each unit's passed
// and failed checks, rounds included). A judgement counts once, when it is
// recorded, in the transaction that records it; judgements are never
// changed or deleted. Recount rebuilds both from the observations.

// judgement is what one observation counts for.
type judgement struct {
	checkID, unitID int64
	round           bool // judged for a mock assessment
	result          string
	at              time.Time
}

type checkDay struct {
	day   string
	check int64
}

type unitDay struct {
	unit int64
	day  string
}

type tally3 struct{ pass, fail, na int64 }

func (t *tally3) add(result string) {
	switch result {
	case "pass":
		t.pass++
	case "fail":
		t.fail++
	case "na":
		t.na++
	}
}

// judgementTally sums judgements into the two counter tables' rows.
type judgementTally struct {
	checks map[checkDay]*tally3
	units  map[unitDay]*tally3
}

func newJudgementTally() judgementTally {
	return judgementTally{checks: map[checkDay]*tally3{}, units: map[unitDay]*tally3{}}
}

func (t judgementTally) count(j judgement) {
	day := j.at.In(domain.Beijing).Format(time.DateOnly)
	if !j.round {
		k := checkDay{day, j.checkID}
		if t.checks[k] == nil {
			t.checks[k] = &tally3{}
		}
		t.checks[k].add(j.result)
	}
	if j.result == "pass" || j.result == "fail" {
		k := unitDay{j.unitID, day}
		if t.units[k] == nil {
			t.units[k] = &tally3{}
		}
		t.units[k].add(j.result)
	}
}

// write adds the tally to the counter rows, in a fixed order so concurrent
// writers take their row locks alike.
func (t judgementTally) write(ctx context.Context, c *store.Conn) error {
	checks := slices.SortedFunc(func(yield func(checkDay) bool) {
		for k := range t.checks {
			if !yield(k) {
				return
			}
		}
	}, func(a, b checkDay) int { return cmp.Or(cmp.Compare(a.day, b.day), cmp.Compare(a.check, b.check)) })
	for _, k := range checks {
		n := t.checks[k]
		if _, err := c.Exec(ctx, `INSERT INTO observation_days (day, check_id, pass, fail, na) VALUES (?, ?, ?, ?, ?)
			ON CONFLICT (day, check_id) DO UPDATE SET pass = observation_days.pass + excluded.pass,
			fail = observation_days.fail + excluded.fail, na = observation_days.na + excluded.na`, k.day, k.check, n.pass, n.fail, n.na); err != nil {
			return err
		}
	}
	units := slices.SortedFunc(func(yield func(unitDay) bool) {
		for k := range t.units {
			if !yield(k) {
				return
			}
		}
	}, func(a, b unitDay) int { return cmp.Or(cmp.Compare(a.unit, b.unit), cmp.Compare(a.day, b.day)) })
	for _, k := range units {
		n := t.units[k]
		if _, err := c.Exec(ctx, `INSERT INTO unit_observation_days (unit_id, day, pass, fail) VALUES (?, ?, ?, ?)
			ON CONFLICT (unit_id, day) DO UPDATE SET pass = unit_observation_days.pass + excluded.pass,
			fail = unit_observation_days.fail + excluded.fail`, k.unit, k.day, n.pass, n.fail); err != nil {
			return err
		}
	}
	return nil
}

// Recount rebuilds the judgement counters from the observations, in one
// transaction, and answers how many observations it counted.
func (s *Service) Recount(ctx context.Context) (n int, err error) {
	defer domain.Wrap(&err, "patrol.Recount")
	err = s.db.Write(ctx, func(c *store.Conn) error {
		n = 0
		for _, table := range []string{"observation_days", "unit_observation_days"} {
			if _, err := c.Exec(ctx, `DELETE FROM `+table); err != nil {
				return err
			}
		}
		rows, err := c.Query(ctx, `SELECT check_id, unit_id, round_id IS NOT NULL, result, observed_at FROM observations`)
		if err != nil {
			return err
		}
		all := newJudgementTally()
		for rows.Next() {
			var j judgement
			if err := rows.Scan(&j.checkID, &j.unitID, &j.round, &j.result, &j.at); err != nil {
				rows.Close()
				return err
			}
			all.count(j)
			n++
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		return all.write(ctx, c)
	})
	return n, err
}
