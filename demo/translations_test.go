package demo

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"slices"
	"strings"
	"testing"
)

func TestTranslationsJSON(t *testing.T) {
	var tr struct {
		Locales  map[string]map[string]string `json:"locales"`
		Checksum string                       `json:"translationsChecksum"`
	}
	raw := TranslationsJSON()
	if err := json.Unmarshal(raw, &tr); err != nil {
		t.Fatal(err)
	}
	var names []string
	for loc := range tr.Locales {
		names = append(names, loc)
	}
	slices.Sort(names)
	if !slices.Equal(names, []string{"en", "fr", "fr-CA"}) {
		t.Errorf("locales %v", names)
	}
	required := []string{"Scoreboard.Start", "Name", "Scoreboard.Category", "Scoreboard.Birth", "Team",
		"Snatch", "Clean_and_Jerk", "Total", "Rank", "Scoreboard.Best", "Leaders", "Scoreboard.records",
		"Snatch_number", "C_and_J_number", "Group_number", "Scoreboard.WaitingNextGroup",
		"PublicMsg.CompetitionPaused", "PublicMsg.GroupDone", "PublicMsg.JuryDeliberation", "PublicMsg.Medals",
		"BreakType.FIRST_SNATCH", "BreakType.FIRST_CJ", "BreakType.BEFORE_INTRODUCTION",
		"BreakMgmt.IntroductionOfAthletes", "AttemptBoard_attempt_number", "Scoreboard.AttemptsDone",
		"Scoreboard.RecordAttempt"}
	for loc, m := range tr.Locales {
		for _, k := range required {
			if strings.TrimSpace(m[k]) == "" {
				t.Errorf("%s: %q missing", loc, k)
			}
		}
		if len(m) != len(tr.Locales["en"]) {
			t.Errorf("%s has %d keys, en %d: every locale must be a full map", loc, len(m), len(tr.Locales["en"]))
		}
	}
	// fr-CA is fr with regional overrides merged in, as OWLCMS sends it.
	if tr.Locales["fr-CA"]["Group_number"] == tr.Locales["fr"]["Group_number"] {
		t.Error("fr-CA has no regional override")
	}
	if tr.Locales["fr-CA"]["Snatch"] != tr.Locales["fr"]["Snatch"] {
		t.Error("fr-CA does not inherit fr")
	}
	sum := sha256.Sum256(marshal(tr.Locales)) // the checksum covers the locales as sent

	if tr.Checksum != hex.EncodeToString(sum[:]) {
		t.Errorf("checksum %s does not match the locales", tr.Checksum)
	}
}

func TestFlagsZip(t *testing.T) {
	data := FlagsZip()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, f := range zr.File {
		names = append(names, f.Name)
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		svg, _ := io.ReadAll(rc)
		rc.Close()
		if !bytes.HasPrefix(svg, []byte("<svg")) || !bytes.Contains(svg, []byte(`viewBox="0 0 30 20"`)) {
			t.Errorf("%s is not a 30×20 SVG: %.60s", f.Name, svg)
		}
	}
	c := NewDemo()
	for _, team := range c.Teams {
		if !slices.Contains(names, team+".svg") {
			t.Errorf("no flag for %q", team)
		}
		if want := "/local/flags/" + team + ".svg"; flagURL(team) != want {
			t.Errorf("flagURL(%q) = %q", team, flagURL(team))
		}
	}
}
