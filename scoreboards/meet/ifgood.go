package meet

// IfGood is the place an attempt on the platform would give its athlete in their own category
// if the referees give it: the snatch place during the snatch, the total place during the
// clean & jerk (the clean & jerk place when the snatch gave no lift, so there is no total).
// Place 0 means the attempt would give no place (no weight asked, no snatch and no total).
type IfGood struct {
	Place int
	Of    Result
}

// Result is what a place is a place in.
type Result int

const (
	OfSnatch Result = iota
	OfCleanJerk
	OfTotal
)

// PlaceIfGood computes IfGood for the athlete key of category c lifting weight now (the snatch
// unless cleanJerk). A result already reached by another athlete ranks ahead of the same
// result reached now: OWLCMS breaks a tie by who reached it first, and every other athlete's
// result was reached before this lift. Athletes still to lift count with what they have.
func PlaceIfGood(c CategoryEntries, key string, cleanJerk bool, weight int) IfGood {
	var me *Lifter
	for _, e := range c.Entries {
		if e.Key == key {
			me = e.Lifter
		}
	}
	if me == nil || weight <= 0 {
		return IfGood{}
	}
	// score is what an athlete has in the result that counts, with the lift on stage good for me.
	of, score := OfSnatch, func(l *Lifter) int { return Best(l.Snatch) }
	mine := max(Best(me.Snatch), weight)
	if cleanJerk {
		sn := Best(me.Snatch)
		of, score = OfCleanJerk, func(l *Lifter) int { return Best(l.CleanJerk) }
		mine = max(Best(me.CleanJerk), weight)
		if sn > 0 {
			of, score = OfTotal, func(l *Lifter) int { return l.Total() }
			mine += sn
		}
	}
	place := 1
	for _, e := range c.Entries {
		if e.Key != key && score(e.Lifter) >= mine {
			place++
		}
	}
	return IfGood{Place: place, Of: of}
}

// Main is the category the athlete lifts in (their own, not one they are also ranked in),
// from cats as Categories builds them.
func Main(cats []CategoryEntries, key string) (CategoryEntries, bool) {
	for _, c := range cats {
		for _, e := range c.Entries {
			if e.Key == key && e.Main {
				return c, true
			}
		}
	}
	return CategoryEntries{}, false
}
