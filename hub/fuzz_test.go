package hub

// Fuzz targets for what OWLCMS (or anyone who reaches /ws) can make the hub decode: live
// payloads (Apply), translations (LoadTranslationsJSON) and the competition database
// (LoadDatabaseJSON). Each asserts the hub's contract, not only the absence of panics: a
// rejected input wraps ErrBadPayload and leaves the published state exactly as it was, an
// accepted one publishes a consistent state under fresh versions, and loading the same input
// twice changes nothing the second time.

import (
	"bytes"
	"encoding/json"
	"errors"
	"log/slog"
	"maps"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"
)

var fuzzNow = time.Date(2026, 5, 16, 10, 0, 0, 0, time.UTC)

// newFuzzHub returns a quiet hub on a fixed clock (a rejected payload logs a warning, which
// would flood the fuzzer's output).
func newFuzzHub(lim Limits) *Hub {
	return New(Options{Logger: slog.New(slog.DiscardHandler), Now: func() time.Time { return fuzzNow }, Limits: lim})
}

// embeddedDatabase returns the database object inside testdata/database-small.json, as OWLCMS
// embeds it in SwitchGroup updates.
func embeddedDatabase(tb testing.TB) string {
	var env struct{ Database json.RawMessage }
	if err := json.Unmarshal(readTestdata(tb, "database-small.json"), &env); err != nil {
		tb.Fatal(err)
	}
	return string(env.Database)
}

// maxVersion is the highest version number a snapshot shows; whatever a later change
// publishes must be numbered above it.
func maxVersion(s *Snapshot) uint64 {
	v := max(s.DatabaseVersion, s.TranslationsVersion, s.AssetsVersion, s.StatusVersion)
	for _, f := range s.FOPs {
		v = max(v, f.DataVersion, f.LiveVersion)
	}
	return v
}

// checkRejected asserts that a refused input left the hub as it was.
func checkRejected(t *testing.T, h *Hub, err error, before *Snapshot, needsBefore []Need) {
	t.Helper()
	if !errors.Is(err, ErrBadPayload) {
		t.Fatalf("error does not wrap ErrBadPayload: %v", err)
	}
	if h.Snapshot() != before {
		t.Fatalf("rejected input (%v) published a new state", err)
	}
	if needs := h.Needs(); !slices.Equal(needs, needsBefore) {
		t.Fatalf("rejected input (%v) changed the needs: %v → %v", err, needsBefore, needs)
	}
}

// fuzzMessageTypes maps a fuzzed byte to a message type, including one Apply must refuse.
var fuzzMessageTypes = []MessageType{MessageUpdate, MessageTimer, MessageDecision, "database"}

// FuzzApply applies two live messages in a row to a hub holding the small database and live
// state on two platforms (Red, Blue), with room for one more platform. For each message:
//   - an error wraps ErrBadPayload and leaves the snapshot and the needs untouched (an update
//     embedding a database included: it must not load the database and then refuse the rest);
//   - success names a valid platform that now exists, holds at most Limits.MaxFOPs platforms,
//     stamps the message type and time, numbers every moved version above all previous ones,
//     announces a live change for every timer/decision (events are never deduplicated), leaves
//     the other platforms and the database alone unless the message embedded a database;
//   - the stored state never keeps an update key or the embedded database, its hashes match
//     its fields, and its orders point into its own athletes;
//   - an accepted update applied again changes nothing.
func FuzzApply(f *testing.F) {
	db := embeddedDatabase(f)
	small := readTestdata(f, "database-small.json")
	red := string(bytes.TrimSpace(readTestdata(f, "update-red.json")))
	for _, s := range []struct {
		k1 uint8
		p1 string
		k2 uint8
		p2 string
	}{
		{0, red, 1, `{"fopName":"Red","athleteTimerEventType":"StartTime","athleteMillisRemaining":60000}`},
		{0, `{"fop":"A","uiEvent":"StartLifting","sessionName":"M1","weight":"100","mode":"CURRENT_ATHLETE"}`,
			2, `{"fop":"A","decisionEventType":"FULL_DECISION","d1":true,"d2":"false","d3":"true","decisionsVisible":"true"}`},
		{1, `{"fopName":"Blue","breakTimerEventType":"BreakStarted","breakMillisRemaining":"600000","indefiniteBreak":"false"}`,
			2, `{"fop":"Blue","decisionEventType":"RESET","records":"{\"recordTable\":[]}"}`},
		{0, `{"fop":"Red","uiEvent":"SwitchGroup","databaseChecksum":"abc","database":` + db + `}`,
			0, `{"fop":"C","uiEvent":"GroupDone","breakType":"GROUP_DONE","databaseChecksum":"def"}`},
		{0, `{"fop":"Red","startOrderKeys":"[1234567890,{\"isSpacer\":true}]","sessionAthletes":[{"athleteKey":"1234567890"},{"athlete":{"key":"1234567890"}}],"leaders":[{"isSpacer":true},{"athleteKey":55}]}`,
			0, `{"fop":"Red","updateKey":"k","update_key":"k","updatekey":"k"}`},
		{0, `{"fop":"A","database":{"athletes":[]}}`, 1, `[]`},
		{0, `{"fop":12,"database":null}`, 2, `{"fop":"` + strings.Repeat("x", 65) + `"}`},
		{0, `{`, 1, `null`},
	} {
		f.Add(s.k1, []byte(s.p1), s.k2, []byte(s.p2))
	}
	setup := func(t *testing.T) *Hub {
		h := newFuzzHub(Limits{MaxFOPs: 3})
		if _, err := h.LoadDatabaseJSON(small, ""); err != nil {
			t.Fatal(err)
		}
		for _, p := range []struct {
			t MessageType
			p string
		}{
			{MessageUpdate, red},
			{MessageDecision, `{"fop":"Red","decisionEventType":"FULL_DECISION","d1":"true","d2":"true","d3":"false","decisionsVisible":"true"}`},
			{MessageTimer, `{"fopName":"Blue","athleteTimerEventType":"SetTime","athleteMillisRemaining":60000}`},
		} {
			if _, err := h.Apply(p.t, []byte(p.p)); err != nil {
				t.Fatal(err)
			}
		}
		return h
	}
	f.Fuzz(func(t *testing.T, k1 uint8, p1 []byte, k2 uint8, p2 []byte) {
		h := setup(t)
		checkApply(t, h, fuzzMessageTypes[int(k1)%len(fuzzMessageTypes)], p1)
		checkApply(t, h, fuzzMessageTypes[int(k2)%len(fuzzMessageTypes)], p2)
	})
}

func checkApply(t *testing.T, h *Hub, mt MessageType, payload []byte) {
	t.Helper()
	before, needsBefore := h.Snapshot(), h.Needs()
	res, err := h.Apply(mt, payload)
	if err != nil {
		if res != (ApplyResult{}) {
			t.Fatalf("error %v with a result %+v", err, res)
		}
		checkRejected(t, h, err, before, needsBefore)
		return
	}
	after := h.Snapshot()
	if !slices.Contains(fuzzMessageTypes[:3], mt) {
		t.Fatalf("message type %q accepted", mt)
	}
	if res.FOP == "" || validFOPName(res.FOP) != nil {
		t.Fatalf("accepted an invalid platform name %q", res.FOP)
	}
	f := after.FOP(res.FOP)
	if f == nil || f.Name != res.FOP {
		t.Fatalf("platform %q not published: %+v", res.FOP, f)
	}
	if len(after.FOPs) > h.limits.MaxFOPs {
		t.Fatalf("%d platforms, limit %d", len(after.FOPs), h.limits.MaxFOPs)
	}
	if f.LastMessage != mt || !f.UpdatedAt.Equal(fuzzNow) || !after.LastMessageAt.Equal(fuzzNow) {
		t.Fatalf("message not stamped: %q %v %v", f.LastMessage, f.UpdatedAt, after.LastMessageAt)
	}
	top := maxVersion(before)
	if after.StatusVersion <= top {
		t.Fatalf("status version %d not above %d", after.StatusVersion, top)
	}
	old := before.FOP(res.FOP)
	if old == nil && (!res.DataChanged || !res.LiveChanged) {
		t.Fatalf("new platform without data and live changes: %+v", res)
	}
	if mt != MessageUpdate && !res.LiveChanged {
		t.Fatalf("%s event not announced: %+v", mt, res)
	}
	// A database load rebuilds every platform (fresh data versions) whatever the message did.
	if !res.DatabaseLoaded && res.DataChanged != (f.DataVersion > top) || res.LiveChanged != (f.LiveVersion > top) {
		t.Fatalf("result %+v does not match versions data=%d live=%d (previous max %d)", res, f.DataVersion, f.LiveVersion, top)
	}
	if !res.DatabaseLoaded {
		if after.DatabaseVersion != before.DatabaseVersion {
			t.Fatal("database version moved without a database load")
		}
		if old != nil && (!res.DataChanged && f.DataVersion != old.DataVersion || !res.LiveChanged && f.LiveVersion != old.LiveVersion) {
			t.Fatalf("versions moved without a change: %+v", res)
		}
		for name, o := range before.FOPs {
			if name != res.FOP && after.FOPs[name] != o {
				t.Fatalf("a message for %q changed platform %q", res.FOP, name)
			}
		}
	} else if after.DatabaseVersion <= top || after.Database == before.Database {
		t.Fatalf("database load not published: version %d, previous max %d", after.DatabaseVersion, top)
	}
	checkFOP(t, f)

	if mt != MessageUpdate {
		return
	}
	// The same update again is nothing new for a board.
	again, err := h.Apply(mt, payload)
	if err != nil || again.DataChanged || again.LiveChanged || again.DatabaseLoaded || again.FOP != res.FOP {
		t.Fatalf("re-applied update: %+v, %v", again, err)
	}
	if g := h.Snapshot().FOP(res.FOP); g.DataVersion != f.DataVersion || g.LiveVersion != f.LiveVersion {
		t.Fatalf("re-applied update moved versions: %d/%d → %d/%d", f.DataVersion, f.LiveVersion, g.DataVersion, g.LiveVersion)
	}
}

// checkFOP asserts what holds for every published platform.
func checkFOP(t *testing.T, f *FOP) {
	t.Helper()
	for _, k := range []string{"updateKey", "update_key", "updatekey", "database"} {
		if _, ok := f.raw[k]; ok {
			t.Fatalf("%q kept in the platform state", k)
		}
	}
	if d, l := hashFields(f.raw); d != f.dataHash || l != f.liveHash {
		t.Fatal("stored hashes do not match the stored fields")
	}
	keys := map[string]*Athlete{}
	for _, a := range f.Athletes {
		if a == nil || a.Key == "" || keys[a.Key] != nil {
			t.Fatalf("session athlete without a unique key: %+v", a)
		}
		keys[a.Key] = a
	}
	for _, order := range [][]OrderEntry{f.StartOrder, f.LiftingOrder} {
		for _, e := range order {
			switch {
			case e.Spacer:
				if e.Key != "" || e.Athlete != nil {
					t.Fatalf("spacer with content: %+v", e)
				}
			case e.Key == "":
				t.Fatalf("order entry without key: %+v", e)
			case e.Athlete != keys[e.Key]:
				t.Fatalf("order entry %q does not point at the session athlete", e.Key)
			}
		}
	}
	for _, e := range f.Leaders {
		if !e.Spacer && (e.Athlete == nil || e.Athlete.Key == "" || e.Key != e.Athlete.Key) {
			t.Fatalf("leader entry %+v", e)
		}
	}
}

// FuzzLoadTranslationsJSON loads a translations document into a hub that already holds a good
// set, with room for 4 locales:
//   - an error wraps ErrBadPayload and keeps the previous set (same snapshot);
//   - success publishes 1 to 4 non-empty locales under a fresh version (or, for Unchanged, keeps
//     the snapshot), with the checksum of the document, every locale findable (Has, Resolve,
//     Lookup of each of its keys), and each regional locale exactly its own table merged over
//     its base's table as sent (nothing lingers from an earlier set, the regional wins);
//   - "en" is never the locale the cap drops;
//   - the same document loaded again is Unchanged.
func FuzzLoadTranslationsJSON(f *testing.F) {
	for _, s := range []string{
		`{"locales":{"en":{"Snatch":"Snatch","Total":"Total"},"fr":{"Snatch":"Arraché"},"fr-CA":{"Total":"Total (CA)"}},"translationsChecksum":"c1"}`,
		`{"en":{"a":"A","n":1,"b":true,"x":null,"o":{}},"de":{"a":"Ä"},"translationsChecksum":"c2","junk":[1,2],"n":null}`,
		`{"locales":"x","en":{"a":"A2"}}`,
		`{"locales":{"EN":{"a":"A"},"pt_BR":{"b":"B"},"PT":{"a":"pt"},"pt-br":{"c":"C"}}}`,
		`{"locales":{"en":{"a":"1"},"fr":{"a":"2"},"de":{"a":"3"},"it":{"a":"4"},"es":{"a":"5"},"es-MX":{"b":"6"}}}`,
		`{"locales":{"":{"a":"A"},"fr-":{"a":"B"},"-fr":{"a":"C"}},"translationsChecksum":7}`,
		`{"locales":{"en":{"Esc":"Tom &amp; Jerry &amp;lt;3"}},"translationsChecksum":"base"}`,
		`{"locales":{}}`, `{"locales":{"en":{}}}`, `{"en":[]}`, `{}`, `null`, `[]`, `"x"`, `{`, ``,
	} {
		f.Add([]byte(s))
	}
	const maxLocales = 4
	f.Fuzz(func(t *testing.T, data []byte) {
		h := newFuzzHub(Limits{MaxLocales: maxLocales})
		if _, err := h.LoadTranslationsJSON([]byte(`{"locales":{"en":{"Snatch":"Snatch","Old":"old"},"fr":{"Snatch":"Arraché"}},"translationsChecksum":"base"}`)); err != nil {
			t.Fatal(err)
		}
		before, needsBefore := h.Snapshot(), h.Needs()
		res, err := h.LoadTranslationsJSON(data)
		if err != nil {
			if res != (TranslationsResult{}) {
				t.Fatalf("error %v with a result %+v", err, res)
			}
			checkRejected(t, h, err, before, needsBefore)
			return
		}
		after := h.Snapshot()
		tr := after.Translations
		if res.Locales != len(tr.Locales) || len(tr.Locales) == 0 || len(tr.Locales) > maxLocales {
			t.Fatalf("result %+v, %d locales stored (limit %d)", res, len(tr.Locales), maxLocales)
		}
		if res.Unchanged {
			if after != before {
				t.Fatal("unchanged translations published a new state")
			}
		} else if tr == before.Translations || after.TranslationsVersion <= maxVersion(before) {
			t.Fatalf("translations not published: version %d", after.TranslationsVersion)
		}
		if !res.Unchanged {
			checkTranslations(t, data, tr, maxLocales)
		}

		again, err := h.LoadTranslationsJSON(data)
		if err != nil || !again.Unchanged || h.Snapshot() != after {
			t.Fatalf("same translations loaded again: %+v, %v", again, err)
		}
	})
}

func checkTranslations(t *testing.T, data []byte, tr *Translations, maxLocales int) {
	t.Helper()
	var top map[string]json.RawMessage
	if err := json.Unmarshal(data, &top); err != nil {
		t.Fatalf("accepted a document that is not an object: %v", err)
	}
	var wantChecksum string
	if c := bytes.TrimSpace(top["translationsChecksum"]); len(c) > 0 && c[0] == '"' {
		if err := json.Unmarshal(c, &wantChecksum); err != nil {
			t.Fatal(err)
		}
	}
	if tr.Checksum != wantChecksum {
		t.Fatalf("checksum %q, document says %q", tr.Checksum, wantChecksum)
	}

	// The tables as sent, before any merge.
	raw, _, err := splitTranslations(data)
	if err != nil {
		t.Fatal(err)
	}
	sent := map[string]map[string]string{}
	hasEn := false
	for name, v := range raw {
		if table := decodeLocale(v); name != "" && len(table) > 0 {
			sent[name] = table
			hasEn = hasEn || foldLocale(name) == "en"
		}
	}
	if len(sent) <= maxLocales && len(tr.Locales) != len(sent) {
		t.Fatalf("%d usable locales sent, %d kept", len(sent), len(tr.Locales))
	}
	keptEn := false
	names := tr.LocaleNames()
	if !slices.IsSorted(names) || !slices.Equal(names, slices.Sorted(maps.Keys(tr.Locales))) {
		t.Fatalf("locale names %q", names)
	}
	for name, table := range tr.Locales {
		if sent[name] == nil || len(table) == 0 {
			t.Fatalf("locale %q was not sent, or is empty", name)
		}
		keptEn = keptEn || foldLocale(name) == "en"
		if !tr.Has(name) || tr.Resolve(name) != name {
			t.Fatalf("locale %q not found by name (resolves to %q)", name, tr.Resolve(name))
		}
		want := maps.Clone(sent[name])
		if base, ok := baseLocale(name); ok {
			if baseName, ok := tr.resolveExactOrFold(base); ok {
				want = maps.Clone(sent[baseName])
				maps.Copy(want, sent[name])
			}
		}
		if !maps.Equal(table, want) {
			t.Fatalf("locale %q:\n got %q\nwant %q", name, table, want)
		}
		for k, v := range table {
			if got, ok := tr.Lookup(name, k); !ok || got != v {
				t.Fatalf("Lookup(%q, %q) = %q, %v; want %q", name, k, got, ok, v)
			}
		}
	}
	if hasEn && !keptEn {
		t.Fatalf("the cap dropped English: kept %q", names)
	}
}

// FuzzLoadDatabaseJSON loads a database export, with an optional checksum given outside the
// data, into a hub holding the small database and one platform. It asserts that:
//   - decodeDatabase never returns both a nil error and a nil database, and what it accepts has
//     athletes and consistent indexes (athlete keys, category codes, team names);
//   - the bare export and the {"database": ...} envelope decode alike;
//   - LoadDatabaseJSON fails only when decoding fails, then with ErrBadPayload and nothing
//     changed; it succeeds without a decodable database only when the checksum or the bytes say
//     it is the database already loaded;
//   - a load publishes the database under a fresh version with the given checksum, and rebuilds
//     every platform (fresh data versions, same fields); an Unchanged load moves nothing;
//   - the same input loaded again is Unchanged.
func FuzzLoadDatabaseJSON(f *testing.F) {
	small := readTestdata(f, "database-small.json")
	red := readTestdata(f, "update-red.json")
	inner := embeddedDatabase(f)
	for _, s := range []struct{ data, checksum string }{
		{string(small), ""},
		{string(small), "other"},
		{inner, ""},
		{inner, "c0ffee00small"},
		{`{"athletes":[{"key":1,"lastName":"A","team":5,"categoryCode":"X"},{"key":"1"},{"id":2}],"teams":[{"id":5,"name":"T"},{"id":5,"code":"U"}],` +
			`"ageGroups":[{"code":"SR","gender":"F","categories":[{"maximumWeight":"63"},{"maximumWeight":63,"code":""}]}],"platforms":[{"name":""},{"name":"P","nbL_25":"x"}]}`, ""},
		{`{"databaseChecksum":"x","database":{"athletes":[{"key":1}],"databaseChecksum":"y"}}`, ""},
		{`{"database":null,"athletes":[{}]}`, ""},
		{`{"athletes":[{"key":1}],"sessions":[1,{"name":"S","referee1":{"x":1}}],"records":[{"recordValue":"1,5"}]}`, ""},
		{`{"athletes":[{"fullBirthDate":[99999999999999999999],"bodyWeight":"NaN","startNumber":1e300}]}`, ""},
		{`{"athletes":[]}`, ""}, {`{"athletes":null}`, ""}, {`{"teams":"x","athletes":[{}]}`, ""},
		{`{}`, "c0ffee00small"}, {`[]`, ""}, {`null`, ""}, {``, ""}, {`{`, ""},
	} {
		f.Add([]byte(s.data), s.checksum)
	}
	setup := func(t *testing.T) *Hub {
		h := newFuzzHub(Limits{})
		if _, err := h.LoadDatabaseJSON(small, ""); err != nil {
			t.Fatal(err)
		}
		if _, err := h.Apply(MessageUpdate, red); err != nil {
			t.Fatal(err)
		}
		return h
	}
	f.Fuzz(func(t *testing.T, data []byte, checksum string) {
		db, derr := decodeDatabase(data)
		if (db == nil) == (derr == nil) {
			t.Fatalf("decodeDatabase: database %v, error %v", db != nil, derr)
		}
		if derr != nil && !errors.Is(derr, ErrBadPayload) {
			t.Fatalf("decode error without ErrBadPayload: %v", derr)
		}
		if db != nil {
			checkDatabase(t, db)
		}
		// Only for valid JSON: otherwise the wrapper could complete a truncated document.
		if json.Valid(data) && !hasDatabaseKey(data) {
			wrapped, werr := decodeDatabase(append(append([]byte(`{"database":`), data...), '}'))
			if (werr == nil) != (derr == nil) || !reflect.DeepEqual(wrapped, db) {
				t.Fatalf("bare and wrapped forms differ: %v / %v", derr, werr)
			}
		}

		h := setup(t)
		before, needsBefore := h.Snapshot(), h.Needs()
		res, err := h.LoadDatabaseJSON(data, checksum)
		if err != nil {
			if derr == nil {
				t.Fatalf("a decodable database was refused: %v", err)
			}
			if res != (DatabaseResult{}) {
				t.Fatalf("error %v with a result %+v", err, res)
			}
			checkRejected(t, h, err, before, needsBefore)
			return
		}
		after := h.Snapshot()
		if after.Database == nil || res.Athletes != len(after.Database.Athletes) {
			t.Fatalf("result %+v for a database of %d athletes", res, len(after.Database.Athletes))
		}
		if derr != nil && !res.Unchanged {
			t.Fatalf("loaded a database that does not decode (%v)", derr)
		}
		if res.Unchanged {
			if after.DatabaseVersion != before.DatabaseVersion || !maps.Equal(after.FOPs, before.FOPs) {
				t.Fatal("an unchanged database moved versions")
			}
		} else {
			top := maxVersion(before)
			if after.Database == before.Database || after.DatabaseVersion <= top || !after.Database.LoadedAt.Equal(fuzzNow) {
				t.Fatalf("database not published: version %d, previous max %d", after.DatabaseVersion, top)
			}
			if checksum != "" && after.Database.Checksum != checksum {
				t.Fatalf("checksum %q, given %q", after.Database.Checksum, checksum)
			}
			checkDatabase(t, after.Database)
			for name, o := range before.FOPs {
				n := after.FOPs[name]
				if n == nil || n.DataVersion <= top || !maps.EqualFunc(n.raw, o.raw, func(a, b json.RawMessage) bool { return bytes.Equal(a, b) }) {
					t.Fatalf("platform %q not rebuilt on the new database", name)
				}
				checkFOP(t, n)
			}
		}

		again, err := h.LoadDatabaseJSON(data, checksum)
		if err != nil || !again.Unchanged || h.Snapshot().DatabaseVersion != after.DatabaseVersion {
			t.Fatalf("same database loaded again: %+v, %v", again, err)
		}
	})
}

// hasDatabaseKey reports whether data is an object with a key that encoding/json would match
// to "database" (case-insensitively): then the bare and wrapped forms legitimately differ.
func hasDatabaseKey(data []byte) bool {
	var top map[string]json.RawMessage
	if json.Unmarshal(data, &top) != nil {
		return false
	}
	for k := range top {
		if strings.EqualFold(k, "database") {
			return true
		}
	}
	return false
}

// checkDatabase asserts the indexes of a decoded database.
func checkDatabase(t *testing.T, db *Database) {
	t.Helper()
	for _, a := range db.Athletes {
		if a.Key == "" {
			continue
		}
		if got, ok := db.Athlete(a.Key); !ok || got.Key != a.Key {
			t.Fatalf("athlete %q not found by key", a.Key)
		}
	}
	for _, c := range db.Categories {
		if got, ok := db.Category(c.Code); !ok || got.Code != c.Code {
			t.Fatalf("category %q not found by code", c.Code)
		}
	}
	names := map[int64]string{}
	for _, tm := range db.Teams {
		names[tm.ID] = tm.Name
	}
	for id, name := range names {
		if db.TeamName(id) != name {
			t.Fatalf("team %d: %q, want %q", id, db.TeamName(id), name)
		}
	}
	for _, p := range db.Platforms {
		if p.Name == "" {
			t.Fatal("platform without a name kept")
		}
	}
}
