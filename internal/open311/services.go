package open311

import (
	"net/http"
	"slices"
	"strings"
	"time"

	"wenming/internal/cases"
)

// discovery answers GET discovery: who runs the endpoint, how to get an
// api_key, and the one GeoReport v2 endpoint with its formats. The
// changeset moves whenever the catalogue (the service list) changes.
func (h *handler) discovery(w http.ResponseWriter, r *http.Request, f format, _ string) {
	_, changed, err := h.cases.Open311Services(r.Context())
	if err != nil {
		h.fail(w, r, f, err)
		return
	}
	changeset := "1970-01-01T08:00:00+08:00"
	if !changed.IsZero() {
		changeset = w3c(changed)
	}
	endpoint := object{
		{"specification", specification},
		{"url", baseURL(r)},
		{"changeset", changeset},
		{"type", "production"},
		{"formats", list{item: "format", items: []any{"text/xml", "application/json"}}},
	}
	write(w, f, http.StatusOK, "discovery", object{
		{"changeset", changeset},
		{"contact", "本平台由县文明办（创城办）运行。接口问题请联系创城办系统管理员。"},
		{"key_service", "api_key 即本平台的 API 令牌（以 wm_ 开头）：由创城办开通账号后，登录平台在个人设置“API 令牌”中创建。查询类接口无需 api_key，提交问题（POST requests）需要。"},
		{"endpoints", list{item: "endpoint", items: []any{endpoint}}},
	})
}

// baseURL is the endpoint's own address as the caller reached it.
func baseURL(r *http.Request) string {
	scheme := "http"
	if r.TLS != nil || strings.EqualFold(r.Header.Get("X-Forwarded-Proto"), "https") {
		scheme = "https"
	}
	return scheme + "://" + r.Host + strings.TrimSuffix(Prefix, "/")
}

// services answers GET services: the active categories residents can
// report, each a realtime service without extra attributes.
func (h *handler) services(w http.ResponseWriter, r *http.Request, f format, _ string) {
	all, _, err := h.cases.Open311Services(r.Context())
	if err != nil {
		h.fail(w, r, f, err)
		return
	}
	items := make([]any, 0, len(all))
	for _, s := range all {
		items = append(items, serviceObject(s))
	}
	write(w, f, http.StatusOK, "services", list{item: "service", items: items})
}

func serviceObject(s cases.Open311Service) object {
	var keywords []string
	for _, k := range []string{s.KindName, s.Group, s.Name} {
		if k != "" && !slices.Contains(keywords, k) {
			keywords = append(keywords, k)
		}
	}
	return object{
		{"service_code", s.Code},
		{"service_name", s.Name},
		{"description", s.Path},
		{"metadata", false},
		{"type", "realtime"},
		{"keywords", strings.Join(keywords, ", ")},
		{"group", s.Group},
	}
}

// definition answers GET services/{service_code}: no service asks for
// attributes beyond the standard fields, so the list is empty.
func (h *handler) definition(w http.ResponseWriter, r *http.Request, f format, code string) {
	s, err := h.cases.Open311ServiceByCode(r.Context(), code)
	if err != nil {
		h.fail(w, r, f, err)
		return
	}
	write(w, f, http.StatusOK, "service_definition", object{
		{"service_code", s.Code},
		{"attributes", list{item: "attribute"}},
	})
}

// dateParam reads start_date or end_date.
func dateParam(r *http.Request, name string) (*time.Time, error) {
	v := strings.TrimSpace(r.URL.Query().Get(name))
	if v == "" {
		return nil, nil
	}
	t, ok := parseW3C(v)
	if !ok {
		return nil, invalid(name, name+" 的格式不正确：请使用 W3C 日期时间，例如 2026-03-01T00:00:00+08:00 或 2026-03-01T00:00:00Z")
	}
	return &t, nil
}
