package hub

import "sync"

// ChangeKind says which part of the state changed. Boards cache on (kind, FOP, version): the
// slow part (athletes, order, records) and the fast part (clock, lights, mode) of a platform
// have separate versions, so a clock start never invalidates the athlete grid.
type ChangeKind uint8

// The kinds of change a subscriber is told about.
const (
	ChangeDatabase     ChangeKind = iota + 1 // the competition database was (re)loaded
	ChangeTranslations                       // the translations were (re)loaded
	ChangeAssets                             // a set of flags, logos, pictures or styles was replaced
	ChangeFOPData                            // a platform's athletes, order, records or session changed
	ChangeFOPLive                            // a platform's clock, decision, mode or break changed
	ChangeStatus                             // connection or protocol status changed
	ChangeNeeds                              // the set of resources to request from OWLCMS changed
)

var changeNames = [...]string{"", "database", "translations", "assets", "fop-data", "fop-live", "status", "needs"}

func (k ChangeKind) String() string {
	if int(k) < len(changeNames) {
		return changeNames[k]
	}
	return "unknown"
}

// Change announces a new version of one part of the state. FOP is set for the FOP kinds.
type Change struct {
	Kind    ChangeKind
	FOP     string
	Version uint64
}

type changeKey struct {
	kind ChangeKind
	fop  string
}

// Subscription receives coalesced change notices. Wait on C(), then call Take(). Changes that
// pile up between two Takes are merged per (kind, FOP), keeping the newest version, so nothing
// is ever dropped and the hub never waits for the subscriber.
type Subscription struct {
	h       *Hub
	signal  chan struct{}
	mu      sync.Mutex
	pending map[changeKey]uint64
}

// Subscribe registers a new subscription. Call Close when done.
func (h *Hub) Subscribe() *Subscription {
	s := &Subscription{h: h, signal: make(chan struct{}, 1), pending: map[changeKey]uint64{}}
	h.mu.Lock()
	h.subs[s] = struct{}{}
	h.mu.Unlock()
	return s
}

// C is signalled (at most one pending signal) when Take has something new.
func (s *Subscription) C() <-chan struct{} { return s.signal }

// Take returns and clears the pending changes, ordered by kind then FOP.
func (s *Subscription) Take() []Change {
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(s.pending) == 0 {
		return nil
	}
	out := sortedChanges(s.pending)
	clear(s.pending)
	return out
}

// Close unregisters the subscription. Further changes are not recorded.
func (s *Subscription) Close() {
	s.h.mu.Lock()
	delete(s.h.subs, s)
	s.h.mu.Unlock()
}

// notifyLocked records changes for every subscriber and wakes them without blocking.
// Called with h.mu held.
func (h *Hub) notifyLocked(changes []Change) {
	for s := range h.subs {
		s.mu.Lock()
		for _, c := range changes {
			k := changeKey{c.Kind, c.FOP}
			if c.Version > s.pending[k] {
				s.pending[k] = c.Version
			}
		}
		s.mu.Unlock()
		select {
		case s.signal <- struct{}{}:
		default: // a wake-up is already pending; the subscriber will see the merged changes
		}
	}
}
