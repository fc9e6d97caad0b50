package fragcache

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

func BenchmarkGetHit(b *testing.B) {
	c := New(Options{})
	render := writeString(strings.Repeat("<tr><td>lifter</td><td>120</td></tr>", 100))
	if _, err := c.Get("k", render); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			if _, err := c.Get("k", render); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// discardWriter is a minimal ResponseWriter so the benchmark measures
// ServeHTTP rather than httptest.ResponseRecorder.
type discardWriter struct{ h http.Header }

func (d *discardWriter) Header() http.Header         { return d.h }
func (d *discardWriter) Write(p []byte) (int, error) { return len(p), nil }
func (d *discardWriter) WriteHeader(int)             {}

func BenchmarkServeGzip(b *testing.B) {
	e := testEntry(b)
	r := httptest.NewRequest("GET", "/fragment", nil)
	r.Header.Set("Accept-Encoding", "gzip, deflate, br, zstd")
	w := &discardWriter{h: make(http.Header)}
	b.ReportAllocs()
	b.SetBytes(int64(len(e.Gzip)))
	for b.Loop() {
		clear(w.h)
		e.ServeHTTP(w, r)
	}
}
