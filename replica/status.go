package replica

import (
	"fmt"
	"time"
)

// Status is what a replica knows of its ingest, for the status page.
type Status struct {
	Following       bool      // the stream is being read
	CaughtUp        bool      // the state the stream held at start has been applied
	Applied         uint64    // messages applied
	LastFrameAt     time.Time // when the ingest received the last frame applied
	Lag             time.Duration
	IngestSeenAt    time.Time // the ingest's last heartbeat (its clock)
	OWLCMSConnected bool      // as the ingest last said
	LastError       string

	beatEvery time.Duration
	heardAt   time.Time // when the last heartbeat arrived here (this machine's clock)
}

// Status returns the replica's status as of now.
func (f *Follower) Status() Status {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.status
}

// IngestAlive says the ingest's heartbeats arrive: none missed three times in a row. Judged
// on this machine's clock (when the beat arrived), so a skew between the machines' clocks does
// not make a live ingest look dead. A heartbeat read from the stream at start is the last one
// the ingest sent, possibly long ago: its own time says how old it is.
func (s Status) IngestAlive(now time.Time) bool {
	every := s.beatEvery
	if every <= 0 {
		every = 2 * time.Second
	}
	if s.IngestSeenAt.IsZero() || s.heardAt.IsZero() {
		return false
	}
	return now.Sub(s.heardAt) < 3*every && s.heardAt.Sub(s.IngestSeenAt) < 3*every+time.Minute
}

// Summary is one line for the status page.
func (s Status) Summary(now time.Time) string {
	switch {
	case !s.Following && s.Applied == 0:
		return "replica: waiting for the ingest's stream on NATS"
	case !s.Following:
		return fmt.Sprintf("replica: NATS unreachable, showing the last state received (last frame %s)", clock(s.LastFrameAt))
	case s.IngestSeenAt.IsZero():
		return "replica: following NATS; no word from the ingest yet"
	case !s.IngestAlive(now):
		return fmt.Sprintf("replica: the ingest is silent since %s, showing the last state received", clock(s.IngestSeenAt))
	case !s.OWLCMSConnected:
		return fmt.Sprintf("replica: following the ingest (OWLCMS not connected to it), last frame %s", clock(s.LastFrameAt))
	default:
		return fmt.Sprintf("replica: following the ingest, last frame %s, lag %d ms", clock(s.LastFrameAt), s.Lag.Milliseconds())
	}
}

func clock(t time.Time) string {
	if t.IsZero() {
		return "none"
	}
	return t.Local().Format("15:04:05")
}

// Summary is one line for the ingest's status page.
func (s PublisherStatus) Summary() string {
	switch {
	case s.Connected:
		return fmt.Sprintf("publishing to replicas over NATS: %d messages, last %s", s.Published, clock(s.LastPublished))
	case s.Published == 0 && s.LastError == "":
		return "publishing to replicas: connecting to NATS"
	default:
		return fmt.Sprintf("publishing to replicas: NATS unreachable (%s); boards are served, the state will be re-published when it is back", s.LastError)
	}
}
