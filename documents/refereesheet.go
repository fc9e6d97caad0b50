package documents

import (
	"net/url"
	"strings"

	"github.com/owlcms/tracker/scoreboards/board"
	"github.com/owlcms/tracker/scoreboards/refereeassignments"
)

// makeRefereeSheet prints the officials' sheet from the board's own view model, so that the
// web page and the PDF never disagree on who officiates when.
func makeRefereeSheet(m *model, q url.Values, d *doc, t tr, f *frame) error {
	v := refereeassignments.Data(board.NewRequest(m.snap, "", q.Get("lang"), board.Options{}, nil))
	d.titlePage(*f)
	for _, tab := range v.Tables {
		title := tab.Heading
		if title == "" {
			title = f.title
		}
		d.heading(title, 0)
		cols := []column{{weight: 3, bold: true}}
		for _, s := range tab.Sessions {
			cols = append(cols, column{head: strings.TrimSpace(s.Name + " " + s.Description), weight: 3})
		}
		tb := table{columns: cols}
		for _, r := range tab.Rows {
			if r.Section {
				tb.rows = append(tb.rows, row{strong: true, cells: texts(r.Label)})
				continue
			}
			line := row{cells: texts(r.Label)}
			for _, c := range r.Cells {
				line.cells = append(line.cells, lines(c))
			}
			tb.rows = append(tb.rows, line)
		}
		d.table(tb)
	}
	d.contents(t.t("Documents.Contents", "Contents"))
	return nil
}
