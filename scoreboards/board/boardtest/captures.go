package boardtest

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"log/slog"
	"maps"
	"os"
	"path/filepath"
	"testing"

	"github.com/owlcms/tracker/hub"
)

// Captures is a hub fed what a real OWLCMS sent during a meet, as it arrived: the database,
// the translations, the flags, then the updates of the session starting. The captures are
// not part of the repository (they describe real people): they are read from
// ../shared/fixtures/owlcms-v2 beside the module, and the test is skipped without them.
// Tests assert properties of what they render, never the athletes' names.
func Captures(t testing.TB) *hub.Hub {
	t.Helper()
	dir := capturesDir(t)
	read := func(name string) []byte {
		t.Helper()
		b, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	h := hub.New(hub.Options{Logger: slog.New(slog.DiscardHandler)})
	if _, err := h.LoadDatabaseJSON(read("2025-12-18T13-52-13-909-DATABASE.json"), ""); err != nil {
		t.Fatal(err)
	}
	if _, err := h.LoadTranslationsJSON(read("translations.json")); err != nil {
		t.Fatal(err)
	}
	flags, err := filepath.Glob(filepath.Join(dir, "flags", "*.svg"))
	if err != nil {
		t.Fatal(err)
	}
	var z bytes.Buffer
	w := zip.NewWriter(&z)
	for _, f := range flags {
		fw, err := w.Create(filepath.Base(f))
		if err != nil {
			t.Fatal(err)
		}
		_, _ = fw.Write(read(filepath.Join("flags", filepath.Base(f))))
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := h.ReplaceAssetsZip(hub.AssetFlags, z.Bytes()); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{
		"2025-12-18T13-58-21-398-UPDATE-SWITCHGROUP.json",
		"2025-12-18T14-05-16-652-UPDATE-STARTLIFTING.json",
		"2025-12-18T14-05-16-672-UPDATE-LIFTINGORDERUPDATED.json",
	} {
		if _, err := h.Apply(hub.MessageUpdate, read(name)); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
	}
	return h
}

// capturesDir is ../shared/fixtures/owlcms-v2 beside the module root, or skips the test.
func capturesDir(t testing.TB) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Skip("module root not found: real OWLCMS captures not available")
		}
		dir = parent
	}
	fx := filepath.Join(dir, "..", "shared", "fixtures", "owlcms-v2")
	if _, err := os.Stat(fx); err != nil {
		t.Skipf("real OWLCMS captures not available (%s absent): the boards' renders of a real meet are not checked", fx)
	}
	return fx
}

// CapturedUpdate applies to h (a Captures hub) the last update of the captures again, with
// extra fields set (a ceremony OWLCMS did not hold during the captured session): OWLCMS's
// ceremony updates carry the platform's whole state, as this one does.
func CapturedUpdate(t testing.TB, h *hub.Hub, extra map[string]any) {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(capturesDir(t), "2025-12-18T14-05-16-672-UPDATE-LIFTINGORDERUPDATED.json"))
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	maps.Copy(m, extra)
	if b, err = json.Marshal(m); err != nil {
		t.Fatal(err)
	}
	if _, err := h.Apply(hub.MessageUpdate, b); err != nil {
		t.Fatal(err)
	}
}
