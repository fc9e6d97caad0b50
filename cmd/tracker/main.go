// Command tracker is the OWLCMS scoreboard server: OWLCMS connects to its /ws endpoint and
// pushes the competition; venue TVs, OBS and remote viewers open its scoreboards.
package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"syscall"
)

// version is set at build time: -ldflags "-X main.version=v1.2.3".
var version = "dev"

func main() {
	c, err := parseConfig(os.Args[1:], os.Getenv, os.Stderr)
	if err != nil {
		fmt.Fprintln(os.Stderr, "tracker:", err)
		os.Exit(2)
	}
	if c.HealthCheck {
		if err := healthCheck(c.Addr); err != nil {
			fmt.Fprintln(os.Stderr, "unhealthy:", err)
			os.Exit(1)
		}
		return
	}
	log := newLogger(os.Stdout, c.LogLevel)
	// Fly stops machines with SIGINT by default, Docker with SIGTERM: handle both.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := serve(ctx, c, log, nil); err != nil {
		log.Error("tracker stopped", "error", err)
		os.Exit(1)
	}
}
