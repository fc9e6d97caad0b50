package replica

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/a-h/templ"
	"github.com/nats-io/nats-server/v2/server"
	"github.com/nats-io/nats.go/jetstream"
	"github.com/owlcms/tracker/hub"
	"github.com/owlcms/tracker/scoreboards"
	"github.com/owlcms/tracker/scoreboards/board"
)

var quiet = slog.New(slog.NewTextHandler(io.Discard, nil))

// natsServer is an embedded NATS with JetStream, on loopback, that a test can stop and start
// again on the same port and storage.
type natsServer struct {
	t    testing.TB
	dir  string
	port int
	srv  *server.Server
}

func startNATS(t testing.TB) *natsServer {
	t.Helper()
	n := &natsServer{t: t, dir: t.TempDir(), port: -1}
	n.start()
	t.Cleanup(n.stop)
	return n
}

func (n *natsServer) start() {
	n.t.Helper()
	srv, err := server.NewServer(&server.Options{Host: "127.0.0.1", Port: n.port, JetStream: true,
		StoreDir: n.dir, NoLog: true, NoSigs: true, MaxPayload: 8 << 20})
	if err != nil {
		n.t.Fatal(err)
	}
	go srv.Start()
	if !srv.ReadyForConnections(10 * time.Second) {
		n.t.Fatal("embedded NATS not ready")
	}
	n.srv = srv
	n.port = srv.Addr().(*net.TCPAddr).Port
}

func (n *natsServer) stop() {
	if n.srv != nil {
		n.srv.Shutdown()
		n.srv.WaitForShutdown()
		n.srv = nil
	}
}

func (n *natsServer) url() string { return fmt.Sprintf("nats://127.0.0.1:%d", n.port) }

// node is one tracker of a test: an ingest (pub set) or a replica (fol set).
type node struct {
	h      *hub.Hub
	pub    *Publisher
	fol    *Follower
	cancel context.CancelFunc
	done   sync.WaitGroup
	close  func()
}

func (n *node) stop() {
	if n.cancel == nil {
		return
	}
	n.cancel()
	n.done.Wait()
	n.close()
	n.cancel = nil
}

func connect(t testing.TB, url string) (jetstream.JetStream, func()) {
	t.Helper()
	js, closeFn, err := Connect(url, t.Name(), quiet)
	if err != nil {
		t.Fatal(err)
	}
	return js, closeFn
}

func newIngest(t testing.TB, url string, o PublisherOptions) *node {
	t.Helper()
	return newIngestOf(t, url, hub.New(hub.Options{Logger: quiet}), o)
}

// newIngestOf starts publishing a hub that may already hold state.
func newIngestOf(t testing.TB, url string, h *hub.Hub, o PublisherOptions) *node {
	t.Helper()
	js, closeFn := connect(t, url)
	o.Logger = quiet
	if o.Heartbeat == 0 {
		o.Heartbeat = 100 * time.Millisecond
	}
	if o.Timeout == 0 {
		o.Timeout = 500 * time.Millisecond
	}
	if o.Retry == 0 {
		o.Retry = 50 * time.Millisecond
	}
	n := &node{h: h, close: closeFn}
	n.pub = NewPublisher(n.h, js, o)
	ctx, cancel := context.WithCancel(context.Background())
	n.cancel = cancel
	n.done.Go(func() { n.pub.Run(ctx) })
	t.Cleanup(n.stop)
	return n
}

func newReplica(t testing.TB, url string, o FollowerOptions) *node {
	t.Helper()
	js, closeFn := connect(t, url)
	o.Logger = quiet
	if o.Retry == 0 {
		o.Retry = 50 * time.Millisecond
	}
	if o.StreamCheck == 0 {
		o.StreamCheck = 100 * time.Millisecond
	}
	n := &node{h: hub.New(hub.Options{Logger: quiet}), close: closeFn}
	n.fol = NewFollower(n.h, js, o)
	ctx, cancel := context.WithCancel(context.Background())
	n.cancel = cancel
	n.done.Go(func() { n.fol.Run(ctx) })
	t.Cleanup(n.stop)
	return n
}

// fopState is what boards read of a platform, without the hub's own version numbers.
type fopState struct {
	Name        string
	Fields      map[string]any
	UpdatedAt   int64
	LastMessage hub.MessageType
	LastUIEvent string
	Clock       hub.AthleteClock
	BreakClock  hub.BreakClock
	Decision    hub.Decision
	SessionDone bool
}

// fingerprint sums up a hub's state, versions left out: two hubs with the same fingerprint
// show the same boards. The database is compared with its keys removed (the replica never
// gets them); platform fields are compared decoded, since redaction re-encodes JSON.
//
// The ingest's database is redacted (redact true) and the replica's is compared as it holds it:
// the replica must hold exactly the redacted bytes.
func fingerprint(t *testing.T, h *hub.Hub, redact bool) string {
	t.Helper()
	cp := h.Checkpoint()
	db := []byte(cp.Database)
	if redact && len(db) > 0 {
		var err error
		if db, err = hub.RedactKeys(db); err != nil {
			t.Fatal(err)
		}
	}
	var fops []fopState
	for _, f := range cp.FOPs {
		fields := map[string]any{}
		for k, v := range f.Fields {
			var x any
			d := json.NewDecoder(bytes.NewReader(v))
			d.UseNumber()
			if err := d.Decode(&x); err != nil {
				t.Fatal(err)
			}
			fields[k] = x
		}
		fops = append(fops, fopState{f.Name, fields, f.UpdatedAt.UnixNano(), f.LastMessage, f.LastUIEvent,
			f.Clock, f.BreakClock, f.Decision, f.SessionDone})
	}
	b, err := json.Marshal(fops)
	if err != nil {
		t.Fatal(err)
	}
	sum := &strings.Builder{}
	fmt.Fprintf(sum, "db:%x\ntr:%x\n", sha256.Sum256(db), sha256.Sum256(cp.Translations))
	sum.Write(b)
	sum.WriteString("\n")
	for _, kind := range hub.AssetKinds {
		for _, name := range h.Assets().Names(kind) {
			a, err := h.Assets().Get(kind, name)
			if err != nil {
				t.Fatal(err)
			}
			fmt.Fprintf(sum, "%s/%s:%x\n", kind, name, sha256.Sum256(a.Data))
		}
	}
	return sum.String()
}

// fragments renders every fragment of every board for every platform of h, at a fixed time.
func fragments(t *testing.T, h *hub.Hub, now time.Time) map[string][]byte {
	t.Helper()
	s := h.Snapshot()
	out := map[string][]byte{}
	for _, bd := range scoreboards.All() {
		fops := s.FOPNames()
		if bd.NoPlatform {
			fops = []string{""}
		}
		for _, fop := range fops {
			req := board.NewRequest(s, fop, "en", board.Options{}, nil)
			req.Now = now
			for _, f := range bd.Fragments {
				var b bytes.Buffer
				if err := templ.RenderFragments(context.Background(), &b, bd.View(req), f.Name); err != nil {
					t.Fatalf("render %s/%s for %q: %v", bd.Name, f.Name, fop, err)
				}
				out[bd.Name+"/"+f.Name+"?fop="+fop] = b.Bytes()
			}
		}
	}
	return out
}

// waitSame waits until every replica has the ingest's state and returns how long it took.
// The limit is generous (a loaded CI machine): the time taken is logged, not asserted.
func waitSame(t *testing.T, ingest *node, replicas ...*node) time.Duration {
	t.Helper()
	start := time.Now()
	want := fingerprint(t, ingest.h, true)
	for _, r := range replicas {
		for fingerprint(t, r.h, false) != want {
			if time.Since(start) > time.Minute {
				got := fingerprint(t, r.h, false)
				i := 0
				for i < len(got) && i < len(want) && got[i] == want[i] {
					i++
				}
				t.Fatalf("replica never reached the ingest's state; status %+v\nfirst difference at %d:\ningest:  %.400s\nreplica: %.400s",
					r.fol.Status(), i, want[max(0, i-200):], got[max(0, i-200):])
			}
			time.Sleep(2 * time.Millisecond)
		}
	}
	return time.Since(start)
}

// sameFragments asserts that every replica renders every fragment byte for byte as the ingest.
func sameFragments(t *testing.T, ingest *node, replicas ...*node) {
	t.Helper()
	now := time.Now()
	want := fragments(t, ingest.h, now)
	if len(want) == 0 {
		t.Fatal("no fragment rendered")
	}
	for i, r := range replicas {
		got := fragments(t, r.h, now)
		var keys []string
		for k := range want {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			if !bytes.Equal(want[k], got[k]) {
				t.Errorf("replica %d: fragment %s differs\ningest:  %.300s\nreplica: %.300s", i, k, want[k], got[k])
			}
		}
	}
}

// rawMessages returns every message the stream holds, headers and decompressed body.
func rawMessages(t *testing.T, url string) [][]byte {
	t.Helper()
	js, closeFn := connect(t, url)
	defer closeFn()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	st, err := js.Stream(ctx, DefaultStream)
	if err != nil {
		t.Fatal(err)
	}
	info, err := st.Info(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var out [][]byte
	for seq := info.State.FirstSeq; seq <= info.State.LastSeq && seq > 0; seq++ {
		m, err := st.GetMsg(ctx, seq)
		if err != nil {
			continue // superseded by a later message of its subject
		}
		b, err := body(m.Data, m.Header.Get(headerEncoding))
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, append([]byte(fmt.Sprint(m.Subject, m.Header)), b...))
	}
	return out
}
