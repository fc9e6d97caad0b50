package board

import (
	"strings"

	"github.com/owlcms/tracker/hub"
)

// ModeOf is the board mode of a platform (nil: waiting); the hub computes it (FOP.BoardMode),
// so that boards and the status page never disagree.
func ModeOf(f *hub.FOP) hub.Mode { return f.BoardMode() }

// breakTypeOf is the break type, completed from a jury event when OWLCMS's break update has
// not arrived yet.
func breakTypeOf(f *hub.FOP) hub.BreakType {
	if f.BreakType != "" {
		return hub.BreakType(f.BreakType)
	}
	switch hub.DecisionEvent(f.Decision.Event) {
	case hub.DecisionStartDeliberation:
		return hub.BreakJury
	case hub.DecisionChallenge:
		return hub.BreakChallenge
	}
	return ""
}

// BreakMessage is the attempt bar's text in a break mode, in the viewer's language:
// "Session M1 – Time before Snatch", "Session M1 – Jury Deliberation", "Session M1 – Results".
// OWLCMS builds the same text (BreakDisplay.inferMessage) in its own language; the tracker
// builds it per viewer from the translation keys.
func BreakMessage(r Request, m hub.Mode) string {
	if f := r.FOP; m == hub.ModeSessionDone && f != nil && f.SessionName != "" {
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
func BreakParts(r Request, m hub.Mode) (session, msg string) {
	f := r.FOP
	if f == nil {
		return "", ""
	}
	if f.SessionName != "" {
		session = strings.TrimSpace(hub.PlainText(r.Tf("Group_number", "Session {0}", f.SessionName)))
	}
	if m == hub.ModeSessionDone {
		return session, hub.PlainText(r.T("PublicMsg.GroupDone", "Results"))
	}
	return session, hub.PlainText(breakText(r, f))
}

// text is a translation key with its English text, for when OWLCMS sent no translations.
type text struct{ key, english string }

// OWLCMS's public messages (BreakDisplay.inferMessage): a ceremony names itself, otherwise
// the break type does; a technical or marshal issue, or an unknown type, is a pause.
var (
	ceremonyTexts = map[hub.CeremonyType]text{
		hub.CeremonyIntroduction:          {"BreakMgmt.IntroductionOfAthletes", "Introduction of Athletes"},
		hub.CeremonyMedals:                {"PublicMsg.Medals", "Medal Ceremony"},
		hub.CeremonyOfficialsIntroduction: {"BreakMgmt.IntroductionOfOfficials", "Introduction of Officials"},
	}
	breakTexts = map[hub.BreakType]text{
		hub.BreakFirstSnatch:        {"BreakType.FIRST_SNATCH", "Time before Snatch"},
		hub.BreakFirstCJ:            {"BreakType.FIRST_CJ", "Time before Clean & Jerk"},
		hub.BreakBeforeIntroduction: {"BreakType.BEFORE_INTRODUCTION", "Time before Introduction"},
		hub.BreakJury:               {"PublicMsg.JuryDeliberation", "Jury Deliberation"},
		hub.BreakChallenge:          {"PublicMsg.CHALLENGE", "Challenge"},
		hub.BreakGroupDone:          {"PublicMsg.GroupDone", "Results"},
		hub.BreakCeremony:           {"BreakType.CEREMONY", "Ceremony"},
	}
	pausedText = text{"PublicMsg.CompetitionPaused", "Competition paused"}
)

// breakText is OWLCMS's public message for the break or ceremony under way.
func breakText(r Request, f *hub.FOP) string {
	t, ok := ceremonyTexts[f.CeremonyUnderWay()]
	if !ok {
		if t, ok = breakTexts[breakTypeOf(f)]; !ok {
			t = pausedText
		}
	}
	return r.T(t.key, t.english)
}
