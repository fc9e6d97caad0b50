package fragcache

import (
	"bytes"
	"compress/gzip"
	"io"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
)

func testEntry(t testing.TB) *Entry {
	t.Helper()
	e, err := newEntry([]byte(strings.Repeat("<tr><td>Snatch</td><td>120</td></tr>", 100)))
	if err != nil {
		t.Fatal(err)
	}
	if e.Gzip == nil {
		t.Fatal("expected a gzip form")
	}
	return e
}

func TestServeHTTP(t *testing.T) {
	e := testEntry(t)
	weak := "W/" + e.ETag
	other := `"0123456789abcdef"`

	tests := []struct {
		name        string
		method      string
		ae          []string // Accept-Encoding values
		inm         []string // If-None-Match values
		status      int
		gzip        bool
		wantBody    bool
		wantHeaders bool // content headers present
	}{
		{name: "plain no header", method: "GET", status: 200, wantBody: true, wantHeaders: true},
		{name: "gzip accepted", method: "GET", ae: []string{"gzip, deflate, br"}, status: 200, gzip: true, wantBody: true, wantHeaders: true},
		{name: "gzip uppercase with q", method: "GET", ae: []string{"br;q=1.0, GZIP;q=0.5"}, status: 200, gzip: true, wantBody: true, wantHeaders: true},
		{name: "x-gzip", method: "GET", ae: []string{"x-gzip"}, status: 200, gzip: true, wantBody: true, wantHeaders: true},
		{name: "gzip not accepted", method: "GET", ae: []string{"br, deflate"}, status: 200, wantBody: true, wantHeaders: true},
		{name: "identity only", method: "GET", ae: []string{"identity"}, status: 200, wantBody: true, wantHeaders: true},
		{name: "gzip q=0", method: "GET", ae: []string{"gzip;q=0"}, status: 200, wantBody: true, wantHeaders: true},
		{name: "gzip q=0.000 spaces", method: "GET", ae: []string{"gzip ; q=0.000"}, status: 200, wantBody: true, wantHeaders: true},
		{name: "gzip q=0 overrides star", method: "GET", ae: []string{"*, gzip;q=0"}, status: 200, wantBody: true, wantHeaders: true},
		{name: "star", method: "GET", ae: []string{"*"}, status: 200, gzip: true, wantBody: true, wantHeaders: true},
		{name: "star q=0", method: "GET", ae: []string{"*;q=0"}, status: 200, wantBody: true, wantHeaders: true},
		{name: "invalid q", method: "GET", ae: []string{"gzip;q=abc"}, status: 200, wantBody: true, wantHeaders: true},
		{name: "gzip in second header line", method: "GET", ae: []string{"br", "gzip"}, status: 200, gzip: true, wantBody: true, wantHeaders: true},
		{name: "gzipfoo is not gzip", method: "GET", ae: []string{"gzipfoo"}, status: 200, wantBody: true, wantHeaders: true},

		{name: "inm match", method: "GET", inm: []string{e.ETag}, status: 304},
		{name: "inm match with gzip", method: "GET", ae: []string{"gzip"}, inm: []string{e.ETag}, status: 304},
		{name: "inm mismatch", method: "GET", inm: []string{other}, status: 200, wantBody: true, wantHeaders: true},
		{name: "inm list", method: "GET", inm: []string{other + ", " + e.ETag}, status: 304},
		{name: "inm list no spaces", method: "GET", inm: []string{other + "," + e.ETag}, status: 304},
		{name: "inm list mismatch", method: "GET", inm: []string{other + `, "abc"`}, status: 200, wantBody: true, wantHeaders: true},
		{name: "inm second header line", method: "GET", inm: []string{other, e.ETag}, status: 304},
		{name: "inm weak", method: "GET", inm: []string{weak}, status: 304},
		{name: "inm weak in list", method: "GET", inm: []string{`W/"x", ` + weak}, status: 304},
		{name: "inm star", method: "GET", inm: []string{"*"}, status: 304},
		{name: "inm unquoted", method: "GET", inm: []string{strings.Trim(e.ETag, `"`)}, status: 200, wantBody: true, wantHeaders: true},
		{name: "inm comma inside tag", method: "GET", inm: []string{`"a,` + strings.Trim(e.ETag, `"`) + `"`}, status: 200, wantBody: true, wantHeaders: true},
		{name: "inm ignored for POST", method: "POST", inm: []string{e.ETag}, status: 200, wantBody: true, wantHeaders: true},

		{name: "head plain", method: "HEAD", status: 200, wantHeaders: true},
		{name: "head gzip", method: "HEAD", ae: []string{"gzip"}, status: 200, gzip: true, wantHeaders: true},
		{name: "head inm match", method: "HEAD", inm: []string{e.ETag}, status: 304},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := httptest.NewRequest(tt.method, "/fragment", nil)
			for _, v := range tt.ae {
				r.Header.Add("Accept-Encoding", v)
			}
			for _, v := range tt.inm {
				r.Header.Add("If-None-Match", v)
			}
			w := httptest.NewRecorder()
			e.ServeHTTP(w, r)
			res := w.Result()
			h := res.Header

			if res.StatusCode != tt.status {
				t.Fatalf("status = %d, want %d", res.StatusCode, tt.status)
			}
			for k, want := range map[string]string{
				"ETag":                   e.ETag,
				"Cache-Control":          "no-cache",
				"Vary":                   "Accept-Encoding",
				"X-Content-Type-Options": "nosniff",
			} {
				if got := h.Values(k); len(got) != 1 || got[0] != want {
					t.Errorf("%s = %q, want %q", k, got, want)
				}
			}

			wantCE, wantBody := "", e.Plain
			if tt.gzip {
				wantCE, wantBody = "gzip", e.Gzip
			}
			if !tt.wantHeaders {
				for _, k := range []string{"Content-Type", "Content-Length", "Content-Encoding"} {
					if v := h.Get(k); v != "" {
						t.Errorf("%s = %q on %d", k, v, tt.status)
					}
				}
			} else {
				if got := h.Get("Content-Type"); got != "text/html; charset=utf-8" {
					t.Errorf("Content-Type = %q", got)
				}
				if got := h.Get("Content-Encoding"); got != wantCE {
					t.Errorf("Content-Encoding = %q, want %q", got, wantCE)
				}
				if got := h.Get("Content-Length"); got != strconv.Itoa(len(wantBody)) {
					t.Errorf("Content-Length = %q, want %d", got, len(wantBody))
				}
			}
			body := w.Body.Bytes()
			if !tt.wantBody {
				if len(body) != 0 {
					t.Errorf("body has %d bytes, want none", len(body))
				}
			} else if !bytes.Equal(body, wantBody) {
				t.Errorf("body differs (%d bytes, want %d)", len(body), len(wantBody))
			}
		})
	}
}

func TestServeHTTPNoGzipForm(t *testing.T) {
	e, err := newEntry([]byte("<b>x</b>"))
	if err != nil {
		t.Fatal(err)
	}
	if e.Gzip != nil {
		t.Fatal("tiny fragment got a gzip form")
	}
	r := httptest.NewRequest("GET", "/", nil)
	r.Header.Set("Accept-Encoding", "gzip")
	w := httptest.NewRecorder()
	e.ServeHTTP(w, r)
	if ce := w.Header().Get("Content-Encoding"); ce != "" {
		t.Fatalf("Content-Encoding = %q", ce)
	}
	if w.Body.String() != "<b>x</b>" || w.Header().Get("Vary") != "Accept-Encoding" {
		t.Fatalf("body %q, Vary %q", w.Body.String(), w.Header().Get("Vary"))
	}
}

func TestServeHTTPKeepsExistingVary(t *testing.T) {
	e := testEntry(t)
	w := httptest.NewRecorder()
	w.Header().Set("Vary", "HX-Request, accept-encoding")
	e.ServeHTTP(w, httptest.NewRequest("GET", "/", nil))
	if got := w.Header().Values("Vary"); len(got) != 1 || got[0] != "HX-Request, accept-encoding" {
		t.Fatalf("Vary = %q", got)
	}
}

func TestGzipDecompressesToPlain(t *testing.T) {
	e := testEntry(t)
	zr, err := gzip.NewReader(bytes.NewReader(e.Gzip))
	if err != nil {
		t.Fatal(err)
	}
	got, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, e.Plain) {
		t.Fatal("gzip body does not decompress to Plain")
	}

	// And through a real HTTP client, which decodes transparently.
	srv := httptest.NewServer(e)
	defer srv.Close()
	res, err := srv.Client().Get(srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	body, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	if !res.Uncompressed || !bytes.Equal(body, e.Plain) {
		t.Fatalf("client: uncompressed=%v, body equal=%v", res.Uncompressed, bytes.Equal(body, e.Plain))
	}
	srv.Client().CloseIdleConnections()
}

func TestNoneMatchMalformed(t *testing.T) {
	const tag = `"abc"`
	for _, v := range []string{``, `,`, ` , ,`, `W/`, `"abc`, `abc`, `"a"b"`, "\"a\x01\", \"abc\""} {
		if noneMatch([]string{v}, tag) {
			t.Errorf("noneMatch(%q) = true", v)
		}
	}
	for _, v := range []string{`"x" ,  "abc"`, `W/"abc"`, `, "abc"`} {
		if !noneMatch([]string{v}, tag) {
			t.Errorf("noneMatch(%q) = false", v)
		}
	}
}
