package startlist

import (
	"strconv"
	"testing"

	"github.com/owlcms/tracker/hub"
	"github.com/owlcms/tracker/scoreboards/board"
	"github.com/owlcms/tracker/scoreboards/board/boardtest"
)

// TestCapturedMeetIntroduction introduces the athletes of the real captured session (the
// captured update again, with OWLCMS's introduction fields): every athlete of the session has
// a line, in start order, with the entry total the database gives. Skipped without the
// captures.
func TestCapturedMeetIntroduction(t *testing.T) {
	h := boardtest.Captures(t)
	boardtest.CapturedUpdate(t, h, map[string]any{"uiEvent": "CeremonyStarted", "fopState": "BREAK", "mode": "CEREMONY", "break": "true",
		"breakType": "FIRST_SNATCH", "ceremonyType": "INTRODUCTION", "ceremonyEventType": "ceremonyStarted"})
	s := h.Snapshot()
	f := s.FOP("A")
	if f.BoardMode() != hub.ModeCeremony {
		t.Fatalf("mode %s during the introduction", f.BoardMode())
	}
	v := Data(board.NewRequest(s, "A", "en", board.DefaultOptions, nil))
	var athletes []Row
	for _, r := range v.Rows {
		if !r.Band {
			athletes = append(athletes, r)
		}
	}
	if len(athletes) != len(f.Athletes) || len(athletes) == 0 {
		t.Fatalf("%d lines for %d athletes", len(athletes), len(f.Athletes))
	}
	prev := 0
	for _, r := range athletes {
		n, _ := strconv.Atoi(r.Start)
		if n <= prev {
			t.Errorf("start %s after %d", r.Start, prev)
		}
		prev = n
	}
	for _, a := range f.Athletes {
		db, ok := s.Database.Athlete(a.Key)
		if !ok {
			t.Errorf("athlete %s not in the database", a.Key)
			continue
		}
		want := "-"
		if db.EntryTotal > 0 {
			want = strconv.Itoa(db.EntryTotal)
		}
		found := false
		for _, r := range athletes {
			if r.Start == a.StartNumber {
				found = true
				if r.Entry != want || r.Name != a.FullName {
					t.Errorf("start %s: %q entry %s, want %q %s", r.Start, r.Name, r.Entry, a.FullName, want)
				}
			}
		}
		if !found {
			t.Errorf("start %s has no line", a.StartNumber)
		}
	}
}
