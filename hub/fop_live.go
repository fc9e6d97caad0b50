package hub

import (
	"encoding/json"
	"strings"
	"time"
)

// decodeLive fills the fast part of a platform: mode, break, clocks and decision. Clocks are
// re-anchored to now whenever the message carries their values; otherwise the previous anchor
// is kept, so the countdown continues where it was.
func (f *FOP) decodeLive(old *FOP, t MessageType, raw, in map[string]json.RawMessage, now time.Time) {
	f.State = RawText(raw["fopState"])
	f.Mode = RawText(raw["mode"])
	f.Break = parseBool(RawText(raw["break"]))
	f.BreakType = RawText(raw["breakType"])
	f.CeremonyType = RawText(raw["ceremonyType"])
	f.CeremonyEvent = RawText(raw["ceremonyEventType"])
	f.Ceremony = CeremonyTarget{
		Session: PlainText(RawText(raw["ceremonySession"])), Category: PlainText(RawText(raw["ceremonyCategory"])),
		AgeGroup: PlainText(RawText(raw["ceremonyAgeGroup"])), Championship: PlainText(RawText(raw["ceremonyChampionship"])),
	}

	var prev FOP
	if old != nil {
		prev = *old
	}
	f.Clock = decodeAthleteClock(prev.Clock, raw, in, now)
	f.BreakClock = decodeBreakClock(prev.BreakClock, raw, in, now)
	f.Decision = decodeDecision(prev.Decision, t == MessageDecision, raw, in, now)
}

func millis(raw json.RawMessage) (time.Duration, bool) {
	v, ok := parseInt(RawText(raw))
	return time.Duration(v) * time.Millisecond, ok
}

// decodeAthleteClock: StartTime counts down from athleteMillisRemaining from the moment we
// received it; StopTime freezes it; SetTime shows it without running.
func decodeAthleteClock(prev AthleteClock, raw, in map[string]json.RawMessage, now time.Time) AthleteClock {
	c := prev
	c.Event = RawText(raw["athleteTimerEventType"])
	c.Running = TimerEvent(c.Event) == TimerStart
	if allowed, ok := millis(raw["timeAllowed"]); ok && allowed > 0 {
		c.TimeAllowed = allowed
	}
	if w, ok := millis(raw["athleteInitialWarningMillis"]); ok {
		c.InitialWarning = max(w, 0)
	}
	if w, ok := millis(raw["athleteFinalWarningMillis"]); ok {
		c.FinalWarning = max(w, 0)
	}
	_, newEvent := in["athleteTimerEventType"]
	rem, hasRem := millis(in["athleteMillisRemaining"])
	switch {
	case hasRem:
		c.Remaining, c.ReceivedAt = rem, now
	case newEvent:
		// An event without a value (e.g. a StopTime from an older build): freeze or restart
		// from where the clock is now.
		c.Remaining, c.ReceivedAt = prev.RemainingAt(now), now
	}
	return c
}

// decodeBreakClock: only BreakStarted carries the remaining time; BreakPaused and BreakSetTime
// carry none, so a pause freezes the clock where it is; "" (break done) stops it.
func decodeBreakClock(prev BreakClock, raw, in map[string]json.RawMessage, now time.Time) BreakClock {
	c := prev
	c.Event = RawText(raw["breakTimerEventType"])
	c.Indefinite = parseBool(RawText(raw["indefiniteBreak"])) || parseBool(RawText(raw["breakIsIndefinite"]))
	c.Running = TimerEvent(c.Event) == TimerBreakStarted && !c.Indefinite
	_, newEvent := in["breakTimerEventType"]
	rem, hasRem := millis(in["breakMillisRemaining"])
	switch {
	case hasRem && RawText(in["breakMillisRemaining"]) != "":
		c.Remaining, c.ReceivedAt = rem, now
	case newEvent:
		c.Remaining, c.ReceivedAt = prev.RemainingAt(now), now
	}
	return c
}

// decodeDecision reads d1..d3 ("true" good, "false" bad, absent none; real booleans too).
// fresh says the message is a decision message: only those date the decision and the down
// signal (updates carry at most a copy of an earlier one).
func decodeDecision(prev Decision, fresh bool, raw, in map[string]json.RawMessage, now time.Time) Decision {
	d := Decision{
		Event:         RawText(raw["decisionEventType"]),
		Visible:       parseBool(RawText(raw["decisionsVisible"])),
		Down:          parseBool(RawText(raw["down"])),
		SingleReferee: parseBool(RawText(raw["singleReferee"])) || parseBool(RawText(raw["singleLight"])),
		JuryDecision:  RawText(raw["juryDecision"]),
		JuryReversal:  parseBool(RawText(raw["juryReversal"])),
		ReceivedAt:    prev.ReceivedAt,
		DownAt:        prev.DownAt,
	}
	for i, k := range []string{"d1", "d2", "d3"} {
		d.Lights[i] = lightOf(raw[k])
	}
	d.Overall = lightOf(raw["decision"])
	d.TimingPolicy = RawText(raw["timingPolicy"])
	d.InputKind = RawText(raw["inputKind"])
	if isInitialDecision(d.Event) {
		d.Event, d.Initial = string(DecisionInitial), true // all OWLCMS spellings become one
	}
	switch {
	case d.Initial:
		d.Visible = false // partial lights are for the jury and the referees, never the public
	case DecisionEvent(d.Event) == DecisionFull:
		d.Visible = true
	}
	if d.Event == "JURY_DECISION" {
		d.Jury = JuryDetails{
			AthleteFull: PlainText(RawText(raw["athleteFull"])), AthleteAbbreviated: PlainText(RawText(raw["athleteAbbreviated"])),
			WaitForAnnouncer: parseBool(RawText(raw["waitForAnnouncer"])), ActualLift: RawText(raw["actualLift"]),
			// recordKind is also the updates' field for the current attempt: only the jury
			// message's own value is the jury's.
			RecordKind: prev.Jury.RecordKind,
		}
		if fresh {
			d.Jury.RecordKind = RawText(in["recordKind"])
		}
	}
	if !fresh {
		return d
	}
	for _, k := range decisionFields {
		if _, ok := in[k]; ok {
			d.ReceivedAt = now
			break
		}
	}
	if DecisionEvent(RawText(in["decisionEventType"])) == DecisionDownSignal || (d.Down && !prev.Down) {
		d.DownAt = now
	}
	return d
}

// lightOf reads a referee light or an overall decision: "true" good, "false" bad (real
// booleans too), anything else none.
func lightOf(raw json.RawMessage) Light {
	switch RawText(raw) {
	case "true":
		return LightGood
	case "false":
		return LightBad
	}
	return LightNone
}

// isInitialDecision recognises every spelling of the initial decision event OWLCMS builds
// have sent: "iniitialDecision", "INIITIAL_DECISION", "INITIAL_DECISION", "InitialDecision".
func isInitialDecision(event string) bool {
	e := strings.ToLower(strings.ReplaceAll(event, "_", ""))
	return e == "initialdecision" || e == "iniitialdecision"
}
