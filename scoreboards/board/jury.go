package board

import (
	"time"

	"github.com/owlcms/tracker/components"
	"github.com/owlcms/tracker/hub"
)

// The jury on the boards (docs/jury.md): while it deliberates, the attempt under review and
// "Jury Deliberation" (or "Challenge") stay up for as long as the deliberation lasts, not for
// the few seconds of a decision; its decision then shows over the slot, at least JuryHold and
// until the competition resumes.

// Deliberation is "Jury Deliberation" or "Challenge" in the viewer's language while the jury
// deliberates and has not decided yet, "" otherwise.
func Deliberation(r Request) string {
	f := r.FOP
	if f == nil || !f.Jury.Deliberating || f.Jury.Decided() {
		return ""
	}
	t := breakTexts[hub.BreakJury]
	if f.Jury.Challenge {
		t = breakTexts[hub.BreakChallenge]
	}
	return hub.PlainText(r.T(t.key, t.english))
}

// JuryOutcome is "Jury REVERSAL" or "Jury Confirmation" in the viewer's language (OWLCMS's
// jury notifications), "" before the jury decides.
func JuryOutcome(r Request, j hub.JuryState) string {
	switch {
	case !j.Decided():
		return ""
	case j.Reversal:
		return hub.PlainText(r.T("JuryNotification.Reversal", "Jury REVERSAL"))
	}
	return hub.PlainText(r.T("JuryNotification.Confirmed", "Jury Confirmation"))
}

// juryShowing reports whether the jury's decision is on the boards at the render: while the
// deliberation lasts, and JuryHold after the decision came; until is when it goes, zero while
// the deliberation lasts (the next event ends it).
func juryShowing(r Request) (until time.Time, ok bool) {
	j := r.FOP.Jury
	if !j.Decided() {
		return time.Time{}, false
	}
	if j.Deliberating {
		return time.Time{}, true
	}
	if c := r.FOP.Clock; c.Running && c.ReceivedAt.After(j.DecidedAt) {
		// The athlete clock started since: the platform lifts again, the next lifter is on
		// stage. Without it, a render during the hold would keep the reviewed lift up until
		// the platform's next change, since the server renders once per version.
		return time.Time{}, false
	}
	until = j.DecidedAt.Add(JuryHold)
	return until, r.before(until)
}

// OnStage is the attempt the boards show: the one the jury reviews while it deliberates or
// its decision shows (OWLCMS has called the next lifter by then), else the platform's
// (hub.FOP.OnStage: the judged attempt while the referees' lights show, or the current one).
func OnStage(r Request) hub.Stage {
	if st, ok := Reviewed(r); ok {
		return st
	}
	return r.FOP.OnStage()
}

// Reviewed is the attempt under the jury's review while it deliberates or its decision shows,
// false otherwise (or when the tracker never saw the referees judge it).
func Reviewed(r Request) (hub.Stage, bool) {
	f := r.FOP
	if f == nil || f.Jury.Judged == nil || f.Judged != nil {
		return hub.Stage{}, false
	}
	if _, showing := juryShowing(r); showing || Deliberation(r) != "" {
		return *f.Jury.Judged, true
	}
	return hub.Stage{}, false
}

// juryHold is the jury's decision laid over the slot while it shows, nil otherwise.
func juryHold(r Request) *components.HoldView {
	j := r.FOP.Jury
	until, ok := juryShowing(r)
	if !ok {
		return nil
	}
	verdict := hub.LightBad
	if j.Verdict == hub.JuryGoodLift {
		verdict = hub.LightGood
	}
	ls := lights(hub.Decision{SingleReferee: j.SingleReferee || r.FOP.Decision.SingleReferee}, [3]hub.Light{verdict, verdict, verdict})
	h := &components.HoldView{Kind: "jury", Label: JuryOutcome(r, j), Lights: ls, Verdict: verdictLabel(r, ls)}
	if !until.IsZero() {
		h.UntilMS = until.UnixMilli()
	}
	return h
}
