package replica

import (
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"runtime/debug"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/owlcms/tracker/internal/defaults"

	"github.com/nats-io/nats.go/jetstream"

	"github.com/owlcms/tracker/hub"
)

// FollowerOptions configure a Follower. The zero value is usable.
type FollowerOptions struct {
	Stream string // default DefaultStream
	Prefix string // default DefaultPrefix
	Logger *slog.Logger
	// Retry is the wait before following again after the stream was missing or NATS failed
	// (default 1 s).
	Retry time.Duration
	// OnApplied, if set, is called after each message was applied, with its subject and the
	// ingest's reception time (zero for state re-published without one). For measurements.
	OnApplied func(subject string, at time.Time)
	// StreamCheck is how often the stream is checked for having been created anew (NATS
	// restarted without its storage), default 2 s.
	StreamCheck time.Duration
}

func (o FollowerOptions) withDefaults() FollowerOptions {
	o.Stream = cmp.Or(o.Stream, DefaultStream)
	o.Prefix = cmp.Or(o.Prefix, DefaultPrefix)
	o.Logger = cmp.Or(o.Logger, slog.Default())
	o.Retry = defaults.Positive(o.Retry, time.Second)
	o.StreamCheck = defaults.Positive(o.StreamCheck, 2*time.Second)
	return o
}

// Follower is the replica's side: it applies what the ingest published to its own hub.
type Follower struct {
	h    *hub.Hub
	js   jetstream.JetStream
	o    FollowerOptions
	subj subjects

	mu     sync.Mutex
	status Status
}

// NewFollower prepares a follower of the stream for h; Run does the following.
func NewFollower(h *hub.Hub, js jetstream.JetStream, o FollowerOptions) *Follower {
	o = o.withDefaults()
	return &Follower{h: h, js: js, o: o, subj: subjects{o.Prefix}}
}

// Run follows the stream until ctx ends: first the last message of every subject, in stream
// order (which rebuilds the ingest's state), then each new one. A missing stream (no ingest
// has started yet) or a lost NATS is retried; the hub keeps its state meanwhile.
func (f *Follower) Run(ctx context.Context) {
	for ctx.Err() == nil {
		err := f.follow(ctx)
		if ctx.Err() != nil {
			break
		}
		f.mu.Lock()
		f.status.Following = false
		if err != nil {
			f.status.LastError = err.Error()
		}
		f.mu.Unlock()
		f.o.Logger.Warn("replica: not following the ingest's stream, retrying", "stream", f.o.Stream, "error", err)
		select {
		case <-ctx.Done():
		case <-time.After(f.o.Retry):
		}
	}
	f.mu.Lock()
	f.status.Following = false
	f.mu.Unlock()
}

func (f *Follower) follow(ctx context.Context) (err error) {
	defer func() {
		if r := recover(); r != nil {
			f.o.Logger.Error("replica follower: panic", "panic", r, "stack", string(debug.Stack()))
			err = fmt.Errorf("panic: %v", r)
		}
	}()
	st, err := f.js.Stream(ctx, f.o.Stream)
	if err != nil {
		return err
	}
	created := st.CachedInfo().Created
	// The cursor lives in this consumer: once it has delivered, an ordered consumer that loses
	// its server-side half re-creates it from the next stream sequence, never from the start.
	cons, err := f.js.OrderedConsumer(ctx, f.o.Stream, jetstream.OrderedConsumerConfig{
		FilterSubjects: []string{f.subj.all()},
		DeliverPolicy:  jetstream.DeliverLastPerSubjectPolicy,
	})
	if err != nil {
		return err
	}
	it, err := cons.Messages()
	if err != nil {
		return err
	}
	stop := context.AfterFunc(ctx, it.Stop)
	defer stop()
	defer it.Stop()
	var reset atomic.Bool
	watchDone := make(chan struct{})
	var watch sync.WaitGroup
	watch.Go(func() {
		if f.watchStream(ctx, created, watchDone) {
			reset.Store(true)
			it.Stop()
		}
	})
	defer watch.Wait()
	defer close(watchDone)
	f.mu.Lock()
	f.status.Following, f.status.LastError = true, ""
	f.mu.Unlock()
	f.o.Logger.Info("replica: following the ingest", "stream", f.o.Stream)
	for {
		msg, err := it.Next()
		if err != nil {
			if reset.Load() {
				return errStreamAnew
			}
			if errors.Is(err, jetstream.ErrMsgIteratorClosed) {
				return nil
			}
			return err
		}
		f.handle(msg)
	}
}

var errStreamAnew = errors.New("the stream was created anew (NATS lost its storage): reading it from the start")

// watchStream reports whether the stream was deleted or created anew, until done is closed.
// An ordered consumer resumes from the next sequence it expects; a stream created anew
// numbers from 1 again, so the consumer would wait for sequences already passed and miss
// the state the ingest re-published.
func (f *Follower) watchStream(ctx context.Context, created time.Time, done <-chan struct{}) (anew bool) {
	defer func() {
		if r := recover(); r != nil {
			f.o.Logger.Error("replica stream watch: panic", "panic", r, "stack", string(debug.Stack()))
		}
	}()
	tick := time.NewTicker(f.o.StreamCheck)
	defer tick.Stop()
	for {
		select {
		case <-done:
			return false
		case <-ctx.Done():
			return false
		case <-tick.C:
		}
		cctx, cancel := context.WithTimeout(ctx, f.o.StreamCheck)
		st, err := f.js.Stream(cctx, f.o.Stream)
		cancel()
		switch {
		case errors.Is(err, jetstream.ErrStreamNotFound):
			return true
		case err != nil:
			continue // NATS unreachable: nothing to tell yet
		case !st.CachedInfo().Created.Equal(created):
			return true
		}
	}
}

// handle applies one message. A message that does not apply is logged and skipped: the next
// message of its subject replaces it anyway.
func (f *Follower) handle(msg jetstream.Msg) {
	subject := msg.Subject()
	at := headerTime(msg.Headers().Get(headerAt))
	err := f.apply(subject, msg.Headers().Get(headerEncoding), msg.Headers().Get(headerChecksum), msg.Data(), at)
	now := time.Now()
	var pending uint64
	if md, mdErr := msg.Metadata(); mdErr == nil {
		pending = md.NumPending
	}
	f.mu.Lock()
	f.status.Applied++
	f.status.CaughtUp = f.status.CaughtUp || pending == 0
	if err != nil {
		f.status.LastError = fmt.Sprintf("%s: %v", subject, err)
	}
	if !at.IsZero() {
		f.status.LastFrameAt, f.status.Lag = at, now.Sub(at)
	}
	f.mu.Unlock()
	if err != nil {
		f.o.Logger.Warn("replica: message not applied", "subject", subject, "error", err)
	}
	if f.o.OnApplied != nil {
		f.o.OnApplied(subject, at)
	}
}

func (f *Follower) apply(subject, encoding, checksum string, data []byte, at time.Time) error {
	rest, ok := strings.CutPrefix(subject, f.o.Prefix+".")
	if !ok {
		return fmt.Errorf("not a subject of prefix %q", f.o.Prefix)
	}
	b, err := body(data, encoding)
	if err != nil {
		return err
	}
	parts := strings.Split(rest, ".")
	switch {
	case len(parts) == 1 && parts[0] == kindDatabase:
		_, err = f.h.LoadDatabaseJSON(b, checksum)
	case len(parts) == 1 && parts[0] == kindTranslations:
		_, err = f.h.LoadTranslationsJSON(b)
	case len(parts) == 2 && parts[0] == kindAssets:
		var kind string
		if kind, err = untoken(parts[1]); err == nil {
			_, err = f.h.ReplaceAssetsZip(hub.AssetKind(kind), b)
		}
	case len(parts) == 3 && parts[0] == kindFOP:
		_, err = f.h.ApplyAt(hub.MessageType(parts[2]), b, at)
	case len(parts) == 1 && parts[0] == kindCheckpoint:
		var cp hub.Checkpoint
		if cp, err = decodeCheckpoint(b); err == nil {
			err = f.h.Restore(cp)
		}
	case len(parts) == 1 && parts[0] == kindHeartbeat:
		var hb heartbeat
		if err = json.Unmarshal(b, &hb); err == nil {
			f.mu.Lock()
			f.status.IngestSeenAt, f.status.beatEvery, f.status.OWLCMSConnected = hb.At, hb.Every, hb.Sources > 0
			f.status.heardAt = time.Now()
			f.mu.Unlock()
		}
	default:
		err = errors.New("unknown subject")
	}
	return err
}
