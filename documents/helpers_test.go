package documents

import (
	"bytes"
	"io"
	"log/slog"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ledongthuc/pdf"

	"github.com/owlcms/tracker/demo"
	"github.com/owlcms/tracker/hub"
)

func quietHub() *hub.Hub {
	return hub.New(hub.Options{Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
}

// demoSnapshot is the demo meet loaded into a hub, with its live sessions.
func demoSnapshot(t testing.TB) *hub.Snapshot {
	t.Helper()
	h := quietHub()
	if err := demo.Load(h); err != nil {
		t.Fatal(err)
	}
	return h.Snapshot()
}

var exportTime = time.Date(2026, 3, 14, 17, 2, 0, 0, time.UTC)

// generate makes a document and, with DOCUMENTS_OUT set, keeps the file there to look at.
func generate(t testing.TB, name string, s *hub.Snapshot, q url.Values) []byte {
	t.Helper()
	b, err := named(t, name).Make(Source{Snap: s, Now: exportTime}, q)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	if dir := os.Getenv("DOCUMENTS_OUT"); dir != "" {
		if err := os.WriteFile(filepath.Join(dir, name+".pdf"), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return b
}

// named is the document called name.
func named(t testing.TB, name string) *Document {
	t.Helper()
	d, ok := Find(name)
	if !ok {
		t.Fatalf("no document %q", name)
	}
	return d
}

// readPDF extracts the text of every page, a line per row of text, and the outline's titles.
func readPDF(t testing.TB, b []byte) (pages []string, outline []string) {
	t.Helper()
	r, err := pdf.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatalf("read PDF: %v", err)
	}
	for i := 1; i <= r.NumPage(); i++ {
		p := r.Page(i)
		var sb strings.Builder
		rows, err := p.GetTextByRow()
		if err != nil {
			t.Fatalf("page %d: %v", i, err)
		}
		for _, row := range rows {
			for _, w := range row.Content {
				sb.WriteString(w.S)
				sb.WriteString(" ")
			}
			sb.WriteString("\n")
		}
		pages = append(pages, sb.String())
	}
	var walk func(o pdf.Outline)
	walk = func(o pdf.Outline) {
		if o.Title != "" {
			outline = append(outline, strings.TrimSpace(o.Title))
		}
		for _, c := range o.Child {
			walk(c)
		}
	}
	walk(r.Outline())
	return pages, outline
}

// lineWith reports whether a line of the pages holds every one of the strings.
func lineWith(pages []string, ss ...string) bool {
	for _, p := range pages {
	lines:
		for _, l := range strings.Split(p, "\n") {
			for _, s := range ss {
				if !strings.Contains(l, s) {
					continue lines
				}
			}
			return true
		}
	}
	return false
}
