package board

import (
	"cmp"
	"strings"

	"github.com/owlcms/tracker/components"
	"github.com/owlcms/tracker/hub"
)

// KgSymbol follows every weight: a non-breaking space keeps "170 kg" on one line.
const KgSymbol = "\u00a0kg"

// AttemptBar builds the attempt bar of a platform in the viewer's language: the lifter, or in
// a break the break's message; the slot on the right holds the clock or the decision.
func AttemptBar(r Request) components.AttemptBarView {
	f := r.FOP
	m := ModeOf(f)
	if m == hub.ModeWait {
		return components.AttemptBarView{
			Waiting:     true,
			Mode:        string(m),
			Message:     r.CompetitionName(),
			SessionLine: r.WaitingNextSession(),
		}
	}
	v := components.AttemptBarView{Mode: string(m), SessionLine: SessionLine(r), Slot: Slot(r)}
	if m.IsBreak() {
		// The break message names the session ("Session M1 – Results"): the line under it
		// names the competition instead of saying the session again.
		v.Break = true
		v.FullName, v.SessionLine = BreakMessage(r, m), r.CompetitionName()
		return v
	}
	st := OnStage(r) // the judged lifter while the decision shows, not the next one
	c := st.Attempt
	v.StartNumber, v.FullName, v.Team, v.Category = c.StartNumber, c.FullName, c.TeamName, c.Category
	if a := st.Athlete(f); a != nil {
		v.FlagURL = a.FlagURL
		v.Team = cmp.Or(v.Team, a.TeamName)
	}
	v.AttemptHTML = AttemptLabel(r, f)
	v.IfGood = PlaceIfGood(r)
	if c.Weight != "" && c.Weight != "0" {
		v.Weight, v.KgSymbol = c.Weight, KgSymbol
	}
	v.Record = RecordFlag(r)
	return v
}

// AttemptLabel is "Snatch #2" / "C&J #3" of the attempt on stage in the viewer's language, or
// OWLCMS's own label when the attempt number is unknown.
func AttemptLabel(r Request, f *hub.FOP) string { return AttemptOf(r, OnStage(r)) }

// AttemptOf is AttemptLabel of the attempt st.
func AttemptOf(r Request, st hub.Stage) string {
	n := st.Attempt.AttemptNumber
	if n < 1 || n > 3 {
		return st.Attempt.AttemptHTML
	}
	if hub.LiftType(st.LiftType) == hub.LiftCleanJerk {
		return r.Tf("C_and_J_number", "C&J #{0}", n)
	}
	return r.Tf("Snatch_number", "Snatch #{0}", n)
}

// SessionLine is "Session M1 Snatch – 10 attempts done." in the viewer's language.
func SessionLine(r Request) string {
	f := r.FOP
	if f == nil || f.SessionName == "" {
		return ""
	}
	lift := r.T("Scoreboard.Snatch", "Snatch")
	if f.IsCleanJerk() {
		lift = components.SanitizeRichText(r.T("Scoreboard.Clean_and_Jerk", "Clean & Jerk"))
	}
	line := strings.TrimSpace(r.Tf("Scoreboard.GroupLiftType", "Session {0} {1}", f.SessionName, lift))
	if done := AttemptsDone(f); done >= 0 {
		line += " – " + r.Tf("Scoreboard.AttemptsDone", "{0,choice,0#No attempts done.|1#1 attempt done.|1<{0} attempts done.}", done)
	}
	return line
}

// AttemptsDone counts the attempts taken so far (good or failed) in the lift being contested,
// as OWLCMS does ("10 attempts done." during the clean & jerk of a 4-athlete session); -1
// without athletes.
func AttemptsDone(f *hub.FOP) int {
	if len(f.Athletes) == 0 {
		return -1
	}
	n := 0
	for _, a := range f.Athletes {
		cells := a.Snatch
		if f.IsCleanJerk() {
			cells = a.CleanJerk
		}
		for _, c := range cells {
			if c.Status == hub.AttemptGood || c.Status == hub.AttemptBad {
				n++
			}
		}
	}
	return n
}

// CurrentAthlete is the session athlete lifting now, nil when unknown.
func CurrentAthlete(f *hub.FOP) *hub.Athlete {
	if f == nil || f.CurrentKey == "" {
		return nil
	}
	for _, a := range f.Athletes {
		if a.Key == f.CurrentKey {
			return a
		}
	}
	return nil
}
