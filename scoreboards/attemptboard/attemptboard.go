// Package attemptboard is the platform's attempt board: the lifter, the weight with the
// barbell as loaded, the clock, and the referees' decision taking over the screen. It fills
// any screen (sizes in vh and vw), like OWLCMS's own attempt board.
package attemptboard

import (
	"cmp"
	"strconv"
	"strings"

	"github.com/owlcms/tracker/components"
	"github.com/owlcms/tracker/hub"
	"github.com/owlcms/tracker/scoreboards/board"
)

// View is everything the attempt board shows.
type View struct {
	Page components.PageMeta
	Mode string // OWLCMS's board mode, for styling

	Waiting  bool   // no session: Headline is the competition, Message says it waits
	Break    bool   // a break: Headline is "Session A1", Message the break
	Headline string // waiting or break
	Message  string

	LastName, FirstName string // the lifter
	LongName            bool   // a last name too long for the large size
	Team                string
	FlagURL             string // "" when hidden or absent
	PictureURL          string // "" when hidden or absent
	StartNumber         string
	Category            string
	AttemptHTML         string // "Snatch #2" (allow-listed HTML)
	Weight              string // "170"
	KgSymbol            string
	Barbell             *Barbell // nil when hidden or no weight

	Record *components.RecordFlagView // a record attempt or a new record; nil when none
	// Jury is "Jury Deliberation" (or "Challenge") while the jury deliberates: it stays up
	// with the attempt under review until the deliberation ends.
	Jury string

	Slot     components.SlotView
	ShowSlot bool // false when the clock is hidden and no decision shows
	Decision bool // the slot shows the referees' or the jury's decision: it takes over the centre
}

// Barbell is the loaded bar, drawn one side from the inside out.
type Barbell struct {
	Label  string // "170 kg", for screen readers
	Plates []Plate
	Exact  bool // false: the platform's plates cannot make the weight (drawn as loaded anyway)
}

// longName is the length above which OWLCMS shrinks the last name.
const longName = 18

// Data is the board's view model, a function of r alone: every value on the attempt board is
// read from the hub snapshot in r here (hub → board → components), and the templates only lay
// it out.
func Data(r board.Request) View {
	v := View{Page: declaration.Page(r)}
	f := r.FOP
	m := board.ModeOf(f)
	v.Mode = string(m)
	if m == hub.ModeWait {
		v.Waiting = true
		v.Headline = r.CompetitionName()
		v.Message = r.WaitingNextSession()
		return v
	}
	v.Slot = slot(r)
	v.Decision = isDecision(v.Slot)
	v.ShowSlot = v.Decision || (v.Slot.Kind != "" && r.Flag("showTimer", true))
	st := board.OnStage(r) // the judged attempt while its decision shows, or the jury's review
	v.Jury = board.Deliberation(r)
	_, reviewing := board.Reviewed(r)
	switch {
	case reviewing:
		lifter(r, &v, st) // the coaches see whose lift the jury reviews
	case m.IsBreak():
		v.Break = true
		v.Headline, v.Message = board.BreakParts(r, m)
		if v.Headline == "" {
			v.Headline, v.Message = v.Message, ""
		}
		if m != hub.ModeLiftCountdown {
			return v // the weight of the first lift stays up only for its countdown
		}
	default:
		lifter(r, &v, st)
		v.Record = board.RecordFlag(r)
	}
	c := st.Attempt
	if c.Weight != "" && c.Weight != "0" {
		v.Weight, v.KgSymbol = c.Weight, board.KgSymbol
		if r.Flag("showPlates", true) {
			v.Barbell = barbell(r, c.Weight)
		}
	}
	return v
}

// lifter fills in who lifts and what: st is the attempt on stage.
func lifter(r board.Request, v *View, st hub.Stage) {
	f := r.FOP
	c := st.Attempt
	v.StartNumber, v.Category, v.Team = c.StartNumber, c.Category, c.TeamName
	v.AttemptHTML = board.AttemptLabel(r, f)
	last, first, _ := strings.Cut(c.FullName, ",")
	if a := st.Athlete(f); a != nil {
		if a.LastName != "" {
			last, first = a.LastName, a.FirstName
		}
		v.Team = cmp.Or(v.Team, a.TeamName)
		v.Category = cmp.Or(v.Category, a.Category)
		if r.Flag("showPicture", true) {
			v.PictureURL = r.AssetURL(hub.AssetPictures, a.Membership)
		}
	}
	v.LastName, v.FirstName = strings.ToUpper(strings.TrimSpace(last)), strings.TrimSpace(first)
	v.LongName = len([]rune(v.LastName)) > longName
	if r.Flag("showFlag", true) {
		v.FlagURL = r.AssetURL(hub.AssetFlags, v.Team)
	}
}

// barbell is the weight as loaded on this platform's bar.
func barbell(r board.Request, weight string) *Barbell {
	w, err := strconv.Atoi(strings.TrimSpace(weight))
	if err != nil || w <= 0 {
		return nil
	}
	var p *hub.Platform
	if db := r.Database(); db != nil {
		p, _ = db.Platform(r.FOPName)
	}
	gender := ""
	if a := board.OnStage(r).Athlete(r.FOP); a != nil { // the bar of the attempt on stage
		gender = a.Gender
	}
	l := Plates(p, gender, w)
	return &Barbell{Label: weight + board.KgSymbol, Plates: l.Plates, Exact: l.Exact}
}

// slot is the board's clock or decision, with the viewer's showTimer and showDecisions.
func slot(r board.Request) components.SlotView {
	if r.Flag("showDecisions", true) {
		return board.Slot(r)
	}
	f := *r.FOP // a copy without the decision: never shared, never published
	f.Decision = hub.Decision{}
	r.FOP = &f
	return board.Slot(r)
}

// isDecision reports whether the slot shows a decision (which takes the centre of the board).
func isDecision(s components.SlotView) bool {
	return s.Kind == "lights" || s.Kind == "down" || (s.Hold != nil && s.Hold.Kind == "jury")
}
