package hub

import (
	"errors"
	"log/slog"
	"os"
	"runtime"
	"strings"
	"testing"
)

// With the directory store, an asset ZIP goes straight to disk: same result as Replace, and a
// refused archive leaves the previous set and no leftovers.
func TestReplaceAssetsZipStreamsToDisk(t *testing.T) {
	dir := t.TempDir()
	store, err := NewDirStore(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	h := New(Options{Logger: slog.New(slog.DiscardHandler), Assets: store, Limits: Limits{Zip: ZipLimits{MaxTotalBytes: 1 << 20}}})
	n, err := h.ReplaceAssetsZip(AssetPictures, assetsTestZip(t,
		assetsZipEntry{name: "12.jpg", data: "pic"}, assetsZipEntry{name: "sub/13.png", data: "png"}))
	if err != nil || n != 2 {
		t.Fatalf("ReplaceAssetsZip = %d, %v", n, err)
	}
	a := assetMustGet(t, store, AssetPictures, "12.jpg", "pic")
	if a.ETag != ContentETag([]byte("pic")) {
		t.Fatalf("etag %s, want %s", a.ETag, ContentETag([]byte("pic")))
	}
	assetMustGet(t, store, AssetPictures, "sub/13.png", "png")
	if name, ok := h.Snapshot().FindAsset(AssetPictures, "13"); !ok || name != "sub/13.png" {
		t.Fatalf("index: %q %v", name, ok)
	}

	// Over the cap, and corrupt: refused, previous set kept.
	if _, err := h.ReplaceAssetsZip(AssetPictures, zipOfZeros(t, "big.jpg", 2<<20)); !errors.Is(err, ErrBadPayload) || !errors.Is(err, ErrZipTooLarge) {
		t.Fatalf("bomb: %v", err)
	}
	bad := assetsTestZip(t, assetsZipEntry{name: "x.jpg", data: strings.Repeat("data", 100)})
	bad[len(bad)/3] ^= 0xff
	if _, err := h.ReplaceAssetsZip(AssetPictures, bad); !errors.Is(err, ErrBadPayload) {
		t.Fatalf("corrupt: %v", err)
	}
	assetMustGet(t, store, AssetPictures, "12.jpg", "pic")
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".") {
			t.Errorf("leftover %s", e.Name())
		}
	}
}

// The point of streaming: a large set costs buffers, not its size, in memory.
func TestReplaceAssetsZipStreamingMemory(t *testing.T) {
	store, err := NewDirStore(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	h := newAssetsTestHub(store)
	data := zipOfZeros(t, "big.jpg", 16<<20)
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	if _, err := h.ReplaceAssetsZip(AssetPictures, data); err != nil {
		t.Fatal(err)
	}
	runtime.ReadMemStats(&after)
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 6<<20 {
		t.Fatalf("%d MiB allocated to store a 16 MiB picture", alloc>>20)
	}
}
