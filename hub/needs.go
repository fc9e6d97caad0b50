package hub

import (
	"slices"
)

// Resource is something only OWLCMS can send, named exactly as OWLCMS registers its 428
// callbacks ("missing" entries of a 428 reply).
type Resource string

// The resources OWLCMS can be asked for.
const (
	ResourceDatabase     Resource = "database"
	ResourceTranslations Resource = "translations_zip"
	ResourceFlags        Resource = "flags_zip"
	ResourceLogos        Resource = "logos_zip"
	ResourcePictures     Resource = "pictures_zip"
)

// Need is a resource the hub lacks. Gen changes each time the need arises anew (for example a
// new database checksum announced by OWLCMS), so the adapter can ask once per need and per
// connection instead of on every message: each request makes OWLCMS re-export everything.
type Need struct {
	Resource Resource
	Gen      uint64
}

// Needs lists what the hub lacks, in a stable order.
func (h *Hub) Needs() []Need {
	h.mu.Lock()
	defer h.mu.Unlock()
	out := make([]Need, 0, len(h.needGen))
	for r, g := range h.needGen {
		out = append(out, Need{Resource: r, Gen: g})
	}
	slices.SortFunc(out, func(a, b Need) int { return resourceOrder(a.Resource) - resourceOrder(b.Resource) })
	return out
}

// Want declares that a board needs an optional resource (flags, logos, pictures). The adapter
// asks OWLCMS for it once it is listed by Needs.
func (h *Hub) Want(r Resource) {
	h.mu.Lock()
	if h.wanted[r] {
		h.mu.Unlock()
		return
	}
	h.wanted[r] = true
	h.mu.Unlock()
	h.update(func(s *Snapshot) []Change {
		// refreshNeedsLocked (run by update) adds the ChangeNeeds notice when the set changed.
		s.StatusVersion = h.nextVersion()
		return []Change{{Kind: ChangeStatus, Version: s.StatusVersion}}
	})
}

func resourceOrder(r Resource) int {
	switch r {
	case ResourceDatabase:
		return 0
	case ResourceTranslations:
		return 1
	case ResourceFlags:
		return 2
	case ResourceLogos:
		return 3
	case ResourcePictures:
		return 4
	}
	return 5
}

// missingLocked computes which resources s lacks.
func (h *Hub) missingLocked(s *Snapshot) []Resource {
	var out []Resource
	if s.Database == nil || (h.wantChecksum != "" && h.wantChecksum != s.Database.Checksum) {
		out = append(out, ResourceDatabase)
	}
	if s.Translations == nil || len(s.Translations.Locales) == 0 {
		out = append(out, ResourceTranslations)
	}
	// Flags, logos and pictures are asked for only once a board that shows them is open:
	// each request makes OWLCMS zip and send the whole set again.
	if _, loaded := s.Assets[AssetFlags]; h.wanted[ResourceFlags] && !loaded {
		out = append(out, ResourceFlags)
	}
	if _, loaded := s.Assets[AssetLogos]; h.wanted[ResourceLogos] && !loaded {
		out = append(out, ResourceLogos)
	}
	if _, loaded := s.Assets[AssetPictures]; h.wanted[ResourcePictures] && !loaded {
		out = append(out, ResourcePictures)
	}
	return out
}

// refreshNeedsLocked brings needGen in line with s and reports whether the set changed.
func (h *Hub) refreshNeedsLocked(s *Snapshot) bool {
	missing := h.missingLocked(s)
	changed := false
	for r := range h.needGen {
		if !slices.Contains(missing, r) {
			delete(h.needGen, r)
			changed = true
		}
	}
	for _, r := range missing {
		if _, ok := h.needGen[r]; !ok {
			h.needGen[r] = h.nextVersion()
			changed = true
		}
	}
	return changed
}

// announceChecksumLocked handles a databaseChecksum announced in a SwitchGroup or GroupDone
// update: a checksum that differs from the loaded database raises a fresh database need.
func (h *Hub) announceChecksumLocked(s *Snapshot, checksum string) {
	if checksum == "" || checksum == h.wantChecksum {
		return
	}
	if s.Database != nil && s.Database.Checksum == checksum {
		h.wantChecksum = ""
		return
	}
	h.wantChecksum = checksum
	delete(h.needGen, ResourceDatabase) // a new generation: ask again, once
}
