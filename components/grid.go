package components

import (
	"strconv"

	"github.com/a-h/templ"
)

// liftSpan is the number of columns under the Snatch (or C&J) header.
func liftSpan(c GridColumns) string {
	if c.LiftRanks {
		return strconv.Itoa(4 + rankCount(c))
	}
	return "4"
}

// gridSpan is the number of columns of the grid, for full-width rows.
func gridSpan(c GridColumns) string {
	n := 3 + 1 + 2*4 + 1 + rankCount(c) // start, name, category; team; lifts; total, rank(s)
	if c.NoLifter {
		n -= 3
	}
	for _, on := range []bool{c.Born, c.Custom1, c.Custom2, c.Sinclair, c.SinclairRank} {
		if on {
			n++
		}
	}
	if c.LiftRanks {
		n += 2 * rankCount(c)
	}
	return strconv.Itoa(n)
}

// rankCount is the number of columns of each rank: one per rank group on a multi-rank board,
// else one.
func rankCount(c GridColumns) int { return max(1, len(c.RankGroups)) }

// Lift indexes a row's ranks: the snatch, the clean & jerk, the total.
const (
	rankSnatch = iota
	rankCleanJerk
	rankTotal
)

// rankCells are the ranks a row shows for one lift (or the total): one per rank group on a
// multi-rank board ("-" where the athlete is not ranked), else OWLCMS's rank.
func rankCells(c GridColumns, r GridRow, lift int) []string {
	if len(c.RankGroups) == 0 {
		return []string{[3]string{r.SnatchRank, r.CJRank, r.Rank}[lift]}
	}
	out := make([]string, len(c.RankGroups))
	for i := range out {
		out[i] = "-"
		if i < len(r.GroupRanks) && r.GroupRanks[i][lift] != "" {
			out[i] = r.GroupRanks[i][lift]
		}
	}
	return out
}

// rankHeads are the headers of a lift's rank columns: the rank groups, or "Rank".
func rankHeads(g GridView) []string {
	if len(g.Columns.RankGroups) > 0 {
		return g.Columns.RankGroups
	}
	return []string{g.Labels.Rank}
}

// FitStyle passes a table's size in em to the stylesheet, which picks the font size.
// With flexible columns it passes the width without them (--fit-fixed) and the least width
// of the table (--fit-wmin), which a larger size option may use.
func FitStyle(f Fit) templ.SafeCSS {
	w, h := max(f.Width, 10), max(f.Height, 5)
	css := "--fit-w:" + em(w) + ";--fit-h:" + em(h)
	if f.Flex > 0 && f.Flex < w {
		css += ";--fit-fixed:" + em(w-f.Flex) + ";--fit-wmin:" + em(w-f.Flex+min(f.FlexMin, f.Flex))
	}
	return templ.SafeCSS(css)
}

func em(v float64) string { return strconv.FormatFloat(v, 'f', 1, 64) }
