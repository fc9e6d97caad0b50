package meet

import "testing"

func TestBodyWeight(t *testing.T) {
	for in, want := range map[float64]string{0: "", -1: "", 81.5: "81.50", 57.123: "57.12", 109: "109.00", 64.005: "64.00"} {
		if got := BodyWeight(in); got != want {
			t.Errorf("BodyWeight(%v) = %q, want %q", in, got, want)
		}
	}
}
