package rankings

import (
	"testing"

	"github.com/owlcms/tracker/hub"
	"github.com/owlcms/tracker/scoreboards/board"
	"github.com/owlcms/tracker/scoreboards/board/boardtest"
)

// session is two categories: SR 58 (a, b, d) then SR 63 (c), with snatch and total ranks.
func session(lift string) *hub.FOP {
	f := boardtest.Lifting("A")
	d := boardtest.Athlete("d", "4", "DEE, Di", "Club Two", "SR 58", boardtest.Lifts("-70", "-70", "-70"), boardtest.Lifts())
	f.Athletes = append(f.Athletes, d)
	f.StartOrder = boardtest.Order(f, "a", "b", "d", "|", "c")
	f.LiftType = lift
	ranks := map[string][2]string{"a": {"2", "1"}, "b": {"1", "2"}, "d": {"-", "-"}, "c": {"1", "-"}}
	for _, a := range f.Athletes {
		a.SnatchRank, a.TotalRank = ranks[a.Key][0], ranks[a.Key][1]
	}
	return f
}

func TestViewSortsByPhaseRank(t *testing.T) {
	tests := []struct {
		lift      string
		wantOrder string // start numbers; a spacer "|" between categories only
		wantRanks string
		wantSub   string
	}{
		{"Snatch", "214|3", "12-1", "Snatch"},
		{"Clean_and_Jerk", "124|3", "12--", "Total"},
	}
	for _, tt := range tests {
		v := Declaration.View(board.NewRequest(boardtest.Snapshot(nil, session(tt.lift)), "A", "en", board.DefaultOptions, nil))
		var order, ranks string
		for _, r := range v.Grid.Rows {
			if r.Spacer {
				order += "|"
				continue
			}
			order += r.Start
			ranks += r.Rank
		}
		if order != tt.wantOrder {
			t.Errorf("%s: order %q, want %q", tt.lift, order, tt.wantOrder)
		}
		if ranks != tt.wantRanks {
			t.Errorf("%s: ranks shown %q, want %q (the rank sorted by)", tt.lift, ranks, tt.wantRanks)
		}
		if v.Grid.RankSub != tt.wantSub {
			t.Errorf("%s: rank header says %q, want %q", tt.lift, v.Grid.RankSub, tt.wantSub)
		}
	}
}

// TestLeadersRankTheSameWay: the leaders under the grid show, in the last column, the rank
// its header names, as the grid's rows do: during the snatch, the snatch rank (they showed
// the total rank, "-" for everyone, under a header saying "Rank Snatch").
func TestLeadersRankTheSameWay(t *testing.T) {
	f := boardtest.WithLeadersAndRecords(session("Snatch"))
	for _, e := range f.Leaders {
		if e.Athlete != nil {
			e.Athlete.SnatchRank, e.Athlete.TotalRank = "3", ""
		}
	}
	v := Declaration.View(board.NewRequest(boardtest.Snapshot(nil, f), "A", "en", board.DefaultOptions, nil))
	if v.Leaders == nil {
		t.Fatal("no leaders")
	}
	for _, r := range v.Leaders.Rows {
		if !r.Spacer && r.Rank != "3" {
			t.Errorf("%s: rank %q under the snatch rank's header, want its snatch rank 3", r.Name, r.Rank)
		}
	}
}
