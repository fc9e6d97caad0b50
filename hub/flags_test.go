package hub

import "testing"

func loadFlags(t *testing.T, h *Hub, files map[string][]byte) {
	t.Helper()
	if _, err := h.ReplaceAssetsZip(AssetFlags, zipOf(t, files)); err != nil {
		t.Fatal(err)
	}
}

var svg = []byte(`<svg xmlns="http://www.w3.org/2000/svg"/>`)

// OWLCMS 66 names flags by code and says which in flagURL; older builds write the team's name
// with ".svg" whatever the format; a board that only knows the team uses the mapping file.
func TestFlagURL(t *testing.T) {
	h := New(Options{})
	if _, err := h.LoadDatabaseJSON([]byte(`{"athletes":[],"teams":[{"id":1,"name":"Club Sud","code":"CSU"}]}`), ""); err != nil {
		t.Fatal(err)
	}
	// Before any flags arrived, OWLCMS's own URL stands.
	if got := h.Snapshot().FlagURL("Chinese Taipei", "/local/flags/TPE.svg"); got != "/local/flags/TPE.svg" {
		t.Errorf("before flags: %q", got)
	}
	loadFlags(t, h, map[string][]byte{
		"TPE.svg": svg, "Nordic Barbell.png": svg, "CSU.webp": svg, "Team A B.svg": svg,
		"mapping.properties": []byte("# team=code\nChinese Taipei=TPE\nRepublic of Korea;KOR.svg\n"),
	})
	s := h.Snapshot()
	for _, tt := range []struct{ team, owlcms, want string }{
		{"Chinese Taipei", "/local/flags/TPE.svg", "/local/flags/TPE.svg"},                           // 66.x: flagURL names the code
		{"Chinese Taipei", "", "/local/flags/TPE.svg"},                                               // only the team: the mapping file
		{"chinese taipei", "", "/local/flags/TPE.svg"},                                               // any case
		{"Nordic Barbell", "/local/flags/Nordic%20Barbell.svg", "/local/flags/Nordic%20Barbell.png"}, // wrong extension
		{"Nordic Barbell", "", "/local/flags/Nordic%20Barbell.png"},                                  // team name fallback
		{"Club Sud", "", "/local/flags/CSU.webp"},                                                    // the database's team code
		{"Team A B", `<img src="/local/flags/Team A B.svg">`, "/local/flags/Team%20A%20B.svg"},       // legacy HTML ignored
		{"Republic of Korea", "", ""},                                                                // mapped, but no such file
		{"Nobody", "/local/flags/Nobody.svg", ""},                                                    // never a broken image
		{"", "", ""},
	} {
		if got := s.FlagURL(tt.team, tt.owlcms); got != tt.want {
			t.Errorf("FlagURL(%q, %q) = %q, want %q", tt.team, tt.owlcms, got, tt.want)
		}
	}
	if got := s.AthleteFlagURL(&Athlete{TeamName: "Chinese Taipei"}); got != "/local/flags/TPE.svg" {
		t.Errorf("athlete: %q", got)
	}
}

func TestParseFlagCodes(t *testing.T) {
	got := parseFlagCodes([]AssetFile{
		{Name: "codes.json", Data: []byte(`{"Chinese Taipei":"TPE.svg","Hong Kong, China":"HKG"}`)},
		{Name: "list.csv", Data: []byte("\xef\xbb\xbfname,code,extra\nGreat Britain,GBR,x\n")},
		{Name: "sub/ignored.txt", Data: []byte("A=B\n")},
		{Name: "CAN.svg", Data: []byte("Canada=CAN")},
	})
	want := map[string]string{"chinese taipei": "TPE", "hong kong, china": "HKG", "great britain": "GBR", "name": "code"}
	if len(got) != len(want) {
		t.Fatalf("codes %v", got)
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%q → %q, want %q", k, got[k], v)
		}
	}
}

// The athletes of a platform get their flag from the flags set, and again when the set
// changes after their update.
func TestAthleteFlagsFollowTheFlagsSet(t *testing.T) {
	h := New(Options{})
	update := `{"fop":"A","sessionAthletes":[` +
		`{"athlete":{"key":1},"displayInfo":{"fullName":"DOE, Jane","teamName":"Chinese Taipei","flagURL":"/local/flags/TPE.svg"}},` +
		`{"athlete":{"key":2},"displayInfo":{"fullName":"ROE, Ann","teamName":"Nordic Barbell","flagURL":""}}]}`
	if _, err := h.Apply(MessageUpdate, []byte(update)); err != nil {
		t.Fatal(err)
	}
	flags := func() []string {
		var out []string
		for _, a := range h.Snapshot().FOP("A").Athletes {
			out = append(out, a.FlagURL)
		}
		return out
	}
	if got := flags(); got[0] != "/local/flags/TPE.svg" || got[1] != "" {
		t.Errorf("before the flags: %q", got)
	}
	before := h.Snapshot().FOP("A").DataVersion
	loadFlags(t, h, map[string][]byte{"TPE.png": svg, "Nordic Barbell.svg": svg})
	if got := flags(); got[0] != "/local/flags/TPE.png" || got[1] != "/local/flags/Nordic%20Barbell.svg" {
		t.Errorf("after the flags: %q", got)
	}
	if h.Snapshot().FOP("A").DataVersion == before {
		t.Error("the platform's data version did not move with its flags")
	}
}
