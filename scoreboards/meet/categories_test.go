package meet

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/owlcms/tracker/scoreboards/board/boardtest"
)

// TestCategories: each athlete in every category they compete in, in the database's order of
// categories, best total rank first; the live ranks for the live session's athletes in their
// own category, the database's elsewhere (Carver, a junior, also ranked 4th among the seniors).
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
	}
	type category struct {
		Code, Name string
		Entries    []entry
	}
	summary := func(cs []CategoryEntries) []category {
		var out []category
		for _, c := range cs {
			cat := category{Code: c.Code, Name: c.Category.Name}
			for _, e := range c.Entries {
				cat.Entries = append(cat.Entries, entry{e.Name, e.Ranks})
			}
			out = append(out, cat)
		}
		return out
	}
	want := []category{
		{"SR_M81", "SR 81", []entry{{"ARNOTT, Bram", [3]int{1, 1, 1}}, {"BROOK, Cal", [3]int{2, 2, 2}},
			{"AVERY, Finn", [3]int{3, 3, 3}}, {"CARVER, Dan", [3]int{4, 4, 4}}}},
		{"SR_M96", "SR 96", []entry{{"DAHL, Erik", [3]int{1, 2, 1}}, {"EKLUND, Gus", [3]int{2, 1, 2}},
			{"FAGAN, Hal", [3]int{3, 3, 3}}, {"GRAY, Ike", [3]int{4, 0, 0}}}},
		{"JR_M81", "JR 81", []entry{{"CARVER, Dan", [3]int{1, 1, 1}}}},
	}
	if diff := cmp.Diff(want, summary(Categories(db, Lifters(db, f), live))); diff != "" {
		t.Errorf("categories (-want +got):\n%s", diff)
	}
	// Without a database, the live athletes in the categories the update names.
	wantLive := []category{
		{"SR 81", "SR 81", []entry{{"ARNOTT, Bram", [3]int{1, 1, 1}}, {"BROOK, Cal", [3]int{2, 2, 2}}, {"AVERY, Finn", [3]int{3, 3, 3}}}},
		{"JR 81", "JR 81", []entry{{"CARVER, Dan", [3]int{1, 1, 1}}}},
	}
	if diff := cmp.Diff(wantLive, summary(Categories(nil, Lifters(nil, f), live))); diff != "" {
		t.Errorf("live only (-want +got):\n%s", diff)
	}
}
