package web

import (
	"cmp"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/a-h/templ"
	"github.com/go-chi/chi/v5"

	"github.com/owlcms/tracker/hub"
	"github.com/owlcms/tracker/scoreboards"
	"github.com/owlcms/tracker/scoreboards/board"
	"github.com/owlcms/tracker/web/events"
	"github.com/owlcms/tracker/web/fragcache"
)

// The scoreboards: /<board>?fop=A&lang=fr&... is the page, and /<board>/<fragment>?... the
// parts htmx refreshes. Fragments are rendered once per (board, fragment, platform, language,
// options, hub versions) and served from the cache.

// waitParam marks the fragment URLs of a page rendered before its platform existed: that
// page listens to the global stream, so once the platform appears the fragment answer asks
// htmx to reload the page (which then connects to the platform's own stream).
const waitParam = "waiting"

func (s *server) page(w http.ResponseWriter, r *http.Request) error {
	bd, req, err := s.boardRequest(r)
	if err != nil {
		return err
	}
	if req.FOPName == "" && len(req.Snap.FOPNames()) > 1 && !bd.NoPlatform {
		// Several platforms and none chosen: guessing could show the wrong one on a TV. The
		// landing page lists each board of each platform.
		http.Redirect(w, r, "/", http.StatusSeeOther)
		return nil
	}
	origin := bd
	bd, req = publicPage(r, bd, req)
	for _, res := range bd.Wants {
		s.cfg.Hub.Want(res)
	}
	stream := ""
	if known(req.Snap, req.FOPName) && s.cfg.Events.Ensure(req.FOPName) {
		stream = req.FOPName
	}
	req.SSEURL = events.Path(stream)
	q := canonicalQuery(bd, req)
	if stream == "" && !bd.NoPlatform {
		q.Set(waitParam, "1") // a board for a platform that does not exist yet
	}
	if bd != origin {
		q.Set(forParam, origin.Name)
	}
	req.URLs = map[string]string{}
	for _, f := range bd.Fragments {
		req.URLs[f.Name] = "/" + bd.Name + "/" + f.Name + "?" + q.Encode()
	}
	req.LinkURL = linkPath + "?" + url.Values{"lang": {req.Lang}}.Encode()
	req.LinkDown = !owlcmsLinked(s.cfg, req.Snap)
	s.langs.note(req.Snap.Translations, req.Lang, bd.Name, req.Now)
	w.Header().Set("Cache-Control", "no-cache")
	templ.Handler(bd.View(req)).ServeHTTP(w, r)
	return nil
}

func (s *server) fragment(w http.ResponseWriter, r *http.Request) error {
	bd, req, err := s.boardRequest(r)
	if err != nil {
		return err
	}
	frag, ok := bd.Fragment(chi.URLParam(r, "fragment"))
	if !ok {
		return errNotFound
	}
	e, err := s.rendered(r, bd, frag, req)
	if err != nil {
		return err
	}
	if r.URL.Query().Get(waitParam) != "" && (known(req.Snap, req.FOPName) || len(req.Snap.FOPNames()) > 1) {
		// The platform exists now (or several do and the page must choose): reload the page,
		// which then listens to the platform's own stream.
		w.Header().Set("HX-Refresh", "true")
	}
	if publicStale(r, bd, req) {
		w.Header().Set("HX-Refresh", "true") // a ceremony began or ended on a public display
	}
	setServerTime(w)
	switch {
	case frag.Carries != "":
		return s.serveCarried(w, r, bd, frag, req, e)
	case frag.Rows:
		serveRows(s.cache, w, r, e)
	default:
		e.ServeHTTP(w, r)
	}
	return nil
}

// rendered is the fragment frag of the board for req, rendered once per version (the cache).
func (s *server) rendered(r *http.Request, bd *board.Board, frag board.Fragment, req board.Request) (*fragcache.Entry, error) {
	e, err := s.cache.Get(cacheKey(bd, frag, req), func(out io.Writer) error {
		render := func(w io.Writer) error {
			return templ.RenderFragments(r.Context(), w, bd.View(req), frag.Name)
		}
		if frag.Rows {
			return fragcache.NumberRows(out, frag.Name, render)
		}
		return render(out)
	})
	if err != nil {
		return nil, failed("could not render this board; the error is in the tracker's log",
			fmt.Errorf("rendering %s/%s for platform %q: %w", bd.Name, frag.Name, req.FOPName, err))
	}
	return e, nil
}

// serveRows answers a fragment whose rows may travel alone (board.Fragment.Rows), for a page
// that says which version it shows: nothing (204) when that is the current one, only the rows
// that changed when nothing else did, else the whole fragment. Every answer names the version
// it brings the page to: the whole fragment by its ETag, the others by X-Fragment-Version
// (not both: every viewer gets these headers with every change); static/js/rows.js keeps it
// on the fragment's element.
func serveRows(c *fragcache.Cache, w http.ResponseWriter, r *http.Request, e *fragcache.Entry) {
	have := r.Header.Get(fragcache.HaveHeader)
	if have == e.ETag {
		w.Header().Set(fragcache.VersionHeader, e.ETag)
		w.WriteHeader(http.StatusNoContent) // htmx swaps nothing on a 204
		return
	}
	if d := c.Rows(have, e); d != nil {
		w.Header().Set(fragcache.VersionHeader, e.ETag)
		d.ServeRows(w, r)
		return
	}
	e.ServeHTTP(w, r)
}

// serveCarried answers a fragment that carries another (board.Fragment.Carries: the attempt
// bar), for a page that says which version of each it shows: nothing (204) when both are
// current, else what changed of each in one answer (fragcache.Cache.Carried). The answer names
// the version of both, which static/js/rows.js keeps on their elements.
func (s *server) serveCarried(w http.ResponseWriter, r *http.Request, bd *board.Board, frag board.Fragment, req board.Request, e *fragcache.Entry) error {
	carried, ok := bd.Fragment(frag.Carries)
	if !ok {
		return failed("this board is declared wrong; the error is in the tracker's log",
			fmt.Errorf("%s/%s carries %q, which the board does not have", bd.Name, frag.Name, frag.Carries))
	}
	b, err := s.rendered(r, bd, carried, req)
	if err != nil {
		return err
	}
	ans, whole, err := s.cache.Carried(r.Header.Get(fragcache.HaveHeader), e, r.Header.Get(fragcache.CarriedHaveHeader), b, carried.Name)
	if err != nil {
		return failed("could not render this board; the error is in the tracker's log",
			fmt.Errorf("%s/%s with %s: %w", bd.Name, frag.Name, carried.Name, err))
	}
	w.Header().Set(fragcache.VersionHeader, e.ETag)
	w.Header().Set(fragcache.CarriedVersionHeader, b.ETag)
	switch {
	case ans == nil:
		w.WriteHeader(http.StatusNoContent)
	case r.Header.Get(fragcache.HaveHeader) == "" && r.Header.Get(fragcache.CarriedHaveHeader) == "":
		// A page that names no version (its first request, or no script): both whole, an
		// answer for the URL like any fragment's, with its ETag and 304s.
		ans.ServeHTTP(w, r)
	default:
		ans.ServeCarried(w, r, whole)
	}
	return nil
}

// setServerTime stamps a response with the server's time (Unix ms), as late as possible: the
// page's clock script (static/js/clock.js) estimates its offset from the server from it, so
// its clocks are right whatever the viewer's own clock says. Set on every fragment, 304s
// included; rendered HTML, which is cached, never carries the serving time.
func setServerTime(w http.ResponseWriter) {
	w.Header().Set("X-Server-Time", strconv.FormatInt(time.Now().UnixMilli(), 10))
}

// boardRequest finds the board a URL names and reads its platform, language and options.
func (s *server) boardRequest(r *http.Request) (*board.Board, board.Request, error) {
	return s.namedBoardRequest(r, chi.URLParam(r, "board"))
}

// namedBoardRequest is boardRequest for a board the route names itself.
func (s *server) namedBoardRequest(r *http.Request, name string) (*board.Board, board.Request, error) {
	bd, ok := scoreboards.Lookup(name)
	if !ok {
		return nil, board.Request{}, errNotFound
	}
	q := r.URL.Query()
	snap := s.cfg.Hub.Snapshot()
	fop := strings.TrimSpace(q.Get("fop"))
	if !validName(fop) {
		return nil, board.Request{}, badRequest("fop: a platform name is at most 64 printable characters")
	}
	if fop == "" {
		if names := snap.FOPNames(); len(names) == 1 {
			fop = names[0] // one platform: no need to say which
		}
	}
	lang, err := requestLang(snap, q)
	if err != nil {
		return nil, board.Request{}, err
	}
	req := board.NewRequest(snap, fop, lang, board.ParseOptions(q), bd.BoardQuery(q))
	req.Now = time.Now()
	return bd, req, nil
}

// requestLang is the language a URL asks for (lang, or OWLCMS's language), else the
// competition's.
func requestLang(snap *hub.Snapshot, q url.Values) (string, error) {
	lang := cmp.Or(q.Get("lang"), q.Get("language"))
	if !validLang(lang) {
		return "", badRequest("lang: a locale such as en, fr or fr-CA")
	}
	return cmp.Or(lang, defaultLang(snap)), nil
}

// canonicalQuery is the query of a board's fragment URLs: only what changes the output.
func canonicalQuery(bd *board.Board, req board.Request) url.Values {
	q := url.Values{}
	if req.FOPName != "" {
		q.Set("fop", req.FOPName)
	}
	q.Set("lang", req.Lang)
	o := req.Options
	if o.Theme != board.DefaultOptions.Theme {
		q.Set("theme", o.Theme)
	}
	if o.Size != board.DefaultOptions.Size {
		q.Set("size", strconv.FormatFloat(o.Size, 'f', -1, 64))
	}
	if !o.ShowLeaders {
		q.Set("showLeaders", "false")
	}
	if !o.ShowRecords {
		q.Set("showRecords", "false")
	}
	if o.Public {
		q.Set(board.PublicKey, "true")
	}
	for k, v := range req.Query {
		q[k] = v
	}
	return q
}

// cacheKey names a fragment render: it changes whenever anything the fragment shows may
// have changed, and only then.
func cacheKey(bd *board.Board, f board.Fragment, req board.Request) string {
	s := req.Snap
	var b strings.Builder
	b.WriteString(bd.Name)
	b.WriteByte('/')
	b.WriteString(f.Name)
	b.WriteString("\x00")
	b.WriteString(req.FOPName)
	b.WriteString("\x00")
	b.WriteString(s.Translations.Resolve(req.Lang))
	b.WriteString("\x00")
	b.WriteString(req.Options.Key())
	b.WriteString("\x00")
	b.WriteString(req.Query.Encode())
	for _, v := range []uint64{s.DatabaseVersion, s.TranslationsVersion, s.AssetsVersion} {
		b.WriteByte('|')
		b.WriteString(strconv.FormatUint(v, 10))
	}
	if req.FOP != nil {
		b.WriteString("|d")
		b.WriteString(strconv.FormatUint(req.FOP.DataVersion, 10))
		if f.Live {
			b.WriteString("|l")
			b.WriteString(strconv.FormatUint(req.FOP.LiveVersion, 10))
		}
	}
	return b.String()
}

// known reports whether the hub knows the platform (from the database or live data).
func known(s *hub.Snapshot, fop string) bool {
	if fop == "" {
		return false
	}
	return s.FOP(fop) != nil || slices.Contains(s.FOPNames(), fop)
}

// defaultLang is the competition's language when OWLCMS sent one, else English.
func defaultLang(s *hub.Snapshot) string {
	if s.Database != nil && validLang(s.Database.Config.DefaultLocale) && s.Database.Config.DefaultLocale != "" {
		return s.Database.Config.DefaultLocale
	}
	return "en"
}

func validName(s string) bool {
	if len(s) > 64 {
		return false
	}
	for _, c := range s {
		if !unicode.IsPrint(c) {
			return false
		}
	}
	return true
}

func validLang(s string) bool {
	if len(s) > 20 {
		return false
	}
	for _, c := range s {
		if !(c == '-' || c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
			return false
		}
	}
	return true
}
