// Package startlist is the start list for the introduction of the athletes: the session's
// athletes in start order, a band between categories, with their team and flag, category and
// entry total. A public display (public=true) switches to it during the introduction
// ceremony.
package startlist

import (
	"strconv"
	"strings"

	"github.com/owlcms/tracker/components"
	"github.com/owlcms/tracker/hub"
	"github.com/owlcms/tracker/scoreboards/board"
)

// View is what the board shows.
type View struct {
	board.Frame
	Heading string // "Session M1 – Men 81": whom the introduction is for
	Labels  Labels
	Rows    []Row
	Empty   string
	Fit     components.Fit
}

// Labels are the translated column headers.
type Labels struct{ Start, Name, Team, Category, Born, Entry string }

// Row is an athlete, or a band between two categories (Band).
type Row struct {
	Band                                              bool
	Start, Name, Team, FlagURL, Category, Born, Entry string
}

// Widths and heights in em, mirroring static/css/ceremony.css.
const (
	emWidth              = 3.4 + 16 + 16 + 6 + 4 + 5 + 2
	emHeading, emHeader  = 2, 1.6
	emRow, emBand, emPad = 1.75, 0.5, 1
)

// Data is the board's view model, a function of r alone.
func Data(r board.Request) View {
	v := View{Frame: declaration.Frame(r)}
	v.Labels = Labels{
		Start: r.T("Scoreboard.Start", "Start"), Name: r.T("Scoreboard.Name", "Name"), Team: r.T("Scoreboard.Team", "Team"),
		Category: r.T("Scoreboard.Category", "Cat."), Born: r.T("Scoreboard.Birth", "Born"), Entry: r.T("Results.Entry_abbrev", "Entry"),
	}
	f := r.FOP
	if f != nil && !f.Hidden {
		v.Heading = Heading(r)
		v.Rows = rows(r, f)
	}
	if len(v.Rows) == 0 {
		v.Heading, v.Empty = "", r.WaitingNextSession()
	}
	h := emHeading + emHeader + emPad
	for _, row := range v.Rows {
		if row.Band {
			h += emBand
		} else {
			h += emRow
		}
	}
	v.Fit = components.Fit{Width: emWidth, Height: h}
	return v
}

// Heading names the platform's session as OWLCMS does ("Session M1"), with its description.
func Heading(r board.Request) string {
	f := r.FOP
	if f == nil || f.SessionName == "" {
		return ""
	}
	s := strings.TrimSpace(hub.PlainText(r.Tf("Group_number", "Session {0}", f.SessionName)))
	if d := strings.TrimSpace(f.SessionDescription); d != "" && d != f.SessionName {
		s += " – " + d
	}
	return s
}

// rows are the session's athletes in start order (OWLCMS's, else as it sent them), a band
// wherever the standard boards put one between categories.
func rows(r board.Request, f *hub.FOP) []Row {
	order := f.StartOrder
	if len(order) == 0 {
		order = board.Entries(f.Athletes)
	}
	var keys []string // the athletes' keys, in the order of the grid's athlete rows
	for _, e := range order {
		if !e.Spacer && e.Athlete != nil {
			keys = append(keys, e.Athlete.Key)
		}
	}
	var out []Row
	for _, g := range board.Rows(f, order) {
		if g.Spacer {
			out = append(out, Row{Band: true})
			continue
		}
		out = append(out, Row{Start: g.Start, Name: g.Name, Team: g.Team, FlagURL: g.FlagURL,
			Category: g.Category, Born: g.Born, Entry: entryTotal(r, keys[0])})
		keys = keys[1:]
	}
	return out
}

// entryTotal is the total the athlete entered with, from the database ("-" when unknown).
func entryTotal(r board.Request, key string) string {
	if db := r.Database(); db != nil {
		if a, ok := db.Athlete(key); ok && a.EntryTotal > 0 {
			return strconv.Itoa(a.EntryTotal)
		}
	}
	return "-"
}
