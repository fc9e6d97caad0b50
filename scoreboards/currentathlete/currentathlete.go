// Package currentathlete is OWLCMS's video strip of the current athlete: the attempt bar, and
// under it that athlete's line of the scoreboard (six attempts, bests, ranks and total), on a
// transparent page for OBS.
package currentathlete

import (
	"github.com/owlcms/tracker/components"
	"github.com/owlcms/tracker/hub"
	"github.com/owlcms/tracker/scoreboards/board"
)

// View is what the strip shows: the attempt bar overlay and the lifter's line.
type View struct {
	board.BarOverlay
	Grid *components.GridView // the lifter's line; nil during breaks
}

// Data is the strip's view model: the attempt bar and the current athlete's scoreboard line.
func Data(r board.Request) View {
	v := View{BarOverlay: r.BarOverlay(declaration.PageTitle(r))}
	var a *hub.Athlete
	if r.FOP != nil {
		a = board.OnStage(r).Athlete(r.FOP) // the judged lifter's line, with the result, while the lights or the jury's review show
	}
	if v.Hidden || v.Bar.Break || a == nil {
		return v
	}
	row := board.Row(r.FOP, a)
	row.Current, row.Next = false, false // the strip is about them: nothing to point out
	rows := []components.GridRow{row}
	g := components.GridView{Labels: board.GridLabels(r), Rows: rows, Columns: board.GridColumns(r.FOP, rows)}
	g.Columns.NoLifter = true // the bar above names the lifter and the team
	g.RankLbl = g.Labels.Rank
	v.Grid = &g
	return v
}
