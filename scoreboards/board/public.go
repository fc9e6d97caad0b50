package board

import "github.com/owlcms/tracker/hub"

// The boards a public display switches to during a ceremony (their URL names).
const (
	MedalsBoard    = "medals"
	StartListBoard = "start-list"
)

// PublicKey is the option that makes a scoreboard a public display: during the introduction
// of the athletes it shows the start list, during a medal ceremony the medals, and its own
// board again once the ceremony is over. Without it the board is a warm-up room display and
// never switches (OWLCMS's public and warm-up scoreboards).
const PublicKey = "public"

// Switches reports whether the board can be a public display: the scoreboards, team and
// ceremony boards of a platform. Overlays follow the video director, the attempt board the
// platform.
func (b *Board) Switches() bool {
	return !b.NoPlatform && (b.Category == Standard || b.Category == Team || b.Category == Ceremony)
}

// PublicBoard is the board a public display of board name shows now on platform f: the
// ceremony's board while a ceremony is under way, else name itself.
func PublicBoard(name string, f *hub.FOP) string {
	if f == nil {
		return name
	}
	switch f.CeremonyUnderWay() {
	case hub.CeremonyMedals:
		return MedalsBoard
	case hub.CeremonyIntroduction:
		return StartListBoard
	}
	return name
}
