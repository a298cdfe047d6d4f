package app

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"flag"
	"fmt"
	"image"
	"image/color"
	"image/jpeg"
	"io"
	"log/slog"
	"mime/multipart"
	"net"
	"net/http"
	"net/http/cookiejar"
	"os"
	"path/filepath"
	"runtime/debug"
	"strconv"
	"strings"
	"time"

	"wenming/internal/auth"
	"wenming/internal/bench"
	"wenming/internal/blob"
	"wenming/internal/cases"
	"wenming/internal/domain"
	"wenming/internal/framework"
	"wenming/internal/httpapi"
	"wenming/internal/org"
	"wenming/internal/patrol"
	"wenming/internal/store"
)

// benchCommand generates a synthetic city in a fresh database and measures
// the application against the raw database doing the same minimal work.
func benchCommand(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	// `bench gen …` only generates the city into -data, for later runs.
	genOnly := len(args) > 0 && args[0] == "gen"
	if genOnly {
		args = args[1:]
	}
	fs := flag.NewFlagSet("bench", flag.ContinueOnError)
	fs.SetOutput(stderr)
	scaleName := fs.String("scale", "small", "城市规模 small|medium|large")
	seed := fs.Uint64("seed", 1, "随机种子")
	dbURL := fs.String("db", "", "空数据库：留空为临时目录中的 SQLite；postgres://… 为 PostgreSQL（须为空库）")
	out := fs.String("out", "", "报告写入的 markdown 文件（如 docs/performance.md）；JSON 写在同名 .json")
	data := fs.String("data", "", "保留城市的目录：已有生成结果（city.json）则直接复用，省去生成；留空为临时目录，用后删除")
	against := fs.String("against", "", "与之比较 app/raw 比值的上一次结果（JSON）；留空为 -out 同名的 .json（覆盖之前读取）")
	if err := fs.Parse(args); err != nil {
		return err
	}
	sc, ok := bench.Scales[*scaleName]
	if !ok {
		return fmt.Errorf("未知规模 %q：可选 small、medium、large", *scaleName)
	}
	if genOnly && *data == "" {
		return fmt.Errorf("bench gen 需要 -data 目录来保存生成的城市")
	}
	dir := *data
	if dir == "" {
		tmp, err := os.MkdirTemp("", "wenming-bench-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(tmp)
		dir = tmp
	} else if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	db, err := store.Open(ctx, *dbURL, dir)
	if err != nil {
		return err
	}
	defer db.Close()
	if err := db.Migrate(ctx); err != nil {
		return err
	}
	r := &benchRun{ctx: ctx, db: db, dir: dir, out: stdout, run: strconv.FormatInt(time.Now().Unix(), 36), dbURL: *dbURL}
	if err := r.setup(); err != nil {
		return err
	}
	city, err := r.city(sc, *seed)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "已生成 %d 个案件、%d 条时间线、%d 条照片记录、%d 条巡查观测，用时 %.1f 秒\n", city.Cases, city.Events, city.Photos, city.Observations, city.Took.Seconds())
	if genOnly {
		return nil
	}
	report := bench.Report{Scale: sc.Name, DB: string(db.Dialect), Cases: city.Cases, Events: city.Events, Photos: city.Photos, GenSecs: city.Took.Seconds(),
		Machine: bench.Machine(), Commit: commit(), Command: "wenming bench " + strings.Join(args, " "), At: time.Now().Format(time.RFC3339)}
	loadBefore := bench.LoadAverage()
	ops := []func(bench.City) ([]bench.Result, error){one(r.intake), one(r.inbox), one(r.dispatch), one(r.cockpit), one(r.countyCockpit), r.startAndIdle, one(r.score),
		one(r.export(10_000)), one(r.export(100_000)), one(r.backupOp)}
	for _, op := range ops {
		results, err := op(city)
		if err != nil {
			return err
		}
		for _, res := range results {
			fmt.Fprintf(stdout, "%-22s app p50 %7.2f ms p99 %7.2f ms %6.0f/s | raw p50 %6.2f ms p99 %6.2f ms %6.0f/s | app/raw %.1f×\n",
				res.Operation, res.AppP50, res.AppP99, res.AppRate, res.RawP50, res.RawP99, res.RawRate, res.Ratio)
		}
		report.Results = append(report.Results, results...)
	}
	report.Facts = r.facts
	if loadBefore != "" {
		report.Load = loadBefore + " when measuring began, " + bench.LoadAverage() + " when it ended"
	}
	for _, f := range r.facts {
		fmt.Fprintf(stdout, "%s: app %s, raw %s\n", f.Name, f.App, f.Raw)
	}
	compareWithPrevious(&report, *against, *out, stdout)
	fmt.Fprintln(stdout)
	fmt.Fprint(stdout, report.Markdown())
	if *out != "" {
		return writeReport(*out, report)
	}
	return nil
}

// compareWithPrevious sets the run's ratios against those of the run before
// it, read from the JSON the report is about to replace (or the one named),
// and says which rose by more than bench.WorseBy per cent.
func compareWithPrevious(report *bench.Report, against, out string, stdout io.Writer) {
	if against == "" && out != "" {
		against = strings.TrimSuffix(out, filepath.Ext(out)) + ".json"
	}
	if against == "" {
		return
	}
	previous, err := bench.ReadReport(against)
	switch {
	case err != nil:
		fmt.Fprintf(stdout, "没有可比较的上一次结果（%v）\n", err)
	case !report.CompareWith(previous):
		fmt.Fprintf(stdout, "上一次结果（%s）是 %s 规模、%s，与本次不同，不作比较\n", against, previous.Scale, previous.DB)
	case len(report.Against.Worse()) > 0:
		fmt.Fprintf(stdout, "app/raw 比值比上一次（%s）差 %d%% 以上：%s\n", previous.Commit, bench.WorseBy, strings.Join(report.Against.Worse(), "、"))
	default:
		fmt.Fprintf(stdout, "没有哪项 app/raw 比值比上一次（%s）差 %d%% 以上\n", previous.Commit, bench.WorseBy)
	}
}

// writeReport replaces the generated section of the markdown file and
// writes the JSON beside it.
func writeReport(path string, report bench.Report) error {
	const begin, end = "<!-- bench:begin -->", "<!-- bench:end -->"
	old, _ := os.ReadFile(path)
	text := string(old)
	section := begin + "\n" + report.Markdown() + end
	if i, j := strings.Index(text, begin), strings.Index(text, end); i >= 0 && j > i {
		text = text[:i] + section + text[j+len(end):]
	} else {
		text += "\n" + section + "\n"
	}
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		return err
	}
	return os.WriteFile(strings.TrimSuffix(path, filepath.Ext(path))+".json", report.JSON(), 0o644)
}

// city generates the synthetic city, or reads back the one a previous run
// left in the data folder (its database must be the one given again).
func (r *benchRun) city(sc bench.Scale, seed uint64) (bench.City, error) {
	saved := filepath.Join(r.dir, "city.json")
	var city bench.City
	if b, err := os.ReadFile(saved); err == nil {
		if err := json.Unmarshal(b, &city); err != nil {
			return city, fmt.Errorf("%s: %w", saved, err)
		}
		if city.Scale.Name != sc.Name {
			return city, fmt.Errorf("%s 中已是 %s 规模的城市，不是 %s", r.dir, city.Scale.Name, sc.Name)
		}
		fmt.Fprintf(r.out, "复用 %s 中已生成的 %s 规模城市\n", r.dir, sc.Name)
		return city, nil
	}
	fmt.Fprintf(r.out, "生成 %s 规模城市……\n", sc.Name)
	start := time.Now()
	city, err := bench.Generate(r.ctx, r.db, r.orgs, r.cases, sc, seed)
	if err != nil {
		return city, err
	}
	if err := bench.GeneratePoints(r.ctx, r.db, r.frameworks, r.patrol, &city, seed); err != nil {
		return city, err
	}
	// A bulk load outruns PostgreSQL's autovacuum: without statistics its
	// planner guesses thousands of timeline rows a case and scans in
	// parallel (33 ms a case detail on the large city instead of 0.1 ms).
	if r.db.Dialect == store.Postgres {
		if err := r.db.Write(r.ctx, func(c *store.Conn) error { _, err := c.Exec(r.ctx, `ANALYZE`); return err }); err != nil {
			return city, err
		}
	}
	city.Took = time.Since(start)
	b, _ := json.Marshal(city)
	return city, os.WriteFile(saved, b, 0o644)
}

// one lets an operation that measures one thing join the list.
func one(op func(bench.City) (bench.Result, error)) func(bench.City) ([]bench.Result, error) {
	return func(city bench.City) ([]bench.Result, error) {
		res, err := op(city)
		return []bench.Result{res}, err
	}
}

func commit() string {
	if info, ok := debug.ReadBuildInfo(); ok {
		for _, s := range info.Settings {
			if s.Key == "vcs.revision" {
				return s.Value[:12]
			}
		}
	}
	return Version
}

type benchRun struct {
	ctx        context.Context
	db         *store.DB
	dir        string
	out        io.Writer
	orgs       *org.Service
	cases      *cases.Service
	frameworks *framework.Service
	patrol     *patrol.Service
	base       string
	run        string // tells this run's rows from a previous run's in a kept city
	dbURL      string // "" for SQLite in dir
	facts      []bench.Fact
	photos     [3][]byte
}

// setup starts the real HTTP server over the database on a loopback port.
func (r *benchRun) setup() error {
	blobs, err := blob.NewDisk(filepath.Join(r.dir, "files"))
	if err != nil {
		return err
	}
	svc := NewServices(r.db, Options{Blobs: blobs, Auth: auth.Policy{LockThreshold: 5, LockDuration: time.Minute, IdleTimeout: time.Hour, MaxAge: 24 * time.Hour}})
	r.orgs, r.cases, r.frameworks, r.patrol = svc.Org, svc.Cases, svc.Framework, svc.Patrol
	deps := svc.HTTP(r.db, slog.New(slog.NewTextHandler(io.Discard, nil)))
	deps.Version = Version
	srv := httpapi.New(deps)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	go http.Serve(ln, srv.Handler())
	r.base = "http://" + ln.Addr().String()
	for i := range r.photos {
		r.photos[i] = phonePhoto(i)
	}
	return nil
}

// phonePhoto is a 1280×960 JPEG, the size phones send after the browser
// shrinks them.
func phonePhoto(seed int) []byte {
	img := image.NewRGBA(image.Rect(0, 0, 1280, 960))
	for y := range 960 {
		for x := range 1280 {
			img.Set(x, y, color.RGBA{uint8(x*seed + y), uint8(y / 4), uint8(x / 5), 255})
		}
	}
	var b bytes.Buffer
	jpeg.Encode(&b, img, &jpeg.Options{Quality: 85})
	return b.Bytes()
}

func (r *benchRun) client(user string) (*http.Client, error) {
	jar, _ := cookiejar.New(nil)
	c := &http.Client{Jar: jar}
	body, _ := json.Marshal(map[string]string{"username": user, "password": bench.Password})
	res, err := c.Post(r.base+"/api/v1/auth/login", "application/json", bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	res.Body.Close()
	if res.StatusCode != 200 {
		return nil, fmt.Errorf("login %s: %d", user, res.StatusCode)
	}
	return c, nil
}

func expect(res *http.Response, err error, status int) error {
	if err != nil {
		return err
	}
	defer res.Body.Close()
	if res.StatusCode != status {
		b, _ := io.ReadAll(res.Body)
		return fmt.Errorf("status %d: %s", res.StatusCode, b)
	}
	io.Copy(io.Discard, res.Body)
	return nil
}

// photo is the k-th phone photo made unique to one report by a JPEG
// comment: every resident's photos differ, so none is stored only once.
func (r *benchRun) photo(k int, side string, i int) []byte {
	tag := fmt.Sprintf("%s-%s-%d-%d", r.run, side, i, k)
	p := r.photos[k]
	out := make([]byte, 0, len(p)+len(tag)+4)
	out = append(out, p[:2]...) // SOI
	out = append(out, 0xFF, 0xFE, byte((len(tag)+2)>>8), byte(len(tag)+2))
	out = append(out, tag...)
	return append(out, p[2:]...)
}

// intake: a resident's report with three photos over HTTP, against the
// rows such a report writes, in one transaction, and the photos' bytes
// written to files.
func (r *benchRun) intake(city bench.City) (bench.Result, error) {
	app := func(i int) error {
		var buf bytes.Buffer
		mw := multipart.NewWriter(&buf)
		mw.WriteField("case", fmt.Sprintf(`{"clientKey":"bench-%s-%d","categoryId":%d,"description":"路边垃圾堆积","lat":35.69,"lng":105.05}`, r.run, i, city.Categories[i%len(city.Categories)]))
		for k := range r.photos {
			w, _ := mw.CreateFormFile("photos", fmt.Sprintf("现场%d.jpg", k))
			w.Write(r.photo(k, "app", i))
		}
		mw.Close()
		res, err := http.Post(r.base+"/api/v1/public/cases", mw.FormDataContentType(), &buf)
		return expect(res, err, 201)
	}
	rawFiles := filepath.Join(r.dir, "raw-files")
	if err := os.MkdirAll(rawFiles, 0o755); err != nil {
		return bench.Result{}, err
	}
	defer os.RemoveAll(rawFiles)
	raw := func(i int) error {
		// The photos' bytes are stored too: the least a report with photos needs.
		for k := range r.photos {
			if err := os.WriteFile(filepath.Join(rawFiles, fmt.Sprintf("%s-%d-%d.jpg", r.run, i, k)), r.photo(k, "raw", i), 0o640); err != nil {
				return err
			}
		}
		return r.db.Write(r.ctx, func(c *store.Conn) error {
			// A case is numbered in its jurisdiction's sequence of the day (the
			// city's, for a report that names no place).
			if _, err := c.Next(r.ctx, "raw-intake:"+r.run, c.Now.In(domain.Beijing).Format("20060102")); err != nil {
				return err
			}
			token := fmt.Sprintf("raw-intake-%s-%d", r.run, i)
			id, err := c.Insert(r.ctx, `INSERT INTO cases (code, source, public_token, state, category_id, description, lat, lng, jurisdiction_id, limit_minutes, created_at, updated_at)
				VALUES (?, 'resident_snap', ?, 'new', ?, '路边垃圾堆积', 35.69, 105.05, ?, 240, ?, ?)`, token, token, city.Categories[0], city.Region, c.Now, c.Now)
			if err != nil {
				return err
			}
			// The cockpit's count of today's reports moves with each report.
			if _, err := c.Exec(r.ctx, `INSERT INTO case_days (day, intake) VALUES (?, 1) ON CONFLICT (day) DO UPDATE SET intake = case_days.intake + 1`,
				c.Now.In(domain.Beijing).Format(time.DateOnly)); err != nil {
				return err
			}
			ev, err := c.Insert(r.ctx, `INSERT INTO case_events (case_id, at, kind, actor_name) VALUES (?, ?, 'created', '市民')`, id, c.Now)
			if err != nil {
				return err
			}
			for k := range 3 {
				f, err := c.Insert(r.ctx, `INSERT INTO files (name, content_type, size, sha256, uploaded_at, owner_kind, owner_id) VALUES (?, 'image/jpeg', 1, 'x', ?, 'case', ?)`, fmt.Sprintf("%d.jpg", k), c.Now, id)
				if err != nil {
					return err
				}
				if _, err := c.Exec(r.ctx, `INSERT INTO case_photos (case_id, file_id, event_id, phase) VALUES (?, ?, ?, 'before')`, id, f, ev); err != nil {
					return err
				}
			}
			return nil
		})
	}
	res, err := bench.Compare("随手拍上报（3 张照片）", "≥ 4,000/s，p99 ≤ 25 ms，≥ 0.33× raw", 20, app, raw)
	res.Note = "app 含照片格式与完整性校验、EXIF 读取与原图存储（每张 1280×960 JPEG）；缩略图与展示图在请求之外生成"
	if err != nil {
		return res, err
	}
	// Throughput with many residents at once, as on a campaign day.
	const clients, each = 8, 25
	appRate, err := bench.Throughput(clients, each, func(i int) error { return app(1_000_000 + i) })
	if err != nil {
		return res, err
	}
	rawRate, err := bench.Throughput(clients, each, func(i int) error { return raw(1_000_000 + i) })
	r.facts = append(r.facts, bench.Fact{Name: fmt.Sprintf("随手拍上报吞吐（%d 路并发，每件 3 张照片）", clients), App: fmt.Sprintf("%.0f 件/秒", appRate),
		Raw: fmt.Sprintf("%.0f 件/秒", rawRate), Target: "≥ 4,000/s，≥ 0.33× raw"})
	return res, err
}

// inbox: the first page of the busiest unit's inbox, against its count
// (from unit_cases) and the page query on the unit's led cases.
func (r *benchRun) inbox(city bench.City) (bench.Result, error) {
	c, err := r.client("liaison")
	if err != nil {
		return bench.Result{}, err
	}
	app := func(int) error {
		res, err := c.Get(r.base + "/api/v1/cases?view=inbox&page=1&pageSize=20")
		return expect(res, err, 200)
	}
	// The liaison's inbox covers the unit and its sub-units: the cases they
	// lead or co-handle and those the liaison reported.
	var liaison int64
	if err := r.db.Read().Get(r.ctx, "联络员", `SELECT id FROM users WHERE username = 'liaison'`, nil, &liaison); err != nil {
		return bench.Result{}, err
	}
	units, err := r.db.Read().Int64s(r.ctx, `SELECT id FROM units WHERE path LIKE (SELECT path FROM units WHERE id = ?) || '%' ORDER BY id`, city.BusyUnit)
	if err != nil {
		return bench.Result{}, err
	}
	in := "(" + store.Placeholders(len(units)) + ")"
	unitArgs := make([]any, len(units))
	var led []string
	for i, u := range units {
		unitArgs[i] = u
		led = append(led, fmt.Sprintf(`SELECT id, created_at FROM (SELECT id, created_at FROM cases WHERE lead_unit_id = ? ORDER BY created_at DESC, id DESC LIMIT 20) AS led%d`, i))
	}
	args := func(parts ...[]any) []any {
		var out []any
		for _, p := range parts {
			out = append(out, p...)
		}
		return out
	}
	page := `SELECT c.id, c.code, c.state, c.category_id, c.description, c.address, c.lead_unit_id, c.created_at, c.deadline_at
		FROM (SELECT DISTINCT id, created_at FROM (` + strings.Join(led, " UNION ALL ") + `
			UNION ALL SELECT id, created_at FROM (SELECT id, created_at FROM cases WHERE reporter_id = ? ORDER BY created_at DESC, id DESC LIMIT 20) AS reported
			UNION ALL SELECT id, created_at FROM (SELECT DISTINCT c.id, c.created_at FROM case_units cu JOIN cases c ON c.id = cu.case_id WHERE cu.unit_id IN ` + in + `
				ORDER BY c.created_at DESC, c.id DESC LIMIT 20) AS co
		) AS b ORDER BY created_at DESC, id DESC LIMIT 20) AS page JOIN cases c ON c.id = page.id ORDER BY c.created_at DESC, c.id DESC`
	raw := func(int) error {
		conn := r.db.Read()
		// The total: led cases from the per-unit counters the schema keeps,
		// then those reported or co-handled but not led.
		if _, err := conn.Count(r.ctx, `SELECT COALESCE(SUM(n), 0) FROM unit_cases WHERE unit_id IN `+in, unitArgs...); err != nil {
			return err
		}
		if _, err := conn.Count(r.ctx, `SELECT COUNT(*) FROM cases WHERE reporter_id = ? AND (lead_unit_id IS NULL OR lead_unit_id NOT IN `+in+`)`, args([]any{liaison}, unitArgs)...); err != nil {
			return err
		}
		if _, err := conn.Count(r.ctx, `SELECT COUNT(DISTINCT cu.case_id) FROM case_units cu JOIN cases c ON c.id = cu.case_id WHERE cu.unit_id IN `+in+`
			AND (c.lead_unit_id IS NULL OR c.lead_unit_id NOT IN `+in+`) AND (c.reporter_id IS NULL OR c.reporter_id <> ?)`, args(unitArgs, unitArgs, []any{liaison})...); err != nil {
			return err
		}
		return drain(conn.Query(r.ctx, page, args(unitArgs, []any{liaison}, unitArgs)...))
	}
	return bench.Compare("单位案件列表（首页）", "p50 ≤ 1 ms，p99 ≤ 10 ms，≤ 2×", 100, app, raw)
}

// dispatch: the city office dispatching a new case of the city's own to
// its busiest unit, against the update, the timeline event and the audit
// entry it writes.
func (r *benchRun) dispatch(city bench.City) (bench.Result, error) {
	c, err := r.client("office")
	if err != nil {
		return bench.Result{}, err
	}
	const batch = 50
	var ids []int64
	err = r.db.Write(r.ctx, func(conn *store.Conn) error {
		for i := range 2 * batch * bench.Rounds {
			token := fmt.Sprintf("to-dispatch-%s-%d", r.run, i)
			id, err := conn.Insert(r.ctx, `INSERT INTO cases (code, source, public_token, state, category_id, description, region_id, jurisdiction_id, limit_minutes, created_at, updated_at)
				VALUES (?, 'hotline', ?, 'new', ?, '待派遣', ?, ?, 240, ?, ?)`, token, token, city.Categories[0], city.Region, city.Region, conn.Now, conn.Now)
			if err != nil {
				return err
			}
			ids = append(ids, id)
		}
		return nil
	})
	if err != nil {
		return bench.Result{}, err
	}
	app := func(i int) error {
		body := strings.NewReader(fmt.Sprintf(`{"unitId":%d,"note":"派遣"}`, city.BusyUnit))
		req, _ := http.NewRequest("POST", fmt.Sprintf("%s/api/v1/cases/%d/dispatch", r.base, ids[i]), body)
		req.Header.Set("Content-Type", "application/json")
		res, err := c.Do(req)
		return expect(res, err, 200)
	}
	raw := func(i int) error {
		return r.db.Write(r.ctx, func(conn *store.Conn) error {
			if _, err := conn.Exec(r.ctx, `UPDATE cases SET state = 'dispatched', lead_unit_id = ?, dispatched_at = ?, updated_at = ? WHERE id = ?`, city.BusyUnit, conn.Now, conn.Now, ids[i]); err != nil {
				return err
			}
			// The unit's inbox and its day's received count move with it.
			if _, err := conn.Exec(r.ctx, `INSERT INTO unit_cases (unit_id, state, n) VALUES (?, 'dispatched', 1) ON CONFLICT (unit_id, state) DO UPDATE SET n = unit_cases.n + 1`, city.BusyUnit); err != nil {
				return err
			}
			if _, err := conn.Exec(r.ctx, `INSERT INTO unit_days (unit_id, day, received) VALUES (?, ?, 1) ON CONFLICT (unit_id, day) DO UPDATE SET received = unit_days.received + 1`,
				city.BusyUnit, conn.Now.In(domain.Beijing).Format(time.DateOnly)); err != nil {
				return err
			}
			if _, err := conn.Exec(r.ctx, `INSERT INTO case_events (case_id, at, kind, actor_name, note) VALUES (?, ?, 'dispatched', '基准', '派遣')`, ids[i], conn.Now); err != nil {
				return err
			}
			_, err := conn.Exec(r.ctx, `INSERT INTO audit_log (at, actor_name, action, entity, entity_id, summary) VALUES (?, '基准', 'dispatched', 'case', ?, '派遣')`, conn.Now, strconv.FormatInt(ids[i], 10))
			return err
		})
	}
	return bench.Compare("派遣", "p99 ≤ 15 ms，≤ 3×", batch, app, raw)
}

// cockpit: the leaders' big screen as the city office, which reads every
// county, against the grouped counts it shows (open cases by state,
// source and region, and the 30-day trend) over the whole city.
func (r *benchRun) cockpit(city bench.City) (bench.Result, error) {
	return r.cockpitAs(city.Jurisdictions[0], 0, "驾驶舱（热）")
}

// countyCockpit: the busiest county's office's cockpit, against the same
// counts over that county's cases only.
func (r *benchRun) countyCockpit(city bench.City) (bench.Result, error) {
	county := city.BusiestCounty()
	res, err := r.cockpitAs(county, county.ID, "驾驶舱（热，区县）")
	res.Note = fmt.Sprintf("%s创城办，本县 %d 件案件（全市 %d 件）", county.Name, county.Cases, city.Cases)
	return res, err
}

func (r *benchRun) cockpitAs(j bench.Jurisdiction, only int64, op string) (bench.Result, error) {
	c, err := r.client(j.Office)
	if err != nil {
		return bench.Result{}, err
	}
	app := func(int) error {
		res, err := c.Get(r.base + "/api/v1/cockpit")
		return expect(res, err, 200)
	}
	raw := func(int) error { return rawCockpitReads(r.ctx, r.db.Read(), only) }
	return bench.Compare(op, "热 ≤ 50 ms，≤ 1.5×", 20, app, raw)
}

// rawCockpitReads are the least the cockpit's case figures need: the open
// cases counted by state, source and region, and the 30 days of the
// daily counters. For one county (jurisdiction not 0) the counts are of
// its cases, and the 30 days are read from its cases reported or closed
// since, as the daily counters are the whole city's.
func rawCockpitReads(ctx context.Context, conn *store.Conn, jurisdiction int64) error {
	const open = `state IN ('new', 'registered', 'dispatched', 'handling', 'verifying', 'returned')`
	since := time.Now().AddDate(0, 0, -30)
	if jurisdiction != 0 {
		for _, q := range []string{
			`SELECT state, COUNT(*) FROM cases WHERE jurisdiction_id = ? AND ` + open + ` GROUP BY state`,
			`SELECT source, COUNT(*) FROM cases WHERE jurisdiction_id = ? AND ` + open + ` GROUP BY source`,
			`SELECT region_id, COUNT(*) FROM cases WHERE jurisdiction_id = ? AND ` + open + ` GROUP BY region_id`,
		} {
			if err := drain(conn.Query(ctx, q, jurisdiction)); err != nil {
				return err
			}
		}
		// Each day's cases by their own index: left alone, SQLite walks all
		// the county's cases by cases_jurisdiction (1.6 s on the medium city).
		created, closed := "cases", "cases"
		if conn.Dialect() == store.SQLite {
			created, closed = "cases INDEXED BY cases_created", "cases INDEXED BY cases_closed"
		}
		if err := drain(conn.Query(ctx, `SELECT created_at FROM `+created+` WHERE created_at >= ? AND jurisdiction_id = ?`, since.UTC(), jurisdiction)); err != nil {
			return err
		}
		return drain(conn.Query(ctx, `SELECT closed_at FROM `+closed+` WHERE closed_at >= ? AND jurisdiction_id = ?`, since.UTC(), jurisdiction))
	}
	for _, q := range []string{
		`SELECT state, COUNT(*) FROM cases WHERE ` + open + ` GROUP BY state`,
		`SELECT source, COUNT(*) FROM cases WHERE ` + open + ` GROUP BY source`,
		`SELECT region_id, COUNT(*) FROM cases WHERE ` + open + ` GROUP BY region_id`,
	} {
		if err := drain(conn.Query(ctx, q)); err != nil {
			return err
		}
	}
	return drain(conn.Query(ctx, `SELECT day, intake, closed FROM case_days WHERE day >= ?`, since.Format(time.DateOnly)))
}

func drain(rows *sql.Rows, err error) error {
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
	}
	return rows.Err()
}

// score: the city office's live score recomputed over a whole year of
// patrols, against the plain roll-up of the observations it reads: those
// at the city's own points, as a jurisdiction's live score counts its own
// points only.
func (r *benchRun) score(city bench.City) (bench.Result, error) {
	c, err := r.client("office")
	if err != nil {
		return bench.Result{}, err
	}
	app := func(int) error {
		res, err := c.Get(r.base + "/api/v1/scores/live?days=366")
		return expect(res, err, 200)
	}
	raw := func(int) error {
		now := time.Now()
		// The roll-up gets its best index: left alone, SQLite's planner takes
		// observations_round for "round_id IS NULL" and visits every row.
		from := "observations"
		if r.db.Dialect == store.SQLite {
			from = "observations INDEXED BY observations_at"
		}
		return drain(r.db.Read().Query(r.ctx, `SELECT check_id, result, COUNT(*) FROM `+from+` WHERE round_id IS NULL AND observed_at >= ? AND observed_at < ?
			AND point_id IN (SELECT id FROM points WHERE jurisdiction_id = ?) GROUP BY check_id, result`, now.AddDate(0, 0, -366), now.AddDate(0, 0, 1), city.Region))
	}
	res, err := bench.Compare("全量重算得分（一年巡查）", "≤ 1 s，≤ 2× 纯 SQL 汇总", 3, app, raw)
	if err != nil {
		return res, err
	}
	atCity, err := r.db.Read().Count(r.ctx, `SELECT COUNT(*) FROM observations WHERE point_id IN (SELECT id FROM points WHERE jurisdiction_id = ?)`, city.Region)
	if err != nil {
		return res, err
	}
	res.Note = fmt.Sprintf("市本级 %d 条观测（全市 %d 条、%d 个点位）；app 含测评体系、指标值、材料得分与按单位和区域的失分归因", atCity, city.Observations, city.Scale.Points)
	return res, err
}
