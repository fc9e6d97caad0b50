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

// role is one line of the sheet: its label and where its values come from.
type role struct {
	key, english string
	value        func(s hub.Session) string
}

func official(name string) func(hub.Session) string {
	return func(s hub.Session) string { return s.Officials[name] }
}

func clock(t func(hub.Session) hub.DateTime) func(hub.Session) string {
	return func(s hub.Session) string {
		if dt := t(s); !dt.IsZero() {
			return dt.Format("15:04")
		}
		return ""
	}
}

// roles are the sheet's lines, in OWLCMS's order; a line with nobody in any session is left out.
var roles = []role{
	{"WeighInTime", "Weigh-in Time", clock(func(s hub.Session) hub.DateTime { return s.WeighInTime })},
	{"StartTime", "Start Time", clock(func(s hub.Session) hub.DateTime { return s.CompetitionTime })},
	{"WeighIn", "Weigh-In", official("weighIn1")},
	{"WeighIn", "Weigh-In", official("weighIn2")},
	{"Announcer", "Announcer", official("announcer")},
	{"Referee1", "Referee 1", official("referee1")},
	{"Referee2", "Referee 2", official("referee2")},
	{"Referee3", "Referee 3", official("referee3")},
	{"Reserve", "Reserve", official("reserve")},
	{"Marshal1", "Marshal 1", official("marshall")},
	{"Marshal2", "Marshal 2", official("marshal2")},
	{"Timekeeper", "Timekeeper", official("timeKeeper")},
	{"TechnicalController1", "Technical Controller 1", official("technicalController")},
	{"TechnicalController2", "Technical Controller 2", official("technicalController2")},
	{"TechnicalController3", "Technical Controller 3", official("technicalController3")},
	{"CompetitionDirector", "Competition Director", official("competitionDirector")},
	{"CompetitionSecretary", "Competition Secretary", official("competitionSecretary")},
	{"CompetitionSecretary2", "Competition Secretary 2", official("competitionSecretary2")},
	{"Doctor", "Doctor", official("doctor")},
	{"Doctor2", "Doctor 2", official("doctor2")},
	{"Doctor3", "Doctor 3", official("doctor3")},
	{"TIS1", "Technology Support 1", official("tis1")},
	{"TIS2", "Technology Support 2", official("tis2")},
}

// juryRoles follow under the "Jury" heading.
var juryRoles = []role{
	{"JuryPresident", "Jury President", official("jury1")},
	{"Jury2", "Jury 2", official("jury2")},
	{"Jury3", "Jury 3", official("jury3")},
	{"Jury4", "Jury 4", official("jury4")},
	{"Jury5", "Jury 5", official("jury5")},
	{"ReserveJury", "Jury Reserve", official("reserveJury")},
}

// Data is the sheet's view model, a function of r alone: every name on it is read from the
// hub snapshot's database here (hub → board → components), and the templates only lay it out.
func Data(r board.Request) View {
	v := View{Page: r.Page(declaration.PageTitle(r)), Title: declaration.PageTitle(r)}
	v.Page.Stylesheets = []string{"css/documents.css"}
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
