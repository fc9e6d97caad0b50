package board

import (
	"github.com/owlcms/tracker/components"
	"github.com/owlcms/tracker/hub"
)

// StandardView assembles a standard board (start order, lifting order, rankings) from the
// rows its data helper chose. rankSub, when set, says under the rank header which rank the
// column shows.
func StandardView(r Request, title string, rows []components.GridRow, rankSub string) components.StandardView {
	v := components.StandardView{
		Page:    r.Page(title),
		Bar:     AttemptBar(r),
		Grid:    components.GridView{Labels: GridLabels(r), Rows: rows, RankSub: rankSub},
		Leaders: Leaders(r),
		Records: Records(r),
	}
	v.Grid.Columns = GridColumns(r.FOP, rows)
	v.Grid.RankLbl = v.Grid.Labels.Rank
	if len(rows) == 0 {
		v.Grid.Empty = r.T("Scoreboard.WaitingNextGroup", "Waiting for the next session.")
	}
	v.Fit = Fitting(v.Grid, v.Leaders, v.Records)
	return v
}

// Entries wraps athletes as order entries, for a platform OWLCMS sent no order for.
func Entries(athletes []*hub.Athlete) []hub.OrderEntry {
	out := make([]hub.OrderEntry, len(athletes))
	for i, a := range athletes {
		out[i] = hub.OrderEntry{Key: a.Key, Athlete: a}
	}
	return out
}
