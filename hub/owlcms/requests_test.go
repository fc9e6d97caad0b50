package owlcms

import (
	"testing"

	"github.com/owlcms/tracker/hub"
)

const (
	want428DBTr  = `{"status":428,"message":"Precondition Required: Missing required data","reason":"missing_preconditions","missing":["database","translations_zip"]}`
	want428DB    = `{"status":428,"message":"Precondition Required: Missing required data","reason":"missing_preconditions","missing":["database"]}`
	want200      = `{"status":200,"message":"Update processed"}`
	wantPlugLogo = `{"status":428,"message":"Precondition Required: Plugin needs resources","reason":"plugin_preconditions","missing":["logos_zip"]}`
)

// Each (resource, generation) is requested once per connection: a 428 makes OWLCMS re-export
// everything, so asking on every message would be a storm.
func TestMissingResourcesRequestedOncePerGeneration(t *testing.T) {
	fake := newFakeHub()
	fake.setNeeds(hub.Need{Resource: hub.ResourceDatabase, Gen: 1}, hub.Need{Resource: hub.ResourceTranslations, Gen: 2})
	hs := newHarness(t, fake, Options{})
	c := hs.dial("")

	if got := c.roundTrip(textFrame(t, "update", "")); got != want428DBTr {
		t.Fatalf("first update: %s", got)
	}
	for _, typ := range []string{"update", "timer", "decision", "update"} {
		if got := c.roundTrip(textFrame(t, typ, "")); got[:14] != `{"status":200,` {
			t.Fatalf("%s after the request: %s (asked twice)", typ, got)
		}
	}
	// The frames were still applied while the 428 was the reply.
	if n := len(fake.takeCalls()); n != 5 {
		t.Fatalf("%d hub calls, want 5", n)
	}

	// A new generation of the database need (e.g. a new checksum announced) is asked again.
	fake.setNeeds(hub.Need{Resource: hub.ResourceDatabase, Gen: 7}, hub.Need{Resource: hub.ResourceTranslations, Gen: 2})
	if got := c.roundTrip(textFrame(t, "update", "")); got != want428DB {
		t.Fatalf("new generation: %s", got)
	}
	if got := c.roundTrip(textFrame(t, "update", "")); got != want200 {
		t.Fatalf("after the new generation: %s", got)
	}

	// Rejected frames never carry a request.
	if got := c.roundTrip(wrap("64.0.0", "foo", []byte(`{}`))); got[:14] != `{"status":400,` {
		t.Fatalf("unknown type: %s", got)
	}

	// Another connection keeps its own memory.
	c2 := hs.dial("")
	if got := c2.roundTrip(wrap("64.0.0", "database", []byte(readTestdata(t, "database.json")))); got != want428DBTr {
		t.Fatalf("second connection: %s", got)
	}
}

// A need raised while OWLCMS is idle is requested unprompted, on the most recently active
// connection that has had a text frame, and only once.
func TestUnpromptedRequestForNewNeed(t *testing.T) {
	fake := newFakeHub()
	hs := newHarness(t, fake, Options{})
	old := hs.dial("")
	active := hs.dial("")
	fresh := hs.dial("") // connected, binary only: OWLCMS is still sending its ZIPs
	old.roundTrip(textFrame(t, "update", ""))
	active.roundTrip(textFrame(t, "update", ""))
	fresh.sendBinary(EncodeFrame("64.0.0", "flags_zip", []byte("PK\x03\x04")))

	fake.setNeeds(hub.Need{Resource: hub.ResourceLogos, Gen: 9})
	fake.inner.Want(hub.ResourceLogos) // raises hub.ChangeNeeds on the subscription
	if got := string(active.readRaw()); got != wantPlugLogo {
		t.Fatalf("unprompted request: %s", got)
	}
	// Already requested on that connection: its next reply is a plain 200.
	if got := active.roundTrip(textFrame(t, "update", "")); got != want200 {
		t.Fatalf("after the unprompted request: %s", got)
	}
	// The other connections were not asked, so their next text frame asks.
	if got := old.roundTrip(textFrame(t, "update", "")); got != `{"status":428,"message":"Precondition Required: Missing required data","reason":"missing_preconditions","missing":["logos_zip"]}` {
		t.Fatalf("old connection: %s", got)
	}

	// A notice with nothing new sends nothing: the next frame on "active" is the reply.
	fake.inner.Want(hub.ResourcePictures)
	if got := active.roundTrip(textFrame(t, "timer", "")); got != `{"status":200,"message":"Timer processed"}` {
		t.Fatalf("after a notice with nothing new: %s", got)
	}
}

// With authentication on, a connection that has not proved the key is never asked.
func TestUnpromptedRequestSkipsUnauthenticated(t *testing.T) {
	fake := newFakeHub()
	hs := newHarness(t, fake, Options{UpdateKey: testKey})
	c := hs.dial("")
	c.roundTrip(wrap("2.3.0", "update", []byte(`{}`))) // answered, not authenticated
	if hs.h.mostRecentlyActive() != nil {
		t.Fatal("an unauthenticated connection is a candidate for requests")
	}
	c.roundTrip(textFrame(t, "update", testKey))
	if hs.h.mostRecentlyActive() == nil {
		t.Fatal("the authenticated connection is not a candidate")
	}
}
