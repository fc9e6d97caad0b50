package hub

import (
	"bytes"
	"encoding/json"
	"fmt"
	"hash/fnv"
	"maps"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Fields that belong to the athlete clock or the break clock. An update carries a copy of the
// last timer map; when an update leaves one out, the previous value is kept (OWLCMS only
// sends timer fields it knows).
var timerFields = []string{
	"athleteTimerEventType", "athleteMillisRemaining", "athleteStartTimeMillis",
	"breakTimerEventType", "breakMillisRemaining", "breakStartTimeMillis", "timeAllowed",
	"indefiniteBreak", "athleteInitialWarningMillis", "athleteFinalWarningMillis",
}

// Fields that belong to the referees' decision, kept across updates likewise.
var decisionFields = []string{
	"decisionEventType", "d1", "d2", "d3", "decisionsVisible", "down", "juryDecision", "juryReversal",
	"decision", "timingPolicy", "inputKind", "athleteFull", "athleteAbbreviated", "waitForAnnouncer", "actualLift",
}

// Fields that say what a decision message decided: one that a decision message leaves out does
// not belong to it (a RESET carries no lights, a referee decision no jury details), so the
// previous value is dropped rather than kept.
var perDecisionFields = []string{
	"d1", "d2", "d3", "decision", "juryDecision", "juryReversal",
	"athleteFull", "athleteAbbreviated", "waitForAnnouncer", "actualLift",
}

// Fields naming the target of a medal ceremony, sent with ceremony updates.
var ceremonyFields = []string{"ceremonySession", "ceremonyCategory", "ceremonyAgeGroup", "ceremonyChampionship"}

// Fields that make up the fast-changing part of a platform (clock, lights, mode). Everything
// else, except the bookkeeping fields below, is the slow part (athletes, order, records).
var liveFields = slices.Concat([]string{
	"fopState", "mode", "break", "breakType", "ceremonyType", "ceremonyEventType", "breakIsIndefinite",
	"singleReferee", "singleLight",
}, ceremonyFields, timerFields, decisionFields)

// Fields that change on every message without changing what a board shows.
var bookkeepingFields = []string{"uiEvent", "serverLocalTime", "updateKey", "update_key", "updatekey", "fop", "fopName", "database", "databaseChecksum"}

// preservedFields survive an update that leaves them out (see timerFields).
var preservedFields = slices.Concat(timerFields, decisionFields)

// fieldKind classifies a field for hashFields, computed once: every message hashes ~50 fields.
type fieldKind uint8

const (
	dataField fieldKind = iota // the default: the slow part
	liveField
	bookkeepingField
)

var fieldKinds = func() map[string]fieldKind {
	m := map[string]fieldKind{}
	for _, k := range liveFields {
		m[k] = liveField
	}
	for _, k := range bookkeepingFields {
		m[k] = bookkeepingField
	}
	return m
}()

// applyAt merges one update, timer or decision payload (the JSON object inside the envelope).
// An update replaces the platform's state except the clock and decision fields it leaves out;
// timer and decision messages overlay the fields they carry. A rejected payload leaves the
// state untouched.
func (h *Hub) applyAt(t MessageType, payload []byte, at time.Time) (ApplyResult, error) {
	switch t {
	case MessageUpdate, MessageTimer, MessageDecision:
	default:
		return ApplyResult{}, fmt.Errorf("%w: unknown message type %q", ErrBadPayload, t)
	}
	fields, err := decodeObject(payload)
	if err != nil {
		return ApplyResult{}, err
	}
	var res ApplyResult

	// The platform is checked before an embedded database is loaded: loading it and then
	// refusing the message for its platform name or the platform limit would break "a rejected
	// payload leaves the state untouched" (caught by FuzzApply, see testdata/fuzz/FuzzApply).
	name := RawText(fields["fop"])
	if name == "" {
		name = RawText(fields["fopName"])
	}
	if name == "" {
		name = "A"
	}
	if err := validFOPName(name); err != nil {
		return ApplyResult{}, err
	}
	res.FOP = name

	// Some OWLCMS builds embed the whole database in SwitchGroup/GroupDone updates.
	if db := bytes.TrimSpace(fields["database"]); t == MessageUpdate && len(db) > 0 && !bytes.Equal(db, []byte("null")) {
		// Checked again under the lock below; only a platform created concurrently by another
		// connection in between could still refuse the message after the load.
		if s := h.Snapshot(); s.FOPs[name] == nil && len(s.FOPs) >= h.limits.MaxFOPs {
			return ApplyResult{}, h.tooManyFOPs()
		}
		// An unusable database never costs the event it came with: a GroupDone whose
		// database is truncated must still end the session. The previous database is kept
		// (LoadDatabaseJSON logs the refusal) and the update is applied without it.
		if r, err := h.LoadDatabaseJSON(db, RawText(fields["databaseChecksum"])); err != nil {
			res.DatabaseError = fmt.Errorf("embedded database: %w", err)
		} else {
			res.DatabaseLoaded = !r.Unchanged
		}
	}

	var applyErr error
	h.update(func(s *Snapshot) []Change {
		old := s.FOPs[name]
		if old == nil && len(s.FOPs) >= h.limits.MaxFOPs {
			applyErr = h.tooManyFOPs()
			return nil
		}
		now := at
		next := h.mergeFOP(s, old, name, t, fields, now)
		var changes []Change
		if old == nil || next.dataHash != old.dataHash {
			next.DataVersion = h.nextVersion()
			res.DataChanged = true
			changes = append(changes, Change{Kind: ChangeFOPData, FOP: name, Version: next.DataVersion})
		}
		// Timer and decision messages are events: the same values received later are a new start.
		if old == nil || next.liveHash != old.liveHash || t != MessageUpdate {
			next.LiveVersion = h.nextVersion()
			res.LiveChanged = true
			changes = append(changes, Change{Kind: ChangeFOPLive, FOP: name, Version: next.LiveVersion})
		}
		s.FOPs = maps.Clone(s.FOPs)
		s.FOPs[name] = next
		s.LastMessageAt = now
		if t == MessageUpdate {
			if ev := next.LastUIEvent; ev == UIEventSwitchGroup || ev == UIEventGroupDone {
				h.announceChecksumLocked(s, RawText(fields["databaseChecksum"]))
			}
		}
		// Publish even when no version moved: UpdatedAt and the message type are status data.
		s.StatusVersion = h.nextVersion()
		return append(changes, Change{Kind: ChangeStatus, Version: s.StatusVersion})
	})
	if applyErr != nil {
		return ApplyResult{}, applyErr
	}
	return res, nil
}

// tooManyFOPs is the refusal of a message for a new platform beyond Limits.MaxFOPs.
func (h *Hub) tooManyFOPs() error {
	return fmt.Errorf("%w: too many platforms (limit %d)", ErrBadPayload, h.limits.MaxFOPs)
}

// decodeObject parses a payload that must be a JSON object.
func decodeObject(payload []byte) (map[string]json.RawMessage, error) {
	payload = bytes.TrimSpace(payload)
	if len(payload) == 0 || payload[0] != '{' {
		return nil, fmt.Errorf("%w: payload is not a JSON object", ErrBadPayload)
	}
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(payload, &fields); err != nil {
		return nil, fmt.Errorf("%w: payload: %v", ErrBadPayload, err)
	}
	return fields, nil
}

// validFOPName accepts the platform names OWLCMS users type ("A", "Platform 2", "Plateau B").
func validFOPName(name string) error {
	if len(name) > 64 || !utf8.ValidString(name) || strings.IndexFunc(name, unicode.IsControl) >= 0 {
		return fmt.Errorf("%w: invalid platform name", ErrBadPayload)
	}
	return nil
}

// mergeFOP builds the next state of a platform from the previous one and a message.
func (h *Hub) mergeFOP(s *Snapshot, old *FOP, name string, t MessageType, in map[string]json.RawMessage, now time.Time) *FOP {
	var prevRaw map[string]json.RawMessage
	if old != nil {
		prevRaw = old.raw
	}
	raw := make(map[string]json.RawMessage, len(in)+len(prevRaw))
	if t == MessageUpdate {
		maps.Copy(raw, in)
		for _, k := range preservedFields {
			if _, present := in[k]; !present {
				if v, ok := prevRaw[k]; ok {
					raw[k] = v
				}
			}
		}
	} else {
		maps.Copy(raw, prevRaw)
		maps.Copy(raw, in)
		if t == MessageDecision {
			// A decision message states all the lights: one it leaves out is off (a RESET
			// sends none), so stale lights never survive a reset. The same holds for the
			// overall result and the jury's details.
			for _, k := range perDecisionFields {
				if _, ok := in[k]; !ok {
					delete(raw, k)
				}
			}
		}
	}
	switch {
	case t == MessageUpdate:
		// The decision belongs to decision messages. Some OWLCMS builds copy the last decision
		// into every update; such a copy must not bring back lights that a clock start cleared.
		for _, k := range decisionFields {
			if v, ok := prevRaw[k]; ok {
				raw[k] = v
			} else {
				delete(raw, k)
			}
		}
	case t == MessageTimer && TimerEvent(RawText(in["athleteTimerEventType"])) == TimerStart:
		// Starting the clock ends the previous decision (OWLCMS clears its own boards the same
		// way): the lights never stay up over the next athlete's countdown.
		for _, k := range decisionFields {
			delete(raw, k)
		}
	}
	delete(raw, "database")
	for _, k := range []string{"updateKey", "update_key", "updatekey"} {
		delete(raw, k) // never kept: nothing downstream may ever see the key
	}

	dataHash, liveHash := hashFields(raw)
	var f *FOP
	if old != nil && old.dataHash == dataHash {
		// The slow part is unchanged (a clock or decision event, a repeated update): share
		// the decoded athletes, orders and records, which are immutable. This keeps the
		// most frequent messages cheap.
		shared := *old
		f = &shared
	} else {
		f = &FOP{}
		f.decodeData(s, raw)
	}
	f.Name, f.raw, f.UpdatedAt, f.LastMessage = name, raw, now, t
	f.dataHash, f.liveHash = dataHash, liveHash
	if old != nil {
		f.DataVersion, f.LiveVersion = old.DataVersion, old.LiveVersion
		f.LastUIEvent = old.LastUIEvent
	}
	if ev := RawText(in["uiEvent"]); ev != "" {
		f.LastUIEvent = ev
	}
	f.decodeLive(old, t, raw, in, now)
	f.Judged = judgedAfter(old, f, t)
	f.SessionDone = sessionDone(old != nil && old.SessionDone, t, in)
	f.Jury = juryAfter(old, f, t, in, now)
	return f
}

// sessionDone applies OWLCMS's session-done rule: GroupDone (or a GROUP_DONE break) marks the
// session done; any later update with another event, an athlete clock event or a decision
// reopens it; a break-clock-only message does not.
func sessionDone(wasDone bool, t MessageType, in map[string]json.RawMessage) bool {
	uiEvent := RawText(in["uiEvent"])
	if uiEvent == UIEventGroupDone || BreakType(RawText(in["breakType"])) == BreakGroupDone {
		return true
	}
	if !wasDone {
		return false
	}
	switch t {
	case MessageDecision:
		return false
	case MessageTimer:
		return RawText(in["athleteTimerEventType"]) == ""
	default:
		return uiEvent == ""
	}
}

// hashFields returns hashes of the slow and fast parts of a merged state.
func hashFields(raw map[string]json.RawMessage) (data, live uint64) {
	keys := slices.Sorted(maps.Keys(raw))
	dh, lh := fnv.New64a(), fnv.New64a()
	for _, k := range keys {
		w := dh
		switch fieldKinds[k] {
		case bookkeepingField:
			continue
		case liveField:
			w = lh
		}
		w.Write([]byte(k))
		w.Write([]byte{0})
		w.Write(raw[k])
		w.Write([]byte{0})
	}
	return dh.Sum64(), lh.Sum64()
}
