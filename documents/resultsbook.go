package documents

import (
	"cmp"
	"maps"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/signintech/gopdf"

	"github.com/owlcms/tracker/hub"
	"github.com/owlcms/tracker/scoreboards/meet"
)

func makeResultsBook(m *model, q url.Values, d *doc, t tr, f *frame) error {
	if n, err := strconv.Atoi(q.Get("tp1")); err == nil && n > 0 {
		m.tp.First = n
	}
	if n, err := strconv.Atoi(q.Get("tp2")); err == nil && n > 0 {
		m.tp.Second = n
	}
	officials := !flag(q, "hideOfficials", false)
	only := strings.TrimSpace(q.Get("session"))
	complete := q.Get("format") != "protocols" && only == ""
	sub := ""
	if only != "" {
		sub = t.f("Group_number", "Session {0}", only)
	}
	d.titlePage(*f, sub)
	if complete {
		participants(d, t, m)
		if officials && len(m.db.TechnicalOfficials) > 0 {
			d.heading(t.t("Documents.Officials", "Officials"), 0)
			technicalOfficials(d, t, m)
		}
		medals(d, t, m)
		teamPoints(d, t, m)
		rankings(d, t, m)
	}
	protocols(d, t, m, only, officials)
	if complete {
		var set []hub.Record
		for _, r := range m.db.Records {
			if r.Session != "" {
				set = append(set, r)
			}
		}
		if len(set) > 0 {
			d.heading(t.t("Documents.NewRecords", "New records"), 0)
			recordsTable(d, t, "", set, true)
		}
	}
	d.contents(t.t("Documents.Contents", "Contents"))
	return nil
}

// resultColumns are the columns of a category's results.
func resultColumns(t tr, m *model, withCategory bool) []column {
	sn, cj := t.t("Snatch", "Snatch"), t.t("Clean_and_Jerk", "Clean & Jerk")
	best, rank := t.t("Scoreboard.Best", "Best"), t.t("Rank", "Rank")
	cols := []column{
		{head: t.t("Documents.Lot", "Lot"), weight: 0.8, align: gopdf.Center},
		{head: t.t("LastName", "Last name"), weight: 3.4, bold: true},
		{head: t.t("FirstName", "First name"), weight: 2.6},
		{head: t.t("Team", "Team"), weight: 3.4},
	}
	if withCategory {
		cols = append(cols, column{head: t.t("Category", "Category"), weight: 1.6})
	}
	cols = append(cols,
		column{head: t.t("Documents.BodyWeight", "B.W."), weight: 1.2, align: gopdf.Right},
		column{head: t.t("Scoreboard.Birth", "Born"), weight: 1, align: gopdf.Center})
	for _, g := range []string{sn, cj} {
		cols = append(cols,
			column{head: "1", weight: 0.95, align: gopdf.Right, group: g},
			column{head: "2", weight: 0.95, align: gopdf.Right, group: g},
			column{head: "3", weight: 0.95, align: gopdf.Right, group: g},
			column{head: best, weight: 1.05, align: gopdf.Right, group: g, bold: true},
			column{head: rank, weight: 0.85, align: gopdf.Center, group: g})
	}
	cols = append(cols,
		column{head: t.t("Total", "Total"), weight: 1.1, align: gopdf.Right, bold: true, group: t.t("Total", "Total")},
		column{head: rank, weight: 0.85, align: gopdf.Center, bold: true, group: t.t("Total", "Total")},
		column{head: t.t(m.system.Key, m.system.English), weight: 1.5, align: gopdf.Right})
	return cols
}

// resultRow is one athlete's line of results in a category.
func resultRow(m *model, e *entry, category string, withCategory bool) row {
	last, first := splitName(e.Name)
	r := row{cells: texts(num(e.Lot), last, first, e.Team)}
	if withCategory {
		r.cells = append(r.cells, cell{text: category})
	}
	r.cells = append(r.cells, texts(meet.BodyWeight(e.BodyWeight), e.Born)...)
	for i, lifts := range [][3]meet.Attempt{e.Snatch, e.CleanJerk} {
		for _, a := range lifts {
			r.cells = append(r.cells, attempt(a))
		}
		r.cells = append(r.cells, texts(bestText(lifts), rankText(e.ranks[i], meet.Best(lifts)))...)
	}
	out := r.cells
	total := e.Total()
	out = append(out, texts(num(total), rankText(e.ranks[2], total))...)
	score := ""
	if total > 0 {
		v := m.system.Score(e.Lifter, total, m.tp, m.comp.SnatchCJTotalMedals)
		if m.system.Points {
			score = num(int(v))
		} else if v > 0 {
			score = strconv.FormatFloat(v, 'f', 3, 64)
		}
	}
	out = append(out, cell{text: score})
	r.cells = out
	return r
}

func bestText(as [3]meet.Attempt) string {
	if b := meet.Best(as); b > 0 {
		return strconv.Itoa(b)
	}
	for _, a := range as {
		if !a.Done() {
			return ""
		}
	}
	return "–" // three misses
}

// rankText is a rank where the athlete has the lift.
func rankText(rank, lift int) string {
	if lift <= 0 || rank <= 0 {
		return ""
	}
	return strconv.Itoa(rank)
}

// rankings are the results per championship, gender and category.
func rankings(d *doc, t tr, m *model) {
	d.heading(t.t("Documents.Rankings", "Rankings"), 0)
	categoryTables(d, t, m, true, resultColumns(t, m, false), func(g *group) (rows []row) {
		for _, e := range g.entries {
			rows = append(rows, resultRow(m, e, g.name(), false))
		}
		return rows
	})
}

// protocols are the results of each session by category, with its officials and the records
// set in it.
func protocols(d *doc, t tr, m *model, only string, officials bool) {
	for _, s := range m.sessions {
		if only != "" && s.Name != only {
			continue
		}
		entries := m.sessionEntries(s.Name)
		if len(entries) == 0 {
			continue
		}
		sessionHeading(d, t, t.t("Documents.Protocol", "Session protocol"), s)
		d.paragraph(strings.TrimSpace(strings.Join(nonEmpty(date(s.CompetitionTime)+" "+clock(s.CompetitionTime), s.PlatformName), " · ")), 9, grey)
		var byCat []*group
		for _, g := range m.groups {
			var es []*entry
			for _, e := range g.entries {
				if e.main && e.Session == s.Name {
					es = append(es, e)
				}
			}
			if len(es) > 0 {
				byCat = append(byCat, &group{category: g.category, ageGroup: g.ageGroup, entries: es})
			}
		}
		for _, g := range byCat {
			tb := table{title: t.t("Category", "Category") + " " + g.name(), columns: resultColumns(t, m, false)}
			for _, e := range g.entries {
				tb.rows = append(tb.rows, resultRow(m, e, g.name(), false))
			}
			d.table(tb)
		}
		if officials {
			sessionOfficials(d, t, s)
		}
		var set []hub.Record
		for _, r := range m.db.Records {
			if r.Session == s.Name {
				set = append(set, r)
			}
		}
		recordsTable(d, t, t.t("Documents.RecordsSet", "Records set in the session"), set, false)
	}
}

func nonEmpty(ss ...string) []string {
	var out []string
	for _, s := range ss {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// tally is a team's medals: gold, silver, bronze per gender (women, men).
type tally struct {
	team   string
	medals [2][3]int
}

func (t *tally) sum(g int) (n int) {
	for _, v := range t.medals[g] {
		n += v
	}
	return n
}

// medalTallies counts the medals of the groups (total, and snatch and C&J when the meet
// awards them); a medal needs the lift.
func medalTallies(m *model, groups []*group) []*tally {
	byTeam := map[string]*tally{}
	for _, g := range groups {
		gi := min(genderOrder(g.category.Gender), 1)
		for _, e := range g.entries {
			award := func(rank, lift int) {
				if rank < 1 || rank > 3 || lift <= 0 || e.Team == "" {
					return
				}
				t := byTeam[e.Team]
				if t == nil {
					t = &tally{team: e.Team}
					byTeam[e.Team] = t
				}
				t.medals[gi][rank-1]++
			}
			award(e.ranks[2], e.Total())
			if m.comp.SnatchCJTotalMedals {
				award(e.ranks[0], meet.Best(e.Snatch))
				award(e.ranks[1], meet.Best(e.CleanJerk))
			}
		}
	}
	combined := func(t *tally) [3]int {
		return [3]int{t.medals[0][0] + t.medals[1][0], t.medals[0][1] + t.medals[1][1], t.medals[0][2] + t.medals[1][2]}
	}
	out := slices.Collect(maps.Values(byTeam)) // in the order of the sort below: team names are unique
	slices.SortStableFunc(out, func(a, b *tally) int {
		ca, cb := combined(a), combined(b)
		return cmp.Or(cmp.Compare(cb[0], ca[0]), cmp.Compare(cb[1], ca[1]), cmp.Compare(cb[2], ca[2]), strings.Compare(a.team, b.team))
	})
	return out
}

// medals is the medal table per championship, then for the whole meet when it has several.
func medals(d *doc, t tr, m *model) {
	d.heading(t.t("Documents.Medals", "Medals"), 0)
	if m.comp.SnatchCJTotalMedals {
		d.paragraph(t.t("Documents.MedalsAllLifts", "Medals for the snatch, the clean & jerk and the total."), 8, grey)
	}
	champs := m.championships()
	sets := [][]*group{}
	names := []string{}
	for _, c := range champs {
		var gs []*group
		for _, g := range m.groups {
			if g.championship() == c {
				gs = append(gs, g)
			}
		}
		sets, names = append(sets, gs), append(names, c)
	}
	if len(champs) > 1 {
		sets, names = append(sets, m.groups), append(names, t.t("Documents.AllChampionships", "All championships"))
	}
	g, s, b, n := t.t("Documents.Gold", "Gold"), t.t("Documents.Silver", "Silver"), t.t("Documents.Bronze", "Bronze"), t.t("Total", "Total")
	for i, gs := range sets {
		cols := []column{{head: t.t("Rank", "Rank"), weight: 1, align: gopdf.Center}, {head: t.t("Team", "Team"), weight: 6, bold: true}}
		for _, grp := range []string{genderName(t, "F"), genderName(t, "M"), t.t("Documents.Combined", "Combined")} {
			for _, h := range []string{g, s, b, n} {
				cols = append(cols, column{head: h, weight: 1.1, align: gopdf.Center, group: grp, bold: h == n})
			}
		}
		tb := table{title: names[i], columns: cols}
		for k, tl := range medalTallies(m, gs) {
			r := row{cells: texts(strconv.Itoa(k+1), tl.team)}
			for gi := range 2 {
				r.cells = append(r.cells, texts(num(tl.medals[gi][0]), num(tl.medals[gi][1]), num(tl.medals[gi][2]), num(tl.sum(gi)))...)
			}
			r.cells = append(r.cells, texts(num(tl.medals[0][0]+tl.medals[1][0]), num(tl.medals[0][1]+tl.medals[1][1]),
				num(tl.medals[0][2]+tl.medals[1][2]), num(tl.sum(0)+tl.sum(1)))...)
			tb.rows = append(tb.rows, r)
		}
		if len(tb.rows) == 0 {
			tb.rows = append(tb.rows, row{cells: texts("", t.t("Documents.NoMedals", "No medals yet"))})
		}
		d.table(tb)
	}
}

// teamPoints ranks the teams by IWF team points (28, 26, 25... or the competition's or the
// options'), per gender and combined, with their members and their places.
func teamPoints(d *doc, t tr, m *model) {
	d.heading(t.t("Documents.TeamPoints", "Team points"), 0)
	d.paragraph(t.f("Documents.TeamPointsRule", "Points per place: {0}, {1}, {2}, then one less per place.",
		strconv.Itoa(m.tp.First), strconv.Itoa(m.tp.Second), strconv.Itoa(m.tp.Third)), 8, grey)
	for _, genders := range [][]string{{"F"}, {"M"}, {"F", "M"}} {
		title := t.t("Documents.Combined", "Combined")
		if len(genders) == 1 {
			title = genderName(t, genders[0])
		}
		s := meet.Settings{System: meet.SystemFor("TeamPoints", m.comp), Genders: genders, All: true,
			TeamPoints: m.tp, LiftRanks: m.comp.SnatchCJTotalMedals}
		teams := meet.Teams(m.lifters, s)
		if len(teams) == 0 {
			continue
		}
		cols := []column{{head: t.t("Rank", "Rank"), weight: 1, align: gopdf.Center}, {head: t.t("Team", "Team"), weight: 6, bold: true},
			{head: t.t("Scoreboard.Points", "Points"), weight: 1.5, align: gopdf.Right, bold: true},
			{head: t.t("Documents.Members", "Members"), weight: 1.5, align: gopdf.Center}}
		for _, h := range []string{"1", "2", "3", "4", "5"} {
			cols = append(cols, column{head: h, weight: 0.9, align: gopdf.Center, group: t.t("Documents.Places", "Places")})
		}
		tb := table{title: title, columns: cols}
		for k, team := range teams {
			var places [5]int
			for _, mem := range team.Members {
				if r := mem.Ranks[2]; r >= 1 && r <= 5 && mem.Total() > 0 {
					places[r-1]++
				}
			}
			tb.rows = append(tb.rows, row{cells: texts(strconv.Itoa(k+1), team.Name, strconv.Itoa(int(team.Score)), strconv.Itoa(len(team.Members)),
				num(places[0]), num(places[1]), num(places[2]), num(places[3]), num(places[4]))})
		}
		d.table(tb)
	}
}
