package demo

import "time"

// DatabaseJSON is the demo's V2 database export (formatVersion "2.0"), the object OWLCMS zips
// as competition.json in database_zip. It describes the same moment as UpdateJSON.
func DatabaseJSON() []byte { return NewDemo().DatabaseJSON() }

// DatabaseJSON exports the competition as OWLCMS's CompetitionDataV2 does. The config part
// carries no secrets and no URLs.
func (c *Competition) DatabaseJSON() []byte {
	r := c.results()
	db := newObject().
		set("formatVersion", "2.0").
		set("competition", c.competitionExport()).
		set("config", newObject().
			set("id", 1).
			set("defaultLocale", c.Locale).
			set("localTemplatesOnly", false).
			set("mqttInternal", true).
			set("stylesDirectory", "css/nogrid").
			set("videoStylesDirectory", "nogrid").
			set("enableColorOverrides", false).
			set("localDateTimeUtcNormalized", true)).
		set("ageGroups", c.ageGroupsExport()).
		set("teams", c.teamsExport()).
		set("sessions", c.sessionsExport()).
		set("athletes", c.athletesExport(r)).
		set("platforms", c.platformsExport()).
		set("records", c.recordsExport()).
		set("recordConfig", newObject().
			set("recordOrder", c.RecordOrder).
			set("showAllCategoryRecords", false).
			set("showAllFederations", false)).
		set("technicalOfficials", []any{})
	return marshal(db)
}

func (c *Competition) competitionExport() *object {
	return newObject().
		set("id", 1).
		set("announcerLiveDecisions", true).
		set("competitionCity", c.City).
		set("competitionDate", localDateArray(c.Date)).
		set("competitionName", c.Name).
		set("competitionOrganizer", c.Organizer).
		set("competitionSite", c.Site).
		set("federation", c.Federation).
		set("customScore", false).
		set("enforce20kgRule", true).
		set("genderOrder", false).
		set("fixedOrder", false).
		set("masters", false).
		set("mastersGenderEquality", false).
		set("maxTeamSize", 10).
		set("maxPerCategory", 2).
		set("refereeWakeUpDelay", 1500).
		set("roundRobinOrder", false).
		set("snatchCJTotalMedals", true).
		set("useBirthYear", false).
		set("automaticCJBreak", true).
		set("useCategorySinclair", false).
		set("sinclairYear", 2024).
		set("useOldBodyWeightTieBreak", false).
		set("jurySize", 3).
		set("longerBreakMax", 6).
		set("longerBreakDuration", 10).
		set("shorterBreakMin", 9).
		set("shorterBreakDuration", 10).
		set("scoringSystem", "BW_SINCLAIR").
		set("displayScores", false).
		set("displayScoreRanks", false).
		set("displayByAgeGroup", false).
		set("announcerControlledJuryDecision", true).
		set("masters20kg", false).
		set("imwa", true).
		set("deduct250g", true).
		set("manualStartNumbers", false).
		set("sinclair", false).
		set("genderInclusive", false).
		set("translatedScoringSystemName", "Sinclair").
		set("localizedCompetitionDate", c.Date.Format("Jan 2, 2006")).
		set("invitedIfBornBefore", 0).
		set("mensTeamSize", 6).
		set("womensTeamSize", 6).
		set("teamPoints1st", 28).
		set("teamPoints2nd", 25).
		set("teamPoints3rd", 23)
}

func (c *Competition) ageGroupsExport() []any {
	var out []any
	for _, g := range c.AgeGroups {
		translatedGender := string(g.Gender)
		cats := each(g.Categories, func(cat *Category) any {
			return newObject().
				set("id", cat.ID).
				set("maximumWeight", cat.Max).
				set("minimumWeight", cat.Min).
				set("active", true).
				set("ageGroup", g.Key()).
				set("gender", cat.Gender).
				set("qualifyingTotal", 0).
				set("wrJr", 0).
				set("wrSr", 0).
				set("wrYth", 0).
				set("categoryName", cat.Name()).
				set("upperBound", cat.UpperBound()).
				set("translatedGender", translatedGender)
		})
		out = append(out, newObject().
			set("key", g.Key()).
			set("active", true).
			set("code", g.Code).
			set("maxAge", g.MaxAge).
			set("minAge", g.MinAge).
			set("ageDivision", g.Division).
			set("championshipName", g.Championship).
			set("gender", g.Gender).
			set("qualificationTotal", nil).
			set("alreadyGendered", g.Gendered).
			set("scoringSystem", "TOTAL").
			set("championshipType", g.Division).
			set("bestAthleteScoringSystem", nil).
			set("medals", true).
			set("translatedGender", translatedGender).
			set("bestAthleteScoringSystemTitle", "Sinclair").
			set("categories", cats))
	}
	return out
}

func (c *Competition) teamsExport() []any {
	return each(c.Teams, func(t string) any { return newObject().set("id", javaStringHash(t)).set("name", t) })
}

// sessionOfficialKeys are all the official fields of a V2 session, in export order; the ones a
// session does not fill are null.
var sessionOfficialKeys = []string{"announcer", "marshall", "marshal2", "timeKeeper",
	"technicalController", "technicalController2", "technicalController3",
	"referee1", "referee2", "referee3", "reserve", "jury1", "jury2", "jury3", "jury4", "jury5",
	"reserveJury", "weighIn1", "weighIn2", "competitionDirector", "competitionSecretary",
	"competitionSecretary2", "doctor", "doctor2", "doctor3", "tis1", "tis2"}

func (c *Competition) sessionsExport() []any {
	var out []any
	for _, s := range c.Sessions {
		lastSnatch, lastCJ := lastDecisionTimes(s)
		var cjBreak any
		if !s.FirstCJ.IsZero() {
			cjBreak = 10
		}
		o := newObject().
			set("name", s.Name).
			set("platformName", s.Platform).
			set("description", s.Description).
			set("weighInTime", localDateTimeArray(s.WeighIn)).
			set("competitionTime", localDateTimeArray(s.Start)).
			set("firstSnatchTime", localDateTimeArray(s.FirstSnatch)).
			set("firstCJTime", localDateTimeArray(s.FirstCJ)).
			set("lastSnatchDecisionTime", localDateTimeArray(lastSnatch)).
			set("lastCJDecisionTime", localDateTimeArray(lastCJ)).
			set("cleanJerkBreakDuration", cjBreak).
			set("done", s.Done).
			set("masters", false)
		for _, k := range sessionOfficialKeys {
			if name, ok := s.Officials[k]; ok {
				o.set(k, name)
			} else {
				o.set(k, nil)
			}
		}
		out = append(out, o)
	}
	return out
}

// lastDecisionTimes are the times of the session's last snatch and last clean & jerk decisions.
func lastDecisionTimes(s *Session) (snatch, cj time.Time) {
	for _, a := range s.Athletes {
		for i, at := range a.Attempts {
			if i < 3 && at.LiftTime.After(snatch) {
				snatch = at.LiftTime
			}
			if i >= 3 && at.LiftTime.After(cj) {
				cj = at.LiftTime
			}
		}
	}
	return snatch, cj
}

func (c *Competition) athletesExport(r *results) []any {
	var out []any
	for _, s := range c.Sessions {
		for _, a := range StartOrder(s.Athletes) {
			out = append(out, newAthleteDTO(a, r, datesAsArrays, c.Federation))
		}
	}
	return out
}

func (c *Competition) platformsExport() []any {
	var out []any
	for _, p := range c.Platforms {
		o := newObject().set("id", p.ID).set("name", p.Name).set("nbC_2_5", p.Plates.Collars)
		for _, w := range []string{"10", "15", "20", "25", "2_5", "5"} {
			o.set("nbL_"+w, p.Plates.Large[w])
		}
		for _, w := range []string{"0_5", "1", "1_5", "2", "2_5", "5"} {
			o.set("nbS_"+w, p.Plates.Small[w])
		}
		o.set("nonStandardBarWeight", 0)
		for _, w := range []string{"5", "10", "15", "20"} {
			o.set("nbB_"+w, p.Plates.Bars[w])
		}
		o.set("showDecisionLights", true).
			set("showTimer", true).
			set("soundMixerName", "Use Browser Sound").
			set("nonStandardBarAvailable", false)
		out = append(out, o)
	}
	return out
}

func (c *Competition) recordsExport() []any {
	return each(c.Records, func(rec Record) any {
		o := newObject()
		if rec.Session != "" {
			o.set("groupNameString", rec.Session).set("event", rec.Event)
		}
		return o.
			set("athleteBW", rec.HolderBW).
			set("id", rec.ID).
			set("recordValue", rec.Value).
			set("ageGrp", rec.AgeGroup).
			set("ageGrpLower", rec.AgeLower).
			set("ageGrpUpper", rec.AgeUpper).
			set("athleteName", rec.Holder).
			set("bwCatLower", rec.BwLower).
			set("bwCatUpper", rec.BwUpper).
			set("gender", rec.Gender).
			set("nation", rec.Nation).
			set("recordFederation", rec.Federation).
			set("recordLift", rec.Lift).
			set("recordName", rec.Name).
			set("recordYear", rec.Year).
			set("fileName", rec.FileName).
			set("bwCatString", rec.BwCatString)
	})
}

// each is f of every x, in order: an export's JSON array, null when xs is empty (as the
// export has always written an empty list).
func each[T any](xs []T, f func(T) any) []any {
	var out []any
	for _, x := range xs {
		out = append(out, f(x))
	}
	return out
}
