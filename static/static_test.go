package static

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"net/http/httptest"
	"os"
	"slices"
	"strings"
	"testing"
)

const (
	htmx = "vendor/htmx-2.0.11.min.js"
	sse  = "vendor/htmx-ext-sse-2.2.4.min.js"
	css  = "css/base.css"
)

// hashOf hashes the file on disk, independently of the embedded copy.
func hashOf(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])[:12]
}

func TestEmbeddedNames(t *testing.T) {
	var names []string
	for name, a := range assets {
		names = append(names, name)
		if !isHash(a.hash) {
			t.Errorf("%s: hash %q is not %d hex digits", name, a.hash, hashLen)
		}
	}
	// Every page depends on these; other stylesheets come and go with the pages.
	for _, want := range []string{css, htmx, sse} {
		if !slices.Contains(names, want) {
			t.Errorf("%s is not embedded (embedded: %q)", want, names)
		}
	}
	if slices.ContainsFunc(names, func(n string) bool { return strings.HasSuffix(n, ".sh") }) {
		t.Errorf("a script is embedded: %q", names)
	}
}

func TestVendoredVersions(t *testing.T) {
	// htmx-ext-sse 2.x works with htmx 2 only; htmx 4 ships a different SSE extension.
	if !bytes.Contains(assets[htmx].body, []byte(`version:"2.0.11"`)) {
		t.Errorf("%s does not declare htmx version 2.0.11", htmx)
	}
	if !bytes.Contains(assets[sse].body, []byte(`htmx.defineExtension("sse"`)) {
		t.Errorf("%s does not define the sse extension", sse)
	}
}

func TestPath(t *testing.T) {
	tests := []struct {
		name string
		want string
	}{
		{htmx, "/static/" + hashOf(t, htmx) + "/" + htmx},
		{sse, "/static/" + hashOf(t, sse) + "/" + sse},
		{css, "/static/" + hashOf(t, css) + "/" + css},
		{"vendor/nope.js", "/static/vendor/nope.js"},     // unknown: unhashed, and Handler 404s it
		{"/" + css, "/static//" + css},                   // names have no leading slash
		{"vendor/update.sh", "/static/vendor/update.sh"}, // not embedded
	}
	for _, tt := range tests {
		if got := Path(tt.name); got != tt.want {
			t.Errorf("Path(%q) = %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestHandler(t *testing.T) {
	const immutable = "public, max-age=31536000, immutable"
	stale := strings.Repeat("0", hashLen)
	if stale == assets[htmx].hash {
		stale = strings.Repeat("1", hashLen)
	}
	htmxBody, err := os.ReadFile(htmx)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name         string
		method       string
		target       string
		header       http.Header
		wantStatus   int
		wantType     string
		wantCache    string
		wantLocation string
		wantBody     []byte // nil: not checked
	}{
		{name: "htmx", method: "GET", target: Path(htmx), wantStatus: 200,
			wantType: "text/javascript; charset=utf-8", wantCache: immutable, wantBody: htmxBody},
		{name: "sse extension", method: "GET", target: Path(sse), wantStatus: 200,
			wantType: "text/javascript; charset=utf-8", wantCache: immutable},
		{name: "stylesheet", method: "GET", target: Path(css), wantStatus: 200,
			wantType: "text/css; charset=utf-8", wantCache: immutable},
		{name: "HEAD", method: "HEAD", target: Path(htmx), wantStatus: 200,
			wantType: "text/javascript; charset=utf-8", wantCache: immutable, wantBody: []byte{}},
		{name: "revalidation", method: "GET", target: Path(htmx),
			header:     http.Header{"If-None-Match": {`"` + assets[htmx].hash + `"`}},
			wantStatus: 304, wantCache: immutable, wantBody: []byte{}},
		{name: "stale hash", method: "GET", target: "/static/" + stale + "/" + htmx,
			wantStatus: 302, wantCache: "no-cache", wantLocation: Path(htmx)},
		{name: "no hash", method: "GET", target: "/static/" + css,
			wantStatus: 302, wantCache: "no-cache", wantLocation: Path(css)},
		{name: "unknown name, hashed", method: "GET", target: "/static/" + stale + "/vendor/nope.js", wantStatus: 404},
		{name: "unknown name, as Path gives it", method: "GET", target: Path("vendor/nope.js"), wantStatus: 404},
		{name: "directory", method: "GET", target: "/static/" + stale + "/vendor", wantStatus: 404},
		{name: "not embedded", method: "GET", target: "/static/" + stale + "/vendor/update.sh", wantStatus: 404},
		{name: "source file", method: "GET", target: "/static/" + stale + "/static.go", wantStatus: 404},
		{name: "dot-dot", method: "GET", target: "/static/" + stale + "/../static.go", wantStatus: 404},
		{name: "uppercase hash", method: "GET", target: "/static/" + strings.ToUpper(assets[htmx].hash) + "/" + htmx, wantStatus: 404},
		{name: "prefix only", method: "GET", target: "/static/", wantStatus: 404},
		{name: "outside prefix", method: "GET", target: "/" + htmx, wantStatus: 404},
		{name: "POST", method: "POST", target: Path(htmx), wantStatus: 405},
	}
	h := Handler()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req := httptest.NewRequest(tt.method, tt.target, nil)
			for k, v := range tt.header {
				req.Header[k] = v
			}
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			res := rec.Result()
			if res.StatusCode != tt.wantStatus {
				t.Fatalf("%s %s: status %d, want %d", tt.method, tt.target, res.StatusCode, tt.wantStatus)
			}
			check := func(header, want string) {
				t.Helper()
				if want != "" && res.Header.Get(header) != want {
					t.Errorf("%s = %q, want %q", header, res.Header.Get(header), want)
				}
			}
			check("Content-Type", tt.wantType)
			check("Cache-Control", tt.wantCache)
			check("Location", tt.wantLocation)
			if tt.wantStatus == 200 || tt.wantStatus == 304 {
				name := tt.target[len("/static/")+hashLen+1:]
				check("ETag", `"`+assets[name].hash+`"`)
			}
			if tt.wantStatus == 200 && tt.method == "GET" {
				check("X-Content-Type-Options", "nosniff")
			}
			if tt.wantBody != nil && !bytes.Equal(rec.Body.Bytes(), tt.wantBody) {
				t.Errorf("body: %d bytes, want %d", rec.Body.Len(), len(tt.wantBody))
			}
		})
	}
}
