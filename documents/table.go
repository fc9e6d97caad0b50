package documents

import (
	"strconv"
	"strings"
	"unicode"

	"github.com/signintech/gopdf"
)

// column is a table column: its heading, its share of the width, and, for attempt columns,
// the group heading above it ("Snatch" over 1, 2, 3, best, rank).
type column struct {
	head   string
	weight float64
	align  int
	group  string
	bold   bool
}

// cell is one value; bad marks a failed attempt.
type cell struct {
	text string
	bad  bool
}

// row is a line of a table; strong rows (subtotals, totals) are bold on a grey band. A cell
// may hold several lines ("\n"): the row grows, and is never split across pages.
type row struct {
	cells  []cell
	strong bool
}

// table is what doc.table lays out: a title repeated with "(2/3)" on every page it continues
// on, the header repeated too.
type table struct {
	title   string
	columns []column
	rows    []row
	size    float64 // text size, 8 by default
}

// texts are one-line cells: whatever a received string holds (a tab, a line break) stays on
// its line.
func texts(ss ...string) []cell {
	out := make([]cell, len(ss))
	for i, s := range ss {
		out[i] = cell{text: clean(s)}
	}
	return out
}

// lines is a cell of several lines, one per string.
func lines(ss []string) cell {
	out := make([]string, 0, len(ss))
	for _, s := range ss {
		if s = clean(s); s != "" {
			out = append(out, s)
		}
	}
	return cell{text: strings.Join(out, "\n")}
}

const (
	cellPad = 2.5
)

// table lays out t from the cursor, breaking across pages between rows.
func (d *doc) table(t table) {
	size := t.size
	if size == 0 {
		size = 8
	}
	lineH := size * 1.45
	titleH := 0.0
	if t.title != "" {
		titleH = 10 * 1.6
	}
	grouped := false
	for _, c := range t.columns {
		grouped = grouped || c.group != ""
	}
	headH := lineH + 2
	if grouped {
		headH *= 2
	}
	noHead := true
	for _, c := range t.columns {
		noHead = noHead && c.head == "" && c.group == ""
	}
	if noHead {
		headH = 0
	}
	total := 0.0
	for _, c := range t.columns {
		total += c.weight
	}
	widths := make([]float64, len(t.columns))
	for i, c := range t.columns {
		widths[i] = d.width() * c.weight / total
	}
	rowH := func(r row) float64 {
		n := 1
		for _, c := range r.cells {
			n = max(n, strings.Count(c.text, "\n")+1)
		}
		return float64(n)*lineH + 1
	}

	var titles []ref
	part := func() {
		if t.title != "" {
			if o, ok := d.text(d.left(), d.y, d.width(), t.title, bold, 10, black, gopdf.Left); ok {
				titles = append(titles, o)
			}
			d.y += titleH
		}
		if !noHead {
			d.header(t.columns, widths, size, lineH, headH, grouped)
		}
	}
	first := 0.0
	if len(t.rows) > 0 {
		first = rowH(t.rows[0])
	}
	d.need(titleH + headH + first)
	part()
	for i, r := range t.rows {
		h := rowH(r)
		if d.y+h > d.bottom() {
			d.newPage()
			part()
		}
		switch {
		case r.strong:
			d.rect(d.left(), d.y+0.4, d.width(), h-0.8, subFill)
		case i%2 == 1:
			d.rect(d.left(), d.y+0.4, d.width(), h-0.8, bandFill)
		}
		x := d.left()
		for j, c := range r.cells {
			if j >= len(widths) {
				break
			}
			f, col := regular, black
			if r.strong || t.columns[j].bold {
				f = bold
			}
			if c.bad {
				col = red
			}
			for k, ln := range strings.Split(c.text, "\n") {
				w := widths[j] - 2*cellPad
				d.text(x+cellPad, d.y+1+float64(k)*lineH+(lineH-size*1.2)/2, w, ln, f, d.shrink(f, size, ln, w), col, t.columns[j].align)
			}
			x += widths[j]
		}
		d.y += h
		d.line(d.left(), d.y, d.right(), d.y, rule)
	}
	if len(titles) > 1 {
		for k, r := range titles {
			o := d.op(r)
			o.text = d.fit(bold, 10, clean(t.title)+" ("+strconv.Itoa(k+1)+"/"+strconv.Itoa(len(titles))+")", o.w)
		}
	}
	d.y += 10
}

// shrink is the size at which s fits w: a long name is set smaller (down to 70%) before it
// is cut.
func (d *doc) shrink(fontName string, size float64, s string, w float64) float64 {
	if s == "" {
		return size
	}
	fits := d.measure(fontName, size, s)
	if fits <= w {
		return size
	}
	return max(size*0.7, size*w/fits*0.98)
}

// header draws a table's header row (and the group row above it).
func (d *doc) header(cols []column, widths []float64, size, lineH, headH float64, grouped bool) {
	d.rect(d.left(), d.y, d.width(), headH, headFill)
	top := d.y
	sub := d.y
	if grouped {
		sub = d.y + headH/2
	}
	x := d.left()
	for j := 0; j < len(cols); {
		c := cols[j]
		if c.group == "" {
			d.text(x+cellPad, top+(headH-size*1.2)/2, widths[j]-2*cellPad, c.head, bold, size, black, c.align)
			x += widths[j]
			j++
			continue
		}
		w, k := 0.0, j
		for k < len(cols) && cols[k].group == c.group {
			w += widths[k]
			k++
		}
		d.text(x+cellPad, top+(headH/2-size*1.2)/2, w-2*cellPad, c.group, bold, size, black, gopdf.Center)
		d.line(x+2, sub, x+w-2, sub, rule)
		for ; j < k; j++ {
			d.text(x+cellPad, sub+(headH/2-size*1.2)/2, widths[j]-2*cellPad, cols[j].head, bold, size, black, cols[j].align)
			x += widths[j]
		}
	}
	d.y += headH
}

// clean makes any received string printable on one line: control characters become spaces.
func clean(s string) string {
	if strings.IndexFunc(s, func(r rune) bool { return unicode.IsControl(r) || r == unicode.ReplacementChar }) < 0 {
		return strings.TrimSpace(s)
	}
	return strings.TrimSpace(strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return ' '
		}
		return r
	}, s))
}
