// Command owlcms-sim behaves like OWLCMS 64+ towards a tracker: it runs the embedded demo meet
// on two platforms and sends it over the tracker's /ws as OWLCMS does (back-off that starts
// over on every open, the start-up database on every connection, every spelling of the
// initial decision, ceremony targets and jury details), or replays the frames a tracker saved
// in learning mode.
//
//	owlcms-sim -url ws://127.0.0.1:8096/ws -speed 10
//	owlcms-sim -url ws://127.0.0.1:8096/ws -replay ./samples
package main

import (
	"context"
	"flag"
	"fmt"
	"log/slog"
	"os"
	"os/signal"
	"strings"
	"syscall"

	"github.com/owlcms/tracker/demo/sim"
)

func main() {
	url := flag.String("url", "ws://127.0.0.1:8096/ws", "the tracker's WebSocket endpoint (OWLCMS's \"URL for Video Data\")")
	speed := flag.Float64("speed", 1, "how much faster than real time the meet runs")
	key := flag.String("key", os.Getenv("OWLCMS_UPDATEKEY"), "the update key to send (default $OWLCMS_UPDATEKEY)")
	seed := flag.Uint64("seed", 1, "seed of the referees' and coaches' choices")
	replay := flag.String("replay", "", "replay the frames of this learning-mode directory instead of simulating")
	noFlags := flag.Bool("no-flags", false, "play an OWLCMS without flags: none sent on connecting, a 0-byte flags_zip when asked")
	callbacks := flag.String("callbacks", strings.Join(sim.AllCallbacks, ","), "the 428 names this OWLCMS answers (some builds: database,translations_zip)")
	flag.Parse()

	log := slog.New(slog.NewTextHandler(os.Stderr, nil))
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if *replay != "" {
		if err := sim.Replay(ctx, *url, *replay, *speed, log); err != nil {
			fmt.Fprintln(os.Stderr, "owlcms-sim:", err)
			os.Exit(1)
		}
		return
	}
	sim.Run(ctx, sim.Options{URL: *url, UpdateKey: *key, Speed: *speed, Seed: *seed, Logger: log,
		NoFlags: *noFlags, Callbacks: strings.Split(*callbacks, ",")})
}
