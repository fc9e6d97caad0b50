package web

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"slices"
	"strings"

	"github.com/go-chi/chi/v5"

	"github.com/owlcms/tracker/hub"
)

// asset serves /local/<kind>/<name>: the flags, logos, pictures and styles OWLCMS sent.
// OWLCMS's own flagURL values already point here ("/local/flags/Team Name.svg").
func (s *server) asset(w http.ResponseWriter, r *http.Request) error {
	kind := hub.AssetKind(chi.URLParam(r, "kind"))
	name := chi.URLParam(r, "*")
	if !slices.Contains(hub.AssetKinds, kind) || !safeAssetName(name) {
		return errNotFound
	}
	a, err := s.cfg.Hub.Assets().Get(kind, name)
	if errors.Is(err, fs.ErrNotExist) {
		return errNotFound
	}
	if err != nil {
		return failed("asset unavailable", fmt.Errorf("reading %s/%s: %w", kind, name, err))
	}
	hd := w.Header()
	hd.Set("Content-Type", assetType(a.Name))
	hd.Set("ETag", a.ETag)
	// OWLCMS may replace a set at any time: revalidate (cheap, ETag → 304).
	hd.Set("Cache-Control", "no-cache")
	hd.Set("X-Content-Type-Options", "nosniff")
	// An SVG opened directly must not run script in our origin.
	hd.Set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox")
	http.ServeContent(w, r, "", a.ModTime, bytes.NewReader(a.Data))
	return nil
}

// safeAssetName rejects names that could address anything outside the kind's set. The
// stores check again; this keeps the obvious attacks out of the logs' error paths.
func safeAssetName(name string) bool {
	if name == "" || strings.ContainsAny(name, "\\\x00") || strings.HasPrefix(name, "/") {
		return false
	}
	return path.Clean(name) == name && !slices.Contains(strings.Split(name, "/"), "..")
}

func assetType(name string) string {
	switch strings.ToLower(path.Ext(name)) {
	case ".svg":
		return "image/svg+xml"
	case ".css":
		return "text/css; charset=utf-8"
	}
	if t := mime.TypeByExtension(path.Ext(name)); t != "" {
		return t
	}
	return "application/octet-stream"
}
