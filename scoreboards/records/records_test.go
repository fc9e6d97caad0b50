package records

import (
	"testing"

	gocmp "github.com/google/go-cmp/cmp"

	"github.com/owlcms/tracker/hub"
	"github.com/owlcms/tracker/scoreboards/board"
	"github.com/owlcms/tracker/scoreboards/board/boardtest"
)

// rec is an invented record of a men's 73-81 kg class.
func rec(name, ageGroup string, lower, upper int, lift string, value float64) hub.Record {
	return hub.Record{Name: name, Federation: "IWF", Lift: lift, Value: value, AgeGroup: ageGroup, AgeLower: lower, AgeUpper: upper,
		BWLower: 73, BWUpper: 81, BWCategory: "81", Gender: "M", AthleteName: "HOLDER, Old", Year: 2024}

}

// setHere is a record set in session of the invented meet by athlete.
func setHere(r hub.Record, session, athlete, team string) hub.Record {
	r.Session, r.Event, r.AthleteName, r.Nation, r.Year = session, "Invented Open", athlete, team, 2026
	return r
}

// meetWithRecords is the ceremony boards' invented meet (platform A lifting session M2: three
// seniors of SR 81 and Carver, a junior of 19 in JR 81) with records: the regional and the
// national lists, Carver's junior clean & jerk and total set earlier in the session, a senior
// 96 kg snatch set in M1, and a junior snatch set at another meet (it names a session too).
// Arnott's 160 kg clean & jerk attacks the senior regional record.
func meetWithRecords(t testing.TB) *hub.Snapshot {
	s := boardtest.CeremonyMeet(t)
	db := *s.Database
	sr96 := rec("Invented Regional", "SR", 15, 999, "SNATCH", 148)
	sr96.BWLower, sr96.BWUpper, sr96.BWCategory = 89, 96, "96"
	women := rec("Invented Regional", "SR", 15, 999, "SNATCH", 95)
	women.Gender = "F"
	winter := rec("Invented Regional", "JR", 15, 20, "SNATCH", 113)
	winter.Session, winter.Event = "P5", "Winter Cup"
	db.Records = []hub.Record{
		rec("Invented National", "SR", 15, 999, "SNATCH", 140),
		rec("Invented National", "SR", 15, 999, "CLEANJERK", 170),
		rec("Invented National", "SR", 15, 999, "TOTAL", 305),
		rec("Invented Regional", "SR", 15, 999, "SNATCH", 130),
		rec("Invented Regional", "SR", 15, 999, "CLEANJERK", 158),
		rec("Invented Regional", "SR", 15, 999, "TOTAL", 285),
		rec("Invented Regional", "JR", 15, 20, "SNATCH", 112),
		rec("Invented Regional", "JR", 15, 20, "CLEANJERK", 140),
		rec("Invented Regional", "JR", 15, 20, "TOTAL", 250),
		sr96, women, winter,
		setHere(func() hub.Record { r := sr96; r.Value = 150; return r }(), "M1", "DAHL, Erik", "Fjord WC"),
		setHere(rec("Invented Regional", "JR", 15, 20, "CLEANJERK", 143), "M2", "CARVER, Dan", "Cedar Point"),
		setHere(rec("Invented Regional", "JR", 15, 20, "TOTAL", 257), "M2", "CARVER, Dan", "Cedar Point"),
	}
	db.RecordConfig = hub.RecordConfig{RecordOrder: []string{"Invented Regional", "Invented National"}}
	s.Database = &db
	f := s.FOPs["A"]
	f.Records = &hub.Records{Names: []string{"Invented Regional", "Invented National"}, Columns: []hub.RecordColumn{
		{Category: "SR 81", Rows: []hub.RecordRow{{Snatch: "130", CleanJerk: "158", Total: "285", CleanJerkHighlight: true}, {Snatch: "140", CleanJerk: "170", Total: "305"}}},
	}}
	f.RecordKind = "attempt"
	return s
}

func TestData(t *testing.T) {
	jr := func(s, cj, tot Cell) Row {
		return Row{Category: "JR 81", Name: "Invented Regional", Cells: [3]Cell{s, cj, tot}}
	}
	srRegional := func(cj Cell) Row {
		return Row{Category: "SR 81", Name: "Invented Regional", Cells: [3]Cell{{Value: "130"}, cj, {Value: "285"}}}
	}
	srNational := Row{Category: "SR 81", Name: "Invented National", Cells: [3]Cell{{Value: "140"}, {Value: "170"}, {Value: "305"}}}
	dahl := SetRecord{Category: "SR 96", Name: "Invented Regional", Lift: "Snatch", Value: "150", Athlete: "DAHL, Erik", Team: "Fjord WC", Session: "M1"}
	carver := []SetRecord{
		{Category: "JR 81", Name: "Invented Regional", Lift: "Clean & Jerk", Value: "143", Athlete: "CARVER, Dan", Team: "Cedar Point", Session: "M2"},
		{Category: "JR 81", Name: "Invented Regional", Lift: "Total", Value: "257", Athlete: "CARVER, Dan", Team: "Cedar Point", Session: "M2"},
	}
	type shown struct {
		InPlay []Row
		Set    []SetRecord
	}
	tests := []struct {
		name string
		edit func(s *hub.Snapshot)
		want shown
	}{
		{"attempt", nil, shown{
			// Juniors first (OWLCMS's order: the younger age group), the regional list before
			// the national one as the competition orders them; the winter meet's snatch is
			// the junior record but not this meet's.
			InPlay: []Row{jr(Cell{Value: "113"}, Cell{Value: "143", New: true}, Cell{Value: "257", New: true}),
				srRegional(Cell{Value: "158", Attempt: true}), srNational},
			Set: append([]SetRecord{dahl}, carver...),
		}},
		{"down signal", func(s *hub.Snapshot) {
			f := s.FOPs["A"]
			f.Judged = &hub.Stage{Attempt: f.Current, Key: f.CurrentKey, LiftType: f.LiftType, Records: f.Records}
			f.Decision = hub.Decision{Event: "DOWN_SIGNAL", Down: true}
		}, shown{
			InPlay: []Row{jr(Cell{Value: "113"}, Cell{Value: "143", New: true}, Cell{Value: "257", New: true}),
				srRegional(Cell{Value: "158", Attempt: true}), srNational},
			Set: append([]SetRecord{dahl}, carver...),
		}},
		{"no attempt once lifted", func(s *hub.Snapshot) { s.FOPs["A"].RecordKind = "none" }, shown{
			InPlay: []Row{jr(Cell{Value: "113"}, Cell{Value: "143", New: true}, Cell{Value: "257", New: true}),
				srRegional(Cell{Value: "158"}), srNational},
			Set: append([]SetRecord{dahl}, carver...),
		}},
		{"jury denied Carver's clean & jerk", func(s *hub.Snapshot) {
			s.FOPs["A"].Decision = hub.Decision{Event: "JURY_DECISION", JuryDecision: "BAD_LIFT",
				Jury: hub.JuryDetails{AthleteFull: "CARVER, Dan", ActualLift: "CLEANJERK", RecordKind: "denied"}}
		}, shown{
			// While the denial shows, no record is flagged: neither set nor attempted.
			InPlay: []Row{jr(Cell{Value: "113"}, Cell{Value: "140"}, Cell{Value: "250"}), srRegional(Cell{Value: "158"}), srNational},
			Set:    []SetRecord{dahl},
		}},
		{"an athlete of the national federation only", func(s *hub.Snapshot) {
			db := *s.Database
			db.Athletes = append([]hub.DBAthlete(nil), db.Athletes...)
			for i := range db.Athletes {
				db.Athletes[i].FederationCodes = "NAT"
			}
			db.Records = append([]hub.Record(nil), db.Records...)
			for i := range db.Records {
				if db.Records[i].Name == "Invented National" {
					db.Records[i].Federation = "NAT"
				}
			}
			s.Database = &db
		}, shown{InPlay: []Row{srNational}, Set: append([]SetRecord{dahl}, carver...)}},
		{"before the weigh-in: the category's limit", func(s *hub.Snapshot) {
			db := *s.Database
			db.Athletes = append([]hub.DBAthlete(nil), db.Athletes...)
			for i := range db.Athletes {
				db.Athletes[i].BodyWeight, db.Athletes[i].PresumedBodyWeight = 0, 0
			}
			s.Database = &db
		}, shown{
			InPlay: []Row{jr(Cell{Value: "113"}, Cell{Value: "143", New: true}, Cell{Value: "257", New: true}),
				srRegional(Cell{Value: "158", Attempt: true}), srNational},
			Set: append([]SetRecord{dahl}, carver...),
		}},
		{"no session", func(s *hub.Snapshot) { s.FOPs["A"].Hidden = true }, shown{Set: append([]SetRecord{dahl}, carver...)}},
	}
	for _, tt := range tests {
		s := meetWithRecords(t)
		f := *s.FOPs["A"]
		s.FOPs = map[string]*hub.FOP{"A": &f}
		if tt.edit != nil {
			tt.edit(s)
		}
		v := Data(board.NewRequest(s, "A", "en", board.DefaultOptions, nil))
		if d := gocmp.Diff(tt.want, shown{v.InPlay, v.Set}); d != "" {
			t.Errorf("%s (-want +got):\n%s", tt.name, d)
		}
	}
}
