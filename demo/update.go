package demo

import (
	"cmp"
	"slices"
	"strconv"

	"github.com/owlcms/tracker/hub"
)

// UpdateJSON is the update payload OWLCMS 64 would send now for platform fop ("A" or "B") of
// the demo. A platform without a session gets the waiting-screen update.
func UpdateJSON(fop string) []byte { return NewDemo().UpdateJSON(fop) }

// UpdateJSON builds the update payload for one platform: the timer keys OWLCMS copies from its
// last timer message, then the update proper, with OWLCMS's mix of string and number values.
func (c *Competition) UpdateJSON(fop string) []byte {
	p := c.Platform(fop)
	if p == nil || p.Session == nil || p.State == hub.StateInactive {
		return marshal(c.waitingUpdate(fop))
	}
	return marshal(c.sessionUpdate(p))
}

// indefiniteBreaks have no countdown: boards show a message instead of a break clock.
var indefiniteBreaks = map[hub.BreakType]bool{hub.BreakGroupDone: true, hub.BreakTechnical: true, hub.BreakJury: true,
	hub.BreakMarshal: true, hub.BreakChallenge: true}

// boardMode is HasBoardMode.computeBoardMode without ceremonies: the simulator plays OWLCMS,
// so it keeps OWLCMS's table rather than asking the hub.
func boardMode(state hub.FOPState, breakType string) string {
	switch state {
	case hub.StateInactive:
		return string(hub.ModeWait)
	case hub.StateBreak:
		switch hub.BreakType(breakType) {
		case hub.BreakBeforeIntroduction:
			return string(hub.ModeIntroCountdown)
		case hub.BreakFirstSnatch, hub.BreakFirstCJ:
			return string(hub.ModeLiftCountdown)
		case hub.BreakGroupDone:
			return string(hub.ModeSessionDone)
		case hub.BreakCeremony:
			return string(hub.ModeCeremony)
		}
		return string(hub.ModeInterruption)
	}
	return string(hub.ModeCurrentAthlete)
}

// waitingUpdate is what OWLCMS sends when the announcer has no session selected.
func (c *Competition) waitingUpdate(fop string) *object {
	o := newObject().
		set("fopName", fop).
		set("fopState", string(hub.StateInactive)).
		set("mode", boardMode(hub.StateInactive, "")).
		set("uiEvent", hub.UIEventSwitchGroup).
		set("stylesDir", "css/nogrid").
		set("competitionName", c.Name).
		set("fop", fop).
		set("break", "false").
		set("breakIsIndefinite", "false")
	c.setDisplayFlags(o)
	return o.
		set("hidden", "true").
		set("wideTeamNames", "false").
		set("sinclairMeet", "false")
}

func (c *Competition) setDisplayFlags(o *object) {
	// An IWF meet with medals per lift and no score column (OWLCMS: snatchCJTotalMedals and
	// not a Sinclair meet).
	o.set("showLiftRanks", "true").
		set("showTotalRank", "true").
		set("showSinclair", "false").
		set("showSinclairRank", "false")
}

func (c *Competition) sessionUpdate(p *Platform) *object {
	s := p.Session
	r := c.results()
	start := StartOrder(s.Athletes)
	lifting := LiftingOrder(s.Athletes)
	var cur, next *Athlete
	if len(lifting) > 0 && lifting[0].AttemptsDone() < 6 {
		cur = lifting[0]
	}
	if len(lifting) > 1 {
		next = lifting[1]
	}
	mode := boardMode(p.State, p.BreakType)
	inBreak := p.State == hub.StateBreak
	indefinite := inBreak && indefiniteBreaks[hub.BreakType(p.BreakType)]

	// Top line. In breaks OWLCMS replaces the athlete by a message.
	var fullName, teamName, attempt, startNumber, categoryName, attemptNumber, weight, liftKey any
	if cur != nil {
		done := cur.AttemptsDone()
		fullName, teamName = cur.FullName(), cur.Team
		attempt = translate(c.Locale, "AttemptBoard_attempt_number", done%3+1)
		attemptNumber = strconv.Itoa(done%3 + 1)
		startNumber = strconv.Itoa(cur.StartNumber)
		categoryName = cur.Category.Name()
		weight = strconv.Itoa(cur.NextRequestedWeight())
		liftKey = cur.CurrentLift().Key()
	}
	if inBreak {
		fullName, teamName, attempt = c.breakMessage(s, p.BreakType), "", ""
	}

	o := newObject()
	// Keys copied from the last timer message (a SetTime for the current athlete; the earlier
	// break countdown left its paused break-timer keys behind).
	o.set("fopName", p.Name).
		set("fopState", string(p.State)).
		set("mode", mode).
		setNonNil("fullName", fullName).
		setNonNil("attemptNumber", attemptNumber).
		setNonNil("liftTypeKey", liftKey).
		set("serverLocalTime", javaLocalTime(c.Now)).
		set("breakTimerEventType", cmp.Or(p.BreakClockEvent, string(hub.TimerBreakPaused))).
		set("break", strconv.FormatBool(inBreak)).
		set("athleteMillisRemaining", p.ClockMillis).
		set("athleteTimerEventType", cmp.Or(p.ClockEvent, string(hub.TimerSet))).
		set("indefiniteBreak", indefinite).
		set("breakMillisRemaining", p.BreakMillis)
	// The update proper.
	o.set("uiEvent", p.UIEvent).
		set("stylesDir", "css/nogrid").
		set("competitionName", c.Name).
		set("fop", p.Name).
		set("fopState", string(p.State)).
		set("break", strconv.FormatBool(inBreak))
	if inBreak {
		o.set("breakType", p.BreakType)
	}
	o.set("breakIsIndefinite", strconv.FormatBool(indefinite)).
		setNonNil("startNumber", startNumber).
		setNonNil("categoryName", categoryName).
		setNonNil("fullName", fullName).
		setNonNil("teamName", teamName).
		setNonNil("attempt", attempt).
		setNonNil("attemptNumber", attemptNumber).
		setNonNil("weight", weight).
		set("timeAllowed", strconv.Itoa(TimeAllowed(s))).
		set("sessionName", s.Name).
		set("sessionDescription", s.Description).
		set("sessionInfo", c.sessionInfo(s, cur)).
		setNonNil("liftTypeKey", liftKey).
		set("liftsDone", translate(c.Locale, "Scoreboard.AttemptsDone", liftsDone(s, cur)))
	c.setDisplayFlags(o)

	o.set("startOrderKeys", startOrderKeys(start))
	o.set("sessionAthletes", c.sessionAthletes(start, cur, next, r))
	o.set("liftingOrderKeys", liftingOrderKeys(lifting))
	if cur != nil {
		o.set("currentAthleteKey", cur.Key)
	}
	if next != nil {
		o.set("nextAthleteKey", next.Key)
	}
	if prev := previousInStartOrder(start, cur); prev != nil {
		o.set("previousAthleteKey", prev.Key)
	}
	if cur != nil {
		c.setRecords(o, cur)
		if leaders := c.leaders(cur, r); len(leaders) > 0 {
			o.set("leaders", leaders)
		}
	}

	wide := slices.ContainsFunc(s.Athletes, func(a *Athlete) bool { return javaLength(a.Team) > shortTeamLength })
	return o.
		set("hidden", "false").
		set("wideTeamNames", strconv.FormatBool(wide)).
		set("sinclairMeet", "false").
		set("mode", mode)
}

// leaders are the top three of the current athlete's category across all sessions, as OWLCMS
// sends them under the scoreboard: by total rank, or by snatch rank before anyone has a total.
// Everyone ranked in the category counts, juniors who also compete as seniors included, or
// the places shown would skip theirs (1, 2, 4).
func (c *Competition) leaders(cur *Athlete, r *results) []any {
	var in []*Athlete
	for _, a := range c.Athletes {
		if slices.Contains(a.Participations, cur.Category) && r.ranks(a, cur.Category).Snatch > 0 {
			in = append(in, a)
		}
	}
	rank := func(a *Athlete) int { return r.ranks(a, cur.Category).Total }
	if !slices.ContainsFunc(in, func(a *Athlete) bool { return rank(a) > 0 }) {
		rank = func(a *Athlete) int { return r.ranks(a, cur.Category).Snatch }
	}
	in = slices.DeleteFunc(in, func(a *Athlete) bool { return rank(a) <= 0 })
	slices.SortFunc(in, func(a, b *Athlete) int { return rank(a) - rank(b) })
	out := []any{}
	for _, a := range in[:min(3, len(in))] {
		out = append(out, newObject().
			set("athleteKey", strconv.Itoa(int(a.Key))).
			set("athlete", newAthleteDTO(a, r, datesAsStrings, c.Federation)).
			set("displayInfo", newDisplayInfo(c, a, cur.Category, r, RankOther)))
	}
	return out
}

// breakMessage is the text OWLCMS puts in fullName during a break: "Session A1 – Results" at
// the end of a session, else "Session A1 – <break message>".
func (c *Competition) breakMessage(s *Session, breakType string) string {
	key := map[string]string{
		string(hub.BreakBeforeIntroduction): "BreakType.BEFORE_INTRODUCTION",
		string(hub.BreakFirstSnatch):        "BreakType.FIRST_SNATCH",
		string(hub.BreakFirstCJ):            "BreakType.FIRST_CJ",
		string(hub.BreakJury):               "PublicMsg.JuryDeliberation",
		string(hub.BreakChallenge):          "PublicMsg.CHALLENGE",
	}[breakType]
	switch {
	case hub.BreakType(breakType) == hub.BreakGroupDone:
		return translate(c.Locale, "Group_number_results", s.Name)
	case key == "":
		key = "PublicMsg.CompetitionPaused" // technical, marshal and unknown breaks
	}
	return translate(c.Locale, "Group_number", s.Name) + " &ndash; " + translate(c.Locale, key)
}

// sessionInfo is the board's second line, "Session A1 – Snatch".
func (c *Competition) sessionInfo(s *Session, cur *Athlete) string {
	if cur == nil {
		return ""
	}
	return translate(c.Locale, "Scoreboard.GroupLiftType", s.Name, translate(c.Locale, cur.CurrentLift().Key()))
}

// liftsDone counts the attempts done in the lift being contested (OWLCMS counts the current
// lift only: "10 attempts done." during the clean & jerk of a 4-athlete session).
func liftsDone(s *Session, cur *Athlete) int {
	lift := Snatch
	if cur != nil {
		lift = cur.CurrentLift()
	}
	n := 0
	for _, a := range s.Athletes {
		for _, at := range a.Attempts[3*lift : 3*lift+3] {
			if at.Done() {
				n++
			}
		}
	}
	return n
}

// previousInStartOrder is OWLCMS's previousAthleteKey heuristic: the athlete just before the
// current one in start order, when they have lifted. It is not the true previous lifter.
func previousInStartOrder(start []*Athlete, cur *Athlete) *Athlete {
	i := slices.Index(start, cur)
	if i <= 0 || start[i-1].AttemptsDone() == 0 {
		return nil
	}
	return start[i-1]
}

// sessionAthletes are the {athleteKey, athlete, displayInfo} entries in start order. The key is
// a string here while the order lists carry numbers, as OWLCMS sends them.
func (c *Competition) sessionAthletes(start []*Athlete, cur, next *Athlete, r *results) []any {
	out := make([]any, 0, len(start))
	for _, a := range start {
		rank := RankOther
		switch a {
		case cur:
			rank = RankCurrent
		case next:
			rank = RankNext
		}
		out = append(out, newObject().
			set("athleteKey", strconv.Itoa(int(a.Key))).
			set("athlete", newAthleteDTO(a, r, datesAsStrings, c.Federation)).
			set("displayInfo", newDisplayInfo(c, a, a.Category, r, rank)))
	}
	return out
}
