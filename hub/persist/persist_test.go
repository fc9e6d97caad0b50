package persist

import (
	"context"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/owlcms/tracker/demo"
	"github.com/owlcms/tracker/hub"
)

// fakeClock is a settable clock shared by a hub and the test.
type fakeClock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *fakeClock) now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *fakeClock) add(d time.Duration) {
	c.mu.Lock()
	c.t = c.t.Add(d)
	c.mu.Unlock()
}

var quiet = slog.New(slog.DiscardHandler)

// save runs the writer over h until the files are there, then stops it (its final write
// included), as a tracker's shutdown does.
func save(t *testing.T, h *hub.Hub, dir string, change func()) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		defer close(done)
		Run(ctx, h, Options{Dir: dir, Logger: quiet, Debounce: 10 * time.Millisecond})
	}()
	time.Sleep(20 * time.Millisecond) // subscribed
	change()
	deadline := time.Now().Add(5 * time.Second)
	for {
		if _, err := os.Stat(filepath.Join(dir, platformsFile)); err == nil {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the state was never written")
		}
		time.Sleep(10 * time.Millisecond)
	}
	cancel()
	<-done
}

// TestRestartMidCountdown: a tracker stopped while the athlete's clock runs, started again 40 s
// later, shows the same session at once, and the clock 40 s further down, before OWLCMS sends
// anything.
func TestRestartMidCountdown(t *testing.T) {
	dir := t.TempDir()
	clock := &fakeClock{t: time.Date(2026, 12, 2, 12, 3, 4, 0, time.UTC)}
	a := hub.New(hub.Options{Logger: quiet, Now: clock.now})
	save(t, a, dir, func() {
		if err := demo.Load(a); err != nil {
			t.Fatal(err)
		}
		if _, err := a.Apply(hub.MessageTimer, []byte(`{"fopName":"A","athleteTimerEventType":"StartTime","athleteMillisRemaining":"60000","timeAllowed":"60000"}`)); err != nil {
			t.Fatal(err)
		}
	})
	before := a.Snapshot()

	clock.add(40 * time.Second)
	b := hub.New(hub.Options{Logger: quiet, Now: clock.now})
	if !Restore(b, dir, quiet) {
		t.Fatal("nothing restored")
	}
	after := b.Snapshot()
	if after.Restored == nil || !after.Restored.SavedAt.Equal(clock.now().Add(-40*time.Second)) || !after.Restored.At.Equal(clock.now()) {
		t.Errorf("restored marker %+v, want saved at the stop and restored now", after.Restored)
	}
	if got := after.FOP("A").Clock.RemainingAt(clock.now()); got != 20*time.Second {
		t.Errorf("clock after a 40 s restart: %v left, want 20s", got)
	}
	if after.Database == nil || len(after.Database.Athletes) != len(before.Database.Athletes) {
		t.Fatalf("database not restored")
	}
	if len(after.Translations.Locales) != len(before.Translations.Locales) {
		t.Errorf("locales: %d, want %d", len(after.Translations.Locales), len(before.Translations.Locales))
	}
	if diff := cmp.Diff(before.FOPNames(), after.FOPNames()); diff != "" {
		t.Errorf("platforms (-before +after):\n%s", diff)
	}
	for _, name := range before.FOPNames() {
		x, y := before.FOP(name), after.FOP(name)
		type shown struct {
			Session, Current, Next, Mode, State string
			Athletes, Order                     int
			Weight                              string
		}
		view := func(f *hub.FOP) shown {
			return shown{f.SessionName, f.CurrentKey, f.NextKey, f.Mode, f.State, len(f.Athletes), len(f.LiftingOrder), f.Current.Weight}
		}
		if diff := cmp.Diff(view(x), view(y)); diff != "" {
			t.Errorf("platform %s (-before +after):\n%s", name, diff)
		}
	}
}

// TestKeyNeverWritten: OWLCMS's export carries the update key in URLs and fields; none of it
// reaches the disk.
func TestKeyNeverWritten(t *testing.T) {
	dir := t.TempDir()
	h := hub.New(hub.Options{Logger: quiet})
	db := strings.Replace(string(demo.DatabaseJSON()), `{`,
		`{"config2":{"videoDataURL":"ws://tracker:8096/ws?updateKey=s3cr3t-key","paramVideoDataURL":"wss://x/ws?a=1&updateKey=s3cr3t-key","updateKey":"s3cr3t-key"},`, 1)
	save(t, h, dir, func() {
		if _, err := h.LoadDatabaseJSON([]byte(db), ""); err != nil {
			t.Fatal(err)
		}
		if _, err := h.Apply(hub.MessageUpdate, []byte(`{"fop":"A","updateKey":"s3cr3t-key","uiEvent":"SwitchGroup","stylesDir":"http://h/styles?updateKey=s3cr3t-key"}`)); err != nil {
			t.Fatal(err)
		}
	})
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		data, _ := os.ReadFile(filepath.Join(dir, e.Name()))
		if strings.Contains(string(data), "s3cr3t") {
			t.Errorf("%s holds the update key", e.Name())
		}
	}
	restored := hub.New(hub.Options{Logger: quiet})
	Restore(restored, dir, quiet)
	if s := restored.Snapshot(); s.Database == nil || len(s.Database.Athletes) == 0 {
		t.Error("the redacted database does not load")
	}
}

// TestDamagedFiles: a data directory with partial or corrupt files never stops a start; what
// can be read is restored.
func TestDamagedFiles(t *testing.T) {
	dir := t.TempDir()
	h := hub.New(hub.Options{Logger: quiet})
	save(t, h, dir, func() {
		if err := demo.Load(h); err != nil {
			t.Fatal(err)
		}
	})
	db, _ := os.ReadFile(filepath.Join(dir, databaseFile))
	restore := func() *hub.Snapshot {
		h := hub.New(hub.Options{Logger: quiet})
		Restore(h, dir, quiet) // must not panic or fail
		return h.Snapshot()
	}
	_ = os.WriteFile(filepath.Join(dir, databaseFile), db[:len(db)/2], 0o644)
	if s := restore(); s.Database != nil || len(s.FOPs) == 0 || len(s.Translations.Locales) == 0 {
		t.Errorf("truncated database: database %v, %d platforms, %d locales; want no database, the rest restored",
			s.Database != nil, len(s.FOPs), len(s.Translations.Locales))
	}
	_ = os.WriteFile(filepath.Join(dir, platformsFile), []byte("{\x00garbage"), 0o644)
	if s := restore(); len(s.FOPs) != 0 || len(s.Translations.Locales) == 0 {
		t.Errorf("garbage platforms: %d platforms, %d locales; want none, the translations restored", len(s.FOPs), len(s.Translations.Locales))
	}
	_ = os.WriteFile(filepath.Join(dir, translationsFile), nil, 0o644)
	if s := restore(); s.Restored != nil {
		t.Error("nothing readable, yet the hub says it was restored")
	}
	s := hub.New(hub.Options{Logger: quiet})
	if Restore(s, t.TempDir(), quiet) {
		t.Error("an empty directory restored something")
	}
}
