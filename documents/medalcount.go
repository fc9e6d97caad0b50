package documents

import (
	"net/url"
	"strconv"
	"strings"

	"github.com/signintech/gopdf"
)

// medalSession is where a category's medals are awarded: after the last session any of its
// athletes lifts in.
func (m *model) medalSessions() map[*group]string {
	order := map[string]int{}
	for i, s := range m.sessions {
		order[s.Name] = i + 1
	}
	out := map[*group]string{}
	for _, g := range m.groups {
		best := ""
		for _, e := range g.entries {
			if order[e.Session] > order[best] {
				best = e.Session
			}
		}
		if best != "" {
			out[g] = best
		}
	}
	return out
}

// medalsFor is how many gold, silver and bronze medals a category awards: one of each place
// its athletes fill, for the total and, when the meet awards them, the snatch and the C&J.
func (m *model) medalsFor(g *group) [3]int {
	n := len(g.entries)
	per := 1
	if m.comp.SnatchCJTotalMedals {
		per = 3
	}
	var out [3]int
	for i := range 3 {
		if n > i {
			out[i] = per
		}
	}
	return out
}

func makeMedalCount(m *model, _ url.Values, d *doc, t tr, f *frame) error {
	d.titlePage(*f)
	where := m.medalSessions()
	g, sv, b, n := t.t("Documents.Gold", "Gold"), t.t("Documents.Silver", "Silver"), t.t("Documents.Bronze", "Bronze"), t.t("Total", "Total")
	d.heading(t.t("Documents.MedalsPerSession", "Medals per session"), 0)
	sum := table{columns: []column{{head: t.t("Documents.Session", "Session"), weight: 2, bold: true},
		{head: t.t("Documents.Categories", "Categories"), weight: 7}, {head: g, weight: 1.2, align: gopdf.Center},
		{head: sv, weight: 1.2, align: gopdf.Center}, {head: b, weight: 1.2, align: gopdf.Center}, {head: n, weight: 1.2, align: gopdf.Center, bold: true}}}
	var grand [4]int
	type line struct {
		session string
		groups  []*group
	}
	var lines []line
	for _, s := range m.sessions {
		var gs []*group
		for _, grp := range m.groups {
			if where[grp] == s.Name {
				gs = append(gs, grp)
			}
		}
		if len(gs) == 0 {
			continue
		}
		lines = append(lines, line{s.Name, gs})
		var names []string
		var c [4]int
		for _, grp := range gs {
			names = append(names, grp.name())
			md := m.medalsFor(grp)
			for i := range 3 {
				c[i] += md[i]
				c[3] += md[i]
			}
		}
		for i := range 4 {
			grand[i] += c[i]
		}
		sum.rows = append(sum.rows, row{cells: texts(s.Name, strings.Join(names, ", "), strconv.Itoa(c[0]), strconv.Itoa(c[1]), strconv.Itoa(c[2]), strconv.Itoa(c[3]))})
	}
	sum.rows = append(sum.rows, row{strong: true, cells: texts(n, "", strconv.Itoa(grand[0]), strconv.Itoa(grand[1]), strconv.Itoa(grand[2]), strconv.Itoa(grand[3]))})
	d.table(sum)

	d.heading(t.t("Documents.CeremoniesPerSession", "Ceremonies per session"), 0)
	for _, l := range lines {
		tb := table{title: t.f("Group_number", "Session {0}", l.session), columns: []column{
			{head: t.t("Documents.AgeGroup", "Age group"), weight: 4}, {head: t.t("Category", "Category"), weight: 3, bold: true},
			{head: t.t("Documents.Athletes", "Athletes"), weight: 1.5, align: gopdf.Center},
			{head: g, weight: 1.2, align: gopdf.Center}, {head: sv, weight: 1.2, align: gopdf.Center}, {head: b, weight: 1.2, align: gopdf.Center}}}
		for _, grp := range l.groups {
			md := m.medalsFor(grp)
			ag := grp.championship()
			if grp.ageGroup != nil && grp.ageGroup.Code != "" && grp.ageGroup.Code != ag {
				ag += " (" + grp.ageGroup.Code + ")"
			}
			tb.rows = append(tb.rows, row{cells: texts(ag, grp.name(), strconv.Itoa(len(grp.entries)), num(md[0]), num(md[1]), num(md[2]))})
		}
		d.table(tb)
	}
	d.contents(t.t("Documents.Contents", "Contents"))
	return nil
}
