package cases_test

import (
	"testing"

	"wenming/internal/cases"
	"wenming/internal/domain"
	"wenming/internal/store"
	"wenming/internal/store/storetest"
)

// The city office, whose region holds every region and unit, reads the
// whole city at once (its pool takes no condition, its trend comes from
// the daily counters): its overview and pool count the city's own case and
// both counties'; a county office's count its own only.
func TestCityOfficeReadsTheWholeCity(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
		w := newTwoCounties(t, db)
		for _, who := range []*domain.Actor{w.city.Staff, w.A.Staff, w.A.Staff, w.B.Staff} {
			if _, err := w.open(t, who, cases.IntakeInput{}); err != nil {
				t.Fatal(err)
			}
		}
		for _, tt := range []struct {
			who  *domain.Actor
			want int
		}{{w.city.Staff, 4}, {w.city.Leader, 4}, {w.A.Staff, 2}, {w.B.Staff, 1}} {
			o, err := w.svc.Overview(t.Context(), tt.who)
			if err != nil {
				t.Fatal(err)
			}
			_, total, err := w.svc.List(t.Context(), tt.who, cases.Filter{View: "pool", Page: 1, PageSize: 20})
			if err != nil {
				t.Fatal(err)
			}
			if o.Open != tt.want || o.TodayIntake != tt.want || total != tt.want {
				t.Errorf("%s: %d open, %d reported today, %d in the pool; want %d each", tt.who.Username, o.Open, o.TodayIntake, total, tt.want)
			}
		}
	})
}
