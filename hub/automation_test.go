package hub

import (
	"log/slog"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestPlatformState follows one platform through a session as OWLCMS's messages shape it, and
// checks the state an automation tool reads and the title OWLCMS's OBS monitor would show.
func TestPlatformState(t *testing.T) {
	h := New(Options{Logger: slog.New(slog.DiscardHandler)})
	steps := []struct {
		typ     MessageType
		payload string
		word    string // PlatformState.Word
		title   string // MonitorTitle after the previous step
	}{
		{MessageUpdate, `{"fop":"A","uiEvent":"SwitchGroup","fopState":"BREAK","break":"true","breakType":"BEFORE_INTRODUCTION","sessionName":"M1","liftTypeKey":"Snatch"}`,
			"BREAK.BEFORE_INTRODUCTION", "break=BREAK.BEFORE_INTRODUCTION;previous=INACTIVE;liftType=Snatch;fop=A"},
		{MessageUpdate, `{"fop":"A","sessionName":"M1","liftTypeKey":"Snatch","uiEvent":"CeremonyStarted","fopState":"BREAK","breakType":"FIRST_SNATCH","ceremonyType":"INTRODUCTION","ceremonyEventType":"ceremonyStarted"}`,
			"BREAK.INTRODUCTION", "break=BREAK.INTRODUCTION;previous=BREAK.BEFORE_INTRODUCTION;liftType=Snatch;fop=A"},
		{MessageUpdate, `{"fop":"A","sessionName":"M1","liftTypeKey":"Snatch","uiEvent":"CeremonyDone","fopState":"BREAK","breakType":"FIRST_SNATCH","ceremonyType":"INTRODUCTION","ceremonyEventType":"ceremonyDone"}`,
			"BREAK.FIRST_SNATCH", "break=BREAK.FIRST_SNATCH;previous=BREAK.INTRODUCTION;liftType=Snatch;fop=A"},
		{MessageUpdate, `{"fop":"A","sessionName":"M1","liftTypeKey":"Snatch","uiEvent":"LiftingOrderUpdated","fopState":"CURRENT_ATHLETE_DISPLAYED","break":"false","breakType":"","ceremonyType":"","fullName":"DOE, Jane","currentAthleteKey":"1","recordKind":"attempt"}`,
			"CURRENT_ATHLETE_DISPLAYED.RECORD_ATTEMPT", "state=CURRENT_ATHLETE_DISPLAYED.RECORD_ATTEMPT;previous=BREAK.FIRST_SNATCH;liftType=Snatch;fop=A"},
		{MessageTimer, `{"fop":"A","fopState":"TIME_RUNNING","athleteTimerEventType":"StartTime","athleteMillisRemaining":60000}`,
			"TIME_RUNNING.RECORD_ATTEMPT", "state=TIME_RUNNING.RECORD_ATTEMPT;previous=CURRENT_ATHLETE_DISPLAYED.RECORD_ATTEMPT;liftType=Snatch;fop=A"},
		{MessageDecision, `{"fop":"A","fopState":"DECISION_VISIBLE","decisionEventType":"FULL_DECISION","d1":"true","d2":"true","d3":"false","decision":"true","decisionsVisible":"true","recordKind":"new"}`,
			"DECISION_VISIBLE.GOOD_LIFT.NEW_RECORD", "state=DECISION_VISIBLE.GOOD_LIFT.NEW_RECORD;previous=TIME_RUNNING.RECORD_ATTEMPT;liftType=Snatch;fop=A"},
		{MessageDecision, `{"fop":"A","fopState":"DECISION_VISIBLE","decisionEventType":"JURY_DECISION","decision":"false","juryDecision":"BAD_LIFT","recordKind":"denied","decisionsVisible":"true"}`,
			"DECISION_VISIBLE.BAD_LIFT", "state=DECISION_VISIBLE.BAD_LIFT;previous=DECISION_VISIBLE.GOOD_LIFT.NEW_RECORD;liftType=Snatch;fop=A"},
		// OWLCMS ends the deliberation as the jury decides: the decision still shows.
		{MessageDecision, `{"fop":"A","fopState":"DECISION_VISIBLE","decisionEventType":"END_DELIBERATION"}`,
			"DECISION_VISIBLE.BAD_LIFT", "state=DECISION_VISIBLE.BAD_LIFT;previous=DECISION_VISIBLE.BAD_LIFT;liftType=Snatch;fop=A"},
		{MessageUpdate, `{"fop":"A","sessionName":"M1","liftTypeKey":"Snatch","uiEvent":"BreakStarted","fopState":"BREAK","break":"true","breakType":"CEREMONY","ceremonyType":"MEDALS","ceremonyEventType":"ceremonyStarted","recordKind":"none"}`,
			"BREAK.MEDALS", "break=BREAK.MEDALS;previous=DECISION_VISIBLE.BAD_LIFT;liftType=Snatch;fop=A"},
	}
	prev := (*FOP)(nil).PlatformState("A")
	for _, st := range steps {
		if _, err := h.Apply(st.typ, []byte(st.payload)); err != nil {
			t.Fatal(err)
		}
		s := h.Snapshot().FOP("A").PlatformState("A")
		if s.Word() != st.word {
			t.Errorf("after %.60s: word %q, want %q", st.payload, s.Word(), st.word)
		}
		if diff := cmp.Diff(st.title, s.MonitorTitle(prev)); diff != "" {
			t.Errorf("after %.60s: title (-want +got):\n%s", st.payload, diff)
		}
		prev = s
	}
	if prev.Mode != ModeCeremony || prev.Session != "M1" || prev.Athlete != "" || prev.Jury != "" {
		t.Errorf("medals: %+v", prev)
	}
}
