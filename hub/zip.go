package hub

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"path"
	"path/filepath"
	"strings"
)

// ZipLimits cap what one ZIP may expand to.
type ZipLimits struct {
	MaxEntries    int   // files per archive (default 10 000)
	MaxEntryBytes int64 // uncompressed bytes per file (default 32 MiB)
	MaxTotalBytes int64 // uncompressed bytes per archive (default 256 MiB)
}

func (l ZipLimits) withDefaults() ZipLimits {
	if l.MaxEntries <= 0 {
		l.MaxEntries = 10000
	}
	if l.MaxEntryBytes <= 0 {
		l.MaxEntryBytes = 32 << 20
	}
	if l.MaxTotalBytes <= 0 {
		l.MaxTotalBytes = 256 << 20
	}
	return l
}

// Errors returned by ReadZip, always wrapped with the offending entry or limit.
var (
	// ErrUnsafeZip: an entry name could escape the directory it is extracted to (zip-slip), or
	// two entries cannot coexist on disk. The whole archive is refused, not just the entry:
	// a crafted archive says nothing good about the rest of its content.
	ErrUnsafeZip = errors.New("unsafe zip entry")
	// ErrZipTooLarge: the archive exceeds a ZipLimits cap (entry count or decompressed size).
	ErrZipTooLarge = errors.New("zip exceeds limits")
	// ErrCorruptZip: the input is not a readable ZIP (bad directory, bad CRC, unsupported method).
	ErrCorruptZip = errors.New("corrupt zip")
)

// zipSlot is held while an archive is decompressed.
var zipSlot = make(chan struct{}, 1)

// ReadZip reads every file of a ZIP archive held in memory, within the limits (zero fields take
// the defaults). Directory entries are skipped; returned names are clean, relative, slash-separated
// paths, in archive order. Any unsafe name rejects the whole archive before anything is
// decompressed. Sizes are enforced on the bytes actually decompressed: the sizes declared in the
// headers are attacker-controlled and only used to fail early.
func ReadZip(data []byte, lim ZipLimits) ([]AssetFile, error) {
	lim = lim.withDefaults()
	entries, err := zipEntries(data, lim)
	if err != nil {
		return nil, err
	}
	// Pass 2: decompress, counting real bytes. One archive at a time across the process: each
	// may expand to its cap, and OWLCMS connections (or impostors) sending several at once
	// must not add them up.
	zipSlot <- struct{}{}
	defer func() { <-zipSlot }()
	out := make([]AssetFile, 0, len(entries))
	remaining := lim.MaxTotalBytes
	for _, e := range entries {
		b, err := readEntry(e.f, e.name, lim, remaining)
		if err != nil {
			return nil, err
		}
		remaining -= int64(len(b))
		out = append(out, AssetFile{Name: e.name, Data: b})
	}
	return out, nil
}

// WalkZip is ReadZip without holding the files: visit gets each file's name and a reader of its
// content, in archive order, and must read it to the end (the CRC is checked there). The same
// checks and limits apply, counted on the bytes visit reads: a reader fails with ErrZipTooLarge
// or ErrCorruptZip as soon as the content does. An error from visit stops the walk and is
// returned as is.
func WalkZip(data []byte, lim ZipLimits, visit func(name string, r io.Reader) error) error {
	lim = lim.withDefaults()
	entries, err := zipEntries(data, lim)
	if err != nil {
		return err
	}
	zipSlot <- struct{}{}
	defer func() { <-zipSlot }()
	remaining := lim.MaxTotalBytes
	for _, e := range entries {
		rc, err := e.f.Open()
		if err != nil {
			return fmt.Errorf("%w: entry %q: %w", ErrCorruptZip, e.name, err)
		}
		cr := &cappedEntry{r: rc, name: e.name, lim: lim, left: min(lim.MaxEntryBytes, remaining)}
		err = visit(e.name, cr)
		rc.Close()
		if err != nil {
			return err
		}
		remaining -= cr.read
	}
	return nil
}

// cappedEntry reads one entry's content, failing once it passes its caps.
type cappedEntry struct {
	r    io.Reader
	name string
	lim  ZipLimits
	left int64 // bytes still allowed
	read int64
}

func (c *cappedEntry) Read(p []byte) (int, error) {
	if int64(len(p)) > c.left+1 {
		p = p[:c.left+1]
	}
	n, err := c.r.Read(p)
	c.read += int64(n)
	c.left -= int64(n)
	switch {
	case c.left < 0 && c.read > c.lim.MaxEntryBytes:
		return 0, fmt.Errorf("%w: entry %q expands beyond %d bytes", ErrZipTooLarge, c.name, c.lim.MaxEntryBytes)
	case c.left < 0:
		return 0, fmt.Errorf("%w: archive expands beyond %d bytes (at entry %q)", ErrZipTooLarge, c.lim.MaxTotalBytes, c.name)
	case err != nil && err != io.EOF:
		return n, fmt.Errorf("%w: entry %q: %w", ErrCorruptZip, c.name, err)
	}
	return n, err
}

// zipEntry is a file of an archive that passed the name checks.
type zipEntry struct {
	f    *zip.File
	name string
}

// zipEntries opens an archive and checks its names and counts (pass 1), so a bad archive
// costs no decompression. Any unsafe name rejects the whole archive.
func zipEntries(data []byte, lim ZipLimits) ([]zipEntry, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	// With GODEBUG=zipinsecurepath=0 the reader is still usable and reports ErrInsecurePath;
	// our own name checks below decide, with a better message.
	if err != nil && !(errors.Is(err, zip.ErrInsecurePath) && zr != nil) {
		return nil, fmt.Errorf("%w: %w", ErrCorruptZip, err)
	}
	entries := make([]zipEntry, 0, min(len(zr.File), lim.MaxEntries))
	seen := make(map[string]bool, cap(entries))
	for _, f := range zr.File {
		slashed := strings.ReplaceAll(f.Name, `\`, "/")
		isDir := strings.HasSuffix(slashed, "/") || f.FileInfo().IsDir()
		slashed = strings.TrimSuffix(slashed, "/")
		if isDir && (slashed == "." || slashed == "") {
			continue // "./" or "/" alone: creates nothing, names nothing
		}
		name, err := CleanEntryName(slashed)
		if err != nil {
			return nil, fmt.Errorf("%w: entry %q: %w", ErrUnsafeZip, f.Name, err)
		}
		if isDir {
			continue
		}
		if len(entries) == lim.MaxEntries {
			return nil, fmt.Errorf("%w: more than %d files", ErrZipTooLarge, lim.MaxEntries)
		}
		if f.UncompressedSize64 > uint64(lim.MaxEntryBytes) {
			return nil, fmt.Errorf("%w: entry %q declares %d bytes (max %d)", ErrZipTooLarge, name, f.UncompressedSize64, lim.MaxEntryBytes)
		}
		if seen[name] {
			return nil, fmt.Errorf("%w: duplicate entry %q", ErrUnsafeZip, name)
		}
		seen[name] = true
		entries = append(entries, zipEntry{f, name})
	}
	// A file that is also the parent of another file ("a" and "a/b") cannot be extracted
	// faithfully; refuse rather than let the store pick one silently.
	for _, e := range entries {
		for dir := path.Dir(e.name); dir != "."; dir = path.Dir(dir) {
			if seen[dir] {
				return nil, fmt.Errorf("%w: entry %q is both a file and the directory of %q", ErrUnsafeZip, dir, e.name)
			}
		}
	}
	return entries, nil
}

// readEntry decompresses one entry, reading at most one byte more than allowed so an over-long
// stream is detected without being buffered whole.
func readEntry(f *zip.File, name string, lim ZipLimits, remaining int64) ([]byte, error) {
	allowed := min(lim.MaxEntryBytes, remaining)
	rc, err := f.Open()
	if err != nil {
		return nil, fmt.Errorf("%w: entry %q: %w", ErrCorruptZip, name, err)
	}
	defer rc.Close()
	var buf bytes.Buffer
	// Pre-size from the header only within the cap: a lying header must not make us allocate.
	buf.Grow(int(min(f.UncompressedSize64, uint64(allowed))))
	n, err := buf.ReadFrom(io.LimitReader(rc, allowed+1))
	if err != nil {
		// Includes zip.ErrChecksum (CRC mismatch), zip.ErrFormat and flate errors.
		return nil, fmt.Errorf("%w: entry %q: %w", ErrCorruptZip, name, err)
	}
	switch {
	case n > lim.MaxEntryBytes:
		return nil, fmt.Errorf("%w: entry %q expands beyond %d bytes", ErrZipTooLarge, name, lim.MaxEntryBytes)
	case n > allowed:
		return nil, fmt.Errorf("%w: archive expands beyond %d bytes (at entry %q)", ErrZipTooLarge, lim.MaxTotalBytes, name)
	}
	return buf.Bytes(), nil
}

// CleanEntryName validates a slash-separated relative name (a ZIP entry after `\` → `/`, or an
// asset name) and returns it in clean form. It refuses what could escape a directory or be
// read differently by another OS: empty names, absolute paths, drive letters ("C:x"),
// ".." segments (even ones that would clean away, such as "a/../b"), NUL bytes, and anything
// filepath.IsLocal rejects on this OS (on Windows: reserved names such as NUL, and colons).
// "." segments and doubled slashes are harmless and cleaned away.
func CleanEntryName(name string) (string, error) {
	switch {
	case name == "":
		return "", errors.New("empty name")
	case strings.ContainsRune(name, 0):
		return "", errors.New("NUL byte in name")
	case strings.HasPrefix(name, "/"):
		return "", errors.New("absolute path")
	case len(name) >= 2 && name[1] == ':' && isASCIILetter(name[0]):
		return "", errors.New("drive letter")
	}
	for _, seg := range strings.Split(name, "/") {
		if seg == ".." {
			return "", errors.New("parent directory segment")
		}
	}
	clean := path.Clean(name)
	if clean == "." || !filepath.IsLocal(filepath.FromSlash(clean)) || filepath.VolumeName(filepath.FromSlash(clean)) != "" {
		return "", errors.New("not a local path")
	}
	return clean, nil
}

func isASCIILetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

// FindZipEntry returns the first file whose base name matches one of the patterns, trying the
// patterns in order and the files in archive order for each. Patterns are path.Match patterns
// compared case-insensitively with the base name, so an entry in a sub-directory matches too.
// For database_zip: FindZipEntry(files, "competition.json", "database.json", "*.json").
func FindZipEntry(files []AssetFile, patterns ...string) (AssetFile, bool) {
	for _, p := range patterns {
		p = strings.ToLower(p)
		for _, f := range files {
			if ok, _ := path.Match(p, strings.ToLower(path.Base(f.Name))); ok {
				return f, true
			}
		}
	}
	return AssetFile{}, false
}
