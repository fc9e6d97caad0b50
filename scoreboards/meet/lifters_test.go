package meet_test

import (
	"fmt"
	"testing"

	gocmp "github.com/google/go-cmp/cmp"

	"github.com/owlcms/tracker/scoreboards/board/boardtest"
	"github.com/owlcms/tracker/scoreboards/meet"
)

// TestLiftersOfTheInventedMeet: with no live session, every athlete of the database is a
// lifter, with the database's session, team membership and best lifts.
func TestLiftersOfTheInventedMeet(t *testing.T) {
	db := boardtest.Database(t, "testdata/teams.json")
	var got []string
	for _, l := range meet.Lifters(db, nil) {
		got = append(got, fmt.Sprintf("%s %s %s %d/%d", l.Session, l.Name, l.Team, meet.Best(l.Snatch), meet.Best(l.CleanJerk)))
	}
	want := []string{
		"M1 ARNOTT, Bram Alder Bay WC 125/155",
		"M2 ASHDOWN, Cole Alder Bay WC 118/156",
		"M1 AVERY, Dale Alder Bay WC 104/125",
		"M1 BROOK, Evan Birchwood Barbell 129/148",
		"M2 BIRTLES, Finn Birchwood Barbell 124/155",
		"M2 CARVER, Gus Cedar Point 121/160",
		"W1 ABBOT, Iris Alder Bay WC 0/0", // the women's session has not started
		"W1 BELL, Jo Birchwood Barbell 0/0",
		"W1 BLAKE, Kit Birchwood Barbell 0/0",
		"W1 CRANE, Lu Cedar Point 0/0",
	}
	if diff := gocmp.Diff(want, got); diff != "" {
		t.Errorf("lifters (-want +got):\n%s", diff)
	}
}
