// Package hub owns the competition state that OWLCMS pushes: the database, the translations,
// the live state of every platform (FOP) and the assets (flags, logos, pictures, styles).
//
// The hub imports nothing web. Writers (the OWLCMS adapter in hub/owlcms, the demo) call typed
// methods; every mutation is serialised by one mutex and publishes a new immutable Snapshot.
// Readers (boards, status) take Snapshot() without locking and never mutate what they get.
// Changes are announced to subscribers with per-kind version numbers, coalesced so that the
// latest state is always delivered and ingest never blocks on a slow reader.
package hub

import (
	"cmp"
	"log/slog"
	"slices"
	"sync"
	"sync/atomic"
	"time"
)

// Options configure a Hub. The zero value is usable: memory asset storage, the default logger,
// the real clock and default limits.
type Options struct {
	Logger *slog.Logger
	Now    func() time.Time
	Assets AssetStore
	Limits Limits
}

// Limits bound what a peer can make the hub hold.
type Limits struct {
	MaxFOPs    int       // distinct platforms kept (default 64)
	MaxLocales int       // locales kept from one translations set (default 200)
	Zip        ZipLimits // ZIP extraction caps
}

func (l Limits) withDefaults() Limits {
	if l.MaxFOPs <= 0 {
		l.MaxFOPs = 64
	}
	if l.MaxLocales <= 0 {
		l.MaxLocales = 200
	}
	l.Zip = l.Zip.withDefaults()
	return l
}

// Hub is the in-memory competition state. Create it with New.
type Hub struct {
	log    *slog.Logger
	now    func() time.Time
	assets AssetStore
	limits Limits

	mu sync.Mutex // serialises every mutation; never held while calling out
	// assetMu keeps "store.Replace, then publish the count" atomic across concurrent loads, so
	// the published count always describes the set the store holds. Not mu: Replace may write
	// to disk, and mu is never held while calling out.
	assetMu sync.Mutex
	snap    atomic.Pointer[Snapshot]
	subs    map[*Subscription]struct{}

	// resource bookkeeping, guarded by mu
	needGen      map[Resource]uint64 // generation of each outstanding need
	wanted       map[Resource]bool   // resources some board asked for (flags, logos, pictures)
	wantChecksum string              // database checksum announced by OWLCMS and not yet loaded
	dbRawHash    string              // hash of the last database JSON, to skip identical re-sends
	nextSource   uint64
	versionSeq   uint64 // one sequence for every version number, so versions never repeat

	refusals refusalLog // what the adapter refused, for the status page (resource_failures.go)
}

// New creates an empty hub.
func New(o Options) *Hub {
	h := &Hub{
		log:     o.Logger,
		now:     o.Now,
		assets:  o.Assets,
		limits:  o.Limits.withDefaults(),
		subs:    map[*Subscription]struct{}{},
		needGen: map[Resource]uint64{},
		wanted:  map[Resource]bool{},
	}
	if h.log == nil {
		h.log = slog.Default()
	}
	if h.now == nil {
		h.now = time.Now
	}
	if h.assets == nil {
		h.assets = NewMemoryStore()
	}
	s := &Snapshot{FOPs: map[string]*FOP{}, Translations: emptyTranslations}
	h.snap.Store(s)
	h.mu.Lock()
	h.refreshNeedsLocked(s)
	h.mu.Unlock()
	return h
}

// Snapshot returns the current immutable state. It never blocks.
func (h *Hub) Snapshot() *Snapshot { return h.snap.Load() }

// Assets returns the asset store, for serving /local/<kind>/<name>.
func (h *Hub) Assets() AssetStore { return h.assets }

// Snapshot is one consistent, immutable view of the hub. Never mutate it or anything it points to.
type Snapshot struct {
	Database            *Database // nil until a database was loaded
	DatabaseVersion     uint64
	Translations        *Translations // never nil
	TranslationsVersion uint64
	FOPs                map[string]*FOP // keyed by platform name
	Assets              map[AssetKind]int
	AssetsVersion       uint64
	assetIndex          map[AssetKind]map[string]string // see FindAsset
	flagCodes           map[string]string               // lower-cased team name → flag code, from flags_zip (see FlagURL)

	Sources         []Source       // OWLCMS connections, oldest first
	ProtocolVersion string         // last accepted OWLCMS protocol version
	ProtocolError   *ProtocolError // latched until a valid frame arrives
	LastMessageAt   time.Time
	StatusVersion   uint64
	// Restored is set when the state was read back from a checkpoint at start-up (nil
	// otherwise); OWLCMS has spoken since when LastMessageAt is after Restored.At.
	Restored *Restored
}

// FOP returns the live state of a platform, or nil when nothing was received for it.
func (s *Snapshot) FOP(name string) *FOP { return s.FOPs[name] }

// FOPNames lists the platforms: those of the database first (in database order), then any
// other platform OWLCMS sent live data for, sorted.
func (s *Snapshot) FOPNames() []string {
	var names []string
	seen := map[string]bool{}
	if s.Database != nil {
		for _, p := range s.Database.Platforms {
			if p.Name != "" && !seen[p.Name] {
				seen[p.Name] = true
				names = append(names, p.Name)
			}
		}
	}
	var extra []string
	for n := range s.FOPs {
		if !seen[n] {
			extra = append(extra, n)
		}
	}
	slices.Sort(extra)
	return append(names, extra...)
}

// Source is one OWLCMS connection as the status page shows it.
type Source struct {
	ID            uint64
	Remote        string
	Path          string
	ConnectedAt   time.Time
	LastMessageAt time.Time
	LastPingAt    time.Time
	Messages      uint64
}

// ProtocolError is a rejected OWLCMS protocol version, latched for the status page.
type ProtocolError struct {
	At       time.Time
	Received string
	Minimum  string
	Reason   string
	Source   string // "text" or "binary"
}

// update applies f to a copy of the current snapshot under the lock and publishes it.
// f returns the changes to announce; a nil slice publishes nothing.
func (h *Hub) update(f func(s *Snapshot) []Change) []Change {
	h.mu.Lock()
	defer h.mu.Unlock()
	cur := h.snap.Load()
	next := *cur
	changes := f(&next)
	if len(changes) == 0 {
		return nil
	}
	if h.refreshNeedsLocked(&next) {
		changes = append(changes, Change{Kind: ChangeNeeds, Version: h.nextVersion()})
	}
	h.snap.Store(&next)
	h.notifyLocked(changes)
	return changes
}

// nextVersion returns a fresh version number, unique across all kinds.
func (h *Hub) nextVersion() uint64 {
	h.versionSeq++
	return h.versionSeq
}

// SourceConnected records a new OWLCMS connection and returns its id.
func (h *Hub) SourceConnected(remote, path string) uint64 {
	var id uint64
	h.update(func(s *Snapshot) []Change {
		h.nextSource++
		id = h.nextSource
		s.Sources = append(slices.Clone(s.Sources), Source{ID: id, Remote: remote, Path: path, ConnectedAt: h.now()})
		s.StatusVersion = h.nextVersion()
		return []Change{{Kind: ChangeStatus, Version: s.StatusVersion}}
	})
	h.log.Debug("owlcms connected", "source", id, "remote", remote, "path", path)
	return id
}

// SourceDisconnected forgets a connection. The competition state is kept: closing one
// connection never wipes anything.
func (h *Hub) SourceDisconnected(id uint64) {
	h.update(func(s *Snapshot) []Change {
		i := slices.IndexFunc(s.Sources, func(src Source) bool { return src.ID == id })
		if i < 0 {
			return nil
		}
		s.Sources = slices.Delete(slices.Clone(s.Sources), i, i+1)
		s.StatusVersion = h.nextVersion()
		return []Change{{Kind: ChangeStatus, Version: s.StatusVersion}}
	})
	h.log.Debug("owlcms disconnected", "source", id)
}

// SourcePing records a ping from OWLCMS. It announces nothing: pings are frequent and only
// the status page reads them.
func (h *Hub) SourcePing(id uint64) {
	h.touchSource(id, func(src *Source) { src.LastPingAt = h.now() })
}

// SourceMessage records that a frame arrived on a connection.
func (h *Hub) SourceMessage(id uint64) {
	h.touchSource(id, func(src *Source) {
		src.LastMessageAt = h.now()
		src.Messages++
	})
}

func (h *Hub) touchSource(id uint64, f func(*Source)) {
	h.mu.Lock()
	defer h.mu.Unlock()
	cur := h.snap.Load()
	i := slices.IndexFunc(cur.Sources, func(src Source) bool { return src.ID == id })
	if i < 0 {
		return
	}
	next := *cur
	next.Sources = slices.Clone(cur.Sources)
	f(&next.Sources[i])
	if !next.Sources[i].LastMessageAt.IsZero() {
		next.LastMessageAt = next.Sources[i].LastMessageAt
	}
	h.snap.Store(&next)
}

// ReportProtocolError latches a protocol version failure for the status page.
func (h *Hub) ReportProtocolError(pe ProtocolError) {
	if pe.At.IsZero() {
		pe.At = h.now()
	}
	h.update(func(s *Snapshot) []Change {
		s.ProtocolError = &pe
		s.StatusVersion = h.nextVersion()
		return []Change{{Kind: ChangeStatus, Version: s.StatusVersion}}
	})
	h.log.Warn("owlcms protocol error", "received", pe.Received, "minimum", pe.Minimum, "reason", pe.Reason, "source", pe.Source)
}

// ProtocolOK records an accepted protocol version and clears a latched error.
func (h *Hub) ProtocolOK(version string) {
	cur := h.snap.Load()
	if cur.ProtocolError == nil && cur.ProtocolVersion == version {
		return
	}
	h.update(func(s *Snapshot) []Change {
		if s.ProtocolError == nil && s.ProtocolVersion == version {
			return nil
		}
		s.ProtocolError = nil
		s.ProtocolVersion = version
		s.StatusVersion = h.nextVersion()
		return []Change{{Kind: ChangeStatus, Version: s.StatusVersion}}
	})
}

// sortedChanges orders changes for deterministic delivery.
func sortedChanges(m map[changeKey]uint64) []Change {
	out := make([]Change, 0, len(m))
	for k, v := range m {
		out = append(out, Change{Kind: k.kind, FOP: k.fop, Version: v})
	}
	slices.SortFunc(out, func(a, b Change) int {
		return cmp.Or(cmp.Compare(a.Kind, b.Kind), cmp.Compare(a.FOP, b.FOP))
	})
	return out
}
