package gamxtab

import (
	"bytes"
	"compress/gzip"
	"testing"
)

// FuzzDecode: any bytes decode to tables or an error, never a panic or a huge allocation
// (the embedded file is ours, but a bad regeneration must fail loudly, not crash).
func FuzzDecode(f *testing.F) {
	tb, _ := Parse("sen-men", []byte(`[[40,181.3,0.0738,8.75],[40.1,181.7,0.0739,8.74]]`))
	good, _ := Encode([]*Table{tb})
	f.Add(good)
	f.Add([]byte("GAMX2"))
	f.Fuzz(func(t *testing.T, b []byte) {
		// Fuzz the payload behind the gzip layer too, where the varints are.
		var z bytes.Buffer
		zw := gzip.NewWriter(&z)
		_, _ = zw.Write(append([]byte(magic), b...))
		_ = zw.Close()
		for _, in := range [][]byte{b, z.Bytes()} {
			ts, err := Decode(in)
			if err != nil {
				continue
			}
			for _, tt := range ts {
				if len(tt.Mu) != tt.Ages*tt.N || len(tt.Sigma) != len(tt.Mu) || len(tt.Nu) != len(tt.Mu) {
					t.Fatalf("%s: %d values for %d×%d", tt.Name, len(tt.Mu), tt.Ages, tt.N)
				}
			}
		}
	})
}
