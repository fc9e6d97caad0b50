package topteams

import (
	"strings"
	"testing"

	"github.com/owlcms/tracker/scoreboards/board"
	"github.com/owlcms/tracker/scoreboards/board/boardtest"
)

func TestTopTeams(t *testing.T) {
	s := boardtest.Snapshot(nil)
	s.Database = boardtest.Database(t, "../meet/testdata/teams.json")
	v := Data(board.NewRequest(s, "A", "en", board.DefaultOptions, nil))
	if len(v.Tables) != 2 {
		t.Fatalf("tables: %+v", v.Tables)
	}
	got := func(tb Table) string {
		var out []string
		for _, r := range tb.Rows {
			out = append(out, r.Rank+" "+r.Team+" "+r.Points+" "+r.Members+"/"+r.Scored)
		}
		return strings.Join(out, "; ")
	}
	// Men's sessions are done: 30/26/25 points per place (snatch, C&J and total), best two
	// per team; Cedar Point has no team member among the men.
	if g, want := got(v.Tables[0]), "1 Birchwood Barbell 168 2/2; 2 Alder Bay WC 161 3/3"; g != want {
		t.Errorf("men: %s, want %s", g, want)
	}
	// The women's session is not done: no points yet, every team listed, all tied first (equal
	// points share a place).
	if g, want := got(v.Tables[1]), "1 Alder Bay WC 0 1/0; 1 Birchwood Barbell 0 2/0; 1 Cedar Point 0 1/0"; g != want {
		t.Errorf("women: %s, want %s", g, want)
	}
	if v.Tables[0].Title != "Top Teams - Men" || v.Labels.Members == "" {
		t.Errorf("labels: %q %+v", v.Tables[0].Title, v.Labels)
	}
}
