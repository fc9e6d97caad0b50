// Package scoreboards lists the boards the tracker serves.
//
// Each board is one sub-package, scoreboards/<name without dashes>/, holding:
//   - its declaration (declaration.go): what sets it apart, the rest coming from its category
//     through board.New (docs/architecture.md, "Adding a board");
//   - a pure data helper: a board.Request (a hub snapshot, the platform, the viewer's language
//     and options) → a view model holding only what the board shows, table-tested. Every
//     number a board shows takes this path: hub (OWLCMS's data, decoded) → the board's helper
//     in scoreboards/ → the templ views of components/ and the board's own, which only lay it
//     out;
//   - its templ view, built from the shared pieces in components/;
//   - its options (parsed from the URL, with defaults);
//   - testdata/*.golden.html: its page and each fragment, rendered from invented fixtures in
//     dark, light and French (boardtest.Goldens; go test ./scoreboards/... -update rewrites
//     them).
//
// The standard boards (start order, lifting order, rankings) are each a board.OrderBoard
// declaration: the same page and fragments, differing in the order they read.
//
// Boards read the hub's decoded types, never the OWLCMS wire format, and cache on the hub's
// versions: FOPData for the athlete grid, FOPLive for the clock and lights, Database and
// Translations for everything. The registry in this package lists them for the router and
// the landing page; its tests require every board's golden files and render every board from
// real OWLCMS captures when they are present.
package scoreboards
