package hub

// OWLCMS's words, as it sends them: every comparison with a mode, state, break, ceremony,
// lift, decision or timer event goes through these constants, never through a raw string.
// The FOP keeps the received text in plain string fields (an unknown word from a newer OWLCMS
// is kept, not refused); compare with, e.g., BreakType(f.BreakType) == BreakFirstSnatch.

// Mode is what a board shows for a platform (OWLCMS's board mode).
type Mode string

// The board modes.
const (
	ModeWait                  Mode = "WAIT"                    // no session: competition name, waiting for the next one
	ModeIntroCountdown        Mode = "INTRO_COUNTDOWN"         // countdown to the introduction of athletes
	ModeLiftCountdown         Mode = "LIFT_COUNTDOWN"          // countdown to the first snatch or first clean & jerk
	ModeLiftCountdownCeremony Mode = "LIFT_COUNTDOWN_CEREMONY" // that countdown runs during a ceremony
	ModeCeremony              Mode = "CEREMONY"                // introduction of athletes or officials, medals
	ModeInterruption          Mode = "INTERRUPTION"            // technical, marshal, jury or challenge: no countdown
	ModeSessionDone           Mode = "SESSION_DONE"            // the session's results
	ModeCurrentAthlete        Mode = "CURRENT_ATHLETE"         // lifting
)

var knownModes = map[Mode]bool{
	ModeWait: true, ModeIntroCountdown: true, ModeLiftCountdown: true, ModeLiftCountdownCeremony: true,
	ModeCeremony: true, ModeInterruption: true, ModeSessionDone: true, ModeCurrentAthlete: true,
}

// IsBreak reports whether the attempt bar shows a message instead of a lifter.
func (m Mode) IsBreak() bool { return m != ModeCurrentAthlete && m != ModeWait }

// HasCountdown reports whether the mode shows the break clock.
func (m Mode) HasCountdown() bool {
	return m == ModeIntroCountdown || m == ModeLiftCountdown || m == ModeLiftCountdownCeremony
}

// FOPState is OWLCMS's field-of-play state (fopState).
type FOPState string

// The field-of-play states.
const (
	StateInactive         FOPState = "INACTIVE"
	StateBreak            FOPState = "BREAK"
	StateCurrentAthlete   FOPState = "CURRENT_ATHLETE_DISPLAYED"
	StateTimeRunning      FOPState = "TIME_RUNNING"
	StateTimeStopped      FOPState = "TIME_STOPPED"
	StateDownSignal       FOPState = "DOWN_SIGNAL_VISIBLE"
	StateDecisionsVisible FOPState = "DECISION_VISIBLE"
)

// BreakType is the kind of break under way (breakType).
type BreakType string

// The break types. The first three count down; the others last until the announcer ends them.
const (
	BreakBeforeIntroduction BreakType = "BEFORE_INTRODUCTION"
	BreakFirstSnatch        BreakType = "FIRST_SNATCH"
	BreakFirstCJ            BreakType = "FIRST_CJ"
	BreakTechnical          BreakType = "TECHNICAL"
	BreakMarshal            BreakType = "MARSHAL"
	BreakJury               BreakType = "JURY"
	BreakChallenge          BreakType = "CHALLENGE"
	BreakGroupDone          BreakType = "GROUP_DONE"
	BreakCeremony           BreakType = "CEREMONY"
)

// CeremonyType is the ceremony under way (ceremonyType).
type CeremonyType string

// The ceremonies.
const (
	CeremonyIntroduction          CeremonyType = "INTRODUCTION"
	CeremonyMedals                CeremonyType = "MEDALS"
	CeremonyOfficialsIntroduction CeremonyType = "OFFICIALS_INTRODUCTION"
)

// The ceremony events (CeremonyEvent): after CeremonyDone, ceremonyType still names the
// ceremony that just ended.
const (
	CeremonyStarted = "ceremonyStarted"
	CeremonyDone    = "ceremonyDone"
)

// LiftType is the lift of the current attempt (liftTypeKey), also a translation key.
type LiftType string

// The lifts.
const (
	LiftSnatch    LiftType = "Snatch"
	LiftCleanJerk LiftType = "Clean_and_Jerk"
)

// DecisionEvent is the event of a decision message (decisionEventType).
type DecisionEvent string

// The decision events.
const (
	DecisionDownSignal        DecisionEvent = "DOWN_SIGNAL"
	DecisionFull              DecisionEvent = "FULL_DECISION"
	DecisionReset             DecisionEvent = "RESET"
	DecisionStartDeliberation DecisionEvent = "START_DELIBERATION"
	DecisionEndDeliberation   DecisionEvent = "END_DELIBERATION"
	DecisionChallenge         DecisionEvent = "CHALLENGE"
	DecisionEndChallenge      DecisionEvent = "END_CHALLENGE"
	DecisionInitial           DecisionEvent = "INITIAL_DECISION"
	DecisionJury              DecisionEvent = "JURY_DECISION"
)

// JuryVerdict is the jury's decision (Decision.JuryDecision of a JuryDecision event).
type JuryVerdict string

// The jury's verdicts.
const (
	JuryGoodLift JuryVerdict = "GOOD_LIFT"
	JuryBadLift  JuryVerdict = "BAD_LIFT"
)

// TimerEvent is the event of a timer message (athleteTimerEventType, breakTimerEventType).
type TimerEvent string

// The timer events: the athlete's clock, then the break clock.
const (
	TimerStart        TimerEvent = "StartTime"
	TimerStop         TimerEvent = "StopTime"
	TimerSet          TimerEvent = "SetTime"
	TimerBreakStarted TimerEvent = "BreakStarted"
	TimerBreakPaused  TimerEvent = "BreakPaused"
	TimerBreakDone    TimerEvent = "BreakDone"
)

// The UI events (uiEvent): the hub acts on a new session selected and a session finished;
// the others are what the simulator sends.
const (
	UIEventSwitchGroup         = "SwitchGroup"
	UIEventGroupDone           = "GroupDone"
	UIEventBreakStarted        = "BreakStarted"
	UIEventStartLifting        = "StartLifting"
	UIEventLiftingOrderUpdated = "LiftingOrderUpdated"
)
