package meet

import (
	"fmt"
	"testing"
)

func TestPlaces(t *testing.T) {
	for _, tt := range []struct {
		scores []int
		want   string
	}{
		{nil, "[]"},
		{[]int{10, 10, 5}, "[1 1 3]"},
		{[]int{9, 7, 7, 7, 1}, "[1 2 2 2 5]"},
		{[]int{0, 0, 0, 0, 0, 0, 0}, "[1 1 1 1 1 1 1]"},
	} {
		got := Places(len(tt.scores), func(i int) bool { return tt.scores[i] == tt.scores[i-1] })
		if fmt.Sprint(got) != tt.want {
			t.Errorf("%v: places %v, want %s", tt.scores, got, tt.want)
		}
	}
}
