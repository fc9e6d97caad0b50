package documents

import (
	"bytes"
	"fmt"
	"image"
	_ "image/jpeg" // logos may be JPEG
	_ "image/png"  // or PNG
	"slices"
	"strconv"
	"strings"

	"github.com/signintech/gopdf"
)

// frame is what every page but the title page shows around its content.
type frame struct {
	title       string // the document's name, also the PDF's title
	competition string
	place       string // "Site, City, first day – last day"
	left, right []byte // logos (PNG or JPEG), nil for none
	exported    string // "exported 2026-03-14 17:02" in the document's language
	pageOf      func(n, m int) string
}

// titlePage is the first page: no header, the competition and the document's name.
func (d *doc) titlePage(f frame, lines ...string) {
	p := d.newPage()
	p.noHeader = true
	y := d.h * 0.3
	if f.left != nil || f.right != nil {
		for i, img := range [][]byte{f.left, f.right} {
			if img != nil {
				x := d.w/2 - 130
				if i == 1 {
					x = d.w/2 + 30
				}
				d.image(img, x, y-110, 100, 90)
			}
		}
	}
	d.text(d.left(), y, d.width(), f.competition, bold, 24, black, gopdf.Center)
	y += 36
	d.text(d.left(), y, d.width(), f.place, regular, 13, grey, gopdf.Center)
	y += 50
	d.text(d.left(), y, d.width(), f.title, bold, 30, black, gopdf.Center)
	y += 44
	for _, l := range lines {
		d.text(d.left(), y, d.width(), l, regular, 12, grey, gopdf.Center)
		y += 18
	}
}

// image places a logo in a box, keeping its proportions; a file that is not an image is
// left out.
func (d *doc) image(data []byte, x, y, w, h float64) {
	cfg, _, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil || cfg.Width == 0 || cfg.Height == 0 {
		return
	}
	iw, ih := w, w*float64(cfg.Height)/float64(cfg.Width)
	if ih > h {
		iw, ih = h*float64(cfg.Width)/float64(cfg.Height), h
	}
	p := d.page()
	p.ops = append(p.ops, op{kind: opImage, x: x + (w-iw)/2, y: y + (h-ih)/2, w: iw, h: ih, image: data})
}

// contents lays out the table of contents after everything else (its page numbers are known
// then) and moves it behind the title page.
func (d *doc) contents(title string) {
	if len(d.pages) < 2 {
		return
	}
	sections := slices.Clone(d.sections)
	start := len(d.pages)
	d.newPage()
	tocSection := section{title: title, page: start, y: d.y}
	d.text(d.left(), d.y, d.width(), title, bold, 14, black, gopdf.Left)
	d.y += 24
	var numbers []ref
	for _, s := range sections {
		h := 15.0
		if s.level == 0 {
			h = 18
		}
		if d.y+h > d.bottom() {
			d.newPage()
		}
		indent, f, size := 0.0, bold, 10.0
		if s.level > 0 {
			indent, f, size = 18, regular, 9
		}
		d.text(d.left()+indent, d.y, d.width()-indent-50, s.title, f, size, black, gopdf.Left)
		r, _ := d.text(d.right()-50, d.y, 50, "0", f, size, black, gopdf.Right)
		numbers = append(numbers, r)
		d.y += h
	}
	n := len(d.pages) - start
	// Move the contents' pages behind the title page; everything after shifts by n.
	toc := slices.Clone(d.pages[start:])
	d.pages = slices.Insert(d.pages[:start], 1, toc...)
	for i := range d.sections {
		if d.sections[i].page >= 1 {
			d.sections[i].page += n
		}
	}
	for i, r := range numbers {
		r.page = r.page - start + 1
		d.op(r).text = strconv.Itoa(d.sections[i].page + 1)
	}
	tocSection.page = 1
	d.sections = slices.Insert(d.sections, 0, tocSection)
}

// write renders the laid-out pages with their header and footer, and the outline.
func (d *doc) write(f frame) ([]byte, error) {
	gp := d.pdf
	gp.SetInfo(gopdf.PdfInfo{Title: f.title + " – " + f.competition, Creator: "owlcms-tracker", Producer: "owlcms-tracker"})
	next := 0
	for i, p := range d.pages {
		gp.AddPage()
		if !p.noHeader {
			d.drawFrame(f, i+1, len(d.pages))
		}
		for _, o := range p.ops {
			if err := d.draw(o); err != nil {
				return nil, err
			}
		}
		for next < len(d.sections) && d.sections[next].page <= i {
			gp.SetXY(0, d.sections[next].y)
			title := d.sections[next].title
			if d.sections[next].level > 0 {
				title = "  " + title
			}
			gp.AddOutlineWithPosition(title)
			next++
		}
	}
	var buf bytes.Buffer
	if _, err := gp.WriteTo(&buf); err != nil {
		return nil, fmt.Errorf("documents: write PDF: %w", err)
	}
	return buf.Bytes(), nil
}

// drawFrame draws the running header and footer of page n of m.
func (d *doc) drawFrame(f frame, n, m int) {
	var ops []op
	add := func(y float64, s, fontName string, size float64, color rgb, align int) {
		s = clean(s)
		if s != "" {
			ops = append(ops, op{kind: opText, x: d.left() + 60, y: y, w: d.width() - 120, h: size * 1.25,
				text: d.fit(fontName, size, s, d.width()-120), font: fontName, size: size, color: color, align: align})
		}
	}
	add(8*mm, f.competition, bold, 12, black, gopdf.Center)
	add(8*mm+16, f.place, regular, 9, grey, gopdf.Center)
	if f.left != nil {
		d.imageOp(&ops, f.left, d.left(), 5*mm, 55, 16*mm)
	}
	if f.right != nil {
		d.imageOp(&ops, f.right, d.right()-55, 5*mm, 55, 16*mm)
	}
	ops = append(ops, op{kind: opLine, x: d.left(), y: marginTop - 4, w: d.width(), color: rule})
	fy := d.h - marginBottom + 12
	ops = append(ops, op{kind: opLine, x: d.left(), y: fy - 4, w: d.width(), color: rule})
	left := strings.TrimSpace(f.title + " · " + f.exported)
	ops = append(ops,
		op{kind: opText, x: d.left(), y: fy, w: d.width() * 0.7, text: d.fit(regular, 8, left, d.width()*0.7), font: regular, size: 8, color: grey, align: gopdf.Left},
		op{kind: opText, x: d.right() - 150, y: fy, w: 150, text: f.pageOf(n, m), font: regular, size: 8, color: grey, align: gopdf.Right})
	for _, o := range ops {
		_ = d.draw(o) // header text and lines cannot fail but for a broken logo, then left out
	}
}

func (d *doc) imageOp(ops *[]op, data []byte, x, y, w, h float64) {
	saved := len(d.pages)
	p := &page{}
	d.pages = append(d.pages, p)
	d.image(data, x, y, w, h)
	d.pages = d.pages[:saved]
	*ops = append(*ops, p.ops...)
}

func (d *doc) draw(o op) error {
	gp := d.pdf
	switch o.kind {
	case opText:
		d.setFont(o.font, o.size)
		gp.SetTextColor(o.color[0], o.color[1], o.color[2])
		gp.SetXY(o.x, o.y)
		if err := gp.CellWithOption(&gopdf.Rect{W: o.w, H: o.h}, o.text, gopdf.CellOption{Align: o.align | gopdf.Top}); err != nil {
			return fmt.Errorf("documents: text %q: %w", o.text, err)
		}
	case opRect:
		gp.SetFillColor(o.color[0], o.color[1], o.color[2])
		gp.RectFromUpperLeftWithStyle(o.x, o.y, o.w, o.h, "F")
	case opLine:
		gp.SetLineWidth(0.4)
		gp.SetStrokeColor(o.color[0], o.color[1], o.color[2])
		gp.Line(o.x, o.y, o.x+o.w, o.y+o.h)
	case opImage:
		h, err := gopdf.ImageHolderByBytes(o.image)
		if err != nil {
			return nil // a logo gopdf cannot read is left out
		}
		if err := gp.ImageByHolder(h, o.x, o.y, &gopdf.Rect{W: o.w, H: o.h}); err != nil {
			return nil
		}
	}
	return nil
}
