package hub

import (
	"encoding/json"
	"time"
)

// FOP is the live state of one platform ("field of play"), merged from OWLCMS's update, timer
// and decision messages and decoded into display-ready values. Immutable once published.
type FOP struct {
	Name        string
	DataVersion uint64 // bumped when athletes, order, records, session or current attempt change
	LiveVersion uint64 // bumped when clock, decision, mode or break change
	UpdatedAt   time.Time
	LastMessage MessageType
	LastUIEvent string

	// Session and display settings.
	CompetitionName    string
	SessionName        string
	SessionDescription string
	SessionInfo        string // OWLCMS's second line, e.g. "Session M1 Snatch"
	LiftsDone          string // e.g. "10 attempts done."
	LiftType           string // liftTypeKey: "Snatch" or "Clean_and_Jerk"
	Hidden             bool   // no active session: boards show the waiting screen
	StylesDir          string
	Display            DisplayFlags

	// The current attempt (attempt bar). During breaks OWLCMS puts a message in FullName.
	Current CurrentAttempt
	// Judged is the attempt being judged while its decision shows (nil otherwise): OWLCMS
	// moves Current to the next lifter as the lights come on. Boards read OnStage.
	Judged *Stage
	// Jury is the platform's jury: the attempt last judged with the referees' lights, a
	// deliberation under way, the jury's decision (see jury.go).
	Jury JuryState

	// Athletes of the current session, in OWLCMS's display order, and the orders built from
	// the key lists. Entries point into Athletes.
	Athletes     []*Athlete
	StartOrder   []OrderEntry
	LiftingOrder []OrderEntry
	Leaders      []OrderEntry // top 3 of the current category across sessions, with spacers
	CurrentKey   string
	NextKey      string
	PreviousKey  string

	Records       *Records // record table for the current athlete, nil when none
	RecordKind    string   // "none", "attempt" or "new"
	RecordMessage string

	// Live part.
	State        string // fopState: INACTIVE, BREAK, CURRENT_ATHLETE_DISPLAYED, TIME_RUNNING...
	Mode         string // board mode: WAIT, CURRENT_ATHLETE, LIFT_COUNTDOWN, SESSION_DONE...
	Break        bool
	BreakType    string
	CeremonyType string
	// CeremonyEvent is "ceremonyStarted" or "ceremonyDone": after the latter, CeremonyType
	// names the ceremony that just ended.
	CeremonyEvent string
	Ceremony      CeremonyTarget // whom a medal ceremony is for, as the last update said
	Clock         AthleteClock
	BreakClock    BreakClock
	Decision      Decision
	SessionDone   bool // GroupDone seen and not reopened since

	raw      map[string]json.RawMessage // merged fields as received, for the next merge
	dataHash uint64
	liveHash uint64
}

// DisplayFlags are OWLCMS's column switches for the scoreboards.
type DisplayFlags struct {
	ShowLiftRanks    bool
	ShowTotalRank    bool
	ShowSinclair     bool
	ShowSinclairRank bool
	WideTeamNames    bool
	SinclairMeet     bool
}

// CurrentAttempt is the attempt bar's content.
type CurrentAttempt struct {
	FullName      string // plain text, entities decoded
	TeamName      string
	StartNumber   string
	Category      string
	AttemptHTML   string // OWLCMS sends HTML ("3<sup>rd</sup> att."): render through an allow-list
	AttemptNumber int
	Weight        string
	TimeAllowed   time.Duration
}

// Athlete is one athlete of the current session as boards show it: OWLCMS's displayInfo over
// the athlete DTO, with fallbacks computed when displayInfo is missing.
type Athlete struct {
	Key           string
	FullName      string // "LASTNAME, First"
	FirstName     string
	LastName      string
	TeamName      string
	FlagURL       string
	FlagClass     string // shortTeam / longTeam
	StartNumber   string
	LotNumber     string
	Category      string // display name, e.g. "SM 67"
	CategoryCode  string
	YearOfBirth   string
	Gender        string
	BodyWeight    float64
	Membership    string
	Group         string
	SubCategory   string
	Custom1       string
	Custom2       string
	Snatch        [3]Attempt
	CleanJerk     [3]Attempt
	BestSnatch    string // display strings as OWLCMS formats them ("-", "(105)", "ext.")
	BestCleanJerk string
	Total         string
	SnatchRank    string
	CleanJerkRank string
	TotalRank     string
	Sinclair      string
	SinclairRank  string
	ClassName     string // "current blink", "next" or ""
	// Participations are the categories the athlete is ranked in, with OWLCMS's live ranks in
	// each (a junior also ranked among the seniors has two); nil when OWLCMS sent none.
	Participations []Participation
}

// IsCurrent reports whether OWLCMS marks the athlete as lifting now.
func (a *Athlete) IsCurrent() bool { return hasClass(a.ClassName, "current") }

// IsNext reports whether OWLCMS marks the athlete as lifting next.
func (a *Athlete) IsNext() bool { return hasClass(a.ClassName, "next") }

// AttemptStatus is how a cell of the six attempts is coloured.
type AttemptStatus string

// The attempt statuses OWLCMS sends.
const (
	AttemptEmpty   AttemptStatus = "empty"
	AttemptGood    AttemptStatus = "good"
	AttemptBad     AttemptStatus = "bad"
	AttemptCurrent AttemptStatus = "current" // the requested weight of the athlete lifting now
	AttemptNext    AttemptStatus = "next"
	AttemptRequest AttemptStatus = "request"
)

// Attempt is one cell: Value is the weight (absolute, no parentheses), "" when empty.
type Attempt struct {
	Value  string
	Status AttemptStatus
}

// OrderEntry is one line of the start order, lifting order or leaders: a category spacer or
// an athlete. Athlete is nil for a key OWLCMS listed without sending its data.
type OrderEntry struct {
	Spacer  bool
	Key     string
	Athlete *Athlete
}

// Records is OWLCMS's record table for the current athlete: one column per category, one row
// per record name (federation).
type Records struct {
	Names      []string
	Categories []string
	Columns    []RecordColumn
}

// RecordColumn is one category of the records table.
type RecordColumn struct {
	Category string
	Class    string // recordBox or recordBoxPersonal
	Rows     []RecordRow
}

// RecordRow is the snatch, clean & jerk and total record of one record name; a highlighted
// cell is the record the current request would break.
type RecordRow struct {
	Snatch, CleanJerk, Total                            string
	SnatchHighlight, CleanJerkHighlight, TotalHighlight bool
}

// AthleteClock is the athlete's countdown, anchored to the hub's clock when the value was
// received (OWLCMS's host clock is never trusted).
type AthleteClock struct {
	Event          string        // SetTime, StartTime or StopTime
	Running        bool          // StartTime seen and not stopped
	Remaining      time.Duration // at ReceivedAt
	ReceivedAt     time.Time
	TimeAllowed    time.Duration // 60 s or 120 s
	InitialWarning time.Duration // 90 s on a two-minute clock, 0 when none
	FinalWarning   time.Duration // 30 s
}

// RemainingAt returns the time left at t, never below zero.
func (c AthleteClock) RemainingAt(t time.Time) time.Duration {
	return remainingAt(c.Running, c.Remaining, c.ReceivedAt, t)
}

// BreakClock is the break countdown, anchored like AthleteClock.
type BreakClock struct {
	Event      string // BreakSetTime, BreakStarted, BreakPaused, or "" (break done)
	Running    bool
	Indefinite bool // technical, jury, marshal, challenge, session done: no countdown
	Remaining  time.Duration
	ReceivedAt time.Time
}

// RemainingAt returns the time left at t, never below zero.
func (c BreakClock) RemainingAt(t time.Time) time.Duration {
	return remainingAt(c.Running, c.Remaining, c.ReceivedAt, t)
}

func remainingAt(running bool, rem time.Duration, at, t time.Time) time.Duration {
	if running && !at.IsZero() {
		rem -= t.Sub(at)
	}
	return max(rem, 0)
}

// Light is one referee's decision.
type Light uint8

// The referee light values.
const (
	LightNone Light = iota
	LightGood
	LightBad
)

// CeremonyTarget names what a medal ceremony is for: OWLCMS's session name, category display
// name, age group name and championship name. Empty outside ceremonies, and any part may be
// empty (a session's ceremony has no category).
type CeremonyTarget struct {
	Session      string
	Category     string
	AgeGroup     string
	Championship string
}

// Decision is the referees' (and jury's) latest decision event.
type Decision struct {
	Event         string // FULL_DECISION, DOWN_SIGNAL, RESET, INITIAL_DECISION, JURY_DECISION, START_DELIBERATION...
	Lights        [3]Light
	Visible       bool   // OWLCMS says the lights are for the public; never for an initial decision
	Initial       bool   // an initial decision (Event is DecisionInitial)
	Overall       Light  // OWLCMS's overall result ("decision": "true"/"false"), LightNone when not sent
	TimingPolicy  string // OWLCMS's timing policy for the decision, as sent (newest builds)
	InputKind     string // how the referees' decisions were entered, as sent (newest builds)
	Down          bool
	SingleReferee bool
	ReceivedAt    time.Time // when the last decision message arrived
	// DownAt is when the last down signal arrived: boards hold the arrow for a moment even
	// when the lights or a reset follow at once.
	DownAt       time.Time
	JuryDecision string // GOOD_LIFT / BAD_LIFT, for JURY_DECISION
	JuryReversal bool
	Jury         JuryDetails // set for JURY_DECISION only
}

// JuryDetails are what OWLCMS says with a jury decision, for a jury board.
type JuryDetails struct {
	AthleteFull        string // the athlete's full name
	AthleteAbbreviated string // the short form of the name
	WaitForAnnouncer   bool   // the decision stays up until the announcer has announced it
	ActualLift         string // the lift decided, as OWLCMS names it
	RecordKind         string // "none", "new" or "denied": what the decision did to a record
}
