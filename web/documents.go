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

// mountDocuments serves /documents (the list of PDF documents with their options) and
// /documents/<name>.pdf (the document, made from the hub's current snapshot).
func mountDocuments(r chi.Router, cfg Config) {
	r.Get("/documents", documentsPage(cfg))
	r.Get("/documents/{file}", documentPDF(cfg))
}

func documentPDF(cfg Config) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		name, ok := strings.CutSuffix(chi.URLParam(r, "file"), ".pdf")
		d, found := documents.Find(name)
		if !ok || !found {
			http.Error(w, "unknown document", http.StatusNotFound)
			return
		}
		snap := cfg.Hub.Snapshot()
		b, err := d.Make(documents.Source{Snap: snap, Logo: logoReader(cfg.Hub, snap), Now: time.Now()}, r.URL.Query())
		if errors.Is(err, documents.ErrNoDatabase) {
			http.Error(w, "The competition has not been received from OWLCMS yet.", http.StatusServiceUnavailable)
			return
		}
		if err != nil {
			cfg.Logger.Error("document", "name", name, "err", err)
			http.Error(w, "the document could not be made", http.StatusInternalServerError)
			return
		}
		w.Header().Set("Content-Type", "application/pdf")
		w.Header().Set("Content-Length", strconv.Itoa(len(b)))
		// Inline: the browser shows it; its viewer offers the download under this name.
		w.Header().Set("Content-Disposition", `inline; filename="`+name+`.pdf"`)
		// A document during the meet is out of date at the next lift.
		w.Header().Set("Cache-Control", "no-store")
		_, _ = w.Write(b)
	}
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
	Stylesheet string
	Ready      bool
	Locales    []string
	Documents  []*documents.Document
}

func documentsPage(cfg Config) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		snap := cfg.Hub.Snapshot()
		v := documentsView{Stylesheet: static.Path("css/base.css"), Ready: snap.Database != nil, Documents: documents.All}
		if snap.Translations != nil {
			v.Locales = snap.Translations.LocaleNames()
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Header().Set("Cache-Control", "no-store")
		if err := documentsTemplate.Execute(w, v); err != nil {
			cfg.Logger.Error("documents page", "err", err)
		}
	}
}

// documentsTemplate is a form per document: its options as fields, submitted as the PDF's
// query string.
var documentsTemplate = template.Must(template.New("documents").Parse(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Documents</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="{{.Stylesheet}}"></head>
<body class="documents-list"><main>
<h1>Competition documents (PDF)</h1>
{{if not .Ready}}<p>The competition has not been received from OWLCMS yet: the documents will be ready once it has.</p>{{end}}
{{range .Documents}}{{$d := .}}
<section><h2>{{.Title}}</h2><p>{{.Description}}</p>
<form method="get" action="/documents/{{.Name}}.pdf">
<label>Language <select name="lang"><option value="">Competition's</option>{{range $.Locales}}<option value="{{.}}">{{.}}</option>{{end}}</select></label>
{{range .Options}}<label>{{.Label}} {{if .Choices}}<select name="{{.Name}}">{{$def := .Default}}{{range .Choices}}<option value="{{.}}"{{if eq . $def}} selected{{end}}>{{.}}</option>{{end}}</select>{{else if or (eq .Default "true") (eq .Default "false")}}<select name="{{.Name}}"><option value="true"{{if eq .Default "true"}} selected{{end}}>yes</option><option value="false"{{if eq .Default "false"}} selected{{end}}>no</option></select>{{else}}<input name="{{.Name}}" value="{{.Default}}">{{end}}</label>
{{end}}<button type="submit">{{.Title}} (PDF)</button> <a href="/documents/{{.Name}}.pdf">/documents/{{.Name}}.pdf</a>
</form></section>
{{end}}</main></body></html>
`))
