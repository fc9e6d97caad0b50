package board

import (
	"strconv"
	"strings"

	"github.com/owlcms/tracker/components"
	"github.com/owlcms/tracker/hub"
)

// Records is the records block for the current athlete: nil when hidden or when OWLCMS sent
// no records. A record attempt or a new record is announced in a banner.
func Records(r Request) *components.RecordsView {
	f := r.FOP
	if !r.Options.ShowRecords || f == nil || f.Records == nil || len(f.Records.Names) == 0 {
		return nil
	}
	rec := f.Records
	v := &components.RecordsView{
		Title: r.T("Scoreboard.records", "Records"),
		Lift: [3]string{
			r.T("Scoreboard.recordS", "S"), r.T("Scoreboard.recordCJ", "CJ"), r.T("Scoreboard.recordT", "T"),
		},
	}
	for _, c := range rec.Columns {
		v.Categories = append(v.Categories, c.Category)
	}
	for i, name := range rec.Names {
		row := components.RecordsRow{Name: name}
		for _, c := range rec.Columns {
			var cells [3]components.RecordCell
			if i < len(c.Rows) {
				rr := c.Rows[i]
				cells = [3]components.RecordCell{
					{Value: rr.Snatch, Highlight: rr.SnatchHighlight},
					{Value: rr.CleanJerk, Highlight: rr.CleanJerkHighlight},
					{Value: rr.Total, Highlight: rr.TotalHighlight},
				}
			}
			row.Cells = append(row.Cells, cells)
		}
		v.Rows = append(v.Rows, row)
	}
	switch RecordKind(f) {
	case "attempt":
		v.Attempt = r.T("Scoreboard.RecordAttempt", "Record attempt")
	case "new":
		v.Attempt, v.New = r.T("Scoreboard.NewRecord", "New record!"), true
	}
	return v
}

// RecordKind is what the attempt on stage does to records: "attempt" (its weight would break
// one), "new" (it has just set one) or "" (neither). A record the jury denied is never "new":
// OWLCMS says "denied" with its jury decision, and until that decision is cleared nothing the
// platform says brings the record back.
func RecordKind(f *hub.FOP) string {
	if f == nil || f.Decision.Jury.RecordKind == "denied" {
		return ""
	}
	switch f.RecordKind {
	case "attempt", "new":
		return f.RecordKind
	}
	return ""
}

// RecordFlag is the record mark of the attempt bar: a record attempt, or a new record once
// the lift is good, with the records in question (record name, category, lift and weight:
// the standing record for an attempt, the new one once set), read from the record table the
// attempt on stage was lifted with. Nil outside a lift (breaks, waiting) and when no record
// is at stake, as OWLCMS hides the record marks during breaks.
func RecordFlag(r Request) *components.RecordFlagView {
	f := r.FOP
	kind := RecordKind(f)
	if kind == "" || ModeOf(f).IsBreak() || ModeOf(f) == hub.ModeWait {
		return nil
	}
	v := &components.RecordFlagView{Kind: kind, Label: r.T("Scoreboard.RecordAttempt", "Record Attempt")}
	if kind == "new" {
		v.Label = r.T("Scoreboard.NewRecord", "New Record!")
	}
	st := f.OnStage()
	if st.Records == nil {
		return v
	}
	weight, _ := strconv.Atoi(strings.TrimSpace(st.Attempt.Weight))
	best := 0
	if a := st.Athlete(f); a != nil {
		best, _ = strconv.Atoi(strings.Trim(a.BestSnatch, " ()"))
		if strings.HasPrefix(a.BestSnatch, "(") {
			best = 0 // a failed snatch counts for nothing
		}
	}
	lifts := [3]string{r.T("Record.SNATCH", "Snatch"), r.T("Record.CLEANJERK", "Clean & Jerk"), r.T("Record.TOTAL", "Total")}
	for i, name := range st.Records.Names {
		for _, c := range st.Records.Columns {
			if i >= len(c.Rows) {
				continue
			}
			row := c.Rows[i]
			cells := []struct {
				lit   bool
				value string
				new   int // the record once set
			}{
				{row.SnatchHighlight, row.Snatch, weight},
				{row.CleanJerkHighlight, row.CleanJerk, weight},
				{row.TotalHighlight, row.Total, best + weight},
			}
			for l, cell := range cells {
				if !cell.lit {
					continue
				}
				value := cell.value
				if kind == "new" && cell.new > 0 {
					value = strconv.Itoa(cell.new)
				}
				v.Records = append(v.Records, strings.Join(strings.Fields(name+" "+c.Category+" "+lifts[l]+" "+value), " ")+KgSymbol)
			}
		}
	}
	if kind == "attempt" && len(v.Records) == 0 {
		// The attempt on stage attacks nothing: the announcement is the next athlete's, sent
		// while the lights of this one show.
		return nil
	}
	return v
}
