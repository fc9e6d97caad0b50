package demo

import (
	"strconv"
	"time"
)

// athleteDTO is OWLCMS's V2 AthleteDTO, field for field and in the same order. Weights are
// ints or null, automatic progressions strings, failed lifts negative. Dates are arrays in the
// database export and ISO strings in update payloads (two Jackson mappers), hence the `any`.
type athleteDTO struct {
	Key                int32   `json:"key"`
	LastName           string  `json:"lastName"`
	FirstName          string  `json:"firstName"`
	FullBirthDate      any     `json:"fullBirthDate"`
	Gender             Gender  `json:"gender"`
	BodyWeight         float64 `json:"bodyWeight"`
	PresumedBodyWeight float64 `json:"presumedBodyWeight"`
	CategoryCode       string  `json:"categoryCode"`
	Team               int32   `json:"team"`
	Membership         string  `json:"membership"`
	FederationCodes    string  `json:"federationCodes"`
	StartNumber        int     `json:"startNumber"`
	LotNumber          int     `json:"lotNumber"`
	EntryTotal         int     `json:"entryTotal"`
	QualifyingTotal    int     `json:"qualifyingTotal"`

	Snatch1Declaration          any    `json:"snatch1Declaration"`
	Snatch1Change1              any    `json:"snatch1Change1"`
	Snatch1Change2              any    `json:"snatch1Change2"`
	Snatch1ActualLift           any    `json:"snatch1ActualLift"`
	Snatch1LiftTime             any    `json:"snatch1LiftTime"`
	Snatch2AutomaticProgression string `json:"snatch2AutomaticProgression"`
	Snatch2Declaration          any    `json:"snatch2Declaration"`
	Snatch2Change1              any    `json:"snatch2Change1"`
	Snatch2Change2              any    `json:"snatch2Change2"`
	Snatch2ActualLift           any    `json:"snatch2ActualLift"`
	Snatch2LiftTime             any    `json:"snatch2LiftTime"`
	Snatch3AutomaticProgression string `json:"snatch3AutomaticProgression"`
	Snatch3Declaration          any    `json:"snatch3Declaration"`
	Snatch3Change1              any    `json:"snatch3Change1"`
	Snatch3Change2              any    `json:"snatch3Change2"`
	Snatch3ActualLift           any    `json:"snatch3ActualLift"`
	Snatch3LiftTime             any    `json:"snatch3LiftTime"`

	CleanJerk1Declaration          any    `json:"cleanJerk1Declaration"`
	CleanJerk1Change1              any    `json:"cleanJerk1Change1"`
	CleanJerk1Change2              any    `json:"cleanJerk1Change2"`
	CleanJerk1ActualLift           any    `json:"cleanJerk1ActualLift"`
	CleanJerk1LiftTime             any    `json:"cleanJerk1LiftTime"`
	CleanJerk2AutomaticProgression string `json:"cleanJerk2AutomaticProgression"`
	CleanJerk2Declaration          any    `json:"cleanJerk2Declaration"`
	CleanJerk2Change1              any    `json:"cleanJerk2Change1"`
	CleanJerk2Change2              any    `json:"cleanJerk2Change2"`
	CleanJerk2ActualLift           any    `json:"cleanJerk2ActualLift"`
	CleanJerk2LiftTime             any    `json:"cleanJerk2LiftTime"`
	CleanJerk3AutomaticProgression string `json:"cleanJerk3AutomaticProgression"`
	CleanJerk3Declaration          any    `json:"cleanJerk3Declaration"`
	CleanJerk3Change1              any    `json:"cleanJerk3Change1"`
	CleanJerk3Change2              any    `json:"cleanJerk3Change2"`
	CleanJerk3ActualLift           any    `json:"cleanJerk3ActualLift"`
	CleanJerk3LiftTime             any    `json:"cleanJerk3LiftTime"`

	PersonalBestSnatch    any `json:"personalBestSnatch"`
	PersonalBestCleanJerk any `json:"personalBestCleanJerk"`
	PersonalBestTotal     any `json:"personalBestTotal"`

	// Ranks OWLCMS computes for other scoring systems; the demo leaves them as a meet without
	// those systems sends them (null or 0).
	SinclairRank         any `json:"sinclairRank"`
	QPointsRank          any `json:"qPointsRank"`
	QAgeRank             int `json:"qAgeRank"`
	SmhfRank             int `json:"smhfRank"`
	TeamSinclairRank     any `json:"teamSinclairRank"`
	CatSinclairRank      int `json:"catSinclairRank"`
	CatQPointsRank       int `json:"catQPointsRank"`
	GamxRank             any `json:"gamxRank"`
	RobiRank             any `json:"robiRank"`
	AgeAdjustedTotalRank any `json:"ageAdjustedTotalRank"`
	CombinedRank         int `json:"combinedRank"`
	TeamCleanJerkRank    any `json:"teamCleanJerkRank"`
	TeamCombinedRank     any `json:"teamCombinedRank"`
	TeamCustomRank       any `json:"teamCustomRank"`
	TeamRobiRank         any `json:"teamRobiRank"`
	TeamSnatchRank       any `json:"teamSnatchRank"`
	TeamTotalRank        any `json:"teamTotalRank"`

	Coach                        string             `json:"coach"`
	Custom1                      string             `json:"custom1"`
	Custom2                      string             `json:"custom2"`
	CustomScore                  float64            `json:"customScore"`
	EligibleForIndividualRanking bool               `json:"eligibleForIndividualRanking"`
	EligibleForTeamRanking       bool               `json:"eligibleForTeamRanking"`
	ForcedAsCurrent              bool               `json:"forcedAsCurrent"`
	SubCategory                  string             `json:"subCategory"`
	Participations               []participationDTO `json:"participations"`
	SessionName                  string             `json:"sessionName"`
}

// participationDTO is one category an athlete is ranked in, with the ranks there.
type participationDTO struct {
	CategoryCode     string `json:"categoryCode"`
	CleanJerkRank    int    `json:"cleanJerkRank"`
	TotalRank        int    `json:"totalRank"`
	CombinedRank     int    `json:"combinedRank"`
	CustomRank       int    `json:"customRank"`
	SnatchRank       int    `json:"snatchRank"`
	TeamCJRank       int    `json:"teamCJRank"`
	TeamCombinedRank int    `json:"teamCombinedRank"`
	TeamMember       bool   `json:"teamMember"`
	TeamRobiRank     int    `json:"teamRobiRank"`
	TeamSinclairRank int    `json:"teamSinclairRank"`
	TeamSnatchRank   int    `json:"teamSnatchRank"`
	TeamTotalRank    int    `json:"teamTotalRank"`
	ChampionshipType string `json:"championshipType"`
}

// attemptFields are where one attempt goes in the DTO: OWLCMS names its fields after the lift
// and the attempt's number.
type attemptFields struct {
	declaration, change1, change2, actual, liftTime *any
	progression                                     *string // nil for a lift's first attempt
}

// attemptFields are the DTO's fields of the six attempts, snatches first.
func (d *athleteDTO) attemptFields() [6]attemptFields {
	return [6]attemptFields{
		{&d.Snatch1Declaration, &d.Snatch1Change1, &d.Snatch1Change2, &d.Snatch1ActualLift, &d.Snatch1LiftTime, nil},
		{&d.Snatch2Declaration, &d.Snatch2Change1, &d.Snatch2Change2, &d.Snatch2ActualLift, &d.Snatch2LiftTime, &d.Snatch2AutomaticProgression},
		{&d.Snatch3Declaration, &d.Snatch3Change1, &d.Snatch3Change2, &d.Snatch3ActualLift, &d.Snatch3LiftTime, &d.Snatch3AutomaticProgression},
		{&d.CleanJerk1Declaration, &d.CleanJerk1Change1, &d.CleanJerk1Change2, &d.CleanJerk1ActualLift, &d.CleanJerk1LiftTime, nil},
		{&d.CleanJerk2Declaration, &d.CleanJerk2Change1, &d.CleanJerk2Change2, &d.CleanJerk2ActualLift, &d.CleanJerk2LiftTime, &d.CleanJerk2AutomaticProgression},
		{&d.CleanJerk3Declaration, &d.CleanJerk3Change1, &d.CleanJerk3Change2, &d.CleanJerk3ActualLift, &d.CleanJerk3LiftTime, &d.CleanJerk3AutomaticProgression},
	}
}

// dateStyle chooses how dates are written.
type dateStyle int

const (
	datesAsArrays  dateStyle = iota // database export: [y,m,d] and [y,m,d,h,mi,s,nanos]
	datesAsStrings                  // update payload: "2001-06-19", "2026-05-16T10:04:17.41"
)

func (d dateStyle) date(t time.Time) any {
	if d == datesAsStrings {
		return isoLocalDate(t)
	}
	return localDateArray(t)
}

func (d dateStyle) dateTime(t time.Time) any {
	if d == datesAsStrings {
		return isoLocalDateTime(t)
	}
	return localDateTimeArray(t)
}

// newAthleteDTO exports an athlete as OWLCMS does, with ranks from r.
func newAthleteDTO(a *Athlete, r *results, style dateStyle, federation string) athleteDTO {
	at := a.Attempts
	progression := func(i int) string { return strconv.Itoa(a.AutomaticProgression(i)) }
	var sinclairRank any
	if rank := r.sinclair[a]; rank > 0 {
		sinclairRank = rank
	}
	dto := athleteDTO{
		Key: a.Key, LastName: a.LastName, FirstName: a.FirstName,
		FullBirthDate: style.date(a.BirthDate), Gender: a.Gender,
		BodyWeight: a.BodyWeight, PresumedBodyWeight: a.BodyWeight,
		CategoryCode: a.Category.Code(), Team: javaStringHash(a.Team), Membership: a.Membership,
		FederationCodes: federation, StartNumber: a.StartNumber, LotNumber: a.LotNumber,
		EntryTotal: a.EntryTotal,

		SinclairRank: sinclairRank,
		CustomScore:  float64(a.Total()),
		// A meet with team scoring: every athlete counts for their club.
		EligibleForIndividualRanking: true, EligibleForTeamRanking: true,
		SessionName: a.Session.Name,
	}
	for i, f := range dto.attemptFields() {
		*f.declaration, *f.change1, *f.change2 = intOrNull(at[i].Declaration), intOrNull(at[i].Change1), intOrNull(at[i].Change2)
		*f.actual, *f.liftTime = intOrNull(at[i].Actual), style.dateTime(at[i].LiftTime)
		if f.progression != nil {
			*f.progression = progression(i)
		}
	}
	for _, cat := range a.Participations {
		ranks := r.ranks(a, cat)
		dto.Participations = append(dto.Participations, participationDTO{
			CategoryCode: cat.Code(), SnatchRank: ranks.Snatch, CleanJerkRank: ranks.CleanJerk,
			TotalRank: ranks.Total, TeamMember: true, ChampionshipType: cat.AgeGroup.Division,
		})
	}
	return dto
}
