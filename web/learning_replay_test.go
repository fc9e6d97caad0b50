package web_test

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/coder/websocket"

	"github.com/owlcms/tracker/demo"
	"github.com/owlcms/tracker/hub/owlcms"
)

// TestLearningModeFilesReplay proves learning-mode captures are replayable: what one tracker
// saved, sent back in file-name order (.bin as binary, .json as text), rebuilds the same state
// in a fresh tracker.
func TestLearningModeFilesReplay(t *testing.T) {
	dir := t.TempDir()
	rec := newTestServer(t, owlcms.Options{LearningDir: dir})
	c := rec.dial(t, "/ws")
	c.sendBinary("64.0.0", "database_zip", zipFiles(t, map[string][]byte{"competition.json": demo.DatabaseJSON()}))
	c.sendBinary("64.0.0", "translations_zip", zipFiles(t, map[string][]byte{"translations.json": demo.TranslationsJSON()}))
	c.sendBinary("64.0.0", "flags_zip", demo.FlagsZip())
	for _, fop := range []string{"A", "B"} {
		if r := c.sendText("64.0.0", "update", demo.UpdateJSON(fop)); !updateAccepted(r) {
			t.Fatalf("update %s: %v", fop, r)
		}
	}
	if r := c.sendText("64.0.0", "timer", []byte(`{"fopName":"A","athleteTimerEventType":"StartTime","athleteMillisRemaining":"42000"}`)); r["status"] != float64(200) {
		t.Fatalf("timer: %v", r)
	}

	files, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, f := range files {
		names = append(names, f.Name())
	}
	slices.Sort(names)
	if len(names) != 6 {
		t.Fatalf("saved %d frames, want 6: %v", len(names), names)
	}

	rep := newTestServer(t, owlcms.Options{})
	r := rep.dial(t, "/ws")
	for _, name := range names {
		data, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		typ := websocket.MessageText
		if strings.HasSuffix(name, ".bin") {
			typ = websocket.MessageBinary
		}
		if err := r.conn.Write(r.ctx, typ, data); err != nil {
			t.Fatal(err)
		}
		if typ == websocket.MessageText {
			if reply := r.readReply(); !updateAccepted(reply) {
				t.Errorf("%s replayed: %v", name, reply)
			}
		}
	}

	want, got := rec.hub.Snapshot(), rep.hub.Snapshot()
	if got.Database == nil || len(got.Database.Athletes) != len(want.Database.Athletes) {
		t.Fatal("database not replayed")
	}
	if !slices.Equal(got.Translations.LocaleNames(), want.Translations.LocaleNames()) || got.Assets["flags"] != want.Assets["flags"] {
		t.Error("translations or flags not replayed")
	}
	for _, fop := range []string{"A", "B"} {
		w, g := want.FOP(fop), got.FOP(fop)
		if g == nil || g.Current != w.Current || len(g.LiftingOrder) != len(w.LiftingOrder) || g.Clock.Event != w.Clock.Event {
			t.Errorf("FOP %s differs after replay:\n got %+v\nwant %+v", fop, g, w)
		}
	}
}
