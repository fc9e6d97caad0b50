package scoreboards

import (
	"testing"

	gocmp "github.com/google/go-cmp/cmp"

	"github.com/owlcms/tracker/hub"
	"github.com/owlcms/tracker/scoreboards/board"
)

// TestDeclarationDefaults pins what each board is once board.New has filled in its
// category's defaults: the fragments the web layer routes, the common options the landing
// page leaves out, what opening the board asks OWLCMS for, and whether it needs a platform.
func TestDeclarationDefaults(t *testing.T) {
	type derived struct {
		Fragments  []board.Fragment
		NoCommon   []string
		Wants      []hub.Resource
		NoPlatform bool
		Options    int
	}
	// A board's own part carries the attempt bar: one request per event.
	bar := func(name string) []board.Fragment {
		return []board.Fragment{{Name: "bar", Live: true}, {Name: name, Carries: "bar"}}
	}
	liveBar := func(name string) []board.Fragment {
		return []board.Fragment{{Name: "bar", Live: true}, {Name: name, Live: true, Carries: "bar"}}
	}
	overlay := []board.Fragment{{Name: "overlay", Live: true}}
	grid := []board.Fragment{{Name: "bar", Live: true}, {Name: "grid", Rows: true, Carries: "bar"}}
	noLeaders := []string{"showLeaders", "showRecords"}
	flags := []hub.Resource{hub.ResourceFlags}
	want := map[string]derived{
		"start-order":     {Fragments: grid, Wants: flags, Options: 1},
		"lifting-order":   {Fragments: grid, Wants: flags, Options: 1},
		"medals":          {Fragments: liveBar("medals"), NoCommon: noLeaders, Wants: flags},
		"start-list":      {Fragments: bar("list"), NoCommon: noLeaders, Wants: flags},
		"rankings":        {Fragments: grid, Wants: flags, Options: 1},
		"multi-ranks":     {Fragments: grid, Wants: flags, Options: 1},
		"records":         {Fragments: liveBar("records"), NoCommon: noLeaders, Wants: flags},
		"attempt-board":   {Fragments: []board.Fragment{{Name: "board", Live: true}}, NoCommon: noLeaders, Wants: []hub.Resource{hub.ResourcePictures, hub.ResourceFlags}, Options: 5},
		"jury":            {Fragments: liveBar("jury"), NoCommon: noLeaders, Wants: []hub.Resource{hub.ResourcePictures, hub.ResourceFlags}},
		"attempt-bar":     {Fragments: overlay, NoCommon: noLeaders, Wants: flags, Options: 1},
		"lower-third":     {Fragments: overlay, NoCommon: noLeaders, Wants: flags, Options: 1},
		"current-athlete": {Fragments: overlay, NoCommon: noLeaders, Wants: flags, Options: 1},
		"team-scoreboard": {Fragments: bar("teams"), NoCommon: noLeaders, Wants: flags, Options: 15},
		// The team rankings show flags too: they ask for them like the other team boards.
		"team-rankings":       {Fragments: bar("rankings"), NoCommon: noLeaders, Wants: flags, Options: 15},
		"top-teams":           {Fragments: bar("tables"), NoCommon: noLeaders, Wants: flags},
		"top-score":           {Fragments: bar("tables"), NoCommon: noLeaders, Wants: flags, Options: 2},
		"referee-assignments": {Fragments: []board.Fragment{{Name: "sheet"}}, NoCommon: []string{"showLeaders", "showRecords", "size", "theme"}, NoPlatform: true},
	}
	got := map[string]derived{}
	for _, b := range All() {
		got[b.Name] = derived{b.Fragments, b.NoCommon, b.Wants, b.NoPlatform, len(b.Options)}
	}
	if d := gocmp.Diff(want, got); d != "" {
		t.Errorf("boards as declared (-want +got):\n%s", d)
	}
}
