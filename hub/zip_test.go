package hub

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"errors"
	"hash/crc32"
	"path/filepath"
	"strings"
	"testing"
)

// assetsZipEntry describes one entry for assetsTestZip. A name ending in "/" is a directory entry.
type assetsZipEntry struct {
	name string
	data string
}

// assetsTestZip writes entries, names taken verbatim (zip.Writer does not sanitise them, which is
// exactly what an attacker's tool would do).
func assetsTestZip(t testing.TB, entries ...assetsZipEntry) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, e := range entries {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: e.name, Method: zip.Deflate})
		if err != nil {
			t.Fatal(err)
		}
		if e.data == "" {
			continue // zip.Writer refuses data for directory entries
		}
		if _, err := w.Write([]byte(e.data)); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func assetsZipNames(files []AssetFile) []string {
	out := make([]string, len(files))
	for i, f := range files {
		out[i] = f.Name
	}
	return out
}

func TestReadZipNamesAndDirectories(t *testing.T) {
	data := assetsTestZip(t,
		assetsZipEntry{name: "flags/"},
		assetsZipEntry{name: "./"},
		assetsZipEntry{name: "flags/FRA.svg", data: "<svg/>"},
		assetsZipEntry{name: `flags\sub\NOR.png`, data: "png"},
		assetsZipEntry{name: "./top.txt", data: "top"},
		assetsZipEntry{name: "a//b.txt", data: "ab"},
		assetsZipEntry{name: "empty.txt"},
	)
	files, err := ReadZip(data, ZipLimits{})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"flags/FRA.svg", "flags/sub/NOR.png", "top.txt", "a/b.txt", "empty.txt"}
	if got := assetsZipNames(files); strings.Join(got, ",") != strings.Join(want, ",") {
		t.Fatalf("names = %q, want %q", got, want)
	}
	if string(files[0].Data) != "<svg/>" || string(files[1].Data) != "png" || len(files[4].Data) != 0 {
		t.Fatalf("unexpected contents: %q", files)
	}
}

func TestReadZipRejectsUnsafeNames(t *testing.T) {
	for _, name := range []string{
		"../x",
		"/abs",
		"/etc/passwd",
		"a/../../b",
		"a/../b", // would clean to "b", but no honest tool writes it
		`C:\x`,
		"C:x",
		"c:/x",
		`..\x`,
		`a\..\..\b`,
		`\\server\share\x`,
		"..",
		"../", // a directory entry escaping is refused too
		"nul\x00.svg",
	} {
		t.Run(name, func(t *testing.T) {
			// The safe entry first: the whole archive is refused, not just the bad entry.
			bad := assetsZipEntry{name: name, data: "pwn"}
			if strings.HasSuffix(name, "/") {
				bad.data = "" // a directory entry
			}
			data := assetsTestZip(t, assetsZipEntry{name: "ok.svg", data: "ok"}, bad)
			files, err := ReadZip(data, ZipLimits{})
			if !errors.Is(err, ErrUnsafeZip) {
				t.Fatalf("err = %v, want ErrUnsafeZip", err)
			}
			if files != nil {
				t.Fatalf("files = %q, want none", assetsZipNames(files))
			}
			if !strings.Contains(err.Error(), "entry") {
				t.Fatalf("error does not name the entry: %v", err)
			}
		})
	}
}

func TestReadZipRejectsConflictingNames(t *testing.T) {
	for _, tc := range [][]assetsZipEntry{
		{{name: "a.svg", data: "1"}, {name: "a.svg", data: "2"}},
		{{name: "a.svg", data: "1"}, {name: "./a.svg", data: "2"}},
		{{name: "a", data: "file"}, {name: "a/b", data: "nested"}},
		{{name: "a/b/c", data: "nested"}, {name: "a/b", data: "file"}},
	} {
		if _, err := ReadZip(assetsTestZip(t, tc...), ZipLimits{}); !errors.Is(err, ErrUnsafeZip) {
			t.Errorf("%v: err = %v, want ErrUnsafeZip", tc, err)
		}
	}
}

func TestReadZipEntryLimit(t *testing.T) {
	entries := []assetsZipEntry{{name: "d/"}, {name: "a", data: "1"}, {name: "b", data: "2"}, {name: "c", data: "3"}}
	if _, err := ReadZip(assetsTestZip(t, entries...), ZipLimits{MaxEntries: 3}); err != nil {
		t.Fatalf("3 files (plus a directory) within MaxEntries=3: %v", err)
	}
	entries = append(entries, assetsZipEntry{name: "e", data: "4"})
	if _, err := ReadZip(assetsTestZip(t, entries...), ZipLimits{MaxEntries: 3}); !errors.Is(err, ErrZipTooLarge) {
		t.Fatalf("err = %v, want ErrZipTooLarge", err)
	}
}

func TestReadZipEntrySizeLimit(t *testing.T) {
	lim := ZipLimits{MaxEntryBytes: 1000}
	if _, err := ReadZip(assetsTestZip(t, assetsZipEntry{name: "a", data: strings.Repeat("x", 1000)}), lim); err != nil {
		t.Fatalf("entry at the limit: %v", err)
	}
	_, err := ReadZip(assetsTestZip(t, assetsZipEntry{name: "big", data: strings.Repeat("x", 1001)}), lim)
	if !errors.Is(err, ErrZipTooLarge) || !strings.Contains(err.Error(), `"big"`) {
		t.Fatalf("err = %v, want ErrZipTooLarge naming the entry", err)
	}
}

// A header that understates the size must not let a large stream through.
func TestReadZipLyingHeader(t *testing.T) {
	payload := bytes.Repeat([]byte{0}, 4<<20)
	var comp bytes.Buffer
	fw, _ := flate.NewWriter(&comp, flate.BestCompression)
	fw.Write(payload)
	fw.Close()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, err := zw.CreateRaw(&zip.FileHeader{
		Name:               "bomb.bin",
		Method:             zip.Deflate,
		CRC32:              crc32.ChecksumIEEE(payload),
		CompressedSize64:   uint64(comp.Len()),
		UncompressedSize64: 10, // the lie
	})
	if err != nil {
		t.Fatal(err)
	}
	w.Write(comp.Bytes())
	zw.Close()

	files, err := ReadZip(buf.Bytes(), ZipLimits{MaxEntryBytes: 1 << 20})
	if err == nil {
		t.Fatalf("lying header accepted: %d bytes", len(files[0].Data))
	}
	// archive/zip itself stops at the declared size (ErrFormat); the LimitReader is the
	// second line of defence should that ever change.
	if !errors.Is(err, ErrZipTooLarge) && !errors.Is(err, ErrCorruptZip) {
		t.Fatalf("err = %v", err)
	}
}

// A small archive of zeros that expands far beyond the total cap, each entry honest and
// individually within limits: only counting the decompressed bytes catches it.
func TestReadZipTotalSizeBomb(t *testing.T) {
	zeros := strings.Repeat("\x00", 900<<10)
	var entries []assetsZipEntry
	for _, n := range []string{"a", "b", "c", "d"} {
		entries = append(entries, assetsZipEntry{name: n, data: zeros})
	}
	data := assetsTestZip(t, entries...)
	if len(data) > 64<<10 {
		t.Fatalf("bomb is %d bytes, expected a highly compressed archive", len(data))
	}
	lim := ZipLimits{MaxEntryBytes: 1 << 20, MaxTotalBytes: 2 << 20}
	_, err := ReadZip(data, lim)
	if !errors.Is(err, ErrZipTooLarge) || !strings.Contains(err.Error(), `"c"`) {
		t.Fatalf("err = %v, want ErrZipTooLarge at entry c", err)
	}
	lim.MaxTotalBytes = 4 * 900 << 10
	if _, err := ReadZip(data, lim); err != nil {
		t.Fatalf("exactly at the total cap: %v", err)
	}
}

func TestReadZipCorrupt(t *testing.T) {
	good := assetsTestZip(t, assetsZipEntry{name: "a.txt", data: strings.Repeat("hello ", 100)})
	// Flip a byte inside the compressed data (just after the 30-byte local header and name).
	flipped := bytes.Clone(good)
	flipped[30+len("a.txt")+2] ^= 0xff
	for name, data := range map[string][]byte{
		"nil":       nil,
		"text":      []byte("this is not a zip file at all"),
		"json":      []byte(`{"locales":{}}`),
		"magic":     []byte("PK\x03\x04garbage"),
		"truncated": good[:len(good)-10],
		"flipped":   flipped,
	} {
		t.Run(name, func(t *testing.T) {
			if _, err := ReadZip(data, ZipLimits{}); !errors.Is(err, ErrCorruptZip) {
				t.Fatalf("err = %v, want ErrCorruptZip", err)
			}
		})
	}
}

func TestReadZipEmpty(t *testing.T) {
	files, err := ReadZip(assetsTestZip(t), ZipLimits{})
	if err != nil || len(files) != 0 {
		t.Fatalf("empty archive: %v, %v", files, err)
	}
}

func TestCleanEntryName(t *testing.T) {
	for in, want := range map[string]string{"a": "a", "a/./b": "a/b", "./a": "a", "a//b": "a/b", "é/ü.svg": "é/ü.svg"} {
		if got, err := CleanEntryName(in); err != nil || got != want {
			t.Errorf("CleanEntryName(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	for _, in := range []string{"", ".", "/", "../a", "a/..", "D:/x"} {
		if got, err := CleanEntryName(in); err == nil {
			t.Errorf("CleanEntryName(%q) = %q, want an error", in, got)
		}
	}
}

func TestFindZipEntry(t *testing.T) {
	files := []AssetFile{{Name: "meta.json"}, {Name: "x/Database.JSON"}, {Name: "export/competition.json"}, {Name: "readme.txt"}}
	db := []string{"competition.json", "database.json", "*.json"}
	if f, ok := FindZipEntry(files, db...); !ok || f.Name != "export/competition.json" {
		t.Fatalf("got %q, %v", f.Name, ok)
	}
	if f, ok := FindZipEntry(files[:2], db...); !ok || f.Name != "x/Database.JSON" {
		t.Fatalf("got %q, %v", f.Name, ok)
	}
	if f, ok := FindZipEntry(files[:1], db...); !ok || f.Name != "meta.json" {
		t.Fatalf("got %q, %v", f.Name, ok)
	}
	if _, ok := FindZipEntry(files[3:], db...); ok {
		t.Fatal("readme.txt matched")
	}
}

// FuzzReadZip: whatever the input, ReadZip must not panic, and what it accepts must be safe
// to extract and within the limits.
func FuzzReadZip(f *testing.F) {
	f.Add(assetsTestZip(f, assetsZipEntry{name: "flags/a.svg", data: "<svg/>"}, assetsZipEntry{name: "d/"}))
	f.Add(assetsTestZip(f, assetsZipEntry{name: "../evil", data: "x"}))
	f.Add([]byte("PK\x05\x06" + strings.Repeat("\x00", 18)))
	lim := ZipLimits{MaxEntries: 50, MaxEntryBytes: 64 << 10, MaxTotalBytes: 256 << 10}
	f.Fuzz(func(t *testing.T, data []byte) {
		files, err := ReadZip(data, lim)
		if err != nil {
			if !errors.Is(err, ErrCorruptZip) && !errors.Is(err, ErrUnsafeZip) && !errors.Is(err, ErrZipTooLarge) {
				t.Fatalf("error without a sentinel: %v", err)
			}
			return
		}
		if len(files) > lim.MaxEntries {
			t.Fatalf("%d files", len(files))
		}
		var total int64
		seen := map[string]bool{}
		for _, fl := range files {
			total += int64(len(fl.Data))
			if int64(len(fl.Data)) > lim.MaxEntryBytes {
				t.Fatalf("%q: %d bytes", fl.Name, len(fl.Data))
			}
			if c, err := CleanEntryName(fl.Name); err != nil || c != fl.Name || strings.Contains(fl.Name, `\`) {
				t.Fatalf("unsafe name %q accepted", fl.Name)
			}
			if !filepath.IsLocal(filepath.FromSlash(fl.Name)) || seen[fl.Name] {
				t.Fatalf("name %q not local or duplicated", fl.Name)
			}
			seen[fl.Name] = true
		}
		if total > lim.MaxTotalBytes {
			t.Fatalf("total %d bytes", total)
		}
	})
}
