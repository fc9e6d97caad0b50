package board

import (
	"net/url"
	"testing"

	"github.com/owlcms/tracker/hub"
)

func TestPublicBoard(t *testing.T) {
	tests := []struct {
		name string
		fop  *hub.FOP
		want string
	}{
		{"no platform", nil, "start-order"},
		{"lifting", &hub.FOP{Mode: string(hub.ModeCurrentAthlete)}, "start-order"},
		{"medal ceremony", &hub.FOP{CeremonyType: string(hub.CeremonyMedals), CeremonyEvent: hub.CeremonyStarted}, MedalsBoard},
		{"medal ceremony over", &hub.FOP{CeremonyType: string(hub.CeremonyMedals), CeremonyEvent: hub.CeremonyDone}, "start-order"},
		{"introduction", &hub.FOP{CeremonyType: string(hub.CeremonyIntroduction), CeremonyEvent: hub.CeremonyStarted}, StartListBoard},
		{"officials' introduction: no board of its own", &hub.FOP{CeremonyType: string(hub.CeremonyOfficialsIntroduction)}, "start-order"},
	}
	for _, tt := range tests {
		if got := PublicBoard("start-order", tt.fop); got != tt.want {
			t.Errorf("%s: %s, want %s", tt.name, got, tt.want)
		}
	}
}

func TestSwitches(t *testing.T) {
	for _, tt := range []struct {
		b    Board
		want bool
	}{
		{Board{Category: Standard}, true}, {Board{Category: Team}, true}, {Board{Category: Ceremony}, true},
		{Board{Category: AttemptBoard}, false}, {Board{Category: VideoOverlay}, false},
		{Board{Category: Team, NoPlatform: true}, false},
	} {
		if got := tt.b.Switches(); got != tt.want || tt.b.HasCommon(PublicKey) != tt.want {
			t.Errorf("%s (no platform %v): switches %v, offers public %v; want %v", tt.b.Category, tt.b.NoPlatform, got, tt.b.HasCommon(PublicKey), tt.want)
		}
	}
	if !ParseOptions(url.Values{"public": {"true"}}).Public || ParseOptions(url.Values{}).Public || ParseOptions(url.Values{"public": {"nonsense"}}).Public {
		t.Error("public=true parses wrong")
	}
}
