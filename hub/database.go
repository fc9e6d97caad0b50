package hub

import (
	"strconv"
	"strings"
	"time"
)

// Database is OWLCMS's V2 competition export ("formatVersion": "2.0"), decoded leniently and
// indexed. It is immutable once published.
type Database struct {
	Checksum      string    // OWLCMS's databaseChecksum when known, else ""
	LoadedAt      time.Time // when this hub loaded it
	raw           []byte    // the JSON it was decoded from, for Checkpoint; never mutated
	FormatVersion string
	ExportDate    DateTime

	Competition        Competition
	Config             Config
	AgeGroups          []AgeGroup
	Categories         []Category // every category of every age group, flattened
	Teams              []Team
	Sessions           []Session
	Platforms          []Platform
	Athletes           []DBAthlete
	Records            []Record
	RecordConfig       RecordConfig
	TechnicalOfficials []TechnicalOfficial

	teamNames   map[int64]string
	teamCodes   map[string]string // lower-cased team name → code, for teams that have one
	athleteKeys map[string]int    // athlete key → index in Athletes
	categories  map[string]int    // category code → index in Categories
}

// Competition holds the competition-wide settings boards and scoring need.
type Competition struct {
	Name                string
	City                string
	Site                string
	Organizer           string
	Federation          string
	Date                Date
	EndDate             Date
	LocalizedDate       string
	ScoringSystem       string
	ScoringSystemName   string
	SinclairYear        int
	SnatchCJTotalMedals bool
	Masters             bool
	MensTeamSize        int
	WomensTeamSize      int
	MaxTeamSize         int
	TeamPoints1st       int
	TeamPoints2nd       int
	TeamPoints3rd       int
	DisplayScores       bool
	DisplayScoreRanks   bool
	CustomScore         bool
	UseBirthYear        bool
}

// Config is the part of OWLCMS's configuration that is safe and useful to keep. Secrets
// (pins, salts, update keys) and URLs are never decoded.
type Config struct {
	DefaultLocale        string
	StylesDirectory      string
	VideoStylesDirectory string
}

// AgeGroup is an age group (e.g. "SR" senior) and its categories.
type AgeGroup struct {
	Key              string
	Code             string
	Name             string // championship name
	ChampionshipType string
	Gender           string
	MinAge, MaxAge   int
	Active           bool
}

// Category is one bodyweight category. Code is computed as OWLCMS does for V2 exports, which
// carry no code: "<ageGroup.code>_<gender><maxWeight>", 999 for the open (+) class.
type Category struct {
	ID            int64
	Code          string
	Name          string // display name, e.g. "SR 71" or "SM >109"
	Gender        string
	MinimumWeight float64
	MaximumWeight float64
	AgeGroupKey   string
	AgeGroupCode  string
	AgeGroupName  string
	Active        bool
}

// Team is a club or nation. OWLCMS's ids are Java String.hashCode() values of the name.
type Team struct {
	ID   int64
	Name string
	Code string // the team's short code as registered ("TPE"), "" when none: a flag may be named after it
}

// Session is one session (group) of the competition, with its officials.
type Session struct {
	Name            string
	Description     string
	PlatformName    string
	WeighInTime     DateTime
	CompetitionTime DateTime
	FirstSnatchTime DateTime
	FirstCJTime     DateTime
	Done            bool
	Officials       map[string]string // role key as in the export ("referee1", "jury1", "announcer") → name
}

// Platform is a platform with its plate inventory (for the barbell display).
type Platform struct {
	ID                      int64
	Name                    string
	Plates                  map[string]int // "nbL_25", "nbS_0_5", "nbC_2_5", "nbB_20"... → count
	NonStandardBarWeight    int
	NonStandardBarAvailable bool
	ShowDecisionLights      bool
	ShowTimer               bool
}

// DBAthlete is an athlete as the database export describes it (raw values, no display
// formatting: the live update's displayInfo is what boards show for the current session).
type DBAthlete struct {
	Key                string
	LastName           string
	FirstName          string
	BirthDate          Date
	Gender             string
	BodyWeight         float64
	PresumedBodyWeight float64
	CategoryCode       string
	TeamID             int64
	TeamName           string
	Membership         string
	StartNumber        int
	LotNumber          int
	EntryTotal         int
	SessionName        string
	SubCategory        string
	Custom1, Custom2   string
	FederationCodes    string // the federations whose records the athlete may break ("NVF, IWF"); "" any
	Snatch             [3]Lift
	CleanJerk          [3]Lift
	Participations     []Participation
}

// Lift is one attempt's declarations and outcome. ActualLift > 0 is a good lift, < 0 a miss,
// 0 not attempted.
type Lift struct {
	Declaration          int
	Change1              int
	Change2              int
	AutomaticProgression int
	ActualLift           int
	LiftTime             DateTime
}

// Requested returns the weight the athlete asked for: change 2, else change 1, else the
// declaration, else the automatic progression.
func (l Lift) Requested() int {
	for _, w := range []int{l.Change2, l.Change1, l.Declaration, l.AutomaticProgression} {
		if w > 0 {
			return w
		}
	}
	return 0
}

// Participation is an athlete's registration in one category (several with multiple age groups).
type Participation struct {
	CategoryCode     string
	SnatchRank       int
	CleanJerkRank    int
	TotalRank        int
	TeamMember       bool
	ChampionshipType string
}

// Record is one record of the record tables. Session is set when OWLCMS created the record
// from a lift (the session it was lifted in), and Event names that lift's competition: OWLCMS
// keeps such records until they are cleared, so a record set at an earlier meet run with the
// same database has a session too (see SetAt).
type Record struct {
	Name        string
	Federation  string
	Lift        string // SNATCH, CLEANJERK or TOTAL
	Value       float64
	AgeGroup    string
	AgeLower    int
	AgeUpper    int
	BWLower     float64
	BWUpper     float64
	BWCategory  string
	Gender      string
	AthleteName string
	Nation      string
	Year        int
	Session     string
	Event       string
}

// SetAt reports whether the record was set during the competition called competition: a
// record OWLCMS created from a lift (it names the session), at this competition (the event it
// names, when it names one).
func (r Record) SetAt(competition string) bool {
	return r.Session != "" && (r.Event == "" || strings.EqualFold(strings.TrimSpace(r.Event), strings.TrimSpace(competition)))
}

// RecordConfig says which record sets to show, in which order.
type RecordConfig struct {
	RecordOrder            []string
	ShowAllCategoryRecords bool
	ShowAllFederations     bool
}

// TechnicalOfficial is an official of the competition.
type TechnicalOfficial struct {
	FirstName string
	LastName  string
	Role      string
	Team      string
}

// Athlete returns the database athlete with this key.
func (d *Database) Athlete(key string) (*DBAthlete, bool) {
	i, ok := d.athleteKeys[key]
	if !ok {
		return nil, false
	}
	return &d.Athletes[i], true
}

// TeamName returns the name of a team id, or "".
func (d *Database) TeamName(id int64) string { return d.teamNames[id] }

// TeamCode returns the code registered for the team of this name (case-insensitive), "" when
// none.
func (d *Database) TeamCode(name string) string { return d.teamCodes[strings.ToLower(name)] }

// Category returns the category with this code.
func (d *Database) Category(code string) (*Category, bool) {
	i, ok := d.categories[code]
	if !ok {
		return nil, false
	}
	return &d.Categories[i], true
}

// Platform returns the platform with this name.
func (d *Database) Platform(name string) (*Platform, bool) {
	for i := range d.Platforms {
		if d.Platforms[i].Name == name {
			return &d.Platforms[i], true
		}
	}
	return nil, false
}

// SessionsOn lists the sessions held on a platform, in database order.
func (d *Database) SessionsOn(platform string) []Session {
	var out []Session
	for _, s := range d.Sessions {
		if s.PlatformName == platform {
			out = append(out, s)
		}
	}
	return out
}

// categoryCode computes OWLCMS's category code for V2 exports.
func categoryCode(ageGroupCode, gender string, maxWeight float64) string {
	w := "999"
	if maxWeight <= 130 {
		w = strconv.Itoa(int(maxWeight + 0.5))
	}
	if ageGroupCode == "" {
		return gender + w
	}
	return ageGroupCode + "_" + gender + w
}

// FullName renders "LASTNAME, First" as OWLCMS's boards do.
func (a *DBAthlete) FullName() string {
	last := strings.ToUpper(strings.TrimSpace(a.LastName))
	first := strings.TrimSpace(a.FirstName)
	switch {
	case last == "":
		return first
	case first == "":
		return last
	}
	return last + ", " + first
}
