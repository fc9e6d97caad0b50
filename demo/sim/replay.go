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
// text frames. Learning mode removed the update key: give it in the URL (?updateKey=). A
// capture folder (payloads without their frames, see captures.go) is sent as the frames
// OWLCMS sent.
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
			if _, stamped := stamp(n); stamped {
				names = append(names, n)
			}
		}
	}
	slices.Sort(names) // learning mode names sort in arrival order
	if len(names) == 0 {
		return fmt.Errorf("no .json or .bin frames in %s", dir)
	}
	frames, err := replayFrames(dir, names)
	if err != nil {
		return err
	}
	ws, err := Dial(ctx, url)
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
	for _, f := range frames {
		if at, ok := stamp(f.name); ok {
			if !prev.IsZero() && at.After(prev) {
				select {
				case <-ctx.Done():
					return ctx.Err()
				case <-time.After(time.Duration(float64(at.Sub(prev)) / speed)):
				}
			}
			prev = at
		}
		if err := ws.Write(ctx, f.typ, f.data); err != nil {
			return fmt.Errorf("sending %s: %w", f.name, err)
		}
		log.Info("owlcms-sim: replayed", "file", f.name)
	}
	return ws.Close(websocket.StatusNormalClosure, "replay done")
}

// replayFrames reads the files of dir named names: learning mode's frames as they are, a
// capture's payloads as the frames OWLCMS sent (captured).
func replayFrames(dir string, names []string) ([]replayFrame, error) {
	var out []replayFrame
	for _, n := range names {
		data, err := os.ReadFile(filepath.Join(dir, n))
		if err != nil {
			return nil, err
		}
		switch {
		case strings.HasSuffix(n, ".bin"):
			out = append(out, replayFrame{n, websocket.MessageBinary, data})
		case isPayload(data):
			fs, err := captured(dir, n, data)
			if err != nil {
				return nil, err
			}
			out = append(out, fs...)
		default:
			out = append(out, replayFrame{n, websocket.MessageText, data})
		}
	}
	return out, nil
}

// stamp is the arrival time learning mode put at the start of a file name (a capture folder
// writes its milliseconds after a dash rather than a dot).
func stamp(name string) (time.Time, bool) {
	const layout = "2006-01-02T15-04-05.000"
	if len(name) < len(layout) {
		return time.Time{}, false
	}
	s := []byte(name[:len(layout)])
	if s[19] == '-' {
		s[19] = '.'
	}
	t, err := time.Parse(layout, string(s))
	return t, err == nil
}
