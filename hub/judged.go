package hub

// The judged lift stays on stage with its lights.
//
// OWLCMS sends the next athlete's update at the moment the lights come on: left to itself, a
// board would show the previous lifter's lights next to the next lifter's name and weight for
// the whole decision display, and the last lift of a session would show lights with no name.
// OWLCMS's own boards keep the judged lifter until the decision is reset; so does the hub: when
// a referees' decision (down signal or lights) arrives, the attempt on stage is frozen as
// FOP.Judged, kept through the updates that follow while the decision shows, and dropped when
// it ends (RESET, or the next clock start, which clears the decision).

// Stage is the attempt the platform shows: the lifter, their attempt and weight.
type Stage struct {
	Attempt  CurrentAttempt
	Key      string // the athlete's key
	LiftType string // LiftSnatch or LiftCleanJerk wording as OWLCMS sends it
	// Records is the record table of the attempt, its highlights the records it attacks: the
	// update that follows the lights already holds the next athlete's.
	Records *Records
	athlete *Athlete
}

// OnStage is the attempt boards show in their attempt bar: the judged one while its decision
// shows, otherwise the current one. Athlete resolves the lifter in the platform's latest data,
// so their line already carries the result of the judged attempt.
func (f *FOP) OnStage() Stage {
	if f.Judged != nil {
		return *f.Judged
	}
	return f.stageNow()
}

// Athlete is the lifter on stage, in the platform's latest data when they are still in it
// (with the attempt's result once OWLCMS sent it), else as they were when judged; nil when
// unknown.
func (s Stage) Athlete(f *FOP) *Athlete {
	if f != nil && s.Key != "" {
		for _, a := range f.Athletes {
			if a.Key == s.Key {
				return a
			}
		}
	}
	return s.athlete
}

func (f *FOP) stageNow() Stage {
	s := Stage{Attempt: f.Current, Key: f.CurrentKey, LiftType: f.LiftType, Records: f.Records}
	s.athlete = s.Athlete(f)
	return s
}

// DecisionShowing reports whether the referees' decision is on the boards: the down signal, or
// lights meant for the public.
func (f *FOP) DecisionShowing() bool { return decisionShowing(f.Decision) }

func decisionShowing(d Decision) bool {
	if d.Down {
		return true
	}
	if !d.Visible {
		return false
	}
	for _, l := range d.Lights {
		if l != LightNone {
			return true
		}
	}
	return false
}

// judgedAfter is the judged attempt of f, the state merged from old and a message of type t.
func judgedAfter(old, f *FOP, t MessageType) *Stage {
	if !decisionShowing(f.Decision) {
		return nil
	}
	if old != nil && old.Judged != nil {
		return old.Judged
	}
	if t != MessageDecision {
		return nil // a copy of an old decision in an update judges nothing new
	}
	src := f
	if old != nil {
		src = old // the attempt on stage when the decision came
	}
	s := src.stageNow()
	return &s
}
