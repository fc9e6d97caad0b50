package board

import (
	"strings"

	"github.com/owlcms/tracker/hub"
)

// ownWords are the tracker's own sentences, for what OWLCMS has no translation of (OWLCMS's
// boards do not show them): by base language, then key, with OWLCMS's "{0}" arguments. A
// language not listed reads English.
var ownWords = map[string]map[string]string{
	"en": {
		"Tracker.IfGood.Snatch":    "If good: rank {0} in the snatch",
		"Tracker.IfGood.CleanJerk": "If good: rank {0} in the clean & jerk",
		"Tracker.IfGood.Total":     "If good: rank {0} in the total",
	},
	"fr": {
		"Tracker.IfGood.Snatch":    "Si réussi : rang {0} à l'arraché",
		"Tracker.IfGood.CleanJerk": "Si réussi : rang {0} à l'épaulé-jeté",
		"Tracker.IfGood.Total":     "Si réussi : rang {0} au total",
	},
	"de": {
		"Tracker.IfGood.Snatch":    "Wenn gültig: Platz {0} im Reißen",
		"Tracker.IfGood.CleanJerk": "Wenn gültig: Platz {0} im Stoßen",
		"Tracker.IfGood.Total":     "Wenn gültig: Platz {0} im Zweikampf",
	},
	"es": {
		"Tracker.IfGood.Snatch":    "Si es válido: puesto {0} en arranque",
		"Tracker.IfGood.CleanJerk": "Si es válido: puesto {0} en dos tiempos",
		"Tracker.IfGood.Total":     "Si es válido: puesto {0} en total",
	},
	"it": {
		"Tracker.IfGood.Snatch":    "Se valida: posizione {0} nello strappo",
		"Tracker.IfGood.CleanJerk": "Se valida: posizione {0} nello slancio",
		"Tracker.IfGood.Total":     "Se valida: posizione {0} nel totale",
	},
	"nb": {
		"Tracker.IfGood.Snatch":    "Hvis godkjent: plass {0} i rykk",
		"Tracker.IfGood.CleanJerk": "Hvis godkjent: plass {0} i støt",
		"Tracker.IfGood.Total":     "Hvis godkjent: plass {0} sammenlagt",
	},
}

// Own is one of the tracker's own sentences in the viewer's language (its base language, else
// English), with OWLCMS's MessageFormat arguments. The competition's translations win when
// they have the key, so a federation can word it its own way.
func (r Request) Own(key string, args ...any) string {
	lang := r.Lang
	if r.Snap != nil && r.Snap.Translations != nil {
		// The board's own language: a viewer asking for one the competition lacks reads the
		// board in English, and these words with it.
		lang = r.Snap.Translations.Resolve(lang)
	}
	lang = strings.ToLower(strings.ReplaceAll(lang, "_", "-"))
	base, _, _ := strings.Cut(lang, "-")
	if base == "no" || base == "nn" {
		base = "nb"
	}
	words, ok := ownWords[base][key]
	if !ok {
		words = ownWords["en"][key]
	}
	return hub.FormatMessage(r.T(key, words), args...)
}
