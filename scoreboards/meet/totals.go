package meet

// TotalRules are a board's choices of what total an athlete is scored on. The zero value is
// OWLCMS's rule: a total needs a good lift in both the snatch and the clean & jerk, and the
// predicted total during the snatch includes the first clean & jerk asked for.
type TotalRules struct {
	// SumOfBests scores the sum of the best lifts, even when one of them is missing (a bomb-out,
	// or a clean & jerk not lifted yet): a team then keeps the points of the other lift. The
	// Node tracker's enforceBombout=false.
	SumOfBests bool
	// NoCJDeclaration leaves the clean & jerk out of the predicted total while the snatch goes
	// on (its cjDecl=false): the prediction is then the snatch's next request alone, scored as
	// a total.
	NoCJDeclaration bool
}

// Total is the total the athlete is scored on.
func (r TotalRules) Total(l *Lifter) int {
	if r.SumOfBests {
		return Best(l.Snatch) + Best(l.CleanJerk)
	}
	return l.Total()
}

// Predicted is the total if the athlete's next attempt succeeds, under the rules.
func (r TotalRules) Predicted(l *Lifter) int {
	if n := Next(l.Snatch); n > 0 && r.NoCJDeclaration {
		return max(Best(l.Snatch), n)
	}
	if !r.SumOfBests {
		return l.Predicted()
	}
	s, c := Best(l.Snatch), Best(l.CleanJerk)
	if n := Next(l.Snatch); n > 0 {
		return max(s, n) + max(c, Next(l.CleanJerk))
	}
	return s + max(c, Next(l.CleanJerk))
}
