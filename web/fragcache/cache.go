// Package fragcache renders HTML fragments once and serves them many times.
//
// A scoreboard fragment is identical for every display showing the same
// board, platform, language, options and hub state, yet dozens of TVs ask
// for it after every competition event. Rendering (and gzip-compressing) it
// once per key and handing every viewer the same immutable bytes keeps the
// cost of an event proportional to the number of distinct fragments, not
// to the number of screens.
package fragcache

import (
	"container/list"
	"fmt"
	"io"
	"runtime/debug"
	"slices"
	"sync"
	"time"

	"github.com/owlcms/tracker/internal/defaults"

	"golang.org/x/sync/singleflight"
)

// Defaults used when Options fields are zero or negative.
const (
	DefaultMaxEntries = 1024
	DefaultMaxBytes   = 32 << 20
)

// Options bounds the cache. Both limits apply; whichever is reached first
// triggers eviction of the least-recently-used entries.
type Options struct {
	// MaxEntries caps the number of cached fragments, so that keys which
	// are never asked for again (old hub versions) cannot pile up.
	// Default 1024.
	MaxEntries int
	// MaxBytes caps the plain plus gzip bytes held, so that a few unusually
	// large fragments cannot exhaust memory. Default 32 MiB.
	MaxBytes int64
}

// Cache is a bounded LRU cache of rendered fragments with per-key
// de-duplication of concurrent renders. It is safe for concurrent use.
// The zero value is not usable; call New.
type Cache struct {
	maxEntries int
	maxBytes   int64

	// mu guards everything below. One mutex is enough: the critical
	// sections are map and list operations only; rendering and compressing
	// happen outside it.
	mu    sync.Mutex
	lru   *list.List               // front = most recently used; values are *item
	items map[string]*list.Element // cached entries by key
	// tags finds a whole fragment by its ETag, the version a page says it shows (Rows).
	tags  map[string]*list.Element
	bytes int64
	stats Stats

	// renders de-duplicates concurrent renders of a key: the first caller renders, the others
	// wait and share its result (and a renderer's runtime.Goexit releases them with an error).
	renders singleflight.Group
}

// item is what the LRU list holds: the key is needed to delete the map
// entry when the list element is evicted.
type item struct {
	key    string
	entry  *Entry
	size   int64
	tagged bool // listed in Cache.tags
}

// New returns an empty cache bounded by o.
func New(o Options) *Cache {
	o.MaxEntries = defaults.Positive(o.MaxEntries, DefaultMaxEntries)
	o.MaxBytes = defaults.Positive(o.MaxBytes, DefaultMaxBytes)
	return &Cache{
		maxEntries: o.MaxEntries,
		maxBytes:   o.MaxBytes,
		lru:        list.New(),
		items:      make(map[string]*list.Element),
		tags:       make(map[string]*list.Element),
	}
}

// Get returns the entry for key, calling render at most once per key even
// when many goroutines ask at the same time: the first caller renders, the
// others wait for that render and share its result. This matters because
// every display refreshes right after the same event, so without it a
// single event would trigger one identical render per screen.
//
// A render error is returned to the renderer and all waiters and is NOT
// cached, so the next Get retries (the failure may be transient). A panic
// in render is recovered and returned the same way as a *PanicError, so one
// bad template cannot crash the server or leave waiters blocked forever.
//
// render must write the complete fragment to w and must not retain w after
// returning. It must not call Get for the same key (that would deadlock).
// The returned Entry is shared and must not be modified.
//
// Least-recently-used entries are evicted beyond MaxEntries or MaxBytes.
// An entry larger than MaxBytes on its own is returned but not cached.
func (c *Cache) Get(key string, render func(w io.Writer) error) (*Entry, error) {
	return c.get(key, true, render)
}

// get is Get; tagged says whether the entry is a whole fragment that Rows may start from.
func (c *Cache) get(key string, tagged bool, render func(w io.Writer) error) (*Entry, error) {
	if e := c.lookup(key, true); e != nil {
		return e, nil
	}
	v, err, _ := c.renders.Do(key, func() (any, error) {
		// A render of key may have finished between the lookup and Do.
		if e := c.lookup(key, false); e != nil {
			return e, nil
		}
		return c.render(key, tagged, render)
	})
	if err != nil {
		return nil, err
	}
	return v.(*Entry), nil
}

// lookup returns the cached entry of key, nil when there is none; count says whether the
// lookup counts as a hit or a miss.
func (c *Cache) lookup(key string, count bool) *Entry {
	c.mu.Lock()
	defer c.mu.Unlock()
	el, ok := c.items[key]
	switch {
	case !count:
	case ok:
		c.stats.Hits++
	default:
		c.stats.Misses++
	}
	if !ok {
		return nil
	}
	c.lru.MoveToFront(el)
	return el.Value.(*item).entry
}

// render builds the entry of key and caches it. The deferred bookkeeping runs on every
// exit path, runtime.Goexit included (a failed test's t.FailNow in render).
func (c *Cache) render(key string, tagged bool, render func(w io.Writer) error) (e *Entry, err error) {
	c.mu.Lock()
	c.stats.Renders++
	c.mu.Unlock()
	start, normal := time.Now(), false
	defer func() {
		c.mu.Lock()
		defer c.mu.Unlock()
		took := time.Since(start)
		c.stats.RenderTime += took
		c.stats.RenderCounts[renderBucket(took)]++
		if !normal || err != nil {
			c.stats.Errors++
			return
		}
		c.add(key, e, tagged)
	}()
	e, err = build(render)
	normal = true
	return e, err
}

// add inserts e as most recently used and evicts from the back until both
// limits hold. c.mu must be held.
func (c *Cache) add(key string, e *Entry, tagged bool) {
	size := e.size()
	if size > c.maxBytes {
		// Caching it would mean evicting everything else and then itself.
		return
	}
	el := c.lru.PushFront(&item{key: key, entry: e, size: size, tagged: tagged})
	c.items[key] = el
	if tagged {
		c.tags[e.ETag] = el // identical output under two keys: either serves as a start
	}
	c.bytes += size
	for c.lru.Len() > c.maxEntries || c.bytes > c.maxBytes {
		back := c.lru.Back()
		it := back.Value.(*item)
		c.lru.Remove(back)
		delete(c.items, it.key)
		if it.tagged && c.tags[it.entry.ETag] == back {
			delete(c.tags, it.entry.ETag)
		}
		c.bytes -= it.size
		c.stats.Evictions++
	}
}

// Stats is a snapshot of cache counters.
type Stats struct {
	Hits      uint64 // Gets served from the cache
	Misses    uint64 // Gets not served from the cache (rendered, or waited for another Get's render)
	Renders   uint64 // render calls
	Evictions uint64 // entries dropped to respect MaxEntries or MaxBytes
	Errors    uint64 // renders that failed (error, panic or Goexit)
	// RenderTime is the time spent in render calls (rendering plus gzip), failed ones
	// included: divided by Renders, the average cost of a fragment version.
	RenderTime time.Duration
	// RenderCounts counts renders by duration: RenderCounts[i] those that took at most
	// RenderBuckets[i] (and more than the bucket before), the last one those above every bound.
	RenderCounts [len(RenderBuckets) + 1]uint64
	Entries      int   // entries currently cached
	Bytes        int64 // plain plus gzip bytes currently cached
}

// RenderBuckets are the bounds of Stats.RenderCounts: from a small fragment's tenth of a
// millisecond to a team scoreboard of a large meet.
var RenderBuckets = [...]time.Duration{
	100 * time.Microsecond, 250 * time.Microsecond, 500 * time.Microsecond,
	time.Millisecond, 2500 * time.Microsecond, 5 * time.Millisecond,
	10 * time.Millisecond, 25 * time.Millisecond, 50 * time.Millisecond,
	100 * time.Millisecond, 250 * time.Millisecond,
}

// renderBucket is the index in Stats.RenderCounts of a render that took d.
func renderBucket(d time.Duration) int {
	i, _ := slices.BinarySearch(RenderBuckets[:], d)
	return i
}

// Stats returns a consistent snapshot of the counters.
func (c *Cache) Stats() Stats {
	c.mu.Lock()
	defer c.mu.Unlock()
	s := c.stats
	s.Entries = c.lru.Len()
	s.Bytes = c.bytes
	return s
}

// PanicError is returned by Get when render panicked.
type PanicError struct {
	Value any    // the value passed to panic
	Stack []byte // stack of the panicking goroutine
}

func (p *PanicError) Error() string {
	return fmt.Sprintf("fragcache: render panicked: %v\n\n%s", p.Value, p.Stack)
}

// Unwrap returns the panic value when it is an error, so errors.Is/As see it.
func (p *PanicError) Unwrap() error {
	err, _ := p.Value.(error)
	return err
}

// build calls render and turns its output into an Entry, converting a panic
// into a *PanicError.
func build(render func(w io.Writer) error) (e *Entry, err error) {
	buf := getBuffer()
	defer putBuffer(buf)
	defer func() {
		if v := recover(); v != nil {
			e, err = nil, &PanicError{Value: v, Stack: debug.Stack()}
		}
	}()
	if err := render(buf); err != nil {
		return nil, err
	}
	return newEntry(buf.Bytes())
}
