package hub

import "testing"

func TestFormatMessage(t *testing.T) {
	tests := []struct {
		pattern string
		args    []any
		want    string
	}{
		{"Session {0}", []any{"A1"}, "Session A1"},
		{"Session {0} – {1}", []any{"A1", "Snatch"}, "Session A1 – Snatch"},
		{"{0}<sup>{0,choice,1#st|2#nd|3#rd}</sup> att.", []any{2}, "2<sup>nd</sup> att."},
		{"{0}<sup>{0,choice,1#st|2#nd|3#rd}</sup> att.", []any{3}, "3<sup>rd</sup> att."},
		{"{0,choice,0#None.|1#1 done.|1<{0} done.}", []any{0}, "None."},
		{"{0,choice,0#None.|1#1 done.|1<{0} done.}", []any{1}, "1 done."},
		{"{0,choice,0#None.|1#1 done.|1<{0} done.}", []any{12}, "12 done."},
		{"no arguments {1}", []any{"x"}, "no arguments {1}"},
		{"unclosed {0", []any{"x"}, "unclosed {0"},
	}
	for _, tt := range tests {
		if got := FormatMessage(tt.pattern, tt.args...); got != tt.want {
			t.Errorf("FormatMessage(%q, %v) = %q, want %q", tt.pattern, tt.args, got, tt.want)
		}
	}
}
