package domain

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func TestValidateRegionCode(t *testing.T) {
	tests := []struct {
		code, parent string
		ok           bool
	}{
		{"620422", "", true},
		{"620422", "620400", true},
		{"620400", "620000", true},
		{"620422", "610400", false},
		{"620422100", "620422", true},
		{"620422100001", "620422100", true},
		{"620422100001002", "620422100001", true},
		{"620423100", "620422", false},
		{"62042210", "620422", false},
		{"62042A", "", false},
		{"", "", false},
		{"620422100001", "620422", false},
	}
	for _, tt := range tests {
		err := ValidateRegionCode(tt.code, tt.parent)
		if (err == nil) != tt.ok {
			t.Errorf("ValidateRegionCode(%q, %q) = %v, want ok=%v", tt.code, tt.parent, err, tt.ok)
		}
		if err != nil {
			if e, _ := AsError(err); e.Field != "code" {
				t.Errorf("field = %q", e.Field)
			}
		}
	}
}

func TestValidatePassword(t *testing.T) {
	tests := map[string]bool{
		"Abcdefg1":         true,
		"abc-defg1":        true,
		"ABC-DEFG":         false, // two classes
		"Short1!":          false,
		"zhangsan-2026A":   false, // contains the username
		"密码很长很长Ab1":        true,
		"aaaaaaaaaaaaaaaa": false,
	}
	for pw, ok := range tests {
		if err := ValidatePassword("password", pw, "zhangsan"); (err == nil) != ok {
			t.Errorf("%q: %v, want ok=%v", pw, err, ok)
		}
	}
}

func TestMaskPhone(t *testing.T) {
	got := []string{MaskPhone("13812345678"), MaskPhone("0943-1234567"), MaskPhone("123")}
	want := []string{"138****5678", "094*****4567", "***"}
	if d := cmp.Diff(want, got); d != "" {
		t.Fatal(d)
	}
}

func TestValidateRoles(t *testing.T) {
	tests := []struct {
		roles []Role
		ok    bool
	}{
		{[]Role{RoleOfficeStaff, RoleInspector}, true},
		{[]Role{RoleSysAdmin}, true},
		{[]Role{RoleSysAdmin, RoleAuditAdmin}, false},
		{[]Role{RoleAuditAdmin, RoleLeader}, false},
		{[]Role{}, false},
		{[]Role{"emperor"}, false},
	}
	for _, tt := range tests {
		if err := ValidateRoles(tt.roles); (err == nil) != tt.ok {
			t.Errorf("%v: %v, want ok=%v", tt.roles, err, tt.ok)
		}
	}
}

func TestActorScope(t *testing.T) {
	region := &Actor{Scope: ScopeRegion, RegionCode: "620422100"}
	unit := &Actor{Scope: ScopeUnit, UnitPath: "/3/"}
	tests := []struct {
		name       string
		a          *Actor
		path, code string
		want       bool
	}{
		{"region sees its street's unit", region, "/9/", "620422100001", true},
		{"region does not see the next street", region, "/9/", "620422101", false},
		{"region does not see a unit without region", region, "/9/", "", false},
		{"unit sees itself", unit, "/3/", "", true},
		{"unit sees its sub-unit", unit, "/3/8/", "", true},
		{"unit does not see a sibling whose id starts alike", unit, "/31/", "", false},
	}
	for _, tt := range tests {
		if got := tt.a.SeesUnit(tt.path, tt.code); got != tt.want {
			t.Errorf("%s: %v", tt.name, got)
		}
	}
}

func TestSubtreePrefix(t *testing.T) {
	for code, want := range map[string]string{"620422": "620422", "620400": "6204", "620000": "62", "620422100": "620422100"} {
		if got := SubtreePrefix(code); got != want {
			t.Errorf("SubtreePrefix(%s) = %s, want %s", code, got, want)
		}
	}
	city := &Actor{Scope: ScopeRegion, RegionCode: SubtreePrefix("620400")}
	if !city.SeesUnit("/1/", "620422100") {
		t.Error("a city-scoped office must see its counties' units")
	}
}

func TestBeijingDays(t *testing.T) {
	// 2026-11-24 20:00 UTC is already the 25th in Beijing.
	if got := Midnight(time.Date(2026, 11, 24, 20, 0, 0, 0, time.UTC)); !got.Equal(time.Date(2026, 11, 24, 16, 0, 0, 0, time.UTC)) {
		t.Errorf("midnight %v", got.UTC())
	}
	from, to, err := DayRange("2026-11-01", "2026-11-30")
	if err != nil || !from.Equal(time.Date(2026, 10, 31, 16, 0, 0, 0, time.UTC)) || !to.Equal(time.Date(2026, 11, 30, 16, 0, 0, 0, time.UTC)) {
		t.Errorf("range %v – %v (%v)", from.UTC(), to.UTC(), err)
	}
	if from, to, err := DayRange("", ""); err != nil || !from.IsZero() || !to.IsZero() {
		t.Errorf("empty bounds: %v %v %v", from, to, err)
	}
	if _, _, err := DayRange("2026-11-01", "11/30"); err == nil || err.(*Error).Field != "to" {
		t.Errorf("a bad end date names to: %v", err)
	}
}

// The system acts with only the roles its task needs: never as the
// separated administrators together, and without an account.
func TestSystemActorHoldsOnlyWhatItsTaskNeeds(t *testing.T) {
	t.Parallel()
	clock := System("案件时限")
	if len(clock.Roles) != 0 || clock.Ref() != nil || clock.Scope != ScopeAll {
		t.Fatalf("the case clock acts as %+v", clock)
	}
	if a := System("命令行", RoleSecurityAdmin); !a.Has(RoleSecurityAdmin) || a.Has(RoleSysAdmin) {
		t.Fatalf("the command line's security admin holds %v", a.Roles)
	}
	for _, roles := range [][]Role{{RoleSysAdmin, RoleSecurityAdmin}, {RoleSysAdmin, RoleOfficeLeader}, {RoleAuditAdmin, RoleSecurityAdmin}} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("System with %v did not panic", roles)
				}
			}()
			System("测试", roles...)
		}()
	}
}
