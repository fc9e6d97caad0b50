package web

import (
	"io"
	"net/http"
	"net/url"
	"strconv"

	"github.com/owlcms/tracker/components"
	"github.com/owlcms/tracker/hub"
	"github.com/owlcms/tracker/scoreboards/board"
)

// linkPath serves the OWLCMS connection marker that every board page carries (a corner mark
// shown while OWLCMS is not connected). Pages refetch it on the "link" event, which the broker
// sends only when the connection comes or goes, not on every OWLCMS message.
const linkPath = "/link-status"

// owlcmsLinked reports whether boards have a live source: an OWLCMS connection, or the demo.
func owlcmsLinked(cfg Config, s *hub.Snapshot) bool { return cfg.Demo || len(s.Sources) > 0 }

func (s *server) link(w http.ResponseWriter, r *http.Request) error {
	snap := s.cfg.Hub.Snapshot()
	lang, err := requestLang(snap, url.Values{"lang": {r.URL.Query().Get("lang")}})
	if err != nil {
		return err
	}
	req := board.NewRequest(snap, "", lang, board.DefaultOptions, nil)
	req.LinkDown = !owlcmsLinked(s.cfg, snap)
	key := "link\x00" + snap.Translations.Resolve(lang) + "|" + strconv.FormatUint(snap.TranslationsVersion, 10) +
		"|" + strconv.FormatBool(req.LinkDown)
	e, err := s.cache.Get(key, func(out io.Writer) error {
		return components.LinkMarker(req.Link()).Render(r.Context(), out)
	})
	if err != nil {
		return failed("could not render the connection marker", err)
	}
	setServerTime(w)
	e.ServeHTTP(w, r)
	return nil
}
