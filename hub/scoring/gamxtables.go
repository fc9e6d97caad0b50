package scoring

import (
	_ "embed"
	"math"
	"sync"

	"github.com/owlcms/tracker/hub/scoring/internal/gamxtab"
)

// gamx.bin is OWLCMS's published GAMX parameter tables in the compact form of gamxtab,
// made by gamxgen from the published JSON (see docs/scoring.md for the regeneration).
//
//go:generate go run ./internal/gamxgen -src=${GAMX_TABLES} -out=gamx.bin
//go:embed gamx.bin
var gamxBin []byte

// The tables are decoded on first use: a tracker that never shows GAMX never pays for them.
var gamxTables = sync.OnceValue(func() map[string]*gamxParams {
	ts, err := gamxtab.Decode(gamxBin)
	if err != nil {
		return nil
	}
	out := map[string]*gamxParams{}
	for _, t := range ts {
		out[t.Name] = &gamxParams{t}
	}
	return out
})

func gamxTable(name string) *gamxParams { return gamxTables()[name] }

// gamxBuiltIn are the names of the tables gamx.bin holds, read without their parameters: the
// scoring systems on offer depend on it, and a tracker that never scores GAMX keeps the
// megabytes of decoded tables out of its memory.
var gamxBuiltIn = sync.OnceValue(func() map[string]bool {
	ts, err := gamxtab.Shapes(gamxBin)
	if err != nil {
		return nil
	}
	out := map[string]bool{}
	for _, t := range ts {
		out[t.Name] = true
	}
	return out
})

type gamxParams struct{ *gamxtab.Table }

// at is the parameters at a bodyweight and age: the age held to the table's range, the
// bodyweight too, and interpolated linearly between the two rows 0.1 kg apart around it.
func (t *gamxParams) at(bw float64, age int) (mu, sigma, nu float64) {
	base := 0
	if t.HasAges {
		a := min(max(age, t.MinAge), t.MinAge+t.Ages-1)
		base = (a - t.MinAge) * t.N
	}
	x := bw*10 - float64(t.BW0) // in rows
	x = min(max(x, 0), float64(t.N-1))
	i := int(math.Floor(x))
	f := x - float64(i)
	if i >= t.N-1 {
		i, f = t.N-1, 0
	}
	lerp := func(v []float64) float64 {
		if f == 0 {
			return v[base+i]
		}
		return v[base+i]*(1-f) + v[base+i+1]*f
	}
	return lerp(t.Mu), lerp(t.Sigma), lerp(t.Nu)
}
