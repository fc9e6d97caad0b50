package web

import (
	"net/http"

	"github.com/owlcms/tracker/scoreboards"
	"github.com/owlcms/tracker/scoreboards/board"
)

// forParam names, on the fragment URLs of a public display showing a ceremony's board, the
// board the display was opened as: once the ceremony is over its fragments ask the page to
// reload, and the page shows that board again.
const forParam = "for"

// publicPage is the board a page request shows: a public display (public=true) shows the
// ceremony's board while one is under way (board.PublicBoard), with the options of that board
// from the same URL; any other request shows the board it names.
func publicPage(r *http.Request, bd *board.Board, req board.Request) (*board.Board, board.Request) {
	if !req.Options.Public || !bd.Switches() {
		return bd, req
	}
	shown, ok := scoreboards.Lookup(board.PublicBoard(bd.Name, req.FOP))
	if !ok || shown == bd {
		return bd, req
	}
	req.Query = shown.BoardQuery(r.URL.Query())
	return shown, req
}

// publicOrigin is the board a public display's fragment request was opened as: the forParam
// when it names a board that switches, else the fragment's own board.
func publicOrigin(r *http.Request, bd *board.Board) *board.Board {
	if o, ok := scoreboards.Lookup(r.URL.Query().Get(forParam)); ok && o.Switches() {
		return o
	}
	return bd
}

// publicStale reports whether a public display's page shows another board than it should now
// (a ceremony began or ended): its fragment answer then asks htmx to reload the page.
func publicStale(r *http.Request, bd *board.Board, req board.Request) bool {
	origin := publicOrigin(r, bd)
	if !req.Options.Public || !origin.Switches() {
		return false
	}
	return board.PublicBoard(origin.Name, req.FOP) != bd.Name
}
