package web_test

import (
	"fmt"
	"path/filepath"
	"testing"

	"github.com/owlcms/tracker/demo"
)

// TestScreenshotsJury writes the README's pictures of the jury on the demo: the jury board and
// the attempt board while the jury deliberates on a failed lift, then once it reversed it. Like
// TestScreenshots, it runs only when asked:
//
//	SCREENSHOTS=$PWD/docs/screenshots go test ./web -run TestScreenshotsJury
func TestScreenshotsJury(t *testing.T) {
	dir := screenshotDir(t)
	s := demoServer(t)
	b := newBrowser(t)
	apply := s.apply(t)
	shoot := func(name, path, theme string, w, h int64) {
		t.Helper()
		png, err := screenshotAny(b, s.srv.URL+path+"&theme="+theme, w, h)
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		writeShot(t, filepath.Join(dir, fmt.Sprintf("%s.png", name)), png)
	}
	if err := demo.Load(s.hub); err != nil {
		t.Fatal(err)
	}
	refereesFail(t, apply)
	juryDeliberates(t, apply)
	shoot("jury", "/jury?fop=A", "dark", 1920, 1080)
	shoot("jury-light-1366x768", "/jury?fop=A", "light", 1366, 768)
	shoot("jury-dark-390x844", "/jury?fop=A", "dark", 390, 844)
	shoot("attempt-board-jury-1920x1080", "/attempt-board?fop=A", "dark", 1920, 1080)
	juryReverses(apply)
	shoot("jury-reversal", "/jury?fop=A", "dark", 1920, 1080)
	shoot("jury-reversal-light-3840x2160", "/jury?fop=A", "light", 3840, 2160)
	shoot("attempt-board-jury-reversal-1920x1080", "/attempt-board?fop=A", "dark", 1920, 1080)
}
