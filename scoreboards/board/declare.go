package board

import (
	"github.com/a-h/templ"

	"github.com/owlcms/tracker/components"
	"github.com/owlcms/tracker/hub"
)

// New is the registration of the board b declares: page(data(r)) renders its page, whose
// fragments are templ.Fragments inside it, and whatever b leaves unset (Options, NoCommon,
// Fragments, Wants) comes from its category's defaults, so a board declares only what sets
// it apart. Documents are always for the whole meet (NoPlatform).
func New[V any](b Board, data func(Request) V, page func(V) templ.Component) *Board {
	d := categoryDefaults[b.Category]
	if b.Options == nil {
		b.Options = d.Options
	}
	if b.NoCommon == nil {
		b.NoCommon = d.NoCommon
	}
	if b.Fragments == nil {
		b.Fragments = d.Fragments
	}
	if b.Wants == nil {
		b.Wants = d.Wants
	}
	b.NoPlatform = b.NoPlatform || d.NoPlatform
	b.View = func(r Request) templ.Component { return page(data(r)) }
	return &b
}

// PageTitle is the board's title in the viewer's language, the title of its page.
func (b *Board) PageTitle(r Request) string { return r.T(b.TitleKey, b.Title) }

// Page is the page around the board: its title in the viewer's language and its own
// stylesheets, both from the declaration.
func (b *Board) Page(r Request) components.PageMeta {
	p := r.Page(b.PageTitle(r))
	p.Stylesheets = b.Stylesheets
	return p
}

// Frame is what every board with the attempt bar on top starts its view with: the page and
// the bar. A board's View embeds it, so its templates read v.Page and v.Bar.
type Frame struct {
	Page components.PageMeta
	Bar  components.AttemptBarView
}

// Frame is the board's page with the attempt bar of r's platform.
func (b *Board) Frame(r Request) Frame { return Frame{Page: b.Page(r), Bar: AttemptBar(r)} }

// WithBar is the fragments of a board with the attempt bar on top: "bar", which changes with
// the clock and the lights too, and the board's own part, which changes with the athletes
// only and carries the bar (Fragment.Carries).
func WithBar(name string) []Fragment {
	return []Fragment{{Name: "bar", Live: true}, {Name: name, Carries: "bar"}}
}

// WithLiveBar is WithBar for a part that also changes with the platform's mode (a ceremony
// changes what the medals board shows).
func WithLiveBar(name string) []Fragment {
	return []Fragment{{Name: "bar", Live: true}, {Name: name, Live: true, Carries: "bar"}}
}

// noLeaders are the common options of the boards that show neither the leaders of the current
// category nor the records under them.
var noLeaders = []string{"showLeaders", "showRecords"}

// flags is what a board whose rows or attempt bar show flags asks OWLCMS for.
var flags = []hub.Resource{hub.ResourceFlags}

// categoryDefaults is what a board of each category is unless it says otherwise.
var categoryDefaults = map[Category]Board{
	// A standard board's grid rows may travel alone (Fragment.Rows).
	Standard: {Fragments: []Fragment{{Name: "bar", Live: true}, {Name: "grid", Rows: true, Carries: "bar"}}, Wants: flags},
	Team:     {NoCommon: noLeaders, Wants: flags},
	// A ceremony board (the start list, the medals) names its own part under the attempt bar.
	Ceremony: {NoCommon: noLeaders, Wants: flags},
	// An attempt board fills the screen with one live fragment: the lifter with picture and flag.
	AttemptBoard: {NoCommon: noLeaders, Wants: []hub.Resource{hub.ResourcePictures, hub.ResourceFlags},
		Fragments: []Fragment{{Name: "board", Live: true}}},
	// A video overlay is one live fragment on a transparent page, at the top or bottom of the
	// frame.
	VideoOverlay: {Options: []Option{PositionOption}, NoCommon: noLeaders, Wants: flags,
		Fragments: []Fragment{{Name: "overlay", Live: true}}},
	// A document is printed: one sheet for the whole meet, in the printer's colours and size.
	Documents: {NoPlatform: true, NoCommon: []string{"showLeaders", "showRecords", "size", "theme"},
		Fragments: []Fragment{{Name: "sheet"}}},
}
