package events

import (
	"context"
	"net/http"
	"net/url"
	"time"
)

// ServeStream serves the SSE stream of a platform ("" = the global stream). A platform without
// a stream gets one while fewer than MaxStreams exist, else 404; after Close the answer is 503.
// It returns when the viewer goes away, its writes time out, or the broker closes.
// The router mounts it without middleware (see web.NewRouter), so it recovers and logs here.
// Any client can thus create platform streams up to MaxStreams; since streams are never
// removed, names that are not platforms use up slots until restart.
func (b *Broker) ServeStream(w http.ResponseWriter, r *http.Request, fop string) {
	ctx, release, ok := b.acquire(r.Context())
	if !ok {
		http.Error(w, "event streams are shut down", http.StatusServiceUnavailable)
		return
	}
	defer release()
	start := time.Now()
	defer func() {
		if p := recover(); p != nil {
			if p == http.ErrAbortHandler {
				panic(p)
			}
			b.log.Error("sse stream panicked", "stream", StreamFor(fop), "panic", p)
			return
		}
		b.log.Debug("sse stream ended", "stream", StreamFor(fop), "duration", time.Since(start))
	}()
	ip := b.opts.ClientIP(r)
	leave, refused := b.admit.enter(ip)
	if refused != 0 {
		if b.admit.shouldLog(time.Now(), 10*time.Second) {
			b.log.Warn("sse viewer refused: too many streams open (logged at most every 10 s)",
				"status", refused, "client", ip, "max_viewers", b.opts.MaxViewers,
				"max_viewers_per_ip", b.opts.MaxViewersPerIP, "refused_so_far", b.admit.refused.Load())
		}
		// The page's EventSource retries by itself; Retry-After says when it is worth it.
		w.Header().Set("Retry-After", "30")
		msg := "too many viewers connected to this tracker"
		if refused == http.StatusTooManyRequests {
			msg = "too many viewers connected from this address"
		}
		http.Error(w, msg, refused)
		return
	}
	defer leave()
	if !b.Ensure(fop) {
		if b.isClosed() {
			http.Error(w, "event streams are shut down", http.StatusServiceUnavailable)
			return
		}
		http.Error(w, "unknown platform", http.StatusNotFound)
		return
	}

	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	dw := newDeadlineWriter(w, b.opts.WriteTimeout, cancel)
	dw.idleCut = r.ProtoMajor >= 2
	stop := context.AfterFunc(ctx, dw.abort)
	defer stop()

	// r3labs picks the stream from ?stream= (hazard 12) and ends the viewer's subscription when
	// the request's context is done (hazard 6): hand it a copy with both rewritten.
	r2 := r.WithContext(ctx)
	u := *r.URL
	u.RawQuery = url.Values{"stream": {StreamFor(fop)}}.Encode()
	r2.URL = &u
	// r3labs answers 400 to a non-numeric Last-Event-ID. Replay is off, so it means nothing.
	r2.Header = r.Header.Clone()
	r2.Header.Del("Last-Event-ID")
	b.srv.ServeHTTP(dw, r2)
}

// acquire registers an active handler and returns its context, which Close cancels, or false
// once the broker is closed. release must be called when the handler returns.
func (b *Broker) acquire(parent context.Context) (context.Context, func(), bool) {
	b.mu.Lock()
	if b.closed {
		b.mu.Unlock()
		return nil, nil, false
	}
	b.handlers.Add(1)
	b.mu.Unlock()

	ctx, cancel := context.WithCancel(parent)
	stop := context.AfterFunc(b.base, cancel)
	return ctx, func() {
		stop()
		cancel()
		b.handlers.Done()
	}, true
}

func (b *Broker) isClosed() bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.closed
}
