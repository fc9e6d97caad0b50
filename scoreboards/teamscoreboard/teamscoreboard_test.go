package teamscoreboard

import (
	"fmt"
	"net/url"
	"strings"
	"testing"

	"github.com/owlcms/tracker/hub"
	"github.com/owlcms/tracker/hub/scoring"
	"github.com/owlcms/tracker/scoreboards/board"
	"github.com/owlcms/tracker/scoreboards/board/boardtest"
)

// database is the invented meet of scoreboards/meet/testdata/teams.json: three clubs, six men
// done, four women not started; the meet awards medals per lift, 30 points for a win, and
// counts two athletes per gender.
func database(t *testing.T) *hub.Database {
	return boardtest.Database(t, "../meet/testdata/teams.json")
}

// women is platform A lifting the women's session: Abbot has made 85 and asks 88 next.
func women() *hub.FOP {
	f := &hub.FOP{Name: "A", SessionName: "W1", CurrentKey: "111", State: "CURRENT_ATHLETE_DISPLAYED", Mode: "CURRENT_ATHLETE"}
	abbot := boardtest.Athlete("111", "1", "ABBOT, Iris", "Alder Bay WC", "SR 64", boardtest.Lifts("85", "!88"), boardtest.Lifts("?105"))
	abbot.Gender, abbot.BodyWeight, abbot.ClassName = "F", 63.1, "current blink"
	bell := boardtest.Athlete("211", "2", "BELL, Jo", "Birchwood Barbell", "SR 64", boardtest.Lifts("?80"), boardtest.Lifts("?100"))
	bell.Gender, bell.BodyWeight = "F", 61.8
	f.Athletes = []*hub.Athlete{abbot, bell}
	f.LiftingOrder = boardtest.Order(f, "111", "211")
	return f
}

func view(t *testing.T, db *hub.Database, f *hub.FOP, query string) View {
	t.Helper()
	s := boardtest.Snapshot(nil)
	s.Database = db
	if f != nil {
		s.FOPs[f.Name] = f
	}
	q, err := url.ParseQuery(query)
	if err != nil {
		t.Fatal(err)
	}
	return Data(board.NewRequest(s, "A", "en", board.DefaultOptions, Board.BoardQuery(q)))
}

// summary is "team score [members, * for a counted score]", one team per line.
func summary(v View) string {
	var b strings.Builder
	for _, t := range v.Teams {
		fmt.Fprintf(&b, "%s %s [", t.Name, t.Score)
		for i, m := range t.Members {
			if i > 0 {
				b.WriteString(" ")
			}
			b.WriteString(strings.Split(m.Name, ",")[0])
			if m.Top {
				b.WriteString("*")
			}
		}
		b.WriteString("]\n")
	}
	return b.String()
}

func TestTeams(t *testing.T) {
	db := database(t)
	s24 := func(total, bw float64) float64 { return scoring.Sinclair(2024, total, bw, "M") }
	tests := []struct {
		name  string
		fop   *hub.FOP
		query string
		want  string
	}{
		{
			// Two men count (the competition's team size); Avery's score does not.
			name: "Sinclair, men", query: "gender=M",
			want: fmt.Sprintf("Alder Bay WC %.2f [ARNOTT* AVERY ASHDOWN*]\nBirchwood Barbell %.2f [BROOK* BIRTLES*]\nCedar Point %.2f [CARVER*]\n",
				s24(280, 80.2)+s24(274, 94.0), s24(277, 80.9)+s24(279, 95.5), s24(281, 92.3)),
		},
		{
			// Masters ages at the competition's date (2026): Birtles 68, Brook 47, Ashdown 42.
			name: "masters Sinclair turns the order", query: "gender=M&scoringSystem=SMHF",
			want: fmt.Sprintf("Birchwood Barbell %.2f [BROOK* BIRTLES*]\nAlder Bay WC %.2f [ARNOTT* AVERY ASHDOWN*]\nCedar Point %.2f [CARVER*]\n",
				scoring.SMHF(277, 80.9, "M", 47, 2020, 2020)+scoring.SMHF(279, 95.5, "M", 68, 2020, 2020),
				scoring.SMHF(280, 80.2, "M", 30, 2020, 2020)+scoring.SMHF(274, 94.0, "M", 42, 2020, 2020),
				scoring.SMHF(281, 92.3, "M", 27, 2020, 2020)),
		},
		{
			// 30/26/25 points (the meet's first place, the defaults after), for the snatch, C&J
			// and total places; Carver is not a team member. Avery and Ashdown tie at 75: the
			// earlier session's counts.
			name: "team points", query: "gender=M&scoringSystem=TeamPoints",
			want: "Birchwood Barbell 168 [BROOK* BIRTLES*]\nAlder Bay WC 161 [ARNOTT* AVERY* ASHDOWN]\nCedar Point - [CARVER]\n",
		},
		{
			name: "every athlete counts", query: "gender=M&allAthletes=true",
			want: fmt.Sprintf("Alder Bay WC %.2f [ARNOTT AVERY ASHDOWN]\nBirchwood Barbell %.2f [BROOK BIRTLES]\nCedar Point %.2f [CARVER]\n",
				s24(280, 80.2)+s24(274, 94.0)+s24(229, 79.1), s24(277, 80.9)+s24(279, 95.5), s24(281, 92.3)),
		},
		{
			name: "top 1 from the URL", query: "gender=M&topM=1",
			want: fmt.Sprintf("Alder Bay WC %.2f [ARNOTT* AVERY ASHDOWN]\nBirchwood Barbell %.2f [BROOK* BIRTLES]\nCedar Point %.2f [CARVER*]\n",
				s24(280, 80.2), s24(277, 80.9), s24(281, 92.3)),
		},
		{
			// The current session is the women's: only Abbot has a total-less snatch, so nobody scores yet.
			name: "current gender follows the platform", fop: women(),
			want: "Alder Bay WC - [ABBOT]\nBirchwood Barbell - [BELL BLAKE]\nCedar Point - [CRANE]\n",
		},
		{
			// Updates before the database: the live session alone, no crash.
			name: "no database yet", fop: women(), query: "gender=MF",
			want: "Alder Bay WC - [ABBOT]\nBirchwood Barbell - [BELL]\n",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := db
			if tt.name == "no database yet" {
				d = nil
			}
			v := view(t, d, tt.fop, tt.query)
			if got := summary(v); got != tt.want {
				t.Errorf("teams:\n%s\nwant:\n%s", got, tt.want)
			}
		})
	}
}

// TestPredicted: with showPredicted, each score is also given as if the next attempt succeeds,
// live requests included (Abbot's 88 after her 85).
func TestPredicted(t *testing.T) {
	v := view(t, database(t), women(), "gender=F&showPredicted=true")
	byName := map[string]TeamView{}
	for _, tv := range v.Teams {
		byName[tv.Name] = tv
	}
	if !v.Predicted || len(byName) != 3 {
		t.Fatalf("%+v", v)
	}
	// Nobody has a total yet: the teams rank by their predicted scores.
	if v.Teams[0].Name != "Birchwood Barbell" {
		t.Errorf("first team %q, want Birchwood Barbell (two predicted scores)", v.Teams[0].Name)
	}
	abbot := byName["Alder Bay WC"].Members[0]
	if want := fmt.Sprintf("%.2f", scoring.Sinclair(2024, 88+105, 63.1, "F")); abbot.Predicted != want || abbot.Score != "-" {
		t.Errorf("Abbot predicted %q score %q, want %s and -", abbot.Predicted, abbot.Score, want)
	}
	if abbot.Order != "1" || !abbot.Current || abbot.Snatch[0].Text != "85" || abbot.Snatch[1].Text != "88" {
		t.Errorf("Abbot's live line: %+v", abbot)
	}
	// Birchwood: the predicted scores of Bell (live: 80 + 100) and Blake (declared: 78 + 98) count.
	bw := byName["Birchwood Barbell"]
	want := fmt.Sprintf("%.2f", scoring.Sinclair(2024, 180, 61.8, "F")+scoring.Sinclair(2024, 176, 63.9, "F"))
	if bw.Predicted != want || !bw.Members[0].TopPredicted || !bw.Members[1].TopPredicted {
		t.Errorf("Birchwood predicted %q, want %s: %+v", bw.Predicted, want, bw.Members)
	}
}

func TestNoTeams(t *testing.T) {
	v := view(t, nil, nil, "")
	if len(v.Teams) != 0 || v.Empty != "Waiting for next session." || v.Title != "Top Teams – Sinclair" {
		t.Errorf("empty board: teams %v, empty %q, title %q", v.Teams, v.Empty, v.Title)
	}
}

// TestPredictedOfFinished: with showPredicted, an athlete who is done has their final score in
// the next-attempt column, as the Node tracker shows it (the prediction of a finished athlete
// is the total they made), marked where it counts in the team's predicted score: never an
// empty coloured cell.
func TestPredictedOfFinished(t *testing.T) {
	v := view(t, database(t), women(), "gender=M&showPredicted=true")
	n := 0
	for _, tv := range v.Teams {
		for _, m := range tv.Members {
			n++
			if m.Predicted != m.Score || m.Predicted == "" {
				t.Errorf("%s (done): predicted %q, score %q", m.Name, m.Predicted, m.Score)
			}
			if m.TopPredicted != m.Top {
				t.Errorf("%s (done): counts %v, counts in the prediction %v", m.Name, m.Top, m.TopPredicted)
			}
		}
		if tv.Predicted != tv.Score {
			t.Errorf("%s: predicted %q, score %q, with every athlete done", tv.Name, tv.Predicted, tv.Score)
		}
	}
	if n != 6 {
		t.Fatalf("%d men, want the six who are done", n)
	}
}
