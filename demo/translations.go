package demo

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"maps"
	"sync"

	"github.com/owlcms/tracker/hub"
)

// baseTranslations are the texts for the keys scoreboards use, in OWLCMS's key and
// placeholder conventions (MessageFormat "{0}" and choice patterns, HTML entities allowed).
// The English ones are OWLCMS's own English (as a real OWLCMS 64 sends them: "Clean&Jerk",
// "Session {0} {1}"), so the demo shows what a meet shows; the other languages are the demo's.
var baseTranslations = map[string]map[string]string{
	"en": {
		"Name":                              "Name",
		"Team":                              "Team",
		"Category":                          "Category",
		"Snatch":                            "Snatch",
		"Clean_and_Jerk":                    "Clean&Jerk",
		"Total":                             "Total",
		"Rank":                              "Rank",
		"Leaders":                           "Leaders",
		"Snatch_number":                     "Snatch #{0}",
		"C_and_J_number":                    "C&J #{0}",
		"Group_number":                      "Session {0}",
		"Group_number_results":              "Session {0} &ndash; Results",
		"AttemptBoard_attempt_number":       "{0}<sup>{0,choice,1#st|2#nd|3#rd}</sup> att.",
		"catAboveFormat":                    ">{0}",
		"Results.Extra/Invited":             "ext.",
		"Scoreboard.Start":                  "Start",
		"Scoreboard.Name":                   "Name",
		"Scoreboard.Category":               "Cat.",
		"Scoreboard.Birth":                  "Born",
		"Scoreboard.Team":                   "Team",
		"Scoreboard.Snatch":                 "Snatch",
		"Scoreboard.Clean_and_Jerk":         "Clean&amp;Jerk",
		"Scoreboard.Total":                  "Total",
		"Scoreboard.Rank":                   "Rank",
		"Scoreboard.Best":                   "✔",
		"Scoreboard.Leaders":                "Leaders:",
		"Scoreboard.records":                "RECORDS",
		"Scoreboard.recordS":                "S",
		"Scoreboard.recordCJ":               "CJ",
		"Scoreboard.recordT":                "T",
		"Scoreboard.KgSymbol":               "\u00a0kg",
		"Scoreboard.Sinclair":               "Sinclair",
		"Scoreboard.TopSinclair":            "Top Sinclair",
		"Scoreboard.LiftingOrder":           "Lifting Order",
		"Scoreboard.GroupLiftType":          "Session {0} {1}",
		"Scoreboard.AttemptsDone":           "{0,choice,0#No attempts done.|1#1 attempt done.|1<{0} attempts done.}",
		"Scoreboard.WaitingNextGroup":       "Waiting for next session.",
		"Scoreboard.RecordAttempt":          "Record Attempt",
		"Scoreboard.NewRecord":              "New Record!",
		"PublicMsg.CompetitionPaused":       "Competition paused",
		"PublicMsg.GroupDone":               "Results",
		"PublicMsg.JuryDeliberation":        "Jury Deliberation",
		"PublicMsg.Medals":                  "Medal Ceremony",
		"PublicMsg.CHALLENGE":               "Challenge",
		"JuryNotification.Reversal":         "Jury REVERSAL",
		"JuryNotification.Confirmed":        "Jury Confirmation",
		"WaitingForSite":                    "Waiting for updates from the competition site.",
		"BreakType.BEFORE_INTRODUCTION":     "Time before Introduction",
		"BreakType.FIRST_SNATCH":            "Time before Snatch",
		"BreakType.FIRST_CJ":                "Time before Clean & Jerk",
		"BreakMgmt.IntroductionOfAthletes":  "Introduction of Athletes",
		"BreakMgmt.IntroductionOfOfficials": "Introduction of Officials",
	},
	"fr": {
		"Name":                              "Nom",
		"Team":                              "Équipe",
		"Category":                          "Catégorie",
		"Snatch":                            "Arraché",
		"Clean_and_Jerk":                    "Épaulé-jeté",
		"Total":                             "Total",
		"Rank":                              "Rang",
		"Leaders":                           "En tête",
		"Snatch_number":                     "Arraché no {0}",
		"C_and_J_number":                    "É.-J. no {0}",
		"Group_number":                      "Groupe {0}",
		"Group_number_results":              "Groupe {0} &ndash; Résultats",
		"AttemptBoard_attempt_number":       "{0}<sup>{0,choice,1#er|2#e|3#e}</sup> ess.",
		"catAboveFormat":                    ">{0}",
		"Results.Extra/Invited":             "inv.",
		"Scoreboard.Start":                  "Départ",
		"Scoreboard.Name":                   "Athlète",
		"Scoreboard.Category":               "Cat.",
		"Scoreboard.Birth":                  "Né(e)",
		"Scoreboard.Team":                   "Équipe",
		"Scoreboard.Snatch":                 "Arraché",
		"Scoreboard.Clean_and_Jerk":         "Épaulé-jeté",
		"Scoreboard.Total":                  "Total",
		"Scoreboard.Rank":                   "Rang",
		"Scoreboard.Best":                   "Meill.",
		"Scoreboard.Leaders":                "En tête",
		"Scoreboard.records":                "Records",
		"Scoreboard.recordS":                "A",
		"Scoreboard.recordCJ":               "ÉJ",
		"Scoreboard.recordT":                "T",
		"Scoreboard.KgSymbol":               "\u00a0kg",
		"Scoreboard.Sinclair":               "Sinclair",
		"Scoreboard.TopSinclair":            "Meilleurs athlètes (Sinclair)",
		"Scoreboard.LiftingOrder":           "Ordre de passage",
		"Scoreboard.GroupLiftType":          "Groupe {0} – {1}",
		"Scoreboard.AttemptsDone":           "{0,choice,0#Aucun essai.|1#1 essai fait.|1<{0} essais faits.}",
		"Scoreboard.WaitingNextGroup":       "En attente du prochain groupe.",
		"Scoreboard.RecordAttempt":          "Tentative de record",
		"Scoreboard.NewRecord":              "Nouveau record !",
		"PublicMsg.CompetitionPaused":       "Compétition en pause",
		"PublicMsg.GroupDone":               "Résultats",
		"PublicMsg.JuryDeliberation":        "Délibération du jury",
		"PublicMsg.Medals":                  "Remise des médailles",
		"PublicMsg.CHALLENGE":               "Contestation de l’entraîneur",
		"JuryNotification.Reversal":         "Décision renversée par le jury",
		"JuryNotification.Confirmed":        "Décision confirmée par le jury",
		"WaitingForSite":                    "En attente des informations du site de compétition.",
		"BreakType.BEFORE_INTRODUCTION":     "Présentation dans",
		"BreakType.FIRST_SNATCH":            "Début de l’arraché dans",
		"BreakType.FIRST_CJ":                "Début de l’épaulé-jeté dans",
		"BreakMgmt.IntroductionOfAthletes":  "Présentation des athlètes",
		"BreakMgmt.IntroductionOfOfficials": "Présentation des officiels",
	},
}

// regionalOverrides are the keys a regional locale changes over its base language. OWLCMS sends
// regional locales already merged, so TranslationsJSON merges them too.
var regionalOverrides = map[string]struct {
	base      string
	overrides map[string]string
}{
	"fr-CA": {base: "fr", overrides: map[string]string{
		"Group_number":                "Session {0}",
		"Group_number_results":        "Session {0} &ndash; Résultats",
		"Scoreboard.GroupLiftType":    "Session {0} – {1}",
		"Scoreboard.WaitingNextGroup": "En attente de la prochaine session.",
		"PublicMsg.CompetitionPaused": "Compétition interrompue",
	}},
}

// locales returns every locale as a full key map, regional ones merged over their base.
func locales() map[string]map[string]string {
	out := make(map[string]map[string]string, len(baseTranslations)+len(regionalOverrides))
	for loc, m := range baseTranslations {
		out[loc] = maps.Clone(m)
	}
	for loc, r := range regionalOverrides {
		m := maps.Clone(baseTranslations[r.base])
		maps.Copy(m, r.overrides)
		out[loc] = m
	}
	return out
}

// sharedLocales is locales computed once, for translate; never modify it.
var sharedLocales = sync.OnceValue(locales)

// translate formats key in locale, falling back to English, then to the key itself (as OWLCMS
// shows a missing key).
func translate(locale, key string, args ...any) string {
	all := sharedLocales()
	pattern, ok := all[locale][key]
	if !ok {
		pattern, ok = all["en"][key]
	}
	if !ok {
		return key
	}
	return hub.FormatMessage(pattern, args...)
}

// TranslationsJSON is translations.json as OWLCMS puts it in translations_zip:
// {"locales":{"en":{...},"fr":{...},"fr-CA":{...}},"translationsChecksum":"<sha256 hex>"}.
func TranslationsJSON() []byte {
	locs := marshal(locales()) // encoding/json sorts map keys: stable bytes, stable checksum
	sum := sha256.Sum256(locs)
	return marshal(newObject().
		set("locales", json.RawMessage(locs)).
		set("translationsChecksum", hex.EncodeToString(sum[:])))
}
