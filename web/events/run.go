package events

import (
	"context"
	"time"

	"github.com/owlcms/tracker/hub"
)

// Run turns the hub's change notices into events until ctx is done, and sends the heartbeat.
// It runs in its own goroutine, never in the OWLCMS read loop, so a slow stream cannot hold up
// ingest (and Publish never blocks anyway).
func (b *Broker) Run(ctx context.Context, h *hub.Hub) {
	// Subscribe before reading the snapshot: a platform that appears in between is announced.
	sub := h.Subscribe()
	defer sub.Close()
	snap := h.Snapshot()
	for _, fop := range snap.FOPNames() {
		b.ensure(fop)
	}
	linked := len(snap.Sources) > 0
	b.follow(ctx, sub, func(changes []hub.Change) {
		b.apply(changes)
		linked = b.announceLink(h.Snapshot(), linked, changes)
	})
}

// follow calls onChange with each batch of the subscription's changes, and sends the
// heartbeat, until ctx is done. A panic in either is logged and the loop goes on.
func (b *Broker) follow(ctx context.Context, sub *hub.Subscription, onChange func([]hub.Change)) {
	tick := time.NewTicker(b.opts.Heartbeat)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-sub.C():
			b.safely("change", func() { onChange(sub.Take()) })
		case <-tick.C:
			b.safely("heartbeat", b.heartbeat)
		}
	}
}

// apply maps hub changes to events. A platform whose data and live parts both changed in one
// batch (an update that moves the order and the clock) gets the data event alone: every
// element that follows live events follows data events too (components.TriggerLive), so a
// second event would only make each page ask again for what its first request brought.
func (b *Broker) apply(changes []hub.Change) {
	var dataChanged map[string]bool
	for _, c := range changes {
		if c.Kind == hub.ChangeFOPData {
			if dataChanged == nil {
				dataChanged = map[string]bool{}
			}
			dataChanged[c.FOP] = true
		}
	}
	for _, c := range changes {
		switch c.Kind {
		case hub.ChangeFOPData:
			if b.ensure(c.FOP) {
				b.Publish(c.FOP, EventData, c.Version)
			}
		case hub.ChangeFOPLive:
			if !dataChanged[c.FOP] && b.ensure(c.FOP) {
				b.Publish(c.FOP, EventLive, c.Version)
			}
		case hub.ChangeDatabase, hub.ChangeTranslations, hub.ChangeAssets:
			b.PublishAll(EventReload, c.Version)
		case hub.ChangeStatus, hub.ChangeNeeds:
			// No page follows the status: it changes with every OWLCMS message (a clock tick
			// included), and an event to every viewer each time would cost bytes and wake-ups
			// for nothing. Boards follow the connection itself (EventLink, announceLink); the
			// status page refreshes on its own. ChangeNeeds only the OWLCMS adapter reads.
		}
	}
}

// announceLink sends EventLink to every stream when the status changes say an OWLCMS
// connection came or went (whether any is connected flipped), and returns the new state. Status
// changes come with every OWLCMS message: boards must not refetch their marker for each.
func (b *Broker) announceLink(s *hub.Snapshot, was bool, changes []hub.Change) bool {
	now := len(s.Sources) > 0
	if now == was {
		return was
	}
	var v uint64 // the event's token: the status version that carried the change
	for _, c := range changes {
		if c.Kind == hub.ChangeStatus {
			v = c.Version
		}
	}
	b.PublishAll(EventLink, v)
	return now
}

// ensure is Ensure for the hub's platforms, which should always get a stream: a refusal means
// MaxStreams is below the hub's platform limit or viewers used up the slots. A new platform
// is announced on the global stream (EventReload), where the pages opened before their
// platform existed are listening: they then reload onto the platform's own stream.
func (b *Broker) ensure(fop string) bool {
	if fop == "" {
		return false
	}
	b.mu.Lock()
	existed := b.streams[StreamFor(fop)] != nil
	b.mu.Unlock()
	ok := b.Ensure(fop)
	if ok && !existed {
		b.nextPlatform++
		b.Publish("", EventReload, b.nextPlatform)
	}
	if !ok && !b.isClosed() {
		b.log.Warn("no sse stream for platform: MaxStreams reached", "fop", fop, "max", b.opts.MaxStreams)
	}
	return ok
}

// safely runs one iteration of Run, so that a panic is logged instead of ending live updates.
func (b *Broker) safely(what string, f func()) {
	defer func() {
		if p := recover(); p != nil {
			b.log.Error("sse broker panicked, continuing", "in", what, "panic", p)
		}
	}()
	f()
}
