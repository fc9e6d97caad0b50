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
		"2026-05-16T11-00-00.000-database_zip.bin":                frame("database_zip", Zipped("competition.json", demo.DatabaseJSON())),
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

// TestReplayCaptureFolder: a capture folder (OWLCMS's payloads without their frames: the
// database export, translations.json, flags/, the updates) is replayed as the frames OWLCMS
// sent: the database, translations and flags ZIPs, then each update in its envelope.
func TestReplayCaptureFolder(t *testing.T) {
	dir := t.TempDir()
	export, err := json.Marshal(map[string]any{"databaseChecksum": "x", "database": json.RawMessage(demo.DatabaseJSON())})
	if err != nil {
		t.Fatal(err)
	}
	files := map[string][]byte{
		"2026-05-16T11-00-00.000-DATABASE.json":                   export,
		"2026-05-16T11-00-00.250-UPDATE-LIFTINGORDERUPDATED.json": demo.UpdateJSON("A"),
		"translations.json":                                       demo.TranslationsJSON(),
		"flags/Alpha Club.svg":                                    []byte(`<svg xmlns="http://www.w3.org/2000/svg"/>`),
	}
	if err := os.Mkdir(filepath.Join(dir, "flags"), 0o755); err != nil {
		t.Fatal(err)
	}
	for n, b := range files {
		if err := os.WriteFile(filepath.Join(dir, n), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	replayInto(t, dir)
}

// TestReplayRealCaptures: the captured Norwegian meet replays into a tracker. Skipped without
// ../shared beside the repository.
func TestReplayRealCaptures(t *testing.T) {
	dir := filepath.Join("..", "..", "..", "shared", "fixtures", "owlcms-v2")
	if _, err := os.Stat(dir); err != nil {
		t.Skip("the captured meet (../shared/fixtures/owlcms-v2 beside the repository) is absent")
	}
	replayInto(t, dir)
}

// replayInto replays dir into a test tracker: its database, translations and flags arrive,
// and platform A has a current athlete.
func replayInto(t *testing.T, dir string) {
	t.Helper()
	h, srv, _ := tracker(t)
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	if err := Replay(ctx, "ws"+strings.TrimPrefix(srv.URL, "http"), dir, 1000, quiet); err != nil {
		t.Fatal(err)
	}
	waitFor(t, "the replayed capture", 10*time.Second, func() bool {
		s := h.Snapshot()
		return s.Database != nil && len(s.Translations.Locales) > 0 && s.FOP("A") != nil && s.FOP("A").CurrentKey != ""
	})
}
