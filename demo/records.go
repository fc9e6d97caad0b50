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

// AttacksRecord reports whether the athlete's next attempt would break a record of one of
// their categories (OWLCMS's record attempt).
func (c *Competition) AttacksRecord(a *Athlete) bool {
	lift, request := a.CurrentLift(), a.NextRequestedWeight()
	for _, cat := range a.Participations {
		for _, name := range c.RecordOrder {
			if breaksRecord(a, lift, request, c.recordsFor(cat, name)) != "" {
				return true
			}
		}
	}
	return false
}

// RecordWithin is the weight that would break the lowest record of the athlete's categories
// for lift, when it lies above from and at most span above it; ok false when none does. A
// coach asks it to attempt a record.
func (c *Competition) RecordWithin(a *Athlete, lift LiftType, from, span int) (weight int, ok bool) {
	for _, cat := range a.Participations {
		for _, name := range c.RecordOrder {
			if v, has := c.recordsFor(cat, name)[lift.recordLift()]; has && v+1 > from && v+1 <= from+span && (!ok || v+1 < weight) {
				weight, ok = v+1, true
			}
		}
	}
	return weight, ok
}

// SetRecords adds the records the athlete's last lift, good, has just broken, as OWLCMS does
// when the lights are good: a new record of the same name and category, naming the session it
// was lifted in and this competition; the old one stays (the largest is the record). It
// returns how many were set.
func (c *Competition) SetRecords(a *Athlete, session string) int {
	done := a.AttemptsDone()
	if done == 0 || a.Attempts[done-1].Actual <= 0 {
		return 0
	}
	lift := Snatch
	if done > 3 {
		lift = CleanJerk
	}
	values := map[string]int{lift.recordLift(): a.Attempts[done-1].Actual}
	if lift == CleanJerk && a.Best(Snatch) > 0 {
		values["TOTAL"] = a.Best(Snatch) + a.Attempts[done-1].Actual
	}
	n := 0
	for _, cat := range a.Participations {
		for _, name := range c.RecordOrder {
			recs := c.recordsFor(cat, name)
			for l, v := range values {
				old, has := recs[l]
				if !has || v <= old {
					continue
				}
				rec := c.recordOf(cat, name, l)
				rec.ID = recordIDBase + int64(len(c.Records)+1)*104_729
				rec.Value, rec.Holder, rec.HolderBW, rec.Nation = v, a.FullName(), a.BodyWeight, a.Team
				rec.Year, rec.Session, rec.Event = c.Now.Year(), session, c.Name
				c.Records = append(c.Records, rec)
				n++
			}
		}
	}
	return n
}

// recordOf is a record of the category, name and lift (any: the category's fields are the
// same).
func (c *Competition) recordOf(cat *Category, name, lift string) Record {
	for _, r := range c.Records {
		if r.Name == name && r.AgeGroup == cat.AgeGroup.Code && r.Gender == cat.Gender && r.BwUpper == cat.Max && r.Lift == lift {
			return r
		}
	}
	return Record{}
}

// NewRecordMessage is OWLCMS's recordMessage for a new record, in the competition's language.
func (c *Competition) NewRecordMessage() string { return translate(c.Locale, "Scoreboard.NewRecord") }
