package board_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/owlcms/tracker/components"
	"github.com/owlcms/tracker/hub"
	"github.com/owlcms/tracker/scoreboards/board"
	"github.com/owlcms/tracker/scoreboards/board/boardtest"
)

// TestLightsSayTheDecision: the referees' lights are coloured dots; a screen reader hears the
// decision they make, in the viewer's language: good lift with two white lights of three, no
// lift otherwise, and the jury's decision while it is held over the slot.
func TestLightsSayTheDecision(t *testing.T) {
	g, b := hub.LightGood, hub.LightBad
	t0 := time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC)
	for _, tt := range []struct {
		name   string
		edit   func(f *hub.FOP)
		lang   string
		want   string
		reject string
	}{
		{"two white of three", func(f *hub.FOP) { f.Decision = hub.Decision{Visible: true, Lights: [3]hub.Light{g, b, g}} }, "en", `aria-label="Good lift"`, "No lift"},
		{"two red of three", func(f *hub.FOP) { f.Decision = hub.Decision{Visible: true, Lights: [3]hub.Light{b, g, b}} }, "en", `aria-label="No lift"`, "Good lift"},
		{"single referee", func(f *hub.FOP) {
			f.Decision = hub.Decision{Visible: true, SingleReferee: true, Lights: [3]hub.Light{hub.LightNone, b, hub.LightNone}}
		}, "en", `aria-label="No lift"`, "Good lift"},
		{"in French", func(f *hub.FOP) { f.Decision = hub.Decision{Visible: true, Lights: [3]hub.Light{g, g, g}} }, "fr", `aria-label="Essai réussi"`, "Good lift"},
		{"the jury's decision held over the slot", func(f *hub.FOP) {
			f.Decision = hub.Decision{Event: string(hub.DecisionJury), JuryDecision: string(hub.JuryBadLift), ReceivedAt: t0}
			f.Jury = hub.JuryState{Verdict: hub.JuryBadLift, DecidedAt: t0}
		}, "en", `aria-label="No lift"`, "Good lift"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			f := boardtest.Lifting("A")
			tt.edit(f)
			tr := map[string]map[string]string{"fr": {"JuryDialog.GoodLiftLabel": "Essai réussi", "JuryDialog.BadLiftLabel": "Essai manqué"}}
			r := board.NewRequest(boardtest.Snapshot(tr, f), "A", tt.lang, board.DefaultOptions, nil)
			r.Now = t0
			var sb strings.Builder
			if err := components.Slot(board.Slot(r)).Render(context.Background(), &sb); err != nil {
				t.Fatal(err)
			}
			html := sb.String()
			if !strings.Contains(html, "light ") || !strings.Contains(html, tt.want) || strings.Contains(html, tt.reject) {
				t.Errorf("slot %s: want %s", html, tt.want)
			}
		})
	}
}
