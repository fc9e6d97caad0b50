package sim

import (
	"context"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/coder/websocket"
)

// Replay sends the frames that learning mode saved in dir to a tracker, in their order and
// with their original spacing divided by speed: .bin files as binary frames, .json files as
// text frames. Learning mode removed the update key: give it in the URL (?updateKey=).
func Replay(ctx context.Context, url, dir string, speed float64, log *slog.Logger) error {
	if speed <= 0 {
		speed = 1
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return err
	}
	var names []string
	for _, e := range entries {
		if n := e.Name(); !e.IsDir() && (strings.HasSuffix(n, ".json") || strings.HasSuffix(n, ".bin")) {
			names = append(names, n)
		}
	}
	slices.Sort(names) // learning mode names sort in arrival order
	if len(names) == 0 {
		return fmt.Errorf("no .json or .bin frames in %s", dir)
	}
	dctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	ws, _, err := websocket.Dial(dctx, url, nil)
	cancel()
	if err != nil {
		return err
	}
	defer ws.CloseNow()
	go func() { // replies are only read, so that the connection answers pings
		for {
			if _, _, err := ws.Read(ctx); err != nil {
				return
			}
		}
	}()
	var prev time.Time
	for _, n := range names {
		if at, ok := stamp(n); ok {
			if !prev.IsZero() && at.After(prev) {
				select {
				case <-ctx.Done():
					return ctx.Err()
				case <-time.After(time.Duration(float64(at.Sub(prev)) / speed)):
				}
			}
			prev = at
		}
		data, err := os.ReadFile(filepath.Join(dir, n))
		if err != nil {
			return err
		}
		typ := websocket.MessageText
		if strings.HasSuffix(n, ".bin") {
			typ = websocket.MessageBinary
		}
		if err := ws.Write(ctx, typ, data); err != nil {
			return fmt.Errorf("sending %s: %w", n, err)
		}
		log.Info("owlcms-sim: replayed", "file", n)
	}
	return ws.Close(websocket.StatusNormalClosure, "replay done")
}

// stamp is the arrival time learning mode put at the start of a file name.
func stamp(name string) (time.Time, bool) {
	const layout = "2006-01-02T15-04-05.000"
	if len(name) < len(layout) {
		return time.Time{}, false
	}
	t, err := time.Parse(layout, name[:len(layout)])
	return t, err == nil
}
