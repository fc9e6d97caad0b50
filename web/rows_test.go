package web_test

import (
	"net/http"
	"strings"
	"testing"
)

// TestRowsAnswer: a page that shows the grid and the bar before a weight change and says so
// gets only the rows that changed and the bar, once per pair of versions; a page that says
// nothing, or names a version the tracker does not know, gets the whole grid; a page already
// up to date gets nothing.
func TestRowsAnswer(t *testing.T) {
	s, c, fx := capturedMeet(t)
	const u = "/lifting-order/grid?fop=A&lang=nb"
	const oobBar = `<template><div id="bar" hx-swap-oob="innerHTML">`

	r1, whole1 := s.get(t, u)
	v1, b1 := r1.Header.Get("X-Fragment-Version"), r1.Header.Get("X-Fragment-Carried-Version")
	if v1 == "" || b1 == "" || !strings.Contains(whole1, `<tr id="grid-r0"`) || !strings.Contains(whole1, oobBar) {
		t.Fatalf("whole grid: %v %.200s", r1.Header, whole1)
	}
	if r, body := s.get(t, u, "X-Fragment-Have: "+v1, "X-Fragment-Carried-Have: "+b1); r.StatusCode != http.StatusNoContent || body != "" {
		t.Errorf("up to date: %d %q", r.StatusCode, body)
	}

	sendUpdate(t, c, liftingOrderUpdate(t, fx, 172))
	r2, whole2 := s.get(t, u)
	v2 := r2.Header.Get("X-Fragment-Version")
	renders := s.frags.Stats().Renders
	var rows string
	for range 3 { // three viewers at v1
		r, body := s.get(t, u, "X-Fragment-Have: "+v1, "X-Fragment-Carried-Have: "+b1)
		if r.StatusCode != http.StatusOK || r.Header.Get("HX-Reswap") != "none" || r.Header.Get("X-Fragment-Version") != v2 ||
			r.Header.Get("ETag") != "" || r.Header.Get("Cache-Control") != "no-store" {
			t.Fatalf("rows answer: %d %v", r.StatusCode, r.Header)
		}
		rows = body
	}
	// The rows between v1 and v2, and the answer that joins them to the bar.
	if n := s.frags.Stats().Renders - renders; n != 2 {
		t.Errorf("%d renders for three viewers moving from the same versions, want 2", n)
	}
	rowsOnly, bar, _ := strings.Cut(rows, oobBar)
	if !strings.Contains(rowsOnly, `hx-swap-oob="true"`) || !strings.Contains(rowsOnly, "172") || strings.Contains(rowsOnly, "<table") ||
		len(rowsOnly)*3 > len(whole2) {
		t.Errorf("rows answer (%d bytes, whole grid %d): %.300s", len(rowsOnly), len(whole2), rows)
	}
	if !strings.Contains(bar, `"bar-weight">172<`) {
		t.Errorf("the bar does not come with the rows, or not with the new weight: %.300s", bar)
	}
	t.Logf("whole grid %d bytes, rows and bar answer %d bytes", len(whole2), len(rows))
	for _, have := range []string{"", `"not-a-version"`} {
		r, body := s.get(t, u, "X-Fragment-Have: "+have)
		if r.StatusCode != http.StatusOK || body != whole2 {
			t.Errorf("have %q: %d, whole grid %v", have, r.StatusCode, body == whole2)
		}
	}
}
