package owlcms

import (
	"log/slog"
	"sync"
	"time"
)

// logLimiter bounds the warnings one connection can write: a peer sending a refused frame
// every few milliseconds must not fill the disk or drown the lines that matter. The first
// logBurst lines of each logWindow are written; the rest are counted and summed up in the next
// line written.
type logLimiter struct {
	start      time.Time
	n          int
	suppressed int
}

const (
	logBurst  = 20
	logWindow = time.Minute
)

// warn logs msg unless the connection is over its budget. Used by one goroutine only.
func (l *logLimiter) warn(log *slog.Logger, now time.Time, msg string, attrs ...any) {
	if now.Sub(l.start) >= logWindow {
		l.start, l.n = now, 0
	}
	if l.n >= logBurst {
		l.suppressed++
		return
	}
	l.n++
	if l.suppressed > 0 {
		attrs = append(attrs, "suppressed_before", l.suppressed)
		l.suppressed = 0
	}
	log.Warn(msg, attrs...)
}

// sharedLogLimiter is a logLimiter for several goroutines: the handler's warnings about refused
// upgrades, which anyone can cause as often as they like.
type sharedLogLimiter struct {
	mu sync.Mutex
	l  logLimiter
}

func (s *sharedLogLimiter) warn(log *slog.Logger, now time.Time, msg string, attrs ...any) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.l.warn(log, now, msg, attrs...)
}
