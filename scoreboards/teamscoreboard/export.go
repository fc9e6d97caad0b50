package teamscoreboard

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/owlcms/tracker/scoreboards/board"
	"github.com/owlcms/tracker/scoreboards/meet"
)

// Sheet is one table of the team results export: the teams of one gender (or of both, for
// mixed teams), each athlete on a row under their team, in the board's order.
type Sheet struct {
	Name   string // "Men", "Women", "Men and women"
	System meet.System
	Rows   []ExportRow
}

// ExportRow is one athlete's row. Lifts and totals are 0 when not made; TeamScore repeats the
// team's score on each of its rows so that the rows can be sorted and filtered alone.
type ExportRow struct {
	Rank                      int // the team's place
	Team                      string
	TeamScore                 float64
	Name, Gender, Category    string
	Born                      string
	TeamMember                bool // a member of the team (OWLCMS's "team member"); others never count
	BodyWeight                float64
	BestSnatch, BestCleanJerk int
	Total                     int
	Score                     float64
	Counts                    bool // among the scores that make the team's
}

// Header is the export's column row, the same in the workbook and the CSV.
var Header = []string{"Rank", "Team", "Team score", "Name", "Gender", "Category", "Born", "Team member",
	"Bodyweight", "Best snatch", "Best clean & jerk", "Total", "Score", "Counts"}

// Export is the team results with the team scoreboard's options: the same teams, scores and
// counted scores as the board, computed by meet.Teams. Without a gender option (the board's
// "current"), men and women each get their sheet; "MF" is one sheet of mixed teams.
func Export(r board.Request) []Sheet {
	var groups [][]string
	switch g := strings.ToUpper(r.Query.Get("gender")); g {
	case "M", "F":
		groups = [][]string{{g}}
	case "MF":
		groups = [][]string{{"M", "F"}}
	default:
		groups = [][]string{{"M"}, {"F"}}
	}
	lifters := meet.Lifters(r.Database(), r.FOP)
	var out []Sheet
	for _, genders := range groups {
		s := settingsFor(r, genders)
		sh := Sheet{Name: sheetName(genders), System: s.System}
		for i, t := range meet.Teams(lifters, s) {
			for _, m := range t.Members {
				sh.Rows = append(sh.Rows, ExportRow{Rank: i + 1, Team: t.Name, TeamScore: t.Score,
					Name: m.Name, Gender: m.Gender, Category: m.Category, Born: m.Born, TeamMember: m.TeamMember,
					BodyWeight: m.BodyWeight, BestSnatch: meet.Best(m.Snatch), BestCleanJerk: meet.Best(m.CleanJerk),
					Total: m.Kg, Score: m.Score, Counts: m.Counts && !s.All})
			}
		}
		out = append(out, sh)
	}
	return out
}

func sheetName(genders []string) string {
	switch {
	case len(genders) == 2:
		return "Men and women"
	case genders[0] == "F":
		return "Women"
	}
	return "Men"
}

// cells is a row as typed values: numbers stay numbers in the workbook, nothing made is
// empty (not 0, which would read as a result).
func (x ExportRow) cells(s meet.System) []any {
	num := func(n int) any {
		if n <= 0 {
			return ""
		}
		return n
	}
	score := func(v float64) any {
		if v <= 0 {
			return ""
		}
		if s.Points {
			return int(v)
		}
		return v
	}
	bw := any("")
	if x.BodyWeight > 0 {
		bw = x.BodyWeight
	}
	return []any{x.Rank, x.Team, score(x.TeamScore), x.Name, x.Gender, x.Category, x.Born, yes(x.TeamMember),
		bw, num(x.BestSnatch), num(x.BestCleanJerk), num(x.Total), score(x.Score), yes(x.Counts)}
}

func yes(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

// XLSX writes the sheets as an Excel workbook, one worksheet each, header row frozen.
func XLSX(sheets []Sheet) ([]byte, error) {
	f := excelize.NewFile()
	defer func() { _ = f.Close() }()
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	if err != nil {
		return nil, err
	}
	twoDecimals, err := f.NewStyle(&excelize.Style{NumFmt: 2}) // 0.00
	if err != nil {
		return nil, err
	}
	if len(sheets) == 0 {
		sheets = []Sheet{{Name: "Teams"}}
	}
	for i, sh := range sheets {
		if i == 0 {
			if err := f.SetSheetName("Sheet1", sh.Name); err != nil {
				return nil, err
			}
		} else if _, err := f.NewSheet(sh.Name); err != nil {
			return nil, err
		}
		if err := writeSheet(f, sh, bold, twoDecimals); err != nil {
			return nil, fmt.Errorf("sheet %s: %w", sh.Name, err)
		}
	}
	var b bytes.Buffer
	if _, err := f.WriteTo(&b); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

func writeSheet(f *excelize.File, sh Sheet, bold, twoDecimals int) error {
	header := make([]any, len(Header))
	for i, h := range Header {
		header[i] = h
	}
	if err := f.SetSheetRow(sh.Name, "A1", &header); err != nil {
		return err
	}
	last, _ := excelize.ColumnNumberToName(len(Header))
	if err := f.SetCellStyle(sh.Name, "A1", last+"1", bold); err != nil {
		return err
	}
	for i, x := range sh.Rows {
		row := x.cells(sh.System)
		if err := f.SetSheetRow(sh.Name, "A"+strconv.Itoa(i+2), &row); err != nil {
			return err
		}
	}
	if !sh.System.Points && len(sh.Rows) > 0 {
		n := strconv.Itoa(len(sh.Rows) + 1)
		for _, col := range []string{"C", "M"} { // team score, score
			if err := f.SetCellStyle(sh.Name, col+"2", col+n, twoDecimals); err != nil {
				return err
			}
		}
	}
	if err := f.SetColWidth(sh.Name, "B", "B", 24); err != nil {
		return err
	}
	if err := f.SetColWidth(sh.Name, "D", "D", 24); err != nil {
		return err
	}
	return f.SetPanes(sh.Name, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"})
}

// CSV writes the rows of every sheet in one table, the sheet's name in a first column.
// A text cell a spreadsheet would take for a formula (= + - @, or a tab or carriage return
// first) gets a leading apostrophe: names and teams come from whoever typed them into OWLCMS.
func CSV(sheets []Sheet) ([]byte, error) {
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	if err := w.Write(append([]string{"Sheet"}, Header...)); err != nil {
		return nil, err
	}
	for _, sh := range sheets {
		for _, x := range sh.Rows {
			rec := []string{safe(sh.Name)}
			for _, c := range x.cells(sh.System) {
				switch v := c.(type) {
				case string:
					rec = append(rec, safe(v))
				case float64:
					rec = append(rec, strconv.FormatFloat(v, 'f', 2, 64))
				default:
					rec = append(rec, fmt.Sprint(v))
				}
			}
			if err := w.Write(rec); err != nil {
				return nil, err
			}
		}
	}
	w.Flush()
	return b.Bytes(), w.Error()
}

func safe(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}
