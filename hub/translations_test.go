package hub

import (
	"errors"
	"log/slog"
	"slices"
	"testing"
)

func newTranslationsTestHub(lim Limits) *Hub {
	return New(Options{Logger: slog.New(slog.DiscardHandler), Limits: lim})
}

func mustLoadTranslations(t *testing.T, h *Hub, js string) TranslationsResult {
	t.Helper()
	res, err := h.LoadTranslationsJSON([]byte(js))
	if err != nil {
		t.Fatalf("LoadTranslationsJSON: %v", err)
	}
	return res
}

func wantLookup(t *testing.T, tr *Translations, locale, key, want string) {
	t.Helper()
	got, ok := tr.Lookup(locale, key)
	if !ok || got != want {
		t.Fatalf("Lookup(%q, %q) = %q, %v; want %q", locale, key, got, ok, want)
	}
}

func TestTranslationsWrapperForm(t *testing.T) {
	h := newTranslationsTestHub(Limits{})
	sub := h.Subscribe()
	defer sub.Close()
	if !assetsHasNeed(h, ResourceTranslations) {
		t.Fatal("translations not needed before the first load")
	}
	res := mustLoadTranslations(t, h, `{"locales": {
		"en": {"Snatch": "Snatch", "Total": "Total", "Esc": "Tom &amp; Jerry &amp;lt;3"},
		"fr": {"Snatch": "Arraché"}
	}, "translationsChecksum": "abc123"}`)
	if res.Unchanged || res.Locales != 2 {
		t.Fatalf("result = %+v", res)
	}
	s := h.Snapshot()
	if s.Translations.Checksum != "abc123" || s.TranslationsVersion == 0 {
		t.Fatalf("checksum %q, version %d", s.Translations.Checksum, s.TranslationsVersion)
	}
	if c, ok := assetsChangeOf(assetsTakeChanges(sub), ChangeTranslations); !ok || c.Version != s.TranslationsVersion {
		t.Fatalf("ChangeTranslations = %+v, %v", c, ok)
	}
	if assetsHasNeed(h, ResourceTranslations) {
		t.Fatal("translations still needed after a load")
	}
	wantLookup(t, s.Translations, "fr", "Snatch", "Arraché")
	// Stored as sent: decoding happens once, at render time, so "&amp;lt;" can never become "<".
	wantLookup(t, s.Translations, "en", "Esc", "Tom &amp; Jerry &amp;lt;3")
}

func TestTranslationsDirectForm(t *testing.T) {
	h := newTranslationsTestHub(Limits{})
	res := mustLoadTranslations(t, h, `{"en": {"a": "A"}, "de": {"a": "Ä"}, "translationsChecksum": "c1", "junk": [1, 2], "n": null}`)
	tr := h.Snapshot().Translations
	if res.Locales != 2 || !slices.Equal(tr.LocaleNames(), []string{"de", "en"}) {
		t.Fatalf("result %+v, locales %q", res, tr.LocaleNames())
	}
	if tr.Checksum != "c1" {
		t.Fatalf("checksum = %q", tr.Checksum)
	}
	// A document whose "locales" is not an object is read in the direct form.
	mustLoadTranslations(t, h, `{"locales": "x", "en": {"a": "A2"}}`)
	wantLookup(t, h.Snapshot().Translations, "en", "a", "A2")
}

func TestTranslationsChecksumSkip(t *testing.T) {
	h := newTranslationsTestHub(Limits{})
	mustLoadTranslations(t, h, `{"locales": {"en": {"a": "A"}}, "translationsChecksum": "same"}`)
	s := h.Snapshot()
	sub := h.Subscribe()
	defer sub.Close()

	// Same checksum: trusted, nothing re-processed, nothing published.
	res := mustLoadTranslations(t, h, `{"locales": {"en": {"a": "CHANGED"}}, "translationsChecksum": "same"}`)
	if !res.Unchanged || res.Locales != 1 {
		t.Fatalf("result = %+v", res)
	}
	if h.Snapshot() != s || len(assetsTakeChanges(sub)) != 0 {
		t.Fatal("an unchanged load published something")
	}
	// Another checksum: loaded.
	if res := mustLoadTranslations(t, h, `{"locales": {"en": {"a": "B"}}, "translationsChecksum": "other"}`); res.Unchanged {
		t.Fatal("new checksum skipped")
	}
	wantLookup(t, h.Snapshot().Translations, "en", "a", "B")

	// Without checksums, byte-identical payloads are skipped and others loaded.
	js := `{"en": {"a": "C"}}`
	if res := mustLoadTranslations(t, h, js); res.Unchanged {
		t.Fatal("first checksum-less load skipped")
	}
	v := h.Snapshot().TranslationsVersion
	if res := mustLoadTranslations(t, h, js); !res.Unchanged || h.Snapshot().TranslationsVersion != v {
		t.Fatalf("identical re-send reloaded: %+v", res)
	}
	if res := mustLoadTranslations(t, h, `{"en": {"a": "D"}}`); res.Unchanged {
		t.Fatal("different checksum-less payload skipped")
	}
}

// The old tracker remembered the checksum of a failed load, then skipped every re-send of the
// same set while staying "not ready": a 428 loop. Only a successful load counts here.
func TestTranslationsFailedLoadIsRetried(t *testing.T) {
	h := newTranslationsTestHub(Limits{})
	if _, err := h.LoadTranslationsJSON([]byte(`{"locales": {}, "translationsChecksum": "c2"}`)); !errors.Is(err, ErrBadPayload) {
		t.Fatalf("err = %v", err)
	}
	if res := mustLoadTranslations(t, h, `{"locales": {"en": {"a": "A"}}, "translationsChecksum": "c2"}`); res.Unchanged {
		t.Fatal("the checksum of a failed load was remembered")
	}
}

func TestTranslationsRegionalMerge(t *testing.T) {
	h := newTranslationsTestHub(Limits{})
	// Regionals listed before their base on purpose: order must not matter.
	mustLoadTranslations(t, h, `{"locales": {
		"fr-CA": {"Car": "Char", "Own": "Québec"},
		"pt_BR": {"Bye": "Tchau"},
		"es-419": {"Only": "solo"},
		"fr": {"Car": "Voiture", "Snatch": "Arraché", "Removed": "bientôt parti"},
		"pt": {"Bye": "Adeus", "Hi": "Olá"}
	}}`)
	tr := h.Snapshot().Translations
	wantLookup(t, tr, "fr-CA", "Car", "Char")       // regional wins
	wantLookup(t, tr, "fr-CA", "Snatch", "Arraché") // base fills in
	wantLookup(t, tr, "fr", "Car", "Voiture")       // base untouched
	wantLookup(t, tr, "pt_BR", "Hi", "Olá")         // '_' separator
	wantLookup(t, tr, "pt_BR", "Bye", "Tchau")
	if len(tr.Locales["es-419"]) != 1 {
		t.Fatalf("regional without base = %v, want stored alone", tr.Locales["es-419"])
	}
	if _, ok := tr.Locales["fr"]["Own"]; ok {
		t.Fatal("regional key leaked into the base")
	}

	// OWLCMS removes a key from the base and drops a locale: neither may linger.
	mustLoadTranslations(t, h, `{"locales": {
		"fr": {"Car": "Voiture", "Snatch": "Arraché"},
		"fr-CA": {"Car": "Char"},
		"pt": {"Hi": "Olá"}
	}}`)
	tr = h.Snapshot().Translations
	if _, ok := tr.Locales["fr-CA"]["Removed"]; ok {
		t.Fatal("a key removed from the base lingers in the regional")
	}
	if _, ok := tr.Locales["fr-CA"]["Own"]; ok {
		t.Fatal("a key removed from the regional lingers")
	}
	if tr.Has("pt_BR") || tr.Has("es-419") {
		t.Fatalf("dropped locales still present: %q", tr.LocaleNames())
	}
	if !slices.Equal(tr.LocaleNames(), []string{"fr", "fr-CA", "pt"}) {
		t.Fatalf("locales = %q", tr.LocaleNames())
	}
}

func TestTranslationsNonStringValues(t *testing.T) {
	h := newTranslationsTestHub(Limits{})
	mustLoadTranslations(t, h, `{"en": {"s": "text", "n": 3, "f": -1.5e3, "t": true, "b": false,
		"null": null, "obj": {"x": "y"}, "arr": ["a"], "empty": ""}}`)
	en := h.Snapshot().Translations.Locales["en"]
	want := map[string]string{"s": "text", "n": "3", "f": "-1.5e3", "t": "true", "b": "false", "empty": ""}
	if len(en) != len(want) {
		t.Fatalf("en = %q, want %q", en, want)
	}
	for k, v := range want {
		if en[k] != v {
			t.Fatalf("en[%q] = %q, want %q", k, en[k], v)
		}
	}
}

func TestTranslationsRejectedKeepsOld(t *testing.T) {
	h := newTranslationsTestHub(Limits{})
	mustLoadTranslations(t, h, `{"locales": {"en": {"a": "A"}}, "translationsChecksum": "good"}`)
	s := h.Snapshot()
	for _, js := range []string{
		``, `not json`, `[]`, `null`, `"en"`, `{}`, `{"locales": {}}`, `{"en": "x"}`, `{"en": {}}`,
		`{"en": {"a": null, "b": {}}}`, `{"translationsChecksum": "x"}`, `{"locales": {"": {"a": "A"}}}`,
	} {
		_, err := h.LoadTranslationsJSON([]byte(js))
		if !errors.Is(err, ErrBadPayload) {
			t.Fatalf("%q: err = %v, want ErrBadPayload", js, err)
		}
		if h.Snapshot() != s {
			t.Fatalf("%q: a rejected set was published", js)
		}
	}
	wantLookup(t, h.Snapshot().Translations, "en", "a", "A")
}

func TestTranslationsMaxLocales(t *testing.T) {
	h := newTranslationsTestHub(Limits{MaxLocales: 3})
	res := mustLoadTranslations(t, h, `{"zz-XX": {"a": "z"}, "fr-CA": {"a": "c"}, "fr": {"a": "f"}, "de": {"a": "d"}, "en": {"a": "e"}}`)
	tr := h.Snapshot().Translations
	// "en" first, then base locales, regionals last.
	if res.Locales != 3 || !slices.Equal(tr.LocaleNames(), []string{"de", "en", "fr"}) {
		t.Fatalf("result %+v, locales %q", res, tr.LocaleNames())
	}
}

func TestTranslationsLookupFallbacks(t *testing.T) {
	h := newTranslationsTestHub(Limits{})
	mustLoadTranslations(t, h, `{"locales": {
		"en": {"Snatch": "Snatch", "OnlyEn": "english"},
		"fr": {"Snatch": "Arraché"},
		"fr-CA": {"Snatch": "Arraché (CA)"},
		"pt": {"Snatch": "Arranco"}
	}}`)
	tr := h.Snapshot().Translations
	for _, tc := range []struct{ locale, key, want string }{
		{"fr-CA", "Snatch", "Arraché (CA)"}, // exact
		{"FR-ca", "Snatch", "Arraché (CA)"}, // case-insensitive
		{"fr_CA", "Snatch", "Arraché (CA)"}, // separator-insensitive
		{"fr-BE", "Snatch", "Arraché"},      // base
		{"pt_PT", "Snatch", "Arranco"},      // base, '_'
		{"PT", "Snatch", "Arranco"},
		{"xx", "Snatch", "Snatch"},     // unknown → en
		{"", "Snatch", "Snatch"},       // none → en
		{"fr-CA", "OnlyEn", "english"}, // key missing from the locale → en
		{"fr", "OnlyEn", "english"},
	} {
		wantLookup(t, tr, tc.locale, tc.key, tc.want)
	}
	if v, ok := tr.Lookup("fr", "Missing"); ok || v != "" {
		t.Fatalf("missing key = %q, %v", v, ok)
	}
	for locale, want := range map[string]string{"fr-CA": "fr-CA", "fr_ca": "fr-CA", "fr-BE": "fr", "de": "en"} {
		if got := tr.Resolve(locale); got != want {
			t.Fatalf("Resolve(%q) = %q, want %q", locale, got, want)
		}
	}
	if !tr.Has("fr-ca") || !tr.Has("pt") || tr.Has("fr-BE") || tr.Has("de") {
		t.Fatal("Has matched wrongly")
	}
	names := tr.LocaleNames()
	names[0] = "mutated"
	if !slices.Equal(tr.LocaleNames(), []string{"en", "fr", "fr-CA", "pt"}) {
		t.Fatalf("LocaleNames = %q (or a caller could mutate it)", tr.LocaleNames())
	}

	// Without "en" there is no last resort.
	noEn := NewTranslations(map[string]map[string]string{"de": {"a": "A"}}, "")
	if _, ok := noEn.Lookup("fr", "a"); ok {
		t.Fatal("lookup without en found something")
	}
	// The empty set, a nil pointer and a struct literal (no index) all behave.
	var nilTr *Translations
	for _, tr := range []*Translations{emptyTranslations, nilTr} {
		if _, ok := tr.Lookup("en", "a"); ok || tr.Has("en") || len(tr.LocaleNames()) != 0 || tr.Resolve("en") != "" {
			t.Fatal("empty translations found something")
		}
	}
	lit := &Translations{Locales: map[string]map[string]string{"en": {"a": "A"}, "Fr": {"a": "F"}}}
	wantLookup(t, lit, "fr-CA", "a", "F")
	wantLookup(t, lit, "de", "a", "A")
	if !lit.Has("FR") || !slices.Equal(lit.LocaleNames(), []string{"Fr", "en"}) {
		t.Fatal("struct literal: Has/LocaleNames")
	}
}

func TestTranslationsZip(t *testing.T) {
	h := newTranslationsTestHub(Limits{})
	res, err := h.LoadTranslationsZip(assetsTestZip(t,
		assetsZipEntry{name: "readme.txt", data: "not this"},
		assetsZipEntry{name: "i18n/Translations.JSON", data: `{"locales": {"en": {"a": "A"}}, "translationsChecksum": "z1"}`}))
	if err != nil || res.Locales != 1 {
		t.Fatalf("LoadTranslationsZip = %+v, %v", res, err)
	}
	wantLookup(t, h.Snapshot().Translations, "en", "a", "A")
	s := h.Snapshot()
	for name, data := range map[string][]byte{
		"no entry":  assetsTestZip(t, assetsZipEntry{name: "other.json", data: `{"en": {"a": "B"}}`}),
		"empty zip": assetsTestZip(t),
		"corrupt":   []byte("PK\x03\x04 nope"),
		"zip-slip":  assetsTestZip(t, assetsZipEntry{name: "../translations.json", data: `{"en": {"a": "B"}}`}),
		"bad json":  assetsTestZip(t, assetsZipEntry{name: "translations.json", data: `{"en": `}),
	} {
		if _, err := h.LoadTranslationsZip(data); !errors.Is(err, ErrBadPayload) {
			t.Fatalf("%s: err = %v, want ErrBadPayload", name, err)
		}
	}
	if h.Snapshot() != s {
		t.Fatal("a refused zip changed the translations")
	}
}

// Immutability: a published set is never modified by a later load.
func TestTranslationsPublishedSetImmutable(t *testing.T) {
	h := newTranslationsTestHub(Limits{})
	mustLoadTranslations(t, h, `{"fr": {"a": "1"}, "fr-CA": {"b": "2"}}`)
	old := h.Snapshot().Translations
	mustLoadTranslations(t, h, `{"fr": {"a": "3"}, "fr-CA": {"b": "4"}}`)
	wantLookup(t, old, "fr-CA", "a", "1")
	wantLookup(t, old, "fr-CA", "b", "2")
	wantLookup(t, h.Snapshot().Translations, "fr-CA", "a", "3")
}

func BenchmarkTranslationsLookup(b *testing.B) {
	tr := NewTranslations(map[string]map[string]string{
		"en": {"Snatch": "Snatch"}, "fr": {"Snatch": "Arraché"}, "fr-CA": {"Other": "x"},
	}, "")
	for _, locale := range []string{"fr-CA", "fr_ca", "xx"} {
		b.Run(locale, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				tr.Lookup(locale, "Snatch")
			}
		})
	}
}
