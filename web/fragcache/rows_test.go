package fragcache

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// table renders a small board table: a heading row and one row per cell text.
func table(heading string, cells ...string) string {
	var b strings.Builder
	b.WriteString(`<div class="fit"><table><thead><tr><th>` + heading + `</th></tr></thead><tbody>`)
	for _, c := range cells {
		b.WriteString(`<tr class="a"><td>` + c + `</td></tr>`)
	}
	b.WriteString(`</tbody></table></div>`)
	return b.String()
}

func numbered(t *testing.T, html string) string {
	t.Helper()
	var b strings.Builder
	if err := NumberRows(&b, "grid", writeString(html)); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func TestNumberRows(t *testing.T) {
	got := numbered(t, `<table><tr><th>x</th></tr><tr class="c"><td><track>y</td></tr></table><tr>`)
	want := `<table><tr id="grid-r0"><th>x</th></tr><tr id="grid-r1" class="c"><td><track>y</td></tr></table><tr id="grid-r2">`
	if got != want {
		t.Errorf("NumberRows:\n got %s\nwant %s", got, want)
	}
}

func TestRowsDelta(t *testing.T) {
	base := numbered(t, table("Name", "ANNA 100", "BO 101", "CARL 102", "DAG 103", "EVA 104", "FRODE 105"))
	tests := []struct {
		name string
		new  string
		want string // "" for the whole fragment
	}{
		{"one row", table("Name", "ANNA 100", "BO 105", "CARL 102", "DAG 103", "EVA 104", "FRODE 105"),
			`<tr hx-swap-oob="true" id="grid-r2" class="a"><td>BO 105</td></tr>`},
		{"two rows swapped", table("Name", "BO 101", "ANNA 100", "CARL 102", "DAG 103", "EVA 104", "FRODE 105"),
			`<tr hx-swap-oob="true" id="grid-r1" class="a"><td>BO 101</td></tr>` +
				`<tr hx-swap-oob="true" id="grid-r2" class="a"><td>ANNA 100</td></tr>`},
		{"a heading row is a row", table("Nom", "ANNA 100", "BO 101", "CARL 102", "DAG 103", "EVA 104", "FRODE 105"),
			`<tr hx-swap-oob="true" id="grid-r0"><th>Nom</th></tr>`},
		{"the fit changed", strings.Replace(table("Name", "ANNA 100", "BO 105", "CARL 102", "DAG 103", "EVA 104", "FRODE 105"),
			`class="fit"`, `class="fit" style="--rows:7"`, 1), ""},
		{"a row more", table("Name", "ANNA 100", "BO 101", "CARL 102", "DAG 103", "EVA 104", "FRODE 105", "GRO 99"), ""},
		{"most rows", table("Name", "A", "B", "C", "D", "E", "F"), ""},
	}
	for _, tt := range tests {
		got := string(rowsDelta([]byte(base), []byte(numbered(t, tt.new))))
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("%s (-want +got):\n%s", tt.name, diff)
		}
	}
	if d := rowsDelta([]byte(base), []byte(base)); d != nil {
		t.Errorf("identical versions: %q", d)
	}
	if d := rowsDelta([]byte(`<tr><td>x`), []byte(`<tr><td>y`)); d != nil {
		t.Errorf("unclosed row: %q", d)
	}
}

// Every viewer moves from the same version to the same next one: the rows answer is built once
// per pair, and a version the cache no longer holds (or never had) gets the whole fragment.
func TestRowsOncePerPair(t *testing.T) {
	c := New(Options{})
	render := func(html string) func(io.Writer) error {
		return func(w io.Writer) error { return NumberRows(w, "grid", writeString(html)) }
	}
	v1, err := c.Get("grid|1", render(table("Name", "ANNA 100", "BO 101", "CARL 102", "DAG 103")))
	if err != nil {
		t.Fatal(err)
	}
	v2, err := c.Get("grid|2", render(table("Name", "ANNA 100", "BO 106", "CARL 102", "DAG 103")))
	if err != nil {
		t.Fatal(err)
	}
	before := c.Stats().Renders
	for range 3 {
		d := c.Rows(v1.ETag, v2)
		if d == nil || !strings.Contains(string(d.Plain), "BO 106") || strings.Contains(string(d.Plain), "ANNA") {
			t.Fatalf("rows answer = %+v", d)
		}
	}
	if n := c.Stats().Renders - before; n != 1 {
		t.Errorf("%d renders of the rows answer, want 1", n)
	}
	if d := c.Rows(`"unknown"`, v2); d != nil {
		t.Errorf("unknown version: %q", d.Plain)
	}
	if d := c.Rows(v2.ETag, v2); d != nil {
		t.Errorf("current version: %q", d.Plain)
	}
	// A rows answer is never a starting point: only whole fragments are.
	d := c.Rows(v1.ETag, v2)
	if c.Rows(d.ETag, v2) != nil {
		t.Error("a rows answer served as a start")
	}
}

func TestRowsForgottenWithTheirFragment(t *testing.T) {
	c := New(Options{MaxEntries: 2})
	v1, _ := c.Get("grid|1", writeString(table("Name", "A1", "B")))
	c.Get("other|1", writeString("x")) //nolint:errcheck
	c.Get("other|2", writeString("y")) //nolint:errcheck // evicts grid|1
	v2, _ := c.Get("grid|2", writeString(table("Name", "A2", "B")))
	if d := c.Rows(v1.ETag, v2); d != nil {
		t.Errorf("evicted version still a start: %q", d.Plain)
	}
}

func TestServeRows(t *testing.T) {
	e, err := newEntry([]byte(strings.Repeat(`<tr hx-swap-oob="true" id="grid-r1"><td>BO 106</td></tr>`, 20)))
	if err != nil {
		t.Fatal(err)
	}
	r := httptest.NewRequest(http.MethodGet, "/x", nil)
	r.Header.Set("Accept-Encoding", "gzip")
	r.Header.Set("If-None-Match", e.ETag) // a browser revalidating its last whole fragment
	w := httptest.NewRecorder()
	e.ServeRows(w, r)
	h := w.Result().Header
	if w.Code != http.StatusOK || h.Get("ETag") != "" || h.Get("Cache-Control") != "no-store" ||
		h.Get("HX-Reswap") != "none" || h.Get("Content-Encoding") != "gzip" {
		t.Errorf("rows answer: %d %v", w.Code, h)
	}
}
