package lowerthird

import (
	"net/url"
	"testing"
	"time"

	gocmp "github.com/google/go-cmp/cmp"

	"github.com/owlcms/tracker/components"
	"github.com/owlcms/tracker/hub"
	"github.com/owlcms/tracker/scoreboards/board"
	"github.com/owlcms/tracker/scoreboards/board/boardtest"
)

func TestData(t *testing.T) {
	slot := func(kind string) components.SlotView { return components.SlotView{Kind: kind} }
	lift := View{Position: "bottom-left", Name: "ADA, Ann", Team: "Club One", AttemptHTML: "Snatch #2", Weight: "81",
		KgSymbol: board.KgSymbol, IfGood: "If good: rank 1 in the snatch", Slot: slot("clock")}
	with := func(edit func(v *View)) View { v := lift; edit(&v); return v }
	tests := []struct {
		name, query string
		edit        func(f *hub.FOP)
		want        View // its page frame aside, and its slot's kind only
	}{
		{"the lift", "", nil, lift},
		{"every corner", "position=top-right", nil, with(func(v *View) { v.Position = "top-right" })},
		{"an unknown corner keeps the default", "position=centre", nil, lift},
		{"lights replace the clock", "", func(f *hub.FOP) {
			f.Decision = hub.Decision{Event: "FULL_DECISION", Visible: true, Lights: [3]hub.Light{hub.LightBad, hub.LightBad, hub.LightGood}}
		}, with(func(v *View) { v.Slot, v.IfGood = slot("lights"), "" })}, // nothing to win once judged,
		{"interruption: red, with its message", "", func(f *hub.FOP) {
			f.State, f.Break, f.Mode, f.BreakType = "BREAK", true, "INTERRUPTION", "TECHNICAL"
		}, View{Position: "bottom-left", Break: true, Interruption: true, Name: "Session A1", Message: "Competition paused", Slot: slot("stop")}},
		{"countdown: not red", "", func(f *hub.FOP) {
			f.State, f.Break, f.Mode, f.BreakType = "BREAK", true, "LIFT_COUNTDOWN", "FIRST_SNATCH"
			f.BreakClock = hub.BreakClock{Event: "BreakStarted", Running: true, Remaining: 5 * time.Minute}
		}, View{Position: "bottom-left", Break: true, Name: "Session A1", Message: "Time before Snatch", Slot: slot("break")}},
		{"no session: hidden", "", func(f *hub.FOP) { f.Hidden = true }, View{Position: "bottom-left", Hidden: true}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := boardtest.Lifting("A")
			if tt.edit != nil {
				tt.edit(f)
			}
			q, _ := url.ParseQuery(tt.query)
			v := Data(board.NewRequest(boardtest.Snapshot(nil, f), "A", "en", board.DefaultOptions, Board.BoardQuery(q)))
			if !v.Page.Overlay {
				t.Error("not an overlay page")
			}
			v.Page, v.Slot = components.PageMeta{}, slot(v.Slot.Kind)
			if diff := gocmp.Diff(tt.want, v); diff != "" {
				t.Errorf("view (-want +got):\n%s", diff)
			}
		})
	}
}
