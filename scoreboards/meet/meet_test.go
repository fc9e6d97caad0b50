package meet

import (
	"testing"

	gocmp "github.com/google/go-cmp/cmp"

	"github.com/owlcms/tracker/hub"
)

func TestCompareSessions(t *testing.T) {
	for _, tt := range []struct {
		a, b string
		want int
	}{{"M2", "M10", -1}, {"M10", "M2", 1}, {"A", "B", -1}, {"W1", "W1", 0}, {"P1.2", "P1.10", -1}, {"", "A", -1}} {
		if got := CompareSessions(tt.a, tt.b); got != tt.want {
			t.Errorf("CompareSessions(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
	}
}

func lifts(ws ...int) [3]Attempt {
	var out [3]Attempt
	for i, w := range ws {
		switch {
		case w > 0:
			out[i] = Attempt{Weight: w, Status: hub.AttemptGood}
		case w < 0:
			out[i] = Attempt{Weight: -w, Status: hub.AttemptBad}
		}
	}
	return out
}

func TestTotals(t *testing.T) {
	req := func(as [3]Attempt, i, w int) [3]Attempt {
		as[i] = Attempt{Weight: w, Status: hub.AttemptRequest}
		return as
	}
	tests := []struct {
		name             string
		sn, cj           [3]Attempt
		total, predicted int
		finished         bool
	}{
		{"nothing yet: the declarations", req(lifts(), 0, 80), req(lifts(), 0, 100), 0, 180, false},
		{"mid-snatch: the next snatch and the first C&J", req(lifts(80), 1, 84), req(lifts(), 0, 100), 0, 184, false},
		{"mid-C&J: the best snatch and the next C&J", lifts(80, -84, 84), req(lifts(100), 1, 105), 184, 189, false},
		{"a failed next snatch keeps the best", req(lifts(80, -84), 2, 84), req(lifts(), 0, 100), 0, 184, false},
		{"done", lifts(80, 84, -86), lifts(100, -105, 105), 189, 189, true},
		{"bombed out", lifts(-80, -80, -80), lifts(100, 105, -110), 0, 0, true},
	}
	for _, tt := range tests {
		l := &Lifter{Snatch: tt.sn, CleanJerk: tt.cj}
		if l.Total() != tt.total || l.Predicted() != tt.predicted || l.Finished() != tt.finished {
			t.Errorf("%s: total %d predicted %d finished %v, want %d %d %v", tt.name, l.Total(), l.Predicted(), l.Finished(), tt.total, tt.predicted, tt.finished)
		}
	}
}

// TestLiftersLiveWins: an athlete of the live session shows the live attempts, not the
// database's, and the live session's place in the lifting order.
func TestLiftersLiveWins(t *testing.T) {
	db := &hub.Database{Athletes: []hub.DBAthlete{
		{Key: "1", LastName: "Vale", FirstName: "Ana", Gender: "F", TeamName: "Pine Club", BodyWeight: 60,
			Snatch: [3]hub.Lift{{Declaration: 70}}},
		{Key: "2", LastName: "Wren", FirstName: "Bo", Gender: "F", TeamName: "Oak Club", SessionName: "W0",
			Snatch: [3]hub.Lift{{ActualLift: 71}, {ActualLift: -74}, {ActualLift: 74}}},
	}}
	f := &hub.FOP{SessionName: "W1", CurrentKey: "1", Athletes: []*hub.Athlete{{Key: "1", FullName: "VALE, Ana", TeamName: "Pine Club",
		Gender: "F", Snatch: [3]hub.Attempt{{Value: "70", Status: hub.AttemptGood}, {Value: "73", Status: hub.AttemptCurrent}}}}}
	f.LiftingOrder = []hub.OrderEntry{{Spacer: true}, {Key: "1", Athlete: f.Athletes[0]}}
	ls := Lifters(db, f)
	if len(ls) != 2 {
		t.Fatalf("%d lifters", len(ls))
	}
	type seen struct {
		Name, Session     string
		Best, Next, Order int
		Current           bool
		BodyWeight        float64
	}
	var got []seen
	for _, l := range ls {
		got = append(got, seen{l.Name, l.Session, Best(l.Snatch), Next(l.Snatch), l.Order, l.Current, l.BodyWeight})
	}
	want := []seen{
		// Live: her attempts and place in the lifting order; the database's body weight.
		{Name: "VALE, Ana", Session: "W1", Best: 70, Next: 73, Order: 1, Current: true, BodyWeight: 60},
		// From the database only: the name as OWLCMS writes it, not in the lifting order.
		{Name: "WREN, Bo", Session: "W0", Best: 74},
	}
	if diff := gocmp.Diff(want, got); diff != "" {
		t.Errorf("lifters (-want +got):\n%s", diff)
	}
}
