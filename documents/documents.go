// Package documents makes the competition's printable documents as PDF files, in the process
// and in pure Go: the start book, the results book, the medal count and the officials' sheet.
// Each generator reads one hub snapshot (the database, with the live sessions over it) and
// its options, and returns the PDF's bytes; the web layer serves them under /documents.
//
// layout.go and table.go lay pages out (text measured with the embedded font, tables that
// break between rows and repeat their header), pdf.go writes them with the running header and
// footer, the contents and the outline.
package documents

import (
	"errors"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/owlcms/tracker/hub"
)

// Source is what a document is made from.
type Source struct {
	Snap *hub.Snapshot
	// Logo returns the bytes of the logo file named stem ("left", "right"), nil for none.
	Logo func(stem string) []byte
	Now  time.Time // the export time printed in the footer
}

// Option is a document's option as the /documents page offers it.
type Option struct {
	Name, Label string
	LabelKey    string   // the competition's translation of Label, when OWLCMS has one
	Choices     []string // for a choice; nil for a yes/no
	Default     string
}

// Document is one of the documents the tracker makes.
type Document struct {
	Name        string // the file name: /documents/<Name>.pdf
	Title       string // English title; TitleKey translates it
	TitleKey    string
	Description string
	Portrait    bool
	Options     []Option
	make        func(m *model, q url.Values, d *doc, t tr, f *frame) error
}

// ErrNoDatabase is returned while OWLCMS has not sent the competition yet.
var ErrNoDatabase = errors.New("documents: no competition database received yet")

// All lists the documents in the order of the /documents page.
var All = []*Document{
	{Name: "start-book", Title: "Start book", TitleKey: "Documents.StartBook", make: makeStartBook,
		Description: "Title, contents, participants, officials and time table, the athletes of every category, the start list of every session with its records and officials, the records.",
		Options: []Option{
			{Name: "categories", Label: "Category participants", LabelKey: "StartingList.Categories", Default: "true"},
			{Name: "startLists", Label: "Session start lists", LabelKey: "StartingList", Default: "true"},
			{Name: "officials", Label: "Officials", LabelKey: "Officials", Default: "true"},
		}},
	{Name: "results-book", Title: "Results book", TitleKey: "Documents.ResultsBook", make: makeResultsBook,
		Description: "Title, contents, participants, officials, medals, team points, rankings per category and the protocol of every session. Live during the meet.",
		Options: []Option{
			{Name: "format", Label: "Contents", Choices: []string{"complete", "protocols"}, Default: "complete"},
			{Name: "session", Label: "Only this session (protocols)", Default: ""},
			{Name: "hideOfficials", Label: "Hide the officials", Default: "false"},
			{Name: "tp1", Label: "Team points for 1st place", Default: ""},
			{Name: "tp2", Label: "Team points for 2nd place", Default: ""},
		}},
	{Name: "medal-count", Title: "Medal count", TitleKey: "Documents.MedalCount", Portrait: true, make: makeMedalCount,
		Description: "The medal ceremonies' planning sheet: per session the medals to award, then each session's categories by age group (A4 portrait)."},
	{Name: "referee-assignments", Title: "Official assignments", TitleKey: "OfficialAssignments", make: makeRefereeSheet,
		Description: "The officials of every session, a table per day and platform, as the referee-assignments sheet shows them."},
}

// Find returns the document with this name.
func Find(name string) (*Document, bool) {
	for _, d := range All {
		if d.Name == name {
			return d, true
		}
	}
	return nil, false
}

// Make generates the document from a snapshot with the options of a query (lang and the
// document's own).
func (doc *Document) Make(s Source, q url.Values) ([]byte, error) {
	if s.Snap == nil || s.Snap.Database == nil {
		return nil, ErrNoDatabase
	}
	if s.Now.IsZero() {
		s.Now = time.Now()
	}
	t := tr{tr: s.Snap.Translations, lang: q.Get("lang")}
	d, err := newDoc(doc.Portrait)
	if err != nil {
		return nil, err
	}
	c := s.Snap.Database.Competition
	f := frame{
		title:       t.t(doc.TitleKey, doc.Title),
		competition: c.Name,
		place:       c.Place(),
		exported:    t.f("Documents.Exported", "exported {0}", s.Now.Format("2006-01-02 15:04")),
		pageOf: func(n, m int) string {
			return t.f("Documents.PageOf", "Page {0} of {1}", strconv.Itoa(n), strconv.Itoa(m))
		},
	}
	if s.Logo != nil {
		f.left, f.right = s.Logo("left"), s.Logo("right")
	}
	if err := doc.make(newModel(s.Snap), q, d, t, &f); err != nil {
		return nil, err
	}
	return d.write(f)
}

// tr looks strings up in the competition's translations, with English fallbacks.
type tr struct {
	tr   *hub.Translations
	lang string
}

func (t tr) t(key, english string) string {
	if t.tr != nil {
		if v, ok := t.tr.Lookup(t.lang, key); ok && v != "" {
			return hub.PlainText(v)
		}
	}
	return english
}

func (t tr) f(key, english string, args ...any) string {
	return hub.PlainText(hub.FormatMessage(t.t(key, english), args...))
}

// flag reads a yes/no option: "true", "1", "yes" or "on".
func flag(q url.Values, name string, def bool) bool {
	v := strings.ToLower(strings.TrimSpace(q.Get(name)))
	switch v {
	case "":
		return def
	case "true", "1", "yes", "on":
		return true
	}
	return false
}
