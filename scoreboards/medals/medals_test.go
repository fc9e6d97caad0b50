package medals

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/owlcms/tracker/hub"
	"github.com/owlcms/tracker/scoreboards/board"
	"github.com/owlcms/tracker/scoreboards/board/boardtest"
)

// The podiums of the invented meet (boardtest.CeremonyMeet).
var (
	sr96 = Table{Title: "SR 96", Note: "Invented Open", Rows: []Row{
		{Name: "DAHL, Erik", Team: "Alder Bay WC", Snatch: "145", CleanJerk: "175", Total: "320", SnatchMedal: 1, CleanJerkMedal: 2, TotalMedal: 1},
		{Name: "EKLUND, Gus", Team: "Birchwood Barbell", Snatch: "140", CleanJerk: "178", Total: "318", SnatchMedal: 2, CleanJerkMedal: 1, TotalMedal: 2},
		{Name: "FAGAN, Hal", Team: "Cedar Point", Snatch: "130", CleanJerk: "165", Total: "295", SnatchMedal: 3, CleanJerkMedal: 3, TotalMedal: 3},
	}}
	sr81 = []Row{
		{Name: "ARNOTT, Bram", Team: "Alder Bay WC", Snatch: "125", CleanJerk: "155", Total: "280", SnatchMedal: 1, CleanJerkMedal: 1, TotalMedal: 1},
		{Name: "BROOK, Cal", Team: "Birchwood Barbell", Snatch: "122", CleanJerk: "148", Total: "270", SnatchMedal: 2, CleanJerkMedal: 2, TotalMedal: 2},
		{Name: "AVERY, Finn", Team: "Birchwood Barbell", Snatch: "118", CleanJerk: "140", Total: "258", SnatchMedal: 3, CleanJerkMedal: 3, TotalMedal: 3},
	}
	jr81 = []Row{
		{Name: "CARVER, Dan", Team: "Cedar Point", Snatch: "114", CleanJerk: "143", Total: "257", SnatchMedal: 1, CleanJerkMedal: 1, TotalMedal: 1},
	}
)

// medalsOf puts platform A of the invented meet in a medal ceremony for target.
func medalsOf(t *testing.T, target hub.CeremonyTarget) *hub.Snapshot {
	s := boardtest.CeremonyMeet(t)
	s.FOPs["A"] = boardtest.InCeremony(s.FOPs["A"], hub.CeremonyMedals, target)
	return s
}

func TestData(t *testing.T) {
	done := boardtest.CeremonyMeet(t)
	ended := *done.FOPs["A"]
	ended.SessionDone = true
	done.FOPs["A"] = &ended
	afterCeremony := medalsOf(t, hub.CeremonyTarget{Session: "M1", Category: "SR 96"})
	afterCeremony.FOPs["A"].CeremonyEvent = hub.CeremonyDone
	totalOnly := boardtest.CeremonyMeet(t)
	totalOnly.Database.Competition.SnatchCJTotalMedals = false
	intro := boardtest.CeremonyMeet(t)
	intro.FOPs["A"] = boardtest.InCeremony(intro.FOPs["A"], hub.CeremonyIntroduction, hub.CeremonyTarget{})

	session := []Table{
		{Title: "SR 81", Note: "Medal leaders", Provisional: true, Rows: sr81},
		{Title: "JR 81", Note: "Medals", Rows: jr81},
	}
	tests := []struct {
		name   string
		snap   *hub.Snapshot
		tables []Table
		empty  string
	}{
		{name: "ceremony for a category: its podium, lift medals included", snap: medalsOf(t, hub.CeremonyTarget{Session: "M1", Category: "SR 96", AgeGroup: "SR", Championship: "Invented Open"}), tables: []Table{sr96}},
		{name: "ceremony naming the category alone", snap: medalsOf(t, hub.CeremonyTarget{Category: "SR 96"}), tables: []Table{sr96}},
		{name: "ceremony naming an unknown age group: the category's name decides", snap: medalsOf(t, hub.CeremonyTarget{Category: "SR 96", AgeGroup: "Masters"}), tables: []Table{sr96}},
		{name: "ceremony for a session: each of its categories", snap: medalsOf(t, hub.CeremonyTarget{Session: "M1"}), tables: []Table{sr96}},
		{name: "ceremony for the live session without category", snap: medalsOf(t, hub.CeremonyTarget{Session: "M2"}), tables: []Table{
			{Title: "SR 81", Note: "Invented Open", Rows: sr81}, {Title: "JR 81", Note: "Invented Juniors", Rows: jr81}}},
		{name: "no ceremony: the session's decided medals and its medal leaders", snap: boardtest.CeremonyMeet(t), tables: session},
		{name: "after the ceremony: the session again", snap: afterCeremony, tables: session},
		{name: "an introduction is no medal ceremony", snap: intro, tables: session},
		{name: "session done: every category decided", snap: done, tables: []Table{
			{Title: "SR 81", Note: "Medals", Rows: sr81}, {Title: "JR 81", Note: "Medals", Rows: jr81}}},
		{name: "total medals only", snap: totalOnly, tables: []Table{
			{Title: "SR 81", Note: "Medal leaders", Provisional: true, Rows: withoutLiftMedals(sr81)},
			{Title: "JR 81", Note: "Medals", Rows: withoutLiftMedals(jr81)}}},
		{name: "ceremony for a category nobody lifted in", snap: medalsOf(t, hub.CeremonyTarget{Category: "SR 109"}), empty: "No medal results at this time."},
		{name: "nothing from OWLCMS", snap: boardtest.Snapshot(nil), empty: "Waiting for next session."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v := Data(board.NewRequest(tt.snap, "A", "en", board.DefaultOptions, nil))
			if diff := cmp.Diff(tt.tables, v.Tables); diff != "" {
				t.Errorf("tables (-want +got):\n%s", diff)
			}
			if v.Empty != tt.empty {
				t.Errorf("empty %q, want %q", v.Empty, tt.empty)
			}
		})
	}
}

func withoutLiftMedals(rows []Row) []Row {
	out := make([]Row, len(rows))
	for i, r := range rows {
		r.SnatchMedal, r.CleanJerkMedal = 0, 0
		out[i] = r
	}
	return out
}
