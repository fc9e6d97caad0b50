package events

import (
	"context"
	"encoding/json"
	"net/http"
	"sync"
	"time"

	"github.com/owlcms/tracker/hub"
)

// EventState is the automation feed's one event: a platform's state changed (docs/automation.md).
const EventState = "state"

// Feed is the broadcast automation feed: each platform's state (hub.PlatformState), sent as
// one-line JSON whenever it changes, on a broker of its own so that no board viewer receives
// it. A tool that connects hears the current state at once (Options.OnSubscribe) and every
// change after; the global stream carries every platform's.
type Feed struct {
	b *Broker

	mu   sync.Mutex
	last map[string]FeedState // the state each platform is in
}

// FeedState is what the feed says of a platform: its state, the one before, and the two in
// the words rules match on (hub.PlatformState.Word and OWLCMS's OBS monitor title).
type FeedState struct {
	hub.PlatformState
	Previous hub.PlatformState `json:"previous"`
	Word     string            `json:"word"`
	Title    string            `json:"title"`
	Since    time.Time         `json:"since"`
}

// NewFeed returns a feed; run it with Run, serve it with ServeStream, stop it with Close.
func NewFeed(o Options) *Feed {
	f := &Feed{last: map[string]FeedState{}}
	o.OnSubscribe = f.announce
	f.b = New(o)
	return f
}

// Run follows the hub until ctx is done: every platform change that changes a platform's state
// is published.
func (f *Feed) Run(ctx context.Context, h *hub.Hub) {
	sub := h.Subscribe()
	defer sub.Close()
	f.b.safely("feed", func() { f.update(h.Snapshot(), time.Now()) })
	f.b.follow(ctx, sub, func([]hub.Change) { f.update(h.Snapshot(), time.Now()) })
}

// update publishes the platforms whose state differs from the last one published.
func (f *Feed) update(s *hub.Snapshot, now time.Time) {
	for _, name := range s.FOPNames() {
		st := s.FOP(name).PlatformState(name)
		f.mu.Lock()
		old, seen := f.last[name]
		changed := !seen || old.PlatformState != st
		if changed {
			prev := old.PlatformState
			if !seen {
				prev = (*hub.FOP)(nil).PlatformState(name)
			}
			f.last[name] = FeedState{PlatformState: st, Previous: prev, Word: st.Word(), Title: st.MonitorTitle(prev), Since: now}
		}
		cur := f.last[name]
		f.mu.Unlock()
		if changed {
			f.b.Ensure(name)
			f.publish(name, cur)
		}
	}
}

func (f *Feed) publish(fop string, st FeedState) {
	data, err := json.Marshal(st) // one line: encoding/json escapes line breaks in strings
	if err != nil {
		return
	}
	f.b.PublishData(fop, EventState, string(data))
	f.b.PublishData("", EventState, string(data))
}

// announce tells a stream that a viewer just joined the state it is in: that platform's, or
// every platform's for the global stream. The others hear it again, which changes nothing.
func (f *Feed) announce(fop string) {
	f.mu.Lock()
	var out []FeedState
	for name, st := range f.last {
		if fop == "" || name == fop {
			out = append(out, st)
		}
	}
	f.mu.Unlock()
	for _, st := range out {
		data, err := json.Marshal(st)
		if err == nil {
			f.b.PublishData(fop, EventState, string(data))
		}
	}
}

// State is the state the feed last published for a platform, false when it knows none.
func (f *Feed) State(fop string) (FeedState, bool) {
	f.mu.Lock()
	defer f.mu.Unlock()
	st, ok := f.last[fop]
	return st, ok
}

// ServeStream serves the feed of a platform ("" = every platform's) as Broker.ServeStream does.
func (f *Feed) ServeStream(w http.ResponseWriter, r *http.Request, fop string) {
	f.b.ServeStream(w, r, fop)
}

// Close ends the feed's streams (Broker.Close).
func (f *Feed) Close(ctx context.Context) error { return f.b.Close(ctx) }
