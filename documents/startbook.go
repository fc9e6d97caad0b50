package documents

import (
	"math"
	"net/url"
	"strings"

	"github.com/signintech/gopdf"

	"github.com/owlcms/tracker/hub"
	"github.com/owlcms/tracker/scoreboards/meet"
)

func makeStartBook(m *model, q url.Values, d *doc, t tr, f *frame) error {
	officials := flag(q, "officials", true)
	d.titlePage(*f)
	participants(d, t, m)
	d.heading(t.t("Documents.OfficialsTimeTable", "Officials and time table"), 0)
	if officials {
		technicalOfficials(d, t, m)
	}
	timeTable(d, t, m, officials)
	if flag(q, "categories", true) {
		categoryParticipants(d, t, m)
	}
	if flag(q, "startLists", true) {
		startLists(d, t, m, officials)
	}
	if len(m.db.Records) > 0 {
		d.heading(t.t("Scoreboard.records", "Records"), 0)
		recordsTable(d, t, "", m.db.Records, false)
	}
	d.contents(t.t("Documents.Contents", "Contents"))
	return nil
}

// entryColumns are the columns of a list of entered athletes.
func entryColumns(t tr, start bool) []column {
	var cols []column
	if start {
		cols = append(cols, column{head: t.t("Scoreboard.Start", "Start"), weight: 0.9, align: gopdf.Center})
	}
	cols = append(cols,
		column{head: t.t("Documents.Lot", "Lot"), weight: 0.9, align: gopdf.Center},
		column{head: t.t("LastName", "Last name"), weight: 4, bold: true},
		column{head: t.t("FirstName", "First name"), weight: 3.5},
		column{head: t.t("Team", "Team"), weight: 4.5})
	if start {
		cols = append(cols, column{head: t.t("Category", "Category"), weight: 2})
	}
	return append(cols,
		column{head: t.t("Documents.BodyWeight", "B.W."), weight: 1.3, align: gopdf.Right},
		column{head: t.t("Scoreboard.Birth", "Born"), weight: 1.2, align: gopdf.Center},
		column{head: t.t("Documents.EntryTotal", "Entry total"), weight: 1.5, align: gopdf.Right})
}

func entryRow(e *entry, category string, start bool) row {
	last, first := splitName(e.Name)
	var r row
	if start {
		r.cells = append(r.cells, cell{text: num(e.Start)})
	}
	r.cells = append(r.cells, texts(num(e.Lot), last, first, e.Team)...)
	if start {
		r.cells = append(r.cells, cell{text: category})
	}
	entryTotal := 0
	if e.db != nil {
		entryTotal = e.db.EntryTotal
	}
	return row{cells: append(r.cells, texts(meet.BodyWeight(e.BodyWeight), e.Born, num(entryTotal))...)}
}

// categoryParticipants lists the athletes of each category, by lot number.
func categoryParticipants(d *doc, t tr, m *model) {
	d.heading(t.t("Documents.CategoryParticipants", "Category participants"), 0)
	categoryTables(d, t, m, false, entryColumns(t, false), func(g *group) (rows []row) {
		for _, e := range sortedByLot(g.entries) {
			rows = append(rows, entryRow(e, g.name(), false))
		}
		return rows
	})
}

func sortedByLot(es []*entry) []*entry {
	out := append([]*entry(nil), es...)
	for i := 1; i < len(out); i++ { // insertion sort: stable and the lists are short
		for j := i; j > 0 && lotLess(out[j], out[j-1]); j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}

func lotLess(a, b *entry) bool {
	if (a.Lot == 0) != (b.Lot == 0) {
		return b.Lot == 0
	}
	if a.Lot != b.Lot {
		return a.Lot < b.Lot
	}
	return a.Name < b.Name
}

// startLists are the sessions' athletes in start order, the records they can break and the
// session's officials.
func startLists(d *doc, t tr, m *model, officials bool) {
	for _, s := range m.sessions {
		es := m.sessionEntries(s.Name)
		if len(es) == 0 {
			continue
		}
		sessionHeading(d, t, t.t("Documents.StartList", "Start list"), s)
		d.paragraph(strings.Join(nonEmpty(date(s.CompetitionTime),
			t.t("Documents.WeighIn", "Weigh-in")+" "+clock(s.WeighInTime),
			t.t("StartTime", "Start")+" "+clock(s.CompetitionTime),
			t.t("Platform", "Platform")+" "+s.PlatformName), " · "), 9, grey)
		tb := table{columns: entryColumns(t, true)}
		cats := map[string]*hub.Category{}
		var order []string
		for _, e := range es {
			name := e.Category
			if e.db != nil {
				if c, ok := m.db.Category(e.db.CategoryCode); ok {
					name = c.Name
					if _, seen := cats[c.Code]; !seen {
						cats[c.Code] = c
						order = append(order, c.Code)
					}
				}
			}
			tb.rows = append(tb.rows, entryRow(e, name, true))
		}
		d.table(tb)
		var inPlay []hub.Record
		for _, code := range order {
			inPlay = append(inPlay, recordsFor(m, cats[code])...)
		}
		recordsTable(d, t, t.t("Documents.RecordsInPlay", "Records"), inPlay, false)
		if officials {
			sessionOfficials(d, t, s)
		}
	}
}

// recordsFor are the records of a category: same gender, same bodyweight class, and the age
// group's code or age range.
func recordsFor(m *model, c *hub.Category) []hub.Record {
	var ag *hub.AgeGroup
	for i := range m.db.AgeGroups {
		if m.db.AgeGroups[i].Key == c.AgeGroupKey {
			ag = &m.db.AgeGroups[i]
		}
	}
	var out []hub.Record
	for _, r := range m.db.Records {
		if !strings.EqualFold(r.Gender, c.Gender) || math.Abs(r.BWUpper-c.MaximumWeight) > 0.01 {
			continue
		}
		if r.AgeGroup == c.AgeGroupCode || (ag != nil && r.AgeLower == ag.MinAge && r.AgeUpper == ag.MaxAge) {
			out = append(out, r)
		}
	}
	return out
}
