// Package lowerthird is the video overlay of the current lift on two cards: who (name, flag,
// team) with the attempt and weight, and the clock or the decision. It sits in a corner of a
// transparent 1920×1080 page; during an interruption its cards turn red.
package lowerthird

import (
	"github.com/owlcms/tracker/components"
	"github.com/owlcms/tracker/hub"
	"github.com/owlcms/tracker/scoreboards/board"
)

// positions are the corners the cards may sit in; the first is the default.
var positions = []string{"bottom-left", "bottom-right", "top-left", "top-right"}

// View is what the lower third shows.
type View struct {
	Page         components.PageMeta
	Position     string // a corner: bottom-left, bottom-right, top-left or top-right
	Hidden       bool   // no session on the platform: nothing over the video
	Break        bool   // a break: Name is the session, Message the break
	Interruption bool   // technical, marshal, jury or challenge: red cards
	Name         string
	Message      string
	Team         string
	FlagURL      string
	AttemptHTML  string
	Weight       string
	KgSymbol     string
	IfGood       string // "If good: rank 2 in the total" (board.PlaceIfGood), "" for none
	Slot         components.SlotView
}

// Data is the lower third's view model: the attempt bar's content, laid out as cards.
func Data(r board.Request) View {
	v := View{Page: r.OverlayPage(declaration.PageTitle(r)), Position: r.Choice("position", positions...)}
	m := board.ModeOf(r.FOP)
	switch {
	case m == hub.ModeWait:
		v.Hidden = true
		return v
	case m.IsBreak():
		v.Break = true
		v.Interruption = m == hub.ModeInterruption
		v.Name, v.Message = board.BreakParts(r, m)
		if v.Name == "" {
			v.Name, v.Message = v.Message, ""
		}
	default:
		bar := board.AttemptBar(r)
		v.Name, v.Team, v.FlagURL = bar.FullName, bar.Team, bar.FlagURL
		v.AttemptHTML, v.Weight, v.KgSymbol, v.IfGood = bar.AttemptHTML, bar.Weight, bar.KgSymbol, bar.IfGood
	}
	v.Slot = board.Slot(r)
	return v
}
