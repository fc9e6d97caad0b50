package refereeassignments

import "github.com/owlcms/tracker/hub"

// role is one line of the sheet: its label and where its values come from.
type role struct {
	key, english string
	value        func(s hub.Session) string
}

func official(name string) func(hub.Session) string {
	return func(s hub.Session) string { return s.Officials[name] }
}

func clock(t func(hub.Session) hub.DateTime) func(hub.Session) string {
	return func(s hub.Session) string {
		if dt := t(s); !dt.IsZero() {
			return dt.Format("15:04")
		}
		return ""
	}
}

// roles are the sheet's lines, in OWLCMS's order; a line with nobody in any session is left out.
var roles = []role{
	{"WeighInTime", "Weigh-in Time", clock(func(s hub.Session) hub.DateTime { return s.WeighInTime })},
	{"StartTime", "Start Time", clock(func(s hub.Session) hub.DateTime { return s.CompetitionTime })},
	{"WeighIn", "Weigh-In", official("weighIn1")},
	{"WeighIn", "Weigh-In", official("weighIn2")},
	{"Announcer", "Announcer", official("announcer")},
	{"Referee1", "Referee 1", official("referee1")},
	{"Referee2", "Referee 2", official("referee2")},
	{"Referee3", "Referee 3", official("referee3")},
	{"Reserve", "Reserve", official("reserve")},
	{"Marshal1", "Marshal 1", official("marshall")},
	{"Marshal2", "Marshal 2", official("marshal2")},
	{"Timekeeper", "Timekeeper", official("timeKeeper")},
	{"TechnicalController1", "Technical Controller 1", official("technicalController")},
	{"TechnicalController2", "Technical Controller 2", official("technicalController2")},
	{"TechnicalController3", "Technical Controller 3", official("technicalController3")},
	{"CompetitionDirector", "Competition Director", official("competitionDirector")},
	{"CompetitionSecretary", "Competition Secretary", official("competitionSecretary")},
	{"CompetitionSecretary2", "Competition Secretary 2", official("competitionSecretary2")},
	{"Doctor", "Doctor", official("doctor")},
	{"Doctor2", "Doctor 2", official("doctor2")},
	{"Doctor3", "Doctor 3", official("doctor3")},
	{"TIS1", "Technology Support 1", official("tis1")},
	{"TIS2", "Technology Support 2", official("tis2")},
}

// juryRoles follow under the "Jury" heading.
var juryRoles = []role{
	{"JuryPresident", "Jury President", official("jury1")},
	{"Jury2", "Jury 2", official("jury2")},
	{"Jury3", "Jury 3", official("jury3")},
	{"Jury4", "Jury 4", official("jury4")},
	{"Jury5", "Jury 5", official("jury5")},
	{"ReserveJury", "Jury Reserve", official("reserveJury")},
}
