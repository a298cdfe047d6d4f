package open311

import (
	"bytes"
	"context"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"io"
	"log/slog"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/textproto"
	"net/url"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"wenming/internal/auth"
	"wenming/internal/blob"
	"wenming/internal/cases"
	"wenming/internal/domain"
	"wenming/internal/files"
	"wenming/internal/org"
	"wenming/internal/store"
	"wenming/internal/store/storetest"
)

// The element names and nesting below are those of the example documents
// of the GeoReport v2 specification (wiki.open311.org/GeoReport_v2, and
// its Service Discovery page) and of mySociety's Service Request Updates
// extension. Each answer is checked against them in both formats: XML as
// element paths from the root, JSON as key paths under the Spark
// convention (a repeated element is an array, marked []).
var spec = map[string]struct{ xml, json []string }{
	"discovery": {
		xml: []string{"discovery", "discovery/changeset", "discovery/contact", "discovery/key_service", "discovery/endpoints",
			"discovery/endpoints/endpoint", "discovery/endpoints/endpoint/specification", "discovery/endpoints/endpoint/url",
			"discovery/endpoints/endpoint/changeset", "discovery/endpoints/endpoint/type", "discovery/endpoints/endpoint/formats",
			"discovery/endpoints/endpoint/formats/format"},
		json: []string{"changeset", "contact", "key_service", "endpoints[]", "endpoints[].specification", "endpoints[].url",
			"endpoints[].changeset", "endpoints[].type", "endpoints[].formats[]"},
	},
	"services": {
		xml: []string{"services", "services/service", "services/service/service_code", "services/service/service_name",
			"services/service/description", "services/service/metadata", "services/service/type", "services/service/keywords",
			"services/service/group"},
		json: []string{"[]", "[].service_code", "[].service_name", "[].description", "[].metadata", "[].type", "[].keywords", "[].group"},
	},
	// The example defines one attribute; a service without attributes has
	// the empty list only.
	"service_definition": {
		xml:  []string{"service_definition", "service_definition/service_code", "service_definition/attributes"},
		json: []string{"service_code", "attributes[]"},
	},
	// POST answer: the example's fields plus token (see create).
	"post": {
		xml: []string{"service_requests", "service_requests/request", "service_requests/request/service_request_id",
			"service_requests/request/token", "service_requests/request/service_notice", "service_requests/request/account_id"},
		json: []string{"[]", "[].service_request_id", "[].token", "[].service_notice", "[].account_id"},
	},
	"token": {
		xml: []string{"service_requests", "service_requests/request", "service_requests/request/service_request_id",
			"service_requests/request/token"},
		json: []string{"[]", "[].service_request_id", "[].token"},
	},
	"requests": {
		xml: prefixed("service_requests", "service_requests/request", "service_requests/request/",
			"service_request_id", "status", "status_notes", "service_name", "service_code", "description", "agency_responsible",
			"service_notice", "requested_datetime", "updated_datetime", "expected_datetime", "address", "address_id", "zipcode",
			"lat", "long", "media_url"),
		json: prefixed("[]", "", "[].", "service_request_id", "status", "status_notes", "service_name", "service_code", "description",
			"agency_responsible", "service_notice", "requested_datetime", "updated_datetime", "expected_datetime", "address",
			"address_id", "zipcode", "lat", "long", "media_url"),
	},
	"updates": {
		xml: prefixed("service_request_updates", "service_request_updates/request_update", "service_request_updates/request_update/",
			"update_id", "service_request_id", "status", "updated_datetime", "description", "media_url"),
		json: prefixed("[]", "", "[].", "update_id", "service_request_id", "status", "updated_datetime", "description", "media_url"),
	},
	"errors": {
		xml:  []string{"errors", "errors/error", "errors/error/code", "errors/error/description"},
		json: []string{"[]", "[].code", "[].description"},
	},
}

func prefixed(root, item, prefix string, names ...string) []string {
	out := []string{root}
	if item != "" {
		out = append(out, item)
	}
	for _, n := range names {
		out = append(out, prefix+n)
	}
	return out
}

// xmlShape lists the element paths of a document, sorted and unique.
func xmlShape(t *testing.T, body []byte) []string {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(body))
	var stack []string
	seen := map[string]bool{}
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("not XML: %v\n%s", err, body)
		}
		switch el := tok.(type) {
		case xml.StartElement:
			stack = append(stack, el.Name.Local)
			seen[strings.Join(stack, "/")] = true
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		}
	}
	return sortedKeys(seen)
}

// jsonShape lists the key paths of a document, sorted and unique.
func jsonShape(t *testing.T, body []byte) []string {
	t.Helper()
	var v any
	if err := json.Unmarshal(body, &v); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, body)
	}
	seen := map[string]bool{}
	var walk func(p string, v any)
	walk = func(p string, v any) {
		switch v := v.(type) {
		case []any:
			seen[p+"[]"] = true
			for _, x := range v {
				walk(p+"[]", x)
			}
		case map[string]any:
			for k, x := range v {
				q := k
				if p != "" {
					q = p + "." + k
				}
				if _, isList := x.([]any); !isList {
					seen[q] = true
				}
				walk(q, x)
			}
		}
	}
	walk("", v)
	return sortedKeys(seen)
}

func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// wantShape checks an answer against the specification's document.
func wantShape(t *testing.T, doc string, f format, body []byte) {
	t.Helper()
	want, got := slices.Clone(spec[doc].json), []string(nil)
	if f == formatXML {
		want = slices.Clone(spec[doc].xml)
		if !bytes.HasPrefix(body, []byte(`<?xml version="1.0" encoding="utf-8"?>`)) {
			t.Errorf("%s.xml lacks the XML declaration: %s", doc, body)
		}
		got = xmlShape(t, body)
	} else {
		got = jsonShape(t, body)
	}
	sort.Strings(want)
	// An empty list is its root alone.
	if empty := []string{want[0]}; slices.Equal(got, empty) && (want[0] == "[]" || f == formatXML) && doc != "discovery" && doc != "service_definition" {
		return
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("%s.%s shape (-spec +got):\n%s\n%s", doc, f, diff, body)
	}
}

// w3cTime is GeoReport's datetime, here always in Beijing time.
var w3cTime = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$`)

type clock struct{ now time.Time }

func (c *clock) Now() time.Time { return c.now }

// fixture: a county with its office and a city-management bureau, a
// catalogue of two top-level categories with sub-categories plus a
// top-level one without, the county's bounds, and an API token of the
// 12345 hotline platform's account.
type fixture struct {
	t      *testing.T
	db     *store.DB
	cases  *cases.Service
	auth   *auth.Service
	org    *org.Service
	srv    *httptest.Server
	clock  *clock
	office *domain.Actor
	bureau domain.Unit
	key    string
}

func newFixture(t *testing.T, db *store.DB) *fixture {
	t.Helper()
	ctx := context.Background()
	x := &fixture{t: t, db: db, org: org.NewService(db), clock: &clock{now: time.Date(2026, 3, 2, 1, 0, 0, 0, time.UTC)}}
	db.SetClock(x.clock.Now)
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	sys := domain.System("测试", domain.RoleSysAdmin)
	county, err := x.org.CreateRegion(ctx, sys, org.RegionInput{Code: "620422", Name: "会宁县"})
	must(err)
	office, err := x.org.CreateUnit(ctx, sys, org.UnitInput{Name: "县文明办", Kind: "department", Class: "A", RegionID: &county.ID})
	must(err)
	x.bureau, err = x.org.CreateUnit(ctx, sys, org.UnitInput{Name: "县城管局", Kind: "department", Class: "A", RegionID: &county.ID})
	must(err)
	blobs, err := blob.NewDisk(t.TempDir())
	must(err)
	evidence := files.NewService(db, blobs)
	t.Cleanup(evidence.WaitCopies)
	x.cases = cases.NewService(db, x.org, evidence)
	x.auth = auth.NewService(db, auth.Policy{LockThreshold: 5, LockDuration: 15 * time.Minute, IdleTimeout: 30 * time.Minute, MaxAge: 12 * time.Hour})
	x.office = &domain.Actor{RealName: "创城办", Roles: []domain.Role{domain.RoleOfficeStaff}, Scope: domain.ScopeAll}

	category := func(code, name, kind string, parent *int64, limit int, unit string, active bool) int64 {
		in := cases.CategoryInput{Code: code, Name: name, Kind: kind, ParentID: parent, LimitValue: limit, LimitUnit: unit, Active: &active, DefaultUnitID: &x.bureau.ID}
		k, err := x.cases.CreateCategory(ctx, x.office, in)
		must(err)
		return k.ID
	}
	event := category("02", "事件", "event", nil, 1, "day", true)
	category("0201", "乱扔垃圾", "event", &event, 4, "hour", true)
	category("0202", "占道经营", "event", &event, 2, "day", true)
	category("0203", "已停用类别", "event", &event, 1, "day", false)
	part := category("01", "部件", "part", nil, 1, "day", true)
	category("0101", "井盖缺失", "part", &part, 1, "day", true)
	category("90", "公益广告", "campaign", nil, 3, "day", true)
	_, err = x.cases.UpdateSettings(ctx, x.office, cases.Settings{Bounds: cases.Bounds{MinLat: 35.3, MinLng: 104.5, MaxLat: 36.4, MaxLng: 105.6},
		DuplicateRadiusMeters: 100, DuplicateWindowHours: 72, RemindAtPercent: 75, ReopenDays: 7, WorkStart: "09:00", WorkEnd: "17:00"})
	must(err)

	x.key = x.token("hotline", "12345热线平台", office.ID, domain.RoleOfficeStaff)
	x.srv = httptest.NewServer(New(x.cases, x.auth, slog.New(slog.NewTextHandler(io.Discard, nil)), Guard{}))
	t.Cleanup(x.srv.Close)
	return x
}

// token makes an account and returns an API token acting as it.
func (x *fixture) token(username, name string, unit int64, role domain.Role) string {
	x.t.Helper()
	ctx := context.Background()
	p, err := x.org.CreatePerson(ctx, domain.System("测试", domain.RoleSecurityAdmin), org.PersonInput{Username: username, RealName: name, Phone: "13912345678",
		UnitID: unit, Roles: []domain.Role{role}, ScopeKind: string(domain.ScopeAll), Password: "Test-Pass-2026"})
	if err != nil {
		x.t.Fatal(err)
	}
	if err := x.db.Write(ctx, func(c *store.Conn) error {
		_, err := c.Exec(ctx, `UPDATE users SET must_change_password = FALSE WHERE id = ?`, p.ID)
		return err
	}); err != nil {
		x.t.Fatal(err)
	}
	tok, err := x.auth.CreateToken(ctx, &domain.Actor{UserID: p.ID, Username: username, RealName: name}, "Open311", 0)
	if err != nil {
		x.t.Fatal(err)
	}
	return tok.Token
}

type answer struct {
	t      *testing.T
	status int
	header http.Header
	body   []byte
}

func (x *fixture) send(req *http.Request) *answer {
	x.t.Helper()
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		x.t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return &answer{t: x.t, status: res.StatusCode, header: res.Header, body: b}
}

func (x *fixture) get(p string) *answer {
	x.t.Helper()
	req, _ := http.NewRequest("GET", x.srv.URL+p, nil)
	return x.send(req)
}

func (x *fixture) post(p string, form url.Values) *answer {
	x.t.Helper()
	req, _ := http.NewRequest("POST", x.srv.URL+p, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
	return x.send(req)
}

type upload struct {
	name, contentType string
	body              []byte
}

func (x *fixture) postMultipart(p string, form url.Values, media ...upload) *answer {
	x.t.Helper()
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	for k, vs := range form {
		for _, v := range vs {
			mw.WriteField(k, v)
		}
	}
	for _, m := range media {
		h := textproto.MIMEHeader{}
		h.Set("Content-Disposition", fmt.Sprintf(`form-data; name="media"; filename="%s"`, m.name))
		h.Set("Content-Type", m.contentType)
		w, _ := mw.CreatePart(h)
		w.Write(m.body)
	}
	mw.Close()
	req, _ := http.NewRequest("POST", x.srv.URL+p, &buf)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	return x.send(req)
}

func (a *answer) want(status int) *answer {
	a.t.Helper()
	if a.status != status {
		a.t.Fatalf("status %d, want %d; body: %s", a.status, status, a.body)
	}
	return a
}

// is checks the status, the content type of the format and the document's
// shape.
func (a *answer) is(status int, f format, doc string) *answer {
	a.t.Helper()
	a.want(status)
	if got := a.header.Get("Content-Type"); got != f.contentType() {
		a.t.Errorf("Content-Type %q, want %q", got, f.contentType())
	}
	wantShape(a.t, doc, f, a.body)
	return a
}

func (a *answer) json(v any) {
	a.t.Helper()
	if err := json.Unmarshal(a.body, v); err != nil {
		a.t.Fatalf("decode %s: %v", a.body, err)
	}
}

func (a *answer) xml(v any) {
	a.t.Helper()
	if err := xml.Unmarshal(a.body, v); err != nil {
		a.t.Fatalf("decode %s: %v", a.body, err)
	}
}

// errorText returns the one error's description, checking the error
// document's code matches the status.
func (a *answer) errorText(f format) string {
	a.t.Helper()
	wantShape(a.t, "errors", f, a.body)
	if f == formatXML {
		var e struct {
			Errors []struct {
				Code        int    `xml:"code"`
				Description string `xml:"description"`
			} `xml:"error"`
		}
		a.xml(&e)
		if len(e.Errors) != 1 || e.Errors[0].Code != a.status {
			a.t.Fatalf("want one error with code %d: %s", a.status, a.body)
		}
		return e.Errors[0].Description
	}
	var e []struct {
		Code        *int    `json:"code"`
		Description *string `json:"description"`
	}
	a.json(&e)
	if len(e) != 1 || e[0].Code == nil || *e[0].Code != a.status || e[0].Description == nil || *e[0].Description == "" {
		a.t.Fatalf("want one error with code %d and a description: %s", a.status, a.body)
	}
	return *e[0].Description
}

// pngImage draws a real 400×300 photo.
func pngImage(t *testing.T) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, 400, 300))
	for y := range 300 {
		for x := range 400 {
			img.Set(x, y, color.RGBA{uint8(x * 255 / 400), uint8(y * 255 / 300), 120, 255})
		}
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func formats() []format { return []format{formatJSON, formatXML} }

func TestDiscoveryAndServices(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		x := newFixture(t, db)
		for _, f := range formats() {
			t.Run(string(f), func(t *testing.T) {
				a := x.get("/open311/v2/discovery."+string(f)).is(200, f, "discovery")
				var d struct {
					Changeset string `json:"changeset" xml:"changeset"`
					Endpoints []struct {
						Specification string   `json:"specification" xml:"specification"`
						URL           string   `json:"url" xml:"url"`
						Type          string   `json:"type" xml:"type"`
						Formats       []string `json:"formats" xml:"formats>format"`
					} `json:"endpoints" xml:"endpoints>endpoint"`
				}
				if f == formatXML {
					a.xml(&d)
				} else {
					a.json(&d)
				}
				if len(d.Endpoints) != 1 || d.Endpoints[0].Specification != "http://wiki.open311.org/GeoReport_v2" ||
					d.Endpoints[0].URL != x.srv.URL+"/open311/v2" || d.Endpoints[0].Type != "production" ||
					!slices.Equal(d.Endpoints[0].Formats, []string{"text/xml", "application/json"}) || !w3cTime.MatchString(d.Changeset) {
					t.Errorf("discovery: %s", a.body)
				}

				a = x.get("/open311/v2/services."+string(f)).is(200, f, "services")
				type service struct {
					Code        string `json:"service_code" xml:"service_code"`
					Name        string `json:"service_name" xml:"service_name"`
					Description string `json:"description" xml:"description"`
					Metadata    bool   `json:"metadata" xml:"metadata"`
					Type        string `json:"type" xml:"type"`
					Keywords    string `json:"keywords" xml:"keywords"`
					Group       string `json:"group" xml:"group"`
				}
				var all []service
				if f == formatXML {
					var doc struct {
						Services []service `xml:"service"`
					}
					a.xml(&doc)
					all = doc.Services
				} else {
					a.json(&all)
				}
				want := []service{
					{"0101", "井盖缺失", "部件 / 井盖缺失", false, "realtime", "部件, 井盖缺失", "部件"},
					{"0201", "乱扔垃圾", "事件 / 乱扔垃圾", false, "realtime", "事件, 乱扔垃圾", "事件"},
					{"0202", "占道经营", "事件 / 占道经营", false, "realtime", "事件, 占道经营", "事件"},
					{"90", "公益广告", "公益广告", false, "realtime", "创城专项, 公益广告", "公益广告"},
				}
				if diff := cmp.Diff(want, all); diff != "" {
					t.Errorf("services (-want +got):\n%s", diff)
				}
				if f == formatJSON && !bytes.Contains(a.body, []byte(`"metadata":false`)) {
					t.Errorf("metadata must be a JSON boolean: %s", a.body)
				}

				a = x.get("/open311/v2/services/0201."+string(f)).is(200, f, "service_definition")
				if f == formatJSON && string(a.body) != `{"service_code":"0201","attributes":[]}`+"\n" {
					t.Errorf("definition: %s", a.body)
				}
				if f == formatXML && !bytes.Contains(a.body, []byte("<service_code>0201</service_code>")) {
					t.Errorf("definition: %s", a.body)
				}
				// Not services: unknown, inactive, a parent of sub-categories.
				for _, code := range []string{"9999", "0203", "02"} {
					a = x.get("/open311/v2/services/" + code + "." + string(f)).want(404)
					if !strings.Contains(a.errorText(f), "service_code") {
						t.Errorf("%s: %s", code, a.body)
					}
				}
			})
		}
		// An unknown format answers 404 in JSON; so does an unknown path.
		for _, p := range []string{"/open311/v2/services.csv", "/open311/v2/services", "/open311/v2/nothing.json", "/open311/v2/a/b/c.json"} {
			a := x.get(p).want(404)
			if a.header.Get("Content-Type") != formatJSON.contentType() {
				t.Errorf("%s: Content-Type %q", p, a.header.Get("Content-Type"))
			}
			a.errorText(formatJSON)
		}
		a := x.get("/open311/v2/nothing.xml").want(404)
		a.errorText(formatXML)
		req, _ := http.NewRequest("DELETE", x.srv.URL+"/open311/v2/requests.xml", nil)
		a = x.send(req).want(405)
		if a.header.Get("Allow") != "GET, HEAD, POST" {
			t.Errorf("Allow %q", a.header.Get("Allow"))
		}
		a.errorText(formatXML)
	})
}

// report is a well-formed POST: 乱扔垃圾 in the county seat.
func (x *fixture) report(extra url.Values) url.Values {
	v := url.Values{"api_key": {x.key}, "service_code": {"0201"}, "lat": {"35.6935"}, "long": {"105.0538"},
		"address_string": {"会师镇西大街 12 号"}, "description": {"人行道上堆着生活垃圾，已经两天没人清理"},
		"first_name": {"三"}, "last_name": {"张"}, "phone": {"+86 138 0013 8000"}, "email": {"zhangsan@example.org"},
		"jurisdiction_id": {"huining.gov.cn"}}
	for k, vs := range extra {
		v[k] = vs
	}
	return v
}

func TestPostRequest(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		x := newFixture(t, db)
		photo := pngImage(t)

		// With a photo, in JSON.
		form := x.report(url.Values{"attribute[client_key]": {"app-0001"}, "media_url": {"https://img.example.org/a.jpg"}})
		a := x.postMultipart("/open311/v2/requests.json", form, upload{"IMG_0001.png", "image/png", photo}).is(200, formatJSON, "post")
		var got []struct {
			ID        string  `json:"service_request_id"`
			Token     string  `json:"token"`
			Notice    string  `json:"service_notice"`
			AccountID *string `json:"account_id"`
		}
		a.json(&got)
		if len(got) != 1 || got[0].ID == "" || len(got[0].Token) < 16 || !strings.Contains(got[0].Notice, "4 个工作小时") {
			t.Fatalf("receipt: %s", a.body)
		}
		if !bytes.Contains(a.body, []byte(`"account_id":null`)) {
			t.Errorf("account_id must be null: %s", a.body)
		}
		first := got[0]

		// What the engine made of it: a resident's report, reporter and phone
		// kept inside, the link in the description, the photo attached.
		found, _, err := x.cases.List(context.Background(), x.office, cases.Filter{View: "pool", Q: first.ID})
		if err != nil || len(found) != 1 {
			t.Fatalf("case %s: %v %v", first.ID, found, err)
		}
		k, err := x.cases.Get(context.Background(), x.office, found[0].ID)
		if err != nil {
			t.Fatal(err)
		}
		if k.Source != "resident_snap" || k.CategoryName != "乱扔垃圾" || k.ReporterName != "张三" || k.ReporterPhone != "138****8000" ||
			!strings.Contains(k.Description, "图片链接：https://img.example.org/a.jpg") || len(k.BeforePhotos) != 1 ||
			k.BeforePhotos[0].Width != 400 || k.Address != "会师镇西大街 12 号" {
			t.Errorf("case: %+v", k.Case)
		}

		// The same client key again: the same case, nothing new.
		a = x.postMultipart("/open311/v2/requests.json", form, upload{"IMG_0001.png", "image/png", photo}).want(200)
		a.json(&got)
		if got[0].ID != first.ID || got[0].Token != first.Token {
			t.Errorf("repeated client key made %s, want %s", got[0].ID, first.ID)
		}

		// Without a photo, url-encoded, located by address only, in XML.
		a = x.post("/open311/v2/requests.xml", url.Values{"api_key": {x.key}, "service_code": {"90"},
			"address_string": {"县城北环路与会师路交叉口"}, "description": {"公益广告牌破损"}}).is(200, formatXML, "post")
		var doc struct {
			Requests []struct {
				ID        string  `xml:"service_request_id"`
				Token     string  `xml:"token"`
				Notice    string  `xml:"service_notice"`
				AccountID *string `xml:"account_id"`
			} `xml:"request"`
		}
		a.xml(&doc)
		if len(doc.Requests) != 1 || doc.Requests[0].ID == "" || doc.Requests[0].ID == first.ID || doc.Requests[0].Token == "" ||
			doc.Requests[0].AccountID == nil || *doc.Requests[0].AccountID != "" {
			t.Errorf("xml receipt: %s", a.body)
		}

		// device_id alone makes identical submissions one case.
		dev := x.report(url.Values{"device_id": {"android-42"}, "description": {"井盖不见了"}, "service_code": {"0101"}})
		a = x.post("/open311/v2/requests.json", dev).want(200)
		a.json(&got)
		again := x.post("/open311/v2/requests.json", dev).want(200)
		var got2 []struct {
			ID string `json:"service_request_id"`
		}
		again.json(&got2)
		if got2[0].ID != got[0].ID {
			t.Errorf("same device and report made two cases: %s, %s", got[0].ID, got2[0].ID)
		}

		for _, f := range formats() {
			p := "/open311/v2/requests." + string(f)
			// api_key missing, not ours, unknown: 403.
			for _, key := range []string{"", "xyz", "wm_not-a-real-token"} {
				a = x.post(p, x.report(url.Values{"api_key": {key}})).want(403)
				if msg := a.errorText(f); !strings.Contains(msg, "api_key") && !strings.Contains(msg, "令牌") {
					t.Errorf("api_key %q: %s", key, msg)
				}
			}
			// service_code missing: 400; not a service: 404.
			a = x.post(p, x.report(url.Values{"service_code": {""}})).want(400)
			if !strings.Contains(a.errorText(f), "service_code") {
				t.Errorf("missing service_code: %s", a.body)
			}
			for _, code := range []string{"nope", "02", "0203"} {
				a = x.post(p, x.report(url.Values{"service_code": {code}})).want(404)
				a.errorText(f)
			}
			// Outside the county: the engine's own message.
			a = x.post(p, x.report(url.Values{"lat": {"39.9042"}, "long": {"116.4074"}})).want(400)
			if msg := a.errorText(f); !strings.Contains(msg, "不在本辖区范围内") {
				t.Errorf("outside bounds: %s", msg)
			}
			// No location at all; half a location; not numbers.
			for _, bad := range []url.Values{
				{"lat": {""}, "long": {""}, "address_string": {""}},
				{"long": {""}},
				{"lat": {"north"}},
			} {
				a = x.post(p, x.report(bad)).want(400)
				a.errorText(f)
			}
			// A file that is not a photo, and too many photos.
			a = x.postMultipart(p, x.report(nil), upload{"note.png", "image/png", []byte("not a picture at all")}).want(400)
			if msg := a.errorText(f); !strings.Contains(msg, "扩展名不符") {
				t.Errorf("fake photo: %s", msg)
			}
			var seven []upload
			for range 7 {
				seven = append(seven, upload{"p.png", "image/png", photo})
			}
			x.postMultipart(p, x.report(nil), seven...).want(400).errorText(f)
			// A bad phone number is the engine's to refuse.
			a = x.post(p, x.report(url.Values{"phone": {"12345"}})).want(400)
			if msg := a.errorText(f); !strings.Contains(msg, "联系电话") {
				t.Errorf("bad phone: %s", msg)
			}
		}

		// Administrators' accounts take no part in cases.
		auditor := x.token("auditor", "审计员", x.bureau.ID, domain.RoleAuditAdmin)
		x.post("/open311/v2/requests.json", x.report(url.Values{"api_key": {auditor}})).want(403).errorText(formatJSON)
		// A JSON body is not a GeoReport POST.
		req, _ := http.NewRequest("POST", x.srv.URL+"/open311/v2/requests.json", strings.NewReader(`{"service_code":"0201"}`))
		req.Header.Set("Content-Type", "application/json")
		x.send(req).want(400).errorText(formatJSON)
	})
}

// requestDoc is one request of GET requests, in either format.
type requestDoc struct {
	ID          string   `json:"service_request_id" xml:"service_request_id"`
	Status      string   `json:"status" xml:"status"`
	StatusNotes *string  `json:"status_notes" xml:"status_notes"`
	ServiceName string   `json:"service_name" xml:"service_name"`
	ServiceCode string   `json:"service_code" xml:"service_code"`
	Description *string  `json:"description" xml:"description"`
	Agency      *string  `json:"agency_responsible" xml:"agency_responsible"`
	Notice      *string  `json:"service_notice" xml:"service_notice"`
	Requested   string   `json:"requested_datetime" xml:"requested_datetime"`
	Updated     string   `json:"updated_datetime" xml:"updated_datetime"`
	Expected    *string  `json:"expected_datetime" xml:"expected_datetime"`
	Address     *string  `json:"address" xml:"address"`
	Lat         *float64 `json:"lat" xml:"lat"`
	Long        *float64 `json:"long" xml:"long"`
	MediaURL    *string  `json:"media_url" xml:"media_url"`
}

func (x *fixture) requests(p string, f format) []requestDoc {
	x.t.Helper()
	a := x.get(p)
	if len(a.body) > 0 && (bytes.Contains(a.body, []byte("13800138000")) || bytes.Contains(a.body, []byte("8000</")) ||
		bytes.Contains(a.body, []byte("张三")) || bytes.Contains(a.body, []byte("138****"))) {
		x.t.Errorf("%s leaks the reporter: %s", p, a.body)
	}
	a.is(200, f, "requests")
	var out []requestDoc
	if f == formatXML {
		var d struct {
			Requests []requestDoc `xml:"request"`
		}
		a.xml(&d)
		out = d.Requests
	} else {
		a.json(&out)
	}
	return out
}

func TestGetRequestsAndUpdates(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		x := newFixture(t, db)
		ctx := context.Background()
		submit := func(extra url.Values) (string, string) {
			var got []struct {
				ID    string `json:"service_request_id"`
				Token string `json:"token"`
			}
			x.post("/open311/v2/requests.json", x.report(extra)).want(200).json(&got)
			x.clock.now = x.clock.now.Add(time.Minute)
			return got[0].ID, got[0].Token
		}
		litter, litterToken := submit(nil)
		stall, stallToken := submit(url.Values{"service_code": {"0202"}, "description": {"早市占道"}, "lat": {""}, "long": {""}})
		// A hotline order is the office's, not the public's.
		hot, _, err := x.cases.Intake(ctx, x.office, cases.IntakeInput{Source: "hotline", ExternalID: "12345-0001", CategoryID: mustCategory(t, x, "0201"),
			Description: "热线反映垃圾", ReporterName: "李四", ReporterPhone: "13700000000"})
		if err != nil {
			t.Fatal(err)
		}

		for _, f := range formats() {
			ext := "." + string(f)
			// By token.
			a := x.get("/open311/v2/tokens/"+litterToken+ext).is(200, f, "token")
			var tok struct {
				ID    string `json:"service_request_id" xml:"request>service_request_id"`
				Token string `json:"token" xml:"request>token"`
			}
			if f == formatXML {
				a.xml(&tok)
			} else {
				var l []struct {
					ID    string `json:"service_request_id"`
					Token string `json:"token"`
				}
				a.json(&l)
				if len(l) != 1 {
					t.Fatalf("token: %s", a.body)
				}
				tok.ID, tok.Token = l[0].ID, l[0].Token
			}
			if tok.ID != litter || tok.Token != litterToken {
				t.Errorf("token answers %+v", tok)
			}
			x.get("/open311/v2/tokens/unknowntokenunknowntoken" + ext).want(404).errorText(f)

			// One request: all fields, nothing of the reporter.
			got := x.requests("/open311/v2/requests/"+litter+ext, f)
			if len(got) != 1 {
				t.Fatalf("one request: %+v", got)
			}
			r := got[0]
			if r.ID != litter || r.Status != "open" || deref(r.StatusNotes) != "待立案" || r.ServiceCode != "0201" || r.ServiceName != "乱扔垃圾" ||
				deref(r.Description) != "人行道上堆着生活垃圾，已经两天没人清理" || deref(r.Agency) != "" || r.Lat == nil || *r.Lat != 35.6935 ||
				r.Long == nil || *r.Long != 105.0538 || deref(r.Address) != "会师镇西大街 12 号" || deref(r.MediaURL) != "" ||
				!w3cTime.MatchString(r.Requested) || r.Requested != "2026-03-02T09:00:00+08:00" || r.Updated != r.Requested || deref(r.Expected) != "" {
				t.Errorf("request: %+v", r)
			}
			x.get("/open311/v2/requests/" + hot.Code + ext).want(404).errorText(f)
			x.get("/open311/v2/requests/20990101" + ext).want(404).errorText(f)

			// The list: the last 90 days by default, newest first.
			got = x.requests("/open311/v2/requests"+ext, f)
			if ids := codes(got); !slices.Equal(ids, []string{stall, litter}) {
				t.Errorf("default list %v, want %v", ids, []string{stall, litter})
			}
			if (got[0].Lat != nil && *got[0].Lat != 0) || (got[0].Long != nil && *got[0].Long != 0) {
				t.Errorf("a case without coordinates has lat %v", got[0].Lat)
			}
		}
		if body := x.get("/open311/v2/requests/" + stall + ".json").body; !bytes.Contains(body, []byte(`"lat":null,"long":null`)) ||
			!bytes.Contains(body, []byte(`"address_id":null`)) {
			t.Errorf("absent values must be null: %s", body)
		}

		// The office dispatches the litter case, the bureau accepts it, and
		// the stall case is closed as not the county's.
		caseID := func(code string) int64 {
			found, _, err := x.cases.List(ctx, x.office, cases.Filter{View: "pool", Q: code})
			if err != nil || len(found) != 1 {
				t.Fatalf("case %s: %v", code, err)
			}
			return found[0].ID
		}
		x.clock.now = x.clock.now.Add(time.Hour)
		if _, err := x.cases.Dispatch(ctx, x.office, caseID(litter), cases.DispatchInput{UnitID: &x.bureau.ID}); err != nil {
			t.Fatal(err)
		}
		liaison := &domain.Actor{UserID: 0, RealName: "城管联络员", Roles: []domain.Role{domain.RoleUnitLiaison}, UnitID: x.bureau.ID, UnitPath: x.bureau.Path, Scope: domain.ScopeUnit}
		x.clock.now = x.clock.now.Add(time.Hour)
		if _, err := x.cases.Accept(ctx, liaison, caseID(litter), cases.NoteInput{}); err != nil {
			t.Fatal(err)
		}
		x.clock.now = x.clock.now.Add(time.Hour)
		if _, err := x.cases.Close(ctx, x.office, caseID(stall), cases.CloseInput{Closing: "not_ours", Note: "属市级道路，已转市城管"}); err != nil {
			t.Fatal(err)
		}
		closedAt := w3c(x.clock.now)
		// The resident rates the result: a public step, but the case was
		// still last updated when it closed.
		x.clock.now = x.clock.now.Add(time.Hour)
		if _, err := x.cases.Rate(ctx, stallToken, cases.RatingInput{Rating: 4, Comment: "处理得还算及时"}); err != nil {
			t.Fatal(err)
		}

		for _, f := range formats() {
			ext := "." + string(f)
			got := x.requests("/open311/v2/requests"+ext+"?status=closed", f)
			if len(got) != 1 || got[0].ID != stall || got[0].Status != "closed" || deref(got[0].StatusNotes) != "非职责范围：属市级道路，已转市城管" ||
				got[0].Updated != closedAt {
				t.Errorf("closed: %+v", got)
			}
			got = x.requests("/open311/v2/requests"+ext+"?status=open&service_code=0201,0202", f)
			if len(got) != 1 || got[0].ID != litter || deref(got[0].Agency) != "县城管局" || deref(got[0].StatusNotes) != "处置中" ||
				!w3cTime.MatchString(deref(got[0].Expected)) {
				t.Errorf("open: %+v", got)
			}
			if got := x.requests("/open311/v2/requests"+ext+"?service_code=0101", f); len(got) != 0 {
				t.Errorf("service_code=0101: %+v", got)
			}
			if got := x.requests("/open311/v2/requests"+ext+"?status=open,closed&service_code=0201&service_code=0202", f); len(got) != 2 {
				t.Errorf("both statuses: %+v", got)
			}
			// service_request_id wins over every other filter.
			got = x.requests("/open311/v2/requests"+ext+"?service_request_id="+litter+","+stall+","+hot.Code+"&status=closed&start_date=2020-01-01", f)
			if ids := codes(got); !slices.Equal(ids, []string{stall, litter}) {
				t.Errorf("by ids %v", ids)
			}
			// A window in the past holds nothing; one within 90 days holds both.
			if got := x.requests("/open311/v2/requests"+ext+"?start_date=2025-01-01T00:00:00Z", f); len(got) != 0 {
				t.Errorf("2025 window: %+v", got)
			}
			if got := x.requests("/open311/v2/requests"+ext+"?start_date=2026-03-01T00:00:00%2B08:00&end_date=2026-03-03", f); len(got) != 2 {
				t.Errorf("March window: %+v", got)
			}
			// Wider than 90 days, reversed, not a date, a wrong status: 400.
			for _, q := range []string{"start_date=2025-01-01T00:00:00Z&end_date=2025-06-01T00:00:00Z", "start_date=2026-03-02&end_date=2026-03-01",
				"start_date=yesterday", "status=pending"} {
				a := x.get("/open311/v2/requests" + ext + "?" + q).want(400)
				if msg := a.errorText(f); q == "start_date=2025-01-01T00:00:00Z&end_date=2025-06-01T00:00:00Z" && !strings.Contains(msg, "90 天") {
					t.Errorf("%s: %s", q, msg)
				}
			}

			// Updates: the public steps, oldest first, with the status after each.
			a := x.get("/open311/v2/servicerequestupdates"+ext).is(200, f, "updates")
			type update struct {
				ID          string `json:"update_id" xml:"update_id"`
				Request     string `json:"service_request_id" xml:"service_request_id"`
				Status      string `json:"status" xml:"status"`
				At          string `json:"updated_datetime" xml:"updated_datetime"`
				Description string `json:"description" xml:"description"`
				MediaURL    string `json:"media_url" xml:"media_url"`
			}
			var ups []update
			if f == formatXML {
				var d struct {
					Updates []update `xml:"request_update"`
				}
				a.xml(&d)
				ups = d.Updates
			} else {
				a.json(&ups)
			}
			var seen []string
			for _, u := range ups {
				if u.ID == "" || !w3cTime.MatchString(u.At) || u.MediaURL != "" {
					t.Errorf("update %+v", u)
				}
				seen = append(seen, u.Request+" "+u.Status+" "+u.Description)
			}
			want := []string{
				litter + " open 上报",
				stall + " open 上报",
				litter + " open 派遣",
				litter + " open 签收",
				stall + " closed 结案：属市级道路，已转市城管",
				stall + " closed 市民评价",
			}
			if diff := cmp.Diff(want, seen); diff != "" {
				t.Errorf("updates (-want +got):\n%s", diff)
			}
			if bytes.Contains(a.body, []byte("热线")) || bytes.Contains(a.body, []byte("城管联络员")) || bytes.Contains(a.body, []byte("还算及时")) {
				t.Errorf("updates leak the office's cases or names: %s", a.body)
			}
			x.get("/open311/v2/servicerequestupdates" + ext + "?start_date=2025-01-01T00:00:00Z&end_date=2026-01-01T00:00:00Z").want(400).errorText(f)
			a = x.get("/open311/v2/servicerequestupdates" + ext + "?start_date=" + url.QueryEscape(closedAt))
			if f == formatJSON && !bytes.Contains(a.want(200).body, []byte(`"status":"closed"`)) {
				t.Errorf("updates since the closing: %s", a.body)
			}
		}
	})
}

func mustCategory(t *testing.T, x *fixture, code string) int64 {
	t.Helper()
	list, err := x.cases.Categories(context.Background(), x.office)
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range list {
		if k.Code == code {
			return k.ID
		}
	}
	t.Fatalf("no category %s", code)
	return 0
}

func codes(list []requestDoc) []string {
	var out []string
	for _, r := range list {
		out = append(out, r.ID)
	}
	return out
}

func deref(p *string) string {
	if p == nil {
		return ""
	}
	return *p
}

func TestWire(t *testing.T) {
	doc := list{item: "request", items: []any{object{{"a", "x<&>\"y\n"}, {"z", "a\x00b\rc"}, {"b", nil}, {"c", 1.5}, {"d", true}, {"e", list{item: "v"}}}}}
	rec := httptest.NewRecorder()
	write(rec, formatJSON, 200, "root", doc)
	if got := rec.Body.String(); got != `[{"a":"x<&>\"y\n","z":"a\u0000b\rc","b":null,"c":1.5,"d":true,"e":[]}]`+"\n" {
		t.Errorf("json: %s", got)
	}
	rec = httptest.NewRecorder()
	write(rec, formatXML, 200, "root", doc)
	want := `<?xml version="1.0" encoding="utf-8"?>
<root>
  <request>
    <a>x&lt;&amp;&gt;&#34;y
</a>
    <z>a�b&#xD;c</z>
    <b></b>
    <c>1.5</c>
    <d>true</d>
    <e></e>
  </request>
</root>
`
	if diff := cmp.Diff(want, rec.Body.String()); diff != "" {
		t.Errorf("xml (-want +got):\n%s", diff)
	}
	for in, want := range map[string]string{
		"2026-03-01T00:00:00Z":      "2026-03-01T08:00:00+08:00",
		"2026-03-01T00:00:00+08:00": "2026-03-01T00:00:00+08:00",
		"2026-03-01T10:30-05:00":    "2026-03-01T23:30:00+08:00",
		"2026-03-01":                "2026-03-01T00:00:00+08:00",
		"2026-03-01T12:00:00":       "2026-03-01T12:00:00+08:00",
	} {
		got, ok := parseW3C(in)
		if !ok || w3c(got) != want {
			t.Errorf("parseW3C(%q) = %s, %v; want %s", in, w3c(got), ok, want)
		}
	}
	for _, bad := range []string{"", "yesterday", "2026-13-01", "01/03/2026"} {
		if _, ok := parseW3C(bad); ok {
			t.Errorf("parseW3C(%q) accepted", bad)
		}
	}
	for in, want := range map[[2]string]string{{"三", "张"}: "张三", {"John", "Smith"}: "John Smith", {"", "王"}: "王", {"Li", ""}: "Li"} {
		if got := fullName(in[0], in[1]); got != want {
			t.Errorf("fullName(%q) = %q, want %q", in, got, want)
		}
	}
	for in, want := range map[string]string{"+86 138 0013 8000": "13800138000", "0086-13800138000": "13800138000", "0943-1234567": "0943-1234567", "(0943)1234567": "09431234567"} {
		if got := normalizePhone(in); got != want {
			t.Errorf("normalizePhone(%q) = %q, want %q", in, got, want)
		}
	}
}
