package owlcms

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

func TestLearningModeSavesFramesWithoutKey(t *testing.T) {
	dir := t.TempDir()
	fixed := time.Date(2026, 4, 11, 14, 5, 16, 652_000_000, time.UTC)
	fake := newFakeHub()
	hs := newHarness(t, fake, Options{UpdateKey: testKey, LearningDir: dir, Now: func() time.Time { return fixed }})

	// An impostor's frames are never saved.
	bad := hs.dial("")
	bad.sendBinary(EncodeFrame("64.0.0", "database_zip", []byte("PK\x03\x04evil")))
	bad.sendText(textFrame(t, "update", "wrong"))
	bad.readRaw()
	bad.expectClose()

	c := hs.dial("")
	dbFrame := EncodeFrame("64.0.0", "database_zip", []byte("PK\x03\x04db"))
	c.sendBinary(dbFrame) // held, saved when released
	update := textFrame(t, "update", testKey)
	c.roundTrip(update)
	c.roundTrip(textFrame(t, "timer", testKey))
	legacy := encodeLegacy("flags_zip", []byte("PK\x03\x04fl"))
	c.sendBinary(legacy)
	c.roundTrip(textFrame(t, "decision", testKey))

	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	// All frames arrived in the same (fixed) millisecond: names are bumped to stay unique and
	// in arrival order.
	want := []string{
		"2026-04-11T14-05-16.652-database_zip.bin",
		"2026-04-11T14-05-16.653-UPDATE-LIFTINGORDERUPDATED.json",
		"2026-04-11T14-05-16.654-TIMER.json",
		"2026-04-11T14-05-16.655-flags_zip.bin",
		"2026-04-11T14-05-16.656-DECISION.json",
	}
	if strings.Join(names, "\n") != strings.Join(want, "\n") {
		t.Fatalf("files:\n%s\nwant:\n%s", strings.Join(names, "\n"), strings.Join(want, "\n"))
	}
	for _, n := range names {
		data, err := os.ReadFile(filepath.Join(dir, n))
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(string(data), testKey) || regexp.MustCompile(`(?i)"update_?key"`).Match(data) {
			t.Errorf("%s keeps the update key", n)
		}
	}
	bin, _ := os.ReadFile(filepath.Join(dir, want[0]))
	if string(bin) != string(dbFrame) {
		t.Error("binary frame not saved byte for byte")
	}
	if b, _ := os.ReadFile(filepath.Join(dir, want[3])); string(b) != string(legacy) {
		t.Error("legacy frame not saved byte for byte")
	}
	saved, _ := os.ReadFile(filepath.Join(dir, want[1]))
	var got, orig map[string]any
	json.Unmarshal(saved, &got)
	json.Unmarshal(update, &orig)
	delete(orig["payload"].(map[string]any), "updateKey")
	if a, b := mustMarshal(got), mustMarshal(orig); a != b {
		t.Errorf("saved envelope differs from the frame minus its key:\n%s\n%s", a, b)
	}
	assertKeyNeverLogged(t, hs)
}

func TestLearningModeCap(t *testing.T) {
	dir := t.TempDir()
	fake := newFakeHub()
	hs := newHarness(t, fake, Options{LearningDir: dir, LearningMaxBytes: 3000})
	c := hs.dial("")
	for range 4 {
		c.sendBinary(EncodeFrame("64.0.0", "flags_zip", append([]byte("PK\x03\x04"), make([]byte, 1000)...)))
	}
	c.roundTrip(textFrame(t, "update", ""))
	entries, _ := os.ReadDir(dir)
	if len(entries) != 2 {
		t.Fatalf("%d files saved, want 2 under a 3000-byte cap", len(entries))
	}
	if n := strings.Count(hs.logs.String(), "learning mode stopped"); n != 1 {
		t.Fatalf("cap warning logged %d times, want once", n)
	}
}

func TestNameSafe(t *testing.T) {
	for in, want := range map[string]string{
		"update": "update", "../../etc": "etc", "": "x", "a b/c": "abc", "é": "x",
		strings.Repeat("a", 100): strings.Repeat("a", 48),
	} {
		if got := nameSafe(in, "x"); got != want {
			t.Errorf("nameSafe(%q) = %q, want %q", in, got, want)
		}
	}
}

func mustMarshal(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}
