package meet

import (
	"strings"

	"github.com/owlcms/tracker/hub"
	"github.com/owlcms/tracker/hub/scoring"
)

// Years are the coefficient sets a board scores with: the Sinclair's (0: the competition's,
// else 2024), and SM(H)F's Sinclair and age factors (0: OWLCMS's 2020 and 2020).
type Years struct {
	Sinclair, SMHFSinclair, SMHFAgeFactor int
}

// Systems are the scoring systems with the default years (the names a board offers).
var Systems = SystemsFor(Years{})

// SystemsFor are the scoring systems scoring with the given years. The GAMX variants whose
// tables are not built in are left out.
func SystemsFor(y Years) []System {
	out := []System{
		{Name: "Sinclair", Key: "Ranking.BW_SINCLAIR", English: "Sinclair", score: func(l *Lifter, t int, _ scoring.TeamPoints, _ bool) float64 {
			return scoring.Sinclair(y.Sinclair, float64(t), l.BodyWeight, l.Gender)
		}},
		{Name: "SMHF", Key: "Ranking.SMM", English: "SM(H)F", score: func(l *Lifter, t int, _ scoring.TeamPoints, _ bool) float64 {
			return scoring.SMHF(float64(t), l.BodyWeight, l.Gender, l.Age, y.SMHFSinclair, y.SMHFAgeFactor)
		}},
		{Name: "QPoints", Key: "Ranking.QPOINTS", English: "Q-points", score: func(l *Lifter, t int, _ scoring.TeamPoints, _ bool) float64 {
			return scoring.QPoints(float64(t), l.BodyWeight, l.Gender)
		}},
		{Name: "QMasters", Key: "Ranking.QAGE", English: "Q-masters", score: func(l *Lifter, t int, _ scoring.TeamPoints, _ bool) float64 {
			return scoring.QMasters(float64(t), l.BodyWeight, l.Gender, l.Age)
		}},
	}
	for _, v := range []scoring.GAMXVariant{scoring.GAMXSenior, scoring.GAMXMasters, scoring.GAMXAge, scoring.GAMXU17} {
		if !scoring.HasGAMX(v) {
			continue
		}
		name := v.String()
		out = append(out, System{Name: name, Key: "Ranking." + strings.ReplaceAll(name, "-", "_"), English: name,
			score: func(l *Lifter, t int, _ scoring.TeamPoints, _ bool) float64 {
				return scoring.GAMX(v, float64(t), l.BodyWeight, l.Gender, l.Age)
			}})
	}
	return append(out, System{Name: "TeamPoints", Key: "Scoreboard.Points", English: "Points", Points: true, score: teamPoints})
}

// CompetitionSystems maps OWLCMS's scoring system names (the database's) to ours.
var CompetitionSystems = map[string]string{
	"BW_SINCLAIR": "Sinclair", "SMM": "SMHF", "QPOINTS": "QPoints", "QAGE": "QMasters",
	"GAMX": "GAMX", "GAMX_M": "GAMX-M", "GAMX_A": "GAMX-A", "GAMX_U": "GAMX-U",
}

// SystemFor is the scoring system named in a URL, else the competition's, else Sinclair,
// with the competition's Sinclair year.
func SystemFor(name string, comp hub.Competition) System {
	return SystemForYears(name, comp, Years{})
}

// SystemForYears is SystemFor with years a board chose; a Sinclair year of 0 is the
// competition's.
func SystemForYears(name string, comp hub.Competition, y Years) System {
	if name == "" {
		name = CompetitionSystems[comp.ScoringSystem]
	}
	if y.Sinclair == 0 {
		y.Sinclair = comp.SinclairYear
	}
	systems := SystemsFor(y)
	for _, s := range systems {
		if strings.EqualFold(s.Name, name) {
			return s
		}
	}
	return systems[0]
}

// TeamPointsOf are the points for the first three places the competition gives, else the
// IWF's.
func TeamPointsOf(c hub.Competition) scoring.TeamPoints {
	return scoring.TeamPoints{First: c.TeamPoints1st, Second: c.TeamPoints2nd, Third: c.TeamPoints3rd}.Or(scoring.DefaultTeamPoints)
}
