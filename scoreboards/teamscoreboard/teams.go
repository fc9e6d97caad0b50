package teamscoreboard

import (
	"cmp"
	"slices"
	"strconv"
	"strings"

	"github.com/owlcms/tracker/hub/scoring"
)

// system is a way of scoring an athlete's total.
type system struct {
	name, key, english string // URL value; OWLCMS's translation key and English name
	score              func(l *lifter, total int, tp scoring.TeamPoints, liftRanks bool) float64
	points             bool // team points: shown as whole numbers, no prediction
}

var systems = []system{
	{name: "Sinclair", key: "Ranking.BW_SINCLAIR", english: "Sinclair", score: func(l *lifter, t int, _ scoring.TeamPoints, _ bool) float64 {
		return scoring.Sinclair2024(float64(t), l.bw, l.gender)
	}},
	{name: "SMHF", key: "Ranking.SMM", english: "SM(H)F", score: func(l *lifter, t int, _ scoring.TeamPoints, _ bool) float64 {
		return scoring.SinclairMasters(float64(t), l.bw, l.gender, l.age)
	}},
	{name: "QPoints", key: "Ranking.QPOINTS", english: "Q-points", score: func(l *lifter, t int, _ scoring.TeamPoints, _ bool) float64 {
		return scoring.QPoints(float64(t), l.bw, l.gender)
	}},
	{name: "QMasters", key: "Ranking.QAGE", english: "Q-masters", score: func(l *lifter, t int, _ scoring.TeamPoints, _ bool) float64 {
		return scoring.QMasters(float64(t), l.bw, l.gender, l.age)
	}},
	{name: "TeamPoints", key: "Scoreboard.Points", english: "Points", points: true, score: teamPoints},
}

// competitionSystems maps OWLCMS's scoring system names (the database's) to ours.
var competitionSystems = map[string]string{"BW_SINCLAIR": "Sinclair", "SMM": "SMHF", "QPOINTS": "QPoints", "QAGE": "QMasters"}

// teamPoints are a team member's points for their places: the total's, and the snatch's and
// clean & jerk's when the meet awards medals for each lift. A place counts only with a lift.
func teamPoints(l *lifter, total int, tp scoring.TeamPoints, liftRanks bool) float64 {
	if !l.teamMember {
		return 0
	}
	p := 0
	if total > 0 {
		p += tp.For(l.ranks[2])
	}
	if liftRanks {
		if best(l.sn) > 0 {
			p += tp.For(l.ranks[0])
		}
		if best(l.cj) > 0 {
			p += tp.For(l.ranks[1])
		}
	}
	return float64(p)
}

// settings are what decides the teams' scores.
type settings struct {
	sys        system
	genders    []string // the genders shown: "M", "F" or both
	top        map[string]int
	all        bool // every athlete counts
	tp         scoring.TeamPoints
	liftRanks  bool // team points for snatch and C&J places too
	predicting bool
}

// member is an athlete under their team.
type member struct {
	l         *lifter
	score     float64
	predicted float64
	counts    bool // among the team's scores that count
	countsP   bool // among its predicted scores that count
}

// team is a team with its athletes and its score.
type team struct {
	name      string
	members   []*member
	score     float64
	predicted float64
	places    []int // how many firsts, seconds... its members have (team points tie-break)
}

// teams groups the lifters of the shown genders by team and ranks the teams.
func teams(ls []*lifter, s settings) []*team {
	byName := map[string]*team{}
	var out []*team
	for _, l := range ls {
		if l.team == "" || !slices.Contains(s.genders, l.gender) {
			continue
		}
		t := byName[l.team]
		if t == nil {
			t = &team{name: l.team}
			byName[l.team] = t
			out = append(out, t)
		}
		m := &member{l: l, score: s.sys.score(l, l.total(), s.tp, s.liftRanks)}
		if s.predicting && !s.sys.points {
			m.predicted = s.sys.score(l, l.predicted(), s.tp, s.liftRanks)
		}
		t.members = append(t.members, m)
	}
	for _, t := range out {
		slices.SortStableFunc(t.members, func(a, b *member) int {
			return cmp.Or(compareSessions(a.l.session, b.l.session), cmp.Compare(a.l.start, b.l.start),
				cmp.Compare(a.l.lot, b.l.lot), cmp.Compare(a.l.name, b.l.name))
		})
		t.score = t.sum(s, func(m *member) float64 { return m.score }, func(m *member) { m.counts = true })
		if s.predicting {
			t.predicted = t.sum(s, func(m *member) float64 { return m.predicted }, func(m *member) { m.countsP = true })
		}
		t.places = make([]int, 10)
		for _, m := range t.members {
			if r := m.l.ranks[2]; m.counts && r >= 1 && r <= len(t.places) {
				t.places[r-1]++
			}
		}
	}
	slices.SortStableFunc(out, func(a, b *team) int {
		return cmp.Or(cmp.Compare(b.score, a.score), slices.Compare(b.places, a.places),
			cmp.Compare(b.predicted, a.predicted), cmp.Compare(a.name, b.name))
	})
	return out
}

// sum adds the scores that count, per gender: the best top-N (or all), the earlier session
// first among equal scores (the members are in session order).
func (t *team) sum(s settings, value func(*member) float64, mark func(*member)) float64 {
	total := 0.0
	for _, g := range s.genders {
		var ms []*member
		for _, m := range t.members {
			if m.l.gender == g && value(m) > 0 {
				ms = append(ms, m)
			}
		}
		slices.SortStableFunc(ms, func(a, b *member) int { return cmp.Compare(value(b), value(a)) })
		if n := s.top[g]; !s.all && n < len(ms) {
			ms = ms[:n]
		}
		for _, m := range ms {
			total += value(m)
			mark(m)
		}
	}
	return total
}

// compareSessions orders session names as people read them: "M2" before "M10".
func compareSessions(a, b string) int {
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
