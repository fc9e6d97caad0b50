// Command loadtest measures how the tracker serves many viewers. It starts a tracker (or uses
// a running one), feeds it like OWLCMS over /ws, opens N viewers that behave like a board page
// (one event stream, then the fragment requests each event triggers, gzip and ETags as a
// browser sends them), pushes weight changes, and reports the latency from an update sent to
// the new fragment received (p50, p99), the bytes per viewer per update, the errors and the
// tracker's memory.
//
//	go build -o /tmp/tracker ./cmd/tracker
//	go run ./cmd/loadtest -tracker /tmp/tracker -viewers 2000 -updates 30
//	go run ./cmd/loadtest -tracker /tmp/tracker -viewers 2000 -meet ../shared/fixtures/owlcms-v2
//
// Each change is a weight change of the current athlete: it reaches the attempt bar and the
// athlete's attempt cell in the grid, and a viewer counts it as seen once both show it. The last
// line of the report is a one-line summary, for tables and scripts.
//
// It only ever talks to the tracker it is given, on this machine by default.
package main

import (
	"context"
	"flag"
	"fmt"
	"net"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"
)

func main() {
	trackerBin := flag.String("tracker", "", "tracker binary to start on a free local port (else -addr must point at a running one)")
	addr := flag.String("addr", "", "address of a running tracker (host:port), instead of -tracker")
	pid := flag.Int("pid", 0, "with -addr: the tracker's process id, to report its memory")
	viewers := flag.Int("viewers", 2000, "viewers to open")
	updates := flag.Int("updates", 30, "weight changes to send")
	interval := flag.Duration("interval", time.Second, "time between two changes")
	board := flag.String("board", "lifting-order", "the board the viewers watch")
	meetFlag := flag.String("meet", "demo", "the competition fed: demo, or a folder of captured OWLCMS frames (a *-DATABASE.json, translations.json, flags/, *-UPDATE-*.json)")
	flag.Parse()

	m := demoMeet()
	if *meetFlag != "demo" {
		var err error
		if m, err = capturedMeet(*meetFlag); err != nil {
			fail(err)
		}
	}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	raiseFileLimit()

	if *trackerBin != "" {
		a, p, cleanup, err := startTracker(ctx, *trackerBin)
		if err != nil {
			fail(err)
		}
		defer cleanup()
		*addr, *pid = a, p
	}
	if *addr == "" {
		fail(fmt.Errorf("give -tracker or -addr"))
	}
	r, err := run(ctx, config{addr: *addr, pid: *pid, viewers: *viewers, updates: *updates, interval: *interval, board: *board, meet: m})
	if err != nil {
		fail(err)
	}
	r.rss, r.peakRSS = memory(*pid)
	r.print(os.Stdout)
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

// startTracker runs the tracker binary on a free loopback port, with its assets in a temporary
// directory, and waits for its /healthz.
func startTracker(ctx context.Context, bin string) (addr string, pid int, cleanup func(), err error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", 0, nil, err
	}
	addr = ln.Addr().String()
	ln.Close()
	dir, err := os.MkdirTemp("", "loadtest-")
	if err != nil {
		return "", 0, nil, err
	}
	cmd := exec.CommandContext(ctx, bin, "-addr", addr, "-local", filepath.Join(dir, "local"))
	cmd.Env = append(os.Environ(), "LOG_LEVEL=warn")
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		os.RemoveAll(dir)
		return "", 0, nil, err
	}
	cleanup = func() {
		_ = cmd.Process.Signal(syscall.SIGTERM)
		_ = cmd.Wait()
		os.RemoveAll(dir)
	}
	deadline := time.Now().Add(10 * time.Second)
	for {
		if err := healthy(addr); err == nil {
			return addr, cmd.Process.Pid, cleanup, nil
		}
		if time.Now().After(deadline) {
			cleanup()
			return "", 0, nil, fmt.Errorf("tracker at %s not healthy within 10 s", addr)
		}
		time.Sleep(50 * time.Millisecond)
	}
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
