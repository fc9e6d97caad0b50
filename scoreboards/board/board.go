// Package board is the contract between the web layer and the boards: what a board declares
// (name, category, options, fragments), what it receives (a Request: a hub snapshot, the
// platform, the viewer's language and options) and the shared builders that turn hub types
// into the view models of components/.
//
// Each board is a sub-package of scoreboards/ whose data helper is a pure function of a
// Request; the registry in package scoreboards lists them.
package board

import (
	"github.com/a-h/templ"

	"github.com/owlcms/tracker/hub"
)

// Category groups boards on the landing page.
type Category string

// The landing page's groups, in the order it shows them.
const (
	Standard     Category = "Scoreboards"
	Team         Category = "Teams"
	Ceremony     Category = "Ceremonies"
	AttemptBoard Category = "Attempt board"
	VideoOverlay Category = "Video overlays"
	Documents    Category = "Documents"
)

// Categories lists the groups in display order.
var Categories = []Category{Standard, Team, Ceremony, AttemptBoard, VideoOverlay, Documents}

// Board describes one board. A board declares only what sets it apart and New fills in the
// rest from its category.
type Board struct {
	Name        string // URL path: /<Name>?fop=A
	Title       string // English title; TitleKey's translation wins when OWLCMS has it
	TitleKey    string
	Description string
	Category    Category
	Order       int      // within its category
	Options     []Option // board-specific options, after the common ones
	NoCommon    []string // common options that do not apply to this board (e.g. "showRecords")
	Fragments   []Fragment
	// Stylesheets are the board's own, after the common ones (Page sets them).
	Stylesheets []string
	// NoPlatform boards show the whole meet (documents): their URL needs no fop.
	NoPlatform bool
	// Wants are the optional resources the board shows (pictures, logos): opening it makes the
	// tracker ask OWLCMS for them.
	Wants []hub.Resource
	// View renders the whole page; each fragment is a templ.Fragment inside it, so the page
	// and its fragments come from one component.
	View func(Request) templ.Component
}

// Fragment is a part of a board's page that htmx refreshes on its own.
type Fragment struct {
	Name string
	// Live fragments also change with the platform's clock, lights and mode (LiveVersion);
	// the others only with its athletes, order and records (DataVersion), so a clock event
	// never re-renders an athlete grid.
	Live bool
	// Rows fragments are tables whose rows may travel alone: a page that shows an earlier
	// version gets only the rows that changed, when nothing else did (docs/performance.md).
	// Only for fragments whose rows no script changes on the page.
	Rows bool
	// Carries names the fragment (the attempt bar) whose changes travel with this one's
	// answers, as an out-of-band swap: the page asks once per event, not once per fragment
	// (docs/performance.md, "One request per change"). The carried fragment's element on the
	// page fetches nothing itself.
	Carries string
}

// Fragment returns the board's fragment called name.
func (b *Board) Fragment(name string) (Fragment, bool) {
	for _, f := range b.Fragments {
		if f.Name == name {
			return f, true
		}
	}
	return Fragment{}, false
}
