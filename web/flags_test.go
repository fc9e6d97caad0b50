package web_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/owlcms/tracker/hub"
	"github.com/owlcms/tracker/hub/owlcms"
)

func needsOf(h *hub.Hub) []hub.Resource {
	var out []hub.Resource
	for _, n := range h.Needs() {
		out = append(out, n.Resource)
	}
	return out
}

// Flags are asked for once a board that shows them is open, not before; the board then shows
// each athlete's flag from the set OWLCMS sent, found through the team's code when OWLCMS
// names flags by code, and in the format the set has it.
func TestBoardsWantFlags(t *testing.T) {
	s := newTestServer(t, owlcms.Options{})
	update := `{"fop":"A","sessionName":"M1","sessionAthletes":[` +
		`{"athlete":{"key":1},"displayInfo":{"fullName":"DOE, Jane","teamName":"Chinese Taipei","flagURL":""}},` +
		`{"athlete":{"key":2},"displayInfo":{"fullName":"ROE, Ann","teamName":"Nordic Barbell","flagURL":"/local/flags/Nordic%20Barbell.svg"}}],` +
		`"startOrderKeys":[1,2]}`
	if _, err := s.hub.Apply(hub.MessageUpdate, []byte(update)); err != nil {
		t.Fatal(err)
	}
	if slices.Contains(needsOf(s.hub), hub.ResourceFlags) {
		t.Fatal("flags needed before any board showing them was opened")
	}
	if _, page := s.get(t, "/referee-assignments"); page == "" {
		t.Fatal("empty page")
	}
	if slices.Contains(needsOf(s.hub), hub.ResourceFlags) {
		t.Error("the officials' sheet shows no flags but raised the need")
	}
	s.get(t, "/start-order?fop=A")
	if !slices.Contains(needsOf(s.hub), hub.ResourceFlags) {
		t.Fatal("the start order shows flags but did not ask for them")
	}

	flags := zipFiles(t, map[string][]byte{
		"TPE.svg": []byte(`<svg xmlns="http://www.w3.org/2000/svg"/>`), "Nordic Barbell.png": []byte("png"),
		"codes.txt": []byte("Chinese Taipei=TPE\n"),
	})
	if _, err := s.hub.ReplaceAssetsZip(hub.AssetFlags, flags); err != nil {
		t.Fatal(err)
	}
	_, grid := s.get(t, "/start-order/grid?fop=A&lang=en")
	for _, want := range []string{`/local/flags/TPE.svg`, `/local/flags/Nordic%20Barbell.png`} {
		if !strings.Contains(grid, want) {
			t.Errorf("grid has no %s: %.600s", want, grid)
		}
	}
	if slices.Contains(needsOf(s.hub), hub.ResourceFlags) {
		t.Error("flags still needed once loaded")
	}
}
