package cases_test

import (
	"sync"
	"testing"
	"time"

	"wenming/internal/cases"
	"wenming/internal/domain"
	"wenming/internal/message"
	"wenming/internal/store"
	"wenming/internal/store/storetest"
)

// The facility category allows 2 working days (2 × 8 h = 960 working
// minutes). Accepted on Tuesday 29 September at 15:00: 2 h that day, 8 h on
// Wednesday, then the National Day holiday (1–7 October), then 6 h on
// Thursday 8 October: the deadline is 8 October 15:00. The reminder at
// 75 % (720 min) falls 2 h into 8 October: 11:00.
func TestHolidayWeekClockFiresReminderAndNoticeOnce(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
		w := newWorld(t, db)
		staff, liaison, head := w.as("staff"), w.as("a_liaison"), w.as("a_head")
		d := w.snap("holiday-1", w.facility)
		_, err := w.cases.Dispatch(w.ctx, staff, d.ID, cases.DispatchInput{})
		w.must(err)
		d, err = w.cases.Accept(w.ctx, liaison, d.ID, cases.NoteInput{})
		w.must(err)
		wantDeadline := time.Date(2026, 10, 8, 15, 0, 0, 0, domain.Beijing)
		if d.Deadline == nil || !d.Deadline.Equal(wantDeadline) {
			t.Fatalf("deadline %v, want %v (working time only)", d.Deadline, wantDeadline)
		}
		if d.RemainingMinutes == nil || *d.RemainingMinutes != 960 {
			t.Fatalf("remaining %v, want 960 working minutes", d.RemainingMinutes)
		}

		fire := func(month time.Month, day, hour, minute int) int {
			t.Helper()
			w.at(month, day, hour, minute)
			n, err := w.cases.RunTimers(w.ctx)
			w.must(err)
			return n
		}
		// Five calendar days later, in the middle of the holiday: a clock
		// counting calendar time would long be overdue.
		for _, when := range [][4]int{{9, 30, 17, 0}, {10, 5, 12, 0}, {10, 8, 10, 59}} {
			if n := fire(time.Month(when[0]), when[1], when[2], when[3]); n != 0 {
				t.Fatalf("at %v: %d timers fired too early", when, n)
			}
		}
		if n := fire(10, 8, 11, 0); n != 1 {
			t.Fatalf("reminder at 11:00: fired %d, want 1", n)
		}
		if n := fire(10, 8, 11, 30); n != 0 {
			t.Fatalf("reminder fired again: %d", n)
		}
		d, err = w.cases.Get(w.ctx, staff, d.ID)
		w.must(err)
		if d.Overdue || d.RemainingMinutes == nil || *d.RemainingMinutes != 210 {
			t.Fatalf("at 11:30 remaining %v overdue %v, want 210 and not overdue", d.RemainingMinutes, d.Overdue)
		}
		if n := fire(10, 8, 14, 59); n != 0 {
			t.Fatalf("overdue fired before the deadline: %d", n)
		}

		// Two app servers reach the deadline together.
		w.at(10, 8, 15, 0)
		var wg sync.WaitGroup
		fired := make([]int, 2)
		for i := range fired {
			wg.Add(1)
			go func() {
				defer wg.Done()
				n, err := w.cases.RunTimers(w.ctx)
				if err != nil {
					t.Error(err)
				}
				fired[i] = n
			}()
		}
		wg.Wait()
		if fired[0]+fired[1] != 1 {
			t.Fatalf("racing runners fired %v, want exactly one overdue notice", fired)
		}
		if n := fire(10, 9, 9, 0); n != 0 {
			t.Fatalf("overdue fired again: %d", n)
		}

		notices, err := w.cases.Notices(w.ctx, liaison, 0, true)
		w.must(err)
		if len(notices) != 1 || notices[0].CaseID == nil || *notices[0].CaseID != d.ID || notices[0].Kind != "overdue" {
			t.Fatalf("notices %+v, want one overdue notice for the case", notices)
		}
		messages := message.NewService(db)
		count := func(a *domain.Actor, kind string) int {
			list, err := messages.List(w.ctx, a)
			w.must(err)
			n := 0
			for _, m := range list {
				if m.Kind == kind {
					n++
				}
			}
			return n
		}
		if got := count(liaison, "case_remind"); got != 1 {
			t.Fatalf("liaison has %d reminders, want 1", got)
		}
		if got := count(liaison, "case_overdue"); got != 1 {
			t.Fatalf("liaison has %d overdue messages, want 1 (the unit's)", got)
		}
		if got := count(head, "case_overdue"); got != 2 {
			t.Fatalf("head has %d overdue messages, want 2 (the unit's and the escalation to the head)", got)
		}
		overdue, _, err := w.cases.List(w.ctx, liaison, cases.Filter{View: "inbox", Overdue: true})
		w.must(err)
		if len(overdue) != 1 || !overdue[0].Overdue {
			t.Fatalf("supervision list %+v, want the overdue case", overdue)
		}
		d, err = w.cases.Get(w.ctx, staff, d.ID)
		w.must(err)
		got := kinds(d)
		want := []string{"created", "dispatched", "accepted", "reminded", "overdue"}
		if len(got) != len(want) {
			t.Fatalf("timeline %v, want %v", got, want)
		}
		for i := range want {
			if got[i] != want[i] {
				t.Fatalf("timeline %v, want %v", got, want)
			}
		}
	})
}

func TestCalendarCountsWorkingTime(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
		w := newWorld(t, db)
		staff, liaison := w.as("staff"), w.as("a_liaison")
		// Accepted on Friday 9 October at 16:00 with 4 working hours: 1 h on
		// Friday, then Saturday 10 October is a swapped working day (调休),
		// so the limit ends there at 12:00, not on Monday.
		w.at(10, 9, 16, 0)
		d := w.snap("swap-1", w.garbage)
		_, err := w.cases.Dispatch(w.ctx, staff, d.ID, cases.DispatchInput{})
		w.must(err)
		d, err = w.cases.Accept(w.ctx, w.as("sub_liaison"), d.ID, cases.NoteInput{})
		w.must(err)
		if want := time.Date(2026, 10, 10, 12, 0, 0, 0, domain.Beijing); !d.Deadline.Equal(want) {
			t.Fatalf("deadline %v, want %v (Saturday swapped to a working day)", d.Deadline.In(domain.Beijing), want)
		}
		// Accepted at 20:00 on a Sunday: the clock starts Monday 09:00.
		w.at(10, 11, 20, 0)
		d = w.snap("sunday-1", w.garbage)
		_, err = w.cases.Dispatch(w.ctx, staff, d.ID, cases.DispatchInput{})
		w.must(err)
		d, err = w.cases.Accept(w.ctx, w.as("sub_liaison"), d.ID, cases.NoteInput{})
		w.must(err)
		if want := time.Date(2026, 10, 12, 13, 0, 0, 0, domain.Beijing); !d.Deadline.Equal(want) {
			t.Fatalf("deadline %v, want %v", d.Deadline.In(domain.Beijing), want)
		}
		_ = liaison
	})
}
