package gamxtab

import (
	"math"
	"testing"
)

func TestParseEncodeDecode(t *testing.T) {
	// An invented table with ages: two ages, three bodyweights each.
	src := `[[20,40.0,100.5,0.08,2.5],[20,40.1,100.9,0.0801,2.49],[20,40.2,101.4,0.0802,-0.3],
	         [21,40.0,110.5,0.09,1.5],[21,40.1,110.9,0.0901,1.49],[21,40.2,111.4,0.0902,0]]`
	aged, err := Parse("iwf-men", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if !aged.HasAges || aged.MinAge != 20 || aged.Ages != 2 || aged.N != 3 || aged.BW0 != 400 {
		t.Fatalf("shape: %+v", aged)
	}
	flat, err := Parse("sen-wom", []byte(`[[40,181.3,0.0738,8.75],[40.1,181.7,0.0739,8.74]]`))
	if err != nil {
		t.Fatal(err)
	}
	if flat.HasAges || flat.Ages != 1 || flat.N != 2 {
		t.Fatalf("shape: %+v", flat)
	}
	b, err := Encode([]*Table{aged, flat})
	if err != nil {
		t.Fatal(err)
	}
	back, err := Decode(b)
	if err != nil {
		t.Fatal(err)
	}
	if len(back) != 2 || back[0].Name != "iwf-men" || back[1].Name != "sen-wom" || !back[0].HasAges || back[1].HasAges {
		t.Fatalf("decoded %d tables", len(back))
	}
	for i, want := range []*Table{aged, flat} {
		got := back[i]
		for k, pair := range [3][2][]float64{{want.Mu, got.Mu}, {want.Sigma, got.Sigma}, {want.Nu, got.Nu}} {
			for j := range pair[0] {
				if math.Abs(pair[0][j]-pair[1][j]) > quantum(quantumExp[k]) {
					t.Errorf("%s param %d row %d: %v, want %v", got.Name, k, j, pair[1][j], pair[0][j])
				}
			}
		}
	}
}

func TestParseRefusesOffGrid(t *testing.T) {
	for name, src := range map[string]string{
		"gap":          `[[40,1,0.1,1],[40.2,1,0.1,1]]`,
		"short age":    `[[20,40,1,0.1,1],[20,40.1,1,0.1,1],[21,40,1,0.1,1]]`,
		"mixed widths": `[[20,40,1,0.1,1],[40.1,1,0.1,1]]`,
		"empty":        `[]`,
		"not json":     `{`,
	} {
		if _, err := Parse("x", []byte(src)); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
	if shapes, err := Shapes(mustEncode(t)); err != nil || len(shapes) != 1 || shapes[0].N != 2 || shapes[0].Mu != nil {
		t.Errorf("shapes: %+v, %v", shapes, err)
	}
	if _, err := Decode([]byte("not gzip")); err == nil {
		t.Error("Decode accepted garbage")
	}
}

func mustEncode(t *testing.T) []byte {
	t.Helper()
	tb, err := Parse("sen-men", []byte(`[[40,181.3,0.0738,8.75],[40.1,181.7,0.0739,8.74]]`))
	if err != nil {
		t.Fatal(err)
	}
	b, err := Encode([]*Table{tb})
	if err != nil {
		t.Fatal(err)
	}
	return b
}
