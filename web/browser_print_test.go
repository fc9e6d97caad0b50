package web_test

import (
	"bytes"
	"context"
	"regexp"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// pdfPages counts the pages of a PDF written by Chromium (its page objects).
func pdfPages(pdf []byte) int {
	return len(regexp.MustCompile(`/Type\s*/Page[^s]`).FindAll(pdf, -1))
}

// TestBrowserPrintRefereeAssignments: printed from Chromium (what an organiser does), the
// officials' sheet is one A4 landscape page per day and platform, not a screenful with its
// scrollbar cut after the first platform.
func TestBrowserPrintRefereeAssignments(t *testing.T) {
	requireBrowser(t)
	s := demoServer(t)
	b := newBrowser(t)
	b.do(chromedp.Navigate(s.srv.URL + "/referee-assignments"))
	waitFor(b, "the sheet", 10*time.Second, `document.querySelectorAll('.doc-day').length`, func(n int) bool { return n > 0 })
	days := eval[int](b, `document.querySelectorAll('.doc-day').length`)
	ctx, cancel := context.WithTimeout(b.ctx, browserTimeout)
	defer cancel()
	prefer := true
	res, err := chromedp.Call(ctx, page.PrintToPDF, page.PrintToPDFParams{PreferCSSPageSize: &prefer})
	if err != nil {
		t.Fatal(err)
	}
	pdf := res.Data
	if !bytes.HasPrefix(pdf, []byte("%PDF")) {
		t.Fatal("Chromium did not print a PDF")
	}
	if got := pdfPages(pdf); got != days {
		t.Errorf("printed %d pages for %d day-and-platform tables, want one page each", got, days)
	}
	// A4 landscape: 842 × 595 points.
	if !regexp.MustCompile(`/MediaBox\s*\[\s*0 0 84[12]\.?\d* 59[45]\.?\d*\s*\]`).Match(pdf) {
		t.Errorf("pages are not A4 landscape: %s", regexp.MustCompile(`/MediaBox\s*\[[^\]]*\]`).Find(pdf))
	}
}
