package open311

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"math"
	"mime"
	"mime/multipart"
	"net/http"
	"net/url"
	"path"
	"strconv"
	"strings"
	"unicode"

	"wenming/internal/auth"
	"wenming/internal/cases"
	"wenming/internal/domain"
	"wenming/internal/files"
)

// maxPhotos bounds the media files of one report, as on the resident page.
const maxPhotos = 6

// formSize is what a POST may add to its photos.
const formSize = 1 << 20

// maxBody bounds a POST: the photos' total, or all photos at the file
// limit, and the form.
func (h *handler) maxBody() int64 {
	if h.guard.Photos.Bytes > 0 {
		return h.guard.Photos.Bytes + formSize
	}
	return maxPhotos*files.MaxSize + formSize
}

func invalid(field, message string) error { return domain.Invalid(field, message) }

// create answers POST requests: with a valid api_key, the report becomes a
// resident's case. Fields are those of GeoReport v2; photos may come as
// multipart files named "media" (a common extension), media_url is kept in
// the description as a link and never fetched, and attribute[client_key]
// (or else device_id with the report's own fields) makes a repeated
// submission return the first case.
func (h *handler) create(w http.ResponseWriter, r *http.Request, f format, _ string) {
	// The client's address is counted before its body is read; its token
	// once the token is known to be real, so made-up keys cannot fill the
	// count and are held back by the address alone.
	if err := h.allowAddress(r); err != nil {
		h.fail(w, r, f, err)
		return
	}
	if err := parseForm(w, r, h.maxBody()); err != nil {
		h.fail(w, r, f, err)
		return
	}
	if r.MultipartForm != nil {
		defer r.MultipartForm.RemoveAll()
	}
	actor, err := h.authenticate(r)
	if err != nil {
		h.fail(w, r, f, err)
		return
	}
	if err := h.allowToken(r); err != nil {
		h.fail(w, r, f, err)
		return
	}
	in, err := h.readReport(r)
	if err != nil {
		h.fail(w, r, f, err)
		return
	}
	var photos []cases.Upload
	if r.MultipartForm != nil {
		if err := h.guard.Photos.Check("media", r.MultipartForm.File["media"]); err != nil {
			h.fail(w, r, f, err)
			return
		}
		for _, fh := range r.MultipartForm.File["media"] {
			file, err := fh.Open()
			if err != nil {
				h.fail(w, r, f, err)
				return
			}
			defer file.Close()
			photos = append(photos, cases.Upload{Name: photoName(fh), Body: file})
		}
	}
	if len(photos) > maxPhotos {
		h.fail(w, r, f, invalid("media", "最多上传 "+strconv.Itoa(maxPhotos)+" 张照片"))
		return
	}
	receipt, _, err := h.cases.Open311Submit(r.Context(), actor, in, photos)
	if err != nil {
		h.fail(w, r, f, err)
		return
	}
	write(w, f, http.StatusOK, "service_requests", list{item: "request", items: []any{object{
		{"service_request_id", receipt.Code},
		{"token", receipt.Token},
		{"service_notice", opt(receipt.Notice)},
		{"account_id", nil},
	}}})
}

func (h *handler) allowAddress(r *http.Request) error {
	if h.guard.Limiter == nil {
		return nil
	}
	return h.guard.Limiter.Report(r)
}

func (h *handler) allowRead(r *http.Request) error {
	if h.guard.Limiter == nil {
		return nil
	}
	return h.guard.Limiter.Public(r)
}

func (h *handler) allowToken(r *http.Request) error {
	if h.guard.Limiter == nil {
		return nil
	}
	return h.guard.Limiter.Token(strings.TrimSpace(r.FormValue("api_key")))
}

// parseForm reads a url-encoded or multipart body, bounded in size.
func parseForm(w http.ResponseWriter, r *http.Request, maxBody int64) error {
	r.Body = http.MaxBytesReader(w, r.Body, maxBody)
	mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	var err error
	switch mt {
	case "multipart/form-data":
		err = r.ParseMultipartForm(8 << 20)
	case "", "application/x-www-form-urlencoded":
		err = r.ParseForm()
	default:
		return invalid("", "请以 application/x-www-form-urlencoded 或 multipart/form-data 提交（收到 "+clip(mt)+"）")
	}
	var tooLarge *http.MaxBytesError
	switch {
	case errors.As(err, &tooLarge):
		return invalid("media", "请求过大：最多 "+strconv.Itoa(maxPhotos)+" 张照片，每张不超过 "+strconv.Itoa(files.MaxSize>>20)+" MB，合计不超过 "+strconv.FormatInt((maxBody-formSize)>>20, 10)+" MB")
	case err != nil:
		return invalid("", "无法读取请求内容，请检查编码与 Content-Type")
	}
	return nil
}

// authenticate resolves api_key, an API token of this platform; GeoReport
// answers 403 when it is missing or wrong.
func (h *handler) authenticate(r *http.Request) (*domain.Actor, error) {
	key := strings.TrimSpace(r.FormValue("api_key"))
	if key == "" {
		return nil, domain.Forbidden("缺少 api_key：提交问题须提供本平台的 API 令牌（以 wm_ 开头）")
	}
	if !strings.HasPrefix(key, "wm_") {
		return nil, domain.Forbidden("api_key 无效：须为本平台的 API 令牌（以 wm_ 开头）")
	}
	a, mustChange, err := h.auth.AuthenticateToken(r.Context(), key, auth.Client{IP: clientIP(r), UserAgent: r.UserAgent(), RequestID: requestID(r)})
	if err != nil {
		return nil, err
	}
	if mustChange {
		return nil, domain.Forbidden("该 api_key 所属账号须先登录平台修改密码")
	}
	return a, nil
}

// readReport turns the form into a report. Either lat and long or
// address_string locates it.
func (h *handler) readReport(r *http.Request) (cases.Open311Input, error) {
	in := cases.Open311Input{ServiceCode: strings.TrimSpace(r.FormValue("service_code"))}
	if in.ServiceCode == "" {
		return in, invalid("service_code", "缺少服务类型（service_code）：请先通过 services 接口获取")
	}
	if _, err := h.cases.Open311ServiceByCode(r.Context(), in.ServiceCode); err != nil {
		return in, err
	}
	latText, lngText := strings.TrimSpace(r.FormValue("lat")), strings.TrimSpace(r.FormValue("long"))
	if latText != "" || lngText != "" {
		if latText == "" || lngText == "" {
			return in, invalid("lat", "lat 与 long 须同时提供")
		}
		lat, err1 := strconv.ParseFloat(latText, 64)
		lng, err2 := strconv.ParseFloat(lngText, 64)
		if err1 != nil || err2 != nil || math.IsNaN(lat) || math.IsNaN(lng) || math.IsInf(lat, 0) || math.IsInf(lng, 0) {
			return in, invalid("lat", "lat 和 long 须为 WGS-84 经纬度的小数形式，例如 lat=35.69&long=105.05")
		}
		in.Lat, in.Lng = &lat, &lng
	}
	in.Address = strings.TrimSpace(r.FormValue("address_string"))
	if in.Lat == nil && in.Address == "" {
		if strings.TrimSpace(r.FormValue("address_id")) != "" {
			return in, invalid("address_id", "本平台不使用 address_id：请提供 lat 和 long，或 address_string")
		}
		return in, invalid("lat", "缺少位置：请提供 lat 和 long，或 address_string")
	}
	in.Description = strings.TrimSpace(r.FormValue("description"))
	mediaURL := strings.TrimSpace(r.FormValue("media_url"))
	if mediaURL != "" {
		u, err := url.Parse(mediaURL)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || len(mediaURL) > 500 || strings.ContainsAny(mediaURL, " \n\r\t") {
			return in, invalid("media_url", "media_url 须为 http 或 https 链接（不超过 500 个字符）")
		}
		in.Description = strings.TrimSpace(in.Description + "\n\n图片链接：" + mediaURL)
	}
	in.ReporterName = fullName(r.FormValue("first_name"), r.FormValue("last_name"))
	in.Phone = normalizePhone(r.FormValue("phone"))
	in.ClientKey = strings.TrimSpace(r.FormValue("attribute[client_key]"))
	if device := strings.TrimSpace(r.FormValue("device_id")); in.ClientKey == "" && device != "" {
		sum := sha256.Sum256([]byte(strings.Join([]string{device, in.ServiceCode, latText, lngText, in.Address, in.Description}, "\x00")))
		in.ClientKey = "device:" + hex.EncodeToString(sum[:16])
	}
	return in, nil
}

// fullName joins the reporter's names: family name first for Chinese
// names, given name first otherwise.
func fullName(first, last string) string {
	first, last = strings.TrimSpace(first), strings.TrimSpace(last)
	if first == "" || last == "" {
		return last + first
	}
	if han(first) && han(last) {
		return last + first
	}
	return first + " " + last
}

func han(s string) bool {
	for _, r := range s {
		if !unicode.Is(unicode.Han, r) && r != '·' {
			return false
		}
	}
	return true
}

// normalizePhone drops spaces, dashes, brackets and the +86 country code,
// which the case engine's phone check does not expect.
func normalizePhone(p string) string {
	p = strings.NewReplacer(" ", "", "(", "", ")", "", "（", "", "）", "").Replace(strings.TrimSpace(p))
	for _, cc := range []string{"+86", "0086"} {
		if rest, ok := strings.CutPrefix(p, cc); ok {
			p = strings.TrimPrefix(rest, "-")
		}
	}
	if strings.HasPrefix(p, "1") {
		p = strings.ReplaceAll(p, "-", "")
	}
	return p
}

// photoName keeps the uploaded name and, when it lacks an image
// extension, adds the one its part's Content-Type names, since the file
// check goes by extension and content together.
func photoName(fh *multipart.FileHeader) string {
	name := path.Base(strings.ReplaceAll(fh.Filename, "\\", "/"))
	if name == "." || name == "/" {
		name = ""
	}
	switch strings.ToLower(path.Ext(name)) {
	case ".jpg", ".jpeg", ".png", ".webp", ".heic", ".heif":
		return name
	}
	mt, _, _ := mime.ParseMediaType(fh.Header.Get("Content-Type"))
	ext := map[string]string{"image/jpeg": ".jpg", "image/png": ".png", "image/webp": ".webp", "image/heic": ".heic", "image/heif": ".heic"}[mt]
	if name == "" {
		name = "photo"
	}
	return name + ext
}

// multi reads a parameter that may be repeated and comma separated.
func multi(q url.Values, name string) []string {
	var out []string
	for _, v := range q[name] {
		for _, s := range strings.Split(v, ",") {
			if s = strings.TrimSpace(s); s != "" {
				out = append(out, s)
			}
		}
	}
	return out
}

// requests answers GET requests: residents' cases reported within the
// window (the last 90 days by default, never more than 90 days), newest
// first, at most 1,000; service_request_id overrides every other filter.
func (h *handler) requests(w http.ResponseWriter, r *http.Request, f format, _ string) {
	q := r.URL.Query()
	var filter cases.Open311Filter
	if codes := multi(q, "service_request_id"); len(codes) > 0 {
		filter.Codes = codes
	} else {
		var err error
		if filter.From, err = dateParam(r, "start_date"); err != nil {
			h.fail(w, r, f, err)
			return
		}
		if filter.To, err = dateParam(r, "end_date"); err != nil {
			h.fail(w, r, f, err)
			return
		}
		filter.ServiceCodes = multi(q, "service_code")
		for _, s := range multi(q, "status") {
			switch strings.ToLower(s) {
			case "open":
				filter.Open = true
			case "closed":
				filter.Closed = true
			default:
				h.fail(w, r, f, invalid("status", "status 只能是 open 或 closed（多个用逗号分隔）"))
				return
			}
		}
	}
	found, err := h.cases.Open311Requests(r.Context(), filter)
	if err != nil {
		h.fail(w, r, f, err)
		return
	}
	items := make([]any, 0, len(found))
	for _, x := range found {
		items = append(items, requestObject(x))
	}
	write(w, f, http.StatusOK, "service_requests", list{item: "request", items: items})
}

// request answers GET requests/{service_request_id} with a one-element
// list, as the specification shows.
func (h *handler) request(w http.ResponseWriter, r *http.Request, f format, code string) {
	found, err := h.cases.Open311Requests(r.Context(), cases.Open311Filter{Codes: []string{code}})
	if err != nil {
		h.fail(w, r, f, err)
		return
	}
	if len(found) == 0 {
		h.fail(w, r, f, domain.NotFound("案件（service_request_id）“"+clip(code)+"”"))
		return
	}
	write(w, f, http.StatusOK, "service_requests", list{item: "request", items: []any{requestObject(found[0])}})
}

func status(closed bool) string {
	if closed {
		return "closed"
	}
	return "open"
}

// requestObject is a case as GeoReport shows it. The reporter's name and
// phone never appear, and media_url stays empty: the case photos are
// reachable only with the resident's token.
func requestObject(x cases.Open311Request) object {
	return object{
		{"service_request_id", x.Code},
		{"status", status(x.Closed)},
		{"status_notes", opt(x.StatusNotes)},
		{"service_name", x.ServiceName},
		{"service_code", x.ServiceCode},
		{"description", opt(x.Description)},
		{"agency_responsible", opt(x.Agency)},
		{"service_notice", opt(x.Notice)},
		{"requested_datetime", w3c(x.RequestedAt)},
		{"updated_datetime", w3c(x.UpdatedAt)},
		{"expected_datetime", optTime(x.ExpectedAt)},
		{"address", opt(x.Address)},
		{"address_id", nil},
		{"zipcode", nil},
		{"lat", optFloat(x.Lat)},
		{"long", optFloat(x.Lng)},
		{"media_url", nil},
	}
}

// token answers GET tokens/{token}: the case a resident's token opens.
func (h *handler) token(w http.ResponseWriter, r *http.Request, f format, token string) {
	code, err := h.cases.Open311Token(r.Context(), token)
	if err != nil {
		h.fail(w, r, f, err)
		return
	}
	write(w, f, http.StatusOK, "service_requests", list{item: "request", items: []any{object{
		{"service_request_id", code},
		{"token", token},
	}}})
}

// updates answers GET servicerequestupdates (the Service Request Updates
// extension): the public steps of residents' cases within the window,
// oldest first.
func (h *handler) updates(w http.ResponseWriter, r *http.Request, f format, _ string) {
	from, err := dateParam(r, "start_date")
	if err != nil {
		h.fail(w, r, f, err)
		return
	}
	to, err := dateParam(r, "end_date")
	if err != nil {
		h.fail(w, r, f, err)
		return
	}
	found, err := h.cases.Open311Updates(r.Context(), from, to)
	if err != nil {
		h.fail(w, r, f, err)
		return
	}
	items := make([]any, 0, len(found))
	for _, u := range found {
		items = append(items, object{
			{"update_id", strconv.FormatInt(u.ID, 10)},
			{"service_request_id", u.Code},
			{"status", status(u.Closed)},
			{"updated_datetime", w3c(u.At)},
			{"description", opt(u.Description)},
			{"media_url", nil},
		})
	}
	write(w, f, http.StatusOK, "service_request_updates", list{item: "request_update", items: items})
}
