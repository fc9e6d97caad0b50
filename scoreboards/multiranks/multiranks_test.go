package multiranks

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/owlcms/tracker/hub"
	"github.com/owlcms/tracker/scoreboards/board"
	"github.com/owlcms/tracker/scoreboards/board/boardtest"
)

// TestRanksPerAgeGroup: a column per age group in the database's order (the seniors before
// the juniors); the live participations win over the database's; without a database the age
// group is read from the category code; and a session of one age group has one column.
func TestRanksPerAgeGroup(t *testing.T) {
	type row struct {
		Name  string
		Ranks [][3]string
	}
	view := func(withDB bool, edit func(f *hub.FOP)) ([]string, []row) {
		f := boardtest.SessionM2("A")
		if edit != nil {
			edit(f)
		}
		snap := boardtest.Snapshot(nil, f)
		if withDB {
			snap.Database = boardtest.Database(t, "../meet/testdata/ceremony.json")
		}
		v := Declaration.View(board.NewRequest(snap, "A", "en", board.DefaultOptions, nil))
		var rows []row
		for _, r := range v.Grid.Rows {
			if !r.Spacer {
				rows = append(rows, row{r.Name, r.GroupRanks})
			}
		}
		return v.Grid.Columns.RankGroups, rows
	}
	carver := func(ps ...hub.Participation) func(f *hub.FOP) {
		return func(f *hub.FOP) {
			for _, a := range f.Athletes {
				if a.Key == "203" {
					a.CategoryCode, a.Participations = "JR_M81", ps
				}
			}
		}
	}
	groups, rows := view(true, carver(hub.Participation{CategoryCode: "JR_M81", TotalRank: 1},
		hub.Participation{CategoryCode: "SR_M81", SnatchRank: 3, CleanJerkRank: 2, TotalRank: 2}))
	if d := cmp.Diff([]string{"SR", "JR"}, groups); d != "" {
		t.Errorf("groups (-want +got)\n%s", d)
	}
	if d := cmp.Diff(row{"CARVER, Dan", [][3]string{{"3", "2", "2"}, {"1", "1", "1"}}}, rows[3]); d != "" {
		t.Errorf("Carver, live (-want +got)\n%s", d)
	}
	groups, rows = view(false, carver(hub.Participation{CategoryCode: "JR_M81", TotalRank: 1},
		hub.Participation{CategoryCode: "SR_M81", TotalRank: 5}))
	if d := cmp.Diff([]string{"JR", "SR"}, groups); d != "" {
		t.Errorf("groups without a database (-want +got)\n%s", d)
	}
	if d := cmp.Diff(row{"CARVER, Dan", [][3]string{{"1", "1", "1"}, {"-", "-", "5"}}}, rows[3]); d != "" {
		t.Errorf("Carver, no database (-want +got)\n%s", d)
	}
	if groups, _ := view(false, nil); len(groups) != 0 {
		t.Errorf("no participations and no category codes: groups %v, want none (the standard rank column)", groups)
	}
}
