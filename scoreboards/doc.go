// Package scoreboards lists the boards the tracker serves.
//
// Each board is one sub-package, scoreboards/<name>/, holding three things:
//   - a pure data helper: hub.Snapshot (plus the board's options and the viewer's language)
//     → a view model holding only what the board shows, table-tested;
//   - its templ view, built from the shared pieces in components/;
//   - its options (parsed from the URL, with defaults).
//
// Boards read the hub's decoded types, never the OWLCMS wire format, and cache on the hub's
// versions: FOPData for the athlete grid, FOPLive for the clock and lights, Database and
// Translations for everything. The registry in this package lists them for the router and
// the landing page.
package scoreboards
