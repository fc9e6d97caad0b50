package demo

import (
	"cmp"
	"slices"
)

// LiftingOrder sorts a session's athletes the way OWLCMS's LiftOrderComparator does (IWF
// rules):
//  1. athletes with all six attempts done go last, highest total first;
//  2. snatch attempts before clean & jerk attempts;
//  3. lighter requested weight first (nothing requested sorts as 999 kg);
//  4. fewer attempts done first (a 2nd attempt goes before a 3rd at the same weight);
//  5. progression: at the same weight and attempt, the athlete whose previous attempts were
//     lighter lifted earlier, so lifts first;
//  6. lower start number first.
//
// The input is not modified.
func LiftingOrder(athletes []*Athlete) []*Athlete {
	order := slices.Clone(athletes)
	slices.SortStableFunc(order, compareLiftingOrder)
	return order
}

func compareLiftingOrder(a, b *Athlete) int {
	aDone, bDone := a.AttemptsDone(), b.AttemptsDone()
	if c := cmp.Compare(boolInt(aDone >= 6), boolInt(bDone >= 6)); c != 0 {
		return c
	}
	if aDone >= 6 {
		if c := cmp.Compare(b.Total(), a.Total()); c != 0 {
			return c
		}
	}
	if c := cmp.Compare(boolInt(aDone >= 3), boolInt(bDone >= 3)); c != 0 {
		return c
	}
	if c := cmp.Compare(sortableWeight(a), sortableWeight(b)); c != 0 {
		return c
	}
	if c := cmp.Compare(aDone, bDone); c != 0 {
		return c
	}
	if c := compareProgression(a, b); c != 0 {
		return c
	}
	return cmp.Compare(a.StartNumber, b.StartNumber)
}

// sortableWeight puts athletes with nothing requested at the end, as OWLCMS does with 999.
func sortableWeight(a *Athlete) int {
	if w := a.NextRequestedWeight(); w > 0 {
		return w
	}
	return 999
}

// compareProgression decides between two athletes at the same weight and attempt number: the
// one whose earlier attempts of this lift were lighter reached the weight first. It compares
// the previous attempt, then the one before, by absolute weight.
func compareProgression(a, b *Athlete) int {
	next := a.AttemptsDone() // index of the attempt both are about to take
	first := next - next%3   // first attempt of the current lift
	for i := next - 1; i >= first; i-- {
		if c := cmp.Compare(abs(a.Attempts[i].Actual), abs(b.Attempts[i].Actual)); c != 0 {
			return c
		}
	}
	return 0
}

// StartOrder sorts athletes by start number: OWLCMS's display order for a session's board.
func StartOrder(athletes []*Athlete) []*Athlete {
	order := slices.Clone(athletes)
	slices.SortStableFunc(order, func(a, b *Athlete) int { return cmp.Compare(a.StartNumber, b.StartNumber) })
	return order
}

// registrationOrder is how start numbers are given: by category (lighter first, then age
// group), then by lot number.
func registrationOrder(a, b *Athlete) int {
	return cmp.Or(
		cmp.Compare(a.Category.Max, b.Category.Max),
		cmp.Compare(a.Category.AgeGroup.Code, b.Category.AgeGroup.Code),
		cmp.Compare(a.LotNumber, b.LotNumber),
	)
}

// spacer is the order-list entry OWLCMS inserts between blocks.
func spacer() *object { return newObject().set("isSpacer", true) }

// startOrderKeys lists keys in start order with a spacer before each new category, as
// AthleteExporter.getAthleteKeyEntries does.
func startOrderKeys(order []*Athlete) []any {
	entries := make([]any, 0, len(order)+4)
	var prev *Category
	for _, a := range order {
		if a.Category != prev {
			entries = append(entries, spacer())
			prev = a.Category
		}
		entries = append(entries, a.Key)
	}
	return entries
}

// liftingOrderKeys lists keys in lifting order with a spacer first and another where the
// athletes who finished the snatch begin (OWLCMS's "actually attempted lifts >= 3" boundary).
func liftingOrderKeys(order []*Athlete) []any {
	entries := make([]any, 0, len(order)+2)
	for i, a := range order {
		if i == 0 || (a.AttemptsDone() >= 3 && order[i-1].AttemptsDone() < 3) {
			entries = append(entries, spacer())
		}
		entries = append(entries, a.Key)
	}
	return entries
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

func abs(v int) int {
	if v < 0 {
		return -v
	}
	return v
}
