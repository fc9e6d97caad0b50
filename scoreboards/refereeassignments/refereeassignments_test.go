package refereeassignments

import (
	"bytes"
	"context"
	"reflect"
	"strings"
	"testing"

	"github.com/owlcms/tracker/scoreboards/board"
	"github.com/owlcms/tracker/scoreboards/board/boardtest"
)

func TestSheet(t *testing.T) {
	s := boardtest.Snapshot(nil)
	s.Database = boardtest.Database(t, "../meet/testdata/teams.json")
	v := Data(board.NewRequest(s, "", "en", board.DefaultOptions, nil))
	if v.Competition != "Three Rivers Club Challenge" || v.Place != "Riverside Hall, Three Rivers, 2026-03-14 – 2026-03-15" {
		t.Errorf("heading %q %q", v.Competition, v.Place)
	}
	if len(v.Tables) != 2 || v.Tables[0].Heading != "2026-03-14" || v.Tables[1].Heading != "2026-03-15" {
		t.Fatalf("one table per day: %+v", v.Tables)
	}
	day1 := v.Tables[0]
	if got := []SessionHead{{"M1", "Men 81"}, {"M2", "Men 96"}}; !reflect.DeepEqual(day1.Sessions, got) {
		t.Errorf("sessions %+v", day1.Sessions)
	}
	rows := map[string][][]string{}
	var labels []string
	for _, r := range day1.Rows {
		rows[r.Label] = r.Cells
		labels = append(labels, r.Label)
	}
	// Only the roles somebody fills, in order; the jury under its heading.
	if want := "Weigh-in Time,Start Time,Announcer,Referee 1,Referee 2,Referee 3,Marshal 1,Jury,Jury President,Jury 2"; strings.Join(labels, ",") != want {
		t.Errorf("rows %s\nwant %s", strings.Join(labels, ","), want)
	}
	if got := rows["Referee 2"]; !reflect.DeepEqual(got, [][]string{{"Ines Duarte", "Paul Roy"}, {"Ola Berg"}}) {
		t.Errorf("two referees in one field are two lines: %q", got)
	}
	if got := rows["Start Time"]; !reflect.DeepEqual(got, [][]string{{"10:00"}, {"13:00"}}) {
		t.Errorf("start times %q", got)
	}
	if got := v.Tables[1].Rows[0].Cells[0]; !reflect.DeepEqual(got, []string{"10:00"}) {
		t.Errorf("day 2 first row %q", got)
	}

	var b bytes.Buffer
	if err := Page(v).Render(context.Background(), &b); err != nil {
		t.Fatal(err)
	}
	if html := b.String(); strings.Contains(html, "<b>Lind") || !strings.Contains(html, "Mara &lt;b&gt;Lind&lt;/b&gt;") {
		t.Error("an official's name is not escaped")
	}
}

func TestSheetWithoutDatabase(t *testing.T) {
	v := Data(board.NewRequest(boardtest.Snapshot(nil), "", "en", board.DefaultOptions, nil))
	if v.Empty == "" || len(v.Tables) != 0 {
		t.Errorf("%+v", v)
	}
}
