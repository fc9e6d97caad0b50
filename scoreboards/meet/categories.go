package meet

import (
	"cmp"
	"slices"

	"github.com/owlcms/tracker/hub"
)

// Entry is a lifter in one of the categories they compete in: an athlete registered in several
// age groups (a junior also ranked among the seniors) has an entry, with its own ranks, in each.
type Entry struct {
	*Lifter
	Ranks [3]int // snatch, clean & jerk, total in this category; 0 = none
	Main  bool   // the athlete's own category (the one they lift in)
}

// CategoryEntries is a category of the meet with its entries, best total rank first.
type CategoryEntries struct {
	Code     string
	Category hub.Category // the database's, or a stand-in named after the live category
	Entries  []Entry
}

// Categories puts the lifters into the categories they compete in, in the database's order
// of categories (age group by age group). The ranks are OWLCMS's: a participation's from the
// database, the live update's for an athlete of the live session (live holds the keys of the
// live session's athletes) in every category the update ranks them in. A lifter the database does not list goes
// into the category the live update names.
func Categories(db *hub.Database, lifters []*Lifter, live map[string]bool) []CategoryEntries {
	index := map[string]int{}
	var out []CategoryEntries
	add := func(code string, c hub.Category, e Entry) {
		i, ok := index[code]
		if !ok {
			i = len(out)
			index[code] = i
			out = append(out, CategoryEntries{Code: code, Category: c})
		}
		out[i].Entries = append(out[i].Entries, e)
	}
	category := func(code string, l *Lifter) hub.Category {
		if db != nil {
			if c, ok := db.Category(code); ok {
				return *c
			}
		}
		return hub.Category{Code: code, Name: cmp.Or(l.Category, code), Gender: l.Gender}
	}
	for _, l := range lifters {
		var a *hub.DBAthlete
		if db != nil {
			a, _ = db.Athlete(l.Key)
		}
		if a == nil || len(a.Participations) == 0 {
			code := l.Category
			if a != nil && a.CategoryCode != "" {
				code = a.CategoryCode
			}
			add(code, category(code, l), Entry{Lifter: l, Ranks: l.Ranks, Main: true})
			continue
		}
		for i, p := range a.Participations {
			// The own category; an athlete registered outside their participations lifts in
			// the first one.
			main := p.CategoryCode == a.CategoryCode || (i == 0 && !participates(a, a.CategoryCode))
			e := Entry{Lifter: l, Ranks: [3]int{p.SnatchRank, p.CleanJerkRank, p.TotalRank}, Main: main}
			if r, ok := l.LiveRanks[p.CategoryCode]; ok && live[l.Key] {
				e.Ranks = r // the live update ranks the athlete in each of their categories
			}
			if main && live[l.Key] {
				e.Ranks = l.Ranks // and its display ranks are those of their own category
			}
			add(p.CategoryCode, category(p.CategoryCode, l), e)
		}
	}
	order := map[string]int{}
	if db != nil {
		for i, c := range db.Categories {
			if _, ok := order[c.Code]; !ok {
				order[c.Code] = i
			}
		}
	}
	place := func(code string) int {
		if i, ok := order[code]; ok {
			return i
		}
		return len(order)
	}
	slices.SortStableFunc(out, func(a, b CategoryEntries) int { return cmp.Compare(place(a.Code), place(b.Code)) })
	for i := range out {
		slices.SortStableFunc(out[i].Entries, func(a, b Entry) int {
			return cmp.Or(cmp.Compare(rankOrder(a.Ranks[2]), rankOrder(b.Ranks[2])),
				cmp.Compare(rankOrder(a.Ranks[0]), rankOrder(b.Ranks[0])), cmp.Compare(a.Start, b.Start))
		})
	}
	return out
}

// participates reports whether the athlete has a participation in category code.
func participates(a *hub.DBAthlete, code string) bool {
	for _, p := range a.Participations {
		if p.CategoryCode == code {
			return true
		}
	}
	return false
}

// rankOrder sorts the unranked (0) after every rank.
func rankOrder(r int) int {
	if r <= 0 {
		return 1 << 30
	}
	return r
}
