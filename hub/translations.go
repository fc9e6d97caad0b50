package hub

import (
	"bytes"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strings"
)

// Translations are OWLCMS's translation tables, one map per locale ("en", "fr-CA").
// Regional locales are stored already merged over their base locale.
//
// Values are kept exactly as OWLCMS sent them, HTML entities included: they are decoded once,
// at render time (PlainText), so "&amp;lt;" shows as "&lt;" and is never decoded twice.
//
// A published Translations is immutable. Build one with NewTranslations to get cheap lookups;
// a struct literal works too, with slower case-insensitive fallbacks.
type Translations struct {
	Locales  map[string]map[string]string
	Checksum string // translationsChecksum sent by OWLCMS, when present

	idx     *translationsIndex
	rawHash [sha256.Size]byte // of the JSON it was loaded from, to skip checksum-less re-sends
	raw     []byte            // that JSON, for Checkpoint; never mutated
}

// translationsIndex is what Lookup needs precomputed: it runs once per rendered label.
type translationsIndex struct {
	fold  map[string]string // foldLocale(name) → stored name
	en    map[string]string // the "en" table, or nil
	names []string          // sorted
}

var emptyTranslations = NewTranslations(nil, "")

// NewTranslations builds a Translations from per-locale tables (which it takes ownership of):
// each regional locale ("fr-CA", "pt_BR") is merged over its base locale when the base is in
// the set, and the lookup index is built.
func NewTranslations(locales map[string]map[string]string, checksum string) *Translations {
	merged := make(map[string]map[string]string, len(locales))
	for name, table := range locales {
		merged[name] = table
	}
	t := &Translations{Locales: merged, Checksum: checksum}
	t.idx = buildTranslationsIndex(merged)
	// Merge from the tables as sent (locales), never from a merged one, so each load starts
	// from scratch: a key OWLCMS removed from the base cannot linger in a regional.
	for name, table := range locales {
		base, ok := baseLocale(name)
		if !ok {
			continue
		}
		baseName, ok := t.resolveExactOrFold(base)
		if !ok {
			continue
		}
		m := maps.Clone(locales[baseName])
		maps.Copy(m, table) // regional wins
		merged[name] = m
	}
	t.idx.en = t.table("en") // after the merge: the table Lookup falls back on
	return t
}

func buildTranslationsIndex(locales map[string]map[string]string) *translationsIndex {
	idx := &translationsIndex{fold: make(map[string]string, len(locales))}
	idx.names = slices.Sorted(maps.Keys(locales))
	for _, n := range idx.names {
		if k := foldLocale(n); idx.fold[k] == "" {
			idx.fold[k] = n // sorted order: deterministic when two names fold alike
		}
	}
	return idx
}

// foldLocale is the case- and separator-insensitive form of a locale: "FR_ca" and "fr-CA" match.
func foldLocale(l string) string { return strings.ReplaceAll(strings.ToLower(l), "_", "-") }

// baseLocale returns the part before the first '-' or '_' ("pt" for "pt_BR").
func baseLocale(l string) (string, bool) {
	if i := strings.IndexAny(l, "-_"); i > 0 {
		return l[:i], true
	}
	return "", false
}

// index returns the lookup index: the one NewTranslations built, or, for a Translations built
// as a struct literal, a fresh one (correct, only slower).
func (t *Translations) index() *translationsIndex {
	if t.idx != nil {
		return t.idx
	}
	idx := buildTranslationsIndex(t.Locales)
	idx.en = t.Locales[idx.fold["en"]]
	return idx
}

// resolveExactOrFold finds the stored locale name for l, exactly then case-insensitively.
func (t *Translations) resolveExactOrFold(l string) (string, bool) {
	if _, ok := t.Locales[l]; ok {
		return l, true
	}
	n, ok := t.index().fold[foldLocale(l)]
	return n, ok
}

// resolve finds the stored locale for a requested one: exact, case-insensitive, then the base
// locale, then (if withEn) "en".
func (t *Translations) resolve(locale string, withEn bool) (string, bool) {
	if n, ok := t.resolveExactOrFold(locale); ok {
		return n, true
	}
	if base, ok := baseLocale(locale); ok {
		if n, ok := t.resolveExactOrFold(base); ok {
			return n, true
		}
	}
	if withEn {
		return t.resolveExactOrFold("en")
	}
	return "", false
}

// table returns the stored table for locale (no "en" fallback), or nil.
func (t *Translations) table(locale string) map[string]string {
	if n, ok := t.resolve(locale, false); ok {
		return t.Locales[n]
	}
	return nil
}

// Resolve returns the stored locale that Lookup uses for locale ("" when none, not even "en").
// Boards can resolve once per render and report which language they show.
func (t *Translations) Resolve(locale string) string {
	if t == nil {
		return ""
	}
	n, _ := t.resolve(locale, true)
	return n
}

// Lookup returns the text of key for locale. The locale is resolved exactly, then
// case-insensitively (with '_' and '-' alike), then by its base ("fr" for "fr-CA"), then to
// "en". A key missing from the resolved table falls back to "en" as well: an English label
// beats a "!key" placeholder on a scoreboard. ok is false when no table has the key; callers
// render OWLCMS's "!"+key convention then.
func (t *Translations) Lookup(locale, key string) (string, bool) {
	if t == nil {
		return "", false
	}
	if m := t.table(locale); m != nil {
		if v, ok := m[key]; ok {
			return v, true
		}
	}
	v, ok := t.index().en[key] // no table for locale, or no key in it: English
	return v, ok
}

// Has reports whether locale is loaded, matched exactly or case-insensitively (no base or "en"
// fallback).
func (t *Translations) Has(locale string) bool {
	if t == nil {
		return false
	}
	_, ok := t.resolveExactOrFold(locale)
	return ok
}

// LocaleNames lists the loaded locales, sorted.
func (t *Translations) LocaleNames() []string {
	if t == nil {
		return []string{}
	}
	return slices.Clone(t.index().names)
}

// TranslationsResult says what a translations load did.
type TranslationsResult struct {
	Unchanged bool // same checksum as the loaded set: nothing re-processed
	Locales   int
}

// LoadTranslationsZip loads a translations_zip payload: its translations.json entry (any case,
// any directory) is required. A bad payload keeps the previous translations.
func (h *Hub) LoadTranslationsZip(zipData []byte) (TranslationsResult, error) {
	files, err := ReadZip(zipData, h.dataZipLimits())
	if err != nil {
		h.log.Warn("translations zip refused, previous translations kept", "bytes", len(zipData), "error", err)
		return TranslationsResult{}, fmt.Errorf("%w: translations zip: %w", ErrBadPayload, err)
	}
	f, ok := FindZipEntry(files, "translations.json")
	if !ok {
		h.log.Warn("translations zip has no translations.json, previous translations kept", "entries", len(files))
		return TranslationsResult{}, fmt.Errorf("%w: translations zip has no translations.json entry", ErrBadPayload)
	}
	return h.LoadTranslationsJSON(f.Data)
}

// LoadTranslationsJSON loads translations.json: the {"locales":{...},"translationsChecksum":...}
// wrapper or the direct {locale: map} form. Each successful load replaces the whole set, so a
// locale OWLCMS no longer sends disappears. A set without any usable locale is refused with an
// error wrapping ErrBadPayload and the previous translations are kept.
func (h *Hub) LoadTranslationsJSON(data []byte) (TranslationsResult, error) {
	raw, checksum, err := splitTranslations(data)
	if err != nil {
		h.log.Warn("translations refused, previous translations kept", "error", err)
		return TranslationsResult{}, fmt.Errorf("%w: translations: %w", ErrBadPayload, err)
	}
	rawHash := sha256.Sum256(data)
	// Cheap early exit: OWLCMS re-sends the same 1+ MB set on every reconnect.
	if cur := h.Snapshot().Translations; sameTranslations(cur, checksum, rawHash) {
		return TranslationsResult{Unchanged: true, Locales: len(cur.Locales)}, nil
	}

	locales := make(map[string]map[string]string, len(raw))
	for name, v := range raw {
		if table := decodeLocale(v); name != "" && len(table) > 0 {
			locales[name] = table
		}
	}
	if len(locales) == 0 {
		h.log.Warn("translations without any usable locale, previous translations kept")
		return TranslationsResult{}, fmt.Errorf("%w: translations: no usable locale", ErrBadPayload)
	}
	if dropped := capLocales(locales, h.limits.MaxLocales); len(dropped) > 0 {
		h.log.Warn("too many translation locales, some dropped", "max", h.limits.MaxLocales, "dropped", len(dropped), "first", dropped[:min(len(dropped), 10)])
	}
	t := NewTranslations(locales, checksum)
	t.rawHash = rawHash
	t.raw = bytes.Clone(data) // the caller may reuse its buffer

	res := TranslationsResult{Locales: len(t.Locales)}
	h.update(func(s *Snapshot) []Change {
		if cur := s.Translations; sameTranslations(cur, checksum, rawHash) {
			res = TranslationsResult{Unchanged: true, Locales: len(cur.Locales)} // lost a race to an identical load
			return nil
		}
		s.Translations = t
		s.TranslationsVersion = h.nextVersion()
		return []Change{{Kind: ChangeTranslations, Version: s.TranslationsVersion}}
	})
	if !res.Unchanged {
		h.log.Info("translations loaded", "locales", res.Locales, "checksum", checksum[:min(len(checksum), 12)])
	}
	return res, nil
}

// sameTranslations reports whether a payload is the one already loaded: same non-empty checksum,
// or without checksum, byte-identical JSON. Only a successful load stores its checksum, so a
// failed load is retried the next time OWLCMS sends the set (the old tracker skipped it and
// stayed "not ready" for ever).
func sameTranslations(cur *Translations, checksum string, rawHash [sha256.Size]byte) bool {
	if cur == nil || len(cur.Locales) == 0 {
		return false
	}
	if checksum != "" {
		return checksum == cur.Checksum
	}
	return cur.Checksum == "" && rawHash == cur.rawHash
}

// splitTranslations finds the locale objects and the checksum in either JSON form.
func splitTranslations(data []byte) (map[string]json.RawMessage, string, error) {
	var top map[string]json.RawMessage
	if err := json.Unmarshal(data, &top); err != nil {
		return nil, "", fmt.Errorf("not a JSON object: %w", err)
	}
	if top == nil {
		return nil, "", fmt.Errorf("not a JSON object")
	}
	checksum := ""
	if c, ok := top["translationsChecksum"]; ok && isJSONString(c) {
		checksum = scalarText(c)
	}
	if wrapped, ok := top["locales"]; ok && isJSONObject(wrapped) {
		var locales map[string]json.RawMessage
		if err := json.Unmarshal(wrapped, &locales); err != nil {
			return nil, "", fmt.Errorf("locales: %w", err)
		}
		return locales, checksum, nil
	}
	// Direct form: the top-level checksum string is not an object and decodeLocale skips it.
	return top, checksum, nil
}

// decodeLocale reads one locale's table. Strings are kept as sent; numbers and booleans become
// their literal text; null, objects and arrays are skipped. A non-object locale gives nil.
func decodeLocale(raw json.RawMessage) map[string]string {
	if !isJSONObject(raw) {
		return nil
	}
	var entries map[string]json.RawMessage
	if json.Unmarshal(raw, &entries) != nil {
		return nil
	}
	table := make(map[string]string, len(entries))
	for k, v := range entries {
		v = bytes.TrimSpace(v)
		if len(v) == 0 {
			continue
		}
		switch c := v[0]; {
		case c == '"', c == 't', c == 'f', c == '-', c >= '0' && c <= '9':
			table[k] = scalarText(v)
		}
	}
	return table
}

// capLocales keeps at most max locales and returns the names it removed. "en" (the fallback
// of every lookup) goes first, then base locales, then regionals, each alphabetically: a
// regional without its base is the least useful.
func capLocales(locales map[string]map[string]string, max int) []string {
	if max <= 0 || len(locales) <= max {
		return nil
	}
	names := slices.SortedFunc(maps.Keys(locales), func(a, b string) int {
		ra, rb := localeRank(a), localeRank(b)
		if ra != rb {
			return ra - rb
		}
		return strings.Compare(a, b)
	})
	dropped := names[max:]
	for _, n := range dropped {
		delete(locales, n)
	}
	return dropped
}

func localeRank(l string) int {
	switch _, regional := baseLocale(l); {
	case foldLocale(l) == "en":
		return 0
	case !regional:
		return 1
	}
	return 2
}

func isJSONObject(b json.RawMessage) bool {
	b = bytes.TrimSpace(b)
	return len(b) > 0 && b[0] == '{'
}

func isJSONString(b json.RawMessage) bool {
	b = bytes.TrimSpace(b)
	return len(b) > 0 && b[0] == '"'
}
