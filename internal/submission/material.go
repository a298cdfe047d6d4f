package submission

import (
	"context"
	"time"

	"wenming/internal/domain"
)

// MaterialRates gives each material standard of a framework its rate as
// of a moment: the mean over its required units of the grade of each
// unit's latest reviewed submission. A unit with nothing reviewed counts 0
// once it has had a whole period (month, quarter, year) to submit; before
// that it is not yet due and left out. Standards with no unit counted are
// left out (no data).
func (s *Service) MaterialRates(ctx context.Context, frameworkID int64, asOf time.Time) (_ map[string]float64, err error) {
	defer domain.Wrap(&err, "submission.MaterialRates %d", frameworkID)
	rows, err := s.db.Read().Query(ctx, `SELECT st.code, r.cadence, r.created_at,
		(SELECT sb.grade FROM submissions sb WHERE sb.requirement_id = r.id AND sb.grade <> '' AND sb.reviewed_at <= ?
		 ORDER BY sb.reviewed_at DESC, sb.id DESC LIMIT 1)
		FROM requirements r JOIN standards st ON st.id = r.standard_id WHERE r.framework_id = ?`, asOf, frameworkID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	sum, n := map[string]float64{}, map[string]int{}
	for rows.Next() {
		var code, cadence string
		var created time.Time
		var grade *string
		if err := rows.Scan(&code, &cadence, &created, &grade); err != nil {
			return nil, err
		}
		switch {
		case grade != nil:
			sum[code] += grades[*grade]
		case !created.Before(periodStart(asOf, cadence)):
			continue // not yet due
		}
		n[code]++
	}
	out := map[string]float64{}
	for code, k := range n {
		out[code] = sum[code] / float64(k)
	}
	return out, rows.Err()
}

// periodStart is the start of the period of a cadence holding t (Beijing time).
func periodStart(t time.Time, cadence string) time.Time {
	b := t.In(domain.Beijing)
	switch cadence {
	case "month":
		return time.Date(b.Year(), b.Month(), 1, 0, 0, 0, 0, domain.Beijing)
	case "quarter":
		return time.Date(b.Year(), (b.Month()-1)/3*3+1, 1, 0, 0, 0, 0, domain.Beijing)
	default:
		return time.Date(b.Year(), 1, 1, 0, 0, 0, 0, domain.Beijing)
	}
}
