package app

import (
	"bytes"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"

	"wenming/internal/bench"
	"wenming/internal/domain"
	"wenming/internal/store"
	"wenming/internal/xlsx"
)

// export: the office's Excel export of the cases reported since a day,
// chosen so the sheet has about rows lines, against the same rows read
// and streamed into a workbook with nothing else done.
func (r *benchRun) export(rows int) func(bench.City) (bench.Result, error) {
	return func(bench.City) (bench.Result, error) {
		c, err := r.client("office")
		if err != nil {
			return bench.Result{}, err
		}
		from, n, err := r.sinceForRows(rows)
		if err != nil {
			return bench.Result{}, err
		}
		app := func(int) error {
			res, err := c.Get(r.base + "/api/v1/cases/export?view=pool&from=" + from.Format(time.DateOnly))
			return expect(res, err, 200)
		}
		raw := func(int) error { return r.rawExport(from) }
		op := fmt.Sprintf("Excel 导出 %d 行", n)
		res, err := bench.CompareRounds(op, "10 万行 ≤ 2 s，内存增长 ≤ 100 MB，≤ 1.3× 直接流式写出", 3, 1, app, raw)
		if err != nil {
			return res, err
		}
		appMB, err := bench.HeapGrowth(func() error { return app(0) })
		if err != nil {
			return res, err
		}
		rawMB, err := bench.HeapGrowth(func() error { return raw(0) })
		r.facts = append(r.facts, bench.Fact{Name: op + "：堆内存增长", App: fmt.Sprintf("%.1f MB", appMB), Raw: fmt.Sprintf("%.1f MB", rawMB), Target: "≤ 100 MB"})
		return res, err
	}
}

// sinceForRows finds the day from which about rows cases were reported.
func (r *benchRun) sinceForRows(rows int) (time.Time, int, error) {
	conn := r.db.Read()
	var at time.Time
	err := conn.QueryRow(r.ctx, `SELECT created_at FROM cases ORDER BY created_at DESC LIMIT 1 OFFSET ?`, rows-1).Scan(&at)
	if err != nil {
		at = time.Time{} // fewer cases than asked: all of them
	}
	from := domain.Midnight(at)
	n, err := conn.Count(r.ctx, `SELECT COUNT(*) FROM cases WHERE created_at >= ?`, from.UTC())
	return from, n, err
}

// rawExport reads the exported columns of the cases since a day and
// streams them, ids in place of names, through the same workbook writer
// into nothing.
func (r *benchRun) rawExport(from time.Time) error {
	rows, err := r.db.Read().Query(r.ctx, `SELECT code, source, COALESCE(external_id, ''), state, closing, category_id, description, address, lat, lng, region_id, lead_unit_id,
		reporter_name, created_at, dispatched_at, accepted_at, deadline_at, reported_at, closed_at, rework_count, return_count, hop_count, rating
		FROM cases WHERE created_at >= ? ORDER BY created_at DESC, id DESC`, from.UTC())
	if err != nil {
		return err
	}
	defer rows.Close()
	book := xlsx.New(io.Discard)
	defer book.Abandon()
	if err := book.Sheet("案件"); err != nil {
		return err
	}
	for rows.Next() {
		var code, source, external, state, closing, desc, addr, reporter string
		var category int64
		var region, lead, rating *int64
		var lat, lng *float64
		var created time.Time
		var dispatched, accepted, deadline, reported, closed *time.Time
		var rework, returns, hops int
		if err := rows.Scan(&code, &source, &external, &state, &closing, &category, &desc, &addr, &lat, &lng, &region, &lead, &reporter,
			&created, &dispatched, &accepted, &deadline, &reported, &closed, &rework, &returns, &hops, &rating); err != nil {
			return err
		}
		if err := book.Row([]any{code, source, external, state, closing, category, desc, addr, lat, lng, region, lead, "", reporter, "",
			created, dispatched, accepted, deadline, reported, closed, "", rework, returns, hops, rating}); err != nil {
			return err
		}
	}
	return book.Close()
}

// startAndIdle starts the program as an operator would (`wenming serve`
// over the same data) and times how long until it answers, then its
// first cockpit, cold: no ranking or score kept yet. The raw references
// open the database and run the first query, or the cockpit's raw
// reads, on a fresh connection. The last process is then used a little
// and left idle, and its resident memory is read.
func (r *benchRun) startAndIdle(city bench.City) ([]bench.Result, error) {
	self, err := os.Executable()
	if err != nil {
		return nil, err
	}
	var appStart, rawStart, appCockpit, rawCockpit []float64
	var last *exec.Cmd
	var lastBase string
	defer func() {
		if last != nil {
			last.Process.Signal(syscall.SIGTERM)
			last.Wait()
		}
	}()
	for i := range bench.Rounds {
		if last != nil {
			last.Process.Signal(syscall.SIGTERM)
			last.Wait()
		}
		cmd, base, took, err := r.startServe(self)
		if err != nil {
			return nil, err
		}
		last, lastBase = cmd, base
		appStart = append(appStart, took)
		took, err = r.firstCockpit(base)
		if err != nil {
			return nil, err
		}
		appCockpit = append(appCockpit, took)
		t := time.Now()
		db, err := store.Open(r.ctx, r.dbURL, r.dir)
		if err != nil {
			return nil, err
		}
		if _, err := db.Read().Count(r.ctx, `SELECT COUNT(*) FROM users`); err != nil {
			return nil, err
		}
		rawStart = append(rawStart, ms(time.Since(t)))
		t = time.Now()
		err = rawCockpitReads(r.ctx, db.Read(), 0)
		rawCockpit = append(rawCockpit, ms(time.Since(t)))
		db.Close()
		if err != nil {
			return nil, fmt.Errorf("round %d: %w", i, err)
		}
	}
	rss, err := idleRSS(last, lastBase, r)
	if err != nil {
		return nil, err
	}
	r.facts = append(r.facts, bench.Fact{Name: "空闲常驻内存（RSS，启动并使用后静置 3 秒）", App: fmt.Sprintf("%.0f MB", rss), Raw: "—", Target: "≤ 150 MB"})
	return []bench.Result{
		bench.FromSamples("冷启动（至可服务）", "—", appStart, rawStart),
		bench.FromSamples("驾驶舱（冷，启动后首次）", "冷 ≤ 300 ms", appCockpit, rawCockpit),
	}, nil
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

// startServe starts `wenming serve` on a free port and waits for /healthz.
func (r *benchRun) startServe(self string) (*exec.Cmd, string, float64, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, "", 0, err
	}
	addr := ln.Addr().String()
	ln.Close()
	cmd := exec.Command(self, "serve")
	cmd.Env = append(os.Environ(), "WENMING_LISTEN="+addr, "WENMING_DATA_DIR="+r.dir, "WENMING_DATABASE_URL="+r.dbURL, "WENMING_LOG_LEVEL=error")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	start := time.Now()
	if err := cmd.Start(); err != nil {
		return nil, "", 0, err
	}
	base := "http://" + addr
	for time.Since(start) < time.Minute {
		if res, err := http.Get(base + "/healthz"); err == nil {
			res.Body.Close()
			if res.StatusCode == 200 {
				return cmd, base, ms(time.Since(start)), nil
			}
		}
		time.Sleep(2 * time.Millisecond)
	}
	cmd.Process.Kill()
	cmd.Wait()
	return nil, "", 0, fmt.Errorf("wenming serve did not answer within a minute: %s", stderr.String())
}

// firstCockpit signs the office in (its password hash is not the
// cockpit's time) and times the first cockpit answer, in ms.
func (r *benchRun) firstCockpit(base string) (float64, error) {
	saved := r.base
	r.base = base
	defer func() { r.base = saved }()
	c, err := r.client("office")
	if err != nil {
		return 0, err
	}
	t := time.Now()
	res, err := c.Get(base + "/api/v1/cockpit")
	took := ms(time.Since(t))
	return took, expect(res, err, 200)
}

// idleRSS uses the running program as an office would for a moment (the
// cockpit, the case pool, the live score), leaves it idle and reads its
// resident memory in MB.
func idleRSS(cmd *exec.Cmd, base string, r *benchRun) (float64, error) {
	saved := r.base
	r.base = base
	c, err := r.client("office")
	r.base = saved
	if err != nil {
		return 0, err
	}
	for _, path := range []string{"/api/v1/cockpit", "/api/v1/cases?view=pool&page=1&pageSize=20", "/api/v1/scores/live"} {
		res, err := c.Get(base + path)
		if err := expect(res, err, 200); err != nil {
			return 0, err
		}
	}
	time.Sleep(3 * time.Second)
	status, err := os.ReadFile(filepath.Join("/proc", strconv.Itoa(cmd.Process.Pid), "status"))
	if err != nil {
		return 0, err
	}
	for _, line := range strings.Split(string(status), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmRSS:"); ok {
			kb, err := strconv.Atoi(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest), "kB")))
			return float64(kb) / 1024, err
		}
	}
	return 0, fmt.Errorf("no VmRSS for process %d", cmd.Process.Pid)
}

// backupOp: `wenming backup` of the whole data folder, against copying the
// database file and the uploaded files byte for byte (which, unlike the
// backup, is not safe while the service writes).
func (r *benchRun) backupOp(bench.City) (bench.Result, error) {
	target := func(kind string, i int) string { return filepath.Join(r.dir, "backup-"+kind+strconv.Itoa(i)) }
	app := func(i int) error {
		defer os.RemoveAll(target("app", i))
		_, err := backup(r.ctx, r.db, r.dir, "", target("app", i))
		return err
	}
	raw := func(i int) error {
		to := target("raw", i)
		defer os.RemoveAll(to)
		if r.db.Dialect == store.SQLite {
			if err := os.MkdirAll(to, 0o750); err != nil {
				return err
			}
			if err := copyFile(filepath.Join(r.dir, "wenming.db"), filepath.Join(to, "wenming.db")); err != nil {
				return err
			}
		}
		_, err := copyTreeBytes(filepath.Join(r.dir, "files"), filepath.Join(to, "files"))
		return err
	}
	res, err := bench.CompareRounds("备份数据目录", "—", 3, 1, app, raw)
	if r.db.Dialect == store.Postgres {
		res.Note = "PostgreSQL：数据库由 pg_dump 备份，此处只含上传文件"
	}
	return res, err
}

// copyTreeBytes copies a folder file by file, never linking.
func copyTreeBytes(from, to string) (int, error) {
	n := 0
	entries, err := os.ReadDir(from)
	if err != nil {
		return 0, nil
	}
	if err := os.MkdirAll(to, 0o750); err != nil {
		return 0, err
	}
	for _, e := range entries {
		if e.IsDir() {
			k, err := copyTreeBytes(filepath.Join(from, e.Name()), filepath.Join(to, e.Name()))
			n += k
			if err != nil {
				return n, err
			}
			continue
		}
		if err := copyFile(filepath.Join(from, e.Name()), filepath.Join(to, e.Name())); err != nil {
			return n, err
		}
		n++
	}
	return n, nil
}
