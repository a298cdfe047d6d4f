package bench

import (
	"encoding/json"
	"fmt"
	"os"
	"runtime"
	"slices"
	"strings"
	"time"
)

// Result is one operation measured against its raw reference.
type Result struct {
	Operation string  `json:"operation"`
	Unit      string  `json:"unit"` // what the figures count
	AppP50    float64 `json:"appP50Ms"`
	AppP99    float64 `json:"appP99Ms"`
	AppRate   float64 `json:"appPerSecond"`
	RawP50    float64 `json:"rawP50Ms"`
	RawP99    float64 `json:"rawP99Ms"`
	RawRate   float64 `json:"rawPerSecond"`
	Ratio     float64 `json:"ratio"` // app time ÷ raw time at the median
	Target    string  `json:"target"`
	Note      string  `json:"note,omitempty"`
}

// Rounds of each measurement; the app and the raw reference alternate.
const Rounds = 5

// Compare runs app and raw batches interleaved, Rounds times, and keeps the
// median round of each.
func Compare(op, target string, batch int, app, raw func(i int) error) (Result, error) {
	return CompareRounds(op, target, Rounds, batch, app, raw)
}

// CompareRounds is Compare with fewer rounds, for operations that take
// seconds each.
func CompareRounds(op, target string, rounds, batch int, app, raw func(i int) error) (Result, error) {
	var appRounds, rawRounds []stats
	n := 0
	for range rounds {
		a, err := timeBatch(batch, &n, app)
		if err != nil {
			return Result{}, fmt.Errorf("%s (app): %w", op, err)
		}
		r, err := timeBatch(batch, &n, raw)
		if err != nil {
			return Result{}, fmt.Errorf("%s (raw): %w", op, err)
		}
		appRounds, rawRounds = append(appRounds, a), append(rawRounds, r)
	}
	a, r := median(appRounds), median(rawRounds)
	return Result{Operation: op, Unit: "请求", AppP50: a.p50, AppP99: a.p99, AppRate: a.rate, RawP50: r.p50, RawP99: r.p99, RawRate: r.rate,
		Ratio: a.p50 / r.p50, Target: target}, nil
}

// FromSamples makes a result of single timings taken by hand (in ms), for
// operations that cannot be batched, such as starting the program.
func FromSamples(op, target string, app, raw []float64) Result {
	a, r := sampleStats(app), sampleStats(raw)
	return Result{Operation: op, Unit: "次", AppP50: a.p50, AppP99: a.p99, AppRate: a.rate, RawP50: r.p50, RawP99: r.p99, RawRate: r.rate,
		Ratio: a.p50 / r.p50, Target: target}
}

func sampleStats(ms []float64) stats {
	ms = slices.Clone(ms)
	slices.Sort(ms)
	sum := 0.0
	for _, x := range ms {
		sum += x
	}
	return stats{p50: ms[len(ms)/2], p99: ms[len(ms)-1], rate: float64(len(ms)) / (sum / 1000)}
}

// HeapGrowth runs fn and reports how far the Go heap in use rose above
// where it stood before, in MB, sampling every few milliseconds.
func HeapGrowth(fn func() error) (float64, error) {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	base, peak := m.HeapInuse, m.HeapInuse
	done := make(chan struct{})
	sampled := make(chan struct{})
	go func() {
		defer close(sampled)
		tick := time.NewTicker(5 * time.Millisecond)
		defer tick.Stop()
		for {
			select {
			case <-done:
				return
			case <-tick.C:
				var m runtime.MemStats
				runtime.ReadMemStats(&m)
				peak = max(peak, m.HeapInuse)
			}
		}
	}()
	err := fn()
	close(done)
	<-sampled
	return float64(peak-base) / (1 << 20), err
}

// Throughput runs fn clients×each times from clients goroutines at once
// and returns the calls completed per second.
func Throughput(clients, each int, fn func(i int) error) (float64, error) {
	errs := make(chan error, clients)
	start := time.Now()
	for c := range clients {
		go func() {
			for k := range each {
				if err := fn(c*each + k); err != nil {
					errs <- err
					return
				}
			}
			errs <- nil
		}()
	}
	var first error
	for range clients {
		if err := <-errs; err != nil && first == nil {
			first = err
		}
	}
	return float64(clients*each) / time.Since(start).Seconds(), first
}

// Fact is a figure that is not a timing: memory, sizes.
type Fact struct {
	Name   string `json:"name"`
	App    string `json:"app"`
	Raw    string `json:"raw"`
	Target string `json:"target"`
}

type stats struct{ p50, p99, rate float64 }

func timeBatch(batch int, n *int, fn func(i int) error) (stats, error) {
	lat := make([]float64, 0, batch)
	start := time.Now()
	for range batch {
		t := time.Now()
		if err := fn(*n); err != nil {
			return stats{}, err
		}
		*n++
		lat = append(lat, float64(time.Since(t).Microseconds())/1000)
	}
	total := time.Since(start).Seconds()
	slices.Sort(lat)
	return stats{p50: lat[len(lat)/2], p99: lat[min(len(lat)-1, len(lat)*99/100)], rate: float64(batch) / total}, nil
}

func median(rounds []stats) stats {
	slices.SortFunc(rounds, func(a, b stats) int { return int((a.p50 - b.p50) * 1000) })
	return rounds[len(rounds)/2]
}

// Report is a whole run.
type Report struct {
	Scale   string   `json:"scale"`
	DB      string   `json:"db"`
	Cases   int      `json:"cases"`
	Events  int      `json:"events"`
	Photos  int      `json:"photos"`
	GenSecs float64  `json:"generateSeconds"`
	Machine string   `json:"machine"`
	Load    string   `json:"load,omitempty"` // the load average while it ran
	Commit  string   `json:"commit"`
	Command string   `json:"command"`
	At      string   `json:"at"`
	Results []Result `json:"results"`
	Facts   []Fact   `json:"facts"`
	// Against is the comparison with the run before, when that measured the
	// same scale on the same engine.
	Against *Comparison `json:"against,omitempty"`
}

// CompareWith compares the results with the previous run's when it
// measured the same scale on the same engine, and tells whether it did.
func (r *Report) CompareWith(previous Report) bool {
	if previous.Scale != r.Scale || previous.DB != r.DB || len(previous.Results) == 0 {
		return false
	}
	c := Against(previous, r.Results)
	r.Against = &c
	return true
}

// LoadAverage is the machine's load average over the last minute, as the
// kernel reports it ("" where it does not).
func LoadAverage() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return ""
	}
	fields := strings.Fields(string(b))
	if len(fields) == 0 {
		return ""
	}
	return fields[0]
}

// Machine describes where the run happened.
func Machine() string {
	model := "unknown CPU"
	if b, err := os.ReadFile("/proc/cpuinfo"); err == nil {
		for _, line := range strings.Split(string(b), "\n") {
			if strings.HasPrefix(line, "model name") {
				model = strings.TrimSpace(strings.SplitN(line, ":", 2)[1])
				break
			}
		}
	}
	return fmt.Sprintf("%s, %d cores, %s/%s, %s", model, runtime.NumCPU(), runtime.GOOS, runtime.GOARCH, runtime.Version())
}

// Markdown renders the report as the table docs/performance.md keeps.
func (r Report) Markdown() string {
	var b strings.Builder
	fmt.Fprintf(&b, "Scale **%s** on %s: %d cases, %d timeline events, %d photo records (generated in %.0f s).\n\n", r.Scale, r.DB, r.Cases, r.Events, r.Photos, r.GenSecs)
	fmt.Fprintf(&b, "- machine: %s\n", r.Machine)
	if r.Load != "" {
		fmt.Fprintf(&b, "- load average (1 min): %s\n", r.Load)
	}
	fmt.Fprintf(&b, "- commit: `%s`\n- command: `%s`\n- at: %s\n\n", r.Commit, r.Command, r.At)
	b.WriteString("| operation | app p50 | app p99 | app rate | raw p50 | raw p99 | raw rate | app/raw (p50) | target |\n|---|---|---|---|---|---|---|---|---|\n")
	for _, x := range r.Results {
		fmt.Fprintf(&b, "| %s | %.2f ms | %.2f ms | %.0f/s | %.2f ms | %.2f ms | %.0f/s | %.1f× | %s |\n", x.Operation, x.AppP50, x.AppP99, x.AppRate, x.RawP50, x.RawP99, x.RawRate, x.Ratio, x.Target)
	}
	if len(r.Facts) > 0 {
		b.WriteString("\n| figure | app | raw | target |\n|---|---|---|---|\n")
		for _, f := range r.Facts {
			fmt.Fprintf(&b, "| %s | %s | %s | %s |\n", f.Name, f.App, f.Raw, f.Target)
		}
	}
	if r.Against != nil {
		b.WriteString("\n" + r.Against.Markdown())
	}
	return b.String()
}

// JSON renders the report for machines.
func (r Report) JSON() []byte {
	b, _ := json.MarshalIndent(r, "", "  ")
	return append(b, '\n')
}
