package hub

import (
	"errors"
	"slices"
	"testing"
)

func loadSmallDatabase(t *testing.T, h *Hub) *Database {
	t.Helper()
	if _, err := h.LoadDatabaseJSON(readTestdata(t, "database-small.json"), ""); err != nil {
		t.Fatal(err)
	}
	return h.Snapshot().Database
}

func TestDecodeDatabase(t *testing.T) {
	db := loadSmallDatabase(t, New(Options{}))

	if db.Checksum != "c0ffee00small" {
		t.Errorf("checksum from envelope: got %q", db.Checksum)
	}
	c := db.Competition
	if c.Name != "Harbour City Invitational & Open" || c.SinclairYear != 2024 || !c.SnatchCJTotalMedals || c.WomensTeamSize != 4 {
		t.Errorf("competition: %+v", c)
	}
	if c.Date.String() != "2026-05-16" {
		t.Errorf("competition date %q", c.Date.String())
	}
	if db.Config.DefaultLocale != "en" {
		t.Errorf("config %+v", db.Config)
	}
	if got := len(db.Athletes); got != 4 {
		t.Fatalf("athletes: got %d", got)
	}

	// Category codes are derived as OWLCMS does; ids above 2^53 stay exact.
	tests := []struct {
		code string
		id   int64
		name string
	}{
		{"SR_F63", 9007199254740993, "SR 63"},
		{"SR_F999", 9007199254740995, "SR >86"},
		{"SR_M79", 1809911237435867601, "SR 79"},
	}
	for _, tt := range tests {
		cat, ok := db.Category(tt.code)
		if !ok {
			t.Errorf("category %s missing", tt.code)
			continue
		}
		if cat.ID != tt.id || cat.Name != tt.name || cat.AgeGroupName != "Senior" {
			t.Errorf("category %s: %+v", tt.code, cat)
		}
	}

	ada, ok := db.Athlete("1234567890")
	if !ok {
		t.Fatal("athlete 1234567890 missing")
	}
	if ada.TeamName != "Northgate Barbell" || ada.BirthDate.String() != "1998-03-14" || ada.FullName() != "OKAFOR, Ada" {
		t.Errorf("ada: %+v", ada)
	}
	if ada.Snatch[0].ActualLift != 80 || ada.Snatch[1].ActualLift != -83 || ada.Snatch[1].AutomaticProgression != 81 ||
		ada.Snatch[2].Requested() != 83 || ada.CleanJerk[0].Requested() != 100 {
		t.Errorf("ada lifts: %+v %+v", ada.Snatch, ada.CleanJerk)
	}
	if len(ada.Participations) != 1 || !ada.Participations[0].TeamMember {
		t.Errorf("participations %+v", ada.Participations)
	}
	saga, _ := db.Athlete("-987654321")
	if saga.BirthDate.String() != "2001-07-02" || saga.BodyWeight != 61.9 || saga.StartNumber != 2 || saga.TeamName != "Riverside WC" {
		t.Errorf("saga (string forms): %+v", saga)
	}
	liam, _ := db.Athlete("56")
	if liam.TeamName != "" || liam.TeamID != 9999 {
		t.Errorf("unknown team id must give no name: %+v", liam)
	}

	if len(db.Sessions) != 2 || db.Sessions[0].Officials["referee2"] != "Tomas Vidal" || db.Sessions[0].Done || !db.Sessions[1].Done {
		t.Errorf("sessions %+v", db.Sessions)
	}
	if _, ok := db.Sessions[0].Officials["announcer"]; ok {
		t.Error("null official kept")
	}
	red, ok := db.Platform("Red")
	if !ok || red.Plates["nbL_25"] != 2 || red.Plates["nbS_0_5"] != 1 || !red.ShowTimer || red.ID != 1809911153890159400 {
		t.Errorf("platform %+v", red)
	}
	if len(db.SessionsOn("Blue")) != 1 {
		t.Error("SessionsOn")
	}
	if len(db.Records) != 2 || db.Records[0].Lift != "SNATCH" || db.Records[1].Value != 230 || db.Records[1].Session != "W1" {
		t.Errorf("records %+v", db.Records)
	}
	if len(db.RecordConfig.RecordOrder) != 1 || len(db.TechnicalOfficials) != 1 {
		t.Errorf("record config / officials: %+v %+v", db.RecordConfig, db.TechnicalOfficials)
	}
}

func TestDatabaseRejectedKeepsPrevious(t *testing.T) {
	tests := []struct {
		name string
		data string
	}{
		{"not json", `not json`},
		{"array", `[1,2]`},
		{"no athletes key", `{"competition":{"competitionName":"X"}}`},
		{"envelope without athletes", `{"database":{"teams":[]},"databaseChecksum":"zz"}`},
		{"athletes not array", `{"athletes":"nope"}`},
		{"truncated", `{"athletes":[{"key":1}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := New(Options{})
			before := loadSmallDatabase(t, h)
			_, err := h.LoadDatabaseJSON([]byte(tt.data), "")
			if !errors.Is(err, ErrBadPayload) {
				t.Fatalf("want ErrBadPayload, got %v", err)
			}
			if h.Snapshot().Database != before {
				t.Error("previous database replaced")
			}
		})
	}
}

func TestDatabaseDeduplication(t *testing.T) {
	h := New(Options{})
	data := readTestdata(t, "database-small.json")
	loadSmallDatabase(t, h)
	v := h.Snapshot().DatabaseVersion

	r, err := h.LoadDatabaseJSON(data, "")
	if err != nil || !r.Unchanged {
		t.Errorf("same bytes: %+v %v", r, err)
	}
	r, err = h.LoadDatabaseJSON([]byte(`{"athletes":[{"key":1}]}`), "c0ffee00small")
	if err != nil || !r.Unchanged {
		t.Errorf("same checksum must skip without parsing: %+v %v", r, err)
	}
	if h.Snapshot().DatabaseVersion != v {
		t.Error("version bumped by a duplicate")
	}
	r, err = h.LoadDatabaseJSON([]byte(`{"athletes":[{"key":1,"lastName":"New"}]}`), "other")
	if err != nil || r.Unchanged || r.Athletes != 1 || h.Snapshot().DatabaseVersion == v {
		t.Errorf("new database not loaded: %+v %v", r, err)
	}
}

func TestDatabaseZip(t *testing.T) {
	h := New(Options{})
	db := readTestdata(t, "database-small.json")
	z := zipOf(t, map[string][]byte{"meta.txt": []byte("x"), "competition.json": db})
	r, err := h.LoadDatabaseZip(z)
	if err != nil || r.Athletes != 4 {
		t.Fatalf("%+v %v", r, err)
	}
	if _, err := h.LoadDatabaseZip(zipOf(t, map[string][]byte{"readme.txt": []byte("x")})); !errors.Is(err, ErrBadPayload) {
		t.Errorf("zip without json: %v", err)
	}
	if _, err := h.LoadDatabaseZip([]byte("PK\x03\x04garbage")); !errors.Is(err, ErrBadPayload) {
		t.Errorf("corrupt zip: %v", err)
	}
	if h.Snapshot().Database.Competition.Name == "" {
		t.Error("database lost")
	}
}

// Before registration a competition has no athletes: its database is valid, and boards show the
// competition's name.
func TestDatabaseWithoutAthletesLoads(t *testing.T) {
	h := New(Options{})
	r, err := h.LoadDatabaseJSON([]byte(`{"competition":{"competitionName":"Spring Open"},"athletes":[],"platforms":[{"name":"A"}]}`), "")
	if err != nil {
		t.Fatalf("empty competition refused: %v", err)
	}
	s := h.Snapshot()
	if r.Athletes != 0 || s.Database == nil || s.Database.Competition.Name != "Spring Open" {
		t.Fatalf("database: %+v %+v", r, s.Database)
	}
	if slices.Contains(needResources(h), ResourceDatabase) {
		t.Error("database still listed as needed")
	}
	if _, err := h.Apply(MessageUpdate, []byte(`{"fop":"A","hidden":"true"}`)); err != nil {
		t.Fatal(err)
	}
	if got := h.Snapshot().FOP("A").CompetitionName; got != "Spring Open" {
		t.Errorf("competition name %q", got)
	}
}

func needResources(h *Hub) []Resource {
	var out []Resource
	for _, n := range h.Needs() {
		out = append(out, n.Resource)
	}
	return out
}
