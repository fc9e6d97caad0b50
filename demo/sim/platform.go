package sim

import (
	"context"
	"encoding/json"
	"runtime/debug"
	"strconv"
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
		p.State, p.BreakType, p.UIEvent = demo.StateBreak, string(hub.BreakGroupDone), hub.UIEventGroupDone
		p.BreakClockEvent, p.BreakMillis = string(hub.TimerBreakPaused), 0
		s.sendUpdate(p)
		s.mu.Unlock()
		if !s.sleep(ctx, resultsShown) {
			return false
		}
		s.mu.Lock()
	}
	next := s.following(p)
	p.Session, p.State, p.BreakType, p.UIEvent = next, demo.StateBreak, string(hub.BreakBeforeIntroduction), hub.UIEventSwitchGroup
	s.sendUpdate(p)
	s.mu.Unlock()
	if !s.countdown(ctx, p, string(hub.BreakBeforeIntroduction), introCountdown) || !s.countdown(ctx, p, string(hub.BreakFirstSnatch), liftCountdown) {
		return false
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	p.State, p.BreakType, p.UIEvent = demo.StateCurrentAthlete, "", hub.UIEventStartLifting
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
	real := s.real(d)
	s.mu.Lock()
	p.State, p.BreakType, p.UIEvent = demo.StateBreak, breakType, hub.UIEventBreakStarted
	p.BreakClockEvent, p.BreakMillis = string(hub.TimerBreakStarted), int(real.Milliseconds())
	s.sendUpdate(p)
	s.link.send("timer", map[string]any{
		"fopName": p.Name, "fopState": string(demo.StateBreak), "break": "true", "breakType": breakType,
		"breakTimerEventType": string(hub.TimerBreakStarted), "breakMillisRemaining": strconv.FormatInt(real.Milliseconds(), 10),
		"breakStartTimeMillis": strconv.FormatInt(time.Now().UnixMilli(), 10), "indefiniteBreak": "false",
	})
	s.mu.Unlock()
	return s.sleep(ctx, d)
}

// lift is one attempt: the athlete is called, the clock starts and stops, the down signal, the
// lights three seconds later, the new lifting order while they are up, then their reset.
func (s *simulation) lift(ctx context.Context, p *demo.Platform, a *demo.Athlete) bool {
	s.mu.Lock()
	allowed := demo.TimeAllowed(p.Session)
	p.State, p.UIEvent, p.ClockMillis, p.ClockEvent = demo.StateCurrentAthlete, hub.UIEventLiftingOrderUpdated, allowed, string(hub.TimerSet)
	p.BreakType, p.BreakClockEvent, p.BreakMillis = "", "", 0 // any countdown is over
	s.sendUpdate(p)
	s.clock(p, string(hub.TimerSet), allowed, allowed)
	liftFor := minLift + time.Duration(s.rng.Int64N(int64(maxLift-minLift)))
	good := s.rng.Float64() < 0.72
	s.mu.Unlock()
	if !s.sleep(ctx, announce) {
		return false
	}

	s.mu.Lock()
	p.State, p.ClockEvent = demo.StateTimeRunning, string(hub.TimerStart)
	s.clock(p, string(hub.TimerStart), allowed, allowed)
	s.mu.Unlock()
	if !s.sleep(ctx, liftFor) {
		return false
	}

	left := max(allowed-int(s.real(liftFor).Milliseconds()), 0)
	s.mu.Lock()
	p.State, p.ClockEvent, p.ClockMillis = demo.StateTimeStopped, string(hub.TimerStop), left
	s.clock(p, string(hub.TimerStop), left, allowed)
	p.State = demo.StateDownSignal
	s.decision(p, string(hub.DecisionDownSignal), nil)
	s.mu.Unlock()
	if !s.sleep(ctx, reversalDelay) {
		return false
	}

	s.mu.Lock()
	p.State = demo.StateDecisionsVisible
	s.decision(p, string(hub.DecisionFull), s.lights(good))
	i := a.AttemptsDone()
	if err := a.RecordLift(good, time.Now()); err != nil {
		s.opts.Logger.Error("owlcms-sim: recording a lift", "error", err)
	}
	if good && i%3 < 2 {
		_ = a.Declare(i+1, a.Attempts[i].Actual+1+s.rng.IntN(5)) // the coach asks 1 to 5 kg more
	}
	if next := p.Session; next != nil {
		p.ClockMillis, p.ClockEvent = demo.TimeAllowed(next), string(hub.TimerSet)
	}
	s.sendUpdate(p) // OWLCMS recomputes the lifting order as soon as the lights are shown
	s.mu.Unlock()
	if !s.sleep(ctx, decisionShown) {
		return false
	}

	s.mu.Lock()
	p.State = demo.StateCurrentAthlete
	s.decision(p, string(hub.DecisionReset), nil)
	s.mu.Unlock()
	return true
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

// decision sends a referees' decision event; lights nil sends none (down signal, reset).
func (s *simulation) decision(p *demo.Platform, event string, lights []bool) {
	payload := map[string]any{
		"fop": p.Name, "fopState": string(p.State), "break": "false", "competitionName": s.comp.Name,
		"decisionEventType": event, "decisionsVisible": strconv.FormatBool(event == string(hub.DecisionFull)),
		"down": strconv.FormatBool(event == string(hub.DecisionDownSignal)),
	}
	for i, good := range lights {
		payload["d"+strconv.Itoa(i+1)] = strconv.FormatBool(good)
	}
	s.link.send("decision", payload)
}

// sendUpdate sends the platform's update, as OWLCMS builds it from its state.
func (s *simulation) sendUpdate(p *demo.Platform) {
	s.comp.Now = time.Now()
	var payload map[string]json.RawMessage
	if err := json.Unmarshal(s.comp.UpdateJSON(p.Name), &payload); err != nil {
		s.opts.Logger.Error("owlcms-sim: the demo's update is not JSON", "error", err)
		return
	}
	if s.opts.UpdateKey != "" {
		key, _ := json.Marshal(s.opts.UpdateKey)
		payload["updateKey"] = key
	}
	s.link.sendRaw("update", payload)
}
