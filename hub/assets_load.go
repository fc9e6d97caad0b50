package hub

import (
	"errors"
	"fmt"
	"io"
	"maps"
	"path"
	"slices"
	"strings"
)

// ReplaceAssetsZip replaces the whole set of one asset kind with the files of a ZIP (flags_zip,
// logos_zip, pictures_zip) and returns the number of files. A bad archive (corrupt, unsafe
// names, over the limits of its kind) is refused with an error wrapping ErrBadPayload and the
// previous set is kept. A successful load, even of an empty archive or an empty payload, marks the
// kind loaded.
func (h *Hub) ReplaceAssetsZip(kind AssetKind, zipData []byte) (int, error) {
	if !slices.Contains(AssetKinds, kind) {
		return 0, fmt.Errorf("%w: unknown asset kind %q", ErrBadPayload, kind)
	}
	// Decompress before taking any lock: it is the slow part. An empty payload is what OWLCMS
	// sends, asked for a kind it has none of: an empty set, loaded, so it is not asked again.
	if sr, ok := h.assets.(StreamReplacer); ok && len(zipData) > 0 {
		return h.replaceAssetsStream(sr, kind, zipData)
	}
	var files []AssetFile
	var err error
	if len(zipData) > 0 {
		files, err = ReadZip(zipData, h.assetZipLimits(kind))
	}
	if err != nil {
		h.log.Warn("asset zip refused, previous set kept", "kind", kind, "bytes", len(zipData), "error", err)
		return 0, fmt.Errorf("%w: %s zip: %w", ErrBadPayload, kind, err)
	}
	var total int
	for _, f := range files {
		total += len(f.Data)
	}

	h.assetMu.Lock()
	defer h.assetMu.Unlock()
	if err := h.assets.Replace(kind, files); err != nil {
		// A storage failure (disk full, permissions) is ours, not the peer's: no ErrBadPayload.
		h.log.Error("asset store replace failed, previous set kept", "kind", kind, "error", err)
		return 0, fmt.Errorf("store %s: %w", kind, err)
	}
	h.publishAssets(kind, files)
	h.log.Info("assets loaded", "kind", kind, "count", len(files), "bytes", total)
	return len(files), nil
}

// replaceAssetsStream extracts a ZIP straight into a store that takes files one by one: the
// set is never in memory whole. Errors are classified as in ReplaceAssetsZip.
func (h *Hub) replaceAssetsStream(sr StreamReplacer, kind AssetKind, zipData []byte) (int, error) {
	var files []AssetFile // names only: what the snapshot's index needs
	var total int64
	h.assetMu.Lock()
	defer h.assetMu.Unlock()
	err := sr.ReplaceStream(kind, func(put func(string, io.Reader) (int64, error)) error {
		return WalkZip(zipData, h.assetZipLimits(kind), func(name string, r io.Reader) error {
			n, err := put(name, r)
			total += n
			files = append(files, AssetFile{Name: name})
			return err
		})
	})
	var storeErr *StoreError
	switch {
	case errors.As(err, &storeErr):
		h.log.Error("asset store replace failed, previous set kept", "kind", kind, "error", err)
		return 0, fmt.Errorf("store %s: %w", kind, err)
	case err != nil:
		h.log.Warn("asset zip refused, previous set kept", "kind", kind, "bytes", len(zipData), "error", err)
		return 0, fmt.Errorf("%w: %s zip: %w", ErrBadPayload, kind, err)
	}
	h.publishAssets(kind, files)
	h.log.Info("assets loaded", "kind", kind, "count", len(files), "bytes", total, "streamed", true)
	return len(files), nil
}

// publishAssets announces a replaced set: its count and its index. Called with assetMu held.
func (h *Hub) publishAssets(kind AssetKind, files []AssetFile) {
	h.update(func(s *Snapshot) []Change {
		// Copy, never mutate: older snapshots share the previous map.
		counts := make(map[AssetKind]int, len(s.Assets)+1)
		maps.Copy(counts, s.Assets)
		counts[kind] = len(files) // a present key, even 0, means "loaded"
		s.Assets = counts
		index := make(map[AssetKind]map[string]string, len(s.assetIndex)+1)
		maps.Copy(index, s.assetIndex)
		index[kind] = indexAssets(files)
		s.assetIndex = index
		s.AssetsVersion = h.nextVersion()
		changes := []Change{{Kind: ChangeAssets, Version: s.AssetsVersion}}
		if kind == AssetFlags {
			// The athletes' flag URLs are resolved against the flags set (see FlagURL).
			s.flagCodes = parseFlagCodes(files)
			changes = append(changes, h.redecodeFOPsLocked(s)...)
		}
		return changes
	})
}

// indexAssets maps each file's lower-cased name without its extension to the name, so boards
// can find a picture by membership number or a flag by team name whatever its format.
func indexAssets(files []AssetFile) map[string]string {
	m := make(map[string]string, len(files))
	for _, f := range files {
		base := path.Base(f.Name)
		stem := strings.ToLower(strings.TrimSuffix(base, path.Ext(base)))
		if prev, ok := m[stem]; !ok || f.Name < prev { // deterministic when two formats exist
			m[stem] = f.Name
		}
	}
	return m
}

// FindAsset returns the name of the file of kind whose name without extension is stem
// (case-insensitive), e.g. the picture "2001003.jpg" of membership "2001003".
func (s *Snapshot) FindAsset(kind AssetKind, stem string) (string, bool) {
	if stem == "" {
		return "", false
	}
	name, ok := s.assetIndex[kind][strings.ToLower(stem)]
	return name, ok
}
