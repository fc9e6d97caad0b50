package web

// The tests of this directory are in package web_test, so that they can build the tracker
// with app.New (which imports web); these are the internals they check.
const LinkPath = linkPath

var (
	PagePolicy      = pagePolicy
	BoardPolicy     = boardPolicy
	FragmentPolicy  = fragmentPolicy
	BoardLinks      = boardLinks
	Plural          = plural
	ModeLabel       = modeLabel
	LocaleLabel     = localeLabel
	Known           = known
	ConnectionState = connectionState
)

type BoardLink = boardLink
