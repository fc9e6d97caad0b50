package demo

import (
	"testing"
	"time"
)

// testAthlete builds a hand-made athlete with the given start number; opening declarations
// are set on snatch 1 and clean & jerk 1 when non-zero.
func testAthlete(start, snatchOpen, cjOpen int) *Athlete {
	a := &Athlete{
		Key: int32(1000 + start), LastName: "Tester", FirstName: "Number", Gender: Male,
		BodyWeight: 80, Team: "Test Club", StartNumber: start, LotNumber: start,
		Session: &Session{Name: "T1"},
	}
	a.Attempts[0].Declaration = snatchOpen
	a.Attempts[3].Declaration = cjOpen
	return a
}

// lift records a decision at a fixed time and fails the test on error.
func lift(t *testing.T, a *Athlete, good bool, at time.Time) {
	t.Helper()
	if err := a.RecordLift(good, at); err != nil {
		t.Fatal(err)
	}
}

// at returns a time on a fixed test day, minutes after 10:00.
func at(minutes int) time.Time {
	return time.Date(2026, 1, 10, 10, 0, 0, 0, time.UTC).Add(time.Duration(minutes) * time.Minute)
}

func keysOf(order []*Athlete) []int32 {
	out := make([]int32, len(order))
	for i, a := range order {
		out[i] = a.Key
	}
	return out
}
