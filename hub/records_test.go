package hub

import (
	"log/slog"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestRecordsSetAtThisMeet: OWLCMS names the session of a record it created from a lift, and
// the competition; a record created at an earlier meet run with the same database names its
// session too, and is not this meet's.
func TestRecordsSetAtThisMeet(t *testing.T) {
	h := New(Options{Logger: slog.New(slog.DiscardHandler)})
	_, err := h.LoadDatabaseJSON([]byte(`{"formatVersion":"2.0","competition":{"competitionName":"Spring Open"},
		"athletes":[{"key":1,"lastName":"A","firstName":"B","federationCodes":"NVF, IWF"}],
		"records":[
		 {"recordName":"R","recordLift":"SNATCH","recordValue":90},
		 {"recordName":"R","recordLift":"SNATCH","recordValue":91,"groupNameString":"M1","event":"Spring Open"},
		 {"recordName":"R","recordLift":"SNATCH","recordValue":92,"groupNameString":"P5","event":"Winter Cup"},
		 {"recordName":"R","recordLift":"SNATCH","recordValue":93,"groupNameString":"M2"}]}`), "")
	if err != nil {
		t.Fatal(err)
	}
	db := h.Snapshot().Database
	var got []bool
	for _, r := range db.Records {
		got = append(got, r.SetAt("Spring Open"))
	}
	if d := cmp.Diff([]bool{false, true, false, true}, got); d != "" {
		t.Errorf("set at this meet (-want +got):\n%s", d)
	}
	if a, _ := db.Athlete("1"); a == nil || a.FederationCodes != "NVF, IWF" {
		t.Errorf("federation codes not decoded: %+v", a)
	}
}
