package web

import (
	"net/http"

	"github.com/a-h/templ"

	"github.com/owlcms/tracker/documents"
	"github.com/owlcms/tracker/hub"
)

// documentsView is what the /documents page shows: a form per document.
type documentsView struct {
	Title       string
	Ready       bool // the competition has been received: the PDFs can be made
	Lang        string
	Locales     []localeChoice
	DefaultLang localeChoice // what a PDF without lang is written in
	Documents   []documentView
}

// documentView is a document with its options, labels in the page's language and the
// sessions offered by name.
type documentView struct {
	Name, Title, Description string
	Fields                   []documentField
}

// documentField is one option of a document's form.
type documentField struct {
	ID, Name, Label, Default string
	Kind                     string // "select", "bool" or "text"
	Choices                  []string
}

// documentsPage serves /documents: the PDF documents with their options. ?lang= chooses the
// page's language and the PDFs' preselected one.
func (s *server) documentsPage(w http.ResponseWriter, r *http.Request) error {
	snap := s.cfg.Hub.Snapshot()
	lang := r.URL.Query().Get("lang")
	if !validLang(lang) || !snap.Translations.Has(lang) {
		lang = ""
	}
	w.Header().Set("Cache-Control", "no-store")
	templ.Handler(Documents(buildDocuments(snap, lang))).ServeHTTP(w, r)
	return nil
}

// buildDocuments assembles the /documents page's view model from a snapshot.
func buildDocuments(snap *hub.Snapshot, lang string) documentsView {
	pageLang := lang
	if pageLang == "" {
		pageLang = defaultLang(snap)
	}
	t := func(key, english string) string {
		if key != "" && snap.Translations != nil {
			if v, ok := snap.Translations.Lookup(pageLang, key); ok && v != "" {
				return hub.PlainText(v)
			}
		}
		return english
	}
	def := defaultLang(snap)
	v := documentsView{
		Title:       t("Documents.Title", "Documents"),
		Ready:       snap.Database != nil,
		Lang:        lang,
		DefaultLang: localeChoice{Code: def, Label: localeLabel(def)},
	}
	for _, c := range snap.Translations.LocaleNames() {
		v.Locales = append(v.Locales, localeChoice{Code: c, Label: localeLabel(c)})
	}
	for _, d := range documents.All {
		dv := documentView{Name: d.Name, Title: t(d.TitleKey, d.Title), Description: d.Description}
		for _, o := range d.Options {
			f := documentField{ID: d.Name + "-" + o.Name, Name: o.Name, Label: t(o.LabelKey, o.Label), Default: o.Default, Choices: o.Choices}
			switch {
			case o.Name == "session":
				// Offered by name once the sessions are known; typed in before.
				if snap.Database != nil {
					f.Choices = []string{""}
					for _, ses := range snap.Database.Sessions {
						f.Choices = append(f.Choices, ses.Name)
					}
				}
			case o.Choices == nil && (o.Default == "true" || o.Default == "false"):
				f.Kind = "bool"
			}
			if f.Kind == "" {
				f.Kind = "text"
				if len(f.Choices) > 0 {
					f.Kind = "select"
				}
			}
			dv.Fields = append(dv.Fields, f)
		}
		v.Documents = append(v.Documents, dv)
	}
	return v
}

// documentChoiceLabel names a choice of a document's option: the empty one is every session.
func documentChoiceLabel(c string) string {
	if c == "" {
		return "all"
	}
	return c
}
