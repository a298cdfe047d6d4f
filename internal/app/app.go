// Package app is the wenming program: it reads the configuration, opens
// the database and runs one subcommand. cmd/wenming only calls Run, so
// tests can start the real program on a free port.
package app

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"net"
	"net/http"
	"time"

	"wenming/internal/auth"
	"wenming/internal/blob"
	"wenming/internal/config"
	"wenming/internal/files"
	"wenming/internal/httpapi"
	"wenming/internal/jobs"
	"wenming/internal/open311"
	"wenming/internal/store"
	"wenming/internal/webhook"
	"wenming/web"
)

// Version is set at build time with -ldflags "-X wenming/internal/app.Version=…".
var Version = "dev"

const usage = `wenming — 文明城市创建管理平台

用法：wenming <命令> [参数]

命令：
  serve     启动服务（默认）
  migrate   升级数据库结构后退出
  demo      载入演示县（会宁县）数据后启动服务（可重复执行）
  recount   按案件和巡查判定重新统计计数（驾驶舱、收件箱、单位排名与实时得分所读的每日计数）
  user      账号管理：user create … | user reset-password …
  backup    备份到新目录：backup <目录>（SQLite 数据库与上传文件；服务可不停）
  bench     生成合成城市并测量性能（与直接访问数据库对比）；bench gen -data <目录> 只生成
  version   显示版本

每个命令的参数可用 -h 查看；所有参数也可用 WENMING_* 环境变量设置。
`

// Run runs the program with its arguments (without the program name).
func Run(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	cmd := "serve"
	if len(args) > 0 {
		cmd, args = args[0], args[1:]
	}
	switch cmd {
	case "serve":
		return withConfig(ctx, cmd, args, getenv, stdout, stderr, func(ctx context.Context, e *env) error {
			svc, err := e.services()
			if err != nil {
				return err
			}
			return serve(ctx, e, svc)
		})
	case "migrate":
		return withConfig(ctx, cmd, args, getenv, stdout, stderr, func(ctx context.Context, e *env) error {
			fmt.Fprintln(e.stdout, "数据库结构已是最新。")
			return nil
		})
	case "demo":
		return withConfig(ctx, cmd, args, getenv, stdout, stderr, func(ctx context.Context, e *env) error {
			// One set of services loads the demo and then serves it, so the
			// copies of the demo's photos still being made are waited for
			// when the server stops.
			svc, err := e.services()
			if err != nil {
				return err
			}
			if err := loadDemo(ctx, e, svc); err != nil {
				return err
			}
			return serve(ctx, e, svc)
		})
	case "recount":
		return withConfig(ctx, cmd, args, getenv, stdout, stderr, recount)
	case "user":
		return userCommand(ctx, args, getenv, stdout, stderr)
	case "backup":
		return backupCommand(ctx, args, getenv, stdout, stderr)
	case "bench":
		return benchCommand(ctx, args, stdout, stderr)
	case "version":
		fmt.Fprintln(stdout, "wenming", Version)
		return nil
	case "help", "-h", "--help":
		fmt.Fprint(stdout, usage)
		return nil
	}
	fmt.Fprint(stderr, usage)
	return fmt.Errorf("未知命令 %q", cmd)
}

// env is what a subcommand works with.
type env struct {
	cfg    config.Config
	log    *slog.Logger
	db     *store.DB
	stdout io.Writer
}

func withConfig(ctx context.Context, name string, args []string, getenv func(string) string, stdout, stderr io.Writer, fn func(context.Context, *env) error) error {
	cfg, err := config.Load(name, args, getenv, stderr)
	if err != nil {
		return err
	}
	return withEnv(ctx, cfg, stdout, stderr, fn)
}

func withEnv(ctx context.Context, cfg config.Config, stdout, stderr io.Writer, fn func(context.Context, *env) error) error {
	log := newLogger(cfg, stderr)
	log.Info("starting", slog.String("version", Version), slog.String("config", cfg.String()))
	db, err := store.Open(ctx, cfg.DatabaseURL, cfg.DataDir)
	if err != nil {
		return err
	}
	defer db.Close()
	if err := db.Migrate(ctx); err != nil {
		return err
	}
	return fn(ctx, &env{cfg: cfg, log: log, db: db, stdout: stdout})
}

func newLogger(cfg config.Config, w io.Writer) *slog.Logger {
	var level slog.Level
	level.UnmarshalText([]byte(cfg.LogLevel))
	opts := &slog.HandlerOptions{Level: level}
	if cfg.LogFormat == "json" {
		return slog.New(slog.NewJSONHandler(w, opts))
	}
	return slog.New(slog.NewTextHandler(w, opts))
}

func policy(cfg config.Config) auth.Policy {
	return auth.Policy{LockThreshold: cfg.LockThreshold, LockDuration: cfg.LockDuration, AddressThreshold: cfg.LoginAddress,
		IdleTimeout: cfg.IdleTimeout, MaxAge: cfg.SessionMaxAge}
}

// publicLimits are what the public endpoints take from one client.
func publicLimits(cfg config.Config) (*httpapi.Limiter, files.Batch) {
	rates := httpapi.Rates{Reports: cfg.RateReports, Tokens: cfg.RateTokens, Public: cfg.RatePublic}
	return httpapi.NewLimiter(rates, cfg.TrustProxy, time.Now), files.Batch{Bytes: int64(cfg.ReportPhotosMB) << 20, Pixels: cfg.ReportPhotosMP * 1_000_000}
}

// services builds every service the way the configuration asks.
func (e *env) services() (*Services, error) {
	blobs, err := blob.Open(e.cfg.BlobURL, e.cfg.DataDir)
	if err != nil {
		return nil, err
	}
	receivers, err := webhook.ParseAllowlist(e.cfg.WebhookAllow)
	if err != nil {
		return nil, fmt.Errorf("webhook-allow: %w", err)
	}
	decode := e.cfg.DecodeMPPerMinute * 1_000_000
	if decode == 0 {
		decode = -1 // the setting's 0 means no bound
	}
	return NewServices(e.db, Options{Blobs: blobs, Auth: policy(e.cfg), Webhooks: receivers, DecodePixelsPerMinute: decode, PDFFont: e.cfg.PDFFont}), nil
}

// serve runs the HTTP server until ctx ends, then drains it.
func serve(ctx context.Context, e *env, svc *Services) error {
	var ui fs.FS
	if sub, err := fs.Sub(web.Dist, "dist/app"); err == nil {
		if _, err := fs.Stat(sub, "index.html"); err == nil {
			ui = sub
		} else {
			e.log.Warn("the console is not built; run `make web` and rebuild")
		}
	}
	limiter, photos := publicLimits(e.cfg)
	deps := svc.HTTP(e.db, e.log)
	deps.Open311 = open311.New(svc.Cases, svc.Auth, e.log, open311.Guard{Limiter: limiter, Photos: photos})
	deps.MapTiles = httpapi.MapTiles{URL: e.cfg.MapTiles, Attribution: e.cfg.MapAttribution, CoordSystem: e.cfg.MapCoords}
	deps.UI, deps.Version, deps.TrustProxy, deps.SecureCookie = ui, Version, e.cfg.TrustProxy, e.cfg.SecureCookie
	deps.Limiter, deps.ReportPhotos = limiter, photos
	srv := httpapi.New(deps)
	ln, err := net.Listen("tcp", e.cfg.Listen)
	if err != nil {
		return err
	}
	hs := &http.Server{Handler: srv.Handler(), ReadHeaderTimeout: 10 * time.Second, IdleTimeout: 2 * time.Minute,
		ErrorLog: slog.NewLogLogger(e.log.Handler(), slog.LevelWarn)}
	fmt.Fprintf(e.stdout, "wenming 正在监听 http://%s\n", displayAddr(ln.Addr()))
	jobCtx, stopJobs := context.WithCancel(ctx)
	waitJobs := jobs.Start(jobCtx, e.log,
		jobs.Job{Name: "weekly submission reminders", Every: time.Hour, Run: svc.Submission.SendWeeklyReminders},
		jobs.Job{Name: "case clocks", Every: e.cfg.JobInterval, Run: svc.Cases.RunTimers},
		jobs.Job{Name: "webhook deliveries", Every: e.cfg.JobInterval, Run: svc.Webhooks.Deliver},
		jobs.Job{Name: "scheduled bulletins", Every: time.Hour, Run: svc.Ranking.DraftScheduled})
	defer func() { stopJobs(); waitJobs() }()
	errc := make(chan error, 1)
	go func() { errc <- hs.Serve(ln) }()
	ready(ctx, "http://"+displayAddr(ln.Addr()))
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	e.log.Info("shutting down")
	shutdown, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := hs.Shutdown(shutdown); err != nil {
		return err
	}
	if err := <-errc; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	svc.Files.StopCopies()
	return nil
}

func displayAddr(a net.Addr) string {
	tcp, ok := a.(*net.TCPAddr)
	if ok && (tcp.IP.IsUnspecified() || tcp.IP == nil) {
		return fmt.Sprintf("localhost:%d", tcp.Port)
	}
	return a.String()
}
