package meet_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/owlcms/tracker/hub"
	"github.com/owlcms/tracker/scoreboards/board/boardtest"
	"github.com/owlcms/tracker/scoreboards/meet"
)

// TestCategories: each athlete in every category they compete in, in the database's order of
// categories, best total rank first; the live ranks for the live session's athletes in their
// own category, the database's elsewhere (Carver, a junior, also ranked 4th among the seniors,
// where he is not in his own category).
func TestCategories(t *testing.T) {
	db := boardtest.Database(t, "testdata/ceremony.json")
	f := boardtest.SessionM2("A")
	live := map[string]bool{}
	for _, a := range f.Athletes {
		live[a.Key] = true
	}
	type entry struct {
		Name  string
		Ranks [3]int
		Main  bool
	}
	type category struct {
		Code, Name string
		Entries    []entry
	}
	summary := func(cs []meet.CategoryEntries) []category {
		var out []category
		for _, c := range cs {
			cat := category{Code: c.Code, Name: c.Category.Name}
			for _, e := range c.Entries {
				cat.Entries = append(cat.Entries, entry{e.Name, e.Ranks, e.Main})
			}
			out = append(out, cat)
		}
		return out
	}
	want := []category{
		{"SR_M81", "SR 81", []entry{{"ARNOTT, Bram", [3]int{1, 1, 1}, true}, {"BROOK, Cal", [3]int{2, 2, 2}, true},
			{"AVERY, Finn", [3]int{3, 3, 3}, true}, {"CARVER, Dan", [3]int{4, 4, 4}, false}}},
		{"SR_M96", "SR 96", []entry{{"DAHL, Erik", [3]int{1, 2, 1}, true}, {"EKLUND, Gus", [3]int{2, 1, 2}, true},
			{"FAGAN, Hal", [3]int{3, 3, 3}, true}, {"GRAY, Ike", [3]int{4, 0, 0}, true}}},
		{"JR_M81", "JR 81", []entry{{"CARVER, Dan", [3]int{1, 1, 1}, true}}},
	}
	if diff := cmp.Diff(want, summary(meet.Categories(db, meet.Lifters(db, f), live))); diff != "" {
		t.Errorf("categories (-want +got):\n%s", diff)
	}
	// When the update ranks Carver in both his categories, the live ranks count in each.
	for _, a := range f.Athletes {
		if a.Key == "203" {
			a.Participations = []hub.Participation{{CategoryCode: "JR_M81", SnatchRank: 1, CleanJerkRank: 1, TotalRank: 1},
				{CategoryCode: "SR_M81", SnatchRank: 4, CleanJerkRank: 3, TotalRank: 3}}
		}
	}
	got := meet.Categories(db, meet.Lifters(db, f), live)
	if e := got[0].Entries[3]; e.Name != "CARVER, Dan" || e.Ranks != [3]int{4, 3, 3} {
		t.Errorf("Carver among the seniors: %s %v, want the live ranks [4 3 3]", e.Name, e.Ranks)
	}
	f = boardtest.SessionM2("A")
	// Without a database, the live athletes in the categories the update names.
	wantLive := []category{
		{"SR 81", "SR 81", []entry{{"ARNOTT, Bram", [3]int{1, 1, 1}, true}, {"BROOK, Cal", [3]int{2, 2, 2}, true}, {"AVERY, Finn", [3]int{3, 3, 3}, true}}},
		{"JR 81", "JR 81", []entry{{"CARVER, Dan", [3]int{1, 1, 1}, true}}},
	}
	if diff := cmp.Diff(wantLive, summary(meet.Categories(nil, meet.Lifters(nil, f), live))); diff != "" {
		t.Errorf("live only (-want +got):\n%s", diff)
	}
}
