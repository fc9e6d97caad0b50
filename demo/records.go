package demo

import "slices"

// recordsFor returns the records of one category under one record name, keyed by lift.
func (c *Competition) recordsFor(cat *Category, name string) map[string]int {
	out := map[string]int{}
	for _, r := range c.Records {
		if r.Name == name && r.AgeGroup == cat.AgeGroup.Code && r.Gender == cat.Gender && r.BwUpper == cat.Max {
			out[r.Lift] = max(out[r.Lift], r.Value)
		}
	}
	return out
}

// setRecords adds recordKind, recordMessage and the records table for the current athlete: one
// column per category the athlete is ranked in that has records, one row per record name, and
// a highlight on each record the requested weight would break.
func (c *Competition) setRecords(o *object, cur *Athlete) {
	lift := cur.CurrentLift()
	request := cur.NextRequestedWeight()
	names := []string{}
	categories := []string{}
	table := []any{}
	attempt := false
	for _, cat := range cur.Participations {
		var rows []any
		for _, name := range c.RecordOrder {
			recs := c.recordsFor(cat, name)
			if len(recs) == 0 {
				continue
			}
			if !slices.Contains(names, name) {
				names = append(names, name)
			}
			row := newObject()
			for _, l := range []string{"SNATCH", "CLEANJERK", "TOTAL"} {
				if v, ok := recs[l]; ok {
					row.set(l, v)
				} else {
					row.set(l, nbsp)
				}
			}
			if highlight := breaksRecord(cur, lift, request, recs); highlight != "" {
				row.set(highlight, "highlight")
				attempt = true
			}
			rows = append(rows, row)
		}
		if len(rows) == 0 {
			continue
		}
		categories = append(categories, cat.Name())
		table = append(table, newObject().
			set("cat", cat.Name()).
			set("records", rows).
			set("recordClass", "recordBox"))
	}
	if attempt {
		o.set("recordKind", "attempt").set("recordMessage", translate(c.Locale, "Scoreboard.RecordAttempt"))
	} else {
		o.set("recordKind", "none")
	}
	o.set("records", newObject().
		set("recordNames", names).
		set("recordCategories", categories).
		set("recordTable", table).
		set("nbRecords", len(table)+1)) // grid columns: the names column plus one per category
}

// breaksRecord names the highlight key of the record the requested weight would break, ""
// when none: the lift's own record first, then (in the clean & jerk) the total.
func breaksRecord(a *Athlete, lift LiftType, request int, recs map[string]int) string {
	if request <= 0 {
		return ""
	}
	if v, ok := recs[lift.recordLift()]; ok && request > v {
		if lift == Snatch {
			return "snatchHighlight"
		}
		return "cjHighlight"
	}
	if lift == CleanJerk {
		if v, ok := recs["TOTAL"]; ok && a.Best(Snatch) > 0 && a.Best(Snatch)+request > v {
			return "totalHighlight"
		}
	}
	return ""
}
