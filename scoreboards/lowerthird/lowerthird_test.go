package lowerthird

import (
	"net/url"
	"testing"
	"time"

	"github.com/owlcms/tracker/hub"
	"github.com/owlcms/tracker/scoreboards/board"
	"github.com/owlcms/tracker/scoreboards/board/boardtest"
)

func TestData(t *testing.T) {
	tests := []struct {
		name, query string
		edit        func(f *hub.FOP)
		check       func(t *testing.T, v View)
	}{
		{"the lift", "", nil, func(t *testing.T, v View) {
			if v.Position != "bottom-left" || v.Name != "ADA, Ann" || v.Team != "Club One" || v.Weight != "81" ||
				v.AttemptHTML != "Snatch #2" || v.Slot.Kind != "clock" || v.Break || v.Interruption {
				t.Errorf("%+v", v)
			}
		}},
		{"every corner", "position=top-right", nil, func(t *testing.T, v View) {
			if v.Position != "top-right" {
				t.Errorf("position %q", v.Position)
			}
		}},
		{"an unknown corner keeps the default", "position=centre", nil, func(t *testing.T, v View) {
			if v.Position != "bottom-left" {
				t.Errorf("position %q", v.Position)
			}
		}},
		{"lights replace the clock", "", func(f *hub.FOP) {
			f.Decision = hub.Decision{Event: "FULL_DECISION", Visible: true, Lights: [3]hub.Light{hub.LightBad, hub.LightBad, hub.LightGood}}
		}, func(t *testing.T, v View) {
			if v.Slot.Kind != "lights" || len(v.Slot.Lights) != 3 {
				t.Errorf("slot %+v", v.Slot)
			}
		}},
		{"interruption: red, with its message", "", func(f *hub.FOP) {
			f.State, f.Break, f.Mode, f.BreakType = "BREAK", true, "INTERRUPTION", "TECHNICAL"
		}, func(t *testing.T, v View) {
			if !v.Interruption || !v.Break || v.Name != "Session A1" || v.Message != "Competition paused" || v.Slot.Kind != "stop" || v.Weight != "" {
				t.Errorf("%+v", v)
			}
		}},
		{"countdown: not red", "", func(f *hub.FOP) {
			f.State, f.Break, f.Mode, f.BreakType = "BREAK", true, "LIFT_COUNTDOWN", "FIRST_SNATCH"
			f.BreakClock = hub.BreakClock{Event: "BreakStarted", Running: true, Remaining: 5 * time.Minute}
		}, func(t *testing.T, v View) {
			if v.Interruption || !v.Break || v.Message != "Time before Snatch" || v.Slot.Kind != "break" {
				t.Errorf("%+v", v)
			}
		}},
		{"no session: hidden", "", func(f *hub.FOP) { f.Hidden = true }, func(t *testing.T, v View) {
			if !v.Hidden {
				t.Errorf("%+v", v)
			}
		}},
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
			tt.check(t, v)
		})
	}
}
