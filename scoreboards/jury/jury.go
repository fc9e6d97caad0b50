// Package jury is the jury board: the lift the referees last judged (lifter, attempt, weight),
// each referee's decision, whether the jury is deliberating on it, and the jury's decision,
// a reversal or a confirmation, under the platform's attempt bar. OWLCMS's own jury display
// is for the jury table; this board is for anyone who needs to follow the jury: coaches,
// the speaker, the video crew.
package jury

import (
	"strings"

	"github.com/owlcms/tracker/components"
	"github.com/owlcms/tracker/hub"
	"github.com/owlcms/tracker/scoreboards/board"
)

// View is what the board shows.
type View struct {
	board.Frame
	Labels Labels
	Empty  string // no lift judged yet in the session: "No Decision to Review"
	Lift   *Lift  // the lift last judged, nil before the first
	Fit    components.Fit
}

// Labels are the board's headings in the viewer's language.
type Labels struct{ Referees, Jury string }

// Lift is the judged lift, the referees' decision and the jury's.
type Lift struct {
	LastName, FirstName, Team string
	FlagURL                   string
	StartNumber, Category     string
	AttemptHTML               string // "Snatch #2" (allow-listed HTML)
	Weight, KgSymbol          string

	Referees []Referee
	Decision string // what the referees' lights make: "Good Lift" or "No Lift"
	Good     bool   // the referees' decision is a good lift

	// The jury: Deliberation ("Jury Deliberation", "Challenge") while it deliberates; once it
	// decides, its Verdict ("Good Lift", "No Lift", VerdictLight "good"/"bad") and Outcome
	// ("Jury REVERSAL", "Jury Confirmation").
	Deliberation string
	Verdict      string
	VerdictLight string
	Outcome      string
	Reversal     bool
}

// Referee is one referee's decision.
type Referee struct {
	Label string // "Referee 1"
	Light string // "good", "bad" or "" (none)
	Text  string // "Good Lift", "No Lift" or "", for those who cannot see the light
}

// Data is the board's view model, a function of r alone.
func Data(r board.Request) View {
	v := View{Frame: declaration.Frame(r)}
	v.Labels = Labels{
		Referees: hub.PlainText(r.T("RefereeDecisions", "Referee Decisions")),
		Jury:     hub.PlainText(r.T("Announcer.JuryDecisionTitle", "Jury Decision")),
	}
	v.Fit = components.Fit{Width: 44, Height: 21}
	f := r.FOP
	if f == nil || f.Hidden || f.Jury.Judged == nil {
		v.Empty = hub.PlainText(r.T("JuryDialog.NoCurrentAthlete", "No Decision to Review"))
		return v
	}
	v.Lift = lift(r, f.Jury)
	return v
}

// lift is the judged lift of j with both decisions.
func lift(r board.Request, j hub.JuryState) *Lift {
	st := *j.Judged
	c := st.Attempt
	l := &Lift{Team: c.TeamName, StartNumber: c.StartNumber, Category: c.Category, AttemptHTML: board.AttemptOf(r, st)}
	last, first, _ := strings.Cut(c.FullName, ",")
	if a := st.Athlete(r.FOP); a != nil {
		if a.LastName != "" {
			last, first = a.LastName, a.FirstName
		}
		if l.Team == "" {
			l.Team = a.TeamName
		}
		if l.Category == "" {
			l.Category = a.Category
		}
	}
	l.LastName, l.FirstName = strings.ToUpper(strings.TrimSpace(last)), strings.TrimSpace(first)
	l.FlagURL = r.AssetURL(hub.AssetFlags, l.Team)
	if c.Weight != "" && c.Weight != "0" {
		l.Weight, l.KgSymbol = c.Weight, board.KgSymbol
	}

	good := hub.PlainText(r.T("JuryDialog.RefGoodLift", "Good Lift"))
	bad := hub.PlainText(r.T("JuryDialog.RefBadLift", "No Lift"))
	labels := []string{r.T("Referee1", "Referee 1"), r.T("Referee2", "Referee 2"), r.T("Referee3", "Referee 3")}
	whites, n := 0, 0
	for i, light := range j.Lights {
		if j.SingleReferee && i != 1 {
			continue // the centre referee decides alone
		}
		ref := Referee{Label: hub.PlainText(labels[i])}
		switch light {
		case hub.LightGood:
			ref.Light, ref.Text = "good", good
			whites++
		case hub.LightBad:
			ref.Light, ref.Text = "bad", bad
		}
		n++
		l.Referees = append(l.Referees, ref)
	}
	l.Good = 2*whites > n
	l.Decision = bad
	if l.Good {
		l.Decision = good
	}

	l.Deliberation = board.Deliberation(r)
	if j.Decided() {
		l.Outcome, l.Reversal = board.JuryOutcome(r, j), j.Reversal
		l.Verdict, l.VerdictLight = bad, "bad"
		if j.Verdict == hub.JuryGoodLift {
			l.Verdict, l.VerdictLight = good, "good"
		}
	}
	return l
}
