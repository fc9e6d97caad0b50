package hub

import "testing"

// TestBoardMode: the mode every board and the status page show, from what OWLCMS sent: its
// own mode when it sent a known one, else OWLCMS's table from the state, break and ceremony.
func TestBoardMode(t *testing.T) {
	inBreak := func(bt BreakType, c CeremonyType) *FOP {
		return &FOP{State: string(StateBreak), Break: true, BreakType: string(bt), CeremonyType: string(c), CurrentKey: "1"}
	}
	tests := []struct {
		name string
		f    *FOP
		want Mode
	}{
		{"no platform", nil, ModeWait},
		{"hidden", &FOP{Hidden: true, Mode: string(ModeCurrentAthlete)}, ModeWait},
		{"session done wins over a stale mode", &FOP{SessionDone: true, Mode: string(ModeCurrentAthlete)}, ModeSessionDone},
		{"a stale SESSION_DONE without the hub's rule is lifting", &FOP{Mode: string(ModeSessionDone), CurrentKey: "1"}, ModeCurrentAthlete},
		{"inactive, nobody current", &FOP{State: string(StateInactive)}, ModeWait},
		{"OWLCMS's mode wins", &FOP{State: string(StateBreak), Mode: string(ModeInterruption), BreakType: string(BreakFirstSnatch)}, ModeInterruption},
		{"an unknown mode falls back to the table", &FOP{State: string(StateTimeRunning), Mode: "NEW_MODE", CurrentKey: "1"}, ModeCurrentAthlete},
		{"no mode sent, lifting", &FOP{State: string(StateCurrentAthlete), CurrentKey: "1"}, ModeCurrentAthlete},
		{"snatch countdown", inBreak(BreakFirstSnatch, ""), ModeLiftCountdown},
		{"C&J countdown during medals", inBreak(BreakFirstCJ, CeremonyMedals), ModeLiftCountdownCeremony},
		{"introduction during the countdown", inBreak(BreakFirstSnatch, CeremonyIntroduction), ModeCeremony},
		{"intro countdown", inBreak(BreakBeforeIntroduction, ""), ModeIntroCountdown},
		{"ceremony break", inBreak(BreakCeremony, ""), ModeCeremony},
		{"group done break", inBreak(BreakGroupDone, ""), ModeSessionDone},
		{"jury", inBreak(BreakJury, ""), ModeInterruption},
		{"break of no type", inBreak("", ""), ModeInterruption},
		{"break flag without a state", &FOP{Break: true, BreakType: string(BreakTechnical)}, ModeInterruption},
	}
	for _, tt := range tests {
		if got := tt.f.BoardMode(); got != tt.want {
			t.Errorf("%s: BoardMode = %s, want %s", tt.name, got, tt.want)
		}
	}
	ended := inBreak(BreakFirstCJ, CeremonyMedals)
	ended.CeremonyEvent = CeremonyDone
	if got := ended.BoardMode(); got != ModeLiftCountdown {
		t.Errorf("a ceremony that ended: BoardMode = %s, want %s", got, ModeLiftCountdown)
	}
}
