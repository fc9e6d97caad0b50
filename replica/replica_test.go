package replica

import (
	"archive/zip"
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/owlcms/tracker/demo"
	"github.com/owlcms/tracker/hub"
	"github.com/owlcms/tracker/hub/owlcms"
)

// The Publisher is what the OWLCMS adapter is given on an ingest.
var _ owlcms.Hub = (*Publisher)(nil)

// loadDemo feeds the demo through the publisher as demo.Load feeds a hub, then starts a clock
// and shows a decision on the first platform, so that clocks are replicated too.
func loadDemo(t *testing.T, p *Publisher) {
	t.Helper()
	c := demo.NewDemo()
	if _, err := p.LoadDatabaseJSON(c.DatabaseJSON(), ""); err != nil {
		t.Fatal(err)
	}
	if _, err := p.LoadTranslationsJSON(demo.TranslationsJSON()); err != nil {
		t.Fatal(err)
	}
	if _, err := p.ReplaceAssetsZip(hub.AssetFlags, demo.FlagsZip()); err != nil {
		t.Fatal(err)
	}
	for _, pl := range c.Platforms {
		mustApply(t, p, hub.MessageUpdate, string(c.UpdateJSON(pl.Name)))
	}
	first := c.Platforms[0].Name
	mustApply(t, p, hub.MessageTimer, fmt.Sprintf(`{"fopName":%q,"athleteTimerEventType":"StartTime","athleteMillisRemaining":"60000","timeAllowed":"60000"}`, first))
	mustApply(t, p, hub.MessageDecision, fmt.Sprintf(`{"fop":%q,"decisionEventType":"FULL_DECISION","d1":"true","d2":"true","d3":"false","decisionsVisible":"true","down":"false"}`, first))
}

func mustApply(t *testing.T, p *Publisher, mt hub.MessageType, payload string) {
	t.Helper()
	if _, err := p.Apply(mt, []byte(payload)); err != nil {
		t.Fatalf("%s %.80s: %v", mt, payload, err)
	}
}

// timer stops or starts the athlete clock of platform fop (a frame that changes a clock).
func timer(t *testing.T, p *Publisher, fop string, ms int) {
	t.Helper()
	mustApply(t, p, hub.MessageTimer, fmt.Sprintf(`{"fopName":%q,"athleteTimerEventType":"StartTime","athleteMillisRemaining":"%d","timeAllowed":"60000"}`, fop, ms))
}

func TestDemoReplicatedToTwoReplicas(t *testing.T) {
	n := startNATS(t)
	in := newIngest(t, n.url(), PublisherOptions{})
	r1, r2 := newReplica(t, n.url(), FollowerOptions{}), newReplica(t, n.url(), FollowerOptions{})
	loadDemo(t, in.pub)
	took := waitSame(t, in, r1, r2)
	t.Logf("two replicas had the demo's state %v after the last frame was applied on the ingest", took)
	sameFragments(t, in, r1, r2)

	// And live: a clock started after.
	timer(t, in.pub, in.h.Snapshot().FOPNames()[0], 45000)
	t.Logf("a timer frame reached both replicas in %v", waitSame(t, in, r1, r2))
	sameFragments(t, in, r1, r2)
}

func TestCapturedMeetReplicated(t *testing.T) {
	dir := filepath.Join("..", "..", "shared", "fixtures", "owlcms-v2")
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("the captured meet (%s) is absent: skipped", dir)
	}
	n := startNATS(t)
	in := newIngest(t, n.url(), PublisherOptions{})
	r1, r2 := newReplica(t, n.url(), FollowerOptions{}), newReplica(t, n.url(), FollowerOptions{})
	feedCaptures(t, in.pub, dir)
	took := waitSame(t, in, r1, r2)
	t.Logf("two replicas had the captured meet's state %v after the last frame was applied on the ingest", took)
	sameFragments(t, in, r1, r2)
}

// feedCaptures sends a folder of captured OWLCMS frames in their order: the database, the
// translations, the flags (zipped as OWLCMS sends them), then the updates by file name.
func feedCaptures(t *testing.T, p *Publisher, dir string) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	read := func(name string) []byte {
		b, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	var updates []string
	for _, e := range entries {
		switch name := e.Name(); {
		case strings.HasSuffix(name, "-DATABASE.json"):
			if _, err := p.LoadDatabaseJSON(read(name), ""); err != nil {
				t.Fatal(err)
			}
		case strings.Contains(name, "-UPDATE-"):
			updates = append(updates, name)
		}
	}
	if _, err := p.LoadTranslationsJSON(read("translations.json")); err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	flags, _ := os.ReadDir(filepath.Join(dir, "flags"))
	for _, f := range flags {
		w, err := zw.Create(f.Name())
		if err != nil {
			t.Fatal(err)
		}
		w.Write(read(filepath.Join("flags", f.Name())))
	}
	zw.Close()
	if _, err := p.ReplaceAssetsZip(hub.AssetFlags, b.Bytes()); err != nil {
		t.Fatal(err)
	}
	slices.Sort(updates)
	for _, name := range updates {
		if _, err := p.Apply(hub.MessageUpdate, read(name)); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
	}
}

func TestLateReplicaCatchesUp(t *testing.T) {
	n := startNATS(t)
	in := newIngest(t, n.url(), PublisherOptions{})
	early := newReplica(t, n.url(), FollowerOptions{})
	loadDemo(t, in.pub)
	fop := in.h.Snapshot().FOPNames()[0]
	for ms := 60000; ms > 50000; ms -= 1000 {
		timer(t, in.pub, fop, ms) // superseded frames: the stream keeps the last
	}
	waitSame(t, in, early)

	late := newReplica(t, n.url(), FollowerOptions{})
	t.Logf("a replica started late caught up in %v", waitSame(t, in, late))
	sameFragments(t, in, late)
	if s := late.fol.Status(); !s.CaughtUp || !s.Following {
		t.Errorf("late replica's status: %+v", s)
	}
}

func TestReplicaRestartedCatchesUp(t *testing.T) {
	n := startNATS(t)
	in := newIngest(t, n.url(), PublisherOptions{})
	r := newReplica(t, n.url(), FollowerOptions{})
	loadDemo(t, in.pub)
	waitSame(t, in, r)
	r.stop() // killed: its hub is gone with it

	fop := in.h.Snapshot().FOPNames()[0]
	timer(t, in.pub, fop, 30000) // missed while it was down
	restarted := newReplica(t, n.url(), FollowerOptions{})
	t.Logf("a restarted replica caught up in %v", waitSame(t, in, restarted))
	sameFragments(t, in, restarted)
}

func TestNATSDownThenBack(t *testing.T) {
	n := startNATS(t)
	in := newIngest(t, n.url(), PublisherOptions{})
	r := newReplica(t, n.url(), FollowerOptions{})
	loadDemo(t, in.pub)
	waitSame(t, in, r)
	before := in.pub.Status().Resyncs

	n.stop()
	fop := in.h.Snapshot().FOPNames()[0]
	// The ingest keeps accepting OWLCMS's frames while NATS is away.
	for ms := 40000; ms > 35000; ms -= 1000 {
		start := time.Now()
		timer(t, in.pub, fop, ms)
		if d := time.Since(start); d > time.Second {
			t.Errorf("Apply waited %v for NATS", d)
		}
	}
	mustApply(t, in.pub, hub.MessageDecision, fmt.Sprintf(`{"fop":%q,"decisionEventType":"DOWN_SIGNAL","down":"true","decisionsVisible":"false"}`, fop))
	waitFor(t, "the publisher to notice NATS is away", func() bool { return !in.pub.Status().Connected })
	if fingerprint(t, r.h, false) == fingerprint(t, in.h, true) {
		t.Fatal("the replica got the frames sent while NATS was down: the test proves nothing")
	}

	n.start()
	t.Logf("after NATS came back, the replica had the ingest's state in %v", waitSame(t, in, r))
	sameFragments(t, in, r)
	if s := in.pub.Status(); s.Resyncs <= before || !s.Connected {
		t.Errorf("publisher status after NATS came back: %+v (resyncs before: %d)", s, before)
	}
	late := newReplica(t, n.url(), FollowerOptions{})
	waitSame(t, in, late)
}

func TestIngestGoneReplicasKeepState(t *testing.T) {
	n := startNATS(t)
	in := newIngest(t, n.url(), PublisherOptions{Heartbeat: 50 * time.Millisecond})
	r := newReplica(t, n.url(), FollowerOptions{})
	loadDemo(t, in.pub)
	in.h.SourceConnected("127.0.0.1:1", "/ws") // OWLCMS is connected to the ingest
	waitSame(t, in, r)
	waitFor(t, "the replica to see the ingest alive", func() bool {
		s := r.fol.Status()
		return s.IngestAlive(time.Now()) && s.OWLCMSConnected
	})
	want := fingerprint(t, r.h, false)

	in.stop()
	waitFor(t, "the replica to call the ingest silent", func() bool { return !r.fol.Status().IngestAlive(time.Now()) })
	s := r.fol.Status()
	if got := s.Summary(time.Now()); !strings.Contains(got, "silent") {
		t.Errorf("summary %q does not say the ingest is silent", got)
	}
	if fingerprint(t, r.h, false) != want {
		t.Error("the replica's state changed when the ingest went away")
	}
	if len(r.h.Snapshot().FOPNames()) == 0 {
		t.Error("the replica lost its platforms")
	}
}

func TestKeyNeverPublished(t *testing.T) {
	n := startNATS(t)
	in := newIngest(t, n.url(), PublisherOptions{})
	r := newReplica(t, n.url(), FollowerOptions{})
	mustApply(t, in.pub, hub.MessageUpdate, `{"fop":"A","updateKey":"s3cret-k3y","uiEvent":"LiftingOrderUpdated","fullName":"DOE, Jane","videoDataURL":"http://x/v?updateKey=s3cret-k3y&a=1"}`)
	// Not waitSame: the ingest's hub keeps the URL as OWLCMS sent it, the replica's never had the key.
	waitFor(t, "the replica to have the platform", func() bool { return r.h.Snapshot().FOP("A") != nil })
	seen := rawMessages(t, n.url())
	if len(seen) == 0 {
		t.Fatal("nothing on the stream")
	}
	for _, b := range seen {
		if bytes.Contains(b, []byte("s3cret-k3y")) {
			t.Errorf("the update key was published: %.200s", b)
		}
	}
}

func TestTokens(t *testing.T) {
	for _, name := range []string{"A", "Platform_2", "a.b", "Plate-forme 1", "*", ">", "~A", "Øst"} {
		tok := token(name)
		if strings.ContainsAny(tok, ". *>\t") || tok == "" {
			t.Errorf("token(%q) = %q: not one safe subject token", name, tok)
		}
		if back, err := untoken(tok); err != nil || back != name {
			t.Errorf("untoken(token(%q)) = %q, %v", name, back, err)
		}
	}
	if token("A") != "A" {
		t.Error("a plain name should stay readable")
	}
}

func waitFor(t *testing.T, what string, ok func() bool) {
	t.Helper()
	deadline := time.Now().Add(time.Minute)
	for !ok() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// An ingest whose hub already holds state when publishing starts (restored from disk, or the
// demo) publishes it: replicas get it without OWLCMS sending anything.
func TestIngestStartedWithStatePublishesIt(t *testing.T) {
	n := startNATS(t)
	h := hub.New(hub.Options{Logger: quiet})
	if err := demo.Load(h); err != nil {
		t.Fatal(err)
	}
	r := newReplica(t, n.url(), FollowerOptions{})
	in := newIngestOf(t, n.url(), h, PublisherOptions{})
	waitSame(t, in, r)
	sameFragments(t, in, r)
}

// NATS restarted without its storage: the stream is created anew, its sequence starts again at
// 1, and a replica must not wait for the old sequence to come back.
func TestNATSLostItsStorage(t *testing.T) {
	n := startNATS(t)
	in := newIngest(t, n.url(), PublisherOptions{})
	r := newReplica(t, n.url(), FollowerOptions{})
	loadDemo(t, in.pub)
	fop := in.h.Snapshot().FOPNames()[0]
	for ms := 60000; ms > 40000; ms -= 1000 {
		timer(t, in.pub, fop, ms) // moves the stream's sequence well past what a new stream reaches soon
	}
	waitSame(t, in, r)

	n.stop()
	n.dir = t.TempDir()
	timer(t, in.pub, fop, 25000)
	n.start()
	t.Logf("after NATS came back empty, the replica had the ingest's state in %v", waitSame(t, in, r))
	late := newReplica(t, n.url(), FollowerOptions{})
	waitSame(t, in, late)
}
