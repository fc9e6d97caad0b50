// Package medals is the medals board. During a medal ceremony it shows the podium of the
// category being awarded (or of every category of the session the ceremony is for); the rest
// of the time, the categories of the platform's session: their medals once every athlete of
// the category has lifted, else the prospective medalists (OWLCMS's medal leaders). Gold,
// silver and bronze for the total, and for the snatch and the clean & jerk when the
// competition awards them. A public display (public=true) switches to it during medal
// ceremonies.
package medals

import (
	"cmp"
	"strconv"
	"strings"

	"github.com/owlcms/tracker/components"
	"github.com/owlcms/tracker/hub"
	"github.com/owlcms/tracker/scoreboards/board"
	"github.com/owlcms/tracker/scoreboards/meet"
)

// View is what the board shows: a podium per category.
type View struct {
	board.Frame
	Labels     Labels
	LiftMedals bool // the snatch and the clean & jerk award medals too
	Tables     []Table
	Empty      string
	Fit        components.Fit
}

// Labels are the translated column headers and medal names.
type Labels struct {
	Name, Team, Snatch, CleanJerk, Total string
	Medals                               [3]string // gold, silver, bronze
}

// Table is one category's podium.
type Table struct {
	Title       string // "SR 81"
	Note        string // the championship during a ceremony; "Medals" or "Medal leaders" otherwise
	Provisional bool   // the category is still lifting: prospective medalists
	Rows        []Row
}

// Row is a medalist. The medals are 1 (gold), 2 (silver), 3 (bronze) or 0 (none).
type Row struct {
	Name, Team, FlagURL                     string
	Snatch, CleanJerk, Total                string
	SnatchMedal, CleanJerkMedal, TotalMedal int
}

// Widths and heights in em, mirroring static/css/ceremony.css.
const (
	emWidth                  = 3.2 + 16 + 16 + 3*4.4 + 2
	emTitle, emHeader, emRow = 2, 1.6, 1.75
	emPad                    = 1.0
)

// Data is the board's view model, a function of r alone.
func Data(r board.Request) View {
	v := View{Frame: declaration.Frame(r), LiftMedals: r.Competition().SnatchCJTotalMedals}
	v.Labels = Labels{
		Name: r.T("Scoreboard.Name", "Name"), Team: r.T("Scoreboard.Team", "Team"),
		Snatch: hub.PlainText(r.T("Scoreboard.Snatch", "Snatch")), CleanJerk: hub.PlainText(r.T("Scoreboard.Clean_and_Jerk", "Clean &amp; Jerk")),
		Total:  r.T("Scoreboard.Total", "Total"),
		Medals: [3]string{r.T("Medal.Gold", "Gold"), r.T("Medal.Silver", "Silver"), r.T("Medal.Bronze", "Bronze")},
	}
	f := r.FOP
	if f == nil || (f.Hidden && f.CeremonyUnderWay() != hub.CeremonyMedals) {
		v.Empty = r.WaitingNextSession()
		v.Fit = components.Fit{Width: emWidth, Height: 4}
		return v
	}
	live, flags := map[string]bool{}, map[string]string{}
	for _, a := range f.Athletes {
		live[a.Key], flags[a.Key] = true, a.FlagURL
	}
	cats := meet.Categories(r.Database(), meet.Lifters(r.Database(), f), live)
	ceremony := f.CeremonyUnderWay() == hub.CeremonyMedals
	var shown []meet.CategoryEntries
	if ceremony {
		shown = awarded(cats, f.Ceremony, f.SessionName)
	} else {
		shown = inSession(cats, f.SessionName)
	}
	h := emPad
	for _, c := range shown {
		t := Table{Title: c.Category.Name, Rows: podium(r, c, v.LiftMedals, flags)}
		if len(t.Rows) == 0 {
			continue
		}
		switch {
		case ceremony:
			t.Note = c.Category.AgeGroupName
		case decided(c, f, live):
			t.Note = r.T("Results.Medals", "Medals")
		default:
			t.Note, t.Provisional = r.T("Scoreboard.MedalLeaders", "Medal leaders"), true
		}
		v.Tables = append(v.Tables, t)
		h += emTitle + emHeader + float64(len(t.Rows))*emRow
	}
	if len(v.Tables) == 0 {
		v.Empty = r.T("Scoreboard.NoMedalCategories", "No medal results at this time.")
		h = 4
	}
	v.Fit = components.Fit{Width: emWidth, Height: h}
	return v
}

// awarded are the categories a medal ceremony is for: the one it names (in the age group it
// names, when one matches), else every category of its session.
func awarded(cats []meet.CategoryEntries, t hub.CeremonyTarget, session string) []meet.CategoryEntries {
	if t.Category == "" {
		return inSession(cats, cmp.Or(t.Session, session))
	}
	var named, inGroup []meet.CategoryEntries
	for _, c := range cats {
		if !strings.EqualFold(strings.TrimSpace(c.Category.Name), strings.TrimSpace(t.Category)) {
			continue
		}
		named = append(named, c)
		if ageGroupIs(c.Category, t) {
			inGroup = append(inGroup, c)
		}
	}
	if len(inGroup) > 0 {
		return inGroup
	}
	return named
}

// ageGroupIs reports whether a category belongs to the ceremony's age group and championship
// (OWLCMS names them; either may be left out).
func ageGroupIs(c hub.Category, t hub.CeremonyTarget) bool {
	is := func(want string, have ...string) bool {
		if want == "" {
			return true
		}
		for _, h := range have {
			if h != "" && strings.EqualFold(h, want) {
				return true
			}
		}
		return false
	}
	return is(t.AgeGroup, c.AgeGroupCode, c.AgeGroupKey, c.AgeGroupName) && is(t.Championship, c.AgeGroupName, c.AgeGroupCode)
}

// inSession are the categories with an athlete lifting in the session.
func inSession(cats []meet.CategoryEntries, session string) []meet.CategoryEntries {
	var out []meet.CategoryEntries
	for _, c := range cats {
		for _, e := range c.Entries {
			if e.Session == session && session != "" {
				out = append(out, c)
				break
			}
		}
	}
	return out
}

// decided reports whether every athlete of the category is done: all six attempts taken, or
// their session over (the database's, or the live session's end).
func decided(c meet.CategoryEntries, f *hub.FOP, live map[string]bool) bool {
	for _, e := range c.Entries {
		if !e.Finished() && !e.SessionDone && !(live[e.Key] && f.SessionDone) {
			return false
		}
	}
	return true
}

// podium lists the category's medalists: the first three of the total, and of the snatch and
// the clean & jerk when they award medals. A place counts only with a lift behind it.
func podium(r board.Request, c meet.CategoryEntries, liftMedals bool, flags map[string]string) []Row {
	var out []Row
	for _, e := range c.Entries {
		sn, cj, tot := meet.Best(e.Snatch), meet.Best(e.CleanJerk), e.Total()
		row := Row{Name: e.Name, Team: e.Team, FlagURL: cmp.Or(flags[e.Key], r.AssetURL(hub.AssetFlags, e.Team)),
			Snatch: kg(sn), CleanJerk: kg(cj), Total: kg(tot), TotalMedal: medal(e.Ranks[2], tot)}
		if liftMedals {
			row.SnatchMedal, row.CleanJerkMedal = medal(e.Ranks[0], sn), medal(e.Ranks[1], cj)
		}
		if row.TotalMedal+row.SnatchMedal+row.CleanJerkMedal > 0 {
			out = append(out, row)
		}
	}
	return out
}

// medal is the medal a rank wins (1-3), 0 without one or without a lift.
func medal(rank, lifted int) int {
	if lifted <= 0 || rank < 1 || rank > 3 {
		return 0
	}
	return rank
}

func kg(w int) string {
	if w <= 0 {
		return "-"
	}
	return strconv.Itoa(w)
}
