package teamrankings

import (
	"strconv"

	"github.com/a-h/templ"
)

// viewportStyle gives the viewport the height of one page (of the table's rows when it has
// fewer): static/css/team-rankings.css turns the row count into em.
func viewportStyle(t Table, p Paging) templ.SafeCSS {
	return templ.SafeCSS("--page-rows:" + strconv.Itoa(min(len(t.Rows), p.PageSize)))
}

func colspan(t Table) string {
	if t.Lifts {
		return "7"
	}
	return "4"
}
