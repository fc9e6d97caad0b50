package owlcms

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// OWLCMS's database carries its own video data URL, key included: learning mode must not save
// it, neither in a database text frame nor inside a database_zip.
func TestLearningModeRedactsKeyInDatabaseURLs(t *testing.T) {
	dir := t.TempDir()
	fake := newFakeHub()
	hs := newHarness(t, fake, Options{UpdateKey: testKey, LearningDir: dir})
	db := `{"config":{"videoDataURL":"ws://tracker:8096/ws?updateKey=` + testKey +
		`","paramVideoDataURL":"ws://tracker:8096/ws?a=1\u0026updateKey=` + testKey + `&b=2"},"athletes":[]}`

	c := hs.dial("")
	c.sendBinary(EncodeFrame("64.0.0", "database_zip", makeZip(t, "competition.json", db)))
	c.roundTrip(wrap("64.0.0", "database", []byte(`{"updateKey":"`+testKey+`","database":`+db+`}`)))

	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 2 {
		t.Fatalf("%d files saved, want 2", len(entries))
	}
	for _, e := range entries {
		data, _ := os.ReadFile(filepath.Join(dir, e.Name()))
		if strings.HasSuffix(e.Name(), ".bin") {
			fr, err := ParseBinaryFrame(data)
			if err != nil || fr.Type != "database_zip" || fr.Version != "64.0.0" {
				t.Fatalf("saved frame header: %+v %v", fr, err)
			}
			zr, err := zip.NewReader(bytes.NewReader(fr.Payload), int64(len(fr.Payload)))
			if err != nil || len(zr.File) != 1 || zr.File[0].Name != "competition.json" {
				t.Fatalf("saved ZIP unreadable: %v", err)
			}
			rc, _ := zr.File[0].Open()
			data, _ = io.ReadAll(rc)
			rc.Close()
		}
		s := string(data)
		if strings.Contains(s, testKey) {
			t.Errorf("%s keeps the update key:\n%s", e.Name(), s)
		}
		if !strings.Contains(s, "updateKey="+redactedValue) {
			t.Errorf("%s: the URL lost its shape:\n%s", e.Name(), s)
		}
	}
}

func TestRedactURLKeys(t *testing.T) {
	for in, want := range map[string]string{
		`"ws://h/ws?updateKey=abc"`:          `"ws://h/ws?updateKey=REDACTED"`,
		`"ws://h/ws?x=1&key=abc&y=2"`:        `"ws://h/ws?x=1&key=REDACTED&y=2"`,
		`"ws://h/ws?x=1\u0026UPDATE_KEY=ab"`: `"ws://h/ws?x=1\u0026UPDATE_KEY=REDACTED"`,
		`"no key here, monkey=1"`:            `"no key here, monkey=1"`,
	} {
		if got := string(redactURLKeys([]byte(in))); got != want {
			t.Errorf("%s: got %s, want %s", in, got, want)
		}
	}
}

// Pre-release builds carry versions longer than the reference tracker's 20 bytes.
func TestParseBinaryFrameLongVersion(t *testing.T) {
	const v = "68.0.0-beta03+build.12345"
	got, err := ParseBinaryFrame(EncodeFrame(v, "flags_zip", []byte("PK\x03\x04")))
	if err != nil || got.Layout != LayoutVersioned || got.Version != v || got.Type != "flags_zip" {
		t.Fatalf("got %+v, %v", got, err)
	}
}
