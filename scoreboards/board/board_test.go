package board_test

import (
	"fmt"
	"net/url"
	"testing"
	"time"

	gocmp "github.com/google/go-cmp/cmp"

	"github.com/owlcms/tracker/components"
	"github.com/owlcms/tracker/hub"
	"github.com/owlcms/tracker/scoreboards/board"
	"github.com/owlcms/tracker/scoreboards/board/boardtest"
)

var french = map[string]map[string]string{
	"en": {"Snatch_number": "Snatch #{0}", "Scoreboard.Snatch": "Snatch"},
	"fr": {
		"Snatch_number": "Arraché #{0}", "C_and_J_number": "É-J #{0}", "Scoreboard.Snatch": "Arraché",
		"Scoreboard.GroupLiftType": "Groupe {0} {1}",
		"Scoreboard.AttemptsDone":  "{0,choice,0#Aucun essai.|1#1 essai.|1<{0} essais.}",
		"Group_number":             "Plateau {0}",
		"BreakType.FIRST_CJ":       "Décompte avant l'épaulé-jeté",
	},
}

func req(f *hub.FOP, lang string) board.Request {
	return board.NewRequest(boardtest.Snapshot(french, f), f.Name, lang, board.DefaultOptions, nil)
}

func TestAttemptBar(t *testing.T) {
	anchor := time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC)
	tests := []struct {
		name string
		edit func(f *hub.FOP)
		lang string
		want components.AttemptBarView
	}{
		{
			name: "lifting, translated attempt label and session line",
			lang: "fr",
			want: components.AttemptBarView{StartNumber: "1", FullName: "ADA, Ann", Team: "Club One", Category: "SR 58",
				AttemptHTML: "Arraché #2", Weight: "81", KgSymbol: board.KgSymbol,
				SessionLine: "Groupe A1 Arraché – 3 essais.", Mode: "CURRENT_ATHLETE", IfGood: "Si réussi : rang 1 à l'arraché",
				Slot: components.SlotView{Kind: "clock", Text: "1:00", RemainingMS: 60000, FinalMS: 30000}},
		},
		{
			name: "regional locale falls back to its base, unknown keys to English",
			lang: "fr-CA",
			edit: func(f *hub.FOP) { f.LiftType, f.Current.AttemptNumber = "Clean_and_Jerk", 1 },
			want: components.AttemptBarView{StartNumber: "1", FullName: "ADA, Ann", Team: "Club One", Category: "SR 58",
				AttemptHTML: "É-J #1", Weight: "81", KgSymbol: board.KgSymbol,
				SessionLine: "Groupe A1 Clean & Jerk – Aucun essai.", // C&J attempts only
				IfGood:      "Si réussi : rang 1 au total",
				Mode:        "CURRENT_ATHLETE",
				Slot:        components.SlotView{Kind: "clock", Text: "1:00", RemainingMS: 60000, FinalMS: 30000}},
		},
		{
			name: "running clock keeps its anchor; warning at 30 s",
			lang: "en",
			edit: func(f *hub.FOP) {
				f.Clock = hub.AthleteClock{Event: "StartTime", Running: true, Remaining: 29500 * time.Millisecond, ReceivedAt: anchor}
			},
			want: components.AttemptBarView{StartNumber: "1", FullName: "ADA, Ann", Team: "Club One", Category: "SR 58",
				AttemptHTML: "Snatch #2", Weight: "81", KgSymbol: board.KgSymbol,
				SessionLine: "Session A1 Snatch – 3 attempts done.", Mode: "CURRENT_ATHLETE", IfGood: "If good: rank 1 in the snatch",
				Slot: components.SlotView{Kind: "clock", Text: "0:30", RemainingMS: 29500, AnchorMS: anchor.UnixMilli(),
					Running: true, Warning: "final", FinalMS: 30000}},
		},
		{
			name: "decision lights replace the clock",
			lang: "en",
			edit: func(f *hub.FOP) {
				f.Decision = hub.Decision{Event: "FULL_DECISION", Visible: true, Lights: [3]hub.Light{hub.LightGood, hub.LightBad, hub.LightGood}}
			},
			want: components.AttemptBarView{StartNumber: "1", FullName: "ADA, Ann", Team: "Club One", Category: "SR 58",
				AttemptHTML: "Snatch #2", Weight: "81", KgSymbol: board.KgSymbol,
				SessionLine: "Session A1 Snatch – 3 attempts done.", Mode: "CURRENT_ATHLETE",
				Slot: components.SlotView{Kind: "lights", Lights: []string{"good", "bad", "good"}, Label: "Good lift"}},
		},
		{
			name: "a single referee shows one light",
			lang: "en",
			edit: func(f *hub.FOP) {
				f.Decision = hub.Decision{Visible: true, SingleReferee: true, Lights: [3]hub.Light{hub.LightNone, hub.LightBad, hub.LightNone}}
			},
			want: components.AttemptBarView{StartNumber: "1", FullName: "ADA, Ann", Team: "Club One", Category: "SR 58",
				AttemptHTML: "Snatch #2", Weight: "81", KgSymbol: board.KgSymbol,
				SessionLine: "Session A1 Snatch – 3 attempts done.", Mode: "CURRENT_ATHLETE",
				Slot: components.SlotView{Kind: "lights", Lights: []string{"bad"}, Label: "No lift"}},
		},
		{
			name: "down signal before the lights",
			lang: "en",
			edit: func(f *hub.FOP) { f.Decision = hub.Decision{Event: "DOWN_SIGNAL", Down: true} },
			want: components.AttemptBarView{StartNumber: "1", FullName: "ADA, Ann", Team: "Club One", Category: "SR 58",
				AttemptHTML: "Snatch #2", Weight: "81", KgSymbol: board.KgSymbol,
				SessionLine: "Session A1 Snatch – 3 attempts done.", Mode: "CURRENT_ATHLETE", Slot: components.SlotView{Kind: "down"}},
		},
		{
			name: "break: its message in the viewer's language and the break clock",
			lang: "fr",
			edit: func(f *hub.FOP) {
				f.Mode, f.Break, f.State, f.BreakType = "LIFT_COUNTDOWN", true, "BREAK", "FIRST_CJ"
				f.Current.FullName = "Session A1 &ndash; Time before Clean & Jerk" // OWLCMS's own language: not used
				f.BreakClock = hub.BreakClock{Event: "BreakStarted", Running: true, Remaining: 10 * time.Minute, ReceivedAt: anchor}
			},
			want: components.AttemptBarView{Break: true, FullName: "Plateau A1 – Décompte avant l'épaulé-jeté",
				SessionLine: "Invented Open", Mode: "LIFT_COUNTDOWN",
				Slot: components.SlotView{Kind: "break", Text: "10:00", RemainingMS: 600000,
					AnchorMS: anchor.UnixMilli(), Running: true}},
		},
		{
			name: "interruption: no countdown",
			lang: "en",
			edit: func(f *hub.FOP) {
				f.Mode, f.Break, f.State, f.BreakType = "INTERRUPTION", true, "BREAK", "JURY"
				f.Current.FullName = "Jury deliberation"
				f.BreakClock = hub.BreakClock{Indefinite: true}
			},
			want: components.AttemptBarView{Break: true, FullName: "Session A1 – Jury Deliberation", Mode: "INTERRUPTION",
				SessionLine: "Invented Open", Slot: components.SlotView{Kind: "stop", Label: "Jury Deliberation"}},
		},
		{
			name: "no session: competition name and waiting",
			lang: "en",
			edit: func(f *hub.FOP) { f.State, f.Mode, f.CurrentKey = "INACTIVE", "WAIT", "" },
			want: components.AttemptBarView{Waiting: true, Mode: "WAIT", Message: "Invented Open", SessionLine: "Waiting for next session."},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := boardtest.Lifting("A")
			if tt.edit != nil {
				tt.edit(f)
			}
			got := board.AttemptBar(req(f, tt.lang))
			if diff := gocmp.Diff(tt.want, got); diff != "" {
				t.Errorf("AttemptBar (-want +got):\n%s", diff)
			}
		})
	}
}

func TestAttemptBarUnknownPlatformWaits(t *testing.T) {
	r := board.NewRequest(boardtest.Snapshot(nil), "Z", "en", board.DefaultOptions, nil)
	if got := board.AttemptBar(r); !got.Waiting || got.SessionLine != "Waiting for next session." {
		t.Errorf("unknown platform: %+v", got)
	}
}

func TestClock(t *testing.T) {
	for d, want := range map[time.Duration]string{
		0: "0:00", -time.Second: "0:00", 60 * time.Second: "1:00", 59001 * time.Millisecond: "1:00",
		59 * time.Second: "0:59", 120 * time.Second: "2:00", 1 * time.Millisecond: "0:01", 10 * time.Minute: "10:00",
		59*time.Minute + 59*time.Second: "59:59", time.Hour: "1:00:00", time.Hour + 61*time.Second: "1:01:01",
	} {
		if got := board.Clock(d); got != want {
			t.Errorf("Clock(%v) = %q, want %q", d, got, want)
		}
	}
}

func TestAttemptCell(t *testing.T) {
	tests := []struct {
		in   hub.Attempt
		want components.Cell
	}{
		{hub.Attempt{Value: "100", Status: hub.AttemptGood}, components.Cell{Text: "100", Status: "good"}},
		{hub.Attempt{Value: "100", Status: hub.AttemptBad}, components.Cell{Text: "(100)", Status: "bad"}},
		{hub.Attempt{Value: "101", Status: hub.AttemptRequest}, components.Cell{Text: "101", Status: "request"}},
		{hub.Attempt{Value: "102", Status: hub.AttemptCurrent}, components.Cell{Text: "102", Status: "current"}},
		{hub.Attempt{Value: "103", Status: hub.AttemptNext}, components.Cell{Text: "103", Status: "next"}},
		{hub.Attempt{Status: hub.AttemptEmpty}, components.Cell{Status: "empty"}},
		{hub.Attempt{Value: "", Status: hub.AttemptGood}, components.Cell{Status: "empty"}},
	}
	for _, tt := range tests {
		if got := board.AttemptCell(tt.in); got != tt.want {
			t.Errorf("AttemptCell(%+v) = %+v, want %+v", tt.in, got, tt.want)
		}
	}
}

func TestRowsSpacers(t *testing.T) {
	f := boardtest.Lifting("A")
	tests := []struct {
		order []string
		want  string // one letter per row: the athlete's key, '|' a spacer
	}{
		{[]string{"|", "a", "b", "|", "c"}, "ab|c"},
		{[]string{"a", "|", "|", "b", "|"}, "a|b"},
		{[]string{"a", "zz", "b"}, "ab"}, // a key OWLCMS sent no athlete for is skipped
		{nil, ""},
	}
	for _, tt := range tests {
		rows := board.Rows(f, boardtest.Order(f, tt.order...))
		got := ""
		for _, r := range rows {
			if r.Spacer {
				got += "|"
			} else {
				got += string(r.Name[0] + 'a' - 'A')
			}
		}
		if got != tt.want {
			t.Errorf("Rows(%v) = %q, want %q", tt.order, got, tt.want)
		}
	}
}

func TestRowHighlights(t *testing.T) {
	f := boardtest.Lifting("A")
	rows := board.Rows(f, f.LiftingOrder)
	type mark struct{ Current, Next bool }
	var got []mark
	for _, r := range rows {
		got = append(got, mark{r.Current, r.Next})
	}
	if diff := gocmp.Diff([]mark{{Current: true}, {Next: true}, {}}, got); diff != "" {
		t.Errorf("current/next (-want +got):\n%s", diff)
	}
	if rows[0].Snatch[1] != (components.Cell{Text: "81", Status: "current"}) {
		t.Errorf("current request cell: %+v", rows[0].Snatch[1])
	}
	if rows[2].Snatch[0] != (components.Cell{Text: "(85)", Status: "bad"}) {
		t.Errorf("failed cell: %+v", rows[2].Snatch[0])
	}
}

func TestGridColumns(t *testing.T) {
	f := boardtest.Lifting("A")
	f.Display = hub.DisplayFlags{ShowLiftRanks: true, ShowSinclair: true}
	rows := board.Rows(f, f.StartOrder)
	c := board.GridColumns(f, rows)
	want := components.GridColumns{LiftRanks: true, Sinclair: true, Born: true}
	if diff := gocmp.Diff(want, c); diff != "" {
		t.Errorf("columns (-want +got):\n%s", diff)
	}
	rows[len(rows)-1].Custom2 = "B-team"
	want.Custom2 = true // used by one athlete: shown
	if diff := gocmp.Diff(want, board.GridColumns(f, rows)); diff != "" {
		t.Errorf("columns (-want +got):\n%s", diff)
	}
}

func TestLeaders(t *testing.T) {
	f := boardtest.WithLeadersAndRecords(boardtest.Lifting("A"))
	r := req(f, "en")
	// The sub-category in the start column (these athletes lift in other sessions), nobody
	// marked current or next.
	var got []string
	l := board.Leaders(r)
	if l == nil {
		t.Fatal("no leaders")
	}
	for _, row := range l.Rows {
		got = append(got, fmt.Sprintf("%q %s current=%v next=%v", row.Start, row.Name, row.Current, row.Next))
	}
	want := []string{`"A" XAVI, Xe current=false next=false`, `"" BEA, Bo current=false next=false`}
	if diff := gocmp.Diff(want, got); diff != "" {
		t.Errorf("leaders (-want +got):\n%s", diff)
	}
	if l.Title != "Leaders: SR 58" {
		t.Errorf("title %q", l.Title)
	}
	r.Options.ShowLeaders = false
	if board.Leaders(r) != nil {
		t.Error("showLeaders=false must hide the leaders")
	}
}

func TestRecords(t *testing.T) {
	f := boardtest.Lifting("A")
	r := req(f, "en")
	if board.Records(r) != nil {
		t.Error("no records sent: no block")
	}
	boardtest.WithLeadersAndRecords(f)
	want := &components.RecordsView{
		Title: "Records", Categories: []string{"SR 58"}, Lift: [3]string{"S", "CJ", "T"},
		Rows: []components.RecordsRow{{Name: "Invented Regional", Cells: [][3]components.RecordCell{
			{{Value: "90", Highlight: true}, {Value: "110"}, {Value: "199"}},
		}}},
		Attempt: "Record attempt",
	}
	if diff := gocmp.Diff(want, board.Records(r)); diff != "" {
		t.Errorf("records (-want +got):\n%s", diff)
	}
	r.Options.ShowRecords = false
	if board.Records(r) != nil {
		t.Error("showRecords=false must hide the records")
	}
}

func TestTranslateNeverShowsAKey(t *testing.T) {
	r := req(boardtest.Lifting("A"), "de")
	if got := r.T("Scoreboard.Missing", "Fallback"); got != "Fallback" {
		t.Errorf("missing key: %q", got)
	}
	if got := r.T("Snatch_number", "x"); got != "Snatch #{0}" {
		t.Errorf("unknown locale falls back to en: %q", got)
	}
	empty := board.NewRequest(&hub.Snapshot{}, "A", "fr", board.DefaultOptions, nil)
	if got := empty.T("Scoreboard.Start", "Start"); got != "Start" {
		t.Errorf("no translations at all: %q", got)
	}
}

func TestParseOptions(t *testing.T) {
	tests := []struct {
		query string
		want  board.Options
	}{
		{"", board.DefaultOptions},
		{"theme=light&size=1.5&showLeaders=false&showRecords=0", board.Options{Theme: "light", Size: 1.5, Safe: board.SafeGraphics}},
		{"theme=purple&size=abc&showLeaders=maybe&safe=wide", board.DefaultOptions},
		{"size=99", board.Options{Theme: "dark", Size: 2, ShowLeaders: true, ShowRecords: true, Safe: board.SafeGraphics}},
		{"size=0.1", board.Options{Theme: "dark", Size: 0.5, ShowLeaders: true, ShowRecords: true, Safe: board.SafeGraphics}},
		{"size=NaN&safe=NaN", board.DefaultOptions},
		{"size=large", board.Options{Theme: "dark", Size: 1.25, ShowLeaders: true, ShowRecords: true, Safe: board.SafeGraphics}},
		{"safe=action", board.Options{Theme: "dark", Size: 1, ShowLeaders: true, ShowRecords: true, Safe: 3.5}},
		{"safe=none", board.Options{Theme: "dark", Size: 1, ShowLeaders: true, ShowRecords: true}},
		{"safe=2.5%25", board.Options{Theme: "dark", Size: 1, ShowLeaders: true, ShowRecords: true, Safe: 2.5}},
		{"safe=60", board.Options{Theme: "dark", Size: 1, ShowLeaders: true, ShowRecords: true, Safe: 20}},
	}
	for _, tt := range tests {
		q, _ := url.ParseQuery(tt.query)
		if got := board.ParseOptions(q); got != tt.want {
			t.Errorf("ParseOptions(%q) = %+v, want %+v", tt.query, got, tt.want)
		}
	}
}

func TestFittingGrowsWithRowsAndColumns(t *testing.T) {
	f := boardtest.Lifting("A")
	rows := board.Rows(f, f.StartOrder)
	g := components.GridView{Rows: rows, Columns: board.GridColumns(f, rows)}
	base := board.Fitting(g, nil, nil)
	more := g
	more.Rows = append(append([]components.GridRow{}, rows...), rows...)
	if board.Fitting(more, nil, nil).Height <= base.Height {
		t.Error("more rows must need more height")
	}
	wide := g
	wide.Columns.Sinclair, wide.Columns.LiftRanks = true, true
	if board.Fitting(wide, nil, nil).Width <= base.Width {
		t.Error("more columns must need more width")
	}
}
