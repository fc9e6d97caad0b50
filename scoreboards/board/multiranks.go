package board

import (
	"cmp"
	"slices"
	"strconv"
	"strings"

	"github.com/owlcms/tracker/components"
	"github.com/owlcms/tracker/hub"
)

// groupRanks are the age groups the platform's athletes (in order, spacers skipped as Rows
// skips them) are ranked in, in the database's order of categories, and for each athlete their
// snatch, clean & jerk and total rank in each group: OWLCMS's multi-ranks scoreboard. The
// ranks are the live update's participations (the database's for an athlete it sent none
// for), and in the athlete's own category the ranks the update shows for them.
// With groups given, those are the columns and ranks in other groups are left out.
func groupRanks(r Request, order []hub.OrderEntry, groups []string) ([]string, [][][3]string) {
	db := r.Database()
	group := func(code string) (string, int) {
		if db != nil {
			if c, ok := db.Category(code); ok && c.AgeGroupCode != "" {
				return c.AgeGroupCode, slices.IndexFunc(db.Categories, func(x hub.Category) bool { return x.Code == code })
			}
		}
		g, _, _ := strings.Cut(code, "_") // OWLCMS's category codes start with the age group
		return g, 1 << 20
	}
	var athletes []*hub.Athlete
	for _, e := range order {
		if !e.Spacer && e.Athlete != nil {
			athletes = append(athletes, e.Athlete)
		}
	}
	parts := make([][]hub.Participation, len(athletes))
	main := make([]string, len(athletes)) // the category each lifts in
	place := map[string]int{}
	for i, a := range athletes {
		parts[i], main[i] = a.Participations, a.CategoryCode
		if db != nil {
			if d, ok := db.Athlete(a.Key); ok {
				main[i] = cmp.Or(main[i], d.CategoryCode)
				if len(parts[i]) == 0 {
					parts[i] = d.Participations
				}
			}
		}
		if len(parts[i]) == 0 && main[i] != "" {
			parts[i] = []hub.Participation{{CategoryCode: main[i]}}
		}
		for _, p := range parts[i] {
			g, at := group(p.CategoryCode)
			if old, ok := place[g]; !ok || at < old {
				place[g] = at
			}
		}
	}
	if groups == nil {
		groups = make([]string, 0, len(place))
		for g := range place {
			groups = append(groups, g)
		}
		slices.SortFunc(groups, func(a, b string) int { return cmp.Or(cmp.Compare(place[a], place[b]), cmp.Compare(a, b)) })
	}
	ranks := make([][][3]string, len(athletes))
	for i := range athletes {
		ranks[i] = make([][3]string, len(groups))
		for _, p := range parts[i] {
			g, _ := group(p.CategoryCode)
			j := slices.Index(groups, g)
			if j < 0 {
				continue
			}
			ranks[i][j] = [3]string{rankText(p.SnatchRank), rankText(p.CleanJerkRank), rankText(p.TotalRank)}
			if p.CategoryCode == main[i] {
				// In their own category, the ranks the update shows for the athlete: the
				// live ones, which the database's catch up with only at its next export.
				a := athletes[i]
				ranks[i][j] = [3]string{dash(a.SnatchRank), dash(a.CleanJerkRank), dash(a.TotalRank)}
			}
		}
	}
	return groups, ranks
}

// setGroupRanks gives the grid its rank groups and its rows (athletes and spacers, as Rows made
// them from order) their ranks in each; the leaders' rows (from leaders) get theirs too.
func setGroupRanks(r Request, order []hub.OrderEntry, g *components.GridView, leaders []hub.OrderEntry, lv *components.LeadersView) {
	groups, ranks := groupRanks(r, order, nil)
	if len(groups) == 0 {
		return
	}
	g.Columns.RankGroups = groups
	fill(g.Rows, ranks)
	if lv != nil {
		_, lranks := groupRanks(r, leaders, groups)
		fill(lv.Rows, lranks)
	}
}

// fill hands the ranks of the athletes, in order, to their rows.
func fill(rows []components.GridRow, ranks [][][3]string) {
	i := 0
	for k := range rows {
		if !rows[k].Spacer && i < len(ranks) {
			rows[k].GroupRanks = ranks[i]
			i++
		}
	}
}

func rankText(n int) string {
	if n <= 0 {
		return "-"
	}
	return strconv.Itoa(n)
}
