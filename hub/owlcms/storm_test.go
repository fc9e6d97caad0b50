package owlcms

import (
	"context"
	"encoding/json"
	"sync/atomic"
	"testing"
	"time"

	"github.com/coder/websocket"
)

// owlcmsLike reconnects as OWLCMS's sender does: after a close it waits backoff[attempt] and
// counts one more attempt; a successful open resets the count to zero (so a tracker that
// accepts then closes sees it back one step later); a failed handshake moves one step up.
// Time is scaled: one OWLCMS second is unit.
type owlcmsLike struct {
	url     string
	unit    time.Duration
	connect [][]byte // binary frames sent on every open (database, translations, flags)
	update  []byte   // text frame sent every OWLCMS second while open
	opens   atomic.Int32
	tries   atomic.Int32
}

var owlcmsBackoff = []int{1, 2, 4, 8, 16, 30}

func (o *owlcmsLike) run(t *testing.T, d time.Duration) {
	ctx, cancel := context.WithTimeout(context.Background(), d)
	defer cancel()
	attempt := 0
	for ctx.Err() == nil {
		o.tries.Add(1)
		ws, _, err := websocket.Dial(ctx, o.url, nil)
		if err == nil {
			o.opens.Add(1)
			attempt = 0 // onOpen
			o.session(ctx, ws)
			ws.CloseNow()
		}
		wait := time.Duration(owlcmsBackoff[min(attempt, len(owlcmsBackoff)-1)]) * o.unit
		attempt++
		select {
		case <-ctx.Done():
		case <-time.After(wait):
		}
	}
}

// session plays one connection until it closes or the run ends, answering 428s with the
// resources asked for.
func (o *owlcmsLike) session(ctx context.Context, ws *websocket.Conn) {
	ws.SetReadLimit(1 << 20)
	for _, b := range o.connect {
		if ws.Write(ctx, websocket.MessageBinary, b) != nil {
			return
		}
	}
	closed := make(chan struct{})
	go func() {
		defer close(closed)
		for {
			_, data, err := ws.Read(ctx)
			if err != nil {
				return
			}
			var r struct {
				Status  int      `json:"status"`
				Missing []string `json:"missing"`
			}
			if json.Unmarshal(data, &r) == nil && r.Status == 428 {
				for _, b := range o.connect {
					if ws.Write(ctx, websocket.MessageBinary, b) != nil {
						return
					}
				}
			}
		}
	}()
	tick := time.NewTicker(o.unit)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-closed:
			return
		case <-tick.C:
			if ws.Write(ctx, websocket.MessageText, o.update) != nil {
				return
			}
		}
	}
}

// No reconnect storm, whatever the tracker refuses: an OWLCMS-like client run for 20 OWLCMS
// seconds opens at most 3 connections.
func TestNoReconnectStorm(t *testing.T) {
	const unit = 40 * time.Millisecond
	db := EncodeFrame("64.0.0", "database_zip", makeZip(t, "competition.json", readTestdata(t, "database.json")))
	flags := EncodeFrame("64.0.0", "flags_zip", makeZip(t, "a.svg", "<svg/>"))
	big := EncodeFrame("64.0.0", "flags_zip", append([]byte("PK\x03\x04"), make([]byte, 256<<10)...))
	cases := []struct {
		name    string
		opts    Options
		query   string
		connect [][]byte
		update  func(t *testing.T) []byte
	}{
		{"wrong key in frames", Options{UpdateKey: testKey}, "", [][]byte{db, flags},
			func(t *testing.T) []byte { return textFrame(t, "update", "not-the-key") }},
		{"wrong key in URL", Options{UpdateKey: testKey}, "?updateKey=nope", [][]byte{db, flags},
			func(t *testing.T) []byte { return textFrame(t, "update", "nope") }},
		{"frame over the read limit", Options{ReadLimit: 128 << 10}, "", [][]byte{db, big},
			func(t *testing.T) []byte { return textFrame(t, "update", "") }},
		{"protocol errors", Options{}, "", [][]byte{{0, 0, 0, 9, 'x'}, EncodeFrame("2.3.0", "flags_zip", nil)},
			func(t *testing.T) []byte { return []byte(`{"version":"2.3.0","type":"update","payload":{`) }},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			hs := newHarness(t, newRealHub(), tc.opts)
			o := &owlcmsLike{url: hs.wsURL(tc.query), unit: unit, connect: tc.connect, update: tc.update(t)}
			o.run(t, 20*unit)
			if n := o.opens.Load(); n > 3 {
				t.Fatalf("%d connections opened in 20 OWLCMS seconds (%d attempts): a reconnect storm", n, o.tries.Load())
			}
			t.Logf("%d connections opened, %d attempts", o.opens.Load(), o.tries.Load())
		})
	}
}
