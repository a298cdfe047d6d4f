package cases

import "time"

// Span is one holder's time with a case (各层级用时): an office or a unit,
// from the step that gave it the case to the step that passed it on. Read
// from the timeline by the lifecycle's Hands, so each tier of a case
// handed down (city → county → township → community) shows its own clock.
type Span struct {
	Holder string     `json:"holder"` // 会宁县创城办, 县住建局
	Office bool       `json:"office"`
	From   time.Time  `json:"from"`
	To     *time.Time `json:"to"` // nil while it holds the case
	// WorkingMinutes is the time held on the working calendar (until now
	// while it still holds the case).
	WorkingMinutes int `json:"workingMinutes"`
}

// spans walks a case's timeline (oldest first) into its holders' spans.
// The case starts with the office of the jurisdiction it was first placed
// in: the first hand-down names it, else it is the case's own.
func (e *caseConfig) spans(k Case, timeline []Event, now time.Time) []Span {
	office := e.jurisdictionName(k.JurisdictionID)
	for _, ev := range timeline {
		if ev.Kind == KindHandedDown {
			if from, ok := ev.Data["from"].(string); ok && from != "" {
				office = from
			}
			break
		}
	}
	out := []Span{}
	cur := &Span{Holder: office + "创城办", Office: true, From: k.CreatedAt}
	unit := ""
	for _, ev := range timeline {
		var next *Span
		switch stepKind(ev.Kind).Hands {
		case Keeps:
			continue
		case ToOffice:
			if to, ok := ev.Data["to"].(string); ok && to != "" {
				office = to
			}
			next = &Span{Holder: office + "创城办", Office: true, From: ev.At}
		case ToUnit:
			if u, ok := ev.Data["unit"].(string); ok && u != "" {
				unit = u
			}
			next = &Span{Holder: unit, From: ev.At}
		}
		if cur != nil && next != nil && next.Holder == cur.Holder {
			continue // the same holder again (a rework at the same unit)
		}
		if cur != nil {
			out = append(out, e.closeSpan(*cur, ev.At))
		}
		cur = next
	}
	if cur != nil {
		s := e.closeSpan(*cur, now)
		s.To = nil
		out = append(out, s)
	}
	return out
}

func (e *caseConfig) closeSpan(s Span, at time.Time) Span {
	s.To = &at
	if at.After(s.From) {
		s.WorkingMinutes = e.cal.Between(s.From, at)
	}
	return s
}

// jurisdictionName names a case's jurisdiction ("" when it has none).
func (e *caseConfig) jurisdictionName(id *int64) string {
	if id == nil {
		return ""
	}
	j, _ := e.jurisdictions.ByID(*id)
	return j.Name
}
