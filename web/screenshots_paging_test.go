package web_test

import (
	"path/filepath"
	"testing"
	"time"
)

// TestScreenshotsPaging writes the README's screenshot of a paged board: the team scoreboard
// of the real team meet, both genders, on a laptop (1366×768), its first page. It runs only
// when asked (SCREENSHOTS=<dir>, see TestScreenshots) and with the captures.
func TestScreenshotsPaging(t *testing.T) {
	dir := screenshotDir(t)
	s, _, _ := capturedMeet(t)
	time.Sleep(300 * time.Millisecond)
	b := newBrowser(t)
	png, err := screenshotAny(b, s.srv.URL+"/team-scoreboard?fop=A&gender=MF&showPredicted=true", 1366, 768)
	if err != nil {
		t.Fatal(err)
	}
	writeShot(t, filepath.Join(dir, "team-paged.png"), png)
}
