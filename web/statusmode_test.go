package web_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/owlcms/tracker/hub"
	"github.com/owlcms/tracker/hub/owlcms"
	"github.com/owlcms/tracker/scoreboards/board"
)

// TestStatusShowsTheBoardMode: /api/status and /status report the mode the boards show
// (FOP.BoardMode), not the raw field OWLCMS sent: an update without a mode puts a lifter on
// the boards, and the status page says "lifting", not "waiting".
func TestStatusShowsTheBoardMode(t *testing.T) {
	s := newTestServer(t, owlcms.Options{})
	noMode := strings.Replace(lifterUpdate, `"mode":"CURRENT_ATHLETE",`, "", 1)
	if noMode == lifterUpdate {
		t.Fatal("fixture changed: no mode field to remove")
	}
	if _, err := s.hub.Apply(hub.MessageUpdate, []byte(noMode)); err != nil {
		t.Fatal(err)
	}
	want := board.ModeOf(s.hub.Snapshot().FOP("A"))
	if want != hub.ModeCurrentAthlete {
		t.Fatalf("board mode %s, want %s", want, hub.ModeCurrentAthlete)
	}
	_, body := get(t, s.srv.URL+"/api/status")
	var st struct {
		FOPs []struct{ Name, Mode string } `json:"fops"`
	}
	if err := json.Unmarshal(body, &st); err != nil {
		t.Fatalf("%v: %s", err, body)
	}
	if len(st.FOPs) != 1 || st.FOPs[0].Mode != string(want) {
		t.Errorf("/api/status platforms %+v, want A in mode %s", st.FOPs, want)
	}
	if _, page := get(t, s.srv.URL+"/status"); !strings.Contains(string(page), "lifting") {
		t.Errorf("/status does not say the platform is lifting:\n%s", page)
	}
}
