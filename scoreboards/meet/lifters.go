// Package meet gives the boards that look beyond the current session (teams, best lifters)
// every athlete of the meet: the database's, with the live session's data for the athletes
// lifting now, and the ways of scoring them.
package meet

import (
	"cmp"
	"strconv"
	"strings"

	"github.com/owlcms/tracker/hub"
	"github.com/owlcms/tracker/hub/scoring"
)

// Attempt is one attempt as these boards reason about it: done (good or failed) with its
// weight, or pending with the weight asked for, or nothing yet.
type Attempt struct {
	Weight int
	Status hub.AttemptStatus // good, bad, request (pending) or empty
	// Live is hub.AttemptCurrent on the attempt being lifted now and hub.AttemptNext on the
	// next lifter's, as OWLCMS marks them in the live session (Status is then request).
	Live hub.AttemptStatus
}

// Done reports whether the attempt was taken.
func (a Attempt) Done() bool { return a.Status == hub.AttemptGood || a.Status == hub.AttemptBad }

// Lifter is an athlete of the meet: the live session's data for the athletes lifting now, the
// database's for everybody else.
type Lifter struct {
	Key, Name, Team, Category, Born, Gender, Session string
	Start, Lot                                       int
	BodyWeight                                       float64
	Age                                              int // for the age factors: see scoring.Age
	Snatch, CleanJerk                                [3]Attempt
	TeamMember                                       bool
	Ranks                                            [3]int // snatch, clean & jerk, total; 0 = none
	Order                                            int    // place in the platform's lifting order, 0 = not lifting now
	Current                                          bool   // lifting now
	SessionDone                                      bool   // the athlete's session is over (the database says so)
	// LiveRanks are the live update's ranks per category code (snatch, clean & jerk, total),
	// for an athlete of the live session whom OWLCMS ranks in several categories.
	LiveRanks map[string][3]int
}

// Lifters merges the database's athletes with the live session of the platform (the live data
// wins for its athletes). Either may be missing: updates can arrive before the database.
func Lifters(db *hub.Database, f *hub.FOP) []*Lifter {
	var out []*Lifter
	byKey := map[string]*Lifter{}
	var competition hub.Date
	if db != nil {
		competition = db.Competition.Date
		for i := range db.Athletes {
			l := fromDatabase(db, &db.Athletes[i], competition)
			byKey[l.Key] = l
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
			l = &Lifter{Key: a.Key}
			byKey[a.Key] = l
			out = append(out, l)
		}
		l.live(a, f.SessionName, competition)
		l.Order = order[a.Key]
		l.Current = a.Key == f.CurrentKey
	}
	return out
}

func fromDatabase(db *hub.Database, a *hub.DBAthlete, competition hub.Date) *Lifter {
	l := &Lifter{
		Key: a.Key, Name: strings.ToUpper(a.LastName) + ", " + a.FirstName, Team: a.TeamName,
		Born: yearOf(a.BirthDate), Gender: strings.ToUpper(a.Gender), Session: a.SessionName,
		Start: a.StartNumber, Lot: a.LotNumber, BodyWeight: a.BodyWeight, Age: scoring.Age(a.BirthDate, competition),
		Category: a.CategoryCode, SessionDone: sessionDone(db, a.SessionName),
	}
	if c, ok := db.Category(a.CategoryCode); ok && c.Name != "" {
		l.Category = c.Name
	}
	if l.BodyWeight <= 0 {
		l.BodyWeight = a.PresumedBodyWeight
	}
	for i := range 3 {
		l.Snatch[i], l.CleanJerk[i] = dbAttempt(a.Snatch[i]), dbAttempt(a.CleanJerk[i])
	}
	if len(a.Participations) > 0 {
		p := a.Participations[0]
		l.TeamMember = p.TeamMember
		l.Ranks = [3]int{p.SnatchRank, p.CleanJerkRank, p.TotalRank}
	}
	return l
}

func dbAttempt(l hub.Lift) Attempt {
	switch {
	case l.ActualLift > 0:
		return Attempt{Weight: l.ActualLift, Status: hub.AttemptGood}
	case l.ActualLift < 0:
		return Attempt{Weight: -l.ActualLift, Status: hub.AttemptBad}
	case l.Requested() > 0:
		return Attempt{Weight: l.Requested(), Status: hub.AttemptRequest}
	}
	return Attempt{Status: hub.AttemptEmpty}
}

// live overlays OWLCMS's live data of the current session on a lifter.
func (l *Lifter) live(a *hub.Athlete, session string, competition hub.Date) {
	l.Name, l.Team, l.Category = a.FullName, cmp.Or(a.TeamName, l.Team), cmp.Or(a.Category, l.Category)
	l.Born, l.Gender = cmp.Or(a.YearOfBirth, l.Born), cmp.Or(strings.ToUpper(a.Gender), l.Gender)
	l.Session = cmp.Or(a.Group, cmp.Or(session, l.Session))
	if n, err := strconv.Atoi(a.StartNumber); err == nil {
		l.Start = n
	}
	if a.BodyWeight > 0 {
		l.BodyWeight = a.BodyWeight
	}
	if l.Age == 0 {
		if y, err := strconv.Atoi(a.YearOfBirth); err == nil {
			l.Age = scoring.Age(hub.Date{Year: y}, competition)
		}
	}
	for i := range 3 {
		l.Snatch[i], l.CleanJerk[i] = liveAttempt(a.Snatch[i]), liveAttempt(a.CleanJerk[i])
	}
	l.Ranks = [3]int{rank(a.SnatchRank), rank(a.CleanJerkRank), rank(a.TotalRank)}
	if len(a.Participations) > 0 {
		l.LiveRanks = make(map[string][3]int, len(a.Participations))
		for _, p := range a.Participations {
			l.LiveRanks[p.CategoryCode] = [3]int{p.SnatchRank, p.CleanJerkRank, p.TotalRank}
		}
	}
}

func liveAttempt(a hub.Attempt) Attempt {
	w, _ := strconv.Atoi(strings.TrimSpace(a.Value))
	switch a.Status {
	case hub.AttemptGood, hub.AttemptBad:
		return Attempt{Weight: w, Status: a.Status}
	case hub.AttemptCurrent, hub.AttemptNext, hub.AttemptRequest:
		if w > 0 {
			live := a.Status
			if live == hub.AttemptRequest {
				live = ""
			}
			return Attempt{Weight: w, Status: hub.AttemptRequest, Live: live}
		}
	}
	return Attempt{Status: hub.AttemptEmpty}
}

// Best is the heaviest good lift of three attempts, 0 without one.
func Best(as [3]Attempt) int {
	b := 0
	for _, a := range as {
		if a.Status == hub.AttemptGood {
			b = max(b, a.Weight)
		}
	}
	return b
}

// Next is the weight asked for the first attempt not yet done, 0 when none.
func Next(as [3]Attempt) int {
	for _, a := range as {
		if !a.Done() {
			if a.Status == hub.AttemptRequest {
				return a.Weight
			}
			return 0
		}
	}
	return 0
}

// Total is the total (0 until both lifts have a good attempt).
func (l *Lifter) Total() int {
	s, c := Best(l.Snatch), Best(l.CleanJerk)
	if s == 0 || c == 0 {
		return 0
	}
	return s + c
}

// Predicted is the total if the next attempt succeeds: during the snatch its request counts,
// with the first clean & jerk asked for; during the clean & jerk the best snatch with the
// next request; once all is done, the total.
func (l *Lifter) Predicted() int {
	s, c := Best(l.Snatch), Best(l.CleanJerk)
	if n := Next(l.Snatch); n > 0 {
		s = max(s, n)
		c = max(c, Next(l.CleanJerk))
	} else if n := Next(l.CleanJerk); n > 0 {
		c = max(c, n)
	}
	if s == 0 || c == 0 {
		return 0
	}
	return s + c
}

// Finished reports whether all six attempts are done (a 0 is then final).
func (l *Lifter) Finished() bool {
	for i := range 3 {
		if !l.Snatch[i].Done() || !l.CleanJerk[i].Done() {
			return false
		}
	}
	return true
}

// sessionDone reports whether the database marks the session done.
func sessionDone(db *hub.Database, name string) bool {
	for _, s := range db.Sessions {
		if s.Name == name {
			return s.Done
		}
	}
	return false
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
