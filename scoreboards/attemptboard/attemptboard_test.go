package attemptboard

import (
	"log/slog"
	"net/url"
	"testing"
	"time"

	gocmp "github.com/google/go-cmp/cmp"

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

// summary is what a test of the attempt board's view model compares: the view without its
// page frame, the barbell as its plates' classes, the slot as its kind.
type summary struct {
	Waiting, Break, LongName, ShowSlot, Decision bool
	Headline, Message                            string
	LastName, FirstName, Team, Start, Category   string
	Attempt, Weight, Plates, Picture, Flag, Slot string
	Exact, Held                                  bool
	Jury                                         string
}

func summarize(v View) summary {
	s := summary{
		Waiting: v.Waiting, Break: v.Break, LongName: v.LongName, ShowSlot: v.ShowSlot, Decision: v.Decision,
		Headline: v.Headline, Message: v.Message,
		LastName: v.LastName, FirstName: v.FirstName, Team: v.Team, Start: v.StartNumber, Category: v.Category,
		Attempt: v.AttemptHTML, Weight: v.Weight, Picture: v.PictureURL, Flag: v.FlagURL, Slot: v.Slot.Kind,
		Held: v.Slot.Hold != nil, Jury: v.Jury,
	}
	if v.Barbell != nil {
		s.Plates, s.Exact = classes(v.Barbell), v.Barbell.Exact
	}
	return s
}

func TestData(t *testing.T) {
	t0 := time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC)
	// lifting is the main case: Ada's second snatch, 81 kg on a women's bar: 15 + collars 5 +
	// 2 × (25 + 5 + 0.5), with her picture and her club's flag.
	lifting := summary{ShowSlot: true, LastName: "ADA", FirstName: "Ann", Team: "Club One", Start: "1", Category: "SR 58",
		Attempt: "Snatch #2", Weight: "81", Plates: "L_25 S_5 C_2_5 S_0_5", Exact: true,
		Picture: "/local/pictures/M-001.jpg", Flag: "/local/flags/Club%20One.svg", Slot: "clock"}
	with := func(edit func(s *summary)) summary { s := lifting; edit(&s); return s }
	tests := []struct {
		name  string
		edit  func(f *hub.FOP)
		query string
		want  summary
	}{
		{"the lifter, the weight and the loaded bar", nil, "", lifting},
		{"every option off: the weight stays", nil, "showPlates=false&showTimer=false&showPicture=false&showFlag=false", with(func(s *summary) {
			s.Plates, s.Exact, s.ShowSlot, s.Picture, s.Flag = "", false, false, "", ""
		})},
		{"options on, spelled otherwise", nil, "showPlates=1&showTimer=yes&showPicture=on&showFlag=TRUE", lifting},
		{"the decision takes the centre", func(f *hub.FOP) {
			f.Decision = hub.Decision{Event: "FULL_DECISION", Visible: true, Lights: [3]hub.Light{hub.LightGood, hub.LightGood, hub.LightBad}, ReceivedAt: t0}
		}, "", with(func(s *summary) { s.Decision, s.Slot = true, "lights" })},
		{"decisions hidden: the clock stays", func(f *hub.FOP) {
			f.Decision = hub.Decision{Event: "DOWN_SIGNAL", Down: true, DownAt: t0, ReceivedAt: t0}
		}, "showDecisions=false", lifting},
		{"decisions shown with the clock hidden", func(f *hub.FOP) {
			f.Decision = hub.Decision{Event: "DOWN_SIGNAL", Down: true, DownAt: t0, ReceivedAt: t0}
		}, "showTimer=false", with(func(s *summary) { s.Decision, s.Slot = true, "down" })},
		{"countdown to the C&J: the break, its clock, the first weight", func(f *hub.FOP) {
			f.State, f.Break, f.Mode, f.BreakType = "BREAK", true, "LIFT_COUNTDOWN", "FIRST_CJ"
			f.BreakClock = hub.BreakClock{Event: "BreakStarted", Running: true, Remaining: 10 * time.Minute, ReceivedAt: t0}
		}, "", summary{Break: true, ShowSlot: true, Headline: "Session A1", Message: "Time before Clean & Jerk",
			Weight: "81", Plates: "L_25 S_5 C_2_5 S_0_5", Exact: true, Slot: "break"}},
		{"jury deliberation: no weight", func(f *hub.FOP) {
			f.State, f.Break, f.Mode, f.BreakType = "BREAK", true, "INTERRUPTION", "JURY"
		}, "", summary{Break: true, ShowSlot: true, Headline: "Session A1", Message: "Jury Deliberation", Slot: "stop"}},
		{"the jury deliberates: the lift under review, the band, a stop sign", func(f *hub.FOP) { boardtest.JuryDeliberating(f) }, "",
			summary{ShowSlot: true, LastName: "BEA", FirstName: "Bo", Team: "Club Two", Start: "2", Category: "SR 58", Attempt: "Snatch #2",
				Weight: "83", Plates: "L_25 S_2_5 C_2_5 S_1_5", Exact: true, Slot: "stop", Jury: "Jury Deliberation"}},
		{"the jury has decided: its decision takes the centre", func(f *hub.FOP) {
			boardtest.JuryDeliberating(f)
			f.Jury.Verdict, f.Jury.Reversal, f.Jury.DecidedAt = hub.JuryGoodLift, true, t0
		}, "", summary{ShowSlot: true, Decision: true, Held: true, LastName: "BEA", FirstName: "Bo", Team: "Club Two", Start: "2", Category: "SR 58",
			Attempt: "Snatch #2", Weight: "83", Plates: "L_25 S_2_5 C_2_5 S_1_5", Exact: true, Slot: "stop"}},
		{"no session: the competition and the wait", func(f *hub.FOP) { f.Hidden = true }, "",
			summary{Waiting: true, Headline: "Invented Open", Message: "Waiting for next session."}},
		{"a long last name", func(f *hub.FOP) { f.Athletes[0].LastName = "Papadopoulou-Konstantinidou" }, "", with(func(s *summary) {
			s.LastName, s.LongName = "PAPADOPOULOU-KONSTANTINIDOU", true
		})},
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
			if diff := gocmp.Diff(tt.want, summarize(Data(r))); diff != "" {
				t.Errorf("view (-want +got):\n%s", diff)
			}
		})
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
