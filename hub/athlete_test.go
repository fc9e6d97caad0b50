package hub

import (
	"encoding/json"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestDecodeAttempt(t *testing.T) {
	tests := []struct {
		in   string
		want Attempt
	}{
		{`{"value":130,"status":"good"}`, Attempt{"130", AttemptGood}},
		{`{"value":130,"status":"bad"}`, Attempt{"130", AttemptBad}},
		{`{"value":170,"status":"current"}`, Attempt{"170", AttemptCurrent}},
		{`{"value":"212","status":"next"}`, Attempt{"212", AttemptNext}},
		{`{"value":100,"status":"request"}`, Attempt{"100", AttemptRequest}},
		{`{"value":"\u00a0","status":"empty"}`, Attempt{"", AttemptEmpty}},
		{`{"value":null,"status":"empty"}`, Attempt{"", AttemptEmpty}},
		{`{"value":null}`, Attempt{"", AttemptEmpty}},
		{`{"value":99,"status":null}`, Attempt{"99", AttemptGood}},
		{`{"value":99,"status":"weird"}`, Attempt{"99", AttemptRequest}},
		{`{"stringValue":"(105)","liftStatus":"fail"}`, Attempt{"105", AttemptBad}},
		{`{"stringValue":"110","liftStatus":"good"}`, Attempt{"110", AttemptGood}},
		{`{"stringValue":"-","liftStatus":"empty"}`, Attempt{"", AttemptEmpty}},
		{`120`, Attempt{"120", AttemptGood}},
		{`-120`, Attempt{"120", AttemptBad}},
		{`0`, Attempt{"", AttemptEmpty}},
		{`"(95)"`, Attempt{"95", AttemptBad}},
		{`"-"`, Attempt{"", AttemptEmpty}},
		{`""`, Attempt{"", AttemptEmpty}},
		{`null`, Attempt{"", AttemptEmpty}},
		{`{"value":`, Attempt{"", AttemptEmpty}},
	}
	for _, tt := range tests {
		if got := decodeAttempt(json.RawMessage(tt.in)); got != tt.want {
			t.Errorf("decodeAttempt(%s) = %+v, want %+v", tt.in, got, tt.want)
		}
	}
}

func TestAttemptsComputedFromLifts(t *testing.T) {
	tests := []struct {
		name  string
		lifts [3]Lift
		want  [3]Attempt
	}{
		{"nothing declared", [3]Lift{}, [3]Attempt{{"", AttemptEmpty}, {"", AttemptEmpty}, {"", AttemptEmpty}}},
		{"declared only", [3]Lift{{Declaration: 80}}, [3]Attempt{{"80", AttemptRequest}, {"", AttemptEmpty}, {"", AttemptEmpty}}},
		{"good then change", [3]Lift{{ActualLift: 80}, {AutomaticProgression: 81, Declaration: 83, Change1: 84}},
			[3]Attempt{{"80", AttemptGood}, {"84", AttemptRequest}, {"", AttemptEmpty}}},
		{"only first pending shows", [3]Lift{{ActualLift: -80}, {AutomaticProgression: 80}, {Declaration: 90}},
			[3]Attempt{{"80", AttemptBad}, {"80", AttemptRequest}, {"", AttemptEmpty}}},
		{"all done", [3]Lift{{ActualLift: 80}, {ActualLift: -85}, {ActualLift: 85}},
			[3]Attempt{{"80", AttemptGood}, {"85", AttemptBad}, {"85", AttemptGood}}},
	}
	for _, tt := range tests {
		if got := attemptsOrComputed(nil, tt.lifts); got != tt.want {
			t.Errorf("%s: got %+v, want %+v", tt.name, got, tt.want)
		}
	}
}

func TestDecodeAthleteFallbacks(t *testing.T) {
	h := New(Options{})
	db := loadSmallDatabase(t, h)
	tests := []struct {
		name string
		in   string
		want Athlete
	}{
		{
			name: "displayInfo wins",
			in: `{"athleteKey":"1","athlete":{"key":1,"lastName":"Okafor","firstName":"Ada","team":-1129382747,"categoryCode":"SR_F63"},
			      "displayInfo":{"fullName":"OKAFOR, Ada Z.","teamName":"Shown Team","category":"W63","yearOfBirth":"1998","total":"180","classname":"next"}}`,
			want: Athlete{Key: "1", FullName: "OKAFOR, Ada Z.", FirstName: "Ada", LastName: "Okafor", TeamName: "Shown Team",
				Category: "W63", CategoryCode: "SR_F63", YearOfBirth: "1998", Total: "180", ClassName: "next"},
		},
		{
			name: "DTO only: names, team, category and birth year from the database",
			in: `{"athleteKey":"2","athlete":{"key":2,"lastName":"Lindqvist","firstName":"Saga","team":402118833,
			      "categoryCode":"SR_F63","fullBirthDate":[2001,7,2],"startNumber":2,"snatch1ActualLift":78,"cleanJerk1ActualLift":95}}`,
			want: Athlete{Key: "2", FullName: "LINDQVIST, Saga", FirstName: "Saga", LastName: "Lindqvist", TeamName: "Riverside WC",
				Category: "SR 63", CategoryCode: "SR_F63", YearOfBirth: "2001", StartNumber: "2", Total: "173"},
		},
		{
			name: "birth date as a string (the live DTO form)",
			in:   `{"athlete":{"key":3,"lastName":"A","firstName":"B","fullBirthDate":"1992-10-15"},"displayInfo":{"yearOfBirth":""}}`,
			want: Athlete{Key: "3", FullName: "A, B", FirstName: "B", LastName: "A", YearOfBirth: "1992", Total: "-"},
		},
		{
			name: "legacy flat row: team name in the row, HTML flag dropped",
			in:   `{"key":"4","fullName":"ROW, Legacy","teamName":"Old Club","flagURL":"<img src=x onerror=alert(1)>","category":"M79"}`,
			want: Athlete{Key: "4", FullName: "ROW, Legacy", TeamName: "Old Club", Category: "M79", Total: "-"},
		},
		{
			name: "entities decoded once",
			in:   `{"athlete":{"key":5},"displayInfo":{"fullName":"D&amp;A, Team &ndash; X"}}`,
			want: Athlete{Key: "5", FullName: "D&A, Team – X", Total: "-"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := decodeAthlete(db, json.RawMessage(tt.in))
			if got == nil {
				t.Fatal("nil athlete")
			}
			check := func(field, g, w string) {
				if g != w {
					t.Errorf("%s: got %q, want %q", field, g, w)
				}
			}
			check("key", got.Key, tt.want.Key)
			check("fullName", got.FullName, tt.want.FullName)
			check("firstName", got.FirstName, tt.want.FirstName)
			check("lastName", got.LastName, tt.want.LastName)
			check("team", got.TeamName, tt.want.TeamName)
			check("category", got.Category, tt.want.Category)
			check("yearOfBirth", got.YearOfBirth, tt.want.YearOfBirth)
			check("total", got.Total, tt.want.Total)
			check("class", got.ClassName, tt.want.ClassName)
			check("flag", got.FlagURL, tt.want.FlagURL)
			if tt.want.StartNumber != "" {
				check("startNumber", got.StartNumber, tt.want.StartNumber)
			}
		})
	}
}

func TestAthleteClasses(t *testing.T) {
	a := &Athlete{ClassName: "current blink"}
	if !a.IsCurrent() || a.IsNext() {
		t.Error("current blink")
	}
	if b := (&Athlete{ClassName: "next"}); !b.IsNext() || b.IsCurrent() {
		t.Error("next")
	}
}

// TestLiveParticipations: the live athlete carries OWLCMS's ranks in every category it is
// ranked in (a junior among the seniors too), as the update sends them.
func TestLiveParticipations(t *testing.T) {
	in := `{"athleteKey":"7","athlete":{"key":7,"categoryCode":"JR_M81","participations":[
		{"categoryCode":"JR_M81","snatchRank":1,"cleanJerkRank":2,"totalRank":1,"teamMember":true,"championshipType":"U"},
		{"categoryCode":"SR_M81","snatchRank":4,"cleanJerkRank":5,"totalRank":4,"championshipType":"IWF"}]}}`
	got := decodeAthlete(nil, json.RawMessage(in))
	want := []Participation{
		{CategoryCode: "JR_M81", SnatchRank: 1, CleanJerkRank: 2, TotalRank: 1, TeamMember: true, ChampionshipType: "U"},
		{CategoryCode: "SR_M81", SnatchRank: 4, CleanJerkRank: 5, TotalRank: 4, ChampionshipType: "IWF"},
	}
	if d := cmp.Diff(want, got.Participations); d != "" {
		t.Errorf("participations (-want +got)\n%s", d)
	}
}
