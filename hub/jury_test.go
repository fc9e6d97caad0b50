package hub

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// jurySummary is what a test of the jury state compares: the judged attempt as its lifter and
// weight, the lights, the deliberation and the decision, times as offsets from the start.
type jurySummary struct {
	Lifter, Weight      string
	Lights              [3]Light
	Deliberating        bool
	Challenge           bool
	Since               time.Duration
	Verdict             JuryVerdict
	Reversal            bool
	DecidedAt           time.Duration
	RecordKind, Athlete string
}

func summarizeJury(j JuryState, t0 time.Time) jurySummary {
	s := jurySummary{Lights: j.Lights, Deliberating: j.Deliberating, Challenge: j.Challenge, Verdict: j.Verdict,
		Reversal: j.Reversal, RecordKind: j.Details.RecordKind, Athlete: j.Details.AthleteFull}
	if j.Judged != nil {
		s.Lifter, s.Weight = j.Judged.Attempt.FullName, j.Judged.Attempt.Weight
	}
	if !j.Since.IsZero() {
		s.Since = j.Since.Sub(t0)
	}
	if !j.DecidedAt.IsZero() {
		s.DecidedAt = j.DecidedAt.Sub(t0)
	}
	return s
}

type juryStep struct {
	typ     MessageType
	payload string
}

const (
	juryLifting   = `{"fop":"A","uiEvent":"LiftingOrderUpdated","fopState":"CURRENT_ATHLETE_DISPLAYED","fullName":"DOE, Jane","weight":"81","attemptNumber":"2","liftTypeKey":"Snatch"}`
	juryDown      = `{"fop":"A","decisionEventType":"DOWN_SIGNAL","down":"true","decisionsVisible":"false"}`
	juryLights    = `{"fop":"A","decisionEventType":"FULL_DECISION","d1":"true","d2":"false","d3":"false","decisionsVisible":"true","down":"false"}`
	juryNext      = `{"fop":"A","uiEvent":"LiftingOrderUpdated","fopState":"DECISION_VISIBLE","fullName":"ROE, Ann","weight":"85","attemptNumber":"1","liftTypeKey":"Snatch"}`
	juryReset     = `{"fop":"A","decisionEventType":"RESET","decisionsVisible":"false","down":"false"}`
	juryBreakOn   = `{"fop":"A","uiEvent":"BreakStarted","fopState":"BREAK","break":"true","breakType":"JURY","mode":"INTERRUPTION","fullName":"ROE, Ann","weight":"85"}`
	juryStart     = `{"fop":"A","decisionEventType":"START_DELIBERATION","fopState":"BREAK","break":"true","mode":"INTERRUPTION"}`
	juryChallenge = `{"fop":"A","decisionEventType":"CHALLENGE","fopState":"BREAK","break":"true","mode":"INTERRUPTION"}`
	juryReverses  = `{"fop":"A","decisionEventType":"JURY_DECISION","fopState":"DECISION_VISIBLE","juryDecision":"GOOD_LIFT","juryReversal":"true","athleteFull":"DOE, Jane","athleteAbbreviated":"DOE J.","waitForAnnouncer":"false","recordKind":"none","actualLift":"81"}`
	juryEnd       = `{"fop":"A","decisionEventType":"END_DELIBERATION","fopState":"DECISION_VISIBLE","mode":"CURRENT_ATHLETE"}`
	juryResume    = `{"fop":"A","uiEvent":"StartLifting","fopState":"CURRENT_ATHLETE_DISPLAYED","break":"false","fullName":"ROE, Ann","weight":"85"}`
	juryClock     = `{"fopName":"A","athleteTimerEventType":"StartTime","athleteMillisRemaining":"60000"}`
)

// TestJury: the hub keeps what a jury board needs through OWLCMS's events, each a second
// apart: the judged attempt and its lights past the RESET, the deliberation from its start to
// its end, the jury's decision past END_DELIBERATION.
func TestJury(t *testing.T) {
	judged := jurySummary{Lifter: "DOE, Jane", Weight: "81", Lights: [3]Light{LightGood, LightBad, LightBad}}
	with := func(edit func(s *jurySummary)) jurySummary { s := judged; edit(&s); return s }
	lift := []juryStep{{MessageUpdate, juryLifting}, {MessageDecision, juryDown}, {MessageDecision, juryLights},
		{MessageUpdate, juryNext}, {MessageDecision, juryReset}}
	deliberation := append(lift[:len(lift):len(lift)], juryStep{MessageUpdate, juryBreakOn}, juryStep{MessageDecision, juryStart})
	decided := append(deliberation[:len(deliberation):len(deliberation)], juryStep{MessageDecision, juryReverses})
	reversed := func(s *jurySummary) {
		s.Deliberating, s.Since, s.Verdict, s.Reversal, s.DecidedAt, s.RecordKind, s.Athlete = true, 5*time.Second, JuryGoodLift, true, 7*time.Second, "none", "DOE, Jane"
	}
	tests := []struct {
		name  string
		steps []juryStep
		want  jurySummary
	}{
		{"nothing judged yet", lift[:1], jurySummary{}},
		{"the lights make the judged attempt, not the next lifter", lift[:4], judged},
		{"the judged attempt and its lights outlast the reset", lift, judged},
		{"the break starts the deliberation", deliberation[:6], with(func(s *jurySummary) { s.Deliberating, s.Since = true, 5*time.Second })},
		{"START_DELIBERATION keeps its start", deliberation, with(func(s *jurySummary) { s.Deliberating, s.Since = true, 5*time.Second })},
		{"a challenge", append(lift[:len(lift):len(lift)], juryStep{MessageDecision, juryChallenge}),
			with(func(s *jurySummary) { s.Deliberating, s.Challenge, s.Since = true, true, 5*time.Second })},
		{"the jury reverses", decided, with(reversed)},
		{"END_DELIBERATION ends it, the decision stays", append(decided, juryStep{MessageDecision, juryEnd}),
			with(func(s *jurySummary) { reversed(s); s.Deliberating = false })},
		{"lifting resumes: over", append(decided, juryStep{MessageUpdate, juryResume}),
			with(func(s *jurySummary) { reversed(s); s.Deliberating = false })},
		{"the next clock: over", append(deliberation, juryStep{MessageTimer, juryClock}),
			with(func(s *jurySummary) { s.Since = 5 * time.Second })},
		{"an update in the break after the decision does not start another", append(decided, juryStep{MessageDecision, juryEnd}, juryStep{MessageUpdate, juryBreakOn}),
			with(func(s *jurySummary) { reversed(s); s.Deliberating = false })},
		{"the next decision replaces it all", append(decided, juryStep{MessageDecision, juryEnd}, juryStep{MessageUpdate, juryResume},
			juryStep{MessageDecision, juryDown}, juryStep{MessageDecision, `{"fop":"A","decisionEventType":"FULL_DECISION","d1":"true","d2":"true","d3":"true","decisionsVisible":"true"}`}),
			jurySummary{Lifter: "ROE, Ann", Weight: "85", Lights: [3]Light{LightGood, LightGood, LightGood}}},
		{"a new session forgets the last", append(lift, juryStep{MessageUpdate, `{"fop":"A","uiEvent":"SwitchGroup","fopState":"BREAK","breakType":"BEFORE_INTRODUCTION"}`}), jurySummary{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h, clk := newTestHub(t)
			t0 := clk.now()
			for i, st := range tt.steps {
				if i > 0 {
					clk.advance(time.Second)
				}
				mustApply(t, h, st.typ, st.payload)
			}
			if d := cmp.Diff(tt.want, summarizeJury(h.Snapshot().FOP("A").Jury, t0)); d != "" {
				t.Errorf("jury (-want +got):\n%s", d)
			}
		})
	}
}

// TestJuryCheckpoint: a restarted tracker (or a replica catching up) keeps the jury's state,
// its judged attempt finding its athlete again by key.
func TestJuryCheckpoint(t *testing.T) {
	h, clk := newTestHub(t)
	t0 := clk.now()
	for _, st := range []juryStep{{MessageUpdate, juryLifting}, {MessageDecision, juryDown}, {MessageDecision, juryLights},
		{MessageUpdate, juryNext}, {MessageUpdate, juryBreakOn}, {MessageDecision, juryStart}, {MessageDecision, juryReverses}} {
		clk.advance(time.Second)
		mustApply(t, h, st.typ, st.payload)
	}
	want := summarizeJury(h.Snapshot().FOP("A").Jury, t0)
	cp := h.Checkpoint()
	b, err := json.Marshal(cp)
	if err != nil {
		t.Fatal(err)
	}
	var back Checkpoint
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	back.Database, back.Translations = cp.Database, cp.Translations
	h2, _ := newTestHub(t)
	if err := h2.Restore(back); err != nil {
		t.Fatal(err)
	}
	if d := cmp.Diff(want, summarizeJury(h2.Snapshot().FOP("A").Jury, t0)); d != "" || !want.Deliberating {
		t.Errorf("restored jury (-want +got):\n%s", d)
	}
}
