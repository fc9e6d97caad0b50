package main

import (
	"context"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"syscall"
	"time"

	"github.com/nats-io/nats-server/v2/server"
)

// tracker is a tracker process the load tool started.
type tracker struct {
	addr string
	pid  int
	stop func()
}

// cluster is what the load tool started: the tracker OWLCMS's frames go to (the ingest) and,
// with replicas, the replicas and the embedded NATS they follow the ingest through.
type cluster struct {
	ingest   *tracker
	replicas []*tracker
	nats     *server.Server
	dir      string
}

// startCluster starts the tracker binary on free loopback ports: alone when replicas is 0,
// else as an ingest publishing to an embedded NATS JetStream and that many replicas
// (-follow). Every tracker gets args and extraEnv on top of the environment; none keeps state
// on disk or opens an admin port (several run side by side).
func startCluster(ctx context.Context, bin string, replicas int, args, extraEnv []string) (*cluster, error) {
	dir, err := os.MkdirTemp("", "loadtest-")
	if err != nil {
		return nil, err
	}
	c := &cluster{dir: dir}
	var natsArgs []string
	if replicas > 0 {
		if c.nats, err = startNATS(filepath.Join(dir, "nats")); err != nil {
			c.stop()
			return nil, err
		}
		natsArgs = []string{"-nats", natsURL(c.nats)}
	}
	if c.ingest, err = startTracker(ctx, bin, filepath.Join(dir, "ingest"), append(natsArgs, args...), extraEnv); err != nil {
		c.stop()
		return nil, err
	}
	for i := range replicas {
		r, err := startTracker(ctx, bin, filepath.Join(dir, "replica"+strconv.Itoa(i)), append(append(natsArgs, "-follow"), args...), extraEnv)
		if err != nil {
			c.stop()
			return nil, err
		}
		c.replicas = append(c.replicas, r)
	}
	return c, nil
}

// viewerTargets are the trackers the viewers watch: the replicas, or the tracker alone.
func (c *cluster) viewerTargets() []*tracker {
	if len(c.replicas) > 0 {
		return c.replicas
	}
	return []*tracker{c.ingest}
}

func (c *cluster) stop() {
	for _, r := range c.replicas {
		r.stop()
	}
	if c.ingest != nil {
		c.ingest.stop()
	}
	if c.nats != nil {
		c.nats.Shutdown()
		c.nats.WaitForShutdown()
	}
	os.RemoveAll(c.dir)
}

// startNATS runs a NATS server with JetStream on a free loopback port, its storage in dir.
func startNATS(dir string) (*server.Server, error) {
	ns, err := server.NewServer(&server.Options{Host: "127.0.0.1", Port: -1, JetStream: true,
		StoreDir: dir, NoLog: true, NoSigs: true, MaxPayload: 8 << 20})
	if err != nil {
		return nil, err
	}
	go ns.Start()
	if !ns.ReadyForConnections(10 * time.Second) {
		ns.Shutdown()
		return nil, fmt.Errorf("embedded NATS not ready within 10 s")
	}
	return ns, nil
}

func natsURL(ns *server.Server) string { return "nats://" + ns.Addr().String() }

// startTracker runs the tracker binary on a free loopback port, with its assets under dir, and
// waits for its /healthz.
func startTracker(ctx context.Context, bin, dir string, args, extraEnv []string) (*tracker, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	addr := ln.Addr().String()
	ln.Close()
	cmd := exec.CommandContext(ctx, bin, append([]string{"-addr", addr, "-local", filepath.Join(dir, "local"),
		"-data", "off", "-admin", "off"}, args...)...)
	cmd.Env = append(append(os.Environ(), "LOG_LEVEL=warn"), extraEnv...)
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	t := &tracker{addr: addr, pid: cmd.Process.Pid, stop: func() {
		_ = cmd.Process.Signal(syscall.SIGTERM)
		_ = cmd.Wait()
	}}
	deadline := time.Now().Add(10 * time.Second)
	for {
		if err := healthy(addr); err == nil {
			return t, nil
		}
		if time.Now().After(deadline) {
			t.stop()
			return nil, fmt.Errorf("tracker at %s not healthy within 10 s", addr)
		}
		time.Sleep(50 * time.Millisecond)
	}
}
