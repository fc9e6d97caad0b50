package board

import (
	"github.com/owlcms/tracker/components"
	"github.com/owlcms/tracker/hub"
)

// OrderBoard declares a standard board: the attempt bar over the session's athletes in one
// order, with the leaders of the current category and the records. The start order, the
// lifting order and the rankings differ only in the order they read (and the rankings in the
// rank their rank column shows).
type OrderBoard struct {
	Name        string // URL path
	Title       string // English title, also the page's title
	TitleKey    string // OWLCMS's translation of Title, "" for none
	Description string
	Place       int // among the standard boards of the landing page
	// Order is the board's order of the platform's athletes (f is never nil); spacers separate
	// categories. When it is empty the athletes come in the order OWLCMS sent them.
	Order func(f *hub.FOP) []hub.OrderEntry
	// RankColumn, when set, says which rank the rank column shows and names it under the
	// header; without it the column shows the total rank, unnamed.
	RankColumn func(r Request) RankColumn
	// MultiRanks gives every rank a column per age group the session's athletes are ranked
	// in (OWLCMS's multi-ranks scoreboard).
	MultiRanks bool
}

// RankColumn is what a standard board's rank column shows.
type RankColumn struct {
	Label  string // under the rank header ("Snatch"), plain text
	Snatch bool   // the snatch rank instead of the total rank
}

// Board is the registration of the declared board: a standard board, whose page and
// fragments come from one components.StandardBoard.
func (d OrderBoard) Board() *Board {
	b := Board{Name: d.Name, Title: d.Title, TitleKey: d.TitleKey, Description: d.Description, Category: Standard, Order: d.Place,
		Options: []Option{PageSecondsOption}}
	return New(b, d.View, components.StandardBoard)
}

// View is the board's view model, a function of r alone: every number on the board is read
// from the hub snapshot in r here (hub → board → components), and the templates of
// components/ only lay it out.
func (d OrderBoard) View(r Request) components.StandardView {
	var rows []components.GridRow
	var order []hub.OrderEntry
	if f := r.FOP; f != nil {
		order = d.Order(f)
		if len(order) == 0 {
			order = Entries(f.Athletes)
		}
		rows = Rows(f, order)
	}
	var rc RankColumn
	if d.RankColumn != nil {
		rc = d.RankColumn(r)
	}
	leaders := Leaders(r)
	if rc.Snatch {
		// The last column is the rank its header names, for the leaders under the grid too.
		snatchRanks(rows)
		if leaders != nil {
			snatchRanks(leaders.Rows)
		}
	}
	v := components.StandardView{
		Page:    r.Page(r.T(d.TitleKey, d.Title)),
		Bar:     AttemptBar(r),
		Grid:    components.GridView{Labels: GridLabels(r), Rows: rows, RankSub: rc.Label},
		Leaders: leaders,
		Records: Records(r),
	}
	v.Grid.Columns = GridColumns(r.FOP, rows)
	if d.MultiRanks && r.FOP != nil {
		setGroupRanks(r, order, &v.Grid, r.FOP.Leaders, v.Leaders)
	}
	v.Grid.RankLbl = v.Grid.Labels.Rank
	if len(rows) == 0 {
		v.Grid.Empty = r.WaitingNextSession()
	}
	v.Fit = Fitting(v.Grid, v.Leaders, v.Records)
	v.Page.Scripts = []string{"js/pager.js"}
	v.Paging = components.Paging{PauseMS: PageSeconds(r) * 1000}
	return v
}

// snatchRanks puts each row's snatch rank in its last column.
func snatchRanks(rows []components.GridRow) {
	for i := range rows {
		rows[i].Rank = rows[i].SnatchRank
	}
}

// Entries wraps athletes as order entries, for a platform OWLCMS sent no order for.
func Entries(athletes []*hub.Athlete) []hub.OrderEntry {
	out := make([]hub.OrderEntry, len(athletes))
	for i, a := range athletes {
		out[i] = hub.OrderEntry{Key: a.Key, Athlete: a}
	}
	return out
}
