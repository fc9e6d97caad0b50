package teamscoreboard

import (
	"cmp"
	"strconv"
	"strings"

	"github.com/owlcms/tracker/hub"
	"github.com/owlcms/tracker/hub/scoring"
)

// attempt is one attempt as the team board reasons about it: done (good or failed) with its
// weight, or pending with the weight asked for, or nothing yet.
type attempt struct {
	weight int
	status hub.AttemptStatus // good, bad, request (pending) or empty
}

func (a attempt) done() bool { return a.status == hub.AttemptGood || a.status == hub.AttemptBad }

// lifter is an athlete of the meet with what the team board needs: the live session's data for
// the athletes lifting now, the database's for everybody else.
type lifter struct {
	key, name, team, category, born, gender, session string
	start, lot                                       int
	bw                                               float64
	age                                              int
	sn, cj                                           [3]attempt
	teamMember                                       bool
	ranks                                            [3]int // snatch, clean & jerk, total; 0 = none
	order                                            int    // place in the platform's lifting order, 0 = not lifting now
	current                                          bool
}

// lifters merges the database's athletes with the live session of the platform (the live data
// wins for its athletes). Either may be missing: updates can arrive before the database.
func lifters(db *hub.Database, f *hub.FOP) []*lifter {
	var out []*lifter
	byKey := map[string]*lifter{}
	var competition hub.Date
	if db != nil {
		competition = db.Competition.Date
		for i := range db.Athletes {
			l := fromDatabase(db, &db.Athletes[i], competition)
			byKey[l.key] = l
			out = append(out, l)
		}
	}
	if f == nil {
		return out
	}
	order := map[string]int{}
	n := 0
	for _, e := range f.LiftingOrder {
		if !e.Spacer && e.Key != "" {
			n++
			order[e.Key] = n
		}
	}
	for _, a := range f.Athletes {
		l := byKey[a.Key]
		if l == nil {
			l = &lifter{key: a.Key}
			byKey[a.Key] = l
			out = append(out, l)
		}
		l.live(a, f.SessionName, competition)
		l.order = order[a.Key]
		l.current = a.Key == f.CurrentKey
	}
	return out
}

func fromDatabase(db *hub.Database, a *hub.DBAthlete, competition hub.Date) *lifter {
	l := &lifter{
		key: a.Key, name: strings.ToUpper(a.LastName) + ", " + a.FirstName, team: a.TeamName,
		born: yearOf(a.BirthDate), gender: strings.ToUpper(a.Gender), session: a.SessionName,
		start: a.StartNumber, lot: a.LotNumber, bw: a.BodyWeight, age: scoring.Age(a.BirthDate, competition),
		category: a.CategoryCode,
	}
	if db != nil {
		if c, ok := db.Category(a.CategoryCode); ok && c.Name != "" {
			l.category = c.Name
		}
	}
	if l.bw <= 0 {
		l.bw = a.PresumedBodyWeight
	}
	for i := range 3 {
		l.sn[i], l.cj[i] = dbAttempt(a.Snatch[i]), dbAttempt(a.CleanJerk[i])
	}
	if len(a.Participations) > 0 {
		p := a.Participations[0]
		l.teamMember = p.TeamMember
		l.ranks = [3]int{p.SnatchRank, p.CleanJerkRank, p.TotalRank}
	}
	return l
}

func dbAttempt(l hub.Lift) attempt {
	switch {
	case l.ActualLift > 0:
		return attempt{l.ActualLift, hub.AttemptGood}
	case l.ActualLift < 0:
		return attempt{-l.ActualLift, hub.AttemptBad}
	case l.Requested() > 0:
		return attempt{l.Requested(), hub.AttemptRequest}
	}
	return attempt{status: hub.AttemptEmpty}
}

// live overlays OWLCMS's live data of the current session on a lifter.
func (l *lifter) live(a *hub.Athlete, session string, competition hub.Date) {
	l.name, l.team, l.category = a.FullName, cmp.Or(a.TeamName, l.team), cmp.Or(a.Category, l.category)
	l.born, l.gender = cmp.Or(a.YearOfBirth, l.born), cmp.Or(strings.ToUpper(a.Gender), l.gender)
	l.session = cmp.Or(a.Group, cmp.Or(session, l.session))
	if n, err := strconv.Atoi(a.StartNumber); err == nil {
		l.start = n
	}
	if a.BodyWeight > 0 {
		l.bw = a.BodyWeight
	}
	if l.age == 0 {
		if y, err := strconv.Atoi(a.YearOfBirth); err == nil {
			l.age = scoring.Age(hub.Date{Year: y}, competition)
		}
	}
	for i := range 3 {
		l.sn[i], l.cj[i] = liveAttempt(a.Snatch[i]), liveAttempt(a.CleanJerk[i])
	}
	l.ranks = [3]int{rank(a.SnatchRank), rank(a.CleanJerkRank), rank(a.TotalRank)}
}

func liveAttempt(a hub.Attempt) attempt {
	w, _ := strconv.Atoi(strings.TrimSpace(a.Value))
	switch a.Status {
	case hub.AttemptGood, hub.AttemptBad:
		return attempt{w, a.Status}
	case hub.AttemptCurrent, hub.AttemptNext, hub.AttemptRequest:
		if w > 0 {
			return attempt{w, hub.AttemptRequest}
		}
	}
	return attempt{status: hub.AttemptEmpty}
}

// best is the heaviest good lift of three attempts, 0 without one.
func best(as [3]attempt) int {
	b := 0
	for _, a := range as {
		if a.status == hub.AttemptGood {
			b = max(b, a.weight)
		}
	}
	return b
}

// next is the weight asked for the first attempt not yet done, 0 when none.
func next(as [3]attempt) int {
	for _, a := range as {
		if !a.done() {
			if a.status == hub.AttemptRequest {
				return a.weight
			}
			return 0
		}
	}
	return 0
}

// total is the total (0 until both lifts have a good attempt).
func (l *lifter) total() int {
	s, c := best(l.sn), best(l.cj)
	if s == 0 || c == 0 {
		return 0
	}
	return s + c
}

// predicted is the total if the next attempt succeeds: during the snatch its request counts,
// with the first clean & jerk asked for; during the clean & jerk the best snatch with the
// next request; once all is done, the total.
func (l *lifter) predicted() int {
	s, c := best(l.sn), best(l.cj)
	if n := next(l.sn); n > 0 {
		s = max(s, n)
		c = max(c, next(l.cj))
	} else if n := next(l.cj); n > 0 {
		c = max(c, n)
	}
	if s == 0 || c == 0 {
		return 0
	}
	return s + c
}

// finished reports whether all six attempts are done (a 0 is then final).
func (l *lifter) finished() bool {
	for i := range 3 {
		if !l.sn[i].done() || !l.cj[i].done() {
			return false
		}
	}
	return true
}

func rank(s string) int {
	n, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil || n < 0 {
		return 0
	}
	return n
}

func yearOf(d hub.Date) string {
	if d.Year == 0 {
		return ""
	}
	return strconv.Itoa(d.Year)
}
