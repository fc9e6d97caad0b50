package records

import (
	"testing"

	"github.com/owlcms/tracker/scoreboards/board"
	"github.com/owlcms/tracker/scoreboards/board/boardtest"
)

// TestCapturedMeet renders the records board from what a real OWLCMS sent (793 records, some
// set at this meet and some at an earlier one run with the same database) and checks it
// against OWLCMS's own record table for the current athlete: each of its cells is the value
// the board shows for that category and record name. The records set during the meet are
// those the database says this meet set. Skipped without the captures.
func TestCapturedMeet(t *testing.T) {
	h := boardtest.Captures(t)
	s := h.Snapshot()
	db, f := s.Database, s.FOP("A")
	if len(db.Records) == 0 || f == nil || f.Records == nil {
		t.Fatal("the captures hold no records or no record table for the current athlete")
	}
	v := Data(board.NewRequest(s, "A", "en", board.DefaultOptions, nil))
	if len(v.InPlay) == 0 {
		t.Fatal("no record in play for the captured session")
	}
	shown := map[[2]string][3]string{}
	for _, r := range v.InPlay {
		shown[[2]string{r.Category, r.Name}] = [3]string{r.Cells[0].Value, r.Cells[1].Value, r.Cells[2].Value}
	}
	checked := 0
	for i, name := range f.Records.Names {
		for _, c := range f.Records.Columns {
			if c.Class != "recordBox" || i >= len(c.Rows) {
				continue // the personal bests are not records
			}
			row := c.Rows[i]
			want := [3]string{row.Snatch, row.CleanJerk, row.Total}
			if got, ok := shown[[2]string{c.Category, name}]; !ok || got != want {
				t.Errorf("%s %s: the board shows %q, OWLCMS's table %q", c.Category, name, got, want)
			}
			checked++
		}
	}
	if checked == 0 {
		t.Fatal("OWLCMS's record table has no record cell")
	}
	want, other := 0, 0
	for _, r := range db.Records {
		switch {
		case r.SetAt(db.Competition.Name):
			want++
		case r.Session != "":
			other++
		}
	}
	if len(v.Set) != want || want == 0 || other == 0 {
		t.Errorf("%d records set during the meet shown, want %d (and %d set at another meet left out)", len(v.Set), want, other)
	}
	for _, r := range v.Set {
		if r.Value == "" || r.Athlete == "" || r.Session == "" || r.Category == "" {
			t.Errorf("a record set during the meet lacks a part: %+v", r)
		}
	}
	t.Logf("%d rows in play, %d cells checked against OWLCMS's table, %d records set at the meet", len(v.InPlay), checked, len(v.Set))
}
