package demo

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/owlcms/tracker/hub"
)

// Gender is written "F" or "M", as OWLCMS does.
type Gender string

// The genders of the demo.
const (
	Female Gender = "F"
	Male   Gender = "M"
)

// LiftType is the snatch or the clean & jerk.
type LiftType int

// The two lifts, in competition order.
const (
	Snatch LiftType = iota
	CleanJerk
)

// Key is the OWLCMS translation key of the lift, also sent as liftTypeKey.
func (l LiftType) Key() string {
	if l == CleanJerk {
		return string(hub.LiftCleanJerk)
	}
	return string(hub.LiftSnatch)
}

// recordLift is the lift's name in record rows.
func (l LiftType) recordLift() string {
	if l == CleanJerk {
		return "CLEANJERK"
	}
	return "SNATCH"
}

// Attempt is one of an athlete's six attempts. Weights are whole kilograms and 0 means "not
// given", which is how OWLCMS treats an empty cell.
type Attempt struct {
	Declaration int
	Change1     int
	Change2     int
	// Actual is the lifted weight: > 0 a good lift, < 0 a failed lift at -Actual kg, 0 not
	// lifted yet.
	Actual   int
	LiftTime time.Time // wall-clock time of the decision; zero when not lifted
}

// Done reports whether the attempt has been lifted (good or not).
func (a Attempt) Done() bool { return a.Actual != 0 }

// AgeGroup is an age group (championship) and its bodyweight categories.
type AgeGroup struct {
	Code         string // "SR", "JR", "M35"
	Gender       Gender
	MinAge       int
	MaxAge       int
	Division     string // OWLCMS ageDivision and championshipType: "IWF", "MASTERS"
	Championship string // championshipName
	// Gendered means the code already says the gender ("M35"), OWLCMS's alreadyGendered.
	Gendered   bool
	Categories []*Category
}

// Key is OWLCMS's age group key: code, division, gender and age bounds.
func (g *AgeGroup) Key() string {
	return fmt.Sprintf("%s_%s_%s_%d_%d", g.Code, g.Division, g.Gender, g.MinAge, g.MaxAge)
}

// Category is one bodyweight category of an age group.
type Category struct {
	ID       int64 // OWLCMS ids are time-based and above 2^53; the demo's are too
	AgeGroup *AgeGroup
	Gender   Gender
	Min      float64 // exclusive lower bound, kg
	Max      float64 // inclusive upper bound, kg; 999 for the open (+) class
}

func (c *Category) open() bool { return c.Max > 998 }

// Code is the OWLCMS category code: age group code, gender, upper bound, 999 for the open class
// ("SR_M71", "SR_M999").
func (c *Category) Code() string {
	limit := strconv.Itoa(int(c.Max + 0.5))
	if c.open() {
		limit = "999"
	}
	return c.AgeGroup.Code + "_" + string(c.Gender) + limit
}

// UpperBound is the category limit as OWLCMS shows it: "71", or ">110" for the open class.
func (c *Category) UpperBound() string {
	if c.open() {
		return ">" + strconv.Itoa(int(c.Min+0.5))
	}
	return strconv.Itoa(int(c.Max + 0.5))
}

// Name is the display name OWLCMS computes: age group name and limit ("SR 71", "M35 >110").
func (c *Category) Name() string { return c.AgeGroup.Code + " " + c.UpperBound() }

// Athlete is one registered lifter with the six attempts.
type Athlete struct {
	Key        int32 // OWLCMS athlete key: a signed 32-bit value, may be negative
	LastName   string
	FirstName  string
	Gender     Gender
	BirthDate  time.Time
	BodyWeight float64
	Team       string
	Membership string
	// Category is the main category: start order, spacers and displayInfo ranks use it.
	Category *Category
	// Participations are every category the athlete is ranked in, main category first (a junior
	// also ranks in the senior category of the same weight).
	Participations []*Category
	Session        *Session
	StartNumber    int
	LotNumber      int
	EntryTotal     int
	Attempts       [6]Attempt // snatch 1-3, then clean & jerk 1-3
}

// FullName is OWLCMS's "LASTNAME, First".
func (a *Athlete) FullName() string { return strings.ToUpper(a.LastName) + ", " + a.FirstName }

// AttemptsDone counts the lifted attempts (0..6).
func (a *Athlete) AttemptsDone() int {
	n := 0
	for _, at := range a.Attempts {
		if at.Done() {
			n++
		}
	}
	return n
}

// CurrentLift is the lift the athlete is in: the clean & jerk once the three snatches are done.
func (a *Athlete) CurrentLift() LiftType {
	if a.AttemptsDone() >= 3 {
		return CleanJerk
	}
	return Snatch
}

// AutomaticProgression is the weight OWLCMS proposes for attempt i (0..5) from the previous
// attempt of the same lift: +1 kg after a good lift, the same weight after a miss, 0 when the
// previous attempt is not lifted yet. First attempts have none.
func (a *Athlete) AutomaticProgression(i int) int {
	if i%3 == 0 {
		return 0
	}
	prev := a.Attempts[i-1].Actual
	if prev > 0 {
		return prev + 1
	}
	return -prev
}

// Requested is the weight requested for attempt i (0..5): change 2, else change 1, else the
// declaration, else the automatic progression. 0 means nothing is requested.
func (a *Athlete) Requested(i int) int {
	at := a.Attempts[i]
	switch {
	case at.Change2 != 0:
		return at.Change2
	case at.Change1 != 0:
		return at.Change1
	case at.Declaration != 0:
		return at.Declaration
	}
	return a.AutomaticProgression(i)
}

// NextRequestedWeight is the weight of the athlete's next attempt, 0 when all six are done.
func (a *Athlete) NextRequestedWeight() int {
	done := a.AttemptsDone()
	if done >= 6 {
		return 0
	}
	return a.Requested(done)
}

// Best is the best good lift of a lift type, 0 when none.
func (a *Athlete) Best(l LiftType) int {
	best := 0
	for _, at := range a.Attempts[3*l : 3*l+3] {
		best = max(best, at.Actual)
	}
	return best
}

// bestTime is when the best lift of a lift type was made (zero when none): IWF ranks ties by
// who made the weight first.
func (a *Athlete) bestTime(l LiftType) time.Time {
	best := a.Best(l)
	for _, at := range a.Attempts[3*l : 3*l+3] {
		if best > 0 && at.Actual == best {
			return at.LiftTime
		}
	}
	return time.Time{}
}

// Total is best snatch + best clean & jerk, 0 unless both have a good lift.
func (a *Athlete) Total() int {
	s, cj := a.Best(Snatch), a.Best(CleanJerk)
	if s <= 0 || cj <= 0 {
		return 0
	}
	return s + cj
}

// lastLiftTime is when the athlete last lifted (zero when never).
func (a *Athlete) lastLiftTime() time.Time {
	var last time.Time
	for _, at := range a.Attempts {
		if at.LiftTime.After(last) {
			last = at.LiftTime
		}
	}
	return last
}

// Declare records a weight for attempt i the way the marshal's sheet fills up: the declaration
// first, then change 1, then change 2. The weight may not go below the automatic progression.
func (a *Athlete) Declare(i, weight int) error {
	if i < 0 || i >= 6 {
		return fmt.Errorf("attempt %d out of range", i+1)
	}
	at := &a.Attempts[i]
	if at.Done() {
		return fmt.Errorf("%s: attempt %d already lifted", a.FullName(), i+1)
	}
	if auto := a.AutomaticProgression(i); weight < auto {
		return fmt.Errorf("%s: %d kg is below the automatic progression %d kg", a.FullName(), weight, auto)
	}
	switch {
	case at.Declaration == 0:
		at.Declaration = weight
	case at.Change1 == 0:
		at.Change1 = weight
	case at.Change2 == 0:
		at.Change2 = weight
	default:
		return fmt.Errorf("%s: attempt %d has no change left", a.FullName(), i+1)
	}
	return nil
}

// RecordLift records the decision on the athlete's next attempt at its requested weight.
func (a *Athlete) RecordLift(good bool, at time.Time) error {
	i := a.AttemptsDone()
	if i >= 6 {
		return fmt.Errorf("%s has no attempt left", a.FullName())
	}
	w := a.Requested(i)
	if w <= 0 {
		return fmt.Errorf("%s: no weight requested for attempt %d", a.FullName(), i+1)
	}
	if !good {
		w = -w
	}
	a.Attempts[i].Actual = w
	a.Attempts[i].LiftTime = at
	return nil
}

// Session is one session (OWLCMS "group") on a platform.
type Session struct {
	Name        string
	Description string
	Platform    string
	WeighIn     time.Time
	Start       time.Time // competitionTime
	FirstSnatch time.Time // zero until lifting started
	FirstCJ     time.Time
	Done        bool
	Officials   map[string]string // V2 role key ("referee1", "announcer") → name
	Athletes    []*Athlete
}

// Plates is a platform's plate inventory, as the V2 export lists it (counts per side).
type Plates struct {
	Large   map[string]int // "25", "20", "15", "10", "5", "2_5" → nbL_*
	Small   map[string]int // "5", "2_5", "2", "1_5", "1", "0_5" → nbS_*
	Collars int            // nbC_2_5
	Bars    map[string]int // "20", "15", "10", "5" → nbB_*
}

// Platform is a platform with its plates and its live state.
type Platform struct {
	ID     int64
	Name   string
	Plates Plates

	Session   *Session // the session selected by the announcer; nil when none
	State     hub.FOPState
	BreakType string // when State is BREAK: FIRST_SNATCH, FIRST_CJ, GROUP_DONE...
	UIEvent   string // the OWLCMS event that produced the current update
	// ClockMillis is what the athlete clock shows; the demo always has it set, not running.
	ClockMillis int
	// The last timer messages' events, which OWLCMS copies into every update: the athlete
	// clock's ("" is SetTime, as in the fixed demo) and the break clock's ("" is BreakPaused),
	// with the break time left at Now. The simulator keeps them current.
	ClockEvent      string
	BreakClockEvent string
	BreakMillis     int
}

// Record is one record row of the V2 export.
type Record struct {
	ID          int64
	Name        string // recordName, e.g. the federation's record list
	Federation  string
	Lift        string // SNATCH, CLEANJERK or TOTAL
	Value       int
	AgeGroup    string // age group code
	AgeLower    int
	AgeUpper    int
	Gender      Gender
	BwLower     float64
	BwUpper     float64
	Holder      string
	HolderBW    float64
	Nation      string
	Year        int
	FileName    string
	BwCatString string
	// Session and Event are set on a record broken during the meet: the session it was lifted
	// in and the competition's name, as OWLCMS writes them.
	Session, Event string
}

// Competition is the whole meet: definitions, people, results and the platforms' live state.
type Competition struct {
	// The names on OWLCMS's competition screen.
	Name, City, Site, Organizer, Federation string

	Date   time.Time
	Locale string    // OWLCMS default locale: the language of payload texts
	Now    time.Time // the demo's fixed "now" (wall clock, no zone)

	AgeGroups []*AgeGroup
	Teams     []string
	Platforms []*Platform
	Sessions  []*Session
	Athletes  []*Athlete
	Records   []Record
	// RecordOrder is the V2 recordConfig.recordOrder: the record names shown, in order.
	RecordOrder []string
}

// Platform returns the named platform, or nil.
func (c *Competition) Platform(name string) *Platform {
	for _, p := range c.Platforms {
		if p.Name == name {
			return p
		}
	}
	return nil
}

// Session returns the named session, or nil.
func (c *Competition) Session(name string) *Session {
	for _, s := range c.Sessions {
		if s.Name == name {
			return s
		}
	}
	return nil
}
