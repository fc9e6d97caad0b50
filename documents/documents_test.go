package documents

import (
	"strings"
	"testing"
)

// Every document of the demo meet is a PDF that reads back, with a page count in its footer.
func TestDemoDocuments(t *testing.T) {
	s := demoSnapshot(t)
	for _, d := range All {
		t.Run(d.Name, func(t *testing.T) {
			b := generate(t, d.Name, s, nil)
			if !strings.HasPrefix(string(b), "%PDF-") {
				t.Fatal("not a PDF")
			}
			pages, outline := readPDF(t, b)
			if len(pages) < 3 {
				t.Fatalf("%d pages", len(pages))
			}
			if len(outline) < 2 || outline[0] != "Contents" {
				t.Errorf("outline %q", outline)
			}
		})
	}
}
