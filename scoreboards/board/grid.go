package board

import (
	"github.com/owlcms/tracker/components"
	"github.com/owlcms/tracker/hub"
)

// GridLabels are the column headers in the viewer's language (OWLCMS's Scoreboard.* keys).
func GridLabels(r Request) components.GridLabels {
	return components.GridLabels{
		Start:         r.T("Scoreboard.Start", "Start"),
		Name:          r.T("Scoreboard.Name", "Name"),
		Category:      r.T("Scoreboard.Category", "Cat."),
		Born:          r.T("Scoreboard.Birth", "Born"),
		Team:          r.T("Scoreboard.Team", "Team"),
		Custom1:       r.T("Scoreboard.Custom1", "Info 1"),
		Custom2:       r.T("Scoreboard.Custom2", "Info 2"),
		SnatchHTML:    r.T("Scoreboard.Snatch", "Snatch"),
		CleanJerkHTML: r.T("Scoreboard.Clean_and_Jerk", "Clean &amp; Jerk"),
		Total:         r.T("Scoreboard.Total", "Total"),
		Rank:          r.T("Scoreboard.Rank", "Rank"),
		Best:          r.T("Scoreboard.Best", "✔"),
		Sinclair:      r.T("Scoreboard.Sinclair", "Sinclair"),
	}
}

// GridColumns are the columns the competition enables for a platform.
func GridColumns(f *hub.FOP, rows []components.GridRow) components.GridColumns {
	c := components.GridColumns{Born: true}
	if f != nil {
		c.LiftRanks = f.Display.ShowLiftRanks
		c.Sinclair = f.Display.ShowSinclair
		c.SinclairRank = f.Display.ShowSinclairRank
	}
	// OWLCMS hides the custom columns unless used; show them when some athlete has a value.
	for _, row := range rows {
		c.Custom1 = c.Custom1 || (!row.Spacer && row.Custom1 != "")
		c.Custom2 = c.Custom2 || (!row.Spacer && row.Custom2 != "")
	}
	return c
}

// Rows turns an order (start order, lifting order, leaders) into grid rows. Spacers are
// kept between athletes only: never first, last or doubled. Keys OWLCMS listed without
// sending the athlete are skipped.
func Rows(f *hub.FOP, entries []hub.OrderEntry) []components.GridRow {
	rows := make([]components.GridRow, 0, len(entries))
	pendingSpacer := false
	for _, e := range entries {
		if e.Spacer || e.Athlete == nil {
			pendingSpacer = pendingSpacer || e.Spacer
			continue
		}
		if pendingSpacer && len(rows) > 0 {
			rows = append(rows, components.GridRow{Spacer: true})
		}
		pendingSpacer = false
		rows = append(rows, Row(f, e.Athlete))
	}
	return rows
}

// Row is one athlete's line, as OWLCMS's scoreboard shows it.
func Row(f *hub.FOP, a *hub.Athlete) components.GridRow {
	row := components.GridRow{
		Current: a.IsCurrent() || (f != nil && a.Key == f.CurrentKey && f.CurrentKey != ""),
		Next:    a.IsNext(),
		Start:   a.StartNumber, Name: a.FullName, Category: a.Category, Born: a.YearOfBirth,
		Custom1: a.Custom1, Custom2: a.Custom2, FlagURL: a.FlagURL, Team: a.TeamName,
		BestSnatch: dash(a.BestSnatch), SnatchRank: dash(a.SnatchRank),
		BestCJ: dash(a.BestCleanJerk), CJRank: dash(a.CleanJerkRank),
		Total: dash(a.Total), Rank: dash(a.TotalRank),
		Sinclair: dash(a.Sinclair), SinclairRnk: dash(a.SinclairRank),
	}
	row.Next = row.Next && !row.Current
	for i := range 3 {
		row.Snatch[i] = AttemptCell(a.Snatch[i])
		row.CleanJerk[i] = AttemptCell(a.CleanJerk[i])
	}
	return row
}

// AttemptCell is one attempt as OWLCMS shows it: a failed lift in parentheses, an empty
// cell blank, a request (the next weight asked for) with its own colour.
func AttemptCell(a hub.Attempt) components.Cell {
	switch {
	case a.Value == "" || a.Status == hub.AttemptEmpty:
		return components.Cell{Status: string(hub.AttemptEmpty)}
	case a.Status == hub.AttemptBad:
		return components.Cell{Text: "(" + a.Value + ")", Status: string(hub.AttemptBad)}
	}
	return components.Cell{Text: a.Value, Status: string(a.Status)}
}

func dash(s string) string {
	if s == "" || s == "0" {
		return "-"
	}
	return s
}

// Leaders is the leaders section: the top three of the current category across sessions.
// Nil when hidden by the options or when OWLCMS sent none. The start column shows the
// sub-category, as OWLCMS does, since these athletes lift in other sessions.
func Leaders(r Request) *components.LeadersView {
	f := r.FOP
	if !r.Options.ShowLeaders || f == nil || len(f.Leaders) == 0 {
		return nil
	}
	rows := Rows(nil, f.Leaders)
	for i := range rows {
		rows[i].Current, rows[i].Next = false, false
	}
	athletes := nonSpacers(f.Leaders)
	for i, j := 0, 0; i < len(rows); i++ {
		if !rows[i].Spacer {
			rows[i].Start = athletes[j].Athlete.SubCategory
			j++
		}
	}
	if len(rows) == 0 {
		return nil
	}
	title := r.T("Scoreboard.Leaders", "Leaders:")
	if c := f.Current.Category; c != "" {
		title += " " + c
	}
	return &components.LeadersView{Title: title, Rows: rows}
}

// nonSpacers returns the athlete entries in the order Rows lays them out, aligned with the
// non-spacer rows it returns.
func nonSpacers(entries []hub.OrderEntry) []hub.OrderEntry {
	var out []hub.OrderEntry
	for _, e := range entries {
		if !e.Spacer && e.Athlete != nil {
			out = append(out, e)
		}
	}
	return out
}
