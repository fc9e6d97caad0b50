package owlcms

import (
	"net/http"
	"strings"
	"testing"

	"github.com/coder/websocket"
)

// OWLCMS sends its ZIPs before any text frame: with a key configured they are held, then
// applied in order once the first text frame proves the key.
func TestAuthHoldsBinaryFramesUntilKey(t *testing.T) {
	fake := newFakeHub()
	hs := newHarness(t, fake, Options{UpdateKey: testKey})
	c := hs.dial("")

	c.sendBinary(EncodeFrame("64.0.0", "database_zip", []byte("PK\x03\x04db")))
	c.sendBinary(EncodeFrame("64.0.0", "translations_zip", []byte("PK\x03\x04tr")))
	c.sendBinary(EncodeFrame("64.0.0", "flags_zip", []byte("PK\x03\x04fl")))
	// A frame the gate answers without authentication proves the binaries were processed.
	c.roundTrip(wrap("2.3.0", "update", []byte(`{}`)))
	if calls := fake.takeCalls(); len(calls) != 0 {
		t.Fatalf("binary frames applied before authentication: %+v", calls)
	}
	if pes := fake.protocolErrors(); len(pes) != 0 {
		t.Fatalf("an unauthenticated frame latched a protocol error: %+v", pes)
	}

	if got := c.roundTrip(textFrame(t, "update", testKey)); got != `{"status":200,"message":"Update processed"}` {
		t.Fatalf("authenticated update: %s", got)
	}
	var got []string
	for _, cl := range fake.takeCalls() {
		got = append(got, cl.Method+"("+cl.Arg+")"+string(cl.Data[len(cl.Data)-2:]))
	}
	want := "LoadDatabaseZip()db LoadTranslationsZip()tr ReplaceAssetsZip(flags)fl Apply(update)\"}"
	if strings.Join(got, " ") != want {
		t.Fatalf("calls after authentication:\n got %v\nwant %s", got, want)
	}

	// Once authenticated, binary frames apply at once; the other key fields are accepted.
	c.sendBinary(EncodeFrame("64.0.0", "logos_zip", []byte("PK\x03\x04lo")))
	for _, field := range []string{"update_key", "updatekey"} {
		frame := wrap("64.0.0", "timer", []byte(`{"fopName":"Main","`+field+`":"`+testKey+`"}`))
		if got := c.roundTrip(frame); got != `{"status":200,"message":"Timer processed"}` {
			t.Fatalf("%s: %s", field, got)
		}
	}
	if calls := fake.takeCalls(); len(calls) != 3 || calls[0].Method != "ReplaceAssetsZip" {
		t.Fatalf("calls: %+v", calls)
	}

	// Every text frame must carry the key, as with the reference tracker: a keyless one is
	// refused (401 once) and ignored, and the connection stays.
	c.sendText(textFrame(t, "update", ""))
	if got := string(c.readRaw()); got != `{"status":401,"message":"Access not authorized"}` {
		t.Fatalf("keyless frame: %s", got)
	}
	if got := c.roundTrip(textFrame(t, "timer", testKey)); got != `{"status":200,"message":"Timer processed"}` {
		t.Fatalf("after a keyless frame: %s", got)
	}
	if calls := fake.takeCalls(); len(calls) != 1 || calls[0].Arg != "timer" {
		t.Fatalf("the keyless frame reached the hub: %+v", calls)
	}
	assertKeyNeverLogged(t, hs)
}

// A wrong or missing key: answered 401 once, held frames discarded, later frames ignored, and
// the connection stays open (closing would make OWLCMS reconnect and re-export every second).
func TestAuthWrongKeyIgnoresFramesAndKeepsConnection(t *testing.T) {
	for _, key := range []string{"wrong-key", ""} {
		t.Run("key="+key, func(t *testing.T) {
			fake := newFakeHub()
			hs := newHarness(t, fake, Options{UpdateKey: testKey})
			c := hs.dial("")
			c.sendBinary(EncodeFrame("64.0.0", "database_zip", []byte("PK\x03\x04db")))
			c.sendText(textFrame(t, "update", key))
			if got := string(c.readRaw()); got != `{"status":401,"message":"Access not authorized"}` {
				t.Fatalf("reply %s", got)
			}
			c.sendBinary(EncodeFrame("64.0.0", "flags_zip", []byte("PK\x03\x04fl")))
			c.sendText(textFrame(t, "timer", key)) // not answered again
			// A malformed frame is answered: it proves the frames before it were processed.
			if got := c.roundTrip([]byte(`{"version":`)); !strings.Contains(got, "invalid_json") {
				t.Fatalf("malformed frame: %s", got)
			}
			if calls := fake.takeCalls(); len(calls) != 0 {
				t.Fatalf("frames of an unauthenticated connection reached the hub: %+v", calls)
			}
			if hs.h.Connections() != 1 || fake.openSources() != 0 {
				t.Fatalf("connections %d, sources %d: want the socket open but not counted as OWLCMS",
					hs.h.Connections(), fake.openSources())
			}
			if r := fake.inner.Refusals(); len(r) != 1 || r[0].Key != "auth" || !strings.Contains(r[0].Reason, "wrong or missing update key") {
				t.Fatalf("refusals: %+v", r)
			}
			logs := hs.logs.String()
			if !strings.Contains(logs, "binary frames discarded without being applied") {
				t.Error("discarded frames not logged")
			}
			if key != "" && strings.Contains(logs, key) {
				t.Error("the wrong key was logged")
			}
			// The right key later on still authenticates the connection.
			if got := c.roundTrip(textFrame(t, "update", testKey)); got != want200 {
				t.Fatalf("right key after a wrong one: %s", got)
			}
			if fake.openSources() != 1 || len(fake.inner.Refusals()) != 0 {
				t.Fatalf("sources %d, refusals %+v", fake.openSources(), fake.inner.Refusals())
			}
			assertKeyNeverLogged(t, hs)
		})
	}
}

// Malformed frames from a connection that has not proven the key: closed after a few.
func TestAuthMalformedFramesBeforeKeyClose(t *testing.T) {
	fake := newFakeHub()
	hs := newHarness(t, fake, Options{UpdateKey: testKey})
	c := hs.dial("")
	for range maxBadFramesBeforeAuth {
		c.sendText([]byte("not json"))
	}
	if st := c.expectClose(); st != websocket.StatusPolicyViolation {
		t.Fatalf("close status %v, want 1008", st)
	}
}

func TestAuthKeyInURL(t *testing.T) {
	fake := newFakeHub()
	hs := newHarness(t, fake, Options{UpdateKey: testKey})

	if _, status, err := hs.dialErr("?updateKey=nope"); err == nil || status != http.StatusUnauthorized {
		t.Fatalf("wrong URL key: status %d, err %v", status, err)
	}

	c := hs.dial("?updateKey=" + testKey)
	c.sendBinary(EncodeFrame("64.0.0", "database_zip", []byte("PK\x03\x04db")))
	// The URL authenticated the connection: no key needed in the payload.
	if got := c.roundTrip(textFrame(t, "update", "")); got != `{"status":200,"message":"Update processed"}` {
		t.Fatalf("keyless update on a URL-authenticated connection: %s", got)
	}
	if calls := fake.takeCalls(); len(calls) != 2 || calls[0].Method != "LoadDatabaseZip" {
		t.Fatalf("calls: %+v", calls)
	}
	if got := c.roundTrip(textFrame(t, "timer", testKey)); got != `{"status":200,"message":"Timer processed"}` {
		t.Fatalf("keyed timer: %s", got)
	}
	// A key that is present must still be right.
	c.sendText(textFrame(t, "update", "another-key"))
	if got := string(c.readRaw()); got != `{"status":401,"message":"Access not authorized"}` {
		t.Fatalf("wrong payload key: %s", got)
	}
	if calls := fake.takeCalls(); len(calls) != 1 || calls[0].Arg != "timer" {
		t.Fatalf("calls: %+v", calls)
	}

	c2 := hs.dial("?key=" + testKey)
	if got := c2.roundTrip(textFrame(t, "update", "")); got != `{"status":200,"message":"Update processed"}` {
		t.Fatalf("?key=: %s", got)
	}
	assertKeyNeverLogged(t, hs)
}

func TestAuthHoldBufferIsBounded(t *testing.T) {
	fake := newFakeHub()
	hs := newHarness(t, fake, Options{UpdateKey: testKey, ReadLimit: 4096})
	c := hs.dial("")
	first := EncodeFrame("64.0.0", "database_zip", append([]byte("PK\x03\x04"), make([]byte, 3000)...))
	second := EncodeFrame("64.0.0", "flags_zip", append([]byte("PK\x03\x04"), make([]byte, 3000)...))
	c.sendBinary(first)
	c.sendBinary(second)
	c.roundTrip(textFrame(t, "update", testKey))
	calls := fake.takeCalls()
	if len(calls) != 2 || calls[0].Method != "LoadDatabaseZip" || calls[1].Method != "Apply" {
		t.Fatalf("calls: %+v", calls)
	}
	if !strings.Contains(hs.logs.String(), "binary frame dropped: too much held before authentication") {
		t.Fatal("drop not logged")
	}
}

// The key must not appear in any log line, whatever happened.
func assertKeyNeverLogged(t *testing.T, hs *harness) {
	t.Helper()
	if strings.Contains(hs.logs.String(), testKey) {
		t.Fatalf("the update key appears in the log:\n%s", hs.logs.String())
	}
}
