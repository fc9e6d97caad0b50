package teamrankings

import (
	"net/url"
	"strings"
	"testing"

	"github.com/owlcms/tracker/hub"
	"github.com/owlcms/tracker/scoreboards/board"
	"github.com/owlcms/tracker/scoreboards/board/boardtest"
	"github.com/owlcms/tracker/scoreboards/meet"
)

// request is the board on the invented meet of testdata/rankings.json (an Open and a Masters
// championship, three clubs, two masters also in the Open), with the live platform if any.
func request(t *testing.T, q url.Values, fops ...*hub.FOP) board.Request {
	t.Helper()
	s := boardtest.Snapshot(nil, fops...)
	s.Database = boardtest.Database(t, "testdata/rankings.json")
	return board.NewRequest(s, "A", "en", board.DefaultOptions, Board.BoardQuery(q))
}

// rows writes a table as "rank team members snatch/cj/total score" lines.
func rows(t Table) string {
	var out []string
	for _, r := range t.Rows {
		line := r.Rank + " " + r.Team + " " + r.Members
		if t.Lifts {
			line += " " + r.Snatch + "/" + r.CleanJerk + "/" + r.Total
		}
		out = append(out, line+" "+r.Score)
	}
	return strings.Join(out, "; ")
}

// Team points by hand: 28, 26, 25 for the first three places (the competition sets none),
// for the snatch, the clean & jerk and the total (medals for each lift), two scores per
// gender counting (the team sizes).
func TestTeamPoints(t *testing.T) {
	v := Data(request(t, nil))
	want := []struct{ title, rows string }{
		// Open men: Brandt (Granite, 81 kg: snatch 1st, C&J 2nd, total 2nd) 28+26+26 = 80 and
		// Dahl (Granite, 3rd everywhere in the Open) 75 make 155; Crane (Heron, alone in 96 kg)
		// 84; Aalto (Fjord: 2nd, 1st, 1st) 82.
		{"Open – Men", "1 Granite Club 2/2 53/51/51 155; 2 Heron WC 1/1 28/28/28 84; 3 Fjord Lifters 1/1 26/28/28 82"},
		// Open women: Falk 78 + Gran (a master, 3rd in the Open) 75 for Heron; Eklund 84.
		{"Open – Women", "1 Heron WC 2/2 51/51/51 153; 2 Fjord Lifters 1/1 28/28/28 84"},
		// Mixed teams: two men and two women count: Heron 84 + 153, Fjord 82 + 84, Granite 155.
		{"Open – Mixed", "1 Heron WC 3/3 79/79/79 237; 2 Fjord Lifters 2/2 54/56/56 166; 3 Granite Club 2/2 53/51/51 155"},
		// Masters: Dahl and Gran each win their category: 84 each; the tie goes by name.
		{"Masters – Men", "1 Granite Club 1/1 28/28/28 84"},
		{"Masters – Women", "1 Heron WC 1/1 28/28/28 84"},
		// No masters team has both a man and a woman: no mixed table for the masters.
	}
	if len(v.Tables) != len(want) {
		t.Fatalf("%d tables: %+v", len(v.Tables), v.Tables)
	}
	for i, w := range want {
		if got := v.Tables[i]; got.Title != w.title || rows(got) != w.rows {
			t.Errorf("table %d: %q %s\nwant %q %s", i, got.Title, rows(got), w.title, w.rows)
		}
	}
	if v.Labels.Score != "Points" || v.Tables[0].ID == v.Tables[1].ID {
		t.Errorf("labels %+v, ids %q %q", v.Labels, v.Tables[0].ID, v.Tables[1].ID)
	}
}

// Sinclair 2024 by hand (A 0.722762521, B 193.609): Brandt 276 kg at 79 kg × 1.286877 =
// 355.18, Dahl 250 at 80.5 × 1.273469 = 318.37, together 673.55 for Granite; Aalto 280 at
// 80 = 357.80; Crane 290 at 95 = 340.02.
func TestSinclairOpenMen(t *testing.T) {
	v := Data(request(t, url.Values{"scoringSystem": {"Sinclair"}, "gender": {"M"}, "championship": {"open"}}))
	if len(v.Tables) != 1 {
		t.Fatalf("tables: %+v", v.Tables)
	}
	if got, want := rows(v.Tables[0]), "1 Granite Club 2/2 673.55; 2 Fjord Lifters 1/1 357.80; 3 Heron WC 1/1 340.02"; got != want {
		t.Errorf("got %s\nwant %s", got, want)
	}
	if v.Tables[0].Lifts || v.Labels.Score != "Sinclair" {
		t.Errorf("a score, not points: %+v", v.Labels)
	}
}

// Live: Falk (Heron) snatches 93 on the platform and takes the snatch and the total from
// Eklund: her points go from 26+26+26 to 28+26+28, Heron's from 153 to 157.
func TestLiveLift(t *testing.T) {
	f := boardtest.Lifting("A")
	falk := boardtest.Athlete("302", "2", "FALK, Maja", "Heron WC", "SR 64", boardtest.Lifts("80", "85", "93"), boardtest.Lifts("104", "108", "-111"))
	falk.SnatchRank, falk.CleanJerkRank, falk.TotalRank = "1", "2", "1"
	f.Athletes = []*hub.Athlete{falk}
	f.LiftingOrder = nil
	v := Data(request(t, url.Values{"gender": {"F"}, "championship": {"Open"}}, f))
	if got, want := rows(v.Tables[0]), "1 Heron WC 2/2 53/51/53 157; 2 Fjord Lifters 1/1 28/28/28 84"; got != want {
		t.Errorf("got %s\nwant %s", got, want)
	}
}

func TestOptions(t *testing.T) {
	tests := []struct {
		name   string
		q      url.Values
		check  func(View) bool
		expect string
	}{
		{"top N", url.Values{"teamLimit": {"2"}, "gender": {"MF"}, "championship": {"Open"}},
			func(v View) bool { return len(v.Tables) == 1 && len(v.Tables[0].Rows) == 2 }, "two mixed teams"},
		{"pages", url.Values{"pageSize": {"2"}, "gender": {"MF"}, "championship": {"Open"}},
			func(v View) bool { return v.Tables[0].Pages == 2 && v.Tables[0].Filler == 1 && v.Paging.PageSize == 2 }, "3 teams on 2 pages, one filler row"},
		{"one page: no filler", url.Values{"pageSize": {"5"}},
			func(v View) bool { return v.Tables[0].Pages == 1 && v.Tables[0].Filler == 0 }, "one page"},
		{"paging options held to their range", url.Values{"pageSize": {"0"}, "pagePauseMs": {"5"}, "sweepDurationMs": {"x"}},
			func(v View) bool { return v.Paging == Paging{PageSize: 1, PauseMS: 1000, SweepMS: 1200} }, "1, 1000, default"},
		{"only the total", url.Values{"onlyTotalPoints": {"true"}},
			func(v View) bool { return !v.Tables[0].Lifts && v.Tables[0].Rows[0].Score == "155" }, "no lift columns"},
		{"mixed teams: one man and one woman count", url.Values{"gender": {"MF"}, "championship": {"Open"}, "topMFm": {"1"}, "topMFf": {"1"}},
			func(v View) bool {
				return rows(v.Tables[0]) == "1 Fjord Lifters 2/2 54/56/56 166; 2 Heron WC 2/3 54/54/54 162; 3 Granite Club 1/2 28/26/26 80"
			},
			"Fjord 82 + 84, Heron 84 + Falk's 78 (not Gran's 75), Granite Brandt's 80"},
		{"mixed teams asked for: shown even when none mixes", url.Values{"gender": {"MF"}, "championship": {"Masters"}},
			func(v View) bool {
				return len(v.Tables) == 1 && rows(v.Tables[0]) == "1 Granite Club 1/1 28/28/28 84; 2 Heron WC 1/1 28/28/28 84"
			}, "Masters – Mixed: Granite, Heron (a tie at 84, by name)"},
		{"a championship that is not there", url.Values{"championship": {"Juniors"}},
			func(v View) bool { return len(v.Tables) == 0 && v.Empty != "" }, "waiting"},
		{"SMHF with the 2028 Sinclair", url.Values{"scoringSystem": {"SMHF"}, "smhfOverrideSinclairYear": {"2028"}, "championship": {"Masters"}, "gender": {"M"}},
			func(v View) bool { return v.Labels.Score == "SM(H)F" && v.Tables[0].Rows[0].Score != "-" }, "a masters score"},
	}
	for _, tt := range tests {
		if v := Data(request(t, tt.q)); !tt.check(v) {
			t.Errorf("%s: want %s, got %+v", tt.name, tt.expect, v.Tables)
		}
	}
}

func TestChampionshipsWithoutDatabase(t *testing.T) {
	ls := []*meet.Lifter{{Key: "a", Team: "X", Gender: "M"}}
	cs := championships(nil, ls)
	if len(cs) != 1 || cs[0].Name != "" || len(cs[0].Lifters) != 1 {
		t.Errorf("%+v", cs)
	}
	f := boardtest.Lifting("A")
	for _, a := range f.Athletes {
		a.Gender = "F"
	}
	v := Data(board.NewRequest(boardtest.Snapshot(nil, f), "A", "en", board.DefaultOptions, nil))
	if len(v.Tables) != 1 || v.Tables[0].Title != "Women" {
		t.Errorf("one championship: titles without its name: %+v", v.Tables)
	}
}

// TestGolden renders the page and fragments of a two-page mixed table (rows, filler row, the
// paging's settings) and before OWLCMS sent anything (go test ./scoreboards/... -update
// rewrites them).
func TestGolden(t *testing.T) {
	s := boardtest.Snapshot(nil)
	s.Database = boardtest.Database(t, "testdata/rankings.json")
	boardtest.Goldens(t, Board,
		boardtest.Case{Snap: s, FOP: "A", Query: "pageSize=2&pagePauseMs=4000&sweepDurationMs=800&gender=MF&championship=Open"},
		boardtest.Case{Name: "waiting", Snap: boardtest.Snapshot(nil), FOP: "A"},
	)
}
