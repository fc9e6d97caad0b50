package web

import "testing"

func TestModeLabel(t *testing.T) {
	tests := []struct {
		f    FOPStatus
		want string
	}{
		{FOPStatus{}, "waiting for OWLCMS"},
		{FOPStatus{Mode: "WAIT"}, "no session started"},
		{FOPStatus{Mode: "CURRENT_ATHLETE"}, "lifting"},
		{FOPStatus{Mode: "LIFT_COUNTDOWN"}, "countdown"},
		{FOPStatus{Mode: "INTERRUPTION"}, "interrupted"},
		{FOPStatus{Mode: "CURRENT_ATHLETE", SessionDone: true}, "session done"},
		{FOPStatus{Mode: "NEW_THING"}, "new thing"},
	}
	for _, tt := range tests {
		if got := modeLabel(tt.f); got != tt.want {
			t.Errorf("modeLabel(%+v) = %q, want %q", tt.f, got, tt.want)
		}
	}
}

func TestPlural(t *testing.T) {
	if plural(1, "platform") != "1 platform" || plural(0, "session") != "0 sessions" || plural(39, "athlete") != "39 athletes" {
		t.Error(plural(1, "platform"), plural(0, "session"))
	}
}
