package meet

import (
	"cmp"
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/owlcms/tracker/hub/scoring"
)

// System is a way of scoring an athlete's total.
type System struct {
	Name, Key, English string // URL value; OWLCMS's translation key and English name
	score              func(l *Lifter, total int, tp scoring.TeamPoints, liftRanks bool) float64
	Points             bool // team points: shown as whole numbers, no prediction
}

// Score is the lifter's score for a total (their own, or a predicted one).
func (s System) Score(l *Lifter, total int, tp scoring.TeamPoints, liftRanks bool) float64 {
	return s.score(l, total, tp, liftRanks)
}

// Individual is the lifter's score for a total as an individual: no team points.
func (s System) Individual(l *Lifter, total int) float64 {
	return s.score(l, total, scoring.TeamPoints{}, false)
}

// teamPoints are a team member's points for their places: the total's, and the snatch's and
// clean & jerk's when the meet awards medals for each lift. A place counts only with a lift.
func teamPoints(l *Lifter, total int, tp scoring.TeamPoints, liftRanks bool) float64 {
	if !l.TeamMember {
		return 0
	}
	p := 0
	if total > 0 {
		p += tp.For(l.Ranks[2])
	}
	if liftRanks {
		if Best(l.Snatch) > 0 {
			p += tp.For(l.Ranks[0])
		}
		if Best(l.CleanJerk) > 0 {
			p += tp.For(l.Ranks[1])
		}
	}
	return float64(p)
}

// Settings are what decides the teams' scores.
type Settings struct {
	System     System
	Genders    []string       // the genders shown: "M", "F" or both
	Top        map[string]int // how many scores count, per gender
	All        bool           // every athlete counts
	TeamPoints scoring.TeamPoints
	LiftRanks  bool // team points for snatch and C&J places too
	Predicting bool // also score each athlete as if their next attempt succeeds
	Totals     TotalRules
}

// Member is an athlete under their team.
type Member struct {
	*Lifter
	Kg, PredictedKg int // the total and predicted total the scores are of (see TotalRules)
	Score           float64
	PredictedScore  float64
	Counts          bool // among the team's scores that count
	CountsPredicted bool // among its predicted scores that count
}

// Team is a team with its athletes and its score.
type Team struct {
	Name      string
	Members   []*Member
	Score     float64
	Predicted float64
	places    []int // how many firsts, seconds... its counted members have (the tie-break)
}

// Teams groups the lifters of the shown genders by team and ranks the teams.
func Teams(ls []*Lifter, s Settings) []*Team {
	byName := map[string]*Team{}
	for _, l := range ls {
		if l.Team == "" || !slices.Contains(s.Genders, l.Gender) {
			continue
		}
		t := byName[l.Team]
		if t == nil {
			t = &Team{Name: l.Team}
			byName[l.Team] = t
		}
		m := &Member{Lifter: l, Kg: s.Totals.Total(l)}
		m.Score = s.System.score(l, m.Kg, s.TeamPoints, s.LiftRanks)
		if s.Predicting && !s.System.Points {
			m.PredictedKg = s.Totals.Predicted(l)
			m.PredictedScore = s.System.score(l, m.PredictedKg, s.TeamPoints, s.LiftRanks)
		}
		t.Members = append(t.Members, m)
	}
	out := slices.Collect(maps.Values(byName)) // in the order of the sort below: team names are unique
	for _, t := range out {
		slices.SortStableFunc(t.Members, func(a, b *Member) int {
			return cmp.Or(CompareSessions(a.Session, b.Session), cmp.Compare(a.Start, b.Start),
				cmp.Compare(a.Lot, b.Lot), cmp.Compare(a.Name, b.Name))
		})
		t.Score = t.sum(s, func(m *Member) float64 { return m.Score }, func(m *Member) { m.Counts = true })
		if s.Predicting {
			t.Predicted = t.sum(s, func(m *Member) float64 { return m.PredictedScore }, func(m *Member) { m.CountsPredicted = true })
		}
		t.places = make([]int, 10)
		for _, m := range t.Members {
			if r := m.Ranks[2]; m.Counts && r >= 1 && r <= len(t.places) {
				t.places[r-1]++
			}
		}
	}
	slices.SortStableFunc(out, func(a, b *Team) int {
		return cmp.Or(cmp.Compare(b.Score, a.Score), slices.Compare(b.places, a.places),
			cmp.Compare(b.Predicted, a.Predicted), cmp.Compare(a.Name, b.Name))
	})
	return out
}

// sum adds the scores that count, per gender: the best top-N (or all), the earlier session
// first among equal scores (the members are in session order).
func (t *Team) sum(s Settings, value func(*Member) float64, mark func(*Member)) float64 {
	total := 0.0
	for _, g := range s.Genders {
		var ms []*Member
		for _, m := range t.Members {
			if m.Gender == g && value(m) > 0 {
				ms = append(ms, m)
			}
		}
		slices.SortStableFunc(ms, func(a, b *Member) int { return cmp.Compare(value(b), value(a)) })
		if n := s.Top[g]; !s.All && n < len(ms) {
			ms = ms[:n]
		}
		for _, m := range ms {
			total += value(m)
			mark(m)
		}
	}
	return total
}

// CompareSessions orders session names as people read them: "M2" before "M10".
func CompareSessions(a, b string) int {
	for a != "" && b != "" {
		da, db := leadingDigits(a), leadingDigits(b)
		if da != "" && db != "" {
			na, _ := strconv.Atoi(da)
			nb, _ := strconv.Atoi(db)
			if c := cmp.Compare(na, nb); c != 0 {
				return c
			}
			a, b = a[len(da):], b[len(db):]
			continue
		}
		if c := cmp.Compare(strings.ToLower(a[:1]), strings.ToLower(b[:1])); c != 0 {
			return c
		}
		a, b = a[1:], b[1:]
	}
	return cmp.Compare(len(a), len(b))
}

func leadingDigits(s string) string {
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	return s[:i]
}
