package hub

import (
	"encoding/json"
	"fmt"
	"maps"
	"time"
)

// A Checkpoint is what the hub must keep across a restart so that boards are right before
// OWLCMS speaks again: OWLCMS never re-sends the live state of a platform (only its next event
// does), so a tracker restarted mid-session would otherwise show "waiting" until then.
//
// It holds the database and translations as loaded (their JSON), and each platform's merged
// fields with its clocks, break clock, decision and jury as the hub anchored them. Clocks are kept
// with their absolute anchor (the hub's time when the value arrived): a running clock restored
// 40 s later shows 40 s less, as it should. The update key is never part of it: platform fields
// never hold it, and the database JSON is redacted with RedactKeys before it is written.
type Checkpoint struct {
	SavedAt             time.Time       `json:"savedAt"`
	Database            json.RawMessage `json:"-"` // written to a file of its own (it is large)
	DatabaseChecksum    string          `json:"databaseChecksum,omitempty"`
	DatabaseVersion     uint64          `json:"-"`
	Translations        json.RawMessage `json:"-"` // likewise
	TranslationsVersion uint64          `json:"-"`
	FOPs                []FOPCheckpoint `json:"fops"`
}

// FOPCheckpoint is one platform's state in a Checkpoint.
type FOPCheckpoint struct {
	Name        string                     `json:"name"`
	Fields      map[string]json.RawMessage `json:"fields"`
	UpdatedAt   time.Time                  `json:"updatedAt"`
	LastMessage MessageType                `json:"lastMessage"`
	LastUIEvent string                     `json:"lastUiEvent,omitempty"`
	Clock       AthleteClock               `json:"clock"`
	BreakClock  BreakClock                 `json:"breakClock"`
	Decision    Decision                   `json:"decision"`
	SessionDone bool                       `json:"sessionDone,omitempty"`
	Jury        JuryState                  `json:"jury,omitzero"` // the judged attempt, deliberation, jury's decision
}

// Restored says the state was read back from a checkpoint: boards show it at once, and the
// status page says so until OWLCMS sends something.
type Restored struct {
	At      time.Time // when this process restored it
	SavedAt time.Time // when the checkpoint was written
}

// Checkpoint returns the current state in its restorable form. It never blocks ingest for
// more than a copy of the platform maps.
func (h *Hub) Checkpoint() Checkpoint {
	s := h.Snapshot()
	cp := Checkpoint{SavedAt: h.now(), DatabaseVersion: s.DatabaseVersion, TranslationsVersion: s.TranslationsVersion}
	if s.Database != nil {
		cp.Database, cp.DatabaseChecksum = s.Database.raw, s.Database.Checksum
	}
	if s.Translations != nil {
		cp.Translations = s.Translations.raw
	}
	for _, name := range s.FOPNames() {
		f := s.FOPs[name]
		if f == nil {
			continue
		}
		cp.FOPs = append(cp.FOPs, FOPCheckpoint{Name: f.Name, Fields: maps.Clone(f.raw), UpdatedAt: f.UpdatedAt,
			LastMessage: f.LastMessage, LastUIEvent: f.LastUIEvent, Clock: f.Clock, BreakClock: f.BreakClock,
			Decision: f.Decision, SessionDone: f.SessionDone, Jury: f.Jury})
	}
	return cp
}

// Restore loads a checkpoint into the hub, before OWLCMS connects. Each part is checked on its
// own: a database or translations that no longer load, or a platform with a bad name, is
// skipped and reported in the returned error, and everything else is restored. What OWLCMS
// sends later replaces it as usual.
func (h *Hub) Restore(cp Checkpoint) error {
	var problems []error
	if len(cp.Database) > 0 {
		if _, err := h.LoadDatabaseJSON(cp.Database, cp.DatabaseChecksum); err != nil {
			problems = append(problems, fmt.Errorf("database: %w", err))
		}
	}
	if len(cp.Translations) > 0 {
		if _, err := h.LoadTranslationsJSON(cp.Translations); err != nil {
			problems = append(problems, fmt.Errorf("translations: %w", err))
		}
	}
	var fops []FOPCheckpoint
	for _, fc := range cp.FOPs {
		if err := validFOPName(fc.Name); err != nil || fc.Fields == nil {
			problems = append(problems, fmt.Errorf("platform %q: not restorable", fc.Name))
			continue
		}
		fops = append(fops, fc)
	}
	if len(fops) > h.limits.MaxFOPs {
		fops = fops[:h.limits.MaxFOPs]
	}
	now := h.now()
	h.update(func(s *Snapshot) []Change {
		s.FOPs = maps.Clone(s.FOPs)
		var changes []Change
		for _, fc := range fops {
			f := restoreFOP(s, fc)
			f.DataVersion, f.LiveVersion = h.nextVersion(), h.nextVersion()
			s.FOPs[f.Name] = f
			changes = append(changes, Change{Kind: ChangeFOPData, FOP: f.Name, Version: f.DataVersion},
				Change{Kind: ChangeFOPLive, FOP: f.Name, Version: f.LiveVersion})
		}
		s.Restored = &Restored{At: now, SavedAt: cp.SavedAt}
		s.StatusVersion = h.nextVersion()
		return append(changes, Change{Kind: ChangeStatus, Version: s.StatusVersion})
	})
	if len(problems) > 0 {
		return fmt.Errorf("checkpoint partly restored: %v", problems)
	}
	return nil
}

// restoreFOP rebuilds a platform from its checkpoint: the fields are decoded as a merge would
// decode them, then the clocks and the decision are put back with their original anchors.
func restoreFOP(s *Snapshot, fc FOPCheckpoint) *FOP {
	raw := maps.Clone(fc.Fields)
	for _, k := range []string{"updateKey", "update_key", "updatekey", "database"} {
		delete(raw, k)
	}
	f := &FOP{}
	f.decodeData(s, raw)
	f.Name, f.raw, f.UpdatedAt, f.LastMessage, f.LastUIEvent = fc.Name, raw, fc.UpdatedAt, fc.LastMessage, fc.LastUIEvent
	f.dataHash, f.liveHash = hashFields(raw)
	f.decodeLive(nil, MessageUpdate, raw, nil, fc.UpdatedAt)
	f.Clock, f.BreakClock, f.Decision, f.SessionDone = fc.Clock, fc.BreakClock, fc.Decision, fc.SessionDone
	f.Jury = fc.Jury // its judged attempt finds its athlete by key (Stage.Athlete)
	return f
}
