package hub

import (
	"errors"
	"log/slog"
	"slices"
	"testing"
)

func newAssetsTestHub(store AssetStore) *Hub {
	return New(Options{Logger: slog.New(slog.DiscardHandler), Assets: store})
}

// assetsTakeChanges returns the pending changes of sub without waiting (notifications are recorded
// synchronously by update).
func assetsTakeChanges(sub *Subscription) []Change {
	select {
	case <-sub.C():
	default:
	}
	return sub.Take()
}

func assetsChangeOf(changes []Change, kind ChangeKind) (Change, bool) {
	i := slices.IndexFunc(changes, func(c Change) bool { return c.Kind == kind })
	if i < 0 {
		return Change{}, false
	}
	return changes[i], true
}

func assetsHasNeed(h *Hub, r Resource) bool {
	return slices.ContainsFunc(h.Needs(), func(n Need) bool { return n.Resource == r })
}

func TestReplaceAssetsZipPublishes(t *testing.T) {
	for name, store := range map[string]func(t *testing.T) AssetStore{
		"memory": func(*testing.T) AssetStore { return NewMemoryStore() },
		"dir":    func(t *testing.T) AssetStore { return newTestDirStore(t, t.TempDir()) },
	} {
		t.Run(name, func(t *testing.T) {
			h := newAssetsTestHub(store(t))
			h.Want(ResourceFlags) // a board showing flags is open
			sub := h.Subscribe()
			defer sub.Close()
			if !assetsHasNeed(h, ResourceFlags) {
				t.Fatal("flags not needed before the first load")
			}
			before := h.Snapshot()

			n, err := h.ReplaceAssetsZip(AssetFlags, assetsTestZip(t,
				assetsZipEntry{name: "flags/"}, assetsZipEntry{name: "FRA.svg", data: "fr"}, assetsZipEntry{name: "sub/NOR.svg", data: "no"}))
			if err != nil || n != 2 {
				t.Fatalf("ReplaceAssetsZip = %d, %v", n, err)
			}
			s := h.Snapshot()
			if s.Assets[AssetFlags] != 2 || s.AssetsVersion == 0 {
				t.Fatalf("Assets = %v, version %d", s.Assets, s.AssetsVersion)
			}
			if c, ok := assetsChangeOf(assetsTakeChanges(sub), ChangeAssets); !ok || c.Version != s.AssetsVersion {
				t.Fatalf("ChangeAssets = %+v, %v; want version %d", c, ok, s.AssetsVersion)
			}
			if before.Assets != nil {
				t.Fatalf("the previous snapshot was mutated: %v", before.Assets)
			}
			if assetsHasNeed(h, ResourceFlags) {
				t.Fatal("flags still needed after a load")
			}
			assetMustGet(t, h.Assets(), AssetFlags, "sub/NOR.svg", "no")

			// Another kind: a new map, the previous snapshot keeps its own.
			if _, err := h.ReplaceAssetsZip(AssetLogos, assetsTestZip(t)); err != nil {
				t.Fatal(err)
			}
			s2 := h.Snapshot()
			if n, ok := s2.Assets[AssetLogos]; !ok || n != 0 || s2.Assets[AssetFlags] != 2 {
				t.Fatalf("Assets = %v: an empty set must be present with 0", s2.Assets)
			}
			if _, ok := s.Assets[AssetLogos]; ok || s2.AssetsVersion <= s.AssetsVersion {
				t.Fatalf("old snapshot mutated (%v) or version not bumped (%d → %d)", s.Assets, s.AssetsVersion, s2.AssetsVersion)
			}

			// Replacing flags drops the old files.
			if _, err := h.ReplaceAssetsZip(AssetFlags, assetsTestZip(t, assetsZipEntry{name: "GER.svg", data: "de"})); err != nil {
				t.Fatal(err)
			}
			assetMustNotExist(t, h.Assets(), AssetFlags, "FRA.svg")
			if got := h.Snapshot().Assets[AssetFlags]; got != 1 {
				t.Fatalf("flags count = %d", got)
			}
		})
	}
}

func TestReplaceAssetsZipBadZipKeepsOldSet(t *testing.T) {
	h := newAssetsTestHub(NewMemoryStore())
	if _, err := h.ReplaceAssetsZip(AssetPictures, assetsTestZip(t, assetsZipEntry{name: "12.jpg", data: "pic"})); err != nil {
		t.Fatal(err)
	}
	sub := h.Subscribe()
	defer sub.Close()
	before := h.Snapshot()

	for name, tc := range map[string]struct {
		data []byte
		want error
	}{
		"zip-slip": {assetsTestZip(t, assetsZipEntry{name: "ok.jpg", data: "x"}, assetsZipEntry{name: "../../escape/pwn.txt", data: "pwn"}), ErrUnsafeZip},
		"corrupt":  {[]byte("PK\x03\x04 definitely not a zip"), ErrCorruptZip},
		// An empty payload is not refused: it is OWLCMS saying it has none
		// (TestEmptyAssetPayloadLoadsAnEmptySet).
		"no files": {[]byte("PK\x05\x06"), ErrCorruptZip},
	} {
		n, err := h.ReplaceAssetsZip(AssetPictures, tc.data)
		if !errors.Is(err, ErrBadPayload) || !errors.Is(err, tc.want) || n != 0 {
			t.Fatalf("%s: ReplaceAssetsZip = %d, %v; want ErrBadPayload and %v", name, n, err, tc.want)
		}
	}
	if h.Snapshot() != before {
		t.Fatal("a refused zip published a new snapshot")
	}
	if c := assetsTakeChanges(sub); len(c) != 0 {
		t.Fatalf("a refused zip announced %v", c)
	}
	assetMustGet(t, h.Assets(), AssetPictures, "12.jpg", "pic")
	assetMustNotExist(t, h.Assets(), AssetPictures, "ok.jpg")
}

func TestReplaceAssetsZipLimitsAndKinds(t *testing.T) {
	h := New(Options{Logger: slog.New(slog.DiscardHandler), Limits: Limits{Zip: ZipLimits{MaxEntries: 1}}})
	_, err := h.ReplaceAssetsZip(AssetFlags, assetsTestZip(t, assetsZipEntry{name: "a", data: "1"}, assetsZipEntry{name: "b", data: "2"}))
	if !errors.Is(err, ErrBadPayload) || !errors.Is(err, ErrZipTooLarge) {
		t.Fatalf("err = %v, want the hub's zip limits applied", err)
	}
	if _, ok := h.Snapshot().Assets[AssetFlags]; ok {
		t.Fatal("a refused zip marked flags loaded")
	}
	if _, err := h.ReplaceAssetsZip("css", assetsTestZip(t)); !errors.Is(err, ErrBadPayload) {
		t.Fatalf("unknown kind: err = %v", err)
	}
	if _, err := h.ReplaceAssetsZip(AssetStyles, assetsTestZip(t, assetsZipEntry{name: "a.css", data: "x"})); err != nil {
		t.Fatalf("styles: %v", err)
	}
}

func TestFindAsset(t *testing.T) {
	h := New(Options{})
	if _, err := h.ReplaceAssetsZip(AssetPictures, zipOf(t, map[string][]byte{
		"2001003.jpg": []byte("jpeg"), "sub/77.PNG": []byte("png"), "readme.txt": []byte("x"),
	})); err != nil {
		t.Fatal(err)
	}
	s := h.Snapshot()
	for stem, want := range map[string]string{"2001003": "2001003.jpg", "77": "sub/77.PNG", "README": "readme.txt", "": "", "999": ""} {
		got, ok := s.FindAsset(AssetPictures, stem)
		if got != want || ok != (want != "") {
			t.Errorf("FindAsset(%q) = %q %v, want %q", stem, got, ok, want)
		}
	}
	if _, ok := s.FindAsset(AssetFlags, "2001003"); ok {
		t.Error("a picture found among the flags")
	}
}
