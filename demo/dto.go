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

		Snatch1Declaration: intOrNull(at[0].Declaration), Snatch1Change1: intOrNull(at[0].Change1),
		Snatch1Change2: intOrNull(at[0].Change2), Snatch1ActualLift: intOrNull(at[0].Actual),
		Snatch1LiftTime:             style.dateTime(at[0].LiftTime),
		Snatch2AutomaticProgression: progression(1),
		Snatch2Declaration:          intOrNull(at[1].Declaration), Snatch2Change1: intOrNull(at[1].Change1),
		Snatch2Change2: intOrNull(at[1].Change2), Snatch2ActualLift: intOrNull(at[1].Actual),
		Snatch2LiftTime:             style.dateTime(at[1].LiftTime),
		Snatch3AutomaticProgression: progression(2),
		Snatch3Declaration:          intOrNull(at[2].Declaration), Snatch3Change1: intOrNull(at[2].Change1),
		Snatch3Change2: intOrNull(at[2].Change2), Snatch3ActualLift: intOrNull(at[2].Actual),
		Snatch3LiftTime: style.dateTime(at[2].LiftTime),

		CleanJerk1Declaration: intOrNull(at[3].Declaration), CleanJerk1Change1: intOrNull(at[3].Change1),
		CleanJerk1Change2: intOrNull(at[3].Change2), CleanJerk1ActualLift: intOrNull(at[3].Actual),
		CleanJerk1LiftTime:             style.dateTime(at[3].LiftTime),
		CleanJerk2AutomaticProgression: progression(4),
		CleanJerk2Declaration:          intOrNull(at[4].Declaration), CleanJerk2Change1: intOrNull(at[4].Change1),
		CleanJerk2Change2: intOrNull(at[4].Change2), CleanJerk2ActualLift: intOrNull(at[4].Actual),
		CleanJerk2LiftTime:             style.dateTime(at[4].LiftTime),
		CleanJerk3AutomaticProgression: progression(5),
		CleanJerk3Declaration:          intOrNull(at[5].Declaration), CleanJerk3Change1: intOrNull(at[5].Change1),
		CleanJerk3Change2: intOrNull(at[5].Change2), CleanJerk3ActualLift: intOrNull(at[5].Actual),
		CleanJerk3LiftTime: style.dateTime(at[5].LiftTime),

		SinclairRank: sinclairRank,
		CustomScore:  float64(a.Total()),
		// A meet with team scoring: every athlete counts for their club.
		EligibleForIndividualRanking: true, EligibleForTeamRanking: true,
		SessionName: a.Session.Name,
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
