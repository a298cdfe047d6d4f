package cases_test

import (
	"fmt"
	"slices"
	"testing"

	"wenming/internal/cases"
	"wenming/internal/domain"
	"wenming/internal/store"
	"wenming/internal/store/storetest"
)

// A case led by unit A, as each person of the world stands to it. This is
// the rule in words, written apart from the code that decides it: the
// office runs the loop and may verify, an inspector may verify, the lead
// unit's liaison and head handle it, the grid worker who reported it may
// add notes, the read-only leader and anyone outside (unit B, the sub-unit
// below A, the system admin) may do nothing.
var partiesToUnitACase = map[string]cases.Party{
	"staff":       cases.PartyOffice | cases.PartyVerifier | cases.PartyWriter,
	"inspector":   cases.PartyVerifier | cases.PartyWriter,
	"a_liaison":   cases.PartyLeadUnit | cases.PartyWriter,
	"a_head":      cases.PartyLeadUnit | cases.PartyWriter,
	"grid":        cases.PartyWriter,
	"leader":      0,
	"sub_liaison": 0,
	"b_liaison":   0,
	"sysadmin":    0,
}

// partiesAt is how a person stands to the case at a stage: before it is
// dispatched, unit A has nothing to do with it.
func partiesAt(name string, st stage) cases.Party {
	if (st.state == cases.StateNew || st.state == cases.StateRegistered) && (name == "a_liaison" || name == "a_head") {
		return 0
	}
	return partiesToUnitACase[name]
}

// stage is a place in the loop a case can be brought to.
type stage struct {
	name    string
	state   cases.State
	pending bool // an extension request waits for the office
}

var stages = []stage{
	{"new", cases.StateNew, false}, {"registered", cases.StateRegistered, false},
	{"dispatched", cases.StateDispatched, false}, {"handling", cases.StateHandling, false},
	{"handling, extension asked", cases.StateHandling, true}, {"returned", cases.StateReturned, false},
	{"verifying", cases.StateVerifying, false}, {"closed", cases.StateClosed, false},
}

// bring makes a fresh case of unit A and takes it to the stage.
func (w *world) bring(st stage, key string) int64 {
	w.t.Helper()
	id := w.snap(key, w.garbage).ID
	staff, liaison := w.as("staff"), w.as("a_liaison")
	step := func(_ cases.CaseDetail, err error) { w.t.Helper(); w.must(err) }
	switch st.state {
	case cases.StateNew:
		return id
	case cases.StateRegistered:
		step(w.cases.Register(w.ctx, staff, id, cases.RegisterInput{}))
		return id
	}
	step(w.cases.Dispatch(w.ctx, staff, id, cases.DispatchInput{UnitID: &w.unitA}))
	switch st.state {
	case cases.StateClosed:
		step(w.cases.Close(w.ctx, staff, id, cases.CloseInput{Closing: "not_fixed", Note: "无法整改"}))
	case cases.StateReturned:
		step(w.cases.Return(w.ctx, liaison, id, cases.ReasonInput{Reason: "非本单位职责"}))
	case cases.StateHandling, cases.StateVerifying:
		step(w.cases.Accept(w.ctx, liaison, id, cases.NoteInput{}))
	}
	if st.pending {
		step(w.cases.RequestExtension(w.ctx, liaison, id, cases.ExtensionInput{Minutes: 60, Reason: "材料未到"}))
	}
	if st.state == cases.StateVerifying {
		step(w.cases.Report(w.ctx, liaison, id, cases.PhotoInput{FileIDs: []int64{w.photo(liaison)}}))
	}
	return id
}

// take runs one action with input that is valid when the action is allowed.
func (w *world) take(a *domain.Actor, act cases.Action, id, other int64, allowed bool) (cases.CaseDetail, error) {
	c, ctx := w.cases, w.ctx
	switch act {
	case cases.ActRegister:
		return c.Register(ctx, a, id, cases.RegisterInput{})
	case cases.ActDecline:
		return c.Decline(ctx, a, id, cases.ReasonInput{Reason: "不属实"})
	case cases.ActDispatch:
		return c.Dispatch(ctx, a, id, cases.DispatchInput{UnitID: &w.unitA})
	case cases.ActAccept:
		return c.Accept(ctx, a, id, cases.NoteInput{})
	case cases.ActReturn:
		return c.Return(ctx, a, id, cases.ReasonInput{Reason: "非本单位职责"})
	case cases.ActRuleReturn:
		return c.RuleReturn(ctx, a, id, cases.RuleReturnInput{Decision: "refuse"})
	case cases.ActRequestExtension:
		return c.RequestExtension(ctx, a, id, cases.ExtensionInput{Minutes: 60, Reason: "材料未到"})
	case cases.ActRuleExtension:
		return c.RuleExtension(ctx, a, id, cases.RuleExtensionInput{Decision: "refuse"})
	case cases.ActReport:
		photo := int64(1)
		if allowed {
			photo = w.photo(a)
		}
		return c.Report(ctx, a, id, cases.PhotoInput{FileIDs: []int64{photo}})
	case cases.ActVerify:
		return c.Verify(ctx, a, id, cases.VerifyInput{Decision: "pass"})
	case cases.ActClose:
		return c.Close(ctx, a, id, cases.CloseInput{Closing: "not_fixed", Note: "无法整改"})
	case cases.ActMerge:
		return c.Merge(ctx, a, id, cases.MergeInput{IntoID: other})
	case cases.ActNote:
		return c.AddNote(ctx, a, id, cases.PhotoInput{Note: "现场已复核"})
	case cases.ActHandDown:
		return c.HandDown(ctx, a, id, cases.HandDownInput{JurisdictionID: w.county})
	case cases.ActTakeBack:
		return c.TakeBack(ctx, a, id, cases.ReasonInput{Reason: "市级统筹"})
	case cases.ActPassDown:
		return c.PassDown(ctx, a, id, cases.DispatchInput{UnitID: &w.subA})
	}
	w.t.Fatalf("no input for action %s", act)
	return cases.CaseDetail{}, nil
}

// allows reads the table the way a person reads it: the row's parties, the
// states it starts from, and what it needs of an extension request.
func allows(t cases.Transition, p cases.Party, st stage) bool {
	// The world is one county: nothing lies below it to hand a case down to.
	if p&t.By == 0 || !slices.Contains(t.From, st.state) || t.Below {
		return false
	}
	switch t.Extension {
	case cases.ExtensionNone:
		return !st.pending
	case cases.ExtensionPending:
		return st.pending
	}
	return true
}

// Every action from every stage by every person, through the service, gets
// exactly what the lifecycle's table says: allowed and writing one of the
// row's steps, or refused in Chinese (forbidden for the wrong person, a
// conflict for the wrong state) with the case untouched; and the case page
// offers each person exactly the actions the table allows.
func TestLifecycleTableIsWhatTheServiceDoes(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
		w := newWorld(t, db)
		other := w.snap("survivor", w.garbage).ID
		actors := map[string]*domain.Actor{}
		for name := range partiesToUnitACase {
			actors[name] = w.as(name)
		}
		seq := 0
		fresh := func(st stage) int64 {
			seq++
			return w.bring(st, fmt.Sprintf("walk-%d", seq))
		}
		touched := func(id int64) (state string, events int) {
			w.must(db.Read().QueryRow(w.ctx, `SELECT state, (SELECT COUNT(*) FROM case_events WHERE case_id = ?) FROM cases WHERE id = ?`, id, id).Scan(&state, &events))
			return state, events
		}
		for _, st := range stages {
			id := fresh(st)
			for name := range partiesToUnitACase {
				a, party := actors[name], partiesAt(name, st)
				var want []string
				for _, tr := range cases.Transitions {
					if allows(tr, party, st) {
						want = append(want, string(tr.Action))
					}
				}
				var offered []string // a person who cannot open the case is offered nothing
				if d, err := w.cases.Get(w.ctx, a, id); err == nil {
					offered = d.Actions
				}
				if !slices.Equal(offered, want) {
					t.Errorf("%s at %s is offered %v, the table allows %v", name, st.name, offered, want)
				}
				for _, tr := range cases.Transitions {
					allowed := allows(tr, party, st)
					state, events := touched(id)
					d, err := w.take(a, tr.Action, id, other, allowed)
					switch {
					case allowed && err != nil:
						t.Errorf("%s %s at %s: refused (%v), the table allows it", name, tr.Action, st.name, err)
					case allowed:
						last := d.Timeline[len(d.Timeline)-1].Kind
						if !slices.Contains(tr.Kinds, last) {
							t.Errorf("%s %s at %s wrote step %s, the table says %v", name, tr.Action, st.name, last, tr.Kinds)
						}
						id = fresh(st) // the action moved this case on
					default:
						de, ok := domain.AsError(err)
						wantCode := domain.CodeConflict
						if party&tr.By == 0 {
							wantCode = domain.CodeForbidden
						}
						if !ok || de.Code != wantCode || !hasHan(de.Message) {
							t.Errorf("%s %s at %s: got %v, want a Chinese %s", name, tr.Action, st.name, err, wantCode)
						}
						if s2, e2 := touched(id); s2 != state || e2 != events {
							t.Errorf("%s %s at %s was refused but moved the case from %s (%d steps) to %s (%d steps)", name, tr.Action, st.name, state, events, s2, e2)
						}
					}
				}
			}
		}
	})
}

func hasHan(s string) bool {
	for _, r := range s {
		if r >= 0x4e00 && r <= 0x9fff {
			return true
		}
	}
	return false
}

// Every step the service can write has a name, and what residents, webhooks
// and the clock make of it is said once, in the table.
func TestStepKindsNameEveryStep(t *testing.T) {
	t.Parallel()
	names := cases.EventNames()
	for _, tr := range cases.Transitions {
		if tr.Name == "" || tr.Forbidden == "" || len(tr.From) == 0 || tr.By == 0 {
			t.Errorf("transition %s is incomplete: %+v", tr.Action, tr)
		}
		for _, k := range tr.Kinds {
			if !hasHan(names[string(k)]) {
				t.Errorf("step %s of %s has no Chinese name", k, tr.Action)
			}
		}
	}
	for _, k := range cases.StepKinds {
		if k.Closes && k.Webhook != "case.closed" {
			t.Errorf("step %s closes the case but is sent as %q", k.Kind, k.Webhook)
		}
	}
}
