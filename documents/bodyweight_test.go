package documents

import (
	"testing"

	"github.com/owlcms/tracker/scoreboards/meet"
)

// Bodyweights print as the boards print them, two decimals: "57.10", not "57.1".
func TestBodyWeightsAsOnTheBoards(t *testing.T) {
	s := demoSnapshot(t)
	for _, doc := range []string{"start-book", "results-book"} {
		pages, _ := checkDocument(t, generate(t, doc, s, nil))
		weighed := 0
		for _, l := range newModel(s).lifters {
			if l.BodyWeight <= 0 {
				continue
			}
			weighed++
			last, _ := splitName(l.Name)
			if bw := meet.BodyWeight(l.BodyWeight); !lineWith(pages, last, " "+bw) {
				t.Errorf("%s: no line of %s with %s and the bodyweight %s", doc, l.Name, last, bw)
			}
		}
		if weighed == 0 {
			t.Fatal("nobody is weighed: the test proves nothing")
		}
	}
}
