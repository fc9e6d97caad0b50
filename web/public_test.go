package web_test

import (
	"encoding/json"
	"maps"
	"strings"
	"testing"

	"github.com/owlcms/tracker/demo"
	"github.com/owlcms/tracker/hub"
)

// ceremony applies to platform fop of the demo server the demo's update for it with OWLCMS's
// ceremony fields (extra): OWLCMS's ceremony updates carry the platform's whole state.
func ceremony(t *testing.T, s *testServer, fop string, extra map[string]any) {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal(demo.NewDemo().UpdateJSON(fop), &m); err != nil {
		t.Fatal(err)
	}
	maps.Copy(m, extra)
	b, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.hub.Apply(hub.MessageUpdate, b); err != nil {
		t.Fatal(err)
	}
}

// The ceremonies as OWLCMS announces them.
var (
	medalsStarted = map[string]any{"uiEvent": "CeremonyStarted", "fopState": "BREAK", "break": "true", "breakType": "CEREMONY",
		"mode": "CEREMONY", "ceremonyType": "MEDALS", "ceremonyEventType": "ceremonyStarted"}
	medalsDone   = map[string]any{"uiEvent": "CeremonyDone", "ceremonyType": "MEDALS", "ceremonyEventType": "ceremonyDone"}
	introStarted = map[string]any{"uiEvent": "CeremonyStarted", "fopState": "BREAK", "break": "true", "breakType": "FIRST_SNATCH",
		"mode": "CEREMONY", "ceremonyType": "INTRODUCTION", "ceremonyEventType": "ceremonyStarted"}
	introDone = map[string]any{"uiEvent": "CeremonyDone", "fopState": "BREAK", "break": "true", "breakType": "FIRST_SNATCH",
		"mode": "LIFT_COUNTDOWN", "ceremonyType": "INTRODUCTION", "ceremonyEventType": "ceremonyDone"}
)

// TestPublicDisplaySwitches: a public scoreboard (public=true) shows the medals during a medal
// ceremony and the start list during the introduction, with fragment URLs that remember the
// board it was opened as; its fragments ask the page to reload when a ceremony begins or ends.
// A warm-up board (no public=true) never switches and is never asked to reload.
func TestPublicDisplaySwitches(t *testing.T) {
	s := demoServer(t)
	refresh := func(path string) bool {
		t.Helper()
		resp, _ := s.get(t, path)
		return resp.Header.Get("HX-Refresh") == "true"
	}
	page := func(path string) string {
		t.Helper()
		_, body := s.get(t, path)
		return body
	}
	const public, warmup = "/start-order?fop=A&public=true", "/start-order?fop=A"
	if b := page(public); !strings.Contains(b, `hx-get="/start-order/grid?fop=A&amp;lang=en&amp;public=true"`) {
		t.Fatalf("public board outside ceremonies is not the start order: %s", b)
	}
	if refresh("/start-order/bar?fop=A&lang=en&public=true") {
		t.Error("a public board is asked to reload outside ceremonies")
	}

	ceremony(t, s, "A", medalsStarted)
	if b := page(public); !strings.Contains(b, `hx-get="/medals/medals?fop=A&amp;for=start-order&amp;lang=en&amp;public=true"`) || !strings.Contains(b, "ceremony medals") {
		t.Errorf("public board during the medal ceremony is not the medals board: %s", b)
	}
	if b := page(warmup); !strings.Contains(b, `hx-get="/start-order/grid?fop=A&amp;lang=en"`) || strings.Contains(b, "ceremony medals") {
		t.Errorf("warm-up board switched: %s", b)
	}
	if !refresh("/start-order/bar?fop=A&lang=en&public=true") {
		t.Error("the public start order's bar does not ask for a reload when the ceremony starts")
	}
	if refresh("/start-order/bar?fop=A&lang=en") {
		t.Error("a warm-up board is asked to reload")
	}
	if refresh("/medals/medals?fop=A&for=start-order&lang=en&public=true") {
		t.Error("the medals shown for the ceremony ask for a reload during it")
	}
	if refresh("/attempt-board/board?fop=A&lang=en&public=true") {
		t.Error("the attempt board is no public display")
	}

	ceremony(t, s, "A", medalsDone)
	if !refresh("/medals/medals?fop=A&for=start-order&lang=en&public=true") {
		t.Error("the medals do not ask for a reload once the ceremony is over")
	}
	if refresh("/medals/medals?fop=A&lang=en&public=true") {
		t.Error("the medals board opened as itself asks for a reload")
	}
	if b := page(public); !strings.Contains(b, `hx-get="/start-order/grid?fop=A&amp;lang=en&amp;public=true"`) {
		t.Errorf("public board after the ceremony is not the start order again: %s", b)
	}

	ceremony(t, s, "A", introStarted)
	b := page("/rankings?fop=A&public=true&theme=light")
	if !strings.Contains(b, `hx-get="/start-list/list?fop=A&amp;for=rankings&amp;lang=en&amp;public=true&amp;theme=light"`) || !strings.Contains(b, "start-list") {
		t.Errorf("public rankings during the introduction are not the start list: %s", b)
	}
	if !refresh("/team-rankings/bar?fop=A&lang=en&public=true") {
		t.Error("a public team board does not switch for the introduction")
	}
}
