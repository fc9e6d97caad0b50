package documents

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"testing"
)

func pngLogo(t *testing.T, w, h int) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for x := range w {
		for y := range h {
			img.Set(x, y, color.RGBA{R: uint8(x), G: 80, B: uint8(y), A: 255})
		}
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// The competition's logos are in the header; a logo file that is no image is left out.
func TestLogos(t *testing.T) {
	s := demoSnapshot(t)
	logos := map[string][]byte{"left": pngLogo(t, 40, 20), "right": []byte("<svg/>")}
	b, err := named(t, "medal-count").Make(Source{Snap: s, Now: exportTime, Logo: func(stem string) []byte { return logos[stem] }}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if n := bytes.Count(b, []byte("/Subtype /Image")); n != 1 {
		t.Errorf("%d images in the PDF, want the left logo once (drawn on every page, stored once)", n)
	}
	checkDocument(t, b)
}
