package domain

import (
	"reflect"
	"slices"
	"strings"
)

// Settings flow down the jurisdictions: a jurisdiction without settings of
// its own uses the nearest ones above it, and an office may fix some of its
// settings for every jurisdiction below it (不允许下级调整). This file is
// that rule, once, for every area that keeps settings per jurisdiction.

// Setting is one thing an office sets that flows down, such as the
// reminder percentage or the ranking weights.
type Setting[T any] struct {
	Key  string // the field's JSON name, as the console and the locks name it
	Name string // its Chinese name, for errors and the audit log
	// Of points at the setting inside a settings value, e.g. &s.ReopenDays.
	Of func(s *T) any
}

// OwnSettings are the settings a jurisdiction's office set itself, with
// the keys it fixed for the jurisdictions below.
type OwnSettings[T any] struct {
	Values T
	Locked []string
}

// Origin tells where the value of one setting in force comes from.
type Origin struct {
	// From names the jurisdiction that set it ("" when set here, Defaults
	// when nobody did).
	From   string `json:"from"`
	FromID *int64 `json:"fromId"`
	// Locked is true when an office above fixed it: it cannot be changed here.
	Locked bool `json:"locked"`
}

// Defaults is where a setting comes from when no jurisdiction set it.
const Defaults = "系统默认"

// InForce are the settings in force in a jurisdiction: Values, and for each
// setting its Origin.
type InForce[T any] struct {
	Values  T
	Origins map[string]Origin
	// From is where the settings as a whole come from: the jurisdiction's
	// own (From ""), the nearest above with settings, or the defaults.
	From Origin
	// Own is true when the jurisdiction has settings of its own.
	Own bool
}

// SettingsInForce resolves the settings in force in the jurisdiction chain
// (the jurisdiction first, then each above it): the nearest own settings,
// else the defaults; then every setting an office above locked takes that
// office's value, the highest lock winning. fixedByTop are the settings the
// top of the chain always fixes, whether or not it set them (the working
// day every clock runs on).
func SettingsInForce[T any](chain []Jurisdiction, own map[int64]OwnSettings[T], defaults T, settings []Setting[T], fixedByTop ...string) InForce[T] {
	out := InForce[T]{Values: defaults, Origins: map[string]Origin{}}
	from := Origin{From: Defaults}
	for i, j := range chain {
		if o, ok := own[j.ID]; ok {
			out.Values, out.Own = o.Values, i == 0
			from = Origin{}
			if i > 0 {
				from = Origin{From: j.Name, FromID: &j.ID}
			}
			break
		}
	}
	out.From = from
	for _, s := range settings {
		out.Origins[s.Key] = from
	}
	for i := len(chain) - 1; i >= 1; i-- {
		above := chain[i]
		o, has := own[above.ID]
		values := defaults
		if has {
			values = o.Values
		}
		for _, s := range settings {
			fixed := (has && slices.Contains(o.Locked, s.Key)) || (i == len(chain)-1 && slices.Contains(fixedByTop, s.Key))
			if !fixed || out.Origins[s.Key].Locked {
				continue
			}
			copySetting(s, &out.Values, &values)
			out.Origins[s.Key] = Origin{From: above.Name, FromID: &above.ID, Locked: true}
		}
	}
	return out
}

// RefuseLocked refuses a change of a setting an office above has fixed:
// in is what the jurisdiction's office sends, current what is in force.
func RefuseLocked[T any](current InForce[T], in T, settings []Setting[T]) error {
	for _, s := range settings {
		o := current.Origins[s.Key]
		if o.Locked && !reflect.DeepEqual(reflect.ValueOf(s.Of(&in)).Elem().Interface(), reflect.ValueOf(s.Of(&current.Values)).Elem().Interface()) {
			return Invalid(s.Key, s.Name+"由"+o.From+"统一设置，本辖区不能调整")
		}
	}
	return nil
}

// CheckLocks refuses a lock on a setting that does not exist or cannot be
// fixed, and returns the locks in the settings' order, without repeats.
func CheckLocks[T any](locks []string, settings []Setting[T]) ([]string, error) {
	var out []string
	for _, s := range settings {
		if slices.Contains(locks, s.Key) {
			out = append(out, s.Key)
		}
	}
	for _, k := range locks {
		if !slices.ContainsFunc(settings, func(s Setting[T]) bool { return s.Key == k }) {
			return nil, Invalid("lockedBelow", "“"+k+"”不是可以统一设置的项目")
		}
	}
	return out, nil
}

// JoinLocks and SplitLocks store the locked keys in one text column.
func JoinLocks(keys []string) string { return strings.Join(keys, ",") }

// SplitLocks reads what JoinLocks wrote.
func SplitLocks(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, ",")
}

func copySetting[T any](s Setting[T], dst, src *T) {
	reflect.ValueOf(s.Of(dst)).Elem().Set(reflect.ValueOf(s.Of(src)).Elem())
}
