package web_test

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestScreenshotsPhone writes the README's pictures of the phone view (static/css/phone.css):
// boards at 390×844, at the phone's own scale so that the picture reads as the phone does, with
// animations paused. Like TestScreenshots, it runs only when asked:
//
//	SCREENSHOTS=$PWD/docs/screenshots go test ./web -run TestScreenshotsPhone
func TestScreenshotsPhone(t *testing.T) {
	dir := screenshotDir(t)
	s := demoServer(t)
	b := newBrowser(t)
	for name, u := range map[string]string{
		"phone-start-order-dark":     "/start-order?fop=A",
		"phone-lifting-order-light":  "/lifting-order?fop=A&theme=light",
		"phone-team-scoreboard-dark": "/team-scoreboard?fop=A&gender=MF&showPredicted=true",
		"phone-top-score-light":      "/top-score?fop=B&theme=light",
		"phone-team-rankings-dark":   "/team-rankings?fop=A&gender=MF",
		"phone-start-list-light":     "/start-list?fop=A&theme=light",
	} {
		png, err := phoneShot(b, s.srv.URL+u)
		if err != nil {
			t.Fatalf("%s: %v", u, err)
		}
		writeShot(t, filepath.Join(dir, name+".png"), png)
	}
}

// phoneShot opens u in a new tab at 390×844 CSS pixels, lets its fragments and flags load,
// freezes animations and captures it.
func phoneShot(b *browser, u string) ([]byte, error) {
	tab, closeTab := chromedp.NewContext(b.ctx)
	defer closeTab()
	ctx, cancel := context.WithTimeout(tab, browserTimeout)
	defer cancel()
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(390, 844), chromedp.Navigate(u), chromedp.Sleep(time.Second)); err != nil {
		return nil, err
	}
	// A constructed stylesheet: the pages' Content-Security-Policy refuses <style> elements.
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`(() => {
		const s = new CSSStyleSheet();
		s.replaceSync("*{animation:none!important}");
		document.adoptedStyleSheets = [...document.adoptedStyleSheets, s];
		return true;
	})()`)); err != nil {
		return nil, err
	}
	if err := chromedp.Do(ctx, chromedp.Sleep(300*time.Millisecond)); err != nil {
		return nil, err
	}
	return chromedp.Run(ctx, chromedp.CaptureScreenshot())
}
