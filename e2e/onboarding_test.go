package e2e

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"wenming/internal/app"
)

// TestOnboardingACountyFromExcel is the onboarding story on a
// fresh deployment: the system administrator sets up the city and a new
// county (靖远县) as a jurisdiction of its own; the county's regions, units, people and
// points come in only through the templates the product serves, filled in
// below their example rows; the county's office staff then signs in and
// runs one case through its loop with the department's liaison, under the
// city's case category and settings, which the county inherits.
func TestOnboardingACountyFromExcel(t *testing.T) {
	data := t.TempDir()
	env := map[string]string{"WENMING_DATA_DIR": data}
	getenv := func(k string) string { return env[k] }
	const adminPass, staffPass, liaisonPass, fresh = "Root-Pass-2026", "Staff-Pass-2026", "Liaison-Pass-2026", "Fresh-Pass-2026x"
	err := app.Run(t.Context(), []string{"user", "create", "-username", "root_admin", "-name", "系统管理员", "-unit", "市文明办",
		"-role", "sys_admin", "-scope", "all", "-password", adminPass}, getenv, io.Discard, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	base, _ := start(t, env, "serve", "-listen", "127.0.0.1:0")

	admin := newClient(t, base)
	admin.firstSignIn("root_admin", adminPass, fresh)

	// The city and the county, and the county's office (创城办) over it.
	var city, county struct {
		ID   int64  `json:"id"`
		Code string `json:"code"`
	}
	admin.callOK(201, "POST", "/api/v1/regions", map[string]any{"code": "620400", "name": "白银市"}, &city)
	var units struct{ Items []struct{ ID int64 } }
	admin.callOK(200, "GET", "/api/v1/units?q=市文明办", nil, &units)
	admin.callOK(200, "PUT", fmt.Sprintf("/api/v1/units/%d", units.Items[0].ID),
		map[string]any{"name": "市文明办", "kind": "department", "class": "A", "regionId": city.ID}, nil)
	admin.callOK(201, "POST", "/api/v1/regions", map[string]any{"code": "620421", "name": "靖远县", "parentId": city.ID}, &county)
	admin.callOK(201, "POST", "/api/v1/jurisdictions", map[string]any{"regionId": county.ID}, nil)

	// The county's org, only through the served templates, in the
	// documented order: 区划 → 单位 → 人员.
	admin.importTemplate("regions", 3,
		[]any{"620421100", "乌兰镇", ""},
		[]any{"620421100001", "东关社区", ""},
		[]any{"620421101", "北湾镇", ""},
	)
	admin.importTemplate("units", 3,
		[]any{"县文明办", "部门单位", "A", "", "620421", ""},
		[]any{"县住建局", "部门单位", "A", "", "620421", ""},
		[]any{"乌兰镇人民政府", "乡镇/街道", "B", "", "620421100", ""},
	)
	admin.importTemplate("people", 3,
		[]any{"city_staff", "张敏", "13800000009", "市文明办", "创城办工作人员", "区划", "620400", staffPass},
		[]any{"jy_office", "王晓", "13800000001", "县文明办", "创城办工作人员", "区划", "620421", staffPass},
		[]any{"jy_zjj", "李强", "13800000002", "县住建局", "单位联络员", "", "", liaisonPass},
	)

	// The city's office sets what the county will inherit: a case
	// category and a point category.
	cityStaff := newClient(t, base)
	cityStaff.firstSignIn("city_staff", staffPass, fresh)
	var category struct{ ID int64 }
	cityStaff.callOK(201, "POST", "/api/v1/case-categories", map[string]any{"code": "SJ01", "name": "乱扔垃圾", "kind": "event", "limitValue": 2, "limitUnit": "day"}, &category)
	cityStaff.callOK(201, "POST", "/api/v1/point-categories", map[string]any{"name": "农贸市场"}, nil)
	var citySettings map[string]any
	cityStaff.callOK(200, "GET", "/api/v1/case-settings", nil, &citySettings)
	citySettings["remindAtPercent"] = 70
	cityStaff.callOK(200, "PUT", "/api/v1/case-settings", citySettings, nil)

	// The county's office signs in, sees the city's settings flow down,
	// and imports its points.
	staff := newClient(t, base)
	staff.firstSignIn("jy_office", staffPass, fresh)
	var settings struct {
		InheritedFrom   string `json:"inheritedFrom"`
		RemindAtPercent int    `json:"remindAtPercent"`
	}
	staff.callOK(200, "GET", "/api/v1/case-settings", nil, &settings)
	if settings.InheritedFrom != "白银市" || settings.RemindAtPercent != 70 {
		t.Errorf("the county's case settings: %+v, want 白银市's", settings)
	}
	staff.importTemplate("points", 1,
		[]any{"", "乌兰农贸市场", "农贸市场", 104.686, 36.566, "WGS-84", "乌兰镇东关街 8 号", "东关社区", "", "县住建局", "赵六", "13800000003", "启用"},
	)
	var points struct {
		Items []struct {
			Name     string `json:"name"`
			UnitName string `json:"unitName"`
		}
	}
	staff.callOK(200, "GET", "/api/v1/points", nil, &points)
	if len(points.Items) != 1 || points.Items[0].Name != "乌兰农贸市场" || points.Items[0].UnitName != "县住建局" {
		t.Fatalf("the county's points: %+v (the example row must not be imported)", points.Items)
	}

	// One case through its loop: a cadre's snap, registered, dispatched to
	// the department, accepted and fixed by its liaison with a photo,
	// verified and closed by the office.
	var regions struct {
		Items []struct {
			ID   int64  `json:"id"`
			Code string `json:"code"`
		}
	}
	staff.callOK(200, "GET", "/api/v1/regions?q=620421100001", nil, &regions)
	if len(regions.Items) != 1 {
		t.Fatalf("the imported community: %+v", regions.Items)
	}
	var zjj struct {
		Items []struct {
			ID   int64  `json:"id"`
			Name string `json:"name"`
		}
	}
	staff.callOK(200, "GET", "/api/v1/units?q=县住建局", nil, &zjj)
	if len(zjj.Items) != 1 {
		t.Fatalf("the imported department: %+v", zjj.Items)
	}
	type caseView struct {
		ID             int64  `json:"id"`
		Code           string `json:"code"`
		State          string `json:"state"`
		LeadUnitName   string `json:"leadUnitName"`
		JurisdictionID *int64 `json:"jurisdictionId"`
	}
	var k caseView
	staff.callOK(201, "POST", "/api/v1/cases", map[string]any{"source": "cadre_snap", "categoryId": category.ID,
		"description": "东关社区农贸市场门口垃圾堆积", "address": "乌兰镇东关街 8 号", "regionId": regions.Items[0].ID}, &k)
	if k.JurisdictionID == nil || *k.JurisdictionID != county.ID {
		t.Errorf("the case %s belongs to another jurisdiction, want 靖远县 %d", k.Code, county.ID)
	}
	path := fmt.Sprintf("/api/v1/cases/%d", k.ID)
	step := func(c *apiClient, action string, body any, want string) {
		t.Helper()
		c.callOK(200, "POST", path+"/"+action, body, &k)
		if k.State != want {
			t.Fatalf("after %s the case is %s, want %s", action, k.State, want)
		}
	}
	if k.State == "new" {
		step(staff, "register", map[string]any{}, "registered")
	}
	step(staff, "dispatch", map[string]any{"unitId": zjj.Items[0].ID}, "dispatched")

	liaison := newClient(t, base)
	liaison.firstSignIn("jy_zjj", liaisonPass, fresh)
	step(liaison, "accept", map[string]any{}, "handling")
	photo := liaison.uploadPhoto("/api/v1/files", "整改后.png", pngFile(t))
	step(liaison, "report", map[string]any{"note": "已清运并冲洗地面", "fileIds": []int64{photo}}, "verifying")
	step(staff, "verify", map[string]any{"decision": "pass", "note": "现场已整洁"}, "closed")
	if k.LeadUnitName != "县住建局" {
		t.Errorf("the case was handled by %q", k.LeadUnitName)
	}
}

// callOK calls the API and fails the test unless the status is want.
func (c *apiClient) callOK(want int, method, path string, body, out any) {
	c.t.Helper()
	var raw json.RawMessage
	if got := c.call(method, path, body, &raw); got != want {
		c.t.Fatalf("%s %s: %d, want %d: %s", method, path, got, want, raw)
	}
	if out != nil {
		if err := json.Unmarshal(raw, out); err != nil {
			c.t.Fatalf("%s %s: %v", method, path, err)
		}
	}
}

// firstSignIn signs in with an initial password and changes it, as the
// product asks of every new account.
func (c *apiClient) firstSignIn(username, initial, fresh string) {
	c.t.Helper()
	c.login(username, initial)
	c.callOK(204, "POST", "/api/v1/me/password", map[string]string{"oldPassword": initial, "newPassword": fresh}, nil)
	c.login(username, fresh)
}

// postFile posts a multipart file and returns the status and body.
func (c *apiClient) postFile(path, name string, data []byte) (int, []byte) {
	c.t.Helper()
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	fw, _ := mw.CreateFormFile("file", name)
	fw.Write(data)
	mw.Close()
	req, _ := http.NewRequest("POST", c.base+path, &body)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	res, err := c.http.Do(req)
	if err != nil {
		c.t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return res.StatusCode, b
}

// uploadPhoto uploads a file and returns its id.
func (c *apiClient) uploadPhoto(path, name string, data []byte) int64 {
	c.t.Helper()
	status, b := c.postFile(path, name, data)
	var f struct{ ID int64 }
	if status != 201 || json.Unmarshal(b, &f) != nil || f.ID == 0 {
		c.t.Fatalf("upload %s: %d %s", name, status, b)
	}
	return f.ID
}

// importTemplate downloads what's template, checks it is the served
// layout (instructions first, an example row), types rows in below the
// example, uploads it and checks that exactly the rows were created.
func (c *apiClient) importTemplate(what string, created int, rows ...[]any) {
	c.t.Helper()
	res, err := c.http.Get(c.base + "/api/v1/" + what + "/template")
	if err != nil {
		c.t.Fatal(err)
	}
	book, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != 200 {
		c.t.Fatalf("%s template: %d", what, res.StatusCode)
	}
	f, err := excelize.OpenReader(bytes.NewReader(book))
	if err != nil {
		c.t.Fatalf("%s template: %v", what, err)
	}
	defer f.Close()
	sheets := f.GetSheetList()
	if len(sheets) != 2 || sheets[0] != "填写说明" {
		c.t.Fatalf("%s template sheets %q, want 填写说明 first", what, sheets)
	}
	data := sheets[1]
	head, _ := f.GetRows(data)
	if len(head) != 2 || !strings.Contains(strings.Join(head[1], ""), "示例：") {
		c.t.Fatalf("%s template rows %q, want a header and an example", what, head)
	}
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+3)
		if err := f.SetSheetRow(data, cell, &r); err != nil {
			c.t.Fatal(err)
		}
	}
	var out bytes.Buffer
	if err := f.Write(&out); err != nil {
		c.t.Fatal(err)
	}
	status, b := c.postFile("/api/v1/"+what+"/import", what+".xlsx", out.Bytes())
	var result struct{ Created, Updated int }
	if status != 200 || json.Unmarshal(b, &result) != nil || result.Created != created || result.Updated != 0 {
		c.t.Fatalf("%s import: %d %s, want %d created", what, status, b, created)
	}
}
