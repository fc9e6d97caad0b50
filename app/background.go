package app

import (
	"context"
	"fmt"
	"net/http"
	"path/filepath"
	"runtime/debug"
	"time"

	"github.com/owlcms/tracker/hub"
	"github.com/owlcms/tracker/hub/owlcms"
	"github.com/owlcms/tracker/hub/persist"
	"github.com/owlcms/tracker/replica"
)

// stopper ends a background task and waits for it.
type stopper func()

// goBackground runs f until Shutdown, recovering a panic (logged; the task is then over: the
// boards keep being served without it).
func (a *App) goBackground(name string, f func(ctx context.Context)) {
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		defer close(done)
		defer func() {
			if r := recover(); r != nil {
				a.log.Error("panic in "+name, "panic", r, "stack", string(debug.Stack()))
			}
		}()
		f(ctx)
	}()
	a.background = append(a.background, func() { cancel(); <-done })
}

// stateDir is where the hub's state is kept, inside DataDir.
func (a *App) stateDir() string { return filepath.Join(a.cfg.DataDir, "state") }

// restoreState reads back the state a previous run left in DataDir.
func (a *App) restoreState() {
	persist.Restore(a.Hub, a.stateDir(), a.log)
}

// startPersist keeps the state on disk until Shutdown (the last write happens then).
func (a *App) startPersist() {
	a.goBackground("state writer", func(ctx context.Context) {
		persist.Run(ctx, a.Hub, persist.Options{Dir: a.stateDir(), Logger: a.log})
	})
}

// startReplication connects to NATS when NATSURL is set. It returns what the OWLCMS adapter
// feeds (the hub, or on an ingest a publisher in front of it) and the status line for /status.
func (a *App) startReplication() (owlcms.Hub, func(time.Time) string, error) {
	if a.cfg.NATSURL == "" {
		if a.cfg.Follow {
			return nil, nil, fmt.Errorf("a replica (-follow) needs NATS_URL: the ingest's stream is its only source")
		}
		return a.Hub, nil, nil
	}
	role := "tracker-ingest"
	if a.cfg.Follow {
		role = "tracker-replica"
	}
	js, closeNATS, err := replica.Connect(a.cfg.NATSURL, role, a.log)
	if err != nil {
		return nil, nil, fmt.Errorf("NATS at %s: %w", a.cfg.NATSURL, err)
	}
	if a.cfg.Follow {
		f := replica.NewFollower(a.Hub, js, replica.FollowerOptions{Logger: a.log})
		a.goBackground("replica follower", f.Run)
		a.goBackground("replica link", func(ctx context.Context) { mirrorIngestLink(ctx, a.Hub, f) })
		a.background = append(a.background, stopper(closeNATS))
		return a.Hub, func(now time.Time) string { return f.Status().Summary(now) }, nil
	}
	p := replica.NewPublisher(a.Hub, js, replica.PublisherOptions{Logger: a.log})
	a.goBackground("replica publisher", p.Run)
	a.background = append(a.background, stopper(closeNATS))
	return p, func(time.Time) string { return p.Status().Summary() }, nil
}

// mirrorIngestLink makes a replica's boards say what the ingest's would: "connected" while the
// ingest is alive and has OWLCMS, "waiting for the competition site" otherwise. The replica
// has no OWLCMS connection of its own; it counts the ingest's as one source.
func mirrorIngestLink(ctx context.Context, h *hub.Hub, f *replica.Follower) {
	var source uint64
	t := time.NewTicker(time.Second)
	defer t.Stop()
	for {
		st := f.Status()
		up := st.OWLCMSConnected && st.IngestAlive(time.Now())
		switch {
		case up && source == 0:
			source = h.SourceConnected("ingest (via NATS)", "replica")
		case !up && source != 0:
			h.SourceDisconnected(source)
			source = 0
		}
		select {
		case <-ctx.Done():
			if source != 0 {
				h.SourceDisconnected(source)
			}
			return
		case <-t.C:
		}
	}
}

// replicaRefusal answers OWLCMS on a replica: on Fly.io, a fly-replay header sends the
// connection to the ingest machine; elsewhere a clear refusal says where OWLCMS belongs.
func replicaRefusal(flyReplay string) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		if flyReplay != "" {
			w.Header().Set("Fly-Replay", flyReplay)
			w.WriteHeader(http.StatusConflict)
			return
		}
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.Header().Set("Retry-After", "30")
		http.Error(w, "This tracker is a replica: it shows the boards of the competition its ingest receives. "+
			"Point OWLCMS's URL for Video Data at the ingest tracker (the one started without -follow).", http.StatusServiceUnavailable)
	})
}
