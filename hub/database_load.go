package hub

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"maps"
	"slices"
)

// DatabaseResult says what a database load did.
type DatabaseResult struct {
	Unchanged bool // identical to the loaded database: nothing re-processed
	Athletes  int
}

// LoadDatabaseJSON loads a V2 database export: the bare object, or the {database,
// databaseChecksum} envelope. checksum (may be "") is OWLCMS's databaseChecksum when the caller
// got it outside the data. A payload that is not a usable database is rejected with an error
// wrapping ErrBadPayload and the loaded database is kept.
func (h *Hub) LoadDatabaseJSON(data []byte, checksum string) (DatabaseResult, error) {
	sum := sha256.Sum256(data)
	rawHash := hex.EncodeToString(sum[:])
	cur := h.Snapshot().Database
	if cur != nil && ((checksum != "" && checksum == cur.Checksum) || h.sameRawDatabase(rawHash)) {
		h.adoptWantedChecksum(checksum)
		return DatabaseResult{Unchanged: true, Athletes: len(cur.Athletes)}, nil
	}
	// Parse outside the lock: a 700 KB export takes milliseconds that ingest of other
	// platforms should not wait for.
	db, err := decodeDatabase(data)
	if err != nil {
		h.log.Warn("database rejected, previous database kept", "error", err, "bytes", len(data))
		return DatabaseResult{}, err
	}
	if checksum != "" {
		db.Checksum = checksum
	}
	if cur != nil && db.Checksum != "" && db.Checksum == cur.Checksum {
		h.setRawDatabase(rawHash)
		return DatabaseResult{Unchanged: true, Athletes: len(cur.Athletes)}, nil
	}
	h.update(func(s *Snapshot) []Change {
		if db.Checksum == "" && h.wantChecksum != "" {
			// OWLCMS answers our request for a newer database with a checksum-less ZIP: it is
			// the database we asked for.
			db.Checksum = h.wantChecksum
		}
		if db.Checksum == h.wantChecksum {
			h.wantChecksum = ""
		}
		db.LoadedAt = h.now()
		db.raw = bytes.Clone(data) // the caller may reuse its buffer
		h.dbRawHash = rawHash
		s.Database = db
		s.DatabaseVersion = h.nextVersion()
		changes := []Change{{Kind: ChangeDatabase, Version: s.DatabaseVersion}}
		// Session athletes fall back on the database (team names, categories): rebuild them.
		return append(changes, h.redecodeFOPsLocked(s)...)
	})
	h.log.Info("database loaded", "athletes", len(db.Athletes), "sessions", len(db.Sessions),
		"platforms", len(db.Platforms), "checksum", shortChecksum(db.Checksum))
	return DatabaseResult{Athletes: len(db.Athletes)}, nil
}

// LoadDatabaseZip loads a database_zip payload: competition.json, else database.json, else
// the first *.json entry.
func (h *Hub) LoadDatabaseZip(zipData []byte) (DatabaseResult, error) {
	files, err := ReadZip(zipData, h.dataZipLimits())
	if err != nil {
		h.log.Warn("database zip rejected, previous database kept", "error", err)
		return DatabaseResult{}, fmt.Errorf("%w: database zip: %v", ErrBadPayload, err)
	}
	pick, ok := FindZipEntry(files, "competition.json", "database.json", "*.json")
	if !ok {
		return DatabaseResult{}, fmt.Errorf("%w: database zip has no .json entry", ErrBadPayload)
	}
	return h.LoadDatabaseJSON(pick.Data, "")
}

// adoptWantedChecksum settles a pending checksum request answered with the same database bytes
// we already hold: the loaded database is the one OWLCMS announced.
func (h *Hub) adoptWantedChecksum(checksum string) {
	h.update(func(s *Snapshot) []Change {
		want := h.wantChecksum
		if want == "" || s.Database == nil || (checksum != "" && checksum != want) {
			return nil
		}
		db := *s.Database
		db.Checksum = want
		h.wantChecksum = ""
		s.Database = &db
		s.StatusVersion = h.nextVersion()
		return []Change{{Kind: ChangeStatus, Version: s.StatusVersion}}
	})
}

func (h *Hub) sameRawDatabase(rawHash string) bool {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.dbRawHash == rawHash
}

func (h *Hub) setRawDatabase(rawHash string) {
	h.mu.Lock()
	h.dbRawHash = rawHash
	h.mu.Unlock()
}

func shortChecksum(c string) string {
	if len(c) > 12 {
		return c[:12]
	}
	return c
}

// redecodeFOPsLocked rebuilds the slow part of every platform of s from its fields, after
// something it falls back on changed (the database, the flags), and returns the changes.
func (h *Hub) redecodeFOPsLocked(s *Snapshot) []Change {
	if len(s.FOPs) == 0 {
		return nil
	}
	var changes []Change
	s.FOPs = maps.Clone(s.FOPs)
	for _, name := range slices.Sorted(maps.Keys(s.FOPs)) {
		f := s.FOPs[name]
		next := *f
		next.Athletes, next.StartOrder, next.LiftingOrder, next.Leaders = nil, nil, nil, nil
		next.decodeData(s, f.raw)
		next.DataVersion = h.nextVersion()
		s.FOPs[name] = &next
		changes = append(changes, Change{Kind: ChangeFOPData, FOP: name, Version: next.DataVersion})
	}
	return changes
}
