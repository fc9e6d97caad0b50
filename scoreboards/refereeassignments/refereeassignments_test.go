package refereeassignments

import (
	"testing"

	gocmp "github.com/google/go-cmp/cmp"

	"github.com/owlcms/tracker/scoreboards/board"
	"github.com/owlcms/tracker/scoreboards/board/boardtest"
)

func TestSheet(t *testing.T) {
	s := boardtest.Snapshot(nil)
	s.Database = boardtest.Database(t, "../meet/testdata/teams.json")
	v := Data(board.NewRequest(s, "", "en", board.DefaultOptions, nil))
	heading := []string{v.Competition, v.Place}
	for _, tb := range v.Tables {
		heading = append(heading, tb.Heading) // one table per day
	}
	days := []string{"Three Rivers Club Challenge", "Riverside Hall, Three Rivers, 2026-03-14 – 2026-03-15", "2026-03-14", "2026-03-15"}
	if diff := gocmp.Diff(days, heading); diff != "" {
		t.Fatalf("heading and days (-want +got):\n%s", diff)
	}
	day1 := v.Tables[0]
	if diff := gocmp.Diff([]SessionHead{{"M1", "Men 81"}, {"M2", "Men 96"}}, day1.Sessions); diff != "" {
		t.Errorf("sessions (-want +got):\n%s", diff)
	}
	rows := map[string][][]string{}
	var labels []string
	for _, r := range day1.Rows {
		rows[r.Label] = r.Cells
		labels = append(labels, r.Label)
	}
	// Only the roles somebody fills, in order; the jury under its heading.
	want := []string{"Weigh-in Time", "Start Time", "Announcer", "Referee 1", "Referee 2", "Referee 3", "Marshal 1", "Jury", "Jury President", "Jury 2"}
	if diff := gocmp.Diff(want, labels); diff != "" {
		t.Errorf("rows (-want +got):\n%s", diff)
	}
	if diff := gocmp.Diff([][]string{{"Ines Duarte", "Paul Roy"}, {"Ola Berg"}}, rows["Referee 2"]); diff != "" {
		t.Errorf("two referees in one field are two lines (-want +got):\n%s", diff)
	}
	if diff := gocmp.Diff([][]string{{"10:00"}, {"13:00"}}, rows["Start Time"]); diff != "" {
		t.Errorf("start times (-want +got):\n%s", diff)
	}
	if diff := gocmp.Diff([]string{"10:00"}, v.Tables[1].Rows[0].Cells[0]); diff != "" {
		t.Errorf("day 2 first row (-want +got):\n%s", diff)
	}
	// An official's name with markup ("Mara <b>Lind</b>") is shown escaped: the golden file
	// referee-assignments-sheet.golden.html holds "Mara &lt;b&gt;Lind&lt;/b&gt;".
}

func TestSheetWithoutDatabase(t *testing.T) {
	v := Data(board.NewRequest(boardtest.Snapshot(nil), "", "en", board.DefaultOptions, nil))
	if v.Empty == "" || len(v.Tables) != 0 {
		t.Errorf("%+v", v)
	}
}
