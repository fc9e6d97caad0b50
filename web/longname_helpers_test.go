package web_test

import (
	"bytes"
	"encoding/json"
	"testing"
)

// Names of the long-name test: a name that needs more than the name column's 11em, of a
// team whose name needs more than the team column's.
const (
	longName = "KVÆRNØ-ØSTERBØ, Kim Aleksander"
	longTeam = "Trondheim Atletklubb Vektløfting og Styrkeløft"
)

// longNameUpdate is the captured update (KJELLEVAND's third clean & jerk at 170) with its first
// session athlete renamed longName, of the team longTeam, as OWLCMS would send them.
func longNameUpdate(t *testing.T, fx string) json.RawMessage {
	t.Helper()
	dec := json.NewDecoder(bytes.NewReader(liftingOrderUpdate(t, fx, 170)))
	dec.UseNumber()
	var u map[string]any
	if err := dec.Decode(&u); err != nil {
		t.Fatal(err)
	}
	e := u["sessionAthletes"].([]any)[0].(map[string]any)
	d := e["displayInfo"].(map[string]any)
	d["fullName"], d["teamName"] = longName, longTeam
	b, err := json.Marshal(u)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
