package scoreboards

import (
	"strings"
	"testing"
)

func TestRegistry(t *testing.T) {
	seen := map[string]bool{}
	for _, b := range All() {
		if b.Name == "" || strings.ContainsAny(b.Name, "/?# ") || seen[b.Name] {
			t.Errorf("board name %q: empty, not a path segment, or duplicated", b.Name)
		}
		seen[b.Name] = true
		if b.View == nil || len(b.Fragments) == 0 || b.Title == "" || b.Category == "" {
			t.Errorf("board %q is incomplete: %+v", b.Name, b)
		}
		if got, ok := Lookup(b.Name); !ok || got != b {
			t.Errorf("Lookup(%q) failed", b.Name)
		}
	}
	for _, name := range []string{"start-order", "lifting-order", "rankings", "attempt-board", "attempt-bar", "lower-third", "current-athlete"} {
		if !seen[name] {
			t.Errorf("board %q missing from the registry", name)
		}
	}
	if _, ok := Lookup("nope"); ok {
		t.Error("unknown board found")
	}
}
