package hub

import (
	"encoding/json"
	"strings"
	"time"
)

// decodeData fills the slow part of a platform (session, current attempt, athletes, orders,
// records) from its merged fields. s is the snapshot being built: its database (may be nil)
// supplies fallbacks, its flags the athletes' flag URLs (see Snapshot.FlagURL).
func (f *FOP) decodeData(s *Snapshot, raw map[string]json.RawMessage) {
	db := s.Database
	text := func(keys ...string) string {
		for _, k := range keys {
			if v := RawText(raw[k]); v != "" {
				return PlainText(v)
			}
		}
		return ""
	}
	flag := func(k string) bool { return parseBool(RawText(raw[k])) }

	f.CompetitionName = text("competitionName")
	if f.CompetitionName == "" && db != nil {
		f.CompetitionName = db.Competition.Name
	}
	// OWLCMS renamed group* to session*; accept both.
	f.SessionName = text("sessionName", "groupName")
	f.SessionDescription = text("sessionDescription", "groupDescription")
	f.SessionInfo = text("sessionInfo", "groupInfo")
	f.LiftsDone = text("liftsDone")
	f.LiftType = text("liftTypeKey")
	f.Hidden = flag("hidden")
	f.StylesDir = text("stylesDir")
	f.Display = DisplayFlags{
		ShowLiftRanks: flag("showLiftRanks"), ShowTotalRank: flag("showTotalRank"),
		ShowSinclair: flag("showSinclair"), ShowSinclairRank: flag("showSinclairRank"),
		WideTeamNames: flag("wideTeamNames"), SinclairMeet: flag("sinclairMeet"),
	}

	attemptNumber, _ := parseInt(RawText(raw["attemptNumber"]))
	allowed, _ := parseInt(RawText(raw["timeAllowed"]))
	f.Current = CurrentAttempt{
		FullName: text("fullName"), TeamName: text("teamName"), StartNumber: text("startNumber"),
		Category:    text("categoryName"),
		AttemptHTML: RawText(raw["attempt"]), AttemptNumber: int(attemptNumber), Weight: text("weight"),
		TimeAllowed: time.Duration(allowed) * time.Millisecond,
	}

	f.CurrentKey = NormalizeKey(raw["currentAthleteKey"])
	f.NextKey = NormalizeKey(raw["nextAthleteKey"])
	f.PreviousKey = NormalizeKey(raw["previousAthleteKey"])

	byKey := map[string]*Athlete{}
	for _, e := range rawArray(raw["sessionAthletes"]) {
		a := decodeAthlete(db, e)
		if a == nil || byKey[a.Key] != nil {
			continue
		}
		if a.ClassName == "" && a.Key == f.CurrentKey {
			a.ClassName = "current"
		}
		byKey[a.Key] = a
		f.Athletes = append(f.Athletes, a)
	}
	if keys, ok := raw["startOrderKeys"]; ok {
		f.StartOrder = resolveOrder(keys, byKey)
	} else {
		for _, a := range f.Athletes {
			f.StartOrder = append(f.StartOrder, OrderEntry{Key: a.Key, Athlete: a})
		}
	}
	f.LiftingOrder = resolveOrder(raw["liftingOrderKeys"], byKey)
	f.Leaders = decodeLeaders(db, raw["leaders"])
	// The athletes are fresh, not yet published: resolving their flags in place is safe.
	for _, a := range f.Athletes {
		a.FlagURL = s.AthleteFlagURL(a)
	}
	for _, e := range f.Leaders {
		if e.Athlete != nil {
			e.Athlete.FlagURL = s.AthleteFlagURL(e.Athlete)
		}
	}

	f.RecordKind = text("recordKind")
	f.RecordMessage = text("recordMessage")
	f.Records = decodeRecords(raw["records"])
}

// rawArray returns the elements of a JSON array, unwrapping an array sent as a JSON string.
func rawArray(raw json.RawMessage) []json.RawMessage {
	raw = structured(raw)
	if len(raw) == 0 || raw[0] != '[' {
		return nil
	}
	var out []json.RawMessage
	if json.Unmarshal(raw, &out) != nil {
		return nil
	}
	return out
}

// orderItem is an element of startOrderKeys/liftingOrderKeys in its object form.
type orderItem struct {
	IsSpacer   Bool            `json:"isSpacer"`
	Type       Str             `json:"type"`
	AthleteKey json.RawMessage `json:"athleteKey"`
	Key        json.RawMessage `json:"key"`
	Athlete    *struct {
		Key json.RawMessage `json:"key"`
	} `json:"athlete"`
}

// resolveOrder turns a key list (integers, strings, {"isSpacer":true}, {athleteKey}) into
// entries pointing at the session's athletes. Spacers are kept; unknown keys are kept without
// an athlete so that a board can tell OWLCMS listed someone it did not describe.
func resolveOrder(raw json.RawMessage, byKey map[string]*Athlete) []OrderEntry {
	var out []OrderEntry
	for _, e := range rawArray(raw) {
		e = trimSpace(e)
		if len(e) == 0 {
			continue
		}
		var key string
		if e[0] == '{' {
			var it orderItem
			if json.Unmarshal(e, &it) != nil {
				continue
			}
			if it.IsSpacer || it.Type == "spacer" {
				out = append(out, OrderEntry{Spacer: true})
				continue
			}
			key = NormalizeKey(it.AthleteKey)
			if key == "" {
				key = NormalizeKey(it.Key)
			}
			if key == "" && it.Athlete != nil {
				key = NormalizeKey(it.Athlete.Key)
			}
		} else {
			key = NormalizeKey(e)
		}
		if key == "" {
			continue
		}
		out = append(out, OrderEntry{Key: key, Athlete: byKey[key]})
	}
	return out
}

// decodeLeaders reads the leaders list: session-athlete-shaped entries and spacers.
func decodeLeaders(db *Database, raw json.RawMessage) []OrderEntry {
	var out []OrderEntry
	for _, e := range rawArray(raw) {
		var it orderItem
		if json.Unmarshal(e, &it) == nil && (it.IsSpacer || it.Type == "spacer") {
			out = append(out, OrderEntry{Spacer: true})
			continue
		}
		if a := decodeAthlete(db, e); a != nil {
			out = append(out, OrderEntry{Key: a.Key, Athlete: a})
		}
	}
	return out
}

type wireRecords struct {
	RecordNames      []Str `json:"recordNames"`
	RecordCategories []Str `json:"recordCategories"`
	RecordTable      []struct {
		Cat         Str                          `json:"cat"`
		RecordClass Str                          `json:"recordClass"`
		Records     []map[string]json.RawMessage `json:"records"`
	} `json:"recordTable"`
}

// decodeRecords reads OWLCMS's record table (an object in updates, a JSON string in decisions).
func decodeRecords(raw json.RawMessage) *Records {
	raw = structured(raw)
	if len(raw) == 0 || raw[0] != '{' {
		return nil
	}
	var w wireRecords
	if json.Unmarshal(raw, &w) != nil || len(w.RecordTable) == 0 {
		return nil
	}
	r := &Records{}
	for _, n := range w.RecordNames {
		r.Names = append(r.Names, PlainText(string(n)))
	}
	for _, c := range w.RecordCategories {
		r.Categories = append(r.Categories, PlainText(string(c)))
	}
	for _, col := range w.RecordTable {
		c := RecordColumn{Category: PlainText(string(col.Cat)), Class: string(col.RecordClass)}
		for _, row := range col.Records {
			c.Rows = append(c.Rows, RecordRow{
				Snatch: recordValue(row["SNATCH"]), CleanJerk: recordValue(row["CLEANJERK"]), Total: recordValue(row["TOTAL"]),
				SnatchHighlight:    RawText(row["snatchHighlight"]) != "",
				CleanJerkHighlight: RawText(row["cjHighlight"]) != "",
				TotalHighlight:     RawText(row["totalHighlight"]) != "",
			})
		}
		r.Columns = append(r.Columns, c)
	}
	return r
}

// recordValue renders a record cell; OWLCMS sends a non-breaking space for "no record".
func recordValue(raw json.RawMessage) string {
	return strings.TrimSpace(strings.ReplaceAll(RawText(raw), "\u00a0", " "))
}

func trimSpace(b json.RawMessage) json.RawMessage {
	return json.RawMessage(strings.TrimSpace(string(b)))
}

func hasClass(classes, c string) bool {
	for _, f := range strings.Fields(classes) {
		if f == c {
			return true
		}
	}
	return false
}
