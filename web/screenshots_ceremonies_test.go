package web_test

import (
	"fmt"
	"path/filepath"
	"testing"
)

// TestScreenshotsCeremonies writes the README's pictures of the ceremony boards on the demo:
// the start list and the medals (the session's medal leaders, then the podium of a medal
// ceremony), dark on a TV, light on a laptop, dark on a phone, and the ceremony light on a 4K TV. Like
// TestScreenshots, it runs only when asked:
//
//	SCREENSHOTS=$PWD/docs/screenshots go test ./web -run TestScreenshotsCeremonies
func TestScreenshotsCeremonies(t *testing.T) {
	dir := screenshotDir(t)
	s := demoServer(t)
	b := newBrowser(t)
	// Each board dark on a TV, light on a laptop, dark on a phone; the ceremony on a 4K TV too.
	shots := []struct {
		theme string
		w, h  int64
	}{{"dark", 1920, 1080}, {"light", 1366, 768}, {"dark", 390, 844}}
	shoot := func(name, path string, extra ...struct {
		theme string
		w, h  int64
	}) {
		t.Helper()
		for _, sh := range append(shots, extra...) {
			png, err := screenshotAny(b, s.srv.URL+path+"&theme="+sh.theme, sh.w, sh.h)
			if err != nil {
				t.Fatalf("%s: %v", path, err)
			}
			writeShot(t, filepath.Join(dir, fmt.Sprintf("%s-%s-%dx%d.png", name, sh.theme, sh.w, sh.h)), png)
		}
	}
	shoot("start-list", "/start-list?fop=A")
	shoot("medals", "/medals?fop=B")
	ceremony(t, s, "B", demoMedals("B"))
	shoot("medals-ceremony", "/medals?fop=B", struct {
		theme string
		w, h  int64
	}{"light", 3840, 2160})
}
