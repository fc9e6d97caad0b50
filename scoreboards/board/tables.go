package board

import "github.com/owlcms/tracker/components"

// GenderTables is a board of one table per gender under the attempt bar (the top-score and
// top-teams boards): column headers L over rows R.
type GenderTables[L, R any] struct {
	Frame
	Labels L
	Tables []Table[R]
	Empty  string // shown when no table has rows
	Fit    components.Fit
	Paging components.Paging // a board whose Fit is Paged: how its rows page themselves
}

// Table is one gender's rows under its title.
type Table[R any] struct {
	Title string
	Rows  []R
}

// AddGenders appends the men's table, then the women's, as table(gender) makes them, leaving
// out a table without rows; when neither has any the board says it waits for the next
// session.
func (v *GenderTables[L, R]) AddGenders(r Request, table func(gender string) Table[R]) {
	for _, g := range []string{"M", "F"} {
		if t := table(g); len(t.Rows) > 0 {
			v.Tables = append(v.Tables, t)
		}
	}
	if len(v.Tables) == 0 {
		v.Empty = r.WaitingNextSession()
	}
}

// FitTables sizes the board for its tables (in em, as static/css/teams.css lays them out):
// width wide, header high above the tables, then each table's title and column headers and
// each of its rows.
func (v *GenderTables[L, R]) FitTables(width, header float64) {
	const tableHead, row = 4.5, 1.68
	rows := 0
	for _, t := range v.Tables {
		rows += len(t.Rows)
	}
	v.Fit = components.Fit{Width: width, Height: header + float64(len(v.Tables))*tableHead + float64(rows)*row}
}

// GenderName is "Women" for "F" and "Men" otherwise, in the viewer's language.
func (r Request) GenderName(gender string) string {
	if gender == "F" {
		return r.T("Gender.Women", "Women")
	}
	return r.T("Gender.Men", "Men")
}
