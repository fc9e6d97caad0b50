package board

import (
	"strings"

	"github.com/owlcms/tracker/hub"
)

// Mode is what a board shows for a platform, as OWLCMS's own boards decide it
// (HasBoardMode.computeBoardMode): a lifter, a countdown, a ceremony, an interruption, the end
// of a session, or the waiting screen.
type Mode string

// The board modes, with OWLCMS's names.
const (
	ModeWait                  Mode = "WAIT"                    // no session: competition name, waiting for the next one
	ModeIntroCountdown        Mode = "INTRO_COUNTDOWN"         // countdown to the introduction of athletes
	ModeLiftCountdown         Mode = "LIFT_COUNTDOWN"          // countdown to the first snatch or first clean & jerk
	ModeLiftCountdownCeremony Mode = "LIFT_COUNTDOWN_CEREMONY" // that countdown runs during a ceremony
	ModeCeremony              Mode = "CEREMONY"                // introduction of athletes or officials, medals
	ModeInterruption          Mode = "INTERRUPTION"            // technical, marshal, jury or challenge: no countdown
	ModeSessionDone           Mode = "SESSION_DONE"            // the session's results
	ModeCurrentAthlete        Mode = "CURRENT_ATHLETE"         // lifting
)

var knownModes = map[Mode]bool{
	ModeWait: true, ModeIntroCountdown: true, ModeLiftCountdown: true, ModeLiftCountdownCeremony: true,
	ModeCeremony: true, ModeInterruption: true, ModeSessionDone: true, ModeCurrentAthlete: true,
}

// IsBreak reports whether the attempt bar shows a message instead of a lifter.
func (m Mode) IsBreak() bool { return m != ModeCurrentAthlete && m != ModeWait }

// HasCountdown reports whether the mode shows the break clock.
func (m Mode) HasCountdown() bool {
	return m == ModeIntroCountdown || m == ModeLiftCountdown || m == ModeLiftCountdownCeremony
}

// ModeOf is the board mode of a platform. OWLCMS sends its own mode with most messages and
// that wins; the tracker computes it from the platform's state when it is absent. Session
// done follows the hub's rule (GroupDone, reopened by any later lifting event), not a stale
// SESSION_DONE left in the merged fields.
func ModeOf(f *hub.FOP) Mode {
	switch {
	case f == nil || f.Hidden:
		return ModeWait
	case f.SessionDone:
		return ModeSessionDone
	case f.State == "INACTIVE" && f.CurrentKey == "":
		return ModeWait
	}
	if m := Mode(f.Mode); knownModes[m] && m != ModeSessionDone {
		return m
	}
	if f.State == "BREAK" || (f.State == "" && f.Break) {
		return breakMode(f.BreakType, ceremonyOf(f))
	}
	return ModeCurrentAthlete
}

// breakMode is OWLCMS's mode table for a platform in a break.
func breakMode(breakType, ceremony string) Mode {
	switch breakType {
	case "FIRST_SNATCH", "FIRST_CJ":
		switch ceremony {
		case "":
			return ModeLiftCountdown
		case "INTRODUCTION":
			return ModeCeremony
		}
		return ModeLiftCountdownCeremony
	}
	switch {
	case ceremony != "" || breakType == "CEREMONY":
		return ModeCeremony
	case breakType == "BEFORE_INTRODUCTION":
		return ModeIntroCountdown
	case breakType == "GROUP_DONE":
		return ModeSessionDone
	}
	return ModeInterruption // JURY, CHALLENGE, MARSHAL, TECHNICAL, or no type at all
}

// ceremonyOf is the ceremony under way, "" when none (or when it just ended).
func ceremonyOf(f *hub.FOP) string {
	if f.CeremonyEvent == "ceremonyDone" {
		return ""
	}
	return f.CeremonyType
}

// breakTypeOf is the break type, completed from a jury event when OWLCMS's break update has
// not arrived yet.
func breakTypeOf(f *hub.FOP) string {
	if f.BreakType != "" {
		return f.BreakType
	}
	switch f.Decision.Event {
	case "START_DELIBERATION":
		return "JURY"
	case "CHALLENGE":
		return "CHALLENGE"
	}
	return ""
}

// BreakMessage is the attempt bar's text in a break mode, in the viewer's language:
// "Session M1 – Time before Snatch", "Session M1 – Jury Deliberation", "Session M1 – Results".
// OWLCMS builds the same text (BreakDisplay.inferMessage) in its own language; the tracker
// builds it per viewer from the translation keys.
func BreakMessage(r Request, m Mode) string {
	if f := r.FOP; m == ModeSessionDone && f != nil && f.SessionName != "" {
		// OWLCMS's own key for it (BreakDisplay.groupResults).
		return hub.PlainText(r.Tf("Group_number_results", "Session {0} &ndash; Results", f.SessionName))
	}
	session, msg := BreakParts(r, m)
	if session == "" {
		return msg
	}
	return session + " – " + msg
}

// BreakParts are BreakMessage's two halves: "Session M1" ("" without a session name) and the
// message, for boards that show them on two lines.
func BreakParts(r Request, m Mode) (session, msg string) {
	f := r.FOP
	if f == nil {
		return "", ""
	}
	if f.SessionName != "" {
		session = strings.TrimSpace(hub.PlainText(r.Tf("Group_number", "Session {0}", f.SessionName)))
	}
	if m == ModeSessionDone {
		return session, hub.PlainText(r.T("PublicMsg.GroupDone", "Results"))
	}
	return session, hub.PlainText(breakText(r, f))
}

// text is a translation key with its English text, for when OWLCMS sent no translations.
type text struct{ key, english string }

// OWLCMS's public messages (BreakDisplay.inferMessage): a ceremony names itself, otherwise
// the break type does; a technical or marshal issue, or an unknown type, is a pause.
var (
	ceremonyTexts = map[string]text{
		"INTRODUCTION":           {"BreakMgmt.IntroductionOfAthletes", "Introduction of Athletes"},
		"MEDALS":                 {"PublicMsg.Medals", "Medal Ceremony"},
		"OFFICIALS_INTRODUCTION": {"BreakMgmt.IntroductionOfOfficials", "Introduction of Officials"},
	}
	breakTexts = map[string]text{
		"FIRST_SNATCH":        {"BreakType.FIRST_SNATCH", "Time before Snatch"},
		"FIRST_CJ":            {"BreakType.FIRST_CJ", "Time before Clean & Jerk"},
		"BEFORE_INTRODUCTION": {"BreakType.BEFORE_INTRODUCTION", "Time before Introduction"},
		"JURY":                {"PublicMsg.JuryDeliberation", "Jury Deliberation"},
		"CHALLENGE":           {"PublicMsg.CHALLENGE", "Challenge"},
		"GROUP_DONE":          {"PublicMsg.GroupDone", "Results"},
		"CEREMONY":            {"BreakType.CEREMONY", "Ceremony"},
	}
	pausedText = text{"PublicMsg.CompetitionPaused", "Competition paused"}
)

// breakText is OWLCMS's public message for the break or ceremony under way.
func breakText(r Request, f *hub.FOP) string {
	t, ok := ceremonyTexts[ceremonyOf(f)]
	if !ok {
		if t, ok = breakTexts[breakTypeOf(f)]; !ok {
			t = pausedText
		}
	}
	return r.T(t.key, t.english)
}
