// Package tracker is the root of owlcms-tracker, a scoreboard server for weightlifting
// competitions run with OWLCMS. The program lives in cmd/tracker; this package only
// anchors module-wide tooling.
//
// Running "go generate ./..." from anywhere in the module regenerates every *_templ.go file
// from its .templ source with the templ CLI pinned in go.mod (the tool directive). The
// generated files are committed, so a fresh clone builds without this step; CI and
// hygiene_test.go fail when they are stale.
package tracker

//go:generate go tool templ generate
