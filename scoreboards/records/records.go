// Package records is the records board: the records the athletes of the platform's session
// can break (OWLCMS's rule: same gender, the athlete's age and bodyweight within the record's
// age group and bodyweight class, a record of one of the athlete's federations when they have
// any), the current value of each with the one being attempted highlighted, and the records
// set during the meet. A record the jury denied is never shown as set.
package records

import (
	"cmp"
	"slices"
	"strconv"
	"strings"

	"github.com/owlcms/tracker/components"
	"github.com/owlcms/tracker/hub"
	"github.com/owlcms/tracker/scoreboards/board"
)

// View is what the board shows.
type View struct {
	board.Frame
	Labels  Labels
	Session string // "Session M1", over the records in play
	InPlay  []Row
	Set     []SetRecord // the records set during the meet, in the database's order
	Empty   string      // instead of the records in play when there are none
	Fit     components.Fit
}

// Labels are the translated headings.
type Labels struct {
	Title, Category, Name, Set, Record, Athlete, Team, Session string
	Lifts                                                      [3]string // snatch, clean & jerk, total
}

// Row is one record name's records of one category: snatch, clean & jerk, total.
type Row struct {
	Category string // "SR 58", as OWLCMS titles a record category
	Name     string // the record name, e.g. the federation's list
	Cells    [3]Cell
}

// Cell is one record: its value ("" when there is none), whether it was set during the meet,
// and whether the attempt on stage attacks it.
type Cell struct {
	Value   string
	New     bool
	Attempt bool
}

// SetRecord is a record set during the meet.
type SetRecord struct {
	Category, Name, Lift, Value, Athlete, Team, Session string
}

// Widths and heights in em, mirroring the columns of static/css/ceremony.css.
const (
	emWidth                  = 6 + 16 + 3*4.4 + 2
	emSetWidth               = 6 + 16 + 9 + 4.4 + 16 + 12 + 6 + 2
	emTitle, emHeader, emRow = 2, 1.6, 1.75
	emPad                    = 1.0
)

var lifts = [3]string{"SNATCH", "CLEANJERK", "TOTAL"}

// Data is the board's view model, a function of r alone.
func Data(r board.Request) View {
	v := View{Frame: declaration.Frame(r)}
	v.Labels = Labels{
		Title: r.T("Scoreboard.records", "Records"), Category: r.T("Scoreboard.Category", "Category"),
		Name: r.T("Results.RecordName", "Record Name"), Set: r.T("Records.ProvisionalSection", "Records set at this meet"),
		Record: r.T("Results.RecordWeight", "Record"), Athlete: r.T("Scoreboard.Name", "Name"),
		Team: r.T("Scoreboard.Team", "Team"), Session: r.T("Scoreboard.Group", "Session"),
		Lifts: [3]string{r.T("Record.SNATCH", "Snatch"), r.T("Record.CLEANJERK", "Clean & Jerk"), r.T("Record.TOTAL", "Total")},
	}
	db, f := r.Database(), r.FOP
	h := emPad
	if db != nil {
		valid := validRecords(db, f)
		if f != nil && !f.Hidden {
			v.Session = strings.TrimSpace(r.Tf("Group_number", "Session {0}", f.SessionName))
			v.InPlay = inPlay(r, db, f, valid)
		}
		v.Set = setDuringMeet(r, db, valid)
	}
	if len(v.InPlay) == 0 {
		v.Empty = r.T("Records.NoRecords", "No records for this session.")
		if f == nil || f.Hidden {
			v.Empty = r.WaitingNextSession()
		}
		h += 4
	} else {
		h += emTitle + emHeader + float64(len(v.InPlay))*emRow
	}
	w := float64(emWidth)
	if len(v.Set) > 0 {
		h += emTitle + emHeader + float64(len(v.Set))*emRow
		w = emSetWidth
	}
	v.Fit = components.Fit{Width: w, Height: h}
	return v
}

// validRecords are the database's records less those the jury has just denied: while OWLCMS
// shows a jury decision that denied a record, the records the athlete set in the live session
// with that lift are void, even in a database sent before the decision.
func validRecords(db *hub.Database, f *hub.FOP) []hub.Record {
	if f == nil || f.Decision.Jury.RecordKind != "denied" {
		return db.Records
	}
	j := f.Decision.Jury
	voids := func(rec hub.Record) bool {
		if !rec.SetAt(db.Competition.Name) || rec.Session != f.SessionName ||
			!strings.EqualFold(strings.TrimSpace(rec.AthleteName), strings.TrimSpace(j.AthleteFull)) {
			return false
		}
		switch strings.ToUpper(j.ActualLift) {
		case "SNATCH":
			return rec.Lift == "SNATCH"
		case "CLEANJERK", "CLEAN_AND_JERK":
			return rec.Lift != "SNATCH"
		}
		return true
	}
	return slices.DeleteFunc(slices.Clone(db.Records), voids)
}

// key is what makes a record the same record when it is broken: OWLCMS keeps the old value
// beside the new, and the largest is the record.
type key struct {
	name, gender       string
	ageLower, ageUpper int
	bwLower, bwUpper   float64
}

// inPlay are the records the session's athletes can break, one row per category and record
// name, in OWLCMS's order: gender, age group (younger first), bodyweight, then the record
// names as the competition orders them.
func inPlay(r board.Request, db *hub.Database, f *hub.FOP, valid []hub.Record) []Row {
	year := cmp.Or(db.Competition.Date.Year, r.Now.Year())
	type group struct {
		rec  hub.Record // a record of the group: its category
		best [3]*hub.Record
	}
	groups := map[key]*group{}
	for _, a := range f.Athletes {
		dba, ok := db.Athlete(a.Key)
		if !ok {
			continue
		}
		for i := range valid {
			rec := &valid[i]
			if !applies(db, dba, year, *rec) {
				continue
			}
			k := key{rec.Name, rec.Gender, rec.AgeLower, rec.AgeUpper, rec.BWLower, rec.BWUpper}
			g := groups[k]
			if g == nil {
				g = &group{rec: *rec}
				groups[k] = g
			}
			if l := slices.Index(lifts[:], rec.Lift); l >= 0 && (g.best[l] == nil || rec.Value > g.best[l].Value) {
				g.best[l] = rec
			}
		}
	}
	order := db.RecordConfig.RecordOrder
	keys := make([]key, 0, len(groups))
	for k := range groups {
		keys = append(keys, k)
	}
	rank := func(name string) int {
		if i := slices.Index(order, name); i >= 0 {
			return i
		}
		return len(order)
	}
	slices.SortFunc(keys, func(a, b key) int {
		return cmp.Or(cmp.Compare(a.gender, b.gender), cmp.Compare(a.ageUpper, b.ageUpper), cmp.Compare(b.ageLower, a.ageLower),
			cmp.Compare(a.bwUpper, b.bwUpper), cmp.Compare(rank(a.name), rank(b.name)), cmp.Compare(a.name, b.name))
	})
	attacked := attackedCells(f)
	var out []Row
	for _, k := range keys {
		g := groups[k]
		row := Row{Category: category(r, g.rec), Name: g.rec.Name}
		for l, rec := range g.best {
			if rec == nil {
				continue
			}
			row.Cells[l] = Cell{Value: kg(rec.Value), New: rec.SetAt(db.Competition.Name),
				Attempt: attacked[attackedKey{row.Category, row.Name, l}]}
		}
		out = append(out, row)
	}
	return out
}

// applies reports whether athlete a can break record rec, as OWLCMS decides: same gender, the
// athlete's age (the competition's year less the year of birth) within the record's age
// group, the bodyweight (the declared one before the weigh-in, else the category's limit)
// within its class, and a record of one of the athlete's federations when they name any.
func applies(db *hub.Database, a *hub.DBAthlete, year int, rec hub.Record) bool {
	if !strings.EqualFold(rec.Gender, a.Gender) {
		return false
	}
	if a.BirthDate.Year > 0 {
		if age := year - a.BirthDate.Year; age < rec.AgeLower || (rec.AgeUpper > 0 && age > rec.AgeUpper) {
			return false
		}
	}
	bw := cmp.Or(a.BodyWeight, a.PresumedBodyWeight)
	if bw <= 0 {
		if c, ok := db.Category(a.CategoryCode); ok {
			bw = c.MaximumWeight
		}
	}
	if bw <= rec.BWLower || (rec.BWUpper > 0 && bw > rec.BWUpper) {
		return false
	}
	if feds := strings.FieldsFunc(a.FederationCodes, func(r rune) bool { return r == ',' || r == ';' || r == ' ' }); len(feds) > 0 {
		return slices.ContainsFunc(feds, func(f string) bool { return strings.EqualFold(f, rec.Federation) })
	}
	return true
}

// attackedKey names a record cell of OWLCMS's record table: its category title, its record
// name and its lift (0 snatch, 1 clean & jerk, 2 total).
type attackedKey struct {
	category, name string
	lift           int
}

// attackedCells are the records the attempt on stage attacks, as OWLCMS highlights them in
// the record table it sends, while the record attempt is announced.
func attackedCells(f *hub.FOP) map[attackedKey]bool {
	out := map[attackedKey]bool{}
	st := f.OnStage()
	if board.RecordKind(f) != "attempt" || st.Records == nil || board.ModeOf(f).IsBreak() {
		return out
	}
	for i, name := range st.Records.Names {
		for _, c := range st.Records.Columns {
			if i >= len(c.Rows) {
				continue
			}
			row := c.Rows[i]
			for l, lit := range []bool{row.SnatchHighlight, row.CleanJerkHighlight, row.TotalHighlight} {
				if lit {
					out[attackedKey{c.Category, name, l}] = true
				}
			}
		}
	}
	return out
}

// setDuringMeet are the records set at this meet, in the database's order (OWLCMS's: as they
// were set).
func setDuringMeet(r board.Request, db *hub.Database, valid []hub.Record) []SetRecord {
	var out []SetRecord
	for _, rec := range valid {
		if !rec.SetAt(db.Competition.Name) {
			continue
		}
		lift := rec.Lift
		if l := slices.Index(lifts[:], rec.Lift); l >= 0 {
			lift = r.T("Record."+rec.Lift, []string{"Snatch", "Clean & Jerk", "Total"}[l])
		}
		out = append(out, SetRecord{Category: category(r, rec), Name: rec.Name, Lift: lift, Value: kg(rec.Value),
			Athlete: rec.AthleteName, Team: rec.Nation, Session: rec.Session})
	}
	return out
}

// category is a record's category as OWLCMS titles it: age group and bodyweight class.
func category(r board.Request, rec hub.Record) string {
	return strings.Join(strings.Fields(r.Tf("Record.CategoryTitle", "{0} {1}", rec.AgeGroup, rec.BWCategory)), " ")
}

func kg(w float64) string {
	if w <= 0 {
		return ""
	}
	return strconv.FormatFloat(w, 'f', -1, 64)
}
