package fragcache

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestCarried: one answer per combination of what the page shows, with what changed of the
// grid (nothing, its rows, or all of it) and the bar after it when it changed.
func TestCarried(t *testing.T) {
	c := New(Options{})
	grid := func(key, html string) *Entry {
		t.Helper()
		e, err := c.Get(key, func(w io.Writer) error { return NumberRows(w, "grid", writeString(html)) })
		if err != nil {
			t.Fatal(err)
		}
		return e
	}
	bar := func(key, html string) *Entry {
		t.Helper()
		e, err := c.Get(key, writeString(html))
		if err != nil {
			t.Fatal(err)
		}
		return e
	}
	g1 := grid("g1", table("Name", "ANNA 100", "BO 101", "CARL 102", "DAG 103", "EVA 104", "FRODE 105"))
	g2 := grid("g2", table("Name", "ANNA 100", "BO 105", "CARL 102", "DAG 103", "EVA 104", "FRODE 105"))
	b1, b2 := bar("b1", `<div class="bar">BO 101</div>`), bar("b2", `<div class="bar">BO 105</div>`)
	const oob2 = `<template><div id="bar" hx-swap-oob="innerHTML"><div class="bar">BO 105</div></div></template>`
	row2 := `<tr hx-swap-oob="true" id="grid-r2" class="a"><td>BO 105</td></tr>`

	tests := []struct {
		name           string
		have, haveBar  string
		to, toBar      *Entry
		want           string // "" for no answer
		whole, answers bool
	}{
		{"up to date", g1.ETag, b1.ETag, g1, b1, "", false, false},
		{"the bar alone", g1.ETag, b1.ETag, g1, b2, oob2, false, true},
		{"rows and the bar", g1.ETag, b1.ETag, g2, b2, row2 + oob2, false, true},
		{"rows alone", g1.ETag, b2.ETag, g2, b2, row2, false, true},
		{"a page that names nothing", "", "", g2, b2, string(g2.Plain) + oob2, true, true},
		{"an unknown grid", `"gone"`, b2.ETag, g2, b2, string(g2.Plain), true, true},
	}
	for _, tt := range tests {
		ans, whole, err := c.Carried(tt.have, tt.to, tt.haveBar, tt.toBar, "bar")
		if err != nil {
			t.Fatal(err)
		}
		if (ans != nil) != tt.answers || whole != tt.whole {
			t.Errorf("%s: answer %v, whole %v", tt.name, ans != nil, whole)
			continue
		}
		if ans == nil {
			continue
		}
		if diff := cmp.Diff(tt.want, string(ans.Plain)); diff != "" {
			t.Errorf("%s (-want +got):\n%s", tt.name, diff)
		}
		again, _, _ := c.Carried(tt.have, tt.to, tt.haveBar, tt.toBar, "bar")
		if again != ans {
			t.Errorf("%s: built twice for the same versions", tt.name)
		}
	}
}

// TestServeCarried: a carrying answer is for the page that asked: never stored, no validator,
// and htmx told to leave the grid as it is unless the answer is the whole grid.
func TestServeCarried(t *testing.T) {
	e, err := newEntry([]byte(strings.Repeat(`<tr hx-swap-oob="true" id="grid-r2"><td>x</td></tr>`, 20)))
	if err != nil {
		t.Fatal(err)
	}
	for _, whole := range []bool{false, true} {
		rec := httptest.NewRecorder()
		r := httptest.NewRequest(http.MethodGet, "/lifting-order/grid", nil)
		r.Header.Set("Accept-Encoding", "gzip")
		r.Header.Set("If-None-Match", e.ETag) // what a browser's cache adds: no 304 for it
		e.ServeCarried(rec, r, whole)
		h := rec.Header()
		if rec.Code != http.StatusOK || h.Get("Cache-Control") != "no-store" || h.Get("ETag") != "" || h.Get("Vary") != "" ||
			h.Get("Content-Encoding") != "gzip" || (h.Get("HX-Reswap") == "none") == whole {
			t.Errorf("whole %v: %d %v", whole, rec.Code, h)
		}
	}
}
