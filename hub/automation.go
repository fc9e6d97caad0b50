package hub

import (
	"cmp"
	"strings"
)

// PlatformState is what a broadcast automation tool follows about a platform (the automation
// feed, docs/automation.md): OWLCMS's field-of-play state and what qualifies it (the break or
// ceremony, the decision, the record), in OWLCMS's own words, so that rules written for
// OWLCMS's OBS monitor keep working.
type PlatformState struct {
	FOP   string `json:"fop"`
	State string `json:"state"` // FOPState: INACTIVE, BREAK, TIME_RUNNING, DECISION_VISIBLE...
	// Detail qualifies State: the ceremony or break type during a break (MEDALS, FIRST_SNATCH,
	// JURY...), GOOD_LIFT, BAD_LIFT or UNDECIDED while a decision shows; "" otherwise.
	Detail string `json:"detail,omitempty"`
	// Record is RECORD_ATTEMPT while a record is attempted, NEW_RECORD when the lights that
	// show set one; "" otherwise. A record the jury denied is not NEW_RECORD.
	Record   string `json:"record,omitempty"`
	LiftType string `json:"liftType,omitempty"` // Snatch or Clean_and_Jerk
	Session  string `json:"session,omitempty"`
	Mode     Mode   `json:"mode"`              // what the boards show (BoardMode)
	Jury     string `json:"jury,omitempty"`    // GOOD_LIFT / BAD_LIFT while a jury decision shows
	Athlete  string `json:"athlete,omitempty"` // on the platform or judged, "" during breaks
}

// The words of PlatformState.Detail and Record that are not OWLCMS field values.
const (
	DetailGoodLift  = "GOOD_LIFT"
	DetailBadLift   = "BAD_LIFT"
	DetailUndecided = "UNDECIDED"
	RecordAttempt   = "RECORD_ATTEMPT"
	RecordNew       = "NEW_RECORD"
)

// PlatformState is the platform's state for automation. A nil FOP is inactive.
func (f *FOP) PlatformState(fop string) PlatformState {
	s := PlatformState{FOP: fop, State: string(StateInactive), Mode: f.BoardMode()}
	if f == nil {
		return s
	}
	s.State = cmp.Or(f.State, string(StateInactive))
	s.LiftType = f.LiftType
	s.Session = f.SessionName
	switch FOPState(s.State) {
	case StateBreak, StateInactive:
		s.Detail = cmp.Or(string(f.CeremonyUnderWay()), f.BreakType)
	case StateDecisionsVisible:
		s.Detail = verdict(f.Decision.Overall)
	}
	switch {
	case f.RecordKind == "new" && FOPState(s.State) == StateDecisionsVisible:
		s.Record = RecordNew
	case f.RecordKind == "attempt":
		s.Record = RecordAttempt
	}
	// The jury's decision shows until lifting resumes, past END_DELIBERATION, on the lift it
	// reviewed (OWLCMS has called the next lifter by then).
	judged := f.OnStage()
	if j := f.Jury; j.Decided() && FOPState(s.State) == StateDecisionsVisible {
		s.Jury, s.Detail = string(j.Verdict), string(j.Verdict)
		if j.Details.RecordKind == "new" {
			s.Record = RecordNew
		} else if s.Record == RecordNew {
			s.Record = "" // denied, or no record at stake
		}
		if j.Judged != nil && f.Judged == nil {
			judged = *j.Judged
		}
	}
	if !s.Mode.IsBreak() {
		s.Athlete = judged.Attempt.FullName // the judged lifter while the lights show
	}
	return s
}

func verdict(l Light) string {
	switch l {
	case LightGood:
		return DetailGoodLift
	case LightBad:
		return DetailBadLift
	}
	return DetailUndecided
}

// Word is the state with its qualifiers, dot-separated as OWLCMS's OBS monitor writes them:
// "DECISION_VISIBLE.GOOD_LIFT.NEW_RECORD", "BREAK.MEDALS", "TIME_RUNNING.RECORD_ATTEMPT".
func (s PlatformState) Word() string {
	parts := []string{s.State}
	for _, p := range []string{s.Detail, s.Record} {
		if p != "" {
			parts = append(parts, p)
		}
	}
	return strings.Join(parts, ".")
}

// MonitorTitle is the title OWLCMS's OBS monitor page gives its window, which automation
// rules (Advanced Scene Switcher's window-title condition) match:
// "state=TIME_RUNNING;previous=CURRENT_ATHLETE_DISPLAYED;liftType=Snatch;fop=A", with
// "break=" instead of "state=" while the platform is in a break or inactive.
func (s PlatformState) MonitorTitle(previous PlatformState) string {
	var b strings.Builder
	if st := FOPState(s.State); st == StateBreak || st == StateInactive {
		b.WriteString("break=")
	} else {
		b.WriteString("state=")
	}
	b.WriteString(s.Word())
	b.WriteString(";previous=")
	b.WriteString(previous.Word())
	if s.LiftType != "" {
		b.WriteString(";liftType=")
		b.WriteString(s.LiftType)
	}
	b.WriteString(";fop=")
	b.WriteString(s.FOP)
	return b.String()
}
