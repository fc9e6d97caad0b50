// Package rankings shows the session's athletes by category and rank: by snatch rank
// during the snatch, by total rank from the clean & jerk on, with the rank it sorted by.
package rankings

import (
	"cmp"
	"slices"
	"strconv"

	"github.com/owlcms/tracker/components"
	"github.com/owlcms/tracker/hub"
	"github.com/owlcms/tracker/scoreboards/board"
)

// Declaration is the rankings board: the standard board in rank order, whose rank column
// shows the rank it sorted by.
var Declaration = board.OrderBoard{Name: "rankings", Place: 300,
	Title: "Rankings", TitleKey: "Scoreboard.RankingOrder",
	Description: "The session by category and rank: snatch rank during the snatch, total rank after.",
	Order:       rankOrder,
	RankColumn: func(r board.Request) board.RankColumn {
		if bySnatch(r.FOP) {
			return board.RankColumn{Label: components.SanitizeRichText(r.T("Scoreboard.Snatch", "Snatch")), Snatch: true}
		}
		return board.RankColumn{Label: components.SanitizeRichText(r.T("Scoreboard.Total", "Total"))}
	},
}

// Board is the rankings board's registration.
var Board = Declaration.Board()

// bySnatch: the snatch ranks until the clean & jerk starts, the total ranks from then on.
func bySnatch(f *hub.FOP) bool { return f == nil || !f.IsCleanJerk() }

// rankOrder lists the athletes category by category (in the order categories appear in the
// start order), each category by the rank of the phase, unranked athletes last, ties by
// start number; a spacer separates categories.
func rankOrder(f *hub.FOP) []hub.OrderEntry {
	catOrder := map[string]int{}
	for _, e := range f.StartOrder {
		if e.Athlete != nil {
			if _, ok := catOrder[e.Athlete.Category]; !ok {
				catOrder[e.Athlete.Category] = len(catOrder)
			}
		}
	}
	athletes := slices.Clone(f.Athletes)
	for _, a := range athletes {
		if _, ok := catOrder[a.Category]; !ok {
			catOrder[a.Category] = len(catOrder)
		}
	}
	snatch := bySnatch(f)
	rank := func(a *hub.Athlete) int {
		if snatch {
			return rankValue(a.SnatchRank)
		}
		return rankValue(a.TotalRank)
	}
	slices.SortStableFunc(athletes, func(a, b *hub.Athlete) int {
		return cmp.Or(
			cmp.Compare(catOrder[a.Category], catOrder[b.Category]),
			cmp.Compare(rank(a), rank(b)),
			cmp.Compare(rankValue(a.SnatchRank), rankValue(b.SnatchRank)), // before any total
			cmp.Compare(number(a.StartNumber), number(b.StartNumber)),
		)
	})
	var out []hub.OrderEntry
	for i, a := range athletes {
		if i > 0 && a.Category != athletes[i-1].Category {
			out = append(out, hub.OrderEntry{Spacer: true})
		}
		out = append(out, hub.OrderEntry{Key: a.Key, Athlete: a})
	}
	return out
}

// unranked sorts after every real rank.
const unranked = 1 << 30

// rankValue reads a rank as OWLCMS formats it; "-", "" and 0 are unranked.
func rankValue(s string) int {
	n, err := strconv.Atoi(s)
	if err != nil || n <= 0 {
		return unranked
	}
	return n
}

func number(s string) int {
	n, err := strconv.Atoi(s)
	if err != nil {
		return unranked
	}
	return n
}
