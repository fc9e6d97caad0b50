package board

import (
	"cmp"
	"net/url"
	"strings"
	"time"

	"github.com/owlcms/tracker/components"
	"github.com/owlcms/tracker/hub"
)

// Request is everything a board's data helper may read. It is built by the web layer per
// page or fragment render; helpers never look anywhere else, which keeps them pure and
// table-testable.
type Request struct {
	Snap    *hub.Snapshot
	FOPName string   // the platform asked for ("" for boards without one)
	FOP     *hub.FOP // nil until OWLCMS sent something for FOPName
	Lang    string   // the viewer's language as asked; lookups fall back to its base, then en
	Options Options
	Query   url.Values // the board-specific options (Board.BoardQuery)
	// Now is when the render happens (set by the web layer; zero in tests that do not care):
	// signals held for a moment (the down arrow) are left out once their time is past.
	Now time.Time

	// Filled by the web layer for the page around the fragments.
	SSEURL   string
	URLs     map[string]string
	LinkURL  string // the OWLCMS connection marker's fragment, "" for none
	LinkDown bool   // OWLCMS is not connected
}

// NewRequest builds a request for a platform of a snapshot.
func NewRequest(s *hub.Snapshot, fop, lang string, o Options, q url.Values) Request {
	r := Request{Snap: s, FOPName: fop, Lang: lang, Options: o, Query: q}
	if s != nil {
		r.FOP = s.FOP(fop)
	}
	if r.Query == nil {
		r.Query = url.Values{}
	}
	return r
}

// T returns the translation of key in the viewer's language, falling back to its base
// locale, then English, then english: a board never shows "!key" or a raw key.
func (r Request) T(key, english string) string {
	if r.Snap != nil {
		if v, ok := r.Snap.Translations.Lookup(r.Lang, key); ok && v != "" {
			return v
		}
	}
	return english
}

// Tf is T with OWLCMS's MessageFormat arguments ("{0}", choice patterns).
func (r Request) Tf(key, english string, args ...any) string {
	return hub.FormatMessage(r.T(key, english), args...)
}

// Page returns the page frame of a board.
func (r Request) Page(title string) components.PageMeta {
	return components.PageMeta{
		Title: title, Lang: r.Lang, Theme: r.Options.Theme, Size: r.Options.Size,
		SSEURL: r.SSEURL, URLs: r.URLs, ServerMS: unixMS(r.Now),
		Link: r.Link(),
	}
}

// Link is the OWLCMS connection marker in the viewer's language.
func (r Request) Link() components.LinkView {
	return components.LinkView{
		Down: r.LinkDown, URL: r.LinkURL,
		Text: hub.PlainText(r.T("WaitingForSite", "Waiting for updates from the competition site.")),
	}
}

// WaitingNextSession is what a board shows where its athletes would be when the platform has
// no session, in the viewer's language.
func (r Request) WaitingNextSession() string {
	return r.T("Scoreboard.WaitingNextGroup", "Waiting for next session.")
}

// CompetitionName is the competition's name from the live data or the database.
func (r Request) CompetitionName() string {
	var live string
	if r.FOP != nil {
		live = r.FOP.CompetitionName
	}
	return cmp.Or(live, r.Competition().Name)
}

// unixMS is t in Unix milliseconds, 0 for the zero time.
func unixMS(t time.Time) int64 {
	if t.IsZero() {
		return 0
	}
	return t.UnixMilli()
}

// AssetURL is the /local URL of the file OWLCMS sent for stem (a team's flag, a membership
// number's picture), "" when there is none.
func (r Request) AssetURL(kind hub.AssetKind, stem string) string {
	if r.Snap == nil {
		return ""
	}
	if kind == hub.AssetFlags {
		return r.Snap.FlagURL(stem, "") // a team's flag may be named after its code
	}
	name, ok := r.Snap.FindAsset(kind, strings.TrimSpace(stem))
	if !ok {
		return ""
	}
	return hub.AssetURL(kind, name)
}

// Database is the competition's database, nil until OWLCMS sent it.
func (r Request) Database() *hub.Database {
	if r.Snap == nil {
		return nil
	}
	return r.Snap.Database
}

// Competition is the database's competition settings (zero values without a database).
func (r Request) Competition() hub.Competition {
	if db := r.Database(); db != nil {
		return db.Competition
	}
	return hub.Competition{}
}
