package bench

import (
	"encoding/json"
	"fmt"
	"math"
	"os"
	"regexp"
	"strings"
)

// WorseBy is how far an operation's app/raw ratio may rise above the
// previous run's before the comparison flags it, in per cent.
const WorseBy = 10

// Change is one operation's app/raw ratio against the previous run's.
type Change struct {
	Operation string  `json:"operation"`
	Previous  float64 `json:"previousRatio"` // 0: the previous run did not measure it
	Ratio     float64 `json:"ratio"`
	Percent   float64 `json:"percent"` // how far the ratio moved, + is worse
	Worse     bool    `json:"worse"`   // by more than WorseBy per cent
}

// Comparison is a run's ratios against the run before it.
type Comparison struct {
	Scale   string   `json:"scale"`
	DB      string   `json:"db"`
	Commit  string   `json:"commit"`
	At      string   `json:"at"`
	Changes []Change `json:"changes"`
}

// ReadReport reads a run's JSON as written beside docs/performance.md.
func ReadReport(path string) (Report, error) {
	var r Report
	b, err := os.ReadFile(path)
	if err != nil {
		return r, err
	}
	if err := json.Unmarshal(b, &r); err != nil {
		return r, fmt.Errorf("%s: %w", path, err)
	}
	return r, nil
}

// digits are the figures inside an operation's name (the rows an export
// happened to have), which differ from run to run.
var digits = regexp.MustCompile(`[0-9]+`)

// Against compares the results with the previous run's, operation by
// operation. Names match as written, else with the figures in them set
// aside, the n-th of a kind against the n-th (Excel 导出 10051 行 against
// Excel 导出 10439 行).
func Against(previous Report, results []Result) Comparison {
	out := Comparison{Scale: previous.Scale, DB: previous.DB, Commit: previous.Commit, At: previous.At, Changes: []Change{}}
	exact := map[string]float64{}
	byKind := map[string][]float64{}
	for _, r := range previous.Results {
		exact[r.Operation] = r.Ratio
		kind := digits.ReplaceAllString(r.Operation, "#")
		byKind[kind] = append(byKind[kind], r.Ratio)
	}
	seen := map[string]int{}
	for _, r := range results {
		c := Change{Operation: r.Operation, Ratio: r.Ratio}
		kind := digits.ReplaceAllString(r.Operation, "#")
		n := seen[kind]
		seen[kind]++
		if p, ok := exact[r.Operation]; ok {
			c.Previous = p
		} else if n < len(byKind[kind]) {
			c.Previous = byKind[kind][n]
		}
		if c.Previous > 0 {
			c.Percent = (r.Ratio/c.Previous - 1) * 100
			// To a tenth of a per cent: 1.1 against 1.0 is 10 %, not 10.000000000000009.
			c.Worse = math.Round(c.Percent*10)/10 > WorseBy
		}
		out.Changes = append(out.Changes, c)
	}
	return out
}

// Worse lists the operations whose ratio rose by more than WorseBy.
func (c Comparison) Worse() []string {
	var out []string
	for _, x := range c.Changes {
		if x.Worse {
			out = append(out, x.Operation)
		}
	}
	return out
}

// Markdown renders the comparison as a table under the run's own.
func (c Comparison) Markdown() string {
	var b strings.Builder
	fmt.Fprintf(&b, "Against the previous run (scale **%s** on %s, commit `%s`, %s): app/raw at the median; + is worse, ⚠ marks more than %d %% worse.\n\n",
		c.Scale, c.DB, c.Commit, c.At, WorseBy)
	b.WriteString("| operation | previous | now | change | |\n|---|---|---|---|---|\n")
	for _, x := range c.Changes {
		if x.Previous == 0 {
			fmt.Fprintf(&b, "| %s | — | %.2f× | new | |\n", x.Operation, x.Ratio)
			continue
		}
		flag := ""
		if x.Worse {
			flag = "⚠"
		}
		fmt.Fprintf(&b, "| %s | %.2f× | %.2f× | %+.0f %% | %s |\n", x.Operation, x.Previous, x.Ratio, x.Percent, flag)
	}
	return b.String()
}
