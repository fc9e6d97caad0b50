package fragcache

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"strconv"
	"sync"
)

// Entry is a rendered fragment ready to be served. It is immutable once
// returned by Cache.Get and shared by all viewers.
type Entry struct {
	// ETag is a strong, quoted validator derived from a hash of Plain only
	// (not of the key), so identical output under a new key (for example
	// after an unrelated hub version bump) keeps the same ETag and browsers
	// still get a 304. The gzip representation carries the same ETag: it
	// decodes to the same bytes, and since ranges are not served and
	// If-None-Match uses weak comparison anyway, sharing it is harmless.
	ETag string
	// Plain is the uncompressed HTML.
	Plain []byte
	// Gzip is Plain compressed once at gzip.BestCompression, or nil when
	// that is not smaller than Plain (tiny fragments).
	Gzip []byte
}

// newEntry copies plain, hashes it and compresses it. plain may be reused
// by the caller afterwards.
func newEntry(plain []byte) (*Entry, error) {
	sum := sha256.Sum256(plain)
	var tag [2 + 16]byte
	tag[0], tag[len(tag)-1] = '"', '"'
	hex.Encode(tag[1:len(tag)-1], sum[:8])

	e := &Entry{ETag: string(tag[:]), Plain: bytes.Clone(plain)}
	if e.Plain == nil {
		e.Plain = []byte{}
	}
	gz, err := compress(plain)
	if err != nil {
		return nil, err
	}
	if len(gz) < len(plain) {
		e.Gzip = gz
	}
	return e, nil
}

// size is what the entry counts against Options.MaxBytes.
func (e *Entry) size() int64 { return int64(len(e.Plain) + len(e.Gzip)) }

// gzipWriters pools BestCompression writers: each holds several hundred KB
// of compressor state, which would otherwise be allocated per render.
// BestCompression (not BestSpeed) because a fragment is compressed once and
// then served thousands of times.
var gzipWriters = sync.Pool{New: func() any {
	w, _ := gzip.NewWriterLevel(nil, gzip.BestCompression) // level is valid
	return w
}}

// compress returns plain gzip-compressed into a right-sized slice.
func compress(plain []byte) ([]byte, error) {
	buf := getBuffer()
	defer putBuffer(buf)
	zw := gzipWriters.Get().(*gzip.Writer)
	defer gzipWriters.Put(zw)
	zw.Reset(buf)
	if _, err := zw.Write(plain); err != nil {
		return nil, err
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return bytes.Clone(buf.Bytes()), nil
}

// buffers pools scratch buffers for rendering and compressing; entries keep
// right-sized copies, never the pooled buffers.
var buffers = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// maxPooledBuffer keeps one unusually large fragment from pinning a large
// buffer in the pool forever.
const maxPooledBuffer = 1 << 20

func getBuffer() *bytes.Buffer { return buffers.Get().(*bytes.Buffer) }

func putBuffer(b *bytes.Buffer) {
	if b.Cap() > maxPooledBuffer {
		return
	}
	b.Reset()
	buffers.Put(b)
}

// ServeHTTP writes the entry with headers suited to htmx polling:
//
//   - Cache-Control: no-cache, because htmx re-requests the same URL after
//     every event and the content behind it changes; browsers must
//     revalidate every time, and the ETag makes that a cheap 304.
//   - Vary: Accept-Encoding, because the body depends on it.
//   - X-Content-Type-Options: nosniff, so the fragment is only ever HTML.
//
// If-None-Match matching the ETag (lists, W/ prefixes and * handled) yields
// 304 with no body. When Accept-Encoding accepts gzip (q=0 means refused)
// and a gzip form exists, the gzip bytes are sent with Content-Encoding:
// gzip. Content-Length is always set. HEAD writes headers only.
//
// Why not http.ServeContent, which the /local/ assets use: an entry has two representations
// under one ETag, and ServeContent would serve byte ranges of whichever one it is given (a
// range of the gzip bytes, validated by the plain form's tag) and drops Content-Length as soon
// as Content-Encoding is set. What it would bring here (If-None-Match with weak comparison)
// is noneMatch, twenty lines tested on their own.
func (e *Entry) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("ETag", e.ETag)
	h.Set("Cache-Control", "no-cache")
	if !varies(h, "Accept-Encoding") {
		h.Add("Vary", "Accept-Encoding")
	}
	h.Set("X-Content-Type-Options", "nosniff")

	if (r.Method == http.MethodGet || r.Method == http.MethodHead) &&
		noneMatch(r.Header.Values("If-None-Match"), e.ETag) {
		// A 304 describes the cached representation; like net/http's
		// ServeContent, send no content headers and no body.
		h.Del("Content-Type")
		h.Del("Content-Length")
		h.Del("Content-Encoding")
		w.WriteHeader(http.StatusNotModified)
		return
	}

	e.writeBody(w, r)
}

// ServeRows writes a rows answer (Cache.Rows): no validator, since what it applies to is the
// version the page shows, not the URL; never stored (no-store), so a browser's cache keeps the
// last whole fragment; and HX-Reswap: none, so htmx performs the rows' out-of-band swaps and
// leaves the rest of the fragment as it is.
func (e *Entry) ServeRows(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("HX-Reswap", "none")
	e.serveUnstored(w, r)
}

// serveUnstored writes an answer that applies to the page that asked, not to the URL: never
// stored, without a validator, and without Vary, which only tells caches what a stored
// answer depends on (24 bytes less on each of the answers every viewer gets per change).
//
// It carries no Content-Security-Policy either (66 bytes less): a policy applies to a
// document, and this answer never becomes one. Only a page's script asks for it (it exists
// for requests naming the versions the page shows, headers a navigation cannot send), it is
// never stored (so no later navigation finds it in a cache), and what it holds is swapped into
// the page that asked, under that page's policy. Whole fragments, which are stored and may be
// opened by their URL, keep theirs.
func (e *Entry) serveUnstored(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Del("Content-Security-Policy")
	h.Set("Cache-Control", "no-store")
	h.Set("X-Content-Type-Options", "nosniff")
	e.writeBody(w, r)
}

// writeBody writes the status, the content headers and the body, gzip when the client takes it.
func (e *Entry) writeBody(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	body := e.Plain
	if e.Gzip != nil && acceptsGzip(r.Header.Values("Accept-Encoding")) {
		body = e.Gzip
		h.Set("Content-Encoding", "gzip")
	} else {
		h.Del("Content-Encoding")
	}
	h.Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(http.StatusOK)
	if r.Method != http.MethodHead {
		w.Write(body) //nolint:errcheck // the client went away; nothing to do
	}
}
