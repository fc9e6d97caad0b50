package web

import (
	"bytes"
	"errors"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// TestHandleAnswersErrors: handle is the one place a handler's error becomes an answer: a
// client error is answered as it is and not logged; a server error is logged with its cause,
// which the client never sees; a plain error is a 500.
func TestHandleAnswersErrors(t *testing.T) {
	for _, tt := range []struct {
		name   string
		err    error
		status int
		body   string
		logged bool
	}{
		{"none", nil, http.StatusOK, "fine", false},
		{"not found", errNotFound, http.StatusNotFound, "404 page not found", false},
		{"bad request", badRequest("lang: a locale"), http.StatusBadRequest, "lang: a locale", false},
		{"failed", failed("could not render", errors.New("disk on fire")), http.StatusInternalServerError, "could not render", true},
		{"plain", errors.New("disk on fire"), http.StatusInternalServerError, "internal error", true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var logs bytes.Buffer
			s := &server{cfg: Config{Logger: slog.New(slog.NewTextHandler(&logs, nil))}}
			h := s.handle(func(w http.ResponseWriter, _ *http.Request) error {
				if tt.err == nil {
					_, _ = w.Write([]byte("fine"))
				}
				return tt.err
			})
			rec := httptest.NewRecorder()
			h(rec, httptest.NewRequest(http.MethodGet, "/x?fop=A", nil))
			if rec.Code != tt.status || !strings.HasPrefix(rec.Body.String(), tt.body) {
				t.Errorf("answer %d %q, want %d %q", rec.Code, rec.Body.String(), tt.status, tt.body)
			}
			if strings.Contains(rec.Body.String(), "disk on fire") {
				t.Errorf("the cause reached the client: %q", rec.Body.String())
			}
			if got := strings.Contains(logs.String(), "disk on fire"); got != tt.logged {
				t.Errorf("logged %v, want %v:\n%s", got, tt.logged, logs.String())
			}
		})
	}
}
