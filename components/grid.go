package components

import (
	"strconv"

	"github.com/a-h/templ"
)

// liftSpan is the number of columns under the Snatch (or C&J) header.
func liftSpan(c GridColumns) string {
	if c.LiftRanks {
		return "5"
	}
	return "4"
}

// gridSpan is the number of columns of the grid, for full-width rows.
func gridSpan(c GridColumns) string {
	n := 3 + 1 + 2*4 + 2 // start, name, category; team; lifts; total, rank
	if c.NoLifter {
		n -= 3
	}
	for _, on := range []bool{c.Born, c.Custom1, c.Custom2, c.LiftRanks, c.LiftRanks, c.Sinclair, c.SinclairRank} {
		if on {
			n++
		}
	}
	return strconv.Itoa(n)
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
