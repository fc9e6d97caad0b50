package web

import (
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/owlcms/tracker/hub"
)

// LangFallback is a language a board was opened in that OWLCMS sent no translations for: the
// board shows another one, and the organiser reads it on /status.
type LangFallback struct {
	Asked string    `json:"asked"` // the language of the URL (or the competition's)
	Shown string    `json:"shown"` // the one the board shows: a base language, or "en"
	Board string    `json:"board"` // the last board opened in it
	At    time.Time `json:"at"`
}

// maxLangFallbacks bounds what a flood of made-up lang= values can make the tracker keep.
const maxLangFallbacks = 16

// langFallbacks remembers the languages boards fell back from, most recent first.
type langFallbacks struct {
	mu   sync.Mutex
	list []LangFallback
}

// note records that board was opened in asked; it does nothing when the translations have
// that language, or when none are loaded yet (the status page says so already).
func (l *langFallbacks) note(tr *hub.Translations, asked, board string, now time.Time) {
	if tr == nil || len(tr.LocaleNames()) == 0 || tr.Has(asked) {
		return
	}
	shown := tr.Resolve(asked)
	if shown == "" {
		shown = "en" // the boards' own English
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	l.list = slices.DeleteFunc(l.list, func(f LangFallback) bool { return strings.EqualFold(f.Asked, asked) })
	l.list = slices.Insert(l.list, 0, LangFallback{Asked: asked, Shown: shown, Board: board, At: now})
	l.list = l.list[:min(len(l.list), maxLangFallbacks)]
}

// current are the fallbacks still true with these translations (OWLCMS may have sent the
// language since).
func (l *langFallbacks) current(tr *hub.Translations) []LangFallback {
	l.mu.Lock()
	defer l.mu.Unlock()
	var out []LangFallback
	for _, f := range l.list {
		if tr != nil && !tr.Has(f.Asked) {
			out = append(out, f)
		}
	}
	return out
}
