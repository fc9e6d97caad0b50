// Package sim plays OWLCMS for a tracker: it connects to the tracker's /ws as OWLCMS 64+ does
// (the database exported at start-up, translations and flags as binary frames on every
// connection, then update, timer and decision text frames; whatever a 428 reply lists and
// this build has a callback for is sent again, a fresh database export included, and a
// 0-byte flags_zip when it has no flags; reconnection with OWLCMS's 1-2-4-8-16-30 s back-off,
// which starts over on every successful open; frames sent while disconnected are lost, as
// OWLCMS loses them) and runs the demo meet for real on both platforms at once: introduction
// countdown, the introduction of the athletes, snatch then clean & jerk with the lifting order recomputed after every lift, the
// athlete clock, the down signal, the initial decision (in each spelling OWLCMS builds have
// used), the three referees' decision with its extras and its reset, now and then a jury's
// review and a record attempt (every other one good: the new record is announced and sent in
// the database), the end of the session with its medal ceremonies, and the next one. When a platform
// has run all its sessions it starts them again. See docs/protocol.md.
//
// cmd/owlcms-sim runs it against any tracker; `tracker -demo` runs it in-process against its
// own /ws. It can also replay the files of learning mode (Replay).
package sim

import (
	"cmp"
	"context"
	"log/slog"
	"math/rand/v2"
	"sync"
	"time"

	"github.com/owlcms/tracker/internal/defaults"

	"github.com/owlcms/tracker/demo"
)

// Version is the OWLCMS version the simulator announces.
const Version = "64.0.0"

// Options configure a simulation.
type Options struct {
	URL       string  // the tracker's WebSocket endpoint, e.g. ws://127.0.0.1:8096/ws
	UpdateKey string  // OWLCMS's update key, sent in every text frame ("" for none)
	Speed     float64 // 1 is real time; 10 runs ten times faster (default 1)
	Seed      uint64  // the referees' and coaches' choices; the same seed replays the same meet
	Logger    *slog.Logger

	// Backoff is the reconnection schedule (default OWLCMS's, see Backoff). Each successful
	// open starts it over, as OWLCMS does. Not scaled by Speed.
	Backoff []time.Duration
	// NoFlags plays an OWLCMS without flags: it sends no flags_zip on connecting, and asked
	// for one it answers a 0-byte payload, as OWLCMS does.
	NoFlags bool
	// Callbacks are the 428 names this OWLCMS answers (default all five: database,
	// translations_zip, flags_zip, logos_zip, pictures_zip). Some builds answer only
	// database and translations; others are logged and ignored.
	Callbacks []string
}

// AllCallbacks are the 428 names current OWLCMS builds answer.
var AllCallbacks = []string{"database", "translations_zip", "flags_zip", "logos_zip", "pictures_zip"}

// Run simulates OWLCMS until ctx ends, connecting (and reconnecting) to o.URL. It returns
// when ctx is done; every goroutine it starts has ended by then.
func Run(ctx context.Context, o Options) {
	o.Logger = cmp.Or(o.Logger, slog.Default())
	o.Speed = defaults.Positive(o.Speed, 1)
	if len(o.Backoff) == 0 {
		o.Backoff = Backoff
	}
	if o.Callbacks == nil {
		o.Callbacks = AllCallbacks
	}
	s := &simulation{opts: o, comp: demo.NewDemo(), link: newLink(o), platformLifts: map[string]int{}, juries: map[string]int{}}
	// OWLCMS exports the database once at start-up and sends that export on every connection,
	// however stale; only a 428 for "database" makes it export again.
	s.startupDB = s.comp.DatabaseJSON()
	s.rng = rand.New(rand.NewPCG(o.Seed, o.Seed^0x9e3779b97f4a7c15))
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		s.link.run(ctx, s.resources)
	}()
	for _, p := range s.comp.Platforms {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s.platform(ctx, p)
		}()
	}
	wg.Wait()
}

// simulation is the meet being run and the connection it is reported on.
type simulation struct {
	opts Options
	link *link

	mu    sync.Mutex // the competition model, the random source, the lift count
	comp  *demo.Competition
	rng   *rand.Rand
	lifts int // attempts run so far: picks the initial decision's spelling
	// Per platform: the attempts run (one in juryEvery is reviewed by the jury) and the jury's
	// reviews (every second one reverses the referees).
	platformLifts, juries map[string]int
	startupDB             []byte // the database as exported when the simulation started
	// recordTries counts the record attempts: every other one succeeds. recordsSet are the
	// sessions in which a record was set, whose end sends the database's new checksum.
	recordTries int
	recordsSet  map[*demo.Session]bool
}

// sleep waits d of meet time (d / Speed of real time); false when ctx ended first.
func (s *simulation) sleep(ctx context.Context, d time.Duration) bool {
	t := time.NewTimer(s.real(d))
	defer t.Stop()
	select {
	case <-ctx.Done():
		return false
	case <-t.C:
		return true
	}
}

// pause lets the platform be for d of meet time with the lock released, as between two of
// OWLCMS's updates. It holds the lock again when it reports true; false (the simulation
// stopping) leaves it released, for the caller to return.
func (s *simulation) pause(ctx context.Context, d time.Duration) bool {
	s.mu.Unlock()
	if !s.sleep(ctx, d) {
		return false
	}
	s.mu.Lock()
	return true
}

// real is a meet duration in real time.
func (s *simulation) real(d time.Duration) time.Duration {
	return time.Duration(float64(d) / s.opts.Speed)
}

// resources are the binary frames OWLCMS sends, by the name a 428 asks them by: on connecting
// (onOpen) the database exported at start-up, else a fresh export.
func (s *simulation) resources(onOpen bool) map[string][]byte {
	db := s.startupDB
	if !onOpen {
		s.mu.Lock()
		db = s.comp.DatabaseJSON()
		s.mu.Unlock()
	}
	res := map[string][]byte{
		"database":         frame("database_zip", Zipped("competition.json", db)),
		"translations_zip": frame("translations_zip", Zipped("translations.json", demo.TranslationsJSON())),
		"flags_zip":        frame("flags_zip", demo.FlagsZip()),
		"pictures_zip":     frame("pictures_zip", Zipped("", nil)), // the demo has no pictures
		"logos_zip":        frame("logos_zip", Zipped("", nil)),
	}
	if s.opts.NoFlags {
		delete(res, "flags_zip")
		if !onOpen {
			res["flags_zip"] = frame("flags_zip", nil) // OWLCMS's answer when it has no flags
		}
	}
	return res
}
