package demo

import (
	"archive/zip"
	"bytes"
	"fmt"
	"strings"
	"time"
)

// flagDesign is an invented flag: a pattern and two or three colours.
type flagDesign struct {
	pattern string // "hstripes", "vstripes", "cross", "disc", "diagonal", "chevron"
	colors  []string
}

// flagSVG draws a design on a 30×20 canvas, the aspect OWLCMS flag boxes expect.
func flagSVG(d flagDesign) string {
	c := func(i int) string { return d.colors[i%len(d.colors)] }
	var body string
	switch d.pattern {
	case "hstripes":
		body = fmt.Sprintf(`<rect width="30" height="20" fill="%s"/><rect y="6.67" width="30" height="6.67" fill="%s"/><rect y="13.33" width="30" height="6.67" fill="%s"/>`, c(0), c(1), c(2))
	case "vstripes":
		body = fmt.Sprintf(`<rect width="30" height="20" fill="%s"/><rect x="10" width="10" height="20" fill="%s"/><rect x="20" width="10" height="20" fill="%s"/>`, c(0), c(1), c(2))
	case "cross":
		body = fmt.Sprintf(`<rect width="30" height="20" fill="%s"/><rect x="8" width="5" height="20" fill="%s"/><rect y="7.5" width="30" height="5" fill="%s"/>`, c(0), c(1), c(1))
	case "disc":
		body = fmt.Sprintf(`<rect width="30" height="20" fill="%s"/><circle cx="15" cy="10" r="6" fill="%s"/>`, c(0), c(1))
	case "diagonal":
		body = fmt.Sprintf(`<rect width="30" height="20" fill="%s"/><path d="M0 20 L30 0 L30 20 Z" fill="%s"/><path d="M0 17 L25.5 0 L30 0 L30 3 L4.5 20 L0 20 Z" fill="%s"/>`, c(0), c(1), c(2))
	default: // chevron
		body = fmt.Sprintf(`<rect width="30" height="20" fill="%s"/><path d="M0 0 L12 10 L0 20 Z" fill="%s"/><rect x="12" y="8" width="18" height="4" fill="%s"/>`, c(0), c(1), c(2))
	}
	return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 30 20" width="30" height="20">` + body + "</svg>\n"
}

// flagZipTime fixes the entries' modification time so the ZIP is byte-for-byte reproducible.
var flagZipTime = time.Date(2026, 5, 1, 12, 0, 0, 0, time.UTC)

// FlagsZip is the flags_zip payload: one "<team name>.svg" entry per team, the names OWLCMS's
// flagURL (/local/flags/<team name>.svg) points to.
func FlagsZip() []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, t := range teams {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: t.name + ".svg", Method: zip.Deflate, Modified: flagZipTime})
		if err == nil {
			_, err = w.Write([]byte(flagSVG(t.flag)))
		}
		if err != nil {
			panic("demo: cannot build flags zip: " + err.Error()) // writes to memory cannot fail
		}
	}
	if err := zw.Close(); err != nil {
		panic("demo: cannot build flags zip: " + err.Error())
	}
	return buf.Bytes()
}

// flagURL is the displayInfo flagURL OWLCMS sends for a team with an SVG flag.
func flagURL(team string) string {
	if strings.TrimSpace(team) == "" {
		return ""
	}
	return "/local/flags/" + team + ".svg"
}
