package e2e

import (
	"bytes"
	"context"
	"io"
	"regexp"
	"testing"

	"wenming/internal/app"
	"wenming/internal/demo"
	"wenming/internal/domain"
	"wenming/internal/store"
	"wenming/internal/store/storetest"
)

// TestDemoCounty runs `wenming demo` on each engine: the county loads, every
// demo account signs in with the one password and sees its menu's data.
func TestDemoCounty(t *testing.T) {
	for _, d := range storetest.Engines(t) {
		t.Run(string(d), func(t *testing.T) {
			data := t.TempDir()
			env := map[string]string{"WENMING_DEMO_PASSWORD": demoPassword, "WENMING_DATABASE_URL": storetest.URL(t, d)}
			base, out := start(t, env, "demo", "-listen", "127.0.0.1:0", "-data", data)
			if !contains(out.String(), "已载入演示城市", demoPassword, "cb_staff", "auditor") {
				t.Fatalf("demo did not print its logins:\n%s", out)
			}
			for _, a := range demo.Accounts {
				c := newClient(t, base)
				c.login(a.Username, demoPassword)
				var me domain.Person
				c.call("GET", "/api/v1/me", nil, &me)
				if me.Username != a.Username || len(me.Roles) != 1 || me.Roles[0] != a.Role || me.MustChange || me.JurisdictionName != demo.Names[a.Jurisdiction] {
					t.Errorf("%s: me = %+v", a.Username, me)
				}
			}
			// Each office sees its own county's units; the city's sees all.
			var units struct{ Total int }
			for user, want := range map[string]int{"cb_staff": demo.Units(), "jy_staff": demo.SecondCountyUnits(), "city_staff": demo.AllUnits()} {
				c := newClient(t, base)
				c.login(user, demoPassword)
				c.call("GET", "/api/v1/units?pageSize=1", nil, &units)
				if units.Total != want {
					t.Errorf("%s sees %d units, want %d", user, units.Total, want)
				}
			}
			checkSecondCounty(t, base)
			c := newClient(t, base)
			c.login("zjj_liaison", demoPassword)
			c.call("GET", "/api/v1/units?pageSize=1", nil, &units)
			if units.Total != 1 {
				t.Errorf("a liaison sees %d units, want only its own", units.Total)
			}
		})
	}
}

// checkSecondCounty: 靖远县's office finds its own plan and cases over the
// API, its liaison its published bulletin, and 会宁县's office none of them.
func checkSecondCounty(t *testing.T, base string) {
	t.Helper()
	type named struct {
		Name             string `json:"name"`
		JurisdictionName string `json:"jurisdictionName"`
	}
	var plans struct{ Items []named }
	var pool struct{ Total int }
	jy := newClient(t, base)
	jy.login("jy_staff", demoPassword)
	jy.call("GET", "/api/v1/plans", nil, &plans)
	if len(plans.Items) != 1 || plans.Items[0].Name != demo.SecondPlanName {
		t.Errorf("jy_staff sees plans %+v, want only %s", plans.Items, demo.SecondPlanName)
	}
	jy.call("GET", "/api/v1/cases?view=pool&pageSize=1", nil, &pool)
	if pool.Total < demo.SecondCases {
		t.Errorf("jy_staff's pool holds %d cases, want at least %d", pool.Total, demo.SecondCases)
	}
	liaison := newClient(t, base)
	liaison.login("jy_liaison", demoPassword)
	var bulletins struct{ Items []named }
	liaison.call("GET", "/api/v1/bulletins", nil, &bulletins)
	if len(bulletins.Items) != 1 || bulletins.Items[0].JurisdictionName != "靖远县" {
		t.Errorf("jy_liaison reads bulletins %+v, want 靖远县's last month's", bulletins.Items)
	}
	cb := newClient(t, base)
	cb.login("cb_staff", demoPassword)
	cb.call("GET", "/api/v1/plans", nil, &plans)
	for _, p := range plans.Items {
		if p.JurisdictionName != "会宁县" {
			t.Errorf("cb_staff sees %s's plan %s", p.JurisdictionName, p.Name)
		}
	}
}

// TestDemoIsIdempotent: a second `demo` on the same data folder loads
// nothing new and keeps the generated password.
func TestDemoIsIdempotent(t *testing.T) {
	data := t.TempDir()
	run := func() string {
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		var out bytes.Buffer
		// migrate + demo load only: `demo` would then serve, so it stops as
		// soon as it says it serves.
		hooks := app.Hooks{Ready: func(string) { cancel() }}
		if err := app.RunWith(ctx, []string{"demo", "-listen", "127.0.0.1:0", "-data", data}, func(string) string { return "" }, &out, io.Discard, hooks); err != nil {
			t.Fatal(err)
		}
		return out.String()
	}
	first, second := run(), run()
	if !contains(first, "已载入演示城市") || !contains(second, "演示城市已存在") {
		t.Fatalf("first:\n%s\nsecond:\n%s", first, second)
	}
	pw := func(s string) string { return passwordLine.FindString(s) }
	if pw(first) == "" || pw(first) != pw(second) {
		t.Fatalf("generated password changed between runs: %q vs %q", pw(first), pw(second))
	}
	db, err := store.Open(t.Context(), "", data)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	n, _ := db.Read().Count(t.Context(), "SELECT COUNT(*) FROM units")
	if n != demo.AllUnits() {
		t.Fatalf("units after two loads = %d, want %d", n, demo.AllUnits())
	}
}

var passwordLine = regexp.MustCompile(`统一密码：\S+`)

func TestVersionAndUserCommands(t *testing.T) {
	var out bytes.Buffer
	if err := app.Run(t.Context(), []string{"version"}, func(string) string { return "" }, &out, io.Discard); err != nil || !contains(out.String(), "wenming") {
		t.Fatalf("version: %v %q", err, out.String())
	}
	data := t.TempDir()
	env := func(k string) string { return map[string]string{"WENMING_DATA_DIR": data}[k] }
	out.Reset()
	err := app.Run(t.Context(), []string{"user", "create", "-username", "root_admin", "-name", "首位管理员", "-unit", "县文明办", "-role", "sys_admin", "-scope", "all"}, env, &out, io.Discard)
	if err != nil || !contains(out.String(), "已创建账号 root_admin", "初始密码") {
		t.Fatalf("user create: %v\n%s", err, out.String())
	}
	out.Reset()
	err = app.Run(t.Context(), []string{"user", "reset-password", "-username", "root_admin", "-password", "Fresh-Pass-2026"}, env, &out, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	base, _ := start(t, map[string]string{"WENMING_DATA_DIR": data}, "serve", "-listen", "127.0.0.1:0")
	c := newClient(t, base)
	c.login("root_admin", "Fresh-Pass-2026")
	var me domain.Person
	c.call("GET", "/api/v1/me", nil, &me)
	if !me.MustChange {
		t.Fatal("a reset password must be changed at next login")
	}
	if err := app.Run(t.Context(), []string{"user", "create", "-username", "x"}, env, io.Discard, io.Discard); err == nil {
		t.Fatal("user create without a role succeeded")
	}
}
