package hub

import (
	"crypto/rand"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"
)

// DirStore is an AssetStore on disk: the files of a kind live in <root>/<kind>/<name>, so they
// survive a restart and can be inspected. Every file access goes through an os.Root opened on
// root, so no name (nor a symlink planted in the tree) can reach outside it.
//
// Replace writes the new set into a fresh hidden directory, then swaps it in with two renames
// under the write lock; Get holds the read lock while it reads, so a reader sees the old set or
// the new one, never a mix and never the instant between the two renames.
type DirStore struct {
	root *os.Root

	mu   sync.RWMutex // write-locked only for the directory swap
	sets map[AssetKind]*dirSet
}

var _ AssetStore = (*DirStore)(nil)

// dirSet is the in-memory index of one kind, rebuilt whole on Replace and at start.
type dirSet struct {
	files map[string]dirFile // exact name → metadata
	fold  map[string]string  // lower-cased name → name (the first in sorted order)
	names []string           // sorted
}

type dirFile struct {
	etag string
	size int64
	mod  time.Time
}

// Hidden siblings of the kind directories: ".<kind>-tmp-*" while a set is written,
// ".<kind>-old-*" between the swap and the removal of the previous set.
const (
	dirTmpInfix = "-tmp-"
	dirOldInfix = "-old-"
)

// NewDirStore opens (creating it if needed) a store under root. Leftovers of an interrupted
// Replace are removed, and the sets a previous run left are indexed and served again: OWLCMS
// re-sends them on reconnect anyway, but boards need not show broken images until then.
func NewDirStore(root string) (*DirStore, error) {
	if err := os.MkdirAll(root, 0o755); err != nil {
		return nil, fmt.Errorf("asset dir: %w", err)
	}
	r, err := os.OpenRoot(root)
	if err != nil {
		return nil, fmt.Errorf("asset dir: %w", err)
	}
	if err := probeWritable(r); err != nil {
		r.Close()
		return nil, fmt.Errorf("asset dir: %w", err)
	}
	s := &DirStore{root: r, sets: map[AssetKind]*dirSet{}}
	entries, err := fs.ReadDir(r.FS(), ".")
	if err != nil {
		r.Close()
		return nil, fmt.Errorf("asset dir: %w", err)
	}
	for _, e := range entries {
		name := e.Name()
		if strings.HasPrefix(name, ".") && (strings.Contains(name, dirTmpInfix) || strings.Contains(name, dirOldInfix)) {
			if err := r.RemoveAll(name); err != nil {
				r.Close()
				return nil, fmt.Errorf("asset dir: removing leftover %s: %w", name, err)
			}
			continue
		}
		if !e.IsDir() || validKind(AssetKind(name)) != nil {
			continue
		}
		s.sets[AssetKind(name)] = s.indexDir(name)
	}
	return s, nil
}

// probeWritable creates and removes a file under r: a directory the tracker cannot write
// (a read-only volume) is found at start, not when OWLCMS's first ZIP fails to be stored.
func probeWritable(r *os.Root) error {
	const name = ".write-probe"
	f, err := r.OpenFile(name, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, 0o644)
	if err != nil {
		return fmt.Errorf("not writable: %w", err)
	}
	f.Close()
	return r.Remove(name)
}

// Close releases the root directory handle.
func (s *DirStore) Close() error { return s.root.Close() }

// indexDir builds the index of an existing kind directory (relative to root). Only regular files
// with a name Get would accept are indexed; symlinks are not followed. It is best effort: an
// unreadable file or sub-directory is left out rather than stopping the server from starting,
// since OWLCMS sends every set again when it connects.
func (s *DirStore) indexDir(dir string) *dirSet {
	files := map[string]dirFile{}
	fs.WalkDir(s.root.FS(), dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || !d.Type().IsRegular() {
			return nil // an unreadable directory is skipped by WalkDir after this call
		}
		name := strings.TrimPrefix(p, dir+"/")
		if clean, err := CleanEntryName(name); err != nil || clean != name {
			return nil
		}
		data, err := fs.ReadFile(s.root.FS(), p)
		if err != nil {
			return nil
		}
		info, err := d.Info()
		if err != nil {
			return nil
		}
		files[name] = dirFile{etag: ContentETag(data), size: int64(len(data)), mod: info.ModTime()}
		return nil
	})
	return newDirSet(files)
}

func newDirSet(files map[string]dirFile) *dirSet {
	set := &dirSet{files: files, fold: make(map[string]string, len(files)), names: make([]string, 0, len(files))}
	for n := range files {
		set.names = append(set.names, n)
	}
	slices.Sort(set.names)
	for _, n := range set.names {
		if k := strings.ToLower(n); set.fold[k] == "" {
			set.fold[k] = n
		}
	}
	return set
}

// Replace implements AssetStore. On any error the temporary directory is removed and the
// previous set stays in place, on disk and in the index.
func (s *DirStore) Replace(kind AssetKind, files []AssetFile) error {
	if err := validKind(kind); err != nil {
		return err
	}
	tmp := "." + string(kind) + dirTmpInfix + rand.Text()
	if err := s.root.Mkdir(tmp, 0o755); err != nil {
		return fmt.Errorf("asset dir: %w", err)
	}
	index, err := s.writeSet(tmp, files)
	if err != nil {
		s.root.RemoveAll(tmp)
		return err
	}
	return s.install(kind, tmp, index)
}

// install makes the set written in the temporary directory tmp the kind's set, at once for
// readers, and removes the set it replaces. On failure tmp is removed and the old set stays.
func (s *DirStore) install(kind AssetKind, tmp string, index map[string]dirFile) error {
	set := newDirSet(index)
	s.mu.Lock()
	old, err := s.swapLocked(string(kind), tmp)
	if err == nil {
		s.sets[kind] = set
	}
	s.mu.Unlock()
	if err != nil {
		s.root.RemoveAll(tmp)
		return err
	}
	if old != "" {
		// Outside the lock: readers already use the new set. A failure leaves a ".<kind>-old-*"
		// directory that the next start removes.
		s.root.RemoveAll(old)
	}
	return nil
}

// writeSet writes files under dir (relative to root) and returns their index entries.
func (s *DirStore) writeSet(dir string, files []AssetFile) (map[string]dirFile, error) {
	index := make(map[string]dirFile, len(files))
	for _, f := range files {
		name, err := CleanEntryName(f.Name)
		if err != nil || strings.ContainsRune(f.Name, '\\') {
			return nil, fmt.Errorf("asset dir: invalid name %q: %w", f.Name, fs.ErrInvalid)
		}
		osName := filepath.Join(dir, filepath.FromSlash(name))
		if d := path.Dir(name); d != "." {
			if err := s.root.MkdirAll(filepath.Join(dir, filepath.FromSlash(d)), 0o755); err != nil {
				return nil, fmt.Errorf("asset dir: %w", err)
			}
		}
		// O_EXCL: on a case-insensitive file system "USA.svg" and "usa.svg" are one file; the
		// first written wins instead of the second silently replacing it under the first's index.
		w, err := s.root.OpenFile(osName, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		if err != nil {
			return nil, fmt.Errorf("asset dir: %w", err)
		}
		_, werr := w.Write(f.Data)
		info, serr := w.Stat()
		if cerr := w.Close(); werr == nil {
			werr = errors.Join(serr, cerr)
		}
		if werr != nil {
			return nil, fmt.Errorf("asset dir: writing %s: %w", name, werr)
		}
		index[name] = dirFile{etag: ContentETag(f.Data), size: int64(len(f.Data)), mod: info.ModTime()}
	}
	return index, nil
}

// swapLocked moves the current kind directory aside and the new one in. It returns the name of
// the moved-aside directory ("" when there was none) for the caller to remove.
func (s *DirStore) swapLocked(kind, tmp string) (string, error) {
	old := ""
	if _, err := s.root.Lstat(kind); err == nil {
		old = "." + kind + dirOldInfix + rand.Text()
		if err := s.root.Rename(kind, old); err != nil {
			return "", fmt.Errorf("asset dir: %w", err)
		}
	} else if !errors.Is(err, fs.ErrNotExist) {
		return "", fmt.Errorf("asset dir: %w", err)
	}
	if err := s.root.Rename(tmp, kind); err != nil {
		if old != "" {
			s.root.Rename(old, kind) // best effort: put the previous set back
		}
		return "", fmt.Errorf("asset dir: %w", err)
	}
	return old, nil
}

// Get implements AssetStore. Only names in the index are opened, so a name that is not a clean
// relative slash path (backslashes, "..", absolute, drive letters) is simply not found.
func (s *DirStore) Get(kind AssetKind, name string) (Asset, error) {
	notFound := &fs.PathError{Op: "get", Path: string(kind) + "/" + name, Err: fs.ErrNotExist}
	if clean, err := CleanEntryName(name); err != nil || clean != name || strings.ContainsRune(name, '\\') {
		return Asset{}, notFound
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	set := s.sets[kind]
	if set == nil {
		return Asset{}, notFound
	}
	found := name
	meta, ok := set.files[name]
	if !ok {
		if found, ok = set.fold[strings.ToLower(name)]; !ok {
			return Asset{}, notFound
		}
		meta = set.files[found]
	}
	data, err := s.root.ReadFile(filepath.Join(string(kind), filepath.FromSlash(found)))
	if err != nil {
		// Deleted or replaced behind our back; os errors for missing files wrap fs.ErrNotExist.
		return Asset{}, fmt.Errorf("get %s/%s: %w", kind, found, err)
	}
	etag := meta.etag
	if int64(len(data)) != meta.size {
		etag = ContentETag(data) // edited outside the store: describe what we serve
	}
	return Asset{Name: found, Data: data, ETag: etag, ModTime: meta.mod}, nil
}

// Names implements AssetStore.
func (s *DirStore) Names(kind AssetKind) []string {
	s.mu.RLock()
	defer s.mu.RUnlock()
	if set := s.sets[kind]; set != nil {
		return slices.Clone(set.names)
	}
	return []string{}
}

// validKind accepts a kind usable as one directory name under root: not hidden (hidden names
// are our temporary directories), no separators.
func validKind(kind AssetKind) error {
	k := string(kind)
	if k == "" || strings.HasPrefix(k, ".") || strings.ContainsAny(k, `/\`) {
		return fmt.Errorf("asset dir: invalid kind %q: %w", k, fs.ErrInvalid)
	}
	if _, err := CleanEntryName(k); err != nil {
		return fmt.Errorf("asset dir: invalid kind %q: %w", k, fs.ErrInvalid)
	}
	return nil
}
