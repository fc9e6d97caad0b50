package hub

import (
	"fmt"
	"maps"
	"slices"
)

// ReplaceAssetsZip replaces the whole set of one asset kind with the files of a ZIP (flags_zip,
// logos_zip, pictures_zip) and returns the number of files. A bad archive (corrupt, unsafe
// names, over the limits) is refused with an error wrapping ErrBadPayload and the previous set is
// kept. A successful load, even of an empty archive, marks the kind loaded.
func (h *Hub) ReplaceAssetsZip(kind AssetKind, zipData []byte) (int, error) {
	if !slices.Contains(AssetKinds, kind) {
		return 0, fmt.Errorf("%w: unknown asset kind %q", ErrBadPayload, kind)
	}
	// Decompress before taking any lock: it is the slow part.
	files, err := ReadZip(zipData, h.limits.Zip)
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
	h.update(func(s *Snapshot) []Change {
		// Copy, never mutate: older snapshots share the previous map.
		counts := make(map[AssetKind]int, len(s.Assets)+1)
		maps.Copy(counts, s.Assets)
		counts[kind] = len(files) // a present key, even 0, means "loaded"
		s.Assets = counts
		s.AssetsVersion = h.nextVersion()
		return []Change{{Kind: ChangeAssets, Version: s.AssetsVersion}}
	})
	h.log.Info("assets loaded", "kind", kind, "count", len(files), "bytes", total)
	return len(files), nil
}
