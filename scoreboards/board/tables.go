package board

import "github.com/owlcms/tracker/components"

// GenderTables is a board of one table per gender under the attempt bar (the top-score and
// top-teams boards): column headers L over rows R.
type GenderTables[L, R any] struct {
	Page   components.PageMeta
	Bar    components.AttemptBarView
	Labels L
	Tables []Table[R]
	Empty  string // shown when no table has rows
	Fit    components.Fit
}

// Table is one gender's rows under its title.
type Table[R any] struct {
	Title string
	Rows  []R
}

// AddGenders appends the men's table, then the women's, as table(gender) makes them, leaving
// out a table without rows; when neither has any the board says it waits for the next
// session. It returns how many rows the tables hold, for the board's Fit.
func (v *GenderTables[L, R]) AddGenders(r Request, table func(gender string) Table[R]) (rows int) {
	for _, g := range []string{"M", "F"} {
		if t := table(g); len(t.Rows) > 0 {
			rows += len(t.Rows)
			v.Tables = append(v.Tables, t)
		}
	}
	if len(v.Tables) == 0 {
		v.Empty = r.WaitingNextSession()
	}
	return rows
}

// GenderName is "Women" for "F" and "Men" otherwise, in the viewer's language.
func (r Request) GenderName(gender string) string {
	if gender == "F" {
		return r.T("Gender.Women", "Women")
	}
	return r.T("Gender.Men", "Men")
}
