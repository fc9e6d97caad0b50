package owlcms

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/coder/websocket"

	"github.com/owlcms/tracker/hub"
)

func TestPlainGETExplainsEndpoint(t *testing.T) {
	hs := newHarness(t, newFakeHub(), Options{})
	resp, body := hs.httpGet("/ws")
	if resp.StatusCode != http.StatusUpgradeRequired {
		t.Fatalf("status %d, want 426", resp.StatusCode)
	}
	host := strings.TrimPrefix(hs.srv.URL, "http://")
	for _, want := range []string{"OWLCMS WebSocket endpoint", "URL for Video Data", "ws://" + host + "/ws"} {
		if !strings.Contains(body, want) {
			t.Errorf("body lacks %q:\n%s", want, body)
		}
	}
	if hs.h.Connections() != 0 {
		t.Fatal("a plain GET counted as a connection")
	}
}

func TestTextRepliesPerType(t *testing.T) {
	fake := newFakeHub()
	hs := newHarness(t, fake, Options{})
	c := hs.dial("")

	for _, tt := range []struct{ typ, want string }{
		{"update", `{"status":200,"message":"Update processed"}`},
		{"timer", `{"status":200,"message":"Timer processed"}`},
		{"decision", `{"status":200,"message":"Decision processed"}`},
	} {
		payload := payloadFile(t, tt.typ+".json", "")
		if got := c.roundTrip(wrap("64.0.0", tt.typ, payload)); got != tt.want {
			t.Errorf("%s: reply %s, want %s", tt.typ, got, tt.want)
		}
		calls := fake.takeCalls()
		if len(calls) != 1 || calls[0].Method != "Apply" || calls[0].Arg != tt.typ || !jsonEqual(calls[0].Data, payload) {
			t.Errorf("%s: hub calls %+v", tt.typ, calls)
		}
	}

	db := []byte(readTestdata(t, "database.json"))
	if got := c.roundTrip(wrap("64.0.0", "database", db)); got != `{"status":200,"message":"Database loaded"}` {
		t.Errorf("database: %s", got)
	}
	if calls := fake.takeCalls(); len(calls) != 1 || calls[0].Method != "LoadDatabaseJSON" || calls[0].Arg != "" || !jsonEqual(calls[0].Data, db) {
		t.Errorf("database: hub calls %+v", calls)
	}
	fake.mu.Lock()
	fake.unchanged = true
	fake.mu.Unlock()
	envelopeForm := []byte(`{"databaseChecksum":"abc123","database":` + string(db) + `}`)
	if got := c.roundTrip(wrap("64.0.0", "database", envelopeForm)); got != `{"status":200,"message":"Database unchanged"}` {
		t.Errorf("database unchanged: %s", got)
	}
	fake.takeCalls()

	fake.mu.Lock()
	okVersions := len(fake.protoOK)
	fake.mu.Unlock()
	if okVersions != 5 {
		t.Errorf("ProtocolOK called %d times, want 5", okVersions)
	}
}

func TestRejectedTextFramesKeepConnection(t *testing.T) {
	fake := newFakeHub()
	hs := newHarness(t, fake, Options{})
	c := hs.dial("")

	tests := []struct {
		name  string
		frame string
		want  string // exact reply, or prefix ending in "*"
	}{
		{"malformed JSON", `{"version":"64.0.0","type":`,
			`{"status":400,"error":"invalid_json","message":"Unable to parse JSON: *`},
		{"unknown type", `{"version":"64.0.0","type":"foo","payload":{"fop":"A"}}`,
			`{"status":400,"error":"unknown_type","message":"Unknown message type \"foo\""}`},
		{"too old", `{"version":"63.9.9","type":"update","payload":{}}`,
			`{"status":400,"error":"Protocol version check failed","reason":"OWLCMS protocol version 63.9.9 is below required minimum 64.0.0. Please upgrade OWLCMS.","details":{"received":"63.9.9","info":"Please ensure OWLCMS is configured with the correct tracker WebSocket URL and is up to date"}}`},
		{"old sender", `{"version":"2.3.0","type":"update","payload":{}}`,
			`{"status":400,"error":"Protocol version check failed","reason":"OWLCMS protocol version 2.3.0 is below required minimum 64.0.0. Please upgrade OWLCMS.","details":{"received":"2.3.0","info":"Please ensure OWLCMS is configured with the correct tracker WebSocket URL and is up to date"}}`},
		{"missing version", `{"type":"update","payload":{}}`,
			`{"status":400,"error":"Protocol version check failed","reason":"Message missing \"version\" field. Expected format: {\"version\":\"2.0.0\",\"type\":\"...\",\"payload\":{...}}","details":{"received":null,"info":"Please ensure OWLCMS is configured with the correct tracker WebSocket URL and is up to date"}}`},
		{"number version", `{"version":64,"type":"update","payload":{}}`,
			`{"status":400,"error":"Protocol version check failed","reason":"Invalid version format from OWLCMS: \"64\" (expected \"MAJOR.MINOR.PATCH\")","details":{"received":64,"info":"Please ensure OWLCMS is configured with the correct tracker WebSocket URL and is up to date"}}`},
		{"not an object", `[1,2]`,
			`{"status":400,"error":"Protocol version check failed","reason":"Message is not a valid object","details":{"received":null,"info":"Please ensure OWLCMS is configured with the correct tracker WebSocket URL and is up to date"}}`},
		{"array payload", `{"version":"64.0.0","type":"update","payload":[1]}`,
			`{"status":400,"error":"invalid_message","message":"Invalid message format. Expected {version, type, payload}: \"payload\" must be a JSON object"}`},
		{"string payload", `{"version":"64.0.0","type":"update","payload":"x"}`,
			`{"status":400,"error":"invalid_message","message":"Invalid message format. Expected {version, type, payload}: \"payload\" must be a JSON object"}`},
		{"missing type", `{"version":"64.0.0","payload":{}}`,
			`{"status":400,"error":"invalid_message","message":"Invalid message format. Expected {version, type, payload}: missing \"type\""}`},
	}
	for _, tt := range tests {
		got := c.roundTrip([]byte(tt.frame))
		if prefix, ok := strings.CutSuffix(tt.want, "*"); ok {
			if !strings.HasPrefix(got, prefix) {
				t.Errorf("%s: reply %s, want prefix %s", tt.name, got, prefix)
			}
		} else if got != tt.want {
			t.Errorf("%s:\n got %s\nwant %s", tt.name, got, tt.want)
		}
	}

	// Binary frames with broken headers: no reply, no hub call, connection kept.
	c.sendBinary([]byte{0, 0})
	c.sendBinary(append(EncodeFrame("64.0.0", "", nil)[:10], 0, 0, 0, 50, 'd', 'b'))
	c.sendBinary([]byte{0, 0, 0, 0})

	if got := c.roundTrip(textFrame(t, "update", "")); got != `{"status":200,"message":"Update processed"}` {
		t.Fatalf("connection unusable after rejections: %s", got)
	}
	if calls := fake.takeCalls(); len(calls) != 1 || calls[0].Method != "Apply" {
		t.Fatalf("rejected frames reached the hub: %+v", calls)
	}
	pes := fake.protocolErrors()
	if len(pes) != 5 {
		t.Fatalf("%d protocol errors reported, want 5: %+v", len(pes), pes)
	}
	if pes[0].Source != "text" || pes[0].Received != "63.9.9" || pes[0].Minimum != "64.0.0" || pes[1].Received != "2.3.0" || pes[3].Received != "64" {
		t.Fatalf("protocol errors: %+v", pes)
	}
	logs := hs.logs.String()
	if n := strings.Count(logs, "owlcms frame rejected"); n != len(tests)+3 {
		t.Errorf("%d rejection warnings logged, want %d", n, len(tests)+3)
	}
	if !strings.Contains(logs, "level=WARN") || !strings.Contains(logs, "truncated binary frame header") {
		t.Errorf("rejections not logged with their reason:\n%s", logs)
	}
}

func TestHubPanicAnswers500AndConnectionSurvives(t *testing.T) {
	fake := newFakeHub()
	hs := newHarness(t, fake, Options{})
	c := hs.dial("")

	fake.setPanic("Apply")
	if got := c.roundTrip(textFrame(t, "update", "")); got != `{"status":500,"message":"Internal error while processing the message"}` {
		t.Fatalf("panic reply: %s", got)
	}
	fake.setPanic("Needs")
	if got := c.roundTrip(textFrame(t, "timer", "")); got != `{"status":500,"message":"Internal error while processing the message"}` {
		t.Fatalf("panic in Needs: %s", got)
	}
	fake.setPanic("LoadDatabaseZip")
	c.sendBinary(EncodeFrame("64.0.0", "database_zip", []byte("PK\x03\x04")))
	fake.setPanic("")
	if got := c.roundTrip(textFrame(t, "update", "")); got != `{"status":200,"message":"Update processed"}` {
		t.Fatalf("after panics: %s", got)
	}
	if !strings.Contains(hs.logs.String(), "panic while processing owlcms frame") {
		t.Fatal("panic not logged")
	}
}

func TestHubErrorsMapToReplies(t *testing.T) {
	fake := newFakeHub()
	hs := newHarness(t, fake, Options{})
	c := hs.dial("")

	fake.setErr("Apply", fmt.Errorf("%w: no platform", hub.ErrBadPayload))
	if got := c.roundTrip(textFrame(t, "update", "")); got != `{"status":400,"error":"bad_payload","message":"bad payload: no platform"}` {
		t.Fatalf("bad payload: %s", got)
	}
	fake.setErr("Apply", errBoom)
	if got := c.roundTrip(textFrame(t, "decision", "")); got != `{"status":500,"message":"disk on fire"}` {
		t.Fatalf("other error: %s", got)
	}
	fake.setErr("LoadDatabaseJSON", fmt.Errorf("%w: database has no athletes", hub.ErrBadPayload))
	if got := c.roundTrip(wrap("64.0.0", "database", []byte(`{"athletes":[]}`))); got != `{"status":400,"error":"bad_payload","message":"bad payload: database has no athletes"}` {
		t.Fatalf("bad database: %s", got)
	}
}

func TestBinaryDispatch(t *testing.T) {
	fake := newFakeHub()
	hs := newHarness(t, fake, Options{})
	c := hs.dial("")

	zipped := []byte("PK\x03\x04fake")
	frames := [][]byte{
		EncodeFrame("64.0.0", "database_zip", zipped),
		EncodeFrame("64.1.0", "database", []byte(` {"athletes":[]}`)),
		EncodeFrame("64.0.0", "database", []byte("neither zip nor json")),
		EncodeFrame("64.0.0-rc08", "translations_zip", zipped),
		EncodeFrame("64.0.0", "flags_zip", zipped),
		EncodeFrame("64.0.0", "flags", zipped),
		EncodeFrame("64.0.0", "logos_zip", zipped),
		EncodeFrame("64.0.0", "logos", zipped),
		EncodeFrame("64.0.0", "pictures_zip", zipped),
		EncodeFrame("64.0.0", "pictures", zipped),
		EncodeFrame("64.0.0", "styles", zipped),
		EncodeFrame("64.0.0", "styles_zip", zipped),
		EncodeFrame("64.0.0", "videos_zip", zipped),   // unknown: ignored
		EncodeFrame("63.0.0", "database_zip", zipped), // too old: dropped
		encodeLegacy("database_zip", zipped),          // legacy: gate bypassed
		[]byte("PK\x03\x04a bare zip is flags"),       // bare zip
	}
	for _, f := range frames {
		c.sendBinary(f)
	}
	// Frames are processed in order, so the reply to this text frame means all are done.
	if got := c.roundTrip(textFrame(t, "update", "")); got != `{"status":200,"message":"Update processed"}` {
		t.Fatalf("sync reply: %s", got)
	}
	var got []string
	for _, cl := range fake.takeCalls() {
		got = append(got, cl.Method+"("+cl.Arg+")")
	}
	want := []string{
		"LoadDatabaseZip()", "LoadDatabaseJSON()", "LoadTranslationsZip()",
		"ReplaceAssetsZip(flags)", "ReplaceAssetsZip(flags)", "ReplaceAssetsZip(logos)", "ReplaceAssetsZip(logos)",
		"ReplaceAssetsZip(pictures)", "ReplaceAssetsZip(pictures)", "ReplaceAssetsZip(styles)", "ReplaceAssetsZip(styles)",
		"LoadDatabaseZip()", "ReplaceAssetsZip(flags)", "Apply(update)",
	}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Fatalf("hub calls\n got %v\nwant %v", got, want)
	}
	pes := fake.protocolErrors()
	if len(pes) != 1 || pes[0].Source != "binary" || pes[0].Received != "63.0.0" || pes[0].Minimum != "64.0.0" {
		t.Fatalf("protocol errors: %+v", pes)
	}
	logs := hs.logs.String()
	for _, want := range []string{"unknown binary frame type", "neither a ZIP nor a JSON object", "below required minimum"} {
		if !strings.Contains(logs, want) {
			t.Errorf("log lacks %q", want)
		}
	}
}

// OWLCMS's 30 s pings must be answered while the hub is busy with a big frame.
func TestPingAnsweredWhileHubBusy(t *testing.T) {
	fake := newFakeHub()
	fake.block = make(chan struct{})
	fake.entered = make(chan struct{}, 1)
	hs := newHarness(t, fake, Options{})
	c := hs.dial("")

	c.sendBinary(EncodeFrame("64.0.0", "database_zip", []byte("PK\x03\x04")))
	<-fake.entered

	// The client only sees pongs while it reads.
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	replies := make(chan string, 1)
	go func() {
		_, data, err := c.ws.Read(ctx)
		if err != nil {
			replies <- "error: " + err.Error()
			return
		}
		replies <- string(data)
	}()
	pingCtx, pingCancel := context.WithTimeout(ctx, 2*time.Second)
	defer pingCancel()
	if err := c.ws.Ping(pingCtx); err != nil {
		t.Fatalf("ping not answered while the hub is busy: %v", err)
	}
	fake.mu.Lock()
	pings, block := fake.pings, fake.block
	fake.block, fake.entered = nil, nil
	fake.mu.Unlock()
	if pings == 0 {
		t.Fatal("ping not recorded with SourcePing")
	}
	close(block)
	c.sendText(textFrame(t, "update", ""))
	if got := <-replies; got != `{"status":200,"message":"Update processed"}` {
		t.Fatalf("reply after the busy frame: %s", got)
	}
}

// A frame far above coder/websocket's 32 KiB default gets through.
func TestLargeFrame(t *testing.T) {
	fake := newFakeHub()
	hs := newHarness(t, fake, Options{})
	c := hs.dial("")
	big := append([]byte("PK\x03\x04"), make([]byte, 3<<20)...)
	c.sendBinary(EncodeFrame("64.0.0", "flags_zip", big))
	c.roundTrip(textFrame(t, "update", ""))
	calls := fake.takeCalls()
	if len(calls) != 2 || len(calls[0].Data) != len(big) {
		t.Fatalf("large frame not applied: %d calls", len(calls))
	}
}

// A frame over the read limit is thrown away and the connection stays: closing it (1009) would
// make OWLCMS reconnect a second later and send the same frame again, for ever. The resource is
// remembered as failed: not asked for again, and the status page says why.
func TestFrameAboveReadLimitKeepsConnection(t *testing.T) {
	fake := newFakeHub()
	hs := newHarness(t, fake, Options{ReadLimit: 2048})
	c := hs.dial("")
	c.sendBinary(EncodeFrame("64.0.0", "pictures_zip", append([]byte("PK\x03\x04"), make([]byte, 4096)...)))
	fake.setNeeds(hub.Need{Resource: hub.ResourcePictures, Gen: 1})
	if got := c.roundTrip(textFrame(t, "update", "")); got != `{"status":200,"message":"Update processed"}` {
		t.Fatalf("after an oversized frame: %s", got)
	}
	if calls := fake.takeCalls(); len(calls) != 1 || calls[0].Method != "Apply" {
		t.Fatalf("calls: %+v", calls)
	}
	refusals := fake.inner.Refusals()
	if len(refusals) != 1 || refusals[0].Key != "too-big:pictures_zip" ||
		!strings.Contains(refusals[0].Reason, "Pictures are larger than WS_READ_LIMIT_MB (2048 bytes)") {
		t.Fatalf("refusals: %+v", refusals)
	}
	// A text frame over the limit is answered and the connection still stays.
	if got := c.roundTrip(wrap("64.0.0", "update", []byte(`{"x":"`+strings.Repeat("a", 3000)+`"}`))); !strings.Contains(got, `"status":400`) {
		t.Fatalf("oversized text frame: %s", got)
	}
	if hs.h.Connections() != 1 {
		t.Fatal("connection dropped")
	}
}

func TestCloseSendsGoingAway(t *testing.T) {
	fake := newFakeHub()
	hs := newHarness(t, fake, Options{})
	c1, c2 := hs.dial(""), hs.dial("")
	c1.roundTrip(textFrame(t, "update", "")) // one active, one idle
	waitFor(t, "both connections", func() bool { return hs.h.Connections() == 2 })

	statuses := make(chan websocket.StatusCode, 2)
	for _, c := range []*client{c1, c2} {
		go func() {
			ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
			defer cancel()
			_, _, err := c.ws.Read(ctx)
			statuses <- websocket.CloseStatus(err)
		}()
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := hs.h.Close(ctx); err != nil {
		t.Fatalf("Close: %v", err)
	}
	for range 2 {
		if st := <-statuses; st != websocket.StatusGoingAway {
			t.Fatalf("client saw %v, want 1001", st)
		}
	}
	if n := hs.h.Connections(); n != 0 {
		t.Fatalf("%d connections after Close", n)
	}
	if n := fake.openSources(); n != 0 {
		t.Fatalf("%d sources still connected in the hub", n)
	}
	if _, status, err := hs.dialErr(""); err == nil || status != http.StatusServiceUnavailable {
		t.Fatalf("dial after Close: status %d, err %v", status, err)
	}
}

// When the hub is stuck, Close gives up at its deadline, tears the sockets down, and the
// goroutines end as soon as the hub returns.
func TestCloseGivesUpAtDeadline(t *testing.T) {
	fake := newFakeHub()
	fake.block = make(chan struct{})
	fake.entered = make(chan struct{}, 1)
	hs := newHarness(t, fake, Options{})
	c := hs.dial("")
	c.sendBinary(EncodeFrame("64.0.0", "database_zip", []byte("PK\x03\x04")))
	<-fake.entered

	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	if err := hs.h.Close(ctx); err == nil {
		t.Fatal("Close returned nil while a connection was stuck in the hub")
	}
	if st := c.expectClose(); st == websocket.StatusNormalClosure {
		t.Fatalf("socket not torn down: %v", st)
	}
	close(fake.block)
	waitFor(t, "the connection to end", func() bool { return hs.h.Connections() == 0 })
}

// Closing one connection never touches the state; the other keeps working.
func TestOneConnectionClosingLeavesOthers(t *testing.T) {
	fake := newFakeHub()
	hs := newHarness(t, fake, Options{})
	c1, c2 := hs.dial(""), hs.dial("")
	c1.roundTrip(textFrame(t, "update", ""))
	c1.ws.Close(websocket.StatusNormalClosure, "bye")
	waitFor(t, "one connection left", func() bool { return hs.h.Connections() == 1 })
	if got := c2.roundTrip(textFrame(t, "update", "")); got != `{"status":200,"message":"Update processed"}` {
		t.Fatalf("second connection: %s", got)
	}
	if n := fake.openSources(); n != 1 {
		t.Fatalf("%d sources open, want 1", n)
	}
	if !strings.Contains(hs.logs.String(), "owlcms disconnected") {
		t.Fatal("disconnection not logged")
	}
}

func jsonEqual(a, b []byte) bool {
	var x, y any
	if json.Unmarshal(a, &x) != nil || json.Unmarshal(b, &y) != nil {
		return false
	}
	xa, _ := json.Marshal(x)
	ya, _ := json.Marshal(y)
	return string(xa) == string(ya)
}
