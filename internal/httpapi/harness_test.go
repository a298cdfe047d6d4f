package httpapi_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"mime/multipart"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"wenming/internal/app"
	"wenming/internal/assessment"
	"wenming/internal/auth"
	"wenming/internal/blob"
	"wenming/internal/cases"
	"wenming/internal/domain"
	"wenming/internal/framework"
	"wenming/internal/httpapi"
	"wenming/internal/org"
	"wenming/internal/patrol"
	"wenming/internal/plan"
	"wenming/internal/ranking"
	"wenming/internal/store"
	"wenming/internal/submission"
	"wenming/internal/webhook"
)

// testPassword is every fixture account's password.
const testPassword = "Test-Pass-2026"

// fixture is a small county: streets A and B, a unit in each (unit A with a
// sub-unit), the office at county level, and one account per role scoped to
// street A or unit A, plus people in unit B to be kept from them.
type fixture struct {
	t                          *testing.T
	db                         *store.DB
	srv                        *httptest.Server
	api                        *httpapi.Server
	org                        *org.Service
	plans                      *plan.Service
	blobDir                    string
	submissions                *submission.Service
	cases                      *cases.Service
	webhooks                   *webhook.Service
	ranking                    *ranking.Service
	patrol                     *patrol.Service
	assessment                 *assessment.Service
	frameworks                 *framework.Service
	clock                      *clock
	county, streetA, streetB   int64
	office, unitA, subA, unitB int64
	people                     map[string]int64 // username → id
}

type clock struct{ now time.Time }

func (c *clock) Now() time.Time { return c.now }

// roleUsers maps each role to its fixture account, scoped within street A.
var roleUsers = map[domain.Role]string{
	domain.RoleOfficeLeader:  "a_leader",
	domain.RoleOfficeStaff:   "a_staff",
	domain.RoleUnitHead:      "a_head",
	domain.RoleUnitLiaison:   "a_liaison",
	domain.RoleInspector:     "a_inspector",
	domain.RoleGridWorker:    "a_grid",
	domain.RoleLeader:        "a_viewer",
	domain.RoleSysAdmin:      "a_sysadmin",
	domain.RoleSecurityAdmin: "a_secadmin",
	domain.RoleAuditAdmin:    "a_auditor",
}

func newFixture(t *testing.T, db *store.DB) *fixture {
	t.Helper()
	ctx := context.Background()
	f := &fixture{t: t, db: db, clock: &clock{now: time.Date(2026, 3, 2, 1, 0, 0, 0, time.UTC)}, people: map[string]int64{}}
	db.SetClock(f.clock.Now)
	f.blobDir = t.TempDir()
	blobs, err := blob.NewDisk(f.blobDir)
	if err != nil {
		t.Fatal(err)
	}
	// The tests' receivers listen on the loopback, which a deployment
	// reaches only when its operator lists it.
	receivers, _ := webhook.ParseAllowlist("127.0.0.1")
	svc := app.NewServices(db, app.Options{Blobs: blobs, Webhooks: receivers,
		Auth: auth.Policy{LockThreshold: 5, LockDuration: 15 * time.Minute, IdleTimeout: 30 * time.Minute, MaxAge: 12 * time.Hour}})
	t.Cleanup(svc.Files.WaitCopies)
	f.org, f.plans, f.submissions, f.cases, f.webhooks = svc.Org, svc.Plan, svc.Submission, svc.Cases, svc.Webhooks
	f.ranking, f.patrol, f.assessment, f.frameworks = svc.Ranking, svc.Patrol, svc.Assessment, svc.Framework
	sys := domain.System("测试", domain.RoleSysAdmin)
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	region := func(code, name string, parent *int64) int64 {
		r, err := f.org.CreateRegion(ctx, sys, org.RegionInput{Code: code, Name: name, ParentID: parent})
		must(err)
		return r.ID
	}
	f.county = region("620422", "会宁县", nil)
	f.streetA = region("620422100", "会师镇", &f.county)
	f.streetB = region("620422101", "郭城驿镇", &f.county)
	unit := func(name, class string, parent *int64, region int64) int64 {
		u, err := f.org.CreateUnit(ctx, sys, org.UnitInput{Name: name, Kind: "department", Class: class, ParentID: parent, RegionID: &region})
		must(err)
		return u.ID
	}
	f.office = unit("县文明办", "A", nil, f.county)
	f.unitA = unit("甲单位", "A", nil, f.streetA)
	f.subA = unit("甲单位下属所", "B", &f.unitA, f.streetA)
	f.unitB = unit("乙单位", "B", nil, f.streetB)
	for role, username := range roleUsers {
		scope, region := domain.ScopeUnit, (*int64)(nil)
		if role != domain.RoleUnitHead && role != domain.RoleUnitLiaison && role != domain.RoleGridWorker {
			scope, region = domain.ScopeRegion, &f.streetA
		}
		f.person(username, "甲"+domain.RoleName(string(role)), f.unitA, []domain.Role{role}, scope, region)
	}
	f.person("a_member", "甲成员", f.unitA, []domain.Role{domain.RoleUnitLiaison}, domain.ScopeUnit, nil)
	f.person("a_sub", "甲下属", f.subA, []domain.Role{domain.RoleInspector}, domain.ScopeUnit, nil)
	f.person("b_member", "乙成员", f.unitB, []domain.Role{domain.RoleUnitLiaison}, domain.ScopeUnit, nil)
	f.person("b_head", "乙负责人", f.unitB, []domain.Role{domain.RoleUnitHead}, domain.ScopeUnit, nil)
	f.person("county_staff", "县创城办", f.office, []domain.Role{domain.RoleOfficeStaff}, domain.ScopeRegion, &f.county)
	f.person("auditor", "县审计员", f.office, []domain.Role{domain.RoleAuditAdmin}, domain.ScopeAll, nil)
	f.person("secadmin", "县安全员", f.office, []domain.Role{domain.RoleSecurityAdmin}, domain.ScopeAll, nil)
	deps := svc.HTTP(db, slog.New(slog.NewTextHandler(io.Discard, nil)))
	deps.Version = "test"
	f.api = httpapi.New(deps)
	f.srv = httptest.NewServer(f.api.Handler())
	t.Cleanup(f.srv.Close)
	return f
}

func (f *fixture) person(username, name string, unit int64, roles []domain.Role, scope domain.ScopeKind, region *int64) {
	f.t.Helper()
	ctx := context.Background()
	p, err := f.org.CreatePerson(ctx, domain.System("测试", domain.RoleSecurityAdmin), org.PersonInput{Username: username, RealName: name, Phone: "13912345678",
		UnitID: unit, Roles: roles, ScopeKind: string(scope), ScopeRegionID: region, Password: testPassword})
	if err != nil {
		f.t.Fatalf("person %s: %v", username, err)
	}
	// Fixture accounts skip the forced first change; its own test covers it.
	if err := f.db.Write(ctx, func(c *store.Conn) error {
		_, err := c.Exec(ctx, `UPDATE users SET must_change_password = FALSE WHERE id = ?`, p.ID)
		return err
	}); err != nil {
		f.t.Fatal(err)
	}
	f.people[username] = p.ID
}

// client is a browser-like caller with its own cookie jar.
type client struct {
	f    *fixture
	http *http.Client
}

func (f *fixture) anon() *client {
	jar, _ := cookiejar.New(nil)
	return &client{f: f, http: &http.Client{Jar: jar}}
}

// login signs in and fails the test if that does not work.
func (f *fixture) login(username string) *client {
	f.t.Helper()
	c := f.anon()
	res := c.do("POST", "/api/v1/auth/login", map[string]string{"username": username, "password": testPassword})
	res.want(200)
	return c
}

type response struct {
	t      *testing.T
	status int
	body   []byte
	header http.Header
}

func (c *client) do(method, path string, body any) *response {
	c.f.t.Helper()
	var rd io.Reader
	if s, ok := body.(string); ok {
		rd = strings.NewReader(s)
	} else if body != nil {
		b, _ := json.Marshal(body)
		rd = bytes.NewReader(b)
	}
	req, _ := http.NewRequest(method, c.f.srv.URL+path, rd)
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	return c.send(req)
}

func (c *client) send(req *http.Request) *response {
	res, err := c.http.Do(req)
	if err != nil {
		c.f.t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return &response{t: c.f.t, status: res.StatusCode, body: b, header: res.Header}
}

// upload posts a file as the multipart field "file".
func (c *client) upload(path, filename string, content []byte) *response {
	c.f.t.Helper()
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	fw, _ := mw.CreateFormFile("file", filename)
	fw.Write(content)
	mw.Close()
	req, _ := http.NewRequest("POST", c.f.srv.URL+path, &buf)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	return c.send(req)
}

func (r *response) want(status int) *response {
	r.t.Helper()
	if r.status != status {
		r.t.Fatalf("status %d, want %d; body: %s", r.status, status, r.body)
	}
	return r
}

func (r *response) json(v any) {
	r.t.Helper()
	if err := json.Unmarshal(r.body, v); err != nil {
		r.t.Fatalf("decode %s: %v", r.body, err)
	}
}

type apiError struct {
	Error struct {
		Code    string                 `json:"code"`
		Message string                 `json:"message"`
		Field   string                 `json:"field"`
		Details []domain.ImportProblem `json:"details"`
	} `json:"error"`
}

func (r *response) apiError() apiError {
	r.t.Helper()
	var e apiError
	r.json(&e)
	if e.Error.Code == "" || e.Error.Message == "" {
		r.t.Fatalf("not an API error: %s", r.body)
	}
	return e
}

// hasChinese tells whether a message is written for a Chinese reader.
func hasChinese(s string) bool {
	for _, r := range s {
		if r >= 0x4e00 && r <= 0x9fff {
			return true
		}
	}
	return false
}
