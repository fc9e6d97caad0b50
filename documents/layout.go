package documents

import (
	"fmt"

	"github.com/signintech/gopdf"

	"github.com/owlcms/tracker/documents/font"
)

// Sizes are PDF points (1/72 inch). The margins follow the IWF books: 25 mm on top (the
// header lives there), 15 mm at the bottom (the footer), 10 mm on the sides.
const (
	mm           = 72 / 25.4
	marginTop    = 25 * mm
	marginBottom = 15 * mm
	marginSide   = 10 * mm

	regular = "regular"
	bold    = "bold"
)

type rgb [3]uint8

var (
	black    = rgb{0, 0, 0}
	grey     = rgb{90, 90, 90}
	red      = rgb{190, 20, 20}
	rule     = rgb{150, 150, 150}
	headFill = rgb{225, 230, 238}
	bandFill = rgb{244, 245, 248}
	subFill  = rgb{235, 235, 235}
)

type opKind int

const (
	opText opKind = iota
	opRect
	opLine
	opImage
)

// op is one drawing on a page, kept until the whole document is laid out: only then are the
// page count, the contents' page numbers and the "(2/3)" of a continued table known.
type op struct {
	kind       opKind
	x, y, w, h float64
	text       string
	font       string
	size       float64
	color      rgb
	align      int // gopdf.Left, gopdf.Center or gopdf.Right
	image      []byte
}

// page is a laid-out page. A title page carries no running header.
type page struct {
	ops      []op
	noHeader bool
}

// section is an entry of the contents and of the PDF outline.
type section struct {
	title string
	level int // 0 a section, 1 a subsection
	page  int // index in the document's pages
	y     float64
}

// doc lays out a document page by page. Text is measured with the embedded font as it is
// laid out, so cells are cut to their width before anything is written.
type doc struct {
	pdf       *gopdf.GoPdf
	w, h      float64
	pages     []*page
	y         float64 // the next free line on the current page
	sections  []section
	curFont   string
	curSize   float64
	truncated map[string]string
}

func newDoc(portrait bool) (*doc, error) {
	size := *gopdf.PageSizeA4
	if !portrait {
		size = gopdf.Rect{W: size.H, H: size.W}
	}
	d := &doc{pdf: &gopdf.GoPdf{}, w: size.W, h: size.H, truncated: map[string]string{}}
	d.pdf.Start(gopdf.Config{PageSize: size, Unit: gopdf.UnitPT})
	// A character the font lacks (Chinese, Arabic...) prints as "?" rather than vanishing
	// from a name.
	opt := gopdf.TtfOption{OnGlyphNotFoundSubstitute: func(rune) rune { return '?' }}
	if err := d.pdf.AddTTFFontDataWithOption(regular, font.Regular, opt); err != nil {
		return nil, fmt.Errorf("documents: font: %w", err)
	}
	if err := d.pdf.AddTTFFontDataWithOption(bold, font.Bold, opt); err != nil {
		return nil, fmt.Errorf("documents: bold font: %w", err)
	}
	return d, nil
}

func (d *doc) left() float64   { return marginSide }
func (d *doc) right() float64  { return d.w - marginSide }
func (d *doc) width() float64  { return d.w - 2*marginSide }
func (d *doc) bottom() float64 { return d.h - marginBottom }

// newPage starts a page and puts the cursor under the header.
func (d *doc) newPage() *page {
	p := &page{}
	d.pages = append(d.pages, p)
	d.y = marginTop
	return p
}

func (d *doc) page() *page {
	if len(d.pages) == 0 {
		return d.newPage()
	}
	return d.pages[len(d.pages)-1]
}

// need starts a new page unless h points are left on this one.
func (d *doc) need(h float64) {
	if len(d.pages) == 0 || d.y+h > d.bottom() {
		d.newPage()
	}
}

func (d *doc) setFont(name string, size float64) {
	if d.curFont == name && d.curSize == size {
		return
	}
	_ = d.pdf.SetFont(name, "", size) // both fonts are registered in newDoc
	d.curFont, d.curSize = name, size
}

// measure is the width of s in a font and size.
func (d *doc) measure(name string, size float64, s string) float64 {
	d.setFont(name, size)
	w, err := d.pdf.MeasureTextWidth(s)
	if err != nil {
		return 0
	}
	return w
}

// fit cuts s with an ellipsis so that it fits w points.
func (d *doc) fit(name string, size float64, s string, w float64) string {
	if s == "" || d.measure(name, size, s) <= w {
		return s
	}
	key := fmt.Sprintf("%s|%g|%g|%s", name, size, w, s)
	if t, ok := d.truncated[key]; ok {
		return t
	}
	r := []rune(s)
	lo, hi := 0, len(r)
	for lo < hi { // the longest prefix that fits with its ellipsis
		mid := (lo + hi + 1) / 2
		if d.measure(name, size, string(r[:mid])+"…") <= w {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	t := string(r[:lo]) + "…"
	d.truncated[key] = t
	return t
}

// ref points at a text already laid out, to change it once the document is complete.
type ref struct{ page, op int }

func (d *doc) op(r ref) *op { return &d.pages[r.page].ops[r.op] }

// text puts one line of text in a box of width w whose top is y.
func (d *doc) text(x, y, w float64, s, fontName string, size float64, color rgb, align int) (ref, bool) {
	s = clean(s)
	if s == "" {
		return ref{}, false
	}
	p := d.page()
	p.ops = append(p.ops, op{kind: opText, x: x, y: y, w: w, h: size * 1.25, text: d.fit(fontName, size, s, w),
		font: fontName, size: size, color: color, align: align})
	return ref{len(d.pages) - 1, len(p.ops) - 1}, true
}

func (d *doc) rect(x, y, w, h float64, fill rgb) {
	p := d.page()
	p.ops = append(p.ops, op{kind: opRect, x: x, y: y, w: w, h: h, color: fill})
}

func (d *doc) line(x1, y1, x2, y2 float64, color rgb) {
	p := d.page()
	p.ops = append(p.ops, op{kind: opLine, x: x1, y: y1, w: x2 - x1, h: y2 - y1, color: color})
}

// heading writes a section title, on a new page for a section, and registers it for the
// contents and the outline.
func (d *doc) heading(title string, level int) {
	if level == 0 {
		d.newPage()
	} else {
		d.need(60)
	}
	size := 14.0
	if level > 0 {
		size = 11
		d.y += 4
	}
	d.sections = append(d.sections, section{title: title, level: level, page: len(d.pages) - 1, y: d.y})
	d.text(d.left(), d.y, d.width(), title, bold, size, black, gopdf.Left)
	d.y += size*1.25 + 6
}

// paragraph writes a line of plain text.
func (d *doc) paragraph(s string, size float64, color rgb) {
	d.need(size * 1.6)
	d.text(d.left(), d.y, d.width(), s, regular, size, color, gopdf.Left)
	d.y += size * 1.5
}
