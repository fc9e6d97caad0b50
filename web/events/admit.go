package events

import (
	"net"
	"net/http"
	"sync"
	"sync/atomic"
	"time"
)

// admission bounds the viewers connected at once, in total and per client address. Every open
// stream holds two connections, four goroutines and about 100 KB (docs/performance.md), so
// without a bound a script opening streams in a loop takes the venue's boards down with it.
type admission struct {
	max, perIP int // 0: no bound

	mu    sync.Mutex
	total int
	byIP  map[string]int

	refused atomic.Uint64
	lastLog atomic.Int64 // unix ns of the last "refused" log line
}

// enter admits a viewer from ip, or returns the status to answer: 503 when the tracker is
// full, 429 when that address has too many streams open. leave must be called when the
// stream ends.
func (a *admission) enter(ip string) (leave func(), status int) {
	a.mu.Lock()
	defer a.mu.Unlock()
	switch {
	case a.max > 0 && a.total >= a.max:
		a.refused.Add(1)
		return nil, http.StatusServiceUnavailable
	case a.perIP > 0 && a.byIP[ip] >= a.perIP:
		a.refused.Add(1)
		return nil, http.StatusTooManyRequests
	}
	a.total++
	if a.perIP > 0 {
		if a.byIP == nil {
			a.byIP = map[string]int{}
		}
		a.byIP[ip]++
	}
	var once sync.Once
	return func() {
		once.Do(func() {
			a.mu.Lock()
			defer a.mu.Unlock()
			a.total--
			if a.perIP > 0 {
				if a.byIP[ip]--; a.byIP[ip] <= 0 {
					delete(a.byIP, ip) // the map holds only addresses with open streams
				}
			}
		})
	}, 0
}

// shouldLog reports whether a refusal may be logged now: at most one line per interval, so
// that a flood of refused connections cannot flood the log too.
func (a *admission) shouldLog(now time.Time, interval time.Duration) bool {
	last := a.lastLog.Load()
	if now.UnixNano()-last < int64(interval) {
		return false
	}
	return a.lastLog.CompareAndSwap(last, now.UnixNano())
}

// RemoteIP is the default Options.ClientIP: the address of the TCP peer.
func RemoteIP(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}

// HeaderIP returns a ClientIP that reads the client address from a header set by a trusted
// proxy (Fly's is Fly-Client-IP), falling back to the TCP peer when it is absent. Use it only
// when every request comes through that proxy: anyone else can write the header.
func HeaderIP(header string) func(*http.Request) string {
	return func(r *http.Request) string {
		if v := r.Header.Get(header); v != "" {
			return v
		}
		return RemoteIP(r)
	}
}

// Refused returns how many streams were refused by the viewer limits since start.
func (b *Broker) Refused() uint64 { return b.admit.refused.Load() }
