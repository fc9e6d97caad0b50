package scoring

import (
	"math"
	"os"
	"testing"

	"github.com/owlcms/tracker/hub/scoring/internal/gamxtab"
)

// TestGAMXTablesMatchPublished compares the built-in tables with OWLCMS's published JSON,
// row by row and score by score, when GAMX_TABLES names a directory holding them (they are
// megabytes, so not in the repository).
func TestGAMXTablesMatchPublished(t *testing.T) {
	dir := os.Getenv("GAMX_TABLES")
	if dir == "" {
		t.Skip("GAMX_TABLES is not set: no published tables to compare with")
	}
	published, err := gamxtab.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(published) == 0 {
		t.Skipf("no published table in %s", dir)
	}
	for _, p := range published {
		b := gamxTable(p.Name)
		if b == nil {
			t.Errorf("%s: published but not built in (run go generate)", p.Name)
			continue
		}
		if b.Ages != p.Ages || b.N != p.N || b.MinAge != p.MinAge || b.BW0 != p.BW0 {
			t.Errorf("%s: shape %d×%d from %d/%d, published %d×%d from %d/%d", p.Name, b.Ages, b.N, b.MinAge, b.BW0, p.Ages, p.N, p.MinAge, p.BW0)
			continue
		}
		worst := 0.0
		for i := range p.Mu {
			for _, total := range []float64{0.7, 1, 1.2} {
				want := gamxScore(total*p.Mu[i], p.Mu[i], p.Sigma[i], p.Nu[i])
				got := gamxScore(total*p.Mu[i], b.Mu[i], b.Sigma[i], b.Nu[i])
				worst = max(worst, math.Abs(got-want))
			}
		}
		if worst > 1e-4 {
			t.Errorf("%s: scores differ by up to %g", p.Name, worst)
		}
		t.Logf("%s: %d rows, largest score difference %.2g", p.Name, len(p.Mu), worst)
	}
}
