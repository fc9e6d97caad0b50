package demo

import (
	"slices"
	"testing"
	"time"
)

func TestJavaStringHash(t *testing.T) {
	tests := []struct {
		s    string
		want int32
	}{
		{"", 0},
		{"a", 97},
		{"hello", 99162322},
		{"Aa", 2112},
		{"BB", 2112},
		{"polygenelubricants", -2147483648}, // overflows exactly to Integer.MIN_VALUE
		{"é", 233},                          // one UTF-16 unit
		{"😀", 1772899},                      // a surrogate pair: 0xD83D*31 + 0xDE00
	}
	for _, tt := range tests {
		if got := javaStringHash(tt.s); got != tt.want {
			t.Errorf("javaStringHash(%q) = %d, want %d", tt.s, got, tt.want)
		}
	}
}

func TestJavaDateFormats(t *testing.T) {
	tests := []struct {
		t         time.Time
		array     any
		iso       any
		localTime string
	}{
		{time.Date(2026, 5, 16, 11, 0, 0, 0, time.UTC), []int{2026, 5, 16, 11, 0}, "2026-05-16T11:00:00", "11:00"},
		{time.Date(2026, 5, 16, 11, 0, 7, 0, time.UTC), []int{2026, 5, 16, 11, 0, 7}, "2026-05-16T11:00:07", "11:00:07"},
		{time.Date(2026, 5, 16, 10, 4, 17, 410_000_000, time.UTC), []int{2026, 5, 16, 10, 4, 17, 410_000_000}, "2026-05-16T10:04:17.41", "10:04:17.410"},
		{time.Date(2026, 5, 16, 10, 4, 17, 410_500_000, time.UTC), []int{2026, 5, 16, 10, 4, 17, 410_500_000}, "2026-05-16T10:04:17.4105", "10:04:17.410500"},
		{time.Time{}, nil, nil, ""},
	}
	for _, tt := range tests {
		arr := localDateTimeArray(tt.t)
		if a, ok := arr.([]int); (ok != (tt.array != nil)) || (ok && !slices.Equal(a, tt.array.([]int))) {
			t.Errorf("array of %v = %v, want %v", tt.t, arr, tt.array)
		}
		if got := isoLocalDateTime(tt.t); got != tt.iso {
			t.Errorf("iso of %v = %v, want %v", tt.t, got, tt.iso)
		}
		if !tt.t.IsZero() && javaLocalTime(tt.t) != tt.localTime {
			t.Errorf("local time of %v = %q, want %q", tt.t, javaLocalTime(tt.t), tt.localTime)
		}
	}
}

func TestObjectKeepsInsertionOrder(t *testing.T) {
	o := newObject().set("b", 1).set("a", "<sup>").setNonNil("skipped", nil).set("b", 2)
	got := string(marshal(o))
	if want := `{"b":2,"a":"<sup>"}`; got != want {
		t.Errorf("got %s, want %s", got, want)
	}
}
