package scoreboards

import (
	"cmp"
	"slices"

	"github.com/owlcms/tracker/scoreboards/attemptbar"
	"github.com/owlcms/tracker/scoreboards/attemptboard"
	"github.com/owlcms/tracker/scoreboards/board"
	"github.com/owlcms/tracker/scoreboards/currentathlete"
	"github.com/owlcms/tracker/scoreboards/jury"
	"github.com/owlcms/tracker/scoreboards/liftingorder"
	"github.com/owlcms/tracker/scoreboards/lowerthird"
	"github.com/owlcms/tracker/scoreboards/medals"
	"github.com/owlcms/tracker/scoreboards/multiranks"
	"github.com/owlcms/tracker/scoreboards/rankings"
	"github.com/owlcms/tracker/scoreboards/records"
	"github.com/owlcms/tracker/scoreboards/refereeassignments"
	"github.com/owlcms/tracker/scoreboards/startlist"
	"github.com/owlcms/tracker/scoreboards/startorder"
	"github.com/owlcms/tracker/scoreboards/teamrankings"
	"github.com/owlcms/tracker/scoreboards/teamscoreboard"
	"github.com/owlcms/tracker/scoreboards/topscore"
	"github.com/owlcms/tracker/scoreboards/topteams"
)

// all is the registry: every board the tracker serves. Add a board here.
var all = []*board.Board{
	startorder.Board,
	liftingorder.Board,
	rankings.Board,
	multiranks.Board,
	records.Board,
	startlist.Board,
	medals.Board,
	attemptboard.Board,
	jury.Board,
	attemptbar.Board,
	lowerthird.Board,
	currentathlete.Board,
	teamscoreboard.Board,
	teamrankings.Board,
	topteams.Board,
	topscore.Board,
	refereeassignments.Board,
}

// All lists the boards by category (in board.Categories order), then by Order.
func All() []*board.Board {
	out := slices.Clone(all)
	slices.SortStableFunc(out, func(a, b *board.Board) int {
		return cmp.Or(
			cmp.Compare(slices.Index(board.Categories, a.Category), slices.Index(board.Categories, b.Category)),
			cmp.Compare(a.Order, b.Order))
	})
	return out
}

// Lookup finds a board by its URL name.
func Lookup(name string) (*board.Board, bool) {
	for _, b := range all {
		if b.Name == name {
			return b, true
		}
	}
	return nil, false
}
