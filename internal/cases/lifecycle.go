package cases

import (
	"fmt"
	"slices"
	"strings"

	"wenming/internal/domain"
)

// The case lifecycle, written once: the states a case passes, the actions
// people take on it, who may take each from which state, and what each step
// on the timeline means (its name, its webhook, whether residents see it,
// whether it closes the case, whether it moves the clock). The actions check
// this table, the console's allowed actions are read from it, and /meta
// serves its names.

// State is where a case stands in the loop.
type State string

const (
	StateNew        State = "new"        // 待立案
	StateRegistered State = "registered" // 待派遣
	StateDispatched State = "dispatched" // 待签收
	StateHandling   State = "handling"   // 处置中
	StateReturned   State = "returned"   // 退回待裁定
	StateVerifying  State = "verifying"  // 待核查
	StateClosed     State = "closed"     // 已结案
)

// States of a case, in the order of the loop.
var States = []domain.Named{
	{Code: string(StateNew), Name: "待立案"}, {Code: string(StateRegistered), Name: "待派遣"},
	{Code: string(StateDispatched), Name: "待签收"}, {Code: string(StateHandling), Name: "处置中"},
	{Code: string(StateReturned), Name: "退回待裁定"}, {Code: string(StateVerifying), Name: "待核查"},
	{Code: string(StateClosed), Name: "已结案"},
}

// openStates are the states of a case not yet closed.
var openStates = []State{StateNew, StateRegistered, StateDispatched, StateHandling, StateReturned, StateVerifying}

// clockedStates are the states in which a passed deadline makes a case
// overdue: from dispatch until the case is closed.
var clockedStates = []State{StateDispatched, StateHandling, StateReturned, StateVerifying}

// openStatesSQL is openStates as an SQL list, for a query's IN.
var openStatesSQL = func() string {
	quoted := make([]string, len(openStates))
	for i, s := range openStates {
		quoted[i] = "'" + string(s) + "'"
	}
	return "(" + strings.Join(quoted, ", ") + ")"
}()

// Action is what a person does to a case.
type Action string

const (
	ActRegister         Action = "register"
	ActDecline          Action = "decline"
	ActDispatch         Action = "dispatch"
	ActAccept           Action = "accept"
	ActReturn           Action = "return"
	ActRuleReturn       Action = "rule_return"
	ActRequestExtension Action = "request_extension"
	ActRuleExtension    Action = "rule_extension"
	ActReport           Action = "report"
	ActVerify           Action = "verify"
	ActClose            Action = "close"
	ActMerge            Action = "merge"
	ActNote             Action = "note"
	ActHandDown         Action = "hand_down"
	ActTakeBack         Action = "take_back"
	ActPassDown         Action = "pass_down"
)

// Party is who may take an action, by role and by relation to the case.
type Party uint8

const (
	// PartyOffice is the creation office: its leaders and staff.
	PartyOffice Party = 1 << iota
	// PartyLeadUnit is a liaison or head of the lead unit or of a unit above it.
	PartyLeadUnit
	// PartyVerifier is the office or an inspector, from outside the lead unit.
	PartyVerifier
	// PartyWriter is anyone who sees the case, except a read-only leader.
	PartyWriter
	// PartyAbove is the office of a jurisdiction above the case's: it
	// supervises and may take the case back (收回), but does not run it.
	PartyAbove
)

// ExtensionNeed says what an action needs of the pending extension request.
type ExtensionNeed uint8

const (
	ExtensionAny ExtensionNeed = iota
	ExtensionNone
	ExtensionPending
)

// Transition is one action of the loop: from which states, by whom, with
// the words of its refusals, and the timeline steps it may write.
type Transition struct {
	Action    Action
	Name      string
	From      []State // the states it starts from
	By        Party
	Extension ExtensionNeed
	// Below says the action needs a jurisdiction under the case's own (下派
	// has nowhere to go in a one-county deployment).
	Below     bool
	Forbidden string // why someone else may not take it
	Kinds     []Kind
}

// Transitions is the lifecycle's table of actions, in the console's order.
var Transitions = []Transition{
	{Action: ActRegister, Name: "立案", From: []State{StateNew}, By: PartyOffice,
		Forbidden: "只有创城办可以立案", Kinds: []Kind{KindRegistered}},
	{Action: ActDecline, Name: "不予立案", From: []State{StateNew, StateRegistered}, By: PartyOffice,
		Forbidden: "只有创城办可以不予立案", Kinds: []Kind{KindDeclined}},
	{Action: ActDispatch, Name: "派遣", From: []State{StateNew, StateRegistered}, By: PartyOffice,
		Forbidden: "只有创城办可以派遣案件", Kinds: []Kind{KindDispatched}},
	{Action: ActAccept, Name: "签收", From: []State{StateDispatched}, By: PartyLeadUnit,
		Forbidden: "只有主办单位的联络员或负责人可以签收", Kinds: []Kind{KindAccepted}},
	{Action: ActReturn, Name: "退回", From: []State{StateDispatched, StateHandling}, By: PartyLeadUnit,
		Forbidden: "只有主办单位可以退回案件", Kinds: []Kind{KindReturned}},
	{Action: ActRuleReturn, Name: "裁定退回", From: []State{StateReturned}, By: PartyOffice,
		Forbidden: "只有创城办可以裁定退回", Kinds: []Kind{KindReturnUpheld, KindReturnRefused}},
	{Action: ActRequestExtension, Name: "申请延期", From: []State{StateHandling}, By: PartyLeadUnit, Extension: ExtensionNone,
		Forbidden: "只有主办单位可以申请延期", Kinds: []Kind{KindExtensionRequested}},
	{Action: ActRuleExtension, Name: "审批延期", From: openStates, By: PartyOffice, Extension: ExtensionPending,
		Forbidden: "只有创城办可以审批延期", Kinds: []Kind{KindExtensionGranted, KindExtensionRefused}},
	{Action: ActReport, Name: "回复整改", From: []State{StateHandling}, By: PartyLeadUnit,
		Forbidden: "只有主办单位可以回复整改", Kinds: []Kind{KindReported}},
	{Action: ActVerify, Name: "核查", From: []State{StateVerifying}, By: PartyVerifier,
		Forbidden: "核查须由创城办或督查员进行，且不能是处置单位的人员", Kinds: []Kind{KindVerifiedPass, KindVerifiedFail}},
	{Action: ActClose, Name: "结案", From: openStates, By: PartyOffice,
		Forbidden: "只有创城办可以结案", Kinds: []Kind{KindClosed}},
	{Action: ActMerge, Name: "合并", From: openStates, By: PartyOffice,
		Forbidden: "只有创城办可以合并案件", Kinds: []Kind{KindMerged}},
	{Action: ActNote, Name: "备注", From: append(slices.Clone(openStates), StateClosed), By: PartyWriter,
		Forbidden: "领导账号只能查看", Kinds: []Kind{KindNote}},
	// The three tiers of the 8890 network: the city's office hands a case
	// down to a county's, which dispatches it; a township passes it on to
	// its community; an office above takes it back.
	{Action: ActHandDown, Name: "下派", From: []State{StateNew, StateRegistered}, By: PartyOffice, Below: true,
		Forbidden: "只有案件所在辖区的创城办可以下派案件", Kinds: []Kind{KindHandedDown}},
	{Action: ActTakeBack, Name: "收回", From: []State{StateNew, StateRegistered, StateDispatched, StateHandling, StateReturned}, By: PartyAbove,
		Forbidden: "只有上级辖区的创城办可以收回案件", Kinds: []Kind{KindTakenBack}},
	{Action: ActPassDown, Name: "转派下级", From: []State{StateDispatched, StateHandling}, By: PartyLeadUnit,
		Forbidden: "只有主办单位可以转派给其下级单位", Kinds: []Kind{KindPassedDown}},
}

// transition finds an action's row of the table.
func transition(a Action) Transition {
	for _, t := range Transitions {
		if t.Action == a {
			return t
		}
	}
	panic("cases: no transition " + string(a))
}

// Kind is a step on a case's timeline.
type Kind string

const (
	KindCreated            Kind = "created"
	KindRegistered         Kind = "registered"
	KindDeclined           Kind = "declined"
	KindDispatched         Kind = "dispatched"
	KindAccepted           Kind = "accepted"
	KindReturned           Kind = "returned"
	KindReturnUpheld       Kind = "return_upheld"
	KindReturnRefused      Kind = "return_refused"
	KindExtensionRequested Kind = "extension_requested"
	KindExtensionGranted   Kind = "extension_granted"
	KindExtensionRefused   Kind = "extension_refused"
	KindReported           Kind = "reported"
	KindVerifiedPass       Kind = "verified_pass"
	KindVerifiedFail       Kind = "verified_fail"
	KindClosed             Kind = "closed"
	KindRated              Kind = "rated"
	KindReopened           Kind = "reopened"
	KindMerged             Kind = "merged"
	KindReminded           Kind = "reminded"
	KindOverdue            Kind = "overdue"
	KindNote               Kind = "note"
	KindSupervised         Kind = "supervised"
	KindHandedDown         Kind = "handed_down"
	KindTakenBack          Kind = "taken_back"
	KindPassedDown         Kind = "passed_down"
)

// Visibility is what a resident following the case sees of a step.
type Visibility uint8

const (
	Internal   Visibility = iota // only the office and units see it
	Public                       // residents see that it happened
	PublicNote                   // residents see it with its note (a reason given to the public)
)

// StepKind is what a timeline step means beyond its name.
type StepKind struct {
	Kind       Kind       `json:"code"`
	Name       string     `json:"name"`
	Webhook    string     `json:"webhook,omitempty"` // the event sent to the deployer's gateways
	Visibility Visibility `json:"-"`
	Closes     bool       `json:"closes"`
	Reschedule bool       `json:"-"` // the clock changed: pending reminders are replaced
	// Hands says who holds the case after the step, for the time each
	// tier held it (the case page's 各层级用时).
	Hands Holder `json:"-"`
}

// Holder is who holds a case after a step: an office (it registers,
// dispatches, rules, verifies), a unit (it handles), or nobody (closed).
type Holder uint8

const (
	Keeps    Holder = iota // the holder does not change
	ToOffice               // an office: the one the step names, else the case's
	ToUnit                 // a unit: the one the step names, else the lead unit
	ToNobody               // the case is closed
)

// StepKinds are the timeline's steps, in the order of the loop.
var StepKinds = []StepKind{
	{Kind: KindCreated, Name: "上报", Webhook: "case.created", Visibility: Public},
	{Kind: KindRegistered, Name: "立案", Visibility: Public},
	{Kind: KindDeclined, Name: "不予立案", Webhook: "case.closed", Visibility: PublicNote, Closes: true, Reschedule: true, Hands: ToNobody},
	{Kind: KindDispatched, Name: "派遣", Webhook: "case.dispatched", Visibility: Public, Hands: ToUnit},
	{Kind: KindAccepted, Name: "签收", Webhook: "case.accepted", Visibility: Public, Reschedule: true},
	{Kind: KindReturned, Name: "退回", Reschedule: true, Hands: ToOffice},
	{Kind: KindReturnUpheld, Name: "同意退回并改派", Webhook: "case.dispatched", Reschedule: true, Hands: ToUnit},
	{Kind: KindReturnRefused, Name: "驳回退回", Reschedule: true, Hands: ToUnit},
	{Kind: KindExtensionRequested, Name: "申请延期"},
	{Kind: KindExtensionGranted, Name: "批准延期", Reschedule: true},
	{Kind: KindExtensionRefused, Name: "驳回延期"},
	{Kind: KindReported, Name: "回复整改", Webhook: "case.reported", Visibility: PublicNote, Reschedule: true, Hands: ToOffice},
	{Kind: KindVerifiedPass, Name: "核查通过", Webhook: "case.closed", Visibility: Public, Closes: true, Reschedule: true, Hands: ToNobody},
	{Kind: KindVerifiedFail, Name: "核查不通过（返工）", Visibility: Public, Reschedule: true, Hands: ToUnit},
	{Kind: KindClosed, Name: "结案", Webhook: "case.closed", Visibility: PublicNote, Closes: true, Reschedule: true, Hands: ToNobody},
	{Kind: KindRated, Name: "市民评价", Visibility: Public},
	{Kind: KindReopened, Name: "重新打开", Webhook: "case.reopened", Visibility: PublicNote, Reschedule: true, Hands: ToOffice},
	{Kind: KindMerged, Name: "合并", Webhook: "case.closed", Visibility: PublicNote, Closes: true, Reschedule: true, Hands: ToNobody},
	{Kind: KindReminded, Name: "临期提醒", Webhook: "case.reminded"},
	{Kind: KindOverdue, Name: "超期督办", Webhook: "case.overdue"},
	{Kind: KindNote, Name: "备注"},
	{Kind: KindSupervised, Name: "督办"},
	{Kind: KindHandedDown, Name: "下派", Visibility: Public, Reschedule: true, Hands: ToOffice},
	{Kind: KindTakenBack, Name: "上级收回", Reschedule: true, Hands: ToOffice},
	{Kind: KindPassedDown, Name: "转派下级", Webhook: "case.dispatched", Visibility: Public, Reschedule: true, Hands: ToUnit},
}

var stepKinds = func() map[Kind]StepKind {
	m := make(map[Kind]StepKind, len(StepKinds))
	for _, k := range StepKinds {
		m[k.Kind] = k
	}
	return m
}()

// stepKind is the meaning of a step; an unknown kind means nothing beyond
// its code (an old row written by a later version, say).
func stepKind(k Kind) StepKind {
	if s, ok := stepKinds[k]; ok {
		return s
	}
	return StepKind{Kind: k, Name: string(k)}
}

// publicKinds are the steps residents see, in the table's order.
func publicKinds() []Kind {
	var out []Kind
	for _, k := range StepKinds {
		if k.Visibility != Internal {
			out = append(out, k.Kind)
		}
	}
	return out
}

// KindName is a step's Chinese name.
func KindName(k Kind) string { return stepKind(k).Name }

// EventNames are the timeline's words by step, as /meta serves them.
func EventNames() map[string]string {
	m := make(map[string]string, len(StepKinds))
	for _, k := range StepKinds {
		m[string(k.Kind)] = k.Name
	}
	return m
}

// ActionNames are the actions' words, as /meta serves them for the
// console's buttons.
func ActionNames() map[string]string {
	m := make(map[string]string, len(Transitions))
	for _, t := range Transitions {
		m[string(t.Action)] = t.Name
	}
	return m
}

// stateName is a state's Chinese name.
func stateName(s State) string { return domain.NameOf(States, string(s)) }

// parties says which parties the actor is for this case.
func (e *caseConfig) parties(a *domain.Actor, k *Case) Party {
	var p Party
	// The office runs the cases of its own jurisdiction; an office above
	// reads them and may take them back.
	office := a.IsOffice() && (k.JurisdictionID == nil || a.GovernsJurisdiction(*k.JurisdictionID))
	if a.IsOffice() && !office && e.above(a, k.JurisdictionID) {
		p |= PartyAbove
	}
	lead := e.inUnit(a, k.LeadUnitID)
	if office {
		p |= PartyOffice
	}
	if lead {
		p |= PartyLeadUnit
	}
	if (office || a.Has(domain.RoleInspector)) && !lead && a.UnitID != deref(k.LeadUnitID) {
		p |= PartyVerifier
	}
	if office || !a.Has(domain.RoleLeader) {
		p |= PartyWriter
	}
	return p
}

// may decides by the table whether the actor may take the action on the
// case now: the wrong party is forbidden, the wrong state a conflict.
func (e *caseConfig) may(a *domain.Actor, k *Case, act Action) error {
	t := transition(act)
	if e.parties(a, k)&t.By == 0 {
		return domain.Forbidden(t.Forbidden)
	}
	if !slices.Contains(t.From, k.State) {
		return domain.Conflict("state", fmt.Sprintf("案件当前为“%s”，不能%s", stateName(k.State), t.Name))
	}
	if t.Below && !e.hasBelow(k.JurisdictionID) {
		return domain.Conflict("jurisdictionId", "本辖区没有下级辖区，不能"+t.Name)
	}
	switch {
	case t.Extension == ExtensionNone && k.ExtensionPending:
		return domain.Conflict("minutes", "已有待审批的延期申请")
	case t.Extension == ExtensionPending && !k.ExtensionPending:
		return domain.Conflict("decision", "没有待审批的延期申请")
	}
	return nil
}

// actions lists what the actor may do to the case now, by the table.
func (e *caseConfig) actions(a *domain.Actor, k *Case) []string {
	out := []string{}
	if a == nil {
		return out
	}
	for _, t := range Transitions {
		if e.may(a, k, t.Action) == nil {
			out = append(out, string(t.Action))
		}
	}
	return out
}
