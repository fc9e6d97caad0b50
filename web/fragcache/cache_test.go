package fragcache

import (
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// waitMisses spins until n Gets have registered as misses, i.e. the
// renderer and all waiters are inside Get. No timing is involved: the test
// only proceeds once the state is reached.
func waitMisses(c *Cache, n uint64) {
	for c.Stats().Misses < n {
		runtime.Gosched()
	}
}

func TestRenderOnceConcurrent(t *testing.T) {
	c := New(Options{})
	const n = 100
	var renders atomic.Int32
	release := make(chan struct{})
	render := func(w io.Writer) error {
		renders.Add(1)
		<-release
		_, err := io.WriteString(w, strings.Repeat("<div>hello</div>", 100))
		return err
	}

	var wg sync.WaitGroup
	entries := make([]*Entry, n)
	errs := make([]error, n)
	for i := range n {
		wg.Go(func() { entries[i], errs[i] = c.Get("k", render) })
	}
	waitMisses(c, n)
	close(release)
	wg.Wait()

	if got := renders.Load(); got != 1 {
		t.Fatalf("renders = %d, want 1", got)
	}
	for i := range n {
		if errs[i] != nil {
			t.Fatalf("Get %d: %v", i, errs[i])
		}
		if entries[i] != entries[0] {
			t.Fatalf("Get %d returned a different entry", i)
		}
	}
	s := c.Stats()
	if s.Renders != 1 || s.Misses != n || s.Hits != 0 || s.Entries != 1 {
		t.Fatalf("stats = %+v", s)
	}
	if _, err := c.Get("k", render); err != nil {
		t.Fatal(err)
	}
	if s := c.Stats(); s.Hits != 1 || renders.Load() != 1 {
		t.Fatalf("after hit: stats = %+v, renders = %d", s, renders.Load())
	}
}

func TestDifferentKeysRenderSeparately(t *testing.T) {
	c := New(Options{})
	var renders atomic.Int32
	get := func(key string) *Entry {
		t.Helper()
		e, err := c.Get(key, func(w io.Writer) error {
			renders.Add(1)
			_, err := io.WriteString(w, "content of "+key)
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		return e
	}
	a, b := get("a"), get("b")
	if string(a.Plain) != "content of a" || string(b.Plain) != "content of b" {
		t.Fatalf("got %q, %q", a.Plain, b.Plain)
	}
	if a.ETag == b.ETag {
		t.Fatal("different content shares an ETag")
	}
	get("a")
	get("b")
	if got := renders.Load(); got != 2 {
		t.Fatalf("renders = %d, want 2", got)
	}
	if s := c.Stats(); s.Hits != 2 || s.Misses != 2 || s.Entries != 2 {
		t.Fatalf("stats = %+v", s)
	}
}

func TestErrorSharedAndNotCached(t *testing.T) {
	c := New(Options{})
	boom := errors.New("boom")
	release := make(chan struct{})
	var renders atomic.Int32
	failing := func(io.Writer) error {
		renders.Add(1)
		<-release
		return boom
	}

	const n = 10
	var wg sync.WaitGroup
	errs := make([]error, n)
	entries := make([]*Entry, n)
	for i := range n {
		wg.Go(func() { entries[i], errs[i] = c.Get("k", failing) })
	}
	waitMisses(c, n)
	close(release)
	wg.Wait()

	for i := range n {
		if !errors.Is(errs[i], boom) || entries[i] != nil {
			t.Fatalf("Get %d = %v, %v; want nil, boom", i, entries[i], errs[i])
		}
	}
	if renders.Load() != 1 {
		t.Fatalf("renders = %d, want 1", renders.Load())
	}
	if s := c.Stats(); s.Errors != 1 || s.Entries != 0 || s.Bytes != 0 {
		t.Fatalf("stats = %+v", s)
	}

	// Not cached: the next Get renders again and can succeed.
	e, err := c.Get("k", func(w io.Writer) error {
		_, err := io.WriteString(w, "ok")
		return err
	})
	if err != nil || string(e.Plain) != "ok" {
		t.Fatalf("retry = %v, %v", e, err)
	}
}

func TestPanicRecovered(t *testing.T) {
	c := New(Options{})
	release := make(chan struct{})
	cause := errors.New("template bug")
	panicky := func(io.Writer) error {
		<-release
		panic(cause)
	}

	const n = 5
	var wg sync.WaitGroup
	errs := make([]error, n)
	for i := range n {
		wg.Go(func() { _, errs[i] = c.Get("k", panicky) })
	}
	waitMisses(c, n)
	close(release)
	wg.Wait()

	for i, err := range errs {
		var pe *PanicError
		if !errors.As(err, &pe) || pe.Value != cause || len(pe.Stack) == 0 {
			t.Fatalf("Get %d err = %v, want *PanicError", i, err)
		}
		if !errors.Is(err, cause) {
			t.Fatalf("Get %d: errors.Is(err, cause) = false", i)
		}
	}
	if s := c.Stats(); s.Errors != 1 || s.Entries != 0 {
		t.Fatalf("stats = %+v", s)
	}
	if _, err := c.Get("k", func(w io.Writer) error { return nil }); err != nil {
		t.Fatalf("after panic: %v", err)
	}
}

func TestGoexitReleasesWaiters(t *testing.T) {
	c := New(Options{})
	done := make(chan struct{})
	go func() {
		defer close(done)
		c.Get("k", func(io.Writer) error { runtime.Goexit(); return nil }) //nolint:errcheck
	}()
	<-done
	if s := c.Stats(); s.Errors != 1 || s.Entries != 0 {
		t.Fatalf("stats = %+v", s)
	}
	// The in-flight marker is gone, so this renders instead of blocking.
	if _, err := c.Get("k", func(io.Writer) error { return nil }); err != nil {
		t.Fatal(err)
	}
}

func writeString(s string) func(io.Writer) error {
	return func(w io.Writer) error {
		_, err := io.WriteString(w, s)
		return err
	}
}

// incompressible returns n bytes that gzip cannot shrink, so Gzip is nil
// and an entry's size is exactly n.
func incompressible(seed uint64, n int) string {
	r := rand.New(rand.NewPCG(seed, seed))
	b := make([]byte, n)
	for i := range b {
		b[i] = byte(r.Uint32())
	}
	return string(b)
}

func TestEvictByEntries(t *testing.T) {
	c := New(Options{MaxEntries: 2})
	var renders atomic.Int32
	get := func(key string) {
		t.Helper()
		if _, err := c.Get(key, func(w io.Writer) error {
			renders.Add(1)
			return writeString(key)(w)
		}); err != nil {
			t.Fatal(err)
		}
	}
	get("a")
	get("b")
	get("a") // a is now most recently used
	get("c") // evicts b
	if s := c.Stats(); s.Entries != 2 || s.Evictions != 1 || renders.Load() != 3 {
		t.Fatalf("stats = %+v, renders = %d", s, renders.Load())
	}
	get("a")
	get("c")
	if renders.Load() != 3 {
		t.Fatalf("a or c was evicted: renders = %d", renders.Load())
	}
	get("b")
	if renders.Load() != 4 {
		t.Fatalf("b was not evicted: renders = %d", renders.Load())
	}
}

func TestEvictByBytes(t *testing.T) {
	c := New(Options{MaxBytes: 250})
	var renders atomic.Int32
	get := func(key string, body string) *Entry {
		t.Helper()
		e, err := c.Get(key, func(w io.Writer) error {
			renders.Add(1)
			return writeString(body)(w)
		})
		if err != nil {
			t.Fatal(err)
		}
		return e
	}
	for i, key := range []string{"a", "b"} {
		if e := get(key, incompressible(uint64(i), 100)); e.Gzip != nil {
			t.Fatal("random content compressed; test assumption broken")
		}
	}
	if s := c.Stats(); s.Bytes != 200 || s.Entries != 2 {
		t.Fatalf("stats = %+v", s)
	}
	get("c", incompressible(2, 100)) // 300 > 250: evicts a
	if s := c.Stats(); s.Bytes != 200 || s.Entries != 2 || s.Evictions != 1 {
		t.Fatalf("stats = %+v", s)
	}
	get("b", "")
	get("c", "")
	if renders.Load() != 3 {
		t.Fatalf("b or c evicted: renders = %d", renders.Load())
	}

	// An entry bigger than MaxBytes is returned but not cached, and does
	// not flush the others.
	big := incompressible(3, 300)
	if e := get("big", big); string(e.Plain) != big {
		t.Fatal("big entry content wrong")
	}
	if s := c.Stats(); s.Bytes != 200 || s.Entries != 2 || s.Evictions != 1 {
		t.Fatalf("after big: stats = %+v", s)
	}
}

func TestBytesCountGzip(t *testing.T) {
	c := New(Options{})
	e, err := c.Get("k", writeString(strings.Repeat("<td>lifter</td>", 200)))
	if err != nil {
		t.Fatal(err)
	}
	if e.Gzip == nil || len(e.Gzip) >= len(e.Plain) {
		t.Fatalf("gzip %d bytes for %d plain", len(e.Gzip), len(e.Plain))
	}
	if s := c.Stats(); s.Bytes != int64(len(e.Plain)+len(e.Gzip)) {
		t.Fatalf("Bytes = %d, want %d", s.Bytes, len(e.Plain)+len(e.Gzip))
	}
}

func TestDefaults(t *testing.T) {
	c := New(Options{MaxEntries: -1})
	if c.maxEntries != DefaultMaxEntries || c.maxBytes != DefaultMaxBytes {
		t.Fatalf("defaults = %d, %d", c.maxEntries, c.maxBytes)
	}
}

func TestETagStableAcrossKeys(t *testing.T) {
	c := New(Options{})
	body := "<table>" + strings.Repeat("<tr><td>x</td></tr>", 50) + "</table>"
	e1, err1 := c.Get("board=1;hub=7", writeString(body))
	e2, err2 := c.Get("board=1;hub=8", writeString(body))
	if err1 != nil || err2 != nil {
		t.Fatal(err1, err2)
	}
	if e1 == e2 {
		t.Fatal("different keys returned the same entry")
	}
	if e1.ETag != e2.ETag {
		t.Fatalf("ETag changed with key: %s vs %s", e1.ETag, e2.ETag)
	}
	if len(e1.ETag) != 18 || e1.ETag[0] != '"' || e1.ETag[17] != '"' {
		t.Fatalf("ETag %q is not a quoted 16-hex strong tag", e1.ETag)
	}
	e3, _ := c.Get("other", writeString(body+" "))
	if e3.ETag == e1.ETag {
		t.Fatal("different content, same ETag")
	}
}

func TestEmptyFragment(t *testing.T) {
	c := New(Options{})
	e, err := c.Get("empty", func(io.Writer) error { return nil })
	if err != nil {
		t.Fatal(err)
	}
	if e.Plain == nil || len(e.Plain) != 0 || e.Gzip != nil {
		t.Fatalf("entry = %+v", e)
	}
}

func ExampleCache_Get() {
	c := New(Options{})
	e, err := c.Get("scoreboard|A|en|v42", func(w io.Writer) error {
		_, err := io.WriteString(w, "<div>Current lifter</div>")
		return err
	})
	fmt.Println(string(e.Plain), err)
	// Output: <div>Current lifter</div> <nil>
}

// TestRenderTimeAdds: the time spent in render calls is summed, so that metrics can show the
// average cost of a fragment version.
func TestRenderTimeAdds(t *testing.T) {
	c := New(Options{})
	for _, key := range []string{"a", "b"} {
		if _, err := c.Get(key, func(w io.Writer) error {
			time.Sleep(2 * time.Millisecond)
			_, err := io.WriteString(w, key)
			return err
		}); err != nil {
			t.Fatal(err)
		}
	}
	if s := c.Stats(); s.Renders != 2 || s.RenderTime < 4*time.Millisecond {
		t.Errorf("Renders %d, RenderTime %v; want 2 and at least 4ms", s.Renders, s.RenderTime)
	}
}

func TestRenderBucket(t *testing.T) {
	for _, tt := range []struct {
		d    time.Duration
		want int
	}{
		{0, 0}, {100 * time.Microsecond, 0}, {101 * time.Microsecond, 1}, {time.Millisecond, 3},
		{250 * time.Millisecond, len(RenderBuckets) - 1}, {time.Second, len(RenderBuckets)},
	} {
		if got := renderBucket(tt.d); got != tt.want {
			t.Errorf("renderBucket(%v) = %d, want %d", tt.d, got, tt.want)
		}
	}
	c := New(Options{})
	if _, err := c.Get("k", writeString("x")); err != nil {
		t.Fatal(err)
	}
	var n uint64
	for _, v := range c.Stats().RenderCounts {
		n += v
	}
	if n != 1 {
		t.Errorf("render counts %v, want one render", c.Stats().RenderCounts)
	}
}
