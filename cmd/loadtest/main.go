// Command loadtest measures how the tracker serves many viewers. It starts a tracker (or uses
// a running one), feeds it like OWLCMS over /ws, opens N viewers that behave like a board page
// (one event stream, then the fragment requests each event triggers, gzip and ETags as a
// browser sends them), pushes weight changes, and reports the latency from an update sent to
// the new fragment received (p50, p99), the bytes per viewer per update, the errors, the CPU
// and the trackers' memory.
//
//	go build -o /tmp/tracker ./cmd/tracker
//	go run ./cmd/loadtest -tracker /tmp/tracker -viewers 2000 -updates 30
//	go run ./cmd/loadtest -tracker /tmp/tracker -viewers 2000 -meet ../shared/fixtures/owlcms-v2
//	go run ./cmd/loadtest -tracker /tmp/tracker -viewers 2000 -replicas 2   # ingest, 2 replicas, NATS
//	go run ./cmd/loadtest -tracker /tmp/tracker -viewers 2000 -proto h2c    # as a proxy with h2_backend
//
// Each change is a weight change of the current athlete: it reaches the attempt bar and the
// athlete's attempt cell in the grid, and a viewer counts it as seen once both show it. With
// replicas, the viewers are spread over them and the replication lag is timed by a probe
// viewer on the ingest and one on each replica. The last line of the report is a one-line
// summary of key=value fields, for tables and scripts.
//
// It only ever talks to the trackers it is given, on this machine by default.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"runtime/pprof"
	"strconv"
	"strings"
	"syscall"
	"time"
)

func main() {
	trackerBin := flag.String("tracker", "", "tracker binary to start on free local ports (else -addr must point at a running one)")
	replicas := flag.Int("replicas", 0, "with -tracker: also start an embedded NATS and this many replicas (-follow); the viewers watch the replicas")
	trackerArgs := flag.String("tracker-args", "", "with -tracker: more arguments for every tracker, space-separated (e.g. \"-idle-timeout 5s\")")
	trackerEnv := flag.String("tracker-env", "", "with -tracker: more environment for every tracker, space-separated (e.g. \"GOGC=50\")")
	addr := flag.String("addr", "", "address of a running tracker (host:port) fed like OWLCMS, instead of -tracker")
	targets := flag.String("targets", "", "with -addr: the trackers the viewers watch, comma-separated (e.g. replicas of -addr: http://a:8096,http://b:8096); default -addr")
	pid := flag.Int("pid", 0, "with -addr: the tracker's process id, to report its memory and CPU")
	viewers := flag.Int("viewers", 2000, "viewers to open")
	updates := flag.Int("updates", 30, "weight changes to send")
	interval := flag.Duration("interval", time.Second, "time between two changes")
	board := flag.String("board", "lifting-order", "the board the viewers watch")
	meetFlag := flag.String("meet", "demo", "the competition fed: demo, or a folder of captured OWLCMS frames (a *-DATABASE.json, translations.json, flags/, *-UPDATE-*.json)")
	proto := flag.String("proto", "http1", "how viewers reach the tracker: http1 (two connections each, as browsers) or h2c (HTTP/2 without TLS, -per-conn viewers a connection, as a proxy with h2_backend; -tracker trackers get -h2c)")
	perConn := flag.Int("per-conn", 100, "with -proto h2c: viewers sharing one connection")
	cpuProfile := flag.String("cpuprofile", "", "write the generator's own CPU profile to this file (go tool pprof), to see what the viewers cost")
	flag.Parse()

	m := demoMeet()
	if *meetFlag != "demo" {
		var err error
		if m, err = capturedMeet(*meetFlag); err != nil {
			fail(err)
		}
	}
	if *targets != "" && *trackerBin != "" {
		fail(fmt.Errorf("-targets goes with -addr (trackers already running); with -tracker, -replicas starts them"))
	}
	if *proto != "http1" && *proto != "h2c" {
		fail(fmt.Errorf("-proto %q: want http1 or h2c", *proto))
	}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	raiseFileLimit()

	c := config{addr: *addr, viewers: *viewers, updates: *updates, interval: *interval, board: *board, meet: m,
		h2c: *proto == "h2c", perConn: *perConn}
	if *trackerBin != "" {
		args := strings.Fields(*trackerArgs)
		if c.h2c {
			args = append(args, "-h2c")
		}
		cl, err := startCluster(ctx, *trackerBin, *replicas, args, strings.Fields(*trackerEnv))
		if err != nil {
			fail(err)
		}
		defer cl.stop()
		c.addr, c.replicas = cl.ingest.addr, len(cl.replicas)
		c.pids = append(c.pids, cl.ingest.pid)
		for _, t := range cl.replicas {
			c.pids = append(c.pids, t.pid)
		}
		for _, t := range cl.viewerTargets() {
			c.targets, c.targetPids = append(c.targets, t.addr), append(c.targetPids, t.pid)
		}
	} else if *pid != 0 {
		c.pids, c.targetPids = []int{*pid}, []int{*pid}
	}
	if c.addr == "" {
		fail(fmt.Errorf("give -tracker or -addr"))
	}
	if *targets != "" {
		c.targets = parseTargets(*targets)
		for _, t := range c.targets {
			if t != c.addr {
				c.replicas++
			}
		}
	}
	if *cpuProfile != "" {
		f, err := os.Create(*cpuProfile)
		if err != nil {
			fail(err)
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			fail(err)
		}
		defer pprof.StopCPUProfile()
	}
	r, err := run(ctx, c)
	if err != nil {
		fail(err)
	}
	r.print(os.Stdout)
}

// parseTargets reads a comma-separated list of tracker addresses, as host:port or URLs.
func parseTargets(s string) []string {
	var out []string
	for _, t := range strings.Split(s, ",") {
		t = strings.TrimSpace(t)
		t = strings.TrimPrefix(strings.TrimPrefix(t, "http://"), "https://")
		if t = strings.TrimSuffix(t, "/"); t != "" {
			out = append(out, t)
		}
	}
	return out
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "loadtest:", err)
	os.Exit(1)
}

// raiseFileLimit lifts the open-file limit to its maximum: every viewer holds two connections,
// and the tracker started from here inherits the limit.
func raiseFileLimit() {
	var l syscall.Rlimit
	if syscall.Getrlimit(syscall.RLIMIT_NOFILE, &l) == nil && l.Cur < l.Max {
		l.Cur = l.Max
		_ = syscall.Setrlimit(syscall.RLIMIT_NOFILE, &l)
	}
}

// cpuTimes is the CPU time the processes used, together.
func cpuTimes(pids []int) time.Duration {
	var d time.Duration
	for _, p := range pids {
		d += cpuTime(p)
	}
	return d
}

// loadAverage is the machine's load average over 1, 5 and 15 minutes ("" when unknown): the
// trackers share the machine with the generator, and maybe with others.
func loadAverage() string {
	b, err := os.ReadFile("/proc/loadavg")
	f := strings.Fields(string(b))
	if err != nil || len(f) < 3 {
		return ""
	}
	return strings.Join(f[:3], " ")
}

// cpuTime reads the user+system CPU time a process has used (pid 0: this process), 0 when
// unknown. /proc/<pid>/stat counts it in clock ticks, 100 per second on Linux.
func cpuTime(pid int) time.Duration {
	name := "self"
	if pid != 0 {
		name = strconv.Itoa(pid)
	}
	b, err := os.ReadFile("/proc/" + name + "/stat")
	if err != nil {
		return 0
	}
	// The command name (field 2) may hold spaces; the fields after its ')' are fixed.
	_, rest, ok := strings.Cut(string(b), ") ")
	f := strings.Fields(rest)
	if !ok || len(f) < 13 {
		return 0
	}
	utime, _ := strconv.ParseInt(f[11], 10, 64)
	stime, _ := strconv.ParseInt(f[12], 10, 64)
	return time.Duration(utime+stime) * 10 * time.Millisecond
}

// memory reads a process's resident memory and its peak, in bytes (0 when unknown).
func memory(pid int) (rss, peak int64) {
	if pid == 0 {
		return 0, 0
	}
	b, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/status")
	if err != nil {
		return 0, 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		f := strings.Fields(line)
		if len(f) < 2 {
			continue
		}
		kb, _ := strconv.ParseInt(f[1], 10, 64)
		switch f[0] {
		case "VmRSS:":
			rss = kb << 10
		case "VmHWM:":
			peak = kb << 10
		}
	}
	return rss, peak
}
