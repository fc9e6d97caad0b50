package board

import (
	"strconv"

	"github.com/owlcms/tracker/hub"
	"github.com/owlcms/tracker/scoreboards/meet"
)

// PlaceIfGood is "If good: rank 2 in the total" for the attempt on the platform, in the
// viewer's language: the place in their own category the lift would give the athlete (see
// meet.PlaceIfGood), said while the attempt waits for its decision. It is "" when there is
// nothing to say: no athlete lifting, a decision showing or a judged lift on stage (the
// referees' or the jury's: its result is on the board already), or no place to win.
func PlaceIfGood(r Request) string {
	f := r.FOP
	if f == nil || ModeOf(f) != hub.ModeCurrentAthlete || f.Judged != nil || f.DecisionShowing() || f.CurrentKey == "" {
		return ""
	}
	if _, reviewing := Reviewed(r); reviewing {
		return "" // the jury's lift is on stage, with its decision
	}
	w, err := strconv.Atoi(f.Current.Weight)
	if err != nil || w <= 0 {
		return ""
	}
	live := make(map[string]bool, len(f.Athletes))
	for _, a := range f.Athletes {
		live[a.Key] = true
	}
	db := r.Database()
	c, ok := meet.Main(meet.Categories(db, meet.Lifters(db, f), live), f.CurrentKey)
	if !ok {
		return ""
	}
	p := meet.PlaceIfGood(c, f.CurrentKey, f.IsCleanJerk(), w)
	if p.Place == 0 {
		return ""
	}
	key := map[meet.Result]string{meet.OfSnatch: "Tracker.IfGood.Snatch", meet.OfCleanJerk: "Tracker.IfGood.CleanJerk",
		meet.OfTotal: "Tracker.IfGood.Total"}[p.Of]
	return r.Own(key, p.Place)
}
