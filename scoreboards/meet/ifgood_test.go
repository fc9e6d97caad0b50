package meet

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestPlaceIfGood(t *testing.T) {
	// Three athletes of one category: Ines has done her snatches (90), Jo is on stage, Kim
	// lifts later in the snatch (no lift yet).
	cat := func(jo, ines, kim *Lifter) CategoryEntries {
		jo.Key, ines.Key, kim.Key = "jo", "ines", "kim"
		return CategoryEntries{Entries: []Entry{{Lifter: ines, Main: true}, {Lifter: jo, Main: true}, {Lifter: kim, Main: true}}}
	}
	for _, tt := range []struct {
		name      string
		jo, ines  *Lifter
		cleanJerk bool
		weight    int
		want      IfGood
	}{
		{"snatch above the leader", &Lifter{}, &Lifter{Snatch: lifts(85, 90, -92)}, false, 91, IfGood{1, OfSnatch}},
		{"snatch equal to a result reached before: behind it", &Lifter{}, &Lifter{Snatch: lifts(85, 90, -92)}, false, 90, IfGood{2, OfSnatch}},
		{"snatch below", &Lifter{Snatch: lifts(80)}, &Lifter{Snatch: lifts(85, 90, -92)}, false, 85, IfGood{2, OfSnatch}},
		{"a lighter third attempt keeps the best", &Lifter{Snatch: lifts(95, -100)}, &Lifter{Snatch: lifts(85, 90, -92)}, false, 100, IfGood{1, OfSnatch}},
		{"clean & jerk gives a total place", &Lifter{Snatch: lifts(80, 84, -86)},
			&Lifter{Snatch: lifts(85, 90, -92), CleanJerk: lifts(105, 110, -115)}, true, 117, IfGood{1, OfTotal}},
		{"a total equal to one reached before is behind it", &Lifter{Snatch: lifts(80, 84, -86)},
			&Lifter{Snatch: lifts(85, 90, -92), CleanJerk: lifts(105, 110, -115)}, true, 116, IfGood{2, OfTotal}},
		{"no snatch: the clean & jerk place", &Lifter{Snatch: lifts(-80, -80, -80)},
			&Lifter{Snatch: lifts(85, 90), CleanJerk: lifts(105, 110)}, true, 112, IfGood{1, OfCleanJerk}},
		{"no weight asked", &Lifter{}, &Lifter{}, false, 0, IfGood{}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got := PlaceIfGood(cat(tt.jo, tt.ines, &Lifter{}), "jo", tt.cleanJerk, tt.weight)
			if d := cmp.Diff(tt.want, got); d != "" {
				t.Errorf("(-want +got)\n%s", d)
			}
		})
	}
	if got := PlaceIfGood(CategoryEntries{}, "nobody", false, 100); got != (IfGood{}) {
		t.Errorf("an athlete not in the category: %+v", got)
	}
}
