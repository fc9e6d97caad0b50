// Package refereeassignments is the printable sheet of the officials of every session: one
// table per competition day and platform, a column per session, a line per role. It is laid
// out for A4 paper (landscape), a day and platform per page.
package refereeassignments

import (
	"cmp"
	"slices"
	"strconv"
	"strings"

	"github.com/owlcms/tracker/components"
	"github.com/owlcms/tracker/hub"
	"github.com/owlcms/tracker/scoreboards/board"
)

// View is the sheet.
type View struct {
	Page        components.PageMeta
	Title       string
	Competition string
	Place       string // "Site, City, 2026-03-14 – 2026-03-15"
	Tables      []Table
	Empty       string
}

// Table is one day on one platform.
type Table struct {
	Heading  string // the day, and the platform when there are several
	Sessions []SessionHead
	Rows     []Row
}

// SessionHead is a column's heading.
type SessionHead struct{ Name, Description string }

// Row is one role across the day's sessions; each cell lists the names (a cell with
// "A and B" shows two lines).
type Row struct {
	Label   string
	Section bool // a section heading ("Jury"), no cells
	Cells   [][]string
}

// Data is the sheet's view model, a function of r alone: every name on it is read from the
// hub snapshot's database here (hub → board → components), and the templates only lay it out.
func Data(r board.Request) View {
	v := View{Page: declaration.Page(r), Title: declaration.PageTitle(r)}
	db := r.Database()
	if db == nil || len(db.Sessions) == 0 {
		v.Empty = r.T("WaitingForSite", "Waiting for updates from the competition site.")
		return v
	}
	c := db.Competition
	v.Competition = c.Name
	v.Place = c.Place()
	platforms := map[string]bool{}
	for _, s := range db.Sessions {
		platforms[s.PlatformName] = true
	}
	for _, g := range groups(db.Sessions) {
		t := Table{Heading: g.day}
		if len(platforms) > 1 && g.platform != "" {
			t.Heading = strings.TrimSpace(t.Heading + " – " + r.T("Platform", "Platform") + " " + g.platform)
		}
		for _, s := range g.sessions {
			t.Sessions = append(t.Sessions, SessionHead{Name: s.Name, Description: s.Description})
		}
		t.Rows = rows(r, roles, g.sessions)
		if jury := rows(r, juryRoles, g.sessions); len(jury) > 0 {
			t.Rows = append(t.Rows, Row{Label: r.T("Jury", "Jury"), Section: true})
			t.Rows = append(t.Rows, jury...)
		}
		v.Tables = append(v.Tables, t)
	}
	return v
}

// group is the sessions of one day on one platform.
type group struct {
	day, platform string
	sessions      []hub.Session
}

// groups sorts the sessions by day, platform and start time (sessions without a time last).
func groups(sessions []hub.Session) []group {
	ss := slices.Clone(sessions)
	slices.SortStableFunc(ss, func(a, b hub.Session) int {
		return cmp.Or(cmp.Compare(day(a), day(b)), cmp.Compare(a.PlatformName, b.PlatformName),
			a.CompetitionTime.Compare(b.CompetitionTime.Time))
	})
	var out []group
	for _, s := range ss {
		if n := len(out); n > 0 && out[n-1].day == day(s) && out[n-1].platform == s.PlatformName {
			out[n-1].sessions = append(out[n-1].sessions, s)
			continue
		}
		out = append(out, group{day: day(s), platform: s.PlatformName, sessions: []hub.Session{s}})
	}
	return out
}

func day(s hub.Session) string {
	if s.CompetitionTime.IsZero() {
		return ""
	}
	return s.CompetitionTime.Format("2006-01-02")
}

// rows are the roles somebody fills in these sessions.
func rows(r board.Request, rs []role, sessions []hub.Session) []Row {
	var out []Row
	for _, ro := range rs {
		row := Row{Label: hub.PlainText(r.T(ro.key, ro.english))}
		filled := false
		for _, s := range sessions {
			names := splitNames(ro.value(s))
			filled = filled || len(names) > 0
			row.Cells = append(row.Cells, names)
		}
		if filled {
			out = append(out, row)
		}
	}
	return out
}

// splitNames puts each of several people named in one field ("A and B", "A et B", "A + B",
// "A / B") on its own line. A bare "/" is kept: it may be part of a name.
func splitNames(s string) []string {
	s = strings.TrimSpace(s)
	if s == "" {
		return nil
	}
	for _, sep := range []string{" and ", " et ", "+", " / "} {
		s = strings.ReplaceAll(s, sep, "\n")
	}
	var out []string
	for _, n := range strings.Split(s, "\n") {
		if n = strings.TrimSpace(n); n != "" {
			out = append(out, n)
		}
	}
	return out
}

// colspan is the number of columns of a table: the labels and one per session.
func colspan(t Table) string { return strconv.Itoa(1 + len(t.Sessions)) }
