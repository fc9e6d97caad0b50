package board_test

import (
	"testing"

	gocmp "github.com/google/go-cmp/cmp"

	"github.com/owlcms/tracker/components"
	"github.com/owlcms/tracker/hub"
	"github.com/owlcms/tracker/scoreboards/board"
	"github.com/owlcms/tracker/scoreboards/board/boardtest"
)

// TestRecordFlag: the attempt bar names the records the attempt on stage attacks (the standing
// value) and, once it is good, the records it set (the new value); nothing during breaks, and
// never a new record the jury denied.
func TestRecordFlag(t *testing.T) {
	total := func(f *hub.FOP) { // Bea in the clean & jerk, 80 snatched, asking 120: the total record
		f.Records.Columns[0].Rows[0] = hub.RecordRow{Snatch: "90", CleanJerk: "110", Total: "199", CleanJerkHighlight: true, TotalHighlight: true}
		f.Current.Weight, f.CurrentKey, f.LiftType = "120", "b", "Clean_and_Jerk"
	}
	tests := []struct {
		name string
		edit func(f *hub.FOP)
		want *components.RecordFlagView
	}{
		{"attempt", nil, &components.RecordFlagView{Kind: "attempt", Label: "Record Attempt",
			Records: []string{"Invented Regional SR 58 Snatch 90\u00a0kg"}}},
		{"no record at stake", func(f *hub.FOP) { f.RecordKind = "none" }, nil},
		{"new record", func(f *hub.FOP) { f.RecordKind = "new" }, &components.RecordFlagView{Kind: "new", Label: "New Record!",
			Records: []string{"Invented Regional SR 58 Snatch 81\u00a0kg"}}},
		{"clean & jerk and total", total, &components.RecordFlagView{Kind: "attempt", Label: "Record Attempt",
			Records: []string{"Invented Regional SR 58 Clean & Jerk 110\u00a0kg", "Invented Regional SR 58 Total 199\u00a0kg"}}},
		{"new total", func(f *hub.FOP) { total(f); f.RecordKind = "new" }, &components.RecordFlagView{Kind: "new", Label: "New Record!",
			Records: []string{"Invented Regional SR 58 Clean & Jerk 120\u00a0kg", "Invented Regional SR 58 Total 200\u00a0kg"}}},
		{"jury denied", func(f *hub.FOP) {
			f.RecordKind = "new"
			f.Decision = hub.Decision{Event: "JURY_DECISION", JuryDecision: "BAD_LIFT", Jury: hub.JuryDetails{RecordKind: "denied"}}
		}, nil},
		{"break", func(f *hub.FOP) { f.State, f.Break, f.Mode, f.BreakType = "BREAK", true, "INTERRUPTION", "JURY" }, nil},
		{"no table", func(f *hub.FOP) { f.Records = nil }, &components.RecordFlagView{Kind: "attempt", Label: "Record Attempt"}},
		// The lights of a lift that attacked nothing show under the next athlete's announcement.
		{"the next athlete's attempt under the lights", func(f *hub.FOP) {
			f.Records.Columns[0].Rows[0].SnatchHighlight = false
			f.Judged = &hub.Stage{Attempt: f.Current, Key: f.CurrentKey, LiftType: f.LiftType, Records: f.Records}
			f.Decision = hub.Decision{Event: "FULL_DECISION", Visible: true, Lights: [3]hub.Light{hub.LightGood, hub.LightGood, hub.LightGood}}
		}, nil},
		{"down signal of a record attempt", func(f *hub.FOP) {
			f.Judged = &hub.Stage{Attempt: f.Current, Key: f.CurrentKey, LiftType: f.LiftType, Records: f.Records}
			f.Decision = hub.Decision{Event: "DOWN_SIGNAL", Down: true}
		}, &components.RecordFlagView{Kind: "attempt", Label: "Record Attempt",
			Records: []string{"Invented Regional SR 58 Snatch 90\u00a0kg"}}},
	}
	for _, tt := range tests {
		f := boardtest.WithLeadersAndRecords(boardtest.Lifting("A"))
		if tt.edit != nil {
			tt.edit(f)
		}
		got := board.RecordFlag(board.NewRequest(boardtest.Snapshot(nil, f), "A", "en", board.DefaultOptions, nil))
		if d := gocmp.Diff(tt.want, got); d != "" {
			t.Errorf("%s (-want +got):\n%s", tt.name, d)
		}
	}
}

// TestRecordsBannerDenied: the records table under the scoreboards never announces a new
// record the jury denied.
func TestRecordsBannerDenied(t *testing.T) {
	f := boardtest.WithLeadersAndRecords(boardtest.Lifting("A"))
	f.RecordKind = "new"
	f.Decision = hub.Decision{Event: "JURY_DECISION", Jury: hub.JuryDetails{RecordKind: "denied"}}
	v := board.Records(board.NewRequest(boardtest.Snapshot(nil, f), "A", "en", board.DefaultOptions, nil))
	if v == nil || v.New || v.Attempt != "" {
		t.Errorf("a denied record is announced: %+v", v)
	}
}
