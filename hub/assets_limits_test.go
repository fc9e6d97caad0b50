package hub

import (
	"archive/zip"
	"bytes"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"
)

// zipOfZeros is a small archive that expands to n bytes.
func zipOfZeros(t *testing.T, name string, n int) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, err := zw.Create(name)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.Write(make([]byte, n)); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// OWLCMS answers a request for flags it does not have with a 0-byte payload: an empty set,
// loaded, and no longer needed.
func TestEmptyAssetPayloadLoadsAnEmptySet(t *testing.T) {
	h := New(Options{})
	h.Want(ResourceFlags) // a board showing flags is open
	if !slices.ContainsFunc(h.Needs(), func(n Need) bool { return n.Resource == ResourceFlags }) {
		t.Fatal("flags not needed once a board wants them")
	}
	n, err := h.ReplaceAssetsZip(AssetFlags, nil)
	if err != nil || n != 0 {
		t.Fatalf("empty flags: %d, %v", n, err)
	}
	if c, ok := h.Snapshot().Assets[AssetFlags]; !ok || c != 0 {
		t.Fatalf("flags not loaded: %v", h.Snapshot().Assets)
	}
	if slices.ContainsFunc(h.Needs(), func(n Need) bool { return n.Resource == ResourceFlags }) {
		t.Fatal("flags still needed after the empty answer")
	}
}

// A bomb sent as flags expands at most to the flags' cap, far below the pictures'.
func TestAssetZipCapsByKind(t *testing.T) {
	h := New(Options{})
	bomb := zipOfZeros(t, "x.svg", 20<<20)
	if _, err := h.ReplaceAssetsZip(AssetFlags, bomb); !errors.Is(err, ErrZipTooLarge) {
		t.Fatalf("20 MiB of flags: %v, want ErrZipTooLarge", err)
	}
	if _, err := h.ReplaceAssetsZip(AssetPictures, zipOfZeros(t, "1.jpg", 20<<20)); err != nil {
		t.Fatalf("20 MiB of pictures: %v", err)
	}
	if lim := (&Hub{limits: Limits{Zip: ZipLimits{MaxTotalBytes: 1 << 20}.withDefaults()}}).assetZipLimits(AssetFlags); lim.MaxTotalBytes != 1<<20 {
		t.Fatalf("a smaller hub cap must win: %+v", lim)
	}
}

// Archives are decompressed one at a time across the process.
func TestReadZipOneAtATime(t *testing.T) {
	data := zipOfZeros(t, "a", 10)
	zipSlot <- struct{}{} // another decompression in progress
	done := make(chan error, 1)
	go func() {
		_, err := ReadZip(data, ZipLimits{})
		done <- err
	}()
	select {
	case <-done:
		t.Fatal("ReadZip did not wait for the decompression in progress")
	case <-time.After(50 * time.Millisecond):
	}
	<-zipSlot
	if err := <-done; err != nil {
		t.Fatal(err)
	}
}

// The database and translations archives hold one JSON file of a few MB: a small archive that
// expands past their cap (far below the general one) is refused, and what was loaded stays.
func TestDataZipCaps(t *testing.T) {
	h := New(Options{})
	bomb := zipOfZeros(t, "competition.json", 20<<20) // about 20 kB on the wire
	if _, err := h.LoadDatabaseZip(bomb); !errors.Is(err, ErrBadPayload) || !strings.Contains(err.Error(), "exceed") {
		t.Errorf("20 MiB database: %v, want refused for its size", err)
	}
	if _, err := h.LoadTranslationsZip(zipOfZeros(t, "translations.json", 20<<20)); err == nil || !strings.Contains(err.Error(), "exceed") {
		t.Errorf("20 MiB translations: %v, want refused for its size", err)
	}
	if h.Snapshot().Database != nil {
		t.Error("a refused archive loaded something")
	}
}
