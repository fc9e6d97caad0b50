package hub

import (
	"slices"
	"strings"
	"sync"
	"time"
)

// Refusal is something the tracker refused or gave up on, kept for the status page in plain
// words: a wrong update key, a frame above the read limit, a resource OWLCMS never sent when
// asked, a connection over the cap. The adapter reports them; the hub only keeps them, so the
// status page can say why boards lack something without anyone reading the log.
type Refusal struct {
	// Key identifies the refusal, so a repeated one updates its line instead of adding one:
	// "auth", "connections", "too-big:pictures_zip", "unanswered:logos_zip"...
	Key string
	// Resource is the resource concerned, "" when the refusal is about a connection.
	Resource Resource
	// Reason says what happened and what to do, in plain words.
	Reason string
	At     time.Time // the last time it happened
	Count  int       // how many times it happened
}

// refusalLog is the set of refusals. The zero value is ready to use. It has its own lock:
// refusals are reported from connection goroutines that must not wait on snapshot updates.
type refusalLog struct {
	mu sync.Mutex
	m  map[string]Refusal
}

// maxRefusals bounds the set: keys come from a fixed list in the adapter, but a bug there
// must not grow the status page without limit.
const maxRefusals = 64

// ReportRefusal records r (At defaults to now). The status page is told when the line is new
// or its reason changed; a mere repeat only updates the count.
func (h *Hub) ReportRefusal(r Refusal) {
	if r.At.IsZero() {
		r.At = h.now()
	}
	h.refusals.mu.Lock()
	if h.refusals.m == nil {
		h.refusals.m = map[string]Refusal{}
	}
	prev, seen := h.refusals.m[r.Key]
	if !seen && len(h.refusals.m) >= maxRefusals {
		h.refusals.mu.Unlock()
		return
	}
	r.Count = prev.Count + 1
	h.refusals.m[r.Key] = r
	h.refusals.mu.Unlock()
	if !seen || prev.Reason != r.Reason {
		h.bumpStatus()
	}
}

// ClearRefusal forgets the refusal with that key (the problem is solved: the key is right
// now, the resource arrived).
func (h *Hub) ClearRefusal(key string) {
	h.refusals.mu.Lock()
	_, seen := h.refusals.m[key]
	delete(h.refusals.m, key)
	h.refusals.mu.Unlock()
	if seen {
		h.bumpStatus()
	}
}

// Refusals returns the current refusals, sorted by key.
func (h *Hub) Refusals() []Refusal {
	h.refusals.mu.Lock()
	out := make([]Refusal, 0, len(h.refusals.m))
	for _, r := range h.refusals.m {
		out = append(out, r)
	}
	h.refusals.mu.Unlock()
	slices.SortFunc(out, func(a, b Refusal) int { return strings.Compare(a.Key, b.Key) })
	return out
}

func (h *Hub) bumpStatus() {
	h.update(func(s *Snapshot) []Change {
		s.StatusVersion = h.nextVersion()
		return []Change{{Kind: ChangeStatus, Version: s.StatusVersion}}
	})
}
