package hub

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
)

func newTestDirStore(t *testing.T, root string) *DirStore {
	t.Helper()
	s, err := NewDirStore(root)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func assetFiles(kv ...string) []AssetFile {
	var out []AssetFile
	for i := 0; i+1 < len(kv); i += 2 {
		out = append(out, AssetFile{Name: kv[i], Data: []byte(kv[i+1])})
	}
	return out
}

// assetHiddenDirs lists the ".<kind>-tmp-*" / ".<kind>-old-*" directories left under root.
func assetHiddenDirs(t *testing.T, root string) []string {
	t.Helper()
	entries, err := os.ReadDir(root)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".") {
			out = append(out, e.Name())
		}
	}
	return out
}

func assetMustGet(t *testing.T, s AssetStore, kind AssetKind, name, want string) Asset {
	t.Helper()
	a, err := s.Get(kind, name)
	if err != nil {
		t.Fatalf("Get(%s, %q): %v", kind, name, err)
	}
	if string(a.Data) != want {
		t.Fatalf("Get(%s, %q) = %q, want %q", kind, name, a.Data, want)
	}
	if a.ETag != ContentETag(a.Data) {
		t.Fatalf("ETag %s does not describe the content", a.ETag)
	}
	return a
}

func assetMustNotExist(t *testing.T, s AssetStore, kind AssetKind, name string) {
	t.Helper()
	if a, err := s.Get(kind, name); !errors.Is(err, fs.ErrNotExist) {
		t.Fatalf("Get(%s, %q) = %q, %v; want fs.ErrNotExist", kind, name, a.Data, err)
	}
}

func TestDirStoreReplaceAndGet(t *testing.T) {
	root := t.TempDir()
	s := newTestDirStore(t, root)
	if err := s.Replace(AssetFlags, assetFiles("FRA.svg", "fr", "sub/NOR.png", "no", "b.svg", "b1")); err != nil {
		t.Fatal(err)
	}
	assetMustGet(t, s, AssetFlags, "FRA.svg", "fr")
	if a := assetMustGet(t, s, AssetFlags, "fra.SVG", "fr"); a.Name != "FRA.svg" {
		t.Fatalf("case-insensitive match returned name %q", a.Name)
	}
	assetMustGet(t, s, AssetFlags, "sub/NOR.png", "no")
	assetMustNotExist(t, s, AssetLogos, "FRA.svg")
	if got := s.Names(AssetFlags); !slices.Equal(got, []string{"FRA.svg", "b.svg", "sub/NOR.png"}) {
		t.Fatalf("Names = %q", got)
	}
	if got := s.Names(AssetLogos); got == nil || len(got) != 0 {
		t.Fatalf("Names of an unknown kind = %#v, want empty", got)
	}

	// The second set replaces the first completely, on disk too.
	if err := s.Replace(AssetFlags, assetFiles("b.svg", "b2", "new.svg", "n")); err != nil {
		t.Fatal(err)
	}
	assetMustGet(t, s, AssetFlags, "b.svg", "b2")
	assetMustGet(t, s, AssetFlags, "new.svg", "n")
	assetMustNotExist(t, s, AssetFlags, "FRA.svg")
	assetMustNotExist(t, s, AssetFlags, "sub/NOR.png")
	if _, err := os.Stat(filepath.Join(root, "flags", "sub")); !errors.Is(err, fs.ErrNotExist) {
		t.Fatalf("old sub-directory still on disk: %v", err)
	}
	if h := assetHiddenDirs(t, root); len(h) != 0 {
		t.Fatalf("leftover directories: %q", h)
	}

	// An empty set is a valid set.
	if err := s.Replace(AssetFlags, nil); err != nil {
		t.Fatal(err)
	}
	if got := s.Names(AssetFlags); len(got) != 0 {
		t.Fatalf("Names after empty replace = %q", got)
	}
}

func TestDirStoreFailedReplaceKeepsOldSet(t *testing.T) {
	root := t.TempDir()
	s := newTestDirStore(t, root)
	if err := s.Replace(AssetLogos, assetFiles("club.png", "v1")); err != nil {
		t.Fatal(err)
	}
	for name, set := range map[string][]AssetFile{
		// "x" is a file, so "x/y" cannot be written: fails half-way through the temp dir.
		"write error":   assetFiles("a.png", "1", "x", "file", "x/y", "nested"),
		"traversal":     assetFiles("a.png", "1", "../escape.png", "pwn"),
		"absolute":      assetFiles("/abs.png", "pwn"),
		"backslash":     assetFiles(`sub\a.png`, "1"),
		"parent inside": assetFiles("a/../b.png", "1"),
	} {
		if err := s.Replace(AssetLogos, set); err == nil {
			t.Fatalf("%s: Replace succeeded", name)
		}
		assetMustGet(t, s, AssetLogos, "club.png", "v1")
		assetMustNotExist(t, s, AssetLogos, "a.png")
		if got := s.Names(AssetLogos); !slices.Equal(got, []string{"club.png"}) {
			t.Fatalf("%s: Names = %q", name, got)
		}
		if h := assetHiddenDirs(t, root); len(h) != 0 {
			t.Fatalf("%s: temp directory left behind: %q", name, h)
		}
	}
	if _, err := os.Stat(filepath.Join(filepath.Dir(root), "escape.png")); err == nil {
		t.Fatal("traversal wrote outside the root")
	}
	for _, kind := range []AssetKind{"", ".flags", "../x", `a\b`, "a/b"} {
		if err := s.Replace(kind, assetFiles("a", "1")); err == nil {
			t.Fatalf("Replace accepted kind %q", kind)
		}
	}
}

func TestDirStoreGetRejectsTraversal(t *testing.T) {
	root := filepath.Join(t.TempDir(), "local")
	s := newTestDirStore(t, root)
	if err := s.Replace(AssetFlags, assetFiles("a.svg", "flag", "sub/b.svg", "b")); err != nil {
		t.Fatal(err)
	}
	if err := s.Replace(AssetPictures, assetFiles("1.jpg", "pic")); err != nil {
		t.Fatal(err)
	}
	// A secret next to the root, and one in a sibling kind.
	if err := os.WriteFile(filepath.Join(filepath.Dir(root), "secret.txt"), []byte("secret"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{
		"../secret.txt", "../../secret.txt", "../pictures/1.jpg", `..\pictures\1.jpg`, `sub\b.svg`,
		"sub/../a.svg", "/a.svg", "C:/a.svg", `C:\a.svg`, "", ".", "sub", "sub/", "./a.svg", "a.svg/", "a.svg\x00",
	} {
		assetMustNotExist(t, s, AssetFlags, name)
	}
	for _, kind := range []AssetKind{"..", "../flags", "", "flags/sub"} {
		assetMustNotExist(t, s, kind, "a.svg")
		assetMustNotExist(t, s, kind, "b.svg")
	}
	assetMustGet(t, s, AssetFlags, "sub/b.svg", "b")
}

func TestDirStoreRestartReindexes(t *testing.T) {
	root := t.TempDir()
	s := newTestDirStore(t, root)
	if err := s.Replace(AssetFlags, assetFiles("FRA.svg", "fr", "sub/NOR.svg", "no")); err != nil {
		t.Fatal(err)
	}
	before := assetMustGet(t, s, AssetFlags, "FRA.svg", "fr")
	s.Close()

	// Leftovers of a crash in the middle of a Replace.
	for _, d := range []string{".flags-tmp-ABC", ".logos-old-XYZ"} {
		if err := os.MkdirAll(filepath.Join(root, d, "inner"), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	if runtime.GOOS != "windows" {
		// A symlink planted in the tree must not be indexed (nor followed) at start.
		outside := filepath.Join(t.TempDir(), "outside.txt")
		os.WriteFile(outside, []byte("outside"), 0o644)
		if err := os.Symlink(outside, filepath.Join(root, "flags", "link.svg")); err != nil {
			t.Fatal(err)
		}
	}

	s2 := newTestDirStore(t, root)
	if got := s2.Names(AssetFlags); !slices.Equal(got, []string{"FRA.svg", "sub/NOR.svg"}) {
		t.Fatalf("Names after restart = %q", got)
	}
	after := assetMustGet(t, s2, AssetFlags, "fra.svg", "fr")
	if after.ETag != before.ETag {
		t.Fatalf("ETag changed across restart: %s → %s", before.ETag, after.ETag)
	}
	assetMustNotExist(t, s2, AssetFlags, "link.svg")
	if h := assetHiddenDirs(t, root); len(h) != 0 {
		t.Fatalf("leftovers not cleaned at start: %q", h)
	}
}

// Readers running during replaces must always get a complete, consistent file for names
// present in both sets, and Names must always list exactly one of the two sets.
func TestDirStoreConcurrentGetDuringReplace(t *testing.T) {
	s := newTestDirStore(t, t.TempDir())
	setA := assetFiles("common.svg", "A-common", "only-a.svg", "A", "dir/x.svg", "A-x")
	setB := assetFiles("common.svg", "B-common-longer", "only-b.svg", "B", "dir/x.svg", "B-x")
	namesA, namesB := []string{"common.svg", "dir/x.svg", "only-a.svg"}, []string{"common.svg", "dir/x.svg", "only-b.svg"}
	if err := s.Replace(AssetFlags, setA); err != nil {
		t.Fatal(err)
	}

	var stop atomic.Bool
	var wg sync.WaitGroup
	errs := make(chan error, 8)
	for range 4 {
		wg.Go(func() {
			for !stop.Load() {
				for _, name := range []string{"common.svg", "dir/x.svg"} {
					a, err := s.Get(AssetFlags, name)
					if err != nil {
						errs <- fmt.Errorf("Get(%s): %w", name, err)
						return
					}
					d := string(a.Data)
					if !strings.HasPrefix(d, "A") && !strings.HasPrefix(d, "B") || a.ETag != ContentETag(a.Data) {
						errs <- fmt.Errorf("Get(%s) = %q, etag %s", name, d, a.ETag)
						return
					}
				}
				if n := s.Names(AssetFlags); !slices.Equal(n, namesA) && !slices.Equal(n, namesB) {
					errs <- fmt.Errorf("Names = %q: a mix", n)
					return
				}
			}
		})
	}
	for i := range 100 {
		set := setA
		if i%2 == 0 {
			set = setB
		}
		if err := s.Replace(AssetFlags, set); err != nil {
			t.Error(err) // not Fatal: the readers must be stopped and waited for first
			break
		}
	}
	stop.Store(true)
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

func TestDirStoreCaseCollisions(t *testing.T) {
	s := newTestDirStore(t, t.TempDir())
	// Both names exist on a case-sensitive file system; on a case-insensitive one the first
	// wins. Either way the index matches the disk and lookups are deterministic.
	if err := s.Replace(AssetFlags, assetFiles("USA.svg", "upper", "usa.svg", "lower")); err != nil {
		t.Fatal(err)
	}
	assetMustGet(t, s, AssetFlags, "USA.svg", "upper")
	assetMustGet(t, s, AssetFlags, "Usa.svg", "upper") // sorted-first of the case-insensitive matches
	for _, n := range s.Names(AssetFlags) {
		a, err := s.Get(AssetFlags, n)
		if err != nil || a.Name != n {
			t.Fatalf("listed name %q: %v, %q", n, err, a.Name)
		}
	}
}

// TestDirStoreRefusesReadOnlyDir: a directory the tracker cannot write is refused at start
// (the caller falls back to memory), not when OWLCMS's first ZIP fails to be stored.
func TestDirStoreRefusesReadOnlyDir(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("running as root: permissions do not make a directory read-only")
	}
	dir := t.TempDir()
	if err := os.Chmod(dir, 0o555); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = os.Chmod(dir, 0o755) })
	if s, err := NewDirStore(dir); err == nil {
		s.Close()
		t.Fatal("read-only directory accepted")
	}
}
