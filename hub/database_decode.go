package hub

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
)

// The wire shapes of the V2 export. Every scalar uses the lenient types, so a string where a
// number is expected (or the reverse) never fails the whole database.

type wireDatabase struct {
	FormatVersion      Str                `json:"formatVersion"`
	ExportDate         DateTime           `json:"exportDate"`
	Competition        *wireCompetition   `json:"competition"`
	Config             *wireConfig        `json:"config"`
	AgeGroups          []wireAgeGroup     `json:"ageGroups"`
	Teams              []wireTeam         `json:"teams"`
	RawSessions        []json.RawMessage  `json:"sessions"`
	Athletes           *[]wireAthlete     `json:"athletes"` // pointer: absent ≠ empty
	Platforms          []map[string]Str   `json:"platforms"`
	Records            []wireRecord       `json:"records"`
	RecordConfig       *wireRecordConfig  `json:"recordConfig"`
	TechnicalOfficials []wireTechOfficial `json:"technicalOfficials"`
	Checksum           Str                `json:"databaseChecksum"`
}

type wireCompetition struct {
	Name                Str  `json:"competitionName"`
	City                Str  `json:"competitionCity"`
	Site                Str  `json:"competitionSite"`
	Organizer           Str  `json:"competitionOrganizer"`
	Federation          Str  `json:"federation"`
	Date                Date `json:"competitionDate"`
	EndDate             Date `json:"competitionEndDate"`
	LocalizedDate       Str  `json:"localizedCompetitionDate"`
	ScoringSystem       Str  `json:"scoringSystem"`
	ScoringSystemName   Str  `json:"translatedScoringSystemName"`
	SinclairYear        Int  `json:"sinclairYear"`
	SnatchCJTotalMedals Bool `json:"snatchCJTotalMedals"`
	Masters             Bool `json:"masters"`
	MensTeamSize        Int  `json:"mensTeamSize"`
	WomensTeamSize      Int  `json:"womensTeamSize"`
	MaxTeamSize         Int  `json:"maxTeamSize"`
	TeamPoints1st       Int  `json:"teamPoints1st"`
	TeamPoints2nd       Int  `json:"teamPoints2nd"`
	TeamPoints3rd       Int  `json:"teamPoints3rd"`
	DisplayScores       Bool `json:"displayScores"`
	DisplayScoreRanks   Bool `json:"displayScoreRanks"`
	CustomScore         Bool `json:"customScore"`
	UseBirthYear        Bool `json:"useBirthYear"`
}

func (c wireCompetition) value() Competition {
	return Competition{
		Name: PlainText(string(c.Name)), City: PlainText(string(c.City)), Site: PlainText(string(c.Site)),
		Organizer: PlainText(string(c.Organizer)), Federation: string(c.Federation),
		Date: c.Date, EndDate: c.EndDate, LocalizedDate: string(c.LocalizedDate),
		ScoringSystem: string(c.ScoringSystem), ScoringSystemName: PlainText(string(c.ScoringSystemName)),
		SinclairYear: int(c.SinclairYear), SnatchCJTotalMedals: bool(c.SnatchCJTotalMedals), Masters: bool(c.Masters),
		MensTeamSize: int(c.MensTeamSize), WomensTeamSize: int(c.WomensTeamSize), MaxTeamSize: int(c.MaxTeamSize),
		TeamPoints1st: int(c.TeamPoints1st), TeamPoints2nd: int(c.TeamPoints2nd), TeamPoints3rd: int(c.TeamPoints3rd),
		DisplayScores: bool(c.DisplayScores), DisplayScoreRanks: bool(c.DisplayScoreRanks),
		CustomScore: bool(c.CustomScore), UseBirthYear: bool(c.UseBirthYear),
	}
}

type wireConfig struct {
	DefaultLocale        Str `json:"defaultLocale"`
	StylesDirectory      Str `json:"stylesDirectory"`
	VideoStylesDirectory Str `json:"videoStylesDirectory"`
}

type wireRecordConfig struct {
	RecordOrder            []Str `json:"recordOrder"`
	ShowAllCategoryRecords Bool  `json:"showAllCategoryRecords"`
	ShowAllFederations     Bool  `json:"showAllFederations"`
}

type wireAgeGroup struct {
	Key              Str            `json:"key"`
	Code             Str            `json:"code"`
	ChampionshipName Str            `json:"championshipName"`
	ChampionshipType Str            `json:"championshipType"`
	Gender           Str            `json:"gender"`
	MinAge           Int            `json:"minAge"`
	MaxAge           Int            `json:"maxAge"`
	Active           *Bool          `json:"active"`
	Categories       []wireCategory `json:"categories"`
}

type wireCategory struct {
	ID            Int   `json:"id"`
	Code          Str   `json:"code"`
	Name          Str   `json:"categoryName"`
	LegacyName    Str   `json:"name"`
	Gender        Str   `json:"gender"`
	MinimumWeight Float `json:"minimumWeight"`
	MaximumWeight Float `json:"maximumWeight"`
	Active        *Bool `json:"active"`
}

type wireTeam struct {
	ID       Int `json:"id"`
	Name     Str `json:"name"`
	FullName Str `json:"fullName"`
	Code     Str `json:"code"`
}

type wireSession struct {
	Name            Str      `json:"name"`
	Description     Str      `json:"description"`
	PlatformName    Str      `json:"platformName"`
	WeighInTime     DateTime `json:"weighInTime"`
	CompetitionTime DateTime `json:"competitionTime"`
	FirstSnatchTime DateTime `json:"firstSnatchTime"`
	FirstCJTime     DateTime `json:"firstCJTime"`
	Done            Bool     `json:"done"`
}

// sessionOfficialRoles are the official-name keys of a V2 session, in display order.
var sessionOfficialRoles = []string{
	"announcer", "marshall", "marshal2", "timeKeeper",
	"technicalController", "technicalController2", "technicalController3",
	"referee1", "referee2", "referee3", "reserve",
	"jury1", "jury2", "jury3", "jury4", "jury5", "reserveJury",
	"weighIn1", "weighIn2", "competitionDirector", "competitionSecretary", "competitionSecretary2",
	"doctor", "doctor2", "doctor3", "tis1", "tis2",
}

type wireAthlete struct {
	Key                json.RawMessage     `json:"key"`
	ID                 json.RawMessage     `json:"id"`
	LastName           Str                 `json:"lastName"`
	FirstName          Str                 `json:"firstName"`
	FullBirthDate      Date                `json:"fullBirthDate"`
	YearOfBirth        Int                 `json:"yearOfBirth"`
	Gender             Str                 `json:"gender"`
	FederationCodes    Str                 `json:"federationCodes"`
	BodyWeight         Float               `json:"bodyWeight"`
	PresumedBodyWeight Float               `json:"presumedBodyWeight"`
	CategoryCode       Str                 `json:"categoryCode"`
	Team               json.RawMessage     `json:"team"`
	Membership         Str                 `json:"membership"`
	StartNumber        Int                 `json:"startNumber"`
	LotNumber          Int                 `json:"lotNumber"`
	EntryTotal         Int                 `json:"entryTotal"`
	SessionName        Str                 `json:"sessionName"`
	SubCategory        Str                 `json:"subCategory"`
	Custom1            Str                 `json:"custom1"`
	Custom2            Str                 `json:"custom2"`
	Participations     []wireParticipation `json:"participations"`
	wireLiftFields
}

// wireLiftFields are the 36 flat attempt fields of an athlete DTO (snatch1Declaration ...
// cleanJerk3LiftTime). Spelled out so one decoder pass reads them.
type wireLiftFields struct {
	Snatch1Declaration             Int      `json:"snatch1Declaration"`
	Snatch1Change1                 Int      `json:"snatch1Change1"`
	Snatch1Change2                 Int      `json:"snatch1Change2"`
	Snatch1AutomaticProgression    Int      `json:"snatch1AutomaticProgression"`
	Snatch1ActualLift              Int      `json:"snatch1ActualLift"`
	Snatch1LiftTime                DateTime `json:"snatch1LiftTime"`
	Snatch2Declaration             Int      `json:"snatch2Declaration"`
	Snatch2Change1                 Int      `json:"snatch2Change1"`
	Snatch2Change2                 Int      `json:"snatch2Change2"`
	Snatch2AutomaticProgression    Int      `json:"snatch2AutomaticProgression"`
	Snatch2ActualLift              Int      `json:"snatch2ActualLift"`
	Snatch2LiftTime                DateTime `json:"snatch2LiftTime"`
	Snatch3Declaration             Int      `json:"snatch3Declaration"`
	Snatch3Change1                 Int      `json:"snatch3Change1"`
	Snatch3Change2                 Int      `json:"snatch3Change2"`
	Snatch3AutomaticProgression    Int      `json:"snatch3AutomaticProgression"`
	Snatch3ActualLift              Int      `json:"snatch3ActualLift"`
	Snatch3LiftTime                DateTime `json:"snatch3LiftTime"`
	CleanJerk1Declaration          Int      `json:"cleanJerk1Declaration"`
	CleanJerk1Change1              Int      `json:"cleanJerk1Change1"`
	CleanJerk1Change2              Int      `json:"cleanJerk1Change2"`
	CleanJerk1AutomaticProgression Int      `json:"cleanJerk1AutomaticProgression"`
	CleanJerk1ActualLift           Int      `json:"cleanJerk1ActualLift"`
	CleanJerk1LiftTime             DateTime `json:"cleanJerk1LiftTime"`
	CleanJerk2Declaration          Int      `json:"cleanJerk2Declaration"`
	CleanJerk2Change1              Int      `json:"cleanJerk2Change1"`
	CleanJerk2Change2              Int      `json:"cleanJerk2Change2"`
	CleanJerk2AutomaticProgression Int      `json:"cleanJerk2AutomaticProgression"`
	CleanJerk2ActualLift           Int      `json:"cleanJerk2ActualLift"`
	CleanJerk2LiftTime             DateTime `json:"cleanJerk2LiftTime"`
	CleanJerk3Declaration          Int      `json:"cleanJerk3Declaration"`
	CleanJerk3Change1              Int      `json:"cleanJerk3Change1"`
	CleanJerk3Change2              Int      `json:"cleanJerk3Change2"`
	CleanJerk3AutomaticProgression Int      `json:"cleanJerk3AutomaticProgression"`
	CleanJerk3ActualLift           Int      `json:"cleanJerk3ActualLift"`
	CleanJerk3LiftTime             DateTime `json:"cleanJerk3LiftTime"`
}

// lifts arranges the flat attempt fields as [snatch, clean & jerk][attempt].
func (w *wireLiftFields) lifts() [2][3]Lift {
	l := func(d, c1, c2, p, a Int, t DateTime) Lift {
		return Lift{Declaration: int(d), Change1: int(c1), Change2: int(c2), AutomaticProgression: int(p), ActualLift: int(a), LiftTime: t}
	}
	return [2][3]Lift{
		{
			l(w.Snatch1Declaration, w.Snatch1Change1, w.Snatch1Change2, w.Snatch1AutomaticProgression, w.Snatch1ActualLift, w.Snatch1LiftTime),
			l(w.Snatch2Declaration, w.Snatch2Change1, w.Snatch2Change2, w.Snatch2AutomaticProgression, w.Snatch2ActualLift, w.Snatch2LiftTime),
			l(w.Snatch3Declaration, w.Snatch3Change1, w.Snatch3Change2, w.Snatch3AutomaticProgression, w.Snatch3ActualLift, w.Snatch3LiftTime),
		},
		{
			l(w.CleanJerk1Declaration, w.CleanJerk1Change1, w.CleanJerk1Change2, w.CleanJerk1AutomaticProgression, w.CleanJerk1ActualLift, w.CleanJerk1LiftTime),
			l(w.CleanJerk2Declaration, w.CleanJerk2Change1, w.CleanJerk2Change2, w.CleanJerk2AutomaticProgression, w.CleanJerk2ActualLift, w.CleanJerk2LiftTime),
			l(w.CleanJerk3Declaration, w.CleanJerk3Change1, w.CleanJerk3Change2, w.CleanJerk3AutomaticProgression, w.CleanJerk3ActualLift, w.CleanJerk3LiftTime),
		},
	}
}

type wireParticipation struct {
	CategoryCode     Str  `json:"categoryCode"`
	SnatchRank       Int  `json:"snatchRank"`
	CleanJerkRank    Int  `json:"cleanJerkRank"`
	TotalRank        Int  `json:"totalRank"`
	TeamMember       Bool `json:"teamMember"`
	ChampionshipType Str  `json:"championshipType"`
}

// participations are an athlete's categories with their ranks, nil for none.
func participations(w []wireParticipation) []Participation {
	var out []Participation
	for _, p := range w {
		out = append(out, Participation{
			CategoryCode: string(p.CategoryCode), SnatchRank: int(p.SnatchRank), CleanJerkRank: int(p.CleanJerkRank),
			TotalRank: int(p.TotalRank), TeamMember: bool(p.TeamMember), ChampionshipType: string(p.ChampionshipType),
		})
	}
	return out
}

type wireRecord struct {
	Name            Str   `json:"recordName"`
	Federation      Str   `json:"recordFederation"`
	Lift            Str   `json:"recordLift"`
	Value           Float `json:"recordValue"`
	AgeGrp          Str   `json:"ageGrp"`
	AgeGrpLower     Int   `json:"ageGrpLower"`
	AgeGrpUpper     Int   `json:"ageGrpUpper"`
	BWCatLower      Float `json:"bwCatLower"`
	BWCatUpper      Float `json:"bwCatUpper"`
	BWCatString     Str   `json:"bwCatString"`
	Gender          Str   `json:"gender"`
	AthleteName     Str   `json:"athleteName"`
	Nation          Str   `json:"nation"`
	RecordYear      Int   `json:"recordYear"`
	GroupNameString Str   `json:"groupNameString"`
	Event           Str   `json:"event"`
}

type wireTechOfficial struct {
	FirstName Str `json:"firstName"`
	LastName  Str `json:"lastName"`
	Role      Str `json:"role"`
	Team      Str `json:"team"`
}

// decodeDatabase parses a V2 export. data may be the database object itself or the
// {database, databaseChecksum} envelope. It fails (with ErrBadPayload) on anything that is not
// a database with an athletes array: such a payload must never replace a good database. An
// empty array is a competition whose registration has not started: it is loaded.
func decodeDatabase(data []byte) (*Database, error) {
	data = bytes.TrimSpace(data)
	if len(data) == 0 || data[0] != '{' {
		return nil, fmt.Errorf("%w: database is not a JSON object", ErrBadPayload)
	}
	// One decoder pass reads both the bare export and the {database, databaseChecksum} envelope.
	var export struct {
		wireDatabase
		Database *wireDatabase `json:"database"`
	}
	if err := json.Unmarshal(data, &export); err != nil {
		return nil, fmt.Errorf("%w: database: %v", ErrBadPayload, err)
	}
	w := export.wireDatabase
	if export.Database != nil {
		w = *export.Database
		if export.Checksum != "" {
			w.Checksum = export.Checksum
		}
	}
	if w.Athletes == nil {
		return nil, fmt.Errorf("%w: database has no athletes array", ErrBadPayload)
	}
	d := &Database{
		Checksum:      string(w.Checksum),
		FormatVersion: string(w.FormatVersion),
		ExportDate:    w.ExportDate,
	}
	if w.Competition != nil {
		d.Competition = w.Competition.value()
	}
	if w.Config != nil {
		d.Config = Config{DefaultLocale: string(w.Config.DefaultLocale), StylesDirectory: string(w.Config.StylesDirectory),
			VideoStylesDirectory: string(w.Config.VideoStylesDirectory)}
	}
	if rc := w.RecordConfig; rc != nil {
		d.RecordConfig = RecordConfig{ShowAllCategoryRecords: bool(rc.ShowAllCategoryRecords), ShowAllFederations: bool(rc.ShowAllFederations)}
		for _, r := range rc.RecordOrder {
			d.RecordConfig.RecordOrder = append(d.RecordConfig.RecordOrder, string(r))
		}
	}
	d.decodeAgeGroups(w.AgeGroups)
	d.decodeTeams(w.Teams)
	d.decodeSessions(w.RawSessions)
	d.decodePlatforms(w.Platforms)
	d.decodeAthletes(*w.Athletes)
	d.decodeRecords(w.Records)
	for _, t := range w.TechnicalOfficials {
		d.TechnicalOfficials = append(d.TechnicalOfficials, TechnicalOfficial{
			FirstName: string(t.FirstName), LastName: string(t.LastName), Role: string(t.Role), Team: string(t.Team),
		})
	}
	return d, nil
}

func (d *Database) decodeAgeGroups(groups []wireAgeGroup) {
	d.categories = map[string]int{}
	for _, g := range groups {
		ag := AgeGroup{
			Key: string(g.Key), Code: string(g.Code), Name: PlainText(string(g.ChampionshipName)),
			ChampionshipType: string(g.ChampionshipType), Gender: string(g.Gender),
			MinAge: int(g.MinAge), MaxAge: int(g.MaxAge), Active: g.Active == nil || bool(*g.Active),
		}
		if ag.Name == "" {
			ag.Name = ag.Code
		}
		d.AgeGroups = append(d.AgeGroups, ag)
		for _, c := range g.Categories {
			gender := string(c.Gender)
			if gender == "" {
				gender = ag.Gender
			}
			cat := Category{
				ID: int64(c.ID), Code: string(c.Code), Name: PlainText(string(c.Name)), Gender: gender,
				MinimumWeight: float64(c.MinimumWeight), MaximumWeight: float64(c.MaximumWeight),
				AgeGroupKey: ag.Key, AgeGroupCode: ag.Code, AgeGroupName: ag.Name,
				Active: c.Active == nil || bool(*c.Active),
			}
			if cat.Name == "" {
				cat.Name = PlainText(string(c.LegacyName))
			}
			if cat.Code == "" {
				cat.Code = categoryCode(ag.Code, gender, cat.MaximumWeight)
			}
			if _, dup := d.categories[cat.Code]; !dup {
				d.categories[cat.Code] = len(d.Categories)
			}
			d.Categories = append(d.Categories, cat)
		}
	}
}

func (d *Database) decodeTeams(teams []wireTeam) {
	d.teamNames = map[int64]string{}
	for _, t := range teams {
		name := string(t.Name)
		if name == "" {
			name = string(t.FullName)
		}
		if name == "" {
			name = string(t.Code)
		}
		name = PlainText(name)
		code := PlainText(string(t.Code))
		d.Teams = append(d.Teams, Team{ID: int64(t.ID), Name: name, Code: code})
		d.teamNames[int64(t.ID)] = name
		if code != "" {
			if d.teamCodes == nil {
				d.teamCodes = map[string]string{}
			}
			d.teamCodes[strings.ToLower(name)] = code
		}
	}
}

func (d *Database) decodeSessions(raw []json.RawMessage) {
	for _, r := range raw {
		var ws wireSession
		if json.Unmarshal(r, &ws) != nil {
			continue
		}
		var names map[string]json.RawMessage
		_ = json.Unmarshal(r, &names)
		s := Session{
			Name: string(ws.Name), Description: PlainText(string(ws.Description)), PlatformName: string(ws.PlatformName),
			WeighInTime: ws.WeighInTime, CompetitionTime: ws.CompetitionTime,
			FirstSnatchTime: ws.FirstSnatchTime, FirstCJTime: ws.FirstCJTime, Done: bool(ws.Done),
			Officials: map[string]string{},
		}
		for _, role := range sessionOfficialRoles {
			if v := strings.TrimSpace(scalarText(names[role])); v != "" {
				s.Officials[role] = PlainText(v)
			}
		}
		d.Sessions = append(d.Sessions, s)
	}
}

func (d *Database) decodePlatforms(platforms []map[string]Str) {
	for _, p := range platforms {
		pl := Platform{Name: string(p["name"]), Plates: map[string]int{}}
		id, _ := parseInt(string(p["id"]))
		pl.ID = id
		for k, v := range p {
			if strings.HasPrefix(k, "nb") && strings.Contains(k, "_") {
				n, _ := parseInt(string(v))
				pl.Plates[k] = int(n)
			}
		}
		w, _ := parseInt(string(p["nonStandardBarWeight"]))
		pl.NonStandardBarWeight = int(w)
		pl.NonStandardBarAvailable = parseBool(string(p["nonStandardBarAvailable"]))
		pl.ShowDecisionLights = parseBool(string(p["showDecisionLights"]))
		pl.ShowTimer = parseBool(string(p["showTimer"]))
		if pl.Name == "" {
			continue
		}
		d.Platforms = append(d.Platforms, pl)
	}
}

func (d *Database) decodeAthletes(athletes []wireAthlete) {
	d.athleteKeys = make(map[string]int, len(athletes))
	for _, w := range athletes {
		key := NormalizeKey(w.Key)
		if key == "" {
			key = NormalizeKey(w.ID)
		}
		a := DBAthlete{
			Key: key, LastName: PlainText(string(w.LastName)), FirstName: PlainText(string(w.FirstName)),
			BirthDate: w.FullBirthDate, Gender: string(w.Gender),
			BodyWeight: float64(w.BodyWeight), PresumedBodyWeight: float64(w.PresumedBodyWeight),
			CategoryCode: string(w.CategoryCode), Membership: string(w.Membership),
			StartNumber: int(w.StartNumber), LotNumber: int(w.LotNumber), EntryTotal: int(w.EntryTotal),
			SessionName: string(w.SessionName), SubCategory: string(w.SubCategory),
			Custom1: string(w.Custom1), Custom2: string(w.Custom2),
			FederationCodes: string(w.FederationCodes),
		}
		lifts := w.lifts()
		a.Snatch, a.CleanJerk = lifts[0], lifts[1]
		if a.BirthDate.IsZero() && w.YearOfBirth > 0 {
			a.BirthDate = Date{Year: int(w.YearOfBirth)}
		}
		// Legacy exports name the team in the athlete; V2 references teams[] by id.
		if id, ok := parseInt(scalarText(w.Team)); ok {
			a.TeamID = id
			a.TeamName = d.teamNames[id]
		} else {
			a.TeamName = PlainText(scalarText(w.Team))
		}
		a.Participations = participations(w.Participations)
		if key != "" {
			d.athleteKeys[key] = len(d.Athletes)
		}
		d.Athletes = append(d.Athletes, a)
	}
}

func (d *Database) decodeRecords(records []wireRecord) {
	d.Records = make([]Record, 0, len(records))
	for _, r := range records {
		d.Records = append(d.Records, Record{
			Name: PlainText(string(r.Name)), Federation: string(r.Federation), Lift: strings.ToUpper(string(r.Lift)),
			Value: float64(r.Value), AgeGroup: string(r.AgeGrp), AgeLower: int(r.AgeGrpLower), AgeUpper: int(r.AgeGrpUpper),
			BWLower: float64(r.BWCatLower), BWUpper: float64(r.BWCatUpper), BWCategory: string(r.BWCatString),
			Gender: string(r.Gender), AthleteName: PlainText(string(r.AthleteName)), Nation: string(r.Nation),
			Year: int(r.RecordYear), Session: string(r.GroupNameString), Event: PlainText(string(r.Event)),
		})
	}
}
