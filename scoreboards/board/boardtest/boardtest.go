// Package boardtest builds small invented platforms for the boards' table tests: a few
// athletes with explicit attempts, so each test shows the numbers it checks.
package boardtest

import (
	"log/slog"
	"os"
	"strings"
	"testing"

	"github.com/owlcms/tracker/hub"
)

// Lifts builds three attempt cells from short texts: "100" good, "-100" failed,
// "?100" requested, "!100" current request, ">100" next request, "" empty.
func Lifts(cells ...string) [3]hub.Attempt {
	var out [3]hub.Attempt
	for i := range out {
		out[i] = hub.Attempt{Status: hub.AttemptEmpty}
		if i >= len(cells) || cells[i] == "" {
			continue
		}
		c := cells[i]
		st := hub.AttemptGood
		switch c[0] {
		case '-':
			st = hub.AttemptBad
		case '?':
			st = hub.AttemptRequest
		case '!':
			st = hub.AttemptCurrent
		case '>':
			st = hub.AttemptNext
		}
		out[i] = hub.Attempt{Value: strings.TrimLeft(c, "-?!>"), Status: st}
	}
	return out
}

// Athlete is an invented athlete of category cat.
func Athlete(key, start, fullName, team, cat string, sn, cj [3]hub.Attempt) *hub.Athlete {
	return &hub.Athlete{
		Key: key, StartNumber: start, FullName: fullName, TeamName: team, Category: cat,
		YearOfBirth: "2000", Snatch: sn, CleanJerk: cj,
		BestSnatch: "-", BestCleanJerk: "-", Total: "-", SnatchRank: "-", CleanJerkRank: "-", TotalRank: "-",
	}
}

// Order lists athletes by key as order entries; "|" puts a category spacer.
func Order(f *hub.FOP, keys ...string) []hub.OrderEntry {
	var out []hub.OrderEntry
	for _, k := range keys {
		if k == "|" {
			out = append(out, hub.OrderEntry{Spacer: true})
			continue
		}
		var a *hub.Athlete
		for _, x := range f.Athletes {
			if x.Key == k {
				a = x
			}
		}
		out = append(out, hub.OrderEntry{Key: k, Athlete: a})
	}
	return out
}

// Snapshot wraps platforms in a snapshot with the given translations (nil: none).
func Snapshot(tr map[string]map[string]string, fops ...*hub.FOP) *hub.Snapshot {
	s := &hub.Snapshot{FOPs: map[string]*hub.FOP{}, Translations: hub.NewTranslations(tr, "test")}
	for _, f := range fops {
		s.FOPs[f.Name] = f
	}
	return s
}

// Lifting is a platform in the middle of the snatch: three athletes of two categories,
// Ada lifting (her second snatch, 81 kg) and Bea next.
func Lifting(name string) *hub.FOP {
	f := &hub.FOP{
		Name: name, DataVersion: 1, LiveVersion: 1, CompetitionName: "Invented Open",
		SessionName: "A1", LiftType: "Snatch", State: "CURRENT_ATHLETE_DISPLAYED", Mode: "CURRENT_ATHLETE",
		Current: hub.CurrentAttempt{FullName: "ADA, Ann", TeamName: "Club One", StartNumber: "1",
			Category: "SR 58", AttemptNumber: 2, Weight: "81", AttemptHTML: "2<sup>nd</sup> att."},
		CurrentKey: "a", NextKey: "b",
	}
	ada := Athlete("a", "1", "ADA, Ann", "Club One", "SR 58", Lifts("78", "!81"), Lifts("?100"))
	ada.ClassName = "current blink"
	ada.BestSnatch, ada.SnatchRank = "78", "2"
	bea := Athlete("b", "2", "BEA, Bo", "Club Two", "SR 58", Lifts("80", ">83"), Lifts("?101"))
	bea.ClassName = "next"
	bea.BestSnatch, bea.SnatchRank = "80", "1"
	cyd := Athlete("c", "3", "CYD, Cy", "Club One", "SR 63", Lifts("-85", "?85"), Lifts("?105"))
	f.Athletes = []*hub.Athlete{ada, bea, cyd}
	f.StartOrder = Order(f, "|", "a", "b", "|", "c")
	f.LiftingOrder = Order(f, "a", "b", "c")
	return f
}

// Database loads a database export written as OWLCMS sends it (the V2 JSON) from a file, such
// as the invented meet of scoreboards/meet/testdata/teams.json.
func Database(t testing.TB, path string) *hub.Database {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	h := hub.New(hub.Options{Logger: slog.New(slog.DiscardHandler)})
	if _, err := h.LoadDatabaseJSON(b, ""); err != nil {
		t.Fatal(err)
	}
	return h.Snapshot().Database
}

// WithLeadersAndRecords gives platform f (Lifting's) the leaders of SR 58 across sessions
// (Xavi of sub-category A, then Bea) and the invented regional records, Ada's request
// attempting the snatch record.
func WithLeadersAndRecords(f *hub.FOP) *hub.FOP {
	xavi := Athlete("x", "9", "XAVI, Xe", "Club Nine", "SR 58", Lifts("90"), Lifts("110"))
	xavi.SubCategory = "A"
	var bea *hub.Athlete
	for _, a := range f.Athletes {
		if a.Key == "b" {
			bea = a
		}
	}
	f.Leaders = []hub.OrderEntry{{Spacer: true}, {Key: "x", Athlete: xavi}, {Key: "b", Athlete: bea}}
	f.Records = &hub.Records{Names: []string{"Invented Regional"}, Columns: []hub.RecordColumn{
		{Category: "SR 58", Rows: []hub.RecordRow{{Snatch: "90", CleanJerk: "110", Total: "199", SnatchHighlight: true}}},
	}}
	f.RecordKind = "attempt"
	return f
}
