package boardtest

import "github.com/owlcms/tracker/hub"

// French is an invented French table in the shape OWLCMS sends, for the boards' French
// golden files: only "fr", so English viewers get each board's English fallbacks.
var French = hub.NewTranslations(map[string]map[string]string{"fr": {
	"BreakType.BEFORE_INTRODUCTION": "Avant la présentation",
	"BreakType.FIRST_CJ":            "Temps avant l'épaulé-jeté",
	"BreakType.FIRST_SNATCH":        "Temps avant l'arraché",
	"C_and_J_number":                "Épaulé-jeté n° {0}",
	"Gender.Men":                    "Hommes",
	"Gender.Women":                  "Femmes",
	"Group_number":                  "Groupe {0}",
	"Jury":                          "Jury",
	"Platform":                      "Plateau",
	"PublicMsg.CompetitionPaused":   "Compétition interrompue",
	"PublicMsg.JuryDeliberation":    "Délibération du jury",
	"Scoreboard.AttemptsDone":       "{0,choice,0#Aucun essai.|1#1 essai.|1<{0} essais.}",
	"Scoreboard.Birth":              "Naiss.",
	"Scoreboard.BodyWeight":         "P.C.",
	"Scoreboard.Category":           "Cat.",
	"Scoreboard.Clean_and_Jerk":     "Épaulé-jeté",
	"Scoreboard.GroupLiftType":      "Groupe {0} {1}",
	"Scoreboard.Leaders":            "Meneurs :",
	"Scoreboard.LiftingOrder":       "Ordre de passage",
	"Scoreboard.Name":               "Nom",
	"Scoreboard.NextAttempt":        "Prochain essai",
	"Scoreboard.Points":             "Points",
	"Scoreboard.Rank":               "Rang",
	"Scoreboard.RankingOrder":       "Classement",
	"Scoreboard.RecordAttempt":      "Tentative de record",
	"Scoreboard.Snatch":             "Arraché",
	"Scoreboard.Start":              "Départ",
	"Scoreboard.Team":               "Équipe",
	"Scoreboard.TopTeams":           "Meilleures équipes",
	"Scoreboard.TopTeamsMen":        "Meilleures équipes - Hommes",
	"Scoreboard.TopTeamsWomen":      "Meilleures équipes - Femmes",
	"Scoreboard.Total":              "Total",
	"Scoreboard.WaitingNextGroup":   "En attente du prochain groupe.",
	"Scoreboard.records":            "Records",
	"Snatch_number":                 "Arraché n° {0}",
	"WaitingForSite":                "En attente des données du plateau.",
}}, "invented-fr")
