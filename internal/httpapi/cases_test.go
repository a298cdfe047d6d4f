package httpapi_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"wenming/internal/cases"
	"wenming/internal/domain"
	"wenming/internal/store"
	"wenming/internal/store/storetest"
	"wenming/internal/webhook"
)

// caseSetup gives the fixture county a category handled by 甲单位 and its area.
func caseSetup(t *testing.T, f *fixture) cases.Category {
	t.Helper()
	ctx := context.Background()
	office := &domain.Actor{RealName: "测试", Roles: []domain.Role{domain.RoleOfficeStaff}, Scope: domain.ScopeAll}
	top, err := f.cases.CreateCategory(ctx, office, cases.CategoryInput{Code: "21", Name: "创城专项", Kind: "campaign", LimitValue: 1, LimitUnit: "day"})
	if err != nil {
		t.Fatal(err)
	}
	k, err := f.cases.CreateCategory(ctx, office, cases.CategoryInput{Code: "2101", Name: "乱扔垃圾", ParentID: &top.ID, Kind: "campaign", LimitValue: 4, LimitUnit: "hour", DefaultUnitID: &f.unitA})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.cases.UpdateSettings(ctx, office, cases.Settings{Bounds: cases.Bounds{MinLat: 35.4, MinLng: 104.5, MaxLat: 36.5, MaxLng: 105.6},
		DuplicateRadiusMeters: 100, DuplicateWindowHours: 72, RemindAtPercent: 75, ReopenDays: 7, WorkStart: "09:00", WorkEnd: "17:00"}); err != nil {
		t.Fatal(err)
	}
	return k
}

// snap posts a resident's report as the public page does.
func (c *client) snap(body string, photos map[string][]byte) *response {
	c.f.t.Helper()
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	mw.WriteField("case", body)
	for name, data := range photos {
		fw, _ := mw.CreateFormFile("photos", name)
		fw.Write(data)
	}
	mw.Close()
	req, _ := http.NewRequest("POST", c.f.srv.URL+"/api/v1/public/cases", &buf)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	return c.send(req)
}

func TestCaseLoopOverHTTP(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
		f := newFixture(t, db)
		cat := caseSetup(t, f)
		f.clock.now = time.Date(2026, 3, 2, 2, 0, 0, 0, time.UTC) // Monday 10:00 in Beijing
		resident := f.anon()
		form := fmt.Sprintf(`{"clientKey":"k-1","categoryId":%d,"description":"广场东侧垃圾堆积","address":"会师镇人民广场","lat":35.6934,"lng":105.0531,"phone":"13800001234"}`, cat.ID)

		// Bad input: each a Chinese error naming the field, and nothing stored.
		bad := []struct {
			name, body string
			photos     map[string][]byte
			status     int
			field      string
		}{
			{"text renamed .jpg", strings.Replace(form, "k-1", "k-bad1", 1), map[string][]byte{"现场.jpg": []byte("这是一段文字，不是照片")}, 400, "photos"},
			{"50 MB photo", strings.Replace(form, "k-1", "k-bad2", 1), map[string][]byte{"大图.jpg": append(pngBytes(t), make([]byte, 50<<20)...)}, 413, "photos"},
			{"outside the county", strings.Replace(strings.Replace(form, "35.6934", "39.9042", 1), "k-1", "k-bad3", 1), map[string][]byte{"现场.png": pngBytes(t)}, 400, "lat"},
			{"no category", strings.Replace(strings.Replace(form, fmt.Sprintf(`"categoryId":%d`, cat.ID), `"categoryId":0`, 1), "k-1", "k-bad4", 1), map[string][]byte{"现场.png": pngBytes(t)}, 400, "categoryId"},
			{"no photo", strings.Replace(form, "k-1", "k-bad5", 1), nil, 400, "photos"},
			{"unknown field", strings.Replace(form, `"phone"`, `"email":"x","phone"`, 1), map[string][]byte{"现场.png": pngBytes(t)}, 400, "email"},
		}
		for _, b := range bad {
			e := resident.snap(b.body, b.photos).want(b.status).apiError()
			if e.Error.Field != b.field || !hasChinese(e.Error.Message) {
				t.Fatalf("%s: %+v, want a Chinese error on %s", b.name, e.Error, b.field)
			}
		}
		var receipt cases.Receipt
		resident.snap(form, map[string][]byte{"现场.png": pngBytes(t)}).want(201).json(&receipt)
		var replay cases.Receipt
		resident.snap(form, map[string][]byte{"现场.png": pngBytes(t)}).want(200).json(&replay)
		if replay.Token != receipt.Token {
			t.Fatalf("replayed key made another case: %+v vs %+v", replay, receipt)
		}

		staff := f.login("county_staff")
		var page struct {
			Items []cases.Case `json:"items"`
			Total int          `json:"total"`
		}
		staff.do("GET", "/api/v1/cases?view=pool", nil).want(200).json(&page)
		if page.Total != 1 || page.Items[0].ReporterPhone != "138****1234" {
			t.Fatalf("pool %+v", page)
		}
		id := page.Items[0].ID
		path := fmt.Sprintf("/api/v1/cases/%d", id)
		staff.do("POST", path+"/register", map[string]any{"regionId": f.streetA, "note": "属实"}).want(200)
		var d cases.CaseDetail
		staff.do("POST", path+"/dispatch", map[string]any{}).want(200).json(&d)
		if d.LeadUnitName != "甲单位" {
			t.Fatalf("dispatched to %q", d.LeadUnitName)
		}

		// Unit B neither reads nor acts; the audit admin sees no cases.
		other := f.login("b_member")
		other.do("GET", path, nil).want(403)
		other.do("POST", path+"/accept", map[string]any{}).want(403)
		other.do("GET", "/api/v1/cases?view=inbox", nil).want(200).json(&page)
		if page.Total != 0 {
			t.Fatalf("unit B's inbox shows %d cases", page.Total)
		}
		f.login("auditor").do("GET", "/api/v1/cases", nil).want(403)

		liaison := f.login("a_liaison")
		liaison.do("POST", path+"/accept", map[string]any{"note": "已签收"}).want(200)
		var photo struct{ ID int64 }
		liaison.upload("/api/v1/files", "整改后.png", pngBytes(t)).want(201).json(&photo)
		e := liaison.do("POST", path+"/report", map[string]any{"note": "已清理"}).want(400).apiError()
		if e.Error.Field != "fileIds" {
			t.Fatalf("report without photo: %+v", e.Error)
		}
		liaison.do("POST", path+"/report", map[string]any{"note": "已清理", "fileIds": []int64{photo.ID}}).want(200)
		// An inspector of the handling unit is not independent.
		f.login("a_inspector").do("POST", path+"/verify", map[string]any{"decision": "pass"}).want(403)
		staff.do("POST", path+"/verify", map[string]any{"decision": "fail", "note": "仍有垃圾"}).want(200).json(&d)
		if d.State != "handling" || d.ReworkCount != 1 {
			t.Fatalf("after rework: %s %d", d.State, d.ReworkCount)
		}
		liaison.upload("/api/v1/files", "再次整改.png", pngBytes(t)).want(201).json(&photo)
		liaison.do("POST", path+"/report", map[string]any{"note": "已彻底清理", "fileIds": []int64{photo.ID}}).want(200)
		staff.do("POST", path+"/verify", map[string]any{"decision": "pass"}).want(200).json(&d)
		if d.State != "closed" || d.Closing != "fixed" {
			t.Fatalf("after passing: %s %s", d.State, d.Closing)
		}

		var pub cases.PublicCase
		resident.do("POST", "/api/v1/public/cases/"+receipt.Token+"/rating", map[string]any{"rating": 5, "comment": "满意"}).want(200).json(&pub)
		if pub.Rating == nil || *pub.Rating != 5 || len(pub.AfterPhotos) != 2 {
			t.Fatalf("public view %+v", pub)
		}
		thumb := resident.do("GET", pub.AfterPhotos[0].ThumbURL, nil).want(200)
		if thumb.header.Get("Content-Type") != "image/jpeg" {
			t.Fatalf("thumbnail type %q", thumb.header.Get("Content-Type"))
		}
		resident.do("GET", "/api/v1/public/cases/not-a-real-token-at-all", nil).want(404)
		// The console's photo URL is not public.
		resident.do("GET", d.AfterPhotos[0].URL, nil).want(401)
		other.do("GET", d.AfterPhotos[0].URL, nil).want(403)

		staff.do("GET", path, nil).want(200).json(&d)
		var steps []string
		for _, ev := range d.Timeline {
			steps = append(steps, string(ev.Kind))
		}
		want := "created registered dispatched accepted reported verified_fail reported verified_pass rated"
		if strings.Join(steps, " ") != want {
			t.Fatalf("timeline %v, want %s", steps, want)
		}
		var audit struct {
			Items []struct{ Action string } `json:"items"`
		}
		f.login("auditor").do("GET", "/api/v1/audit?entity=case&pageSize=100", nil).want(200).json(&audit)
		if len(audit.Items) != len(steps) {
			t.Fatalf("audit has %d case entries, want %d (one per step)", len(audit.Items), len(steps))
		}
		export := staff.do("GET", "/api/v1/cases/export?state=closed", nil).want(200)
		if !bytes.HasPrefix(export.body, []byte("PK")) {
			t.Fatal("export is not a workbook")
		}
	})
}

func TestWebhooksAreSignedAndRetried(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
		f := newFixture(t, db)
		cat := caseSetup(t, f)
		var mu sync.Mutex
		var got []*http.Request
		var bodies [][]byte
		fail := true
		gateway := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			mu.Lock()
			defer mu.Unlock()
			b, _ := io.ReadAll(r.Body)
			got, bodies = append(got, r), append(bodies, b)
			if fail {
				w.WriteHeader(503)
			}
		}))
		defer gateway.Close()
		admin := f.login("a_sysadmin")
		e := admin.do("POST", "/api/v1/webhooks", map[string]any{"name": "短信网关", "url": "ftp://x", "secret": "0123456789abcdef", "events": []string{"case.created"}, "active": true}).want(400).apiError()
		if e.Error.Field != "url" {
			t.Fatalf("bad url: %+v", e.Error)
		}
		var hook webhook.Webhook
		admin.do("POST", "/api/v1/webhooks", map[string]any{"name": "短信网关", "url": gateway.URL, "secret": "0123456789abcdef", "events": []string{"case.created", "case.dispatched"}, "active": true}).want(201).json(&hook)
		f.login("county_staff").do("GET", "/api/v1/webhooks", nil).want(403)

		grid := f.login("a_grid")
		grid.do("POST", "/api/v1/cases", map[string]any{"clientKey": "w-1", "source": "cadre_snap", "categoryId": cat.ID, "description": "垃圾"}).want(201)
		ctx := context.Background()
		if n, err := f.webhooks.Deliver(ctx); err != nil || n != 0 {
			t.Fatalf("first attempt: %d sent, %v", n, err)
		}
		var deliveries struct{ Items []webhook.Delivery }
		admin.do("GET", fmt.Sprintf("/api/v1/webhooks/%d/deliveries", hook.ID), nil).want(200).json(&deliveries)
		if len(deliveries.Items) != 1 || deliveries.Items[0].Status != "pending" || deliveries.Items[0].Attempts != 1 || deliveries.Items[0].LastStatus != 503 {
			t.Fatalf("after a failure: %+v", deliveries.Items)
		}
		// Not yet due again: the backoff holds it.
		if n, _ := f.webhooks.Deliver(ctx); n != 0 || len(got) != 1 {
			t.Fatalf("retried before the backoff: %d", len(got))
		}
		fail = false
		f.clock.now = f.clock.now.Add(2 * time.Minute)
		if n, err := f.webhooks.Deliver(ctx); err != nil || n != 1 {
			t.Fatalf("retry: %d sent, %v", n, err)
		}
		r, body := got[1], bodies[1]
		if r.Header.Get("X-Wenming-Event") != "case.created" {
			t.Fatalf("event header %q", r.Header.Get("X-Wenming-Event"))
		}
		if want := webhook.Sign("0123456789abcdef", r.Header.Get("X-Wenming-Timestamp"), body); r.Header.Get("X-Wenming-Signature") != want {
			t.Fatal("signature does not verify")
		}
		var payload struct {
			Event string
			Data  struct{ Code, State string }
		}
		json.Unmarshal(body, &payload)
		if payload.Event != "case.created" || payload.Data.State != "new" || payload.Data.Code == "" {
			t.Fatalf("payload %s", body)
		}
	})
}

// TestCaseScopeMatrix: every role, scoped to street A or unit A, reads the
// case handled in its scope and is refused, read and write, the case of
// unit B in street B; the three admin roles see no cases at all.
func TestCaseScopeMatrix(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
		f := newFixture(t, db)
		cat := caseSetup(t, f)
		staff := f.login("county_staff")
		open := func(key string, region, unit int64) int64 {
			var d cases.CaseDetail
			staff.do("POST", "/api/v1/cases", map[string]any{"clientKey": key, "source": "media", "categoryId": cat.ID, "description": "曝光：垃圾", "regionId": region}).want(201).json(&d)
			staff.do("POST", fmt.Sprintf("/api/v1/cases/%d/dispatch", d.ID), map[string]any{"unitId": unit}).want(200)
			return d.ID
		}
		own, other := open("own", f.streetA, f.unitA), open("other", f.streetB, f.unitB)
		admins := []domain.Role{domain.RoleSysAdmin, domain.RoleSecurityAdmin, domain.RoleAuditAdmin}
		for role, username := range roleUsers {
			t.Run(string(role), func(t *testing.T) {
				c := f.login(username)
				read := 200
				if slices.Contains(admins, role) {
					read = 403
				}
				c.do("GET", fmt.Sprintf("/api/v1/cases/%d", own), nil).want(read)
				c.do("GET", fmt.Sprintf("/api/v1/cases/%d", other), nil).want(403)
				for _, action := range []string{"accept", "dispatch", "notes", "close"} {
					c.do("POST", fmt.Sprintf("/api/v1/cases/%d/%s", other, action), map[string]any{}).want(403)
				}
				res := c.do("GET", "/api/v1/cases", nil).want(read)
				if read == 200 {
					var page struct{ Items []cases.Case }
					res.json(&page)
					for _, k := range page.Items {
						if k.ID == other {
							t.Fatalf("%s lists unit B's case", role)
						}
					}
					if len(page.Items) != 1 {
						t.Fatalf("%s lists %d cases, want its own one", role, len(page.Items))
					}
				}
			})
		}
	})
}
