package sim

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"maps"
	"runtime/debug"
	"slices"
	"time"

	"github.com/coder/websocket"

	"github.com/owlcms/tracker/hub/owlcms"
)

// link is the simulator's connection to the tracker, as OWLCMS's WebSocketEventSender keeps
// it: text frames are sent when connected and lost otherwise.
type link struct {
	opts Options
	log  *slog.Logger
	out  chan []byte // text envelopes to send; dropped when full or disconnected
}

func newLink(o Options) *link {
	return &link{opts: o, log: o.Logger, out: make(chan []byte, 64)}
}

// Backoff is OWLCMS's reconnection schedule: 1, 2, 4, 8, 16 s, then every 30 s.
var Backoff = []time.Duration{time.Second, 2 * time.Second, 4 * time.Second, 8 * time.Second, 16 * time.Second, 30 * time.Second}

// retries is OWLCMS's reconnection state: the attempt count picks the wait in the schedule,
// and every successful open sets it back to 0. So a tracker that accepts the socket and then
// closes it gets OWLCMS back after the first step (one second), every time, with a full
// re-export; the wait only grows while the handshake itself fails.
type retries struct {
	schedule []time.Duration
	attempt  int
}

// next is the wait before the next connection attempt, after one that opened or not.
func (r *retries) next(opened bool) time.Duration {
	if opened {
		r.attempt = 0
	}
	wait := r.schedule[min(r.attempt, len(r.schedule)-1)]
	r.attempt++
	return wait
}

// run connects, sends the resources, then the queued frames, until ctx ends; after a lost
// connection it reconnects with the back-off.
func (l *link) run(ctx context.Context, resources func(onOpen bool) map[string][]byte) {
	r := retries{schedule: l.opts.Backoff}
	for ctx.Err() == nil {
		opened, err := l.session(ctx, resources)
		if ctx.Err() != nil {
			return
		}
		wait := r.next(opened)
		l.log.Info("owlcms-sim: connection lost, reconnecting", "in", wait, "error", err)
		l.drain()
		select {
		case <-ctx.Done():
			return
		case <-time.After(wait):
		}
	}
}

// drain drops what was queued while disconnected: OWLCMS does not queue either.
func (l *link) drain() {
	for {
		select {
		case <-l.out:
		default:
			return
		}
	}
}

// session is one connection: the resources first, then the frames, answering 428s. opened
// says the handshake succeeded (OWLCMS's onOpen ran).
func (l *link) session(ctx context.Context, resources func(onOpen bool) map[string][]byte) (opened bool, err error) {
	defer func() {
		if r := recover(); r != nil {
			l.log.Error("owlcms-sim: panic in the connection", "panic", r, "stack", string(debug.Stack()))
		}
	}()
	ws, err := Dial(ctx, l.opts.URL)
	if err != nil {
		return false, err
	}
	defer ws.CloseNow()
	ws.SetReadLimit(1 << 20)
	res := resources(true)
	for _, name := range []string{"database", "translations_zip", "flags_zip"} {
		f, ok := res[name]
		if !ok {
			continue // OWLCMS without flags sends none on connecting
		}
		if err := ws.Write(ctx, websocket.MessageBinary, f); err != nil {
			return true, err
		}
	}
	l.log.Info("owlcms-sim: connected", "url", l.opts.URL)

	// The replies: only a 428 matters, as in OWLCMS. Reading also answers the tracker's pings.
	wanted := make(chan []string, 4)
	readErr := make(chan error, 1)
	go func() {
		for {
			_, data, err := ws.Read(ctx)
			if err != nil {
				readErr <- err
				return
			}
			var reply struct {
				Status  any      `json:"status"`
				Missing []string `json:"missing"`
			}
			if json.Unmarshal(data, &reply) == nil && (reply.Status == float64(428) || reply.Status == "428") && len(reply.Missing) > 0 {
				select {
				case wanted <- reply.Missing:
				default:
				}
			}
		}
	}()
	for {
		select {
		case <-ctx.Done():
			_ = ws.Close(websocket.StatusGoingAway, "owlcms-sim stopping")
			<-readErr
			return true, nil
		case err := <-readErr:
			return true, err
		case names := <-wanted:
			res := resources(false)
			for _, n := range names {
				f, ok := res[n]
				if !ok || !slices.Contains(l.opts.Callbacks, n) {
					// OWLCMS logs a name it has no callback for as an error and answers nothing.
					l.log.Warn("owlcms-sim: 428 asks for a resource this OWLCMS does not answer", "name", n)
					continue
				}
				if err := ws.Write(ctx, websocket.MessageBinary, f); err != nil {
					return true, err
				}
			}
		case msg := <-l.out:
			if err := ws.Write(ctx, websocket.MessageText, msg); err != nil {
				return true, err
			}
		}
	}
}

// send queues a text frame; it is lost if the connection is down or backed up.
func (l *link) send(typ string, payload map[string]any) {
	if l.opts.UpdateKey != "" {
		payload["updateKey"] = l.opts.UpdateKey
	}
	l.sendRaw(typ, payload)
}

func (l *link) sendRaw(typ string, payload any) {
	env, err := json.Marshal(map[string]any{"version": Version, "type": typ, "payload": payload})
	if err != nil {
		l.log.Error("owlcms-sim: encoding a frame", "error", err)
		return
	}
	select {
	case l.out <- env:
	default:
	}
}

// frame is a binary frame as OWLCMS 64 sends it: version and type headers, then the payload.
func frame(typ string, payload []byte) []byte { return owlcms.EncodeFrame(Version, typ, payload) }

// Zipped is a ZIP with one file (none when name is "").
func Zipped(name string, data []byte) []byte {
	files := map[string][]byte{}
	if name != "" {
		files[name] = data
	}
	var b bytes.Buffer
	_ = writeZip(&b, files) // a bytes.Buffer does not fail
	return b.Bytes()
}

// writeZip writes a ZIP of files, in name order, to w.
func writeZip(w io.Writer, files map[string][]byte) error {
	zw := zip.NewWriter(w)
	for _, name := range slices.Sorted(maps.Keys(files)) {
		f, err := zw.Create(name)
		if err != nil {
			return err
		}
		if _, err := f.Write(files[name]); err != nil {
			return err
		}
	}
	return zw.Close()
}
