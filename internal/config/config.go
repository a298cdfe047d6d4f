// Package config reads the settings from flags and WENMING_* environment
// variables (flags win), with defaults in code, and validates them.
package config

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// Config is every setting of one wenming process.
type Config struct {
	Listen         string        // address to serve on
	DataDir        string        // folder for the SQLite file and stored files
	DatabaseURL    string        // "" = SQLite in DataDir; postgres://… for PostgreSQL
	BlobURL        string        // "" = files in DataDir; s3://… reserved for object storage
	LogLevel       string        // debug, info, warn, error
	LogFormat      string        // text or json
	TrustProxy     bool          // client address from X-Forwarded-For
	SecureCookie   bool          // session cookie only over HTTPS
	LockThreshold  int           // failed sign-ins to one account from one address before that address waits
	LockDuration   time.Duration // the longest such wait
	LoginAddress   int           // failed sign-ins from one address, any accounts, before it waits
	IdleTimeout    time.Duration // session idle limit
	SessionMaxAge  time.Duration // session absolute limit
	DemoPassword   string        // password of every demo account ("" = generate)
	MapTiles       string        // tile URL template for maps ("" = plain background)
	MapAttribution string        // the tiles' attribution line
	MapCoords      string        // the tiles' coordinate system: wgs84 or gcj02
	JobInterval    time.Duration // how often case clocks and webhooks run
	PDFFont        string        // the TrueType font bulletins are printed in ("" = the usual places)
	WebhookAllow   string        // internal receivers webhooks may reach: hosts, addresses, CIDR blocks

	// What the public endpoints take from one client.
	RateReports       int // resident reports and Open311 submissions a minute per client address (0 = no limit)
	RateTokens        int // Open311 submissions a minute per API token (0 = no limit)
	RatePublic        int // other public requests a minute per client address (0 = no limit)
	ReportPhotosMB    int // megabytes of photos one report may carry
	ReportPhotosMP    int // million pixels the photos of one report may claim
	DecodeMPPerMinute int // million pixels the server decodes a minute for photo copies
}

// field binds one setting to its flag and environment variable.
type field struct {
	name, env, usage string
	ptr              any
	def              string
	secret           bool
}

func (c *Config) fields() []field {
	return []field{
		{"listen", "WENMING_LISTEN", "监听地址", &c.Listen, ":8080", false},
		{"data", "WENMING_DATA_DIR", "数据目录（SQLite 文件与上传文件）", &c.DataDir, "./data", false},
		{"database-url", "WENMING_DATABASE_URL", "数据库：留空为数据目录中的 SQLite；postgres://… 为 PostgreSQL", &c.DatabaseURL, "", true},
		{"blob-url", "WENMING_BLOB_URL", "文件存储：留空为数据目录；s3://… 为对象存储（预留）", &c.BlobURL, "", true},
		{"log-level", "WENMING_LOG_LEVEL", "日志级别 debug|info|warn|error", &c.LogLevel, "info", false},
		{"log-format", "WENMING_LOG_FORMAT", "日志格式 text|json", &c.LogFormat, "text", false},
		{"trust-proxy", "WENMING_TRUST_PROXY", "信任反向代理的 X-Forwarded-For", &c.TrustProxy, "false", false},
		{"secure-cookie", "WENMING_SECURE_COOKIE", "会话 Cookie 仅经 HTTPS 发送", &c.SecureCookie, "false", false},
		{"lock-threshold", "WENMING_LOCK_THRESHOLD", "同一地址登录同一账号失败几次后，该地址须等待才能再试（账号本身不锁定）", &c.LockThreshold, "5", false},
		{"lock-duration", "WENMING_LOCK_DURATION", "登录失败后的最长等待时间（首次 1 分钟，之后每失败一次加倍）", &c.LockDuration, "15m", false},
		{"login-address-threshold", "WENMING_LOGIN_ADDRESS_THRESHOLD", "同一地址（不论账号）登录失败几次后须等待", &c.LoginAddress, "20", false},
		{"idle-timeout", "WENMING_IDLE_TIMEOUT", "会话空闲超时", &c.IdleTimeout, "30m", false},
		{"session-max-age", "WENMING_SESSION_MAX_AGE", "会话最长有效期", &c.SessionMaxAge, "12h", false},
		{"demo-password", "WENMING_DEMO_PASSWORD", "演示账号统一密码（留空则生成并打印）", &c.DemoPassword, "", true},
		{"map-tiles", "WENMING_MAP_TILES", "地图瓦片地址模板，如 https://t{s}.tianditu.gov.cn/…{z}/{x}/{y}（留空则无底图）", &c.MapTiles, "", false},
		{"map-attribution", "WENMING_MAP_ATTRIBUTION", "地图瓦片的版权说明", &c.MapAttribution, "", false},
		{"map-coords", "WENMING_MAP_COORDS", "瓦片坐标系 wgs84（天地图）或 gcj02（高德、腾讯）", &c.MapCoords, "wgs84", false},
		{"job-interval", "WENMING_JOB_INTERVAL", "案件时限与消息推送的检查间隔", &c.JobInterval, "1m", false},
		{"pdf-font", "WENMING_PDF_FONT", "通报 PDF 使用的中文 TrueType 字体（.ttf；留空则在常见位置查找）", &c.PDFFont, "", false},
		{"webhook-allow", "WENMING_WEBHOOK_ALLOW", "消息推送可以访问的内网接收方：主机名、IP 或网段，逗号分隔（留空则只能推送到公网地址）", &c.WebhookAllow, "", false},
		{"rate-reports", "WENMING_RATE_REPORTS", "每个客户端地址每分钟可提交的随手拍与 Open311 问题数（0 为不限）", &c.RateReports, "100", false},
		{"rate-tokens", "WENMING_RATE_TOKENS", "每个 API 令牌每分钟可经 Open311 提交的问题数（0 为不限）", &c.RateTokens, "100", false},
		{"rate-public", "WENMING_RATE_PUBLIC", "每个客户端地址每分钟可访问随手拍表单、回执、照片和 Open311 查询接口的次数（0 为不限）", &c.RatePublic, "1200", false},
		{"report-photos-mb", "WENMING_REPORT_PHOTOS_MB", "一次随手拍或 Open311 提交的照片合计大小上限（MB）", &c.ReportPhotosMB, "30", false},
		{"report-photos-mp", "WENMING_REPORT_PHOTOS_MP", "一次提交的照片合计像素上限（百万像素）", &c.ReportPhotosMP, "150", false},
		{"decode-mp-per-minute", "WENMING_DECODE_MP_PER_MINUTE", "每分钟为生成缩略图解码的像素上限（百万像素）", &c.DecodeMPPerMinute, "1000", false},
	}
}

// Load reads the settings: defaults, then the environment, then flags.
func Load(name string, args []string, getenv func(string) string, stderr io.Writer) (Config, error) {
	var c Config
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	for _, f := range c.fields() {
		v := f.def
		if e := getenv(f.env); e != "" {
			v = e
		}
		if err := set(f.ptr, v); err != nil {
			return c, fmt.Errorf("%s=%q: %w", f.env, v, err)
		}
		usage := f.usage + "（环境变量 " + f.env + "）"
		switch p := f.ptr.(type) {
		case *string:
			fs.StringVar(p, f.name, *p, usage)
		case *bool:
			fs.BoolVar(p, f.name, *p, usage)
		case *int:
			fs.IntVar(p, f.name, *p, usage)
		case *time.Duration:
			fs.DurationVar(p, f.name, *p, usage)
		}
	}
	if err := fs.Parse(args); err != nil {
		return c, err
	}
	if fs.NArg() > 0 {
		return c, fmt.Errorf("unexpected arguments: %s", strings.Join(fs.Args(), " "))
	}
	return c, c.Validate()
}

func set(ptr any, v string) error {
	switch p := ptr.(type) {
	case *string:
		*p = v
	case *bool:
		b, err := strconv.ParseBool(v)
		if err != nil {
			return errors.New("want true or false")
		}
		*p = b
	case *int:
		n, err := strconv.Atoi(v)
		if err != nil {
			return errors.New("want a whole number")
		}
		*p = n
	case *time.Duration:
		d, err := time.ParseDuration(v)
		if err != nil {
			return errors.New("want a duration such as 30m or 12h")
		}
		*p = d
	}
	return nil
}

// Validate checks the settings hang together.
func (c Config) Validate() error {
	var errs []error
	if c.Listen == "" {
		errs = append(errs, errors.New("listen: must not be empty"))
	}
	if c.DataDir == "" {
		errs = append(errs, errors.New("data: must not be empty"))
	}
	if c.DatabaseURL != "" && !strings.HasPrefix(c.DatabaseURL, "postgres://") && !strings.HasPrefix(c.DatabaseURL, "postgresql://") && !strings.HasPrefix(c.DatabaseURL, "sqlite:") {
		errs = append(errs, errors.New("database-url: must start with postgres://, postgresql:// or sqlite:"))
	}
	if c.BlobURL != "" && !strings.HasPrefix(c.BlobURL, "s3://") && !strings.HasPrefix(c.BlobURL, "file:") {
		errs = append(errs, errors.New("blob-url: must start with s3:// or file:"))
	}
	if !strings.Contains("debug info warn error", c.LogLevel) || c.LogLevel == "" {
		errs = append(errs, errors.New("log-level: want debug, info, warn or error"))
	}
	if c.MapCoords != "wgs84" && c.MapCoords != "gcj02" {
		errs = append(errs, errors.New("map-coords: want wgs84 or gcj02"))
	}
	if c.JobInterval < time.Second || c.JobInterval > time.Hour {
		errs = append(errs, errors.New("job-interval: want 1s–1h"))
	}
	if c.LogFormat != "text" && c.LogFormat != "json" {
		errs = append(errs, errors.New("log-format: want text or json"))
	}
	if c.LockThreshold < 1 || c.LockThreshold > 100 {
		errs = append(errs, errors.New("lock-threshold: want 1–100"))
	}
	if c.LockDuration < time.Minute {
		errs = append(errs, errors.New("lock-duration: want at least 1m"))
	}
	if c.LoginAddress < c.LockThreshold || c.LoginAddress > 10000 {
		errs = append(errs, errors.New("login-address-threshold: want at least lock-threshold and at most 10000"))
	}
	if c.IdleTimeout < time.Minute || c.SessionMaxAge < c.IdleTimeout {
		errs = append(errs, errors.New("idle-timeout: want at least 1m and no longer than session-max-age"))
	}
	errs = append(errs, c.validateLimits()...)
	return errors.Join(errs...)
}

func (c Config) validateLimits() []error {
	var errs []error
	if c.RateReports < 0 || c.RateTokens < 0 || c.RatePublic < 0 {
		errs = append(errs, errors.New("rate-reports, rate-tokens, rate-public: want 0 (no limit) or more"))
	}
	if c.ReportPhotosMB < 1 || c.ReportPhotosMB > 120 {
		errs = append(errs, errors.New("report-photos-mb: want 1–120 (six photos of 20 MB at most)"))
	}
	if c.ReportPhotosMP < 1 || c.ReportPhotosMP > 480 {
		errs = append(errs, errors.New("report-photos-mp: want 1–480 (six photos of 80 million pixels at most)"))
	}
	if c.DecodeMPPerMinute < 0 || c.DecodeMPPerMinute > 1_000_000 {
		errs = append(errs, errors.New("decode-mp-per-minute: want 0 (no limit) to 1000000"))
	}
	return errs
}

// String prints the settings with secrets masked, for the start-up log.
func (c Config) String() string {
	var b strings.Builder
	for _, f := range c.fields() {
		v := fmt.Sprint(deref(f.ptr))
		if f.secret && v != "" {
			v = mask(v)
		}
		fmt.Fprintf(&b, "%s=%s ", f.name, v)
	}
	return strings.TrimSpace(b.String())
}

func deref(p any) any {
	switch p := p.(type) {
	case *string:
		return *p
	case *bool:
		return *p
	case *int:
		return *p
	case *time.Duration:
		return *p
	}
	return nil
}

// mask hides a password inside a URL, or the whole value when it is not one.
func mask(v string) string {
	u, err := url.Parse(v)
	if err != nil || u.Scheme == "" || u.Host == "" {
		return "******"
	}
	if _, has := u.User.Password(); has {
		u.User = url.UserPassword(u.User.Username(), "xxxxx")
	}
	q := u.Query()
	for k := range q {
		if strings.Contains(strings.ToLower(k), "password") || strings.Contains(strings.ToLower(k), "secret") {
			q.Set(k, "xxxxx")
		}
	}
	u.RawQuery = q.Encode()
	return u.String()
}
