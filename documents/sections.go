package documents

import (
	"cmp"
	"slices"
	"strconv"
	"strings"

	"github.com/signintech/gopdf"

	"github.com/owlcms/tracker/hub"
)

// The sections both books share.

// participants is the teams × categories count, per championship and gender, with a total
// column and row, then the summary per team and gender.
func participants(d *doc, t tr, m *model) {
	d.heading(t.t("Documents.Participants", "Participants"), 0)
	type key struct{ champ, gender string }
	var keys []key
	byKey := map[key][]*group{}
	for _, g := range m.groups {
		k := key{g.championship(), g.category.Gender}
		if _, ok := byKey[k]; !ok {
			keys = append(keys, k)
		}
		byKey[k] = append(byKey[k], g)
	}
	for _, k := range keys {
		gs := byKey[k]
		cols := []column{{head: t.t("Team", "Team"), weight: 6}}
		for _, g := range gs {
			cols = append(cols, column{head: g.name(), weight: 1.2, align: gopdf.Center})
		}
		cols = append(cols, column{head: t.t("Total", "Total"), weight: 1.2, align: gopdf.Center, bold: true})
		counts := map[string][]int{}
		var teams []string
		totals := make([]int, len(gs)+1)
		for i, g := range gs {
			for _, e := range g.entries {
				c := counts[e.Team]
				if c == nil {
					c = make([]int, len(gs)+1)
					counts[e.Team] = c
					teams = append(teams, e.Team)
				}
				c[i]++
				c[len(gs)]++
				totals[i]++
				totals[len(gs)]++
			}
		}
		slices.SortFunc(teams, strings.Compare)
		tb := table{title: strings.TrimSpace(k.champ + " – " + genderName(t, k.gender)), columns: cols}
		for _, team := range teams {
			r := row{cells: texts(team)}
			for _, n := range counts[team] {
				r.cells = append(r.cells, cell{text: num(n)})
			}
			tb.rows = append(tb.rows, r)
		}
		r := row{cells: []cell{{text: t.t("Total", "Total")}}, strong: true}
		for _, n := range totals {
			r.cells = append(r.cells, cell{text: strconv.Itoa(n)})
		}
		tb.rows = append(tb.rows, r)
		d.table(tb)
	}

	// Every athlete once, in their own category.
	counts := map[string][3]int{}
	var teams []string
	var sum [3]int
	for _, l := range m.lifters {
		c, ok := counts[l.Team]
		if !ok {
			teams = append(teams, l.Team)
		}
		c[min(genderOrder(l.Gender), 1)]++
		c[2]++
		counts[l.Team] = c
		sum[min(genderOrder(l.Gender), 1)]++
		sum[2]++
	}
	slices.SortFunc(teams, strings.Compare)
	tb := table{title: t.t("Documents.ParticipantsPerTeam", "Athletes per team"), columns: []column{
		{head: t.t("Team", "Team"), weight: 6}, {head: genderName(t, "F"), weight: 1.5, align: gopdf.Center},
		{head: genderName(t, "M"), weight: 1.5, align: gopdf.Center}, {head: t.t("Total", "Total"), weight: 1.5, align: gopdf.Center, bold: true},
		{weight: 6}}}
	for _, team := range teams {
		c := counts[team]
		tb.rows = append(tb.rows, row{cells: texts(team, num(c[0]), num(c[1]), num(c[2]))})
	}
	tb.rows = append(tb.rows, row{cells: texts(t.t("Total", "Total"), strconv.Itoa(sum[0]), strconv.Itoa(sum[1]), strconv.Itoa(sum[2])), strong: true})
	d.table(tb)
}

// technicalOfficials lists the competition's officials.
func technicalOfficials(d *doc, t tr, m *model) {
	if len(m.db.TechnicalOfficials) == 0 {
		return
	}
	os := slices.Clone(m.db.TechnicalOfficials)
	slices.SortStableFunc(os, func(a, b hub.TechnicalOfficial) int {
		return cmp.Or(strings.Compare(a.Role, b.Role), strings.Compare(a.LastName, b.LastName))
	})
	tb := table{title: t.t("Documents.TechnicalOfficials", "Technical officials"), columns: []column{
		{head: t.t("LastName", "Last name"), weight: 4}, {head: t.t("FirstName", "First name"), weight: 4},
		{head: t.t("Team", "Team"), weight: 4}, {head: t.t("Documents.Role", "Role"), weight: 4}}}
	for _, o := range os {
		tb.rows = append(tb.rows, row{cells: texts(strings.ToUpper(o.LastName), o.FirstName, o.Team, o.Role)})
	}
	d.table(tb)
}

// officialRoles are the time table's and protocols' columns of officials.
var officialRoles = []struct {
	key, english string
	fields       []string
}{
	{"Documents.Referees", "Referees", []string{"referee1", "referee2", "referee3"}},
	{"Reserve", "Reserve", []string{"reserve"}},
	{"Documents.Marshals", "Marshals", []string{"marshall", "marshal2"}},
	{"Timekeeper", "Timekeeper", []string{"timeKeeper"}},
	{"Documents.TechnicalControllers", "Technical controllers", []string{"technicalController", "technicalController2", "technicalController3"}},
	{"Documents.Secretaries", "Secretaries", []string{"competitionSecretary", "competitionSecretary2"}},
	{"Documents.Doctors", "Doctors", []string{"doctor", "doctor2", "doctor3"}},
	{"Jury", "Jury", []string{"jury1", "jury2", "jury3", "jury4", "jury5", "reserveJury"}},
}

func officialNames(s hub.Session, fields []string) []string {
	var out []string
	for _, f := range fields {
		if n := strings.TrimSpace(s.Officials[f]); n != "" {
			out = append(out, n)
		}
	}
	return out
}

// timeTable is the sessions with their times, platform and officials, a column per role.
func timeTable(d *doc, t tr, m *model, officials bool) {
	cols := []column{{head: t.t("Documents.Session", "Session"), weight: 1.6, bold: true},
		{head: t.t("Documents.Description", "Description"), weight: 3}, {head: t.t("Documents.Date", "Date"), weight: 2.2},
		{head: t.t("Documents.WeighIn", "Weigh-in"), weight: 1.3, align: gopdf.Center}, {head: t.t("StartTime", "Start"), weight: 1.3, align: gopdf.Center},
		{head: t.t("Platform", "Platform"), weight: 1.6}}
	var roles []int
	if officials {
		for i, r := range officialRoles {
			for _, s := range m.sessions {
				if len(officialNames(s, r.fields)) > 0 {
					roles = append(roles, i)
					cols = append(cols, column{head: t.t(r.key, r.english), weight: 3})
					break
				}
			}
		}
	}
	tb := table{title: t.t("Documents.TimeTable", "Time table"), columns: cols, size: 7.5}
	for _, s := range m.sessions {
		r := row{cells: texts(s.Name, s.Description, date(s.CompetitionTime), clock(s.WeighInTime), clock(s.CompetitionTime), s.PlatformName)}
		for _, i := range roles {
			r.cells = append(r.cells, lines(officialNames(s, officialRoles[i].fields)))
		}
		tb.rows = append(tb.rows, r)
	}
	d.table(tb)
}

// sessionOfficials is the officials of one session, two roles a line.
func sessionOfficials(d *doc, t tr, s hub.Session) {
	tb := table{columns: []column{{weight: 2, bold: true}, {weight: 4}, {weight: 2, bold: true}, {weight: 4}}}
	var pairs [][2]string
	for _, r := range officialRoles {
		if names := officialNames(s, r.fields); len(names) > 0 {
			pairs = append(pairs, [2]string{t.t(r.key, r.english), strings.Join(names, ", ")})
		}
	}
	if len(pairs) == 0 {
		return
	}
	for i := 0; i < len(pairs); i += 2 {
		r := row{cells: texts(pairs[i][0], pairs[i][1])}
		if i+1 < len(pairs) {
			r.cells = append(r.cells, texts(pairs[i+1][0], pairs[i+1][1])...)
		}
		tb.rows = append(tb.rows, r)
	}
	d.plainTable(tb)
}

// plainTable is a table without a header row (label and value pairs).
func (d *doc) plainTable(tb table) {
	for i := range tb.columns {
		tb.columns[i].head = ""
	}
	d.table(tb)
}

// records lists records; title "" leaves the title out.
func recordsTable(d *doc, t tr, title string, rs []hub.Record, withSession bool) {
	if len(rs) == 0 {
		return
	}
	cols := []column{{head: t.t("Documents.Federation", "Federation"), weight: 2}, {head: t.t("Documents.RecordName", "Record"), weight: 3},
		{head: t.t("Documents.AgeGroup", "Age group"), weight: 1.5}, {head: t.t("Category", "Category"), weight: 1.5},
		{head: t.t("Documents.Lift", "Lift"), weight: 1.6}, {head: t.t("Documents.Weight", "kg"), weight: 1, align: gopdf.Right, bold: true},
		{head: t.t("Name", "Name"), weight: 5}, {head: t.t("Documents.Nation", "Nation"), weight: 2.5}}
	if withSession {
		cols = append(cols, column{head: t.t("Documents.Session", "Session"), weight: 1.2})
	}
	tb := table{title: title, columns: cols}
	for _, r := range rs {
		cat := r.BWCategory
		if cat == "" && r.BWUpper > 0 {
			cat = kg(r.BWUpper)
		}
		c := texts(r.Federation, r.Name, r.AgeGroup, cat, liftName(t, r.Lift), kg(r.Value), r.AthleteName, r.Nation)
		if withSession {
			c = append(c, cell{text: r.Session})
		}
		tb.rows = append(tb.rows, row{cells: c})
	}
	d.table(tb)
}

func liftName(t tr, lift string) string {
	switch strings.ToUpper(lift) {
	case "SNATCH":
		return t.t("Snatch", "Snatch")
	case "CLEANJERK", "CLEAN_JERK", "CJ":
		return t.t("Clean_and_Jerk", "Clean & Jerk")
	case "TOTAL":
		return t.t("Total", "Total")
	}
	return lift
}

func clock(dt hub.DateTime) string {
	if dt.IsZero() {
		return ""
	}
	return dt.Format("15:04")
}

func date(dt hub.DateTime) string {
	if dt.IsZero() {
		return ""
	}
	return dt.Format("2006-01-02")
}

// sessionHeading heads a session's part of a book: "<part> – Session A1 – <description>".
func sessionHeading(d *doc, t tr, part string, s hub.Session) {
	title := part + " – " + t.f("Group_number", "Session {0}", s.Name)
	if s.Description != "" {
		title += " – " + s.Description
	}
	d.heading(title, 0)
}

// categoryTables prints a table of each category's rows under a heading per championship and
// gender; with newPage every heading but the first starts a page.
func categoryTables(d *doc, t tr, m *model, newPage bool, columns []column, rows func(g *group) []row) {
	last := ""
	for _, g := range m.groups {
		head := strings.TrimSpace(g.championship() + " – " + genderName(t, g.category.Gender))
		if head != last {
			if newPage && last != "" {
				d.newPage()
			}
			d.heading(head, 1)
			last = head
		}
		d.table(table{title: t.t("Category", "Category") + " " + g.name(), columns: columns, rows: rows(g)})
	}
}
