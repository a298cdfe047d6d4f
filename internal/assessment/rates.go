package assessment

import (
	"context"
	"fmt"
	"math"
	"slices"
	"strings"
	"time"

	"wenming/internal/audit"
	"wenming/internal/domain"
	"wenming/internal/store"
)

// Rate is a rate entered by hand for a method the system does not collect
// yet (a survey's satisfaction, a briefing's judgement).
type Rate struct {
	Part         string    `json:"part"` // main | minors
	StandardCode string    `json:"standardCode"`
	Method       string    `json:"method"`
	Rate         float64   `json:"rate"`
	Note         string    `json:"note"`
	EnteredBy    string    `json:"enteredBy"`
	EnteredAt    time.Time `json:"enteredAt"`
}

// RatesInput replaces a round's hand-entered rates.
type RatesInput struct {
	Rates []Rate `json:"rates"`
}

// manualMethods are the methods whose rates may be entered by hand: all
// but the field visits, which come from observations.
var manualMethods = []string{"material", "survey", "online", "briefing", "observation", "statistic"}

func loadRates(ctx context.Context, c *store.Conn, roundID int64) ([]Rate, error) {
	rows, err := c.Query(ctx, `SELECT part, standard_code, method, rate, note, entered_by, entered_at FROM round_rates WHERE round_id = ? ORDER BY part, standard_code, method`, roundID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []Rate{}
	for rows.Next() {
		var r Rate
		if err := rows.Scan(&r.Part, &r.StandardCode, &r.Method, &r.Rate, &r.Note, &r.EnteredBy, &r.EnteredAt); err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// Rates lists a round's hand-entered rates.
func (s *Service) Rates(ctx context.Context, actor *domain.Actor, roundID int64) (_ []Rate, err error) {
	defer domain.Wrap(&err, "assessment.Rates %d", roundID)
	if err := require(actor, roundReaders, "模拟测评"); err != nil {
		return nil, err
	}
	c := s.db.Read()
	if _, err := readRound(ctx, c, actor, roundID); err != nil {
		return nil, err
	}
	return loadRates(ctx, c, roundID)
}

// SetRates replaces a round's hand-entered rates (office; not once closed).
func (s *Service) SetRates(ctx context.Context, actor *domain.Actor, roundID int64, in RatesInput) (_ []Rate, err error) {
	defer domain.Wrap(&err, "assessment.SetRates %d", roundID)
	if err := requireOffice(actor); err != nil {
		return nil, err
	}
	var out []Rate
	err = s.db.Write(ctx, func(c *store.Conn) error {
		r, err := governedRound(ctx, c, actor, roundID)
		if err != nil {
			return err
		}
		if r.Status == "closed" {
			return domain.Conflict("", "测评已结束，得分率不能再修改")
		}
		codes, err := s.standardCodes(ctx, c, r.FrameworkID)
		if err != nil {
			return err
		}
		if err := validateRates(in.Rates, codes); err != nil {
			return err
		}
		if _, err := c.Exec(ctx, `DELETE FROM round_rates WHERE round_id = ?`, roundID); err != nil {
			return err
		}
		for _, x := range in.Rates {
			if _, err := c.Exec(ctx, `INSERT INTO round_rates (round_id, part, standard_code, method, rate, note, entered_by, entered_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
				roundID, x.Part, x.StandardCode, x.Method, x.Rate, x.Note, actor.RealName, c.Now); err != nil {
				return err
			}
		}
		if out, err = loadRates(ctx, c, roundID); err != nil {
			return err
		}
		return audit.Record(ctx, c, actor, audit.Change{Action: "update", Entity: "round_rates", EntityID: roundID,
			Summary: fmt.Sprintf("模拟测评 %s 手工录入得分率 %d 条", r.Name, len(out)), After: out})
	})
	return out, err
}

// standardCodes are a framework's standard codes and its minors' ones.
func (s *Service) standardCodes(ctx context.Context, c *store.Conn, frameworkID int64) (map[string]map[string]bool, error) {
	out := map[string]map[string]bool{"main": {}, "minors": {}}
	rows, err := c.Query(ctx, `SELECT CASE WHEN s.framework_id = ? THEN 'main' ELSE 'minors' END, s.code FROM standards s
		WHERE s.framework_id = ? OR s.framework_id = (SELECT minors_id FROM frameworks WHERE id = ?)`, frameworkID, frameworkID, frameworkID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var part, code string
		if err := rows.Scan(&part, &code); err != nil {
			return nil, err
		}
		out[part][code] = true
	}
	return out, rows.Err()
}

func validateRates(rates []Rate, codes map[string]map[string]bool) error {
	seen := map[string]bool{}
	for i := range rates {
		x := &rates[i]
		field := func(f string) string { return fmt.Sprintf("rates[%d].%s", i, f) }
		if x.Part == "" {
			x.Part = "main"
		}
		if codes[x.Part] == nil {
			return domain.Invalid(field("part"), "体系只能是 main（主体系）或 minors（未成年人）")
		}
		x.StandardCode = strings.TrimSpace(x.StandardCode)
		if !codes[x.Part][x.StandardCode] {
			return domain.Invalid(field("standardCode"), fmt.Sprintf("第 %d 行的测评标准“%s”不存在", i+1, x.StandardCode))
		}
		if !slices.Contains(manualMethods, x.Method) {
			return domain.Invalid(field("method"), fmt.Sprintf("第 %d 行的测评方法不能手工录入（实地考察来自巡查记录）", i+1))
		}
		if math.IsNaN(x.Rate) || x.Rate < 0 || x.Rate > 1 {
			return domain.Invalid(field("rate"), fmt.Sprintf("第 %d 行的得分率应在 0–1 之间（如 0.93）", i+1))
		}
		if err := domain.TextLimit(field("note"), "说明", x.Note, 200); err != nil {
			return err
		}
		key := x.Part + "/" + x.StandardCode + "/" + x.Method
		if seen[key] {
			return domain.Invalid(field("standardCode"), fmt.Sprintf("第 %d 行与前面重复", i+1))
		}
		seen[key] = true
	}
	return nil
}
