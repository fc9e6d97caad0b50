package web_test

import (
	"context"
	"fmt"
	"html"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/owlcms/tracker/hub"
)

// checkerboard serves a page that shows ?u= in a frame over a grey checkerboard, as OBS lays a
// browser source over the video: wherever the overlay is transparent, the squares show. (A
// data: URL cannot frame a local address.)
func checkerboard(t *testing.T) *httptest.Server {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		q := r.URL.Query()
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprintf(w, `<!DOCTYPE html><html><body style="margin:0;background:repeating-conic-gradient(#9a9a9a 0 25%%,#d8d8d8 0 50%%) 0 0/48px 48px">`+
			`<iframe src="%s" style="border:0;display:block;width:%spx;height:%spx"></iframe></body></html>`,
			html.EscapeString(q.Get("u")), html.EscapeString(q.Get("w")), html.EscapeString(q.Get("h")))
	}))
	t.Cleanup(srv.Close)
	return srv
}

// TestScreenshotsOverlays writes the attempt board (lifting, decision, break) and each video
// overlay over a checkerboard. It runs only when asked, like TestScreenshots:
//
//	SCREENSHOTS=$PWD/docs/screenshots go test ./web -run TestScreenshotsOverlays
func TestScreenshotsOverlays(t *testing.T) {
	dir := screenshotDir(t)
	s := demoServer(t)
	frame := checkerboard(t)
	b := newBrowser(t)
	shot := func(name, u string, w, h int64) {
		t.Helper()
		framed := frame.URL + "/?" + url.Values{"u": {u}, "w": {fmt.Sprint(w)}, "h": {fmt.Sprint(h)}}.Encode()
		png, err := framedShot(b, framed, w, h)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		writeShot(t, filepath.Join(dir, name+".png"), png)
	}
	apply := func(typ, payload string) {
		t.Helper()
		if _, err := s.hub.Apply(hub.MessageType(typ), []byte(payload)); err != nil {
			t.Fatal(err)
		}
	}

	board := s.srv.URL + "/attempt-board?fop=B"
	shot("attempt-board-1920x1080", board, 1920, 1080)
	shot("attempt-board-light-1366x768", board+"&theme=light", 1366, 768)
	for _, o := range overlayShots {
		shot(o.name, s.srv.URL+o.path, 1920, 1080)
	}

	apply("decision", `{"fop":"B","decisionEventType":"FULL_DECISION","d1":"true","d2":"false","d3":"true","decisionsVisible":"true","down":"false"}`)
	shot("attempt-board-decision-1920x1080", board, 1920, 1080)
	shot("lower-third-decision", s.srv.URL+"/lower-third?fop=B", 1920, 1080)
	apply("decision", `{"fop":"B","decisionEventType":"RESET","decisionsVisible":"false","down":"false"}`)

	apply("update", `{"fop":"B","fopState":"BREAK","break":"true","breakType":"TECHNICAL","mode":"INTERRUPTION","sessionName":"B1","uiEvent":"BreakStarted"}`)
	shot("lower-third-interruption", s.srv.URL+"/lower-third?fop=B&position=top-left", 1920, 1080)
	apply("update", `{"fop":"B","fopState":"BREAK","break":"true","breakType":"FIRST_CJ","mode":"LIFT_COUNTDOWN","sessionName":"B1","weight":"150","uiEvent":"BreakStarted"}`)
	apply("timer", `{"fopName":"B","breakTimerEventType":"BreakStarted","breakMillisRemaining":"600000","indefiniteBreak":"false"}`)
	shot("attempt-board-break-1920x1080", board, 1920, 1080)
}

// overlayShots are the overlays as an OBS operator adds them, on the demo's platform B.
var overlayShots = []struct{ name, path string }{
	{"attempt-bar-overlay", "/attempt-bar?fop=B"},
	{"current-athlete-overlay", "/current-athlete?fop=B"},
	{"lower-third-bottom-left", "/lower-third?fop=B&position=bottom-left"},
	{"lower-third-bottom-right-large", "/lower-third?fop=B&position=bottom-right&size=large"},
	{"lower-third-top-right-small", "/lower-third?fop=B&position=top-right&size=small"},
}

// framedShot captures the framing page u at w×h CSS pixels (half the device pixels).
func framedShot(b *browser, u string, w, h int64) ([]byte, error) {
	tab, closeTab := chromedp.NewContext(b.ctx)
	defer closeTab()
	ctx, cancel := context.WithTimeout(tab, browserTimeout)
	defer cancel()
	err := chromedp.Do(ctx,
		chromedp.EmulateViewport(w, h, chromedp.EmulateScale(0.5)),
		chromedp.Navigate(u),
		chromedp.Sleep(1200*time.Millisecond), // the frame's page, its load refresh and a clock tick
	)
	if err != nil {
		return nil, err
	}
	return chromedp.Run(ctx, chromedp.CaptureScreenshot())
}
