package scoring

// TeamPoints are the points a team gets for its athletes' places (IWF team classification):
// First, Second and Third for the podium, then one less per place down to 0.
type TeamPoints struct{ First, Second, Third int }

// DefaultTeamPoints are OWLCMS's defaults, used when the competition sets none.
var DefaultTeamPoints = TeamPoints{First: 28, Second: 26, Third: 25}

// Or returns tp with the defaults filling the places the competition left at 0.
func (tp TeamPoints) Or(def TeamPoints) TeamPoints {
	if tp.First <= 0 {
		tp.First = def.First
	}
	if tp.Second <= 0 {
		tp.Second = def.Second
	}
	if tp.Third <= 0 {
		tp.Third = def.Third
	}
	return tp
}

// For is the points of a place (1-based); 0 for no place.
func (tp TeamPoints) For(rank int) int {
	switch {
	case rank <= 0:
		return 0
	case rank == 1:
		return tp.First
	case rank == 2:
		return tp.Second
	case rank == 3:
		return tp.Third
	}
	return max(tp.Third-(rank-3), 0)
}
