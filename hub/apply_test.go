package hub

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"time"
)

// fakeClock is a settable clock for anchoring tests.
type fakeClock struct{ t time.Time }

func (c *fakeClock) now() time.Time          { return c.t }
func (c *fakeClock) advance(d time.Duration) { c.t = c.t.Add(d) }

func newTestHub(t *testing.T) (*Hub, *fakeClock) {
	t.Helper()
	clk := &fakeClock{t: time.Date(2026, 5, 16, 10, 0, 0, 0, time.UTC)}
	return New(Options{Now: clk.now}), clk
}

func mustApply(t *testing.T, h *Hub, mt MessageType, payload string) ApplyResult {
	t.Helper()
	r, err := h.Apply(mt, []byte(payload))
	if err != nil {
		t.Fatalf("apply %s %s: %v", mt, payload, err)
	}
	return r
}

func TestApplyUpdateDecodesEverything(t *testing.T) {
	h, _ := newTestHub(t)
	loadSmallDatabase(t, h)
	r := mustApply(t, h, MessageUpdate, string(readTestdata(t, "update-red.json")))
	if r.FOP != "Red" || !r.DataChanged || !r.LiveChanged {
		t.Errorf("result %+v", r)
	}
	f := h.Snapshot().FOP("Red")
	if f == nil {
		t.Fatal("no FOP Red")
	}
	if f.CompetitionName != "Harbour City Invitational & Open" || f.SessionName != "W1" || f.SessionDescription != "Women 63" ||
		f.SessionInfo != "Session W1 – Snatch" || f.LiftType != "Snatch" || f.LiftsDone != "3 attempts done." {
		t.Errorf("session fields: %q %q %q %q %q", f.CompetitionName, f.SessionName, f.SessionDescription, f.SessionInfo, f.LiftType)
	}
	if f.Display != (DisplayFlags{ShowLiftRanks: true, ShowTotalRank: true, ShowSinclair: true, WideTeamNames: true}) {
		t.Errorf("display flags %+v", f.Display)
	}
	want := CurrentAttempt{FullName: "OKAFOR, Ada", TeamName: "Northgate Barbell", StartNumber: "1", Category: "SR 63",
		AttemptHTML: "3<sup>rd</sup> att.", AttemptNumber: 3, Weight: "83", TimeAllowed: 2 * time.Minute}
	if f.Current != want {
		t.Errorf("current\n got %+v\nwant %+v", f.Current, want)
	}
	if f.CurrentKey != "1234567890" || f.NextKey != "-987654321" || f.PreviousKey != "-987654321" {
		t.Errorf("keys %q %q %q", f.CurrentKey, f.NextKey, f.PreviousKey)
	}
	if len(f.Athletes) != 2 {
		t.Fatalf("athletes: %d (an entry without key must be skipped)", len(f.Athletes))
	}
	// Start order: spacer, two athletes, and a listed key OWLCMS did not describe.
	so := f.StartOrder
	if len(so) != 4 || !so[0].Spacer || so[1].Athlete != f.Athletes[0] || so[2].Key != "-987654321" || so[3].Key != "77" || so[3].Athlete != nil {
		t.Errorf("start order %+v", so)
	}
	lo := f.LiftingOrder
	if len(lo) != 4 || !lo[0].Spacer || lo[1].Key != "1234567890" || !lo[3].Spacer {
		t.Errorf("lifting order %+v", lo)
	}
	if len(f.Leaders) != 2 || f.Leaders[0].Athlete.FullName != "OKAFOR, Ada" || !f.Leaders[1].Spacer {
		t.Errorf("leaders %+v", f.Leaders)
	}
	if f.RecordKind != "attempt" || f.Records == nil || f.Records.Columns[0].Rows[0].Total != "230" ||
		!f.Records.Columns[0].Rows[0].TotalHighlight || f.Records.Columns[0].Rows[0].CleanJerk != "" {
		t.Errorf("records %+v", f.Records)
	}
	if f.Mode != "CURRENT_ATHLETE" || f.State != "CURRENT_ATHLETE_DISPLAYED" || f.Break {
		t.Errorf("live %q %q %v", f.Mode, f.State, f.Break)
	}
	if f.Clock.Event != "SetTime" || f.Clock.Running || f.Clock.Remaining != 2*time.Minute || f.Clock.InitialWarning != 90*time.Second {
		t.Errorf("clock %+v", f.Clock)
	}
	if strings.Contains(rawString(f), "do-not-store-me") {
		t.Error("the update key was stored")
	}
}

func rawString(f *FOP) string {
	var b bytes.Buffer
	for k, v := range f.raw {
		b.WriteString(k)
		b.Write(v)
	}
	return b.String()
}

func TestUpdateReplacesButKeepsTimerAndDecision(t *testing.T) {
	h, _ := newTestHub(t)
	mustApply(t, h, MessageUpdate, `{"fop":"A","breakType":"FIRST_SNATCH","break":"true","mode":"LIFT_COUNTDOWN","sessionName":"M1"}`)
	mustApply(t, h, MessageTimer, `{"fopName":"A","athleteTimerEventType":"StartTime","athleteMillisRemaining":"60000","timeAllowed":"60000"}`)
	mustApply(t, h, MessageDecision, `{"fop":"A","decisionEventType":"FULL_DECISION","d1":"true","d2":"false","d3":"true","decisionsVisible":"true","down":"false"}`)
	mustApply(t, h, MessageUpdate, `{"fop":"A","mode":"CURRENT_ATHLETE","sessionName":"M1"}`)

	f := h.Snapshot().FOP("A")
	if f.BreakType != "" || f.Break {
		t.Errorf("absent fields must be cleared by an update: breakType=%q break=%v", f.BreakType, f.Break)
	}
	if f.Clock.Event != "StartTime" || !f.Clock.Running || f.Clock.Remaining != time.Minute {
		t.Errorf("timer fields must survive an update: %+v", f.Clock)
	}
	if f.Decision.Lights != [3]Light{LightGood, LightBad, LightGood} || !f.Decision.Visible {
		t.Errorf("decision fields must survive an update: %+v", f.Decision)
	}
}

func TestTimerAndDecisionOverlay(t *testing.T) {
	h, _ := newTestHub(t)
	mustApply(t, h, MessageUpdate, `{"fop":"A","sessionName":"M1","weight":"120","mode":"CURRENT_ATHLETE"}`)
	mustApply(t, h, MessageTimer, `{"fopName":"A","athleteTimerEventType":"StartTime","athleteMillisRemaining":60000}`)
	f := h.Snapshot().FOP("A")
	if f.SessionName != "M1" || f.Current.Weight != "120" || f.Mode != "CURRENT_ATHLETE" {
		t.Errorf("a timer message must not clear other fields: %+v", f.Current)
	}
	mustApply(t, h, MessageDecision, `{"fop":"A","decisionEventType":"FULL_DECISION","d1":true,"d2":true,"d3":false,"decisionsVisible":"true"}`)
	if d := h.Snapshot().FOP("A").Decision; d.Lights != [3]Light{LightGood, LightGood, LightBad} || !d.Visible {
		t.Errorf("native booleans must map to lights: %+v", d)
	}
	mustApply(t, h, MessageDecision, `{"fop":"A","decisionEventType":"RESET","decisionsVisible":"false","down":"false"}`)
	if d := h.Snapshot().FOP("A").Decision; d.Lights != [3]Light{} || d.Visible || d.Event != "RESET" {
		t.Errorf("RESET must clear the lights: %+v", d)
	}
	mustApply(t, h, MessageDecision, `{"fop":"A","decisionEventType":"DOWN_SIGNAL","down":"true","decisionsVisible":"false","d1":"true","d3":"true"}`)
	if d := h.Snapshot().FOP("A").Decision; !d.Down || d.Visible {
		t.Errorf("down signal %+v", d)
	}
	mustApply(t, h, MessageDecision, `{"fop":"A","decisionEventType":"JURY_DECISION","juryDecision":"BAD_LIFT","juryReversal":"true"}`)
	if d := h.Snapshot().FOP("A").Decision; d.JuryDecision != "BAD_LIFT" || !d.JuryReversal || d.Event != "JURY_DECISION" {
		t.Errorf("jury %+v", d)
	}
}

func TestFOPName(t *testing.T) {
	tests := []struct {
		payload string
		want    string
	}{
		{`{"fop":"B"}`, "B"},
		{`{"fopName":"Platform 2"}`, "Platform 2"},
		{`{"fop":"B","fopName":"C"}`, "B"},
		{`{}`, "A"},
		{`{"fop":12}`, "12"},
		{`{"fop":"__proto__"}`, "__proto__"},
	}
	for _, tt := range tests {
		h, _ := newTestHub(t)
		if r := mustApply(t, h, MessageUpdate, tt.payload); r.FOP != tt.want || h.Snapshot().FOP(tt.want) == nil {
			t.Errorf("%s: got %q", tt.payload, r.FOP)
		}
	}
}

func TestApplyRejects(t *testing.T) {
	tests := []struct {
		name    string
		mt      MessageType
		payload string
	}{
		{"not json", MessageUpdate, `{`},
		{"array", MessageUpdate, `[]`},
		{"string", MessageTimer, `"x"`},
		{"null", MessageDecision, `null`},
		{"unknown type", MessageType("styles"), `{}`},
		{"control char in name", MessageUpdate, `{"fop":"A\u0000"}`},
		{"name too long", MessageUpdate, `{"fop":"` + strings.Repeat("x", 65) + `"}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h, _ := newTestHub(t)
			mustApply(t, h, MessageUpdate, `{"fop":"A","sessionName":"KEEP"}`)
			before := h.Snapshot()
			if _, err := h.Apply(tt.mt, []byte(tt.payload)); !errors.Is(err, ErrBadPayload) {
				t.Fatalf("want ErrBadPayload, got %v", err)
			}
			if h.Snapshot().FOP("A") != before.FOP("A") || h.Snapshot().FOP("A").SessionName != "KEEP" {
				t.Error("state changed by a rejected payload")
			}
		})
	}
}

func TestFOPLimit(t *testing.T) {
	h := New(Options{Limits: Limits{MaxFOPs: 2}})
	mustApply(t, h, MessageUpdate, `{"fop":"A"}`)
	mustApply(t, h, MessageUpdate, `{"fop":"B"}`)
	if _, err := h.Apply(MessageUpdate, []byte(`{"fop":"C"}`)); !errors.Is(err, ErrBadPayload) {
		t.Errorf("third platform accepted: %v", err)
	}
	mustApply(t, h, MessageUpdate, `{"fop":"A","weight":"1"}`) // known platforms still work
}

func TestVersions(t *testing.T) {
	h, _ := newTestHub(t)
	base := `{"fop":"A","sessionName":"M1","weight":"100","uiEvent":"%s","serverLocalTime":"%s","mode":"CURRENT_ATHLETE"}`
	r := mustApply(t, h, MessageUpdate, strings.NewReplacer("%s", "StartLifting").Replace(base))
	if !r.DataChanged || !r.LiveChanged {
		t.Fatalf("first update %+v", r)
	}
	v := *h.Snapshot().FOP("A")

	// Same content, other uiEvent and time: nothing for a board to re-render.
	r = mustApply(t, h, MessageUpdate, strings.NewReplacer("%s", "LiftingOrderUpdated").Replace(base))
	if r.DataChanged || r.LiveChanged {
		t.Errorf("identical update bumped versions: %+v", r)
	}
	// A clock event changes only the live part.
	r = mustApply(t, h, MessageTimer, `{"fopName":"A","athleteTimerEventType":"StartTime","athleteMillisRemaining":60000}`)
	f := h.Snapshot().FOP("A")
	if r.DataChanged || !r.LiveChanged || f.DataVersion != v.DataVersion || f.LiveVersion == v.LiveVersion {
		t.Errorf("timer: %+v data %d→%d live %d→%d", r, v.DataVersion, f.DataVersion, v.LiveVersion, f.LiveVersion)
	}
	// The same timer event again is a new start (events are never deduplicated).
	if r = mustApply(t, h, MessageTimer, `{"fopName":"A","athleteTimerEventType":"StartTime","athleteMillisRemaining":60000}`); !r.LiveChanged {
		t.Error("repeated timer event ignored")
	}
	// A weight change is data.
	if r = mustApply(t, h, MessageUpdate, strings.NewReplacer("%s", "x", `"100"`, `"101"`).Replace(base)); !r.DataChanged {
		t.Error("weight change not data")
	}
}

func TestSessionDoneAndReopen(t *testing.T) {
	steps := []struct {
		mt      MessageType
		payload string
		done    bool
	}{
		{MessageUpdate, `{"uiEvent":"StartLifting","sessionName":"M1"}`, false},
		{MessageUpdate, `{"uiEvent":"GroupDone","breakType":"GROUP_DONE","mode":"SESSION_DONE","sessionName":"M1"}`, true},
		{MessageTimer, `{"breakTimerEventType":"BreakStarted","breakMillisRemaining":0}`, true},         // break clock only: stays done
		{MessageUpdate, `{"uiEvent":"BreakStarted","breakType":"GROUP_DONE","sessionName":"M1"}`, true}, // still in the GROUP_DONE break
		{MessageTimer, `{"athleteTimerEventType":"StartTime","athleteMillisRemaining":60000}`, false},   // athlete clock reopens
		{MessageUpdate, `{"uiEvent":"GroupDone","sessionName":"M1"}`, true},
		{MessageDecision, `{"decisionEventType":"FULL_DECISION"}`, false}, // a decision reopens
		{MessageUpdate, `{"uiEvent":"GroupDone","sessionName":"M1"}`, true},
		{MessageUpdate, `{"uiEvent":"LiftingOrderUpdated","sessionName":"M1"}`, false}, // another event reopens
	}
	h, _ := newTestHub(t)
	for i, s := range steps {
		mustApply(t, h, s.mt, s.payload)
		f := h.Snapshot().FOP("A")
		if f.SessionDone != s.done {
			t.Errorf("step %d %s %s: done=%v, want %v", i, s.mt, s.payload, f.SessionDone, s.done)
		}
		if f.SessionName != "M1" {
			t.Errorf("step %d: session name lost (%q)", i, f.SessionName)
		}
	}
}

func TestEmbeddedDatabase(t *testing.T) {
	h, _ := newTestHub(t)
	db := string(readTestdata(t, "database-small.json"))
	inner := db[strings.Index(db, `"database":`)+len(`"database":`) : strings.LastIndex(db, "}")]
	r := mustApply(t, h, MessageUpdate, `{"fop":"Red","uiEvent":"SwitchGroup","databaseChecksum":"abc","database":`+inner+`}`)
	s := h.Snapshot()
	if !r.DatabaseLoaded || s.Database == nil || s.Database.Checksum != "abc" || len(s.Database.Athletes) != 4 {
		t.Fatalf("embedded database not loaded: %+v", r)
	}
	if _, kept := s.FOP("Red").raw["database"]; kept {
		t.Error("the embedded database was stored in the platform state")
	}
	for _, n := range h.Needs() {
		if n.Resource == ResourceDatabase {
			t.Error("database still needed after an embedded load with the announced checksum")
		}
	}
}

// An update embedding an unusable database is an event all the same: GroupDone must end the
// session even when the database it carries is truncated or has no athletes array.
func TestApplyKeepsEventWhenEmbeddedDatabaseUnusable(t *testing.T) {
	for name, db := range map[string]string{
		"no athletes array":  `{"competition":{"competitionName":"X"}}`,
		"athletes not array": `{"athletes":"x"}`,
		"string":             `"garbage"`,
	} {
		t.Run(name, func(t *testing.T) {
			h, _ := newTestHub(t)
			before := loadSmallDatabase(t, h)
			mustApply(t, h, MessageUpdate, `{"fop":"A","uiEvent":"StartLifting","sessionName":"M1"}`)
			r, err := h.Apply(MessageUpdate, []byte(`{"fop":"A","uiEvent":"GroupDone","sessionName":"M1","database":`+db+`}`))
			if err != nil {
				t.Fatalf("update refused for its database: %v", err)
			}
			if !errors.Is(r.DatabaseError, ErrBadPayload) || r.DatabaseLoaded {
				t.Errorf("database refusal not reported: %+v", r)
			}
			s := h.Snapshot()
			if f := s.FOP("A"); f == nil || !f.SessionDone || f.LastUIEvent != "GroupDone" {
				t.Errorf("GroupDone lost: %+v", f)
			}
			if s.Database != before {
				t.Error("the good database was replaced by an unusable one")
			}
		})
	}
}
