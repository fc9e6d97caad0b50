package demo

import (
	"cmp"
	"math"
	"slices"
	"time"
)

// Sinclair 2024 coefficients (IWF, valid 2025-2028): A and the bodyweight b above which the
// factor is 1.
const (
	sinclairMenA   = 0.722762521
	sinclairMenB   = 193.609
	sinclairWomenA = 0.787004341
	sinclairWomenB = 153.757
)

// SinclairFactor is 10^(A·log10(bw/b)²) for bw ≤ b, else 1 (Sinclair 2024). A missing
// bodyweight gives 0.
func SinclairFactor(g Gender, bodyWeight float64) float64 {
	if bodyWeight <= 0 {
		return 0
	}
	a, b := sinclairMenA, sinclairMenB
	if g == Female {
		a, b = sinclairWomenA, sinclairWomenB
	}
	if bodyWeight > b {
		return 1
	}
	l := math.Log10(bodyWeight / b)
	return math.Pow(10, a*l*l)
}

// Sinclair is total × SinclairFactor.
func Sinclair(g Gender, bodyWeight float64, total int) float64 {
	return float64(total) * SinclairFactor(g, bodyWeight)
}

// Ranks are an athlete's places in one category; 0 means not ranked (no good lift).
type Ranks struct {
	Snatch    int
	CleanJerk int
	Total     int
}

// CategoryRanks ranks everyone who participates in cat (main category or not) on snatch,
// clean & jerk and total. Higher is better; ties go to whoever made the weight first (earlier
// lift time), then the lower start number. Athletes without a result are not ranked.
func CategoryRanks(athletes []*Athlete, cat *Category) map[*Athlete]Ranks {
	var in []*Athlete
	for _, a := range athletes {
		if slices.Contains(a.Participations, cat) {
			in = append(in, a)
		}
	}
	ranks := make(map[*Athlete]Ranks, len(in))
	snatch := placeBy(in, func(a *Athlete) (int, time.Time) { return a.Best(Snatch), a.bestTime(Snatch) })
	cj := placeBy(in, func(a *Athlete) (int, time.Time) { return a.Best(CleanJerk), a.bestTime(CleanJerk) })
	// The total is made when its last lift is made: the best clean & jerk.
	total := placeBy(in, func(a *Athlete) (int, time.Time) { return a.Total(), a.bestTime(CleanJerk) })
	for _, a := range in {
		ranks[a] = Ranks{Snatch: snatch[a], CleanJerk: cj[a], Total: total[a]}
	}
	return ranks
}

// placeBy gives places 1..n to athletes with a positive value, best first.
func placeBy(athletes []*Athlete, value func(*Athlete) (int, time.Time)) map[*Athlete]int {
	type scored struct {
		a  *Athlete
		v  int
		at time.Time
	}
	var list []scored
	for _, a := range athletes {
		if v, at := value(a); v > 0 {
			list = append(list, scored{a, v, at})
		}
	}
	slices.SortStableFunc(list, func(x, y scored) int {
		return cmp.Or(cmp.Compare(y.v, x.v), x.at.Compare(y.at), cmp.Compare(x.a.StartNumber, y.a.StartNumber))
	})
	places := make(map[*Athlete]int, len(list))
	for i, s := range list {
		places[s.a] = i + 1
	}
	return places
}

// SinclairRanks ranks athletes with a total by Sinclair within their gender, across the whole
// competition (OWLCMS's best-lifter rank).
func SinclairRanks(athletes []*Athlete) map[*Athlete]int {
	ranks := map[*Athlete]int{}
	for _, g := range []Gender{Female, Male} {
		var list []*Athlete
		for _, a := range athletes {
			if a.Gender == g && a.Total() > 0 {
				list = append(list, a)
			}
		}
		slices.SortStableFunc(list, func(x, y *Athlete) int {
			return cmp.Or(
				cmp.Compare(Sinclair(y.Gender, y.BodyWeight, y.Total()), Sinclair(x.Gender, x.BodyWeight, x.Total())),
				x.bestTime(CleanJerk).Compare(y.bestTime(CleanJerk)),
			)
		})
		for i, a := range list {
			ranks[a] = i + 1
		}
	}
	return ranks
}

// results holds every computed rank of the competition, computed once per payload.
type results struct {
	byCategory map[*Category]map[*Athlete]Ranks
	sinclair   map[*Athlete]int
}

func (c *Competition) results() *results {
	r := &results{byCategory: map[*Category]map[*Athlete]Ranks{}, sinclair: SinclairRanks(c.Athletes)}
	for _, g := range c.AgeGroups {
		for _, cat := range g.Categories {
			r.byCategory[cat] = CategoryRanks(c.Athletes, cat)
		}
	}
	return r
}

// ranks returns an athlete's ranks in one of its categories.
func (r *results) ranks(a *Athlete, cat *Category) Ranks { return r.byCategory[cat][a] }
