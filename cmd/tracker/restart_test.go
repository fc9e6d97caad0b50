package main

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"testing"
	"time"

	"github.com/coder/websocket"

	"github.com/owlcms/tracker/demo"
	"github.com/owlcms/tracker/hub/owlcms"
)

// TestRestartAfterKill: the tracker is killed (kill -9: no shutdown, no last write) while the
// athlete's clock runs, and started again. Before OWLCMS sends anything, the board shows the
// session and the clock where it truly is: the time the tracker was away has been counted.
func TestRestartAfterKill(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the tracker binary: skipped in -short mode")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "tracker")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	data := filepath.Join(dir, "data")
	port := freePort(t)
	start := func() *exec.Cmd {
		t.Helper()
		cmd := exec.Command(bin, "-addr", "127.0.0.1:"+port, "-admin", "off", "-data", data, "-local", filepath.Join(dir, "local"))
		cmd.Stdout, cmd.Stderr = io.Discard, io.Discard
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { _ = cmd.Process.Kill(); _ = cmd.Wait() })
		waitHealthy(t, "127.0.0.1:"+port)
		return cmd
	}
	base := "http://127.0.0.1:" + port

	first := start()
	feedDemo(t, "ws://127.0.0.1:"+port+"/ws")
	before := barClock(t, base)
	time.Sleep(1500 * time.Millisecond) // the state is written (debounced)
	if err := first.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	_ = first.Wait()
	time.Sleep(2 * time.Second) // the tracker is away

	start()
	after := barClock(t, base)
	if after.name == "" || after.name != before.name {
		t.Errorf("after the restart the bar shows %q, want %q", after.name, before.name)
	}
	// The clock left now, on the restarted tracker, against the truth from the first run.
	now := time.Now()
	truth, shown := before.remaining-now.Sub(before.at), after.remaining-now.Sub(after.at)
	if d := shown - truth; d > 300*time.Millisecond || d < -300*time.Millisecond || truth > 57*time.Second {
		t.Errorf("after the restart the clock has %v left, want %v (off by %v)", shown, truth, d)
	}
	resp, err := http.Get(base + "/api/status")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if !bytes.Contains(body, []byte(`"restoredFrom"`)) {
		t.Errorf("/api/status does not say the state was restored: %s", body)
	}
}

func freePort(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return strconv.Itoa(ln.Addr().(*net.TCPAddr).Port)
}

func waitHealthy(t *testing.T, addr string) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		if healthCheck(addr) == nil {
			return
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatal("the tracker did not start")
}

// feedDemo connects like OWLCMS, sends the demo's database and platform A, and starts A's
// clock.
func feedDemo(t *testing.T, url string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	ws, _, err := websocket.Dial(ctx, url, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer ws.CloseNow()
	var z bytes.Buffer
	zw := zip.NewWriter(&z)
	f, _ := zw.Create("competition.json")
	_, _ = f.Write(demo.DatabaseJSON())
	_ = zw.Close()
	if err := ws.Write(ctx, websocket.MessageBinary, owlcms.EncodeFrame("64.0.0", "database_zip", z.Bytes())); err != nil {
		t.Fatal(err)
	}
	send := func(typ string, payload []byte) {
		env, _ := json.Marshal(map[string]any{"version": "64.0.0", "type": typ, "payload": json.RawMessage(payload)})
		if err := ws.Write(ctx, websocket.MessageText, env); err != nil {
			t.Fatal(err)
		}
		if _, _, err := ws.Read(ctx); err != nil { // the reply: the frame was applied
			t.Fatal(err)
		}
	}
	send("update", demo.UpdateJSON("A"))
	send("timer", []byte(`{"fopName":"A","athleteTimerEventType":"StartTime","athleteMillisRemaining":"60000","timeAllowed":"60000"}`))
	_ = ws.Close(websocket.StatusNormalClosure, "")
}

// clockView is what the bar fragment says: the lifter, and the clock's time left at an instant.
type clockView struct {
	name      string
	remaining time.Duration // left at `at`
	at        time.Time
}

var (
	barNameRE  = regexp.MustCompile(`class="bar-name">([^<]*)<`)
	barClockRE = regexp.MustCompile(`data-remaining-ms="(\d+)"[^>]*data-anchor-ms="(\d+)"|data-anchor-ms="(\d+)"[^>]*data-remaining-ms="(\d+)"`)
)

func barClock(t *testing.T, base string) clockView {
	t.Helper()
	resp, err := http.Get(base + "/start-order/bar?fop=A&lang=en")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	name := barNameRE.FindSubmatch(body)
	m := barClockRE.FindSubmatch(body)
	if name == nil || m == nil {
		t.Fatalf("no lifter or running clock in the bar: %s", body)
	}
	rem, anchor := string(m[1]), string(m[2])
	if rem == "" {
		rem, anchor = string(m[4]), string(m[3])
	}
	r, _ := strconv.ParseInt(rem, 10, 64)
	a, _ := strconv.ParseInt(anchor, 10, 64)
	return clockView{name: string(name[1]), remaining: time.Duration(r) * time.Millisecond, at: time.UnixMilli(a)}
}
