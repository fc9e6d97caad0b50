package sim

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/owlcms/tracker/demo"
)

// TestReplay: learning-mode files (binary frames as .bin, text envelopes as .json, named by
// arrival time) are sent back in order and rebuild the state.
func TestReplay(t *testing.T) {
	dir := t.TempDir()
	env, err := json.Marshal(map[string]any{"version": Version, "type": "update", "payload": json.RawMessage(demo.UpdateJSON("A"))})
	if err != nil {
		t.Fatal(err)
	}
	files := map[string][]byte{
		"2026-05-16T11-00-00.000-database_zip.bin":                frame("database_zip", zipped("competition.json", demo.DatabaseJSON())),
		"2026-05-16T11-00-00.250-UPDATE-LIFTINGORDERUPDATED.json": env,
		"notes.txt": []byte("not a frame"),
	}
	for n, b := range files {
		if err := os.WriteFile(filepath.Join(dir, n), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	h, srv, _ := tracker(t)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := Replay(ctx, "ws"+strings.TrimPrefix(srv.URL, "http"), dir, 10, quiet); err != nil {
		t.Fatal(err)
	}
	waitFor(t, "the replayed state", 5*time.Second, func() bool {
		s := h.Snapshot()
		return s.Database != nil && s.FOP("A") != nil && s.FOP("A").CurrentKey != ""
	})
	if err := Replay(ctx, "ws"+strings.TrimPrefix(srv.URL, "http"), t.TempDir(), 1, quiet); err == nil {
		t.Error("an empty directory replayed without error")
	}
}
