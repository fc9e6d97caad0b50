// Package rankings shows the session's athletes by category and rank: by snatch rank
// during the snatch, by total rank from the clean & jerk on, with the rank it sorted by.
package rankings

import (
	"cmp"
	"slices"
	"strconv"

	"github.com/a-h/templ"

	"github.com/owlcms/tracker/components"
	"github.com/owlcms/tracker/hub"
	"github.com/owlcms/tracker/scoreboards/board"
)

const (
	title    = "Rankings"
	titleKey = "Scoreboard.RankingOrder" // OWLCMS translation of the title
)

// Board is the rankings board's registration.
var Board = &board.Board{
	Name:        "rankings",
	Title:       title,
	TitleKey:    titleKey,
	Description: "The session by category and rank: snatch rank during the snatch, total rank after.",
	Category:    board.Standard,
	Order:       300,
	Fragments:   []board.Fragment{{Name: "bar", Live: true}, {Name: "grid"}},
	Wants:       []hub.Resource{hub.ResourceFlags}, // its rows or bar show flags
	View:        func(r board.Request) templ.Component { return components.StandardBoard(Data(r)) },
}

// Data is the board's view model: every number on the board comes from here.
func Data(r board.Request) components.StandardView {
	bySnatch := r.FOP == nil || !r.FOP.IsCleanJerk()
	label := components.SanitizeRichText(r.T("Scoreboard.Total", "Total"))
	if bySnatch {
		label = components.SanitizeRichText(r.T("Scoreboard.Snatch", "Snatch"))
	}
	var rows []components.GridRow
	if r.FOP != nil {
		rows = sorted(r.FOP, bySnatch)
	}
	return board.StandardView(r, r.T(titleKey, title), rows, label)
}

// sorted lists the athletes category by category (in the order categories appear in the
// start order), each category by the rank of the phase, unranked athletes last, ties by
// start number; a spacer separates categories. The rank column shows the rank sorted by.
func sorted(f *hub.FOP, bySnatch bool) []components.GridRow {
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
	rank := func(a *hub.Athlete) int {
		if bySnatch {
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
	var rows []components.GridRow
	for i, a := range athletes {
		if i > 0 && a.Category != athletes[i-1].Category {
			rows = append(rows, components.GridRow{Spacer: true})
		}
		row := board.Row(f, a)
		if bySnatch {
			row.Rank = row.SnatchRank
		}
		rows = append(rows, row)
	}
	return rows
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
