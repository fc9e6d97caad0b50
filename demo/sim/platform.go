package sim

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"maps"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/owlcms/tracker/demo"
	"github.com/owlcms/tracker/hub"
)

// Meet-time durations of a session (divided by Speed in real time).
const (
	introCountdown   = 2 * time.Minute
	liftCountdown    = time.Minute // before the first snatch and the first clean & jerk
	announce         = 5 * time.Second
	reversalDelay    = 3 * time.Second // OWLCMS shows the lights 3 s after the third referee
	decisionShown    = 3500 * time.Millisecond
	resultsShown     = 30 * time.Second // the session's results before the next session
	minLift, maxLift = 8 * time.Second, 40 * time.Second
)

// platform runs the sessions of one platform for ever: it finishes the session under way, then
// each following session, then starts the platform's sessions again.
func (s *simulation) platform(ctx context.Context, p *demo.Platform) {
	defer func() {
		if r := recover(); r != nil {
			s.opts.Logger.Error("owlcms-sim: panic on a platform", "platform", p.Name, "panic", r, "stack", string(debug.Stack()))
		}
	}()
	cjBreakDone := map[*demo.Session]bool{}
	for ctx.Err() == nil {
		s.mu.Lock()
		sess := p.Session
		var cur *demo.Athlete
		if sess != nil {
			if order := demo.LiftingOrder(sess.Athletes); len(order) > 0 && order[0].AttemptsDone() < 6 {
				cur = order[0]
			}
		}
		s.mu.Unlock()
		switch {
		case sess == nil || cur == nil:
			if !s.nextSession(ctx, p) {
				return
			}
		case cur.AttemptsDone() == 3 && !cjBreakDone[sess] && s.snatchOver(sess):
			cjBreakDone[sess] = true
			if !s.countdown(ctx, p, string(hub.BreakFirstCJ), liftCountdown) {
				return
			}
		default:
			if !s.lift(ctx, p, cur) {
				return
			}
		}
	}
}

// snatchOver reports whether every athlete of the session has taken three snatches.
func (s *simulation) snatchOver(sess *demo.Session) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, a := range sess.Athletes {
		if a.AttemptsDone() < 3 {
			return false
		}
	}
	return true
}

// nextSession closes the session under way (results shown), then calls the next one of the
// platform and runs its countdowns; once all are done it clears them and starts over.
func (s *simulation) nextSession(ctx context.Context, p *demo.Platform) bool {
	s.mu.Lock()
	if p.Session != nil && !p.Session.Done {
		p.Session.Done = true
		p.State, p.BreakType, p.UIEvent = hub.StateBreak, string(hub.BreakGroupDone), hub.UIEventGroupDone
		p.BreakClockEvent, p.BreakMillis = string(hub.TimerBreakPaused), 0
		s.sendUpdate(p, s.newDatabase(p.Session))
		s.mu.Unlock()
		if !s.sleep(ctx, resultsShown/2) || !s.medals(ctx, p) {
			return false
		}
		s.mu.Lock()
	}
	next := s.following(p)
	p.Session, p.State, p.BreakType, p.UIEvent = next, hub.StateBreak, string(hub.BreakBeforeIntroduction), hub.UIEventSwitchGroup
	s.sendUpdate(p)
	s.mu.Unlock()
	if !s.countdown(ctx, p, string(hub.BreakBeforeIntroduction), introCountdown) {
		return false
	}
	// The countdown to the first snatch starts, and the athletes are introduced during it.
	s.startCountdown(p, string(hub.BreakFirstSnatch), liftCountdown)
	if !s.introduction(ctx, p, liftCountdown) || !s.sleep(ctx, liftCountdown-introductionShown) {
		return false
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	p.State, p.BreakType, p.UIEvent = hub.StateCurrentAthlete, "", hub.UIEventStartLifting
	p.BreakClockEvent, p.BreakMillis = "", 0
	p.ClockMillis, p.ClockEvent = demo.TimeAllowed(next), string(hub.TimerSet)
	s.sendUpdate(p)
	return true
}

// following is the platform's next session not done, after clearing them all when every one
// is done (the demo loops).
func (s *simulation) following(p *demo.Platform) *demo.Session {
	var mine []*demo.Session
	for _, sess := range s.comp.Sessions {
		if sess.Platform == p.Name {
			mine = append(mine, sess)
		}
	}
	for _, sess := range mine {
		if !sess.Done {
			return sess
		}
	}
	for _, sess := range mine {
		sess.Done = false
		sess.FirstSnatch, sess.FirstCJ = time.Time{}, time.Time{}
		for _, a := range sess.Athletes {
			for i := range a.Attempts {
				at := &a.Attempts[i]
				keep := 0
				if i == 0 || i == 3 {
					keep = at.Declaration // the opening declarations stand
				}
				*at = demo.Attempt{Declaration: keep}
			}
		}
	}
	return mine[0]
}

// countdown runs a break countdown (BreakStarted: an update and a timer) to its end.
func (s *simulation) countdown(ctx context.Context, p *demo.Platform, breakType string, d time.Duration) bool {
	s.startCountdown(p, breakType, d)
	return s.sleep(ctx, d)
}

// startCountdown starts a break countdown (BreakStarted: an update and a timer).
func (s *simulation) startCountdown(p *demo.Platform, breakType string, d time.Duration) {
	real := s.real(d)
	s.mu.Lock()
	p.State, p.BreakType, p.UIEvent = hub.StateBreak, breakType, hub.UIEventBreakStarted
	p.BreakClockEvent, p.BreakMillis = string(hub.TimerBreakStarted), int(real.Milliseconds())
	s.sendUpdate(p)
	s.link.send("timer", map[string]any{
		"fopName": p.Name, "fopState": string(hub.StateBreak), "break": "true", "breakType": breakType,
		"breakTimerEventType": string(hub.TimerBreakStarted), "breakMillisRemaining": strconv.FormatInt(real.Milliseconds(), 10),
		"breakStartTimeMillis": strconv.FormatInt(time.Now().UnixMilli(), 10), "indefiniteBreak": "false",
	})
	s.mu.Unlock()
}

// lift is one attempt: the athlete is called, the clock starts and stops, the down signal, the
// lights three seconds later, the new lifting order while they are up, then their reset.
func (s *simulation) lift(ctx context.Context, p *demo.Platform, a *demo.Athlete) bool {
	s.mu.Lock()
	allowed := demo.TimeAllowed(p.Session)
	p.State, p.UIEvent, p.ClockMillis, p.ClockEvent = hub.StateCurrentAthlete, hub.UIEventLiftingOrderUpdated, allowed, string(hub.TimerSet)
	p.BreakType, p.BreakClockEvent, p.BreakMillis = "", "", 0 // any countdown is over
	s.sendUpdate(p)
	s.clock(p, string(hub.TimerSet), allowed, allowed)
	liftFor := minLift + time.Duration(s.rng.Int64N(int64(maxLift-minLift)))
	good := s.rng.Float64() < 0.72
	if s.comp.AttacksRecord(a) { // every other record attempt succeeds
		good = s.recordTries%2 == 0
		s.recordTries++
	}
	if !s.pause(ctx, announce) {
		return false
	}

	p.State, p.ClockEvent = hub.StateTimeRunning, string(hub.TimerStart)
	s.clock(p, string(hub.TimerStart), allowed, allowed)
	if !s.pause(ctx, liftFor) {
		return false
	}

	left := max(allowed-int(s.real(liftFor).Milliseconds()), 0)
	p.State, p.ClockEvent, p.ClockMillis = hub.StateTimeStopped, string(hub.TimerStop), left
	s.clock(p, string(hub.TimerStop), left, allowed)
	p.State = hub.StateDownSignal
	s.decision(p, string(hub.DecisionDownSignal), nil)
	// The three referees have decided: OWLCMS tells the jury at once (not for the public),
	// spelled differently by different builds, and shows the lights after the reversal delay.
	lights := s.lights(good)
	s.decision(p, initialSpellings[s.lifts%len(initialSpellings)], lights)
	s.lifts++
	if !s.pause(ctx, reversalDelay) {
		return false
	}

	p.State = hub.StateDecisionsVisible
	i := a.AttemptsDone()
	if err := a.RecordLift(good, time.Now()); err != nil {
		s.opts.Logger.Error("owlcms-sim: recording a lift", "error", err)
	}
	var newRecord map[string]any // OWLCMS says so with the lights and in the update under them
	if good && s.comp.SetRecords(a, p.Session.Name) > 0 {
		newRecord = map[string]any{"recordKind": "new", "recordMessage": s.comp.NewRecordMessage()}
		if s.recordsSet == nil {
			s.recordsSet = map[*demo.Session]bool{}
		}
		s.recordsSet[p.Session] = true
	}
	s.decision(p, string(hub.DecisionFull), lights, newRecord)
	if good && i%3 < 2 {
		next := a.Attempts[i].Actual + 1 + s.rng.IntN(5) // the coach asks 1 to 5 kg more
		// Now and then, after a good second attempt, a record within reach is asked for.
		if w, ok := s.comp.RecordWithin(a, a.CurrentLift(), a.Attempts[i].Actual, 12); ok && i%3 == 1 && s.lifts%3 == 0 {
			next = w
		}
		_ = a.Declare(i+1, next)
	}
	if next := p.Session; next != nil {
		p.ClockMillis, p.ClockEvent = demo.TimeAllowed(next), string(hub.TimerSet)
	}
	s.sendUpdate(p, newRecord) // OWLCMS recomputes the lifting order as soon as the lights are shown
	if !s.pause(ctx, decisionShown) {
		return false
	}

	p.State = hub.StateCurrentAthlete
	s.decision(p, string(hub.DecisionReset), nil)
	s.platformLifts[p.Name]++
	jury := s.platformLifts[p.Name]%juryEvery == 0 // deterministic: each platform shows one every few lifts
	s.mu.Unlock()
	if jury {
		return s.juryReviews(ctx, p, a, i, good)
	}
	return true
}

// initialSpellings are the ways OWLCMS builds have spelled the initial decision event.
var initialSpellings = []string{"iniitialDecision", "INIITIAL_DECISION", "INITIAL_DECISION"}

// juryEvery: one lift in juryEvery is reviewed by the jury; every second review reverses the
// referees' decision.
const juryEvery = 8

// deliberation is how long the jury deliberates (meet time): well past the few seconds a
// decision shows, as a real review takes.
const deliberation = 15 * time.Second

// juryReviews is a jury's review of attempt i of a (0-based, snatches then clean & jerks), as
// OWLCMS runs it: the jury stops the competition (a JURY break, then START_DELIBERATION),
// deliberates, decides (JURY_DECISION with its details; a reversal changes the athlete's
// result and the lifting order), ends the deliberation, and lifting resumes after the decision
// has shown.
func (s *simulation) juryReviews(ctx context.Context, p *demo.Platform, a *demo.Athlete, i int, good bool) bool {
	s.mu.Lock()
	reversal := s.juries[p.Name]%2 == 1
	s.juries[p.Name]++
	p.State, p.BreakType, p.UIEvent = hub.StateBreak, string(hub.BreakJury), hub.UIEventBreakStarted
	s.sendUpdate(p)
	s.jury(p, string(hub.DecisionStartDeliberation), nil)
	if !s.pause(ctx, deliberation) {
		return false
	}
	decided := good != reversal
	verdict, weight := hub.JuryBadLift, a.Attempts[i].Actual
	if decided {
		verdict = hub.JuryGoodLift
	}
	if reversal {
		a.Attempts[i].Actual = -weight // the jury's decision stands in the athlete's results
	}
	p.State, p.BreakType = hub.StateDecisionsVisible, ""
	s.jury(p, string(hub.DecisionJury), map[string]any{
		"juryDecision": string(verdict), "juryReversal": strconv.FormatBool(reversal), "athleteFull": a.FullName(),
		"athleteAbbreviated": strings.ToUpper(a.LastName) + " " + firstInitial(a.FirstName), "waitForAnnouncer": "false",
		"actualLift": strconv.Itoa(max(weight, -weight)), "recordKind": "none",
	})
	if reversal {
		p.UIEvent = hub.UIEventLiftingOrderUpdated
		s.sendUpdate(p) // OWLCMS recomputes the lifting order with the jury's decision
	}
	s.jury(p, string(hub.DecisionEndDeliberation), nil)
	if !s.pause(ctx, decisionShown) {
		return false
	}
	defer s.mu.Unlock()
	p.State, p.UIEvent = hub.StateCurrentAthlete, hub.UIEventStartLifting
	s.sendUpdate(p)
	return true
}

// jury sends a jury event: OWLCMS's jury messages carry only the platform's state and, for a
// decision, its details.
func (s *simulation) jury(p *demo.Platform, event string, details map[string]any) {
	inBreak := p.State == hub.StateBreak
	mode := hub.ModeCurrentAthlete
	if inBreak {
		mode = hub.ModeInterruption
	}
	payload := map[string]any{"fop": p.Name, "fopState": string(p.State), "break": strconv.FormatBool(inBreak),
		"mode": string(mode), "decisionEventType": event}
	for k, v := range details {
		payload[k] = v
	}
	s.link.send("decision", payload)
}

func firstInitial(first string) string {
	for _, r := range first {
		return string(r) + "."
	}
	return ""
}

// lights are three referees' decisions: a good lift has two or three whites.
func (s *simulation) lights(good bool) []bool {
	ls := []bool{good, good, good}
	if s.rng.IntN(3) == 0 {
		ls[s.rng.IntN(3)] = !good // one referee disagrees
	}
	return ls
}

// clock sends an athlete timer event.
func (s *simulation) clock(p *demo.Platform, event string, remaining, allowed int) {
	initial := -1
	if allowed >= 120000 {
		initial = 90000
	}
	payload := map[string]any{
		"fopName": p.Name, "fopState": string(p.State), "athleteTimerEventType": event,
		"athleteMillisRemaining": strconv.Itoa(remaining), "timeAllowed": strconv.Itoa(allowed),
		"athleteInitialWarningMillis": strconv.Itoa(initial), "athleteFinalWarningMillis": "30000",
	}
	if event != string(hub.TimerSet) {
		payload["athleteStartTimeMillis"] = strconv.FormatInt(time.Now().UnixMilli(), 10)
	}
	s.link.send("timer", payload)
}

// decision sends a referees' decision event; lights nil sends none (down signal, reset). A
// decision with lights also carries its overall result and how it was given and timed.
func (s *simulation) decision(p *demo.Platform, event string, lights []bool, extra ...map[string]any) {
	payload := map[string]any{
		"fop": p.Name, "fopState": string(p.State), "break": "false", "competitionName": s.comp.Name,
		"decisionEventType": event, "decisionsVisible": strconv.FormatBool(event == string(hub.DecisionFull)),
		"down": strconv.FormatBool(event == string(hub.DecisionDownSignal)),
	}
	for _, e := range extra {
		maps.Copy(payload, e)
	}
	whites := 0
	for i, good := range lights {
		payload["d"+strconv.Itoa(i+1)] = strconv.FormatBool(good)
		if good {
			whites++
		}
	}
	if len(lights) > 0 {
		payload["decision"] = strconv.FormatBool(2*whites > len(lights))
		payload["timingPolicy"], payload["inputKind"] = "DELAYED", "THREE_REFEREE_INPUT"
	}
	s.link.send("decision", payload)
}

// medals are the medal ceremonies of the session just done: one for each of its categories
// whose athletes have all lifted (a category of several sessions is awarded after its last),
// as OWLCMS's announcer runs them one category after the other, each update naming whom it is
// for. The ceremonies share the time the results are shown.
func (s *simulation) medals(ctx context.Context, p *demo.Platform) bool {
	s.mu.Lock()
	cats := s.decidedCategories(p.Session)
	s.mu.Unlock()
	for _, c := range cats {
		s.mu.Lock()
		target := map[string]any{"ceremonyType": "MEDALS", "ceremonySession": p.Session.Name,
			"ceremonyCategory": c.Name(), "ceremonyAgeGroup": c.AgeGroup.Code, "ceremonyChampionship": c.AgeGroup.Championship,
			"ceremonyEventType": "ceremonyStarted"}
		p.UIEvent = "CeremonyStarted"
		s.sendUpdate(p, target)
		s.mu.Unlock()
		if !s.sleep(ctx, resultsShown/2/time.Duration(len(cats))) {
			return false
		}
		s.mu.Lock()
		p.UIEvent = "CeremonyDone"
		s.sendUpdate(p, map[string]any{"ceremonyType": "MEDALS", "ceremonyEventType": "ceremonyDone"})
		s.mu.Unlock()
	}
	return true
}

// decidedCategories are the categories of the session's athletes, in their order, whose
// athletes all lift in sessions that are done.
func (s *simulation) decidedCategories(sess *demo.Session) []*demo.Category {
	var out []*demo.Category
	for _, a := range sess.Athletes {
		if a.Category == nil || slices.Contains(out, a.Category) || !s.decided(a.Category) {
			continue
		}
		out = append(out, a.Category)
	}
	return out
}

// decided reports whether every athlete of category c is in a session that is done.
func (s *simulation) decided(c *demo.Category) bool {
	for _, sess := range s.comp.Sessions {
		for _, a := range sess.Athletes {
			if a.Category == c && !sess.Done {
				return false
			}
		}
	}
	return true
}

// sendUpdate sends the platform's update, as OWLCMS builds it from its state, with extra
// fields the demo model does not hold (a ceremony's target).
func (s *simulation) sendUpdate(p *demo.Platform, extra ...map[string]any) {
	s.comp.Now = time.Now()
	var payload map[string]json.RawMessage
	if err := json.Unmarshal(s.comp.UpdateJSON(p.Name), &payload); err != nil {
		s.opts.Logger.Error("owlcms-sim: the demo's update is not JSON", "error", err)
		return
	}
	for _, e := range extra {
		for k, v := range e {
			payload[k], _ = json.Marshal(v)
		}
	}
	if s.opts.UpdateKey != "" {
		key, _ := json.Marshal(s.opts.UpdateKey)
		payload["updateKey"] = key
	}
	s.link.sendRaw("update", payload)
}

// newDatabase is what the update ending a session says of the database when records were set
// during it: the checksum of the export as it is now, which tells the tracker to ask for it
// (OWLCMS sends its database checksum with every SwitchGroup and GroupDone). Nil otherwise.
func (s *simulation) newDatabase(sess *demo.Session) map[string]any {
	if !s.recordsSet[sess] {
		return nil
	}
	delete(s.recordsSet, sess)
	sum := sha256.Sum256(s.comp.DatabaseJSON())
	return map[string]any{"databaseChecksum": hex.EncodeToString(sum[:])}
}
