package hub

// BoardMode is what a board shows for the platform, as OWLCMS's own boards decide it: a
// lifter, a countdown, a ceremony, an interruption, the end of a session, or the waiting
// screen. Every board, /status and /api/status read it from here, so they never disagree.
// OWLCMS sends its own mode with most messages and that wins; it is computed from the
// platform's state when absent. Session done follows the hub's rule (GroupDone, reopened by
// any later lifting event), not a stale SESSION_DONE left in the merged fields. A nil FOP
// waits.
func (f *FOP) BoardMode() Mode {
	switch {
	case f == nil || f.Hidden:
		return ModeWait
	case f.SessionDone:
		return ModeSessionDone
	case FOPState(f.State) == StateInactive && f.CurrentKey == "":
		return ModeWait
	}
	if m := Mode(f.Mode); knownModes[m] && m != ModeSessionDone {
		return m
	}
	if FOPState(f.State) == StateBreak || (f.State == "" && f.Break) {
		return breakMode(BreakType(f.BreakType), f.CeremonyUnderWay())
	}
	return ModeCurrentAthlete
}

// breakMode is OWLCMS's mode table for a platform in a break.
func breakMode(bt BreakType, ceremony CeremonyType) Mode {
	switch bt {
	case BreakFirstSnatch, BreakFirstCJ:
		switch ceremony {
		case "":
			return ModeLiftCountdown
		case CeremonyIntroduction:
			return ModeCeremony
		}
		return ModeLiftCountdownCeremony
	}
	switch {
	case ceremony != "" || bt == BreakCeremony:
		return ModeCeremony
	case bt == BreakBeforeIntroduction:
		return ModeIntroCountdown
	case bt == BreakGroupDone:
		return ModeSessionDone
	}
	return ModeInterruption // JURY, CHALLENGE, MARSHAL, TECHNICAL, or no type at all
}

// CeremonyUnderWay is the ceremony under way, "" when none (or when it just ended).
func (f *FOP) CeremonyUnderWay() CeremonyType {
	if f.CeremonyEvent == CeremonyDone {
		return ""
	}
	return CeremonyType(f.CeremonyType)
}

// IsCleanJerk reports whether the current attempt is a clean & jerk.
func (f *FOP) IsCleanJerk() bool { return LiftType(f.LiftType) == LiftCleanJerk }
