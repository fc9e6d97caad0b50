package jury

import (
	"testing"
	"time"

	gocmp "github.com/google/go-cmp/cmp"

	"github.com/owlcms/tracker/hub"
	"github.com/owlcms/tracker/scoreboards/board"
	"github.com/owlcms/tracker/scoreboards/board/boardtest"
)

func TestData(t *testing.T) {
	t0 := boardtest.Now
	refs := []Referee{{"Referee 1", "good", "Good Lift"}, {"Referee 2", "bad", "No Lift"}, {"Referee 3", "bad", "No Lift"}}
	judged := &Lift{LastName: "BEA", FirstName: "Bo", Team: "Club Two", StartNumber: "2", Category: "SR 58",
		AttemptHTML: "Snatch #2", Weight: "83", KgSymbol: board.KgSymbol, Referees: refs, Decision: "No Lift"}
	with := func(edit func(l *Lift)) *Lift { l := *judged; edit(&l); return &l }
	tests := []struct {
		name string
		edit func(f *hub.FOP)
		lang string
		want *Lift
	}{
		{"nothing judged in the session", func(f *hub.FOP) { f.Jury = hub.JuryState{} }, "en", nil},
		{"no session", func(f *hub.FOP) { f.Hidden = true }, "en", nil},
		{"judged, no jury", func(f *hub.FOP) { f.Jury.Deliberating = false }, "en", judged},
		{"deliberating", nil, "en", with(func(l *Lift) { l.Deliberation = "Jury Deliberation" })},
		{"a challenge", func(f *hub.FOP) { f.Jury.Challenge = true }, "en", with(func(l *Lift) { l.Deliberation = "Challenge" })},
		{"reversed, in French", func(f *hub.FOP) {
			f.Jury.Verdict, f.Jury.Reversal, f.Jury.DecidedAt = hub.JuryGoodLift, true, t0
		}, "fr", with(func(l *Lift) {
			l.AttemptHTML = "Arraché n° 2"
			l.Referees = []Referee{{"Referee 1", "good", "Lever accepté"}, {"Referee 2", "bad", "Lever refusé"}, {"Referee 3", "bad", "Lever refusé"}}
			l.Decision, l.Verdict, l.VerdictLight, l.Outcome, l.Reversal = "Lever refusé", "Lever accepté", "good", "Décision RENVERSÉE", true
		})},
		{"confirmed after the deliberation, long ago: the board keeps it", func(f *hub.FOP) {
			f.Jury.Deliberating, f.Jury.Verdict, f.Jury.DecidedAt = false, hub.JuryBadLift, t0.Add(-time.Hour)
		}, "en", with(func(l *Lift) { l.Verdict, l.VerdictLight, l.Outcome = "No Lift", "bad", "Jury Confirmation" })},
		{"a single referee: the centre light", func(f *hub.FOP) {
			f.Jury.Deliberating, f.Jury.SingleReferee, f.Jury.Lights = false, true, [3]hub.Light{hub.LightGood, hub.LightGood, hub.LightGood}
		}, "en", with(func(l *Lift) {
			l.Referees, l.Decision, l.Good = []Referee{{"Referee 2", "good", "Good Lift"}}, "Good Lift", true
		})},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := boardtest.JuryDeliberating(boardtest.Lifting("A"))
			if tt.edit != nil {
				tt.edit(f)
			}
			snap := boardtest.Snapshot(nil, f)
			snap.Translations = boardtest.French
			r := board.NewRequest(snap, "A", tt.lang, board.DefaultOptions, nil)
			r.Now = t0.Add(100 * time.Millisecond)
			v := Data(r)
			if diff := gocmp.Diff(tt.want, v.Lift); diff != "" {
				t.Errorf("lift (-want +got):\n%s", diff)
			}
			if tt.want == nil && v.Empty != "No Decision to Review" {
				t.Errorf("empty board says %q", v.Empty)
			}
		})
	}
}
