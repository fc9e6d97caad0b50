// Package currentathlete is OWLCMS's video strip of the current athlete: the attempt bar, and
// under it that athlete's line of the scoreboard (six attempts, bests, ranks and total), on a
// transparent page for OBS.
package currentathlete

import (
	"github.com/a-h/templ"

	"github.com/owlcms/tracker/components"
	"github.com/owlcms/tracker/hub"
	"github.com/owlcms/tracker/scoreboards/board"
)

const (
	title    = "Current athlete"
	titleKey = "CurrentAthleteTitle"
)

// Board is the current-athlete strip's registration.
var Board = &board.Board{
	Name:        "current-athlete",
	Title:       title,
	TitleKey:    titleKey,
	Description: "The attempt bar with the lifter's attempts, ranks and total on one line: a strip over the video.",
	Category:    board.VideoOverlay,
	Order:       300,
	Options:     []board.Option{board.PositionOption},
	NoCommon:    board.OverlayNoCommon,
	Fragments:   []board.Fragment{{Name: "overlay", Live: true}},
	Wants:       []hub.Resource{hub.ResourceFlags}, // its rows or bar show flags
	View:        func(r board.Request) templ.Component { return Page(Data(r)) },
}

// View is what the strip shows.
type View struct {
	Page     components.PageMeta
	Position string // "bottom" or "top" of the frame
	Hidden   bool   // no session on the platform: nothing over the video
	Bar      components.AttemptBarView
	Grid     *components.GridView // the lifter's line; nil during breaks
}

// Data is the strip's view model: the attempt bar and the current athlete's scoreboard line.
func Data(r board.Request) View {
	v := View{Page: r.OverlayPage(r.T(titleKey, title)), Position: r.Choice("position", "bottom", "top"), Bar: board.AttemptBar(r)}
	v.Hidden = v.Bar.Waiting
	var a *hub.Athlete
	if r.FOP != nil {
		a = r.FOP.OnStage().Athlete(r.FOP) // the judged lifter's line, with the result, while the lights show
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
