package startorder

import (
	"context"
	"io"
	"testing"

	"github.com/a-h/templ"

	"github.com/owlcms/tracker/demo"
	"github.com/owlcms/tracker/hub"
	"github.com/owlcms/tracker/scoreboards/board"
)

// BenchmarkFragments measures what one render costs the server, once per version: the data
// helper plus the grid fragment, and the attempt bar fragment (what a clock event re-renders).
func BenchmarkFragments(b *testing.B) {
	h := hub.New(hub.Options{})
	if err := demo.Load(h); err != nil {
		b.Fatal(err)
	}
	r := board.NewRequest(h.Snapshot(), "B", "en", board.DefaultOptions, nil)
	for _, frag := range []string{"grid", "bar"} {
		b.Run(frag, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if err := templ.RenderFragments(context.Background(), io.Discard, Board.View(r), frag); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
