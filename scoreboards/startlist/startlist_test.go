package startlist

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/owlcms/tracker/hub"
	"github.com/owlcms/tracker/scoreboards/board"
	"github.com/owlcms/tracker/scoreboards/board/boardtest"
)

func TestData(t *testing.T) {
	noDB := boardtest.Snapshot(nil, boardtest.SessionM2("A"))
	hidden := boardtest.SessionM2("A")
	hidden.Hidden = true
	tests := []struct {
		name    string
		snap    *hub.Snapshot
		heading string
		rows    []Row
		empty   string
	}{
		{
			name: "start order with a band between categories, entry totals from the database", snap: boardtest.CeremonyMeet(t),
			heading: "Session M2 – Men 81",
			rows: []Row{
				{Start: "1", Name: "ARNOTT, Bram", Team: "Alder Bay WC", Category: "SR 81", Born: "2000", Entry: "280"},
				{Start: "2", Name: "BROOK, Cal", Team: "Birchwood Barbell", Category: "SR 81", Born: "2000", Entry: "275"},
				{Start: "4", Name: "AVERY, Finn", Team: "Birchwood Barbell", Category: "SR 81", Born: "2000", Entry: "260"},
				{Band: true},
				{Start: "3", Name: "CARVER, Dan", Team: "Cedar Point", Category: "JR 81", Born: "2000", Entry: "250"},
			},
		},
		{
			name: "no database: no entry totals", snap: noDB, heading: "Session M2 – Men 81",
			rows: []Row{
				{Start: "1", Name: "ARNOTT, Bram", Team: "Alder Bay WC", Category: "SR 81", Born: "2000", Entry: "-"},
				{Start: "2", Name: "BROOK, Cal", Team: "Birchwood Barbell", Category: "SR 81", Born: "2000", Entry: "-"},
				{Start: "4", Name: "AVERY, Finn", Team: "Birchwood Barbell", Category: "SR 81", Born: "2000", Entry: "-"},
				{Band: true},
				{Start: "3", Name: "CARVER, Dan", Team: "Cedar Point", Category: "JR 81", Born: "2000", Entry: "-"},
			},
		},
		{name: "no session on the platform", snap: boardtest.Snapshot(nil, hidden), empty: "Waiting for next session."},
		{name: "nothing from OWLCMS", snap: boardtest.Snapshot(nil), empty: "Waiting for next session."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v := Data(board.NewRequest(tt.snap, "A", "en", board.DefaultOptions, nil))
			if diff := cmp.Diff(tt.rows, v.Rows); diff != "" {
				t.Errorf("rows (-want +got):\n%s", diff)
			}
			if v.Heading != tt.heading || v.Empty != tt.empty {
				t.Errorf("heading %q, empty %q; want %q, %q", v.Heading, v.Empty, tt.heading, tt.empty)
			}
		})
	}
}
