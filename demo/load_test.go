package demo

import (
	"io"
	"log/slog"
	"testing"

	"github.com/owlcms/tracker/hub"
)

func TestLoadIntoHub(t *testing.T) {
	h := hub.New(hub.Options{Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err := Load(h); err != nil {
		t.Fatalf("Load: %v", err)
	}
	s := h.Snapshot()
	if s.Database == nil {
		t.Fatal("no database in the snapshot")
	}
	if got := len(s.Database.Athletes); got != len(entrants) {
		t.Errorf("database has %d athletes, want %d", got, len(entrants))
	}
	for _, name := range []string{"A", "B"} {
		f := s.FOP(name)
		if f == nil {
			t.Errorf("FOP %s missing; have %v", name, s.FOPNames())
			continue
		}
		if len(f.Athletes) != 7 || f.CurrentKey == "" || f.Mode != "CURRENT_ATHLETE" {
			t.Errorf("FOP %s: %d athletes, current %q, mode %q", name, len(f.Athletes), f.CurrentKey, f.Mode)
		}
	}
	if got := len(s.Translations.Locales); got != 3 {
		t.Errorf("%d locales loaded, want 3", got)
	}
	if got := s.Assets[hub.AssetFlags]; got != len(teams) {
		t.Errorf("%d flags loaded, want %d", got, len(teams))
	}
}
