package web

import (
	"strconv"

	"github.com/owlcms/tracker/hub"
	"github.com/owlcms/tracker/scoreboards/board"
)

// teamSizeOptions are the options whose value, when absent from a URL, is the competition's
// team size of a gender: the scores that count for a team.
var teamSizeOptions = map[string]string{"topM": "M", "topF": "F"}

// competitionDefaults are a board's options with the defaults the board really uses for this
// competition, so that the URL builder shows them and leaves out of the address only a value
// equal to them: with teams of six, choosing four must give topM=4.
func competitionDefaults(opts []board.Option, comp hub.Competition) []board.Option {
	out := make([]board.Option, len(opts))
	for i, o := range opts {
		if g, ok := teamSizeOptions[o.Key]; ok {
			n := comp.MensTeamSize
			if g == "F" {
				n = comp.WomensTeamSize
			}
			if n > 0 {
				o.Default = strconv.Itoa(n)
			}
		}
		out[i] = o
	}
	return out
}
