package replica

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/json"
	"time"

	"github.com/owlcms/tracker/hub"
)

// republish puts the whole state on the stream: the stream itself (NATS may have restarted
// without its storage), a checkpoint of the hub (database, translations, every platform with
// its clocks as anchored), then each asset set. It runs at start and after any failure, so
// the frames lost while NATS was away are covered; frames still queued are dropped first, the
// checkpoint taken after them includes them.
func (p *Publisher) republish(ctx context.Context) error {
	for drained := false; !drained; {
		select {
		case <-p.queue:
		default:
			drained = true
		}
	}
	sctx, cancel := context.WithTimeout(ctx, p.o.Timeout)
	_, err := p.js.CreateOrUpdateStream(sctx, StreamConfig(p.o.Stream, p.o.Prefix, p.o.Replicas))
	cancel()
	if err != nil {
		return err
	}
	cp := p.Hub.Checkpoint()
	if len(cp.Database) > 0 || len(cp.Translations) > 0 || len(cp.FOPs) > 0 {
		if err := redactFields(cp.FOPs); err != nil {
			return err
		}
		var db []byte
		if len(cp.Database) > 0 {
			if db, err = hub.RedactKeys(cp.Database); err != nil {
				return err
			}
		}
		b, err := encodeCheckpoint(cp, db, cp.Translations)
		if err != nil {
			return err
		}
		if err := p.send(ctx, p.subj.checkpoint(), b, time.Time{}, ""); err != nil {
			return err
		}
	}
	s := p.Hub.Snapshot()
	for _, kind := range hub.AssetKinds {
		if _, loaded := s.Assets[kind]; !loaded {
			continue
		}
		b, err := zipAssets(p.Hub.Assets(), kind)
		if err != nil {
			return err
		}
		if err := p.send(ctx, p.subj.assets(kind), b, time.Time{}, ""); err != nil {
			return err
		}
	}
	p.count(func(s *PublisherStatus) { s.Resyncs++ })
	return p.heartbeat(ctx)
}

// redactFields removes update keys from the platforms' fields: OWLCMS puts the key in URLs
// it sends (a video URL with "?updateKey="), and the hub keeps fields as received. The maps
// are the checkpoint's own copies.
func redactFields(fops []hub.FOPCheckpoint) error {
	for _, f := range fops {
		for k, v := range f.Fields {
			b, err := hub.RedactKeys(v)
			if err != nil {
				return err
			}
			f.Fields[k] = b
		}
	}
	return nil
}

// zipAssets rebuilds an archive of one asset set from the store, as OWLCMS would send it.
func zipAssets(store hub.AssetStore, kind hub.AssetKind) ([]byte, error) {
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	for _, name := range store.Names(kind) {
		a, err := store.Get(kind, name)
		if err != nil {
			continue // replaced meanwhile: the next set's own frame follows
		}
		w, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Store, Modified: a.ModTime})
		if err != nil {
			return nil, err
		}
		if _, err := w.Write(a.Data); err != nil {
			return nil, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// heartbeat says the ingest is alive, and whether OWLCMS is connected to it.
func (p *Publisher) heartbeat(ctx context.Context) error {
	b, err := json.Marshal(heartbeat{At: time.Now(), Every: p.o.Heartbeat, Sources: len(p.Hub.Snapshot().Sources)})
	if err != nil {
		return err
	}
	return p.send(ctx, p.subj.heartbeat(), b, time.Time{}, "")
}
