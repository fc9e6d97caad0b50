package demo

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/owlcms/tracker/hub"
)

// The competition day and the demo's fixed "now": platform A is mid-snatch in A1 and platform
// B mid-clean & jerk in B1 at this moment. Payloads never read the real clock.
var (
	competitionDay = time.Date(2026, 5, 16, 0, 0, 0, 0, time.UTC)
	demoNow        = time.Date(2026, 5, 16, 11, 27, 3, 250_000_000, time.UTC)
)

// liftInterval is the average time between two lifts on a platform.
const liftInterval = 2 * time.Minute

// Id bases: OWLCMS ids for categories, platforms and records are time-based longs above 2^53,
// so the demo's are too (a receiver that decodes them as float64 gets them wrong).
const (
	categoryIDBase int64 = 1_876_543_201_000_000_000
	platformIDBase int64 = 1_876_543_202_000_000_000
	recordIDBase   int64 = 1_876_543_203_000_000_000
)

// NewDemo builds the demo competition from the roster and replays the scripted lifts so that
// A1 is mid-snatch and B1 mid-clean & jerk, with A2 and B2 not started. Every call returns a
// fresh, independent competition; the result is the same every time.
func NewDemo() *Competition {
	c, err := buildDemo()
	if err != nil {
		panic("demo: inconsistent roster: " + err.Error()) // the roster is fixed data; tests run this
	}
	return c
}

func buildDemo() (*Competition, error) {
	c := &Competition{
		Name:        "Lakeside Spring Open 2026",
		City:        "Port Aldine",
		Site:        "Lakeside Community Arena",
		Organizer:   "Lakeside Regional Weightlifting Federation",
		Federation:  recordFederation,
		Date:        competitionDay,
		Locale:      "en",
		Now:         demoNow,
		RecordOrder: []string{recordName},
	}
	c.buildAgeGroups()
	for _, t := range teams {
		c.Teams = append(c.Teams, t.name)
	}
	c.buildPlatforms()
	c.buildSessions()
	plans, err := c.buildAthletes()
	if err != nil {
		return nil, err
	}
	c.buildRecords()
	for _, d := range sessionDefs {
		s := c.Session(d.name)
		if err := replay(s, d, plans); err != nil {
			return nil, fmt.Errorf("session %s: %w", d.name, err)
		}
	}
	for _, name := range []string{"A1", "B1"} {
		s := c.Session(name)
		c.Platform(s.Platform).startLifting(s)
	}
	return c, nil
}

func (c *Competition) buildAgeGroups() {
	n := int64(0)
	for _, d := range ageGroupDefs {
		g := &AgeGroup{Code: d.code, Gender: d.gender, MinAge: d.minAge, MaxAge: d.maxAge,
			Division: d.division, Championship: d.championship, Gendered: d.gendered}
		limits := menCategories
		if d.gender == Female {
			limits = womenCategories
		}
		lower := 0.0 // each category starts where the previous one ends, the open class too
		for _, upper := range limits {
			n++
			g.Categories = append(g.Categories, &Category{ID: categoryIDBase + n*1_048_573, AgeGroup: g, Gender: d.gender, Min: lower, Max: upper})
			lower = upper
		}
		c.AgeGroups = append(c.AgeGroups, g)
	}
}

// category finds a category by age group code, gender and upper bound.
func (c *Competition) category(ageGroup string, g Gender, max float64) *Category {
	for _, ag := range c.AgeGroups {
		if ag.Code != ageGroup || ag.Gender != g {
			continue
		}
		for _, cat := range ag.Categories {
			if cat.Max == max {
				return cat
			}
		}
	}
	return nil
}

func (c *Competition) buildPlatforms() {
	for i, name := range []string{"A", "B"} {
		c.Platforms = append(c.Platforms, &Platform{
			ID:   platformIDBase + int64(i+1)*7_919,
			Name: name,
			Plates: Plates{
				Large:   map[string]int{"25": 4, "20": 1, "15": 1, "10": 1, "5": 1, "2_5": 1},
				Small:   map[string]int{"5": 1, "2_5": 1, "2": 1, "1_5": 1, "1": 1, "0_5": 1},
				Collars: 1,
				Bars:    map[string]int{"20": 1, "15": 1, "10": 1, "5": 0},
			},
			State: hub.StateInactive,
		})
	}
}

// clock turns "HH:MM" into a time on the competition day ("" is the zero time).
func clock(hhmm string) time.Time {
	if hhmm == "" {
		return time.Time{}
	}
	t, err := time.Parse("15:04", hhmm)
	if err != nil {
		panic("demo: bad time in roster: " + hhmm)
	}
	return competitionDay.Add(time.Duration(t.Hour())*time.Hour + time.Duration(t.Minute())*time.Minute)
}

func (c *Competition) buildSessions() {
	for _, d := range sessionDefs {
		s := &Session{Name: d.name, Description: d.description, Platform: d.platform,
			WeighIn: clock(d.weighIn), Start: clock(d.start), Done: d.done, Officials: map[string]string{}}
		if d.snatchLifts > 0 {
			s.FirstSnatch = clock(d.firstSnatch)
		}
		if d.cjLifts > 0 {
			s.FirstCJ = clock(d.firstCJ)
		}
		for i, role := range officialRoles {
			if d.officials[i] != "" {
				s.Officials[role] = d.officials[i]
			}
		}
		c.Sessions = append(c.Sessions, s)
	}
}

// buildAthletes registers the entrants, gives start numbers per session (category, then lot)
// and enters the opening declarations. It returns each athlete's script.
func (c *Competition) buildAthletes() (map[*Athlete]entrant, error) {
	plans := map[*Athlete]entrant{}
	keys := map[int32]bool{}
	for _, e := range entrants {
		born, err := time.Parse(time.DateOnly, e.born)
		if err != nil {
			return nil, fmt.Errorf("%s: birth date: %w", e.last, err)
		}
		main := c.category(e.ageGroup, e.gender, e.category)
		if main == nil {
			return nil, fmt.Errorf("%s: no category %s %s%v", e.last, e.ageGroup, e.gender, e.category)
		}
		s := c.Session(e.session)
		if s == nil || !slices.Contains(c.Teams, e.team) {
			return nil, fmt.Errorf("%s: unknown session %q or team %q", e.last, e.session, e.team)
		}
		a := &Athlete{
			// A stable key derived from identity; like OWLCMS keys it is a signed 32-bit value.
			Key:        javaStringHash(strings.Join([]string{e.last, e.first, e.born}, "|")),
			LastName:   e.last,
			FirstName:  e.first,
			Gender:     e.gender,
			BirthDate:  born,
			BodyWeight: e.bodyWeight,
			Team:       e.team,
			Membership: fmt.Sprintf("LR-%d-%03d", born.Year()%100, e.lot*7),
			Category:   main,
			Session:    s,
			LotNumber:  e.lot,
			EntryTotal: e.entryTotal,
		}
		if keys[a.Key] {
			return nil, fmt.Errorf("%s: duplicate athlete key %d", e.last, a.Key)
		}
		keys[a.Key] = true
		a.Participations = []*Category{main}
		if e.ageGroup != "SR" {
			if sr := c.category("SR", e.gender, e.category); sr != nil {
				a.Participations = append(a.Participations, sr)
			}
		}
		a.Attempts[0] = Attempt{Declaration: e.snatch.open, Change1: e.snatch.change}
		a.Attempts[3] = Attempt{Declaration: e.cj.open, Change1: e.cj.change}
		s.Athletes = append(s.Athletes, a)
		c.Athletes = append(c.Athletes, a)
		plans[a] = e
	}
	for _, s := range c.Sessions {
		slices.SortStableFunc(s.Athletes, registrationOrder)
		for i, a := range s.Athletes {
			a.StartNumber = i + 1
		}
	}
	return plans, nil
}

func (c *Competition) buildRecords() {
	n := int64(0)
	for _, d := range recordDefs {
		cat := c.category(d.ageGroup, d.gender, d.category)
		if cat == nil {
			panic("demo: record for unknown category " + d.ageGroup)
		}
		for i, lift := range []string{"SNATCH", "CLEANJERK", "TOTAL"} {
			n++
			value := []int{d.snatch, d.cleanJerk, d.total}[i]
			c.Records = append(c.Records, Record{
				ID: recordIDBase + n*104_729, Name: recordName, Federation: recordFederation,
				Lift: lift, Value: value, AgeGroup: d.ageGroup,
				AgeLower: cat.AgeGroup.MinAge, AgeUpper: cat.AgeGroup.MaxAge, Gender: d.gender,
				BwLower: cat.Min, BwUpper: cat.Max, BwCatString: cat.UpperBound(),
				Holder: d.holders[i], HolderBW: min(cat.Max, 200) - 0.35 - float64(i)*0.2,
				Year: d.year, FileName: recordFile,
			})
		}
	}
}

// replay runs the session's scripted lifts in lifting order, recomputed after every lift as
// OWLCMS does: the first athlete in the order lifts, the referees decide as scripted, and after
// a good lift the coach declares the next weight.
func replay(s *Session, d sessionDef, plans map[*Athlete]entrant) error {
	snatches, cjs := 0, 0
	for snatches+cjs < d.snatchLifts+d.cjLifts {
		cur := LiftingOrder(s.Athletes)[0]
		i := cur.AttemptsDone()
		var at time.Time
		switch {
		case i >= 6:
			return fmt.Errorf("everyone has lifted after %d lifts", snatches+cjs)
		case i < 3 && snatches < d.snatchLifts:
			at = liftTime(s.FirstSnatch, snatches)
			snatches++
		case i >= 3 && snatches == d.snatchLifts && cjs < d.cjLifts:
			at = liftTime(s.FirstCJ, cjs)
			cjs++
		default:
			return fmt.Errorf("script and lifting order disagree at lift %d (%s, attempt %d)", snatches+cjs+1, cur.FullName(), i+1)
		}
		plan := plans[cur].snatch
		if i >= 3 {
			plan = plans[cur].cj
		}
		good := plan.results[i%3] == 'G'
		if err := cur.RecordLift(good, at); err != nil {
			return err
		}
		if good && i%3 < 2 && plan.jumps[i%3] > 0 {
			if err := cur.Declare(i+1, cur.Attempts[i].Actual+plan.jumps[i%3]); err != nil {
				return err
			}
		}
	}
	return nil
}

// liftTime spreads lifts liftInterval apart, with irregular seconds and microseconds like real
// decision times.
func liftTime(first time.Time, n int) time.Time {
	jitter := time.Duration((n*23)%40)*time.Second + time.Duration((n*389+71)%1000)*time.Millisecond + time.Duration((n*61+13)%1000)*time.Microsecond
	return first.Add(time.Duration(n)*liftInterval + jitter)
}

// startLifting puts a session on the platform with its current athlete called and the clock
// set, as after OWLCMS's LiftingOrderUpdated.
func (p *Platform) startLifting(s *Session) {
	p.Session = s
	p.State = hub.StateCurrentAthlete
	p.UIEvent = "LiftingOrderUpdated"
	p.ClockMillis = TimeAllowed(s)
}

// TimeAllowed is the clock for the session's current athlete (IWF): two minutes when the
// athlete follows themself, except on the first attempt of a lift; one minute otherwise.
func TimeAllowed(s *Session) int {
	order := LiftingOrder(s.Athletes)
	if len(order) == 0 || order[0].AttemptsDone() >= 6 {
		return 0
	}
	cur := order[0]
	var last *Athlete
	var lastAt time.Time
	for _, a := range s.Athletes {
		if t := a.lastLiftTime(); t.After(lastAt) {
			last, lastAt = a, t
		}
	}
	if last == cur && cur.AttemptsDone()%3 != 0 {
		return 120_000
	}
	return 60_000
}
