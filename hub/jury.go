package hub

import (
	"encoding/json"
	"slices"
	"time"
)

// The jury, as OWLCMS's events tell it (docs/jury.md).
//
// OWLCMS sends the referees' lights with FULL_DECISION and drops them at RESET, 3.5 s later;
// its jury events (START_DELIBERATION, CHALLENGE, JURY_DECISION, END_DELIBERATION,
// END_CHALLENGE) carry no lights and no athlete. A jury board and the attempt board need
// both for as long as the jury reviews the lift, so the hub keeps them: the attempt last
// judged with its lights, the deliberation under way, and the jury's decision.

// JuryState is what the platform's jury has to go on and what it decided.
type JuryState struct {
	// Judged is the attempt the referees last judged (lifter, attempt, weight), nil before
	// the first decision of the session; Lights are their decision, kept after the RESET.
	Judged        *Stage
	Lights        [3]Light
	SingleReferee bool
	JudgedAt      time.Time

	// Deliberating: the jury is reviewing the lift (START_DELIBERATION, or CHALLENGE for a
	// coach's challenge, or a JURY or CHALLENGE break), until OWLCMS says it is over
	// (END_DELIBERATION, END_CHALLENGE), the competition resumes, or the next lift starts.
	Deliberating bool
	Challenge    bool
	Since        time.Time // when the deliberation began

	// Verdict is the jury's decision on the judged attempt ("" until it decides), Reversal
	// whether it overturns the referees'.
	Verdict   JuryVerdict
	Reversal  bool
	DecidedAt time.Time
	Details   JuryDetails
}

// Decided reports whether the jury has decided on the judged attempt.
func (j JuryState) Decided() bool { return j.Verdict == JuryGoodLift || j.Verdict == JuryBadLift }

// juryAfter is the jury state of f, merged from old and a message of type t carrying in.
func juryAfter(old, f *FOP, t MessageType, in map[string]json.RawMessage, now time.Time) JuryState {
	var j JuryState
	if old != nil {
		j = old.Jury
	}
	if f.Hidden || (t == MessageUpdate && RawText(in["uiEvent"]) == UIEventSwitchGroup) {
		return JuryState{} // a new session, or none: nothing judged in it yet
	}
	var event DecisionEvent
	if t == MessageDecision {
		event = DecisionEvent(RawText(in["decisionEventType"]))
	}
	d := f.Decision
	switch event {
	case DecisionFull:
		if !d.Visible || !slices.ContainsFunc(d.Lights[:], func(l Light) bool { return l != LightNone }) {
			break
		}
		st := f.OnStage() // the attempt frozen when the lights came
		j = JuryState{Judged: &st, Lights: d.Lights, SingleReferee: d.SingleReferee, JudgedAt: now}
	case DecisionDownSignal:
		j.Deliberating = false // the next lift is on the platform
	case DecisionStartDeliberation, DecisionChallenge:
		challenge := event == DecisionChallenge
		if !j.Deliberating || j.Challenge != challenge {
			j.Since = now
		}
		j.Deliberating, j.Challenge = true, challenge
		j.Verdict, j.Reversal, j.DecidedAt, j.Details = "", false, time.Time{}, JuryDetails{}
	case DecisionJury:
		if v := JuryVerdict(d.JuryDecision); v == JuryGoodLift || v == JuryBadLift {
			j.Verdict, j.Reversal, j.DecidedAt, j.Details = v, d.JuryReversal, now, d.Jury
		}
	case DecisionEndDeliberation, DecisionEndChallenge:
		j.Deliberating = false
	}
	switch {
	case j.Deliberating && resumed(f, t, in):
		j.Deliberating = false
	case !j.Deliberating && !j.Decided() && t == MessageUpdate && juryBreak(f):
		// A deliberation the tracker knows only from OWLCMS's break (it came in during one,
		// or the jury event was lost).
		j.Deliberating, j.Challenge, j.Since = true, BreakType(f.BreakType) == BreakChallenge, now
	}
	return j
}

// juryBreak reports whether the platform is in a jury deliberation or challenge break.
func juryBreak(f *FOP) bool {
	bt := BreakType(f.BreakType)
	return FOPState(f.State) == StateBreak && (bt == BreakJury || bt == BreakChallenge)
}

// resumed reports whether a message says the competition went on after a deliberation: the
// athlete clock started, or an update shows the platform lifting again, in another break or
// done. OWLCMS shows the jury's decision (DECISION_VISIBLE) before it resumes lifting.
func resumed(f *FOP, t MessageType, in map[string]json.RawMessage) bool {
	switch t {
	case MessageTimer:
		return TimerEvent(RawText(in["athleteTimerEventType"])) == TimerStart
	case MessageUpdate:
		switch FOPState(f.State) {
		case StateBreak:
			return !juryBreak(f)
		case StateDecisionsVisible, "":
			return false
		}
		return true
	}
	return false
}
