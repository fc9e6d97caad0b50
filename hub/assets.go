package hub

import (
	"crypto/sha256"
	"encoding/hex"
	"io/fs"
	"slices"
	"strings"
	"sync"
	"time"
)

// AssetKind is one family of files OWLCMS sends as a ZIP; it is also the URL segment they are
// served under: /local/<kind>/<name>.
type AssetKind string

// The asset kinds OWLCMS sends.
const (
	AssetFlags    AssetKind = "flags"
	AssetLogos    AssetKind = "logos"
	AssetPictures AssetKind = "pictures"
	AssetStyles   AssetKind = "styles"
)

// AssetKinds lists every kind, in display order.
var AssetKinds = []AssetKind{AssetFlags, AssetLogos, AssetPictures, AssetStyles}

// AssetFile is one extracted file: Name is a clean, slash-separated relative path.
type AssetFile struct {
	Name string
	Data []byte
}

// Asset is a stored file ready to serve.
type Asset struct {
	Name    string
	Data    []byte
	ETag    string // quoted strong ETag of the content
	ModTime time.Time
}

// AssetStore keeps the asset sets. Replace swaps a whole set at once: readers see the old set
// or the new one, never a mix. Implementations are safe for concurrent use.
type AssetStore interface {
	Replace(kind AssetKind, files []AssetFile) error
	// Get returns the named file; names match exactly, then case-insensitively. A missing file
	// gives an error wrapping fs.ErrNotExist.
	Get(kind AssetKind, name string) (Asset, error)
	// Names lists the files of a kind, sorted.
	Names(kind AssetKind) []string
}

// MemoryStore is an AssetStore in memory, for tests and the demo.
type MemoryStore struct {
	mu   sync.RWMutex
	sets map[AssetKind]map[string]Asset
}

// NewMemoryStore returns an empty MemoryStore.
func NewMemoryStore() *MemoryStore { return &MemoryStore{sets: map[AssetKind]map[string]Asset{}} }

// Replace implements AssetStore.
func (m *MemoryStore) Replace(kind AssetKind, files []AssetFile) error {
	set := make(map[string]Asset, len(files))
	now := time.Now()
	for _, f := range files {
		set[f.Name] = Asset{Name: f.Name, Data: f.Data, ETag: ContentETag(f.Data), ModTime: now}
	}
	m.mu.Lock()
	m.sets[kind] = set
	m.mu.Unlock()
	return nil
}

// Get implements AssetStore.
func (m *MemoryStore) Get(kind AssetKind, name string) (Asset, error) {
	m.mu.RLock()
	defer m.mu.RUnlock()
	set := m.sets[kind]
	if a, ok := set[name]; ok {
		return a, nil
	}
	for n, a := range set {
		if strings.EqualFold(n, name) {
			return a, nil
		}
	}
	return Asset{}, &fs.PathError{Op: "get", Path: string(kind) + "/" + name, Err: fs.ErrNotExist}
}

// Names implements AssetStore.
func (m *MemoryStore) Names(kind AssetKind) []string {
	m.mu.RLock()
	defer m.mu.RUnlock()
	names := make([]string, 0, len(m.sets[kind]))
	for n := range m.sets[kind] {
		names = append(names, n)
	}
	slices.Sort(names)
	return names
}

// ContentETag returns a strong ETag for data.
func ContentETag(data []byte) string {
	sum := sha256.Sum256(data)
	return `"` + hex.EncodeToString(sum[:12]) + `"`
}
