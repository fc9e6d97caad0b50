package hub

import (
	"encoding/json"
	"log/slog"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// stageOf is what a board's attempt bar takes from the platform: who, which attempt, what weight.
func stageOf(f *FOP) [3]string {
	s := f.OnStage()
	name := ""
	if a := s.Athlete(f); a != nil {
		name = a.FullName
	}
	return [3]string{s.Attempt.FullName, s.Attempt.Weight, name}
}

// TestJudgedLiftStaysOnStage: OWLCMS moves the current athlete to the next lifter as the lights
// come on; the judged lifter, attempt and weight stay on stage with the down signal and the
// lights until the decision is reset, then the next lifter shows.
func TestJudgedLiftStaysOnStage(t *testing.T) {
	h := New(Options{Logger: slog.New(slog.DiscardHandler)})
	update := func(name, key, weight string) {
		t.Helper()
		p, _ := json.Marshal(map[string]any{"fop": "A", "uiEvent": "LiftingOrderUpdated", "fullName": name, "weight": weight,
			"attemptNumber": "2", "currentAthleteKey": key, "liftTypeKey": "Snatch",
			"sessionAthletes": []any{
				map[string]any{"athleteKey": "1", "athlete": map[string]any{"lastName": "Doe", "firstName": "Jane"}, "displayInfo": map[string]any{"fullName": "DOE, Jane"}},
				map[string]any{"athleteKey": "2", "athlete": map[string]any{"lastName": "Roe", "firstName": "Ann"}, "displayInfo": map[string]any{"fullName": "ROE, Ann"}},
			}})
		if _, err := h.Apply(MessageUpdate, p); err != nil {
			t.Fatal(err)
		}
	}
	apply := func(typ MessageType, payload string) {
		t.Helper()
		if _, err := h.Apply(typ, []byte(payload)); err != nil {
			t.Fatal(err)
		}
	}
	check := func(when string, want [3]string) {
		t.Helper()
		if diff := cmp.Diff(want, stageOf(h.Snapshot().FOP("A"))); diff != "" {
			t.Errorf("%s: on stage (-want +got):\n%s", when, diff)
		}
	}
	jane := [3]string{"DOE, Jane", "80", "DOE, Jane"}

	update("DOE, Jane", "1", "80")
	check("before the decision", jane)
	apply(MessageDecision, `{"fop":"A","decisionEventType":"DOWN_SIGNAL","down":"true","decisionsVisible":"false"}`)
	update("ROE, Ann", "2", "85") // the next lifter's update arrives with the decision
	check("down signal, next lifter's update arrived", jane)
	apply(MessageDecision, `{"fop":"A","decisionEventType":"FULL_DECISION","d1":"true","d2":"true","d3":"false","decisionsVisible":"true","down":"false"}`)
	check("lights", jane)
	update("ROE, Ann", "2", "86") // a weight change of the next lifter while the lights show
	check("lights, another update", jane)
	apply(MessageDecision, `{"fop":"A","decisionEventType":"RESET","decisionsVisible":"false","down":"false"}`)
	check("after the reset", [3]string{"ROE, Ann", "86", "ROE, Ann"})

	// The next decision judges Ann; a clock start (which clears the lights) ends it too.
	apply(MessageDecision, `{"fop":"A","decisionEventType":"FULL_DECISION","d1":"false","d2":"false","d3":"false","decisionsVisible":"true","down":"false"}`)
	update("DOE, Jane", "1", "82")
	check("Ann judged", [3]string{"ROE, Ann", "86", "ROE, Ann"})
	apply(MessageTimer, `{"fopName":"A","athleteTimerEventType":"StartTime","athleteMillisRemaining":"60000"}`)
	check("clock started for Jane", [3]string{"DOE, Jane", "82", "DOE, Jane"})

	// The last lift of a session: the update after the lights has nobody on stage.
	apply(MessageDecision, `{"fop":"A","decisionEventType":"FULL_DECISION","d1":"true","d2":"true","d3":"true","decisionsVisible":"true","down":"false"}`)
	apply(MessageUpdate, `{"fop":"A","uiEvent":"LiftingOrderUpdated","fullName":"","weight":"0","currentAthleteKey":""}`)
	check("last lift judged", [3]string{"DOE, Jane", "82", "DOE, Jane"})
	// An initial (partial, not public) decision judges nothing.
	apply(MessageDecision, `{"fop":"A","decisionEventType":"RESET","decisionsVisible":"false","down":"false"}`)
	update("ROE, Ann", "2", "90")
	apply(MessageDecision, `{"fop":"A","decisionEventType":"INITIAL_DECISION","d1":"true","decisionsVisible":"false","down":"false"}`)
	update("DOE, Jane", "1", "84")
	check("initial decision", [3]string{"DOE, Jane", "84", "DOE, Jane"})
}

// TestJudgedLiftKeepsItsRecords: the update that follows the lights holds the next athlete's
// record table; the judged attempt keeps its own, with the record it attacked highlighted, so
// a new record can be named while the lights show.
func TestJudgedLiftKeepsItsRecords(t *testing.T) {
	h := New(Options{Logger: slog.New(slog.DiscardHandler)})
	update := func(name, key, snatch, highlight string) {
		t.Helper()
		row := map[string]any{"SNATCH": snatch, "CLEANJERK": 110, "TOTAL": 199}
		if highlight != "" {
			row[highlight] = "highlight"
		}
		p, _ := json.Marshal(map[string]any{"fop": "A", "uiEvent": "LiftingOrderUpdated", "fullName": name, "weight": "91",
			"currentAthleteKey": key, "recordKind": "attempt",
			"records": map[string]any{"recordNames": []string{"Regional"}, "recordCategories": []string{"SR 58"},
				"recordTable": []any{map[string]any{"cat": "SR 58", "records": []any{row}, "recordClass": "recordBox"}}}})
		if _, err := h.Apply(MessageUpdate, p); err != nil {
			t.Fatal(err)
		}
	}
	highlighted := func() bool {
		r := h.Snapshot().FOP("A").OnStage().Records
		return r != nil && len(r.Columns) == 1 && r.Columns[0].Rows[0].SnatchHighlight
	}
	update("DOE, Jane", "1", "90", "snatchHighlight")
	if _, err := h.Apply(MessageDecision, []byte(`{"fop":"A","decisionEventType":"FULL_DECISION","d1":"true","d2":"true","d3":"true","decisionsVisible":"true"}`)); err != nil {
		t.Fatal(err)
	}
	update("ROE, Ann", "2", "91", "") // the next athlete, the record now 91: nothing attacked
	if !highlighted() {
		t.Error("while the lights show, the judged attempt's record table is not the one it was lifted with")
	}
	if _, err := h.Apply(MessageDecision, []byte(`{"fop":"A","decisionEventType":"RESET"}`)); err != nil {
		t.Fatal(err)
	}
	if highlighted() {
		t.Error("after the reset, the next athlete's record table should be on stage")
	}
}
