package documents

import (
	"cmp"
	"slices"
	"strconv"
	"strings"

	"github.com/owlcms/tracker/hub"
	"github.com/owlcms/tracker/hub/scoring"
	"github.com/owlcms/tracker/scoreboards/meet"
)

// entry is an athlete in one category: several when the athlete is registered in several age
// groups (a junior also ranked among seniors).
type entry struct {
	*meet.Lifter
	db    *hub.DBAthlete // nil for an athlete only the live data knows
	ranks [3]int         // snatch, clean & jerk, total in this category; 0 = none
	main  bool           // the athlete's own category (the one they lift in)
}

// group is a category of a championship (age group) with its athletes.
type group struct {
	category *hub.Category
	ageGroup *hub.AgeGroup // nil when the database does not list it
	entries  []*entry
}

// name is the category's name as the books print it, "SR Women 59" style names come from the
// database's own.
func (g *group) name() string { return cmp.Or(g.category.Name, g.category.Code) }

// championship names the age group the category belongs to.
func (g *group) championship() string {
	if g.ageGroup != nil {
		return cmp.Or(g.ageGroup.Name, g.ageGroup.Code)
	}
	return g.category.AgeGroupName
}

// model is the meet as the documents see it.
type model struct {
	snap     *hub.Snapshot // what the model was made from
	db       *hub.Database
	comp     hub.Competition
	lifters  []*meet.Lifter
	groups   []*group // in age group, gender, weight order
	sessions []hub.Session
	system   meet.System
	tp       scoring.TeamPoints
	live     map[string]bool // athletes of a live session
}

// newModel merges the database with the live session of every platform: the documents are
// live during the meet, as the team boards are.
func newModel(snap *hub.Snapshot) *model {
	db := snap.Database
	m := &model{snap: snap, db: db, comp: db.Competition, system: meet.SystemFor("", db.Competition),
		tp: meet.TeamPointsOf(db.Competition)}
	m.lifters = meet.Lifters(db, nil)
	m.live = map[string]bool{}
	index := map[string]int{}
	for i, l := range m.lifters {
		index[l.Key] = i
	}
	for _, name := range snap.FOPNames() {
		f := snap.FOP(name)
		if f == nil || len(f.Athletes) == 0 {
			continue
		}
		for _, a := range f.Athletes {
			m.live[a.Key] = true
		}
		for _, l := range meet.Lifters(db, f) {
			if !m.live[l.Key] {
				continue
			}
			if i, ok := index[l.Key]; ok {
				m.lifters[i] = l
			} else {
				index[l.Key] = len(m.lifters)
				m.lifters = append(m.lifters, l)
			}
		}
	}
	m.sessions = slices.Clone(db.Sessions)
	slices.SortStableFunc(m.sessions, func(a, b hub.Session) int {
		return cmp.Or(a.CompetitionTime.Compare(b.CompetitionTime.Time), meet.CompareSessions(a.Name, b.Name))
	})
	m.buildGroups()
	return m
}

func (m *model) buildGroups() {
	ageGroups := map[string]*hub.AgeGroup{}
	agOrder := map[string]int{}
	for i := range m.db.AgeGroups {
		ag := &m.db.AgeGroups[i]
		ageGroups[ag.Key] = ag
		agOrder[ag.Key] = i
	}
	for _, c := range meet.Categories(m.db, m.lifters, m.live) {
		g := &group{category: &c.Category, ageGroup: ageGroups[c.Category.AgeGroupKey]}
		for _, e := range c.Entries {
			a, _ := m.db.Athlete(e.Key)
			g.entries = append(g.entries, &entry{Lifter: e.Lifter, db: a, ranks: e.Ranks, main: e.Main})
		}
		m.groups = append(m.groups, g)
	}
	// Championships in the order of their first age group, then women before men, then the
	// age groups and the weights.
	champOrder := map[string]int{}
	for _, ag := range m.db.AgeGroups {
		if _, ok := champOrder[cmp.Or(ag.Name, ag.Code)]; !ok {
			champOrder[cmp.Or(ag.Name, ag.Code)] = len(champOrder)
		}
	}
	slices.SortStableFunc(m.groups, func(a, b *group) int {
		oa, ob := len(agOrder), len(agOrder)
		if a.ageGroup != nil {
			oa = agOrder[a.ageGroup.Key]
		}
		if b.ageGroup != nil {
			ob = agOrder[b.ageGroup.Key]
		}
		return cmp.Or(cmp.Compare(champOrder[a.championship()], champOrder[b.championship()]),
			cmp.Compare(genderOrder(a.category.Gender), genderOrder(b.category.Gender)), cmp.Compare(oa, ob),
			cmp.Compare(weightOrder(a.category), weightOrder(b.category)), cmp.Compare(a.category.Code, b.category.Code))
	})
	for _, g := range m.groups {
		slices.SortStableFunc(g.entries, byRank(2))
	}
}

// byRank orders entries by one of their ranks (unranked last), then by the snatch rank
// (during the snatch nobody has a total yet), start number and name.
func byRank(i int) func(a, b *entry) int {
	rank := func(e *entry, i int) int {
		if e.ranks[i] <= 0 {
			return 1 << 30
		}
		return e.ranks[i]
	}
	return func(a, b *entry) int {
		return cmp.Or(cmp.Compare(rank(a, i), rank(b, i)), cmp.Compare(rank(a, 0), rank(b, 0)),
			meet.CompareSessions(a.Session, b.Session), cmp.Compare(a.Start, b.Start), cmp.Compare(a.Name, b.Name))
	}
}

// genderOrder puts women first, as the IWF books do.
func genderOrder(g string) int {
	switch strings.ToUpper(g) {
	case "F", "W":
		return 0
	case "M":
		return 1
	}
	return 2
}

func weightOrder(c *hub.Category) float64 {
	if c.MaximumWeight <= 0 || c.MaximumWeight > 900 {
		return 1e9
	}
	return c.MaximumWeight
}

// genderName is "Women" or "Men" in the document's language.
func genderName(t tr, g string) string {
	switch genderOrder(g) {
	case 0:
		return t.t("Women", "Women")
	case 1:
		return t.t("Men", "Men")
	}
	return g
}

// sessionEntries are the athletes lifting in a session, in their main category, by start
// number.
func (m *model) sessionEntries(name string) []*entry {
	var out []*entry
	for _, g := range m.groups {
		for _, e := range g.entries {
			if e.main && e.Session == name {
				out = append(out, e)
			}
		}
	}
	slices.SortStableFunc(out, func(a, b *entry) int {
		return cmp.Or(cmp.Compare(a.Start, b.Start), cmp.Compare(a.Lot, b.Lot), cmp.Compare(a.Name, b.Name))
	})
	return out
}

// championships lists the age groups' names in order, each once.
func (m *model) championships() []string {
	var out []string
	for _, g := range m.groups {
		if c := g.championship(); !slices.Contains(out, c) {
			out = append(out, c)
		}
	}
	return out
}

// num prints a whole number, "" for 0.
func num(n int) string {
	if n == 0 {
		return ""
	}
	return strconv.Itoa(n)
}

// kg prints a weight in kilograms (a category bound, a record) with the decimals it has.
func kg(w float64) string {
	if w <= 0 {
		return ""
	}
	return strconv.FormatFloat(w, 'f', -1, 64)
}

// attempt prints an attempt: its weight, red when failed, nothing before it is taken.
func attempt(a meet.Attempt) cell {
	switch a.Status {
	case hub.AttemptGood:
		return cell{text: strconv.Itoa(a.Weight)}
	case hub.AttemptBad:
		return cell{text: "(" + strconv.Itoa(a.Weight) + ")", bad: true}
	}
	return cell{}
}

// splitName separates "LAST, First" for the books' two name columns.
func splitName(full string) (string, string) {
	last, first, ok := strings.Cut(full, ", ")
	if !ok {
		return capitals(full), ""
	}
	return capitals(last), first
}

// greekCapitals drops the accents of Greek capitals: a name in capitals is written without
// them ("ΠΑΠΑΔΟΠΟΥΛΟΥ"), while Go's upper case keeps the tonos.
var greekCapitals = strings.NewReplacer("Ά", "Α", "Έ", "Ε", "Ή", "Η", "Ί", "Ι", "Ό", "Ο", "Ύ", "Υ", "Ώ", "Ω", "ΐ", "Ϊ", "ΰ", "Ϋ")

func capitals(s string) string { return greekCapitals.Replace(s) }
