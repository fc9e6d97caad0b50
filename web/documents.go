package web

import (
	"errors"
	"html/template"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/go-chi/chi/v5"

	"github.com/owlcms/tracker/documents"
	"github.com/owlcms/tracker/hub"
	"github.com/owlcms/tracker/static"
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

type documentsView struct {
	Base, Home string // stylesheets
	Ready      bool
	Locales    []string
	Documents  []documentView
}

// documentView is a document with its options, the sessions offered by name.
type documentView struct {
	*documents.Document
	Opts []documents.Option
}

// documentsPage serves /documents: the PDF documents with their options.
func (s *server) documentsPage(w http.ResponseWriter, r *http.Request) error {
	{
		snap := s.cfg.Hub.Snapshot()
		v := documentsView{Base: static.Path("css/base.css"), Home: static.Path("css/home.css"), Ready: snap.Database != nil}
		for _, d := range documents.All {
			dv := documentView{Document: d}
			for _, o := range d.Options {
				if o.Name == "session" && snap.Database != nil {
					o.Choices = []string{""}
					for _, ses := range snap.Database.Sessions {
						o.Choices = append(o.Choices, ses.Name)
					}
				}
				dv.Opts = append(dv.Opts, o)
			}
			v.Documents = append(v.Documents, dv)
		}
		if snap.Translations != nil {
			v.Locales = snap.Translations.LocaleNames()
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Header().Set("Cache-Control", "no-store")
		if err := documentsTemplate.Execute(w, v); err != nil {
			s.cfg.Logger.Error("documents page", "err", err)
		}
	}
	return nil
}

// documentsTemplate is a form per document: its options as fields, submitted as the PDF's
// query string (a GET form: the URL can be bookmarked or sent).
var documentsTemplate = template.Must(template.New("documents").Parse(`<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Documents</title>
<link rel="stylesheet" href="{{.Base}}"><link rel="stylesheet" href="{{.Home}}"></head>
<body><main class="home">
<h1>Competition documents</h1>
<p class="muted">PDF files made from the competition as it stands now: during the meet they include the session in progress. <a href="/">All boards</a></p>
{{if not .Ready}}<p class="notice">The competition has not been received from OWLCMS yet: the documents will be ready once it has.</p>{{end}}
{{range .Documents}}{{$d := .}}
<section class="builder"><h2>{{.Title}}</h2><p class="muted">{{.Description}}</p>
<form class="lb-form" method="get" action="/documents/{{.Name}}.pdf"><div class="fields">
<div class="field"><label for="{{.Name}}-lang">Language</label><select id="{{.Name}}-lang" name="lang"><option value="">The competition's</option>{{range $.Locales}}<option value="{{.}}">{{.}}</option>{{end}}</select></div>
{{range .Opts}}<div class="field"><label for="{{$d.Name}}-{{.Name}}">{{.Label}}</label>{{if .Choices}}<select id="{{$d.Name}}-{{.Name}}" name="{{.Name}}">{{$def := .Default}}{{range .Choices}}<option value="{{.}}"{{if eq . $def}} selected{{end}}>{{if .}}{{.}}{{else}}all{{end}}</option>{{end}}</select>{{else if or (eq .Default "true") (eq .Default "false")}}<select id="{{$d.Name}}-{{.Name}}" name="{{.Name}}"><option value="true"{{if eq .Default "true"}} selected{{end}}>yes</option><option value="false"{{if eq .Default "false"}} selected{{end}}>no</option></select>{{else}}<input id="{{$d.Name}}-{{.Name}}" type="text" name="{{.Name}}" value="{{.Default}}">{{end}}</div>
{{end}}<div class="field"><button class="btn primary" type="submit">{{.Title}} (PDF)</button></div>
</div></form></section>
{{end}}</main></body></html>
`))
