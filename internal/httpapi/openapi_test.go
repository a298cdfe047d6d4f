package httpapi_test

import (
	"encoding/json"
	"net/http"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"wenming/internal/cases"
	"wenming/internal/httpapi"
	"wenming/internal/store"
	"wenming/internal/store/storetest"
)

// TestOpenAPIMatchesRoutes: every documented operation is served by a real
// route (the mux does not answer 404/405 for it), and every /api/v1 path
// the UI contract relies on is documented.
func TestOpenAPIMatchesRoutes(t *testing.T) {
	t.Parallel()
	f := newFixture(t, storetest.Open(t, store.SQLite))
	var doc struct {
		OpenAPI string                               `json:"openapi"`
		Paths   map[string]map[string]map[string]any `json:"paths"`
	}
	f.anon().do("GET", "/api/openapi.json", nil).want(200).json(&doc)
	if doc.OpenAPI != "3.1.0" {
		t.Fatalf("openapi = %q", doc.OpenAPI)
	}
	c := f.login("county_staff")
	param := regexp.MustCompile(`\{[^}]+\}`)
	ops := 0
	for path, methods := range doc.Paths {
		for method, op := range methods {
			ops++
			if op["summary"] == "" || op["responses"] == nil {
				t.Errorf("%s %s: no summary or responses", method, path)
			}
			req, _ := http.NewRequest(strings.ToUpper(method), f.srv.URL+param.ReplaceAllString(path, "999999"), nil)
			res := c.send(req)
			if res.status == http.StatusMethodNotAllowed {
				t.Errorf("%s %s: documented but not routed (405)", method, path)
			}
			if res.status == http.StatusNotFound && strings.Contains(string(res.body), "接口不存在") {
				t.Errorf("%s %s: documented but not routed", method, path)
			}
		}
	}
	if ops < 30 {
		t.Fatalf("only %d operations documented", ops)
	}
	// An undocumented path is not routed: the catch-all answers in JSON.
	res := c.do("GET", "/api/v1/nothing-here", nil).want(404)
	if res.apiError().Error.Code != "not_found" {
		t.Fatal("unknown API path should give a JSON 404")
	}
}

// TestOpenAPISchemas: the components say what encoding/json writes. Two Go
// types of one name are two components, a field without omitempty is
// required, a typed code lists its values from the code's own list, and
// every reference names a component that exists.
func TestOpenAPISchemas(t *testing.T) {
	t.Parallel()
	raw, err := json.Marshal(httpapi.New(httpapi.Deps{}).OpenAPI())
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Components struct {
			Schemas map[string]struct {
				Type       any                        `json:"type"`
				Properties map[string]json.RawMessage `json:"properties"`
				Required   []string                   `json:"required"`
				Enum       []string                   `json:"enum"`
			} `json:"schemas"`
		} `json:"components"`
	}
	if err := json.Unmarshal(raw, &doc); err != nil {
		t.Fatal(err)
	}
	schemas := doc.Components.Schemas

	// cases.Category (a case category) and patrol.Category (a kind of point) are different shapes.
	if _, ok := schemas["Category"]; ok {
		t.Error("schema Category stands for both cases.Category and patrol.Category")
	}
	if _, ok := schemas["PatrolCategory"].Properties["checks"]; !ok {
		t.Error("PatrolCategory lacks the point category's checks")
	}
	if _, ok := schemas["CasesCategory"].Properties["limitValue"]; !ok {
		t.Error("CasesCategory lacks the case category's time limit")
	}

	for _, c := range []struct {
		schema, field string
		required      bool
	}{
		{"Case", "id", true},
		{"Case", "regionId", true}, // a pointer is written as null, never left out
		{"CaseDetail", "timeline", true},
		{"PersonInput", "password", false}, // omitempty
		{"IntakeInput", "unitId", false},   // omitempty
	} {
		if _, ok := schemas[c.schema].Properties[c.field]; !ok {
			t.Errorf("%s has no field %s", c.schema, c.field)
		}
		if got := slices.Contains(schemas[c.schema].Required, c.field); got != c.required {
			t.Errorf("%s.%s required = %v, want %v", c.schema, c.field, got, c.required)
		}
	}

	var states []string
	for _, s := range cases.States {
		states = append(states, s.Code)
	}
	if diff := cmp.Diff(states, schemas["CaseState"].Enum); diff != "" {
		t.Errorf("CaseState enum differs from cases.States (-want +got):\n%s", diff)
	}
	if !strings.Contains(string(schemas["Case"].Properties["state"]), "#/components/schemas/CaseState") {
		t.Errorf("Case.state = %s, want a reference to CaseState", schemas["Case"].Properties["state"])
	}

	// The error shape is the one writeError writes, its codes all it may write.
	if !strings.Contains(string(schemas["Error"].Properties["error"]), "#/components/schemas/ErrorDetail") {
		t.Errorf("Error.error = %s, want a reference to ErrorDetail", schemas["Error"].Properties["error"])
	}
	for _, code := range []string{"invalid", "not_found", "too_many_requests", "internal"} {
		if !slices.Contains(schemas["ErrorCode"].Enum, code) {
			t.Errorf("ErrorCode lacks %s", code)
		}
	}
	// A list of codes is in the document even where a field carries it as a plain string.
	if len(schemas["CaseAction"].Enum) != len(cases.Transitions) {
		t.Errorf("CaseAction = %v, want one per transition", schemas["CaseAction"].Enum)
	}

	// A path parameter is a row id, unless it is a day or a token.
	var ops struct {
		Paths map[string]map[string]struct {
			Parameters []struct {
				Name, In string
				Schema   struct{ Type string }
			}
		}
	}
	if err := json.Unmarshal(raw, &ops); err != nil {
		t.Fatal(err)
	}
	for path, want := range map[string]map[string]string{
		"/api/v1/calendar/days/{date}":                 {"date": "string"},
		"/api/v1/public/cases/{token}/photos/{fileId}": {"token": "string", "fileId": "integer"},
		"/api/v1/cases/{id}":                           {"id": "integer"},
	} {
		got := map[string]string{}
		for _, op := range ops.Paths[path] {
			for _, p := range op.Parameters {
				if p.In == "path" {
					got[p.Name] = p.Schema.Type
				}
			}
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("%s path parameters (-want +got):\n%s", path, diff)
		}
	}

	for _, ref := range regexp.MustCompile(`"#/components/schemas/([^"]+)"`).FindAllStringSubmatch(string(raw), -1) {
		if _, ok := schemas[ref[1]]; !ok {
			t.Errorf("reference to missing schema %s", ref[1])
		}
	}
}

func TestHealthAndMetrics(t *testing.T) {
	t.Parallel()
	f := newFixture(t, storetest.Open(t, store.SQLite))
	f.anon().do("GET", "/healthz", nil).want(200)
	f.anon().do("GET", "/api/v1/meta", nil).want(401)
	res := f.anon().do("GET", "/metrics", nil).want(200)
	if !strings.Contains(string(res.body), "wenming_http_requests_total") {
		t.Fatal("metrics lack the request counter")
	}
	if res.header.Get("X-Request-Id") == "" {
		t.Fatal("no request id header")
	}
}

// TestConsoleClientMatchesOpenAPI: every call the console's API client
// makes (web/src/api/index.ts) is an operation of the OpenAPI document.
func TestConsoleClientMatchesOpenAPI(t *testing.T) {
	t.Parallel()
	src := mustRead(t, "../../web/src/api/index.ts")
	f := newFixture(t, storetest.Open(t, store.SQLite))
	paths := f.api.OpenAPI()["paths"].(map[string]map[string]any)
	verbs := map[string]string{"get": "get", "post": "post", "put": "put", "del": "delete", "blob": "get", "upload": "post"}
	call := regexp.MustCompile("http\\.(get|post|put|del|blob|upload)(?:<[^(]*>)?\\(['`](/[^'`]*)['`]")
	checked := 0
	for _, line := range strings.Split(string(src), "\n") {
		c := call.FindStringSubmatch(line)
		if c == nil {
			continue
		}
		method := verbs[c[1]]
		param := regexp.MustCompile(`\$\{(?:encodeURIComponent\()?(\w+)\)?\}`)
		path := "/api/v1" + param.ReplaceAllStringFunc(c[2], func(m string) string {
			if m == "${resource}" {
				return m
			}
			return "{" + param.FindStringSubmatch(m)[1] + "}" // ${id} or ${encodeURIComponent(id)} → {id}
		})
		expanded := []string{path}
		if strings.Contains(path, "${resource}") {
			typ := regexp.MustCompile(`resource: (\w+)`).FindStringSubmatch(line)
			if typ == nil {
				t.Fatalf("cannot tell the resource type of: %s", line)
			}
			expanded = nil
			for _, r := range unionMembers(t, string(src), typ[1]) {
				expanded = append(expanded, strings.ReplaceAll(path, "${resource}", r))
			}
		}
		for _, p := range expanded {
			checked++
			if _, ok := paths[p][method]; !ok {
				t.Errorf("the console calls %s %s, which the OpenAPI document does not describe", strings.ToUpper(method), p)
			}
		}
	}
	if checked < 25 {
		t.Fatalf("checked only %d client calls; has the client changed shape?", checked)
	}
}

// unionMembers resolves a TypeScript string-literal union type, following
// named member types: type B = A | 'x' gives A's members and x.
func unionMembers(t *testing.T, src, name string) []string {
	m := regexp.MustCompile(`type ` + name + ` = ([^\n]+)`).FindStringSubmatch(src)
	if m == nil {
		t.Fatalf("type %s not found", name)
	}
	var out []string
	for _, part := range strings.Split(m[1], "|") {
		part = strings.TrimSpace(part)
		if strings.HasPrefix(part, "'") {
			out = append(out, strings.Trim(part, "'"))
		} else {
			out = append(out, unionMembers(t, src, part)...)
		}
	}
	return out
}

func mustRead(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
