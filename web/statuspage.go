package web

import (
	"fmt"
	"net/http"
	"strings"
	"time"

	"github.com/a-h/templ"

	"github.com/owlcms/tracker/hub"
)

// statusPage serves the organiser's status page (/status); an htmx request gets only the
// status fragment.
func (s *server) statusPage(w http.ResponseWriter, r *http.Request) error {
	now := time.Now()
	snap := s.cfg.Hub.Snapshot()
	v := homeView{
		Status:  BuildStatus(snap, s.cfg.Hub.Needs(), s.cfg.Version, now.Sub(s.cfg.Started), s.cfg.Demo),
		Connect: newConnectHelp(r, interfaceAddrs()),
		Now:     now,
	}
	v.Status.AddRefusals(s.cfg.Hub.Refusals())
	v.Status.addRestoreAndReplication(s.cfg, snap, now)
	v.Status.LangFallbacks = s.langs.current(snap.Translations)
	w.Header().Set("Cache-Control", "no-store")
	var opts []func(*templ.ComponentHandler)
	if r.Header.Get("HX-Request") == "true" {
		opts = append(opts, templ.WithFragments("status"))
	}
	templ.Handler(Home(v), opts...).ServeHTTP(w, r)
	return nil
}

// ago renders a past time for humans: "12 s ago", "3 min ago".
func ago(now, t time.Time) string {
	d := now.Sub(t)
	switch {
	case d < time.Second:
		return "just now"
	case d < time.Minute:
		return fmt.Sprintf("%d s ago", int(d.Seconds()))
	case d < time.Hour:
		return fmt.Sprintf("%d min ago", int(d.Minutes()))
	}
	return t.Format("15:04")
}

// modeLabel says in plain words what a platform is doing: its board mode (FOP.BoardMode),
// the same one its boards show.
func modeLabel(f FOPStatus) string {
	if f.SessionDone {
		return "session done"
	}
	switch hub.Mode(f.Mode) {
	case "":
		return "waiting for OWLCMS"
	case hub.ModeWait:
		return "no session started"
	case hub.ModeCurrentAthlete:
		return "lifting"
	case hub.ModeIntroCountdown, hub.ModeLiftCountdown, hub.ModeLiftCountdownCeremony:
		return "countdown"
	case hub.ModeCeremony:
		return "ceremony"
	case hub.ModeInterruption:
		return "interrupted"
	case hub.ModeSessionDone:
		return "session done"
	}
	return strings.ToLower(strings.ReplaceAll(f.Mode, "_", " "))
}

// plural renders "1 platform", "2 platforms".
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
