package replica

import (
	"bytes"
	"cmp"
	"context"
	"fmt"
	"log/slog"
	"runtime/debug"
	"sync"
	"time"

	"github.com/owlcms/tracker/internal/defaults"

	"github.com/nats-io/nats.go/jetstream"

	"github.com/owlcms/tracker/hub"
)

// PublisherOptions configure a Publisher. The zero value is usable.
type PublisherOptions struct {
	Stream   string // default DefaultStream
	Prefix   string // subject prefix, default DefaultPrefix
	Replicas int    // stream replicas in a NATS cluster, default 1
	Logger   *slog.Logger
	// Heartbeat is how often the ingest says it is alive (default 2 s); replicas call it
	// silent after three missed beats.
	Heartbeat time.Duration
	// Timeout bounds one publish, its acknowledgement included (default 2 s).
	Timeout time.Duration
	// Retry is the wait between attempts while NATS is unreachable (default 1 s).
	Retry time.Duration
	// Queue is how many accepted frames may wait for NATS (default 1024). Past it frames are
	// dropped and the whole state is re-published instead: ingest never waits for NATS.
	Queue int
}

func (o PublisherOptions) withDefaults() PublisherOptions {
	o.Stream = cmp.Or(o.Stream, DefaultStream)
	o.Prefix = cmp.Or(o.Prefix, DefaultPrefix)
	o.Logger = cmp.Or(o.Logger, slog.Default())
	o.Heartbeat = defaults.Positive(o.Heartbeat, 2*time.Second)
	o.Timeout = defaults.Positive(o.Timeout, 2*time.Second)
	o.Retry = defaults.Positive(o.Retry, time.Second)
	o.Queue = defaults.Positive(o.Queue, 1024)
	return o
}

// Publisher is the ingest's side. It embeds the hub and is given to the OWLCMS adapter in
// its place: the methods by which OWLCMS changes state are overridden to publish what the hub
// accepted; everything else is the hub's. Run must be running for anything to be published.
type Publisher struct {
	*hub.Hub
	js   jetstream.JetStream
	o    PublisherOptions
	subj subjects

	queue  chan frame
	resync chan struct{} // a frame was dropped: re-publish the state

	mu     sync.Mutex
	status PublisherStatus
}

// frame is one accepted change waiting to be published. Bodies are built on the publishing
// goroutine (redaction and compression are not the ingest's cost).
type frame struct {
	subject string
	at      time.Time
	build   func() (body []byte, checksum string, err error)
}

// PublisherStatus says how publishing goes, for the status page.
type PublisherStatus struct {
	Connected     bool      // the last publish (or checkpoint) reached the stream
	Published     uint64    // messages acknowledged by the stream
	Dropped       uint64    // frames not published (NATS unreachable or too slow); the state is re-published
	Resyncs       uint64    // whole-state re-publications
	LastPublished time.Time // when the last acknowledgement came
	LastError     string    // the last failure, "" after a success
}

// NewPublisher wraps h. js is a JetStream context on a connection that reconnects by itself
// (see Connect).
func NewPublisher(h *hub.Hub, js jetstream.JetStream, o PublisherOptions) *Publisher {
	o = o.withDefaults()
	return &Publisher{Hub: h, js: js, o: o, subj: subjects{o.Prefix},
		queue: make(chan frame, o.Queue), resync: make(chan struct{}, 1)}
}

// Status returns the publishing status.
func (p *Publisher) Status() PublisherStatus {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.status
}

// Apply applies a frame as of now and publishes it with that time.
func (p *Publisher) Apply(t hub.MessageType, payload []byte) (hub.ApplyResult, error) {
	at := time.Now()
	res, err := p.Hub.ApplyAt(t, payload, at)
	if err != nil {
		return res, err
	}
	data := bytes.Clone(payload) // the caller may reuse its buffer
	p.enqueue(frame{subject: p.subj.fop(res.FOP, t), at: at, build: func() ([]byte, string, error) {
		b, err := hub.RedactKeys(data)
		return b, "", err
	}})
	return res, nil
}

// LoadDatabaseJSON loads a database and publishes it.
func (p *Publisher) LoadDatabaseJSON(data []byte, checksum string) (hub.DatabaseResult, error) {
	return p.database(p.Hub.LoadDatabaseJSON(data, checksum))
}

// LoadDatabaseZip loads a database_zip and publishes the database it held.
func (p *Publisher) LoadDatabaseZip(zipData []byte) (hub.DatabaseResult, error) {
	return p.database(p.Hub.LoadDatabaseZip(zipData))
}

// LoadTranslationsZip loads translations and publishes them.
func (p *Publisher) LoadTranslationsZip(zipData []byte) (hub.TranslationsResult, error) {
	return p.translations(p.Hub.LoadTranslationsZip(zipData))
}

// LoadTranslationsJSON loads translations (the demo's way) and publishes them.
func (p *Publisher) LoadTranslationsJSON(data []byte) (hub.TranslationsResult, error) {
	return p.translations(p.Hub.LoadTranslationsJSON(data))
}

// database publishes the database a load changed.
func (p *Publisher) database(r hub.DatabaseResult, err error) (hub.DatabaseResult, error) {
	if err == nil && !r.Unchanged {
		p.enqueueDatabase()
	}
	return r, err
}

// translations publishes the translations a load changed.
func (p *Publisher) translations(r hub.TranslationsResult, err error) (hub.TranslationsResult, error) {
	if err == nil && !r.Unchanged {
		p.enqueueTranslations()
	}
	return r, err
}

// ReplaceAssetsZip replaces an asset set and publishes the archive as received.
func (p *Publisher) ReplaceAssetsZip(kind hub.AssetKind, zipData []byte) (int, error) {
	n, err := p.Hub.ReplaceAssetsZip(kind, zipData)
	if err == nil {
		data := bytes.Clone(zipData)
		p.enqueue(frame{subject: p.subj.assets(kind), build: func() ([]byte, string, error) { return data, "", nil }})
	}
	return n, err
}

// enqueueDatabase publishes the database the hub holds (as it stands when the frame goes out:
// a later load only makes it more recent), its keys removed.
func (p *Publisher) enqueueDatabase() {
	p.enqueue(frame{subject: p.subj.database(), build: func() ([]byte, string, error) {
		cp := p.Hub.Checkpoint()
		if len(cp.Database) == 0 {
			return nil, "", errNothing
		}
		b, err := hub.RedactKeys(cp.Database)
		return b, cp.DatabaseChecksum, err
	}})
}

func (p *Publisher) enqueueTranslations() {
	p.enqueue(frame{subject: p.subj.translations(), build: func() ([]byte, string, error) {
		cp := p.Hub.Checkpoint()
		if len(cp.Translations) == 0 {
			return nil, "", errNothing
		}
		return cp.Translations, "", nil
	}})
}

// enqueue hands a frame to Run without ever waiting: when the queue is full the frame is
// dropped and a re-publication of the whole state is asked for, which includes it.
func (p *Publisher) enqueue(f frame) {
	select {
	case p.queue <- f:
	default:
		p.count(func(s *PublisherStatus) { s.Dropped++ })
		select {
		case p.resync <- struct{}{}:
		default:
		}
	}
}

var errNothing = fmt.Errorf("nothing to publish")

func (p *Publisher) count(f func(*PublisherStatus)) {
	p.mu.Lock()
	f(&p.status)
	p.mu.Unlock()
}

// Run publishes until ctx ends. It starts by creating the stream and publishing the whole
// state (a restarted ingest may hold state restored from disk), then publishes each frame.
// When a publish fails the queued frames are dropped and the whole state is re-published as
// soon as NATS answers again.
func (p *Publisher) Run(ctx context.Context) {
	beat := time.NewTicker(p.o.Heartbeat)
	defer beat.Stop()
	dirty := true // the stream may lack what this process holds
	for ctx.Err() == nil {
		if dirty {
			if err := p.safely(func() error { return p.republish(ctx) }); err != nil {
				p.failed(err)
				select {
				case <-ctx.Done():
				case <-time.After(p.o.Retry):
				}
				continue
			}
			dirty = false
		}
		var err error
		select {
		case <-ctx.Done():
			return
		case <-p.resync:
			dirty = true
		case f := <-p.queue:
			err = p.safely(func() error { return p.publish(ctx, f) })
		case <-beat.C:
			err = p.safely(func() error { return p.heartbeat(ctx) })
		}
		if err != nil {
			p.failed(err)
			dirty = true
		}
	}
}

// safely runs one step, turning a panic into an error: the publisher must outlive a bad frame.
func (p *Publisher) safely(f func() error) (err error) {
	defer func() {
		if r := recover(); r != nil {
			p.o.Logger.Error("replica publisher: panic", "panic", r, "stack", string(debug.Stack()))
			err = fmt.Errorf("panic: %v", r)
		}
	}()
	return f()
}

func (p *Publisher) failed(err error) {
	p.mu.Lock()
	was := p.status.Connected
	p.status.Connected, p.status.LastError = false, err.Error()
	p.mu.Unlock()
	if was {
		p.o.Logger.Warn("replica publisher: NATS unreachable, boards keep being served; the state will be re-published", "error", err)
	}
}

func (p *Publisher) publish(ctx context.Context, f frame) error {
	b, checksum, err := f.build()
	if err == errNothing {
		return nil
	}
	if err != nil {
		// A frame the hub accepted but that cannot be redacted is not published: the key must
		// never leave the ingest. The next frame of the subject replaces it.
		p.o.Logger.Warn("replica publisher: frame not published", "subject", f.subject, "error", err)
		return nil
	}
	return p.send(ctx, f.subject, b, f.at, checksum)
}

func (p *Publisher) send(ctx context.Context, subject string, b []byte, at time.Time, checksum string) error {
	m, err := newMsg(subject, b, at)
	if err != nil {
		return err
	}
	if checksum != "" {
		m.Header.Set(headerChecksum, checksum)
	}
	ctx, cancel := context.WithTimeout(ctx, p.o.Timeout)
	defer cancel()
	if _, err := p.js.PublishMsg(ctx, m); err != nil {
		return fmt.Errorf("publish %s: %w", subject, err)
	}
	p.mu.Lock()
	was := p.status.Connected
	p.status.Connected, p.status.LastError = true, ""
	p.status.Published++
	p.status.LastPublished = time.Now()
	p.mu.Unlock()
	if !was {
		p.o.Logger.Info("replica publisher: publishing to NATS", "stream", p.o.Stream)
	}
	return nil
}
