package sim

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/coder/websocket"
	gocmp "github.com/google/go-cmp/cmp"

	"github.com/owlcms/tracker/demo"
	"github.com/owlcms/tracker/hub/owlcms"
)

// OWLCMS's attempt count goes back to 0 on every open: a socket that opens and closes costs a
// one-step wait, every time; only failed handshakes walk up the schedule.
func TestRetriesResetOnOpen(t *testing.T) {
	r := retries{schedule: Backoff}
	var got []time.Duration
	for _, opened := range []bool{false, false, false, true, true, false, false, true} {
		got = append(got, r.next(opened))
	}
	want := []time.Duration{time.Second, 2 * time.Second, 4 * time.Second, time.Second, time.Second, 2 * time.Second, 4 * time.Second, time.Second}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("waits %v, want %v", got, want)
		}
	}
	for range 10 {
		r.next(false)
	}
	if w := r.next(false); w != 30*time.Second {
		t.Errorf("the schedule ends at 30 s, got %v", w)
	}
}

// A tracker that accepts the socket and closes it at once gets the simulator back after the
// first step every time, as real OWLCMS comes back: here with a 10 ms first step and an hour
// for the second, five connections only happen if every open starts the schedule over.
func TestReconnectsAfterEveryClose(t *testing.T) {
	var opens atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		c, err := websocket.Accept(w, r, nil)
		if err != nil {
			return
		}
		opens.Add(1)
		_ = c.Close(websocket.StatusPolicyViolation, "go away")
	}))
	t.Cleanup(srv.Close)
	start(t, Options{URL: "ws" + strings.TrimPrefix(srv.URL, "http"), Speed: 1, Logger: quiet,
		Backoff: []time.Duration{10 * time.Millisecond, time.Hour}})
	waitFor(t, "five connections", 10*time.Second, func() bool { return opens.Load() >= 5 })
}

// fakeTracker records what the simulator sends and lets the test reply.
type fakeTracker struct {
	binary chan owlcms.Frame
	text   chan map[string]any
	conns  chan *websocket.Conn
}

func newFakeTracker(t *testing.T) (*fakeTracker, string) {
	ft := &fakeTracker{binary: make(chan owlcms.Frame, 64), text: make(chan map[string]any, 4096), conns: make(chan *websocket.Conn, 4)}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		c, err := websocket.Accept(w, r, nil)
		if err != nil {
			return
		}
		c.SetReadLimit(8 << 20)
		ft.conns <- c
		for {
			typ, data, err := c.Read(r.Context())
			if err != nil {
				return
			}
			if typ == websocket.MessageBinary {
				f, err := owlcms.ParseBinaryFrame(data)
				if err == nil {
					f.Payload = append([]byte(nil), f.Payload...)
					ft.binary <- f
				}
				continue
			}
			var env struct {
				Type    string         `json:"type"`
				Payload map[string]any `json:"payload"`
			}
			if json.Unmarshal(data, &env) == nil {
				env.Payload["_type"] = env.Type
				select {
				case ft.text <- env.Payload:
				default:
				}
			}
		}
	}))
	t.Cleanup(func() {
		select {
		case c := <-ft.conns:
			c.CloseNow()
		default:
		}
		srv.Close()
	})
	return ft, "ws" + strings.TrimPrefix(srv.URL, "http")
}

func (ft *fakeTracker) nextBinary(t *testing.T) owlcms.Frame {
	t.Helper()
	select {
	case f := <-ft.binary:
		return f
	case <-time.After(5 * time.Second):
		t.Fatal("no binary frame")
	}
	return owlcms.Frame{}
}

// An OWLCMS without flags sends none on connecting and answers a request for them with a
// 0-byte payload; a build that registers only some 428 names answers only those.
func TestNoFlagsAndPartialCallbacks(t *testing.T) {
	ft, url := newFakeTracker(t)
	start(t, Options{URL: url, Speed: 1, Logger: quiet, NoFlags: true, Callbacks: []string{"database", "translations_zip", "flags_zip"}})
	for _, want := range []string{"database_zip", "translations_zip"} {
		if f := ft.nextBinary(t); f.Type != want {
			t.Fatalf("on connecting: %q, want %q", f.Type, want)
		}
	}
	var conn *websocket.Conn
	select {
	case conn = <-ft.conns:
		ft.conns <- conn // for the cleanup
	case <-time.After(5 * time.Second):
		t.Fatal("no connection")
	}
	ask := func(names ...string) {
		b, _ := json.Marshal(map[string]any{"status": 428, "missing": names})
		if err := conn.Write(context.Background(), websocket.MessageText, b); err != nil {
			t.Fatal(err)
		}
	}
	ask("pictures_zip", "flags_zip") // pictures: no callback in this build
	if f := ft.nextBinary(t); f.Type != "flags_zip" || len(f.Payload) != 0 {
		t.Fatalf("asked for flags: %q with %d bytes, want flags_zip with 0 bytes", f.Type, len(f.Payload))
	}
	select {
	case f := <-ft.binary:
		t.Fatalf("unexpected %q frame: this build has no pictures_zip callback", f.Type)
	case <-time.After(200 * time.Millisecond):
	}
}

// The decisions carry what real OWLCMS's do: the initial decision in every spelling builds
// have used, and the overall result with how the decision was given and timed.
func TestDecisionsLikeOWLCMS(t *testing.T) {
	ft, url := newFakeTracker(t)
	start(t, Options{URL: url, Speed: 200, Seed: 5, Logger: quiet})
	spellings := map[string]bool{}
	full := false
	deadline := time.After(20 * time.Second)
	for len(spellings) < len(initialSpellings) || !full {
		select {
		case p := <-ft.text:
			if p["_type"] != "decision" {
				continue
			}
			ev, _ := p["decisionEventType"].(string)
			for _, sp := range initialSpellings {
				if ev == sp {
					spellings[ev] = true
					if p["decisionsVisible"] != "false" || p["d1"] == nil {
						t.Errorf("initial decision %v", p)
					}
				}
			}
			if ev == "FULL_DECISION" {
				full = true
				if p["decision"] == nil || p["timingPolicy"] != "DELAYED" || p["inputKind"] != "THREE_REFEREE_INPUT" {
					t.Errorf("full decision without its extras: %v", p)
				}
			}
		case <-deadline:
			t.Fatalf("spellings seen %v, full decision %v", spellings, full)
		}
	}
}

// simFor is a simulation whose frames the test reads from its link instead of a socket.
func simFor(t *testing.T) (*simulation, *demo.Platform) {
	t.Helper()
	o := Options{Speed: 1000, Logger: quiet}
	s := &simulation{opts: o, comp: demo.NewDemo(), link: newLink(o), platformLifts: map[string]int{}, juries: map[string]int{}}
	p := s.comp.Platforms[0]
	for _, sess := range s.comp.Sessions {
		if sess.Platform == p.Name {
			p.Session = sess
			break
		}
	}
	return s, p
}

func framesOf(t *testing.T, l *link) []map[string]any {
	t.Helper()
	var out []map[string]any
	for {
		select {
		case b := <-l.out:
			var env struct {
				Type    string         `json:"type"`
				Payload map[string]any `json:"payload"`
			}
			if err := json.Unmarshal(b, &env); err != nil {
				t.Fatal(err)
			}
			env.Payload["_type"] = env.Type
			out = append(out, env.Payload)
		default:
			return out
		}
	}
}

// The medal ceremonies of a session done, one per category it decides, name their target; the
// jury's decision carries its details.
func TestCeremonyAndJuryLikeOWLCMS(t *testing.T) {
	s, p := simFor(t)
	p.Session.Done = true
	cats := s.decidedCategories(p.Session)
	if len(cats) == 0 {
		t.Fatal("the session decides no category")
	}
	if !s.medals(context.Background(), p) {
		t.Fatal("medals interrupted")
	}
	fr := framesOf(t, s.link)
	if len(fr) != 2*len(cats) {
		t.Fatalf("%d ceremony frames for %d categories: %v", len(fr), len(cats), fr)
	}
	for i, c := range cats {
		start, done := fr[2*i], fr[2*i+1]
		if start["ceremonyEventType"] != "ceremonyStarted" || done["ceremonyEventType"] != "ceremonyDone" {
			t.Errorf("%s: ceremony frames %v, %v", c.Name(), start, done)
		}
		if start["ceremonyType"] != "MEDALS" || start["ceremonySession"] != p.Session.Name || start["ceremonyCategory"] != c.Name() ||
			start["ceremonyAgeGroup"] != c.AgeGroup.Code || start["ceremonyChampionship"] != c.AgeGroup.Championship {
			t.Errorf("ceremony target %v", start)
		}
	}
	// A category with athletes in a session not done yet has no ceremony.
	for _, sess := range s.comp.Sessions {
		if sess != p.Session {
			sess.Done = false
		}
	}
	for _, c := range s.decidedCategories(p.Session) {
		for _, sess := range s.comp.Sessions {
			for _, a := range sess.Athletes {
				if a.Category == c && sess != p.Session {
					t.Errorf("%s is decided while %s, not done, has %s", c.Name(), sess.Name, a.FullName())
				}
			}
		}
	}

	// The jury reviews a's failed fifth attempt twice: it confirms, then it reverses.
	a := p.Session.Athletes[0]
	for i := range 5 {
		_ = a.RecordLift(i%2 == 0, time.Now())
	}
	for n, reversal := range []bool{false, true} {
		if !s.juryReviews(context.Background(), p, a, 4, false) {
			t.Fatal("jury interrupted")
		}
		fr = framesOf(t, s.link)
		var events []string
		var decision map[string]any
		for _, f := range fr {
			ev, _ := f["decisionEventType"].(string)
			if f["_type"] == "update" {
				ev = "update " + f["uiEvent"].(string) + " " + f["fopState"].(string)
			}
			if ev == "JURY_DECISION" {
				decision = f
			}
			events = append(events, ev)
		}
		want := []string{"update BreakStarted BREAK", "START_DELIBERATION", "JURY_DECISION", "END_DELIBERATION", "update StartLifting CURRENT_ATHLETE_DISPLAYED"}
		if reversal { // the athlete's result changes: OWLCMS sends the new lifting order
			want = slices.Insert(want, 3, "update LiftingOrderUpdated DECISION_VISIBLE")
		}
		if d := gocmp.Diff(want, events); d != "" {
			t.Fatalf("review %d: jury frames (-want +got):\n%s", n, d)
		}
		if fr[0]["breakType"] != "JURY" || fr[1]["mode"] != "INTERRUPTION" || fr[1]["fopState"] != "BREAK" {
			t.Errorf("the jury's break %v, %v", fr[0], fr[1])
		}
		verdict := map[bool]string{false: "BAD_LIFT", true: "GOOD_LIFT"}[reversal]
		if decision["juryDecision"] != verdict || decision["juryReversal"] != strconv.FormatBool(reversal) || decision["athleteFull"] != a.FullName() ||
			decision["athleteAbbreviated"] == "" || decision["waitForAnnouncer"] != "false" || decision["recordKind"] != "none" {
			t.Errorf("review %d: jury decision %v", n, decision)
		}
		if good := a.Attempts[4].Actual > 0; good != reversal {
			t.Errorf("review %d: attempt 5 is %d after the jury's %s", n, a.Attempts[4].Actual, verdict)
		}
	}
}
