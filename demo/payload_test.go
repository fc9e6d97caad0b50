package demo

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/owlcms/tracker/hub"
)

// decode parses a payload keeping numbers as json.Number, so that types can be checked.
func decode(t *testing.T, payload []byte) map[string]any {
	t.Helper()
	d := json.NewDecoder(bytes.NewReader(payload))
	d.UseNumber()
	var m map[string]any
	if err := d.Decode(&m); err != nil {
		t.Fatalf("payload is not a JSON object: %v", err)
	}
	return m
}

// kind names the JSON type of a decoded value.
func kind(v any) string {
	switch v.(type) {
	case nil:
		return "null"
	case string:
		return "string"
	case json.Number:
		return "number"
	case bool:
		return "bool"
	case []any:
		return "array"
	case map[string]any:
		return "object"
	}
	return fmt.Sprintf("%T", v)
}

func checkKinds(t *testing.T, where string, m map[string]any, want map[string]string) {
	t.Helper()
	for key, k := range want {
		v, ok := m[key]
		if !ok {
			t.Errorf("%s: key %q missing", where, key)
			continue
		}
		if got := kind(v); got != k {
			t.Errorf("%s: %q is %s (%v), want %s", where, key, got, v, k)
		}
	}
}

// keyString renders an order-list key (a JSON number) as sessionAthletes writes it.
func keyString(v any) string {
	if n, ok := v.(json.Number); ok {
		return n.String()
	}
	return ""
}

func TestDatabaseJSON(t *testing.T) {
	db := decode(t, DatabaseJSON())
	checkKinds(t, "database", db, map[string]string{
		"formatVersion": "string", "competition": "object", "config": "object", "ageGroups": "array",
		"teams": "array", "sessions": "array", "athletes": "array", "platforms": "array",
		"records": "array", "recordConfig": "object", "technicalOfficials": "array",
	})
	if db["formatVersion"] != "2.0" {
		t.Errorf("formatVersion %v", db["formatVersion"])
	}
	for _, secret := range []string{"pin", "salt", "updatekey", "updateKey", "videoDataURL", "publicResultsURL"} {
		if _, ok := db["config"].(map[string]any)[secret]; ok {
			t.Errorf("config carries %q", secret)
		}
	}

	teamIDs := map[string]string{}
	for _, tm := range db["teams"].([]any) {
		tm := tm.(map[string]any)
		name := tm["name"].(string)
		if want := fmt.Sprint(javaStringHash(name)); tm["id"].(json.Number).String() != want {
			t.Errorf("team %q id %v, want String.hashCode %s", name, tm["id"], want)
		}
		teamIDs[tm["id"].(json.Number).String()] = name
	}

	codes := map[string]bool{}
	for _, ag := range db["ageGroups"].([]any) {
		ag := ag.(map[string]any)
		for _, cat := range ag["categories"].([]any) {
			cat := cat.(map[string]any)
			checkKinds(t, "category", cat, map[string]string{"id": "number", "categoryName": "string",
				"maximumWeight": "number", "minimumWeight": "number", "gender": "string", "active": "bool", "ageGroup": "string"})
			if id, _ := cat["id"].(json.Number).Int64(); id <= 1<<53 {
				t.Errorf("category id %d fits in a float64: OWLCMS ids do not", id)
			}
			max, _ := cat["maximumWeight"].(json.Number).Float64()
			limit := fmt.Sprint(int(math.Round(max)))
			codes[ag["code"].(string)+"_"+cat["gender"].(string)+limit] = true
		}
	}

	athletes := db["athletes"].([]any)
	if len(athletes) != len(entrants) {
		t.Fatalf("%d athletes, want %d", len(athletes), len(entrants))
	}
	keys := map[string]bool{}
	sawFailed := false
	for _, x := range athletes {
		a := x.(map[string]any)
		where := fmt.Sprintf("athlete %v", a["lastName"])
		checkKinds(t, where, a, map[string]string{
			"key": "number", "lastName": "string", "fullBirthDate": "array", "gender": "string",
			"bodyWeight": "number", "categoryCode": "string", "team": "number", "startNumber": "number",
			"lotNumber": "number", "snatch1Declaration": "number", "cleanJerk1Declaration": "number",
			"snatch2AutomaticProgression": "string", "cleanJerk3AutomaticProgression": "string",
			"participations": "array", "sessionName": "string",
		})
		if k, err := a["key"].(json.Number).Int64(); err != nil || k != int64(int32(k)) {
			t.Errorf("%s: key %v is not a 32-bit integer", where, a["key"])
		}
		keys[a["key"].(json.Number).String()] = true
		if teamIDs[a["team"].(json.Number).String()] == "" {
			t.Errorf("%s: team id %v is not in teams", where, a["team"])
		}
		if !codes[a["categoryCode"].(string)] {
			t.Errorf("%s: category code %v is not derivable from ageGroups", where, a["categoryCode"])
		}
		if lt, ok := a["snatch1LiftTime"].([]any); ok && len(lt) < 5 {
			t.Errorf("%s: lift time %v is not a LocalDateTime array", where, lt)
		}
		for _, f := range []string{"snatch1ActualLift", "snatch2ActualLift", "snatch3ActualLift"} {
			if n, ok := a[f].(json.Number); ok && strings.HasPrefix(n.String(), "-") {
				sawFailed = true
			}
		}
	}
	if len(keys) != len(athletes) {
		t.Errorf("athlete keys are not unique")
	}
	if !sawFailed {
		t.Error("no failed lift (negative actual lift) in the export")
	}

	var platforms []string
	for _, p := range db["platforms"].([]any) {
		p := p.(map[string]any)
		platforms = append(platforms, p["name"].(string))
		checkKinds(t, "platform", p, map[string]string{"id": "number", "nbL_25": "number", "nbC_2_5": "number", "nbB_20": "number", "nonStandardBarWeight": "number"})
	}
	if !slices.Equal(platforms, []string{"A", "B"}) {
		t.Errorf("platforms %v", platforms)
	}
	for _, s := range db["sessions"].([]any) {
		s := s.(map[string]any)
		checkKinds(t, "session", s, map[string]string{"name": "string", "platformName": "string", "description": "string", "done": "bool", "competitionTime": "array", "referee1": "string"})
		if s["done"] != false {
			t.Errorf("session %v is done; none is in the demo", s["name"])
		}
	}
	if n := len(db["records"].([]any)); n == 0 {
		t.Error("no records")
	}
}

// updateFields are the update keys and the JSON type OWLCMS 64 gives them.
var updateFields = map[string]string{
	"fop": "string", "fopName": "string", "fopState": "string", "mode": "string", "uiEvent": "string",
	"competitionName": "string", "fullName": "string", "teamName": "string", "startNumber": "string",
	"categoryName": "string", "attempt": "string", "attemptNumber": "string", "weight": "string",
	"timeAllowed": "string", "sessionName": "string", "sessionDescription": "string",
	"sessionInfo": "string", "liftTypeKey": "string", "liftsDone": "string", "break": "string",
	"breakIsIndefinite": "string", "showLiftRanks": "string", "showTotalRank": "string",
	"showSinclair": "string", "showSinclairRank": "string", "startOrderKeys": "array",
	"liftingOrderKeys": "array", "sessionAthletes": "array", "currentAthleteKey": "number",
	"nextAthleteKey": "number", "recordKind": "string", "records": "object", "hidden": "string",
	"wideTeamNames": "string", "sinclairMeet": "string", "serverLocalTime": "string",
	"athleteTimerEventType": "string", "athleteMillisRemaining": "number",
	"breakMillisRemaining": "number", "indefiniteBreak": "bool", "stylesDir": "string",
}

func TestUpdateJSON(t *testing.T) {
	tests := []struct {
		fop, session, liftTypeKey string
	}{
		{"A", "A1", "Snatch"},
		{"B", "B1", "Clean_and_Jerk"},
	}
	for _, tt := range tests {
		t.Run(tt.fop, func(t *testing.T) {
			raw := UpdateJSON(tt.fop)
			u := decode(t, raw)
			checkKinds(t, "update "+tt.fop, u, updateFields)
			if u["fop"] != tt.fop || u["fopName"] != tt.fop || u["sessionName"] != tt.session || u["liftTypeKey"] != tt.liftTypeKey {
				t.Errorf("fop %v/%v session %v lift %v", u["fop"], u["fopName"], u["sessionName"], u["liftTypeKey"])
			}
			if u["mode"] != "CURRENT_ATHLETE" || u["fopState"] != "CURRENT_ATHLETE_DISPLAYED" || u["hidden"] != "false" {
				t.Errorf("mode %v state %v hidden %v", u["mode"], u["fopState"], u["hidden"])
			}
			if !bytes.Contains(raw, []byte("<sup>")) {
				t.Error(`attempt HTML is escaped; OWLCMS sends "<sup>" as is`)
			}

			byKey := map[string]map[string]any{}
			for _, x := range u["sessionAthletes"].([]any) {
				sa := x.(map[string]any)
				checkKinds(t, "sessionAthlete", sa, map[string]string{"athleteKey": "string", "athlete": "object", "displayInfo": "object"})
				key := sa["athleteKey"].(string)
				byKey[key] = sa
				a := sa["athlete"].(map[string]any)
				if a["sessionName"] != tt.session {
					t.Errorf("athlete %s of session %v in platform %s's update", key, a["sessionName"], tt.fop)
				}
				if kind(a["fullBirthDate"]) != "string" {
					t.Errorf("athlete %s: fullBirthDate is %s, want a string in updates", key, kind(a["fullBirthDate"]))
				}
				checkKinds(t, "displayInfo "+key, sa["displayInfo"].(map[string]any), map[string]string{
					"fullName": "string", "teamName": "string", "startNumber": "string", "category": "string",
					"bestSnatch": "string", "total": "string", "snatchRank": "string", "totalRank": "string",
					"sinclair": "string", "classname": "string", "flagURL": "string", "flagClass": "string",
					"teamLength": "number", "sattempts": "array", "cattempts": "array",
				})
			}
			for _, list := range []string{"startOrderKeys", "liftingOrderKeys"} {
				n := 0
				for _, e := range u[list].([]any) {
					if m, ok := e.(map[string]any); ok {
						if m["isSpacer"] != true {
							t.Errorf("%s: unexpected object %v", list, m)
						}
						continue
					}
					n++
					if byKey[keyString(e)] == nil {
						t.Errorf("%s: key %v is not in sessionAthletes", list, e)
					}
				}
				if n != len(byKey) {
					t.Errorf("%s lists %d athletes, sessionAthletes %d", list, n, len(byKey))
				}
				if first, ok := u[list].([]any)[0].(map[string]any); !ok || first["isSpacer"] != true {
					t.Errorf("%s does not start with a spacer", list)
				}
			}
			cur := byKey[keyString(u["currentAthleteKey"])]
			if cur == nil || cur["displayInfo"].(map[string]any)["classname"] != "current blink" {
				t.Errorf("current athlete %v is not marked current blink", u["currentAthleteKey"])
			}
			if next := byKey[keyString(u["nextAthleteKey"])]; next == nil || next["displayInfo"].(map[string]any)["classname"] != "next" {
				t.Errorf("next athlete %v is not marked next", u["nextAthleteKey"])
			}
			if cur != nil && cur["displayInfo"].(map[string]any)["fullName"] != u["fullName"] {
				t.Errorf("top line %v is not the current athlete", u["fullName"])
			}
		})
	}
}

// TestDemoState checks the moment the demo shows: A1 mid-snatch, B1 in the clean & jerk with
// the snatch done, A2 and B2 not started, nothing done.
func TestDemoState(t *testing.T) {
	c := NewDemo()
	count := func(s *Session, from, to int) (done, total int) {
		for _, a := range s.Athletes {
			for _, at := range a.Attempts[from:to] {
				total++
				if at.Done() {
					done++
				}
			}
		}
		return done, total
	}
	a1, b1 := c.Session("A1"), c.Session("B1")
	if done, total := count(a1, 0, 3); done == 0 || done == total {
		t.Errorf("A1 snatch: %d of %d done, want some", done, total)
	}
	if done, _ := count(a1, 3, 6); done != 0 {
		t.Errorf("A1 has %d clean & jerks done", done)
	}
	if done, total := count(b1, 0, 3); done != total {
		t.Errorf("B1 snatch: %d of %d done, want all", done, total)
	}
	if done, total := count(b1, 3, 6); done == 0 || done == total {
		t.Errorf("B1 clean & jerk: %d of %d done, want some", done, total)
	}
	for _, name := range []string{"A2", "B2"} {
		if done, _ := count(c.Session(name), 0, 6); done != 0 {
			t.Errorf("%s has %d lifts done", name, done)
		}
	}
	for _, s := range c.Sessions {
		if s.Done {
			t.Errorf("session %s is done", s.Name)
		}
	}
	for fop, want := range map[string]string{"A": "none", "B": "attempt"} {
		if got := decode(t, c.UpdateJSON(fop))["recordKind"]; got != want {
			t.Errorf("platform %s recordKind %v, want %v", fop, got, want)
		}
	}
	if n := len(c.Athletes); n < 24 || n > 32 {
		t.Errorf("%d athletes", n)
	}
}

func TestPayloadsAreDeterministic(t *testing.T) {
	pairs := map[string][2][]byte{
		"database":     {DatabaseJSON(), DatabaseJSON()},
		"update A":     {UpdateJSON("A"), UpdateJSON("A")},
		"update B":     {UpdateJSON("B"), UpdateJSON("B")},
		"translations": {TranslationsJSON(), TranslationsJSON()},
		"flags":        {FlagsZip(), FlagsZip()},
	}
	for name, p := range pairs {
		if !bytes.Equal(p[0], p[1]) {
			t.Errorf("%s differs between two calls", name)
		}
	}
}

func TestUpdateWithoutSession(t *testing.T) {
	u := decode(t, UpdateJSON("C"))
	if u["hidden"] != "true" || u["mode"] != "WAIT" || u["fopState"] != "INACTIVE" || u["fop"] != "C" {
		t.Errorf("waiting update: hidden %v mode %v state %v fop %v", u["hidden"], u["mode"], u["fopState"], u["fop"])
	}
	if _, ok := u["sessionAthletes"]; ok {
		t.Error("waiting update lists athletes")
	}
}

func TestBreakUpdates(t *testing.T) {
	tests := []struct {
		breakType, mode, fullName, indefinite string
	}{
		{"FIRST_CJ", "LIFT_COUNTDOWN", "Session B1 &ndash; Time before Clean & Jerk", "false"},
		{"TECHNICAL", "INTERRUPTION", "Session B1 &ndash; Competition paused", "true"},
		{"GROUP_DONE", "SESSION_DONE", "Session B1 &ndash; Results", "true"},
	}
	for _, tt := range tests {
		t.Run(tt.breakType, func(t *testing.T) {
			c := NewDemo()
			p := c.Platform("B")
			p.State, p.BreakType = hub.StateBreak, tt.breakType
			u := decode(t, c.UpdateJSON("B"))
			if u["mode"] != tt.mode || u["fullName"] != tt.fullName || u["breakType"] != tt.breakType || u["break"] != "true" || u["teamName"] != "" {
				t.Errorf("mode %v fullName %v breakType %v break %v team %v", u["mode"], u["fullName"], u["breakType"], u["break"], u["teamName"])
			}
			if u["breakIsIndefinite"] != tt.indefinite || u["indefiniteBreak"] != (tt.indefinite == "true") {
				t.Errorf("breakIsIndefinite %v indefiniteBreak %v, want %s", u["breakIsIndefinite"], u["indefiniteBreak"], tt.indefinite)
			}
		})
	}
}
