package web_test

import "github.com/owlcms/tracker/web"

// Short names for what the tests read from package web (see export_test.go).
const linkPath = web.LinkPath

var (
	pagePolicy      = web.PagePolicy
	boardPolicy     = web.BoardPolicy
	fragmentPolicy  = web.FragmentPolicy
	boardLinks      = web.BoardLinks
	plural          = web.Plural
	modeLabel       = web.ModeLabel
	localeLabel     = web.LocaleLabel
	known           = web.Known
	connectionState = web.ConnectionState
)

type (
	boardLink    = web.BoardLink
	Status       = web.Status
	FOPStatus    = web.FOPStatus
	OWLCMSStatus = web.OWLCMSStatus
)
