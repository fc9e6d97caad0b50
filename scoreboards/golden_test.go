package scoreboards

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/owlcms/tracker/scoreboards/board/boardtest"
)

// TestEveryBoardHasGoldenFiles: every board of the registry has, in its package's testdata/,
// the golden files of its page (dark, light, French) and of each fragment (English, French),
// so a board cannot be added without its rendered HTML under test. A board lives in the
// package named after its URL without dashes.
func TestEveryBoardHasGoldenFiles(t *testing.T) {
	for _, b := range All() {
		dir := strings.ReplaceAll(b.Name, "-", "")
		names := []string{b.Name + "-page", b.Name + "-page-light", b.Name + "-page-fr"}
		for _, f := range b.Fragments {
			names = append(names, b.Name+"-"+f.Name, b.Name+"-"+f.Name+"-fr")
		}
		for _, n := range names {
			if _, err := os.Stat(filepath.Join(dir, boardtest.GoldenFile(n))); err != nil {
				t.Errorf("board %s: %v (write a TestGolden with boardtest.Goldens in %s/)", b.Name, err, dir)
			}
		}
	}
}
