package web_test

import (
	"bytes"
	"encoding/csv"
	"net/http"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// The team results of the demo meet download as a workbook and a CSV, with the team
// scoreboard's options.
func TestTeamExports(t *testing.T) {
	s := demoServer(t)
	resp, body := s.get(t, "/team-scoreboard/export.xlsx?scoringSystem=Sinclair&topM=3")
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("xlsx: %d %s", resp.StatusCode, body)
	}
	if ct := resp.Header.Get("Content-Type"); ct != "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" {
		t.Errorf("xlsx Content-Type %q", ct)
	}
	if cd := resp.Header.Get("Content-Disposition"); cd != `attachment; filename="team-results.xlsx"` {
		t.Errorf("xlsx Content-Disposition %q", cd)
	}
	f, err := excelize.OpenReader(strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := f.GetSheetList(); len(got) != 2 || got[0] != "Men" || got[1] != "Women" {
		t.Errorf("sheets %v", got)
	}

	resp, body = s.get(t, "/team-scoreboard/export.csv?gender=F")
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("csv: %d %s", resp.StatusCode, body)
	}
	if ct := resp.Header.Get("Content-Type"); ct != "text/csv; charset=utf-8" {
		t.Errorf("csv Content-Type %q", ct)
	}
	if cd := resp.Header.Get("Content-Disposition"); cd != `attachment; filename="team-results.csv"` {
		t.Errorf("csv Content-Disposition %q", cd)
	}
	recs, err := csv.NewReader(bytes.NewReader([]byte(body))).ReadAll()
	if err != nil || len(recs) < 2 || recs[0][0] != "Sheet" || recs[1][0] != "Women" {
		t.Errorf("csv: %v %.300v", err, recs)
	}

	_, landing := s.get(t, "/")
	for _, want := range []string{`href="/team-scoreboard/export.xlsx" download`, `href="/team-scoreboard/export.csv" download`} {
		if !strings.Contains(landing, want) {
			t.Errorf("landing page lacks %s", want)
		}
	}

	if resp, _ := s.get(t, "/team-scoreboard/export.xlsx?lang=%00"); resp.StatusCode != http.StatusBadRequest {
		t.Errorf("bad lang: %d", resp.StatusCode)
	}
}
