package web_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"
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

// bigSessionUpdate is the captured update with its session made of copies athletes: each of
// its four athletes n times over (new keys, start numbers following), in start order, as a
// 40-athlete session of OWLCMS would come.
func bigSessionUpdate(t *testing.T, fx string, copies int) json.RawMessage {
	t.Helper()
	dec := json.NewDecoder(bytes.NewReader(liftingOrderUpdate(t, fx, 170)))
	dec.UseNumber()
	var u map[string]any
	if err := dec.Decode(&u); err != nil {
		t.Fatal(err)
	}
	var athletes, order []any
	for c := range copies {
		for _, e := range u["sessionAthletes"].([]any) {
			b, _ := json.Marshal(e)
			d := json.NewDecoder(bytes.NewReader(b))
			d.UseNumber()
			var x map[string]any
			if err := d.Decode(&x); err != nil {
				t.Fatal(err)
			}
			if c > 0 {
				key := fmt.Sprint(x["athleteKey"]) + strconv.Itoa(c)
				x["athleteKey"] = key
				x["athlete"].(map[string]any)["key"] = json.Number(key)
				n := len(athletes) + 1
				x["displayInfo"].(map[string]any)["startNumber"] = strconv.Itoa(n)
			}
			athletes = append(athletes, x)
			order = append(order, json.Number(fmt.Sprint(x["athleteKey"])))
		}
	}
	u["sessionAthletes"], u["startOrderKeys"] = athletes, order
	b, err := json.Marshal(u)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
