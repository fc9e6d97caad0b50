package web

import (
	"fmt"
	"net/http"
	"strconv"

	"github.com/go-chi/chi/v5"

	"github.com/owlcms/tracker/scoreboards/teamscoreboard"
)

// The team results as files: /team-scoreboard/export.xlsx and .csv take the team scoreboard's
// options (scoringSystem, gender, topM, topF...) and give its teams, athlete by athlete.
// Routed before /{board}/{fragment}, which would take "export.xlsx" for a fragment.
const teamExportPath = "/team-scoreboard/export"

// teamExports are the team results' file formats, by extension: the type served and the
// writer of the sheets.
var teamExports = map[string]struct {
	contentType string
	write       func([]teamscoreboard.Sheet) ([]byte, error)
}{
	"xlsx": {"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", teamscoreboard.XLSX},
	"csv":  {"text/csv; charset=utf-8", teamscoreboard.CSV},
}

func (s *server) teamExport(w http.ResponseWriter, r *http.Request) error {
	ext := chi.URLParam(r, "ext")
	format, ok := teamExports[ext]
	if !ok {
		return errNotFound
	}
	_, req, err := s.namedBoardRequest(r, teamscoreboard.Board.Name)
	if err != nil {
		return err
	}
	b, err := format.write(teamscoreboard.Export(req))
	if err != nil {
		return failed("could not write the team results; the error is in the tracker's log",
			fmt.Errorf("team results %s: %w", ext, err))
	}
	w.Header().Set("Content-Type", format.contentType)
	w.Header().Set("Content-Length", strconv.Itoa(len(b)))
	w.Header().Set("Content-Disposition", `attachment; filename="team-results.`+ext+`"`)
	w.Header().Set("Cache-Control", "no-store")
	_, _ = w.Write(b)
	return nil
}
