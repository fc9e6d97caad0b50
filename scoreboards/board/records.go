package board

import "github.com/owlcms/tracker/components"

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
	switch f.RecordKind {
	case "attempt":
		v.Attempt = r.T("Scoreboard.RecordAttempt", "Record attempt")
	case "new":
		v.Attempt, v.New = r.T("Scoreboard.NewRecord", "New record!"), true
	}
	return v
}
