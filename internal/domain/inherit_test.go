package domain_test

import (
	"testing"

	"wenming/internal/domain"
)

type knobs struct {
	Remind int
	Reopen int
	Hours  string
}

var knobSettings = []domain.Setting[knobs]{
	{Key: "remind", Name: "提醒比例", Of: func(s *knobs) any { return &s.Remind }},
	{Key: "reopen", Name: "重开天数", Of: func(s *knobs) any { return &s.Reopen }},
	{Key: "hours", Name: "上下班时间", Of: func(s *knobs) any { return &s.Hours }},
}

func TestSettingsFlowDownWithLocks(t *testing.T) {
	t.Parallel()
	province, city, county := int64(1), int64(2), int64(3)
	chain := []domain.Jurisdiction{{ID: county, Name: "会宁县"}, {ID: city, Name: "白银市"}, {ID: province, Name: "甘肃省"}}
	defaults := knobs{Remind: 75, Reopen: 7, Hours: "09:00-17:00"}
	type origin struct {
		from   string
		locked bool
	}
	tests := []struct {
		name    string
		own     map[int64]domain.OwnSettings[knobs]
		want    knobs
		origins map[string]origin
		ownHere bool
	}{
		{"nobody set anything: the defaults", nil, defaults,
			map[string]origin{"remind": {domain.Defaults, false}, "hours": {"甘肃省", true}}, false},
		{"the city's settings flow down", map[int64]domain.OwnSettings[knobs]{city: {Values: knobs{80, 5, "08:30-17:30"}}},
			knobs{80, 5, "09:00-17:00"}, map[string]origin{"remind": {"白银市", false}, "reopen": {"白银市", false}, "hours": {"甘肃省", true}}, false},
		{"the county's own settings win where nothing is locked", map[int64]domain.OwnSettings[knobs]{
			city: {Values: knobs{80, 5, ""}}, county: {Values: knobs{90, 3, ""}}},
			knobs{90, 3, "09:00-17:00"}, map[string]origin{"remind": {"", false}, "reopen": {"", false}}, true},
		{"a lock of the city overrides the county's own value", map[int64]domain.OwnSettings[knobs]{
			city: {Values: knobs{80, 5, ""}, Locked: []string{"reopen"}}, county: {Values: knobs{90, 3, ""}}},
			knobs{90, 5, "09:00-17:00"}, map[string]origin{"remind": {"", false}, "reopen": {"白银市", true}}, true},
		{"the highest lock wins", map[int64]domain.OwnSettings[knobs]{
			province: {Values: knobs{70, 10, "08:00-18:00"}, Locked: []string{"reopen"}},
			city:     {Values: knobs{80, 5, ""}, Locked: []string{"reopen", "remind"}}, county: {Values: knobs{90, 3, ""}}},
			knobs{80, 10, "08:00-18:00"}, map[string]origin{"remind": {"白银市", true}, "reopen": {"甘肃省", true}, "hours": {"甘肃省", true}}, true},
		{"a county's own lock does not bind itself", map[int64]domain.OwnSettings[knobs]{county: {Values: knobs{90, 3, ""}, Locked: []string{"remind"}}},
			knobs{90, 3, "09:00-17:00"}, map[string]origin{"remind": {"", false}}, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			got := domain.SettingsInForce(chain, tc.own, defaults, knobSettings, "hours")
			if got.Values != tc.want || got.Own != tc.ownHere || (got.From.From == "") != tc.ownHere {
				t.Errorf("values %+v own %v, want %+v own %v", got.Values, got.Own, tc.want, tc.ownHere)
			}
			for key, want := range tc.origins {
				if o := got.Origins[key]; o.From != want.from || o.Locked != want.locked {
					t.Errorf("%s comes from %q locked %v, want %q locked %v", key, o.From, o.Locked, want.from, want.locked)
				}
			}
		})
	}
}

func TestRefuseLockedNamesTheSettingAndItsOffice(t *testing.T) {
	t.Parallel()
	chain := []domain.Jurisdiction{{ID: 3, Name: "会宁县"}, {ID: 2, Name: "白银市"}}
	current := domain.SettingsInForce(chain, map[int64]domain.OwnSettings[knobs]{2: {Values: knobs{80, 5, "x"}, Locked: []string{"reopen"}}}, knobs{}, knobSettings)
	if err := domain.RefuseLocked(current, knobs{99, 5, "y"}, knobSettings); err != nil {
		t.Errorf("changing what is not locked refused: %v", err)
	}
	err := domain.RefuseLocked(current, knobs{80, 6, "x"}, knobSettings)
	if de, ok := domain.AsError(err); !ok || de.Field != "reopen" || de.Message != "重开天数由白银市统一设置，本辖区不能调整" {
		t.Errorf("changing a locked setting: %v", err)
	}
}

func TestCheckLocks(t *testing.T) {
	t.Parallel()
	got, err := domain.CheckLocks([]string{"hours", "remind", "remind"}, knobSettings)
	if err != nil || domain.JoinLocks(got) != "remind,hours" {
		t.Errorf("locks %v, %v", got, err)
	}
	if _, err := domain.CheckLocks([]string{"bounds"}, knobSettings); err == nil {
		t.Error("a lock of an unknown setting was taken")
	}
	if got := domain.SplitLocks(domain.JoinLocks(nil)); len(got) != 0 {
		t.Errorf("no locks read back as %v", got)
	}
}
