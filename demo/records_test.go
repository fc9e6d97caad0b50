package demo

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestRecordsSetByALift: a senior man of 79 kg (records 149, 182, 329) asks for a record within
// reach, attacks it, and sets it: the new record names the session and the meet, the old one
// stays, and the export carries both.
func TestRecordsSetByALift(t *testing.T) {
	c := NewDemo()
	cat := c.category("SR", Male, 79)
	a := testAthlete(1, 140, 175)
	a.Category, a.Participations = cat, []*Category{cat}
	lift(t, a, true, at(1))
	if err := a.Declare(1, 145); err != nil {
		t.Fatal(err)
	}
	lift(t, a, true, at(2))
	w, ok := c.RecordWithin(a, Snatch, 145, 12)
	if !ok || w != 150 {
		t.Fatalf("record within 12 kg of 145: %d %v, want 150", w, ok)
	}
	if _, ok := c.RecordWithin(a, Snatch, 130, 12); ok {
		t.Error("a record 19 kg away is within reach")
	}
	if err := a.Declare(2, w); err != nil {
		t.Fatal(err)
	}
	if !c.AttacksRecord(a) {
		t.Error("150 kg does not attack the 149 kg record")
	}
	before := len(c.Records)
	lift(t, a, true, at(3))
	if n := c.SetRecords(a, "B1"); n != 1 {
		t.Fatalf("%d records set, want 1", n)
	}
	got := c.Records[before]
	want := Record{Name: recordName, Federation: recordFederation, Lift: "SNATCH", Value: 150, AgeGroup: "SR", Gender: Male,
		Holder: a.FullName(), Nation: a.Team, Session: "B1", Event: c.Name}
	pick := func(r Record) Record {
		return Record{Name: r.Name, Federation: r.Federation, Lift: r.Lift, Value: r.Value, AgeGroup: r.AgeGroup, Gender: r.Gender,
			Holder: r.Holder, Nation: r.Nation, Session: r.Session, Event: r.Event}
	}
	if d := cmp.Diff(want, pick(got)); d != "" {
		t.Errorf("new record (-want +got):\n%s", d)
	}
	if c.recordsFor(cat, recordName)["SNATCH"] != 150 || c.AttacksRecord(a) {
		t.Error("the new record is not the category's record")
	}
	// A failed lift sets nothing.
	b := testAthlete(2, 150, 175)
	b.Category, b.Participations = cat, []*Category{cat}
	lift(t, b, false, at(4))
	if n := c.SetRecords(b, "B1"); n != 0 {
		t.Errorf("a missed lift set %d records", n)
	}
}
