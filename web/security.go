package web

import "net/http"

// The Content-Security-Policy of the tracker's pages and fragments. Everything a page loads
// comes from the tracker itself: the vendored htmx and its SSE extension, the page scripts and
// stylesheets under /static/, the flags and pictures under /local/, the fragments and the event
// stream. No page has inline script, an event-handler attribute or a <style> element; htmx is
// told not to inject its indicator <style> nor to evaluate anything (components.HTMXConfig).
//
//   - script-src 'self': no inline script and no eval (hx-on, js: values and trigger filters
//     would need 'unsafe-eval'; the pages use none, and htmx's allowEval is off anyway).
//   - style-src-elem 'self': stylesheets only from /static/ (htmx's indicator style is off).
//   - style-src-attr 'unsafe-inline': the pages pass computed sizes to the stylesheets as CSS
//     custom properties in style attributes (--size on <html>, --fit-w/--fit-h on the grids).
//     Attribute styles cannot load anything from elsewhere (img-src and font-src are 'self') nor
//     run script; moving them to script would make the first paint of a TV wrong.
//   - style-src 'self' 'unsafe-inline': the fallback of browsers that predate style-src-attr
//     and style-src-elem (older smart TVs): without 'unsafe-inline' there, their boards would
//     lose their sizes.
//   - img-src 'self': flags, logos and pictures come from /local/; no page uses data: images.
//   - connect-src 'self': htmx's requests and the EventSource of /events.
//   - object-src 'none', base-uri 'none', form-action 'self' (the landing page's form opens a
//     board here).
//   - frame-ancestors 'self' on the landing and status pages; board pages may be framed by any
//     page (boardPolicy): a board has nothing to click and the tracker no session to abuse,
//     while overlays composed in a frame (a multiview page, the overlay screenshots' checkerboard) are
//     a real use. OBS browser sources are not frames either way.
const (
	basePolicy = "default-src 'self'; script-src 'self'; " +
		"style-src 'self' 'unsafe-inline'; style-src-elem 'self'; style-src-attr 'unsafe-inline'; " +
		"img-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'"
	pagePolicy  = basePolicy + "; frame-ancestors 'self'"
	boardPolicy = basePolicy
	// fragmentPolicy is the policy of a board's fragments. htmx inserts them into their page,
	// whose policy applies; a fragment is never a document of its own, and opened as one it
	// runs nothing, loads nothing and is framed nowhere. Short on purpose: every viewer gets
	// these headers with every change (docs/performance.md).
	fragmentPolicy = "default-src 'none'; frame-ancestors 'none'"
)

// securityHeaders sets the security headers of every response under the router's middleware:
// pages, fragments, /status, /api/status, static files and the WebSocket upgrade (where they
// are harmless). A handler may set a stricter policy after it: /local/ assets do (see
// assetHandler). The /events streams are mounted outside the middleware and carry only
// version tokens.
func securityHeaders(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", pagePolicy)
		h.Set("X-Content-Type-Options", "nosniff")
		// Board URLs carry nothing secret, but nothing outside needs them either.
		h.Set("Referrer-Policy", "no-referrer")
		// A page opened from another site's window.open gets no handle on it (and vice versa).
		h.Set("Cross-Origin-Opener-Policy", "same-origin")
		next.ServeHTTP(w, r)
	})
}

// embeddable relaxes the policy of board pages, which any page may frame (see boardPolicy).
func embeddable(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Security-Policy", boardPolicy)
		next.ServeHTTP(w, r)
	})
}

// fragmentHeaders gives board fragments the headers of a part of a page rather than of a page
// (fragmentPolicy): what only a document uses, the opener and referrer policies, is left out.
func fragmentHeaders(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", fragmentPolicy)
		h.Del("Referrer-Policy")
		h.Del("Cross-Origin-Opener-Policy")
		next.ServeHTTP(w, r)
	})
}
