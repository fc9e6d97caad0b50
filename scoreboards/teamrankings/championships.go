package teamrankings

import (
	"cmp"
	"maps"
	"slices"
	"strings"

	"github.com/owlcms/tracker/hub"
	"github.com/owlcms/tracker/scoreboards/meet"
)

// championship is one championship's athletes, each with the places and team membership of
// their participation in it.
type championship struct {
	Name    string
	Lifters []*meet.Lifter
}

// championships splits the meet's lifters by championship (the championship of each of
// their participations' age group, in the database's age-group order). An athlete in two
// championships is in both, with each one's places; the first participation's places are the
// live ones when the athlete is lifting. Without a database, or without championship names,
// there is one championship named "".
func championships(db *hub.Database, lifters []*meet.Lifter) []championship {
	if db == nil {
		return []championship{{Lifters: lifters}}
	}
	byKey := map[string]*hub.DBAthlete{}
	for i := range db.Athletes {
		byKey[db.Athletes[i].Key] = &db.Athletes[i]
	}
	// OWLCMS spells a championship as each age group was typed ("Masters", "MASTERS"): the
	// first spelling names them all.
	spelling := map[string]string{}
	canon := func(n string) string {
		k := strings.ToLower(strings.TrimSpace(n))
		if _, ok := spelling[k]; !ok {
			spelling[k] = strings.TrimSpace(n)
		}
		return spelling[k]
	}
	names := map[string]string{} // age group key → championship
	var order []string
	for _, g := range db.AgeGroups {
		n := canon(cmp.Or(g.Name, g.ChampionshipType))
		names[g.Key] = n
		order = append(order, n)
	}
	members := map[string][]*meet.Lifter{}
	for _, l := range lifters {
		a := byKey[l.Key]
		if a == nil || len(a.Participations) == 0 {
			members[""] = append(members[""], l)
			continue
		}
		seen := map[string]bool{}
		for i, p := range a.Participations {
			n := ""
			if c, ok := db.Category(p.CategoryCode); ok {
				n = names[c.AgeGroupKey]
			}
			n = canon(cmp.Or(n, p.ChampionshipType))
			if seen[n] {
				continue
			}
			seen[n] = true
			c := *l
			if i > 0 {
				c.Ranks = [3]int{p.SnatchRank, p.CleanJerkRank, p.TotalRank}
				c.TeamMember = p.TeamMember
			}
			members[n] = append(members[n], &c)
		}
	}
	var out []championship
	done := map[string]bool{}
	rest := slices.Sorted(maps.Keys(members)) // championships known only by their type
	for _, n := range append(order, rest...) {
		if done[n] || len(members[n]) == 0 {
			continue
		}
		done[n] = true
		out = append(out, championship{Name: n, Lifters: members[n]})
	}
	return out
}
