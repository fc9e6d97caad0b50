// Package static embeds the browser assets (base stylesheet, vendored htmx and its SSE
// extension) and serves them under content-hashed URLs, so that browsers cache them for a
// year and still fetch a new copy the moment a deploy changes a file.
//
// Templates link assets through Path:
//
//	<script src={ static.Path("vendor/htmx-2.0.11.min.js") }></script>
//
// and the router mounts Handler under Prefix:
//
//	r.Handle(static.Prefix+"*", static.Handler())
//
// Operator assets that OWLCMS sends (flags, logos, styles) are not embedded here: the hub
// holds them and serves them under /local/.
package static

import (
	"bytes"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"strings"
	"time"
)

// To embed a new kind of asset, add its directory or pattern here (go:embed fails the build
// on a pattern that matches nothing). vendor/update.sh is deliberately not embedded.
//
//go:embed css js vendor/*.js
var files embed.FS

// Prefix is the URL path under which Handler serves the assets.
const Prefix = "/static/"

// hashLen is the number of hex digits of the SHA-256 of a file that go into its URL.
const hashLen = 12

type asset struct {
	body        []byte
	hash        string // first hashLen hex digits of the SHA-256 of body
	contentType string
}

// assets maps each embedded file's slash-separated name (relative to this directory, e.g.
// "css/base.css") to its content and hash. Filled once at init, read-only afterwards.
var assets = load(files)

func load(fsys fs.FS) map[string]asset {
	m := make(map[string]asset)
	err := fs.WalkDir(fsys, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		body, err := fs.ReadFile(fsys, name)
		if err != nil {
			return err
		}
		sum := sha256.Sum256(body)
		m[name] = asset{body: body, hash: hex.EncodeToString(sum[:])[:hashLen], contentType: contentType(name)}
		return nil
	})
	if err != nil {
		panic("static: reading embedded assets: " + err.Error()) // only if the binary is broken
	}
	return m
}

// contentTypes pins the types browsers are strict about (scripts and stylesheets are
// refused under the wrong type with X-Content-Type-Options: nosniff), independently of the
// host's MIME database, which mime.TypeByExtension would consult.
var contentTypes = map[string]string{
	".css":   "text/css; charset=utf-8",
	".js":    "text/javascript; charset=utf-8",
	".json":  "application/json",
	".map":   "application/json",
	".svg":   "image/svg+xml",
	".png":   "image/png",
	".woff2": "font/woff2",
}

func contentType(name string) string {
	ext := path.Ext(name)
	if t, ok := contentTypes[ext]; ok {
		return t
	}
	if t := mime.TypeByExtension(ext); t != "" {
		return t
	}
	return "application/octet-stream"
}

// Path returns the URL of the embedded asset name, a slash-separated path relative to the
// static directory such as "vendor/htmx-2.0.11.min.js":
// "/static/<first 12 hex digits of its SHA-256>/vendor/htmx-2.0.11.min.js".
//
// For a name that is not embedded (a typo, a removed file), Path returns the unhashed
// "/static/<name>" instead of panicking: the page still renders, Handler answers that URL
// with 404, so the mistake shows in the browser's network log and in the handler tests of
// the page. It logs nothing, since templates call it on every render.
func Path(name string) string {
	if a, ok := assets[name]; ok {
		return Prefix + a.hash + "/" + name
	}
	return Prefix + name
}

// Handler serves the embedded assets. Mount it so that it sees the full request path
// (Prefix included). It answers GET and HEAD:
//   - /static/<hash>/<name> with the current hash: the file, with its Content-Type, a strong
//     ETag and "Cache-Control: public, max-age=31536000, immutable";
//   - /static/<old hash>/<name> (a page rendered before a deploy) and the unhashed
//     /static/<name>: a 302 redirect to Path(name), marked no-cache so the redirect itself
//     is never stored;
//   - anything else: 404.
func Handler() http.Handler {
	return http.HandlerFunc(serve)
}

func serve(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, http.StatusText(http.StatusMethodNotAllowed), http.StatusMethodNotAllowed)
		return
	}
	rest, ok := strings.CutPrefix(r.URL.Path, Prefix)
	if !ok {
		http.NotFound(w, r)
		return
	}
	if hash, name, ok := strings.Cut(rest, "/"); ok && isHash(hash) {
		a, known := assets[name]
		switch {
		case !known:
			http.NotFound(w, r)
		case hash != a.hash:
			redirect(w, r, name)
		default:
			h := w.Header()
			h.Set("Content-Type", a.contentType)
			h.Set("Cache-Control", "public, max-age=31536000, immutable")
			h.Set("ETag", `"`+a.hash+`"`)
			h.Set("X-Content-Type-Options", "nosniff")
			http.ServeContent(w, r, name, time.Time{}, bytes.NewReader(a.body))
		}
		return
	}
	if _, known := assets[rest]; known {
		redirect(w, r, rest)
		return
	}
	http.NotFound(w, r)
}

func redirect(w http.ResponseWriter, r *http.Request, name string) {
	w.Header().Set("Cache-Control", "no-cache")
	http.Redirect(w, r, Path(name), http.StatusFound)
}

// isHash reports whether s has the form of a URL hash: hashLen lowercase hex digits.
func isHash(s string) bool {
	if len(s) != hashLen {
		return false
	}
	for _, c := range []byte(s) {
		if (c < '0' || c > '9') && (c < 'a' || c > 'f') {
			return false
		}
	}
	return true
}
