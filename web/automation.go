package web

import (
	"net/http"
	"net/url"
	"strings"

	"github.com/a-h/templ"

	"github.com/owlcms/tracker/web/events"
)

// The broadcast automation feed (docs/automation.md): each platform's state for tools that
// switch scenes, as an event stream, as plain text to poll, and as the title of a page.
const (
	automationEvents = "/automation/events" // ?fop=A: the stream of state events; without fop every platform's
	automationState  = "/automation/state"  // ?fop=A: the state now, one line of text
	monitorPath      = "/obs-monitor"       // ?fop=A: a page whose title is the state
)

// automationFOP is the platform an automation URL names: it must be one the hub knows, as for
// the board streams (streams are never removed). "" (every platform) is allowed when any is.
func (s *server) automationFOP(r *http.Request, anyAllowed bool) (string, error) {
	fop := strings.TrimSpace(r.URL.Query().Get("fop"))
	snap := s.cfg.Hub.Snapshot()
	if fop == "" {
		if names := snap.FOPNames(); len(names) == 1 {
			return names[0], nil
		}
		if anyAllowed {
			return "", nil
		}
		return "", badRequest("fop: name the platform, e.g. ?fop=A")
	}
	if !validName(fop) || !known(snap, fop) {
		return "", &httpError{status: http.StatusNotFound, msg: "unknown platform"}
	}
	return fop, nil
}

func (s *server) automationStream(w http.ResponseWriter, r *http.Request) error {
	fop, err := s.automationFOP(r, true)
	if err != nil {
		return err
	}
	s.cfg.Feed.ServeStream(w, r, fop)
	return nil
}

// automationStateText answers OWLCMS's OBS monitor title of the platform's state, for tools that
// poll a URL or a file (Advanced Scene Switcher's file condition) rather than follow a stream.
func (s *server) automationStateText(w http.ResponseWriter, r *http.Request) error {
	_, st, err := s.feedState(r)
	if err != nil {
		return err
	}
	if st.Title == "" {
		return &httpError{status: http.StatusServiceUnavailable, msg: "no state yet for this platform"}
	}
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	_, _ = w.Write([]byte(st.Title + "\n"))
	return nil
}

// feedState is the platform an automation URL names and the feed's state of it (empty when the
// feed has not seen it yet).
func (s *server) feedState(r *http.Request) (string, events.FeedState, error) {
	fop, err := s.automationFOP(r, false)
	if err != nil {
		return "", events.FeedState{}, err
	}
	st, _ := s.cfg.Feed.State(fop)
	return fop, st, nil
}

func (s *server) monitorPage(w http.ResponseWriter, r *http.Request) error {
	fop, st, err := s.feedState(r)
	if err != nil {
		return err
	}
	q := "?" + url.Values{"fop": {fop}}.Encode()
	w.Header().Set("Cache-Control", "no-cache")
	templ.Handler(Monitor(monitorView{FOP: fop, Word: st.Word, Title: st.Title,
		Stream: automationEvents + q, State: automationState + q})).ServeHTTP(w, r)
	return nil
}
