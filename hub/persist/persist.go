// Package persist keeps the hub's state on disk so that a restarted tracker shows the right
// boards at once: OWLCMS never re-sends a platform's live state, only its next event does.
//
// Three files live in the data directory, each written atomically (a temporary file, synced,
// then renamed over the old one), so a crash mid-write leaves the previous file whole:
//
//	database.json       the competition database as OWLCMS exported it, update keys removed
//	translations.json   the translations as received
//	platforms.json      each platform's merged fields, clocks and decision (hub.Checkpoint)
//
// Writes are debounced and run on their own goroutine, fed by a hub subscription that never
// blocks ingest; the database and translations are rewritten only when their version moved.
// On start, Restore reads what it can: a missing, partial or corrupt file is skipped with a
// warning, never fatal.
package persist

import (
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"runtime/debug"
	"time"

	"github.com/owlcms/tracker/internal/defaults"

	"github.com/owlcms/tracker/hub"
)

// File names in the data directory.
const (
	databaseFile     = "database.json"
	translationsFile = "translations.json"
	platformsFile    = "platforms.json"
)

// Options configure Run.
type Options struct {
	Dir      string
	Logger   *slog.Logger  // default slog.Default()
	Debounce time.Duration // quiet time before a write (default 300 ms)
}

// Restore loads the checkpoint kept in dir into h. It reports whether anything was restored.
// Problems are logged and skipped: a tracker must start even on a damaged data directory.
func Restore(h *hub.Hub, dir string, log *slog.Logger) bool {
	if log == nil {
		log = slog.Default()
	}
	var cp hub.Checkpoint
	found := false
	if data, ok := readFile(dir, platformsFile, log); ok {
		if err := json.Unmarshal(data, &cp); err != nil {
			log.Warn("state on disk: platforms file unreadable, platforms not restored", "file", filepath.Join(dir, platformsFile), "error", err)
			cp = hub.Checkpoint{}
		} else {
			found = true
		}
	}
	for _, f := range []struct {
		name string
		dst  *json.RawMessage
	}{{databaseFile, &cp.Database}, {translationsFile, &cp.Translations}} {
		data, ok := readFile(dir, f.name, log)
		if !ok {
			continue
		}
		if !json.Valid(data) {
			log.Warn("state on disk: file is not whole JSON, ignored", "file", filepath.Join(dir, f.name))
			continue
		}
		*f.dst, found = data, true
	}
	if !found {
		return false
	}
	if err := h.Restore(cp); err != nil {
		log.Warn("state on disk: restored in part", "dir", dir, "error", err)
	}
	log.Info("state restored from disk", "dir", dir, "saved_at", cp.SavedAt.Format(time.RFC3339), "platforms", len(cp.FOPs))
	return true
}

func readFile(dir, name string, log *slog.Logger) ([]byte, bool) {
	data, err := os.ReadFile(filepath.Join(dir, name))
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, false
	case err != nil:
		log.Warn("state on disk: cannot read file, ignored", "file", filepath.Join(dir, name), "error", err)
		return nil, false
	case len(data) == 0:
		log.Warn("state on disk: empty file, ignored", "file", filepath.Join(dir, name))
		return nil, false
	}
	return data, true
}

// Run writes the hub's state to o.Dir whenever it changes, until ctx ends; then it writes once
// more if anything is pending and returns. Write failures are logged and retried at the next
// change.
func Run(ctx context.Context, h *hub.Hub, o Options) {
	o.Logger = cmp.Or(o.Logger, slog.Default())
	o.Debounce = defaults.Positive(o.Debounce, 300*time.Millisecond)
	w := &writer{h: h, dir: o.Dir, log: o.Logger}
	sub := h.Subscribe()
	defer sub.Close()
	timer := time.NewTimer(time.Hour)
	timer.Stop()
	defer timer.Stop()
	dirty := false
	for {
		select {
		case <-ctx.Done():
			if dirty {
				w.write()
			}
			return
		case <-sub.C():
			for _, ch := range sub.Take() {
				switch ch.Kind {
				case hub.ChangeDatabase, hub.ChangeTranslations, hub.ChangeFOPData, hub.ChangeFOPLive:
					if !dirty {
						dirty = true
						timer.Reset(o.Debounce)
					}
				}
			}
		case <-timer.C:
			dirty = false
			w.write()
		}
	}
}

// writer remembers which versions are on disk. Used by Run's goroutine only.
type writer struct {
	h                 *hub.Hub
	dir               string
	log               *slog.Logger
	dbVersion, trVers uint64
	dirMade           bool
}

func (w *writer) write() {
	defer func() {
		if r := recover(); r != nil {
			w.log.Error("panic while saving the state", "panic", r, "stack", string(debug.Stack()))
		}
	}()
	if !w.dirMade {
		if err := os.MkdirAll(w.dir, 0o755); err != nil {
			w.log.Warn("cannot save the state: no data directory", "dir", w.dir, "error", err)
			return
		}
		w.dirMade = true
	}
	cp := w.h.Checkpoint()
	if cp.Database != nil && cp.DatabaseVersion != w.dbVersion {
		data, err := hub.RedactKeys(cp.Database)
		if err == nil {
			err = writeAtomic(w.dir, databaseFile, data)
		}
		if err != nil {
			w.log.Warn("cannot save the database", "error", err)
		} else {
			w.dbVersion = cp.DatabaseVersion
		}
	}
	if cp.Translations != nil && cp.TranslationsVersion != w.trVers {
		if err := writeAtomic(w.dir, translationsFile, cp.Translations); err != nil {
			w.log.Warn("cannot save the translations", "error", err)
		} else {
			w.trVers = cp.TranslationsVersion
		}
	}
	data, err := json.Marshal(cp)
	if err == nil {
		data, err = hub.RedactKeys(data) // a URL in a platform's fields may carry the key too
	}
	if err == nil {
		err = writeAtomic(w.dir, platformsFile, data)
	}
	if err != nil {
		w.log.Warn("cannot save the platforms' state", "error", err)
	}
}

// writeAtomic replaces dir/name with data: readers see the old file or the new one, whole.
func writeAtomic(dir, name string, data []byte) error {
	f, err := os.CreateTemp(dir, "."+name+".*")
	if err != nil {
		return err
	}
	tmp := f.Name()
	_, err = f.Write(data)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp, filepath.Join(dir, name))
	}
	if err != nil {
		_ = os.Remove(tmp)
		return fmt.Errorf("writing %s: %w", name, err)
	}
	return nil
}
