package web

import (
	"errors"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/go-chi/chi/v5"

	"github.com/owlcms/tracker/documents"
	"github.com/owlcms/tracker/hub"
)

// documentsAtOnce bounds the documents made at the same time: a book takes a core for a
// tenth of a second or more, and a crowd pressing the button must not starve the boards.
const documentsAtOnce = 2

// documentSlots are the places of the documents being made (documentsAtOnce of them).
var documentSlots = make(chan struct{}, documentsAtOnce)

// documentPDF serves /documents/<name>.pdf: the document, made from the hub's current snapshot.
func (s *server) documentPDF(w http.ResponseWriter, r *http.Request) error {
	name, ok := strings.CutSuffix(chi.URLParam(r, "file"), ".pdf")
	d, found := documents.Find(name)
	if !ok || !found {
		return &httpError{status: http.StatusNotFound, msg: "unknown document"}
	}
	select {
	case documentSlots <- struct{}{}:
		defer func() { <-documentSlots }()
	case <-r.Context().Done():
		return nil
	}
	snap := s.cfg.Hub.Snapshot()
	b, err := d.Make(documents.Source{Snap: snap, Logo: logoReader(s.cfg.Hub, snap), Now: time.Now()}, r.URL.Query())
	if errors.Is(err, documents.ErrNoDatabase) {
		return &httpError{status: http.StatusServiceUnavailable, msg: "The competition has not been received from OWLCMS yet."}
	}
	if err != nil {
		return failed("the document could not be made; the error is in the tracker's log", err)
	}
	w.Header().Set("Content-Type", "application/pdf")
	w.Header().Set("Content-Length", strconv.Itoa(len(b)))
	// Inline: the browser shows it; its viewer offers the download under this name.
	w.Header().Set("Content-Disposition", `inline; filename="`+name+`.pdf"`)
	// A document during the meet is out of date at the next lift.
	w.Header().Set("Cache-Control", "no-store")
	_, _ = w.Write(b)
	return nil
}

// logoReader finds the competition's logos among the assets OWLCMS sent.
func logoReader(h *hub.Hub, snap *hub.Snapshot) func(string) []byte {
	return func(stem string) []byte {
		name, ok := snap.FindAsset(hub.AssetLogos, stem)
		if !ok {
			return nil
		}
		a, err := h.Assets().Get(hub.AssetLogos, name)
		if err != nil {
			return nil
		}
		return a.Data
	}
}
