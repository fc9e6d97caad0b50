package attemptboard

import (
	"log/slog"
	"net/url"
	"testing"
	"time"

	"github.com/owlcms/tracker/hub"
	"github.com/owlcms/tracker/scoreboards/board"
	"github.com/owlcms/tracker/scoreboards/board/boardtest"
)

// snapshot is the invented platform A (Ada lifting 81 kg) with a database holding the
// competition set's plates, and Ada's picture and her club's flag among the assets.
func snapshot(t *testing.T, f *hub.FOP) *hub.Snapshot {
	t.Helper()
	f.Athletes[0].LastName, f.Athletes[0].FirstName = "Ada", "Ann"
	f.Athletes[0].Gender, f.Athletes[0].Membership = "F", "M-001"
	h := hub.New(hub.Options{Logger: slog.New(slog.DiscardHandler)})
	db := `{"formatVersion":"2.0","competition":{"competitionName":"Invented Open"},
		"platforms":[{"name":"A","nbL_25":3,"nbL_20":1,"nbL_15":1,"nbL_10":1,"nbS_5":1,"nbS_2_5":1,"nbS_2":1,
		"nbS_1_5":1,"nbS_1":1,"nbS_0_5":1,"nbC_2_5":1,"nbB_20":1,"nbB_15":1}],
		"athletes":[{"key":1,"lastName":"Ada","firstName":"Ann"}]}`
	if _, err := h.LoadDatabaseJSON([]byte(db), ""); err != nil {
		t.Fatal(err)
	}
	for kind, name := range map[hub.AssetKind]string{hub.AssetPictures: "M-001.jpg", hub.AssetFlags: "Club One.svg"} {
		if _, err := h.ReplaceAssetsZip(kind, zipOf(t, name)); err != nil {
			t.Fatal(err)
		}
	}
	s := *h.Snapshot()
	s.FOPs = map[string]*hub.FOP{f.Name: f}
	return &s
}

func TestData(t *testing.T) {
	t0 := time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC)
	tests := []struct {
		name  string
		edit  func(f *hub.FOP)
		query string
		check func(t *testing.T, v View)
	}{
		{"the lifter, the weight and the loaded bar", nil, "", func(t *testing.T, v View) {
			want(t, v.LastName == "ADA" && v.FirstName == "Ann" && v.Team == "Club One" && v.StartNumber == "1" && v.Category == "SR 58", "lifter %+v", v)
			want(t, v.AttemptHTML == "Snatch #2" && v.Weight == "81", "attempt %q weight %q", v.AttemptHTML, v.Weight)
			// 81 kg on a women's bar: 15 + collars 5 + 2 × (25 + 5 + 0.5).
			want(t, v.Barbell != nil && v.Barbell.Exact && classes(v.Barbell) == "L_25 S_5 C_2_5 S_0_5", "barbell %+v", v.Barbell)
			want(t, v.PictureURL == "/local/pictures/M-001.jpg" && v.FlagURL == "/local/flags/Club%20One.svg", "images %q %q", v.PictureURL, v.FlagURL)
			want(t, v.ShowSlot && v.Slot.Kind == "clock" && !v.Decision, "slot %+v", v.Slot)
		}},
		{"every option off", nil, "showPlates=false&showTimer=false&showPicture=false&showFlag=false", func(t *testing.T, v View) {
			want(t, v.Barbell == nil && !v.ShowSlot && v.PictureURL == "" && v.FlagURL == "", "hidden parts shown: %+v", v)
			want(t, v.Weight == "81", "the weight stays: %q", v.Weight)
		}},
		{"options on, spelled otherwise", nil, "showPlates=1&showTimer=yes&showPicture=on&showFlag=TRUE", func(t *testing.T, v View) {
			want(t, v.Barbell != nil && v.ShowSlot && v.PictureURL != "" && v.FlagURL != "", "parts missing: %+v", v)
		}},
		{"the decision takes the centre", func(f *hub.FOP) {
			f.Decision = hub.Decision{Event: "FULL_DECISION", Visible: true, Lights: [3]hub.Light{hub.LightGood, hub.LightGood, hub.LightBad}, ReceivedAt: t0}
		}, "", func(t *testing.T, v View) {
			want(t, v.Decision && v.Slot.Kind == "lights" && v.ShowSlot, "decision %+v", v.Slot)
		}},
		{"decisions hidden: the clock stays", func(f *hub.FOP) {
			f.Decision = hub.Decision{Event: "DOWN_SIGNAL", Down: true, DownAt: t0, ReceivedAt: t0}
		}, "showDecisions=false", func(t *testing.T, v View) {
			want(t, !v.Decision && v.Slot.Kind == "clock" && v.Slot.Hold == nil, "decision shown: %+v", v.Slot)
		}},
		{"decisions shown with the clock hidden", func(f *hub.FOP) {
			f.Decision = hub.Decision{Event: "DOWN_SIGNAL", Down: true, DownAt: t0, ReceivedAt: t0}
		}, "showTimer=false", func(t *testing.T, v View) {
			want(t, v.Decision && v.Slot.Kind == "down" && v.ShowSlot, "down signal %+v", v.Slot)
		}},
		{"countdown to the C&J: the break, its clock, the first weight", func(f *hub.FOP) {
			f.State, f.Break, f.Mode, f.BreakType = "BREAK", true, "LIFT_COUNTDOWN", "FIRST_CJ"
			f.BreakClock = hub.BreakClock{Event: "BreakStarted", Running: true, Remaining: 10 * time.Minute, ReceivedAt: t0}
		}, "", func(t *testing.T, v View) {
			want(t, v.Break && v.Headline == "Session A1" && v.Message == "Time before Clean & Jerk", "break %q %q", v.Headline, v.Message)
			want(t, v.Slot.Kind == "break" && v.Weight == "81" && v.Barbell != nil && v.LastName == "", "countdown %+v", v)
		}},
		{"jury deliberation: no weight", func(f *hub.FOP) {
			f.State, f.Break, f.Mode, f.BreakType = "BREAK", true, "INTERRUPTION", "JURY"
		}, "", func(t *testing.T, v View) {
			want(t, v.Break && v.Message == "Jury Deliberation" && v.Slot.Kind == "stop" && v.Weight == "" && v.Barbell == nil, "interruption %+v", v)
		}},
		{"no session: the competition and the wait", func(f *hub.FOP) { f.Hidden = true }, "", func(t *testing.T, v View) {
			want(t, v.Waiting && v.Headline == "Invented Open" && v.Message == "Waiting for the next session.", "waiting %+v", v)
		}},
		{"a long last name", func(f *hub.FOP) { f.Athletes[0].LastName = "Papadopoulou-Konstantinidou" }, "", func(t *testing.T, v View) {
			want(t, v.LongName, "not marked long: %q", v.LastName)
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := boardtest.Lifting("A")
			s := snapshot(t, f)
			if tt.edit != nil {
				tt.edit(f)
			}
			q, _ := url.ParseQuery(tt.query)
			r := board.NewRequest(s, "A", "en", board.DefaultOptions, Board.BoardQuery(q))
			r.Now = t0.Add(100 * time.Millisecond)
			tt.check(t, Data(r))
		})
	}
}

func want(t *testing.T, ok bool, format string, args ...any) {
	t.Helper()
	if !ok {
		t.Errorf(format, args...)
	}
}

func classes(b *Barbell) string {
	s := ""
	for i, p := range b.Plates {
		if i > 0 {
			s += " "
		}
		s += p.Class
	}
	return s
}
