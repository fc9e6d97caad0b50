package teamscoreboard

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"net/url"
	"slices"
	"strconv"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/owlcms/tracker/hub"
	"github.com/owlcms/tracker/hub/scoring"
	"github.com/owlcms/tracker/scoreboards/board"
	"github.com/owlcms/tracker/scoreboards/board/boardtest"
)

func export(t *testing.T, f *hub.FOP, query string) []Sheet {
	t.Helper()
	s := boardtest.Snapshot(nil)
	s.Database = database(t)
	if f != nil {
		s.FOPs[f.Name] = f
	}
	q, err := url.ParseQuery(query)
	if err != nil {
		t.Fatal(err)
	}
	return Export(board.NewRequest(s, "A", "en", board.DefaultOptions, Board.BoardQuery(q)))
}

// TestXLSX opens the workbook of the invented meet: a sheet per gender, the header row, and
// Arnott's line (Alder Bay WC, first of the men with Arnott's and Ashdown's Sinclairs).
func TestXLSX(t *testing.T) {
	b, err := XLSX(export(t, women(), ""))
	if err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := f.GetSheetList(); !slices.Equal(got, []string{"Men", "Women"}) {
		t.Fatalf("sheets %v, want Men, Women", got)
	}
	rows, err := f.GetRows("Men")
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(rows[0], Header) {
		t.Errorf("header %v", rows[0])
	}
	cell := func(ref string) string {
		v, err := f.GetCellValue("Men", ref, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	s24 := func(total, bw float64) float64 { return scoring.Sinclair(2024, total, bw, "M") }
	// Row 2: the first team's first athlete.
	if cell("A2") != "1" || cell("B2") != "Alder Bay WC" || cell("D2") != "ARNOTT, Bram" {
		t.Fatalf("row 2: %v", rows[1])
	}
	if cell("L2") != "280" || cell("I2") != "80.2" || cell("H2") != "yes" || cell("N2") != "yes" {
		t.Errorf("Arnott's total, bodyweight, membership, counts: %v", rows[1])
	}
	score, err := strconv.ParseFloat(cell("M2"), 64)
	if err != nil || fmt.Sprintf("%.6f", score) != fmt.Sprintf("%.6f", s24(280, 80.2)) {
		t.Errorf("Arnott's score %q, want %f", cell("M2"), s24(280, 80.2))
	}
	team, _ := strconv.ParseFloat(cell("C2"), 64)
	if fmt.Sprintf("%.6f", team) != fmt.Sprintf("%.6f", s24(280, 80.2)+s24(274, 94.0)) {
		t.Errorf("team score %q", cell("C2"))
	}
	// Avery's score does not count (two men count).
	if cell("D3") != "AVERY, Dale" || cell("N3") != "no" {
		t.Errorf("row 3: %v", rows[2])
	}
	// The women have not lifted in the database: their scores are empty, not 0.
	w, _ := f.GetRows("Women")
	if len(w) < 2 || len(w[1]) > 12 && w[1][12] != "" {
		t.Errorf("women's first row: %v", w)
	}
}

func TestCSV(t *testing.T) {
	sheets := export(t, nil, "gender=M&scoringSystem=TeamPoints")
	sheets[0].Rows[0].Team = "=HYPERLINK(\"http://x\")"
	sheets[0].Rows[1].Name = "@SUM(A1)"
	b, err := CSV(sheets)
	if err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(bytes.NewReader(b)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 1+6 || !slices.Equal(recs[0][1:], Header) || recs[0][0] != "Sheet" {
		t.Fatalf("%d records, header %v", len(recs), recs[0])
	}
	// Team points: Birchwood first, whole numbers.
	first := recs[1]
	if first[0] != "Men" || first[1] != "1" || first[2] != "'=HYPERLINK(\"http://x\")" || first[3] != "168" {
		t.Errorf("first row %v", first)
	}
	if recs[2][4] != "'@SUM(A1)" {
		t.Errorf("second name %q: a formula must not survive", recs[2][4])
	}
	for _, r := range recs[1:] {
		if r[4] == "BROOK, Evan" && (r[12] != "277" || r[14] != "yes") {
			t.Errorf("Brook: %v", r)
		}
	}
}
