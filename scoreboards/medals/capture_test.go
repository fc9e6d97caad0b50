package medals

import (
	"cmp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/owlcms/tracker/hub"
	"github.com/owlcms/tracker/scoreboards/board"
	"github.com/owlcms/tracker/scoreboards/board/boardtest"
)

// TestCapturedMeetCeremony holds a medal ceremony on the real captured meet (the captures hold
// none: the ceremony update is the captured one with OWLCMS's ceremony fields) for each
// category whose sessions are all done, and checks the podium against the database: the
// athletes ranked 1, 2, 3 by total in the category, with their totals. The meet awards no
// medals per lift, so only the total has medals. Skipped without the captures.
func TestCapturedMeetCeremony(t *testing.T) {
	h := boardtest.Captures(t)
	db := h.Snapshot().Database
	if db.Competition.SnatchCJTotalMedals {
		t.Fatal("the captured meet now awards lift medals: the test's expectations assume it does not")
	}
	checked := 0
	for _, c := range db.Categories {
		want := capturedPodium(db, c.Code)
		if len(want) == 0 {
			continue
		}
		boardtest.CapturedUpdate(t, h, map[string]any{"uiEvent": "CeremonyStarted", "fopState": "BREAK", "mode": "CEREMONY", "break": "true",
			"breakType": "CEREMONY", "ceremonyType": "MEDALS", "ceremonyEventType": "ceremonyStarted",
			"ceremonyCategory": c.Name, "ceremonyAgeGroup": c.AgeGroupCode, "ceremonyChampionship": c.AgeGroupName})
		v := Data(board.NewRequest(h.Snapshot(), "A", "en", board.DefaultOptions, nil))
		var got []string
		for _, tb := range v.Tables {
			if tb.Title != c.Name {
				t.Errorf("%s: ceremony shows %s", c.Code, tb.Title)
			}
			for _, r := range tb.Rows {
				if r.SnatchMedal+r.CleanJerkMedal != 0 {
					t.Errorf("%s: a lift medal in a meet that awards none: %+v", c.Code, r)
				}
				got = append(got, r.Name+" "+r.Total)
			}
		}
		if !slices.Equal(got, want) {
			t.Errorf("%s: podium %q, want %q", c.Code, got, want)
		}
		checked++
	}
	if checked == 0 {
		t.Fatal("no category of the captured meet is decided")
	}
	t.Logf("%d podiums checked", checked)
	// After the ceremony, the board shows the live session again.
	boardtest.CapturedUpdate(t, h, map[string]any{"uiEvent": "CeremonyDone", "ceremonyType": "MEDALS", "ceremonyEventType": "ceremonyDone"})
	v := Data(board.NewRequest(h.Snapshot(), "A", "en", board.DefaultOptions, nil))
	for _, tb := range v.Tables {
		if tb.Note == "" {
			t.Errorf("after the ceremony, %s is neither decided nor provisional", tb.Title)
		}
	}
}

// capturedPodium is, straight from the database, the category's medalists by total ("NAME,
// First total"), when every session of the category is done; nil otherwise.
func capturedPodium(db *hub.Database, code string) []string {
	done := map[string]bool{}
	for _, s := range db.Sessions {
		done[s.Name] = s.Done
	}
	type medalist struct {
		rank  int
		entry string
	}
	var ms []medalist
	for _, a := range db.Athletes {
		for _, p := range a.Participations {
			if p.CategoryCode != code {
				continue
			}
			if !done[a.SessionName] {
				return nil
			}
			total := best(a.Snatch) + best(a.CleanJerk)
			if best(a.Snatch) == 0 || best(a.CleanJerk) == 0 || p.TotalRank < 1 || p.TotalRank > 3 {
				continue
			}
			ms = append(ms, medalist{p.TotalRank, strings.ToUpper(a.LastName) + ", " + a.FirstName + " " + strconv.Itoa(total)})
		}
	}
	slices.SortStableFunc(ms, func(a, b medalist) int { return cmp.Compare(a.rank, b.rank) })
	var out []string
	for _, m := range ms {
		out = append(out, m.entry)
	}
	return out
}

func best(ls [3]hub.Lift) int {
	b := 0
	for _, l := range ls {
		b = max(b, l.ActualLift)
	}
	return b
}
