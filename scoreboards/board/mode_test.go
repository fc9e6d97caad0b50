package board_test

import (
	"strings"
	"testing"

	"github.com/owlcms/tracker/hub"
	"github.com/owlcms/tracker/scoreboards/board"
	"github.com/owlcms/tracker/scoreboards/board/boardtest"
)

// breakState puts the invented platform in a break as OWLCMS describes it.
func breakState(mode, breakType, ceremony string) func(f *hub.FOP) {
	return func(f *hub.FOP) {
		f.State, f.Break, f.Mode, f.BreakType, f.CeremonyType = "BREAK", true, mode, breakType, ceremony
	}
}

func TestModeAndMessage(t *testing.T) {
	tr := map[string]map[string]string{
		"en": {"Group_number": "Session {0}"},
		"fr": {
			"Group_number":                     "Plateau {0}",
			"Group_number_results":             "Plateau {0} &ndash; Résultats",
			"BreakType.BEFORE_INTRODUCTION":    "Décompte avant la présentation",
			"BreakType.FIRST_SNATCH":           "Décompte avant l'arraché",
			"BreakMgmt.IntroductionOfAthletes": "Présentation des athlètes",
			"PublicMsg.Medals":                 "Remise de médailles",
			"PublicMsg.CompetitionPaused":      "Pause",
			"PublicMsg.JuryDeliberation":       "Délibération du jury",
			"PublicMsg.CHALLENGE":              "Contestation",
		},
	}
	tests := []struct {
		name string
		edit func(f *hub.FOP)
		mode hub.Mode
		en   string // the bar's message; "" for a lifter or the waiting screen
		fr   string
	}{
		{"lifting", nil, hub.ModeCurrentAthlete, "", ""},
		{"nothing received", func(f *hub.FOP) { *f = hub.FOP{Name: f.Name} }, hub.ModeCurrentAthlete, "", ""},
		{"hidden by OWLCMS", func(f *hub.FOP) { f.Hidden = true }, hub.ModeWait, "", ""},
		{"inactive, nobody to lift", func(f *hub.FOP) { f.State, f.Mode, f.CurrentKey = "INACTIVE", "", "" }, hub.ModeWait, "", ""},
		{"inactive with a current athlete still shows them", func(f *hub.FOP) { f.State, f.Mode = "INACTIVE", "" }, hub.ModeCurrentAthlete, "", ""},
		{"countdown to the introduction", breakState("INTRO_COUNTDOWN", "BEFORE_INTRODUCTION", ""),
			hub.ModeIntroCountdown, "Session A1 – Time before Introduction", "Plateau A1 – Décompte avant la présentation"},
		{"countdown to the snatch, mode computed", breakState("", "FIRST_SNATCH", ""),
			hub.ModeLiftCountdown, "Session A1 – Time before Snatch", "Plateau A1 – Décompte avant l'arraché"},
		{"countdown to the C&J", breakState("LIFT_COUNTDOWN", "FIRST_CJ", ""),
			hub.ModeLiftCountdown, "Session A1 – Time before Clean & Jerk", "Plateau A1 – Time before Clean & Jerk"},
		{"introduction of athletes during the countdown", breakState("", "FIRST_SNATCH", "INTRODUCTION"),
			hub.ModeCeremony, "Session A1 – Introduction of Athletes", "Plateau A1 – Présentation des athlètes"},
		{"medals while the C&J countdown runs", breakState("", "FIRST_CJ", "MEDALS"),
			hub.ModeLiftCountdownCeremony, "Session A1 – Medal Ceremony", "Plateau A1 – Remise de médailles"},
		{"officials' introduction", breakState("CEREMONY", "CEREMONY", "OFFICIALS_INTRODUCTION"),
			hub.ModeCeremony, "Session A1 – Introduction of Officials", "Plateau A1 – Introduction of Officials"},
		{"a ceremony that ended no longer names it", func(f *hub.FOP) {
			breakState("", "FIRST_CJ", "MEDALS")(f)
			f.CeremonyEvent = "ceremonyDone"
		}, hub.ModeLiftCountdown, "Session A1 – Time before Clean & Jerk", "Plateau A1 – Time before Clean & Jerk"},
		{"technical issue", breakState("INTERRUPTION", "TECHNICAL", ""),
			hub.ModeInterruption, "Session A1 – Competition paused", "Plateau A1 – Pause"},
		{"marshal, mode computed", breakState("", "MARSHAL", ""),
			hub.ModeInterruption, "Session A1 – Competition paused", "Plateau A1 – Pause"},
		{"jury deliberation", breakState("INTERRUPTION", "JURY", ""),
			hub.ModeInterruption, "Session A1 – Jury Deliberation", "Plateau A1 – Délibération du jury"},
		{"challenge", breakState("INTERRUPTION", "CHALLENGE", ""),
			hub.ModeInterruption, "Session A1 – Challenge", "Plateau A1 – Contestation"},
		{"jury event before OWLCMS's break update", func(f *hub.FOP) {
			f.Mode, f.State, f.Break = "INTERRUPTION", "BREAK", true
			f.Decision = hub.Decision{Event: "START_DELIBERATION"}
		}, hub.ModeInterruption, "Session A1 – Jury Deliberation", "Plateau A1 – Délibération du jury"},
		{"challenge event before OWLCMS's break update", func(f *hub.FOP) {
			f.Mode, f.State, f.Break = "INTERRUPTION", "BREAK", true
			f.Decision = hub.Decision{Event: "CHALLENGE"}
		}, hub.ModeInterruption, "Session A1 – Challenge", "Plateau A1 – Contestation"},
		{"session done", func(f *hub.FOP) {
			breakState("SESSION_DONE", "GROUP_DONE", "")(f)
			f.SessionDone = true
		}, hub.ModeSessionDone, "Session A1 – Results", "Plateau A1 – Résultats"},
		{"session done without a session name", func(f *hub.FOP) {
			f.SessionDone, f.SessionName = true, ""
		}, hub.ModeSessionDone, "Results", "Results"},
		{"reopened: a stale SESSION_DONE mode is not believed", func(f *hub.FOP) {
			f.Mode, f.SessionDone = "SESSION_DONE", false
		}, hub.ModeCurrentAthlete, "", ""},
		{"break without a type", breakState("", "", ""),
			hub.ModeInterruption, "Session A1 – Competition paused", "Plateau A1 – Pause"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := boardtest.Lifting("A")
			if tt.edit != nil {
				tt.edit(f)
			}
			if got := board.ModeOf(f); got != tt.mode {
				t.Errorf("ModeOf = %s, want %s", got, tt.mode)
			}
			for lang, want := range map[string]string{"en": tt.en, "fr": tt.fr} {
				bar := board.AttemptBar(board.NewRequest(boardtest.Snapshot(tr, f), "A", lang, board.DefaultOptions, nil))
				got := ""
				if bar.Break {
					got = bar.FullName
				}
				if got != want {
					t.Errorf("%s message = %q, want %q", lang, got, want)
				}
				// The top band names the session once: the break message already does.
				if n := strings.Count(bar.FullName+" "+bar.SessionLine, "A1"); bar.Break && n > 1 {
					t.Errorf("%s: the band names the session %d times: %q / %q", lang, n, bar.FullName, bar.SessionLine)
				}
				if bar.Mode != string(tt.mode) {
					t.Errorf("%s bar mode %q, want %q", lang, bar.Mode, tt.mode)
				}
			}
		})
	}
	if got := board.ModeOf(nil); got != hub.ModeWait {
		t.Errorf("ModeOf(nil) = %s", got)
	}
}
