package web_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestScreenshots writes the README's board screenshots: every standard board, dark and
// light, at 1920×1080 and 1366×768, on the embedded demo competition. It runs only when
// asked:
//
//	SCREENSHOTS=docs/screenshots go test ./web -run TestScreenshots
//
// (the path is relative to web/; use an absolute one or ../docs/screenshots). Images are taken
// at half the device pixel ratio so that the committed PNGs stay small; animations are
// paused so the current lifter is not caught mid-blink.
func TestScreenshots(t *testing.T) {
	dir := screenshotDir(t)
	s := demoServer(t)
	b := newBrowser(t)

	// The meet-wide boards: teams, best lifters, the officials' sheet.
	for name, u := range map[string]string{
		"team-scoreboard-1920x1080": "/team-scoreboard?fop=A&gender=MF&showPredicted=true",
		"top-score-1920x1080":       "/top-score?fop=B",
		"top-teams-1920x1080":       "/top-teams?fop=B",
		"team-rankings-1920x1080":   "/team-rankings?fop=A&gender=MF&pageSize=5",
		"referee-assignments":       "/referee-assignments",
		"multi-ranks-1920x1080":     "/multi-ranks?fop=B",
	} {
		png, err := screenshotAny(b, s.srv.URL+u, 1920, 1080)
		if err != nil {
			t.Fatalf("%s: %v", u, err)
		}
		writeShot(t, filepath.Join(dir, name+".png"), png)
	}
	// The landing page, whole: every board of every platform and the URL builder.
	png, err := screenshotAny(b, s.srv.URL+"/", 1366, 1500)
	if err != nil {
		t.Fatal(err)
	}
	writeShot(t, filepath.Join(dir, "landing-demo.png"), png)

	sizes := []struct{ w, h int64 }{{1920, 1080}, {1366, 768}}
	for _, board := range []string{"start-order", "lifting-order", "rankings"} {
		for _, theme := range []string{"dark", "light"} {
			for _, sz := range sizes {
				fop := map[string]string{"start-order": "B", "lifting-order": "A", "rankings": "B"}[board]
				u := s.srv.URL + "/" + board + "?fop=" + fop + "&theme=" + theme
				png, err := screenshot(b, u, sz.w, sz.h)
				if err != nil {
					t.Fatalf("%s: %v", u, err)
				}
				writeShot(t, filepath.Join(dir, board+"-"+theme+"-"+fmt.Sprintf("%dx%d", sz.w, sz.h)+".png"), png)
			}
		}
	}
}

// screenshotDir is the folder named by $SCREENSHOTS, created if needed; without it the test
// skips.
func screenshotDir(t *testing.T) string {
	t.Helper()
	dir := os.Getenv("SCREENSHOTS")
	if dir == "" {
		t.Skip("set SCREENSHOTS=<dir> to write the board screenshots")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

func writeShot(t *testing.T, name string, png []byte) {
	t.Helper()
	if err := os.WriteFile(name, png, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("wrote %s (%d bytes)", name, len(png))
}

// screenshotAny is screenshot for a page that need not have a grid.
func screenshotAny(b *browser, u string, w, h int64) ([]byte, error) {
	tab, closeTab := chromedp.NewContext(b.ctx)
	defer closeTab()
	ctx, cancel := context.WithTimeout(tab, browserTimeout)
	defer cancel()
	err := chromedp.Do(ctx, chromedp.EmulateViewport(w, h, chromedp.EmulateScale(0.5)), chromedp.Navigate(u),
		chromedp.Sleep(700*time.Millisecond))
	if err != nil {
		return nil, err
	}
	return chromedp.Run(ctx, chromedp.CaptureScreenshot())
}

// screenshot opens u in a new tab of b's browser (closed afterwards, with its event stream)
// at w×h CSS pixels and half the device pixels, freezes animations and captures it.
func screenshot(b *browser, u string, w, h int64) ([]byte, error) {
	tab, closeTab := chromedp.NewContext(b.ctx)
	defer closeTab()
	ctx, cancel := context.WithTimeout(tab, browserTimeout)
	defer cancel()
	err := chromedp.Do(ctx,
		chromedp.EmulateViewport(w, h, chromedp.EmulateScale(0.5)),
		chromedp.Navigate(u),
		chromedp.WaitVisible("#grid table"),
	)
	if err != nil {
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
	if err := chromedp.Do(ctx, chromedp.Sleep(300*time.Millisecond)); err != nil { // htmx's load refresh
		return nil, err
	}
	return chromedp.Run(ctx, chromedp.CaptureScreenshot())
}
