package owlcms

import (
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"
)

// learner implements learning mode (format in the package documentation). Files are written
// by the connections' processing goroutines, never by a read loop, so a slow disk cannot delay
// the answers to OWLCMS's pings.
type learner struct {
	dir string
	max int64
	log *slog.Logger

	mu      sync.Mutex
	written int64
	last    time.Time // last stamp used
	full    bool
	dirOK   bool
}

func newLearner(dir string, max int64, log *slog.Logger) *learner {
	if dir == "" {
		return nil
	}
	return &learner{dir: dir, max: max, log: log}
}

// saveText records a text frame. data must already be redacted.
func (l *learner) saveText(at time.Time, typ, uiEvent string, data []byte) {
	name := strings.ToUpper(nameSafe(typ, "UNKNOWN"))
	if ev := nameSafe(uiEvent, ""); ev != "" {
		name += "-" + strings.ToUpper(ev)
	}
	l.save(at, name+".json", data)
}

// saveBinary records a binary frame's raw bytes.
func (l *learner) saveBinary(at time.Time, typ string, data []byte) {
	l.save(at, nameSafe(typ, "unparsed")+".bin", data)
}

func (l *learner) save(at time.Time, suffix string, data []byte) {
	if l == nil || data == nil {
		return
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.full {
		return
	}
	if l.written+int64(len(data)) > l.max {
		l.full = true
		l.log.Warn("learning mode stopped: size cap reached", "dir", l.dir, "bytes", l.written, "cap", l.max)
		return
	}
	if !l.dirOK {
		if err := os.MkdirAll(l.dir, 0o755); err != nil {
			l.log.Warn("learning mode: cannot create directory", "dir", l.dir, "error", err)
			return
		}
		l.dirOK = true
	}
	at = at.UTC().Truncate(time.Millisecond)
	if !at.After(l.last) {
		at = l.last.Add(time.Millisecond)
	}
	l.last = at
	path := filepath.Join(l.dir, at.Format("2006-01-02T15-04-05.000")+"-"+suffix)
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		l.log.Warn("learning mode: cannot save frame", "path", path, "error", err)
		return
	}
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		l.log.Warn("learning mode: cannot save frame", "path", path, "error", err)
		return
	}
	l.written += int64(len(data))
}

// nameSafe keeps the characters of s that are safe in a file name (letters, digits, "_"),
// at most 48 of them; def when nothing is left.
func nameSafe(s, def string) string {
	var b strings.Builder
	for _, r := range s {
		if b.Len() >= 48 {
			break
		}
		if r < 128 && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '_') {
			b.WriteRune(r)
		}
	}
	if b.Len() == 0 {
		return def
	}
	return b.String()
}
